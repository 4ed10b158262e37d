//! `write_xml`: a document written straight to markup is, byte for byte, the same document built
//! as a tree and rendered, whatever order its attributes, text and children are given in.

mod common;

use callml::twiml::{Dial, Gather, Number, Pause, Play, Response, Say};
use callml::xml::{ElementWriter, Render};
use proptest::prelude::*;

use common::hostile_string;

#[path = "../benches/common/documents.rs"]
mod documents;

#[test]
fn the_benchmark_documents_written_directly_are_the_trees_rendered() {
    assert_eq!(documents::twiml_s_xml(), documents::twiml_s().to_xml());
    assert_eq!(documents::bxml_s_xml(), documents::bxml_s().to_xml());
    assert_eq!(documents::twiml_m_xml(), documents::twiml_m().to_xml());
    assert_eq!(documents::twiml_l_xml(), documents::twiml_l().to_xml());
    assert_eq!(documents::bxml_m_xml(), documents::bxml_m().to_xml());
    assert_eq!(documents::bxml_l_xml(), documents::bxml_l().to_xml());
}

#[test]
fn write_xml_into_appends_and_bxml_roots_write_too() {
    let mut out = String::from("prefix:");
    Response::write_xml_into(&mut out, |r| r.hangup());
    assert_eq!(out, r#"prefix:<?xml version="1.0" encoding="UTF-8"?><Response><Hangup/></Response>"#);
    let bxml = callml::bxml::Bxml::write_xml(|b| b.pause(|p| p.duration(1)).hangup());
    assert_eq!(bxml, callml::bxml::Bxml::new().pause(callml::bxml::Pause::new().duration(1)).hangup().to_xml());
}

#[test]
fn values_may_borrow_temporaries() {
    let caller = String::from("+15551234567");
    let xml = Response::write_xml(|r| r.say(|s| s.text(&format!("You called from {caller}"))));
    assert!(xml.ends_with("<Response><Say>You called from +15551234567</Say></Response>"));
}

#[test]
fn late_repeated_and_extra_attributes_follow_the_tree_rules() {
    let xml = Response::write_xml(|r| {
        r.gather(|g| {
            g.attr("timeout", "9") // repeats a known attribute set later: left out
                .say(|s| s.text("a"))
                .timeout(5) // after a child: moved into the start tag
                .action("/one")
                .action("/two") // set twice: the last value, once
                .attr("data-x", "1")
                .attr("data-x", "2") // repeats an earlier extra: left out
                .attr("bad name", "3") // written renamed
        })
        .play(|p| p.text("first").loop_count(2).text("").digits("1")) // emptied text: `<Play .../>`
        .say(|s| s.text("")) // an empty run is content, as in the tree
    });
    let tree = Response::new()
        .gather(
            Gather::new()
                .attr("timeout", "9")
                .say("a")
                .timeout(5)
                .action("/one")
                .action("/two")
                .attr("data-x", "1")
                .attr("data-x", "2")
                .attr("bad name", "3"),
        )
        .play(Play::new("first").loop_count(2).text("").digits("1"))
        .say(Say::from(""));
    assert_eq!(xml, tree.to_xml());
    assert!(
        xml.contains(r#"<Gather action="/two" timeout="5" data-x="1" bad_name="3"><Say>a</Say></Gather>"#),
        "{xml}"
    );
    assert!(xml.contains(r#"<Play digits="1" loop="2"/><Say></Say>"#), "{xml}");
}

/// One step of building a `<Gather>`, `<Play>` or `<Dial>`, applied the same way to the tree and
/// to the writer.
#[derive(Debug, Clone)]
enum Step {
    Action(String),
    Hints(String),
    Timeout(u32),
    NumDigits(u32),
    Extra(&'static str, String),
    Say(String),
    Pause(u32),
    Text(String),
    Loop(u32),
    Digits(String),
    CallerId(String),
    Number(String),
}

fn extra_name() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec!["action", "timeout", "numDigits", "loop", "data-x", "data-y", "bad name", "", "é"])
}

fn gather_step() -> impl Strategy<Value = Step> {
    prop_oneof![
        hostile_string().prop_map(Step::Action),
        hostile_string().prop_map(Step::Hints),
        any::<u32>().prop_map(Step::Timeout),
        any::<u32>().prop_map(Step::NumDigits),
        (extra_name(), hostile_string()).prop_map(|(n, v)| Step::Extra(n, v)),
        hostile_string().prop_map(Step::Say),
        any::<u32>().prop_map(Step::Pause),
    ]
}

fn play_step() -> impl Strategy<Value = Step> {
    prop_oneof![
        hostile_string().prop_map(Step::Text),
        any::<u32>().prop_map(Step::Loop),
        hostile_string().prop_map(Step::Digits),
        (extra_name(), hostile_string()).prop_map(|(n, v)| Step::Extra(n, v)),
    ]
}

fn dial_step() -> impl Strategy<Value = Step> {
    prop_oneof![
        hostile_string().prop_map(Step::Text),
        hostile_string().prop_map(Step::CallerId),
        any::<u32>().prop_map(Step::Timeout),
        hostile_string().prop_map(Step::Action),
        hostile_string().prop_map(Step::Number),
        (extra_name(), hostile_string()).prop_map(|(n, v)| Step::Extra(n, v)),
    ]
}

fn tree_gather(steps: &[Step]) -> Gather<'static> {
    steps.iter().cloned().fold(Gather::new(), |g, step| match step {
        Step::Action(s) => g.action(s),
        Step::Hints(s) => g.hints(s),
        Step::Timeout(n) => g.timeout(n),
        Step::NumDigits(n) => g.num_digits(n),
        Step::Extra(n, v) => g.attr(n, v),
        Step::Say(t) => g.say(t),
        Step::Pause(n) => g.pause(Pause::new().length(n)),
        _ => g,
    })
}

fn write_gather<'w>(g: ElementWriter<'w, Gather<'static>>, steps: &[Step]) -> ElementWriter<'w, Gather<'static>> {
    steps.iter().fold(g, |g, step| match step {
        Step::Action(s) => g.action(s.as_str()),
        Step::Hints(s) => g.hints(s.as_str()),
        Step::Timeout(n) => g.timeout(*n),
        Step::NumDigits(n) => g.num_digits(*n),
        Step::Extra(n, v) => g.attr(n, v),
        Step::Say(t) => g.say(|s| s.text(t)),
        Step::Pause(n) => g.pause(|p| p.length(*n)),
        _ => g,
    })
}

fn tree_play(steps: &[Step]) -> Play<'static> {
    steps.iter().cloned().fold(Play::default(), |p, step| match step {
        Step::Text(t) => p.text(t),
        Step::Loop(n) => p.loop_count(n),
        Step::Digits(s) => p.digits(s),
        Step::Extra(n, v) => p.attr(n, v),
        _ => p,
    })
}

fn write_play<'w>(p: ElementWriter<'w, Play<'static>>, steps: &[Step]) -> ElementWriter<'w, Play<'static>> {
    steps.iter().fold(p, |p, step| match step {
        Step::Text(t) => p.text(t),
        Step::Loop(n) => p.loop_count(*n),
        Step::Digits(s) => p.digits(s.as_str()),
        Step::Extra(n, v) => p.attr(n, v),
        _ => p,
    })
}

fn tree_dial(steps: &[Step]) -> Dial<'static> {
    steps.iter().cloned().fold(Dial::new(), |d, step| match step {
        Step::Text(t) => d.text(t),
        Step::CallerId(s) => d.caller_id(s),
        Step::Timeout(n) => d.timeout(n),
        Step::Action(s) => d.action(s),
        Step::Number(s) => d.number(Number::new(s)),
        Step::Extra(n, v) => d.attr(n, v),
        _ => d,
    })
}

fn write_dial<'w>(d: ElementWriter<'w, Dial<'static>>, steps: &[Step]) -> ElementWriter<'w, Dial<'static>> {
    steps.iter().fold(d, |d, step| match step {
        Step::Text(t) => d.text(t),
        Step::CallerId(s) => d.caller_id(s.as_str()),
        Step::Timeout(n) => d.timeout(*n),
        Step::Action(s) => d.action(s.as_str()),
        Step::Number(s) => d.number(|n| n.text(s)),
        Step::Extra(n, v) => d.attr(n, v),
        _ => d,
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn written_directly_is_the_tree_rendered(
        gather in prop::collection::vec(gather_step(), 0..12),
        play in prop::collection::vec(play_step(), 0..8),
        dial in prop::collection::vec(dial_step(), 0..10),
    ) {
        let tree = Response::new().gather(tree_gather(&gather)).play(tree_play(&play)).dial(tree_dial(&dial));
        let written = Response::write_xml(|r| {
            r.gather(|g| write_gather(g, &gather)).play(|p| write_play(p, &play)).dial(|d| write_dial(d, &dial))
        });
        prop_assert_eq!(written, tree.to_xml());
    }
}
