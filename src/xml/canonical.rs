//! Canonical form of XML documents, for golden tests: the XML declaration dropped, attributes
//! sorted by name, `<X></X>` written `<X/>`, whitespace-only text between elements removed, and
//! text and attribute values escaped one way. Two documents are equivalent when their canonical
//! forms are equal.

use super::{Custom, CustomNode, ParseError, ParseLimits, Render, RenderOptions, read_document};

/// The canonical form of a document, compact.
///
/// ```
/// use callml::xml::canonical;
/// let a = canonical(r#"<?xml version="1.0"?><Response><Say voice="man" loop="2">Hi</Say><Hangup></Hangup></Response>"#).unwrap();
/// let b = canonical("<Response>\n  <Say loop='2' voice='man'>Hi</Say>\n  <Hangup />\n</Response>").unwrap();
/// assert_eq!(a, b);
/// assert_eq!(a, r#"<Response><Say loop="2" voice="man">Hi</Say><Hangup/></Response>"#);
/// ```
pub fn canonical(xml: &str) -> Result<String, ParseError> {
    Ok(canonical_tree(xml)?.to_xml_with(RenderOptions::new().declaration(false)))
}

/// The canonical form, one element per line (elements holding text stay on one line): the form
/// [`assert_xml_eq!`](crate::assert_xml_eq) diffs.
///
/// ```
/// let pretty = callml::xml::canonical_pretty("<Response><Hangup/></Response>").unwrap();
/// assert_eq!(pretty, "<Response>\n  <Hangup/>\n</Response>");
/// ```
pub fn canonical_pretty(xml: &str) -> Result<String, ParseError> {
    Ok(Reindented(&canonical_tree(xml)?).to_xml_with(RenderOptions::new().declaration(false).pretty(true)))
}

/// The canonical tree, laid out one element per line: its whitespace between elements was
/// removed, so none of it is content.
struct Reindented<'t>(&'t Custom<'t>);

impl Render for Reindented<'_> {
    fn write_element<S: super::Sink + ?Sized>(&self, w: &mut super::Writer<'_, S>) {
        self.0.write_laid_out(w, true);
    }
}

fn canonical_tree(xml: &str) -> Result<Custom<'static>, ParseError> {
    let limits = ParseLimits::DEFAULT.max_bytes(usize::MAX);
    Ok(element(&read_document(xml, limits)?))
}

fn element(e: &Custom<'_>) -> Custom<'static> {
    let mut canonical = Custom::new(e.name.to_string());
    canonical.attributes = e.attributes.iter().map(|a| a.clone().into_owned()).collect();
    canonical.attributes.sort_by(|a, b| a.name.cmp(&b.name));
    let has_elements = e.children.iter().any(|n| matches!(n, CustomNode::Element(_)));
    canonical.children = e
        .children
        .iter()
        .filter_map(|n| match n {
            CustomNode::Text(t) if has_elements && super::tree::is_whitespace(t) => None,
            CustomNode::Text(t) => Some(CustomNode::Text(t.to_string().into())),
            CustomNode::Element(c) => Some(CustomNode::Element(element(c))),
        })
        .collect();
    canonical
}

/// Panics with a line diff of the canonical forms unless `left` and `right` are equivalent
/// documents; `context` is printed above the diff. What [`assert_xml_eq!`](crate::assert_xml_eq)
/// calls.
///
/// ```
/// callml::xml::assert_equivalent("<Response><Hangup></Hangup></Response>", "<Response>\n  <Hangup/>\n</Response>", None);
/// ```
#[track_caller]
pub fn assert_equivalent(left: &str, right: &str, context: Option<std::fmt::Arguments<'_>>) {
    let side = |name: &str, xml: &str| {
        canonical_pretty(xml).unwrap_or_else(|e| panic!("assert_xml_eq!: {name} is not well-formed XML: {e}\n{xml}"))
    };
    let (l, r) = (side("left", left), side("right", right));
    if l == r {
        return;
    }
    let context = context.map(|c| format!("{c}\n")).unwrap_or_default();
    panic!("assert_xml_eq! failed: the documents differ\n{context}--- left\n+++ right\n{}", diff(&l, &r));
}

/// A line diff (longest common subsequence): ` ` same, `-` only left, `+` only right.
fn diff(left: &str, right: &str) -> String {
    let a: Vec<&str> = left.lines().collect();
    let b: Vec<&str> = right.lines().collect();
    let mut lcs = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i][j] = if a[i] == b[j] { lcs[i + 1][j + 1] + 1 } else { lcs[i + 1][j].max(lcs[i][j + 1]) };
        }
    }
    let (mut i, mut j, mut out) = (0, 0, String::new());
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            out.push_str(&format!("  {}\n", a[i]));
            i += 1;
            j += 1;
        } else if i < a.len() && (j == b.len() || lcs[i + 1][j] >= lcs[i][j + 1]) {
            out.push_str(&format!("- {}\n", a[i]));
            i += 1;
        } else {
            out.push_str(&format!("+ {}\n", b[j]));
            j += 1;
        }
    }
    out
}

/// Asserts that two XML documents are equivalent (same canonical form: attribute order,
/// `<X></X>` versus `<X/>`, the declaration and whitespace between elements do not matter).
/// On failure it panics with a line diff of the canonical forms.
///
/// ```
/// use callml::assert_xml_eq;
/// use callml::twiml::{Response, Say};
/// use callml::xml::Render;
///
/// let doc = Response::new().say(Say::new("Hi").voice("man").loop_count(2));
/// assert_xml_eq!(doc.to_xml(), r#"
///     <Response>
///       <Say voice="man" loop="2">Hi</Say>
///     </Response>
/// "#);
/// ```
#[macro_export]
macro_rules! assert_xml_eq {
    ($left:expr, $right:expr $(,)?) => {
        $crate::xml::assert_equivalent(
            ::core::convert::AsRef::<str>::as_ref(&$left),
            ::core::convert::AsRef::<str>::as_ref(&$right),
            ::core::option::Option::None,
        )
    };
    ($left:expr, $right:expr, $($context:tt)+) => {
        $crate::xml::assert_equivalent(
            ::core::convert::AsRef::<str>::as_ref(&$left),
            ::core::convert::AsRef::<str>::as_ref(&$right),
            ::core::option::Option::Some(::core::format_args!($($context)+)),
        )
    };
}
