//! The strict reader: XML text into a generic tree of elements and text runs, with positions; its
//! limits and errors. The rules it enforces are the tokenizer's (`tokens.rs`).

use std::borrow::Cow;

use super::tokens::{Token, Tokens, error_at};
use super::{Custom, CustomNode};

/// Limits that keep a hostile document from overflowing the stack or exhausting memory.
///
/// ```
/// let limits = callml::xml::ParseLimits::default().max_depth(64);
/// assert_eq!(limits.depth(), 64);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ParseLimits {
    max_depth: usize,
    max_bytes: usize,
}

impl ParseLimits {
    /// Nesting depth at most 128, input at most 4 MiB.
    pub const DEFAULT: ParseLimits = ParseLimits { max_depth: 128, max_bytes: 4 << 20 };

    /// Sets the maximum nesting depth (the root is depth 1).
    pub const fn max_depth(mut self, depth: usize) -> Self {
        self.max_depth = depth;
        self
    }
    /// Sets the maximum input size in bytes.
    pub const fn max_bytes(mut self, bytes: usize) -> Self {
        self.max_bytes = bytes;
        self
    }
    /// The maximum nesting depth.
    pub const fn depth(&self) -> usize {
        self.max_depth
    }
    /// The maximum input size in bytes.
    pub const fn bytes(&self) -> usize {
        self.max_bytes
    }
}

impl Default for ParseLimits {
    fn default() -> Self {
        Self::DEFAULT
    }
}

/// A line and column (both from 1; the column counts characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Position {
    /// Line, from 1.
    pub line: usize,
    /// Column in characters, from 1.
    pub column: usize,
}

impl Position {
    /// The position of byte `offset` in `input`.
    ///
    /// ```
    /// use callml::xml::Position;
    /// assert_eq!(Position::at("ab\ncd", 4), Position { line: 2, column: 2 });
    /// ```
    pub fn at(input: &str, offset: usize) -> Position {
        let mut offset = offset.min(input.len());
        while !input.is_char_boundary(offset) {
            offset -= 1;
        }
        let before = &input[..offset];
        let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        Position { line, column: before[line_start..].chars().count() + 1 }
    }
}

impl std::fmt::Display for Position {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}, column {}", self.line, self.column)
    }
}

/// What went wrong reading a document.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ParseErrorKind {
    /// The input is not well-formed XML.
    #[error("not well-formed: {0}")]
    NotWellFormed(String),
    /// A character XML 1.0 forbids, literally or as a character reference.
    #[error("character U+{:04X} is not allowed in XML 1.0", *.0 as u32)]
    ForbiddenCharacter(char),
    /// Deeper than the depth limit.
    #[error("nesting deeper than {0} levels")]
    TooDeep(usize),
    /// Larger than the size limit.
    #[error("input larger than {0} bytes")]
    TooLarge(usize),
    /// A document type declaration (not supported, for safety).
    #[error("document type declarations are not supported")]
    DocumentType,
    /// The root element is not the one expected.
    #[error("root element is <{found}>, expected {expected}")]
    UnexpectedRoot {
        /// What was found.
        found: String,
        /// What the dialect expects.
        expected: &'static str,
    },
    /// Text inside an element that holds no text.
    #[error("text is not allowed inside <{0}>")]
    TextNotAllowed(String),
    /// A child element inside an element that holds no children, or one the parent may not hold.
    #[error("<{child}> is not allowed inside <{parent}>")]
    ElementNotAllowed {
        /// The parent.
        parent: String,
        /// The child.
        child: String,
    },
    /// A typed attribute whose value does not fit its type.
    #[error("attribute {attribute}: {error}")]
    InvalidAttribute {
        /// The attribute's XML name.
        attribute: String,
        /// Why.
        error: super::ValueError,
    },
}

/// A reading error: what, at which line and column, and in which element (`Response/Gather[2]/Say`).
///
/// ```
/// use callml::xml::ParseErrorKind;
/// let e = callml::twiml::Response::from_xml("<Response>\n  <Gather><Dial/></Gather>\n</Response>").unwrap_err();
/// assert_eq!(e.to_string(), "line 2, column 11 (Response/Gather/Dial): <Dial> is not allowed inside <Gather>");
/// assert!(matches!(e.kind(), ParseErrorKind::ElementNotAllowed { .. }));
/// assert_eq!((e.position().line, e.path()), (2, "Response/Gather/Dial"));
///
/// // quick-xml's own error, when it found the problem, is kept as the `source()`:
/// let e = callml::twiml::Response::from_xml("<Response></Respons>").unwrap_err();
/// assert!(std::error::Error::source(&e).is_some());
/// ```
#[derive(Debug, Clone, thiserror::Error)]
#[error("{position}{}: {kind}", if path.is_empty() { String::new() } else { format!(" ({path})") })]
#[non_exhaustive]
pub struct ParseError {
    /// What went wrong.
    pub kind: ParseErrorKind,
    /// Where.
    pub position: Position,
    /// The element path, e.g. `Response/Gather[2]/Say` (1-based index among same-named siblings,
    /// shown when there is more than one).
    pub path: String,
    /// The underlying quick-xml error, when there is one (its `source()`).
    #[source]
    pub(crate) source: Option<std::sync::Arc<dyn std::error::Error + Send + Sync>>,
}

/// Equal when what, where and the path are equal (the underlying error is not compared).
impl PartialEq for ParseError {
    fn eq(&self, other: &Self) -> bool {
        (&self.kind, self.position, &self.path) == (&other.kind, other.position, &other.path)
    }
}
impl Eq for ParseError {}

impl ParseError {
    /// What went wrong.
    pub fn kind(&self) -> &ParseErrorKind {
        &self.kind
    }
    /// The line and column.
    pub fn position(&self) -> Position {
        self.position
    }
    /// The element path (empty when the error is not inside an element).
    pub fn path(&self) -> &str {
        &self.path
    }
}

/// Reads a whole document (one root element, optional declaration, comments) into the generic tree:
/// [`Custom`] elements whose strings borrow `input` where they can, each with its
/// [`source_offset`](Custom::source_offset).
///
/// ```
/// let root = callml::xml::read_document("<Response><Say>Hi &amp; bye</Say></Response>", Default::default()).unwrap();
/// assert_eq!(root.name, "Response");
/// ```
pub fn read_document(input: &str, limits: ParseLimits) -> Result<Custom<'_>, ParseError> {
    let mut nodes = read(input, limits, true)?;
    match nodes.pop() {
        Some(CustomNode::Element(root)) => Ok(root),
        _ => Err(error_at(input, input.len(), ParseErrorKind::NotWellFormed("no root element".into()))),
    }
}

/// Reads a fragment (text and any number of elements, no declaration) into the generic tree.
///
/// ```
/// let nodes = callml::xml::read_fragment("a <b>c</b> d", Default::default()).unwrap();
/// assert_eq!(nodes.len(), 3);
/// assert!(callml::xml::read_fragment("a<b and c>d", Default::default()).is_err());
/// ```
pub fn read_fragment(input: &str, limits: ParseLimits) -> Result<Vec<CustomNode<'_>>, ParseError> {
    read(input, limits, false)
}

/// Reads the tokens into generic nodes: the top-level ones (the root, for a document).
fn read(input: &str, limits: ParseLimits, document: bool) -> Result<Vec<CustomNode<'_>>, ParseError> {
    let mut tokens = Tokens::new(input, limits, document)?;
    let mut top = Vec::new();
    loop {
        match tokens.next()? {
            Token::Open { name, start } => top.push(CustomNode::Element(read_subtree(&mut tokens, name, start)?)),
            Token::Text(t) => push_text(&tokens, &mut top, t),
            Token::Close | Token::End => return Ok(top),
        }
    }
}

/// Reads the element `tokens` just opened, through its matching `Close`, into the generic tree.
pub(crate) fn read_subtree<'i>(
    tokens: &mut Tokens<'i>,
    name: Cow<'i, str>,
    start: usize,
) -> Result<Custom<'i>, ParseError> {
    let opened = |tokens: &mut Tokens<'i>, name, start| Custom {
        name,
        attributes: tokens.take_attributes(),
        children: Vec::new(),
        source_offset: start,
    };
    // The open elements, innermost last.
    let mut stack = vec![opened(tokens, name, start)];
    loop {
        match tokens.next()? {
            Token::Open { name, start } => stack.push(opened(tokens, name, start)),
            Token::Text(t) => {
                if let Some(parent) = stack.last_mut() {
                    push_text(tokens, &mut parent.children, t);
                }
            }
            Token::Close => {
                let Some(element) = stack.pop() else { break };
                match stack.last_mut() {
                    Some(parent) => parent.children.push(CustomNode::Element(element)),
                    None => return Ok(element),
                }
            }
            // The tokens end only after every element is closed.
            Token::End => break,
        }
    }
    Err(error_at(tokens.input(), start, ParseErrorKind::NotWellFormed("unexpected end of input".into())))
}

/// Appends text, merging with a preceding text run (text, references and CDATA form one run).
fn push_text<'i>(tokens: &Tokens<'i>, nodes: &mut Vec<CustomNode<'i>>, text: Cow<'i, str>) {
    if let Some(CustomNode::Text(prev)) = nodes.last_mut() {
        tokens.join_text(prev, &text);
    } else {
        nodes.push(CustomNode::Text(text));
    }
}

impl Custom<'_> {
    /// The byte offset of the element at `path` (`Response/Gather[2]/Say`, as in parse errors
    /// and `validate()` findings), when it exists.
    ///
    /// ```
    /// let root = callml::xml::read_document("<Response>\n<Say/>\n<Say/></Response>", Default::default()).unwrap();
    /// assert_eq!(root.offset_of("Response/Say[2]"), Some(18));
    /// assert_eq!(root.offset_of("Response/Dial"), None);
    /// ```
    pub fn offset_of(&self, path: &str) -> Option<usize> {
        let mut steps = path.split('/');
        if steps.next()? != self.name {
            return None;
        }
        let mut current = self;
        for step in steps {
            let (name, index) = match step.strip_suffix(']').and_then(|s| s.split_once('[')) {
                Some((name, i)) => (name, i.parse::<usize>().ok()?),
                None => (step, 1),
            };
            current = current
                .children
                .iter()
                .filter_map(|n| match n {
                    CustomNode::Element(e) if e.name == name => Some(e),
                    _ => None,
                })
                .nth(index.checked_sub(1)?)?;
        }
        current.source_offset()
    }
}
