//! The `twiml!` macro.

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
/// | `if cond { .. } else { .. }` | conditional content (`cond` is one token: a name or `(expression)`) |
/// | `for x in items { .. }` | repeated content (`items` is one token) |
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
///         for (i, name) in (menu.iter().enumerate()) {
///             Say { (format!("Press {} for {name}.", i + 1)) }
///         }
///         Pause(length = 1)
///     }
///     if vip { Say { "Thank you for being a VIP." } } else { Say { "Thank you." } }
///     ..(hold_music)
///     Say { "Your number is " SayAs(interpret_as = "telephone") { (caller) } Break(time = "1s") " goodbye" }
///     Dial(caller_id = caller, "data-x" = "1") { "18004444444" }
///     Custom("Conference", "beep" = "false") { "room-1" }
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
#[macro_export]
macro_rules! twiml {
    ($($body:tt)*) => {
        $crate::__markup!(@element __twiml_names Response () { $($body)* })
    };
}

/// The names `twiml!` resolves: the TwiML elements, the SSML elements and `Custom`.
#[doc(hidden)]
pub mod names {
    pub use crate::ssml::*;
    pub use crate::twiml::*;
    pub use crate::xml::Custom;
}
