//! TwiML-style call-control markup, as accepted by Twilio, SignalWire (LaML), Telnyx (TeXML) and the
//! smaller "CallAPI" providers (their ACML).
//!
//! Every element is a struct with typed attribute fields, built with consuming setters. What may
//! contain what is checked by the compiler: `Gather::child` accepts only Say, Play and Pause,
//! `Dial::child` only its nouns, and so on.
//!
//! ```
//! use callml::twiml::{Response, Gather, Say, Voice};
//! use callml::xml::Render;
//!
//! let doc = Response::new()
//!     .say(Say::new("Welcome").voice(Voice::Alice))
//!     .gather(Gather::new().num_digits(1).action("/menu").say("Press 1 for sales"))
//!     .hangup();
//! assert!(doc.to_xml().ends_with("<Hangup/></Response>"));
//! ```
//!
//! A wrong nesting does not compile, with a message naming the parent:
//!
//! ```compile_fail
//! use callml::twiml::{Gather, Dial};
//! let g = Gather::new().child(Dial::new()); // `<Gather>` cannot contain `Dial<'_>`
//! ```

mod connect;
mod control;
mod dial;
mod dial_nouns;
mod document;
mod gather;
mod macros;
mod media;
mod pay;
mod queue;
mod record;
mod refer;
mod response;
mod say;
mod start;
mod validate;
mod validate_more;
mod values;

pub use connect::{
    AiSession, Autopilot, Connect, ConnectChild, Conversation, ConversationRelay, ConversationRelayChild,
    ConversationRelaySession, IntoConnectChild, IntoConversationRelayChild, IntoVirtualAgentChild, Language, Room,
    VirtualAgent, VirtualAgentChild,
};
pub use control::{Hangup, HangupChild, IntoHangupChild, IntoRejectChild, Parameter, Redirect, Reject, RejectChild};
pub use dial::{
    Client, ClientContent, Dial, DialContent, Header, Headers, HeadersChild, Identity, IntoClientContent,
    IntoDialContent, IntoHeadersChild, IntoSipContent, Number, Sip, SipContent, Uri,
};
pub use dial_nouns::{
    Application, ApplicationContent, ApplicationSid, Conference, IntoApplicationContent, Queue, Sim, WhatsApp,
};
pub use gather::{Gather, GatherChild, IntoGatherChild};
pub use media::{Pause, Play};
pub use pay::{IntoPayChild, IntoPromptChild, Pay, PayChild, Prompt, PromptChild};
pub use queue::{Enqueue, EnqueueContent, IntoEnqueueContent, Leave, Task};
pub use record::Record;
pub use refer::{Echo, IntoReferChild, Refer, ReferChild, ReferSip, Sms};
pub use response::{IntoResponseChild, Response, ResponseChild};
pub use say::{IntoSayContent, Say, SayContent};
pub use start::{
    Config, IntoMediaFilterChild, IntoSiprecChild, IntoStartChild, IntoStopChild, IntoStreamChild,
    IntoTranscriptionChild, MediaFilter, MediaFilterChild, Recording, Siprec, SiprecChild, Start, StartChild, Stop,
    StopChild, Stream, StreamChild, Transcription, TranscriptionChild,
};
pub use validate::Profile;
pub use values::*;

pub use document::VOCABULARY;
pub use macros::prelude;
