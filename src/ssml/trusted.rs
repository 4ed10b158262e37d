//! Pre-built SSML markup that the caller vouches for.

use std::borrow::Cow;

use crate::xml::{ParseError, ParseLimits, Render, Sink, Writer, read_fragment};

/// SSML markup built elsewhere (a template, a content system) that goes into `<Say>` or
/// `<SpeakSentence>` as is. The caller vouches that the provider accepts it; the crate still checks
/// that it is a well-formed XML fragment, so the document stays well-formed:
///
/// ```
/// use callml::ssml::TrustedSsml;
/// use callml::twiml::Say;
///
/// let ssml = TrustedSsml::new(r#"Hola <break time="1s"/> <emphasis>amigo</emphasis>"#).unwrap();
/// assert_eq!(Say::new("").child(ssml).to_string(), r#"<Say>Hola <break time="1s"/> <emphasis>amigo</emphasis></Say>"#);
///
/// // Text that only looks like markup is refused: build it as text instead, which escapes it.
/// assert!(TrustedSsml::new("if a<b and c>d").is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct TrustedSsml<'a> {
    markup: Cow<'a, str>,
}

impl<'a> TrustedSsml<'a> {
    /// Checks that `markup` is a well-formed fragment (balanced elements, valid names, escaped
    /// `&`/`<`, no characters XML 1.0 forbids, no DTD) and wraps it.
    pub fn new(markup: impl Into<Cow<'a, str>>) -> Result<Self, ParseError> {
        let markup = markup.into();
        read_fragment(&markup, ParseLimits::DEFAULT)?;
        Ok(TrustedSsml { markup })
    }

    /// The markup.
    pub fn as_str(&self) -> &str {
        &self.markup
    }
}

impl Render for TrustedSsml<'_> {
    fn write_element<S: Sink + ?Sized>(&self, w: &mut Writer<'_, S>) {
        w.raw_unchecked(&self.markup);
    }
}

impl crate::xml::sealed::Sealed for TrustedSsml<'_> {}

/// What a child of a speech element is to the generic code. Trusted markup never comes out of the
/// parser (parsed SSML is typed), so the reading hooks are never reached: its name is not a valid
/// XML name and cannot match an element.
impl<'a> crate::xml::element::Node<'a> for TrustedSsml<'a> {
    const NAME: &'static str = "#trusted-ssml";

    /// The JSON form has no raw markup: the fragment's nodes go in as text runs and elements.
    fn to_json_into(&self, out: &mut Vec<serde_json::Value>) {
        if let Ok(nodes) = read_fragment(&self.markup, ParseLimits::DEFAULT) {
            for node in &nodes {
                match node {
                    crate::xml::CustomNode::Text(t) => out.push(serde_json::Value::String(t.to_string())),
                    crate::xml::CustomNode::Element(e) => out.push(e.to_json()),
                }
            }
        }
    }

    fn lint(&self, _: &str, _: &mut crate::xml::lint::Findings) {}

    fn read_tree<'e, P: crate::xml::tree::Strings<'e, 'a>>(
        ctx: &crate::xml::tree::Ctx<'_>,
        element: &crate::xml::Custom<'e>,
        path: &crate::xml::tree::Path<'_, '_>,
    ) -> Result<Self, ParseError> {
        Err(ctx.error(element, path, crate::xml::ParseErrorKind::NotWellFormed("raw markup element".into())))
    }

    fn push_stream<'i, P: crate::xml::tree::Strings<'i, 'a>, C>(
        _: &mut crate::xml::stream::Stream<'i>,
        _: &mut Vec<C>,
        _: fn(Self) -> C,
        _: fn(&mut C) -> Option<&mut Self>,
    ) -> Result<(), crate::xml::stream::Fallback> {
        Err(crate::xml::stream::Fallback)
    }

    fn read_json(
        _: &serde_json::Map<String, serde_json::Value>,
        path: &str,
        _: crate::xml::Vocabulary,
    ) -> Result<Self, crate::xml::JsonError> {
        Err(crate::xml::JsonError::new(path, "raw markup has no JSON form"))
    }
}
