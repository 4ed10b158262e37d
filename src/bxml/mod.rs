//! Bandwidth Voice v2 BXML: the reply to Bandwidth's `initiate`, `gather`, `transferComplete`, ...
//! callbacks (`<Response>`), and the body of live-call updates (`<Bxml>`).
//!
//! Same qualities as [`twiml`](mod@crate::twiml): typed attributes with exact XML names from one table,
//! no defaults written, decimals in shortest form (`5`, `5.1`), lowercase booleans, empty strings
//! kept (`tag=""` clears a tag), nesting checked by the compiler, SSML typed (or explicitly trusted)
//! so plain text such as `a<b and c>d` is escaped.
//!
//! Answering Bandwidth's documented `initiate` callback:
//!
//! ```
//! use callml::bxml::{Gather, Response, SpeakSentence};
//! use callml::xml::Render;
//!
//! let reply = Response::new()
//!     .speak_sentence(SpeakSentence::new("Thanks for calling.").voice("julie"))
//!     .gather(Gather::new().gather_url("/bandwidth/v2/callbacks").max_digits(1).speak_sentence("Press 1 for sales."));
//! assert_eq!(
//!     reply.to_xml(),
//!     concat!(
//!         r#"<?xml version="1.0" encoding="UTF-8"?><Response><SpeakSentence voice="julie">Thanks for calling.</SpeakSentence>"#,
//!         r#"<Gather gatherUrl="/bandwidth/v2/callbacks" maxDigits="1"><SpeakSentence>Press 1 for sales.</SpeakSentence></Gather></Response>"#
//!     )
//! );
//! ```
//!
//! ```compile_fail
//! use callml::bxml::{Gather, Transfer, PhoneNumber};
//! let g = Gather::new().child(Transfer::new(PhoneNumber::new("+1"))); // `<Gather>` cannot contain `Transfer<'_>`
//! ```

mod document;
mod flow;
mod gather;
mod macros;
mod recording;
mod response;
mod speech;
mod streaming;
mod transfer;
mod validate;
mod values;

// Each file's public items are the dialect's: the element tables are the one list.
pub use flow::*;
pub use gather::*;
pub use recording::*;
pub use response::*;
pub use speech::*;
pub use streaming::*;
pub use transfer::*;
pub use values::*;

pub use document::VOCABULARY;
pub use macros::prelude;
