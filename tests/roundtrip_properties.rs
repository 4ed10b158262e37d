//! Round-trip properties over generated trees of both dialects with hostile strings:
//! `parse(render(t)) == t` (compact and pretty) and `from_json(to_json(t)) == t`; and arbitrary
//! input never panics the parsers.

mod common;

use std::borrow::Cow;

use callml::ssml::{Break, Emphasis, SayAs};
use callml::xml::{Custom, Render, RenderOptions, replace_forbidden};
use common::hostile_string;
use proptest::prelude::*;

/// A hostile string the tree can hold: forbidden characters are what rendering replaces, so the
/// generated tree already holds the replacement.
fn text() -> impl Strategy<Value = String> {
    hostile_string().prop_map(|s| replace_forbidden(&s).into_owned())
}

fn non_blank_text() -> impl Strategy<Value = String> {
    text().prop_map(|s| if s.trim_matches([' ', '\t', '\n', '\r']).is_empty() { format!("x{s}") } else { s })
}

/// Mixed content as a parser produces it: no empty runs, no two runs in a row.
fn normalize<T>(items: Vec<Result<String, T>>) -> Vec<Result<String, T>> {
    let mut out: Vec<Result<String, T>> = Vec::new();
    for item in items {
        match (item, out.last_mut()) {
            (Ok(t), _) if t.is_empty() => {}
            (Ok(t), Some(Ok(prev))) => prev.push_str(&t),
            (item, _) => out.push(item),
        }
    }
    out
}

fn custom() -> impl Strategy<Value = Custom<'static>> {
    (prop::sample::select(vec!["Enqueue", "Queue", "x-y"]), text(), text()).prop_map(|(name, a, t)| {
        let c = Custom::new(name).attr("data-a", a);
        if t.is_empty() { c } else { c.text(t) }
    })
}

mod twiml_trees {
    use super::*;
    use callml::twiml::*;

    #[derive(Debug, Clone)]
    pub enum Ssml {
        Break(String),
        Emphasis(String),
        SayAs(String),
    }

    fn say() -> impl Strategy<Value = Say<'static>> {
        let item = prop_oneof![
            2 => text().prop_map(Ok),
            1 => text().prop_map(|t| Err(Ssml::Break(t))),
            1 => text().prop_map(|t| Err(Ssml::Emphasis(t))),
            1 => text().prop_map(|t| Err(Ssml::SayAs(t))),
        ];
        (
            prop::collection::vec(item, 0..5),
            prop::option::of(text()),
            prop::option::of(any::<u32>()),
            prop::option::of(text()),
        )
            .prop_map(|(items, language, loops, voice)| {
                let mut s = Say {
                    language: language.map(Cow::Owned),
                    loop_count: loops,
                    voice: voice.map(Voice::from),
                    ..Default::default()
                };
                for item in normalize(items) {
                    s = match item {
                        Ok(t) => s.text(t),
                        Err(Ssml::Break(t)) => s.child(Break::new().time(t)),
                        Err(Ssml::Emphasis(t)) => s.child(Emphasis::new(t).level("strong")),
                        Err(Ssml::SayAs(t)) => s.child(SayAs::new(t).interpret_as("digits")),
                    };
                }
                s
            })
    }

    fn play() -> impl Strategy<Value = Play<'static>> {
        (text(), prop::option::of(any::<u32>())).prop_map(|(url, l)| {
            let mut p = Play::new(url);
            p.loop_count = l;
            p
        })
    }

    fn gather() -> impl Strategy<Value = Gather<'static>> {
        let child = prop_oneof![
            say().prop_map(GatherChild::Say),
            play().prop_map(GatherChild::Play),
            any::<u32>().prop_map(|n| GatherChild::Pause(Pause::new().length(n))),
            custom().prop_map(GatherChild::Custom),
        ];
        (prop::collection::vec(child, 0..4), text(), prop::option::of(any::<bool>()), prop::option::of(1u32..100))
            .prop_map(|(children, action, barge, digits)| {
                let mut g = Gather::new().action(action).input([GatherInput::Dtmf, GatherInput::Speech]);
                g.barge_in = barge;
                g.num_digits = digits;
                g.children = children;
                g
            })
    }

    fn dial() -> impl Strategy<Value = Dial<'static>> {
        let noun = prop_oneof![
            (text(), text()).prop_map(|(n, u)| DialContent::Number(
                Number::new(n).url(u).status_callback_event([CallEvent::Answered])
            )),
            (text(), text()).prop_map(|(c, p)| DialContent::Client(
                Client::new("").identity(Identity::new(c)).parameter(Parameter::pair("k", p))
            )),
            // Whitespace-only text among Dial's nouns is layout (pretty printing adds it), so a
            // Sip's URI text, like Dial's own text, is generated non-blank.
            (non_blank_text(), text()).prop_map(|(s, u)| DialContent::Sip(Sip::new(s).username(u))),
        ];
        (prop::option::of(non_blank_text()), prop::collection::vec(noun, 0..3), text()).prop_map(
            |(number, nouns, caller)| {
                let mut d = Dial::new().caller_id(caller).record(DialRecord::RecordFromAnswer);
                if let Some(n) = number {
                    d = d.text(n);
                }
                d.children.extend(nouns);
                d
            },
        )
    }

    pub fn response() -> impl Strategy<Value = Response<'static>> {
        let verb = prop_oneof![
            say().prop_map(ResponseChild::Say),
            play().prop_map(ResponseChild::Play),
            gather().prop_map(ResponseChild::Gather),
            dial().prop_map(ResponseChild::Dial),
            (text(), prop::option::of(any::<bool>())).prop_map(|(a, b)| {
                let mut r = Record::new().action(a).trim(Trim::DoNotTrim);
                r.play_beep = b;
                ResponseChild::Record(r)
            }),
            text().prop_map(|t| ResponseChild::Redirect(Redirect::new(t).method(Method::Get))),
            text().prop_map(|r| ResponseChild::Reject(Reject::new().reason(RejectReason::from(r)))),
            Just(ResponseChild::Hangup(Hangup::new())),
            custom().prop_map(ResponseChild::Custom),
        ];
        prop::collection::vec(verb, 0..6).prop_map(|verbs| {
            let mut r = Response::new();
            r.children = verbs;
            r
        })
    }
}

mod bxml_trees {
    use super::*;
    use callml::bxml::*;

    fn speak() -> impl Strategy<Value = SpeakSentence<'static>> {
        let item = prop_oneof![2 => text().prop_map(Ok), 1 => text().prop_map(Err)];
        (prop::collection::vec(item, 0..4), prop::option::of(text())).prop_map(|(items, voice)| {
            let mut s = SpeakSentence { voice: voice.map(Cow::Owned), ..Default::default() };
            for item in normalize(items) {
                s = match item {
                    Ok(t) => s.text(t),
                    Err(t) => s.child(Emphasis::new(t)),
                };
            }
            s
        })
    }

    pub fn response() -> impl Strategy<Value = Response<'static>> {
        let decimal = prop_oneof![any::<u32>().prop_map(f64::from), (-1e6f64..1e6f64)];
        let verb = prop_oneof![
            speak().prop_map(Verb::SpeakSentence),
            (text(), text()).prop_map(|(u, p)| Verb::PlayAudio(PlayAudio::new(u).password(p))),
            (prop::collection::vec(speak(), 0..3), decimal.clone(), text()).prop_map(|(prompts, t, url)| {
                let mut g = Gather::new().first_digit_timeout(t).gather_url(url).tag("");
                for p in prompts {
                    g = g.speak_sentence(p);
                }
                Verb::Gather(g)
            }),
            (text(), text(), decimal.clone()).prop_map(|(n, s, t)| {
                Verb::Transfer(
                    Transfer::new(PhoneNumber::new(n).uui(s.clone())).sip_uri(SipUri::new(s)).call_timeout(t),
                )
            }),
            decimal.clone().prop_map(|d| Verb::Pause(Pause::new().duration(d))),
            (decimal, any::<bool>()).prop_map(|(d, a)| Verb::Ring(Ring::new().duration(d).answer_call(a))),
            text().prop_map(|t| Verb::Conference(Conference::new(t).mute(true))),
            text().prop_map(|t| Verb::Tag(Tag::new(t))),
            (text(), text()).prop_map(|(a, b)| Verb::StartStream(
                StartStream::new().destination(a).stream_param(StreamParam::new().name(b))
            )),
            Just(Verb::Hangup(Hangup::new())),
            custom().prop_map(Verb::Custom),
        ];
        prop::collection::vec(verb, 0..6).prop_map(|verbs| {
            let mut r = Response::new();
            r.children = verbs;
            r
        })
    }
}

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
