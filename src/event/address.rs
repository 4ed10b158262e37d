//! Party addresses: E.164 numbers, SIP addresses, and anything else, with the raw string kept.

use std::borrow::Cow;

/// What kind of address a `from`/`to` value is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AddressKind {
    /// `+` followed by 8 to 15 digits.
    E164,
    /// A `sip:`/`sips:` URI or `user@host`.
    Sip,
    /// Anything else: national digits (`3035550000`), `Anonymous`, `Restricted`, ...
    Other,
}

/// A party address as the provider sent it, with its kind.
///
/// ```
/// use callml::event::{Address, AddressKind};
/// assert_eq!(Address::new("+15551234567").kind(), AddressKind::E164);
/// assert_eq!(Address::new("sip:alice@example.com").kind(), AddressKind::Sip);
/// assert_eq!(Address::new("bob@example.com").kind(), AddressKind::Sip);
/// assert_eq!(Address::new("3035550000").kind(), AddressKind::Other);
/// assert_eq!(Address::new("Anonymous").as_str(), "Anonymous");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Address<'a> {
    raw: Cow<'a, str>,
    kind: AddressKind,
}

impl<'a> Address<'a> {
    /// Classifies `raw`.
    pub fn new(raw: impl Into<Cow<'a, str>>) -> Self {
        let raw = raw.into();
        let kind = classify(&raw);
        Address { raw, kind }
    }
    /// The kind.
    pub fn kind(&self) -> AddressKind {
        self.kind
    }
    /// The string exactly as sent.
    pub fn as_str(&self) -> &str {
        &self.raw
    }
    /// The E.164 number, when it is one.
    pub fn e164(&self) -> Option<&str> {
        (self.kind == AddressKind::E164).then_some(&*self.raw)
    }
}

fn classify(raw: &str) -> AddressKind {
    let lower = raw.get(..5).map(str::to_ascii_lowercase).unwrap_or_default();
    if let Some(digits) = raw.strip_prefix('+') {
        if (8..=15).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit()) {
            return AddressKind::E164;
        }
    }
    if lower.starts_with("sip:") || lower.starts_with("sips:") {
        return AddressKind::Sip;
    }
    match raw.split_once('@') {
        Some((user, host)) if !user.is_empty() && !host.is_empty() && !host.contains('@') => AddressKind::Sip,
        _ => AddressKind::Other,
    }
}

impl std::fmt::Display for Address<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.raw)
    }
}
