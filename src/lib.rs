//! # callml
//!
//! Answer phone calls from Rust web handlers. A provider POSTs an incoming-call webhook; the
//! handler reads it with [`event`] and answers with a call-control document built with a typed,
//! nesting-checked builder (or the `twiml!` / `bxml!` macros):
//!
//! - [`twiml`](mod@twiml): TwiML-style markup (Twilio, SignalWire, Telnyx, the seed provider's ACML);
//! - [`bxml`](mod@bxml): Bandwidth Voice v2 BXML;
//! - [`ssml`]: the speech markup inside `<Say>` / `<SpeakSentence>`;
//! - [`xml`]: the dialect-independent core: escaping, the writer, typed values, the strict reader,
//!   canonical form ([`assert_xml_eq!`]);
//! - [`event`]: Bandwidth v1/v2 callbacks and TwiML-style form webhooks, with one common view;
//! - `axum` (feature `axum`) and `signature` (feature `twilio-signature`): the web-handler side.
//!
//! Every document renders as well-formed, correctly escaped XML whatever the input, and parses back
//! (`from_xml`), lints (`validate()`) and converts to and from its JSON form.
//!
//! ```
//! use callml::twiml::{Response, Say, Voice};
//! use callml::xml::Render;
//!
//! let doc = Response::new()
//!     .say(Say::new("Please hold while your call is connected").voice(Voice::Woman))
//!     .dial("18004444444");
//! assert_eq!(
//!     doc.to_xml(),
//!     r#"<?xml version="1.0" encoding="UTF-8"?><Response><Say voice="woman">Please hold while your call is connected</Say><Dial>18004444444</Dial></Response>"#
//! );
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs)]

#[cfg(feature = "axum")]
pub mod axum;
pub mod bxml;
mod dialect;
pub mod event;
#[cfg(feature = "twilio-signature")]
pub mod signature;
pub mod ssml;
pub mod twiml;
pub mod xml;

pub use dialect::Dialect;

#[doc(hidden)]
pub use bxml::__names as __bxml_names;
#[doc(hidden)]
pub use twiml::__names as __twiml_names;

/// The README's examples, compiled and run as doc tests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
