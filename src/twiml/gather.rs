//! `<Gather>`: collects digits or speech while prompting.

use std::borrow::Cow;

use super::{GatherInput, Method, Pause, Play, Say, SpeechTimeout};
use crate::xml::List;
use crate::xml::define::define_element;

define_element! {
    /// `<Gather>`: collects DTMF and/or speech; its Say/Play/Pause children prompt while it listens.
    ///
    /// ```
    /// use callml::twiml::{Gather, Pause};
    /// let g = Gather::new().num_digits(1).action("/menu").say("Press 1").pause(Pause::new().length(2));
    /// assert_eq!(g.to_string(), r#"<Gather action="/menu" numDigits="1"><Say>Press 1</Say><Pause length="2"/></Gather>"#);
    /// ```
    pub struct Gather<'a> = "Gather" {
        /// URL that receives the input (default: the current document).
        action: Cow<'a, str> = "action",
        /// Call `action` even when nothing was gathered.
        action_on_empty_result: bool = "actionOnEmptyResult" [undocumented_by = "ACML"],
        /// Whether input interrupts the prompts.
        barge_in: bool = "bargeIn" [undocumented_by = "ACML"],
        /// Debug mode.
        debug: bool = "debug" [undocumented_by = "ACML"],
        /// Premium speech model.
        enhanced: bool = "enhanced" [undocumented_by = "ACML"],
        /// Key that ends input (`#` by default; empty disables).
        finish_on_key: Cow<'a, str> = "finishOnKey",
        /// Comma-separated phrases that help recognition.
        hints: Cow<'a, str> = "hints",
        /// Kinds of input: `dtmf`, `speech`.
        input: List<GatherInput> = "input",
        /// Speech recognition language.
        language: Cow<'a, str> = "language",
        /// Maximum seconds of speech.
        max_speech_time: u32 = "maxSpeechTime" [undocumented_by = "ACML"],
        /// Method for `action`.
        method: Method = "method",
        /// Number of digits to collect.
        num_digits: u32 = "numDigits" [min = 1],
        /// URL for partial speech results.
        partial_result_callback: Cow<'a, str> = "partialResultCallback",
        /// Method for `partialResultCallback`.
        partial_result_callback_method: Method = "partialResultCallbackMethod" [undocumented_by = "ACML"],
        /// Whether to filter profanity.
        profanity_filter: bool = "profanityFilter" [undocumented_by = "ACML"],
        /// Speech model (`default`, `numbers_and_commands`, `phone_call`, ...).
        speech_model: Cow<'a, str> = "speechModel" [undocumented_by = "ACML"],
        /// Silence that ends speech input: `auto` or seconds.
        speech_timeout: SpeechTimeout = "speechTimeout" [undocumented_by = "ACML"],
        /// Seconds to wait for input.
        timeout: u32 = "timeout",
    }
    content: children new() GatherChild / IntoGatherChild {
        message = "`<Gather>` cannot contain `{Self}`",
        note = "`<Gather>` accepts Say, Play and Pause";
        Say => say, Play => play, Pause => pause,
    }
}
