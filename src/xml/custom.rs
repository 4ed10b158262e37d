//! The unchecked escape hatch: an element of any name, with any attributes and content.

use std::borrow::Cow;

use super::{Render, Sink, Writer};

/// An attribute the crate has no typed field for, kept in insertion order after the known ones.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Attribute<'a> {
    /// The XML name, e.g. `lagnauge` or `data-x`.
    pub name: Cow<'a, str>,
    /// The value (unescaped).
    pub value: Cow<'a, str>,
}

impl<'a> Attribute<'a> {
    /// An attribute.
    ///
    /// ```
    /// let a = callml::xml::Attribute::new("priority", "1");
    /// assert_eq!(a.name, "priority");
    /// ```
    pub fn new(name: impl Into<Cow<'a, str>>, value: impl Into<Cow<'a, str>>) -> Self {
        Attribute { name: name.into(), value: value.into() }
    }

    /// The same attribute with owned strings.
    pub fn into_owned(self) -> Attribute<'static> {
        Attribute { name: Cow::Owned(self.name.into_owned()), value: Cow::Owned(self.value.into_owned()) }
    }
}

/// Writes extra attributes after the known ones, skipping any whose name is already written (a set
/// known attribute, or an earlier extra), so the output stays well-formed. `validate()` reports
/// each skipped duplicate.
pub(crate) fn write_extra_attributes<S: Sink + ?Sized>(
    w: &mut Writer<'_, S>,
    extras: &[Attribute<'_>],
    known_is_set: impl Fn(&str) -> bool,
) {
    for (i, a) in extras.iter().enumerate() {
        if is_duplicate_extra(extras, i, &known_is_set) {
            continue;
        }
        w.attribute(&a.name, &a.value);
    }
}

/// Whether `extras[i]` repeats a set known attribute or an earlier extra, comparing names as
/// rendered.
pub(crate) fn is_duplicate_extra(extras: &[Attribute<'_>], i: usize, known_is_set: impl Fn(&str) -> bool) -> bool {
    let name = &extras[i].name;
    (super::is_valid_name(name) && known_is_set(name))
        || extras[..i].iter().any(|earlier| super::name::same_rendered_name(&earlier.name, name))
}

/// Content of a [`Custom`] element: text runs and further custom elements.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum CustomNode<'a> {
    /// A run of text (escaped when written).
    Text(Cow<'a, str>),
    /// A nested element.
    Element(Custom<'a>),
}

/// An element the crate does not know: any name, attributes and content, usable as a child of
/// every element that has children. Explicitly unchecked: nothing verifies that the provider accepts
/// it. Still escaped, and its name made a valid XML name, so the output stays well-formed.
///
/// ```
/// use callml::xml::{Custom, Render, RenderOptions};
/// let alexa = Custom::new("alexa").attr("omnipresent", "true").child(Custom::new("purchase").text("Kindle"));
/// assert_eq!(
///     alexa.to_xml_with(RenderOptions::new().declaration(false)),
///     r#"<alexa omnipresent="true"><purchase>Kindle</purchase></alexa>"#
/// );
/// ```
///
/// It is also the generic tree the reader produces ([`read_document`](super::read_document)): a
/// parsed element knows where it started in its input ([`source_offset`](Self::source_offset)),
/// which equality ignores.
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct Custom<'a> {
    /// The element name.
    pub name: Cow<'a, str>,
    /// Attributes in insertion order.
    pub attributes: Vec<Attribute<'a>>,
    /// Content in order.
    pub children: Vec<CustomNode<'a>>,
    /// Byte offset of `<` in the input the element was read from; [`NOT_READ`] for one built in
    /// code (a plain `usize`: the reader builds one per element, and an `Option` would make every
    /// tree node 8 bytes larger).
    pub(crate) source_offset: usize,
}

/// The `source_offset` of an element that was not read from text.
pub(crate) const NOT_READ: usize = usize::MAX;

impl PartialEq for Custom<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.name == other.name && self.attributes == other.attributes && self.children == other.children
    }
}
impl Eq for Custom<'_> {}
impl std::hash::Hash for Custom<'_> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        (&self.name, &self.attributes, &self.children).hash(state);
    }
}

impl<'a> Custom<'a> {
    /// An empty element named `name`.
    pub fn new(name: impl Into<Cow<'a, str>>) -> Self {
        Custom { name: name.into(), attributes: Vec::new(), children: Vec::new(), source_offset: NOT_READ }
    }

    /// Where the element started (the byte offset of its `<`) in the text it was read from; `None`
    /// for an element built in code.
    ///
    /// ```
    /// let root = callml::xml::read_document("<Response> <Say/></Response>", Default::default()).unwrap();
    /// let callml::xml::CustomNode::Element(say) = &root.children[1] else { unreachable!() };
    /// assert_eq!(say.source_offset(), Some(11));
    /// assert_eq!(callml::xml::Custom::new("Say").source_offset(), None);
    /// ```
    pub fn source_offset(&self) -> Option<usize> {
        (self.source_offset != NOT_READ).then_some(self.source_offset)
    }

    /// The same element with owned strings.
    pub fn into_owned(self) -> Custom<'static> {
        Custom {
            name: Cow::Owned(self.name.into_owned()),
            attributes: self.attributes.into_iter().map(Attribute::into_owned).collect(),
            children: self
                .children
                .into_iter()
                .map(|c| match c {
                    CustomNode::Text(t) => CustomNode::Text(Cow::Owned(t.into_owned())),
                    CustomNode::Element(e) => CustomNode::Element(e.into_owned()),
                })
                .collect(),
            source_offset: self.source_offset,
        }
    }
    /// Adds an attribute.
    pub fn attr(mut self, name: impl Into<Cow<'a, str>>, value: impl Into<Cow<'a, str>>) -> Self {
        self.attributes.push(Attribute::new(name, value));
        self
    }
    /// Adds a text run.
    pub fn text(mut self, text: impl Into<Cow<'a, str>>) -> Self {
        self.children.push(CustomNode::Text(text.into()));
        self
    }
    /// Adds a child: another custom element, or text.
    pub fn child(mut self, child: impl Into<CustomNode<'a>>) -> Self {
        self.children.push(child.into());
        self
    }
}

impl Render for Custom<'_> {
    fn write_element<S: Sink + ?Sized>(&self, w: &mut Writer<'_, S>) {
        w.open_named(&self.name);
        write_extra_attributes(w, &self.attributes, |_| false);
        if self.children.is_empty() {
            w.close_empty();
            return;
        }
        let holds_text = self.children.iter().any(|c| matches!(c, CustomNode::Text(_)));
        w.start_content(holds_text);
        for child in &self.children {
            match child {
                CustomNode::Text(t) => w.text(t),
                CustomNode::Element(e) => e.write_element(w),
            }
        }
        w.close_named(&self.name);
    }
}

impl super::sealed::Sealed for Custom<'_> {}

impl<'a> From<Custom<'a>> for CustomNode<'a> {
    fn from(e: Custom<'a>) -> Self {
        CustomNode::Element(e)
    }
}
impl<'a> From<&'a str> for CustomNode<'a> {
    fn from(t: &'a str) -> Self {
        CustomNode::Text(t.into())
    }
}
impl From<String> for CustomNode<'_> {
    fn from(t: String) -> Self {
        CustomNode::Text(t.into())
    }
}
impl<'a> From<Cow<'a, str>> for CustomNode<'a> {
    fn from(t: Cow<'a, str>) -> Self {
        CustomNode::Text(t)
    }
}

impl std::fmt::Display for Custom<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.write_fmt_to(f, super::RenderOptions::new().declaration(false))
    }
}
