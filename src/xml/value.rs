//! Typed attribute values: how each kind is written, and parsed back from its XML form.

use std::borrow::Cow;

use super::{Sink, Writer};

/// Why an attribute value does not fit its type.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("expected {expected}, found {found:?}")]
pub struct ValueError {
    /// What the type accepts, e.g. "a non-negative integer".
    pub expected: &'static str,
    /// The value that was found.
    pub found: String,
}

/// A value that can stand in an attribute: written escaped, read back from its XML text.
///
/// ```
/// use callml::xml::{AttributeValue, Decimal};
/// assert_eq!(Decimal::parse_value("5.0").unwrap(), Decimal::new(5.0));
/// assert_eq!(Decimal::new(5.0).to_value_string(), "5");
/// ```
pub trait AttributeValue: Sized {
    /// Writes the value (escaped as needed, without quotes).
    fn write_value<S: Sink + ?Sized>(&self, w: &mut Writer<'_, S>);
    /// Parses the XML text of the value.
    fn parse_value(s: &str) -> Result<Self, ValueError>;
    /// The value as it appears in XML (unescaped).
    fn to_value_string(&self) -> String;

    /// The JSON form (`docs/json-form.md`: numbers and booleans as JSON numbers and booleans, all
    /// else strings).
    fn to_json(&self) -> serde_json::Value {
        serde_json::Value::String(self.to_value_string())
    }
    /// Reads the JSON form. Text types take strings; numeric and boolean types also take their
    /// string form (`"5"`, `"true"`), as it appears in XML.
    fn from_json(value: &serde_json::Value) -> Result<Self, ValueError> {
        match value {
            serde_json::Value::String(s) => Self::parse_value(s),
            other => Err(ValueError { expected: "a string", found: other.to_string() }),
        }
    }
    /// Whether the value is one the provider documents (`false` for an open enum's `Other`).
    fn is_documented(&self) -> bool {
        true
    }
    /// The value as a number, for the documented ranges `validate()` checks (`None` for text).
    fn as_number(&self) -> Option<f64> {
        None
    }
}

/// `from_json` for numbers and booleans: the JSON scalar or its string form.
fn scalar_from_json<T: AttributeValue>(value: &serde_json::Value) -> Result<T, ValueError> {
    match value {
        serde_json::Value::String(s) => T::parse_value(s),
        serde_json::Value::Number(n) => T::parse_value(&n.to_string()),
        serde_json::Value::Bool(b) => T::parse_value(if *b { "true" } else { "false" }),
        other => Err(ValueError { expected: "a number, boolean or string", found: other.to_string() }),
    }
}

/// What an attribute setter accepts for a value of type `T`: `&str`/`String` for text, the exact
/// integer type for counts (so `.timeout(5)` needs no suffix), `f64` or `u32` for decimals, `&str` or
/// a variant for open enums, arrays for lists.
///
/// ```
/// use callml::xml::{Decimal, IntoAttributeValue};
/// let d: Decimal = 2.into_attribute_value();
/// assert_eq!(d, Decimal::new(2.0));
/// ```
pub trait IntoAttributeValue<T> {
    /// Converts into the attribute's type.
    fn into_attribute_value(self) -> T;
}

impl<'a, T: Into<Cow<'a, str>>> IntoAttributeValue<Cow<'a, str>> for T {
    fn into_attribute_value(self) -> Cow<'a, str> {
        self.into()
    }
}
impl<T, U: Into<List<T>>> IntoAttributeValue<List<T>> for U {
    fn into_attribute_value(self) -> List<T> {
        self.into()
    }
}
macro_rules! exact_value {
    ($($t:ty),*) => {$(
        impl IntoAttributeValue<$t> for $t {
            fn into_attribute_value(self) -> $t {
                self
            }
        }
    )*};
}
exact_value!(bool, u8, u16, u32, u64, Decimal);
impl IntoAttributeValue<Decimal> for f64 {
    fn into_attribute_value(self) -> Decimal {
        Decimal(self)
    }
}
impl IntoAttributeValue<Decimal> for u32 {
    fn into_attribute_value(self) -> Decimal {
        Decimal(f64::from(self))
    }
}

/// Reading an attribute value from parsed XML text: text keeps its string as the reading says
/// (copied or borrowed, see [`Strings`](super::tree::Strings)), other types parse it. (JSON values
/// are read by [`AttributeValue::from_json`].)
pub(crate) trait ReadValue<'o>: AttributeValue {
    /// The value of the attribute text `s`.
    #[allow(clippy::ptr_arg)] // `&Cow`, not `&str`: borrowed text keeps its own lifetime
    fn read_text<'e, P: super::tree::Strings<'e, 'o>>(s: &Cow<'e, str>) -> Result<Self, ValueError>;
}

impl<'o> ReadValue<'o> for Cow<'o, str> {
    #[inline]
    fn read_text<'e, P: super::tree::Strings<'e, 'o>>(s: &Cow<'e, str>) -> Result<Self, ValueError> {
        Ok(P::keep(s))
    }
}

/// `ReadValue` for types that own no borrowed text: parsed from the string.
macro_rules! parsed_read_value {
    ($($t:ty),*) => {$(
        impl<'o> $crate::xml::value::ReadValue<'o> for $t {
            #[inline]
            fn read_text<'e, P: $crate::xml::tree::Strings<'e, 'o>>(
                s: &std::borrow::Cow<'e, str>,
            ) -> Result<Self, $crate::xml::ValueError> {
                <Self as $crate::xml::AttributeValue>::parse_value(s)
            }
        }
    )*};
}
pub(crate) use parsed_read_value;
parsed_read_value!(bool, Decimal);

impl<'o, T: AttributeValue> ReadValue<'o> for List<T> {
    fn read_text<'e, P: super::tree::Strings<'e, 'o>>(s: &Cow<'e, str>) -> Result<Self, ValueError> {
        Self::parse_value(s)
    }
}

impl<'a> AttributeValue for Cow<'a, str> {
    #[inline]
    fn write_value<S: Sink + ?Sized>(&self, w: &mut Writer<'_, S>) {
        w.attribute_value(self);
    }
    fn parse_value(s: &str) -> Result<Self, ValueError> {
        Ok(Cow::Owned(s.to_owned()))
    }
    fn to_value_string(&self) -> String {
        self.to_string()
    }
}

impl AttributeValue for bool {
    #[inline]
    fn write_value<S: Sink + ?Sized>(&self, w: &mut Writer<'_, S>) {
        w.raw_unchecked(if *self { "true" } else { "false" });
    }
    fn parse_value(s: &str) -> Result<Self, ValueError> {
        match s {
            "true" => Ok(true),
            "false" => Ok(false),
            _ => Err(ValueError { expected: "`true` or `false`", found: s.into() }),
        }
    }
    fn to_value_string(&self) -> String {
        self.to_string()
    }
    fn to_json(&self) -> serde_json::Value {
        serde_json::Value::Bool(*self)
    }
    fn from_json(value: &serde_json::Value) -> Result<Self, ValueError> {
        scalar_from_json(value)
    }
}

/// Writes an unsigned integer in decimal without allocating. Values below 100 (nearly every
/// attribute number) come from a table of static strings.
#[inline]
pub(crate) fn write_u64<S: Sink + ?Sized>(w: &mut Writer<'_, S>, n: u64) {
    const DIGITS: &str = "00010203040506070809101112131415161718192021222324252627282930313233343536373839\
                          40414243444546474849505152535455565758596061626364656667686970717273747576777879\
                          8081828384858687888990919293949596979899";
    if n < 10 {
        let i = 2 * n as usize + 1;
        w.raw_unchecked(&DIGITS[i..i + 1]);
    } else if n < 100 {
        let i = 2 * n as usize;
        w.raw_unchecked(&DIGITS[i..i + 2]);
    } else {
        let mut buf = [0u8; 20];
        let mut i = buf.len();
        let mut n = n;
        loop {
            i -= 1;
            buf[i] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        // Only ASCII digits were written.
        w.raw_unchecked(std::str::from_utf8(&buf[i..]).unwrap_or("0"));
    }
}

macro_rules! unsigned_value {
    ($($t:ty),*) => {$(
        parsed_read_value!($t);
        impl AttributeValue for $t {
            #[inline]
            fn write_value<S: Sink + ?Sized>(&self, w: &mut Writer<'_, S>) {
                write_u64(w, u64::from(*self));
            }
            fn parse_value(s: &str) -> Result<Self, ValueError> {
                if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) {
                    if let Ok(v) = s.parse() {
                        return Ok(v);
                    }
                }
                Err(ValueError { expected: concat!("a non-negative integer (", stringify!($t), ")"), found: s.into() })
            }
            fn to_value_string(&self) -> String {
                self.to_string()
            }
            fn to_json(&self) -> serde_json::Value {
                serde_json::Value::from(*self)
            }
            fn as_number(&self) -> Option<f64> {
                Some(*self as f64)
            }
            fn from_json(value: &serde_json::Value) -> Result<Self, ValueError> {
                scalar_from_json(value)
            }
        }
    )*};
}
unsigned_value!(u8, u16, u32, u64);

/// A decimal number written in the shortest form that reads back to the same value: `5`, `5.1`,
/// `0.25`, never `5.0`.
///
/// ```
/// use callml::xml::Decimal;
/// assert_eq!(Decimal::from(5).to_string(), "5");
/// assert_eq!(Decimal::from(5.1).to_string(), "5.1");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd, Default)]
pub struct Decimal(f64);

impl Decimal {
    /// Wraps a value.
    pub const fn new(value: f64) -> Self {
        Decimal(value)
    }
    /// The value.
    pub const fn get(self) -> f64 {
        self.0
    }
}

impl From<f64> for Decimal {
    fn from(v: f64) -> Self {
        Decimal(v)
    }
}
impl From<f32> for Decimal {
    fn from(v: f32) -> Self {
        // Through the shortest decimal form, so 0.1f32 stays 0.1.
        Decimal(v.to_string().parse().unwrap_or(f64::from(v)))
    }
}
impl From<u32> for Decimal {
    fn from(v: u32) -> Self {
        Decimal(f64::from(v))
    }
}
impl From<i32> for Decimal {
    fn from(v: i32) -> Self {
        Decimal(f64::from(v))
    }
}

impl std::fmt::Display for Decimal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Rust's Display for f64 is the shortest round-trip form and prints integers without `.0`.
        if self.0 == 0.0 { f.write_str("0") } else { write!(f, "{}", self.0) }
    }
}

/// A fixed buffer for formatting numbers without allocating.
struct StackBuf {
    buf: [u8; 64],
    len: usize,
}

impl std::fmt::Write for StackBuf {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        let end = self.len + s.len();
        let dst = self.buf.get_mut(self.len..end).ok_or(std::fmt::Error)?;
        dst.copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}

/// Writes `value` through the float formatter: the shortest form that reads back the same, or
/// the exponent form when that is longer than 64 bytes (only very large or tiny magnitudes).
fn write_formatted<S: Sink + ?Sized>(value: Decimal, w: &mut Writer<'_, S>) {
    let mut buf = StackBuf { buf: [0; 64], len: 0 };
    if std::fmt::write(&mut buf, format_args!("{value}")).is_ok() {
        w.raw_unchecked(std::str::from_utf8(&buf.buf[..buf.len]).unwrap_or("NaN"));
    } else {
        let mut buf = StackBuf { buf: [0; 64], len: 0 };
        let _ = std::fmt::write(&mut buf, format_args!("{:e}", value.0));
        w.raw_unchecked(std::str::from_utf8(&buf.buf[..buf.len]).unwrap_or("NaN"));
    }
}

/// Integral decimals below this magnitude are written as integers, exactly as `Display` writes
/// them (every integer up to 2^53 is an `f64` exactly).
const EXACT_INTEGERS: f64 = 9_007_199_254_740_992.0;

impl AttributeValue for Decimal {
    fn write_value<S: Sink + ?Sized>(&self, w: &mut Writer<'_, S>) {
        // Nearly every decimal attribute (timeouts, durations) is a whole number: written without
        // the float formatter, which took a third of the instructions of rendering the BXML M
        // benchmark document (callgrind: 5,764 before, 3,843 after). A property test holds the
        // two forms together.
        let value = self.0;
        if value.fract() == 0.0 && value.abs() < EXACT_INTEGERS {
            if value < 0.0 {
                w.raw_unchecked("-");
            }
            // Exact: integral and below 2^53 in magnitude.
            write_u64(w, value.abs() as u64);
        } else {
            write_formatted(*self, w);
        }
    }
    fn parse_value(s: &str) -> Result<Self, ValueError> {
        let plain =
            !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'-' | b'+' | b'e' | b'E'));
        match s.parse::<f64>() {
            Ok(v) if plain && v.is_finite() => Ok(Decimal(v)),
            _ => Err(ValueError { expected: "a decimal number", found: s.into() }),
        }
    }
    fn to_value_string(&self) -> String {
        self.to_string()
    }
    fn to_json(&self) -> serde_json::Value {
        // Integral values as JSON integers (`5`, not `5.0`), like the XML form.
        if self.0.fract() == 0.0 && self.0.abs() < 9.0e15 {
            serde_json::Value::from(self.0 as i64)
        } else {
            serde_json::Number::from_f64(self.0)
                .map_or_else(|| serde_json::Value::String(self.to_string()), serde_json::Value::Number)
        }
    }
    fn from_json(value: &serde_json::Value) -> Result<Self, ValueError> {
        scalar_from_json(value)
    }
    fn as_number(&self) -> Option<f64> {
        Some(self.0)
    }
    /// NaN and infinities are written (`NaN`, `inf`) but are not numbers a provider reads.
    fn is_documented(&self) -> bool {
        self.0.is_finite()
    }
}

/// How the items of a list attribute are joined.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum Separator {
    /// One space (Twilio's form).
    #[default]
    Space,
    /// A comma without spaces (the form ACML documents).
    Comma,
}

impl Separator {
    /// The separator text.
    pub const fn as_str(self) -> &'static str {
        match self {
            Separator::Space => " ",
            Separator::Comma => ",",
        }
    }
}

/// A list attribute (`statusCallbackEvent="initiated ringing"`): typed items and a separator.
///
/// ```
/// use callml::xml::{List, Separator};
/// let events: List<String> = List::from(["a".to_string(), "b".to_string()]).separator(Separator::Comma);
/// assert_eq!(events.items(), &["a".to_string(), "b".to_string()]);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct List<T> {
    items: Vec<T>,
    separator: Separator,
}

impl<T> List<T> {
    /// An empty list joined by spaces.
    pub const fn new() -> Self {
        List { items: Vec::new(), separator: Separator::Space }
    }
    /// Sets the separator.
    pub fn separator(mut self, separator: Separator) -> Self {
        self.separator = separator;
        self
    }
    /// Appends an item.
    pub fn item(mut self, item: impl Into<T>) -> Self {
        self.items.push(item.into());
        self
    }
    /// The items in order.
    pub fn items(&self) -> &[T] {
        &self.items
    }
    /// The separator used when writing.
    pub fn separator_used(&self) -> Separator {
        self.separator
    }
}

impl<T> Default for List<T> {
    fn default() -> Self {
        List::new()
    }
}

impl<T, U: Into<T>, const N: usize> From<[U; N]> for List<T> {
    fn from(items: [U; N]) -> Self {
        List { items: items.into_iter().map(Into::into).collect(), separator: Separator::Space }
    }
}
impl<T> From<Vec<T>> for List<T> {
    fn from(items: Vec<T>) -> Self {
        List { items, separator: Separator::Space }
    }
}
/// The XML text form: comma-separated when it has commas (that separator is kept), otherwise
/// whitespace-separated.
///
/// ```
/// use callml::xml::{List, Separator};
/// let events: List<String> = List::from("initiated,ringing");
/// assert_eq!(events.items(), &["initiated".to_string(), "ringing".to_string()]);
/// assert_eq!(events.separator_used(), Separator::Comma);
/// ```
impl<T: for<'s> From<&'s str>> From<&str> for List<T> {
    fn from(s: &str) -> Self {
        let (separator, items) = if s.contains(',') {
            (Separator::Comma, s.split(',').map(str::trim).map(T::from).collect())
        } else {
            (Separator::Space, s.split_ascii_whitespace().map(T::from).collect())
        };
        List { items, separator }
    }
}

impl<T> FromIterator<T> for List<T> {
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> Self {
        List { items: iter.into_iter().collect(), separator: Separator::Space }
    }
}

impl<T: AttributeValue> AttributeValue for List<T> {
    fn write_value<S: Sink + ?Sized>(&self, w: &mut Writer<'_, S>) {
        for (i, item) in self.items.iter().enumerate() {
            if i > 0 {
                w.raw_unchecked(self.separator.as_str());
            }
            item.write_value(w);
        }
    }
    /// Splits on commas when the value has any, otherwise on whitespace.
    fn parse_value(s: &str) -> Result<Self, ValueError> {
        let separator = if s.contains(',') { Separator::Comma } else { Separator::Space };
        let items = match separator {
            Separator::Comma => s.split(',').map(str::trim).map(T::parse_value).collect::<Result<_, _>>()?,
            Separator::Space => s.split_ascii_whitespace().map(T::parse_value).collect::<Result<_, _>>()?,
        };
        Ok(List { items, separator })
    }
    fn to_value_string(&self) -> String {
        let items: Vec<String> = self.items.iter().map(T::to_value_string).collect();
        items.join(self.separator.as_str())
    }
    fn is_documented(&self) -> bool {
        self.items.iter().all(T::is_documented)
    }
}

/// Defines an open enum: documented values as variants plus `Other(String)` for anything else, so
/// that values providers add later still work.
macro_rules! open_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident { $( $(#[$vmeta:meta])* $variant:ident => $text:literal ),* $(,)? }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum $name {
            $( $(#[$vmeta])* #[doc = concat!("`", $text, "`")] $variant, )*
            /// A value this crate does not know yet; written as is (escaped).
            Other(String),
        }

        impl $name {
            /// The value as written in XML.
            pub fn as_str(&self) -> &str {
                match self {
                    $( $name::$variant => $text, )*
                    $name::Other(s) => s,
                }
            }
            /// Every documented value, in documentation order.
            pub const KNOWN: &'static [&'static str] = &[$($text),*];
        }

        impl From<&str> for $name {
            fn from(s: &str) -> Self {
                match s {
                    $( $text => $name::$variant, )*
                    other => $name::Other(other.to_owned()),
                }
            }
        }
        impl From<String> for $name {
            fn from(s: String) -> Self {
                match s.as_str() {
                    $( $text => $name::$variant, )*
                    _ => $name::Other(s),
                }
            }
        }
        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }
        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let s = <std::borrow::Cow<'de, str> as serde::Deserialize>::deserialize(deserializer)?;
                Ok(Self::from(&*s))
            }
        }
        impl<T: Into<$name>> $crate::xml::IntoAttributeValue<$name> for T {
            fn into_attribute_value(self) -> $name {
                self.into()
            }
        }
        impl std::str::FromStr for $name {
            type Err = std::convert::Infallible;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Ok(Self::from(s))
            }
        }
        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
        $crate::xml::value::parsed_read_value!($name);
        impl $crate::xml::AttributeValue for $name {
            #[inline]
            fn write_value<S: $crate::xml::Sink + ?Sized>(&self, w: &mut $crate::xml::Writer<'_, S>) {
                match self {
                    $( $name::$variant => w.raw_unchecked($text), )*
                    $name::Other(s) => w.attribute_value(s),
                }
            }
            fn parse_value(s: &str) -> Result<Self, $crate::xml::ValueError> {
                Ok(Self::from(s))
            }
            fn to_value_string(&self) -> String {
                self.as_str().to_owned()
            }
            fn is_documented(&self) -> bool {
                !matches!(self, $name::Other(_))
            }
        }
    };
}
pub(crate) use open_enum;

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::strategy::Strategy;

    #[test]
    fn unsigned_numbers_are_written_in_decimal() {
        for n in (0..=1000).chain([9_999, 65_535, u64::from(u32::MAX), u64::MAX]) {
            let mut out = String::new();
            write_u64(&mut Writer::new(&mut out, false), n);
            assert_eq!(out, n.to_string());
        }
    }

    /// What `Decimal` writes into an attribute, and what the float formatter alone writes.
    fn written(value: f64) -> (String, String) {
        let (mut out, mut formatted) = (String::new(), String::new());
        Decimal::new(value).write_value(&mut Writer::new(&mut out, false));
        write_formatted(Decimal::new(value), &mut Writer::new(&mut formatted, false));
        (out, formatted)
    }

    #[test]
    fn whole_decimals_are_written_as_the_float_formatter_writes_them() {
        let edges = [0.0, -0.0, 1.0, -1.0, 5.0, 20.0, 1e15, -1e15, EXACT_INTEGERS - 1.0, EXACT_INTEGERS];
        for value in edges.into_iter().chain([EXACT_INTEGERS * 2.0, 1e300, -2.5, 0.1, f64::INFINITY]) {
            let (out, formatted) = written(value);
            assert_eq!(out, formatted, "{value:e}");
        }
        assert_eq!(written(-0.0).0, "0");
        assert_eq!(written(-20.0).0, "-20");
        assert_eq!(written(1e300).0, "1e300");
        assert_eq!(written(f64::NAN).0, "NaN");
    }

    proptest::proptest! {
        /// The integer path and the float formatter write the same bytes for every value.
        #[test]
        fn decimals_are_written_as_the_float_formatter_writes_them(
            value in proptest::prop_oneof![
                proptest::num::f64::ANY,
                (-1i64 << 54..1i64 << 54).prop_map(|n| n as f64),
            ],
        ) {
            let (out, formatted) = written(value);
            proptest::prop_assert_eq!(out, formatted);
        }
    }
}
