//! `callml sim` run for real against the webhook example over a loopback socket: every exit
//! code, both formats, static files, interactive input.
#![cfg(all(feature = "cli", feature = "axum"))]

#[allow(dead_code)]
#[path = "../examples/webhook_server.rs"]
mod webhook_server;

mod common;

use std::process::Output;

fn callml(args: &[&str], stdin: &[u8]) -> Output {
    common::run_callml(args, stdin)
}

/// The example server on a loopback port, running on its own thread for the whole test.
fn server() -> String {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Runtime::new().unwrap();
        runtime.block_on(async move {
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
            tx.send(listener.local_addr().unwrap()).unwrap();
            axum::serve(listener, webhook_server::app(Some(("bw".into(), "s3cret".into())))).await.unwrap();
        });
    });
    format!("http://{}", rx.recv().unwrap())
}

fn script(name: &str) -> String {
    format!("{}/tests/sim/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn scripts_pass_against_a_running_server() {
    let url = server();
    let o = callml(&["sim", &script("menu.sim.toml"), "--url", &url], b"");
    assert_eq!(o.status.code(), Some(0), "{}{}", text(&o.stdout), text(&o.stderr));
    let out = text(&o.stdout);
    assert!(out.contains("checks: 6 held, 0 not"), "{out}");
    assert!(out.contains(&format!("-> POST {url}/twiml/menu")), "{out}");
    // The same transcript as in-process, but for the base URL.
    let golden = std::fs::read_to_string(format!("{}/tests/golden/sim/menu.txt", env!("CARGO_MANIFEST_DIR"))).unwrap();
    assert_eq!(out, golden.replace("http://app.test", &url));

    let o = callml(&["sim", &script("bandwidth.sim.toml"), "--url", &url, "--format", "json"], b"");
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(
        (v["callmlSim"].as_u64(), v["provider"].as_str(), v["passed"].as_bool()),
        (Some(1), Some("bandwidth-v2"), Some(true))
    );
    assert_eq!(v["outcome"]["cause"], "document-end");
    assert_eq!(v["checks"].as_array().unwrap().len(), 6);
}

#[test]
fn exit_codes() {
    let url = server();
    let dir = std::env::temp_dir().join(format!("callml-sim-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let write = |name: &str, content: &str| {
        let p = dir.join(name);
        std::fs::write(&p, content).unwrap();
        p.display().to_string()
    };
    // 1: a check fails.
    let failing = write(
        "failing.sim.toml",
        "[call]\nurl = \"/twiml/incoming\"\n[script]\nsteps = ['press 1', 'expect say \"Goodbye\"']\n",
    );
    let o = callml(&["sim", &failing, "--url", &url], b"");
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o.stdout).contains("FAIL 2: expect say \"Goodbye\""));
    // 1: the call ends in an application error (a route that does not exist).
    let missing = write("missing.sim.toml", "[call]\nurl = \"/nowhere\"\n[script]\nsteps = []\n");
    let o = callml(&["sim", &missing, "--url", &url], b"");
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o.stdout).contains("error 11200: HTTP retrieval failure: status 4"), "{}", text(&o.stdout));
    // 2: a malformed script, with file:line:column and what was expected.
    let bad = write("bad.sim.toml", "[call]\nurl = \"/\"\n[script]\nsteps = [\n  'press 1',\n  'expect sing',\n]\n");
    let o = callml(&["sim", &bad, "--url", &url], b"");
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        text(&o.stderr).lines().next().unwrap(),
        format!(
            "callml: {bad}:6:11: expected a kind (say, speak, play, pause, gather, record, dial, transfer, redirect, request, notify, answered, hangup, reject, end, warning, error, lost, input, listen, tag, forward, ring, note, response, senddtmf, bridge, conference), found `sing`"
        )
    );
    assert_eq!(callml(&["sim", "/nonexistent.toml", "--url", &url], b"").status.code(), Some(2));
    assert_eq!(callml(&["sim", &failing], b"").status.code(), Some(2), "no --url nor --files");
    // 3: nothing listens there.
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = closed.local_addr().unwrap().port();
    drop(closed);
    let o = callml(&["sim", &script("menu.sim.toml"), "--url", &format!("http://127.0.0.1:{port}")], b"");
    assert_eq!(o.status.code(), Some(3), "{}", text(&o.stdout));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn static_files_and_interactive_input() {
    let dir = std::env::temp_dir().join(format!("callml-sim-files-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("flows")).unwrap();
    std::fs::write(
        dir.join("flows/hello.xml"),
        r#"<Response><Say voice="woman">Please hold</Say><Dial>18004444444</Dial></Response>"#,
    )
    .unwrap();
    let flow = dir.join("hello.sim.toml");
    std::fs::write(&flow, "[call]\nurl = \"/flows/hello\"\n[script]\nsteps = ['expect say \"Please hold\"', 'expect dial 18004444444', 'expect end cause=document-end']\n").unwrap();
    let o = callml(&["sim", &flow.display().to_string(), "--files", &dir.display().to_string()], b"");
    assert_eq!(o.status.code(), Some(0), "{}{}", text(&o.stdout), text(&o.stderr));
    assert!(text(&o.stdout).contains("checks: 3 held, 0 not"));
    // --quiet prints the checks only; --strict fails on lint findings of the served documents.
    std::fs::write(
        dir.join("flows/robot.xml"),
        r#"<Response><Say voice="robot">Hi</Say><Redirect>/flows/robot</Redirect></Response>"#,
    )
    .unwrap();
    let robot = dir.join("robot.sim.toml");
    std::fs::write(
        &robot,
        "[call]\nurl = \"/flows/robot\"\n[script]\nsteps = ['expect end cause=limit documents=3']\n",
    )
    .unwrap();
    let (robot, files) = (robot.display().to_string(), dir.display().to_string());
    let o = callml(&["sim", &robot, "--files", &files, "--max-documents", "2", "--quiet"], b"");
    assert_eq!(
        (o.status.code(), text(&o.stdout).as_str()),
        (Some(0), "ok   1: expect end cause=limit documents=3\nchecks: 1 held, 0 not\n")
    );
    let o = callml(&["sim", &robot, "--files", &files, "--max-documents", "2", "--quiet", "--strict"], b"");
    assert_eq!(o.status.code(), Some(1));
    assert!(
        text(&o.stderr).contains("--strict: lint: warning: `robot` is not a documented value of `voice`"),
        "{}",
        text(&o.stderr)
    );
    assert_eq!(callml(&["sim", &robot, "--files", &files, "--max-duration", "soon"], b"").status.code(), Some(2));
    let _ = std::fs::remove_dir_all(&dir);

    let url = server();
    let o = callml(&["sim", "--interactive", "--url", &format!("{url}/twiml/incoming")], b"2\nspeak 7s then press #\n");
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let out = text(&o.stdout);
    assert!(out.contains("caller: press 2"), "{out}");
    assert!(out.contains("Thank you, we saved your 7 second message. Goodbye."), "{out}");
    assert!(out.contains("ended: completed (hangup-verb)"), "{out}");
}
