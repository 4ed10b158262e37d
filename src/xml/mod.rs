//! The dialect-independent XML core: escaping, the writer every element renders through, typed
//! attribute values, the unchecked custom element, and the table macros the dialects are defined
//! with. Nothing here knows a verb.

mod canonical;
pub(crate) mod custom;
pub(crate) mod define;
pub(crate) mod direct;
pub(crate) mod element;
mod escape;
pub(crate) mod json;
pub(crate) mod lint;
pub(crate) mod name;
mod read;
pub(crate) mod render;
pub(crate) mod rules;
mod sink;
pub(crate) mod stream;
pub(crate) mod tokens;
pub(crate) mod tree;
pub(crate) mod value;
pub(crate) mod vocabulary;
mod writer;

pub use canonical::{assert_equivalent, canonical, canonical_pretty};
pub use custom::{Attribute, Custom, CustomNode};
pub use direct::ElementWriter;
pub use escape::{REPLACEMENT_CHARACTER, escape_attribute, escape_text, is_forbidden_char, replace_forbidden};
pub use json::JsonError;
pub use lint::{Finding, Severity};
pub use name::is_valid_name;
pub use read::{ParseError, ParseErrorKind, ParseLimits, Position, read_document, read_fragment};
pub use render::{DECLARATION, INITIAL_CAPACITY, Render, RenderOptions};
pub use sink::{FmtSink, IoSink, Sink};
pub use value::{AttributeValue, Decimal, IntoAttributeValue, List, Separator, ValueError};
pub use vocabulary::{ElementInfo, Vocabulary};
pub use writer::Writer;

/// Implemented by nothing: the bound of `child` on elements that hold no child elements, so that
/// trying to add one fails with a message naming the element.
#[diagnostic::on_unimplemented(
    message = "`{Parent}` cannot contain `{Self}`",
    label = "not allowed here",
    note = "`{Parent}` holds no child elements"
)]
pub trait NoChildElements<Parent>: sealed::Sealed {}

/// Text that can be appended to an element holding only text (`Play`, `Number`, `say-as`, ...):
/// `&str`, `String`, `Cow<str>`. Anything else fails with a message naming the element.
#[diagnostic::on_unimplemented(
    message = "`{Parent}` holds only text, not `{Self}`",
    label = "not allowed here",
    note = "`{Parent}` holds only text"
)]
pub trait TextContent<'a, Parent>: sealed::Sealed {
    /// The text.
    fn into_text(self) -> std::borrow::Cow<'a, str>;
}

impl<'a, P> TextContent<'a, P> for &'a str {
    fn into_text(self) -> std::borrow::Cow<'a, str> {
        self.into()
    }
}
impl<'a, P> TextContent<'a, P> for String {
    fn into_text(self) -> std::borrow::Cow<'a, str> {
        self.into()
    }
}
impl<'a, P> TextContent<'a, P> for std::borrow::Cow<'a, str> {
    fn into_text(self) -> std::borrow::Cow<'a, str> {
        self
    }
}

pub(crate) mod sealed {
    /// Seals the nesting traits: only this crate decides what may contain what.
    pub trait Sealed {}
}

impl sealed::Sealed for &str {}
impl sealed::Sealed for String {}
impl sealed::Sealed for std::borrow::Cow<'_, str> {}
