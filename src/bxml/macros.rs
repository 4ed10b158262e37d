//! The dialect's prelude: every name its macro resolves.

/// Every name the [`bxml!`](crate::bxml!) macro resolves, for `use callml::bxml::prelude::*`: the
/// BXML elements and their values, the SSML elements and their values, and
/// [`Custom`](crate::xml::Custom).
///
/// ```
/// use callml::bxml::prelude::*;
/// let _ = (Custom::new("x"), Break::new());
/// ```
pub mod prelude {
    pub use crate::bxml::*;
    // The dialect's own list, not SSML's (both are `VOCABULARY`).
    pub use crate::bxml::VOCABULARY;
    pub use crate::ssml::*;
    pub use crate::xml::Custom;
}
