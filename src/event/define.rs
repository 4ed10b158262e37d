//! The table macro for event payloads: one declaration per event gives the struct, a hand-written
//! style `Deserialize` (a single pass over the keys, strings borrowed where possible, unknown keys
//! kept in order, a missing required field named in the error), `Serialize`, and `into_owned`.

/// Defines an event struct. Fields are `req name: Type = "key"` (the payload must have it) or
/// `opt name: Type = "key"` (an `Option`); `..name: Block` reads another table's keys at the
/// same level (the common call block).
macro_rules! event_struct {
    (
        $(#[$meta:meta])*
        pub struct $name:ident<$lt:lifetime> {
            $( .. $iname:ident : $ity:ident, )*
            $( $(#[$fmeta:meta])* $kind:ident $field:ident : $ty:ty = $key:literal, )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Default, serde::Serialize)]
        pub struct $name<$lt> {
            $(
                #[serde(flatten)]
                #[doc = concat!("The [`", stringify!($ity), "`] fields.")]
                pub $iname: $ity<$lt>,
            )*
            $(
                $(#[$fmeta])*
                #[doc = concat!("\n\nJSON key `", $key, "`.")]
                #[serde(rename = $key, skip_serializing_if = "crate::event::field::IsAbsent::is_absent")]
                pub $field: event_struct!(@ty $kind $ty),
            )*
            /// Keys this crate does not model, in arrival order.
            #[serde(flatten)]
            pub extra: serde_json::Map<String, serde_json::Value>,
        }

        const _: () = {
            #[derive(Default)]
            #[allow(non_snake_case)]
            pub struct Builder<$lt> {
                $( $iname: <$ity<$lt> as crate::event::define::Inline<$lt>>::Builder, )*
                $( $field: Option<$ty>, )*
                extra: serde_json::Map<String, serde_json::Value>,
            }

            impl<$lt> Builder<$lt> {
                fn field<'de: $lt, A: serde::de::MapAccess<'de>>(&mut self, key: &str, map: &mut A) -> Result<bool, A::Error> {
                    match key {
                        $(
                            $key => {
                                if self.$field.is_some() {
                                    return Err(<A::Error as serde::de::Error>::duplicate_field($key));
                                }
                                let v = event_struct!(@read $kind $ty, map, $key)?;
                                self.$field = v;
                                Ok(true)
                            }
                        )*
                        _ => {
                            $(
                                if <$ity<$lt> as crate::event::define::Inline<$lt>>::field(&mut self.$iname, key, map)? {
                                    return Ok(true);
                                }
                            )*
                            Ok(false)
                        }
                    }
                }

                /// The struct, or the first required key that is missing.
                fn finish(self) -> Result<$name<$lt>, &'static str> {
                    Ok($name {
                        $( $iname: <$ity<$lt> as crate::event::define::Inline<$lt>>::finish(self.$iname)?, )*
                        $( $field: event_struct!(@finish $kind self.$field, $key), )*
                        extra: self.extra,
                    })
                }
            }

            impl<$lt> crate::event::define::Inline<$lt> for $name<$lt> {
                type Builder = Builder<$lt>;
                fn field<'de: $lt, A: serde::de::MapAccess<'de>>(b: &mut Self::Builder, key: &str, map: &mut A) -> Result<bool, A::Error> {
                    b.field(key, map)
                }
                fn finish(b: Self::Builder) -> Result<Self, &'static str> {
                    b.finish()
                }
            }

            impl<'de: $lt, $lt> serde::Deserialize<'de> for $name<$lt> {
                fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                    <Self as crate::event::define::EventStruct<$lt>>::deserialize_reporting(deserializer, &std::cell::Cell::new(None))
                }
            }

            impl<$lt> crate::event::define::EventStruct<$lt> for $name<$lt> {
                fn deserialize_reporting<'de: $lt, D: serde::Deserializer<'de>>(
                    deserializer: D,
                    missing: &std::cell::Cell<Option<&'static str>>,
                ) -> Result<Self, D::Error> {
                    struct V<'r, $lt>(&'r std::cell::Cell<Option<&'static str>>, std::marker::PhantomData<&$lt ()>);
                    impl<'de: $lt, $lt> serde::de::Visitor<'de> for V<'_, $lt> {
                        type Value = $name<$lt>;
                        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                            f.write_str(concat!("a ", stringify!($name), " object"))
                        }
                        fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                            let mut b = Builder::default();
                            // Keys borrow from the input (no allocation) unless they have escapes.
                            while let Some(crate::event::field::BorrowCow(key)) = map.next_key()? {
                                if !b.field(&key, &mut map)? {
                                    if b.extra.contains_key(&*key) {
                                        return Err(<A::Error as serde::de::Error>::custom(format_args!("duplicate field `{key}`")));
                                    }
                                    let value: serde_json::Value = map.next_value()?;
                                    b.extra.insert(key.into_owned(), value);
                                }
                            }
                            b.finish().map_err(|key| {
                                self.0.set(Some(key));
                                <A::Error as serde::de::Error>::missing_field(key)
                            })
                        }
                    }
                    deserializer.deserialize_map(V(missing, std::marker::PhantomData))
                }
            }

            impl<$lt> crate::event::field::FieldValue<$lt> for $name<$lt> {
                fn read<'de: $lt, A: serde::de::MapAccess<'de>>(map: &mut A) -> Result<Self, A::Error> {
                    map.next_value()
                }
            }
        };

        impl crate::event::field::IntoOwned for $name<'_> {
            type Owned = $name<'static>;
            fn into_owned(self) -> Self::Owned {
                $name {
                    $( $iname: crate::event::field::IntoOwned::into_owned(self.$iname), )*
                    $( $field: crate::event::field::IntoOwned::into_owned(self.$field), )*
                    extra: self.extra,
                }
            }
        }
    };

    (@ty req $ty:ty) => { $ty };
    (@ty opt $ty:ty) => { Option<$ty> };

    (@read req $ty:ty, $map:ident, $key:literal) => {
        <$ty as crate::event::field::FieldValue<'_>>::read($map)
            .map(Some)
            .map_err(|e| <A::Error as serde::de::Error>::custom(format!(concat!("field `", $key, "`: {}"), e)))
    };
    (@read opt $ty:ty, $map:ident, $key:literal) => {
        <Option<$ty> as crate::event::field::FieldValue<'_>>::read($map)
            .map_err(|e| <A::Error as serde::de::Error>::custom(format!(concat!("field `", $key, "`: {}"), e)))
    };

    (@finish req $v:expr, $key:literal) => { $v.ok_or($key)? };
    (@finish opt $v:expr, $key:literal) => { $v };
}
pub(crate) use event_struct;

/// A block of fields read at the same level as its parent's (no nesting in the JSON).
pub(crate) trait Inline<'a>: Sized {
    /// The fields collected so far.
    type Builder: Default;
    /// Reads `key` if it belongs to this block.
    fn field<'de: 'a, A: serde::de::MapAccess<'de>>(
        builder: &mut Self::Builder,
        key: &str,
        map: &mut A,
    ) -> Result<bool, A::Error>;
    /// Checks required fields and builds the block: the first missing required key otherwise.
    fn finish(builder: Self::Builder) -> Result<Self, &'static str>;
}

/// An event struct, read so that a missing required key is reported as a fact (`missing`), not
/// only inside the deserializer's error message.
pub(crate) trait EventStruct<'a>: Sized {
    /// Deserializes; on a missing required key, sets `missing` to it before failing.
    fn deserialize_reporting<'de: 'a, D: serde::Deserializer<'de>>(
        deserializer: D,
        missing: &std::cell::Cell<Option<&'static str>>,
    ) -> Result<Self, D::Error>;
}

/// Defines a provider's event enum from one table: each variant with the `eventType` values it
/// reads, whether its struct has the common call block, plus `Unknown { event_type, raw }`; and
/// the dispatch (`from_source`), `call()` and `into_owned()` that every variant needs.
macro_rules! event_kinds {
    (
        $(#[$meta:meta])*
        pub enum $name:ident<$lt:lifetime> (call block: $call:ident) {
            $( $(#[$vmeta:meta])* $variant:ident($ty:ident) = [$($key:literal),+] $has_call:ident, )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq)]
        #[non_exhaustive]
        pub enum $name<$lt> {
            $( $(#[$vmeta])* $variant($ty<$lt>), )*
            /// Any other event type, kept whole.
            Unknown {
                /// The event type as sent.
                event_type: String,
                /// The whole payload.
                raw: serde_json::Value,
            },
        }

        /// The payload as the provider sends it (an unknown event: its raw payload).
        impl serde::Serialize for $name<'_> {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                match self {
                    $( Self::$variant(e) => e.serialize(serializer), )*
                    Self::Unknown { raw, .. } => raw.serialize(serializer),
                }
            }
        }

        impl<$lt> $name<$lt> {
            /// The JSON body the provider sends: the provider's names, modelled fields in
            /// declaration order, then unknown keys in arrival order (an unknown event: its raw
            /// payload). Reading it back gives an equal value.
            pub fn to_json(&self) -> String {
                crate::event::write_json(self)
            }

            /// Reads the struct for `event_type` (matched as given, after `normalize`).
            pub(crate) fn dispatch(
                event_type: &str,
                normalized: &str,
                source: &impl crate::event::Source<$lt>,
            ) -> Result<Self, crate::event::EventError> {
                Ok(match normalized {
                    $( $($key)|+ => Self::$variant(source.parse()?), )*
                    _ => Self::Unknown { event_type: event_type.to_owned(), raw: source.raw()? },
                })
            }

            /// The common call fields, for call events.
            pub fn call(&self) -> Option<&$call<$lt>> {
                match self {
                    $( Self::$variant(e) => event_kinds!(@call $has_call e), )*
                    Self::Unknown { .. } => None,
                }
            }

            /// The same event owning its data.
            pub fn into_owned(self) -> $name<'static> {
                match self {
                    $( Self::$variant(e) => $name::$variant(crate::event::field::IntoOwned::into_owned(e)), )*
                    Self::Unknown { event_type, raw } => $name::Unknown { event_type, raw },
                }
            }
        }
    };
    (@call call $e:ident) => { Some(&$e.call) };
    (@call no_call $e:ident) => {{
        let _ = $e;
        None
    }};
}
pub(crate) use event_kinds;
