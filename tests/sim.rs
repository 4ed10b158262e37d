//! The call simulator end to end, in-process against the webhook example (no sockets).
#![cfg(all(feature = "sim", feature = "axum"))]

#[allow(dead_code)]
#[path = "../examples/webhook_server.rs"]
mod webhook_server;

use callml::sim::{Script, Simulator};

fn script(name: &str) -> Script {
    let source = std::fs::read_to_string(format!("{}/tests/sim/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap();
    Script::from_toml(&source).unwrap()
}

#[tokio::test]
async fn the_menu_script_passes() {
    let report = Simulator::new(webhook_server::app(None)).run(&script("menu.sim.toml")).await.unwrap();
    println!("{}", report.to_text());
    assert!(report.passed(), "{}", report.to_text());
}
