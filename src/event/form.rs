//! The TwiML-style form webhook (`application/x-www-form-urlencoded`): the seed provider's
//! CallAPI fields, Twilio's common ones, and every other field kept in order.

use std::borrow::Cow;

use super::define::event_struct;
use super::{CallDirection, CallStatus, PostStatus, VoicemailDetector};

event_struct! {
    /// A TwiML-style call webhook (incoming call, status update or action callback).
    ///
    /// ```
    /// use callml::event::{FormWebhook, PostStatus};
    /// let w = FormWebhook::from_form("CallSid=ID1&From=3035550000&To=8044731212&PostStatus=new&FromCity=DENVER").unwrap();
    /// assert_eq!(w.call_sid, "ID1");
    /// assert_eq!(w.post_status, Some(PostStatus::New));
    /// assert_eq!(w.from_city.as_deref(), Some("DENVER"));
    /// ```
    pub struct FormWebhook<'a> {
        /// Unique id of the call.
        req call_sid: Cow<'a, str> = "CallSid",
        /// Server instance the call came from (seed provider).
        opt instance_id: Cow<'a, str> = "InstanceId",
        /// Account id.
        opt account_sid: Cow<'a, str> = "AccountSid",
        /// Caller (often national digits without `+`).
        opt from: Cow<'a, str> = "From",
        /// Called party.
        opt to: Cow<'a, str> = "To",
        /// Call status.
        opt call_status: CallStatus = "CallStatus",
        /// API version (`2012-04-24` at the seed provider, `2010-04-01` at Twilio).
        opt api_version: Cow<'a, str> = "ApiVersion",
        /// `inbound`, `outbound-api`, `outbound-dial`.
        opt direction: CallDirection = "Direction",
        /// Caller name (empty when not an incoming call).
        opt caller_name: Cow<'a, str> = "CallerName",
        /// Where the call was forwarded from; the literal `null` means none.
        opt forwarded_from: Cow<'a, str> = "ForwardedFrom",
        /// When the call began (seed provider).
        opt call_timestamp: Cow<'a, str> = "CallTimestamp",
        /// `new` (first post for the call) or `callback`.
        opt post_status: PostStatus = "PostStatus",
        /// Outbound status updates: `voicemail` or `person_found`.
        opt voicemail_detector: VoicemailDetector = "VoicemailDetector",
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
        /// Twilio: token to forward the call with its caller id.
        opt call_token: Cow<'a, str> = "CallToken",
        /// Twilio: STIR/SHAKEN verification status.
        opt stir_verstat: Cow<'a, str> = "StirVerstat",
        /// Twilio: the parent call, for child calls.
        opt parent_call_sid: Cow<'a, str> = "ParentCallSid",
        /// Gather action: the digits pressed.
        opt digits: Cow<'a, str> = "Digits",
        /// Gather action: recognised speech.
        opt speech_result: Cow<'a, str> = "SpeechResult",
        /// Gather action: recognition confidence (0-1, as sent).
        opt confidence: Cow<'a, str> = "Confidence",
        /// Record action: recording URL.
        opt recording_url: Cow<'a, str> = "RecordingUrl",
        /// Record action: recording id.
        opt recording_sid: Cow<'a, str> = "RecordingSid",
        /// Record action: length in seconds (as sent).
        opt recording_duration: Cow<'a, str> = "RecordingDuration",
        /// Dial action: outcome of the dialled call.
        opt dial_call_status: Cow<'a, str> = "DialCallStatus",
        /// Dial action: the dialled call's id.
        opt dial_call_sid: Cow<'a, str> = "DialCallSid",
        /// Dial action: the dialled call's length in seconds (as sent).
        opt dial_call_duration: Cow<'a, str> = "DialCallDuration",
    }
}

impl<'a> FormWebhook<'a> {
    /// Parses a form body (or query string), borrowing values that need no decoding.
    pub fn from_form(body: &'a str) -> Result<Self, super::EventError> {
        serde_urlencoded::from_str(body).map_err(|e| super::EventError::from_form_error(e.to_string()))
    }

    /// `ForwardedFrom`, unless absent, empty or the literal `null`.
    pub fn forwarded_from(&self) -> Option<&str> {
        self.forwarded_from.as_deref().filter(|f| !f.is_empty() && *f != "null")
    }

    /// Whether this is a new incoming call: `Direction=inbound` and `PostStatus` `new` or absent.
    pub fn is_incoming(&self) -> bool {
        self.direction == Some(CallDirection::Inbound) && matches!(self.post_status, None | Some(PostStatus::New))
    }
}
