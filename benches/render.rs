//! Rendering: build+render and render-only (prebuilt tree into a reused buffer) for the S, M, L
//! documents of both dialects, next to memcpy of the finished bytes (the physical floor); for M
//! and L also the same document written straight to markup through closures (`write_xml`).
#![allow(missing_docs)] // criterion_group! generates undocumented items

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

use callml::xml::Render;

#[path = "common/documents.rs"]
mod documents;

fn render_group<D: Render>(c: &mut Criterion, name: &str, build: fn() -> D, write: Option<fn() -> String>) {
    let doc = build();
    let bytes = doc.to_xml().into_bytes();
    let mut group = c.benchmark_group(format!("render/{name}"));
    group.throughput(Throughput::Bytes(bytes.len() as u64));
    group.bench_function(BenchmarkId::new("build+render", bytes.len()), |b| {
        b.iter(|| black_box(build()).to_xml());
    });
    if let Some(write) = write {
        assert_eq!(write().as_bytes(), bytes, "write_xml must give the tree's bytes");
        group.bench_function(BenchmarkId::new("write directly (closures)", bytes.len()), |b| {
            b.iter(|| black_box(write()));
        });
    }
    let mut buf: Vec<u8> = Vec::with_capacity(bytes.len() * 2);
    group.bench_function(BenchmarkId::new("render prebuilt into reused buffer", bytes.len()), |b| {
        b.iter(|| {
            buf.clear();
            black_box(&doc).write_to(&mut buf);
            black_box(buf.len())
        });
    });
    let mut copy: Vec<u8> = Vec::with_capacity(bytes.len() * 2);
    group.bench_function(BenchmarkId::new("memcpy of the finished bytes", bytes.len()), |b| {
        b.iter(|| {
            copy.clear();
            copy.extend_from_slice(black_box(&bytes));
            black_box(copy.len())
        });
    });
    group.finish();
}

fn render(c: &mut Criterion) {
    render_group(c, "twiml-S", documents::twiml_s, Some(documents::twiml_s_xml));
    render_group(c, "twiml-M", documents::twiml_m, Some(documents::twiml_m_xml));
    render_group(c, "twiml-L", documents::twiml_l, Some(documents::twiml_l_xml));
    render_group(c, "bxml-S", documents::bxml_s, Some(documents::bxml_s_xml));
    render_group(c, "bxml-M", documents::bxml_m, Some(documents::bxml_m_xml));
    render_group(c, "bxml-L", documents::bxml_l, Some(documents::bxml_l_xml));
}

criterion_group!(benches, render);
criterion_main!(benches);
