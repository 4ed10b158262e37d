//! Golden files for the `bxml` builder: every verb and every attribute (checked by
//! `every_element_and_attribute_is_covered`), plus realistic replies, byte for byte.

#[macro_use]
mod common;

use callml::bxml::*;
use callml::ssml::{Break, Emphasis, InterpretAs, Lang, SayAs, TrustedSsml};
use callml::xml::{Custom, Render, RenderOptions};

fn all_attributes() -> Response<'static> {
    Response::new()
        .speak_sentence(filled!(SpeakSentence, "Hello"))
        .play_audio(filled!(PlayAudio, "https://example.com/a.wav"))
        .gather(filled!(Gather).speak_sentence("Press 1").play_audio("https://example.com/b.wav"))
        .transfer(filled!(Transfer, filled!(PhoneNumber, "+15555550101")).sip_uri(filled!(SipUri, "sip:a@example.com")))
        .child(filled!(Hangup))
        .pause(filled!(Pause))
        .redirect(filled!(Redirect))
        .record(filled!(Record))
        .forward(filled!(Forward))
        .bridge(filled!(Bridge, "c-86d3a2b1-2a6e-4a65-8ee9-6cbd4bd2c5b1"))
        .conference(filled!(Conference, "room-1"))
        .start_recording(filled!(StartRecording))
        .child(filled!(StopRecording))
        .child(filled!(PauseRecording))
        .child(filled!(ResumeRecording))
        .tag(filled!(Tag, "vip"))
        .ring(filled!(Ring))
        .send_dtmf(filled!(SendDtmf, "12w34"))
        .start_gather(filled!(StartGather))
        .child(filled!(StopGather))
        .start_stream(filled!(StartStream).stream_param(filled!(StreamParam)))
        .stop_stream(filled!(StopStream))
        .start_transcription(filled!(StartTranscription).custom_param(filled!(CustomParam)))
        .stop_transcription(filled!(StopTranscription))
        .connect(filled!(Connect).endpoint(filled!(Endpoint, "ep-1")))
        .refer(filled!(Refer, filled!(SipUri, "sip:b@example.com")))
}

/// Bandwidth's documented `initiate` callback, answered.
fn initiate_reply() -> Response<'static> {
    Response::new()
        .speak_sentence(SpeakSentence::new("Thanks for calling. ").voice("julie").child(Break::new().time("500ms")))
        .gather(
            Gather::new()
                .gather_url("https://example.com/bandwidth/v2/callbacks?step=menu&lang=en")
                .max_digits(1)
                .first_digit_timeout(5)
                .inter_digit_timeout(2.5)
                .terminating_digits("#")
                .repeat_count(2)
                .speak_sentence(
                    SpeakSentence::new("Press 1 for sales, 2 for support.").locale("en_US").gender(Gender::Female),
                ),
        )
        .transfer(
            Transfer::new(PhoneNumber::new("+15555550101").transfer_answer_url("/whisper"))
                .transfer_caller_id("+15555550100")
                .call_timeout(20)
                .diversion_treatment(DiversionTreatment::Stack)
                .diversion_reason(DiversionReason::UserBusy),
        )
}

fn medium_ivr() -> Response<'static> {
    Response::new()
        .speak_sentence(SpeakSentence::new("Press 1 for sales & support, 2 for \"billing\" <now>").voice("julie"))
        .gather(
            Gather::new()
                .gather_url("https://example.com/gather?step=1&lang=en")
                .max_digits(1)
                .first_digit_timeout(5)
                .terminating_digits("#")
                .speak_sentence("Please choose an option.")
                .play_audio("https://example.com/a.mp3"),
        )
        .pause(Pause::new().duration(2))
        .transfer(
            Transfer::new(PhoneNumber::new("+15558675309"))
                .transfer_caller_id("+15551234567")
                .call_timeout(20)
                .transfer_complete_url("https://example.com/dial")
                .sip_uri("sip:bob@example.com"),
        )
        .record(Record::new().max_duration(30).record_complete_url("https://example.com/rec"))
        .redirect(Redirect::new().redirect_url("https://example.com/next"))
        .hangup()
}

fn ssml() -> Response<'static> {
    Response::new()
        .speak_sentence(
            SpeakSentence::new("Your code is ")
                .child(SayAs::new("1234").interpret_as(InterpretAs::Digits))
                .text(". ")
                .child(Lang::new("Hola").xml_lang("es-MX"))
                .child(Emphasis::new("if a<b and c>d")),
        )
        .speak_sentence(
            SpeakSentence::new("")
                .child(TrustedSsml::new(r#"<prosody rate="slow">trusted &amp; checked</prosody>"#).unwrap()),
        )
        .speak_sentence("Tom & Jerry <3 you, Café ✓ 5 > 3")
}

fn escape_hatches() -> Response<'static> {
    Response::new()
        .redirect(Redirect::new().redirect_url("/next?a=1&b=2").tag("").attr("newAttribute", "x\"y"))
        .child(Custom::new("FutureVerb").attr("mode", "fast").text("payload <raw>"))
        .transfer(Transfer::new(Custom::new("FutureTarget").text("x")).transfer_caller_display_name("Joe \"JJ\" Smith"))
}

fn documents() -> Vec<(&'static str, Response<'static>)> {
    vec![
        ("all_attributes", all_attributes()),
        ("initiate_reply", initiate_reply()),
        ("medium_ivr", medium_ivr()),
        ("ssml", ssml()),
        ("escape_hatches", escape_hatches()),
    ]
}

#[test]
fn golden_documents() {
    for (name, doc) in documents() {
        common::assert_golden(&format!("bxml/{name}.xml"), &doc.to_xml());
        common::assert_golden(&format!("bxml/{name}.pretty.xml"), &doc.to_xml_with(RenderOptions::new().pretty(true)));
        assert_eq!(
            common::canonical(&doc.to_xml()),
            common::canonical(&doc.to_xml_with(RenderOptions::new().pretty(true))),
            "{name}: pretty changed content"
        );
    }
}

#[test]
fn bxml_root_renders_the_same_verbs() {
    let doc = initiate_reply();
    let update = Bxml::from(doc.clone());
    assert_eq!(update.to_xml().replace("Bxml>", "Response>"), doc.to_xml());
    common::assert_golden("bxml/live_update.xml", &update.to_xml());
    common::assert_golden("bxml/live_update.pretty.xml", &update.to_xml_with(RenderOptions::new().pretty(true)));
}

#[test]
fn decimals_booleans_and_empty_values() {
    let xml = Response::new()
        .pause(Pause::new().duration(5.0))
        .ring(Ring::new().duration(5.1).answer_call(false))
        .redirect(Redirect::new().redirect_url("/x").tag(""))
        .to_xml_with(RenderOptions::new().declaration(false));
    assert_eq!(
        xml,
        r#"<Response><Pause duration="5"/><Ring answerCall="false" duration="5.1"/><Redirect redirectUrl="/x" tag=""/></Response>"#
    );
}

#[test]
fn every_element_and_attribute_is_covered() {
    // The dialect's own list (BXML speech takes only part of SSML; the TwiML goldens cover all of it).
    common::assert_every_element_and_attribute_covered("bxml", callml::bxml::VOCABULARY.own_elements());
}

/// Every attribute name of the table, checked against the names spec/bandwidth.md section 3 and
/// its addendum give (the SDKs shipped typos such as `bridgeTargetCompleteFallback_url`).
#[test]
fn attribute_names_are_the_documented_ones() {
    for e in callml::bxml::VOCABULARY.own_elements() {
        let (element, attributes) = (e.name, e.attributes);
        for a in attributes {
            assert!(a.chars().all(|c| c.is_ascii_alphabetic()), "<{element} {a}> is not a plain camelCase name");
            assert!(a.chars().next().unwrap().is_ascii_lowercase(), "<{element} {a}>");
        }
    }
    assert_eq!(
        Bridge::ATTRIBUTE_NAMES,
        [
            "bridgeCompleteFallbackMethod",
            "bridgeCompleteFallbackUrl",
            "bridgeCompleteMethod",
            "bridgeCompleteUrl",
            "bridgeTargetCompleteFallbackMethod",
            "bridgeTargetCompleteFallbackUrl",
            "bridgeTargetCompleteMethod",
            "bridgeTargetCompleteUrl",
            "fallbackPassword",
            "fallbackUsername",
            "password",
            "tag",
            "username",
        ]
    );
    assert!(StartStream::ATTRIBUTE_NAMES.contains(&"destinationUsername"));
    assert!(StartStream::ATTRIBUTE_NAMES.contains(&"destinationPassword"));
    assert!(Record::ATTRIBUTE_NAMES.contains(&"recordCompleteFallbackUrl"));
}
