//! Which request of a TwiML-style call a form body is: the detection table (see `TwimlEventKind::detect`), read in
//! one pass over the keys.

use super::form::{self, Pairs};

/// Which request of a TwiML-style call a body is: the `eventType` of the provider-independent
/// view.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TwimlEventKind {
    /// The number's Voice URL: a new call.
    Incoming,
    /// A status callback.
    Status,
    /// A Gather `action`.
    Gather,
    /// A Gather `partialResultCallback`.
    GatherPartial,
    /// A Record `action`.
    Record,
    /// A `recordingStatusCallback`.
    RecordingStatus,
    /// A `transcribeCallback`.
    Transcription,
    /// A Dial `action`.
    Dial,
    /// An `asyncAmdStatusCallback`.
    Amd,
    /// The Fallback URL.
    Fallback,
    /// An Enqueue `action`.
    Queue,
    /// A Stream `statusCallback`.
    Stream,
    /// A Pay `action` or `statusCallback`.
    Pay,
}

/// The keys detection looks at, one bit each.
mod key {
    pub(super) const DIGITS: u32 = 1;
    pub(super) const SPEECH_RESULT: u32 = 1 << 1;
    pub(super) const PARTIAL_SPEECH: u32 = 1 << 2;
    pub(super) const RECORDING_URL: u32 = 1 << 3;
    pub(super) const RECORDING_STATUS: u32 = 1 << 4;
    pub(super) const TRANSCRIPTION_STATUS: u32 = 1 << 5;
    pub(super) const DIAL_CALL_STATUS: u32 = 1 << 6;
    pub(super) const ANSWERED_BY: u32 = 1 << 7;
    pub(super) const CALL_STATUS: u32 = 1 << 8;
    pub(super) const ERROR_URL: u32 = 1 << 9;
    pub(super) const QUEUE_RESULT: u32 = 1 << 10;
    pub(super) const STREAM_EVENT: u32 = 1 << 11;
    pub(super) const PAYMENT: u32 = 1 << 12;
    pub(super) const RESULT: u32 = 1 << 13;
    pub(super) const CONNECTOR_NAME: u32 = 1 << 14;
    pub(super) const POST_STATUS_CALLBACK: u32 = 1 << 15;
    pub(super) const CALLBACK_SOURCE: u32 = 1 << 16;
    pub(super) const FINAL_CALL_STATUS: u32 = 1 << 17;
    pub(super) const NOT_INBOUND: u32 = 1 << 18;
    pub(super) const CALL_SID: u32 = 1 << 19;
    pub(super) const EVENT_TYPE: u32 = 1 << 20;
}

impl TwimlEventKind {
    /// The view's `eventType`: `incoming`, `status`, `gather`, `gatherPartial`, `record`,
    /// `recordingStatus`, `transcription`, `dial`, `amd`, `fallback`, `queue`, `stream`, `pay`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Incoming => "incoming",
            Self::Status => "status",
            Self::Gather => "gather",
            Self::GatherPartial => "gatherPartial",
            Self::Record => "record",
            Self::RecordingStatus => "recordingStatus",
            Self::Transcription => "transcription",
            Self::Dial => "dial",
            Self::Amd => "amd",
            Self::Fallback => "fallback",
            Self::Queue => "queue",
            Self::Stream => "stream",
            Self::Pay => "pay",
        }
    }

    /// Tells which request a form body is, going down this table; the first row that matches
    /// wins:
    ///
    /// | kind | when |
    /// |---|---|
    /// | `gather` | `Digits` or `SpeechResult`, and no `RecordingUrl` |
    /// | `gatherPartial` | `UnstableSpeechResult` or `StableSpeechResult` |
    /// | `record` | `RecordingUrl`, and no `RecordingStatus`, `TranscriptionStatus` or `DialCallStatus` |
    /// | `recordingStatus` | `RecordingStatus` |
    /// | `transcription` | `TranscriptionStatus` |
    /// | `dial` | `DialCallStatus` |
    /// | `amd` | `AnsweredBy` and no `CallStatus` |
    /// | `fallback` | `ErrorUrl` |
    /// | `queue` | `QueueResult` |
    /// | `stream` | `StreamEvent` |
    /// | `pay` | `PaymentConfirmationCode`, `PaymentToken` or `Capture`; or `Result` with `ConnectorName` |
    /// | `status` | `PostStatus=callback`, or `CallbackSource`, or a final `CallStatus` (completed, busy, failed, no-answer, canceled), or a `Direction` other than `inbound` |
    /// | `incoming` | anything else (a missing `Direction` counts as inbound) |
    ///
    /// ```
    /// use callml::event::TwimlEventKind;
    /// assert_eq!(TwimlEventKind::detect("CallSid=CA1&Digits=1&RecordingUrl=u"), TwimlEventKind::Record);
    /// assert_eq!(TwimlEventKind::detect("CallSid=CA1&CallStatus=completed"), TwimlEventKind::Status);
    /// assert_eq!(TwimlEventKind::detect("CallSid=CA1&CallStatus=ringing&Direction=inbound"), TwimlEventKind::Incoming);
    /// ```
    pub fn detect(form: &str) -> TwimlEventKind {
        Self::from_keys(keys_of(&form::split(form)))
    }

    pub(crate) fn from_keys(k: u32) -> TwimlEventKind {
        use key::*;
        let has = |bits: u32| k & bits != 0;
        if has(DIGITS | SPEECH_RESULT) && !has(RECORDING_URL) {
            Self::Gather
        } else if has(PARTIAL_SPEECH) {
            Self::GatherPartial
        } else if has(RECORDING_URL) && !has(RECORDING_STATUS | TRANSCRIPTION_STATUS | DIAL_CALL_STATUS) {
            Self::Record
        } else if has(RECORDING_STATUS) {
            Self::RecordingStatus
        } else if has(TRANSCRIPTION_STATUS) {
            Self::Transcription
        } else if has(DIAL_CALL_STATUS) {
            Self::Dial
        } else if has(ANSWERED_BY) && !has(CALL_STATUS) {
            Self::Amd
        } else if has(ERROR_URL) {
            Self::Fallback
        } else if has(QUEUE_RESULT) {
            Self::Queue
        } else if has(STREAM_EVENT) {
            Self::Stream
        } else if has(PAYMENT) || (has(RESULT) && has(CONNECTOR_NAME)) {
            Self::Pay
        } else if has(POST_STATUS_CALLBACK | CALLBACK_SOURCE | FINAL_CALL_STATUS | NOT_INBOUND) {
            Self::Status
        } else {
            Self::Incoming
        }
    }
}

impl std::fmt::Display for TwimlEventKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One pass over the keys: which of those detection looks at are present.
pub(crate) fn keys_of(pairs: &Pairs<'_>) -> u32 {
    use key::*;
    pairs.iter().fold(0, |k, (name, value)| {
        k | match &**name {
            "CallSid" => CALL_SID,
            "eventType" => EVENT_TYPE,
            "Digits" => DIGITS,
            "SpeechResult" => SPEECH_RESULT,
            "UnstableSpeechResult" | "StableSpeechResult" => PARTIAL_SPEECH,
            "RecordingUrl" => RECORDING_URL,
            "RecordingStatus" => RECORDING_STATUS,
            "TranscriptionStatus" => TRANSCRIPTION_STATUS,
            "DialCallStatus" => DIAL_CALL_STATUS,
            "AnsweredBy" => ANSWERED_BY,
            "CallStatus" => match &**value {
                "completed" | "busy" | "failed" | "no-answer" | "canceled" => CALL_STATUS | FINAL_CALL_STATUS,
                _ => CALL_STATUS,
            },
            "ErrorUrl" => ERROR_URL,
            "QueueResult" => QUEUE_RESULT,
            "StreamEvent" => STREAM_EVENT,
            "PaymentConfirmationCode" | "PaymentToken" | "Capture" => PAYMENT,
            "Result" => RESULT,
            "ConnectorName" => CONNECTOR_NAME,
            "PostStatus" if value == "callback" => POST_STATUS_CALLBACK,
            "CallbackSource" => CALLBACK_SOURCE,
            "Direction" if value != "inbound" => NOT_INBOUND,
            _ => 0,
        }
    })
}

/// What a split form is, before it is read: a TwiML-style request of this kind, a Bandwidth v1
/// query string, or neither.
pub(crate) enum FormKind {
    Twiml(TwimlEventKind),
    BandwidthV1,
    NotACallEvent,
}

pub(crate) fn form_kind(pairs: &Pairs<'_>) -> FormKind {
    let k = keys_of(pairs);
    if k & key::CALL_SID != 0 {
        FormKind::Twiml(TwimlEventKind::from_keys(k))
    } else if k & key::EVENT_TYPE != 0 {
        FormKind::BandwidthV1
    } else {
        FormKind::NotACallEvent
    }
}
