//! Call flow: `<Hangup>`, `<Pause>`, `<Ring>`, `<Redirect>`, `<Tag>`, `<Bridge>`, `<Conference>`.

use std::borrow::Cow;

use super::Method;
use crate::xml::Decimal;
use crate::xml::define::define_element;

define_element! {
    /// `<Hangup>`: ends the call (an empty `<Response/>` does the same).
    ///
    /// ```
    /// assert_eq!(callml::bxml::Hangup::new().to_string(), "<Hangup/>");
    /// ```
    pub struct Hangup<'a> = "Hangup" {}
    content: empty;
}

define_element! {
    /// `<Pause>`: silence for `duration` seconds (0.1-86400).
    ///
    /// ```
    /// assert_eq!(callml::bxml::Pause::new().duration(2).to_string(), r#"<Pause duration="2"/>"#);
    /// ```
    pub struct Pause<'a> = "Pause" {
        /// Seconds of silence.
        duration: Decimal = "duration" [min = 0.1, max = 86400],
    }
    content: empty;
}

define_element! {
    /// `<Ring>`: plays ringback for `duration` seconds.
    ///
    /// ```
    /// assert_eq!(callml::bxml::Ring::new().duration(5.1).to_string(), r#"<Ring duration="5.1"/>"#);
    /// ```
    pub struct Ring<'a> = "Ring" {
        /// Whether to answer the call first (newer SDKs; default true).
        answer_call: bool = "answerCall",
        /// Seconds of ringing.
        duration: Decimal = "duration" [min = 0.1, max = 86400],
    }
    content: empty;
}

define_element! {
    /// `<Redirect>`: fetches the next BXML from `redirectUrl`. Verbs after it never run.
    ///
    /// ```
    /// assert_eq!(callml::bxml::Redirect::new().redirect_url("/next").tag("").to_string(), r#"<Redirect redirectUrl="/next" tag=""/>"#);
    /// ```
    pub struct Redirect<'a> = "Redirect" {
        /// Basic-auth password for the fallback URL.
        fallback_password: Cow<'a, str> = "fallbackPassword",
        /// Basic-auth user name for the fallback URL.
        fallback_username: Cow<'a, str> = "fallbackUsername",
        /// Basic-auth password.
        password: Cow<'a, str> = "password",
        /// Method for `redirectFallbackUrl`.
        redirect_fallback_method: Method = "redirectFallbackMethod",
        /// Fallback for `redirectUrl`.
        redirect_fallback_url: Cow<'a, str> = "redirectFallbackUrl",
        /// Method for `redirectUrl`.
        redirect_method: Method = "redirectMethod",
        /// URL of the next BXML (required).
        redirect_url: Cow<'a, str> = "redirectUrl" [required],
        /// Tag sent with later callbacks (`""` clears it).
        tag: Cow<'a, str> = "tag" [max_chars = 256],
        /// Basic-auth user name.
        username: Cow<'a, str> = "username",
    }
    content: empty;
}

define_element! {
    /// `<Tag>`: sets the call's tag without a callback; empty clears it.
    ///
    /// ```
    /// assert_eq!(callml::bxml::Tag::new("vip").to_string(), "<Tag>vip</Tag>");
    /// ```
    pub struct Tag<'a> = "Tag" {}
    content: text;
}

define_element! {
    /// `<Bridge>`: joins this call with another existing call (its call id as text).
    ///
    /// ```
    /// assert_eq!(callml::bxml::Bridge::new("c-123").to_string(), "<Bridge>c-123</Bridge>");
    /// ```
    pub struct Bridge<'a> = "Bridge" {
        /// Method for `bridgeCompleteFallbackUrl`.
        bridge_complete_fallback_method: Method = "bridgeCompleteFallbackMethod",
        /// Fallback for `bridgeCompleteUrl`.
        bridge_complete_fallback_url: Cow<'a, str> = "bridgeCompleteFallbackUrl",
        /// Method for `bridgeCompleteUrl`.
        bridge_complete_method: Method = "bridgeCompleteMethod",
        /// URL that receives `bridgeComplete`.
        bridge_complete_url: Cow<'a, str> = "bridgeCompleteUrl",
        /// Method for `bridgeTargetCompleteFallbackUrl`.
        bridge_target_complete_fallback_method: Method = "bridgeTargetCompleteFallbackMethod",
        /// Fallback for `bridgeTargetCompleteUrl`.
        bridge_target_complete_fallback_url: Cow<'a, str> = "bridgeTargetCompleteFallbackUrl",
        /// Method for `bridgeTargetCompleteUrl`.
        bridge_target_complete_method: Method = "bridgeTargetCompleteMethod",
        /// URL that receives `bridgeTargetComplete`.
        bridge_target_complete_url: Cow<'a, str> = "bridgeTargetCompleteUrl",
        /// Basic-auth password for fallback URLs.
        fallback_password: Cow<'a, str> = "fallbackPassword",
        /// Basic-auth user name for fallback URLs.
        fallback_username: Cow<'a, str> = "fallbackUsername",
        /// Basic-auth password.
        password: Cow<'a, str> = "password",
        /// Tag sent with later callbacks.
        tag: Cow<'a, str> = "tag" [max_chars = 256],
        /// Basic-auth user name.
        username: Cow<'a, str> = "username",
    }
    content: text;
}

define_element! {
    /// `<Conference>`: joins a conference, named by its text (letters, digits, `-_.`, at most 100).
    ///
    /// ```
    /// assert_eq!(callml::bxml::Conference::new("room-1").mute(true).to_string(), r#"<Conference mute="true">room-1</Conference>"#);
    /// ```
    pub struct Conference<'a> = "Conference" {
        /// Comma-separated call ids this member coaches.
        call_ids_to_coach: Cow<'a, str> = "callIdsToCoach",
        /// Seconds to wait for conference callbacks (1-25).
        callback_timeout: Decimal = "callbackTimeout" [min = 1, max = 25],
        /// Method for `conferenceEventFallbackUrl`.
        conference_event_fallback_method: Method = "conferenceEventFallbackMethod",
        /// Fallback for `conferenceEventUrl`.
        conference_event_fallback_url: Cow<'a, str> = "conferenceEventFallbackUrl",
        /// Method for `conferenceEventUrl`.
        conference_event_method: Method = "conferenceEventMethod",
        /// URL that receives conference events.
        conference_event_url: Cow<'a, str> = "conferenceEventUrl",
        /// Basic-auth password for the fallback URL.
        fallback_password: Cow<'a, str> = "fallbackPassword",
        /// Basic-auth user name for the fallback URL.
        fallback_username: Cow<'a, str> = "fallbackUsername",
        /// Join on hold.
        hold: bool = "hold",
        /// Join muted.
        mute: bool = "mute",
        /// Basic-auth password.
        password: Cow<'a, str> = "password",
        /// Tag sent with later callbacks.
        tag: Cow<'a, str> = "tag" [max_chars = 256],
        /// Basic-auth user name.
        username: Cow<'a, str> = "username",
    }
    content: text;
}
