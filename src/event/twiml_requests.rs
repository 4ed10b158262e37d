//! Every request of a TwiML-style call (Twilio, ACML, SignalWire, Telnyx TeXML): the incoming call,
//! status callbacks and the action and status callbacks of each verb, each its own type over one
//! shared block of call parameters, told apart by the table in [`TwimlEventKind::detect`].

use std::borrow::Cow;

use super::define::event_struct;
use super::form::{self, Pairs};
use super::twiml_kind::{TwimlEventKind, keys_of};
use super::{
    AnsweredBy, CallDirection, CallStatus, DialCallStatus, EventError, IntoOwned, PaymentResult, PostStatus,
    QueueResult, RecordingSource, RecordingStatus, StreamEvent, TranscriptionStatus, VoicemailDetector,
};

event_struct! {
    /// The parameters every request of a TwiML-style call carries: ACML's set (in its documented
    /// order) and Twilio's. Each request type holds them once, as `call`.
    ///
    /// ```
    /// use callml::event::{IncomingRequest, CallDirection};
    /// let r = IncomingRequest::from_form("CallSid=CA1&From=%2B15551230000&To=%2B15559870000&Direction=inbound&FromCity=DENVER").unwrap();
    /// assert_eq!(r.call.call_sid, "CA1");
    /// assert_eq!(r.call.direction, Some(CallDirection::Inbound));
    /// assert_eq!(r.call.from_city.as_deref(), Some("DENVER"));
    /// ```
    pub struct CallParams<'a> {
        /// Unique id of the call.
        req call_sid: Cow<'a, str> = "CallSid",
        /// ACML: server instance the call came from.
        opt instance_id: Cow<'a, str> = "InstanceId",
        /// Account id.
        opt account_sid: Cow<'a, str> = "AccountSid",
        /// Caller (ACML: often national digits without `+`).
        opt from: Cow<'a, str> = "From",
        /// Called party.
        opt to: Cow<'a, str> = "To",
        /// Call status.
        opt call_status: CallStatus = "CallStatus",
        /// API version (`2012-04-24` at ACML providers, `2010-04-01` at Twilio).
        opt api_version: Cow<'a, str> = "ApiVersion",
        /// `inbound`, `outbound-api`, `outbound-dial`.
        opt direction: CallDirection = "Direction",
        /// Caller name (empty when not an incoming call).
        opt caller_name: Cow<'a, str> = "CallerName",
        /// Where the call was forwarded from; ACML sends the literal `null` for none.
        opt forwarded_from: Cow<'a, str> = "ForwardedFrom",
        /// ACML: when the call began.
        opt call_timestamp: Cow<'a, str> = "CallTimestamp",
        /// ACML: `new` (first post for the call) or `callback`.
        opt post_status: PostStatus = "PostStatus",
        /// ACML, outbound status updates: `voicemail` or `person_found`.
        opt voicemail_detector: VoicemailDetector = "VoicemailDetector",
        /// Twilio: the parent call, on child legs.
        opt parent_call_sid: Cow<'a, str> = "ParentCallSid",
        /// Twilio: the TwiML App that routed the call.
        opt application_sid: Cow<'a, str> = "ApplicationSid",
        /// Twilio: token to forward the call with its caller id.
        opt call_token: Cow<'a, str> = "CallToken",
        /// Twilio: STIR/SHAKEN verification status.
        opt stir_verstat: Cow<'a, str> = "StirVerstat",
        /// Twilio: the legacy duplicate of `From`.
        opt caller: Cow<'a, str> = "Caller",
        /// Twilio: the legacy duplicate of `To`.
        opt called: Cow<'a, str> = "Called",
        /// Twilio: caller's city.
        opt from_city: Cow<'a, str> = "FromCity",
        /// Twilio: caller's state.
        opt from_state: Cow<'a, str> = "FromState",
        /// Twilio: caller's postal code.
        opt from_zip: Cow<'a, str> = "FromZip",
        /// Twilio: caller's country.
        opt from_country: Cow<'a, str> = "FromCountry",
        /// Twilio: called party's city.
        opt to_city: Cow<'a, str> = "ToCity",
        /// Twilio: called party's state.
        opt to_state: Cow<'a, str> = "ToState",
        /// Twilio: called party's postal code.
        opt to_zip: Cow<'a, str> = "ToZip",
        /// Twilio: called party's country.
        opt to_country: Cow<'a, str> = "ToCountry",
        /// Twilio: the legacy duplicate of `FromCity`.
        opt caller_city: Cow<'a, str> = "CallerCity",
        /// Twilio: the legacy duplicate of `FromState`.
        opt caller_state: Cow<'a, str> = "CallerState",
        /// Twilio: the legacy duplicate of `FromZip`.
        opt caller_zip: Cow<'a, str> = "CallerZip",
        /// Twilio: the legacy duplicate of `FromCountry`.
        opt caller_country: Cow<'a, str> = "CallerCountry",
        /// Twilio: the legacy duplicate of `ToCity`.
        opt called_city: Cow<'a, str> = "CalledCity",
        /// Twilio: the legacy duplicate of `ToState`.
        opt called_state: Cow<'a, str> = "CalledState",
        /// Twilio: the legacy duplicate of `ToZip`.
        opt called_zip: Cow<'a, str> = "CalledZip",
        /// Twilio: the legacy duplicate of `ToCountry`.
        opt called_country: Cow<'a, str> = "CalledCountry",
    }
}

impl CallParams<'_> {
    /// `ForwardedFrom`, unless absent, empty or the literal `null`.
    ///
    /// ```
    /// use callml::event::IncomingRequest;
    /// assert_eq!(IncomingRequest::from_form("CallSid=ID1&ForwardedFrom=null").unwrap().call.forwarded_from(), None);
    /// ```
    pub fn forwarded_from(&self) -> Option<&str> {
        self.forwarded_from.as_deref().filter(|f| !f.is_empty() && *f != "null")
    }

    /// `CallerName`, unless absent or empty.
    pub fn caller_name(&self) -> Option<&str> {
        self.caller_name.as_deref().filter(|n| !n.is_empty())
    }
}

event_struct! {
    /// `incoming`: the first request of a call, to the number's Voice URL. Reply with TwiML.
    ///
    /// ```
    /// use callml::event::{IncomingRequest, PostStatus};
    /// let r = IncomingRequest::from_form("CallSid=ID1&From=3035550000&Direction=inbound&PostStatus=new").unwrap();
    /// assert_eq!(r.call.post_status, Some(PostStatus::New));
    /// ```
    pub struct IncomingRequest<'a> {
        ..call: CallParams,
    }
}

event_struct! {
    /// `status`: a status callback of the call (the number's or a noun's `statusCallback`; ACML's
    /// `PostStatus=callback` posts). The reply is ignored.
    ///
    /// ```
    /// use callml::event::{StatusCallback, CallStatus};
    /// let s = StatusCallback::from_form("CallSid=CA1&CallStatus=completed&CallDuration=42&CallbackSource=call-progress-events").unwrap();
    /// assert_eq!((s.call.call_status, s.call_duration), (Some(CallStatus::Completed), Some(42)));
    /// ```
    pub struct StatusCallback<'a> {
        ..call: CallParams,
        /// Length of the call in seconds.
        opt call_duration: u32 = "CallDuration",
        /// Billed length in minutes, rounded up.
        opt duration: u32 = "Duration",
        /// When the status changed (RFC 2822).
        opt timestamp: Cow<'a, str> = "Timestamp",
        /// `call-progress-events`, ...
        opt callback_source: Cow<'a, str> = "CallbackSource",
        /// Order of this callback among the call's callbacks, from 0.
        opt sequence_number: u32 = "SequenceNumber",
        /// The final SIP response code.
        opt sip_response_code: u32 = "SipResponseCode",
        /// What answering-machine detection found, when it ran.
        opt answered_by: AnsweredBy = "AnsweredBy",
        /// The call's recording, when it was recorded.
        opt recording_url: Cow<'a, str> = "RecordingUrl",
    }
}

event_struct! {
    /// `gather`: the Gather `action` request (by default the current document's URL). Reply with
    /// TwiML.
    ///
    /// A Gather with `actionOnEmptyResult` that got no input sends none of its own fields, so such a
    /// body reads as an `incoming` or `status` request when detected; `GatherAction::from_form` and
    /// the Gather extractor accept it, with every gather field `None`.
    ///
    /// ```
    /// use callml::event::GatherAction;
    /// let g = GatherAction::from_form("CallSid=CA1&Digits=1234&FinishedOnKey=%23&msg=Gather+End").unwrap();
    /// assert_eq!((g.digits.as_deref(), g.finished_on_key.as_deref()), (Some("1234"), Some("#")));
    /// let s = GatherAction::from_form("CallSid=CA1&SpeechResult=sales+please&Confidence=0.92").unwrap();
    /// assert_eq!(s.confidence, Some(0.92));
    /// ```
    pub struct GatherAction<'a> {
        ..call: CallParams,
        /// The digits pressed, without the finishing key.
        opt digits: Cow<'a, str> = "Digits",
        /// The key that ended input (empty when `numDigits` or the timeout ended it).
        opt finished_on_key: Cow<'a, str> = "FinishedOnKey",
        /// Recognised speech.
        opt speech_result: Cow<'a, str> = "SpeechResult",
        /// Recognition confidence, 0 to 1.
        opt confidence: f64 = "Confidence",
        /// `Gather End`, as real requests carry it.
        opt msg: Cow<'a, str> = "msg",
    }
}

event_struct! {
    /// `gatherPartial`: a Gather `partialResultCallback` with interim speech. The reply is
    /// ignored.
    ///
    /// ```
    /// use callml::event::GatherPartialResult;
    /// let p = GatherPartialResult::from_form("CallSid=CA1&UnstableSpeechResult=sal&SequenceNumber=2").unwrap();
    /// assert_eq!(p.sequence_number, Some(2));
    /// ```
    pub struct GatherPartialResult<'a> {
        ..call: CallParams,
        /// Speech recognised so far that may still change.
        opt unstable_speech_result: Cow<'a, str> = "UnstableSpeechResult",
        /// Speech recognised so far that will not change.
        opt stable_speech_result: Cow<'a, str> = "StableSpeechResult",
        /// Order of this partial result, from 1.
        opt sequence_number: u32 = "SequenceNumber",
    }
}

event_struct! {
    /// `record`: the Record `action` request (by default the current document's URL). Reply with
    /// TwiML.
    ///
    /// ```
    /// use callml::event::RecordAction;
    /// let r = RecordAction::from_form("CallSid=CA1&RecordingUrl=https%3A%2F%2Fx%2FRE1&RecordingSid=RE1&RecordingDuration=7&Digits=hangup").unwrap();
    /// assert_eq!((r.recording_duration, r.digits.as_deref()), (Some(7), Some("hangup")));
    /// ```
    pub struct RecordAction<'a> {
        ..call: CallParams,
        /// Where the recording is.
        opt recording_url: Cow<'a, str> = "RecordingUrl",
        /// Recording id.
        opt recording_sid: Cow<'a, str> = "RecordingSid",
        /// Length in seconds.
        opt recording_duration: u32 = "RecordingDuration",
        /// The key that ended the recording, or `hangup`.
        opt digits: Cow<'a, str> = "Digits",
    }
}

event_struct! {
    /// `recordingStatus`: a `recordingStatusCallback` (Record, Dial, Conference, Start>Recording).
    /// The reply is ignored.
    ///
    /// ```
    /// use callml::event::{RecordingStatusCallback, RecordingStatus};
    /// let r = RecordingStatusCallback::from_form("CallSid=CA1&RecordingSid=RE1&RecordingStatus=completed&RecordingDuration=7&RecordingChannels=1").unwrap();
    /// assert_eq!(r.recording_status, Some(RecordingStatus::Completed));
    /// ```
    pub struct RecordingStatusCallback<'a> {
        ..call: CallParams,
        /// Recording id.
        opt recording_sid: Cow<'a, str> = "RecordingSid",
        /// Where the recording is.
        opt recording_url: Cow<'a, str> = "RecordingUrl",
        /// `in-progress`, `completed`, `absent`, `failed`.
        opt recording_status: RecordingStatus = "RecordingStatus",
        /// Length in seconds.
        opt recording_duration: u32 = "RecordingDuration",
        /// Number of channels.
        opt recording_channels: u32 = "RecordingChannels",
        /// When recording started (RFC 2822).
        opt recording_start_time: Cow<'a, str> = "RecordingStartTime",
        /// What started the recording.
        opt recording_source: RecordingSource = "RecordingSource",
        /// `inbound`, `outbound` or `both`.
        opt recording_track: Cow<'a, str> = "RecordingTrack",
        /// Why recording failed.
        opt error_code: Cow<'a, str> = "ErrorCode",
    }
}

event_struct! {
    /// `transcription`: a Record `transcribeCallback`. The reply is ignored.
    ///
    /// ```
    /// use callml::event::{TranscriptionCallback, TranscriptionStatus};
    /// let t = TranscriptionCallback::from_form("CallSid=CA1&TranscriptionSid=TR1&TranscriptionText=call+me&TranscriptionStatus=completed").unwrap();
    /// assert_eq!(t.transcription_text.as_deref(), Some("call me"));
    /// ```
    pub struct TranscriptionCallback<'a> {
        ..call: CallParams,
        /// Transcription id.
        opt transcription_sid: Cow<'a, str> = "TranscriptionSid",
        /// The text.
        opt transcription_text: Cow<'a, str> = "TranscriptionText",
        /// `completed` or `failed`.
        opt transcription_status: TranscriptionStatus = "TranscriptionStatus",
        /// Where the transcription is.
        opt transcription_url: Cow<'a, str> = "TranscriptionUrl",
        /// The recording transcribed.
        opt recording_sid: Cow<'a, str> = "RecordingSid",
        /// Where that recording is.
        opt recording_url: Cow<'a, str> = "RecordingUrl",
    }
}

event_struct! {
    /// `dial`: the Dial `action` request, when the dialled call ends (no default URL: without
    /// `action` the next verb runs). Reply with TwiML.
    ///
    /// ```
    /// use callml::event::{DialAction, DialCallStatus};
    /// let d = DialAction::from_form("CallSid=CA1&DialCallStatus=no-answer&DialCallSid=CA2").unwrap();
    /// assert_eq!(d.dial_call_status, Some(DialCallStatus::NoAnswer));
    /// ```
    pub struct DialAction<'a> {
        ..call: CallParams,
        /// How the dialled call ended.
        opt dial_call_status: DialCallStatus = "DialCallStatus",
        /// The dialled call's id.
        opt dial_call_sid: Cow<'a, str> = "DialCallSid",
        /// The dialled call's length in seconds.
        opt dial_call_duration: u32 = "DialCallDuration",
        /// Whether the two calls were bridged.
        opt dial_bridged: bool = "DialBridged",
        /// The SIP response code of a SIP leg.
        opt dial_sip_response_code: u32 = "DialSipResponseCode",
        /// The recording of the dialled call, when recorded.
        opt recording_url: Cow<'a, str> = "RecordingUrl",
        /// Why the dial failed.
        opt error_code: Cow<'a, str> = "ErrorCode",
        /// Why the dial failed, in words.
        opt error_message: Cow<'a, str> = "ErrorMessage",
    }
}

event_struct! {
    /// `amd`: an `asyncAmdStatusCallback` with the answering-machine detection result. The reply is
    /// ignored.
    ///
    /// ```
    /// use callml::event::{AmdStatusCallback, AnsweredBy};
    /// let a = AmdStatusCallback::from_form("CallSid=CA1&AnsweredBy=machine_end_beep&MachineDetectionDuration=4200").unwrap();
    /// assert_eq!(a.answered_by, Some(AnsweredBy::MachineEndBeep));
    /// ```
    pub struct AmdStatusCallback<'a> {
        ..call: CallParams,
        /// What answered.
        opt answered_by: AnsweredBy = "AnsweredBy",
        /// How long detection took, in milliseconds.
        opt machine_detection_duration: u32 = "MachineDetectionDuration",
    }
}

event_struct! {
    /// `fallback`: the number's Fallback URL, after a fetch or parse error. Reply with TwiML that
    /// continues the call.
    ///
    /// ```
    /// use callml::event::FallbackRequest;
    /// let f = FallbackRequest::from_form("CallSid=CA1&ErrorCode=11200&ErrorUrl=https%3A%2F%2Fapp%2Fvoice").unwrap();
    /// assert_eq!(f.error_url.as_deref(), Some("https://app/voice"));
    /// ```
    pub struct FallbackRequest<'a> {
        ..call: CallParams,
        /// The error.
        opt error_code: Cow<'a, str> = "ErrorCode",
        /// The URL that failed.
        opt error_url: Cow<'a, str> = "ErrorUrl",
    }
}

event_struct! {
    /// `queue`: the Enqueue `action` request, when the caller leaves the queue. Reply with TwiML.
    ///
    /// ```
    /// use callml::event::{EnqueueAction, QueueResult};
    /// let q = EnqueueAction::from_form("CallSid=CA1&QueueResult=bridged&QueueSid=QU1&QueueTime=30").unwrap();
    /// assert_eq!((q.queue_result, q.queue_time), (Some(QueueResult::Bridged), Some(30)));
    /// ```
    pub struct EnqueueAction<'a> {
        ..call: CallParams,
        /// Why the caller left the queue.
        opt queue_result: QueueResult = "QueueResult",
        /// The queue's id.
        opt queue_sid: Cow<'a, str> = "QueueSid",
        /// Seconds spent in the queue.
        opt queue_time: u32 = "QueueTime",
    }
}

event_struct! {
    /// `stream`: a media Stream `statusCallback`. The reply is ignored.
    ///
    /// ```
    /// use callml::event::{StreamStatusCallback, StreamEvent};
    /// let s = StreamStatusCallback::from_form("CallSid=CA1&StreamSid=MZ1&StreamEvent=stream-started").unwrap();
    /// assert_eq!(s.stream_event, Some(StreamEvent::StreamStarted));
    /// ```
    pub struct StreamStatusCallback<'a> {
        ..call: CallParams,
        /// The stream's id.
        opt stream_sid: Cow<'a, str> = "StreamSid",
        /// The stream's name.
        opt stream_name: Cow<'a, str> = "StreamName",
        /// `stream-started`, `stream-stopped`, `stream-error`.
        opt stream_event: StreamEvent = "StreamEvent",
        /// What went wrong, on `stream-error`.
        opt stream_error: Cow<'a, str> = "StreamError",
        /// When it happened.
        opt timestamp: Cow<'a, str> = "Timestamp",
    }
}

event_struct! {
    /// `pay`: the Pay `action` or `statusCallback` request. Reply with TwiML (action) or nothing.
    ///
    /// ```
    /// use callml::event::{PayAction, PaymentResult};
    /// let p = PayAction::from_form("CallSid=CA1&Result=success&PaymentConfirmationCode=ch_1&PaymentCardNumber=xxxx1111").unwrap();
    /// assert_eq!(p.result, Some(PaymentResult::Success));
    /// ```
    pub struct PayAction<'a> {
        ..call: CallParams,
        /// The outcome.
        opt result: PaymentResult = "Result",
        /// The payment connector used.
        opt connector_name: Cow<'a, str> = "ConnectorName",
        /// The processor's confirmation code (a charge).
        opt payment_confirmation_code: Cow<'a, str> = "PaymentConfirmationCode",
        /// The processor's token (a tokenization).
        opt payment_token: Cow<'a, str> = "PaymentToken",
        /// The card number, masked.
        opt payment_card_number: Cow<'a, str> = "PaymentCardNumber",
        /// `visa`, `amex`, ...
        opt payment_card_type: Cow<'a, str> = "PaymentCardType",
        /// `MMYY`.
        opt expiration_date: Cow<'a, str> = "ExpirationDate",
        /// Why the payment failed.
        opt payment_error: Cow<'a, str> = "PaymentError",
        /// Status callbacks: what is being captured (`payment-card-number`, ...).
        opt capture: Cow<'a, str> = "Capture",
        /// Status callbacks: the kind of input error.
        opt error_type: Cow<'a, str> = "ErrorType",
    }
}

mod sealed {
    /// What the axum extractor needs of a request type; not for use outside the crate.
    pub trait Sealed: Sized {
        /// Reads a body into the owned type.
        fn parse_owned(body: &str) -> Result<Self, super::EventError>;
    }
}
use sealed::Sealed;

/// A type a TwiML-style request body can be read as: [`TwimlEvent`] (any kind) or one kind's
/// struct. Implemented for the owned (`'static`) types, for extractors such as
/// `callml::axum::TwimlWebhook<DialAction<'static>>`.
///
/// ```
/// fn kind<T: callml::event::TwimlRequest>() {}
/// kind::<callml::event::DialAction<'static>>();
/// kind::<callml::event::TwimlEvent<'static>>();
/// ```
pub trait TwimlRequest: Sealed + 'static {}

/// Defines the request enum from one table: each variant with its struct and kind, and which
/// detected kinds its struct's `from_form` reads.
macro_rules! twiml_requests {
    ($( $(#[$vmeta:meta])* $variant:ident($ty:ident) reads [$($also:ident),*], )*) => {
        /// Any request of a TwiML-style call, as detected by [`TwimlEventKind::detect`].
        ///
        /// ```
        /// use callml::event::{TwimlEvent, DialCallStatus};
        /// let e = TwimlEvent::from_form("CallSid=CA1&DialCallStatus=busy&DialCallSid=CA2").unwrap();
        /// let TwimlEvent::Dial(dial) = &e else { panic!() };
        /// assert_eq!(dial.dial_call_status, Some(DialCallStatus::Busy));
        /// assert_eq!((e.kind().as_str(), &*e.call().call_sid), ("dial", "CA1"));
        /// assert_eq!(TwimlEvent::from_form(&e.to_form()).unwrap(), e);
        /// ```
        #[derive(Debug, Clone, PartialEq, serde::Serialize)]
        #[serde(untagged)]
        #[non_exhaustive]
        pub enum TwimlEvent<'a> {
            $( $(#[$vmeta])* $variant($ty<'a>), )*
        }

        impl<'a> TwimlEvent<'a> {
            /// Reads a form body (or query string), detecting its kind; strings borrow from the
            /// body where no decoding was needed.
            pub fn from_form(body: &'a str) -> Result<Self, EventError> {
                let pairs = form::split(body);
                let kind = TwimlEventKind::from_keys(keys_of(&pairs));
                Self::read(kind, pairs)
            }

            pub(crate) fn read(kind: TwimlEventKind, pairs: Pairs<'a>) -> Result<Self, EventError> {
                match kind {
                    $( TwimlEventKind::$variant => form::read(pairs).map(Self::$variant), )*
                }
            }

            /// Which request this is.
            pub fn kind(&self) -> TwimlEventKind {
                match self {
                    $( Self::$variant(_) => TwimlEventKind::$variant, )*
                }
            }

            /// The call parameters every request carries.
            pub fn call(&self) -> &CallParams<'a> {
                match self {
                    $( Self::$variant(e) => &e.call, )*
                }
            }

            /// Keys this crate does not model, in arrival order.
            pub fn extra(&self) -> &serde_json::Map<String, serde_json::Value> {
                match self {
                    $( Self::$variant(e) => &e.extra, )*
                }
            }

            /// The same event owning its data.
            pub fn into_owned(self) -> TwimlEvent<'static> {
                match self {
                    $( Self::$variant(e) => TwimlEvent::$variant(IntoOwned::into_owned(e)), )*
                }
            }

            /// The form body the provider sends (see [`to_form`](Self::to_form) of each kind).
            pub fn to_form(&self) -> String {
                form::write(self)
            }
        }

        impl Sealed for TwimlEvent<'static> {
            fn parse_owned(body: &str) -> Result<Self, EventError> {
                TwimlEvent::from_form(body).map(TwimlEvent::into_owned)
            }
        }
        impl TwimlRequest for TwimlEvent<'static> {}

        $(
            impl<'a> $ty<'a> {
                #[doc = concat!("Reads a form body as a `", stringify!($ty), "`: a body detected as another kind is")]
                /// [`EventError::UnexpectedKind`]. Strings borrow from the body where no decoding
                /// was needed.
                pub fn from_form(body: &'a str) -> Result<Self, EventError> {
                    let pairs = form::split(body);
                    let found = TwimlEventKind::from_keys(keys_of(&pairs));
                    if found != TwimlEventKind::$variant $(&& found != TwimlEventKind::$also)* {
                        return Err(EventError::UnexpectedKind {
                            expected: TwimlEventKind::$variant.as_str(),
                            found: found.as_str(),
                        });
                    }
                    form::read(pairs)
                }

                /// The form body the provider sends: the call parameters, then this kind's fields,
                /// in declaration order (ACML's documented order for its fields), then unknown
                /// keys in arrival order. Reading it back gives an equal value.
                pub fn to_form(&self) -> String {
                    form::write(self)
                }
            }

            impl Sealed for $ty<'static> {
                fn parse_owned(body: &str) -> Result<Self, EventError> {
                    $ty::from_form(body).map(IntoOwned::into_owned)
                }
            }
            impl TwimlRequest for $ty<'static> {}
        )*
    };
}

twiml_requests! {
    /// `incoming`.
    Incoming(IncomingRequest) reads [],
    /// `status`.
    Status(StatusCallback) reads [],
    /// `gather` (an empty result reads as `incoming` or `status` when detected).
    Gather(GatherAction) reads [Incoming, Status],
    /// `gatherPartial`.
    GatherPartial(GatherPartialResult) reads [],
    /// `record`.
    Record(RecordAction) reads [],
    /// `recordingStatus`.
    RecordingStatus(RecordingStatusCallback) reads [],
    /// `transcription`.
    Transcription(TranscriptionCallback) reads [],
    /// `dial`.
    Dial(DialAction) reads [],
    /// `amd`.
    Amd(AmdStatusCallback) reads [],
    /// `fallback`.
    Fallback(FallbackRequest) reads [],
    /// `queue`.
    Queue(EnqueueAction) reads [],
    /// `stream`.
    Stream(StreamStatusCallback) reads [],
    /// `pay`.
    Pay(PayAction) reads [],
}
