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

mod control;
mod dial;
mod document;
mod gather;
mod macros;
mod media;
mod record;
mod response;
mod say;
mod validate;
mod values;

pub use control::{Hangup, HangupChild, IntoHangupChild, IntoRejectChild, Parameter, Redirect, Reject, RejectChild};
pub use dial::{
    Client, ClientContent, Dial, DialContent, Header, Headers, HeadersChild, Identity, IntoClientContent,
    IntoDialContent, IntoHeadersChild, IntoSipContent, Number, Sip, SipContent, Uri,
};
pub use gather::{Gather, GatherChild, IntoGatherChild};
pub use media::{Pause, Play};
pub use record::Record;
pub use response::{IntoResponseChild, Response, ResponseChild};
pub use say::{IntoSayContent, Say, SayContent};
pub use validate::Profile;
pub use values::*;

pub use document::VOCABULARY;
pub use macros::prelude;
