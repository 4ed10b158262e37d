//! `<Record>`: records the caller.

use std::borrow::Cow;

use super::{Method, RecordingEvent, Trim};
use crate::xml::List;
use crate::xml::define::define_element;

define_element! {
    /// `<Record>`: records the caller, then requests `action` (by default the current document).
    ///
    /// ```
    /// use callml::twiml::Record;
    /// let r = Record::new().max_length(30).play_beep(true).action("/rec");
    /// assert_eq!(r.to_string(), r#"<Record action="/rec" maxLength="30" playBeep="true"/>"#);
    /// ```
    pub struct Record<'a> = "Record" {
        /// URL requested when recording ends.
        action: Cow<'a, str> = "action",
        /// Keys that end recording (ACML: `-1` never stops on DTMF).
        finish_on_key: Cow<'a, str> = "finishOnKey",
        /// Maximum length in seconds.
        max_length: u32 = "maxLength" [min = 2],
        /// Method for `action`.
        method: Method = "method",
        /// Whether to beep before recording.
        play_beep: bool = "playBeep",
        /// Recording configuration to use.
        recording_configuration_id: Cow<'a, str> = "recordingConfigurationId" [undocumented_by = "ACML"],
        /// URL for recording status events.
        recording_status_callback: Cow<'a, str> = "recordingStatusCallback" [undocumented_by = "ACML"],
        /// Which recording events to send.
        recording_status_callback_event: List<RecordingEvent> = "recordingStatusCallbackEvent" [undocumented_by = "ACML"],
        /// Method for `recordingStatusCallback`.
        recording_status_callback_method: Method = "recordingStatusCallbackMethod" [undocumented_by = "ACML"],
        /// Seconds of silence that end recording.
        timeout: u32 = "timeout",
        /// Whether to transcribe.
        transcribe: bool = "transcribe" [undocumented_by = "ACML"],
        /// URL that receives the transcription.
        transcribe_callback: Cow<'a, str> = "transcribeCallback" [undocumented_by = "ACML"],
        /// Whether to trim silence.
        trim: Trim = "trim" [undocumented_by = "ACML"],
    }
    content: empty;
}
