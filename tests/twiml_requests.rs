//! Every request of a TwiML-style call: real parameter sets of each kind parse to the right type
//! with the right values; detection follows the table's order; bad values and repeated keys are
//! typed errors naming the field; and every event of the crate written back to the wire reads
//! back equal (vectors, seed examples, generated events).

mod common;

use callml::event::*;
use proptest::prelude::*;
use serde_json::Value;

const FORM: &str = "application/x-www-form-urlencoded";

fn twiml(form: &str) -> TwimlEvent<'_> {
    match parse(Some(FORM), form.as_bytes()) {
        Ok(Event::Twiml(e)) => e,
        other => panic!("{form}: {other:?}"),
    }
}

/// Parse, write back, parse again: the same event.
fn assert_round_trip(event: &Event<'_>, what: &str) {
    let (content_type, body) = event.to_body();
    let again = parse(Some(content_type), body.as_bytes()).unwrap_or_else(|e| panic!("{what}: {e}\n{body}"));
    assert_eq!(&again, event, "{what}: written back as\n{body}");
}

#[test]
fn every_request_vector_parses_to_its_kind() {
    let cases = common::vectors("twiml-requests.json");
    assert_eq!(cases.len(), 29);
    let mut kinds = std::collections::BTreeSet::new();
    for case in &cases {
        let name = case["name"].as_str().unwrap();
        let form = case["form"].as_str().unwrap();
        let event = parse(Some(FORM), form.as_bytes()).unwrap_or_else(|e| panic!("{name}: {e}"));
        let kind = case["eventType"].as_str().unwrap();
        kinds.insert(kind);
        assert_eq!(event.event_type(), kind, "{name}");
        assert_eq!(event.call().unwrap().event_type, kind, "{name}: view");
        assert_eq!(TwimlEventKind::detect(form).as_str(), kind, "{name}: detect");
        let json = serde_json::to_value(&event).unwrap();
        for (key, value) in case["expect"].as_object().unwrap() {
            assert_eq!(&json[key], value, "{name}: {key}");
        }
        // Nothing dropped: every key of the body is in the typed event (modelled or in `extra`).
        for (key, _) in serde_urlencoded::from_str::<Vec<(String, String)>>(form).unwrap() {
            assert!(json.get(&key).is_some(), "{name}: {key} dropped");
        }
        assert_round_trip(&event, name);
        let Event::Twiml(e) = &event else { panic!("{name}") };
        assert_eq!(e.clone().into_owned(), *e, "{name}: into_owned");
    }
    assert_eq!(kinds.len(), 13, "every kind has a real payload: {kinds:?}");
}

#[test]
fn each_kind_reads_its_own_struct() {
    let cases = common::vectors("twiml-requests.json");
    let form = |name: &str| cases.iter().find(|c| c["name"] == name).unwrap()["form"].as_str().unwrap();

    let g = GatherAction::from_form(form("twilio_gather_speech")).unwrap();
    assert_eq!(g.speech_result.as_deref(), Some("I would like to talk to sales."));
    assert_eq!(g.confidence, Some(0.9128386));
    assert_eq!(g.extra["Language"], "en-US");
    assert_eq!(g.call.api_version.as_deref(), Some("2010-04-01"));

    let d = DialAction::from_form(form("twilio_dial_completed")).unwrap();
    assert_eq!(
        (d.dial_call_status, d.dial_call_duration, d.dial_bridged),
        (Some(DialCallStatus::Completed), Some(31), Some(true))
    );
    let d = DialAction::from_form(form("twilio_dial_sip_busy")).unwrap();
    assert_eq!((d.dial_call_status, d.dial_sip_response_code), (Some(DialCallStatus::Busy), Some(486)));

    let r = RecordAction::from_form(form("twilio_record_action")).unwrap();
    assert_eq!((r.recording_duration, r.digits.as_deref()), (Some(14), Some("hangup")));
    let s = RecordingStatusCallback::from_form(form("twilio_recording_status")).unwrap();
    assert_eq!(
        (s.recording_status, s.recording_source, s.recording_channels),
        (Some(RecordingStatus::Completed), Some(RecordingSource::RecordVerb), Some(1))
    );
    let t = TranscriptionCallback::from_form(form("twilio_transcription")).unwrap();
    assert_eq!(t.transcription_status, Some(TranscriptionStatus::Completed));
    let a = AmdStatusCallback::from_form(form("twilio_amd")).unwrap();
    assert_eq!((a.answered_by, a.machine_detection_duration), (Some(AnsweredBy::MachineEndBeep), Some(4235)));
    let q = EnqueueAction::from_form(form("twilio_enqueue_action")).unwrap();
    assert_eq!((q.queue_result, q.queue_time), (Some(QueueResult::Bridged), Some(42)));
    let st = StreamStatusCallback::from_form(form("twilio_stream_status")).unwrap();
    assert_eq!(st.stream_event, Some(StreamEvent::StreamError));
    let p = PayAction::from_form(form("twilio_pay_action")).unwrap();
    assert_eq!((p.result, p.payment_card_type.as_deref()), (Some(PaymentResult::Success), Some("visa")));
    let f = FallbackRequest::from_form(form("twilio_fallback")).unwrap();
    assert_eq!(f.error_code.as_deref(), Some("11200"));
    let partial = GatherPartialResult::from_form(form("twilio_gather_partial")).unwrap();
    assert_eq!(partial.sequence_number, Some(3));
    let status = StatusCallback::from_form(form("twilio_status_completed")).unwrap();
    assert_eq!((status.call_duration, status.duration, status.sip_response_code), (Some(42), Some(1), Some(200)));
    let incoming = IncomingRequest::from_form(form("twilio_incoming")).unwrap();
    assert_eq!(incoming.call.stir_verstat.as_deref(), Some("TN-Validation-Passed-A"));
    assert_eq!(incoming.call.caller.as_deref(), Some("+12065550199"));
}

#[test]
fn acml_requests_parse_into_the_same_types() {
    let cases = common::vectors("twiml-requests.json");
    let form = |name: &str| cases.iter().find(|c| c["name"] == name).unwrap()["form"].as_str().unwrap();
    let g = GatherAction::from_form(form("acml_gather_action")).unwrap();
    assert_eq!(g.digits.as_deref(), Some("2"));
    assert_eq!(g.call.post_status, Some(PostStatus::Callback));
    assert_eq!(g.call.api_version.as_deref(), Some("2012-04-24"));
    assert_eq!(g.call.forwarded_from(), None, "`null` means none");
    assert_eq!(g.call.from.as_deref(), Some("3035550000"));
    let status = twiml(form("acml_status_callback"));
    assert_eq!(status.kind(), TwimlEventKind::Status);
    // ACML's documented field order survives writing back.
    let incoming = form("acml_incoming");
    assert_eq!(twiml(incoming).to_form(), incoming);
}

#[test]
fn detection_follows_the_table_order() {
    for (form, kind) in [
        ("CallSid=C&Digits=1&RecordingUrl=u", "record"),
        ("CallSid=C&SpeechResult=hi&UnstableSpeechResult=h", "gather"),
        ("CallSid=C&RecordingUrl=u&RecordingStatus=completed", "recordingStatus"),
        ("CallSid=C&RecordingUrl=u&TranscriptionStatus=completed", "transcription"),
        ("CallSid=C&RecordingUrl=u&DialCallStatus=completed", "dial"),
        ("CallSid=C&RecordingStatus=completed&DialCallStatus=completed", "recordingStatus"),
        ("CallSid=C&AnsweredBy=human", "amd"),
        ("CallSid=C&AnsweredBy=human&CallStatus=in-progress", "incoming"),
        ("CallSid=C&AnsweredBy=human&CallStatus=completed", "status"),
        ("CallSid=C&ErrorUrl=u&QueueResult=bridged", "fallback"),
        ("CallSid=C&Result=success", "incoming"),
        ("CallSid=C&Result=success&ConnectorName=Default", "pay"),
        ("CallSid=C&PaymentToken=t", "pay"),
        ("CallSid=C&PostStatus=new&Direction=inbound", "incoming"),
        ("CallSid=C&PostStatus=callback&Direction=inbound", "status"),
        ("CallSid=C&CallStatus=canceled", "status"),
        ("CallSid=C&CallStatus=queued&Direction=inbound", "incoming"),
        ("CallSid=C&Direction=outbound-api", "status"),
        ("CallSid=C", "incoming"),
    ] {
        assert_eq!(twiml(form).kind().as_str(), kind, "{form}");
    }
}

#[test]
fn bad_values_and_repeated_keys_are_typed_errors() {
    let e = GatherAction::from_form("CallSid=C&SpeechResult=hi&Confidence=high").unwrap_err();
    assert_eq!(
        e,
        EventError::InvalidField { field: "Confidence".into(), message: "expected a number, found \"high\"".into() }
    );
    let e = parse(Some(FORM), b"CallSid=C&RecordingUrl=u&RecordingDuration=").unwrap_err();
    assert_eq!(
        e,
        EventError::InvalidField {
            field: "RecordingDuration".into(),
            message: "expected a whole number, found \"\"".into()
        }
    );
    assert_eq!(e.to_string(), "field `RecordingDuration`: expected a whole number, found \"\"");
    let e = parse(Some(FORM), b"CallSid=C&DialCallStatus=busy&DialBridged=yes").unwrap_err();
    assert!(matches!(&e, EventError::InvalidField { field, .. } if field == "DialBridged"), "{e}");
    assert_eq!(parse(Some(FORM), b"CallSid=C&Digits=1&Digits=2"), Err(EventError::DuplicateField("Digits".into())));
    assert_eq!(parse(Some(FORM), b"CallSid=C&X=1&X=1"), Err(EventError::DuplicateField("X".into())));
    assert_eq!(parse(Some(FORM), b"CallSid=A&CallSid=B"), Err(EventError::DuplicateField("CallSid".into())));
    assert_eq!(
        DialAction::from_form("CallSid=C&Digits=1"),
        Err(EventError::UnexpectedKind { expected: "dial", found: "gather" })
    );
    assert_eq!(
        TwimlEvent::from_form("Digits=1"),
        Err(EventError::MissingField("CallSid".into())),
        "detected as gather, but every request needs CallSid"
    );
    // A Gather action with no input is still a Gather action when asked for as one.
    let g = GatherAction::from_form("CallSid=C&CallStatus=in-progress&Direction=inbound").unwrap();
    assert_eq!((g.digits, g.speech_result), (None, None));
    // JSON events: a repeated key is an error there too.
    let e = parse(Some("application/json"), br#"{"eventType":"gather","callId":"c","digits":"1","digits":"2"}"#);
    assert!(
        matches!(&e, Err(EventError::Json { message, .. }) if message.contains("duplicate field `digits`")),
        "{e:?}"
    );
}

#[test]
fn bandwidth_vectors_and_seed_examples_write_back() {
    for case in common::vectors("bandwidth-callbacks.json") {
        let name = case["name"].as_str().unwrap();
        let (body, content_type) = match &case["payload"] {
            Value::String(query) => (query.clone(), FORM),
            payload => (payload.to_string(), "application/json"),
        };
        let event = parse(Some(content_type), body.as_bytes()).unwrap();
        assert_round_trip(&event, name);
        if let Event::BandwidthV2(e) = &event {
            assert_eq!(
                serde_json::from_str::<Value>(&e.to_json()).unwrap(),
                common::without_nulls(&case["payload"]),
                "{name}"
            );
        }
    }
    let unknown = parse(Some("application/json"), br#"{"eventType":"somethingNew","x":[1,{"y":null}]}"#).unwrap();
    assert_eq!(unknown.to_body().1, r#"{"eventType":"somethingNew","x":[1,{"y":null}]}"#);
    assert_round_trip(&unknown, "unknown v2 event");
    let acml = "CallSid=IDfbf7e812ere32hfhfg6e10-Cd5dacca0c-CA9d3572be-9f7a-11ea-97f4-5ffeb3239325&InstanceId=ID242258723hHds8fh29G4569b66e10&AccountSid=AC06bc1hjh293hFH9edjJ23539a9ddb1&From=3035550000&To=8044731212&CallStatus=ringing&ApiVersion=2012-04-24&Direction=inbound&CallerName=3035550000&ForwardedFrom=null&CallTimestamp=2020-05-26T17%3A59%3A16.555Z&PostStatus=new";
    for (content_type, body) in [
        (
            "application/json",
            r#"{"eventType":"incomingcall","from":"+13233326955","to":"+13865245000","callId":"{callId}","callUri":"{userId}/calls/{callId}","callState":"active","applicationId":"{appId}","time":"2012-11-14T16:21:59.616Z"}"#,
        ),
        (
            "application/json",
            r#"{"eventType":"initiate","eventTime":"2019-06-20T15:56:11.554Z","accountId":"55555555","applicationId":"7fc9698a","from":"+15551112222","to":"+15553334444","direction":"inbound","callId":"c-95ac8d6e","callUrl":"https://voice.bandwidth.com/api/v2/accounts/55555555/calls/c-95ac8d6e","startTime":"2019-06-20T15:54:22.234Z","diversion":{"origTo":"+15558884444","reason":"unavailable","privacy":"off","unknown":"unknownValue"}}"#,
        ),
        (FORM, acml),
    ] {
        let event = parse(Some(content_type), body.as_bytes()).unwrap();
        assert_round_trip(&event, body);
    }
}

/// Keys of TwiML-style requests with a value generator each: the typed ones get values of their
/// type, the rest any text.
fn form_field() -> impl Strategy<Value = (String, String)> {
    let text = "[ -~éü&=+%#]{0,12}";
    let typed_number = |key: &'static str| (0u32..100_000).prop_map(move |n| (key.to_owned(), n.to_string()));
    prop_oneof![
        (
            prop::sample::select(vec![
                "AccountSid",
                "From",
                "To",
                "ApiVersion",
                "CallerName",
                "ForwardedFrom",
                "ParentCallSid",
                "Caller",
                "FromCity",
                "ToZip",
                "Digits",
                "FinishedOnKey",
                "SpeechResult",
                "msg",
                "UnstableSpeechResult",
                "RecordingUrl",
                "RecordingSid",
                "TranscriptionText",
                "DialCallSid",
                "ErrorCode",
                "ErrorUrl",
                "QueueSid",
                "StreamSid",
                "StreamName",
                "PaymentToken",
                "PaymentConfirmationCode",
                "Capture",
                "ConnectorName",
                "Timestamp",
                "CallbackSource",
                "X-Custom",
                "Language",
            ]),
            text
        )
            .prop_map(|(k, v)| (k.to_owned(), v)),
        prop::sample::select(vec![
            ("CallStatus", "ringing"),
            ("CallStatus", "completed"),
            ("CallStatus", "in-progress"),
            ("CallStatus", "busy"),
            ("Direction", "inbound"),
            ("Direction", "outbound-dial"),
            ("PostStatus", "new"),
            ("PostStatus", "callback"),
            ("DialCallStatus", "no-answer"),
            ("DialCallStatus", "answered"),
            ("DialBridged", "true"),
            ("RecordingStatus", "absent"),
            ("TranscriptionStatus", "failed"),
            ("AnsweredBy", "machine_start"),
            ("QueueResult", "hangup"),
            ("StreamEvent", "stream-stopped"),
            ("Result", "success"),
            ("RecordingSource", "DialVerb"),
            ("AnsweredBy", "someday-new"),
            ("CallStatus", "something-new"),
        ])
        .prop_map(|(k, v)| (k.to_owned(), v.to_owned())),
        typed_number("RecordingDuration"),
        typed_number("DialCallDuration"),
        typed_number("CallDuration"),
        typed_number("QueueTime"),
        typed_number("SequenceNumber"),
        (0.0f64..=1.0).prop_map(|c| ("Confidence".to_owned(), c.to_string())),
    ]
}

proptest! {
    /// Any set of TwiML-style request fields, in any order: read, written back, read again, equal;
    /// and every key is kept.
    #[test]
    fn generated_twiml_requests_round_trip(fields in prop::collection::vec(form_field(), 0..24), sid in "[A-Za-z0-9]{1,34}") {
        let mut seen = std::collections::HashSet::new();
        let mut pairs = vec![("CallSid".to_owned(), sid)];
        pairs.extend(fields.into_iter().filter(|(k, _)| seen.insert(k.clone())));
        let form = serde_urlencoded::to_string(&pairs).unwrap();
        let event = parse(Some(FORM), form.as_bytes()).unwrap();
        let json = serde_json::to_value(&event).unwrap();
        for (key, _) in &pairs {
            prop_assert!(json.get(key).is_some(), "{} dropped", key);
        }
        let (content_type, body) = event.to_body();
        prop_assert_eq!(parse(Some(content_type), body.as_bytes()).unwrap(), event);
    }

    /// Bandwidth v2 events of every known type with extra keys of any JSON value: written back,
    /// read again, equal.
    #[test]
    fn generated_bandwidth_events_round_trip(
        event_type in prop::sample::select(vec![
            "initiate", "answer", "gather", "redirect", "recordComplete", "recordingAvailable", "transferAnswer",
            "transferComplete", "transferDisconnect", "disconnect", "dtmf", "bridgeComplete",
            "machineDetectionComplete", "conferenceCreated", "somethingNew",
        ]),
        // Keys no event models (`x-...`): a modelled key with a value of the wrong type is an error.
        extra in prop::collection::btree_map("x-[a-zA-Z]{1,10}", any::<(bool, i32, String)>(), 0..6),
        digits in "[0-9#*]{0,6}",
    ) {
        let mut object = serde_json::Map::new();
        object.insert("eventType".into(), event_type.into());
        object.insert("callId".into(), "c-1".into());
        object.insert("conferenceId".into(), "conf-1".into());
        object.insert("digits".into(), digits.into());
        for (k, (flag, n, s)) in extra {
            let value = if flag { Value::from(n) } else { Value::from(s) };
            object.entry(k).or_insert(value);
        }
        let body = Value::Object(object).to_string();
        let event = parse(Some("application/json"), body.as_bytes()).unwrap();
        let (content_type, written) = event.to_body();
        prop_assert_eq!(parse(Some(content_type), written.as_bytes()).unwrap(), event);
    }
}
