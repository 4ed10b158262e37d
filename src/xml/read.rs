//! The strict reader: XML text into a generic tree of elements and text runs, with positions.
//!
//! Built on quick-xml's reader, plus the XML 1.0 rules quick-xml leaves to the caller: characters
//! the spec forbids (also as `&#1;`-style references), `<` inside attribute values, `]]>` in text,
//! no DTD. Bounded: a maximum nesting depth and input size, each with its own error.

use std::borrow::Cow;

use quick_xml::events::{BytesStart, Event};

use super::{Attribute, Custom, CustomNode, is_forbidden_char, is_valid_name};

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

fn error_at(input: &str, offset: usize, kind: ParseErrorKind) -> ParseError {
    ParseError { kind, position: Position::at(input, offset), path: String::new(), source: None }
}

fn not_well_formed(input: &str, offset: usize, what: impl std::fmt::Display) -> ParseError {
    error_at(input, offset, ParseErrorKind::NotWellFormed(what.to_string()))
}

/// Not well-formed, as quick-xml found: its message, and the error kept as `source()`.
fn not_well_formed_by(input: &str, offset: usize, e: impl std::error::Error + Send + Sync + 'static) -> ParseError {
    let mut error = not_well_formed(input, offset, &e);
    error.source = Some(std::sync::Arc::new(e));
    error
}

/// The offset of the first character XML 1.0 forbids. Skips 8 bytes at a time while none is a
/// control character or 0xEF (the lead byte of U+FFFE/U+FFFF), with the escaper's word test.
fn first_forbidden(input: &str) -> Option<(usize, char)> {
    let bytes = input.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if i + 8 <= bytes.len() && super::escape::controls_or_noncharacter_lead(super::escape::word_at(bytes, i)) == 0 {
            i += 8;
            continue;
        }
        match bytes[i] {
            b @ 0..0x20 if !matches!(b, b'\t' | b'\n' | b'\r') => return Some((i, char::from(b))),
            // 0xEF is a lead byte, so `i` is a character boundary.
            0xEF => {
                if let Some(c) = input[i..].chars().next().filter(|&c| is_forbidden_char(c)) {
                    return Some((i, c));
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

fn read(input: &str, limits: ParseLimits, document: bool) -> Result<Vec<CustomNode<'_>>, ParseError> {
    if input.len() > limits.max_bytes {
        return Err(error_at(input, limits.max_bytes, ParseErrorKind::TooLarge(limits.max_bytes)));
    }
    if let Some((offset, c)) = first_forbidden(input) {
        return Err(error_at(input, offset, ParseErrorKind::ForbiddenCharacter(c)));
    }
    let mut reader = quick_xml::Reader::from_str(input);
    let config = reader.config_mut();
    config.check_end_names = true;
    config.check_comments = true;

    // Open elements; the bottom entry collects top-level nodes.
    let mut stack: Vec<Custom<'_>> = Vec::with_capacity(16);
    stack.push(Custom::new(""));
    let mut seen_root = false;
    let mut seen_anything = false;
    loop {
        let start = reader.buffer_position() as usize;
        let event = reader.read_event().map_err(|e| not_well_formed_by(input, reader.error_position() as usize, e))?;
        let depth = stack.len() - 1;
        match event {
            Event::Start(e) | Event::Empty(e) if depth == 0 && document && seen_root => {
                let _ = e;
                return Err(not_well_formed(input, start, "more than one root element"));
            }
            Event::Start(e) => {
                if depth + 1 > limits.max_depth {
                    return Err(error_at(input, start, ParseErrorKind::TooDeep(limits.max_depth)));
                }
                stack.push(element(input, &e, start)?);
                seen_root = true;
            }
            Event::Empty(e) => {
                if depth + 1 > limits.max_depth {
                    return Err(error_at(input, start, ParseErrorKind::TooDeep(limits.max_depth)));
                }
                let el = element(input, &e, start)?;
                push(&mut stack, CustomNode::Element(el));
                seen_root = true;
            }
            Event::End(_) => {
                let el = stack
                    .pop()
                    .filter(|_| depth > 0)
                    .ok_or_else(|| not_well_formed(input, start, "unmatched end tag"))?;
                push(&mut stack, CustomNode::Element(el));
            }
            Event::Text(t) => {
                let raw = t.xml10_content();
                if raw.contains("]]>") {
                    return Err(not_well_formed(input, start, "`]]>` in text"));
                }
                if depth == 0 && document {
                    if !raw.trim_matches([' ', '\t', '\r', '\n']).is_empty() {
                        return Err(not_well_formed(input, start, "text outside the root element"));
                    }
                } else {
                    push_text(&mut stack, raw);
                }
            }
            Event::GeneralRef(r) => {
                let resolved: Cow<'_, str> = match r.resolve_char_ref() {
                    Ok(Some(c)) if is_forbidden_char(c) => {
                        return Err(error_at(input, start, ParseErrorKind::ForbiddenCharacter(c)));
                    }
                    Ok(Some(c)) => Cow::Owned(c.to_string()),
                    Ok(None) => match quick_xml::escape::resolve_predefined_entity(&r) {
                        Some(s) => Cow::Borrowed(s),
                        None => return Err(not_well_formed(input, start, format!("unknown entity `&{};`", &*r))),
                    },
                    Err(e) => return Err(not_well_formed_by(input, start, e)),
                };
                if depth == 0 && document {
                    return Err(not_well_formed(input, start, "text outside the root element"));
                }
                push_text(&mut stack, resolved);
            }
            Event::CData(c) => {
                if depth == 0 && document {
                    return Err(not_well_formed(input, start, "CDATA outside the root element"));
                }
                push_text(&mut stack, reborrow(input, &c));
            }
            Event::Comment(_) => {}
            Event::Decl(_) => {
                if !document || seen_anything {
                    return Err(not_well_formed(input, start, "XML declaration not at the start"));
                }
            }
            Event::PI(_) => {}
            Event::DocType(_) => return Err(error_at(input, start, ParseErrorKind::DocumentType)),
            Event::Eof => break,
        }
        seen_anything = true;
    }
    if stack.len() > 1 {
        let open = stack.last().map(|e| e.name.to_string()).unwrap_or_default();
        return Err(not_well_formed(input, input.len(), format!("<{open}> is not closed")));
    }
    let top = stack.pop().map(|e| e.children).unwrap_or_default();
    if document && !seen_root {
        return Err(not_well_formed(input, input.len(), "no root element"));
    }
    Ok(top)
}

fn push<'i>(stack: &mut [Custom<'i>], node: CustomNode<'i>) {
    if let Some(parent) = stack.last_mut() {
        parent.children.push(node);
    }
}

/// Appends text, merging with a preceding text run (text, references and CDATA form one run).
fn push_text<'i>(stack: &mut [Custom<'i>], text: Cow<'i, str>) {
    if let Some(parent) = stack.last_mut() {
        if let Some(CustomNode::Text(prev)) = parent.children.last_mut() {
            prev.to_mut().push_str(&text);
        } else {
            parent.children.push(CustomNode::Text(text));
        }
    }
}

fn element<'i>(input: &'i str, e: &BytesStart<'i>, start: usize) -> Result<Custom<'i>, ParseError> {
    let name = e.name().into_inner();
    if !is_valid_name(name) {
        return Err(not_well_formed(input, start, format!("invalid element name `{name}`")));
    }
    let mut attributes: Vec<Attribute<'i>> = Vec::new();
    // Repeated names are found here rather than by quick-xml, whose check allocates a list of
    // names per element; above `LINEAR_SCAN` attributes a set keeps the check linear.
    const LINEAR_SCAN: usize = 32;
    let mut seen: Option<std::collections::HashSet<String>> = None;
    let mut iter = e.attributes();
    iter.with_checks(false);
    for attr in iter {
        let attr = attr.map_err(|err| not_well_formed_by(input, start, err))?;
        let key = attr.key.into_inner();
        if !is_valid_name(key) {
            return Err(not_well_formed(input, start, format!("invalid attribute name `{key}`")));
        }
        let repeated = if attributes.len() < LINEAR_SCAN {
            attributes.iter().any(|a| a.name == key)
        } else {
            let seen = seen.get_or_insert_with(|| attributes.iter().map(|a| a.name.to_string()).collect());
            !seen.insert(key.to_owned())
        };
        if repeated {
            return Err(not_well_formed(input, start, format!("attribute `{key}` appears more than once")));
        }
        if attr.value.contains('<') {
            return Err(not_well_formed(input, start, format!("`<` in the value of attribute `{key}`")));
        }
        let value = attr
            .normalized_value(quick_xml::XmlVersion::Implicit1_0)
            .map_err(|err| not_well_formed_by(input, start, err))?;
        // Literal characters were checked over the whole input; only references can add more.
        if let Some(c) = attr.value.contains('&').then(|| value.chars().find(|&c| is_forbidden_char(c))).flatten() {
            return Err(error_at(input, start, ParseErrorKind::ForbiddenCharacter(c)));
        }
        let value = match value {
            Cow::Borrowed(v) => reborrow(input, v),
            Cow::Owned(v) => Cow::Owned(v),
        };
        attributes.push(Attribute { name: reborrow(input, key), value });
    }
    Ok(Custom { name: reborrow(input, name), attributes, children: Vec::new(), source_offset: start })
}

/// quick-xml hands out slices of `input` with a shorter lifetime; this finds the same slice in
/// `input` so the tree can borrow it (an owned copy if it is not a slice of `input`).
fn reborrow<'i>(input: &'i str, s: &str) -> Cow<'i, str> {
    let base = input.as_ptr() as usize;
    let at = s.as_ptr() as usize;
    if at >= base && at + s.len() <= base + input.len() {
        Cow::Borrowed(&input[at - base..at - base + s.len()])
    } else {
        Cow::Owned(s.to_owned())
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
