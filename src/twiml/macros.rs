//! The names the `twiml!` macro resolves.

/// The names `twiml!` resolves: the TwiML elements, the SSML elements and `Custom`.
#[doc(hidden)]
pub mod names {
    pub use crate::ssml::*;
    pub use crate::twiml::*;
    pub use crate::xml::Custom;
}
