//! Background operations: `<Start>` and `<Stop>` with `<Stream>`, `<Siprec>`, `<Transcription>`,
//! `<Recording>` and `<MediaFilter>`; `<Config>`.

use std::borrow::Cow;

use super::{MediaFilterType, Method, Parameter, RecordingChannels, RecordingEvent, RecordingTrack, StreamTrack, Trim};
use crate::xml::List;
use crate::xml::define::define_element;

define_element! {
    /// `<Start>`: starts operations that run beside the call (a media stream fork, SIPREC, live
    /// transcription, a recording); the next verb runs at once.
    ///
    /// ```
    /// use callml::twiml::{Start, Stream, StreamTrack};
    /// let start = Start::new().stream(Stream::new().name("fork").url("wss://example.com/audio").track(StreamTrack::BothTracks));
    /// assert_eq!(start.to_string(), r#"<Start><Stream name="fork" track="both_tracks" url="wss://example.com/audio"/></Start>"#);
    /// ```
    pub struct Start<'a> = "Start" {
        /// URL requested about the started operations.
        action: Cow<'a, str> = "action",
        /// Method for `action`.
        method: Method = "method",
    }
    content: children new() StartChild / IntoStartChild {
        message = "`<Start>` cannot contain `{Self}`",
        note = "`<Start>` accepts Stream, Siprec, Transcription, Recording and MediaFilter";
        Stream => stream, Siprec => siprec, Transcription => transcription, Recording => recording, MediaFilter => media_filter,
    }
}

define_element! {
    /// `<Stop>`: stops operations a `<Start>` began, found by their `name`.
    ///
    /// ```
    /// use callml::twiml::{Stop, Stream};
    /// assert_eq!(Stop::new().stream(Stream::new().name("fork")).to_string(), r#"<Stop><Stream name="fork"/></Stop>"#);
    /// ```
    pub struct Stop<'a> = "Stop" {
    }
    content: children new() StopChild / IntoStopChild {
        message = "`<Stop>` cannot contain `{Self}`",
        note = "`<Stop>` accepts Stream, Siprec, Transcription and MediaFilter";
        Stream => stream, Siprec => siprec, Transcription => transcription, MediaFilter => media_filter,
    }
}

define_element! {
    /// `<Stream>`: the call's audio over a WebSocket (`wss` URL, no query string: per-call data goes
    /// in `<Parameter>`s). One-way under `<Start>`, two-way under `<Connect>` (`inbound_track` only).
    ///
    /// ```
    /// use callml::twiml::{Parameter, Stream};
    /// let s = Stream::new().url("wss://example.com/media").parameter(Parameter::new().name("caller").value("+15551234567"));
    /// assert_eq!(s.to_string(), r#"<Stream url="wss://example.com/media"><Parameter name="caller" value="+15551234567"/></Stream>"#);
    /// ```
    pub struct Stream<'a> = "Stream" {
        /// Audio format.
        audio_format: Cow<'a, str> = "audioFormat",
        /// Unique name of the connector add-on.
        connector_name: Cow<'a, str> = "connectorName",
        /// Name (unique per call; `<Stop>` finds the operation by it).
        name: Cow<'a, str> = "name",
        /// Sample rate (HD codecs).
        sample_rate: Cow<'a, str> = "sampleRate",
        /// URL told about status changes.
        status_callback: Cow<'a, str> = "statusCallback",
        /// Method for `statusCallback`.
        status_callback_method: Method = "statusCallbackMethod",
        /// Which audio track.
        track: StreamTrack = "track",
        /// WebSocket URL (`wss`).
        url: Cow<'a, str> = "url",
    }
    content: children new() StreamChild / IntoStreamChild {
        message = "`<Stream>` cannot contain `{Self}`",
        note = "`<Stream>` accepts Parameter";
        Parameter => parameter,
    }
}

define_element! {
    /// `<Siprec>`: forks the call to a SIPREC recording server through a connector (both tracks use
    /// two of the call's four forks).
    ///
    /// ```
    /// use callml::twiml::Siprec;
    /// assert_eq!(Siprec::new().name("rec").connector_name("SiprecConnector").to_string(), r#"<Siprec connectorName="SiprecConnector" name="rec"/>"#);
    /// ```
    pub struct Siprec<'a> = "Siprec" {
        /// Unique name of the connector add-on.
        connector_name: Cow<'a, str> = "connectorName",
        /// Name (unique per call; `<Stop>` finds the operation by it).
        name: Cow<'a, str> = "name",
        /// URL told about status changes.
        status_callback: Cow<'a, str> = "statusCallback",
        /// Method for `statusCallback`.
        status_callback_method: Method = "statusCallbackMethod",
        /// Which audio track.
        track: StreamTrack = "track",
    }
    content: children new() SiprecChild / IntoSiprecChild {
        message = "`<Siprec>` cannot contain `{Self}`",
        note = "`<Siprec>` accepts Parameter";
        Parameter => parameter,
    }
}

define_element! {
    /// `<Transcription>`: live speech-to-text of the call, posted to `statusCallbackUrl`.
    ///
    /// ```
    /// use callml::twiml::{StreamTrack, Transcription};
    /// let t = Transcription::new().status_callback_url("/transcripts").track(StreamTrack::BothTracks).inbound_track_label("customer");
    /// assert_eq!(t.to_string(), r#"<Transcription inboundTrackLabel="customer" statusCallbackUrl="/transcripts" track="both_tracks"/>"#);
    /// ```
    pub struct Transcription<'a> = "Transcription" {
        /// Conversation configuration (id or unique name; twilio-node only).
        conversation_configuration: Cow<'a, str> = "conversationConfiguration",
        /// Conversation id (twilio-node only).
        conversation_id: Cow<'a, str> = "conversationId",
        /// Punctuate the transcript.
        enable_automatic_punctuation: bool = "enableAutomaticPunctuation",
        /// Comma-separated phrases that help recognition.
        hints: Cow<'a, str> = "hints",
        /// Speaker label of the inbound track.
        inbound_track_label: Cow<'a, str> = "inboundTrackLabel",
        /// Conversational Intelligence service (SID or unique name).
        intelligence_service: Cow<'a, str> = "intelligenceService",
        /// Language (BCP-47).
        language_code: Cow<'a, str> = "languageCode",
        /// Name (unique per call; `<Stop>` finds the operation by it).
        name: Cow<'a, str> = "name",
        /// Speaker label of the outbound track.
        outbound_track_label: Cow<'a, str> = "outboundTrackLabel",
        /// Post partial results too.
        partial_results: bool = "partialResults",
        /// Whether to filter profanity.
        profanity_filter: bool = "profanityFilter",
        /// Speech recognition model.
        speech_model: Cow<'a, str> = "speechModel",
        /// Method for `statusCallback`.
        status_callback_method: Method = "statusCallbackMethod",
        /// URL the results are posted to.
        status_callback_url: Cow<'a, str> = "statusCallbackUrl",
        /// Which audio track.
        track: StreamTrack = "track",
        /// Engine (`google`, `deepgram`).
        transcription_engine: Cow<'a, str> = "transcriptionEngine",
    }
    content: children new() TranscriptionChild / IntoTranscriptionChild {
        message = "`<Transcription>` cannot contain `{Self}`",
        note = "`<Transcription>` accepts Config and Parameter";
        Config => config, Parameter => parameter,
    }
}

define_element! {
    /// `<Recording>` inside `<Start>`: records the call from here on.
    ///
    /// ```
    /// use callml::twiml::{Recording, RecordingChannels};
    /// assert_eq!(Recording::new().channels(RecordingChannels::Dual).to_string(), r#"<Recording channels="dual"/>"#);
    /// ```
    pub struct Recording<'a> = "Recording" {
        /// Mono or one channel per party.
        channels: RecordingChannels = "channels",
        /// Recording configuration id.
        recording_configuration_id: Cow<'a, str> = "recordingConfigurationId",
        /// URL told when a recording is ready.
        recording_status_callback: Cow<'a, str> = "recordingStatusCallback",
        /// Recording events that call `recordingStatusCallback`.
        recording_status_callback_event: List<RecordingEvent> = "recordingStatusCallbackEvent",
        /// Method for `recordingStatusCallback`.
        recording_status_callback_method: Method = "recordingStatusCallbackMethod",
        /// Which audio track.
        track: RecordingTrack = "track",
        /// Whether to trim silence from the recording.
        trim: Trim = "trim",
    }
    content: empty;
}

define_element! {
    /// `<MediaFilter>`: applies a media filter (noise reduction) to a track (twilio-node only).
    ///
    /// ```
    /// use callml::twiml::{MediaFilter, MediaFilterType};
    /// assert_eq!(MediaFilter::new().filter_type(MediaFilterType::Noise).to_string(), r#"<MediaFilter filterType="noise"/>"#);
    /// ```
    pub struct MediaFilter<'a> = "MediaFilter" {
        /// The filter.
        filter_type: MediaFilterType = "filterType",
        /// Filter model.
        model: Cow<'a, str> = "model",
        /// Name (unique per call; `<Stop>` finds the operation by it).
        name: Cow<'a, str> = "name",
        /// Which audio track.
        track: StreamTrack = "track",
    }
    content: children new() MediaFilterChild / IntoMediaFilterChild {
        message = "`<MediaFilter>` cannot contain `{Self}`",
        note = "`<MediaFilter>` accepts Parameter";
        Parameter => parameter,
    }
}

define_element! {
    /// `<Config>`: one name/value setting of a `<Transcription>` or `<VirtualAgent>`.
    ///
    /// ```
    /// use callml::twiml::Config;
    /// assert_eq!(Config::new().name("voiceName").value("en-US-Neural2-F").to_string(), r#"<Config name="voiceName" value="en-US-Neural2-F"/>"#);
    /// ```
    pub struct Config<'a> = "Config" {
        /// Setting name.
        name: Cow<'a, str> = "name",
        /// Value.
        value: Cow<'a, str> = "value",
    }
    content: empty;
}
