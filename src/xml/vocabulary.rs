//! What a dialect knows: its elements and their attributes, from its one list.

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
