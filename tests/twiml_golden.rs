//! Golden files for the `twiml` builder: every element and every attribute at least once (checked
//! by `every_element_and_attribute_is_covered`), byte for byte.

#[macro_use]
mod common;

use callml::ssml::*;
use callml::twiml::*;
use callml::xml::{Custom, Render, RenderOptions, Separator};

fn acml_example() -> Response<'static> {
    Response::new().say(Say::new("Please hold while your call is connected").voice(Voice::Woman)).dial("18004444444")
}

fn say_ssml() -> Response<'static> {
    Response::new().say(
        Say::new("Hello ")
            .voice(Voice::polly("Joanna-Neural"))
            .language("en-US")
            .loop_count(2)
            .child(Break::new().strength(BreakStrength::Medium).time("500ms"))
            .child(
                Emphasis::new("really ")
                    .level(EmphasisLevel::Moderate)
                    .child(Prosody::new("slowly").rate(ProsodyRate::Slow).pitch(ProsodyPitch::Low).volume("+6dB")),
            )
            .child(Lang::new("Bonjour ").xml_lang("fr-FR").child(Word::new("lu").role("amazon:VBD")))
            .child(
                Paragraph::new("")
                    .child(
                        Sentence::new("One ")
                            .child(SayAs::new("2024-01-02").interpret_as(InterpretAs::Date).format(SayAsFormat::Ymd)),
                    )
                    .child(Sentence::new("").child(Phoneme::new("pecan").alphabet(PhonemeAlphabet::Ipa).ph("pɪˈkɑːn"))),
            )
            .child(Sub::new("W3C").alias("World Wide Web Consortium"))
            .child(AmazonEffect::new("psst").name(AmazonEffectName::Whispered))
            .child(AmazonDomain::new("in the news").name(AmazonDomainName::News))
            .text(" & goodbye <3"),
    )
}

fn gather_all() -> Response<'static> {
    Response::new().gather(
        Gather::new()
            .action("/gather?step=1&lang=en")
            .action_on_empty_result(false)
            .barge_in(true)
            .debug(false)
            .enhanced(true)
            .finish_on_key("#")
            .hints("sales, support")
            .input([GatherInput::Dtmf, GatherInput::Speech])
            .language("en-GB")
            .max_speech_time(30)
            .method(Method::Post)
            .num_digits(4)
            .partial_result_callback("/partial")
            .partial_result_callback_method(Method::Get)
            .profanity_filter(false)
            .speech_model("phone_call")
            .speech_timeout(SpeechTimeout::Auto)
            .timeout(7)
            .say("Enter your PIN")
            .play(Play::new("https://example.com/beep.wav").loop_count(1).digits("w1"))
            .pause(Pause::new().length(1)),
    )
}

fn record_all() -> Response<'static> {
    Response::new().record(
        Record::new()
            .action("/rec")
            .finish_on_key("-1")
            .max_length(3600)
            .method(Method::Post)
            .play_beep(true)
            .recording_configuration_id("RC123")
            .recording_status_callback("/rec-status")
            .recording_status_callback_event([
                RecordingEvent::InProgress,
                RecordingEvent::Completed,
                RecordingEvent::Absent,
            ])
            .recording_status_callback_method(Method::Get)
            .timeout(5)
            .transcribe(true)
            .transcribe_callback("/transcript")
            .trim(Trim::DoNotTrim),
    )
}

fn dial_all() -> Response<'static> {
    let amd = |n: Number<'static>| {
        n.amd_status_callback("/amd")
            .amd_status_callback_method(Method::Get)
            .machine_detection(MachineDetection::DetectMessageEnd)
            .machine_detection_silence_timeout(5000)
            .machine_detection_speech_end_threshold(1200)
            .machine_detection_speech_threshold(2400)
            .machine_detection_timeout(30)
    };
    Response::new().dial(
        Dial::new()
            .action("/dial-done")
            .answer_on_bridge(true)
            .call_reason("Your order")
            .caller_id("+15551234567")
            .dial_music("https://example.com/music.mp3")
            .events(DialEvent::CallProgressEvent)
            .hangup_on_star(true)
            .method(Method::Post)
            .passports("passport")
            .record(DialRecord::RecordFromAnswerDual)
            .recording_configuration_id("RC1")
            .recording_status_callback("/dial-rec")
            .recording_status_callback_event([RecordingEvent::Completed])
            .recording_status_callback_method(Method::Post)
            .recording_track(RecordingTrack::Inbound)
            .refer_method(Method::Get)
            .refer_url("/refer")
            .ring_tone("uk")
            .sequential(true)
            .time_limit(14400)
            .timeout(20)
            .trim(Trim::TrimSilence)
            .number(
                amd(Number::new("+15558675309"))
                    .byoc("BY123")
                    .method(Method::Post)
                    .send_digits("wwww1234")
                    .status_callback("/status")
                    .status_callback_event([
                        StatusCallbackEvent::Initiated,
                        StatusCallbackEvent::Ringing,
                        StatusCallbackEvent::Answered,
                        StatusCallbackEvent::Completed,
                    ])
                    .status_callback_method(Method::Post)
                    .url("/screen"),
            )
            .client(
                Client::new("")
                    .method(Method::Post)
                    .name("Alice")
                    .status_callback("/status")
                    .status_callback_event(
                        List::from([StatusCallbackEvent::Initiated, StatusCallbackEvent::Completed])
                            .separator(Separator::Comma),
                    )
                    .status_callback_method(Method::Get)
                    .url("/screen")
                    .identity(Identity::new("alice"))
                    .parameter(Parameter::pair("ticket", "42 & more")),
            )
            .sip(
                Sip::new("")
                    .amd_status_callback("/amd")
                    .amd_status_callback_method(Method::Post)
                    .machine_detection(MachineDetection::Enable)
                    .machine_detection_silence_timeout(2000)
                    .machine_detection_speech_end_threshold(500)
                    .machine_detection_speech_threshold(1000)
                    .machine_detection_timeout(3)
                    .method(Method::Get)
                    .name("trunk")
                    .password("secret")
                    .status_callback("/sip-status")
                    .status_callback_event([StatusCallbackEvent::Answered])
                    .status_callback_method(Method::Post)
                    .url("/screen")
                    .username("bob")
                    .uri(
                        Uri::new("sip:bob@example.com;transport=tls")
                            .password("p")
                            .priority(1)
                            .username("u")
                            .weight(10),
                    )
                    .headers(Headers::new().header(Header::new().name("X-Account").value("a&b"))),
            ),
    )
}

use callml::xml::List;

fn control_verbs() -> Response<'static> {
    Response::new()
        .play(Play::new("https://example.com/a.mp3").loop_count(0))
        .pause(Pause::new().length(2))
        .child(Reject::new().reason(RejectReason::ServiceUnavailable).parameter(Parameter::pair("why", "closed")))
        .child(Hangup::new().parameter(Parameter::new().name("reason").value("done")))
        .redirect(Redirect::new("https://example.com/next?a=1&b=2").method(Method::Get))
}

fn escape_hatches() -> Response<'static> {
    Response::new()
        .say(Say::new("hi").attr("data-x", "1 < 2").attr("voice", "alice"))
        // A set typed attribute wins over an extra of the same name, and a repeated extra is
        // skipped, so the output stays well-formed (validate() reports both).
        .say(Say::new("dup").voice(Voice::Man).attr("voice", "alice").attr("x", "1").attr("x", "2"))
        .child(Custom::new("Assistant").attr("id", "aia_asst_1").text("room-1"))
        .gather(Gather::new().child(Custom::new("Message").attr("url", "wss://example.com/a?b&c")))
        .dial(Dial::new().child(Custom::new("Whisper").text("support")))
}

fn acml_profile() -> Response<'static> {
    Response::new()
        .say(Say::new("Bienvenue").voice(Voice::Woman).language("fr"))
        .dial(Dial::new().record(DialRecord::True).dial_music("https://example.com/ring.wav").number(
            Number::new("+15558675309").status_callback("/cb").status_callback_event(
                List::from([StatusCallbackEvent::Initiated, StatusCallbackEvent::Ringing]).separator(Separator::Comma),
            ),
        ))
        .record(Record::new().finish_on_key("-1"))
        .child(Reject::new().reason(RejectReason::AnonymityDisallowed))
}

/// `<Connect>` with each of its nouns, every attribute set.
fn connect_all() -> Response<'static> {
    let pair = || Parameter::pair("caller", "+15551234567");
    Response::new()
        .connect(filled!(Connect).conversation_relay(
            filled!(ConversationRelay).child(filled!(Language)).child(Language::new().code("fr-FR")).parameter(pair()),
        ))
        .connect(Connect::new().stream(filled!(Stream).parameter(pair())))
        .connect(Connect::new().room(filled!(Room, "DailyStandup")))
        .connect(Connect::new().autopilot(filled!(Autopilot, "UA123")))
        .connect(Connect::new().virtual_agent(filled!(VirtualAgent).config(filled!(Config)).parameter(pair())))
        .connect(Connect::new().conversation(filled!(Conversation)))
        .connect(Connect::new().ai_session(filled!(AiSession)))
        .connect(Connect::new().conversation_relay_session(filled!(ConversationRelaySession)))
}

/// `<Start>` and `<Stop>` with every background operation.
fn start_stop_all() -> Response<'static> {
    Response::new()
        .start(
            filled!(Start)
                .stream(Stream::new().name("fork").url("wss://example.com/fork").parameter(Parameter::pair("a", "1")))
                .siprec(filled!(Siprec).parameter(Parameter::pair("b", "2")))
                .transcription(
                    filled!(Transcription)
                        .config(Config::new().name("k").value("v"))
                        .parameter(Parameter::pair("c", "3")),
                )
                .recording(filled!(Recording))
                .media_filter(filled!(MediaFilter).parameter(Parameter::pair("d", "4"))),
        )
        .say("Connected.")
        .stop(
            filled!(Stop)
                .stream(Stream::new().name("fork"))
                .siprec(Siprec::new().name("rec"))
                .transcription(Transcription::new().name("live"))
                .media_filter(MediaFilter::new().name("noise")),
        )
}

/// Queues, payments, the other Dial nouns and the remaining verbs.
fn queue_pay_and_more() -> Response<'static> {
    Response::new()
        .enqueue(filled!(Enqueue, "support").task(filled!(Task, r#"{"language":"fr","vip":true}"#)))
        .leave()
        .dial(Dial::new().queue(filled!(Queue, "support")))
        .dial(Dial::new().conference(filled!(Conference, "standup")))
        .dial(Dial::new().sim(filled!(Sim, "DE8caa2afb9d5279926619c458dc7098a8")))
        .dial(
            Dial::new().application(
                filled!(Application)
                    .application_sid(filled!(ApplicationSid, "AP123"))
                    .parameter(Parameter::pair("tier", "gold")),
            ),
        )
        .dial(Dial::new().caller_id("whatsapp:+15550001111").whatsapp(filled!(WhatsApp, "+15552223333")))
        .pay(
            filled!(Pay)
                .prompt(
                    filled!(Prompt)
                        .say("Card number, please.")
                        .play("https://example.com/beep.wav")
                        .pause(Pause::new().length(1)),
                )
                .parameter(Parameter::pair("order", "42")),
        )
        .child(filled!(Echo))
        .sms(filled!(Sms, "Your code is 1234"))
        .refer(filled!(Refer, filled!(ReferSip, "sip:alice@example.com?X-Reason=billing&X-Id=1")))
}

fn documents() -> Vec<(&'static str, Response<'static>)> {
    vec![
        ("acml_example", acml_example()),
        ("say_ssml", say_ssml()),
        ("gather_all", gather_all()),
        ("record_all", record_all()),
        ("dial_all", dial_all()),
        ("control_verbs", control_verbs()),
        ("escape_hatches", escape_hatches()),
        ("acml_profile", acml_profile()),
        ("connect_all", connect_all()),
        ("start_stop_all", start_stop_all()),
        ("queue_pay_and_more", queue_pay_and_more()),
    ]
}

#[test]
fn golden_documents() {
    for (name, doc) in documents() {
        common::assert_golden(&format!("twiml/{name}.xml"), &doc.to_xml());
        common::assert_golden(&format!("twiml/{name}.pretty.xml"), &doc.to_xml_with(RenderOptions::new().pretty(true)));
        // Every golden document is well-formed.
        common::canonical(&doc.to_xml().replace("amazon:", "amazon-"));
    }
}

#[test]
fn acml_example_byte_for_byte() {
    assert_eq!(
        acml_example().to_xml(),
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Say voice=\"woman\">Please hold while your call is connected</Say><Dial>18004444444</Dial></Response>"
    );
}

#[test]
fn pretty_never_changes_text() {
    for (name, doc) in documents() {
        let compact = common::canonical(&doc.to_xml().replace("amazon:", "amazon-"));
        let pretty =
            common::canonical(&doc.to_xml_with(RenderOptions::new().pretty(true)).replace("amazon:", "amazon-"));
        assert_eq!(compact, pretty, "{name}");
    }
}

#[test]
fn every_output_form_gives_the_same_bytes() {
    let doc = dial_all();
    let s = doc.to_xml();
    let mut v = Vec::new();
    doc.write_to(&mut v);
    assert_eq!(v, s.as_bytes());
    let mut io = Vec::new();
    doc.write_io_to(&mut io, RenderOptions::new()).unwrap();
    assert_eq!(io, s.as_bytes());
    let mut f = String::new();
    doc.write_fmt_to(&mut f, RenderOptions::new()).unwrap();
    assert_eq!(f, s);
    assert_eq!(doc.to_string(), s);
    let bare = doc.to_xml_with(RenderOptions::new().declaration(false));
    assert_eq!(format!("{}{}", callml::xml::DECLARATION, bare), s);
}

#[test]
fn every_element_and_attribute_is_covered() {
    // The dialect's one list, SSML included.
    common::assert_every_element_and_attribute_covered("twiml", callml::twiml::VOCABULARY.elements());
}
