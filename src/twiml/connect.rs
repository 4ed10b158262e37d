//! `<Connect>` and what it connects to: `<ConversationRelay>` (with `<Language>`), `<Stream>`,
//! `<Room>`, `<VirtualAgent>`, `<Conversation>`, `<AiSession>`, `<ConversationRelaySession>` and
//! `<Autopilot>`.

use std::borrow::Cow;

use super::{
    Config, ConversationEvent, ConversationRecord, IncludeInPrompt, InterruptSensitivity, Interruptible, Method,
    Parameter, RecordingEvent, SpeechTimeout, Stream, TextNormalization, Trim,
};
use crate::xml::define::define_element;
use crate::xml::{Decimal, List};

define_element! {
    /// `<Connect>`: connects the call to one service (a ConversationRelay AI agent, a two-way media
    /// stream, a video room, ...) until it ends; then `action` is requested, or the next verb runs.
    ///
    /// ```
    /// use callml::twiml::{Connect, ConversationRelay};
    /// let c = Connect::new().action("/agent-done").conversation_relay(ConversationRelay::new().url("wss://example.com/agent"));
    /// assert_eq!(c.to_string(), r#"<Connect action="/agent-done"><ConversationRelay url="wss://example.com/agent"/></Connect>"#);
    /// ```
    pub struct Connect<'a> = "Connect" {
        /// URL requested when the connection ends (without it, the next verb runs).
        action: Cow<'a, str> = "action",
        /// Method for `action`.
        method: Method = "method",
    }
    content: children new() ConnectChild / IntoConnectChild {
        message = "`<Connect>` cannot contain `{Self}`",
        note = "`<Connect>` accepts one of Room, Autopilot, Stream, VirtualAgent, Conversation, ConversationRelay, AiSession, ConversationRelaySession";
        Room => room, Autopilot => autopilot, Stream => stream, VirtualAgent => virtual_agent, Conversation => conversation, ConversationRelay => conversation_relay, AiSession => ai_session, ConversationRelaySession => conversation_relay_session,
    }
}

define_element! {
    /// `<Room>`: joins a Programmable Video group room (by unique name or SID).
    ///
    /// ```
    /// use callml::twiml::Room;
    /// assert_eq!(Room::new("DailyStandup").participant_identity("alice").to_string(), r#"<Room participantIdentity="alice">DailyStandup</Room>"#);
    /// ```
    pub struct Room<'a> = "Room" {
        /// Identity of the caller in the room.
        participant_identity: Cow<'a, str> = "participantIdentity",
    }
    content: text;
}

define_element! {
    /// `<Autopilot>`: hands the call to an Autopilot assistant (a retired Twilio product; kept so
    /// that existing documents read).
    ///
    /// ```
    /// use callml::twiml::Autopilot;
    /// assert_eq!(Autopilot::new("UA123").to_string(), "<Autopilot>UA123</Autopilot>");
    /// ```
    pub struct Autopilot<'a> = "Autopilot" {
    }
    content: text;
}

define_element! {
    /// `<VirtualAgent>`: hands the call to a Dialogflow agent through a connector.
    ///
    /// ```
    /// use callml::twiml::{Config, VirtualAgent};
    /// let agent = VirtualAgent::new().connector_name("dialogflow").config(Config::new().name("language").value("fr"));
    /// assert_eq!(agent.to_string(), r#"<VirtualAgent connectorName="dialogflow"><Config name="language" value="fr"/></VirtualAgent>"#);
    /// ```
    pub struct VirtualAgent<'a> = "VirtualAgent" {
        /// Unique name of the connector add-on.
        connector_name: Cow<'a, str> = "connectorName",
        /// Language (BCP-47).
        language: Cow<'a, str> = "language",
        /// Analyse the caller's sentiment.
        sentiment_analysis: bool = "sentimentAnalysis",
        /// URL told about status changes.
        status_callback: Cow<'a, str> = "statusCallback",
        /// Method for `statusCallback`.
        status_callback_method: Method = "statusCallbackMethod",
    }
    content: children new() VirtualAgentChild / IntoVirtualAgentChild {
        message = "`<VirtualAgent>` cannot contain `{Self}`",
        note = "`<VirtualAgent>` accepts Config and Parameter";
        Config => config, Parameter => parameter,
    }
}

define_element! {
    /// `<Conversation>`: hands the call to a Conversations service (Frontline).
    ///
    /// ```
    /// use callml::twiml::Conversation;
    /// assert_eq!(Conversation::new().service_instance_sid("IS123").to_string(), r#"<Conversation serviceInstanceSid="IS123"/>"#);
    /// ```
    pub struct Conversation<'a> = "Conversation" {
        /// Create conversations for inbound calls.
        inbound_autocreation: bool = "inboundAutocreation",
        /// Seconds an inbound call waits.
        inbound_timeout: u32 = "inboundTimeout",
        /// Method for `url`.
        method: Method = "method",
        /// Whether to record.
        record: ConversationRecord = "record",
        /// URL told when a recording is ready.
        recording_status_callback: Cow<'a, str> = "recordingStatusCallback",
        /// Recording events that call `recordingStatusCallback`.
        recording_status_callback_event: List<RecordingEvent> = "recordingStatusCallbackEvent",
        /// Method for `recordingStatusCallback`.
        recording_status_callback_method: Method = "recordingStatusCallbackMethod",
        /// Seconds to wait for an agent.
        routing_assignment_timeout: u32 = "routingAssignmentTimeout",
        /// Conversations service (`IS...`).
        service_instance_sid: Cow<'a, str> = "serviceInstanceSid",
        /// URL told about status changes.
        status_callback: Cow<'a, str> = "statusCallback",
        /// Events that call `statusCallback`.
        status_callback_event: List<ConversationEvent> = "statusCallbackEvent",
        /// Method for `statusCallback`.
        status_callback_method: Method = "statusCallbackMethod",
        /// Whether to trim silence from the recording.
        trim: Trim = "trim",
        /// URL.
        url: Cow<'a, str> = "url",
    }
    content: empty;
}

define_element! {
    /// `<ConversationRelay>`: Twilio runs speech recognition and synthesis and exchanges text with
    /// the application over a WebSocket: how voice AI agents are built. Per-language settings in
    /// `<Language>`s, custom data for the setup message in `<Parameter>`s. The attribute names are
    /// written in camelCase, as Twilio reads them (some libraries wrote four of them in lower case,
    /// which Twilio silently ignores).
    ///
    /// ```
    /// use callml::twiml::{ConversationRelay, Interruptible, Language};
    /// let relay = ConversationRelay::new()
    ///     .url("wss://example.com/agent")
    ///     .interruptible(Interruptible::Speech)
    ///     .speech_timeout("auto")
    ///     .child(Language::new().code("fr-FR").voice("fr-FR-Neural2-A"));
    /// assert_eq!(
    ///     relay.to_string(),
    ///     r#"<ConversationRelay interruptible="speech" speechTimeout="auto" url="wss://example.com/agent"><Language code="fr-FR" voice="fr-FR-Neural2-A"/></ConversationRelay>"#
    /// );
    /// ```
    pub struct ConversationRelay<'a> = "ConversationRelay" {
        /// Reconnect to the application after a drop.
        application_reconnect: bool = "applicationReconnect",
        /// Smart formatting of recognised speech.
        asr_smart_format: bool = "asrSmartFormat",
        /// Reduce background noise.
        background_noise_reduction: bool = "backgroundNoiseReduction",
        /// Conversation configuration (id or unique name; twilio-node only).
        conversation_configuration: Cow<'a, str> = "conversationConfiguration",
        /// Conversation id (twilio-node only).
        conversation_id: Cow<'a, str> = "conversationId",
        /// Customer name (default: the caller id).
        customer_name: Cow<'a, str> = "customerName",
        /// Space-separated debug options.
        debug: Cow<'a, str> = "debug",
        /// Deepgram smart formatting.
        deepgram_smart_format: bool = "deepgramSmartFormat",
        /// Send keypresses to the application.
        dtmf_detection: bool = "dtmfDetection",
        /// Eager end-of-turn threshold (0.3 to 0.9).
        eager_eot_threshold: Decimal = "eagerEotThreshold" [min = 0.3, max = 0.9],
        /// Filter the agent's own speech from recognition.
        echo_prompt_filtering: bool = "echoPromptFiltering",
        /// Legacy name of `ttsLanguageTextNormalization`.
        elevenlabs_language_text_normalization: bool = "elevenlabsLanguageTextNormalization",
        /// ElevenLabs text normalisation switch.
        elevenlabs_text_normalization: Cow<'a, str> = "elevenlabsTextNormalization",
        /// Event subscriptions.
        events: Cow<'a, str> = "events",
        /// Comma-separated phrases that help recognition.
        hints: Cow<'a, str> = "hints",
        /// Ignore backchannel words (`uh-huh`).
        ignore_backchannel: bool = "ignoreBackchannel",
        /// What the prompt messages include.
        include_in_prompt: IncludeInPrompt = "includeInPrompt",
        /// Conversational Intelligence service (SID or unique name).
        intelligence_service: Cow<'a, str> = "intelligenceService",
        /// How easily speech is interrupted.
        interrupt_sensitivity: InterruptSensitivity = "interruptSensitivity",
        /// What may interrupt speech.
        interruptible: Interruptible = "interruptible",
        /// Language of speech and recognition (BCP-47; `multi` detects).
        language: Cow<'a, str> = "language",
        /// Send the partial prompt when the caller hangs up.
        partial_prompt_on_hangup: bool = "partialPromptOnHangup",
        /// Send partial recognition results.
        partial_prompts: bool = "partialPrompts",
        /// Later text may cut speech short.
        preemptible: bool = "preemptible",
        /// Whether to filter profanity.
        profanity_filter: bool = "profanityFilter",
        /// Input reported while the agent speaks.
        report_input_during_agent_speech: Interruptible = "reportInputDuringAgentSpeech",
        /// Speech recognition model.
        speech_model: Cow<'a, str> = "speechModel",
        /// Silence that ends a turn (`auto` or milliseconds).
        speech_timeout: SpeechTimeout = "speechTimeout",
        /// Language of recognition, overriding `language`.
        transcription_language: Cow<'a, str> = "transcriptionLanguage",
        /// Speech-to-text provider (`Google`, `Deepgram`).
        transcription_provider: Cow<'a, str> = "transcriptionProvider",
        /// Language of speech, overriding `language`.
        tts_language: Cow<'a, str> = "ttsLanguage",
        /// Language-specific text normalisation.
        tts_language_text_normalization: bool = "ttsLanguageTextNormalization",
        /// Text-to-speech provider (`Google`, `Amazon`, `ElevenLabs`).
        tts_provider: Cow<'a, str> = "ttsProvider",
        /// Text normalisation before speech (takes precedence over ElevenLabs' switch).
        tts_text_normalization: TextNormalization = "ttsTextNormalization",
        /// Model-based turn detection.
        turn_detection: bool = "turnDetection",
        /// The application's WebSocket URL (`wss`).
        url: Cow<'a, str> = "url",
        /// Text-to-speech voice of the provider.
        voice: Cow<'a, str> = "voice",
        /// Spoken when the session starts.
        welcome_greeting: Cow<'a, str> = "welcomeGreeting",
        /// What may interrupt the greeting.
        welcome_greeting_interruptible: Interruptible = "welcomeGreetingInterruptible",
    }
    content: children new() ConversationRelayChild / IntoConversationRelayChild {
        message = "`<ConversationRelay>` cannot contain `{Self}`",
        note = "`<ConversationRelay>` accepts Language and Parameter";
        Language, Parameter => parameter,
    }
}

define_element! {
    /// `<Language>`: the speech settings of one language inside `<ConversationRelay>`.
    ///
    /// ```
    /// use callml::twiml::Language;
    /// assert_eq!(Language::new().code("es-ES").tts_provider("Google").to_string(), r#"<Language code="es-ES" ttsProvider="Google"/>"#);
    /// ```
    pub struct Language<'a> = "Language" {
        /// Smart formatting of recognised speech.
        asr_smart_format: bool = "asrSmartFormat",
        /// The language (BCP-47).
        code: Cow<'a, str> = "code",
        /// Comma-separated phrases that help recognition.
        hints: Cow<'a, str> = "hints",
        /// Speech recognition model.
        speech_model: Cow<'a, str> = "speechModel",
        /// Speech-to-text provider (`Google`, `Deepgram`).
        transcription_provider: Cow<'a, str> = "transcriptionProvider",
        /// Language-specific text normalisation.
        tts_language_text_normalization: bool = "ttsLanguageTextNormalization",
        /// Text-to-speech provider (`Google`, `Amazon`, `ElevenLabs`).
        tts_provider: Cow<'a, str> = "ttsProvider",
        /// Text normalisation before speech (takes precedence over ElevenLabs' switch).
        tts_text_normalization: TextNormalization = "ttsTextNormalization",
        /// Text-to-speech voice of the provider.
        voice: Cow<'a, str> = "voice",
    }
    content: empty;
}

define_element! {
    /// `<AiSession>`: connects the call to an AI connector session.
    ///
    /// ```
    /// use callml::twiml::AiSession;
    /// assert_eq!(AiSession::new().ai_connector("my-connector").to_string(), r#"<AiSession aiConnector="my-connector"/>"#);
    /// ```
    pub struct AiSession<'a> = "AiSession" {
        /// The AI connector (unique name or add-on SID).
        ai_connector: Cow<'a, str> = "aiConnector",
        /// Session configuration (unique name or id).
        ai_session_configuration: Cow<'a, str> = "aiSessionConfiguration",
    }
    content: empty;
}

define_element! {
    /// `<ConversationRelaySession>`: connects the call to a configured ConversationRelay session.
    ///
    /// ```
    /// use callml::twiml::ConversationRelaySession;
    /// assert_eq!(ConversationRelaySession::new().connector("relay").to_string(), r#"<ConversationRelaySession connector="relay"/>"#);
    /// ```
    pub struct ConversationRelaySession<'a> = "ConversationRelaySession" {
        /// The connector.
        connector: Cow<'a, str> = "connector",
        /// Session configuration.
        session_configuration: Cow<'a, str> = "sessionConfiguration",
    }
    content: empty;
}
