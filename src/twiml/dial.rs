//! `<Dial>` and its nouns: `<Number>`, `<Client>` (with `<Identity>`, `<Parameter>`), `<Sip>` (with
//! `<Uri>`, `<Headers>`/`<Header>`).

use std::borrow::Cow;

use super::{
    Application, Conference, DialEvent, DialRecord, MachineDetection, Method, Parameter, Queue, RecordingEvent,
    RecordingTrack, Sim, StatusCallbackEvent, Trim, WhatsApp,
};
use crate::xml::List;
use crate::xml::define::define_element;

define_element! {
    /// `<Dial>`: connects the caller to another party, given as text (a number) or as nouns.
    ///
    /// ```
    /// use callml::twiml::{Dial, Number};
    /// assert_eq!(Dial::from("18004444444").to_string(), "<Dial>18004444444</Dial>");
    /// let d = Dial::new().caller_id("+15551234567").number(Number::new("+15558675309"));
    /// assert_eq!(d.to_string(), r#"<Dial callerId="+15551234567"><Number>+15558675309</Number></Dial>"#);
    /// ```
    pub struct Dial<'a> = "Dial" {
        /// URL requested when the dialled call ends (without it, the next verb runs).
        action: Cow<'a, str> = "action",
        /// Keep the caller hearing ringing until the called party answers.
        answer_on_bridge: bool = "answerOnBridge" [undocumented_by = "ACML"],
        /// Reason shown to the called party (Twilio docs; at most 50 characters).
        call_reason: Cow<'a, str> = "callReason" [undocumented_by = "ACML", max_chars = 50],
        /// Caller ID to present.
        caller_id: Cow<'a, str> = "callerId",
        /// ACML: audio URL played to the caller while dialling.
        dial_music: Cow<'a, str> = "dialMusic",
        /// Extra events (`call-progress-event`).
        events: DialEvent = "events" [undocumented_by = "ACML"],
        /// Let the caller end the dialled call with `*`.
        hangup_on_star: bool = "hangupOnStar" [undocumented_by = "ACML"],
        /// Method for `action`.
        method: Method = "method",
        /// Passports (twilio-python only).
        passports: Cow<'a, str> = "passports" [undocumented_by = "ACML"],
        /// Whether and how to record (ACML: `true`/`false`).
        record: DialRecord = "record",
        /// Recording configuration to use.
        recording_configuration_id: Cow<'a, str> = "recordingConfigurationId" [undocumented_by = "ACML"],
        /// URL for recording status events.
        recording_status_callback: Cow<'a, str> = "recordingStatusCallback" [undocumented_by = "ACML"],
        /// Which recording events to send.
        recording_status_callback_event: List<RecordingEvent> = "recordingStatusCallbackEvent" [undocumented_by = "ACML"],
        /// Method for `recordingStatusCallback`.
        recording_status_callback_method: Method = "recordingStatusCallbackMethod" [undocumented_by = "ACML"],
        /// Which tracks to record.
        recording_track: RecordingTrack = "recordingTrack" [undocumented_by = "ACML"],
        /// Method for `referUrl`.
        refer_method: Method = "referMethod" [undocumented_by = "ACML"],
        /// URL for SIP REFER requests.
        refer_url: Cow<'a, str> = "referUrl" [undocumented_by = "ACML"],
        /// Ringback tone country code (`us`, `uk`, `de`, ...).
        ring_tone: Cow<'a, str> = "ringTone" [undocumented_by = "ACML"],
        /// Ring nouns one after another instead of in parallel.
        sequential: bool = "sequential" [undocumented_by = "ACML"],
        /// Maximum call length in seconds.
        time_limit: u32 = "timeLimit" [min = 1],
        /// Seconds to ring.
        timeout: u32 = "timeout" [min = 1],
        /// Whether to trim silence from recordings.
        trim: Trim = "trim" [undocumented_by = "ACML"],
    }
    content: mixed new() DialContent / IntoDialContent {
        message = "`<Dial>` cannot contain `{Self}`",
        note = "`<Dial>` accepts a number as text, or the nouns Number, Client, Sip, Conference, Queue, Sim, Application and WhatsApp";
        Number => number, Client => client, Sip => sip, Conference => conference, Queue => queue, Sim => sim,
        Application => application, WhatsApp => whatsapp,
    }
}

define_element! {
    /// `<Number>`: a phone number to dial.
    ///
    /// ```
    /// use callml::twiml::{Number, StatusCallbackEvent};
    /// let n = Number::new("+15558675309").status_callback_event([StatusCallbackEvent::Initiated, StatusCallbackEvent::Completed]);
    /// assert_eq!(n.to_string(), r#"<Number statusCallbackEvent="initiated completed">+15558675309</Number>"#);
    /// ```
    pub struct Number<'a> = "Number" {
        /// URL for answering-machine detection results.
        amd_status_callback: Cow<'a, str> = "amdStatusCallback" [undocumented_by = "ACML"],
        /// Method for `amdStatusCallback`.
        amd_status_callback_method: Method = "amdStatusCallbackMethod" [undocumented_by = "ACML"],
        /// BYOC trunk SID.
        byoc: Cow<'a, str> = "byoc" [undocumented_by = "ACML"],
        /// Answering-machine detection.
        machine_detection: MachineDetection = "machineDetection" [undocumented_by = "ACML"],
        /// AMD: silence timeout in ms (2000-10000).
        machine_detection_silence_timeout: u32 = "machineDetectionSilenceTimeout" [undocumented_by = "ACML", min = 2000, max = 10000],
        /// AMD: speech end threshold in ms (500-5000).
        machine_detection_speech_end_threshold: u32 = "machineDetectionSpeechEndThreshold" [undocumented_by = "ACML", min = 500, max = 5000],
        /// AMD: speech threshold in ms (1000-6000).
        machine_detection_speech_threshold: u32 = "machineDetectionSpeechThreshold" [undocumented_by = "ACML", min = 1000, max = 6000],
        /// AMD: timeout in seconds (3-60).
        machine_detection_timeout: u32 = "machineDetectionTimeout" [undocumented_by = "ACML", min = 3, max = 60],
        /// Method for `url`.
        method: Method = "method",
        /// Digits to send once answered.
        send_digits: Cow<'a, str> = "sendDigits" [undocumented_by = "ACML"],
        /// URL for call status events.
        status_callback: Cow<'a, str> = "statusCallback",
        /// Which call events to send.
        status_callback_event: List<StatusCallbackEvent> = "statusCallbackEvent",
        /// Method for `statusCallback`.
        status_callback_method: Method = "statusCallbackMethod",
        /// Screening document run for the called party.
        url: Cow<'a, str> = "url",
    }
    content: text;
}

define_element! {
    /// `<Identity>`: a client identity inside `<Client>`.
    ///
    /// ```
    /// use callml::twiml::Identity;
    /// assert_eq!(Identity::new("alice").to_string(), "<Identity>alice</Identity>");
    /// ```
    pub struct Identity<'a> = "Identity" {}
    content: text;
}

define_element! {
    /// `<Client>`: a client app identity to dial, as text or as `<Identity>` with `<Parameter>`s.
    ///
    /// ```
    /// use callml::twiml::{Client, Identity, Parameter};
    /// let c = Client::new("").identity(Identity::new("alice")).parameter(Parameter::pair("k", "v"));
    /// assert_eq!(c.to_string(), r#"<Client><Identity>alice</Identity><Parameter name="k" value="v"/></Client>"#);
    /// ```
    pub struct Client<'a> = "Client" {
        /// Method for `url`.
        method: Method = "method",
        /// ACML: client name.
        name: Cow<'a, str> = "name",
        /// URL for call status events.
        status_callback: Cow<'a, str> = "statusCallback",
        /// Which call events to send.
        status_callback_event: List<StatusCallbackEvent> = "statusCallbackEvent",
        /// Method for `statusCallback`.
        status_callback_method: Method = "statusCallbackMethod",
        /// Screening document run for the called party.
        url: Cow<'a, str> = "url",
    }
    content: mixed new(text) ClientContent / IntoClientContent {
        message = "`<Client>` cannot contain `{Self}`",
        note = "`<Client>` accepts identity text, Identity and Parameter";
        Identity => identity, Parameter => parameter,
    }
}

define_element! {
    /// `<Sip>`: a SIP URI to dial, as text or as `<Uri>` children.
    ///
    /// ```
    /// use callml::twiml::Sip;
    /// let s = Sip::new("sip:bob@example.com").username("u").password("p");
    /// assert_eq!(s.to_string(), r#"<Sip password="p" username="u">sip:bob@example.com</Sip>"#);
    /// ```
    pub struct Sip<'a> = "Sip" {
        /// URL for answering-machine detection results.
        amd_status_callback: Cow<'a, str> = "amdStatusCallback" [undocumented_by = "ACML"],
        /// Method for `amdStatusCallback`.
        amd_status_callback_method: Method = "amdStatusCallbackMethod" [undocumented_by = "ACML"],
        /// Answering-machine detection.
        machine_detection: MachineDetection = "machineDetection" [undocumented_by = "ACML"],
        /// AMD: silence timeout in ms.
        machine_detection_silence_timeout: u32 = "machineDetectionSilenceTimeout" [undocumented_by = "ACML", min = 2000, max = 10000],
        /// AMD: speech end threshold in ms.
        machine_detection_speech_end_threshold: u32 = "machineDetectionSpeechEndThreshold" [undocumented_by = "ACML", min = 500, max = 5000],
        /// AMD: speech threshold in ms.
        machine_detection_speech_threshold: u32 = "machineDetectionSpeechThreshold" [undocumented_by = "ACML", min = 1000, max = 6000],
        /// AMD: timeout in seconds.
        machine_detection_timeout: u32 = "machineDetectionTimeout" [undocumented_by = "ACML", min = 3, max = 60],
        /// Method for `url`.
        method: Method = "method",
        /// ACML: name.
        name: Cow<'a, str> = "name",
        /// SIP authentication password.
        password: Cow<'a, str> = "password" [undocumented_by = "ACML"],
        /// URL for call status events.
        status_callback: Cow<'a, str> = "statusCallback",
        /// Which call events to send.
        status_callback_event: List<StatusCallbackEvent> = "statusCallbackEvent",
        /// Method for `statusCallback`.
        status_callback_method: Method = "statusCallbackMethod",
        /// Screening document run for the called party.
        url: Cow<'a, str> = "url",
        /// SIP authentication user name.
        username: Cow<'a, str> = "username" [undocumented_by = "ACML"],
    }
    content: mixed new(text) SipContent / IntoSipContent {
        message = "`<Sip>` cannot contain `{Self}`",
        note = "`<Sip>` accepts a SIP URI as text, Uri and Headers";
        Uri => uri, Headers => headers,
    }
}

define_element! {
    /// `<Uri>`: one SIP URI inside `<Sip>`, with its own credentials and priority.
    ///
    /// ```
    /// use callml::twiml::Uri;
    /// assert_eq!(Uri::new("sip:a@example.com").priority(1).to_string(), r#"<Uri priority="1">sip:a@example.com</Uri>"#);
    /// ```
    pub struct Uri<'a> = "Uri" {
        /// SIP authentication password.
        password: Cow<'a, str> = "password",
        /// Priority (lower first).
        priority: u32 = "priority",
        /// SIP authentication user name.
        username: Cow<'a, str> = "username",
        /// Weight among URIs of the same priority.
        weight: u32 = "weight",
    }
    content: text;
}

define_element! {
    /// `<Headers>`: custom SIP headers inside `<Sip>`.
    ///
    /// ```
    /// use callml::twiml::{Headers, Header};
    /// let h = Headers::new().header(Header::new().name("X-A").value("1"));
    /// assert_eq!(h.to_string(), r#"<Headers><Header name="X-A" value="1"/></Headers>"#);
    /// ```
    pub struct Headers<'a> = "Headers" {}
    content: children new() HeadersChild / IntoHeadersChild {
        message = "`<Headers>` cannot contain `{Self}`",
        note = "`<Headers>` accepts only Header";
        Header => header,
    }
}

define_element! {
    /// `<Header>`: one custom SIP header.
    ///
    /// ```
    /// use callml::twiml::Header;
    /// assert_eq!(Header::new().name("X-A").value("1").to_string(), r#"<Header name="X-A" value="1"/>"#);
    /// ```
    pub struct Header<'a> = "Header" {
        /// Header name.
        name: Cow<'a, str> = "name",
        /// Header value.
        value: Cow<'a, str> = "value",
    }
    content: empty;
}
