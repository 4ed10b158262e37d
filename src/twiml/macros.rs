//! The dialect's prelude: every name its macro resolves.

/// Every name the [`twiml!`](crate::twiml!) macro resolves, for `use callml::twiml::prelude::*`: the
/// TwiML elements and their values, the SSML elements and their values, and
/// [`Custom`](crate::xml::Custom).
///
/// ```
/// use callml::twiml::prelude::*;
/// let _ = (Custom::new("x"), Break::new());
/// ```
pub mod prelude {
    pub use crate::twiml::*;
    // The dialect's own list, not SSML's (both are `VOCABULARY`).
    pub use crate::ssml::*;
    pub use crate::twiml::VOCABULARY;
    pub use crate::xml::Custom;
}
