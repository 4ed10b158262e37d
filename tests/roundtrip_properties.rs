//! Round-trip properties over generated trees of both dialects with hostile strings:
//! `parse(render(t)) == t` (compact and pretty) and `from_json(to_json(t)) == t`; and arbitrary
//! input never panics the parsers.

mod common;

use callml::xml::{Render, RenderOptions};
use common::trees::*;
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn twiml_parse_of_render_is_identity(doc in twiml_trees::response()) {
        let xml = doc.to_xml();
        let back = callml::twiml::Response::from_xml(&xml).map_err(|e| TestCaseError::fail(format!("{e}\n{xml}")))?;
        prop_assert_eq!(&back, &doc, "{}", xml);
        let pretty = doc.to_xml_with(RenderOptions::new().pretty(true));
        let back = callml::twiml::Response::from_xml(&pretty).map_err(|e| TestCaseError::fail(format!("{e}\n{pretty}")))?;
        prop_assert_eq!(&back, &doc, "{}", pretty);
        let borrowed = callml::twiml::Response::from_xml_borrowed(&xml).map_err(|e| TestCaseError::fail(format!("{e}\n{xml}")))?;
        prop_assert_eq!(&borrowed, &doc, "{}", xml);
    }

    #[test]
    fn twiml_json_round_trip_is_identity(doc in twiml_trees::response()) {
        let json = doc.to_json();
        let back = callml::twiml::Response::from_json(&json).map_err(|e| TestCaseError::fail(format!("{e}\n{json}")))?;
        prop_assert_eq!(&back, &doc);
        let text = serde_json::to_string(&doc).unwrap();
        let back: callml::twiml::Response = serde_json::from_str(&text).unwrap();
        prop_assert_eq!(&back, &doc);
    }

    #[test]
    fn bxml_parse_of_render_is_identity(doc in bxml_trees::response()) {
        let xml = doc.to_xml();
        let back = callml::bxml::Response::from_xml(&xml).map_err(|e| TestCaseError::fail(format!("{e}\n{xml}")))?;
        prop_assert_eq!(&back, &doc, "{}", xml);
        let borrowed = callml::bxml::Response::from_xml_borrowed(&xml).map_err(|e| TestCaseError::fail(format!("{e}\n{xml}")))?;
        prop_assert_eq!(&borrowed, &doc, "{}", xml);
    }

    #[test]
    fn bxml_json_round_trip_is_identity(doc in bxml_trees::response()) {
        let json = doc.to_json();
        let back = callml::bxml::Response::from_json(&json).map_err(|e| TestCaseError::fail(format!("{e}\n{json}")))?;
        prop_assert_eq!(&back, &doc);
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        let input = String::from_utf8_lossy(&bytes);
        let _ = callml::twiml::Response::from_xml(&input);
        let _ = callml::twiml::Response::from_xml_borrowed(&input);
        let _ = callml::bxml::Response::from_xml(&input);
        let _ = callml::xml::canonical(&input);
    }

    #[test]
    fn arbitrary_markup_never_panics(parts in prop::collection::vec(prop::sample::select(vec![
        "<Response>", "</Response>", "<Say>", "</Say>", "<Gather>", "</Gather>", "<Dial", ">", "/>", " a=\"1\"", "&amp;",
        "&#1;", "&#x41;", "&bogus;", "<![CDATA[x]]>", "<!--c-->", "<?pi?>", "<?xml version=\"1.0\"?>", "text", "\u{0}",
        "<break/>", "<SpeakSentence>", "</SpeakSentence>", "<Transfer>", "<PhoneNumber>1</PhoneNumber>", "</Transfer>",
        "<!DOCTYPE x>", "]]>", "<", "&", "\"", "<a:b>", "</a:b>",
    ]), 0..24)) {
        let input = parts.concat();
        let _ = callml::twiml::Response::from_xml(&input);
        let _ = callml::bxml::Response::from_xml(&input);
        let _ = callml::bxml::Bxml::from_xml(&input);
        let _ = callml::xml::canonical(&input);
    }

    #[test]
    fn arbitrary_json_never_panics(json in arbitrary_json()) {
        let _ = callml::twiml::Response::from_json(&json);
        let _ = callml::bxml::Response::from_json(&json);
    }
}

fn arbitrary_json() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::from),
        any::<i64>().prop_map(serde_json::Value::from),
        prop::sample::select(vec![
            "Response",
            "Say",
            "Gather",
            "text",
            "children",
            "numDigits",
            "x",
            "Dial",
            "SpeakSentence"
        ])
        .prop_map(serde_json::Value::from),
    ];
    leaf.prop_recursive(5, 64, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(serde_json::Value::Array),
            prop::collection::btree_map(
                prop::sample::select(vec![
                    "Response",
                    "Say",
                    "Gather",
                    "Pause",
                    "text",
                    "children",
                    "numDigits",
                    "voice",
                    "length",
                    "Transfer"
                ])
                .prop_map(String::from),
                inner,
                0..3,
            )
            .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
        ]
    })
}
