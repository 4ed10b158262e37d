//! The names the `bxml!` macro resolves.

/// The names `bxml!` resolves: the BXML elements, the SSML elements and `Custom`.
#[doc(hidden)]
pub mod names {
    pub use crate::bxml::*;
    pub use crate::ssml::*;
    pub use crate::xml::Custom;
}
