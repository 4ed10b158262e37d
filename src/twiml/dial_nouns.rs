//! The other nouns of `<Dial>`: `<Conference>`, `<Queue>`, `<Sim>`, `<Application>` (with
//! `<ApplicationSid>`) and `<WhatsApp>`.

use std::borrow::Cow;

use super::{
    ConferenceBeep, ConferenceEvent, ConferenceRecord, ConferenceRegion, JitterBufferSize, Method, Parameter,
    RecordingEvent, StatusCallbackEvent, Trim,
};
use crate::xml::List;
use crate::xml::define::define_element;

define_element! {
    /// `<Conference>`: joins the caller to the named conference room (at most 250 participants).
    /// The only noun of its `<Dial>`.
    ///
    /// ```
    /// use callml::twiml::{Conference, ConferenceBeep, Dial};
    /// let dial = Dial::new().conference(Conference::new("standup").beep(ConferenceBeep::OnEnter).max_participants(10));
    /// assert_eq!(dial.to_string(), r#"<Dial><Conference beep="onEnter" maxParticipants="10">standup</Conference></Dial>"#);
    /// ```
    pub struct Conference<'a> = "Conference" {
        /// Beep when participants join or leave.
        beep: ConferenceBeep = "beep",
        /// Call SID of the participant this one coaches.
        coach: Cow<'a, str> = "coach",
        /// End the conference when this participant leaves.
        end_conference_on_exit: bool = "endConferenceOnExit",
        /// Deprecated by Twilio in favour of `recordingStatusCallback`.
        event_callback_url: Cow<'a, str> = "eventCallbackUrl",
        /// Jitter buffer of this participant.
        jitter_buffer_size: JitterBufferSize = "jitterBufferSize",
        /// Most participants (up to 250).
        max_participants: u32 = "maxParticipants" [min = 1, max = 250],
        /// Join listen-only.
        muted: bool = "muted",
        /// Label of the participant (for the REST API).
        participant_label: Cow<'a, str> = "participantLabel",
        /// Whether to record the conference.
        record: ConferenceRecord = "record",
        /// Recording configuration id.
        recording_configuration_id: Cow<'a, str> = "recordingConfigurationId",
        /// URL told when a recording is ready.
        recording_status_callback: Cow<'a, str> = "recordingStatusCallback",
        /// Recording events that call `recordingStatusCallback`.
        recording_status_callback_event: List<RecordingEvent> = "recordingStatusCallbackEvent",
        /// Method for `recordingStatusCallback`.
        recording_status_callback_method: Method = "recordingStatusCallbackMethod",
        /// Where the conference media is mixed.
        region: ConferenceRegion = "region",
        /// Start the conference when this participant joins.
        start_conference_on_enter: bool = "startConferenceOnEnter",
        /// URL told about status changes.
        status_callback: Cow<'a, str> = "statusCallback",
        /// Events that call `statusCallback`.
        status_callback_event: List<ConferenceEvent> = "statusCallbackEvent",
        /// Method for `statusCallback`.
        status_callback_method: Method = "statusCallbackMethod",
        /// Whether to trim silence from the recording.
        trim: Trim = "trim",
        /// Method for `waitUrl`.
        wait_method: Method = "waitMethod",
        /// Hold music document or audio (`""` for silence).
        wait_url: Cow<'a, str> = "waitUrl",
    }
    content: text;
}

define_element! {
    /// `<Queue>`: bridges the caller with the first caller waiting in the named queue. The only noun
    /// of its `<Dial>`.
    ///
    /// ```
    /// use callml::twiml::{Dial, Queue};
    /// let dial = Dial::new().queue(Queue::new("support").url("/about-to-connect"));
    /// assert_eq!(dial.to_string(), r#"<Dial><Queue url="/about-to-connect">support</Queue></Dial>"#);
    /// ```
    pub struct Queue<'a> = "Queue" {
        /// Method for `url`.
        method: Method = "method",
        /// Activity the worker moves to afterwards (with `reservationSid`).
        post_work_activity_sid: Cow<'a, str> = "postWorkActivitySid",
        /// TaskRouter reservation marked accepted on the bridge.
        reservation_sid: Cow<'a, str> = "reservationSid",
        /// Document played to the dequeued caller before the bridge.
        url: Cow<'a, str> = "url",
    }
    content: text;
}

define_element! {
    /// `<Sim>`: dials a Programmable Wireless SIM, by its SID.
    ///
    /// ```
    /// use callml::twiml::{Dial, Sim};
    /// assert_eq!(Dial::new().sim(Sim::new("DE8caa2afb9d5279926619c458dc7098a8")).to_string(), r#"<Dial><Sim>DE8caa2afb9d5279926619c458dc7098a8</Sim></Dial>"#);
    /// ```
    pub struct Sim<'a> = "Sim" {
    }
    content: text;
}

define_element! {
    /// `<Application>`: dials a TwiML App, keeping the call's context; its SID in an
    /// `<ApplicationSid>` child (or as text), custom parameters as `<Parameter>`s.
    ///
    /// ```
    /// use callml::twiml::{Application, ApplicationSid, Dial, Parameter};
    /// let app = Application::new().application_sid(ApplicationSid::new("AP123")).parameter(Parameter::new().name("tier").value("gold"));
    /// assert_eq!(
    ///     Dial::new().application(app).to_string(),
    ///     r#"<Dial><Application><ApplicationSid>AP123</ApplicationSid><Parameter name="tier" value="gold"/></Application></Dial>"#
    /// );
    /// ```
    pub struct Application<'a> = "Application" {
        /// Use the parent call's To instead of the app SID.
        copy_parent_to: bool = "copyParentTo",
        /// Customer id (at most 256 characters; default: the account SID).
        customer_id: Cow<'a, str> = "customerId" [max_chars = 256],
        /// Method for `url`.
        method: Method = "method",
        /// URL told about status changes.
        status_callback: Cow<'a, str> = "statusCallback",
        /// Events that call `statusCallback`.
        status_callback_event: List<StatusCallbackEvent> = "statusCallbackEvent",
        /// Method for `statusCallback`.
        status_callback_method: Method = "statusCallbackMethod",
        /// Document run on the called app's leg before the bridge.
        url: Cow<'a, str> = "url",
    }
    content: mixed new() ApplicationContent / IntoApplicationContent {
        message = "`<Application>` cannot contain `{Self}`",
        note = "`<Application>` accepts its SID as text, ApplicationSid and Parameter";
        ApplicationSid => application_sid, Parameter => parameter,
    }
}

define_element! {
    /// `<ApplicationSid>`: the SID (`AP...`) of the TwiML App an `<Application>` dials.
    ///
    /// ```
    /// use callml::twiml::ApplicationSid;
    /// assert_eq!(ApplicationSid::new("AP123").to_string(), "<ApplicationSid>AP123</ApplicationSid>");
    /// ```
    pub struct ApplicationSid<'a> = "ApplicationSid" {
    }
    content: text;
}

define_element! {
    /// `<WhatsApp>`: dials a WhatsApp user (E.164 number); the `<Dial>`'s `callerId` is then a
    /// `whatsapp:+...` sender.
    ///
    /// ```
    /// use callml::twiml::{Dial, WhatsApp};
    /// let dial = Dial::new().caller_id("whatsapp:+15550001111").whatsapp(WhatsApp::new("+15552223333"));
    /// assert_eq!(dial.to_string(), r#"<Dial callerId="whatsapp:+15550001111"><WhatsApp>+15552223333</WhatsApp></Dial>"#);
    /// ```
    pub struct WhatsApp<'a> = "WhatsApp" {
        /// Method for `url`.
        method: Method = "method",
        /// URL told about status changes.
        status_callback: Cow<'a, str> = "statusCallback",
        /// Events that call `statusCallback`.
        status_callback_event: List<StatusCallbackEvent> = "statusCallbackEvent",
        /// Method for `statusCallback`.
        status_callback_method: Method = "statusCallbackMethod",
        /// Screening document run on the called leg.
        url: Cow<'a, str> = "url",
    }
    content: text;
}
