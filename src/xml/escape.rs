//! Escaping of text and attribute values, and replacement of characters XML 1.0 forbids.
//!
//! A word-at-a-time scan finds the first byte that may need work; strings without one (most of
//! them) are copied in one piece. From there a table-driven pass copies whole runs of plain bytes
//! and only stops at the few bytes that need work. The characters XML 1.0 forbids (C0 controls
//! other than TAB/LF/CR, U+FFFE, U+FFFF) are written as U+FFFD so the output is always well-formed.

use super::Sink;

/// The replacement written for every character XML 1.0 forbids.
pub const REPLACEMENT_CHARACTER: char = '\u{FFFD}';

const PLAIN: u8 = 0;
const AMP: u8 = 1;
const LT: u8 = 2;
const GT: u8 = 3;
const QUOT: u8 = 4;
const TAB: u8 = 5;
const LF: u8 = 6;
const CR: u8 = 7;
const FORBIDDEN: u8 = 8;
/// 0xEF starts U+FFFE / U+FFFF (EF BF BE / EF BF BF); only then is work needed.
const MAYBE_NONCHARACTER: u8 = 9;

const fn table(attribute: bool) -> [u8; 256] {
    let mut t = [PLAIN; 256];
    let mut b = 0;
    while b < 0x20 {
        t[b] = FORBIDDEN;
        b += 1;
    }
    t[b'&' as usize] = AMP;
    t[b'<' as usize] = LT;
    t[b'>' as usize] = GT;
    t[b'\r' as usize] = CR;
    t[0xEF] = MAYBE_NONCHARACTER;
    if attribute {
        t[b'"' as usize] = QUOT;
        t[b'\t' as usize] = TAB;
        t[b'\n' as usize] = LF;
    } else {
        t[b'\t' as usize] = PLAIN;
        t[b'\n' as usize] = PLAIN;
    }
    t
}

static TEXT_TABLE: [u8; 256] = table(false);
static ATTRIBUTE_TABLE: [u8; 256] = table(true);

#[inline(always)]
fn table_for<const ATTRIBUTE: bool>() -> &'static [u8; 256] {
    if ATTRIBUTE { &ATTRIBUTE_TABLE } else { &TEXT_TABLE }
}

/// Writes `text` escaped for element content: `&` `<` `>` and CR become references, forbidden
/// characters become U+FFFD.
///
/// ```
/// let mut out = String::new();
/// callml::xml::escape_text(&mut out, "a < b & c\u{1}");
/// assert_eq!(out, "a &lt; b &amp; c\u{FFFD}");
/// ```
pub fn escape_text<S: Sink + ?Sized>(sink: &mut S, text: &str) {
    escape_with::<false, S>(sink, text);
}

/// Writes `value` escaped for a double-quoted attribute value: `&` `<` `>` `"` and TAB, LF, CR
/// become references, forbidden characters become U+FFFD.
///
/// ```
/// let mut out = String::new();
/// callml::xml::escape_attribute(&mut out, "say \"hi\"\n");
/// assert_eq!(out, "say &quot;hi&quot;&#10;");
/// ```
pub fn escape_attribute<S: Sink + ?Sized>(sink: &mut S, value: &str) {
    escape_with::<true, S>(sink, value);
}

const LO: u64 = 0x0101_0101_0101_0101;
const HI: u64 = 0x8080_8080_8080_8080;

/// High bit set in each byte of `v` that is zero. Exact for the lowest flagged byte (bits above
/// a true zero may be false positives; without a true zero nothing is flagged).
#[inline(always)]
const fn zero_bytes(v: u64) -> u64 {
    v.wrapping_sub(LO) & !v & HI
}

/// High bits marking the bytes of a little-endian word that are controls (below 0x20) or 0xEF,
/// the lead byte of U+FFFE/U+FFFF: where every forbidden character starts. The lowest marked byte
/// is exact. (The reader's scan for forbidden characters uses it too.)
#[inline(always)]
pub(crate) const fn controls_or_noncharacter_lead(v: u64) -> u64 {
    // Bytes below 0x20: subtracting 0x20 borrows into the high bit only for them (bytes with the
    // high bit set are masked out by `!v`).
    (v.wrapping_sub(LO * 0x20) & !v & HI) | zero_bytes(v ^ (LO * 0xEF))
}

/// High bits marking the bytes of a little-endian word that may need work: controls, `&`, `<`,
/// `>`, 0xEF, and in attributes `"`. The lowest marked byte is exact.
#[inline(always)]
const fn needs_work<const ATTRIBUTE: bool>(v: u64) -> u64 {
    let mut m = controls_or_noncharacter_lead(v);
    m |= zero_bytes(v ^ (LO * b'&' as u64));
    m |= zero_bytes(v ^ (LO * b'<' as u64));
    m |= zero_bytes(v ^ (LO * b'>' as u64));
    if ATTRIBUTE {
        m |= zero_bytes(v ^ (LO * b'"' as u64));
    }
    m
}

/// The eight bytes at `i` as a little-endian word.
#[inline(always)]
pub(crate) fn word_at(bytes: &[u8], i: usize) -> u64 {
    let mut word = [0u8; 8];
    word.copy_from_slice(&bytes[i..i + 8]);
    u64::from_le_bytes(word)
}

/// Four bytes at `i`, padded with plain bytes to a word.
#[inline(always)]
fn half_word_at(bytes: &[u8], i: usize) -> u64 {
    let mut half = [0u8; 4];
    half.copy_from_slice(&bytes[i..i + 4]);
    u64::from(u32::from_le_bytes(half)) | (LO * u64::from(b'a')) << 32
}

/// Zero exactly for the bytes that may need work (`needs_work`'s bytes): each test is a byte
/// difference, so 16 lanes compute at once as vector minimums.
#[inline(always)]
fn work_lane<const ATTRIBUTE: bool>(b: u8) -> u8 {
    let m = (b ^ b'&').min(b ^ b'<').min(b ^ b'>').min(b ^ 0xEF).min(b.saturating_sub(0x1F));
    if ATTRIBUTE { m.min(b ^ b'"') } else { m }
}

/// Zero exactly for controls and 0xEF (where every forbidden character starts).
#[inline(always)]
fn control_lane(b: u8) -> u8 {
    (b ^ 0xEF).min(b.saturating_sub(0x1F))
}

/// The index of the first of 16 bytes whose `lane` is zero. Written as plain loops over fixed-size
/// arrays, which the compiler turns into vector compares (16 bytes in about 30 instructions, in
/// safe code).
#[inline(always)]
fn first_zero_lane(chunk: &[u8; 16], lane: impl Fn(u8) -> u8) -> Option<usize> {
    let mut marks = [0u8; 16];
    for i in 0..16 {
        marks[i] = if lane(chunk[i]) == 0 { 0xFF } else { 0 };
    }
    let marks = u128::from_le_bytes(marks);
    (marks != 0).then(|| (marks.trailing_zeros() / 8) as usize)
}

/// The index of the first of 16 bytes that may need work.
#[inline(always)]
fn first_in_chunk<const ATTRIBUTE: bool>(chunk: &[u8; 16]) -> Option<usize> {
    first_zero_lane(chunk, work_lane::<ATTRIBUTE>)
}

/// The index of the first of 16 bytes that is a control or 0xEF.
#[inline(always)]
pub(crate) fn first_control_or_noncharacter_lead(chunk: &[u8; 16]) -> Option<usize> {
    first_zero_lane(chunk, control_lane)
}

/// The 16 bytes at `i`.
#[inline(always)]
pub(crate) fn chunk_at(bytes: &[u8], i: usize) -> &[u8; 16] {
    bytes[i..i + 16].try_into().expect("16 bytes")
}

/// The index of the first byte that may need work, or `None` when `bytes` can be copied as is.
/// Tests 16 bytes at a time (then the word test finds the byte); the tail is tested with one more
/// chunk or word that overlaps bytes already known to be plain, and strings under 8 bytes with two
/// overlapping half words, so no string is walked byte by byte.
#[inline(always)]
fn first_needing_work<const ATTRIBUTE: bool>(bytes: &[u8]) -> Option<usize> {
    let len = bytes.len();
    let hit = |m: u64, at: usize| (m != 0).then(|| at + (m.trailing_zeros() / 8) as usize);
    if len >= 16 {
        let mut i = 0;
        while i + 16 <= len {
            if let Some(found) = first_in_chunk::<ATTRIBUTE>(chunk_at(bytes, i)) {
                return Some(i + found);
            }
            i += 16;
        }
        if i < len {
            return first_in_chunk::<ATTRIBUTE>(chunk_at(bytes, len - 16)).map(|found| len - 16 + found);
        }
        None
    } else if len >= 8 {
        let mut i = 0;
        while i + 8 <= len {
            if let Some(found) = hit(needs_work::<ATTRIBUTE>(word_at(bytes, i)), i) {
                return Some(found);
            }
            i += 8;
        }
        if i < len {
            return hit(needs_work::<ATTRIBUTE>(word_at(bytes, len - 8)), len - 8);
        }
        None
    } else if len >= 4 {
        hit(needs_work::<ATTRIBUTE>(half_word_at(bytes, 0)), 0)
            .or_else(|| hit(needs_work::<ATTRIBUTE>(half_word_at(bytes, len - 4)), len - 4))
    } else {
        let table = table_for::<ATTRIBUTE>();
        bytes.iter().position(|&b| table[b as usize] != PLAIN)
    }
}

/// Whether an attribute value can be taken as it is written: no byte that escaping would touch
/// (so no reference to resolve, no TAB/LF/CR to normalise, no `<`). The reader's fast path uses it.
#[inline]
pub(crate) fn is_plain_attribute_value(value: &str) -> bool {
    first_needing_attribute_escape(value.as_bytes()).is_none()
}

/// The index of the first byte that escaping an attribute value would touch (`&`, `<`, `>`, `"`,
/// controls, 0xEF). In the rest of a tag after `="`, it is the closing quote exactly when the value
/// is plain: the reader's fast path finds both in one scan.
#[inline]
pub(crate) fn first_needing_attribute_escape(bytes: &[u8]) -> Option<usize> {
    first_needing_work::<true>(bytes)
}

#[inline(always)]
fn escape_with<const ATTRIBUTE: bool, S: Sink + ?Sized>(sink: &mut S, s: &str) {
    match first_needing_work::<ATTRIBUTE>(s.as_bytes()) {
        None => sink.push_str(s),
        Some(first) => escape_from::<ATTRIBUTE, S>(sink, s, first),
    }
}

/// Writes `s` escaped, given that every byte before `first` is plain.
fn escape_from<const ATTRIBUTE: bool, S: Sink + ?Sized>(sink: &mut S, s: &str, first: usize) {
    let table = table_for::<ATTRIBUTE>();
    let bytes = s.as_bytes();
    let mut run_start = 0;
    let mut i = first;
    while i < bytes.len() {
        // Jump over plain bytes 16 (or 8) at a time, straight to the first byte that may need work.
        if i + 16 <= bytes.len() {
            match first_in_chunk::<ATTRIBUTE>(chunk_at(bytes, i)) {
                None => {
                    i += 16;
                    continue;
                }
                Some(found) => i += found,
            }
        } else if i + 8 <= bytes.len() {
            let m = needs_work::<ATTRIBUTE>(word_at(bytes, i));
            if m == 0 {
                i += 8;
                continue;
            }
            i += (m.trailing_zeros() / 8) as usize;
        }
        let class = table[bytes[i] as usize];
        if class == PLAIN {
            i += 1;
            continue;
        }
        let width = if class == MAYBE_NONCHARACTER {
            if !is_noncharacter_at(bytes, i) {
                i += 1;
                continue;
            }
            3
        } else {
            1
        };
        // Every stop is at an ASCII byte or at a 0xEF lead byte, so both slices fall on char
        // boundaries.
        sink.push_str(&s[run_start..i]);
        // One constant-length append per arm (inlined stores, no copy call).
        match class {
            AMP => sink.push_str("&amp;"),
            LT => sink.push_str("&lt;"),
            GT => sink.push_str("&gt;"),
            QUOT => sink.push_str("&quot;"),
            TAB => sink.push_str("&#9;"),
            LF => sink.push_str("&#10;"),
            CR => sink.push_str("&#13;"),
            _ => sink.push_str("\u{FFFD}"),
        }
        i += width;
        run_start = i;
    }
    sink.push_str(&s[run_start..]);
}

#[inline]
fn is_noncharacter_at(bytes: &[u8], i: usize) -> bool {
    matches!(bytes.get(i + 1..i + 3), Some([0xBF, 0xBE | 0xBF]))
}

/// Whether XML 1.0 forbids `c` anywhere in a document.
///
/// ```
/// assert!(callml::xml::is_forbidden_char('\u{1}'));
/// assert!(callml::xml::is_forbidden_char('\u{FFFE}'));
/// assert!(!callml::xml::is_forbidden_char('\t'));
/// ```
pub fn is_forbidden_char(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{8}' | '\u{B}' | '\u{C}' | '\u{E}'..='\u{1F}' | '\u{FFFE}' | '\u{FFFF}')
}

/// Returns `s` with every forbidden character replaced by U+FFFD: what rendering writes, before
/// escaping. Borrowed when nothing needs replacing.
///
/// ```
/// assert_eq!(callml::xml::replace_forbidden("a\u{0}b"), "a\u{FFFD}b");
/// ```
pub fn replace_forbidden(s: &str) -> std::borrow::Cow<'_, str> {
    if s.chars().any(is_forbidden_char) {
        s.chars().map(|c| if is_forbidden_char(c) { REPLACEMENT_CHARACTER } else { c }).collect::<String>().into()
    } else {
        s.into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> String {
        let mut out = String::new();
        escape_text(&mut out, s);
        out
    }
    fn attr(s: &str) -> String {
        let mut out = String::new();
        escape_attribute(&mut out, s);
        out
    }

    #[test]
    fn text_rules() {
        assert_eq!(text("a&b<c>d\"e'f\tg\nh\ri"), "a&amp;b&lt;c&gt;d\"e'f\tg\nh&#13;i");
        assert_eq!(text("\u{0}\u{8}\u{B}\u{C}\u{1F}\u{7F}"), "\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{7F}");
        assert_eq!(text("x\u{FFFE}y\u{FFFF}z\u{FFFD}\u{FFEF}é"), "x\u{FFFD}y\u{FFFD}z\u{FFFD}\u{FFEF}é");
        assert_eq!(text(""), "");
        assert_eq!(text("plain"), "plain");
    }

    #[test]
    fn attribute_rules() {
        assert_eq!(attr("a\"b'c<d>e&f\tg\nh\ri"), "a&quot;b'c&lt;d&gt;e&amp;f&#9;g&#10;h&#13;i");
        assert_eq!(attr("\u{1}"), "\u{FFFD}");
    }

    /// The obvious character-by-character definition the fast paths must agree with.
    fn reference(s: &str, attribute: bool) -> String {
        s.chars()
            .map(|c| match c {
                '&' => "&amp;".to_owned(),
                '<' => "&lt;".to_owned(),
                '>' => "&gt;".to_owned(),
                '\r' => "&#13;".to_owned(),
                '"' if attribute => "&quot;".to_owned(),
                '\t' if attribute => "&#9;".to_owned(),
                '\n' if attribute => "&#10;".to_owned(),
                c if is_forbidden_char(c) => REPLACEMENT_CHARACTER.to_string(),
                c => c.to_string(),
            })
            .collect()
    }

    proptest::proptest! {
        #[test]
        fn fast_paths_agree_with_the_reference(
            s in proptest::string::string_regex("([a-z]{0,20}[&<>\"'\t\n\r\u{0}-\u{1f}\u{EF}\u{FFEF}\u{FFFD}-\u{FFFF}é€😀]?){0,8}").unwrap()
        ) {
            proptest::prop_assert_eq!(text(&s), reference(&s, false));
            proptest::prop_assert_eq!(attr(&s), reference(&s, true));
        }
    }
}
