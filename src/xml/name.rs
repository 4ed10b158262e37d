//! XML 1.0 names (fifth edition productions), used to keep run-time names well-formed.

/// Whether `name` is a valid XML 1.0 `Name` (letters, digits, `_`, `-`, `.`, `:` and the other
/// characters the spec allows; not starting with a digit, `-` or `.`).
///
/// ```
/// assert!(callml::xml::is_valid_name("say-as"));
/// assert!(callml::xml::is_valid_name("amazon:effect"));
/// assert!(!callml::xml::is_valid_name("a b"));
/// assert!(!callml::xml::is_valid_name(""));
/// ```
pub fn is_valid_name(name: &str) -> bool {
    // Fast path: ASCII names (every element and attribute name of both dialects), one table
    // lookup per byte.
    let bytes = name.as_bytes();
    match bytes.split_first() {
        Some((&first, rest)) if first.is_ascii() && rest.is_ascii() => {
            is_ascii_name_start(first) && rest.iter().all(|&b| is_ascii_name_char(b))
        }
        Some(_) => {
            let mut chars = name.chars();
            chars.next().is_some_and(is_name_start_char) && chars.all(is_name_char)
        }
        None => false,
    }
}

/// Whether the ASCII byte `b` may start a name.
#[inline(always)]
pub(crate) fn is_ascii_name_start(b: u8) -> bool {
    ASCII_NAME[usize::from(b)] & START != 0
}

/// Whether the ASCII byte `b` may appear in a name.
#[inline(always)]
pub(crate) fn is_ascii_name_char(b: u8) -> bool {
    ASCII_NAME[usize::from(b)] & CHAR != 0
}

const START: u8 = 1;
const CHAR: u8 = 2;

/// For each byte: whether it is an ASCII character that may start a name (`START`) and appear in
/// one (`CHAR`); neither for bytes above 127 (a table of 256 so no range check is needed).
static ASCII_NAME: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        if c.is_ascii_alphabetic() || c == b'_' || c == b':' {
            t[b] = START | CHAR;
        } else if c.is_ascii_digit() || c == b'-' || c == b'.' {
            t[b] = CHAR;
        }
        b += 1;
    }
    t
};

pub(crate) fn is_name_start_char(c: char) -> bool {
    matches!(c,
        ':' | 'A'..='Z' | '_' | 'a'..='z' | '\u{C0}'..='\u{D6}' | '\u{D8}'..='\u{F6}'
        | '\u{F8}'..='\u{2FF}' | '\u{370}'..='\u{37D}' | '\u{37F}'..='\u{1FFF}'
        | '\u{200C}'..='\u{200D}' | '\u{2070}'..='\u{218F}' | '\u{2C00}'..='\u{2FEF}'
        | '\u{3001}'..='\u{D7FF}' | '\u{F900}'..='\u{FDCF}' | '\u{FDF0}'..='\u{FFFD}'
        | '\u{10000}'..='\u{EFFFF}')
}

pub(crate) fn is_name_char(c: char) -> bool {
    is_name_start_char(c)
        || matches!(c, '-' | '.' | '0'..='9' | '\u{B7}' | '\u{300}'..='\u{36F}' | '\u{203F}'..='\u{2040}')
}

/// Whether two names are written the same once made valid (see `Writer::name`).
pub(crate) fn same_rendered_name(a: &str, b: &str) -> bool {
    rendered(a).eq(rendered(b))
}

/// The characters of `name` as the writer writes it.
fn rendered(name: &str) -> impl Iterator<Item = char> + '_ {
    let empty = name.is_empty().then_some('_');
    empty.into_iter().chain(name.chars().enumerate().map(|(i, c)| {
        let ok = if i == 0 { is_name_start_char(c) } else { is_name_char(c) };
        if ok { c } else { '_' }
    }))
}

/// `name` as the writer writes it.
pub(crate) fn rendered_name(name: &str) -> std::borrow::Cow<'_, str> {
    if is_valid_name(name) { name.into() } else { rendered(name).collect::<String>().into() }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The production rules, character by character.
    fn reference(name: &str) -> bool {
        let mut chars = name.chars();
        chars.next().is_some_and(is_name_start_char) && chars.all(is_name_char)
    }

    #[test]
    fn the_ascii_table_agrees_with_the_production_rules() {
        for a in 0u8..128 {
            for b in 0u8..128 {
                for name in [String::from(char::from(a)), format!("{}{}", char::from(a), char::from(b))] {
                    assert_eq!(is_valid_name(&name), reference(&name), "{name:?}");
                }
            }
        }
        for name in ["", "é", "aé", "é1", "1é", "a\u{B7}", "\u{B7}a", "say-as", "amazon:effect", "x.y_z"] {
            assert_eq!(is_valid_name(name), reference(name), "{name:?}");
        }
    }
}
