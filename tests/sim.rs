//! The call simulator: the verb tables without a network (static documents served by an
//! in-process router), the driver's HTTP rules, self-consistency with the crate's parsers and
//! signature check, every branch of the webhook example in both providers, golden transcripts,
//! and properties over generated documents.
#![cfg(all(feature = "sim", feature = "axum"))]

mod common;

#[allow(dead_code)]
#[path = "../examples/webhook_server.rs"]
mod webhook_server;

use axum::Router;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::IntoResponse;
use axum::routing::any;
use callml::event::{Event as CallEvent, parse};
use callml::sim::{Call, DialOutcome, EventKind, Profile, Script, Simulator, Transcript, expect};
use proptest::prelude::*;

/// A router that answers each path with a fixed reply (status, content type, body).
fn serve(routes: &[(&str, u16, &str, String)]) -> Router {
    let mut router = Router::new();
    for (path, status, content_type, body) in routes.iter().cloned() {
        let content_type = content_type.to_owned();
        router = router.route(
            path,
            any(move || async move {
                (StatusCode::from_u16(status).unwrap(), [(header::CONTENT_TYPE, content_type)], body).into_response()
            }),
        );
    }
    router
}

/// A router that answers each path with a TwiML document.
fn twiml(routes: &[(&str, &str)]) -> Router {
    let routes: Vec<_> =
        routes.iter().map(|(p, d)| (*p, 200, "application/xml", format!("<Response>{d}</Response>"))).collect();
    serve(&routes)
}

async fn start(app: Router) -> Call<Router> {
    Simulator::new(app).start("/start").await.unwrap()
}

/// A request of a transcript: method, path, form.
type Sent = (String, String, Vec<(String, String)>);

/// The requests of a transcript.
fn requests(t: &Transcript) -> Vec<Sent> {
    t.events
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::Request { method, url, form, .. } => {
                Some((method.clone(), url.trim_start_matches("http://app.test").to_owned(), form.clone()))
            }
            _ => None,
        })
        .collect()
}

fn param<'a>(form: &'a [(String, String)], key: &str) -> Option<&'a str> {
    form.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
}

/// Whether the transcript has a warning containing `text`.
fn warned(t: &Transcript, text: &str) -> bool {
    t.events.iter().any(|e| matches!(&e.kind, EventKind::Warning { message } if message.contains(text)))
}

fn says(t: &Transcript) -> Vec<String> {
    t.events
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::Say { text, .. } => Some(text.clone()),
            _ => None,
        })
        .collect()
}

fn cause(t: &Transcript) -> (&str, &str) {
    let o = t.outcome().unwrap();
    (o.status.as_str(), o.cause.as_str())
}

// ----- TwiML verb table (section 3.2) -----

#[tokio::test]
async fn gather_timeout_falls_through_and_action_on_empty_result_posts() {
    let call =
        start(twiml(&[("/start", r#"<Gather numDigits="1" action="/g"><Say>Menu</Say></Gather><Say>Bye</Say>"#)]))
            .await;
    assert!(call.is_listening());
    let listen = call.listening().unwrap();
    assert_eq!((listen.dtmf, listen.speech, listen.until - listen.since), (true, false, 5_000));
    let t = call.finish().await;
    assert_eq!(says(&t), ["Menu", "Bye"]);
    assert_eq!(requests(&t).len(), 1, "no request without input");
    assert_eq!(cause(&t), ("completed", "document-end"));

    let app = twiml(&[("/start", r#"<Gather actionOnEmptyResult="true" action="/g"/>"#), ("/g", "<Say>empty</Say>")]);
    let t = start(app).await.finish().await;
    let reqs = requests(&t);
    assert_eq!(reqs[1].1, "/g");
    assert_eq!(param(&reqs[1].2, "Digits"), None);
    assert_eq!(says(&t), ["empty"]);
}

#[tokio::test]
async fn gather_digits_num_digits_finish_key_and_inter_digit_timeout() {
    let doc = |attrs: &str| twiml(&[("/start", &*format!("<Gather {attrs} action=\"/g\"/>")), ("/g", "<Hangup/>")]);
    for (attrs, keys, digits, finished, waited) in [
        (r#"numDigits="2""#, "123", "12", "", false),
        (r#"numDigits="4""#, "12", "12", "", true),
        ("", "42#9", "42", "#", false),
        (r#"finishOnKey="" numDigits="3""#, "1#2", "1#2", "", false),
        (r#"finishOnKey="*""#, "7*", "7", "*", false),
    ] {
        let mut call = start(doc(attrs)).await;
        call.press(keys).await.unwrap();
        let t = call.finish().await;
        let reqs = requests(&t);
        assert_eq!(param(&reqs[1].2, "Digits"), Some(digits), "{attrs} {keys}");
        assert_eq!(param(&reqs[1].2, "FinishedOnKey"), Some(finished), "{attrs} {keys}");
        assert_eq!(param(&reqs[1].2, "msg"), Some("Gather End"));
        let at = t
            .events
            .iter()
            .find(|e| matches!(&e.kind, EventKind::Request { url, .. } if url.ends_with("/g")))
            .unwrap()
            .t;
        // Listening starts at 0; the first key after 1 s, then one every 0.3 s; an unfinished
        // entry waits the 5 s timeout.
        let keys_ms = 1000 + 300 * (keys.len().min(digits.len() + finished.len()).max(1) as u64 - 1);
        assert_eq!(at, if waited { keys_ms + 5000 } else { keys_ms }, "{attrs} {keys}");
    }
}

#[tokio::test]
async fn gather_and_record_without_action_request_the_current_document() {
    let app = twiml(&[("/start", r#"<Gather numDigits="1"/>"#)]);
    let mut call = Simulator::new(app).budget(3, 3_600_000).start("/start").await.unwrap();
    call.press("5").await.unwrap();
    let reqs = requests(call.transcript());
    assert_eq!((reqs[1].1.as_str(), param(&reqs[1].2, "Digits")), ("/start", Some("5")));
    let app = twiml(&[("/start", "<Record/>")]);
    let mut call = Simulator::new(app).budget(2, 3_600_000).start("/start").await.unwrap();
    // A caller who keeps talking: Record without action requests its own document again and
    // again (the loop of twilio-python#550); the budget stops it and names the cycle.
    while call.is_listening() {
        call.speak(4_000).await.unwrap();
    }
    let t = call.finish().await;
    let reqs = requests(&t);
    assert_eq!((reqs[1].1.as_str(), param(&reqs[1].2, "RecordingDuration")), ("/start", Some("4")));
    assert_eq!(cause(&t), ("completed", "limit"));
    assert!(warned(&t, "/start → /start"));
}

#[tokio::test]
async fn an_empty_recording_falls_through_and_a_key_ends_a_recording() {
    let app = twiml(&[("/start", r#"<Record action="/r" maxLength="20"/><Say>No message</Say>"#), ("/r", "<Hangup/>")]);
    let t = start(app.clone()).await.finish().await;
    assert_eq!(says(&t), ["No message"]);
    assert_eq!(requests(&t).len(), 1);
    let mut call = start(app.clone()).await;
    call.input(callml::sim::CallerInput::Speak { duration_ms: 7_500, then_press: Some('#') }).await;
    let reqs = requests(&call.finish().await);
    assert_eq!((param(&reqs[1].2, "RecordingDuration"), param(&reqs[1].2, "Digits")), (Some("8"), Some("#")));
    assert!(param(&reqs[1].2, "RecordingUrl").unwrap().contains("/Recordings/RE"));
    let mut call = start(app).await;
    call.input(callml::sim::CallerInput::Speak { duration_ms: 60_000, then_press: None }).await;
    let reqs = requests(&call.finish().await);
    assert_eq!(param(&reqs[1].2, "RecordingDuration"), Some("20"), "maxLength caps it");
}

#[tokio::test]
async fn dial_continues_without_action_and_posts_each_outcome_with_one() {
    let app = twiml(&[("/start", "<Dial>+15550001111</Dial><Say>after</Say>")]);
    let t = Simulator::new(app)
        .dial("+15550001111", DialOutcome::unanswered("busy"))
        .start("/start")
        .await
        .unwrap()
        .finish()
        .await;
    assert_eq!(says(&t), ["after"]);
    for (outcome, status) in [
        ("answered", "completed"),
        ("busy", "busy"),
        ("no-answer", "no-answer"),
        ("failed", "failed"),
        ("canceled", "canceled"),
    ] {
        let app = twiml(&[
            ("/start", r#"<Dial action="/d" timeout="10">+15550001111</Dial><Say>never</Say>"#),
            ("/d", "<Hangup/>"),
        ]);
        let o = if outcome == "answered" { DialOutcome::answered() } else { DialOutcome::unanswered(outcome) };
        let t = Simulator::new(app).dial("+15550001111", o).start("/start").await.unwrap().finish().await;
        let reqs = requests(&t);
        assert_eq!(param(&reqs[1].2, "DialCallStatus"), Some(status), "{outcome}");
        assert_eq!(param(&reqs[1].2, "DialBridged"), Some(if outcome == "answered" { "true" } else { "false" }));
        assert!(says(&t).is_empty(), "verbs after a Dial with action never run");
        let ring = t.events.iter().find_map(|e| match &e.kind {
            EventKind::DialOutcome { ring_ms, .. } => Some(*ring_ms),
            _ => None,
        });
        assert_eq!(
            ring,
            Some(if outcome == "no-answer" { 10_000 } else { 3_000 }),
            "{outcome}: ring is capped by timeout"
        );
    }
}

#[tokio::test]
async fn redirect_methods_and_relative_urls() {
    let app = twiml(&[
        ("/flows/start", r#"<Redirect method="GET">next?x=1</Redirect><Say>never</Say>"#),
        ("/flows/next", "<Redirect>/end</Redirect>"),
        ("/end", "<Say>done</Say>"),
    ]);
    let t = Simulator::new(app).start("/flows/start").await.unwrap().finish().await;
    let reqs = requests(&t);
    assert_eq!(reqs[1].0, "GET");
    assert!(reqs[1].1.starts_with("/flows/next?x=1&"), "{}", reqs[1].1);
    assert_eq!(param(&reqs[1].2, "CallSid"), param(&reqs[0].2, "CallSid"), "GET carries the parameters in the query");
    assert_eq!((reqs[2].0.as_str(), reqs[2].1.as_str()), ("POST", "/end"));
    assert_eq!(says(&t), ["done"]);
}

#[tokio::test]
async fn hangup_reject_and_the_end_of_a_document() {
    let t = start(twiml(&[("/start", "<Say>a</Say><Hangup/><Say>b</Say>")])).await.finish().await;
    assert_eq!((says(&t), cause(&t)), (vec!["a".to_owned()], ("completed", "hangup-verb")));
    for (doc, status) in [(r#"<Reject reason="busy"/>"#, "busy"), ("<Reject/>", "no-answer")] {
        let t = start(twiml(&[("/start", doc)])).await.finish().await;
        assert_eq!(cause(&t), (status, "reject"));
        assert!(!t.events.iter().any(|e| e.kind == EventKind::Answered), "a rejected call is never answered");
    }
    let t = start(twiml(&[("/start", "<Pause length=\"2\"/><Say>x</Say>")])).await.finish().await;
    assert_eq!(cause(&t), ("completed", "document-end"));
    let answered = t.events.iter().find(|e| e.kind == EventKind::Answered).unwrap();
    assert_eq!(answered.t, 2000, "a first Pause delays answering");
}

#[tokio::test]
async fn late_input_goes_to_the_next_listener() {
    let app = twiml(&[
        (
            "/start",
            r#"<Gather numDigits="1" timeout="2" action="/g"/><Gather numDigits="1" timeout="10" action="/g"/>"#,
        ),
        ("/g", "<Hangup/>"),
    ]);
    let mut call = Simulator::new(app).reaction_ms(3_000).start("/start").await.unwrap();
    call.press("4").await.unwrap();
    let t = call.finish().await;
    let reqs = requests(&t);
    assert_eq!(param(&reqs[1].2, "Digits"), Some("4"));
    let listens = t.events.iter().filter(|e| matches!(e.kind, EventKind::Listen { .. })).count();
    assert_eq!(listens, 2, "the first Gather timed out before the key");
}

#[tokio::test]
async fn speech_input_and_the_finish_key_alone() {
    let app = twiml(&[("/start", r#"<Gather input="speech dtmf" action="/g"/>"#), ("/g", "<Hangup/>")]);
    let mut call = start(app.clone()).await;
    call.say("sales please").await.unwrap();
    let reqs = requests(&call.finish().await);
    assert_eq!(param(&reqs[1].2, "SpeechResult"), Some("sales please"));
    assert_eq!(param(&reqs[1].2, "Confidence"), Some("0.9"));
    let mut call = start(app.clone()).await;
    call.press("#").await.unwrap();
    let t = call.finish().await;
    assert_eq!(requests(&t).len(), 1, "the finish key alone is no input by default");
    assert!(warned(&t, "finish_key_alone"));
    let mut call = Simulator::new(app).finish_key_alone_submits(true).start("/start").await.unwrap();
    call.press("#").await.unwrap();
    let reqs = requests(&call.finish().await);
    assert_eq!((param(&reqs[1].2, "Digits"), param(&reqs[1].2, "FinishedOnKey")), (Some(""), Some("#")));
}

// ----- driver and HTTP rules (section 2) -----

#[tokio::test]
async fn application_errors_go_to_the_fallback_then_end_the_call() {
    let big = format!("<Response><Say>{}</Say></Response>", "x".repeat(70 * 1024));
    for (status, content_type, body, code) in [
        (500, "text/plain", "boom".to_owned(), "11200"),
        (404, "text/html", "nope".to_owned(), "11200"),
        (200, "application/json", "{}".to_owned(), "12300"),
        (200, "application/xml", "<Response><Say>unclosed</Response>".to_owned(), "12100"),
        (200, "application/xml", big, "11750"),
    ] {
        let app = serve(&[
            ("/start", status, content_type, body.clone()),
            ("/fallback", 200, "application/xml", "<Response><Say>Sorry</Say></Response>".into()),
        ]);
        let t = Simulator::new(app.clone()).start("/start").await.unwrap().finish().await;
        assert!(t.events.iter().any(|e| matches!(&e.kind, EventKind::Error { code: c, .. } if c == code)), "{code}");
        assert_eq!(cause(&t), ("failed", "app-error"), "{code}");
        let t = Simulator::new(app).fallback_url("/fallback").start("/start").await.unwrap().finish().await;
        let reqs = requests(&t);
        assert_eq!(reqs[1].1, "/fallback");
        assert_eq!(
            (param(&reqs[1].2, "ErrorCode"), param(&reqs[1].2, "ErrorUrl")),
            (Some(code), Some("http://app.test/start"))
        );
        assert_eq!(says(&t), ["Sorry"], "{code}");
    }
}

#[tokio::test]
async fn plain_text_and_audio_replies_are_spoken_or_played_then_hang_up() {
    let t = start(serve(&[("/start", 200, "text/plain", "Closed today".into())])).await.finish().await;
    assert_eq!((says(&t), cause(&t)), (vec!["Closed today".to_owned()], ("completed", "hangup-verb")));
    let t = start(serve(&[("/start", 200, "audio/mpeg", "ID3".into())])).await.finish().await;
    assert!(t.events.iter().any(|e| matches!(&e.kind, EventKind::Play { url, .. } if url.ends_with("/start"))));
}

#[tokio::test]
async fn redirects_are_followed_up_to_a_limit_and_cookies_kept() {
    let app = Router::new()
        .route("/start", any(|| async { (StatusCode::FOUND, [(header::LOCATION, "/real")]).into_response() }))
        .route(
            "/real",
            any(|| async {
                (
                    [(header::CONTENT_TYPE, "application/xml"), (header::SET_COOKIE, "session=abc; Path=/")],
                    "<Response><Gather action=\"/g\"/></Response>",
                )
                    .into_response()
            }),
        )
        .route(
            "/g",
            any(|headers: HeaderMap| async move {
                let cookie = headers.get(header::COOKIE).and_then(|v| v.to_str().ok()).unwrap_or("none").to_owned();
                ([(header::CONTENT_TYPE, "application/xml")], format!("<Response><Say>{cookie}</Say></Response>"))
                    .into_response()
            }),
        )
        .route("/loop", any(|| async { (StatusCode::FOUND, [(header::LOCATION, "/loop")]).into_response() }))
        .route("/odd", any(|| async { (StatusCode::MULTIPLE_CHOICES, [(header::LOCATION, "/real")]).into_response() }));
    let mut call = Simulator::new(app.clone()).start("/start").await.unwrap();
    call.press("1").await.unwrap();
    assert_eq!(says(&call.finish().await), ["session=abc"]);
    let mut call = Simulator::new(app.clone()).cookies(false).start("/start").await.unwrap();
    call.press("1").await.unwrap();
    assert_eq!(says(&call.finish().await), ["none"]);
    let t = Simulator::new(app.clone()).start("/loop").await.unwrap().finish().await;
    assert!(t.events.iter().any(|e| matches!(&e.kind, EventKind::Error { code, .. } if code == "11215")));
    let t = Simulator::new(app).start("/odd").await.unwrap().finish().await;
    assert!(t.events.iter().any(|e| matches!(&e.kind, EventKind::Error { code, .. } if code == "11216")));
}

#[tokio::test]
async fn an_unreachable_application_is_reported() {
    let service = tower::service_fn(|_req: http::Request<http_body_util::Full<bytes::Bytes>>| async {
        Err::<http::Response<String>, _>(std::io::Error::new(
            std::io::ErrorKind::ConnectionRefused,
            "connection refused",
        ))
    });
    let script = Script::from_toml("[call]\nurl = \"/start\"\n[script]\nsteps = []\n").unwrap();
    let report = Simulator::new(service).run(&script).await.unwrap();
    assert!(report.unreachable() && !report.passed());
    assert!(
        report.transcript.events.iter().any(|e| matches!(&e.kind, EventKind::Error { code, .. } if code == "11205"))
    );
}

// ----- self-consistency with the crate -----

/// Every request the simulator sends parses with `event::parse` into the kind it says it is.
fn assert_requests_parse(t: &Transcript) {
    for e in &t.events {
        let EventKind::Request { form, json, event_type, method, url, .. } = &e.kind else { continue };
        let (content_type, body) = match json {
            Some(j) => ("application/json", j.to_string()),
            None => ("application/x-www-form-urlencoded", serde_urlencoded::to_string(form).unwrap()),
        };
        let event =
            parse(Some(content_type), body.as_bytes()).unwrap_or_else(|err| panic!("{method} {url}: {err}\n{body}"));
        let expected = match event_type.as_str() {
            "redirect" if json.is_none() => "incoming",
            other => other,
        };
        assert_eq!(event.event_type(), expected, "{method} {url}: {body}");
        if let CallEvent::Twiml(r) = &event {
            assert_eq!(r.call().call_sid, t.call_id);
        }
    }
}

#[tokio::test]
async fn requests_parse_and_signatures_verify() {
    let app = webhook_server::app(None)
        .layer(callml::axum::TwilioSignatureLayer::new("test-token").base_url("http://app.test"));
    for digits in ["1", "2", "7"] {
        let mut call = Simulator::new(app.clone())
            .auth_token("test-token")
            .budget(4, 3_600_000)
            .start("/twiml/incoming")
            .await
            .unwrap();
        call.press(digits).await.unwrap();
        call.speak(5_000).await.unwrap();
        let t = call.finish().await;
        assert!(
            !t.events.iter().any(|e| matches!(&e.kind, EventKind::Response { status: 403, .. })),
            "signature rejected:\n{}",
            t.to_text()
        );
        assert_requests_parse(&t);
    }
    let t = Simulator::new(app).auth_token("wrong").start("/twiml/incoming").await.unwrap().finish().await;
    assert!(
        t.events.iter().any(|e| matches!(&e.kind, EventKind::Response { status: 403, .. })),
        "a wrong token is refused"
    );
}

// ----- the webhook example, every branch, both providers -----

#[tokio::test]
async fn every_branch_of_the_twiml_example() {
    let app = webhook_server::app(None);
    // Silence: the Gather times out, the goodbye plays, the call hangs up.
    let t = Simulator::new(app.clone()).start("/twiml/incoming").await.unwrap().finish().await;
    assert_eq!(says(&t).last().unwrap(), "We did not receive your choice. Goodbye.");
    assert_eq!(cause(&t), ("completed", "hangup-verb"));
    // 1, sales does not answer: the Dial action takes a message, the Record action thanks.
    let mut call = Simulator::new(app.clone())
        .dial("+15558675309", DialOutcome::unanswered("no-answer"))
        .start("/twiml/incoming")
        .await
        .unwrap();
    call.press("1").await.unwrap();
    call.expect(&expect("request POST /twiml/dialled DialCallStatus=no-answer").unwrap()).await.unwrap();
    call.expect(&expect("say \"Leave a message after the beep.\"").unwrap()).await.unwrap();
    call.speak(12_000).await.unwrap();
    call.expect(&expect("request POST /twiml/recorded RecordingDuration=12").unwrap()).await.unwrap();
    call.expect(&expect("say ~\"12 second message\"").unwrap()).await.unwrap();
    assert_eq!(cause(&call.finish().await), ("completed", "hangup-verb"));
    // 2: straight to voicemail; a caller who hangs up mid-message still reaches /twiml/recorded.
    let mut call = Simulator::new(app.clone()).start("/twiml/incoming").await.unwrap();
    call.press("2").await.unwrap();
    call.input(callml::sim::CallerInput::HangUp { after_ms: 4_000 }).await;
    let t = call.finish().await;
    let last = requests(&t).pop().unwrap();
    assert_eq!((last.1.as_str(), param(&last.2, "Digits")), ("/twiml/recorded", Some("hangup")));
    assert_eq!(cause(&t), ("completed", "caller"));
    // The same without the assumed request after a hang-up.
    let mut call = Simulator::new(app.clone()).request_after_hang_up(false).start("/twiml/incoming").await.unwrap();
    call.press("2").await.unwrap();
    call.input(callml::sim::CallerInput::HangUp { after_ms: 4_000 }).await;
    let t = call.finish().await;
    assert_eq!(requests(&t).last().unwrap().1, "/twiml/menu");
    assert_eq!(cause(&t), ("completed", "caller"));
    assert!(warned(&t, "no request is made"));
    // 7 again and again: the Redirect loop trips the document budget, which names the cycle.
    let mut call = Simulator::new(app).budget(6, 3_600_000).start("/twiml/incoming").await.unwrap();
    while call.is_listening() {
        call.press("7").await.unwrap();
    }
    let t = call.finish().await;
    assert_eq!(cause(&t), ("completed", "limit"));
    assert!(warned(&t, "/twiml/incoming → /twiml/menu → /twiml/incoming"), "{}", t.to_text());
}

#[tokio::test]
async fn every_branch_of_the_bandwidth_example() {
    let app = webhook_server::app(Some(("bw".into(), "s3cret".into())));
    let sim = Simulator::new(app).profile(Profile::BandwidthV2).basic_auth("bw", "s3cret");
    let mut call = sim.clone().start("/bandwidth/v2/callbacks").await.unwrap();
    call.press("1").await.unwrap();
    let t = call.finish().await;
    assert_requests_parse(&t);
    let statuses: Vec<u16> = t
        .events
        .iter()
        .filter_map(|e| match e.kind {
            EventKind::Response { status, .. } => Some(status),
            _ => None,
        })
        .collect();
    assert_eq!(statuses, [200, 200], "the 401 challenge is answered inside one request");
    let reqs = requests(&t);
    assert!(t.events.iter().any(|e| matches!(&e.kind, EventKind::Element { name, targets, .. } if name == "Transfer" && targets == &["+15558675309"])));
    assert_eq!(cause(&t), ("completed", "document-end"), "no transferCompleteUrl: the next verb (none) runs");
    let EventKind::Request { json: Some(gather), .. } =
        &t.events.iter().filter(|e| matches!(e.kind, EventKind::Request { .. })).nth(1).unwrap().kind
    else {
        panic!()
    };
    assert_eq!((gather["eventType"].as_str(), gather["digits"].as_str()), (Some("gather"), Some("1")));
    assert_eq!(reqs.len(), 2);
    // Another digit, and an empty timeout (a gather event with digits=""): goodbye and hang up.
    for input in [Some("9"), None] {
        let mut call = sim.clone().start("/bandwidth/v2/callbacks").await.unwrap();
        if let Some(d) = input {
            call.press(d).await.unwrap();
        }
        let t = call.finish().await;
        assert_eq!(says(&t).last().unwrap(), "Goodbye.");
        assert_eq!(cause(&t), ("completed", "hangup-verb"));
    }
    // Without credentials the challenge cannot be answered: the callback fails.
    let t = Simulator::new(webhook_server::app(Some(("bw".into(), "s3cret".into()))))
        .profile(Profile::BandwidthV2)
        .start("/bandwidth/v2/callbacks")
        .await
        .unwrap()
        .finish()
        .await;
    assert_eq!(cause(&t), ("failed", "callback-error"));
    let t = sim.basic_auth("bw", "wrong").start("/bandwidth/v2/callbacks").await.unwrap().finish().await;
    assert_eq!(cause(&t), ("failed", "callback-error"));
}

#[tokio::test]
async fn acml_requests_carry_the_acml_parameters() {
    let mut call =
        Simulator::new(webhook_server::app(None)).profile(Profile::Acml).start("/twiml/incoming").await.unwrap();
    call.press("1").await.unwrap();
    let t = call.finish().await;
    assert_requests_parse(&t);
    let reqs = requests(&t);
    assert_eq!(param(&reqs[0].2, "ApiVersion"), Some("2012-04-24"));
    assert_eq!((param(&reqs[0].2, "PostStatus"), param(&reqs[1].2, "PostStatus")), (Some("new"), Some("callback")));
    assert_eq!(param(&reqs[0].2, "ForwardedFrom"), Some("null"));
    assert_eq!(param(&reqs[1].2, "Digits"), Some("1"));
    assert_eq!(
        (param(&reqs[1].2, "FinishedOnKey"), param(&reqs[1].2, "msg")),
        (None, None),
        "ACML's Gather sends Digits only"
    );
    assert_eq!(reqs[0].2[0].0, "CallSid", "ACML's documented order");
}

// ----- scripts and golden transcripts -----

fn script(name: &str) -> Script {
    let source = std::fs::read_to_string(format!("{}/tests/sim/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap();
    Script::from_toml(&source).unwrap()
}

#[tokio::test]
async fn golden_transcripts() {
    for name in ["menu", "voicemail", "bandwidth"] {
        let report = Simulator::new(webhook_server::app(Some(("bw".into(), "s3cret".into()))))
            .run(&script(&format!("{name}.sim.toml")))
            .await
            .unwrap();
        assert!(report.passed(), "{name}:\n{}", report.to_text());
        common::assert_golden(&format!("sim/{name}.txt"), &report.to_text());
        common::assert_golden(
            &format!("sim/{name}.json"),
            &format!("{}\n", serde_json::to_string_pretty(&report.to_json()).unwrap()),
        );
    }
}

#[tokio::test]
async fn failed_checks_say_what_happened_instead() {
    let source = r#"
[call]
url = "/twiml/incoming"
[script]
steps = ['press 1', 'expect say "Goodbye"', 'expect no dial', 'expect end']
"#;
    let report = Simulator::new(webhook_server::app(None)).run(&Script::from_toml(source).unwrap()).await.unwrap();
    assert!(!report.passed());
    assert_eq!(report.checks.len(), 3);
    assert!(!report.checks[0].ok);
    assert!(
        report.checks[0].message.as_deref().unwrap().starts_with("next were: request POST /twiml/incoming"),
        "{:?}",
        report.checks[0]
    );
    assert!(!report.checks[1].ok, "the dial happened: {:?}", report.checks[1]);
    assert!(report.checks[2].ok);
    assert!(report.to_text().contains("FAIL 2: expect say \"Goodbye\""));
}

#[test]
fn script_errors_point_at_the_step() {
    for (source, line, column, message) in [
        ("[call]\nurl = \"/\"\n[script]\nsteps = [\n  'press 1',\n  'expect sing',\n]\n", 6, 11, "expected a kind"),
        ("[call]\nurl = \"/\"\nprovider = \"skype\"\n[script]\nsteps = []\n", 3, 12, "unknown variant"),
        ("[call]\n[script]\nsteps = []\n", 1, 1, "missing field `url`"),
        ("[call]\nurl = \"/\"\n[timing]\nreaction = \"soon\"\n[script]\nsteps = []\n", 1, 1, "timing.reaction"),
        ("[call]\nurl = \"/\"\nafter_hang_up = \"maybe\"\n[script]\nsteps = []\n", 1, 1, "call.after_hang_up"),
    ] {
        let e = Script::from_toml(source).unwrap_err();
        assert_eq!((e.line, e.column), (line, column), "{e}");
        assert!(e.message.contains(message), "{e}");
    }
    let json = r#"{"call": {"url": "/"}, "script": {"steps": ["press 1", "say nothing"]}}"#;
    let e = Script::from_json(json).unwrap_err();
    assert!(e.message.starts_with("step 2: expected a quoted string"), "{e}");
}

// ----- properties -----

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap()
}

/// The paths `validate()` reports as never running.
fn never_runs(findings: &[callml::xml::Finding]) -> Vec<String> {
    findings.iter().filter(|f| f.message.starts_with("never runs")).map(|f| f.path.clone()).collect()
}

fn caller_input() -> impl Strategy<Value = callml::sim::CallerInput> {
    use callml::sim::CallerInput;
    prop_oneof![
        ("[0-9*#]{1,4}", 0u64..8_000).prop_map(|(digits, after_ms)| CallerInput::Press {
            digits,
            after_ms,
            gap_ms: 300
        }),
        ("[a-z ]{1,12}", 0u64..8_000).prop_map(|(text, after_ms)| CallerInput::Say { text, confidence: 0.5, after_ms }),
        (0u64..90_000, proptest::option::of(prop::sample::select(vec!['#', '1', '*'])))
            .prop_map(|(duration_ms, then_press)| CallerInput::Speak { duration_ms, then_press }),
        proptest::option::of(0u64..10_000).prop_map(|duration_ms| CallerInput::Silence { duration_ms }),
        (0u64..10_000).prop_map(|after_ms| CallerInput::HangUp { after_ms }),
        ("[0-9*#]{1,3}", 0u64..8_000).prop_map(|(digits, after_ms)| {
            CallerInput::DuringPrompt(Box::new(CallerInput::Press { digits, after_ms, gap_ms: 300 }))
        }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Any TwiML document, served at every URL it can reach, with any inputs: the call ends within
    /// the budgets, time never goes back, and every request parses.
    #[test]
    fn any_twiml_document_and_inputs_end_within_the_budgets(
        doc in common::trees::twiml_trees::response(),
        inputs in prop::collection::vec(caller_input(), 0..8),
    ) {
        use callml::xml::Render;
        let xml = doc.to_xml();
        let app = Router::new().fallback(any(move || { let xml = xml.clone(); async move { ([(header::CONTENT_TYPE, "application/xml")], xml) } }));
        let t = runtime().block_on(async move {
            let mut call = Simulator::new(app).budget(5, 600_000).start("/start").await.unwrap();
            for input in inputs {
                call.input(input).await;
            }
            call.finish().await
        });
        prop_assert!(t.outcome().is_some());
        prop_assert!(t.events.windows(2).all(|w| w[0].t <= w[1].t), "time went back:\n{}", t.to_text());
        prop_assert!(t.outcome().unwrap().documents <= 6);
        assert_requests_parse(&t);
    }

    /// The same for BXML documents under the Bandwidth profile.
    #[test]
    fn any_bxml_document_and_inputs_end_within_the_budgets(
        doc in common::trees::bxml_trees::response(),
        inputs in prop::collection::vec(caller_input(), 0..8),
    ) {
        use callml::xml::Render;
        let xml = doc.to_xml();
        let app = Router::new().fallback(any(move || { let xml = xml.clone(); async move { ([(header::CONTENT_TYPE, "application/xml")], xml) } }));
        let t = runtime().block_on(async move {
            let mut call = Simulator::new(app).profile(Profile::BandwidthV2).budget(5, 600_000).start("/start").await.unwrap();
            for input in inputs {
                call.input(input).await;
            }
            call.finish().await
        });
        prop_assert!(t.outcome().is_some());
        prop_assert!(t.events.windows(2).all(|w| w[0].t <= w[1].t), "time went back:\n{}", t.to_text());
        assert_requests_parse(&t);
    }

    /// The lint and the simulator read one flow table: no verb that `validate()` reports as never
    /// running is ever run by the simulator, whatever the caller does (TwiML under both profiles,
    /// BXML). Only the generated document is served; every later request gets `<Hangup/>`.
    #[test]
    fn the_lint_and_the_simulator_agree_on_what_never_runs(
        twiml_doc in common::trees::twiml_trees::response(),
        bxml_doc in common::trees::bxml_trees::response(),
        acml in prop::bool::ANY,
        inputs in prop::collection::vec(caller_input(), 0..6),
    ) {
        use callml::xml::Render;
        let profile = if acml { callml::twiml::Profile::Acml } else { callml::twiml::Profile::Twilio };
        let runs = [
            (twiml_doc.to_xml(), never_runs(&twiml_doc.validate_for(profile)), if acml { Profile::Acml } else { Profile::Twilio }),
            (bxml_doc.to_xml(), never_runs(&bxml_doc.validate()), Profile::BandwidthV2),
        ];
        for (xml, never, sim_profile) in runs {
            let app = Router::new()
                .route("/start", any(move || { let xml = xml.clone(); async move { ([(header::CONTENT_TYPE, "application/xml")], xml) } }))
                .fallback(any(|| async { ([(header::CONTENT_TYPE, "application/xml")], "<Response><Hangup/></Response>") }));
            let inputs = inputs.clone();
            let t = runtime().block_on(async move {
                let mut call = Simulator::new(app).profile(sim_profile).budget(5, 600_000).start("/start").await.unwrap();
                for input in inputs {
                    call.input(input).await;
                }
                call.finish().await
            });
            // The events of the first document: up to the second reply.
            let second = t.events.iter().enumerate().filter(|(_, e)| matches!(e.kind, EventKind::Response { .. })).nth(1).map_or(t.events.len(), |(i, _)| i);
            for e in &t.events[..second] {
                if let Some(path) = &e.path {
                    prop_assert!(!never.contains(path), "{path} ran, but validate() says it never runs:\n{}", t.to_text());
                }
            }
        }
    }

    /// A Gather without action that gets no input requests nothing.
    #[test]
    fn a_gather_without_action_and_input_requests_nothing(num in 1u32..5, timeout in 1u32..10) {
        let app = twiml(&[("/start", &*format!(r#"<Gather numDigits="{num}" timeout="{timeout}"><Say>hi</Say></Gather>"#))]);
        let t = runtime().block_on(async move { Simulator::new(app).start("/start").await.unwrap().finish().await });
        prop_assert_eq!(requests(&t).len(), 1);
    }
}

// ----- BXML verb table (section 3.3) -----

/// A router that answers each path with a BXML document.
fn bxml(routes: &[(&str, &str)]) -> Router {
    twiml(routes)
}

fn bandwidth(app: Router) -> Simulator<Router> {
    Simulator::new(app).profile(Profile::BandwidthV2)
}

fn json_requests(t: &Transcript) -> Vec<serde_json::Value> {
    t.events
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::Request { json: Some(j), .. } => Some(j.clone()),
            _ => None,
        })
        .collect()
}

#[tokio::test]
async fn bxml_gather_posts_even_on_timeout_and_drops_digits_without_a_url() {
    let app = bxml(&[
        ("/start", r#"<Gather gatherUrl="/g" maxDigits="3"/><SpeakSentence>never</SpeakSentence>"#),
        ("/g", "<Hangup/>"),
    ]);
    let t = bandwidth(app).start("/start").await.unwrap().finish().await;
    let reqs = json_requests(&t);
    assert_eq!((reqs[1]["eventType"].as_str(), reqs[1]["digits"].as_str()), (Some("gather"), Some("")));
    assert!(says(&t).is_empty());
    let app = bxml(&[("/start", r#"<Gather maxDigits="1"/><SpeakSentence>next</SpeakSentence>"#)]);
    let mut call = bandwidth(app).start("/start").await.unwrap();
    call.press("5").await.unwrap();
    let t = call.finish().await;
    assert_eq!((json_requests(&t).len(), says(&t)), (1, vec!["next".to_owned()]));
    assert!(warned(&t, "digits are dropped"));
}

#[tokio::test]
async fn bxml_record_complete_is_not_sent_after_a_caller_hang_up() {
    let app = bxml(&[("/start", r#"<Record recordCompleteUrl="/r" maxDuration="30"/>"#), ("/r", "<Hangup/>")]);
    let mut call = bandwidth(app.clone()).start("/start").await.unwrap();
    call.speak(6_000).await.unwrap();
    let reqs = json_requests(&call.finish().await);
    assert_eq!(
        (reqs[1]["eventType"].as_str(), reqs[1]["duration"].as_str()),
        (Some("recordComplete"), Some("PT6.000S"))
    );
    let mut call = bandwidth(app).start("/start").await.unwrap();
    call.input(callml::sim::CallerInput::HangUp { after_ms: 3_000 }).await;
    let t = call.finish().await;
    assert_eq!(json_requests(&t).len(), 1);
    assert_eq!(cause(&t), ("completed", "caller"));
}

#[tokio::test]
async fn bxml_transfer_complete_only_while_the_caller_is_up() {
    let app = bxml(&[
        (
            "/start",
            r#"<Transfer transferCompleteUrl="/tc"><PhoneNumber>+15550001111</PhoneNumber></Transfer><SpeakSentence>never</SpeakSentence>"#,
        ),
        ("/tc", "<SpeakSentence>after</SpeakSentence>"),
    ]);
    let t = bandwidth(app.clone())
        .dial("+15550001111", DialOutcome::unanswered("busy"))
        .start("/start")
        .await
        .unwrap()
        .finish()
        .await;
    let reqs = json_requests(&t);
    assert_eq!((reqs[1]["eventType"].as_str(), reqs[1]["cause"].as_str()), (Some("transferComplete"), Some("busy")));
    assert_eq!(says(&t), ["after"]);
    let caller_ends = DialOutcome { ended_by_caller: true, ..DialOutcome::answered() };
    let t = bandwidth(app).dial("+15550001111", caller_ends).start("/start").await.unwrap().finish().await;
    assert_eq!(json_requests(&t).len(), 1, "no transferComplete once the caller is gone");
    assert_eq!(cause(&t), ("completed", "caller"));
}

#[tokio::test]
async fn bxml_empty_response_tags_and_unsupported_verbs() {
    let t = bandwidth(bxml(&[("/start", "")])).start("/start").await.unwrap().finish().await;
    assert_eq!(cause(&t), ("no-answer", "document-end"), "an empty <Response/> ends an unanswered call");
    let app = bxml(&[
        ("/start", r#"<Tag>first</Tag><Gather gatherUrl="/g"/>"#),
        ("/g", r#"<Tag></Tag><Redirect redirectUrl="/r"/>"#),
        ("/r", "<Hangup/>"),
    ]);
    let t = bandwidth(app).status_callback("/status").start("/start").await.unwrap().finish().await;
    let reqs = json_requests(&t);
    assert_eq!(reqs[1]["tag"], "first", "the tag sticks to later callbacks");
    assert!(reqs[2].get("tag").is_none(), "an empty <Tag> clears it");
    assert_eq!(reqs[3]["eventType"], "disconnect");
    let app =
        bxml(&[("/start", r#"<Bridge bridgeCompleteUrl="/b">c-other</Bridge><SpeakSentence>never</SpeakSentence>"#)]);
    let t = bandwidth(app).start("/start").await.unwrap().finish().await;
    assert_eq!(cause(&t), ("completed", "unsupported"), "{}", t.to_text());
    assert!(says(&t).is_empty());
}

#[tokio::test]
async fn a_basic_challenge_without_the_header_loses_the_callback() {
    let app =
        Router::new().route("/start", any(|| async { (StatusCode::UNAUTHORIZED, "who are you").into_response() }));
    let t = bandwidth(app).basic_auth("bw", "s3cret").start("/start").await.unwrap().finish().await;
    let statuses: Vec<u16> = t
        .events
        .iter()
        .filter_map(|e| match e.kind {
            EventKind::Response { status, .. } => Some(status),
            _ => None,
        })
        .collect();
    assert_eq!(statuses, [401], "no WWW-Authenticate: no second attempt");
    assert_eq!(cause(&t), ("failed", "callback-error"));
}

#[tokio::test]
async fn get_requests_are_signed_over_their_query() {
    let app = twiml(&[("/start", r#"<Redirect method="GET">/next?a=1</Redirect>"#), ("/next", "<Say>signed</Say>")])
        .layer(callml::axum::TwilioSignatureLayer::new("token").base_url("http://app.test"));
    let t = Simulator::new(app).auth_token("token").start("/start").await.unwrap().finish().await;
    assert_eq!(says(&t), ["signed"], "{}", t.to_text());
}

#[tokio::test]
async fn star_ends_a_hang_up_on_star_bridge() {
    let doc = r#"<Dial hangupOnStar="true" action="/d">+15550001111</Dial>"#;
    let app = twiml(&[("/start", doc), ("/d", "<Say>back</Say>")]);
    let talk = DialOutcome { talk_ms: 60_000, ..DialOutcome::answered() };
    let mut call = Simulator::new(app.clone()).dial("+15550001111", talk.clone()).start("/start").await.unwrap();
    assert!(call.is_listening(), "the bridge listens for *");
    call.input(callml::sim::CallerInput::Press { digits: "1*".into(), after_ms: 7_000, gap_ms: 300 }).await;
    let t = call.finish().await;
    let reqs = requests(&t);
    assert_eq!(
        (param(&reqs[1].2, "DialCallStatus"), param(&reqs[1].2, "DialCallDuration")),
        (Some("completed"), Some("8"))
    );
    assert_eq!(says(&t), ["back"]);
    assert!(t.events.windows(2).all(|w| w[0].t <= w[1].t), "{}", t.to_text());
    // Without a star the callee talks to the end.
    let t = Simulator::new(app).dial("+15550001111", talk).start("/start").await.unwrap().finish().await;
    assert_eq!(param(&requests(&t)[1].2, "DialCallDuration"), Some("60"));
}

#[tokio::test]
async fn barge_in_cuts_the_prompt_short() {
    // Eight words at 160 a minute: a 3.3 s prompt.
    let prompt = "<Say>one two three four five six seven eight</Say>";
    let script = Script::from_toml(
        "[call]\nurl = \"/start\"\n[script]\nsteps = ['press 5 during prompt after 1s', 'expect request POST /g Digits=5', 'expect next hangup']\n",
    )
    .unwrap();
    for (attrs, barged) in [("", true), (r#" bargeIn="false""#, false)] {
        let doc = format!(r#"<Gather numDigits="1" action="/g"{attrs}>{prompt}</Gather>"#);
        let app = twiml(&[("/start", &*doc), ("/g", "<Hangup/>")]);
        let report = Simulator::new(app).run(&script).await.unwrap();
        let t = &report.transcript;
        let say = t.events.iter().find_map(|e| match e.kind {
            EventKind::Say { duration_ms, .. } => Some(duration_ms),
            _ => None,
        });
        if barged {
            assert!(report.passed(), "{}", report.to_text());
            assert_eq!(say, Some(1000), "the prompt stops at the key");
            assert!(t.events.iter().any(|e| e.kind == EventKind::Interrupted { after_ms: 1000 }));
            let at = t
                .events
                .iter()
                .find(|e| matches!(&e.kind, EventKind::Request { url, .. } if url.ends_with("/g")))
                .unwrap()
                .t;
            assert_eq!(at, 1000);
            assert!(t.events.windows(2).all(|w| w[0].t <= w[1].t), "{}", t.to_text());
        } else {
            assert_eq!(say, Some(3300), "bargeIn=\"false\": the prompt plays on");
            assert!(t.events.iter().any(|e| matches!(&e.kind, EventKind::Lost { what } if what.contains("bargeIn"))));
            assert!(!report.passed());
        }
    }
    // BXML: a digit during the Gather's audio interrupts it too.
    let app = bxml(&[
        (
            "/start",
            r#"<Gather gatherUrl="/g" maxDigits="1"><SpeakSentence>one two three four five six seven eight</SpeakSentence></Gather>"#,
        ),
        ("/g", "<Hangup/>"),
    ]);
    let mut call = bandwidth(app).start("/start").await.unwrap();
    call.input(callml::sim::CallerInput::DuringPrompt(Box::new(callml::sim::CallerInput::Press {
        digits: "7".into(),
        after_ms: 500,
        gap_ms: 300,
    })))
    .await;
    let t = call.finish().await;
    assert_eq!(json_requests(&t)[1]["digits"], "7");
    assert!(t.events.iter().any(|e| e.kind == EventKind::Interrupted { after_ms: 500 }));
}
