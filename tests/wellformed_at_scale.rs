//! Well-formedness at scale: a million random trees per dialect, with hostile strings in every
//! text and attribute position, rendered compact and pretty and read by roxmltree, a strict XML
//! parser. Ignored by default (minutes); run with
//! `cargo test --release --all-features --test wellformed_at_scale -- --ignored --nocapture`.
//! The README's reliability section reports the last run.

mod common;

use std::time::Instant;

use callml::xml::{Render, RenderOptions};
use common::trees::{bxml_trees, twiml_trees};
use proptest::strategy::{Strategy, ValueTree};
use proptest::test_runner::{Config, TestRunner};

const TREES: usize = 1_000_000;

fn check_all<D: Render + std::fmt::Debug>(dialect: &str, strategy: impl Strategy<Value = D>) {
    let mut runner = TestRunner::new(Config::default());
    let started = Instant::now();
    let (mut bytes, mut elements) = (0usize, 0usize);
    for i in 0..TREES {
        let doc = strategy.new_tree(&mut runner).unwrap().current();
        for options in [RenderOptions::new(), RenderOptions::new().pretty(true)] {
            let xml = doc.to_xml_with(options);
            let parsed = roxmltree::Document::parse(&xml)
                .unwrap_or_else(|e| panic!("{dialect} tree {i} is not well-formed XML ({e}):\n{xml}\n{doc:?}"));
            bytes += xml.len();
            elements += parsed.descendants().filter(|n| n.is_element()).count();
        }
    }
    eprintln!(
        "{dialect}: {TREES} trees (compact and pretty), {elements} elements, {} MB, all well-formed, in {:.1} s",
        bytes >> 20,
        started.elapsed().as_secs_f64()
    );
}

#[test]
#[ignore = "a million trees per dialect: run with --release --ignored"]
fn a_million_hostile_twiml_trees_are_well_formed() {
    check_all("TwiML", twiml_trees::response());
}

#[test]
#[ignore = "a million trees per dialect: run with --release --ignored"]
fn a_million_hostile_bxml_trees_are_well_formed() {
    check_all("BXML", bxml_trees::response());
}
