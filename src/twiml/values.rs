//! Documented value sets of TwiML attributes, as open enums: known values plus `Other(String)`.

use crate::xml::value::open_enum;

open_enum! {
    /// HTTP method for a callback (`method`, `statusCallbackMethod`, ...).
    pub enum Method { Get => "GET", Post => "POST" }
}
open_enum! {
    /// `<Say voice>`. Polly and Google voices (`Polly.Joanna-Neural`) go through `Other` or
    /// [`Voice::polly`].
    pub enum Voice { Man => "man", Woman => "woman", Alice => "alice" }
}
impl Voice {
    /// An Amazon Polly voice, e.g. `Voice::polly("Joanna-Neural")` is `Polly.Joanna-Neural`.
    ///
    /// ```
    /// assert_eq!(callml::twiml::Voice::polly("Joanna").as_str(), "Polly.Joanna");
    /// ```
    pub fn polly(name: &str) -> Self {
        Voice::Other(format!("Polly.{name}"))
    }
}
open_enum! {
    /// `<Reject reason>`: Twilio's two plus the six more ACML documents.
    pub enum RejectReason {
        Rejected => "rejected", Busy => "busy", Forbidden => "forbidden", AnonymityDisallowed => "anonymity_disallowed",
        AddressIncomplete => "address_incomplete", NoRoute => "no_route", ServiceUnavailable => "service_unavailable",
        Unwanted => "unwanted",
    }
}
open_enum! {
    /// `<Dial record>`; ACML's boolean form is `True`/`False`.
    pub enum DialRecord {
        DoNotRecord => "do-not-record", RecordFromAnswer => "record-from-answer", RecordFromRinging => "record-from-ringing",
        RecordFromAnswerDual => "record-from-answer-dual", RecordFromRingingDual => "record-from-ringing-dual",
        True => "true", False => "false",
    }
}
impl From<bool> for DialRecord {
    /// ACML's boolean form.
    fn from(on: bool) -> Self {
        if on { DialRecord::True } else { DialRecord::False }
    }
}
open_enum! {
    /// `trim` on Dial and Record.
    pub enum Trim { TrimSilence => "trim-silence", DoNotTrim => "do-not-trim" }
}
open_enum! {
    /// `<Dial recordingTrack>`.
    pub enum RecordingTrack { Both => "both", Inbound => "inbound", Outbound => "outbound" }
}
open_enum! {
    /// Items of `recordingStatusCallbackEvent`.
    pub enum RecordingEvent { InProgress => "in-progress", Completed => "completed", Absent => "absent" }
}
open_enum! {
    /// Items of `statusCallbackEvent` on Number, Client and Sip.
    pub enum StatusCallbackEvent { Initiated => "initiated", Ringing => "ringing", Answered => "answered", Completed => "completed" }
}
open_enum! {
    /// Items of `<Gather input>`.
    pub enum GatherInput { Dtmf => "dtmf", Speech => "speech" }
}
open_enum! {
    /// `<Gather speechTimeout>`: `auto` or a number of seconds (`SpeechTimeout::from(3)`).
    pub enum SpeechTimeout { Auto => "auto" }
}
impl From<u32> for SpeechTimeout {
    fn from(seconds: u32) -> Self {
        SpeechTimeout::Other(seconds.to_string())
    }
}
open_enum! {
    /// `machineDetection` on Number and Sip.
    pub enum MachineDetection { Enable => "Enable", DetectMessageEnd => "DetectMessageEnd" }
}
open_enum! {
    /// `<Dial events>`.
    pub enum DialEvent { CallProgressEvent => "call-progress-event" }
}
