//! Incoming-call events: typed borrowed, typed owned, and the untyped reference
//! (`serde_json::Value`, or the raw form split into pairs).
#![allow(missing_docs)] // criterion_group! generates undocumented items

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

use callml::event::{BandwidthV1Event, BandwidthV2Event, GatherAction, IncomingRequest, IntoOwned, TwimlEvent};

#[path = "common/documents.rs"]
mod documents;

fn events(c: &mut Criterion) {
    let mut g = c.benchmark_group("events/E-v2");
    g.bench_function("typed borrowed", |b| b.iter(|| BandwidthV2Event::from_json(black_box(documents::E_V2))));
    g.bench_function("typed owned", |b| {
        b.iter(|| BandwidthV2Event::from_json(black_box(documents::E_V2)).map(BandwidthV2Event::into_owned))
    });
    g.bench_function("serde_json::Value", |b| {
        b.iter(|| serde_json::from_str::<serde_json::Value>(black_box(documents::E_V2)))
    });
    g.finish();

    let mut g = c.benchmark_group("events/E-v1");
    g.bench_function("typed borrowed", |b| b.iter(|| BandwidthV1Event::from_json(black_box(documents::E_V1))));
    g.bench_function("typed owned", |b| {
        b.iter(|| BandwidthV1Event::from_json(black_box(documents::E_V1)).map(BandwidthV1Event::into_owned))
    });
    g.bench_function("serde_json::Value", |b| {
        b.iter(|| serde_json::from_str::<serde_json::Value>(black_box(documents::E_V1)))
    });
    g.finish();

    let mut g = c.benchmark_group("events/E-form");
    g.bench_function("typed borrowed", |b| b.iter(|| IncomingRequest::from_form(black_box(documents::E_FORM))));
    g.bench_function("typed owned", |b| {
        b.iter(|| IncomingRequest::from_form(black_box(documents::E_FORM)).map(IntoOwned::into_owned))
    });
    g.bench_function("raw form split into pairs", |b| {
        b.iter(|| serde_urlencoded::from_str::<Vec<(String, String)>>(black_box(documents::E_FORM)))
    });
    g.finish();

    let mut g = c.benchmark_group("events/E-gather");
    g.bench_function("typed GatherAction", |b| b.iter(|| GatherAction::from_form(black_box(documents::E_GATHER))));
    g.bench_function("detected TwimlEvent", |b| b.iter(|| TwimlEvent::from_form(black_box(documents::E_GATHER))));
    g.bench_function("written back to a form", |b| {
        let event = TwimlEvent::from_form(documents::E_GATHER).unwrap();
        b.iter(|| black_box(&event).to_form())
    });
    g.bench_function("raw form split into pairs", |b| {
        b.iter(|| serde_urlencoded::from_str::<Vec<(String, String)>>(black_box(documents::E_GATHER)))
    });
    g.finish();
}

criterion_group!(benches, events);
criterion_main!(benches);
