//! Every case of `tests/vectors/bxml-cases.json` that has a `structure` (from the Bandwidth SDKs'
//! own tests and runs), built from that structure with the typed builder and compared canonically
//! with its `expected_xml`.

mod common;

use callml::bxml::*;
use callml::ssml::{InterpretAs, SayAs, TrustedSsml};
use callml::xml::{Render, RenderOptions};
use serde_json::Value;

/// Sets every attribute of the structure through the element's table (exact XML names).
macro_rules! element {
    ($ty:ident, $s:expr) => {{
        let mut el = $ty::default();
        for pair in $s["attributes"].as_array().into_iter().flatten() {
            let name = pair[0].as_str().unwrap().to_owned();
            let value = pair[1].as_str().unwrap().to_owned();
            el.set_attribute(name, value).unwrap();
        }
        el
    }};
}

fn text(s: &Value) -> String {
    s["text"].as_str().unwrap_or("").to_owned()
}

fn children(s: &Value) -> impl Iterator<Item = &Value> {
    s["children"].as_array().into_iter().flatten()
}

fn speak_sentence(s: &Value) -> SpeakSentence<'static> {
    let el = element!(SpeakSentence, s);
    let t = text(s);
    // The SDKs' "text" carries SSML markup as a string. Markup that is a well-formed fragment goes
    // in as TrustedSsml; anything else (`if a<b and c>d`) is plain text and gets escaped.
    match TrustedSsml::new(t.clone()) {
        Ok(ssml) if t.contains('<') => el.child(ssml),
        _ => el.text(t),
    }
}

fn with_text<T: From<String>>(s: &Value) -> T {
    T::from(text(s))
}

fn verb(s: &Value) -> Verb<'static> {
    match s["element"].as_str().unwrap() {
        "SpeakSentence" => speak_sentence(s).into(),
        "PlayAudio" => element!(PlayAudio, s).text(text(s)).into(),
        "SendDtmf" => element!(SendDtmf, s).text(text(s)).into(),
        "Gather" => {
            let mut g = element!(Gather, s);
            for c in children(s) {
                match c["element"].as_str().unwrap() {
                    "SpeakSentence" => g.push(speak_sentence(c)),
                    "PlayAudio" => g.push(element!(PlayAudio, c).text(text(c))),
                    other => panic!("unexpected <{other}> in Gather"),
                };
            }
            g.into()
        }
        "Transfer" => {
            let mut t = element!(Transfer, s);
            for c in children(s) {
                match c["element"].as_str().unwrap() {
                    "PhoneNumber" => t.push(element!(PhoneNumber, c).text(text(c))),
                    "SipUri" => t.push(element!(SipUri, c).text(text(c))),
                    other => panic!("unexpected <{other}> in Transfer"),
                };
            }
            t.into()
        }
        "Refer" => {
            let mut r = element!(Refer, s);
            for c in children(s) {
                r.push(element!(SipUri, c).text(text(c)));
            }
            r.into()
        }
        "StartStream" => {
            let mut st = element!(StartStream, s);
            for c in children(s) {
                st.push(element!(StreamParam, c));
            }
            st.into()
        }
        "StartTranscription" => {
            let mut st = element!(StartTranscription, s);
            for c in children(s) {
                st.push(element!(CustomParam, c));
            }
            st.into()
        }
        "Connect" => {
            let mut co = element!(Connect, s);
            for c in children(s) {
                co.push(with_text::<Endpoint>(c));
            }
            co.into()
        }
        "Hangup" => element!(Hangup, s).into(),
        "Pause" => element!(Pause, s).into(),
        "Ring" => element!(Ring, s).into(),
        "Redirect" => element!(Redirect, s).into(),
        "Record" => element!(Record, s).into(),
        "Forward" => element!(Forward, s).into(),
        "Bridge" => element!(Bridge, s).text(text(s)).into(),
        "Conference" => element!(Conference, s).text(text(s)).into(),
        "Tag" => element!(Tag, s).text(text(s)).into(),
        "StartRecording" => element!(StartRecording, s).into(),
        "StopRecording" => element!(StopRecording, s).into(),
        "PauseRecording" => element!(PauseRecording, s).into(),
        "ResumeRecording" => element!(ResumeRecording, s).into(),
        "StartGather" => element!(StartGather, s).into(),
        "StopGather" => element!(StopGather, s).into(),
        "StopStream" => element!(StopStream, s).into(),
        "StopTranscription" => element!(StopTranscription, s).into(),
        other => panic!("unknown verb <{other}>"),
    }
}

fn fragment() -> RenderOptions {
    RenderOptions::new().declaration(false)
}

fn build(structure: &Value) -> String {
    match structure["element"].as_str().unwrap() {
        "Response" => children(structure).fold(Response::new(), |r, c| r.child(verb(c))).to_xml(),
        "Bxml" => children(structure).fold(Bxml::new(), |r, c| r.child(verb(c))).to_xml(),
        "PhoneNumber" => element!(PhoneNumber, structure).text(text(structure)).to_xml_with(fragment()),
        "SipUri" => element!(SipUri, structure).text(text(structure)).to_xml_with(fragment()),
        _ => verb(structure).to_xml_with(fragment()),
    }
}

#[test]
fn every_case_with_a_structure_is_reproduced() {
    let cases = common::vectors("bxml-cases.json");
    assert_eq!(cases.len(), 45);
    let mut built = 0;
    for case in &cases {
        let name = case["name"].as_str().unwrap();
        let expected = case["expected_xml"].as_str().unwrap();
        if case["structure"].is_null() {
            continue;
        }
        let actual = build(&case["structure"]);
        assert_eq!(common::canonical(&actual), common::canonical(expected), "case {name}:\n{actual}");
        built += 1;
    }
    assert_eq!(built, 43);
}

#[test]
fn ssml_regex_overreach_is_escaped_not_unescaped() {
    let cases = common::vectors("bxml-cases.json");
    let case = cases.iter().find(|c| c["name"] == "ssml_regex_overreach").unwrap();
    let actual = build(&case["structure"]);
    assert_eq!(actual, case["expected_xml"].as_str().unwrap());
    assert_ne!(actual, case["sdk_output"].as_str().unwrap());
    let direct = Response::new().speak_sentence("if a<b and c>d").to_xml();
    assert_eq!(direct, actual);
}

/// The two byte-style records without a structure: Python's (rebuilt by hand, compared
/// canonically) and Java's, which writes defaults and `15.0` (callml writes `15`; not comparable).
#[test]
fn python_style_record_matches_canonically() {
    let cases = common::vectors("bxml-cases.json");
    let case = cases.iter().find(|c| c["name"] == "python_style_speak_sentence_in_response").unwrap();
    let doc = Response::new().speak_sentence(
        SpeakSentence::new("Hello. Your number is ")
            .voice("julie")
            .child(SayAs::new("asdf").interpret_as(InterpretAs::Telephone))
            .text(", lets play a game. What is 10 + 3. Press the pound key when finished."),
    );
    assert_eq!(common::canonical(&doc.to_xml()), common::canonical(case["expected_xml"].as_str().unwrap()));
}
