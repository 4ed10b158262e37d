//! One test per validation rule, both dialects: each asserts the severity, path and message.

use callml::xml::{Custom, Finding, Severity};

fn has(findings: &[Finding], severity: Severity, path: &str, message: &str) {
    assert!(
        findings.iter().any(|f| f.severity == severity && f.path == path && f.message.contains(message)),
        "expected {severity} at {path} containing {message:?}, got:\n{}",
        findings.iter().map(|f| format!("  {} {} {}", f.severity, f.path, f.message)).collect::<Vec<_>>().join("\n")
    );
}

mod twiml {
    use super::*;
    use callml::twiml::*;
    use callml::xml::{List, Separator};

    #[test]
    fn a_clean_document_has_no_findings() {
        let doc = Response::new()
            .say(Say::new("Hello").voice(Voice::Woman))
            .gather(Gather::new().num_digits(1).action("/menu").say("Press 1"))
            .dial(Dial::new().number("+15551234567"));
        assert_eq!(doc.validate(), vec![]);
        assert_eq!(doc.validate_for(Profile::Acml), vec![]);
    }

    #[test]
    fn unknown_elements_and_attributes() {
        let doc =
            Response::new().say(Say::new("x").attr("lagnauge", "en")).child(Custom::new("Conference").text("room"));
        let f = doc.validate();
        has(&f, Severity::Warning, "Response/Say", "unknown attribute `lagnauge`");
        has(&f, Severity::Warning, "Response/Conference", "unknown element <Conference>");
    }

    #[test]
    fn undocumented_values() {
        let f = Response::new().say(Say::new("x").voice("robot")).validate();
        has(&f, Severity::Warning, "Response/Say", "`robot` is not a documented value of `voice`");
    }

    #[test]
    fn forbidden_characters_and_dropped_duplicates() {
        let doc = Response::new()
            .say(Say::new("a\u{1}b").language("e\u{FFFE}n").voice("man").attr("voice", "woman").attr("bad name", "x"));
        let f = doc.validate();
        has(&f, Severity::Warning, "Response/Say", "text contains U+0001");
        has(&f, Severity::Warning, "Response/Say", "attribute `language` contains U+FFFE");
        has(&f, Severity::Error, "Response/Say", "attribute `voice` is repeated");
        has(&f, Severity::Error, "Response/Say", "`bad name` is not a valid XML name");
    }

    #[test]
    fn verbs_after_terminal_verbs_never_run() {
        for (doc, after) in [
            (Response::new().hangup().say("x"), "Hangup"),
            (Response::new().redirect("/next").say("x"), "Redirect"),
            (Response::new().dial(Dial::new().action("/done").text("1")).say("x"), "Dial action"),
            (Response::new().gather(Gather::new().action_on_empty_result(true)).say("x"), "actionOnEmptyResult"),
        ] {
            has(&doc.validate(), Severity::Warning, "Response/Say", after);
        }
        let f = Response::new().say("a").reject().say("b").validate();
        has(&f, Severity::Warning, "Response/Reject", "only as the first verb");
        has(&f, Severity::Warning, "Response/Say[2]", "after <Reject>");
        assert!(Response::new().dial("1").say("continues").validate().is_empty());
        // Twilio's voicemail pattern: an empty recording makes no request and the next verb runs.
        let voicemail = Response::new().record(Record::new().max_length(20)).say("I did not receive a recording");
        assert!(voicemail.validate().is_empty(), "{:?}", voicemail.validate());
        // ACML advises against it, as advice, not as "never runs".
        let f = voicemail.validate_for(Profile::Acml);
        has(&f, Severity::Warning, "Response/Say", "ACML's documentation advises putting no verb after <Record>");
        assert!(!f.iter().any(|x| x.message.contains("never runs")));
        // Gather without input falls through; Dial without action continues.
        assert!(Response::new().gather(Gather::new().action("/g")).say("no input").validate().is_empty());
    }

    #[test]
    fn ranges_and_required_content() {
        let doc = Response::new()
            .pause(Pause::new().length(0))
            .gather(Gather::new().num_digits(0).finish_on_key("ab"))
            .record(Record::new().max_length(1).finish_on_key("x"));
        let f = doc.validate();
        has(&f, Severity::Error, "Response/Pause", "`length` must be greater than 0");
        has(&f, Severity::Error, "Response/Gather", "`numDigits` is 0");
        has(&f, Severity::Error, "Response/Gather", "`finishOnKey` is `ab`");
        has(&f, Severity::Error, "Response/Record", "`maxLength` is 1");
        has(&f, Severity::Error, "Response/Record", "`finishOnKey` is `x`");
        let f = Response::new()
            .play(Play::default())
            .play(Play::default().digits("12x"))
            .redirect(Redirect::default())
            .validate();
        has(&f, Severity::Error, "Response/Play[1]", "needs a media URL");
        has(&f, Severity::Error, "Response/Play[2]", "`digits` contains `x`");
        has(&f, Severity::Error, "Response/Redirect", "needs a URL");
    }

    #[test]
    fn dial_rules() {
        let f = Response::new().dial(Dial::new()).validate();
        has(&f, Severity::Error, "Response/Dial", "nothing to dial");
        let f = Response::new().dial(Dial::new().text("1").number("2").call_reason("x".repeat(51))).validate();
        has(&f, Severity::Warning, "Response/Dial", "both a number as text and nouns");
        has(&f, Severity::Error, "Response/Dial", "`callReason` has 51 characters");
        let many = (0..11).fold(Dial::new(), |d, i| d.number(Number::new(format!("+1555000{i:04}"))));
        has(&Response::new().dial(many).validate(), Severity::Warning, "Response/Dial", "Twilio rings at most 10");
        let f = Response::new()
            .dial(
                Dial::new()
                    .number(Number::new("").machine_detection_timeout(2).machine_detection_speech_threshold(7000)),
            )
            .validate();
        has(&f, Severity::Error, "Response/Dial/Number", "needs a phone number");
        has(&f, Severity::Error, "Response/Dial/Number", "`machineDetectionTimeout` is 2");
        has(&f, Severity::Error, "Response/Dial/Number", "`machineDetectionSpeechThreshold` is 7000");
        let f = Response::new()
            .dial(Dial::new().client(Client::new("alice").parameter(Parameter::pair("a", "b"))).sip(Sip::new("")))
            .validate();
        has(&f, Severity::Warning, "Response/Dial/Client", "goes in <Identity>");
        has(&f, Severity::Error, "Response/Dial/Sip", "needs a SIP URI");
    }

    #[test]
    fn twilio_profile() {
        let doc = Response::new().child(Reject::new().reason(RejectReason::NoRoute)).dial(
            Dial::new().dial_music("/m.mp3").client(Client::new("a").name("n")).number(
                Number::new("1").status_callback_event(
                    List::from([StatusCallbackEvent::Initiated, StatusCallbackEvent::Ringing])
                        .separator(Separator::Comma),
                ),
            ),
        );
        let f = doc.validate_for(Profile::Twilio);
        has(
            &f,
            Severity::Warning,
            "Response/Reject",
            "Twilio documents `reason` as `rejected` or `busy`, not `no_route`",
        );
        has(&f, Severity::Warning, "Response/Dial", "`dialMusic` is an ACML attribute");
        has(&f, Severity::Warning, "Response/Dial/Client", "`name` on <Client>");
        has(&f, Severity::Warning, "Response/Dial/Number", "separated by spaces");
    }

    #[test]
    fn acml_profile() {
        let doc = Response::new()
            .say(Say::new("x"))
            .play(Play::new("a.mp3").digits("1"))
            .gather(Gather::new().input([GatherInput::Speech]).speech_model("phone_call"))
            .dial(
                Dial::new()
                    .record(DialRecord::RecordFromAnswer)
                    .answer_on_bridge(true)
                    .number(
                        Number::new("1")
                            .status_callback_event([StatusCallbackEvent::Initiated, StatusCallbackEvent::Ringing])
                            .send_digits("1"),
                    )
                    .sip("sip:a@b"),
            )
            .record(Record::new().finish_on_key("-1").trim(Trim::DoNotTrim))
            .child(Hangup::new().parameter(Parameter::pair("a", "b")));
        let f = doc.validate_for(Profile::Acml);
        has(&f, Severity::Warning, "Response/Play", "ACML does not document `digits`");
        has(&f, Severity::Warning, "Response/Gather", "ACML does not document `speechModel`");
        has(&f, Severity::Warning, "Response/Gather", "DTMF only");
        has(&f, Severity::Warning, "Response/Dial", "ACML does not document `answerOnBridge`");
        has(&f, Severity::Warning, "Response/Dial", "`record` as `true` or `false`");
        has(&f, Severity::Error, "Response/Dial", "one <Sip> per <Dial>");
        has(&f, Severity::Warning, "Response/Dial/Number", "comma-separated");
        has(&f, Severity::Warning, "Response/Dial/Number", "ACML does not document `sendDigits`");
        has(&f, Severity::Warning, "Response/Record", "ACML does not document `trim`");
        has(&f, Severity::Warning, "Response/Hangup", "<Parameter>");
        assert!(!f.iter().any(|x| x.path == "Response/Record" && x.message.contains("finishOnKey")), "-1 is ACML's");
    }
}

mod bxml {
    use super::*;
    use callml::bxml::*;

    #[test]
    fn a_clean_document_has_no_findings() {
        let doc = Response::new()
            .speak_sentence(SpeakSentence::new("Hi").voice("julie"))
            .gather(Gather::new().gather_url("/g").max_digits(1).speak_sentence("Press 1"));
        assert_eq!(doc.validate(), vec![]);
    }

    #[test]
    fn verbs_after_webhooks_never_run() {
        for (doc, after) in [
            (Response::new().gather(Gather::new().gather_url("/g")), "Gather gatherUrl"),
            (Response::new().transfer(Transfer::new(PhoneNumber::new("+1")).transfer_complete_url("/t")), "Transfer"),
            (Response::new().record(Record::new().record_complete_url("/r")), "Record"),
            (Response::new().bridge(Bridge::new("c-1").bridge_complete_url("/b")), "Bridge"),
            (Response::new().redirect(Redirect::new().redirect_url("/r")), "Redirect"),
            (Response::new().refer(Refer::new(SipUri::new("sip:a@b"))), "Refer"),
            (Response::new().forward(Forward::new().to("+1")), "Forward"),
            (Response::new().hangup(), "Hangup"),
        ] {
            let doc = doc.speak_sentence("late");
            has(&doc.validate(), Severity::Warning, "Response/SpeakSentence", after);
        }
        assert!(Response::new().gather(Gather::new()).speak_sentence("falls through").validate().is_empty());
    }

    #[test]
    fn cardinalities() {
        let mut transfer = Transfer::new(PhoneNumber::new("+1"));
        for i in 0..8 {
            transfer.push(PhoneNumber::new(format!("+2{i}")));
        }
        let mut stream = StartStream::new().destination("wss://x");
        for i in 0..13 {
            stream.push(StreamParam::new().name(format!("p{i}")));
        }
        let mut transcription = StartTranscription::new();
        for _ in 0..13 {
            transcription.push(CustomParam::new());
        }
        let gather = Gather::new().repeat_count(11).speak_sentence("a").play_audio("b");
        let doc = Response::new()
            .transfer(transfer)
            .transfer(Transfer::default())
            .start_stream(stream)
            .start_transcription(transcription)
            .gather(gather)
            .refer(Refer::default());
        let f = doc.validate();
        has(&f, Severity::Error, "Response/Transfer[1]", "1 to 8");
        has(&f, Severity::Error, "Response/Transfer[2]", "has 0");
        has(&f, Severity::Error, "Response/StartStream", "at most 12 <StreamParam>s");
        has(&f, Severity::Error, "Response/StartTranscription", "at most 12 <CustomParam>s");
        has(&f, Severity::Error, "Response/Gather", "22 prompts");
        has(&f, Severity::Error, "Response/Refer", "exactly one <SipUri>");
    }

    #[test]
    fn required_attributes() {
        let doc = Response::new()
            .start_gather(StartGather::new())
            .start_stream(StartStream::new())
            .stop_stream(StopStream::new())
            .forward(Forward::new())
            .redirect(Redirect::new());
        let f = doc.validate();
        has(&f, Severity::Error, "Response/StartGather", "`dtmfUrl` is required");
        has(&f, Severity::Error, "Response/StartStream", "`destination` is required");
        has(&f, Severity::Error, "Response/StopStream", "`name` is required");
        has(&f, Severity::Error, "Response/Forward", "`to` is required");
        has(&f, Severity::Error, "Response/Redirect", "`redirectUrl` is required");
    }

    #[test]
    fn ranges_and_lengths() {
        let doc = Response::new()
            .gather(Gather::new().max_digits(51).inter_digit_timeout(0.5).first_digit_timeout(61).tag("t".repeat(257)))
            .pause(Pause::new().duration(0))
            .ring(Ring::new().duration(90000))
            .send_dtmf(SendDtmf::new("12x").tone_duration(10))
            .conference(Conference::new("room 1").callback_timeout(30))
            .record(Record::new().max_duration(20000))
            .speak_sentence(SpeakSentence::new("  "))
            .transfer(Transfer::new(PhoneNumber::new("+1").uui("u".repeat(257))).call_timeout(301));
        let f = doc.validate();
        has(&f, Severity::Error, "Response/Gather", "`maxDigits` is 51");
        has(&f, Severity::Error, "Response/Gather", "`interDigitTimeout` is 0.5");
        has(&f, Severity::Error, "Response/Gather", "`firstDigitTimeout` is 61");
        has(&f, Severity::Error, "Response/Gather", "`tag` has 257 characters");
        has(&f, Severity::Error, "Response/Pause", "`duration` is 0");
        has(&f, Severity::Error, "Response/Ring", "`duration` is 90000");
        has(&f, Severity::Error, "Response/SendDtmf", "the digits contains `x`");
        has(&f, Severity::Error, "Response/SendDtmf", "`toneDuration` is 10");
        has(&f, Severity::Error, "Response/Conference", "the conference name contains ` `");
        has(&f, Severity::Error, "Response/Conference", "`callbackTimeout` is 30");
        has(&f, Severity::Error, "Response/Record", "`maxDuration` is 20000");
        has(&f, Severity::Error, "Response/SpeakSentence", "non-blank text");
        has(&f, Severity::Error, "Response/Transfer", "`callTimeout` is 301");
        has(&f, Severity::Error, "Response/Transfer/PhoneNumber", "`uui` has 257 characters");
    }

    #[test]
    fn bxml_root_paths() {
        let f = Bxml::from(Response::new().hangup().speak_sentence("x")).validate();
        has(&f, Severity::Warning, "Bxml/SpeakSentence", "after <Hangup>");
    }
}

#[test]
fn non_finite_decimals_are_reported() {
    let f = callml::bxml::Response::new().pause(callml::bxml::Pause::new().duration(f64::NAN)).validate();
    has(&f, Severity::Warning, "Response/Pause", "`NaN` is not a documented value of `duration`");
}
