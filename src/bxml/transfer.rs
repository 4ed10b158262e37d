//! Connecting calls: `<Transfer>` with `<PhoneNumber>`/`<SipUri>`, `<Forward>`, `<Refer>`.

use std::borrow::Cow;

use super::{DiversionReason, DiversionTreatment, Method};
use crate::xml::Decimal;
use crate::xml::define::define_element;

define_element! {
    /// `<Transfer>`: dials 1 to 8 targets at once and bridges the first to answer. The constructor
    /// takes the first target, so a Transfer always has one; `validate()` reports more than 8.
    ///
    /// ```
    /// use callml::bxml::{Transfer, PhoneNumber, SipUri};
    /// let t = Transfer::new(PhoneNumber::new("+15555550101")).transfer_caller_id("+15555550100").sip_uri("sip:a@example.com");
    /// assert_eq!(
    ///     t.to_string(),
    ///     r#"<Transfer transferCallerId="+15555550100"><PhoneNumber>+15555550101</PhoneNumber><SipUri>sip:a@example.com</SipUri></Transfer>"#
    /// );
    /// ```
    pub struct Transfer<'a> = "Transfer" {
        /// Seconds to ring (1-300).
        call_timeout: Decimal = "callTimeout" [min = 1, max = 300],
        /// Reason written into the Diversion header (with `stack`).
        diversion_reason: DiversionReason = "diversionReason",
        /// What to do with the Diversion header.
        diversion_treatment: DiversionTreatment = "diversionTreatment",
        /// Basic-auth password for the fallback URL.
        fallback_password: Cow<'a, str> = "fallbackPassword",
        /// Basic-auth user name for the fallback URL.
        fallback_username: Cow<'a, str> = "fallbackUsername",
        /// Basic-auth password.
        password: Cow<'a, str> = "password",
        /// Hide the caller (newer SDKs).
        privacy: bool = "privacy",
        /// Tag sent with later callbacks.
        tag: Cow<'a, str> = "tag" [max_chars = 256],
        /// Caller display name (at most 256 characters).
        transfer_caller_display_name: Cow<'a, str> = "transferCallerDisplayName" [max_chars = 256],
        /// Caller ID: E.164 or Restricted/Anonymous/Private/Unavailable.
        transfer_caller_id: Cow<'a, str> = "transferCallerId",
        /// Method for `transferCompleteFallbackUrl`.
        transfer_complete_fallback_method: Method = "transferCompleteFallbackMethod",
        /// Fallback for `transferCompleteUrl`.
        transfer_complete_fallback_url: Cow<'a, str> = "transferCompleteFallbackUrl",
        /// Method for `transferCompleteUrl`.
        transfer_complete_method: Method = "transferCompleteMethod",
        /// URL that receives `transferComplete` (its BXML continues the call).
        transfer_complete_url: Cow<'a, str> = "transferCompleteUrl",
        /// Basic-auth user name.
        username: Cow<'a, str> = "username",
    }
    content: children new(first) TransferChild / IntoTransferChild {
        message = "`<Transfer>` cannot contain `{Self}`",
        note = "`<Transfer>` accepts PhoneNumber and SipUri (1 to 8)";
        PhoneNumber => phone_number, SipUri => sip_uri,
    }
}

/// PhoneNumber and SipUri are the two transfer targets: the same attributes, different text.
macro_rules! transfer_target {
    ($(#[$meta:meta])* $name:ident = $xml:literal) => {
        define_element! {
            $(#[$meta])*
            pub struct $name<'a> = $xml {
                /// Basic-auth password for fallback URLs.
                fallback_password: Cow<'a, str> = "fallbackPassword",
                /// Basic-auth user name for fallback URLs.
                fallback_username: Cow<'a, str> = "fallbackUsername",
                /// Basic-auth password.
                password: Cow<'a, str> = "password",
                /// Tag sent with later callbacks.
                tag: Cow<'a, str> = "tag" [max_chars = 256],
                /// Method for `transferAnswerFallbackUrl`.
                transfer_answer_fallback_method: Method = "transferAnswerFallbackMethod",
                /// Fallback for `transferAnswerUrl`.
                transfer_answer_fallback_url: Cow<'a, str> = "transferAnswerFallbackUrl",
                /// Method for `transferAnswerUrl`.
                transfer_answer_method: Method = "transferAnswerMethod",
                /// URL whose BXML runs on the called party when it answers.
                transfer_answer_url: Cow<'a, str> = "transferAnswerUrl",
                /// Method for `transferDisconnectUrl`.
                transfer_disconnect_method: Method = "transferDisconnectMethod",
                /// URL told when the called party hangs up.
                transfer_disconnect_url: Cow<'a, str> = "transferDisconnectUrl",
                /// Basic-auth user name.
                username: Cow<'a, str> = "username",
                /// User-to-user information (RFC 7433, at most 256 characters).
                uui: Cow<'a, str> = "uui" [max_chars = 256],
            }
            content: text;
        }
    };
}

transfer_target! {
    /// `<PhoneNumber>`: an E.164 number to transfer to.
    ///
    /// ```
    /// use callml::bxml::PhoneNumber;
    /// let p = PhoneNumber::new("+15555550102").transfer_answer_url("/whisper");
    /// assert_eq!(p.to_string(), r#"<PhoneNumber transferAnswerUrl="/whisper">+15555550102</PhoneNumber>"#);
    /// ```
    PhoneNumber = "PhoneNumber"
}

transfer_target! {
    /// `<SipUri>`: a SIP URI to transfer to (or to refer to, in `<Refer>`).
    ///
    /// ```
    /// use callml::bxml::SipUri;
    /// assert_eq!(SipUri::new("sip:a@example.com").uui("abc").to_string(), r#"<SipUri uui="abc">sip:a@example.com</SipUri>"#);
    /// ```
    SipUri = "SipUri"
}

define_element! {
    /// `<Forward>`: hands an unanswered inbound call to another number; the application loses
    /// control.
    ///
    /// ```
    /// use callml::bxml::Forward;
    /// assert_eq!(Forward::new().to("+19195551234").to_string(), r#"<Forward to="+19195551234"/>"#);
    /// ```
    pub struct Forward<'a> = "Forward" {
        /// Seconds to ring (1-300).
        call_timeout: Decimal = "callTimeout" [min = 1, max = 300],
        /// Caller display name (newer SDKs).
        caller_display_name: Cow<'a, str> = "callerDisplayName",
        /// Reason written into the Diversion header.
        diversion_reason: DiversionReason = "diversionReason",
        /// What to do with the Diversion header.
        diversion_treatment: DiversionTreatment = "diversionTreatment",
        /// Caller ID: E.164 or Restricted/Anonymous/Private/Unavailable.
        from: Cow<'a, str> = "from",
        /// Hide the caller (newer SDKs).
        privacy: bool = "privacy",
        /// Destination, E.164 or SIP URI (required).
        to: Cow<'a, str> = "to" [required],
        /// User-to-user information.
        uui: Cow<'a, str> = "uui" [max_chars = 256],
    }
    content: empty;
}

define_element! {
    /// `<Refer>`: sends a SIP REFER for an inbound SIP call to exactly one `<SipUri>` (the
    /// constructor takes it; `validate()` reports any other count).
    ///
    /// ```
    /// use callml::bxml::{Refer, SipUri};
    /// let r = Refer::new(SipUri::new("sip:b@example.com")).refer_complete_url("/refer");
    /// assert_eq!(r.to_string(), r#"<Refer referCompleteUrl="/refer"><SipUri>sip:b@example.com</SipUri></Refer>"#);
    /// ```
    pub struct Refer<'a> = "Refer" {
        /// Method for `referCompleteUrl`.
        refer_complete_method: Method = "referCompleteMethod",
        /// URL that receives `referComplete`.
        refer_complete_url: Cow<'a, str> = "referCompleteUrl",
        /// Tag sent with later callbacks.
        tag: Cow<'a, str> = "tag",
    }
    content: children new(first) ReferChild / IntoReferChild {
        message = "`<Refer>` cannot contain `{Self}`",
        note = "`<Refer>` accepts exactly one SipUri";
        SipUri,
    }
}
