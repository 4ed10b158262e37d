//! How event fields are read: borrowed strings where the input allows, numbers that arrive as
//! strings, open enums, and the owned conversions.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt;

use serde::de::{self, Deserializer, MapAccess, Visitor};

/// A field type of an event: read from the next map value, borrowing from the input where it can.
pub(crate) trait FieldValue<'a>: Sized {
    /// Reads the value.
    fn read<'de: 'a, A: MapAccess<'de>>(map: &mut A) -> Result<Self, A::Error>;
}

/// Converts into a type that owns all its data.
pub trait IntoOwned {
    /// The owned type.
    type Owned: 'static;
    /// Converts.
    fn into_owned(self) -> Self::Owned;
}

/// Whether a field is left out when serializing (absent optional fields).
pub(crate) trait IsAbsent {
    /// `true` for `None`.
    fn is_absent(&self) -> bool;
}

impl<T> IsAbsent for Option<T> {
    fn is_absent(&self) -> bool {
        self.is_none()
    }
}
impl IsAbsent for Cow<'_, str> {
    fn is_absent(&self) -> bool {
        false
    }
}

/// A string that borrows from the input when it has no escapes.
pub(crate) struct BorrowCow<'a>(pub(crate) Cow<'a, str>);

impl<'de: 'a, 'a> de::Deserialize<'de> for BorrowCow<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Cow<'de, str>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
                Ok(Cow::Borrowed(v))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(Cow::Owned(v.to_owned()))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
                Ok(Cow::Owned(v))
            }
        }
        deserializer.deserialize_str(V).map(BorrowCow)
    }
}

impl<'a> FieldValue<'a> for Cow<'a, str> {
    fn read<'de: 'a, A: MapAccess<'de>>(map: &mut A) -> Result<Self, A::Error> {
        map.next_value::<BorrowCow<'a>>().map(|b| b.0)
    }
}

/// `null` reads as `None`.
impl<'a, T: FieldValue<'a>> FieldValue<'a> for Option<T> {
    fn read<'de: 'a, A: MapAccess<'de>>(map: &mut A) -> Result<Self, A::Error> {
        map.next_value_seed(OptionSeed::<T>(std::marker::PhantomData))
    }
}

struct OptionSeed<T>(std::marker::PhantomData<T>);

impl<'de: 'a, 'a, T: FieldValue<'a>> de::DeserializeSeed<'de> for OptionSeed<T> {
    type Value = Option<T>;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        struct V<T>(std::marker::PhantomData<T>);
        impl<'de: 'a, 'a, T: FieldValue<'a>> Visitor<'de> for V<T> {
            type Value = Option<T>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a value or null")
            }
            fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(None)
            }
            fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(None)
            }
            fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
                T::read(&mut SingleValue(Some(d))).map(Some)
            }
        }
        deserializer.deserialize_option(V::<T>(std::marker::PhantomData))
    }
}

/// A `MapAccess` that yields one value from a deserializer, so `FieldValue::read` can run inside
/// `visit_some`.
struct SingleValue<D>(Option<D>);

impl<'de, D: Deserializer<'de>> MapAccess<'de> for SingleValue<D> {
    type Error = D::Error;
    fn next_key_seed<K: de::DeserializeSeed<'de>>(&mut self, _seed: K) -> Result<Option<K::Value>, Self::Error> {
        Ok(None)
    }
    fn next_value_seed<V: de::DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Self::Error> {
        match self.0.take() {
            Some(d) => seed.deserialize(d),
            None => Err(de::Error::custom("value already read")),
        }
    }
}

/// Field types read with their own `Deserialize` (they own their data).
macro_rules! owned_field {
    ($($t:ty),*) => {$(
        impl<'a> FieldValue<'a> for $t {
            fn read<'de: 'a, A: MapAccess<'de>>(map: &mut A) -> Result<Self, A::Error> {
                map.next_value()
            }
        }
        impl IntoOwned for $t {
            type Owned = $t;
            fn into_owned(self) -> Self::Owned {
                self
            }
        }
    )*};
}
owned_field!(u32, u64, f64, bool, serde_json::Value, BTreeMap<String, String>);

impl IntoOwned for Cow<'_, str> {
    type Owned = Cow<'static, str>;
    fn into_owned(self) -> Cow<'static, str> {
        Cow::Owned(Cow::into_owned(self))
    }
}
impl<T: IntoOwned> IntoOwned for Option<T> {
    type Owned = Option<T::Owned>;
    fn into_owned(self) -> Self::Owned {
        self.map(T::into_owned)
    }
}

/// A value providers send as a JSON string or a JSON number (diversion `counter` and `limit`).
///
/// ```
/// use callml::event::StringOrNumber;
/// let n: StringOrNumber = serde_json::from_str("2").unwrap();
/// let s: StringOrNumber = serde_json::from_str("\"2\"").unwrap();
/// assert_eq!(n.as_u64(), Some(2));
/// assert_eq!(s.as_u64(), Some(2));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub enum StringOrNumber<'a> {
    /// Sent as a string.
    String(Cow<'a, str>),
    /// Sent as a number.
    Number(serde_json::Number),
}

impl StringOrNumber<'_> {
    /// The value as an unsigned integer, whichever form it came in.
    pub fn as_u64(&self) -> Option<u64> {
        match self {
            StringOrNumber::String(s) => s.trim().parse().ok(),
            StringOrNumber::Number(n) => n.as_u64(),
        }
    }
}

impl fmt::Display for StringOrNumber<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StringOrNumber::String(s) => f.write_str(s),
            StringOrNumber::Number(n) => write!(f, "{n}"),
        }
    }
}

impl serde::Serialize for StringOrNumber<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            StringOrNumber::String(s) => serializer.serialize_str(s),
            StringOrNumber::Number(n) => n.serialize(serializer),
        }
    }
}

impl<'de: 'a, 'a> de::Deserialize<'de> for StringOrNumber<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = StringOrNumber<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string or a number")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
                Ok(StringOrNumber::String(Cow::Borrowed(v)))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(StringOrNumber::String(Cow::Owned(v.to_owned())))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
                Ok(StringOrNumber::Number(v.into()))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
                Ok(StringOrNumber::Number(v.into()))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
                serde_json::Number::from_f64(v).map(StringOrNumber::Number).ok_or_else(|| E::custom("a finite number"))
            }
        }
        deserializer.deserialize_any(V)
    }
}

impl<'a> FieldValue<'a> for StringOrNumber<'a> {
    fn read<'de: 'a, A: MapAccess<'de>>(map: &mut A) -> Result<Self, A::Error> {
        map.next_value()
    }
}

impl IntoOwned for StringOrNumber<'_> {
    type Owned = StringOrNumber<'static>;
    fn into_owned(self) -> Self::Owned {
        match self {
            StringOrNumber::String(s) => StringOrNumber::String(IntoOwned::into_owned(s)),
            StringOrNumber::Number(n) => StringOrNumber::Number(n),
        }
    }
}

/// Open enums of events read from strings (unknown values kept).
macro_rules! event_enum {
    ($($t:ty),* $(,)?) => {$(
        impl<'a> $crate::event::field::FieldValue<'a> for $t {
            fn read<'de: 'a, A: serde::de::MapAccess<'de>>(map: &mut A) -> Result<Self, A::Error> {
                map.next_value()
            }
        }
        impl $crate::event::field::IntoOwned for $t {
            type Owned = $t;
            fn into_owned(self) -> Self::Owned {
                self
            }
        }
    )*};
}
pub(crate) use event_enum;
