//! Media streams, real-time transcription and endpoints: `<StartStream>`/`<StreamParam>`,
//! `<StopStream>`, `<StartTranscription>`/`<CustomParam>`, `<StopTranscription>`,
//! `<Connect>`/`<Endpoint>`.

use std::borrow::Cow;

use super::{Method, StreamMode, Tracks};
use crate::xml::define::define_element;

define_element! {
    /// `<StartStream>`: forks the call audio to a websocket; up to 12 `<StreamParam>`s.
    ///
    /// ```
    /// use callml::bxml::{StartStream, StreamParam};
    /// let s = StartStream::new().destination("wss://example.com/s").stream_param(StreamParam::new().name("a").value("1"));
    /// assert_eq!(s.to_string(), r#"<StartStream destination="wss://example.com/s"><StreamParam name="a" value="1"/></StartStream>"#);
    /// ```
    pub struct StartStream<'a> = "StartStream" {
        /// Websocket URL (required).
        destination: Cow<'a, str> = "destination" [required],
        /// Basic-auth password for the websocket.
        destination_password: Cow<'a, str> = "destinationPassword",
        /// Basic-auth user name for the websocket.
        destination_username: Cow<'a, str> = "destinationUsername",
        /// One-way or two-way audio.
        mode: StreamMode = "mode",
        /// Stream name (to stop it later).
        name: Cow<'a, str> = "name",
        /// Basic-auth password for `streamEventUrl`.
        password: Cow<'a, str> = "password",
        /// Method for `streamEventUrl`.
        stream_event_method: Method = "streamEventMethod",
        /// URL told about stream events.
        stream_event_url: Cow<'a, str> = "streamEventUrl",
        /// Which tracks to stream.
        tracks: Tracks = "tracks",
        /// Basic-auth user name for `streamEventUrl`.
        username: Cow<'a, str> = "username",
    }
    content: children new() StartStreamChild / IntoStartStreamChild {
        message = "`<StartStream>` cannot contain `{Self}`",
        note = "`<StartStream>` accepts StreamParam (at most 12)";
        StreamParam => stream_param,
    }
}

define_element! {
    /// `<StreamParam>`: a name/value pair sent to the websocket.
    ///
    /// ```
    /// use callml::bxml::StreamParam;
    /// assert_eq!(StreamParam::new().name("a").value("1").to_string(), r#"<StreamParam name="a" value="1"/>"#);
    /// ```
    pub struct StreamParam<'a> = "StreamParam" {
        /// Name (at most 256 characters).
        name: Cow<'a, str> = "name" [max_chars = 256],
        /// Value (at most 2048 characters).
        value: Cow<'a, str> = "value" [max_chars = 2048],
    }
    content: empty;
}

define_element! {
    /// `<StopStream>`: stops the named stream.
    ///
    /// ```
    /// assert_eq!(callml::bxml::StopStream::new().name("s1").to_string(), r#"<StopStream name="s1"/>"#);
    /// ```
    pub struct StopStream<'a> = "StopStream" {
        /// Stream name (required).
        name: Cow<'a, str> = "name" [required],
        /// Wait for the stream to end (newer SDKs).
        wait: bool = "wait",
    }
    content: empty;
}

define_element! {
    /// `<StartTranscription>`: real-time transcription; up to 12 `<CustomParam>`s.
    ///
    /// ```
    /// use callml::bxml::{StartTranscription, Tracks};
    /// assert_eq!(StartTranscription::new().tracks(Tracks::Both).to_string(), r#"<StartTranscription tracks="both"/>"#);
    /// ```
    pub struct StartTranscription<'a> = "StartTranscription" {
        /// Websocket URL for transcripts.
        destination: Cow<'a, str> = "destination",
        /// Detect the spoken language (newer SDKs).
        detect_language: bool = "detectLanguage",
        /// Transcription name (to stop it later).
        name: Cow<'a, str> = "name",
        /// Basic-auth password.
        password: Cow<'a, str> = "password",
        /// Comma-separated preferred languages (newer SDKs).
        preferred_languages: Cow<'a, str> = "preferredLanguages",
        /// Send only stable results.
        stabilized: bool = "stabilized",
        /// Which tracks to transcribe.
        tracks: Tracks = "tracks",
        /// Method for `transcriptionEventUrl`.
        transcription_event_method: Method = "transcriptionEventMethod",
        /// URL told about transcription events.
        transcription_event_url: Cow<'a, str> = "transcriptionEventUrl",
        /// Basic-auth user name.
        username: Cow<'a, str> = "username",
    }
    content: children new() StartTranscriptionChild / IntoStartTranscriptionChild {
        message = "`<StartTranscription>` cannot contain `{Self}`",
        note = "`<StartTranscription>` accepts CustomParam (at most 12)";
        CustomParam => custom_param,
    }
}

define_element! {
    /// `<CustomParam>`: a name/value pair sent with transcription events.
    ///
    /// ```
    /// use callml::bxml::CustomParam;
    /// assert_eq!(CustomParam::new().name("a").value("1").to_string(), r#"<CustomParam name="a" value="1"/>"#);
    /// ```
    pub struct CustomParam<'a> = "CustomParam" {
        /// Name.
        name: Cow<'a, str> = "name",
        /// Value.
        value: Cow<'a, str> = "value",
    }
    content: empty;
}

define_element! {
    /// `<StopTranscription>`: stops the named transcription (all when unnamed).
    ///
    /// ```
    /// assert_eq!(callml::bxml::StopTranscription::new().to_string(), "<StopTranscription/>");
    /// ```
    pub struct StopTranscription<'a> = "StopTranscription" {
        /// Transcription name.
        name: Cow<'a, str> = "name",
    }
    content: empty;
}

define_element! {
    /// `<Connect>`: connects the call to one or more BRTC endpoints.
    ///
    /// ```
    /// use callml::bxml::Connect;
    /// assert_eq!(Connect::new().endpoint("ep-1").to_string(), "<Connect><Endpoint>ep-1</Endpoint></Connect>");
    /// ```
    pub struct Connect<'a> = "Connect" {
        /// URL that receives endpoint events.
        event_callback_url: Cow<'a, str> = "eventCallbackUrl",
        /// Fallback for `eventCallbackUrl` (newer SDKs).
        event_fallback_url: Cow<'a, str> = "eventFallbackUrl",
    }
    content: children new() ConnectChild / IntoConnectChild {
        message = "`<Connect>` cannot contain `{Self}`",
        note = "`<Connect>` accepts Endpoint";
        Endpoint => endpoint,
    }
}

define_element! {
    /// `<Endpoint>`: an endpoint id inside `<Connect>`.
    ///
    /// ```
    /// assert_eq!(callml::bxml::Endpoint::new("ep-1").to_string(), "<Endpoint>ep-1</Endpoint>");
    /// ```
    pub struct Endpoint<'a> = "Endpoint" {}
    content: text;
}
