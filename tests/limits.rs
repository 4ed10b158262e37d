//! Hostile inputs at their limits: each ends with a clear error (or a correct result) in bounded
//! time and memory, never a panic, a stack overflow or an unbounded allocation.

mod common;

use callml::event::{EventError, parse};
use callml::twiml::{Response, ResponseChild};
use callml::xml::{ParseErrorKind, ParseLimits, Render, read_document};

#[test]
fn nesting_100_000_deep_stops_at_the_depth_limit() {
    let depth = 100_000;
    let xml = format!("{}{}", "<Say>".repeat(depth), "</Say>".repeat(depth));
    let e = read_document(&xml, ParseLimits::DEFAULT).unwrap_err();
    assert_eq!(e.kind, ParseErrorKind::TooDeep(128));
    assert_eq!((e.position.line, e.position.column), (1, 128 * 5 + 1));
    let doc = format!("<Response>{xml}</Response>");
    assert_eq!(Response::from_xml(&doc).unwrap_err().kind, ParseErrorKind::TooDeep(128));
}

#[test]
fn a_document_just_over_the_size_limit_is_refused_before_reading() {
    let limit = ParseLimits::DEFAULT.bytes();
    let filler = "a".repeat(limit - "<Response><Say></Say></Response>".len() + 1);
    let xml = format!("<Response><Say>{filler}</Say></Response>");
    assert_eq!(xml.len(), limit + 1);
    assert_eq!(Response::from_xml(&xml).unwrap_err().kind, ParseErrorKind::TooLarge(limit));
    // One byte less is read.
    let xml = format!("<Response><Say>{}</Say></Response>", &filler[1..]);
    assert!(Response::from_xml(&xml).is_ok());
}

#[test]
fn an_element_with_100_000_attributes_is_read_and_checked() {
    let attributes: String = (0..100_000).map(|i| format!(" a{i}=\"{i}\"")).collect();
    let xml = format!("<Response><Say{attributes}>hi</Say></Response>");
    let doc = Response::from_xml(&xml).unwrap();
    let ResponseChild::Say(say) = &doc.children[0] else { panic!() };
    assert_eq!(say.extra_attributes.len(), 100_000);
    assert_eq!(doc.validate().len(), 100_000); // each unknown attribute, once
    assert_eq!(doc.to_xml().len(), xml.len() + callml::xml::DECLARATION.len());
    // A repeat among them is found (the reader's check stays linear past 32 attributes).
    let xml = format!("<Response><Say{attributes} a99999=\"x\">hi</Say></Response>");
    let e = Response::from_xml(&xml).unwrap_err();
    assert!(
        matches!(&e.kind, ParseErrorKind::NotWellFormed(m) if m.contains("`a99999` appears more than once")),
        "{e}"
    );
}

#[test]
fn a_one_megabyte_attribute_value_round_trips() {
    let value = "<&\"'>".repeat(200_000);
    let doc = Response::new().say(callml::twiml::Say::new("hi").attr("data-x", value.clone()));
    let xml = doc.to_xml();
    let back = Response::from_xml(&xml).unwrap();
    assert_eq!(back, doc);
    let ResponseChild::Say(say) = &back.children[0] else { panic!() };
    assert_eq!(say.extra_attributes[0].value.len(), 1_000_000);
}

#[test]
fn invalid_utf8_is_a_typed_error() {
    assert_eq!(parse(Some("application/json"), b"{\"a\":\"\xff\"}"), Err(EventError::NotUtf8 { offset: 6 }));
    assert_eq!(parse(None, b"CallSid=CA1&Digits=\xc3"), Err(EventError::NotUtf8 { offset: 19 }));
}

#[test]
fn entity_expansion_has_nothing_to_expand() {
    let billion_laughs = r#"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><Response><Say>&lol2;</Say></Response>"#;
    assert_eq!(Response::from_xml(billion_laughs).unwrap_err().kind, ParseErrorKind::DocumentType);
    let undeclared = "<Response><Say>&lol;</Say></Response>";
    let e = Response::from_xml(undeclared).unwrap_err();
    assert!(matches!(&e.kind, ParseErrorKind::NotWellFormed(m) if m.contains("unknown entity `&lol;`")), "{e}");
}

#[test]
fn deeply_nested_json_is_refused_by_the_json_reader() {
    let depth = 100_000;
    // The JSON form: serde_json stops at its recursion limit before callml sees a value.
    let json = format!("{}{}", r#"{"Response":[{"Say":{"children":["#.repeat(depth), "]}}]}".repeat(depth));
    let e = serde_json::from_str::<serde_json::Value>(&json).unwrap_err();
    assert!(e.to_string().contains("recursion limit exceeded"), "{e}");
    assert!(serde_json::from_str::<Response<'static>>(&json).is_err());
    // An event body.
    let body = format!("{}{}", r#"{"eventType":"initiate","x":"#.repeat(depth), "}".repeat(depth));
    let e = parse(Some("application/json"), body.as_bytes()).unwrap_err();
    assert!(e.to_string().contains("recursion limit exceeded"), "{e}");
}

#[test]
fn a_form_with_100_000_fields_is_read_once() {
    let fields: String = (0..100_000).map(|i| format!("&X{i}={i}")).collect();
    let body = format!("CallSid=CA1&CallStatus=ringing{fields}");
    let event = parse(Some("application/x-www-form-urlencoded"), body.as_bytes()).unwrap();
    let callml::event::Event::Twiml(twiml) = &event else { panic!() };
    assert_eq!(twiml.extra().len(), 100_000);
    // A repeated key among them is found.
    let body = format!("{body}&X77777=again");
    assert_eq!(
        parse(Some("application/x-www-form-urlencoded"), body.as_bytes()),
        Err(EventError::DuplicateField("X77777".into()))
    );
}

#[cfg(feature = "cli")]
#[test]
fn the_cli_stops_reading_an_endless_input() {
    // `/dev/zero` never ends: the tool stops after its input limit instead of filling memory.
    let o = common::run_callml(&["check", "/dev/zero"], b"");
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stdout).contains("/dev/zero:1:1: error: input larger than 4194304 bytes"));
    // Nor does a pipe that brings more than the limit.
    let o = common::run_callml(&["event", "-"], &vec![b'a'; 5 << 20]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("-: input larger than 4194304 bytes"));
}
