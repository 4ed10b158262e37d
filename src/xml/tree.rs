//! Reading the generic tree into typed elements: generic over [`Element`], with element paths for
//! error messages.

use std::borrow::Cow;
use std::marker::PhantomData;

use super::element::{AttributeInput, Children, Element, Node, PushNode, TextRule};
use super::read::{ParseError, ParseErrorKind, Position};
use super::value::ReadValue;
use super::{Attribute, Custom, CustomNode, ParseLimits, ValueError, Vocabulary, read_document};

/// How a conversion keeps the strings of the generic tree, whose strings borrow the input (`'i`):
/// [`Copied`] into a `'static` tree, or [`Borrowed`] for a tree that borrows the input too.
pub(crate) trait Strings<'i, 'o> {
    /// The string as the typed tree holds it.
    #[allow(clippy::ptr_arg)] // `&Cow`, not `&str`: borrowed text keeps its own lifetime
    fn keep(s: &Cow<'i, str>) -> Cow<'o, str>;
    /// The same, for a string the caller owns (an owned string is not copied again).
    fn take(s: Cow<'i, str>) -> Cow<'o, str>;
}

/// Strings are copied: the typed tree is `'static` (`from_xml`).
pub(crate) struct Copied;

impl<'i> Strings<'i, 'static> for Copied {
    #[inline]
    fn keep(s: &Cow<'i, str>) -> Cow<'static, str> {
        Cow::Owned(s.to_string())
    }
    #[inline]
    fn take(s: Cow<'i, str>) -> Cow<'static, str> {
        Cow::Owned(s.into_owned())
    }
}

/// Strings stay borrowed from the input where the input holds them literally (`from_xml_borrowed`);
/// only text the reader had to change (references resolved, attribute whitespace normalised, runs
/// merged) is owned.
pub(crate) struct Borrowed;

impl<'i> Strings<'i, 'i> for Borrowed {
    #[inline]
    fn keep(s: &Cow<'i, str>) -> Cow<'i, str> {
        s.clone()
    }
    #[inline]
    fn take(s: Cow<'i, str>) -> Cow<'i, str> {
        s
    }
}

/// A link in the path from the root to the element being converted.
#[derive(Clone, Copy)]
pub(crate) struct Path<'p, 'i> {
    parent: Option<&'p Path<'p, 'i>>,
    name: &'p str,
    siblings: &'p [CustomNode<'i>],
    position: usize,
}

impl<'p, 'i> Path<'p, 'i> {
    /// The root element.
    pub(crate) fn root(name: &'p str) -> Self {
        Path { parent: None, name, siblings: &[], position: 0 }
    }

    /// The child at `position` of `siblings`, named `name`.
    pub(crate) fn child(&'p self, name: &'p str, siblings: &'p [CustomNode<'i>], position: usize) -> Self {
        Path { parent: Some(self), name, siblings, position }
    }

    /// `Response/Gather[2]/Say`: the index among same-named siblings, when there are several.
    pub(crate) fn render(&self) -> String {
        let mut parts = Vec::new();
        let mut link = Some(self);
        while let Some(l) = link {
            let same = |n: &CustomNode<'_>| matches!(n, CustomNode::Element(e) if e.name == l.name);
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
#[derive(Clone, Copy)]
pub(crate) struct Ctx<'i> {
    /// The whole input.
    pub(crate) input: &'i str,
    /// The dialect.
    pub(crate) vocabulary: Vocabulary,
}

impl Ctx<'_> {
    /// An error at the element.
    pub(crate) fn error(&self, element: &Custom<'_>, path: &Path<'_, '_>, kind: ParseErrorKind) -> ParseError {
        let offset = element.source_offset().unwrap_or(0);
        ParseError { kind, position: Position::at(self.input, offset), path: path.render(), source: None }
    }

    /// The error for non-whitespace text inside an element that holds no text.
    fn text_not_allowed(&self, element: &Custom<'_>, path: &Path<'_, '_>) -> ParseError {
        self.error(element, path, ParseErrorKind::TextNotAllowed(element.name.to_string()))
    }

    /// The error for a known element where its parent may not hold it.
    fn not_allowed(&self, parent: &Custom<'_>, child: &Custom<'_>, path: &Path<'_, '_>) -> ParseError {
        self.error(
            child,
            path,
            ParseErrorKind::ElementNotAllowed { parent: parent.name.to_string(), child: child.name.to_string() },
        )
    }
}

/// Reads a whole document whose root is `E`, its strings kept as `P` says.
pub(crate) fn read_root<'i, 'o, P: Strings<'i, 'o>, E: Element<'o>>(
    input: &'i str,
    vocabulary: Vocabulary,
) -> Result<E, ParseError> {
    let root = read_document(input, ParseLimits::DEFAULT)?;
    let ctx = Ctx { input, vocabulary };
    let path = Path::root(&root.name);
    if root.name != E::NAME {
        return Err(ctx.error(
            &root,
            &path,
            ParseErrorKind::UnexpectedRoot { found: root.name.to_string(), expected: E::NAME },
        ));
    }
    element::<P, E>(&ctx, &root, &path)
}

/// An attribute of the generic tree (or of the tokens), read as `P` keeps strings.
pub(crate) struct TreeAttribute<'t, 'e, P> {
    pub(crate) attribute: &'t Attribute<'e>,
    pub(crate) strings: PhantomData<P>,
}

impl<'e, 'o, P: Strings<'e, 'o>> AttributeInput<'o> for TreeAttribute<'_, 'e, P> {
    fn name(&self) -> &str {
        &self.attribute.name
    }
    #[inline]
    fn typed<T: ReadValue<'o>>(&self) -> Result<T, ValueError> {
        T::read_text::<P>(&self.attribute.value)
    }
    fn untyped(&self) -> Result<Attribute<'o>, ValueError> {
        Ok(Attribute { name: P::keep(&self.attribute.name), value: P::keep(&self.attribute.value) })
    }
}

/// Reads a generic element as the typed element `E`.
pub(crate) fn element<'e, 'o, P: Strings<'e, 'o>, E: Element<'o>>(
    ctx: &Ctx<'_>,
    element: &Custom<'e>,
    path: &Path<'_, '_>,
) -> Result<E, ParseError> {
    let mut typed = E::default();
    for attribute in &element.attributes {
        typed.read_attribute(&TreeAttribute::<P> { attribute, strings: PhantomData }).map_err(|error| {
            let kind = ParseErrorKind::InvalidAttribute { attribute: attribute.name.to_string(), error };
            ctx.error(element, path, kind)
        })?;
    }
    typed.set_content(E::Content::read_tree::<P>(ctx, element, path)?);
    Ok(typed)
}

/// How each kind of content is read from the generic tree.
pub(crate) trait ReadContent<'o>: Sized {
    /// Reads the content of `element`.
    fn read_tree<'e, P: Strings<'e, 'o>>(
        ctx: &Ctx<'_>,
        element: &Custom<'e>,
        path: &Path<'_, '_>,
    ) -> Result<Self, ParseError>;
}

impl<'o> ReadContent<'o> for () {
    /// Whitespace is allowed; a child element is reported before text, as for text content.
    fn read_tree<'e, P: Strings<'e, 'o>>(
        ctx: &Ctx<'_>,
        element: &Custom<'e>,
        path: &Path<'_, '_>,
    ) -> Result<(), ParseError> {
        if let Some(child) = element.children.iter().find_map(|n| match n {
            CustomNode::Element(e) => Some(e),
            CustomNode::Text(_) => None,
        }) {
            return Err(ctx.not_allowed(element, child, path));
        }
        if element.children.iter().all(|n| matches!(n, CustomNode::Text(t) if is_whitespace(t))) {
            Ok(())
        } else {
            Err(ctx.text_not_allowed(element, path))
        }
    }
}

impl<'o> ReadContent<'o> for Cow<'o, str> {
    fn read_tree<'e, P: Strings<'e, 'o>>(
        ctx: &Ctx<'_>,
        element: &Custom<'e>,
        path: &Path<'_, '_>,
    ) -> Result<Self, ParseError> {
        if let [CustomNode::Text(t)] = element.children.as_slice() {
            return Ok(P::keep(t));
        }
        let mut text = String::new();
        for node in &element.children {
            match node {
                CustomNode::Text(t) => text.push_str(t),
                CustomNode::Element(child) => return Err(ctx.not_allowed(element, child, path)),
            }
        }
        Ok(Cow::Owned(text))
    }
}

impl<'o, C: Children<'o>> ReadContent<'o> for Vec<C> {
    fn read_tree<'e, P: Strings<'e, 'o>>(
        ctx: &Ctx<'_>,
        element: &Custom<'e>,
        path: &Path<'_, '_>,
    ) -> Result<Self, ParseError> {
        let mut children = Vec::with_capacity(element.children.len());
        for (i, node) in element.children.iter().enumerate() {
            match node {
                CustomNode::Text(t) => {
                    let keep = match C::TEXT {
                        TextRule::None if is_whitespace(t) => false,
                        TextRule::None => return Err(ctx.text_not_allowed(element, path)),
                        // Between nouns (Dial, Client, Sip), whitespace-only text is layout.
                        TextRule::Mixed => !is_whitespace(t),
                        // In speech every run is spoken.
                        TextRule::Speech => true,
                    };
                    if keep {
                        children.extend(C::text(P::keep(t)));
                    }
                }
                CustomNode::Element(child) => {
                    let child_path = path.child(&child.name, &element.children, i);
                    self::child::<P, C>(ctx, &mut children, element, child, &child_path)?;
                }
            }
        }
        Ok(children)
    }
}

/// Reads a child element into the end of `children`: one the parent takes, a known one in the
/// wrong place (an error), or an unknown one (kept as [`Custom`]).
#[inline]
fn child<'e, 'o, P: Strings<'e, 'o>, C: Children<'o>>(
    ctx: &Ctx<'_>,
    children: &mut Vec<C>,
    parent: &Custom<'e>,
    child: &Custom<'e>,
    path: &Path<'_, '_>,
) -> Result<(), ParseError> {
    struct Reader<'c, 't, 'e, 'p, 'i, P> {
        ctx: &'c Ctx<'c>,
        element: &'t Custom<'e>,
        path: &'p Path<'p, 'i>,
        strings: PhantomData<P>,
    }
    impl<'e, 'o, P: Strings<'e, 'o>> PushNode<'o> for Reader<'_, '_, 'e, '_, '_, P> {
        type Error = ParseError;
        fn push<N: Node<'o>, L>(
            self,
            list: &mut Vec<L>,
            wrap: fn(N) -> L,
            _: fn(&mut L) -> Option<&mut N>,
        ) -> Result<(), ParseError> {
            list.push(wrap(N::read_tree::<P>(self.ctx, self.element, self.path)?));
            Ok(())
        }
    }
    let reader = Reader { ctx, element: child, path, strings: PhantomData::<P> };
    if let Some(read) = C::push_named(&child.name, children, reader) {
        return read;
    }
    if ctx.vocabulary.knows(&child.name) {
        return Err(ctx.not_allowed(parent, child, path));
    }
    children.push(C::custom(keep_custom::<P>(child)));
    Ok(())
}

/// Whether `s` is only XML whitespace.
pub(crate) fn is_whitespace(s: &str) -> bool {
    s.bytes().all(super::tokens::is_space)
}

/// A generic element kept as a [`Custom`] element of the typed tree, its strings kept as `P` says.
pub(crate) fn keep_custom<'e, 'o, P: Strings<'e, 'o>>(element: &Custom<'e>) -> Custom<'o> {
    Custom {
        name: P::keep(&element.name),
        attributes: element
            .attributes
            .iter()
            .map(|a| Attribute { name: P::keep(&a.name), value: P::keep(&a.value) })
            .collect(),
        children: element
            .children
            .iter()
            .map(|n| match n {
                CustomNode::Text(t) => CustomNode::Text(P::keep(t)),
                CustomNode::Element(e) => CustomNode::Element(keep_custom::<P>(e)),
            })
            .collect(),
        source_offset: element.source_offset,
    }
}
