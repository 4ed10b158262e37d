//! Flow control: `<Hangup>`, `<Reject>`, `<Redirect>`, and the `<Parameter>` they may carry.

use std::borrow::Cow;

use super::{Method, RejectReason};
use crate::xml::define::define_element;

define_element! {
    /// `<Parameter>`: a custom name/value pair (under Client, Hangup, Reject).
    ///
    /// ```
    /// use callml::twiml::Parameter;
    /// assert_eq!(Parameter::pair("k", "v").to_string(), r#"<Parameter name="k" value="v"/>"#);
    /// ```
    pub struct Parameter<'a> = "Parameter" {
        /// Parameter name.
        name: Cow<'a, str> = "name",
        /// Parameter value.
        value: Cow<'a, str> = "value",
    }
    content: empty;
}

impl<'a> Parameter<'a> {
    /// A parameter with both name and value.
    pub fn pair(name: impl Into<Cow<'a, str>>, value: impl Into<Cow<'a, str>>) -> Self {
        Parameter::new().name(name).value(value)
    }
}

define_element! {
    /// `<Hangup>`: ends the call. Nothing after it runs.
    ///
    /// ```
    /// use callml::twiml::Hangup;
    /// assert_eq!(Hangup::new().to_string(), "<Hangup/>");
    /// ```
    pub struct Hangup<'a> = "Hangup" {}
    content: children new() HangupChild / IntoHangupChild {
        message = "`<Hangup>` cannot contain `{Self}`",
        note = "`<Hangup>` accepts only Parameter";
        Parameter => parameter,
    }
}

define_element! {
    /// `<Reject>`: refuses the call without answering it (as the first verb, no billing).
    ///
    /// ```
    /// use callml::twiml::{Reject, RejectReason};
    /// assert_eq!(Reject::new().reason(RejectReason::Busy).to_string(), r#"<Reject reason="busy"/>"#);
    /// ```
    pub struct Reject<'a> = "Reject" {
        /// Why: `rejected` (default) or `busy`; ACML adds six SIP-level reasons.
        reason: RejectReason = "reason",
    }
    content: children new() RejectChild / IntoRejectChild {
        message = "`<Reject>` cannot contain `{Self}`",
        note = "`<Reject>` accepts only Parameter";
        Parameter => parameter,
    }
}

define_element! {
    /// `<Redirect>`: continues with the document at a URL. Nothing after it runs.
    ///
    /// ```
    /// use callml::twiml::{Redirect, Method};
    /// assert_eq!(Redirect::new("/next").method(Method::Post).to_string(), r#"<Redirect method="POST">/next</Redirect>"#);
    /// ```
    pub struct Redirect<'a> = "Redirect" {
        /// Method for the URL.
        method: Method = "method",
    }
    content: text;
}
