//! # callml
//!
//! Answer phone calls from Rust web handlers. A provider POSTs an incoming-call webhook; the
//! handler reads it with [`event`] and answers with a call-control document built with a typed,
//! nesting-checked builder (or the `twiml!` / `bxml!` macros):
//!
//! - [`twiml`](mod@twiml): TwiML-style markup (Twilio, SignalWire, Telnyx, and ACML, the CallAPI providers' markup);
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
mod flow;
#[cfg(feature = "twilio-signature")]
pub mod signature;
#[cfg(feature = "sim")]
pub mod sim;
pub mod ssml;
pub mod twiml;
pub mod xml;

pub use dialect::Dialect;

// The macros' generated code names `callml::...`; this makes that path work inside the crate too.
extern crate self as callml;

#[cfg(feature = "macros")]
/// Builds a BXML [`Response`](crate::bxml::Response) with syntax that reads like the XML it
/// produces; the same forms as [`twiml!`](crate::twiml!) (elements by Rust type name, attributes by
/// setter name or quoted XML name, `"text"`, `(expr)`, `..(iter)`, `if`, `for`, `Custom(..)`).
///
/// ```
/// use callml::bxml;
/// use callml::xml::Render;
///
/// let agent = "+15555550101";
/// let reply = bxml! {
///     SpeakSentence(voice = "julie") { "Thanks for calling. " Break(time = "500ms") }
///     Gather(gather_url = "/menu", max_digits = 1) { SpeakSentence { "Press 1 for sales." } }
///     Transfer(transfer_caller_id = "+15555550100") { PhoneNumber { (agent) } }
/// };
/// assert!(reply.to_xml().contains(r#"<Transfer transferCallerId="+15555550100"><PhoneNumber>+15555550101</PhoneNumber></Transfer>"#));
/// ```
///
/// ```compile_fail
/// let doc = callml::bxml! { Gather { Transfer { PhoneNumber { "+1" } } } }; // `<Gather>` cannot contain `Transfer<'_>`
/// ```
pub use callml_macros::bxml;
#[cfg(feature = "macros")]
/// Builds a TwiML [`Response`](crate::twiml::Response) with syntax that reads like the XML it
/// produces. It expands to builder calls, so every nesting rule and compiler message is the
/// builder's.
///
/// Forms, inside the braces:
///
/// | form | meaning |
/// |---|---|
/// | `Say { .. }`, `Say(voice = "woman") { .. }`, `Pause(length = 2)`, `Hangup` | an element, by its Rust type name (SSML too: `Break`, `SayAs`, `Paragraph`, ...); attributes by their Rust setter names |
/// | `"data-x" = "1"` among the attributes | an attribute the crate has no setter for (`.attr`) |
/// | `"text"` | a text literal |
/// | `(expr)` | any Rust value the parent accepts: a `String` from `format!`, a prebuilt element, a `TrustedSsml`, ... |
/// | `..(iter)` | every item of an iterator (an `Option` adds zero or one) |
/// | `if cond { .. } else { .. }` | conditional content (`cond` is any boolean expression) |
/// | `for x in items { .. }` | repeated content (`items` is any iterable expression) |
/// | `Custom("Name", "attr" = value) { .. }` | the unchecked custom element |
///
/// Attribute values are any Rust expressions.
///
/// ```
/// use callml::twiml;
/// use callml::twiml::{Play, Voice};
/// use callml::xml::Render;
///
/// let caller = "+15551234567";
/// let vip = true;
/// let menu = ["sales", "support"];
/// let hold_music: Option<Play> = Some(Play::new("https://example.com/hold.mp3"));
///
/// let doc = twiml! {
///     Say(voice = Voice::Woman, language = "en-US") { "Please hold while your call is connected" }
///     Gather(num_digits = 1, action = "/menu") {
///         for (i, name) in menu.iter().enumerate() {
///             Say { (format!("Press {} for {name}.", i + 1)) }
///         }
///         Pause(length = 1)
///     }
///     if vip { Say { "Thank you for being a VIP." } } else { Say { "Thank you." } }
///     ..(hold_music)
///     Say { "Your number is " SayAs(interpret_as = "telephone") { (caller) } Break(time = "1s") " goodbye" }
///     Dial(caller_id = caller, "data-x" = "1") { "18004444444" }
///     Custom("Assistant", "id" = "aia_asst_1") { "unchecked" }
///     Hangup
/// };
/// assert!(doc.to_xml().contains(r#"<Say>Press 1 for sales.</Say><Say>Press 2 for support.</Say><Pause length="1"/>"#));
/// assert!(doc.to_xml().contains(r#"<Dial callerId="+15551234567" data-x="1">18004444444</Dial>"#));
/// ```
///
/// A wrong nesting is the builder's compile error:
///
/// ```compile_fail
/// let doc = callml::twiml! { Gather { Dial { "123" } } }; // `<Gather>` cannot contain `Dial<'_>`
/// ```
pub use callml_macros::twiml;

/// The README's examples, compiled and run as doc tests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
