//! Recording: `<Record>`, `<StartRecording>`, `<StopRecording>`, `<PauseRecording>`,
//! `<ResumeRecording>`.

use std::borrow::Cow;

use super::{FileFormat, Method};
use crate::xml::Decimal;
use crate::xml::define::define_element;

define_element! {
    /// `<Record>`: records the caller (voicemail style), then sends `recordComplete`.
    ///
    /// ```
    /// use callml::bxml::{Record, FileFormat};
    /// let r = Record::new().record_complete_url("/done").max_duration(120).file_format(FileFormat::Mp3);
    /// assert_eq!(r.to_string(), r#"<Record fileFormat="mp3" maxDuration="120" recordCompleteUrl="/done"/>"#);
    /// ```
    pub struct Record<'a> = "Record" {
        /// Detect the spoken language for transcription.
        detect_language: bool = "detectLanguage",
        /// Basic-auth password for fallback URLs.
        fallback_password: Cow<'a, str> = "fallbackPassword",
        /// Basic-auth user name for fallback URLs.
        fallback_username: Cow<'a, str> = "fallbackUsername",
        /// `wav` or `mp3`.
        file_format: FileFormat = "fileFormat",
        /// Maximum seconds (at most 10800).
        max_duration: u32 = "maxDuration" [min = 1, max = 10800],
        /// Basic-auth password.
        password: Cow<'a, str> = "password",
        /// Method for `recordCompleteFallbackUrl`.
        record_complete_fallback_method: Method = "recordCompleteFallbackMethod",
        /// Fallback for `recordCompleteUrl`.
        record_complete_fallback_url: Cow<'a, str> = "recordCompleteFallbackUrl",
        /// Method for `recordCompleteUrl`.
        record_complete_method: Method = "recordCompleteMethod",
        /// URL that receives `recordComplete` (its BXML continues the call).
        record_complete_url: Cow<'a, str> = "recordCompleteUrl",
        /// Method for `recordingAvailableUrl`.
        recording_available_method: Method = "recordingAvailableMethod",
        /// URL told when the recording file is ready.
        recording_available_url: Cow<'a, str> = "recordingAvailableUrl",
        /// Name of the recording (newer SDKs).
        recording_name: Cow<'a, str> = "recordingName",
        /// Seconds of silence that end recording (0 = off).
        silence_timeout: Decimal = "silenceTimeout",
        /// Tag sent with later callbacks.
        tag: Cow<'a, str> = "tag" [max_chars = 256],
        /// Digits that end recording (`""` disables).
        terminating_digits: Cow<'a, str> = "terminatingDigits",
        /// Whether to transcribe.
        transcribe: bool = "transcribe",
        /// Method for `transcriptionAvailableUrl`.
        transcription_available_method: Method = "transcriptionAvailableMethod",
        /// URL told when the transcription is ready.
        transcription_available_url: Cow<'a, str> = "transcriptionAvailableUrl",
        /// Basic-auth user name.
        username: Cow<'a, str> = "username",
    }
    content: empty;
}

define_element! {
    /// `<StartRecording>`: records the call in the background.
    ///
    /// ```
    /// use callml::bxml::StartRecording;
    /// assert_eq!(StartRecording::new().multi_channel(true).to_string(), r#"<StartRecording multiChannel="true"/>"#);
    /// ```
    pub struct StartRecording<'a> = "StartRecording" {
        /// Detect the spoken language for transcription.
        detect_language: bool = "detectLanguage",
        /// `wav` or `mp3`.
        file_format: FileFormat = "fileFormat",
        /// One channel per party (ignored on conferences).
        multi_channel: bool = "multiChannel",
        /// Basic-auth password.
        password: Cow<'a, str> = "password",
        /// Method for `recordingAvailableUrl`.
        recording_available_method: Method = "recordingAvailableMethod",
        /// URL told when the recording file is ready.
        recording_available_url: Cow<'a, str> = "recordingAvailableUrl",
        /// Name of the recording (newer SDKs).
        recording_name: Cow<'a, str> = "recordingName",
        /// Tag sent with later callbacks.
        tag: Cow<'a, str> = "tag" [max_chars = 256],
        /// Whether to transcribe.
        transcribe: bool = "transcribe",
        /// Method for `transcriptionAvailableUrl`.
        transcription_available_method: Method = "transcriptionAvailableMethod",
        /// URL told when the transcription is ready.
        transcription_available_url: Cow<'a, str> = "transcriptionAvailableUrl",
        /// Basic-auth user name.
        username: Cow<'a, str> = "username",
    }
    content: empty;
}

define_element! {
    /// `<StopRecording>`.
    ///
    /// ```
    /// assert_eq!(callml::bxml::StopRecording::new().to_string(), "<StopRecording/>");
    /// ```
    pub struct StopRecording<'a> = "StopRecording" {}
    content: empty;
}

define_element! {
    /// `<PauseRecording>`.
    ///
    /// ```
    /// assert_eq!(callml::bxml::PauseRecording::new().to_string(), "<PauseRecording/>");
    /// ```
    pub struct PauseRecording<'a> = "PauseRecording" {}
    content: empty;
}

define_element! {
    /// `<ResumeRecording>`.
    ///
    /// ```
    /// assert_eq!(callml::bxml::ResumeRecording::new().to_string(), "<ResumeRecording/>");
    /// ```
    pub struct ResumeRecording<'a> = "ResumeRecording" {}
    content: empty;
}
