//! `<Echo>`, `<Sms>` and `<Refer>` (with its own `<Sip>`, [`ReferSip`]).

use std::borrow::Cow;

use super::Method;
use crate::xml::define::define_element;

define_element! {
    /// `<Echo>`: plays the caller's own audio back (a test verb).
    ///
    /// ```
    /// use callml::twiml::{Echo, Response};
    /// assert!(Response::new().child(Echo::new()).to_string().ends_with("<Response><Echo/></Response>"));
    /// ```
    pub struct Echo<'a> = "Echo" {
    }
    content: empty;
}

define_element! {
    /// `<Sms>`: sends a text message during the call. Deprecated by Twilio (use messaging TwiML or
    /// the REST API); kept so that existing documents read and render.
    ///
    /// ```
    /// use callml::twiml::Sms;
    /// assert_eq!(Sms::new("Your code is 1234").to("+15551112222").to_string(), r#"<Sms to="+15551112222">Your code is 1234</Sms>"#);
    /// ```
    pub struct Sms<'a> = "Sms" {
        /// URL requested with `SmsStatus` (without it, the next verb runs).
        action: Cow<'a, str> = "action",
        /// Sender, an SMS-capable number of the account.
        from_: Cow<'a, str> = "from",
        /// Method for `action`.
        method: Method = "method",
        /// URL told about the message status.
        status_callback: Cow<'a, str> = "statusCallback",
        /// Recipient (default: the caller).
        to: Cow<'a, str> = "to",
    }
    content: text;
}

define_element! {
    /// `<Refer>`: transfers a SIP call leg with a SIP REFER to the URI of its one `<Sip>`
    /// ([`ReferSip`]).
    ///
    /// ```
    /// use callml::twiml::{Refer, ReferSip};
    /// let refer = Refer::new(ReferSip::new("sip:alice@example.com?X-Reason=billing&X-Id=1")).action("/referred");
    /// assert_eq!(refer.to_string(), r#"<Refer action="/referred"><Sip>sip:alice@example.com?X-Reason=billing&amp;X-Id=1</Sip></Refer>"#);
    /// ```
    pub struct Refer<'a> = "Refer" {
        /// URL requested with the outcome of the REFER.
        action: Cow<'a, str> = "action",
        /// Method for `action`.
        method: Method = "method",
    }
    content: children new(first) ReferChild / IntoReferChild {
        message = "`<Refer>` cannot contain `{Self}`",
        note = "`<Refer>` accepts one Sip (ReferSip)";
        ReferSip => sip,
    }
}

define_element! {
    /// `<Sip>` inside `<Refer>`: the SIP URI to refer to (custom headers in its query). A different
    /// element from [`Dial`](super::Dial)'s [`Sip`](super::Sip): text only, no attributes.
    ///
    /// ```
    /// use callml::twiml::ReferSip;
    /// assert_eq!(ReferSip::new("sip:bob@example.com").to_string(), "<Sip>sip:bob@example.com</Sip>");
    /// ```
    pub struct ReferSip<'a> = "Sip" {
    }
    content: text;
}
