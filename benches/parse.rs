//! Parsing XML into typed trees (M and L, both dialects; `'static` and borrowing the input), next
//! to quick-xml's bare event loop over the same bytes (the floor).
#![allow(missing_docs)] // criterion_group! generates undocumented items

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

use callml::xml::Render;

#[path = "common/documents.rs"]
mod documents;

fn raw_event_loop(xml: &str) -> usize {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut n = 0;
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Eof) | Err(_) => break,
            Ok(e) => n += e.len(),
        }
    }
    n
}

fn parse(c: &mut Criterion) {
    let cases = [
        ("twiml-M", documents::twiml_m().to_xml(), true),
        ("twiml-L", documents::twiml_l().to_xml(), true),
        ("bxml-M", documents::bxml_m().to_xml(), false),
        ("bxml-L", documents::bxml_l().to_xml(), false),
    ];
    for (name, xml, twiml) in cases {
        let mut group = c.benchmark_group(format!("parse/{name}"));
        group.throughput(Throughput::Bytes(xml.len() as u64));
        if twiml {
            group
                .bench_function("callml typed tree", |b| b.iter(|| callml::twiml::Response::from_xml(black_box(&xml))));
            group.bench_function("callml typed tree borrowing the input", |b| {
                b.iter(|| callml::twiml::Response::from_xml_borrowed(black_box(&xml)).map(|doc| doc.children.len()))
            });
        } else {
            group.bench_function("callml typed tree", |b| b.iter(|| callml::bxml::Response::from_xml(black_box(&xml))));
            group.bench_function("callml typed tree borrowing the input", |b| {
                b.iter(|| callml::bxml::Response::from_xml_borrowed(black_box(&xml)).map(|doc| doc.children.len()))
            });
        }
        group.bench_function("quick-xml bare event loop", |b| b.iter(|| raw_event_loop(black_box(&xml))));
        group.finish();
    }
}

criterion_group!(benches, parse);
criterion_main!(benches);
