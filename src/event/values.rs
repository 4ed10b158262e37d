//! Documented value sets of event fields, as open enums (unknown values kept as `Other`).

use super::field::event_enum;
use crate::xml::value::open_enum;

open_enum! {
    /// Call direction (Bandwidth v2 `direction`).
    pub enum Direction { Inbound => "inbound", Outbound => "outbound" }
}
open_enum! {
    /// Why a v2 call or transfer ended (`cause`); the list is open.
    pub enum Cause {
        Hangup => "hangup", Busy => "busy", Timeout => "timeout", Cancel => "cancel", Rejected => "rejected",
        CallbackError => "callback-error", InvalidBxml => "invalid-bxml", ApplicationError => "application-error",
        AccountLimit => "account-limit", NodeCapacityExceeded => "node-capacity-exceeded", Error => "error",
        Unknown => "unknown",
    }
}
open_enum! {
    /// Diversion `reason`.
    pub enum DiversionReason {
        Unknown => "unknown", UserBusy => "user-busy", NoAnswer => "no-answer", Unavailable => "unavailable",
        Unconditional => "unconditional", TimeOfDay => "time-of-day", DoNotDisturb => "do-not-disturb",
        Deflection => "deflection", FollowMe => "follow-me", OutOfService => "out-of-service", Away => "away",
    }
}
open_enum! {
    /// Diversion `screen`: `no` (user-provided number), `yes` (network-provided).
    pub enum Screen { No => "no", Yes => "yes" }
}
open_enum! {
    /// Diversion `privacy`.
    pub enum Privacy { Off => "off", Full => "full" }
}
open_enum! {
    /// Answering-machine detection result `value`.
    pub enum MachineDetectionValue {
        AnsweringMachine => "answering-machine", Human => "human", Silence => "silence", Timeout => "timeout", Error => "error",
    }
}
open_enum! {
    /// v1 `hangup` cause.
    pub enum V1Cause {
        NormalClearing => "NORMAL_CLEARING", UserBusy => "USER_BUSY", CallRejected => "CALL_REJECTED",
        OriginatorCancel => "ORIGINATOR_CANCEL", NoAnswer => "NO_ANSWER", UnallocatedNumber => "UNALLOCATED_NUMBER",
        NormalTemporaryFailure => "NORMAL_TEMPORARY_FAILURE",
    }
}
open_enum! {
    /// v1 `gather` reason.
    pub enum V1GatherReason {
        MaxDigits => "max-digits", TerminatingDigit => "terminating-digit", InterDigitTimeout => "inter-digit-timeout",
        HungUp => "hung-up",
    }
}
open_enum! {
    /// TwiML-style `CallStatus`.
    pub enum CallStatus {
        Queued => "queued", Initiated => "initiated", Ringing => "ringing", InProgress => "in-progress",
        Completed => "completed", Busy => "busy", Failed => "failed", NoAnswer => "no-answer", Canceled => "canceled",
        WaitForAnswer => "wait-for-answer",
    }
}
open_enum! {
    /// TwiML-style `Direction`.
    pub enum CallDirection { Inbound => "inbound", OutboundApi => "outbound-api", OutboundDial => "outbound-dial" }
}
open_enum! {
    /// ACML's `PostStatus`: the first post for a call, or a later notification.
    pub enum PostStatus { New => "new", Callback => "callback" }
}
open_enum! {
    /// ACML's `VoicemailDetector` (outbound status updates).
    pub enum VoicemailDetector { Voicemail => "voicemail", PersonFound => "person_found" }
}

open_enum! {
    /// `DialCallStatus` of a Dial action: how the dialled call ended (`answered` is sent for
    /// conferences; a bridged call that ended reports `completed`).
    pub enum DialCallStatus {
        Completed => "completed", Answered => "answered", Busy => "busy", NoAnswer => "no-answer",
        Failed => "failed", Canceled => "canceled",
    }
}
open_enum! {
    /// `RecordingStatus` of a recording status callback.
    pub enum RecordingStatus {
        InProgress => "in-progress", Completed => "completed", Absent => "absent", Failed => "failed",
    }
}
open_enum! {
    /// `RecordingSource` of a recording status callback: what started the recording.
    pub enum RecordingSource {
        RecordVerb => "RecordVerb", DialVerb => "DialVerb", Conference => "Conference",
        OutboundApi => "OutboundAPI", Trunking => "Trunking", StartCallRecordingApi => "StartCallRecordingAPI",
        StartConferenceRecordingApi => "StartConferenceRecordingAPI",
    }
}
open_enum! {
    /// `TranscriptionStatus` of a transcription callback.
    pub enum TranscriptionStatus { Completed => "completed", Failed => "failed" }
}
open_enum! {
    /// `AnsweredBy`: what answering-machine detection found.
    pub enum AnsweredBy {
        Human => "human", MachineStart => "machine_start", MachineEndBeep => "machine_end_beep",
        MachineEndSilence => "machine_end_silence", MachineEndOther => "machine_end_other", Fax => "fax",
        Unknown => "unknown",
    }
}
open_enum! {
    /// `QueueResult` of an Enqueue action: why the caller left the queue.
    pub enum QueueResult {
        Bridged => "bridged", BridgingInProcess => "bridging-in-process", QueueFull => "queue-full",
        Redirected => "redirected", RedirectedFromBridged => "redirected-from-bridged", Hangup => "hangup",
        Leave => "leave", Error => "error", SystemError => "system-error",
    }
}
open_enum! {
    /// `StreamEvent` of a media stream status callback.
    pub enum StreamEvent { StreamStarted => "stream-started", StreamStopped => "stream-stopped", StreamError => "stream-error" }
}
open_enum! {
    /// `Result` of a Pay action.
    pub enum PaymentResult {
        Success => "success", PaymentConnectorError => "payment-connector-error",
        CallerInterruptedWithStar => "caller-interrupted-with-star", CallerHungUp => "caller-hung-up",
        ValidationError => "validation-error", TooManyFailedAttempts => "too-many-failed-attempts",
        InternalError => "internal-error", InputTimeout => "input-timeout",
    }
}

event_enum!(
    DialCallStatus,
    RecordingStatus,
    RecordingSource,
    TranscriptionStatus,
    AnsweredBy,
    QueueResult,
    StreamEvent,
    PaymentResult,
    Direction,
    Cause,
    DiversionReason,
    Screen,
    Privacy,
    MachineDetectionValue,
    V1Cause,
    V1GatherReason,
    CallStatus,
    CallDirection,
    PostStatus,
    VoicemailDetector
);
