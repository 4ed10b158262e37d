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
    for_each_extra(extras, known_is_set, |a, repeated| {
        if !repeated {
            w.attribute(&a.name, &a.value);
        }
    });
}

/// Calls `f` with each extra attribute and whether it repeats a set known attribute or an earlier
/// extra (names compared as rendered). Up to `LINEAR_SCAN` extras the earlier ones are scanned (no
/// allocation, the common case); past that a set of the rendered names keeps it linear.
pub(crate) fn for_each_extra<'e, 'a>(
    extras: &'e [Attribute<'a>],
    known_is_set: impl Fn(&str) -> bool,
    mut f: impl FnMut(&'e Attribute<'a>, bool),
) {
    const LINEAR_SCAN: usize = 32;
    let known = |name: &str| super::is_valid_name(name) && known_is_set(name);
    if extras.len() <= LINEAR_SCAN {
        for (i, a) in extras.iter().enumerate() {
            let earlier = extras[..i].iter().any(|e| super::name::same_rendered_name(&e.name, &a.name));
            f(a, known(&a.name) || earlier);
        }
        return;
    }
    let mut seen = std::collections::HashSet::with_capacity(extras.len());
    for a in extras {
        let first = seen.insert(super::name::rendered_name(&a.name));
        f(a, known(&a.name) || !first);
    }
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

/// Whether whitespace inside an unknown element is layout or content is not known, so pretty
/// output writes its content as it is, never re-indented: the pretty document reads back equal.
impl Render for Custom<'_> {
    fn write_element<S: Sink + ?Sized>(&self, w: &mut Writer<'_, S>) {
        self.write_laid_out(w, false);
    }
}

impl Custom<'_> {
    /// Writes the element; with `reindent`, pretty output lays out content that holds no text
    /// (for trees whose whitespace between elements is known to be layout: the canonical form).
    pub(crate) fn write_laid_out<S: Sink + ?Sized>(&self, w: &mut Writer<'_, S>, reindent: bool) {
        w.open_named(&self.name);
        write_extra_attributes(w, &self.attributes, |_| false);
        if self.children.is_empty() {
            w.close_empty();
            return;
        }
        let holds_text = !reindent || self.children.iter().any(|c| matches!(c, CustomNode::Text(_)));
        w.start_content(holds_text);
        for child in &self.children {
            match child {
                CustomNode::Text(t) => w.text(t),
                CustomNode::Element(e) => e.write_laid_out(w, reindent),
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

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The plain definition: a set known attribute, or any earlier extra with the same rendered name.
    fn reference(extras: &[Attribute<'_>], known: &[&str]) -> Vec<bool> {
        (0..extras.len())
            .map(|i| {
                let name = &extras[i].name;
                (super::super::is_valid_name(name) && known.contains(&&**name))
                    || extras[..i].iter().any(|e| super::super::name::same_rendered_name(&e.name, name))
            })
            .collect()
    }

    proptest! {
        /// Both ways of finding repeats (the scan up to 32 extras, the set past that) agree with the
        /// plain definition, invalid names (written with `_`) included.
        #[test]
        fn repeated_extras_are_found_either_way(
            names in prop::collection::vec("[ab_1 é]{0,3}", 0..80),
        ) {
            let extras: Vec<Attribute<'_>> = names.iter().map(|n| Attribute::new(n.as_str(), "v")).collect();
            let known = ["a", "b_"];
            let mut found = Vec::new();
            for_each_extra(&extras, |n| known.contains(&n), |_, repeated| found.push(repeated));
            prop_assert_eq!(found, reference(&extras, &known));
        }
    }
}
