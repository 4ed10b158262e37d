//! Reading typed elements straight from the tokens, without building the generic tree first: the
//! fast path of `from_xml`. It only says *whether* the input is a valid document; on any problem it
//! gives up ([`Fallback`]) and `from_xml` reads the input again through the generic tree
//! (`tree.rs`), the reference, which finds the same problem and reports it with the element path.
//! A property test holds the two to the same result on every input.

use std::borrow::Cow;
use std::marker::PhantomData;

use super::element::{Children, Element, Node, PushNode, TextRule};
use super::read::{ParseError, read_subtree};
use super::tokens::{Token, Tokens};
use super::tree::{Strings, TreeAttribute, is_whitespace, keep_custom};
use super::{ParseLimits, Vocabulary};

/// The input is not a valid document of the dialect: read it through the generic tree, which says
/// what is wrong and where.
#[derive(Debug)]
pub(crate) struct Fallback;

impl From<ParseError> for Fallback {
    fn from(_: ParseError) -> Self {
        Fallback
    }
}

/// Reads a document whose root is `E` (`from_xml`, `from_xml_borrowed`): the fast path, and on any
/// problem the generic tree, which reports it. Under the fuzzers (`--cfg fuzzing`) both, held to
/// the same result.
pub(crate) fn read_document_as<'i, 'o, P: Strings<'i, 'o>, E: Element<'o> + PartialEq + std::fmt::Debug>(
    input: &'i str,
    vocabulary: Vocabulary,
) -> Result<E, ParseError> {
    let fast = read_root::<P, E>(input, vocabulary);
    #[cfg(fuzzing)]
    assert_agrees(&fast, super::tree::read_root::<P, E>(input, vocabulary));
    fast.or_else(|Fallback| super::tree::read_root::<P, E>(input, vocabulary))
}

/// The same document from both paths, or an error from both.
#[cfg(fuzzing)]
fn assert_agrees<E: PartialEq + std::fmt::Debug>(fast: &Result<E, Fallback>, reference: Result<E, ParseError>) {
    match (fast, &reference) {
        (Ok(fast), Ok(reference)) => assert_eq!(fast, reference, "the fast path read another document"),
        (Err(_), Err(_)) => {}
        _ => panic!("the fast path says {fast:?}, the reference {reference:?}"),
    }
}

/// The tokens being read and the dialect they are read as.
pub(crate) struct Stream<'i> {
    tokens: Tokens<'i>,
    vocabulary: Vocabulary,
}

/// Reads a whole document whose root is `E`, its strings kept as `P` says; `Fallback` when the
/// input has any problem.
pub(crate) fn read_root<'i, 'o, P: Strings<'i, 'o>, E: Element<'o>>(
    input: &'i str,
    vocabulary: Vocabulary,
) -> Result<E, Fallback> {
    let mut stream = Stream { tokens: Tokens::new(input, ParseLimits::DEFAULT, true)?, vocabulary };
    match stream.tokens.next()? {
        Token::Open { name, .. } if name == E::NAME => {}
        _ => return Err(Fallback),
    }
    let mut root = E::default();
    element_into::<P, E>(&mut stream, &mut root)?;
    match stream.tokens.next()? {
        Token::End => Ok(root),
        _ => Err(Fallback),
    }
}

/// Reads the element the last `Open` token started into `typed` (a new element), through its
/// `Close`.
pub(crate) fn element_into<'i, 'o, P: Strings<'i, 'o>, E: Element<'o>>(
    stream: &mut Stream<'i>,
    typed: &mut E,
) -> Result<(), Fallback> {
    for attribute in stream.tokens.attributes() {
        typed.read_attribute(&TreeAttribute::<P> { attribute, strings: PhantomData }).map_err(|_| Fallback)?;
    }
    typed.set_content(E::Content::read_stream::<P>(stream)?);
    Ok(())
}

/// The run of text at the reader (joined from its pieces), if any, and the token after it.
fn text_run<'i>(stream: &mut Stream<'i>) -> Result<(Option<Cow<'i, str>>, Token<'i>), Fallback> {
    let mut run: Option<Cow<'i, str>> = None;
    loop {
        match stream.tokens.next()? {
            Token::Text(piece) => match &mut run {
                Some(run) => stream.tokens.join_text(run, &piece),
                None => run = Some(piece),
            },
            token => return Ok((run, token)),
        }
    }
}

/// How each kind of content is read from the tokens.
pub(crate) trait StreamContent<'o>: Sized {
    /// Reads the content of the element just opened, through its `Close`.
    fn read_stream<'i, P: Strings<'i, 'o>>(stream: &mut Stream<'i>) -> Result<Self, Fallback>;
}

impl<'o> StreamContent<'o> for () {
    /// Whitespace only.
    fn read_stream<'i, P: Strings<'i, 'o>>(stream: &mut Stream<'i>) -> Result<(), Fallback> {
        match text_run(stream)? {
            (run, Token::Close) if run.as_deref().is_none_or(is_whitespace) => Ok(()),
            _ => Err(Fallback),
        }
    }
}

impl<'o> StreamContent<'o> for Cow<'o, str> {
    /// One run of text, no element.
    fn read_stream<'i, P: Strings<'i, 'o>>(stream: &mut Stream<'i>) -> Result<Self, Fallback> {
        match text_run(stream)? {
            (Some(run), Token::Close) => Ok(P::take(run)),
            (None, Token::Close) => Ok(Cow::Owned(String::new())),
            _ => Err(Fallback),
        }
    }
}

impl<'o, C: Children<'o>> StreamContent<'o> for Vec<C> {
    fn read_stream<'i, P: Strings<'i, 'o>>(stream: &mut Stream<'i>) -> Result<Self, Fallback> {
        let mut children = Vec::new();
        loop {
            let (run, token) = text_run(stream)?;
            if let Some(run) = run {
                let keep = match C::TEXT {
                    TextRule::None if is_whitespace(&run) => false,
                    TextRule::None => return Err(Fallback),
                    // Between nouns (Dial, Client, Sip), whitespace-only text is layout.
                    TextRule::Mixed => !is_whitespace(&run),
                    // In speech every run is spoken.
                    TextRule::Speech => true,
                };
                if keep {
                    children.extend(C::text(P::take(run)));
                }
            }
            match token {
                Token::Close => return Ok(children),
                Token::Open { name, start } => child::<P, C>(stream, &mut children, name, start)?,
                Token::Text(_) | Token::End => return Err(Fallback),
            }
        }
    }
}

/// Reads a child element into the end of `children`: one the parent takes, or an unknown one
/// (kept as [`Custom`]); a known one in the wrong place falls back.
///
/// [`Custom`]: super::Custom
fn child<'i, 'o, P: Strings<'i, 'o>, C: Children<'o>>(
    stream: &mut Stream<'i>,
    children: &mut Vec<C>,
    name: Cow<'i, str>,
    start: usize,
) -> Result<(), Fallback> {
    struct Reader<'s, 'i, P> {
        stream: &'s mut Stream<'i>,
        strings: PhantomData<P>,
    }
    impl<'i, 'o, P: Strings<'i, 'o>> PushNode<'o> for Reader<'_, 'i, P> {
        type Error = Fallback;
        #[inline]
        fn push<N: Node<'o>, L>(
            self,
            list: &mut Vec<L>,
            wrap: fn(N) -> L,
            slot: fn(&mut L) -> Option<&mut N>,
        ) -> Result<(), Fallback> {
            N::push_stream::<P, L>(self.stream, list, wrap, slot)
        }
    }
    if let Some(read) = C::push_named(&name, children, Reader::<P> { stream: &mut *stream, strings: PhantomData }) {
        return read;
    }
    if stream.vocabulary.knows(&name) {
        return Err(Fallback);
    }
    let custom = read_subtree(&mut stream.tokens, name, start)?;
    children.push(C::custom(keep_custom::<P>(&custom)));
    Ok(())
}

#[cfg(test)]
#[path = "stream_tests.rs"]
mod tests;
