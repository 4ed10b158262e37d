//! Support for turning the generic tree into typed elements: the dialect's vocabulary, element
//! paths for error messages, and the conversions shared by every element.

use std::borrow::Cow;

use super::read::{Element, Node, ParseError, ParseErrorKind, Position};
use super::{Attribute, Custom, CustomNode, ParseLimits, read_document};

/// What a dialect knows: its element names (so a known element in the wrong place is an error,
/// and an unknown one becomes a [`Custom`] element).
#[doc(hidden)]
#[derive(Debug, Clone, Copy)]
pub struct Vocabulary {
    /// The dialect's own element names.
    pub names: &'static [&'static str],
    /// Names it shares with the other dialect (SSML).
    pub shared: &'static [&'static str],
}

impl Vocabulary {
    /// Whether `name` is one of the dialect's elements.
    pub fn knows(&self, name: &str) -> bool {
        self.names.contains(&name) || self.shared.contains(&name)
    }
}

/// How a conversion keeps the strings of the generic tree, whose strings borrow the input (`'i`):
/// [`Copied`] into a `'static` tree, or [`Borrowed`] for a tree that borrows the input too.
#[doc(hidden)]
pub trait Strings<'i, 'o> {
    /// The string as the typed tree holds it.
    #[allow(clippy::ptr_arg)] // `&Cow`, not `&str`: borrowed text keeps its own lifetime
    fn keep(s: &Cow<'i, str>) -> Cow<'o, str>;
}

/// Strings are copied: the typed tree is `'static` (`from_xml`).
#[doc(hidden)]
pub struct Copied;

impl<'i> Strings<'i, 'static> for Copied {
    #[inline]
    fn keep(s: &Cow<'i, str>) -> Cow<'static, str> {
        Cow::Owned(s.to_string())
    }
}

/// Strings stay borrowed from the input where the input holds them literally (`from_xml_borrowed`);
/// only text the reader had to change (references resolved, attribute whitespace normalised, runs
/// merged) is owned.
#[doc(hidden)]
pub struct Borrowed;

impl<'i> Strings<'i, 'i> for Borrowed {
    #[inline]
    fn keep(s: &Cow<'i, str>) -> Cow<'i, str> {
        s.clone()
    }
}

/// A link in the path from the root to the element being converted.
#[doc(hidden)]
#[derive(Clone, Copy)]
pub struct Path<'p, 'i> {
    parent: Option<&'p Path<'p, 'i>>,
    name: &'p str,
    siblings: &'p [Node<'i>],
    position: usize,
}

impl<'p, 'i> Path<'p, 'i> {
    /// The root element.
    pub fn root(name: &'p str) -> Self {
        Path { parent: None, name, siblings: &[], position: 0 }
    }

    /// The child at `position` of `siblings`, named `name`.
    pub fn child(&'p self, name: &'p str, siblings: &'p [Node<'i>], position: usize) -> Self {
        Path { parent: Some(self), name, siblings, position }
    }

    /// `Response/Gather[2]/Say`: the index among same-named siblings, when there are several.
    pub fn render(&self) -> String {
        let mut parts = Vec::new();
        let mut link = Some(self);
        while let Some(l) = link {
            let same = |n: &Node<'_>| matches!(n, Node::Element(e) if e.name == l.name);
            let total = l.siblings.iter().filter(|n| same(n)).count();
            if total > 1 {
                let index = l.siblings[..l.position].iter().filter(|n| same(n)).count() + 1;
                parts.push(format!("{}[{index}]", l.name));
            } else {
                parts.push(l.name.to_string());
            }
            link = l.parent;
        }
        parts.reverse();
        parts.join("/")
    }
}

/// Everything a conversion needs: the input (for positions) and the dialect.
#[doc(hidden)]
#[derive(Clone, Copy)]
pub struct Ctx<'i> {
    /// The whole input.
    pub input: &'i str,
    /// The dialect.
    pub vocabulary: Vocabulary,
}

impl<'i> Ctx<'i> {
    /// An error at the element.
    pub fn error(&self, element: &Element<'_>, path: &Path<'_, '_>, kind: ParseErrorKind) -> ParseError {
        ParseError { kind, position: Position::at(self.input, element.offset), path: path.render() }
    }

    /// Sets the attributes of the generic element through the typed element's table.
    pub fn attributes<'e>(
        &self,
        element: &Element<'e>,
        path: &Path<'_, '_>,
        mut set: impl FnMut(&Cow<'e, str>, &Cow<'e, str>) -> Result<(), super::ValueError>,
    ) -> Result<(), ParseError> {
        for (name, value) in &element.attributes {
            set(name, value).map_err(|error| {
                self.error(element, path, ParseErrorKind::InvalidAttribute { attribute: name.to_string(), error })
            })?;
        }
        Ok(())
    }

    /// The text of an element that holds only text; child elements are an error.
    pub fn text_only<'e, 'o, P: Strings<'e, 'o>>(
        &self,
        element: &Element<'e>,
        path: &Path<'_, '_>,
    ) -> Result<Cow<'o, str>, ParseError> {
        if let [Node::Text(t)] = element.children.as_slice() {
            return Ok(P::keep(t));
        }
        let mut text = String::new();
        for node in &element.children {
            match node {
                Node::Text(t) => text.push_str(t),
                Node::Element(child) => {
                    return Err(self.error(
                        child,
                        path,
                        ParseErrorKind::ElementNotAllowed {
                            parent: element.name.to_string(),
                            child: child.name.to_string(),
                        },
                    ));
                }
            }
        }
        Ok(Cow::Owned(text))
    }

    /// Checks that an element that holds nothing has no content (whitespace is allowed).
    /// A child element is reported before text, as `text_only` does; no string is built.
    pub fn no_content(&self, element: &Element<'_>, path: &Path<'_, '_>) -> Result<(), ParseError> {
        if let Some(child) = element.children.iter().find_map(|n| match n {
            Node::Element(e) => Some(e),
            Node::Text(_) => None,
        }) {
            return Err(self.not_allowed(element, child, path));
        }
        if element.children.iter().all(|n| matches!(n, Node::Text(t) if is_whitespace(t))) {
            Ok(())
        } else {
            Err(self.text_not_allowed(element, path))
        }
    }

    /// The error for non-whitespace text inside an element that holds no text.
    pub fn text_not_allowed(&self, element: &Element<'_>, path: &Path<'_, '_>) -> ParseError {
        self.error(element, path, ParseErrorKind::TextNotAllowed(element.name.to_string()))
    }

    /// The error for a known element where its parent may not hold it.
    pub fn not_allowed(&self, parent: &Element<'_>, child: &Element<'_>, path: &Path<'_, '_>) -> ParseError {
        self.error(
            child,
            path,
            ParseErrorKind::ElementNotAllowed { parent: parent.name.to_string(), child: child.name.to_string() },
        )
    }

    /// Reads a whole document and checks its root name.
    pub fn parse_root<T>(
        input: &'i str,
        vocabulary: Vocabulary,
        root: &'static str,
        convert: impl FnOnce(&Ctx<'i>, &Element<'i>, &Path<'_, '_>) -> Result<T, ParseError>,
    ) -> Result<T, ParseError> {
        let element = read_document(input, ParseLimits::DEFAULT)?;
        let ctx = Ctx { input, vocabulary };
        let path = Path::root(&element.name);
        if element.name != root {
            return Err(ctx.error(
                &element,
                &path,
                ParseErrorKind::UnexpectedRoot { found: element.name.to_string(), expected: root },
            ));
        }
        convert(&ctx, &element, &path)
    }
}

/// Whether `s` is only XML whitespace.
pub(crate) fn is_whitespace(s: &str) -> bool {
    s.bytes().all(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
}

/// A generic element as a [`Custom`] element, its strings kept as `P` says.
pub(crate) fn custom_from_tree<'e, 'o, P: Strings<'e, 'o>>(element: &Element<'e>) -> Custom<'o> {
    Custom {
        name: P::keep(&element.name),
        attributes: element.attributes.iter().map(|(n, v)| Attribute { name: P::keep(n), value: P::keep(v) }).collect(),
        children: element
            .children
            .iter()
            .map(|n| match n {
                Node::Text(t) => CustomNode::Text(P::keep(t)),
                Node::Element(e) => CustomNode::Element(custom_from_tree::<P>(e)),
            })
            .collect(),
    }
}
