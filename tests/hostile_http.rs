//! Hostile HTTP against the webhook example on 127.0.0.1: 1,000 concurrent callers, stalled
//! bodies, wrong methods and content types, oversized bodies and headers. The extractors keep
//! their limits and the server keeps answering.
#![cfg(feature = "axum")]

#[allow(dead_code)]
#[path = "../examples/webhook_server.rs"]
mod webhook_server;

use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

const FORM: &str = "application/x-www-form-urlencoded";
const INCOMING: &str =
    "CallSid=CA1&AccountSid=AC1&From=%2B15551234567&To=%2B15557654321&CallStatus=ringing&Direction=inbound";

async fn serve() -> std::net::SocketAddr {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, webhook_server::app(None)).await.unwrap() });
    addr
}

/// Sends raw bytes and reads the status code of the reply (0 when the server closes without one).
async fn raw_status(addr: std::net::SocketAddr, request: &[u8]) -> u16 {
    let mut stream = TcpStream::connect(addr).await.unwrap();
    let _ = stream.write_all(request).await;
    let mut reply = Vec::new();
    let _ = tokio::time::timeout(Duration::from_secs(10), stream.read_to_end(&mut reply)).await;
    let text = String::from_utf8_lossy(&reply);
    text.strip_prefix("HTTP/1.1 ").and_then(|r| r.get(..3)).and_then(|s| s.parse().ok()).unwrap_or(0)
}

async fn incoming_call(client: &reqwest::Client, base: &str) -> u16 {
    let res = client.post(format!("{base}/twiml/incoming")).header("content-type", FORM).body(INCOMING).send().await;
    res.map(|r| r.status().as_u16()).unwrap_or(0)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_thousand_concurrent_callers_are_all_answered() {
    let addr = serve().await;
    let base = format!("http://{addr}");
    let client = reqwest::Client::builder().pool_max_idle_per_host(0).build().unwrap();
    let calls: Vec<_> = (0..1000)
        .map(|_| {
            let (client, base) = (client.clone(), base.clone());
            tokio::spawn(async move { incoming_call(&client, &base).await })
        })
        .collect();
    let mut statuses = Vec::new();
    for call in calls {
        statuses.push(call.await.unwrap());
    }
    assert_eq!(statuses.iter().filter(|s| **s == 200).count(), 1000, "{statuses:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn stalled_bodies_do_not_stop_the_server() {
    let addr = serve().await;
    // Fifty callers announce a body and then send only part of it, and wait.
    let mut stalled = Vec::new();
    for _ in 0..50 {
        let mut s = TcpStream::connect(addr).await.unwrap();
        s.write_all(format!("POST /twiml/incoming HTTP/1.1\r\nHost: x\r\nContent-Type: {FORM}\r\nContent-Length: 1000\r\n\r\nCallSid=").as_bytes())
            .await
            .unwrap();
        stalled.push(s);
    }
    // Everyone else is still answered.
    let client = reqwest::Client::new();
    for _ in 0..10 {
        assert_eq!(incoming_call(&client, &format!("http://{addr}")).await, 200);
    }
    // A body that ends early is a client error once the caller gives up.
    let mut s = stalled.pop().unwrap();
    s.shutdown().await.unwrap();
    let mut reply = Vec::new();
    let _ = tokio::time::timeout(Duration::from_secs(10), s.read_to_end(&mut reply)).await;
    let reply = String::from_utf8_lossy(&reply);
    assert!(reply.is_empty() || reply.starts_with("HTTP/1.1 400"), "{reply}");
}

#[tokio::test]
async fn wrong_methods_types_and_sizes_get_their_status() {
    let addr = serve().await;
    let get = "GET /twiml/incoming HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
    let put = "PUT /twiml/incoming HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
    let json = "POST /twiml/incoming HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}";
    let big = "a".repeat(70_000);
    let too_large = format!(
        "POST /twiml/incoming HTTP/1.1\r\nHost: x\r\nContent-Type: {FORM}\r\nContent-Length: {}\r\nConnection: close\r\n\r\nCallSid={big}",
        big.len() + 8
    );
    let huge_header = format!(
        "POST /twiml/incoming HTTP/1.1\r\nHost: x\r\nX-Junk: {}\r\nConnection: close\r\n\r\n",
        "a".repeat(1 << 20)
    );
    // The example's routes take POST only.
    assert_eq!(raw_status(addr, get.as_bytes()).await, 405);
    assert_eq!(raw_status(addr, put.as_bytes()).await, 405);
    assert_eq!(raw_status(addr, json.as_bytes()).await, 415);
    assert_eq!(raw_status(addr, too_large.as_bytes()).await, 413);
    assert_eq!(raw_status(addr, huge_header.as_bytes()).await, 431);
    assert_eq!(raw_status(addr, b"\x16\x03\x01 not http at all\r\n\r\n").await, 400);
    // And the server still answers.
    assert_eq!(incoming_call(&reqwest::Client::new(), &format!("http://{addr}")).await, 200);
}
