//! BXML property and injection tests: hostile strings in every text and attribute position give
//! well-formed XML that reads back as the input (forbidden characters as U+FFFD).

mod common;

use callml::bxml::*;
use callml::ssml::Emphasis;
use callml::xml::{Custom, Render};
use common::{expected, hostile_string, parse, text_of};
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn every_text_and_attribute_position_round_trips(s in hostile_string()) {
        let doc = Response::new()
            .speak_sentence(SpeakSentence::new(s.clone()).voice(s.clone()).locale(s.clone()).child(Emphasis::new(s.clone())))
            .play_audio(PlayAudio::new(s.clone()).username(s.clone()))
            .gather(Gather::new().gather_url(s.clone()).terminating_digits(s.clone()).tag(s.clone()).speak_sentence(s.clone()))
            .transfer(Transfer::new(PhoneNumber::new(s.clone()).uui(s.clone())).transfer_caller_display_name(s.clone()))
            .conference(Conference::new(s.clone()).call_ids_to_coach(s.clone()))
            .tag(Tag::new(s.clone()))
            .redirect(Redirect::new().redirect_url(s.clone()).attr("x", s.clone()))
            .child(Custom::new("X").attr("v", s.clone()).text(s.clone()));
        let xml = doc.to_xml();
        let parsed = parse(&xml);
        let want = expected(&s);
        let verbs: Vec<_> = parsed.root_element().children().filter(|n| n.is_element()).collect();
        prop_assert_eq!(verbs.len(), 8, "extra or missing verbs: {}", xml);
        prop_assert_eq!(text_of(verbs[0]), want.clone());
        prop_assert_eq!(verbs[0].attribute("voice"), Some(want.as_str()));
        prop_assert_eq!(verbs[0].attribute("locale"), Some(want.as_str()));
        prop_assert_eq!(text_of(verbs[0].first_element_child().unwrap()), want.clone());
        prop_assert_eq!(text_of(verbs[1]), want.clone());
        prop_assert_eq!(verbs[1].attribute("username"), Some(want.as_str()));
        prop_assert_eq!(verbs[2].attribute("gatherUrl"), Some(want.as_str()));
        prop_assert_eq!(verbs[2].attribute("terminatingDigits"), Some(want.as_str()));
        prop_assert_eq!(verbs[2].attribute("tag"), Some(want.as_str()));
        prop_assert_eq!(text_of(verbs[2].first_element_child().unwrap()), want.clone());
        prop_assert_eq!(verbs[3].attribute("transferCallerDisplayName"), Some(want.as_str()));
        let number = verbs[3].first_element_child().unwrap();
        prop_assert_eq!(text_of(number), want.clone());
        prop_assert_eq!(number.attribute("uui"), Some(want.as_str()));
        prop_assert_eq!(text_of(verbs[4]), want.clone());
        prop_assert_eq!(verbs[4].attribute("callIdsToCoach"), Some(want.as_str()));
        prop_assert_eq!(text_of(verbs[5]), want.clone());
        prop_assert_eq!(verbs[6].attribute("redirectUrl"), Some(want.as_str()));
        prop_assert_eq!(verbs[6].attribute("x"), Some(want.as_str()));
        prop_assert_eq!(verbs[7].attribute("v"), Some(want.as_str()));
        prop_assert_eq!(text_of(verbs[7]), want);
    }
}

#[test]
fn injection_stays_one_text_and_one_attribute() {
    for payload in [
        "\"/><Record/><SpeakSentence x=\"",
        "</SpeakSentence><Transfer><PhoneNumber>+19005551234</PhoneNumber></Transfer><SpeakSentence>",
    ] {
        let xml = Response::new().speak_sentence(SpeakSentence::new(payload).voice(payload)).to_xml();
        let doc = parse(&xml);
        let verbs: Vec<_> = doc.root_element().children().collect();
        assert_eq!(verbs.len(), 1, "{xml}");
        assert_eq!(verbs[0].tag_name().name(), "SpeakSentence");
        assert_eq!(text_of(verbs[0]), payload);
        assert_eq!(verbs[0].attribute("voice"), Some(payload));
        assert!(!xml.contains("<Transfer") && !xml.contains("<Record"), "{xml}");
    }
}

#[test]
fn trusted_ssml_refuses_what_would_break_the_document() {
    for bad in ["a<b and c>d", "<break>", "</p>", "x & y", "<a b='<'/>", "\u{1}", "&#1;", "<!DOCTYPE x>", "]]>"] {
        assert!(callml::ssml::TrustedSsml::new(bad).is_err(), "{bad:?} was accepted");
    }
    for good in
        ["", "plain", "<break time=\"1s\"/>", "a &amp; b <emphasis level=\"strong\">c</emphasis>", "<![CDATA[x]]>"]
    {
        assert!(callml::ssml::TrustedSsml::new(good).is_ok(), "{good:?} was refused");
    }
}
