//! Collecting digits: `<Gather>`, `<StartGather>`, `<StopGather>`.

use std::borrow::Cow;

use super::{GatherInput, Method, PlayAudio, SpeakSentence};
use crate::xml::Decimal;
use crate::xml::define::define_element;

define_element! {
    /// `<Gather>`: collects DTMF while its SpeakSentence/PlayAudio prompts play, then sends a
    /// `gather` callback to `gatherUrl` (without it the digits are dropped).
    ///
    /// ```
    /// use callml::bxml::Gather;
    /// let g = Gather::new().gather_url("/menu").max_digits(1).speak_sentence("Press 1 for sales.");
    /// assert_eq!(g.to_string(), r#"<Gather gatherUrl="/menu" maxDigits="1"><SpeakSentence>Press 1 for sales.</SpeakSentence></Gather>"#);
    /// ```
    pub struct Gather<'a> = "Gather" {
        /// Basic-auth password for the fallback URL.
        fallback_password: Cow<'a, str> = "fallbackPassword",
        /// Basic-auth user name for the fallback URL.
        fallback_username: Cow<'a, str> = "fallbackUsername",
        /// Seconds to wait for the first digit (0-60).
        first_digit_timeout: Decimal = "firstDigitTimeout" [min = 0, max = 60],
        /// Method for `gatherFallbackUrl`.
        gather_fallback_method: Method = "gatherFallbackMethod",
        /// Fallback for `gatherUrl`.
        gather_fallback_url: Cow<'a, str> = "gatherFallbackUrl",
        /// Method for `gatherUrl`.
        gather_method: Method = "gatherMethod",
        /// URL that receives the `gather` callback.
        gather_url: Cow<'a, str> = "gatherUrl",
        /// Speech hints (newer SDKs).
        hints: Cow<'a, str> = "hints",
        /// Input kinds: `dtmf`, `speech`, `both` (newer SDKs).
        input: GatherInput = "input",
        /// Seconds allowed between digits (1-60).
        inter_digit_timeout: Decimal = "interDigitTimeout" [min = 1, max = 60],
        /// Speech language (newer SDKs).
        language: Cow<'a, str> = "language",
        /// Maximum digits (1-50).
        max_digits: u32 = "maxDigits" [min = 1, max = 50],
        /// URL for partial speech results (newer SDKs).
        partial_result_callback: Cow<'a, str> = "partialResultCallback",
        /// Method for `partialResultCallback`.
        partial_result_callback_method: Method = "partialResultCallbackMethod",
        /// Basic-auth password for `gatherUrl`.
        password: Cow<'a, str> = "password",
        /// Whether to filter profanity (newer SDKs).
        profanity_filter: bool = "profanityFilter",
        /// How often the prompts repeat.
        repeat_count: u32 = "repeatCount",
        /// Speech model (newer SDKs).
        speech_model: Cow<'a, str> = "speechModel",
        /// Speech timeout (newer SDKs).
        speech_timeout: Decimal = "speechTimeout",
        /// Tag sent with later callbacks (`""` clears it).
        tag: Cow<'a, str> = "tag" [max_chars = 256],
        /// Digits that end input (`""` disables).
        terminating_digits: Cow<'a, str> = "terminatingDigits",
        /// Basic-auth user name for `gatherUrl`.
        username: Cow<'a, str> = "username",
    }
    content: children new() GatherChild / IntoGatherChild {
        message = "`<Gather>` cannot contain `{Self}`",
        note = "`<Gather>` accepts SpeakSentence and PlayAudio";
        SpeakSentence => speak_sentence, PlayAudio => play_audio,
    }
}

define_element! {
    /// `<StartGather>`: collects digits in the background and sends a `dtmf` callback per digit.
    ///
    /// ```
    /// use callml::bxml::StartGather;
    /// assert_eq!(StartGather::new().dtmf_url("/dtmf").to_string(), r#"<StartGather dtmfUrl="/dtmf"/>"#);
    /// ```
    pub struct StartGather<'a> = "StartGather" {
        /// Method for `dtmfUrl`.
        dtmf_method: Method = "dtmfMethod",
        /// URL that receives each digit (required).
        dtmf_url: Cow<'a, str> = "dtmfUrl" [required],
        /// Basic-auth password.
        password: Cow<'a, str> = "password",
        /// Tag sent with later callbacks.
        tag: Cow<'a, str> = "tag",
        /// Basic-auth user name.
        username: Cow<'a, str> = "username",
    }
    content: empty;
}

define_element! {
    /// `<StopGather>`: stops a `StartGather`.
    ///
    /// ```
    /// assert_eq!(callml::bxml::StopGather::new().to_string(), "<StopGather/>");
    /// ```
    pub struct StopGather<'a> = "StopGather" {}
    content: empty;
}
