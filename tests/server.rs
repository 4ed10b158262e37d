//! The webhook server example and the axum integration, over real HTTP on 127.0.0.1.
#![cfg(all(feature = "axum", feature = "twilio-signature"))]

#[allow(dead_code)]
#[path = "../examples/webhook_server.rs"]
mod webhook_server;

use axum::Router;
use axum::routing::post;
use base64::Engine;
use callml::axum::{EventLimits, TwilioSignatureLayer, TwimlWebhook};

const ACML_FORM: &str = "CallSid=IDfbf7e812&InstanceId=ID242&AccountSid=AC06&From=3035550000&To=8044731212&CallStatus=ringing&ApiVersion=2012-04-24&Direction=inbound&CallerName=Ada&ForwardedFrom=null&CallTimestamp=2020-05-26T17%3A59%3A16.555Z&PostStatus=new";
const BANDWIDTH_INITIATE: &str = r#"{"eventType":"initiate","eventTime":"2019-06-20T15:56:11.554Z","accountId":"55555555","applicationId":"7fc9698a","from":"+15551112222","to":"+15553334444","direction":"inbound","callId":"c-95ac8d6e","callUrl":"https://voice.bandwidth.com/api/v2/accounts/55555555/calls/c-95ac8d6e","startTime":"2019-06-20T15:54:22.234Z","diversion":{"origTo":"+15558884444","reason":"unavailable","privacy":"off","unknown":"unknownValue"}}"#;
const BANDWIDTH_V1_INCOMINGCALL: &str = r#"{"eventType":"incomingcall","from":"+13233326955","to":"+13865245000","callId":"c-1","callUri":"https://api.catapult.inetwork.com/v1/users/u/calls/c-1","callState":"active","applicationId":"a-1","time":"2012-11-14T16:21:59.616Z"}"#;

async fn serve(app: Router) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    format!("http://{addr}")
}

struct Reply {
    status: u16,
    content_type: String,
    www_authenticate: String,
    body: String,
}

async fn post_to(url: &str, content_type: &str, body: impl Into<reqwest::Body>, auth: Option<(&str, &str)>) -> Reply {
    let client = reqwest::Client::new();
    let mut req = client.post(url).header("content-type", content_type).body(body);
    if let Some((u, p)) = auth {
        let token = base64::engine::general_purpose::STANDARD.encode(format!("{u}:{p}"));
        req = req.header("authorization", format!("Basic {token}"));
    }
    let res = req.send().await.unwrap();
    let header = |n: &str| res.headers().get(n).and_then(|v| v.to_str().ok()).unwrap_or("").to_owned();
    let (content_type, www_authenticate) = (header("content-type"), header("www-authenticate"));
    Reply { status: res.status().as_u16(), content_type, www_authenticate, body: res.text().await.unwrap() }
}

const FORM: &str = "application/x-www-form-urlencoded";
const JSON: &str = "application/json; charset=utf-8";
const AUTH: Option<(&str, &str)> = Some(("bw", "s3cret"));

#[tokio::test]
async fn twiml_routes_answer_with_twiml() {
    let base = serve(webhook_server::app(None)).await;
    let r = post_to(&format!("{base}/twiml/incoming"), FORM, ACML_FORM, None).await;
    assert_eq!((r.status, r.content_type.as_str()), (200, "application/xml; charset=utf-8"));
    callml::assert_xml_eq!(
        r.body,
        r#"<Response><Say voice="woman">Hello Ada, thanks for calling.</Say>
           <Gather action="/twiml/menu" method="POST" numDigits="1"><Say>Press 1 for sales, 2 to leave a message.</Say></Gather>
           <Say>We did not receive your choice. Goodbye.</Say><Hangup/></Response>"#
    );
    let menu = format!("{base}/twiml/menu");
    let choose =
        |d: &'static str| post_to(&menu, FORM, format!("{GATHER_BASE}&Digits={d}&FinishedOnKey=&msg=Gather+End"), None);
    let dial = r#"<Dial action="/twiml/dialled" timeout="20"><Number>+15558675309</Number></Dial>"#;
    assert!(choose("1").await.body.contains(dial));
    let record = r#"<Record action="/twiml/recorded" maxLength="120" playBeep="true"/>"#;
    assert!(choose("2").await.body.contains(record));
    assert!(choose("7").await.body.contains("<Redirect>/twiml/incoming</Redirect>"));

    // The Dial action: busy and no-answer go to voicemail, a completed call hangs up.
    let dialled = format!("{base}/twiml/dialled");
    for status in ["busy", "no-answer", "failed"] {
        let r = post_to(&dialled, FORM, format!("{GATHER_BASE}&DialCallStatus={status}&DialCallSid=CA2"), None).await;
        assert_eq!(r.status, 200, "{status}");
        callml::assert_xml_eq!(
            r.body,
            format!(
                "<Response><Say>Sales is not available.</Say><Say>Leave a message after the beep.</Say>{record}</Response>"
            )
        );
    }
    let r = post_to(&dialled, FORM, format!("{GATHER_BASE}&DialCallStatus=completed&DialCallDuration=31"), None).await;
    callml::assert_xml_eq!(r.body, "<Response><Hangup/></Response>");

    // The Record action.
    let recorded = format!(
        "{GATHER_BASE}&RecordingUrl=https%3A%2F%2Fapi.example%2FRE1&RecordingSid=RE1&RecordingDuration=14&Digits=hangup"
    );
    let r = post_to(&format!("{base}/twiml/recorded"), FORM, recorded, None).await;
    callml::assert_xml_eq!(
        r.body,
        "<Response><Say>Thank you, we saved your 14 second message. Goodbye.</Say><Hangup/></Response>"
    );
}

/// The base parameters of a Twilio request, as real Gather, Dial and Record actions carry them.
const GATHER_BASE: &str = "AccountSid=AC0000000000000000000000000000000a&ApiVersion=2010-04-01&CallSid=CA0000000000000000000000000000000b&CallStatus=in-progress&Called=%2B15005550006&Caller=%2B14155550100&Direction=inbound&From=%2B14155550100&FromCountry=US&To=%2B15005550006";

#[tokio::test]
async fn a_request_of_another_kind_is_422_naming_both() {
    let base = serve(webhook_server::app(None)).await;
    let dial_body = format!("{GATHER_BASE}&DialCallStatus=busy");
    let r = post_to(&format!("{base}/twiml/menu"), FORM, dial_body.clone(), None).await;
    assert_eq!((r.status, r.body.as_str()), (422, "invalid event: expected a request of kind `gather`, found `dial`"));
    let r = post_to(&format!("{base}/twiml/recorded"), FORM, format!("{GATHER_BASE}&Digits=1"), None).await;
    assert_eq!(
        (r.status, r.body.as_str()),
        (422, "invalid event: expected a request of kind `record`, found `gather`")
    );
    let r = post_to(&format!("{base}/twiml/incoming"), FORM, dial_body, None).await;
    assert_eq!(
        (r.status, r.body.as_str()),
        (422, "invalid event: expected a request of kind `incoming`, found `dial`")
    );
    // A Gather action without input (actionOnEmptyResult) is still a Gather action.
    let r = post_to(&format!("{base}/twiml/menu"), FORM, GATHER_BASE, None).await;
    assert!(r.body.contains("<Redirect>/twiml/incoming</Redirect>"), "{}", r.body);
    // Typed fields that do not parse, and repeated keys, are 422 naming the field.
    let r = post_to(
        &format!("{base}/twiml/recorded"),
        FORM,
        format!("{GATHER_BASE}&RecordingUrl=u&RecordingDuration=ten"),
        None,
    )
    .await;
    assert_eq!(
        (r.status, r.body.as_str()),
        (422, "invalid event: field `RecordingDuration`: expected a whole number, found \"ten\"")
    );
    let r = post_to(&format!("{base}/twiml/menu"), FORM, format!("{GATHER_BASE}&Digits=1&Digits=2"), None).await;
    assert_eq!((r.status, r.body.as_str()), (422, "invalid event: field `Digits` appears more than once"));
}

#[tokio::test]
async fn bandwidth_routes_challenge_then_answer() {
    let base = serve(webhook_server::app(Some(("bw".into(), "s3cret".into())))).await;
    let url = format!("{base}/bandwidth/v2/callbacks");
    let r = post_to(&url, JSON, BANDWIDTH_INITIATE, None).await;
    assert_eq!((r.status, r.www_authenticate.as_str()), (401, r#"Basic realm="callml example""#));
    let r = post_to(&url, JSON, BANDWIDTH_INITIATE, Some(("bw", "wrong"))).await;
    assert_eq!(r.status, 401);
    let r = post_to(&url, JSON, BANDWIDTH_INITIATE, Some(("bx", "s3cret"))).await;
    assert_eq!(r.status, 401);
    let r = post_to(&url, JSON, BANDWIDTH_INITIATE, AUTH).await;
    assert_eq!((r.status, r.content_type.as_str()), (200, "application/xml; charset=utf-8"));
    callml::assert_xml_eq!(
        r.body,
        r#"<Response><SpeakSentence voice="julie">Hello +15551112222.</SpeakSentence>
           <Gather firstDigitTimeout="5" gatherUrl="/bandwidth/v2/callbacks" maxDigits="1"><SpeakSentence>Press 1 for sales, 2 for support.</SpeakSentence></Gather></Response>"#
    );
    let gather = r#"{"eventType":"gather","callId":"c-1","digits":"1","terminatingDigit":""}"#;
    let r = post_to(&url, JSON, gather, AUTH).await;
    assert!(r.body.contains("<Transfer><PhoneNumber>+15558675309</PhoneNumber></Transfer>"), "{}", r.body);
    let disconnect = r#"{"eventType":"disconnect","callId":"c-1","cause":"hangup"}"#;
    let r = post_to(&url, JSON, disconnect, AUTH).await;
    assert_eq!((r.status, r.body.as_str()), (204, ""));
    let r = post_to(&format!("{base}/bandwidth/v1/events"), JSON, BANDWIDTH_V1_INCOMINGCALL, AUTH).await;
    assert_eq!(r.status, 200);
    let r = post_to(&format!("{base}/bandwidth/v1/events"), JSON, BANDWIDTH_V1_INCOMINGCALL, None).await;
    assert_eq!(r.status, 401);
}

#[tokio::test]
async fn rejections_say_why() {
    let base = serve(webhook_server::app(None)).await;
    let v2 = format!("{base}/bandwidth/v2/callbacks");
    let r = post_to(&v2, "text/plain", BANDWIDTH_INITIATE, None).await;
    assert_eq!(r.status, 415);
    assert!(r.body.contains("unsupported content type \"text/plain\"; expected application/json"), "{}", r.body);
    let r = post_to(&format!("{base}/twiml/incoming"), JSON, BANDWIDTH_INITIATE, None).await;
    assert_eq!(r.status, 415);
    let big = format!(r#"{{"eventType":"initiate","callId":"c","pad":"{}"}}"#, "x".repeat(70 * 1024));
    let r = post_to(&v2, JSON, big, None).await;
    assert_eq!((r.status, r.body.as_str()), (413, "body larger than 65536 bytes"));
    let r = post_to(&v2, JSON, r#"{"eventType":"initiate","callId":"#, None).await;
    assert_eq!(r.status, 400);
    assert!(r.body.starts_with("bad request: invalid JSON at line 1"), "{}", r.body);
    let r = post_to(&v2, JSON, r#"{"eventType":"initiate","from":"+1"}"#, None).await;
    assert_eq!((r.status, r.body.as_str()), (422, "invalid event: missing field `callId`"));
    let r = post_to(&format!("{base}/twiml/incoming"), FORM, "From=1&To=2", None).await;
    assert_eq!((r.status, r.body.as_str()), (422, "invalid event: missing field `CallSid`"));
    let r = post_to(&v2, JSON, "", None).await;
    assert_eq!((r.status, r.body.as_str()), (400, "bad request: empty body"));
}

#[tokio::test]
async fn the_body_limit_is_configurable() {
    let app = Router::new()
        .route("/t", post(|TwimlWebhook(w): TwimlWebhook| async move { w.call().call_sid.to_string() }))
        .layer(axum::Extension(EventLimits { body_limit: 32 }));
    let base = serve(app).await;
    let r = post_to(&format!("{base}/t"), FORM, "CallSid=1", None).await;
    assert_eq!((r.status, r.body.as_str()), (200, "1"));
    let r = post_to(&format!("{base}/t"), FORM, format!("CallSid=1&Pad={}", "x".repeat(40)), None).await;
    assert_eq!(r.status, 413);
}

#[tokio::test]
async fn twilio_signatures_are_checked() {
    let app = Router::new()
        .route("/twiml/incoming", post(|TwimlWebhook(w): TwimlWebhook| async move { w.call().call_sid.to_string() }))
        .layer(TwilioSignatureLayer::new("token").base_url("https://calls.example.com"));
    let base = serve(app).await;
    let params: Vec<(String, String)> = serde_urlencoded::from_str(ACML_FORM).unwrap();
    let good = callml::signature::twilio_signature("token", "https://calls.example.com/twiml/incoming", &params);
    let send = |sig: Option<String>| {
        let url = format!("{base}/twiml/incoming");
        async move {
            let mut req = reqwest::Client::new().post(url).header("content-type", FORM).body(ACML_FORM);
            if let Some(s) = sig {
                req = req.header("x-twilio-signature", s);
            }
            let res = req.send().await.unwrap();
            (res.status().as_u16(), res.text().await.unwrap())
        }
    };
    assert_eq!(send(Some(good.clone())).await, (200, "IDfbf7e812".to_owned()));
    let forged = callml::signature::twilio_signature("guess", "https://calls.example.com/twiml/incoming", &params);
    assert_eq!(send(Some(forged)).await, (403, "invalid X-Twilio-Signature".to_owned()));
    assert_eq!(send(None).await, (403, "missing X-Twilio-Signature".to_owned()));
    let tampered = reqwest::Client::new()
        .post(format!("{base}/twiml/incoming"))
        .header("content-type", FORM)
        .header("x-twilio-signature", good)
        .body(ACML_FORM.replace("Ada", "Eve"))
        .send()
        .await
        .unwrap();
    assert_eq!(tampered.status().as_u16(), 403);
}
