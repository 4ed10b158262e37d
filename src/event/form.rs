//! Form bodies (`application/x-www-form-urlencoded`, and query strings) on the wire: split into
//! pairs once, read into an event struct with errors that name the field, and written back.
//!
//! Reading goes through serde (the event structs' one `Deserialize`), with a deserializer that
//! knows which key it is on, so a value that does not parse is an
//! [`EventError::InvalidField`](super::EventError::InvalidField) naming that key, and a repeated
//! key is an [`EventError::DuplicateField`](super::EventError::DuplicateField).

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, Visitor};

use super::EventError;

/// A form body split into decoded pairs, in arrival order. Values without `%` or `+` borrow
/// from the body.
pub(crate) type Pairs<'de> = Vec<(Cow<'de, str>, Cow<'de, str>)>;

/// Splits a form body (or query string) into its pairs, as `form_urlencoded::parse` does.
///
/// Most pairs of a real request need no decoding (`CallSid=CA…`); those are borrowed as they are,
/// without `form_urlencoded`'s per-byte decode and UTF-8 repair (the body is already UTF-8). A pair
/// with `%` or `+` goes through `form_urlencoded`. A property test holds the two to the same pairs.
pub(crate) fn split(body: &str) -> Pairs<'_> {
    let bytes = body.as_bytes();
    let mut pairs = Vec::with_capacity(bytes.len() / 24 + 1);
    // One pass over the bytes: where each pair ends, where its first `=` is, whether it needs
    // decoding. `&`, `=`, `%` and `+` are ASCII, so every cut is on a character boundary.
    let (mut start, mut equals, mut encoded) = (0, None, false);
    for i in 0..=bytes.len() {
        match bytes.get(i) {
            Some(b'=') if equals.is_none() => equals = Some(i),
            Some(b'%' | b'+') => encoded = true,
            Some(b'&') | None => {
                if i > start {
                    if encoded {
                        pairs.extend(form_urlencoded::parse(&bytes[start..i]));
                    } else {
                        let (key, value) = match equals {
                            Some(e) => (&body[start..e], &body[e + 1..i]),
                            None => (&body[start..i], ""),
                        };
                        pairs.push((Cow::Borrowed(key), Cow::Borrowed(value)));
                    }
                }
                (start, equals, encoded) = (i + 1, None, false);
            }
            Some(_) => {}
        }
    }
    pairs
}

/// The first repeated key, if any (forms are read one documented way: a repeated key is an error,
/// never a silent first-or-last-wins).
pub(crate) fn first_repeated_key<'p>(pairs: &'p Pairs<'_>) -> Option<&'p str> {
    // Real requests carry a few dozen keys: comparing each with the ones before it is cheaper
    // than hashing them all (most comparisons stop at the length). Past that, a set keeps hostile
    // bodies with many keys linear.
    const LINEAR_UP_TO: usize = 48;
    if pairs.len() <= LINEAR_UP_TO {
        pairs.iter().enumerate().find(|(i, (key, _))| pairs[..*i].iter().any(|(k, _)| k == key)).map(|(_, (k, _))| &**k)
    } else {
        let mut seen = std::collections::HashSet::with_capacity(pairs.len());
        pairs.iter().map(|(k, _)| &**k).find(|k| !seen.insert(*k))
    }
}

/// Reads `T` from the pairs.
pub(crate) fn read<'de, T: de::Deserialize<'de>>(pairs: Pairs<'de>) -> Result<T, EventError> {
    if let Some(key) = first_repeated_key(&pairs) {
        return Err(EventError::DuplicateField(key.to_owned()));
    }
    let mut map = FormMap { pairs: pairs.into_iter(), key: None, value: None };
    let result = T::deserialize(FormDeserializer(&mut map));
    result.map_err(|e| e.into_event_error(map.key))
}

/// Writes a serializable event as a form body: its keys in serialization order (modelled fields
/// in declaration order, then unknown ones in arrival order), absent values left out, strings as
/// they are, numbers and booleans in their shortest decimal form.
pub(crate) fn write<T: serde::Serialize>(event: &T) -> String {
    let mut out = form_urlencoded::Serializer::new(String::new());
    // Every event type serializes to a JSON object with string keys; no value can fail.
    if let Ok(serde_json::Value::Object(map)) = serde_json::to_value(event) {
        for (key, value) in &map {
            match value {
                serde_json::Value::Null => {}
                serde_json::Value::String(s) => {
                    out.append_pair(key, s);
                }
                other => {
                    out.append_pair(key, &other.to_string());
                }
            }
        }
    }
    out.finish()
}

/// Why a form could not be read, before it becomes an [`EventError`].
#[derive(Debug)]
pub(crate) enum FormError {
    Missing(String),
    Invalid { message: String },
}

impl FormError {
    /// The error, naming `key` (the key being read when it happened) where it is about a value.
    fn into_event_error(self, key: Option<Cow<'_, str>>) -> EventError {
        match (self, key) {
            (FormError::Missing(field), _) => EventError::MissingField(field),
            (FormError::Invalid { message }, Some(field)) => {
                // The event structs prefix a field's errors with its name; the field is kept apart.
                let prefix = format!("field `{field}`: ");
                let message = message.strip_prefix(&prefix).map(str::to_owned).unwrap_or(message);
                EventError::InvalidField { field: field.into_owned(), message }
            }
            (FormError::Invalid { message }, None) => EventError::Form(message),
        }
    }
}

impl fmt::Display for FormError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FormError::Missing(field) => write!(f, "missing field `{field}`"),
            FormError::Invalid { message, .. } => f.write_str(message),
        }
    }
}

impl std::error::Error for FormError {}

impl de::Error for FormError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        FormError::Invalid { message: msg.to_string() }
    }
    fn missing_field(field: &'static str) -> Self {
        FormError::Missing(field.to_owned())
    }
}

/// The pairs as a map; remembers the key whose value is being read, so errors can name it.
struct FormMap<'de> {
    pairs: std::vec::IntoIter<(Cow<'de, str>, Cow<'de, str>)>,
    key: Option<Cow<'de, str>>,
    value: Option<Cow<'de, str>>,
}

impl<'de> MapAccess<'de> for FormMap<'de> {
    type Error = FormError;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, FormError> {
        let Some((key, value)) = self.pairs.next() else { return Ok(None) };
        self.key = Some(key.clone());
        self.value = Some(value);
        seed.deserialize(Text(key)).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, FormError> {
        let value = self.value.take().ok_or_else(|| de::Error::custom("a value without a key"))?;
        seed.deserialize(Text(value))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.pairs.len())
    }
}

/// The whole form, as a map.
struct FormDeserializer<'m, 'de>(&'m mut FormMap<'de>);

impl<'de> Deserializer<'de> for FormDeserializer<'_, 'de> {
    type Error = FormError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, FormError> {
        visitor.visit_map(self.0)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf option unit
        unit_struct newtype_struct seq tuple tuple_struct map struct enum identifier ignored_any
    }
}

/// One key or value: a string, read as a number or boolean where the field asks for one.
struct Text<'de>(Cow<'de, str>);

impl Text<'_> {
    fn parse<T: std::str::FromStr>(&self, expected: &str) -> Result<T, FormError> {
        self.0.parse().map_err(|_| de::Error::custom(format_args!("expected {expected}, found {:?}", self.0)))
    }
}

macro_rules! parse_number {
    ($($method:ident => $visit:ident($t:ty, $expected:literal)),* $(,)?) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, FormError> {
            visitor.$visit(self.parse::<$t>($expected)?)
        }
    )*};
}

impl<'de> Deserializer<'de> for Text<'de> {
    type Error = FormError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, FormError> {
        match self.0 {
            Cow::Borrowed(s) => visitor.visit_borrowed_str(s),
            Cow::Owned(s) => visitor.visit_string(s),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, FormError> {
        visitor.visit_some(self)
    }

    parse_number! {
        deserialize_bool => visit_bool(bool, "`true` or `false`"),
        deserialize_u8 => visit_u8(u8, "a whole number"),
        deserialize_u16 => visit_u16(u16, "a whole number"),
        deserialize_u32 => visit_u32(u32, "a whole number"),
        deserialize_u64 => visit_u64(u64, "a whole number"),
        deserialize_i8 => visit_i8(i8, "a whole number"),
        deserialize_i16 => visit_i16(i16, "a whole number"),
        deserialize_i32 => visit_i32(i32, "a whole number"),
        deserialize_i64 => visit_i64(i64, "a whole number"),
        deserialize_f32 => visit_f32(f32, "a number"),
        deserialize_f64 => visit_f64(f64, "a number"),
    }

    serde::forward_to_deserialize_any! {
        i128 u128 char str string bytes byte_buf unit unit_struct newtype_struct seq tuple tuple_struct map
        struct enum identifier ignored_any
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_keys_are_found_wherever_they_are() {
        assert_eq!(first_repeated_key(&split("a=1&b=2&c=3")), None);
        assert_eq!(first_repeated_key(&split("a=1&b=2&a=3")), Some("a"));
        assert_eq!(first_repeated_key(&split("a=1&b=2&b=")), Some("b"));
        let many: Vec<String> = (0..1000).map(|i| format!("k{i}=v")).collect();
        assert_eq!(first_repeated_key(&split(&many.join("&"))), None);
        assert_eq!(first_repeated_key(&split(&format!("{}&k500=again", many.join("&")))), Some("k500"));
    }

    proptest::proptest! {
        #[test]
        fn split_gives_the_pairs_form_urlencoded_gives(body in "([a-zA-Z%+=&é ]|%[0-9a-fA-F]{2}|%[0-9a-fA-F]?){0,40}") {
            let reference: Pairs<'_> = form_urlencoded::parse(body.as_bytes()).collect();
            proptest::prop_assert_eq!(split(&body), reference);
        }
    }

    #[test]
    fn values_borrow_unless_decoded() {
        let pairs = split("A=plain&B=with+space&C=%2B1");
        assert!(matches!(pairs[0].1, Cow::Borrowed("plain")));
        assert_eq!(pairs[1].1, "with space");
        assert_eq!(pairs[2].1, "+1");
    }

    #[test]
    fn written_forms_encode_what_needs_it() {
        let json = serde_json::json!({"A": "x y&z", "B": 5, "C": null, "D": 0.5, "E": true});
        assert_eq!(write(&json), "A=x+y%26z&B=5&D=0.5&E=true");
    }
}
