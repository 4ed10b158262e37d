//! Bandwidth Voice v1 ("Catapult") events: `incomingcall` and the other call events, from JSON
//! bodies or from the GET query strings of v1 BXML mode.

use std::borrow::Cow;

use super::bandwidth_v2::Diversion;
use super::define::event_struct;
use super::field::IntoOwned;
use super::{V1Cause, V1GatherReason};

event_struct! {
    /// The fields v1 call events share.
    pub struct V1Call<'a> {
        /// The event type as sent (`incomingcall`, `answer`, ...).
        req event_type: Cow<'a, str> = "eventType",
        /// Call id.
        req call_id: Cow<'a, str> = "callId",
        /// Full URL of the call resource.
        opt call_uri: Cow<'a, str> = "callUri",
        /// Caller: E.164 or SIP address.
        opt from: Cow<'a, str> = "from",
        /// Called party.
        opt to: Cow<'a, str> = "to",
        /// `active`, ...
        opt call_state: Cow<'a, str> = "callState",
        /// Application id.
        opt application_id: Cow<'a, str> = "applicationId",
        /// When (ISO 8601; offsets vary).
        opt time: Cow<'a, str> = "time",
        /// The call's tag.
        opt tag: Cow<'a, str> = "tag",
    }
}

event_struct! {
    /// `incomingcall`: an inbound call arrived (REST mode: reply with a status code only).
    pub struct IncomingCall<'a> {
        ..call: V1Call,
        /// Present when the call was diverted.
        opt diversion: Diversion<'a> = "diversion",
        /// Caller display name (real payloads).
        opt display_name: Cow<'a, str> = "displayName",
        /// `"true"`/`"false"` as a string (real payloads).
        opt withhold_caller_number: Cow<'a, str> = "withholdCallerNumber",
        /// `"true"`/`"false"` as a string (real payloads).
        opt withhold_caller_name: Cow<'a, str> = "withholdCallerName",
    }
}

event_struct! {
    /// `answer`.
    pub struct V1Answer<'a> {
        ..call: V1Call,
        /// Present when the call was diverted.
        opt diversion: Diversion<'a> = "diversion",
    }
}

event_struct! {
    /// `hangup` (a rejected call also arrives as `hangup` with `CALL_REJECTED`).
    pub struct Hangup<'a> {
        ..call: V1Call,
        /// Why.
        opt cause: V1Cause = "cause",
    }
}

event_struct! {
    /// `gather`.
    pub struct V1Gather<'a> {
        ..call: V1Call,
        /// Gather id.
        opt gather_id: Cow<'a, str> = "gatherId",
        /// `completed`.
        opt state: Cow<'a, str> = "state",
        /// The digits.
        opt digits: Cow<'a, str> = "digits",
        /// Why it ended.
        opt reason: V1GatherReason = "reason",
    }
}

event_struct! {
    /// `dtmf`.
    pub struct V1Dtmf<'a> {
        ..call: V1Call,
        /// The digit.
        opt dtmf_digit: Cow<'a, str> = "dtmfDigit",
    }
}

event_struct! {
    /// `speak` / `playback`.
    pub struct Playback<'a> {
        ..call: V1Call,
        /// `started` or `done`.
        opt status: Cow<'a, str> = "status",
        /// `PLAYBACK_START` / `PLAYBACK_STOP` (speak).
        opt state: Cow<'a, str> = "state",
    }
}

event_struct! {
    /// `recording`.
    pub struct Recording<'a> {
        ..call: V1Call,
        /// Recording id.
        opt recording_id: Cow<'a, str> = "recordingId",
        /// Recording resource URL.
        opt recording_uri: Cow<'a, str> = "recordingUri",
        /// `complete` or `error`.
        opt state: Cow<'a, str> = "state",
        /// `complete` or `error`.
        opt status: Cow<'a, str> = "status",
        /// Start time.
        opt start_time: Cow<'a, str> = "startTime",
        /// End time.
        opt end_time: Cow<'a, str> = "endTime",
    }
}

/// A Bandwidth v1 event, by `eventType`.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum BandwidthV1Event<'a> {
    /// `incomingcall`.
    IncomingCall(IncomingCall<'a>),
    /// `answer`.
    Answer(V1Answer<'a>),
    /// `hangup`.
    Hangup(Hangup<'a>),
    /// `gather`.
    Gather(V1Gather<'a>),
    /// `dtmf`.
    Dtmf(V1Dtmf<'a>),
    /// `speak` or `playback`.
    Playback(Playback<'a>),
    /// `recording`.
    Recording(Recording<'a>),
    /// Any other event type, kept whole.
    Unknown {
        /// The event type as sent.
        event_type: String,
        /// The whole payload.
        raw: serde_json::Value,
    },
}

impl<'a> BandwidthV1Event<'a> {
    /// Parses a v1 JSON body.
    ///
    /// ```
    /// use callml::event::BandwidthV1Event;
    /// let body = r#"{"eventType":"incomingcall","callId":"c-1","from":"+13233326955","to":"+13865245000","callState":"active"}"#;
    /// let BandwidthV1Event::IncomingCall(e) = BandwidthV1Event::from_json(body).unwrap() else { panic!() };
    /// assert_eq!(e.call.from.as_deref(), Some("+13233326955"));
    /// ```
    pub fn from_json(body: &'a str) -> Result<Self, super::EventError> {
        let probe = super::probe_event_type(body)?;
        Self::from_source(&probe.name, &super::JsonText(body))
    }

    /// Parses the query string of v1 BXML mode (GET): every value a string, `diversion` a
    /// URL-encoded JSON object.
    ///
    /// ```
    /// use callml::event::BandwidthV1Event;
    /// let q = "eventType=incomingcall&callId=c-1&from=%2B13233326955&diversion=%7B%22origTo%22%3A%22%2B1222%22%7D";
    /// let BandwidthV1Event::IncomingCall(e) = BandwidthV1Event::from_query(q).unwrap() else { panic!() };
    /// assert_eq!(e.diversion.unwrap().orig_to, "+1222");
    /// ```
    pub fn from_query(query: &str) -> Result<BandwidthV1Event<'static>, super::EventError> {
        let pairs: Vec<(String, String)> =
            serde_urlencoded::from_str(query).map_err(|e| super::EventError::Form(e.to_string()))?;
        let mut object = serde_json::Map::new();
        for (k, v) in pairs {
            let value = if k == "diversion" {
                serde_json::from_str(&v).map_err(|e| super::EventError::InvalidField {
                    field: "diversion".into(),
                    message: e.to_string(),
                })?
            } else {
                serde_json::Value::String(v)
            };
            object.insert(k, value);
        }
        let value = serde_json::Value::Object(object);
        let event_type = value
            .get("eventType")
            .and_then(|v| v.as_str())
            .ok_or_else(|| super::EventError::MissingField("eventType".into()))?
            .to_owned();
        BandwidthV1Event::from_source(&event_type, &super::JsonValue(value))
    }

    pub(crate) fn from_source(event_type: &str, source: &impl super::Source<'a>) -> Result<Self, super::EventError> {
        Ok(match event_type.to_ascii_lowercase().as_str() {
            "incomingcall" => Self::IncomingCall(source.parse()?),
            "answer" => Self::Answer(source.parse()?),
            "hangup" => Self::Hangup(source.parse()?),
            "gather" => Self::Gather(source.parse()?),
            "dtmf" => Self::Dtmf(source.parse()?),
            "speak" | "playback" => Self::Playback(source.parse()?),
            "recording" => Self::Recording(source.parse()?),
            _ => Self::Unknown { event_type: event_type.to_owned(), raw: source.raw()? },
        })
    }

    /// The shared call fields, for known event types.
    pub fn call(&self) -> Option<&V1Call<'a>> {
        Some(match self {
            Self::IncomingCall(e) => &e.call,
            Self::Answer(e) => &e.call,
            Self::Hangup(e) => &e.call,
            Self::Gather(e) => &e.call,
            Self::Dtmf(e) => &e.call,
            Self::Playback(e) => &e.call,
            Self::Recording(e) => &e.call,
            Self::Unknown { .. } => return None,
        })
    }

    /// The event type as sent.
    pub fn event_type(&self) -> &str {
        match self {
            Self::Unknown { event_type, .. } => event_type,
            other => other.call().map_or("", |c| &*c.event_type),
        }
    }

    /// The same event owning its data.
    pub fn into_owned(self) -> BandwidthV1Event<'static> {
        match self {
            Self::IncomingCall(e) => BandwidthV1Event::IncomingCall(e.into_owned()),
            Self::Answer(e) => BandwidthV1Event::Answer(e.into_owned()),
            Self::Hangup(e) => BandwidthV1Event::Hangup(e.into_owned()),
            Self::Gather(e) => BandwidthV1Event::Gather(e.into_owned()),
            Self::Dtmf(e) => BandwidthV1Event::Dtmf(e.into_owned()),
            Self::Playback(e) => BandwidthV1Event::Playback(e.into_owned()),
            Self::Recording(e) => BandwidthV1Event::Recording(e.into_owned()),
            Self::Unknown { event_type, raw } => BandwidthV1Event::Unknown { event_type, raw },
        }
    }
}
