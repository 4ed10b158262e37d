//! # callml
//!
//! Answer phone calls from Rust web handlers: typed, nesting-checked builders for TwiML-style markup
//! ([`twiml`](mod@twiml)) with SSML ([`ssml`]), on a dialect-independent XML core ([`xml`]) that always writes
//! well-formed, correctly escaped XML.
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
