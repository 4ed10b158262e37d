//! Bandwidth Voice v2 callbacks: `initiate` (the incoming call) and the other call events, each
//! typed, with `Unknown { event_type, raw }` for event types this crate does not know.

use std::borrow::Cow;
use std::collections::BTreeMap;

use super::define::{event_kinds, event_struct};
use super::field::StringOrNumber;
use super::{Cause, Direction, DiversionReason, MachineDetectionValue, Privacy, Screen};

event_struct! {
    /// The call block most v2 events share (`eventType` ... `tag`).
    pub struct CallInfo<'a> {
        /// The event type as sent.
        req event_type: Cow<'a, str> = "eventType",
        /// When the event happened (ISO 8601, precision and zone vary).
        opt event_time: Cow<'a, str> = "eventTime",
        /// Account id.
        opt account_id: Cow<'a, str> = "accountId",
        /// Application id.
        opt application_id: Cow<'a, str> = "applicationId",
        /// Caller: E.164, SIP, or `Anonymous`/`Restricted`/...
        opt from: Cow<'a, str> = "from",
        /// Called party.
        opt to: Cow<'a, str> = "to",
        /// `inbound` or `outbound`.
        opt direction: Direction = "direction",
        /// Call id (`c-...`).
        req call_id: Cow<'a, str> = "callId",
        /// URL of the call resource.
        opt call_url: Cow<'a, str> = "callUrl",
        /// When a queued outbound call was enqueued.
        opt enqueued_time: Cow<'a, str> = "enqueuedTime",
        /// When the call started.
        opt start_time: Cow<'a, str> = "startTime",
        /// When the call was answered.
        opt answer_time: Cow<'a, str> = "answerTime",
        /// The call's tag, when set.
        opt tag: Cow<'a, str> = "tag",
    }
}

event_struct! {
    /// The B-leg and error fields several events add.
    pub struct TransferInfo<'a> {
        /// The A-leg call id, on B-leg events.
        opt parent_call_id: Cow<'a, str> = "parentCallId",
        /// Caller id used for the transfer.
        opt transfer_caller_id: Cow<'a, str> = "transferCallerId",
        /// The transfer target.
        opt transfer_to: Cow<'a, str> = "transferTo",
    }
}

event_struct! {
    /// Why something failed.
    pub struct ErrorInfo<'a> {
        /// Why the call or transfer ended.
        opt cause: Cause = "cause",
        /// Error text.
        opt error_message: Cow<'a, str> = "errorMessage",
        /// Error id.
        opt error_id: Cow<'a, str> = "errorId",
    }
}

event_struct! {
    /// The `diversion` object: `origTo` always, common keys typed, any other key kept.
    ///
    /// ```
    /// use callml::event::Diversion;
    /// let d: Diversion = serde_json::from_str(r#"{"origTo":"+15558884444","counter":1,"Limit":5,"x-vendor":"abc"}"#).unwrap();
    /// assert_eq!(d.orig_to, "+15558884444");
    /// assert_eq!(d.counter.as_ref().and_then(|c| c.as_u64()), Some(1));
    /// assert_eq!(d.limit().and_then(|l| l.as_u64()), Some(5));
    /// assert_eq!(d.extra["x-vendor"], "abc");
    /// ```
    pub struct Diversion<'a> {
        /// The last number the call was diverted from (`Anonymous` with full privacy).
        req orig_to: Cow<'a, str> = "origTo",
        /// Why it was diverted.
        opt reason: DiversionReason = "reason",
        /// `no`: user-provided number; `yes`: network-provided.
        opt screen: Screen = "screen",
        /// `off` or `full`.
        opt privacy: Privacy = "privacy",
        /// Number of diversions so far (string or number).
        opt counter: StringOrNumber<'a> = "counter",
        /// Maximum diversions allowed (string or number).
        opt limit: StringOrNumber<'a> = "limit",
        /// `Limit` as some payloads capitalise it.
        opt limit_capitalised: StringOrNumber<'a> = "Limit",
    }
}

impl Diversion<'_> {
    /// `limit`, or `Limit` when only the capitalised key was sent.
    pub fn limit(&self) -> Option<&StringOrNumber<'_>> {
        self.limit.as_ref().or(self.limit_capitalised.as_ref())
    }
}

event_struct! {
    /// STIR/SHAKEN verification of the caller.
    pub struct StirShaken<'a> {
        /// `TN-Validation-Passed` / `TN-Validation-Failed` (spellings vary).
        opt verstat: Cow<'a, str> = "verstat",
        /// `A`, `B` or `C`.
        opt attestation_indicator: Cow<'a, str> = "attestationIndicator",
        /// Originating id.
        opt originating_id: Cow<'a, str> = "originatingId",
    }
}

event_struct! {
    /// Answering-machine detection result.
    pub struct MachineDetectionResult<'a> {
        /// What answered.
        opt value: MachineDetectionValue = "value",
        /// How long detection took (ISO 8601 duration).
        opt duration: Cow<'a, str> = "duration",
    }
}

event_struct! {
    /// `initiate`: an inbound call arrived; reply with BXML.
    pub struct Initiate<'a> {
        ..call: CallInfo,
        /// Present when the call was diverted.
        opt diversion: Diversion<'a> = "diversion",
        /// STIR/SHAKEN verification.
        opt stir_shaken: StirShaken<'a> = "stirShaken",
        /// User-to-user information.
        opt uui: Cow<'a, str> = "uui",
        /// SIP Call-ID.
        opt sip_call_id: Cow<'a, str> = "sipCallId",
        /// The caller's X- headers, keys lower-cased.
        opt sip_headers: BTreeMap<String, String> = "sipHeaders",
        /// Raw Identity header (older docs).
        opt identity: Cow<'a, str> = "identity",
    }
}

event_struct! {
    /// `answer`: an outbound call was answered; reply with BXML.
    pub struct Answer<'a> {
        ..call: CallInfo,
        /// Answering-machine detection result, when requested.
        opt machine_detection_result: MachineDetectionResult<'a> = "machineDetectionResult",
        /// SIP Call-ID.
        opt sip_call_id: Cow<'a, str> = "sipCallId",
    }
}

event_struct! {
    /// `gather`: digits collected by `<Gather>`; reply with BXML.
    pub struct GatherEvent<'a> {
        ..call: CallInfo,
        ..transfer: TransferInfo,
        /// The digits.
        opt digits: Cow<'a, str> = "digits",
        /// The digit that ended input (`""` if none).
        opt terminating_digit: Cow<'a, str> = "terminatingDigit",
    }
}

event_struct! {
    /// `redirect`: a `<Redirect>` or the modify-call API; reply with BXML.
    pub struct RedirectEvent<'a> {
        ..call: CallInfo,
        ..transfer: TransferInfo,
    }
}

event_struct! {
    /// The recording fields `recordComplete` and `recordingAvailable` share.
    pub struct RecordingInfo<'a> {
        /// Recording id.
        opt recording_id: Cow<'a, str> = "recordingId",
        /// Where the media is.
        opt media_url: Cow<'a, str> = "mediaUrl",
        /// When recording ended.
        opt end_time: Cow<'a, str> = "endTime",
        /// Length (ISO 8601 duration, e.g. `PT20.056S`).
        opt duration: Cow<'a, str> = "duration",
        /// `wav` or `mp3`.
        opt file_format: Cow<'a, str> = "fileFormat",
        /// Number of channels.
        opt channels: u32 = "channels",
    }
}

event_struct! {
    /// `recordComplete` (docs) or `recordingComplete` (OpenAPI): a `<Record>` finished; reply with BXML.
    pub struct RecordComplete<'a> {
        ..call: CallInfo,
        ..transfer: TransferInfo,
        ..recording: RecordingInfo,
    }
}

event_struct! {
    /// `recordingAvailable`: the recording file is ready (no BXML).
    pub struct RecordingAvailable<'a> {
        ..call: CallInfo,
        ..transfer: TransferInfo,
        ..recording: RecordingInfo,
        /// `processing`, `partial`, `complete`, `deleted`, `error`, ...
        opt status: Cow<'a, str> = "status",
    }
}

event_struct! {
    /// `transferAnswer`: a transfer target answered; BXML runs on the B leg.
    pub struct TransferAnswer<'a> {
        ..call: CallInfo,
        ..transfer: TransferInfo,
    }
}

event_struct! {
    /// `transferComplete`: the transferred call ended; reply with BXML for the A leg.
    pub struct TransferComplete<'a> {
        ..call: CallInfo,
        ..transfer: TransferInfo,
        ..error: ErrorInfo,
    }
}

event_struct! {
    /// `transferDisconnect`: a transfer leg hung up (no BXML).
    pub struct TransferDisconnect<'a> {
        ..call: CallInfo,
        ..transfer: TransferInfo,
        ..error: ErrorInfo,
        /// When it ended.
        opt end_time: Cow<'a, str> = "endTime",
    }
}

event_struct! {
    /// `disconnect`: the call ended (no BXML; reply 204).
    pub struct Disconnect<'a> {
        ..call: CallInfo,
        ..error: ErrorInfo,
        /// When it ended.
        opt end_time: Cow<'a, str> = "endTime",
        /// SIP Call-ID.
        opt sip_call_id: Cow<'a, str> = "sipCallId",
        /// Final SIP response code.
        opt sip_response_code: StringOrNumber<'a> = "sipResponseCode",
    }
}

event_struct! {
    /// `dtmf`: one digit from `<StartGather>` (no BXML).
    pub struct Dtmf<'a> {
        ..call: CallInfo,
        ..transfer: TransferInfo,
        /// The digit.
        opt digit: Cow<'a, str> = "digit",
    }
}

event_struct! {
    /// `bridgeComplete` / `bridgeTargetComplete`: a `<Bridge>` ended; reply with BXML.
    pub struct BridgeComplete<'a> {
        ..call: CallInfo,
        ..error: ErrorInfo,
    }
}

event_struct! {
    /// `machineDetectionComplete`: asynchronous answering-machine detection finished.
    pub struct MachineDetectionComplete<'a> {
        ..call: CallInfo,
        /// The result.
        opt machine_detection_result: MachineDetectionResult<'a> = "machineDetectionResult",
    }
}

event_struct! {
    /// Conference events (`conferenceCreated`, `conferenceMemberJoin`, `conferenceMemberExit`,
    /// `conferenceRedirect`, `conferenceCompleted`, `conferenceRecordingAvailable`).
    pub struct ConferenceEvent<'a> {
        /// The event type as sent.
        req event_type: Cow<'a, str> = "eventType",
        /// When it happened.
        opt event_time: Cow<'a, str> = "eventTime",
        /// Conference id.
        req conference_id: Cow<'a, str> = "conferenceId",
        /// Conference name.
        opt name: Cow<'a, str> = "name",
        /// The conference tag.
        opt tag: Cow<'a, str> = "tag",
        /// The member's call id (member events).
        opt call_id: Cow<'a, str> = "callId",
        /// The member's from (member events).
        opt from: Cow<'a, str> = "from",
        /// The member's to (member events).
        opt to: Cow<'a, str> = "to",
    }
}

event_kinds! {
    /// A Bandwidth v2 callback, by `eventType`.
    pub enum BandwidthV2Event<'a> (call block: CallInfo) {
        /// `initiate`.
        Initiate(Initiate) = ["initiate"] call,
        /// `answer`.
        Answer(Answer) = ["answer"] call,
        /// `gather`.
        Gather(GatherEvent) = ["gather"] call,
        /// `redirect`.
        Redirect(RedirectEvent) = ["redirect"] call,
        /// `recordComplete` or `recordingComplete`.
        RecordComplete(RecordComplete) = ["recordComplete", "recordingComplete"] call,
        /// `recordingAvailable`.
        RecordingAvailable(RecordingAvailable) = ["recordingAvailable"] call,
        /// `transferAnswer`.
        TransferAnswer(TransferAnswer) = ["transferAnswer"] call,
        /// `transferComplete`.
        TransferComplete(TransferComplete) = ["transferComplete"] call,
        /// `transferDisconnect`.
        TransferDisconnect(TransferDisconnect) = ["transferDisconnect"] call,
        /// `disconnect`.
        Disconnect(Disconnect) = ["disconnect"] call,
        /// `dtmf`.
        Dtmf(Dtmf) = ["dtmf"] call,
        /// `bridgeComplete` or `bridgeTargetComplete`.
        BridgeComplete(BridgeComplete) = ["bridgeComplete", "bridgeTargetComplete"] call,
        /// `machineDetectionComplete`.
        MachineDetectionComplete(MachineDetectionComplete) = ["machineDetectionComplete"] call,
        /// A conference event.
        Conference(ConferenceEvent) = [
            "conferenceCreated", "conferenceMemberJoin", "conferenceMemberExit", "conferenceRedirect",
            "conferenceCompleted", "conferenceRecordingAvailable"
        ] no_call,
    }
}

impl<'a> BandwidthV2Event<'a> {
    /// Parses a v2 callback body, borrowing strings from it where it can.
    ///
    /// ```
    /// use callml::event::{BandwidthV2Event, AddressKind};
    /// let body = r#"{"eventType":"initiate","callId":"c-1","from":"+15551112222","to":"+15553334444","direction":"inbound","someNewField":1}"#;
    /// let BandwidthV2Event::Initiate(e) = BandwidthV2Event::from_json(body).unwrap() else { panic!() };
    /// assert_eq!(e.call.call_id, "c-1");
    /// assert_eq!(e.extra["someNewField"], 1);
    /// ```
    pub fn from_json(body: &'a str) -> Result<Self, super::EventError> {
        let probe = super::probe_event_type(body)?;
        Self::from_source(&probe.name, &super::JsonText(body))
    }

    pub(crate) fn from_source(event_type: &str, source: &impl super::Source<'a>) -> Result<Self, super::EventError> {
        Self::dispatch(event_type, event_type, source)
    }

    /// The event type as sent.
    pub fn event_type(&self) -> &str {
        match self {
            Self::Unknown { event_type, .. } => event_type,
            Self::Conference(e) => &e.event_type,
            other => other.call().map_or("", |c| &*c.event_type),
        }
    }

    /// Whether Bandwidth uses the reply's BXML (otherwise reply 204).
    pub fn expects_bxml(&self) -> bool {
        matches!(
            self,
            Self::Initiate(_)
                | Self::Answer(_)
                | Self::Gather(_)
                | Self::Redirect(_)
                | Self::RecordComplete(_)
                | Self::TransferAnswer(_)
                | Self::TransferComplete(_)
                | Self::BridgeComplete(_)
        ) || matches!(self, Self::Conference(c) if c.event_type != "conferenceCompleted" && c.event_type != "conferenceRecordingAvailable")
    }
}
