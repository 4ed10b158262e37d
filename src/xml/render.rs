//! The `Render` trait: every element and document renders to strings, byte buffers, `fmt::Write`
//! and `io::Write` through one code path.

use std::borrow::Cow;
use std::{fmt, io};

use super::AttributeValue;
use super::element::{Children, Element, Known, Node, NodeFn, TextRule, VisitAttribute};

use super::{FmtSink, IoSink, Sink, Writer};

/// The XML declaration written before the root element.
pub const DECLARATION: &str = r#"<?xml version="1.0" encoding="UTF-8"?>"#;

/// The capacity [`Render::to_xml`] starts its buffer with: a typical call-control document fits, so
/// it allocates once; larger ones grow by doubling. (Walking the tree to size the buffer exactly
/// cost more than the rare regrowth: measured by the `render` benchmark.)
///
/// ```
/// use callml::xml::{INITIAL_CAPACITY, Render};
/// let xml = callml::twiml::Response::new().hangup().to_xml();
/// assert!(xml.len() < INITIAL_CAPACITY);
/// ```
pub const INITIAL_CAPACITY: usize = 1024;

/// How to render: with or without the XML declaration, compact or pretty.
///
/// ```
/// use callml::xml::RenderOptions;
/// let options = RenderOptions::new().declaration(false).pretty(true);
/// assert!(!options.has_declaration());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct RenderOptions {
    declaration: bool,
    pretty: bool,
}

impl RenderOptions {
    /// The defaults: declaration on, compact.
    pub const fn new() -> Self {
        RenderOptions { declaration: true, pretty: false }
    }
    /// Whether to write `<?xml version="1.0" encoding="UTF-8"?>` first (no newline after it).
    pub const fn declaration(mut self, on: bool) -> Self {
        self.declaration = on;
        self
    }
    /// Whether to indent by two spaces per level (and break the line after the declaration).
    /// Elements holding text stay on one line.
    pub const fn pretty(mut self, on: bool) -> Self {
        self.pretty = on;
        self
    }
    /// Whether the declaration is written.
    pub const fn has_declaration(&self) -> bool {
        self.declaration
    }
    /// Whether pretty layout is used.
    pub const fn is_pretty(&self) -> bool {
        self.pretty
    }
}

impl Default for RenderOptions {
    fn default() -> Self {
        RenderOptions::new()
    }
}

/// Renders markup. Implemented by every element of every dialect, so a whole document or any
/// fragment renders the same way.
///
/// ```
/// use callml::twiml::{Response, Say};
/// use callml::xml::{Render, RenderOptions};
///
/// let doc = Response::new().say(Say::new("Hi"));
/// assert_eq!(doc.to_xml(), r#"<?xml version="1.0" encoding="UTF-8"?><Response><Say>Hi</Say></Response>"#);
///
/// let mut buf = Vec::with_capacity(256);
/// doc.write_to(&mut buf);
/// assert_eq!(buf, doc.to_xml().as_bytes());
///
/// let fragment = doc.to_xml_with(RenderOptions::new().declaration(false).pretty(true));
/// assert_eq!(fragment, "<Response>\n  <Say>Hi</Say>\n</Response>");
/// ```
pub trait Render {
    /// Writes this element (and its content) through `writer`. The building block of the other
    /// methods; call those instead.
    fn write_element<S: Sink + ?Sized>(&self, writer: &mut Writer<'_, S>);

    /// Renders into any [`Sink`] with the given options.
    fn render_into<S: Sink + ?Sized>(&self, sink: &mut S, options: RenderOptions) {
        if options.declaration {
            sink.push_str(DECLARATION);
            if options.pretty {
                sink.push_str("\n");
            }
        }
        let mut writer = Writer::new(sink, options.pretty);
        self.write_element(&mut writer);
    }

    /// Appends the compact document, with declaration, to a `String` or `Vec<u8>`. Performs no
    /// allocation when the buffer has enough capacity.
    fn write_to<S: Sink + ?Sized>(&self, sink: &mut S) {
        self.render_into(sink, RenderOptions::new());
    }

    /// The compact document with declaration.
    fn to_xml(&self) -> String {
        self.to_xml_with(RenderOptions::new())
    }

    /// The document pretty-printed, with declaration: two spaces of indentation per level,
    /// elements holding text kept on one line (so no text changes).
    ///
    /// ```
    /// use callml::twiml::{Gather, Response};
    /// use callml::xml::Render;
    /// let doc = Response::new().gather(Gather::new().say("Press 1"));
    /// assert_eq!(
    ///     doc.to_pretty_xml(),
    ///     "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response>\n  <Gather>\n    <Say>Press 1</Say>\n  </Gather>\n</Response>"
    /// );
    /// ```
    fn to_pretty_xml(&self) -> String {
        self.to_xml_with(RenderOptions::new().pretty(true))
    }

    /// The document rendered with `options`.
    fn to_xml_with(&self, options: RenderOptions) -> String {
        let mut out = String::with_capacity(INITIAL_CAPACITY);
        self.render_into(&mut out, options);
        out
    }

    /// Writes to a [`fmt::Write`].
    fn write_fmt_to<W: fmt::Write + ?Sized>(&self, out: &mut W, options: RenderOptions) -> fmt::Result {
        let mut sink = FmtSink::new(out);
        self.render_into(&mut sink, options);
        sink.finish()
    }

    /// Writes to an [`io::Write`] (wrap unbuffered writers in a `BufWriter`).
    fn write_io_to<W: io::Write + ?Sized>(&self, out: &mut W, options: RenderOptions) -> io::Result<()> {
        let mut sink = IoSink::new(out);
        self.render_into(&mut sink, options);
        sink.finish()
    }
}

/// Writes any element of a dialect's table: the start tag with its known attributes (each one
/// static fragment plus its value) and extras, then its content.
#[inline]
pub(crate) fn element<'a, E: Element<'a>, S: Sink + ?Sized>(element: &E, w: &mut Writer<'_, S>) {
    struct Attributes<'w, 's, S: Sink + ?Sized>(&'w mut Writer<'s, S>);
    impl<S: Sink + ?Sized> VisitAttribute for Attributes<'_, '_, S> {
        #[inline(always)]
        fn visit<V: AttributeValue>(&mut self, known: &'static Known, value: Option<&V>) {
            if let Some(value) = value {
                self.0.attribute_start_unchecked(known.first, known.next);
                value.write_value(self.0);
            }
        }
    }
    w.open(E::OPEN);
    element.visit_attributes(&mut Attributes(w));
    let extras = element.extra_attributes();
    if !extras.is_empty() {
        super::custom::write_extra_attributes(w, extras, |n| super::element::has_attribute(element, n));
    }
    let content = element.content();
    if content.is_empty() {
        w.close_empty();
    } else {
        w.start_content(content.holds_text());
        content.write(w);
        w.close(E::CLOSE);
    }
}

/// Writes one child of a child enum.
#[inline]
pub(crate) fn child<'a, C: Children<'a>, S: Sink + ?Sized>(child: &C, w: &mut Writer<'_, S>) {
    struct Write<'w, 's, S: Sink + ?Sized>(&'w mut Writer<'s, S>);
    impl<'x, 'a: 'x, S: Sink + ?Sized> NodeFn<'x, 'a> for Write<'_, '_, S> {
        type Output = ();
        #[inline(always)]
        fn node<N: Node<'a>>(self, node: &'x N) {
            node.write_element(self.0);
        }
        #[inline(always)]
        fn text(self, text: &'x Cow<'a, str>) {
            self.0.text(text);
        }
        fn custom(self, custom: &'x super::Custom<'a>) {
            custom.write_element(self.0);
        }
    }
    child.dispatch(Write(w));
}

/// How each kind of content is written.
pub(crate) trait WriteContent {
    /// Whether there is nothing to write (the element is written `<Name/>`).
    fn is_empty(&self) -> bool;
    /// Whether the content holds text (kept on one line when pretty).
    fn holds_text(&self) -> bool;
    /// Writes the content.
    fn write<S: Sink + ?Sized>(&self, w: &mut Writer<'_, S>);
}

impl WriteContent for () {
    #[inline(always)]
    fn is_empty(&self) -> bool {
        true
    }
    fn holds_text(&self) -> bool {
        false
    }
    fn write<S: Sink + ?Sized>(&self, _: &mut Writer<'_, S>) {}
}

impl WriteContent for Cow<'_, str> {
    #[inline(always)]
    fn is_empty(&self) -> bool {
        str::is_empty(self)
    }
    fn holds_text(&self) -> bool {
        true
    }
    #[inline(always)]
    fn write<S: Sink + ?Sized>(&self, w: &mut Writer<'_, S>) {
        w.text(self);
    }
}

impl<'a, C: Children<'a>> WriteContent for Vec<C> {
    #[inline(always)]
    fn is_empty(&self) -> bool {
        <[C]>::is_empty(self)
    }
    #[inline]
    fn holds_text(&self) -> bool {
        match C::TEXT {
            TextRule::None => false,
            TextRule::Mixed => self.iter().any(super::element::is_text),
            TextRule::Speech => true,
        }
    }
    #[inline]
    fn write<S: Sink + ?Sized>(&self, w: &mut Writer<'_, S>) {
        for child in self {
            child.write_element(w);
        }
    }
}
