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

// ----- the rest of the voice vocabulary (Conference, Connect, Start, Pay, ...) -----

open_enum! {
    /// `<Conference beep>`: a string, not a boolean.
    pub enum ConferenceBeep { True => "true", False => "false", OnEnter => "onEnter", OnExit => "onExit" }
}
open_enum! {
    /// Items of `<Conference statusCallbackEvent>`.
    pub enum ConferenceEvent {
        Start => "start", End => "end", Join => "join", Leave => "leave", Mute => "mute", Hold => "hold",
        Modify => "modify", Speaker => "speaker", Announcement => "announcement",
    }
}
open_enum! {
    /// `<Conference record>`.
    pub enum ConferenceRecord { DoNotRecord => "do-not-record", RecordFromStart => "record-from-start" }
}
open_enum! {
    /// `<Conference region>`.
    pub enum ConferenceRegion {
        Us1 => "us1", Us2 => "us2", Ie1 => "ie1", Sg1 => "sg1", Br1 => "br1", Au1 => "au1", Jp1 => "jp1", De1 => "de1",
    }
}
open_enum! {
    /// `<Conference jitterBufferSize>`.
    pub enum JitterBufferSize { Large => "large", Medium => "medium", Small => "small", Off => "off" }
}
open_enum! {
    /// Items of `<Conversation statusCallbackEvent>`.
    pub enum ConversationEvent {
        CallInitiated => "call-initiated", CallRinging => "call-ringing", CallAnswered => "call-answered",
        CallCompleted => "call-completed",
    }
}
open_enum! {
    /// `<Conversation record>`.
    pub enum ConversationRecord {
        DoNotRecord => "do-not-record", RecordFromAnswer => "record-from-answer",
        RecordFromRinging => "record-from-ringing", RecordFromAnswerDual => "record-from-answer-dual",
        RecordFromRingingDual => "record-from-ringing-dual", True => "true", False => "false",
    }
}
open_enum! {
    /// `track` of `<Stream>`, `<Siprec>`, `<Transcription>` and `<MediaFilter>` (under
    /// `<Connect>`, a Stream takes `inbound_track` only).
    pub enum StreamTrack { InboundTrack => "inbound_track", OutboundTrack => "outbound_track", BothTracks => "both_tracks" }
}
open_enum! {
    /// `<Recording channels>` (in `<Start>`).
    pub enum RecordingChannels { Mono => "mono", Dual => "dual" }
}
open_enum! {
    /// `<MediaFilter filterType>`.
    pub enum MediaFilterType { Noise => "noise" }
}
open_enum! {
    /// `<Pay input>`.
    pub enum PayInput { Dtmf => "dtmf" }
}
open_enum! {
    /// `<Pay paymentMethod>`.
    pub enum PaymentMethod { CreditCard => "credit-card", AchDebit => "ach-debit" }
}
open_enum! {
    /// `<Pay bankAccountType>` (with `paymentMethod="ach-debit"`).
    pub enum BankAccountType {
        ConsumerChecking => "consumer-checking", ConsumerSavings => "consumer-savings",
        CommercialChecking => "commercial-checking", CommercialSavings => "commercial-savings",
    }
}
open_enum! {
    /// `<Pay tokenType>`.
    pub enum TokenType { OneTime => "one-time", Reusable => "reusable", PaymentMethod => "payment-method" }
}
open_enum! {
    /// Items of `<Pay validCardTypes>` and `<Prompt cardType>` (space-separated).
    pub enum CardType {
        Visa => "visa", Mastercard => "mastercard", Amex => "amex", Maestro => "maestro", Discover => "discover",
        Optima => "optima", Jcb => "jcb", DinersClub => "diners-club", Enroute => "enroute",
    }
}
open_enum! {
    /// `<Pay language>`.
    pub enum PayLanguage {
        DeDe => "de-DE", EnAu => "en-AU", EnCa => "en-CA", EnGb => "en-GB", EnIn => "en-IN", EnIe => "en-IE",
        EnNz => "en-NZ", EnPh => "en-PH", EnZa => "en-ZA", EnUs => "en-US", EsEs => "es-ES", EsUs => "es-US",
        FrCa => "fr-CA", FrFr => "fr-FR", ItIt => "it-IT",
    }
}
open_enum! {
    /// `<Prompt for>`: the Pay step whose prompt this replaces.
    pub enum PromptFor {
        PaymentCardNumber => "payment-card-number", ExpirationDate => "expiration-date",
        SecurityCode => "security-code", PostalCode => "postal-code", PaymentProcessing => "payment-processing",
        BankAccountNumber => "bank-account-number", BankRoutingNumber => "bank-routing-number",
    }
}
open_enum! {
    /// Items of `<Prompt errorType>` (`invalid-postal-code` is in Twilio's examples, not its
    /// libraries).
    pub enum PromptErrorType {
        Timeout => "timeout", InvalidCardNumber => "invalid-card-number", InvalidCardType => "invalid-card-type",
        InvalidDate => "invalid-date", InvalidSecurityCode => "invalid-security-code",
        InvalidPostalCode => "invalid-postal-code", InternalError => "internal-error",
        InputMatchingFailed => "input-matching-failed",
    }
}
open_enum! {
    /// ConversationRelay `interruptible`, `welcomeGreetingInterruptible` and
    /// `reportInputDuringAgentSpeech` (`true` means `any`, `false` `none`).
    pub enum Interruptible { None => "none", Dtmf => "dtmf", Speech => "speech", Any => "any", True => "true", False => "false" }
}
open_enum! {
    /// ConversationRelay `interruptSensitivity`.
    pub enum InterruptSensitivity { Low => "low", Medium => "medium", High => "high" }
}
open_enum! {
    /// `ttsTextNormalization` of ConversationRelay and Language.
    pub enum TextNormalization { Auto => "auto", On => "on", Off => "off" }
}
open_enum! {
    /// ConversationRelay `includeInPrompt`.
    pub enum IncludeInPrompt { TurnState => "turn-state", PromptSegments => "prompt-segments" }
}
