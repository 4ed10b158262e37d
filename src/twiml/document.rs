//! TwiML's one list of elements: its vocabulary, and `from_xml` / `FromStr` / `from_json` for every
//! element.

use super::*;
use crate::xml::vocabulary::dialect;

dialect! {
    /// Every TwiML element (SSML's are shared): a known element in the wrong place is a parse
    /// error, an unknown one becomes a [`Custom`](crate::xml::Custom) element. The crate's one list
    /// of TwiML: reading, detection and the tests' coverage lists come from it.
    pub const VOCABULARY = roots [Response] elements [
        Say, Play, Pause, Gather, Record, Dial, Number, Client, Identity, Parameter, Sip, Uri, Headers, Header, Hangup,
        Reject, Redirect, Conference, Queue, Sim, Application, ApplicationSid, WhatsApp, Enqueue, Task, Leave, Echo, Sms,
        Refer, ReferSip, Pay, Prompt, Start, Stop, Stream, Siprec, Transcription, Recording, MediaFilter, Config, Connect,
        Room, Autopilot, VirtualAgent, Conversation, ConversationRelay, Language, AiSession, ConversationRelaySession,
    ] shared Some(&crate::ssml::VOCABULARY);
}
