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
    // Fast path: ASCII names (every element and attribute name of both dialects).
    if name.is_ascii() {
        let b = name.as_bytes();
        return matches!(b.first(), Some(c) if c.is_ascii_alphabetic() || *c == b'_' || *c == b':')
            && b[1..].iter().all(|c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b':' | b'-' | b'.'));
    }
    let mut chars = name.chars();
    match chars.next() {
        Some(c) if is_name_start_char(c) => chars.all(is_name_char),
        _ => false,
    }
}

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
    fn rendered(name: &str) -> impl Iterator<Item = char> + '_ {
        let empty = name.is_empty().then_some('_');
        empty.into_iter().chain(name.chars().enumerate().map(|(i, c)| {
            let ok = if i == 0 { is_name_start_char(c) } else { is_name_char(c) };
            if ok { c } else { '_' }
        }))
    }
    rendered(a).eq(rendered(b))
}
