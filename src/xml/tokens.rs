//! The strict tokenizer: quick-xml's events checked against the XML 1.0 rules quick-xml leaves to
//! the caller (characters the spec forbids, also as `&#1;`-style references; `<` inside attribute
//! values; `]]>` in text; no DTD; one root; valid and unrepeated names), bounded by the depth and
//! size limits. Both readers consume these tokens: the generic tree (`read.rs`) and the typed
//! elements read straight from the text (`stream.rs`), so the rules live in one place.

use std::borrow::Cow;

use quick_xml::events::{BytesStart, Event};

use super::read::{ParseError, ParseErrorKind, Position};
use super::{Attribute, ParseLimits, is_forbidden_char, is_valid_name};

/// One step through a well-formed document.
#[derive(Debug)]
pub(crate) enum Token<'i> {
    /// An element starts (its attributes are [`Tokens::attributes`] until the next token). An
    /// empty element (`<Hangup/>`) is an `Open` followed by a `Close`.
    Open {
        /// The element name.
        name: Cow<'i, str>,
        /// The byte offset of its `<`.
        start: usize,
    },
    /// The innermost open element ends.
    Close,
    /// A piece of text: literal text, a resolved reference or a CDATA section. Consecutive pieces
    /// form one run (comments between them included), which the consumer joins.
    Text(Cow<'i, str>),
    /// The input ended with every element closed.
    End,
}

/// The checked tokens of one input, a document (one root element, an optional declaration) or a
/// fragment.
pub(crate) struct Tokens<'i> {
    input: &'i str,
    reader: quick_xml::Reader<&'i [u8]>,
    max_depth: usize,
    document: bool,
    /// The names of the open elements, innermost last.
    open: Vec<Cow<'i, str>>,
    /// An empty element was just opened: its `Close` comes next.
    close_next: bool,
    seen_root: bool,
    seen_anything: bool,
    /// The attributes of the element the last `Open` started (a buffer reused for every element).
    attributes: Vec<Attribute<'i>>,
}

impl<'i> Tokens<'i> {
    /// Checks the size limit and scans for forbidden characters, then reads `input` lazily.
    pub(crate) fn new(input: &'i str, limits: ParseLimits, document: bool) -> Result<Self, ParseError> {
        if input.len() > limits.bytes() {
            return Err(error_at(input, limits.bytes(), ParseErrorKind::TooLarge(limits.bytes())));
        }
        if let Some((offset, c)) = first_forbidden(input) {
            return Err(error_at(input, offset, ParseErrorKind::ForbiddenCharacter(c)));
        }
        let mut reader = quick_xml::Reader::from_str(input);
        let config = reader.config_mut();
        config.check_end_names = true;
        config.check_comments = true;
        Ok(Tokens {
            input,
            reader,
            max_depth: limits.depth(),
            document,
            open: Vec::with_capacity(16),
            close_next: false,
            seen_root: false,
            seen_anything: false,
            attributes: Vec::new(),
        })
    }

    /// The whole input.
    pub(crate) fn input(&self) -> &'i str {
        self.input
    }

    /// The attributes of the element the last [`Token::Open`] started.
    pub(crate) fn attributes(&self) -> &[Attribute<'i>] {
        &self.attributes
    }

    /// Takes the attributes of the element the last [`Token::Open`] started.
    pub(crate) fn take_attributes(&mut self) -> Vec<Attribute<'i>> {
        std::mem::take(&mut self.attributes)
    }

    /// The next token, or the first rule the input breaks.
    pub(crate) fn next(&mut self) -> Result<Token<'i>, ParseError> {
        let input = self.input;
        if self.close_next {
            self.close_next = false;
            self.open.pop();
            return Ok(Token::Close);
        }
        loop {
            let start = self.reader.buffer_position() as usize;
            let event = self
                .reader
                .read_event()
                .map_err(|e| not_well_formed_by(input, self.reader.error_position() as usize, e))?;
            let depth = self.open.len();
            let top_level = depth == 0 && self.document;
            let token = match event {
                Event::Start(_) | Event::Empty(_) if top_level && self.seen_root => {
                    return Err(not_well_formed(input, start, "more than one root element"));
                }
                Event::Start(e) | Event::Empty(e) if depth + 1 > self.max_depth => {
                    let _ = e;
                    return Err(error_at(input, start, ParseErrorKind::TooDeep(self.max_depth)));
                }
                Event::Start(e) => Some(self.open(&e, start, false)?),
                Event::Empty(e) => Some(self.open(&e, start, true)?),
                Event::End(_) => {
                    if self.open.pop().is_none() {
                        return Err(not_well_formed(input, start, "unmatched end tag"));
                    }
                    Some(Token::Close)
                }
                Event::Text(t) => {
                    let raw = t.xml10_content();
                    if raw.contains("]]>") {
                        return Err(not_well_formed(input, start, "`]]>` in text"));
                    }
                    if top_level {
                        if !raw.trim_matches([' ', '\t', '\r', '\n']).is_empty() {
                            return Err(not_well_formed(input, start, "text outside the root element"));
                        }
                        None
                    } else {
                        Some(Token::Text(raw))
                    }
                }
                Event::GeneralRef(r) => {
                    let resolved: Cow<'i, str> = match r.resolve_char_ref() {
                        Ok(Some(c)) if is_forbidden_char(c) => {
                            return Err(error_at(input, start, ParseErrorKind::ForbiddenCharacter(c)));
                        }
                        Ok(Some(c)) => Cow::Owned(c.to_string()),
                        Ok(None) => match quick_xml::escape::resolve_predefined_entity(&r) {
                            Some(s) => Cow::Borrowed(s),
                            None => {
                                return Err(not_well_formed(input, start, format!("unknown entity `&{};`", &*r)));
                            }
                        },
                        Err(e) => return Err(not_well_formed_by(input, start, e)),
                    };
                    if top_level {
                        return Err(not_well_formed(input, start, "text outside the root element"));
                    }
                    Some(Token::Text(resolved))
                }
                Event::CData(c) => {
                    if top_level {
                        return Err(not_well_formed(input, start, "CDATA outside the root element"));
                    }
                    Some(Token::Text(reborrow(input, &c)))
                }
                Event::Comment(_) | Event::PI(_) => None,
                Event::Decl(_) => {
                    if !self.document || self.seen_anything {
                        return Err(not_well_formed(input, start, "XML declaration not at the start"));
                    }
                    None
                }
                Event::DocType(_) => return Err(error_at(input, start, ParseErrorKind::DocumentType)),
                Event::Eof => {
                    if let Some(open) = self.open.last() {
                        return Err(not_well_formed(input, input.len(), format!("<{open}> is not closed")));
                    }
                    if self.document && !self.seen_root {
                        return Err(not_well_formed(input, input.len(), "no root element"));
                    }
                    Some(Token::End)
                }
            };
            self.seen_anything = true;
            if let Some(token) = token {
                return Ok(token);
            }
        }
    }

    /// Checks the element's name and attributes and opens it.
    fn open(&mut self, e: &BytesStart<'i>, start: usize, empty: bool) -> Result<Token<'i>, ParseError> {
        let input = self.input;
        let name = e.name().into_inner();
        if !is_valid_name(name) {
            return Err(not_well_formed(input, start, format!("invalid element name `{name}`")));
        }
        self.attributes.clear();
        read_attributes(input, e, start, &mut self.attributes)?;
        let name = reborrow(input, name);
        self.open.push(name.clone());
        self.close_next = empty;
        self.seen_root = true;
        Ok(Token::Open { name, start })
    }
}

/// Reads and checks the attributes of `e` into `attributes`.
fn read_attributes<'i>(
    input: &'i str,
    e: &BytesStart<'i>,
    start: usize,
    attributes: &mut Vec<Attribute<'i>>,
) -> Result<(), ParseError> {
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
    Ok(())
}

/// An error at byte `offset` of `input`, outside any element path.
pub(crate) fn error_at(input: &str, offset: usize, kind: ParseErrorKind) -> ParseError {
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

/// The offset of the first character XML 1.0 forbids. Skips 16 (then 8) bytes at a time while
/// none is a control character or 0xEF (the lead byte of U+FFFE/U+FFFF), with the escaper's tests.
fn first_forbidden(input: &str) -> Option<(usize, char)> {
    let bytes = input.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if i + 16 <= bytes.len() {
            match super::escape::first_control_or_noncharacter_lead(super::escape::chunk_at(bytes, i)) {
                None => {
                    i += 16;
                    continue;
                }
                Some(found) => i += found,
            }
        }
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
