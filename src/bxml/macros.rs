//! The `bxml!` macro.

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
#[macro_export]
macro_rules! bxml {
    ($($body:tt)*) => {
        $crate::__markup!(@element __bxml_names Response () { $($body)* })
    };
}

/// The names `bxml!` resolves: the BXML elements, the SSML elements and `Custom`.
#[doc(hidden)]
pub mod names {
    pub use crate::bxml::*;
    pub use crate::ssml::*;
    pub use crate::xml::Custom;
}
