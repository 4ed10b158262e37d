//! The `callml` binary, run for real: every command, every exit code, stdin, bad input.
#![cfg(feature = "cli")]

mod common;

use std::process::Output;

fn callml(args: &[&str], stdin: Option<&[u8]>) -> Output {
    common::run_callml(args, stdin.unwrap_or_default())
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}
fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

struct Dir(std::path::PathBuf);
impl Dir {
    fn new(name: &str) -> Dir {
        let p = std::env::temp_dir().join(format!("callml-cli-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&p).unwrap();
        Dir(p)
    }
    fn file(&self, name: &str, content: impl AsRef<[u8]>) -> String {
        let p = self.0.join(name);
        std::fs::write(&p, content).unwrap();
        p.display().to_string()
    }
}
impl Drop for Dir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[test]
fn check_reports_findings_with_positions_and_exit_codes() {
    let d = Dir::new("check");
    let clean = d.file("clean.xml", "<Response><Say>Hi</Say></Response>");
    let warn = d.file("warn.xml", "<Response>\n  <Hangup/>\n  <Say>late</Say>\n</Response>\n");
    let bad = d.file("bad.xml", "<Response>\n  <Gather>\n    <Dial>1</Dial>\n  </Gather>\n</Response>");
    let lint_error = d.file("lint.xml", "<Response>\n  <Pause length=\"0\"/>\n</Response>");

    let o = callml(&["check", &clean], None);
    assert_eq!((o.status.code(), stdout(&o)), (Some(0), String::new()));
    // Twilio's documented voicemail pattern: the Say runs when nothing was recorded.
    let voicemail = d.file(
        "voicemail.xml",
        r#"<Response><Record maxLength="20"/><Say>I did not receive a recording</Say></Response>"#,
    );
    let o = callml(&["check", "--strict", &voicemail], None);
    assert_eq!((o.status.code(), stdout(&o)), (Some(0), String::new()));

    let o = callml(&["check", &warn], None);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(
        stdout(&o),
        format!("{warn}:3:3: warning: never runs: it comes after <Hangup>, which leaves the document (Response/Say)\n")
    );
    let o = callml(&["check", "--strict", &warn], None);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains(":3:3: error: never runs"));

    let o = callml(&["check", &bad, &clean], None);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stdout(&o), format!("{bad}:3:5: error: <Dial> is not allowed inside <Gather> (Response/Gather/Dial)\n"));

    let o = callml(&["check", &lint_error], None);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stdout(&o), format!("{lint_error}:2:3: error: `length` must be greater than 0 (Response/Pause)\n"));
}

#[test]
fn check_dialects_and_profiles() {
    let d = Dir::new("profiles");
    let acml = d.file("acml.xml", r#"<Response><Play digits="1">a.mp3</Play></Response>"#);
    assert_eq!(callml(&["check", &acml], None).status.code(), Some(0));
    let o = callml(&["check", "--profile", "acml", &acml], None);
    assert!(stdout(&o).contains("warning: ACML does not document `digits`"), "{}", stdout(&o));
    let bxml = d.file("b.xml", r#"<Response><Gather maxDigits="60" gatherUrl="/g"/></Response>"#);
    let o = callml(&["check", &bxml], None);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains(":1:11: error: `maxDigits` is 60"), "{}", stdout(&o));
    let o = callml(&["check", "--dialect", "twiml", &bxml], None);
    assert!(stdout(&o).contains("unknown attribute `maxDigits`"), "{}", stdout(&o));
}

#[test]
fn check_bad_input_and_io_errors() {
    let d = Dir::new("bad");
    let garbage = d.file("garbage.bin", [0u8, 159, 146, 150, 1, 2, 255]);
    let empty = d.file("empty.xml", "");
    let huge = d.file("huge.xml", format!("<Response><Say>{}</Say></Response>", "a".repeat(50 << 20)));
    let o = callml(&["check", &garbage], None);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).starts_with(&format!("{garbage}:1:1: error: not UTF-8")), "{}", stdout(&o));
    let o = callml(&["check", &empty], None);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("error: not well-formed: no root element"), "{}", stdout(&o));
    let o = callml(&["check", &huge], None);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("error: input larger than 4194304 bytes"), "{}", stdout(&o));
    let o = callml(&["check", "/nonexistent/reply.xml"], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("/nonexistent/reply.xml: No such file"), "{}", stderr(&o));
    assert_eq!(callml(&["check"], None).status.code(), Some(2));
    assert_eq!(callml(&["frobnicate"], None).status.code(), Some(2));
    assert_eq!(callml(&["check", "--profile", "nope", "x"], None).status.code(), Some(2));
}

#[test]
fn check_reads_stdin() {
    let o = callml(&["check", "-"], Some(b"<Response><Say>Hi</Say><Hangup/><Say>x</Say></Response>"));
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).starts_with("-:1:"), "{}", stdout(&o));
}

#[test]
fn fmt_formats_and_checks() {
    let d = Dir::new("fmt");
    let messy = d.file("messy.xml", "<Response>\n<Say loop='2'   voice=\"man\">Hi</Say><Hangup></Hangup></Response>");
    let o = callml(&["fmt", &messy], None);
    assert_eq!(o.status.code(), Some(0));
    let compact = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Say loop=\"2\" voice=\"man\">Hi</Say><Hangup/></Response>\n";
    assert_eq!(stdout(&o), compact);
    let o = callml(&["fmt", "--pretty", "-"], Some(compact.as_bytes()));
    assert_eq!(
        stdout(&o),
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response>\n  <Say loop=\"2\" voice=\"man\">Hi</Say>\n  <Hangup/>\n</Response>\n"
    );
    let tidy = d.file("tidy.xml", compact);
    assert_eq!(callml(&["fmt", "--check", &tidy], None).status.code(), Some(0));
    let o = callml(&["fmt", "--check", &messy], None);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("not formatted"));
    let o = callml(&["fmt", "-"], Some(b"<Response><Gather>text</Gather></Response>"));
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stderr(&o).lines().count(), 1);
    assert!(
        stderr(&o).contains("line 1, column 11 (Response/Gather): text is not allowed inside <Gather>"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn render_and_to_json_round_trip() {
    let xml = "<Response><SpeakSentence voice=\"julie\">Hi</SpeakSentence><Pause duration=\"2.5\"/></Response>";
    let o = callml(&["to-json", "-"], Some(xml.as_bytes()));
    assert_eq!(o.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(
        json,
        serde_json::json!({"Response": [{"SpeakSentence": {"voice": "julie", "text": "Hi"}}, {"Pause": {"duration": 2.5}}]})
    );
    let o = callml(&["render", "-"], Some(json.to_string().as_bytes()));
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(stdout(&o), format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>{xml}\n"));
    let o = callml(&["render", "-"], Some(br#"{"Response": [{"Gather": {"numDigits": "x"}}]}"#));
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("Response[0].Gather.numDigits"), "{}", stderr(&o));
    let o = callml(&["render", "-"], Some(b"not json"));
    assert_eq!(o.status.code(), Some(1));
    let o = callml(&["render", "--dialect", "bxml", "-"], Some(br#"{"Bxml": [{"Hangup": {}}]}"#));
    assert_eq!(stdout(&o), "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Bxml><Hangup/></Bxml>\n");
}

#[test]
fn event_explains_payloads() {
    let o = callml(
        &["event", "--content-type", "application/x-www-form-urlencoded", "-"],
        Some(b"CallSid=ID1&From=3035550000&To=8044731212&Direction=inbound&PostStatus=new&ForwardedFrom=null"),
    );
    assert_eq!(o.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["provider"], "twiml");
    assert_eq!(v["eventType"], "incoming");
    assert_eq!(
        v["call"],
        serde_json::json!({"provider": "twiml", "eventType": "incoming", "callId": "ID1", "from": "3035550000", "to": "8044731212"})
    );
    assert_eq!(v["event"]["CallSid"], "ID1");

    let d = Dir::new("event");
    let v1 = d.file("v1.json", r#"{"eventType":"incomingcall","callId":"c-1","from":"+1","to":"+2","time":"t","diversion":{"origTo":"+3","counter":1}}"#);
    let o = callml(&["event", &v1], None);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!((v["provider"].as_str(), v["call"]["divertedFrom"].as_str()), (Some("bandwidth-v1"), Some("+3")));
    let o =
        callml(&["event", "--provider", "bandwidth-v2", "-"], Some(br#"{"eventType":"initiate","callId":"c","x":1}"#));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["event"]["x"], 1);

    // Every request of a TwiML-style call: the kind under `eventType`, typed fields under `event`.
    let gather = "AccountSid=AC1&ApiVersion=2010-04-01&CallSid=CA1&CallStatus=in-progress&Digits=42&Direction=inbound&FinishedOnKey=%23&From=%2B14155550100&To=%2B15005550006&msg=Gather+End";
    let v: serde_json::Value =
        serde_json::from_str(&stdout(&callml(&["event", "-"], Some(gather.as_bytes())))).unwrap();
    assert_eq!((v["eventType"].as_str(), v["call"]["eventType"].as_str()), (Some("gather"), Some("gather")));
    assert_eq!((v["event"]["Digits"].as_str(), v["event"]["FinishedOnKey"].as_str()), (Some("42"), Some("#")));
    let dial = "CallSid=CA1&DialCallStatus=no-answer&DialCallSid=CA2&DialCallDuration=0&Direction=inbound";
    let v: serde_json::Value = serde_json::from_str(&stdout(&callml(&["event", "-"], Some(dial.as_bytes())))).unwrap();
    assert_eq!((v["eventType"].as_str(), v["event"]["DialCallStatus"].as_str()), (Some("dial"), Some("no-answer")));
    assert_eq!(v["event"]["DialCallDuration"], 0);

    for bad in [&b""[..], b"{\"eventType\":", b"\xff\xfe", b"From=1", b"CallSid=1&Confidence=x&SpeechResult=y"] {
        let o = callml(&["event", "-"], Some(bad));
        assert_eq!(o.status.code(), Some(1), "{bad:?}");
        assert_eq!(stderr(&o).lines().count(), 1, "{}", stderr(&o));
        assert!(stdout(&o).is_empty());
    }
    assert_eq!(callml(&["event", "/nonexistent"], None).status.code(), Some(2));
}

#[test]
fn help_has_examples() {
    let o = callml(&["--help"], None);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("callml check handlers/*.xml"));
    for cmd in ["check", "fmt", "render", "to-json", "event"] {
        let o = callml(&[cmd, "--help"], None);
        assert!(stdout(&o).contains("Example"), "{cmd}");
    }
}

/// `callml check --strict --dialect twiml` finds nothing unknown in any reference document of the
/// rest of the voice vocabulary (as twilio-python 9.13.0, or twilio-node 6.3.1 where Python lacks
/// something, renders it); the only findings are Twilio's own deprecations.
#[test]
fn check_knows_every_element_twilio_python_builds() {
    let d = Dir::new("twiml-more");
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/vectors/twiml-more.json");
    let all: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let mut files = Vec::new();
    for v in all["vectors"].as_array().unwrap() {
        let xml = v["python"].as_str().or(v["node"].as_str()).unwrap();
        files.push(d.file(&format!("{}.xml", v["name"].as_str().unwrap()), xml));
    }
    let args: Vec<&str> =
        ["check", "--strict", "--dialect", "twiml"].into_iter().chain(files.iter().map(String::as_str)).collect();
    let o = callml(&args, None);
    let out = stdout(&o);
    assert!(!out.contains("unknown"), "{out}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2, "{out}");
    assert!(lines[0].contains("sms.xml:1:49: error: <Sms> is deprecated by Twilio"), "{out}");
    assert!(lines[1].contains("connect-autopilot.xml") && lines[1].contains("retired Twilio product"), "{out}");
}
