//! The rest of the TwiML voice vocabulary (Connect, ConversationRelay, Start/Stop, Conference,
//! Queue, Enqueue, Pay, Refer, ...): reference vectors rendered by twilio-python 9.13.0 and
//! twilio-node 6.3.1 (`tests/vectors/twiml-more/render.py`), the `validate()` rules the types
//! cannot express, the ACML profile, and positioned errors for wrong nesting.

use callml::twiml::*;
use callml::xml::{ParseErrorKind, Render, RenderOptions, Severity, canonical};

fn vectors() -> serde_json::Value {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/vectors/twiml-more.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn vector(name: &str) -> String {
    let all = vectors();
    let v = all["vectors"].as_array().unwrap().iter().find(|v| v["name"] == name).unwrap().clone();
    v[v["follow"].as_str().unwrap()].as_str().unwrap().to_owned()
}

fn messages(doc: &Response<'_>, profile: Profile) -> Vec<String> {
    doc.validate_for(profile).iter().map(|f| format!("{}: {} ({})", f.severity, f.message, f.path)).collect()
}

/// Every vector reads into the typed tree with nothing unknown and no undocumented value, renders
/// back canonically equal to the library output it follows, and survives the JSON form.
#[test]
fn every_reference_vector_is_typed_and_renders_back() {
    let all = vectors();
    let vectors = all["vectors"].as_array().unwrap();
    assert_eq!(vectors.len(), 22);
    for v in vectors {
        let name = v["name"].as_str().unwrap();
        let followed = v[v["follow"].as_str().unwrap()].as_str().unwrap();
        if v["follow"] == "python" {
            // The file says the two libraries give the same document: hold it to that.
            assert_eq!(canonical(followed).unwrap(), canonical(v["node"].as_str().unwrap()).unwrap(), "{name}");
        }
        let doc = Response::from_xml(followed).unwrap_or_else(|e| panic!("{name}: {e}"));
        let findings = messages(&doc, Profile::Twilio);
        assert!(
            !findings.iter().any(|f| f.contains("unknown") || f.contains("not a documented value")),
            "{name}: {findings:#?}"
        );
        assert_eq!(canonical(&doc.to_xml()).unwrap(), canonical(followed).unwrap(), "{name}");
        assert_eq!(Response::from_json(&doc.to_json()).unwrap(), doc, "{name}");
        assert_eq!(Response::from_xml(&doc.to_pretty_xml()).unwrap(), doc, "{name}");
    }
}

/// Every attribute twilio-python 9.13.0's builders take is in the tables (by its XML name).
#[test]
fn the_tables_have_every_attribute_of_twilio_python() {
    let all = vectors();
    for (element, attributes) in all["python_attributes"].as_object().unwrap() {
        let known: &[&str] = if element == "ReferSip" {
            ReferSip::ATTRIBUTE_NAMES
        } else {
            VOCABULARY.elements().find(|e| e.name == element).unwrap_or_else(|| panic!("no <{element}>")).attributes
        };
        for a in attributes.as_array().unwrap() {
            assert!(known.contains(&a.as_str().unwrap()), "<{element} {a}> is not in the table");
        }
    }
    for (element, attributes) in all["node_only_attributes"].as_object().unwrap() {
        let known = VOCABULARY.elements().find(|e| e.name == element).unwrap().attributes;
        for a in attributes.as_array().unwrap() {
            assert!(known.contains(&a.as_str().unwrap()), "<{element} {a}> is not in the table");
        }
    }
}

/// Vectors rebuilt with the typed builder.
#[test]
fn vectors_rebuilt_with_the_builder() {
    let url = |element: &str, attr: &str| format!("https://example.com/{element}/{attr}?a=1&b=2");
    let cases: Vec<(&str, Response<'static>)> = vec![
        (
            "refer",
            Response::new().refer(
                Refer::new(ReferSip::new("sip:alice@example.com?X-Reason=billing&X-Id=1"))
                    .action(url("refer", "action"))
                    .method(Method::Get),
            ),
        ),
        (
            "enqueue-task",
            Response::new().enqueue(
                Enqueue::new("support")
                    .action(url("enqueue", "action"))
                    .max_queue_size(50)
                    .method(Method::Get)
                    .wait_url(url("enqueue", "waitUrl"))
                    .wait_url_method(Method::Get)
                    .workflow_sid("workflowSid-value")
                    .task(Task::new(r#"{"language":"fr","vip":true}"#).priority(5).timeout(7)),
            ),
        ),
        ("dial-sim", Response::new().dial(Dial::new().sim(Sim::new("DE8caa2afb9d5279926619c458dc7098a8")))),
        (
            "dial-queue",
            Response::new().dial(
                Dial::new().queue(
                    Queue::new("support")
                        .method(Method::Get)
                        .post_work_activity_sid("postWorkActivitySid-value")
                        .reservation_sid("reservationSid-value")
                        .url(url("queue", "url")),
                ),
            ),
        ),
        (
            "connect-room",
            Response::new().connect(
                Connect::new()
                    .action(url("connect", "action"))
                    .method(Method::Get)
                    .room(Room::new("DailyStandup").participant_identity("participantIdentity-value")),
            ),
        ),
        (
            "connect-ai-session",
            Response::new().connect(
                Connect::new().action(url("connect", "action")).method(Method::Get).ai_session(
                    AiSession::new()
                        .ai_connector("aiConnector-value")
                        .ai_session_configuration("aiSessionConfiguration-value"),
                ),
            ),
        ),
        (
            "pay-prompt",
            Response::new().pay(
                Pay::new()
                    .action(url("pay", "action"))
                    .bank_account_type(BankAccountType::ConsumerSavings)
                    .charge_amount("20.45")
                    .currency("usd")
                    .description("description-value")
                    .input(PayInput::Dtmf)
                    .language(PayLanguage::EnGb)
                    .max_attempts(2)
                    .min_postal_code_length(5)
                    .payment_connector("paymentConnector-value")
                    .payment_method(PaymentMethod::AchDebit)
                    .postal_code("false")
                    .security_code(true)
                    .status_callback(url("pay", "statusCallback"))
                    .status_callback_method(Method::Get)
                    .timeout(7)
                    .token_type(TokenType::OneTime)
                    .valid_card_types([CardType::Visa, CardType::Mastercard, CardType::Amex])
                    .prompt(
                        Prompt::new()
                            .attempt([1u8, 2])
                            .card_type([CardType::Visa, CardType::Amex])
                            .error_type([PromptErrorType::Timeout, PromptErrorType::InvalidCardNumber])
                            .for_(PromptFor::PaymentCardNumber)
                            .require_matching_inputs(true)
                            .say("Card number, please."),
                    )
                    .parameter(Parameter::pair("caller", "+15551234567")),
            ),
        ),
    ];
    for (name, doc) in cases {
        assert_eq!(canonical(&doc.to_xml()).unwrap(), canonical(&vector(name)).unwrap(), "{name}");
    }
}

#[test]
fn connect_holds_exactly_one_noun_and_streams_are_wss() {
    let doc = Response::new().connect(
        Connect::new().stream(Stream::new().url("https://example.com/s").track(StreamTrack::BothTracks)).room("r"),
    );
    assert_eq!(
        messages(&doc, Profile::Twilio),
        [
            "error: <Connect> holds exactly one noun, has 2 (Response/Connect)",
            "error: <Stream> `url` is `https://example.com/s`; Twilio streams only to `wss://` URLs (Response/Connect/Stream)",
            "error: under <Connect>, a <Stream> takes `track=\"inbound_track\"` only (Response/Connect/Stream)",
        ]
    );
    let doc = Response::new().connect(Connect::new().conversation_relay(ConversationRelay::new()));
    assert_eq!(
        messages(&doc, Profile::Twilio),
        ["error: <ConversationRelay> needs a `url` (a `wss://` WebSocket URL) (Response/Connect/ConversationRelay)"]
    );
    let doc = Response::new().start(Start::new().stream(Stream::new().url("wss://example.com/s?caller=1")));
    assert!(messages(&doc, Profile::Twilio)[0].contains("has a query string"));
}

#[test]
fn at_most_four_forks_per_call() {
    let stream = |n: &str| Stream::new().name(n.to_owned()).url("wss://example.com/s");
    let doc = Response::new()
        .start(Start::new().stream(stream("a")).stream(stream("b")))
        .start(Start::new().siprec(Siprec::new().name("rec")))
        .start(Start::new().stream(stream("c")));
    assert_eq!(
        messages(&doc, Profile::Twilio),
        [
            "error: more than 4 media forks in one call (Streams, and Siprecs of both tracks count two) (Response/Start[3]/Stream)"
        ]
    );
    let fits = Response::new()
        .start(Start::new().stream(stream("a")).stream(stream("b")))
        .start(Start::new().siprec(Siprec::new().name("rec").track(StreamTrack::InboundTrack)).stream(stream("c")));
    assert_eq!(messages(&fits, Profile::Twilio), Vec::<String>::new());
}

#[test]
fn conference_and_queue_are_alone_in_their_dial() {
    let doc = Response::new().dial(Dial::new().conference("standup").number("+15551234567"));
    assert_eq!(
        messages(&doc, Profile::Twilio),
        ["error: <Conference> must be the only noun of its <Dial> (Response/Dial/Conference)"]
    );
    let doc = Response::new().dial(Dial::new().whatsapp("+15552223333").application(Application::new().text("AP1")));
    assert_eq!(
        messages(&doc, Profile::Twilio),
        [
            "error: <WhatsApp> needs the Dial's `callerId` to be a `whatsapp:+...` sender (Response/Dial/WhatsApp)",
            "error: <Application> must be the only noun of its <Dial> (Response/Dial/Application)",
        ]
    );
    let doc =
        Response::new().dial(Dial::new().queue(Queue::new("")).conference(Conference::new("r").max_participants(300)));
    assert_eq!(
        messages(&doc, Profile::Twilio),
        [
            "error: `maxParticipants` is 300; the documented range is 1 to 250 (Response/Dial/Conference)",
            "error: <Queue> needs its target as its text (Response/Dial/Queue)",
            "error: <Queue> must be the only noun of its <Dial> (Response/Dial/Queue)",
            "error: <Conference> must be the only noun of its <Dial> (Response/Dial/Conference)",
        ]
    );
}

#[test]
fn enqueue_pay_refer_rules() {
    let doc = Response::new()
        .enqueue(Enqueue::new("").task(Task::new("{}")))
        .pay(Pay::new().bank_account_type(BankAccountType::ConsumerChecking).prompt(Prompt::new().attempt([0u8, 11])))
        .refer(Refer::new(ReferSip::new("tel:+15551234567")));
    assert_eq!(
        messages(&doc, Profile::Twilio),
        [
            "error: `for` is required (Response/Pay/Prompt)",
            "error: <Enqueue> needs a queue name as its text (or a `workflowSid`) (Response/Enqueue)",
            "warning: a <Task> only takes effect with the Enqueue's `workflowSid` (Response/Enqueue)",
            "warning: `bankAccountType` applies only with `paymentMethod=\"ach-debit\"` (Response/Pay)",
            "error: `attempt` has 0; attempts are 1 to 10 (Response/Pay/Prompt)",
            "error: <Refer>'s <Sip> is `tel:+15551234567`; expected a `sip:` URI (Response/Refer)",
        ]
    );
}

#[test]
fn queue_and_prompt_at_the_top_are_read_but_warned() {
    // Twilio's libraries generate `response.queue()` and `response.prompt()`; the documents they
    // make read and render, with a warning.
    let doc = Response::from_xml(
        r#"<Response><Queue>support</Queue><Prompt for="postal-code"><Say>Zip?</Say></Prompt></Response>"#,
    )
    .unwrap();
    assert_eq!(
        messages(&doc, Profile::Twilio),
        [
            "warning: Twilio documents <Queue> inside <Dial>, not directly in <Response> (Response/Queue)",
            "warning: Twilio documents <Prompt> inside <Pay>, not directly in <Response> (Response/Prompt)",
        ]
    );
}

#[test]
fn acml_does_not_document_the_new_elements() {
    let doc = Response::new()
        .connect(Connect::new().room("r"))
        .dial(Dial::new().conference("standup"))
        .start(Start::new().transcription(Transcription::new()));
    let acml = messages(&doc, Profile::Acml);
    assert_eq!(
        acml,
        [
            "warning: ACML does not document <Connect> (Response/Connect)",
            "warning: ACML does not document <Conference> (Response/Dial/Conference)",
            "warning: ACML does not document <Start> (Response/Start)",
        ]
    );
    assert_eq!(messages(&doc, Profile::Twilio), Vec::<String>::new());
}

#[test]
fn wrong_nesting_is_a_positioned_parse_error() {
    let e = Response::from_xml("<Response>\n  <Stop>\n    <Recording/>\n  </Stop>\n</Response>").unwrap_err();
    assert_eq!(e.kind, ParseErrorKind::ElementNotAllowed { parent: "Stop".into(), child: "Recording".into() });
    assert_eq!((e.position.line, e.position.column, e.path.as_str()), (3, 5, "Response/Stop/Recording"));
    let e = Response::from_xml("<Response><Gather><Connect/></Gather></Response>").unwrap_err();
    assert_eq!(e.to_string(), "line 1, column 19 (Response/Gather/Connect): <Connect> is not allowed inside <Gather>");
    let e = Response::from_xml(r#"<Response><Refer><Sip username="u">sip:a@example.com</Sip></Refer></Response>"#);
    // Refer's Sip is text only: an attribute is kept as an extra, and linted as unknown.
    let doc = e.unwrap();
    assert!(messages(&doc, Profile::Twilio)[0].contains("unknown attribute `username`"));
    let e = Response::from_xml(r#"<Response><Refer><Sip><Uri>sip:a@example.com</Uri></Sip></Refer></Response>"#)
        .unwrap_err();
    assert_eq!(e.kind, ParseErrorKind::ElementNotAllowed { parent: "Sip".into(), child: "Uri".into() });
}

#[test]
fn two_sips_by_parent() {
    let doc = Response::from_xml(
        "<Response><Dial><Sip username=\"u\">sip:a@example.com</Sip></Dial><Refer><Sip>sip:b@example.com</Sip></Refer></Response>",
    )
    .unwrap();
    assert!(
        matches!(&doc.children[0], ResponseChild::Dial(d) if matches!(&d.children[0], DialContent::Sip(s) if s.username.as_deref() == Some("u")))
    );
    assert!(
        matches!(&doc.children[1], ResponseChild::Refer(r) if matches!(&r.children[0], ReferChild::ReferSip(s) if s.text == "sip:b@example.com"))
    );
    assert_eq!(
        doc.to_xml_with(RenderOptions::new().declaration(false)),
        "<Response><Dial><Sip username=\"u\">sip:a@example.com</Sip></Dial><Refer><Sip>sip:b@example.com</Sip></Refer></Response>"
    );
}

#[test]
fn conversation_relay_attributes_are_camel_case() {
    // twilio-node's typings and twilio-java wrote these four in lower case, which Twilio ignores.
    let relay = ConversationRelay::new()
        .background_noise_reduction(true)
        .speech_timeout("auto")
        .deepgram_smart_format(true)
        .ignore_backchannel(true);
    assert_eq!(
        relay.to_string(),
        r#"<ConversationRelay backgroundNoiseReduction="true" deepgramSmartFormat="true" ignoreBackchannel="true" speechTimeout="auto"/>"#
    );
    let lower = Response::from_xml(
        r#"<Response><Connect><ConversationRelay url="wss://x" speechtimeout="500"/></Connect></Response>"#,
    )
    .unwrap();
    let findings = lower.validate();
    assert_eq!(findings[0].severity, Severity::Warning);
    assert_eq!(findings[0].message, "unknown attribute `speechtimeout` (written as is, not checked)");
}
