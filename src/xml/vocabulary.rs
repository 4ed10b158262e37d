//! What a dialect knows: its elements and their attributes, from its one list, and the `dialect!`
//! macro that turns that list into the vocabulary and the reading API.

/// An element of a dialect: its XML name and the attributes it knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct ElementInfo {
    /// The XML name.
    pub name: &'static str,
    /// The XML names of its known attributes, in rendering order.
    pub attributes: &'static [&'static str],
}

impl ElementInfo {
    /// An element.
    pub const fn new(name: &'static str, attributes: &'static [&'static str]) -> Self {
        ElementInfo { name, attributes }
    }
}

/// The elements a dialect knows, so that a known element in the wrong place is an error and an
/// unknown one is kept as a [`Custom`](super::Custom) element. Each dialect has one:
/// [`twiml::VOCABULARY`](crate::twiml::VOCABULARY), [`bxml::VOCABULARY`](crate::bxml::VOCABULARY),
/// [`ssml::VOCABULARY`](crate::ssml::VOCABULARY) (shared by both).
///
/// ```
/// use callml::twiml::VOCABULARY;
/// assert!(VOCABULARY.knows("Gather") && VOCABULARY.knows("say-as") && !VOCABULARY.knows("SpeakSentence"));
/// let gather = VOCABULARY.elements().find(|e| e.name == "Gather").unwrap();
/// assert!(gather.attributes.contains(&"numDigits"));
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Vocabulary {
    own: &'static [ElementInfo],
    shared: &'static [ElementInfo],
}

impl Vocabulary {
    /// A vocabulary of `own` elements plus those of `shared` (SSML's).
    pub const fn new(own: &'static [ElementInfo], shared: Option<&'static Vocabulary>) -> Self {
        Vocabulary {
            own,
            shared: match shared {
                Some(v) => v.own,
                None => &[],
            },
        }
    }

    /// Whether `name` is one of the dialect's elements.
    pub fn knows(&self, name: &str) -> bool {
        self.elements().any(|e| e.name == name)
    }

    /// Every element: the dialect's own, then the shared ones.
    pub fn elements(&self) -> impl Iterator<Item = &'static ElementInfo> + use<> {
        self.own.iter().chain(self.shared.iter())
    }

    /// The dialect's own elements (without the shared ones).
    pub fn own_elements(&self) -> &'static [ElementInfo] {
        self.own
    }
}

/// A dialect's one list of elements: its [`Vocabulary`](super::Vocabulary) constant, and reading
/// (`from_xml`, `from_xml_borrowed`, `FromStr`, `from_json`, serde) for each element.
macro_rules! dialect {
    (
        $(#[$meta:meta])*
        pub const $vocab:ident = roots [$($root:ident),*] elements [$($ty:ident),* $(,)?] shared $shared:expr;
    ) => {
        $(#[$meta])*
        pub const $vocab: $crate::xml::Vocabulary = $crate::xml::Vocabulary::new(
            &[$( $crate::xml::ElementInfo::new($root::NAME, $root::ATTRIBUTE_NAMES), )* $( $crate::xml::ElementInfo::new($ty::NAME, $ty::ATTRIBUTE_NAMES), )*],
            $shared,
        );
        $( $crate::xml::vocabulary::dialect!(@read $vocab $ty); )*
        $(
            $crate::xml::vocabulary::dialect!(@read $vocab $root);
            impl serde::Serialize for $root<'_> {
                fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                    self.to_json().serialize(serializer)
                }
            }
            impl<'de> serde::Deserialize<'de> for $root<'static> {
                fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                    let value = serde_json::Value::deserialize(deserializer)?;
                    Self::from_json(&value).map_err(serde::de::Error::custom)
                }
            }
        )*
    };
    (@read $vocab:ident $ty:ident) => {
        impl<'a> $ty<'a> {
            #[doc = concat!("Reads a document whose root is `<", stringify!($ty), ">`, its strings borrowing `input`")]
            /// instead of copied (only text the reader had to change is owned: references resolved,
            /// attribute whitespace normalised), for documents that do not outlive their input
            /// (linting, golden-file comparisons). `from_xml` returns a `'static` document.
            pub fn from_xml_borrowed(input: &'a str) -> Result<Self, $crate::xml::ParseError> {
                $crate::xml::stream::read_document_as::<$crate::xml::tree::Borrowed, Self>(input, $vocab)
            }
        }
        impl $ty<'static> {
            #[doc = concat!("Reads a document whose root is `<", stringify!($ty), ">`. Errors carry line, column and")]
            /// the element path.
            pub fn from_xml(input: &str) -> Result<Self, $crate::xml::ParseError> {
                $crate::xml::stream::read_document_as::<$crate::xml::tree::Copied, Self>(input, $vocab)
            }
            /// Reads the JSON form (`{"Name": {...}}`; a root also as `{"Response": [...]}`).
            /// Errors carry the JSON path (`Response[1].Gather.numDigits`).
            pub fn from_json(value: &serde_json::Value) -> Result<Self, $crate::xml::JsonError> {
                $crate::xml::json::from_json(value, $vocab)
            }
        }
        impl std::str::FromStr for $ty<'static> {
            type Err = $crate::xml::ParseError;
            fn from_str(input: &str) -> Result<Self, Self::Err> {
                Self::from_xml(input)
            }
        }
    };
}
pub(crate) use dialect;
