//! Bandwidth Voice v1 ("Catapult") events: `incomingcall` and the other call events, from JSON
//! bodies or from the GET query strings of v1 BXML mode.

use std::borrow::Cow;

use super::bandwidth_v2::Diversion;
use super::define::{event_kinds, event_struct};
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
    pub struct V1Hangup<'a> {
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
    pub struct V1Playback<'a> {
        ..call: V1Call,
        /// `started` or `done`.
        opt status: Cow<'a, str> = "status",
        /// `PLAYBACK_START` / `PLAYBACK_STOP` (speak).
        opt state: Cow<'a, str> = "state",
    }
}

event_struct! {
    /// `recording`.
    pub struct V1Recording<'a> {
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

event_kinds! {
    /// A Bandwidth v1 event, by `eventType` (matched case-insensitively, as the Java v1 SDK did).
    pub enum BandwidthV1Event<'a> (call block: V1Call) {
        /// `incomingcall`.
        IncomingCall(IncomingCall) = ["incomingcall"] call,
        /// `answer`.
        Answer(V1Answer) = ["answer"] call,
        /// `hangup`.
        Hangup(V1Hangup) = ["hangup"] call,
        /// `gather`.
        Gather(V1Gather) = ["gather"] call,
        /// `dtmf`.
        Dtmf(V1Dtmf) = ["dtmf"] call,
        /// `speak` or `playback`.
        Playback(V1Playback) = ["speak", "playback"] call,
        /// `recording`.
        Recording(V1Recording) = ["recording"] call,
    }
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
            // As for forms: a repeated key is an error, never a silent last-wins.
            if object.contains_key(&k) {
                return Err(super::EventError::DuplicateField(k));
            }
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

    /// The query string of an event of an unknown type that carries none of v1's own keys
    /// (`callUri`, `time`): as JSON it would read back as a v2 event, so it goes back to the wire
    /// the way it came, as a query string. `None` for every other event.
    pub(crate) fn ambiguous_as_query(&self) -> Option<String> {
        let BandwidthV1Event::Unknown { raw, .. } = self else { return None };
        let object = raw.as_object()?;
        if object.contains_key("callUri") || object.contains_key("time") {
            return None;
        }
        let mut query = form_urlencoded::Serializer::new(String::new());
        for (key, value) in object {
            match value {
                serde_json::Value::String(text) => query.append_pair(key, text),
                other if key == "diversion" => query.append_pair(key, &other.to_string()),
                _ => return None,
            };
        }
        Some(query.finish())
    }

    pub(crate) fn from_source(event_type: &str, source: &impl super::Source<'a>) -> Result<Self, super::EventError> {
        Self::dispatch(event_type, &event_type.to_ascii_lowercase(), source)
    }

    /// The event type as sent.
    pub fn event_type(&self) -> &str {
        match self {
            Self::Unknown { event_type, .. } => event_type,
            other => other.call().map_or("", |c| &*c.event_type),
        }
    }
}
