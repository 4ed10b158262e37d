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
            attributes: Vec::with_capacity(8),
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

    /// Appends `piece` to a run of text being joined from its pieces. When the run needs room, it
    /// takes enough for the input up to the next `<` at once: text and references up to there
    /// cannot be longer than that input (a reference is never shorter than what it stands for), so
    /// a run of text and references grows once rather than once per piece. (A CDATA section or a
    /// comment inside the run starts with `<`; the run grows again after it.)
    pub(crate) fn join_text(&self, run: &mut Cow<'i, str>, piece: &str) {
        let ahead = || {
            let rest = self.input.as_bytes().get(self.reader.buffer_position() as usize..).unwrap_or_default();
            rest.iter().position(|&b| b == b'<').unwrap_or(rest.len())
        };
        match run {
            Cow::Borrowed(first) => {
                let mut joined = String::with_capacity(first.len() + piece.len() + ahead());
                joined.push_str(first);
                joined.push_str(piece);
                *run = Cow::Owned(joined);
            }
            Cow::Owned(joined) => {
                if joined.capacity() - joined.len() < piece.len() {
                    joined.reserve(piece.len() + ahead());
                }
                joined.push_str(piece);
            }
        }
    }

    /// The next token, or the first rule the input breaks.
    #[inline]
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
                        if !raw.bytes().all(is_space) {
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

/// Above this many attributes, repeated names are found with a set rather than by comparing with
/// every earlier name.
const LINEAR_SCAN: usize = 32;

/// Reads and checks the attributes of `e` into `attributes` (empty when called).
fn read_attributes<'i>(
    input: &'i str,
    e: &BytesStart<'i>,
    start: usize,
    attributes: &mut Vec<Attribute<'i>>,
) -> Result<(), ParseError> {
    if plain_attributes(input, e.attributes_raw(), attributes) {
        return Ok(());
    }
    attributes.clear();
    iterated_attributes(input, e, start, attributes)
}

/// The common case, read in one pass over the tag: every attribute is `name="value"` (or
/// single-quoted) with an ASCII name, no whitespace around `=`, whitespace after the value, and no
/// name repeats. A value is taken as written when escaping would not touch it (see
/// [`is_plain_attribute_value`]), else normalised exactly as the iterator's path does
/// ([`attribute_value`]). Returns `false` on anything else, and on any error, and the caller reads
/// the tag again with quick-xml's iterator ([`iterated_attributes`]): that reader decides every
/// other case, so results and errors are the reference's by construction (a property test holds
/// the two to the same result).
///
/// [`is_plain_attribute_value`]: super::escape::is_plain_attribute_value
fn plain_attributes<'i>(input: &'i str, raw: &str, attributes: &mut Vec<Attribute<'i>>) -> bool {
    use super::name::{is_ascii_name_char, is_ascii_name_start};
    let Cow::Borrowed(raw) = reborrow(input, raw) else { return false };
    let bytes = raw.as_bytes();
    let mut i = 0;
    loop {
        match bytes[i..].iter().position(|&b| !is_space(b)) {
            Some(spaces) => i += spaces,
            None => return true,
        }
        let name_start = i;
        if !is_ascii_name_start(bytes[i]) {
            return false;
        }
        i += 1;
        i += bytes[i..].iter().position(|&b| !is_ascii_name_char(b)).unwrap_or(bytes.len() - i);
        let quote = match bytes.get(i..i + 2) {
            Some([b'=', quote @ (b'"' | b'\'')]) => *quote,
            _ => return false,
        };
        let value_start = i + 2;
        let rest = &bytes[value_start..];
        let closing = |quote: u8| rest.iter().position(|&b| b == quote);
        let (length, plain) = if quote == b'"' {
            // One scan: the first byte escaping would touch is the closing quote exactly when the
            // value is plain.
            match super::escape::first_needing_attribute_escape(rest) {
                Some(k) if rest[k] == b'"' => (k, true),
                Some(_) => match closing(b'"') {
                    Some(k) => (k, false),
                    None => return false,
                },
                None => return false,
            }
        } else {
            match closing(b'\'') {
                Some(k) => (k, super::escape::is_plain_attribute_value(&raw[value_start..value_start + k])),
                None => return false,
            }
        };
        let value_end = value_start + length;
        // Every index is at an ASCII byte, so each slice falls on character boundaries.
        let name = &raw[name_start..i];
        let value = &raw[value_start..value_end];
        if attributes.len() >= LINEAR_SCAN || attributes.iter().any(|a| a.name == name) {
            return false;
        }
        let value = if plain {
            Cow::Borrowed(value)
        } else {
            // References and TAB/LF/CR: the iterator's own normalisation (an error falls back, so
            // the iterator reports it in document order).
            let attr = quick_xml::events::attributes::Attribute {
                key: quick_xml::name::QName(name),
                value: Cow::Borrowed(value),
            };
            match attribute_value(input, 0, &attr) {
                Ok(value) => value,
                Err(_) => return false,
            }
        };
        attributes.push(Attribute { name: Cow::Borrowed(name), value });
        i = value_end + 1;
        if i < bytes.len() && !is_space(bytes[i]) {
            return false;
        }
    }
}

/// Reads and checks the attributes of `e` into `attributes` with quick-xml's iterator: every case
/// [`plain_attributes`] leaves, and the reference it is tested against.
fn iterated_attributes<'i>(
    input: &'i str,
    e: &BytesStart<'i>,
    start: usize,
    attributes: &mut Vec<Attribute<'i>>,
) -> Result<(), ParseError> {
    // Repeated names are found here rather than by quick-xml, whose check allocates a list of
    // names per element; above `LINEAR_SCAN` attributes a set keeps the check linear.
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
        let value = attribute_value(input, start, &attr)?;
        attributes.push(Attribute { name: reborrow(input, key), value });
    }
    Ok(())
}

/// The value of `attr` as the document means it: references resolved, TAB/LF/CR normalised to
/// spaces; an error for `<` or for a forbidden character written as a reference.
fn attribute_value<'i>(
    input: &'i str,
    start: usize,
    attr: &quick_xml::events::attributes::Attribute<'_>,
) -> Result<Cow<'i, str>, ParseError> {
    if attr.value.contains('<') {
        let key = attr.key.into_inner();
        return Err(not_well_formed(input, start, format!("`<` in the value of attribute `{key}`")));
    }
    let value = attr
        .normalized_value(quick_xml::XmlVersion::Implicit1_0)
        .map_err(|err| not_well_formed_by(input, start, err))?;
    // Literal characters were checked over the whole input; only character references (`&#...;`)
    // can add more.
    if let Some(c) = attr.value.contains("&#").then(|| value.chars().find(|&c| is_forbidden_char(c))).flatten() {
        return Err(error_at(input, start, ParseErrorKind::ForbiddenCharacter(c)));
    }
    Ok(match value {
        Cow::Borrowed(v) => reborrow(input, v),
        Cow::Owned(v) => Cow::Owned(v),
    })
}

/// Whether `b` is XML whitespace: space, TAB, LF or CR.
#[inline(always)]
pub(crate) fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r' | b'\n')
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The attributes of the start tag `tag`, read by [`read_attributes`] (the one-pass case, then
    /// quick-xml's iterator for the rest) and by [`iterated_attributes`] alone, each as the list read
    /// or the error's message; `None` when quick-xml does not read a start tag from `tag`.
    type Read<'i> = Result<Vec<Attribute<'i>>, String>;

    fn both_ways(tag: &str) -> Option<(Read<'_>, Read<'_>)> {
        let e = match quick_xml::Reader::from_str(tag).read_event() {
            Ok(Event::Start(e) | Event::Empty(e)) => e,
            _ => return None,
        };
        let (mut fast, mut reference) = (Vec::new(), Vec::new());
        let fast = read_attributes(tag, &e, 0, &mut fast).map(|()| fast);
        let reference = iterated_attributes(tag, &e, 0, &mut reference).map(|()| reference);
        Some((fast.map_err(|error| error.to_string()), reference.map_err(|error| error.to_string())))
    }

    #[test]
    fn the_one_pass_case_reads_borrowed_slices() {
        let tag = r#"<Say voice="alice" loop='2'  language="en-US"/>"#;
        let (fast, reference) = both_ways(tag).unwrap();
        assert_eq!(fast, reference);
        let fast = fast.unwrap();
        assert_eq!(fast.len(), 3);
        assert!(fast.iter().all(|a| matches!((&a.name, &a.value), (Cow::Borrowed(_), Cow::Borrowed(_)))));
        assert_eq!(&*fast[1].value, "2");
    }

    /// Which tags the one-pass reader takes itself (normalising values as the iterator does) and
    /// which it leaves to the iterator.
    #[test]
    fn the_one_pass_case_covers_the_usual_tags_and_leaves_the_rest() {
        fn one_pass(tag: &str) -> Option<Vec<Attribute<'_>>> {
            let Ok(Event::Start(e) | Event::Empty(e)) = quick_xml::Reader::from_str(tag).read_event() else {
                panic!("not a start tag: {tag}")
            };
            let mut attributes = Vec::new();
            plain_attributes(tag, e.attributes_raw(), &mut attributes).then_some(attributes)
        }
        // A reference is resolved; a literal TAB is normalised to a space, a TAB by reference kept.
        let taken =
            one_pass("<Gather action=\"https://example.com/g?a=1&amp;b=2\" input=\"dtmf\tspeech\" hints='a&#9;b'>")
                .unwrap();
        assert_eq!(&*taken[0].value, "https://example.com/g?a=1&b=2");
        assert_eq!(&*taken[1].value, "dtmf speech");
        assert_eq!(&*taken[2].value, "a\tb");
        assert!(one_pass("<Hangup/>").unwrap().is_empty());
        assert_eq!(&*one_pass(r#"<Pause length="2"/>"#).unwrap()[0].value, "2");
        assert_eq!(&*one_pass(r#"<Pause length="2" />"#).unwrap()[0].value, "2");
        for left in [
            r#"<Say voice = "alice">"#, // whitespace around `=`
            r#"<Say voïce="alice">"#,   // a name that is not ASCII
            r#"<Say a="1"b="2">"#,      // no whitespace between attributes
            r#"<Say a="1" a="2">"#,     // a repeated name (the iterator's path reports it)
            r#"<Say a="x<y">"#,         // `<` in a value (likewise)
            r#"<Say a="&unknown;">"#,   // an unknown entity (likewise)
            r#"<Say a="&#1;">"#,        // a forbidden character by reference (likewise)
            r#"<Say a>"#,               // no value
        ] {
            assert!(one_pass(left).is_none(), "{left}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4000))]
        /// On every start tag, reading in one pass where it can gives the same attributes, or the
        /// same error, as quick-xml's iterator.
        #[test]
        fn one_pass_attributes_agree_with_the_iterator(
            raw in proptest::string::string_regex(concat!(
                // Mostly whole attributes (names valid or not, values plain or not), with stray
                // pieces between them.
                r#"((( |\t|\r\n)(a|bb|x:y|_z|d-e\.f|1a|é|a)="[a-z &<>'\t\n\r;#0-9é\u{FFFE}]{0,6}")|"#,
                r#"(( |\n)(a|b|c-d|x:y)="[a-z0-9 /:.é]{0,8}")|"#,
                r#"( (a|b|c|e)='[a-z &<>"\t;]{0,5}')|"#,
                r#"( |\t|a|=|"|'|&amp;|&#1;|/|<|>)){0,8}"#,
            )).unwrap(),
            empty in proptest::bool::ANY,
        ) {
            let tag = format!("<t{raw}{}>", if empty { "/" } else { "" });
            if let Some((fast, reference)) = both_ways(&tag) {
                proptest::prop_assert_eq!(fast, reference, "tag {:?}", tag);
            }
        }
    }
}
