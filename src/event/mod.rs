//! Call events: typed, tolerant parsing of Bandwidth v1 JSON (and its v1 BXML-mode query strings),
//! Bandwidth v2 JSON, and every request of a TwiML-style call (the incoming call, status callbacks,
//! and the action and status callbacks of each verb: [`TwimlEvent`]), plus one
//! provider-independent view. Every event also writes itself back to the wire
//! ([`Event::to_body`]), so that reading what it wrote gives the same value.
//!
//! Tolerant by construction: unknown keys are kept (in order) in each struct's `extra`, unknown
//! enum values as `Other`, unknown event types as `Unknown { event_type, raw }`. Strings borrow
//! from the body where they can (`Cow`); `into_owned()` gives `'static` events for storing.
//!
//! ```
//! use callml::event::{parse, Event, BandwidthV2Event};
//! let body = br#"{"eventType":"initiate","callId":"c-1","from":"+15551112222","to":"+15553334444",
//!                 "diversion":{"origTo":"+15558884444","reason":"user-busy","counter":1,"x-new":"kept"}}"#;
//! let event = parse(Some("application/json"), body).unwrap();
//! let Event::BandwidthV2(BandwidthV2Event::Initiate(initiate)) = &event else { panic!() };
//! let diversion = initiate.diversion.as_ref().unwrap();
//! assert_eq!(diversion.extra["x-new"], "kept");
//! let call = event.call().unwrap();
//! assert_eq!((call.call_id, call.diverted_from), ("c-1", Some("+15558884444")));
//! ```

mod address;
mod bandwidth_v1;
mod bandwidth_v2;
pub(crate) mod define;
pub(crate) mod field;
mod form;
mod scan;
mod twiml_kind;
mod twiml_requests;
mod values;
mod view;

use std::borrow::Cow;

pub use address::{Address, AddressKind};
pub use bandwidth_v1::{
    BandwidthV1Event, IncomingCall, V1Answer, V1Call, V1Dtmf, V1Gather, V1Hangup, V1Playback, V1Recording,
};
pub use bandwidth_v2::{
    Answer, BandwidthV2Event, BridgeComplete, CallInfo, ConferenceEvent, Disconnect, Diversion, Dtmf, ErrorInfo,
    GatherEvent, Initiate, MachineDetectionComplete, MachineDetectionResult, RecordComplete, RecordingAvailable,
    RecordingInfo, RedirectEvent, StirShaken, TransferAnswer, TransferComplete, TransferDisconnect, TransferInfo,
};
pub use field::{IntoOwned, StringOrNumber};
pub use twiml_kind::TwimlEventKind;
pub use twiml_requests::{
    AmdStatusCallback, CallParams, DialAction, EnqueueAction, FallbackRequest, GatherAction, GatherPartialResult,
    IncomingRequest, PayAction, RecordAction, RecordingStatusCallback, StatusCallback, StreamStatusCallback,
    TranscriptionCallback, TwimlEvent, TwimlRequest,
};
pub use values::*;
pub use view::{CallView, Provider};

/// Why an event could not be read. Each says what and where.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum EventError {
    /// The body is empty.
    #[error("empty body")]
    Empty,
    /// The body is not UTF-8.
    #[error("body is not UTF-8 (invalid byte at offset {offset})")]
    NotUtf8 {
        /// Byte offset of the first invalid byte.
        offset: usize,
    },
    /// Not valid JSON, or a field of the wrong type.
    #[error("invalid JSON at line {line}, column {column}: {message}")]
    Json {
        /// What is wrong (names the field when one is at fault).
        message: String,
        /// Line, from 1.
        line: usize,
        /// Column, from 1.
        column: usize,
        /// serde_json's error.
        #[source]
        source: JsonCause,
    },
    /// A form body that could not be decoded.
    #[error("invalid form body: {0}")]
    Form(String),
    /// A required field is missing.
    #[error("missing field `{0}`")]
    MissingField(String),
    /// A form key that appears more than once (forms are read one way: a repeated key is an
    /// error, never a silent first-or-last-wins).
    #[error("field `{0}` appears more than once")]
    DuplicateField(String),
    /// A TwiML-style request of another kind than the one asked for (for example a Dial action
    /// body read as a Gather action).
    #[error("expected a request of kind `{expected}`, found `{found}`")]
    UnexpectedKind {
        /// The kind asked for (a [`TwimlEventKind`] name).
        expected: &'static str,
        /// The kind the body is.
        found: &'static str,
    },
    /// A field that could not be read.
    #[error("field `{field}`: {message}")]
    InvalidField {
        /// The field.
        field: String,
        /// Why.
        message: String,
    },
    /// The body is not a call event of a known format.
    #[error("not a call event: {0}")]
    NotACallEvent(String),
}

impl EventError {
    /// A JSON error; `missing` is the required key the event struct reported missing, if any.
    fn from_json_error(e: serde_json::Error, missing: Option<&'static str>) -> Self {
        if let Some(field) = missing {
            return EventError::MissingField(field.to_owned());
        }
        let message = e.to_string();
        // serde_json appends " at line L column C" (kept apart, as `line` and `column`).
        let message = message.rsplit_once(" at line ").map_or(message.as_str(), |(m, _)| m).to_owned();
        EventError::Json { message, line: e.line(), column: e.column(), source: JsonCause(std::sync::Arc::new(e)) }
    }
}

/// The [`serde_json::Error`] behind [`EventError::Json`] (its `source()`), for
/// [`classify`](serde_json::Error::classify) and the like. Compared by message.
///
/// ```
/// use std::error::Error;
/// let e = callml::event::parse(Some("application/json"), br#"{"eventType": "initiate", "#).unwrap_err();
/// let cause = e.source().unwrap().downcast_ref::<callml::event::JsonCause>().unwrap();
/// assert!(cause.is_eof());
/// ```
#[derive(Debug, Clone)]
pub struct JsonCause(std::sync::Arc<serde_json::Error>);

impl std::ops::Deref for JsonCause {
    type Target = serde_json::Error;
    fn deref(&self) -> &serde_json::Error {
        &self.0
    }
}
impl PartialEq for JsonCause {
    fn eq(&self, other: &Self) -> bool {
        self.0.to_string() == other.0.to_string()
    }
}
impl Eq for JsonCause {}
impl std::fmt::Display for JsonCause {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}
impl std::error::Error for JsonCause {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&*self.0)
    }
}

/// Any event, as detected from content type and body.
// A TwiML-style request carries ~40 optional call parameters inline; boxing it would cost an
// allocation per request and a `Box` in every pattern, for an event that is read once and rarely
// moved.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(untagged)]
pub enum Event<'a> {
    /// Bandwidth v1 (Catapult).
    BandwidthV1(BandwidthV1Event<'a>),
    /// Bandwidth v2.
    BandwidthV2(BandwidthV2Event<'a>),
    /// A request of a TwiML-style call.
    Twiml(TwimlEvent<'a>),
}

impl Event<'_> {
    /// The provider format.
    pub fn provider(&self) -> Provider {
        match self {
            Event::BandwidthV1(_) => Provider::BandwidthV1,
            Event::BandwidthV2(_) => Provider::BandwidthV2,
            Event::Twiml(_) => Provider::Twiml,
        }
    }

    /// The event type: Bandwidth's `eventType` as sent; for TwiML-style requests the
    /// [`TwimlEventKind`] (`incoming`, `status`, `gather`, `dial`, ...).
    pub fn event_type(&self) -> &str {
        match self {
            Event::BandwidthV1(e) => e.event_type(),
            Event::BandwidthV2(e) => e.event_type(),
            Event::Twiml(e) => e.kind().as_str(),
        }
    }

    /// The body the provider sends for this event, with its content type: a form for TwiML-style
    /// requests, JSON for Bandwidth. [`parse`] reads it back to an equal event.
    ///
    /// ```
    /// use callml::event::parse;
    /// let event = parse(None, b"CallSid=CA1&Digits=42&msg=Gather+End").unwrap();
    /// let (content_type, body) = event.to_body();
    /// assert_eq!((content_type, body.as_str()), ("application/x-www-form-urlencoded", "CallSid=CA1&Digits=42&msg=Gather+End"));
    /// assert_eq!(parse(Some(content_type), body.as_bytes()).unwrap(), event);
    /// ```
    pub fn to_body(&self) -> (&'static str, String) {
        match self {
            Event::BandwidthV1(e) => match e.ambiguous_as_query() {
                Some(query) => ("application/x-www-form-urlencoded", query),
                None => ("application/json", e.to_json()),
            },
            Event::BandwidthV2(e) => ("application/json", e.to_json()),
            Event::Twiml(e) => ("application/x-www-form-urlencoded", e.to_form()),
        }
    }

    /// The same event owning its data.
    pub fn into_owned(self) -> Event<'static> {
        match self {
            Event::BandwidthV1(e) => Event::BandwidthV1(e.into_owned()),
            Event::BandwidthV2(e) => Event::BandwidthV2(e.into_owned()),
            Event::Twiml(e) => Event::Twiml(e.into_owned()),
        }
    }

    /// `{"provider", "eventType", "call", "event"}`: what `callml event` prints.
    pub fn to_summary_json(&self) -> serde_json::Value {
        let mut out = serde_json::Map::new();
        out.insert("provider".into(), self.provider().as_str().into());
        out.insert("eventType".into(), self.event_type().into());
        if let Some(call) = self.call() {
            out.insert("call".into(), serde_json::to_value(call).unwrap_or_default());
        }
        out.insert("event".into(), serde_json::to_value(self).unwrap_or_default());
        serde_json::Value::Object(out)
    }
}

/// Reads an event, detecting the format from the content type and the body: JSON with
/// `eventType` `incomingcall` (or v1 fields) is v1, `initiate` (or v2 fields) is v2; a form or
/// query string with `CallSid` is a TwiML-style request (its kind told by
/// [`TwimlEventKind::detect`]), one with `eventType` is v1 BXML mode.
///
/// ```
/// use callml::event::{parse, Provider, EventError};
/// let e = parse(Some("application/json; charset=utf-8"), br#"{"eventType":"incomingcall","callId":"c-1"}"#).unwrap();
/// assert_eq!(e.provider(), Provider::BandwidthV1);
/// assert_eq!(parse(None, b""), Err(EventError::Empty));
/// ```
pub fn parse<'a>(content_type: Option<&str>, body: &'a [u8]) -> Result<Event<'a>, EventError> {
    parse_as(None, content_type, body)
}

/// Reads an event from the given provider (or detects it, for `None`, as [`parse`] does). A
/// Bandwidth v1 body may be JSON or a query string.
///
/// ```
/// use callml::event::{Provider, parse_as};
/// let e = parse_as(Some(Provider::BandwidthV2), None, br#"{"eventType":"initiate","callId":"c"}"#).unwrap();
/// assert_eq!(e.provider(), Provider::BandwidthV2);
/// ```
pub fn parse_as<'a>(
    provider: Option<Provider>,
    content_type: Option<&str>,
    body: &'a [u8],
) -> Result<Event<'a>, EventError> {
    let text = std::str::from_utf8(body).map_err(|e| EventError::NotUtf8 { offset: e.valid_up_to() })?;
    let trimmed = text.trim_start();
    if trimmed.is_empty() {
        return Err(EventError::Empty);
    }
    let media = content_type.map(|c| c.split(';').next().unwrap_or("").trim().to_ascii_lowercase());
    let json = match media.as_deref() {
        Some("application/json") | Some("text/json") => true,
        Some(m) if m.ends_with("+json") => true,
        Some("application/x-www-form-urlencoded") => false,
        _ => trimmed.starts_with('{') || trimmed.starts_with('['),
    };
    match provider {
        Some(Provider::Twiml) => return TwimlEvent::from_form(text.trim()).map(Event::Twiml),
        Some(Provider::BandwidthV1) if !json => {
            return BandwidthV1Event::from_query(text.trim()).map(Event::BandwidthV1);
        }
        Some(Provider::BandwidthV1) => return BandwidthV1Event::from_json(text).map(Event::BandwidthV1),
        Some(Provider::BandwidthV2) => return BandwidthV2Event::from_json(text).map(Event::BandwidthV2),
        None => {}
    }
    if json {
        let probe = probe(text, true)?;
        let v2 = match probe.name.as_ref() {
            "initiate" => true,
            "incomingcall" => false,
            _ => probe.v2_fields || !probe.v1_fields,
        };
        if v2 {
            BandwidthV2Event::from_source(&probe.name, &JsonText(text)).map(Event::BandwidthV2)
        } else {
            BandwidthV1Event::from_source(&probe.name, &JsonText(text)).map(Event::BandwidthV1)
        }
    } else {
        let form = text.trim();
        let pairs = form::split(form);
        match twiml_kind::form_kind(&pairs) {
            twiml_kind::FormKind::Twiml(kind) => TwimlEvent::read(kind, pairs).map(Event::Twiml),
            twiml_kind::FormKind::BandwidthV1 => BandwidthV1Event::from_query(form).map(Event::BandwidthV1),
            twiml_kind::FormKind::NotACallEvent => {
                Err(EventError::NotACallEvent("a form without `CallSid` or `eventType`".into()))
            }
        }
    }
}

/// What the first pass learns: the event type and which generation's fields are present.
pub(crate) struct Probe<'a> {
    pub(crate) name: Cow<'a, str>,
    v1_fields: bool,
    v2_fields: bool,
}

/// Reads `eventType` (and notes v1/v2 marker keys) without building the event.
pub(crate) fn probe_event_type(body: &str) -> Result<Probe<'_>, EventError> {
    probe(body, false)
}

/// Like [`probe_event_type`]; with `markers`, also notes which generation's keys are present.
fn probe(body: &str, markers: bool) -> Result<Probe<'_>, EventError> {
    #[derive(serde::Deserialize)]
    struct Keys<'a> {
        #[serde(rename = "eventType", borrow)]
        event_type: Option<Cow<'a, str>>,
        #[serde(rename = "eventTime")]
        event_time: Option<serde::de::IgnoredAny>,
        #[serde(rename = "callUrl")]
        call_url: Option<serde::de::IgnoredAny>,
        #[serde(rename = "accountId")]
        account_id: Option<serde::de::IgnoredAny>,
        #[serde(rename = "callUri")]
        call_uri: Option<serde::de::IgnoredAny>,
        time: Option<serde::de::IgnoredAny>,
    }
    if body.trim().is_empty() {
        return Err(EventError::Empty);
    }
    if let Some(scan) = scan::top_level(body, markers) {
        if let Some(name) = scan.event_type {
            return Ok(Probe { name: Cow::Borrowed(name), v1_fields: scan.v1_fields, v2_fields: scan.v2_fields });
        }
    }
    let keys: Keys<'_> = serde_json::from_str(body).map_err(|e| match e.classify() {
        serde_json::error::Category::Data => EventError::NotACallEvent(format!("expected a JSON object: {e}")),
        _ => EventError::from_json_error(e, None),
    })?;
    let name = keys.event_type.ok_or_else(|| EventError::MissingField("eventType".into()))?;
    Ok(Probe {
        name,
        v1_fields: keys.call_uri.is_some() || keys.time.is_some(),
        v2_fields: keys.event_time.is_some() || keys.call_url.is_some() || keys.account_id.is_some(),
    })
}

/// Where an event's typed struct is read from.
pub(crate) trait Source<'a> {
    fn parse<T: define::EventStruct<'a>>(&self) -> Result<T, EventError>;
    fn raw(&self) -> Result<serde_json::Value, EventError>;
}

/// A JSON body (strings borrowed where possible).
pub(crate) struct JsonText<'a>(pub(crate) &'a str);

impl<'a> Source<'a> for JsonText<'a> {
    fn parse<T: define::EventStruct<'a>>(&self) -> Result<T, EventError> {
        let missing = std::cell::Cell::new(None);
        let mut de = serde_json::Deserializer::from_str(self.0);
        T::deserialize_reporting(&mut de, &missing)
            .and_then(|event| de.end().map(|()| event))
            .map_err(|e| EventError::from_json_error(e, missing.get()))
    }
    fn raw(&self) -> Result<serde_json::Value, EventError> {
        serde_json::from_str(self.0).map_err(|e| EventError::from_json_error(e, None))
    }
}

/// An already-built JSON value (v1 query strings).
pub(crate) struct JsonValue(pub(crate) serde_json::Value);

impl Source<'static> for JsonValue {
    fn parse<T: define::EventStruct<'static>>(&self) -> Result<T, EventError> {
        let missing = std::cell::Cell::new(None);
        T::deserialize_reporting(self.0.clone(), &missing).map_err(|e| EventError::from_json_error(e, missing.get()))
    }
    fn raw(&self) -> Result<serde_json::Value, EventError> {
        Ok(self.0.clone())
    }
}

/// Writes an event as JSON. Event types serialize to objects with string keys and finite or
/// null numbers, which serde_json always writes.
pub(crate) fn write_json<T: serde::Serialize + ?Sized>(event: &T) -> String {
    serde_json::to_string(event).unwrap_or_else(|e| unreachable!("an event type did not serialize: {e}"))
}
