//! The call simulator: a scripted call against the webhook example's axum `Router` in the same
//! process (no socket), from the first request to the last check.
#![allow(missing_docs)] // criterion_group! generates undocumented items

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

#[allow(dead_code)]
#[path = "../examples/webhook_server.rs"]
mod webhook_server;

use callml::sim::{Script, Simulator};

fn sim(c: &mut Criterion) {
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    let source = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/sim/voicemail.sim.toml")).unwrap();
    let script = Script::from_toml(&source).unwrap();
    let simulator = Simulator::new(webhook_server::app(None));
    let mut g = c.benchmark_group("sim");
    g.bench_function("voicemail script (11 steps, 4 documents, in-process)", |b| {
        b.iter(|| {
            let report = runtime.block_on(simulator.run(black_box(&script))).unwrap();
            assert!(report.passed());
            report
        })
    });
    g.bench_function("script parse", |b| b.iter(|| Script::from_toml(black_box(&source)).unwrap()));
    g.finish();
}

criterion_group!(benches, sim);
criterion_main!(benches);
