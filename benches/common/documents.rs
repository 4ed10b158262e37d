//! The benchmark documents of spec/benchmark-documents.md, built exactly so (shared by the
//! criterion benches and checked against the comparison scripts' output).
#![allow(dead_code)]

use callml::bxml;
use callml::twiml::{self, DialRecord, GatherInput, Method, Voice};
use callml::xml::ElementWriter;

type TwimlWriter<'w> = ElementWriter<'w, twiml::Response<'static>>;
type BxmlWriter<'w> = ElementWriter<'w, bxml::Response<'static>>;

/// The M document's Say/SpeakSentence text (needs escaping).
pub const TEXT: &str = r#"Press 1 for sales & support, 2 for "billing" <now>"#;

/// TwiML S: ACML's documented example.
pub fn twiml_s() -> twiml::Response<'static> {
    twiml::Response::new()
        .say(twiml::Say::new("Please hold while your call is connected").voice(Voice::Woman))
        .dial("18004444444")
}

/// TwiML S written straight to markup: the same bytes as `twiml_s()`.
pub fn twiml_s_xml() -> String {
    twiml::Response::write_xml(|r| {
        r.say(|s| s.voice(Voice::Woman).text("Please hold while your call is connected"))
            .dial(|d| d.text("18004444444"))
    })
}

fn twiml_m_verbs(r: twiml::Response<'static>) -> twiml::Response<'static> {
    r.say(twiml::Say::new(TEXT).voice(Voice::Alice).language("en-US").loop_count(1))
        .gather(
            twiml::Gather::new()
                .input([GatherInput::Dtmf, GatherInput::Speech])
                .action("https://example.com/gather?step=1&lang=en")
                .method(Method::Post)
                .num_digits(1)
                .timeout(5)
                .finish_on_key("#")
                .say("Please choose an option.")
                .play(twiml::Play::new("https://example.com/a.mp3").loop_count(2))
                .pause(twiml::Pause::new().length(2)),
        )
        .dial(
            twiml::Dial::new()
                .caller_id("+15551234567")
                .timeout(20)
                .record(DialRecord::RecordFromAnswer)
                .action("https://example.com/dial")
                .number(twiml::Number::new("+15558675309").send_digits("wwww1234"))
                .client("alice")
                .sip(twiml::Sip::new("sip:bob@example.com").username("u").password("p")),
        )
        .record(twiml::Record::new().max_length(30).play_beep(true).action("https://example.com/rec"))
        .redirect(twiml::Redirect::new("https://example.com/next").method(Method::Post))
        .hangup()
}

fn twiml_m_written<'w>(r: TwimlWriter<'w>) -> TwimlWriter<'w> {
    r.say(|s| s.voice(Voice::Alice).language("en-US").loop_count(1).text(TEXT))
        .gather(|g| {
            g.input([GatherInput::Dtmf, GatherInput::Speech])
                .action("https://example.com/gather?step=1&lang=en")
                .method(Method::Post)
                .num_digits(1)
                .timeout(5)
                .finish_on_key("#")
                .say(|s| s.text("Please choose an option."))
                .play(|p| p.text("https://example.com/a.mp3").loop_count(2))
                .pause(|p| p.length(2))
        })
        .dial(|d| {
            d.caller_id("+15551234567")
                .timeout(20)
                .record(DialRecord::RecordFromAnswer)
                .action("https://example.com/dial")
                .number(|n| n.text("+15558675309").send_digits("wwww1234"))
                .client(|c| c.text("alice"))
                .sip(|s| s.text("sip:bob@example.com").username("u").password("p"))
        })
        .record(|r| r.max_length(30).play_beep(true).action("https://example.com/rec"))
        .redirect(|r| r.text("https://example.com/next").method(Method::Post))
        .hangup()
}

/// TwiML M written straight to markup (`Response::write_xml`): the same bytes as `twiml_m()`.
pub fn twiml_m_xml() -> String {
    twiml::Response::write_xml(twiml_m_written)
}

/// TwiML L written straight to markup.
pub fn twiml_l_xml() -> String {
    twiml::Response::write_xml(|r| (0..100).fold(r, |r, _| twiml_m_written(r)))
}

/// TwiML M: the ~800-byte IVR.
pub fn twiml_m() -> twiml::Response<'static> {
    twiml_m_verbs(twiml::Response::new())
}

/// TwiML L: M's six verbs 100 times.
pub fn twiml_l() -> twiml::Response<'static> {
    (0..100).fold(twiml::Response::new(), |r, _| twiml_m_verbs(r))
}

/// BXML S.
pub fn bxml_s() -> bxml::Response<'static> {
    bxml::Response::new()
        .speak_sentence(bxml::SpeakSentence::new("Please hold while your call is connected").voice("julie"))
        .transfer(bxml::Transfer::new(bxml::PhoneNumber::new("+18004444444")))
}

/// BXML S written straight to markup: the same bytes as `bxml_s()`.
pub fn bxml_s_xml() -> String {
    bxml::Response::write_xml(|r| {
        r.speak_sentence(|s| s.voice("julie").text("Please hold while your call is connected"))
            .transfer(|t| t.phone_number(|n| n.text("+18004444444")))
    })
}

fn bxml_m_verbs(r: bxml::Response<'static>) -> bxml::Response<'static> {
    r.speak_sentence(bxml::SpeakSentence::new(TEXT).voice("julie"))
        .gather(
            bxml::Gather::new()
                .gather_url("https://example.com/gather?step=1&lang=en")
                .max_digits(1)
                .first_digit_timeout(5)
                .terminating_digits("#")
                .speak_sentence("Please choose an option.")
                .play_audio("https://example.com/a.mp3"),
        )
        .pause(bxml::Pause::new().duration(2))
        .transfer(
            bxml::Transfer::new(bxml::PhoneNumber::new("+15558675309"))
                .transfer_caller_id("+15551234567")
                .call_timeout(20)
                .transfer_complete_url("https://example.com/dial")
                .sip_uri("sip:bob@example.com"),
        )
        .record(bxml::Record::new().max_duration(30).record_complete_url("https://example.com/rec"))
        .redirect(bxml::Redirect::new().redirect_url("https://example.com/next"))
        .hangup()
}

fn bxml_m_written<'w>(r: BxmlWriter<'w>) -> BxmlWriter<'w> {
    r.speak_sentence(|s| s.text(TEXT).voice("julie"))
        .gather(|g| {
            g.gather_url("https://example.com/gather?step=1&lang=en")
                .max_digits(1)
                .first_digit_timeout(5)
                .terminating_digits("#")
                .speak_sentence(|s| s.text("Please choose an option."))
                .play_audio(|p| p.text("https://example.com/a.mp3"))
        })
        .pause(|p| p.duration(2))
        .transfer(|t| {
            t.phone_number(|n| n.text("+15558675309"))
                .transfer_caller_id("+15551234567")
                .call_timeout(20)
                .transfer_complete_url("https://example.com/dial")
                .sip_uri(|u| u.text("sip:bob@example.com"))
        })
        .record(|r| r.max_duration(30).record_complete_url("https://example.com/rec"))
        .redirect(|r| r.redirect_url("https://example.com/next"))
        .hangup()
}

/// BXML M written straight to markup: the same bytes as `bxml_m()`.
pub fn bxml_m_xml() -> String {
    bxml::Response::write_xml(bxml_m_written)
}

/// BXML L written straight to markup.
pub fn bxml_l_xml() -> String {
    bxml::Response::write_xml(|r| (0..100).fold(r, |r, _| bxml_m_written(r)))
}

/// BXML M.
pub fn bxml_m() -> bxml::Response<'static> {
    bxml_m_verbs(bxml::Response::new())
}

/// BXML L: M-bxml's body 100 times.
pub fn bxml_l() -> bxml::Response<'static> {
    (0..100).fold(bxml::Response::new(), |r, _| bxml_m_verbs(r))
}

/// E-v2: the v2 `initiate` payload with diversion from Bandwidth's documentation.
pub const E_V2: &str = r#"{"eventType":"initiate","eventTime":"2019-06-20T15:56:11.554Z","accountId":"55555555","applicationId":"7fc9698a-b04a-468b-9e8f-91238c0d0086","from":"+15551112222","to":"+15553334444","direction":"inbound","callId":"c-95ac8d6e-1a31c52e-b38f-4198-93c1-51633ec68f8d","callUrl":"https://voice.bandwidth.com/api/v2/accounts/55555555/calls/c-95ac8d6e-1a31c52e-b38f-4198-93c1-51633ec68f8d","startTime":"2019-06-20T15:54:22.234Z","diversion":{"origTo":"+15558884444","reason":"unavailable","privacy":"off","unknown":"unknownValue"}}"#;
/// E-v1: the v1 `incomingcall` payload from Bandwidth's documentation.
pub const E_V1: &str = r#"{"eventType":"incomingcall","from":"+13233326955","to":"+13865245000","callId":"{callId}","callUri":"https://api.catapult.inetwork.com/v1/users/{userId}/calls/{callId}","callState":"active","applicationId":"{appId}","time":"2012-11-14T16:21:59.616Z"}"#;
/// E-form: the TwiML-style form from ACML's documentation.
pub const E_FORM: &str = "CallSid=ID123&InstanceId=ID242&AccountSid=AC06&From=3035550000&To=8044731212&CallStatus=ringing&ApiVersion=2012-04-24&Direction=inbound&CallerName=3035550000&ForwardedFrom=null&CallTimestamp=2020-05-26T17%3A59%3A16.555Z&PostStatus=new";

/// A Twilio Gather action request: the base parameters, geography and the gather fields (keys
/// sorted, as Twilio sends them).
pub const E_GATHER: &str = "AccountSid=AC5ef8732a3c49700934481addd5ce1659&ApiVersion=2010-04-01&CallSid=CA9f0b2c5d6e7a8b9c0d1e2f3a4b5c6d7e&CallStatus=in-progress&Called=%2B14155550123&CalledCity=SAN+FRANCISCO&CalledCountry=US&CalledState=CA&CalledZip=94105&Caller=%2B12065550199&CallerCity=SEATTLE&CallerCountry=US&CallerState=WA&CallerZip=98101&Digits=1234&Direction=inbound&FinishedOnKey=%23&From=%2B12065550199&FromCity=SEATTLE&FromCountry=US&FromState=WA&FromZip=98101&To=%2B14155550123&ToCity=SAN+FRANCISCO&ToCountry=US&ToState=CA&ToZip=94105&msg=Gather+End";
