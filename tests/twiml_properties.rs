//! Property tests: whatever strings go into text and attribute positions, the output is well-formed
//! XML 1.0 (checked by roxmltree, a strict parser) and reads back as the input with forbidden
//! characters replaced by U+FFFD.

mod common;

use callml::ssml::{Emphasis, SayAs};
use callml::twiml::*;
use callml::xml::{Custom, Render};
use proptest::prelude::*;

use common::{expected, hostile_string, parse, text_of};

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn every_text_and_attribute_position_round_trips(s in hostile_string()) {
        let doc = Response::new()
            .say(Say::new(s.clone()).language(s.clone()).attr("data-x", s.clone()))
            .say(Say::new("").child(Emphasis::new(s.clone())).child(SayAs::new(s.clone())))
            .play(Play::new(s.clone()).digits(s.clone()))
            .gather(Gather::new().action(s.clone()).finish_on_key(s.clone()).say(s.clone()))
            .dial(Dial::new().caller_id(s.clone()).text(s.clone()).number(Number::new(s.clone()).url(s.clone())))
            .child(Custom::new("X").attr("v", s.clone()).text(s.clone()))
            .redirect(Redirect::new(s.clone()));
        let xml = doc.to_xml();
        let parsed = parse(&xml);
        let want = expected(&s);
        let root = parsed.root_element();
        let verbs: Vec<_> = root.children().filter(|n| n.is_element()).collect();
        prop_assert_eq!(verbs.len(), 7, "extra or missing verbs: {}", xml);
        prop_assert_eq!(verbs[0].tag_name().name(), "Say");
        prop_assert_eq!(text_of(verbs[0]), want.clone());
        prop_assert_eq!(verbs[0].attribute("language"), Some(want.as_str()));
        prop_assert_eq!(verbs[0].attribute("data-x"), Some(want.as_str()));
        let ssml: Vec<_> = verbs[1].children().filter(|n| n.is_element()).collect();
        prop_assert_eq!(ssml.len(), 2);
        prop_assert_eq!(text_of(ssml[0]), want.clone());
        prop_assert_eq!(text_of(ssml[1]), want.clone());
        prop_assert_eq!(text_of(verbs[2]), want.clone());
        prop_assert_eq!(verbs[2].attribute("digits"), Some(want.as_str()));
        prop_assert_eq!(verbs[3].attribute("action"), Some(want.as_str()));
        prop_assert_eq!(verbs[3].attribute("finishOnKey"), Some(want.as_str()));
        prop_assert_eq!(text_of(verbs[3].first_element_child().unwrap()), want.clone());
        prop_assert_eq!(verbs[4].attribute("callerId"), Some(want.as_str()));
        prop_assert_eq!(text_of(verbs[4]), want.clone());
        let number = verbs[4].first_element_child().unwrap();
        prop_assert_eq!(text_of(number), want.clone());
        prop_assert_eq!(number.attribute("url"), Some(want.as_str()));
        prop_assert_eq!(verbs[5].attribute("v"), Some(want.as_str()));
        prop_assert_eq!(text_of(verbs[5]), want.clone());
        prop_assert_eq!(text_of(verbs[6]), want);
    }

    #[test]
    fn pretty_output_is_well_formed_and_keeps_text(s in hostile_string()) {
        let doc = Response::new().say(Say::new(s.clone())).gather(Gather::new().say(s.clone()).pause(Pause::new()));
        let pretty = doc.to_xml_with(callml::xml::RenderOptions::new().pretty(true));
        prop_assert_eq!(common::canonical(&pretty), common::canonical(&doc.to_xml()));
    }

    #[test]
    fn run_time_names_are_made_valid(name in "[^:]{0,12}", other in "[^:]{0,12}", value in hostile_string()) {
        prop_assume!(!name.starts_with("xml") && !other.starts_with("xml"));
        let doc = Response::new()
            .say(Say::new("x").attr(name.clone(), value.clone()).attr(other.clone(), value.clone()).attr(name.clone(), "dup"))
            .child(Custom::new(name.clone()).attr(other.clone(), value.clone()).child(Custom::new(other.clone())));
        let xml = doc.to_xml();
        let parsed = parse(&xml);
        let say = parsed.root_element().first_element_child().unwrap();
        if callml::xml::is_valid_name(&name) {
            let want = expected(&value);
            prop_assert_eq!(say.attribute(name.as_str()), Some(want.as_str()));
            let custom = say.next_sibling_element().unwrap();
            prop_assert_eq!(custom.tag_name().name(), name.as_str());
        }
    }
}

#[test]
fn injection_in_text_stays_one_text() {
    for payload in ["\"/><Record/><Say x=\"", "</Say><Dial>+19005551234</Dial><Say>"] {
        let xml = Response::new().say(Say::new(payload)).to_xml();
        let doc = parse(&xml);
        let verbs: Vec<_> = doc.root_element().children().collect();
        assert_eq!(verbs.len(), 1, "{xml}");
        assert_eq!(verbs[0].tag_name().name(), "Say");
        assert_eq!(text_of(verbs[0]), payload);
        assert!(!xml.contains("<Record") && !xml.contains("<Dial"), "{xml}");
    }
}

#[test]
fn injection_in_attribute_stays_one_attribute() {
    for payload in ["\"/><Record/><Say x=\"", "</Say><Dial>+19005551234</Dial><Say>"] {
        let xml = Response::new().say(Say::new("hi").language(payload).voice(payload).attr("x", payload)).to_xml();
        let doc = parse(&xml);
        let verbs: Vec<_> = doc.root_element().children().collect();
        assert_eq!(verbs.len(), 1, "{xml}");
        assert_eq!(verbs[0].attributes().count(), 3);
        assert_eq!(verbs[0].attribute("language"), Some(payload));
        assert_eq!(verbs[0].attribute("voice"), Some(payload));
        assert_eq!(verbs[0].attribute("x"), Some(payload));
        assert_eq!(text_of(verbs[0]), "hi");
    }
}
