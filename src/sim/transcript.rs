//! What happened on a simulated call: one event per thing a listener on the line or the
//! application would notice, on the virtual clock; rendered as text or as versioned JSON.

use std::fmt::Write as _;

use serde::Serialize;

/// How a call ended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Outcome {
    /// The final call status: `completed`, `busy`, `no-answer`, `failed`, `canceled`.
    pub status: String,
    /// Why: `document-end`, `hangup-verb`, `caller`, `reject`, `app-error`, `callback-error`,
    /// `invalid-document`, `limit`, `forwarded`, `unsupported`.
    pub cause: EndCause,
    /// Virtual length of the call, in milliseconds.
    pub duration_ms: u64,
    /// Documents the application served.
    pub documents: u32,
    /// Requests the simulator sent (flow-driving and asynchronous).
    pub requests: u32,
}

/// Why a simulated call ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum EndCause {
    /// The document ran out of verbs.
    DocumentEnd,
    /// A `<Hangup>` verb.
    HangupVerb,
    /// The caller hung up.
    Caller,
    /// A `<Reject>` verb.
    Reject,
    /// The application failed (TwiML: no fallback, or the fallback failed too).
    AppError,
    /// A Bandwidth callback failed.
    CallbackError,
    /// A Bandwidth reply that is not valid BXML.
    InvalidDocument,
    /// A budget of the simulator ran out (documents, call time).
    Limit,
    /// `<Forward>`: the application lost control of the call.
    Forwarded,
    /// A verb the simulator does not run yet, after which the call would leave the document.
    Unsupported,
}

impl EndCause {
    /// The name used in scripts and transcripts (`document-end`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            EndCause::DocumentEnd => "document-end",
            EndCause::HangupVerb => "hangup-verb",
            EndCause::Caller => "caller",
            EndCause::Reject => "reject",
            EndCause::AppError => "app-error",
            EndCause::CallbackError => "callback-error",
            EndCause::InvalidDocument => "invalid-document",
            EndCause::Limit => "limit",
            EndCause::Forwarded => "forwarded",
            EndCause::Unsupported => "unsupported",
        }
    }
}

/// One event of a transcript, at virtual time `t` (milliseconds from the first request).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TranscriptEvent {
    /// Virtual time in milliseconds.
    pub t: u64,
    /// The element of the current document this comes from (`Response/Gather[2]`, the paths
    /// `validate()` uses), for events of a verb.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// What happened.
    #[serde(flatten)]
    pub kind: EventKind,
}

/// What happened. The JSON form tags each with `"kind"`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
#[non_exhaustive]
pub enum EventKind {
    /// A request to the application: flow-driving (`notify: false`, its reply is a document) or
    /// asynchronous (`notify: true`, its reply is ignored).
    #[serde(rename_all = "camelCase")]
    Request {
        /// `GET` or `POST`.
        method: String,
        /// The absolute URL.
        url: String,
        /// What the request is (`incoming`, `gather`, `dial`, `status`, `initiate`, ...).
        event_type: String,
        /// Form or query parameters (TwiML-style), in order.
        #[serde(skip_serializing_if = "Vec::is_empty")]
        form: Vec<(String, String)>,
        /// JSON body (Bandwidth).
        #[serde(skip_serializing_if = "Option::is_none")]
        json: Option<serde_json::Value>,
        /// Headers the provider adds (signature, authorization).
        #[serde(skip_serializing_if = "Vec::is_empty")]
        headers: Vec<(String, String)>,
        /// Whether the reply is ignored.
        notify: bool,
    },
    /// The application's reply.
    #[serde(rename_all = "camelCase")]
    Response {
        /// HTTP status (0 when the application could not be reached).
        status: u16,
        /// Content type.
        content_type: String,
        /// Body size in bytes.
        bytes: usize,
        /// The verbs of the document, in order.
        #[serde(skip_serializing_if = "Vec::is_empty")]
        verbs: Vec<String>,
        /// The document in the crate's JSON form.
        #[serde(skip_serializing_if = "Option::is_none")]
        document: Option<serde_json::Value>,
    },
    /// The call was answered.
    Answered,
    /// Speech played to the caller (Say / SpeakSentence).
    #[serde(rename_all = "camelCase")]
    Say {
        /// The text.
        text: String,
        /// The voice, when set.
        #[serde(skip_serializing_if = "Option::is_none")]
        voice: Option<String>,
        /// How long it played.
        duration_ms: u64,
    },
    /// Audio played (Play / PlayAudio).
    #[serde(rename_all = "camelCase")]
    Play {
        /// The media URL (or the tones of Play `digits`).
        url: String,
        /// How long it played.
        duration_ms: u64,
    },
    /// Silence (Pause).
    #[serde(rename_all = "camelCase")]
    Pause {
        /// How long.
        duration_ms: u64,
    },
    /// A verb that collects input or does something the caller notices (Gather, Record, Dial,
    /// Transfer, Redirect, Hangup, Reject, Tag, Forward, ...), with its attributes.
    Element {
        /// The element name.
        name: String,
        /// Its attributes as written.
        attrs: Vec<(String, String)>,
        /// Dial/Transfer targets; Redirect URL.
        #[serde(skip_serializing_if = "Vec::is_empty")]
        targets: Vec<String>,
    },
    /// The call waits for the caller.
    Listen {
        /// What it listens for: `dtmf`, `speech`, `record`, `star`.
        input: Vec<String>,
        /// Until when (virtual time).
        until: u64,
    },
    /// The caller did something.
    Input {
        /// What, in script words (`press 1`, `say "sales"`, `speak 5s`, `hang up`).
        what: String,
    },
    /// The prompt before it was cut short by the caller's input (barge-in).
    #[serde(rename_all = "camelCase")]
    Interrupted {
        /// How long it had played.
        after_ms: u64,
    },
    /// Caller input that nothing listened to.
    Lost {
        /// What was lost.
        what: String,
    },
    /// How a dialled or transferred call went.
    #[serde(rename_all = "camelCase")]
    DialOutcome {
        /// The target.
        target: String,
        /// `completed`, `busy`, `no-answer`, `failed`, `canceled`.
        outcome: String,
        /// Ring time.
        ring_ms: u64,
        /// Talk time.
        talk_ms: u64,
    },
    /// Something worth knowing that is not an error: a lint finding, a default the simulator
    /// chose, a behaviour it assumed.
    Warning {
        /// What.
        message: String,
    },
    /// A provider-visible application error (Twilio error code, Bandwidth cause).
    Error {
        /// The provider's code (`11200`, `12100`, `callback-error`, ...).
        code: String,
        /// What went wrong.
        message: String,
    },
    /// A `note` step of the script.
    Note {
        /// The text.
        text: String,
    },
    /// The call ended.
    Ended(Outcome),
}

impl EventKind {
    /// The name scripts match with `expect KIND` (`say`, `play`, `pause`, `gather`, `request`,
    /// `notify`, `answered`, `hangup`, `end`, ...).
    pub fn name(&self) -> String {
        match self {
            EventKind::Request { notify: false, .. } => "request".into(),
            EventKind::Request { notify: true, .. } => "notify".into(),
            EventKind::Response { .. } => "response".into(),
            EventKind::Answered => "answered".into(),
            EventKind::Say { .. } => "say".into(),
            EventKind::Play { .. } => "play".into(),
            EventKind::Pause { .. } => "pause".into(),
            EventKind::Element { name, .. } => name.to_ascii_lowercase(),
            EventKind::Listen { .. } => "listen".into(),
            EventKind::Input { .. } => "input".into(),
            EventKind::Lost { .. } => "lost".into(),
            EventKind::Interrupted { .. } => "interrupted".into(),
            EventKind::DialOutcome { .. } => "outcome".into(),
            EventKind::Warning { .. } => "warning".into(),
            EventKind::Error { .. } => "error".into(),
            EventKind::Note { .. } => "note".into(),
            EventKind::Ended(_) => "end".into(),
        }
    }
}

/// The record of one simulated call.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Transcript {
    /// `sim`, the profile name.
    pub provider: String,
    /// The seed of ids and timestamps.
    pub seed: u64,
    /// The call id.
    #[serde(rename = "callId")]
    pub call_id: String,
    /// Every event, in order.
    pub events: Vec<TranscriptEvent>,
}

impl Transcript {
    /// How the call ended (`None` while it runs).
    pub fn outcome(&self) -> Option<&Outcome> {
        self.events.iter().rev().find_map(|e| match &e.kind {
            EventKind::Ended(o) => Some(o),
            _ => None,
        })
    }

    /// The text form: one line per event, virtual time first.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        for event in &self.events {
            let _ = writeln!(out, "{:>6}  {}", seconds(event.t), line(&event.kind));
        }
        out
    }

    /// The JSON form (`{"callmlSim": 1, "provider", "seed", "callId", "events", "outcome"}`).
    pub fn to_json(&self) -> serde_json::Value {
        let mut value = serde_json::json!({"callmlSim": 1});
        if let (Some(map), Ok(serde_json::Value::Object(rest))) = (value.as_object_mut(), serde_json::to_value(self)) {
            map.extend(rest);
            map.insert("outcome".into(), serde_json::to_value(self.outcome()).unwrap_or_default());
        }
        value
    }
}

fn seconds(ms: u64) -> String {
    format!("{}.{}s", ms / 1000, (ms % 1000) / 100)
}

fn attrs(attrs: &[(String, String)]) -> String {
    attrs.iter().map(|(k, v)| format!(" {k}={v}")).collect()
}

fn line(kind: &EventKind) -> String {
    match kind {
        EventKind::Request { method, url, form, json, notify, .. } => {
            let arrow = if *notify { "~>" } else { "->" };
            let params: String = form.iter().map(|(k, v)| format!(" {k}={v}")).collect();
            let json = json.as_ref().map(|j| format!(" {j}")).unwrap_or_default();
            format!("{arrow} {method} {url}{params}{json}")
        }
        EventKind::Response { status, content_type, bytes, verbs, .. } => {
            let verbs = if verbs.is_empty() { String::new() } else { format!(": {}", verbs.join(", ")) };
            format!("<- {status} {content_type} {bytes} B{verbs}")
        }
        EventKind::Answered => "   answered".into(),
        EventKind::Say { text, voice, duration_ms } => {
            let voice = voice.as_ref().map(|v| format!("[{v}]")).unwrap_or_default();
            format!("   say{voice} {text:?} ({})", seconds(*duration_ms))
        }
        EventKind::Play { url, duration_ms } => format!("   play {url} ({})", seconds(*duration_ms)),
        EventKind::Pause { duration_ms } => format!("   pause {}", seconds(*duration_ms)),
        EventKind::Element { name, attrs: a, targets } => {
            let targets: String = targets.iter().map(|t| format!(" {t}")).collect();
            format!("   {}{targets}{}", name.to_ascii_lowercase(), attrs(a))
        }
        EventKind::Listen { input, until } => format!("   listening ({}, until {})", input.join(", "), seconds(*until)),
        EventKind::Input { what } => format!("   caller: {what}"),
        EventKind::Lost { what } => format!("   lost: {what}"),
        EventKind::Interrupted { after_ms } => format!("   (interrupted after {})", seconds(*after_ms)),
        EventKind::DialOutcome { target, outcome, ring_ms, talk_ms } => {
            format!("   {target}: rang {}, {outcome}, talked {}", seconds(*ring_ms), seconds(*talk_ms))
        }
        EventKind::Warning { message } => format!("   warning: {message}"),
        EventKind::Error { code, message } => format!("   error {code}: {message}"),
        EventKind::Note { text } => format!("   note: {text}"),
        EventKind::Ended(o) => format!(
            "   ended: {} ({}), {}, {} documents, {} requests",
            o.status,
            o.cause.as_str(),
            seconds(o.duration_ms),
            o.documents,
            o.requests
        ),
    }
}
