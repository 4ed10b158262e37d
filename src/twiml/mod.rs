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

// Each file's public items are the dialect's: the element tables are the one list.
pub use connect::*;
pub use control::*;
pub use dial::*;
pub use dial_nouns::*;
pub use gather::*;
pub use media::*;
pub use pay::*;
pub use queue::*;
pub use record::*;
pub use refer::*;
pub use response::*;
pub use say::*;
pub use start::*;
pub use validate::Profile;
pub use values::*;

pub use document::VOCABULARY;
pub use macros::prelude;
