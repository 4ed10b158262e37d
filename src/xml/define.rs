//! The declarative element table machinery. Each dialect describes its vocabulary once (element,
//! XML name, attributes with Rust and XML names and types, content kind, allowed children); these
//! macros generate the structs, setters, child enums, nesting traits and renderer from it, so an
//! attribute name is written exactly once.

/// `const` check that attribute names are listed in the order they are rendered (alphabetical by
/// XML name, by code point), so the table order is the output order.
pub(crate) const fn is_sorted(names: &[&str]) -> bool {
    let mut i = 1;
    while i < names.len() {
        if !str_less(names[i - 1].as_bytes(), names[i].as_bytes()) {
            return false;
        }
        i += 1;
    }
    true
}

const fn str_less(a: &[u8], b: &[u8]) -> bool {
    let mut i = 0;
    while i < a.len() && i < b.len() {
        if a[i] != b[i] {
            return a[i] < b[i];
        }
        i += 1;
    }
    a.len() < b.len()
}

/// Defines one element. Content kinds:
/// - `empty`: no content;
/// - `text`: a text field (`new(text)`, `From<&str>`);
/// - `children Enum / Trait`: typed children (`new()`);
/// - `mixed new(text)` / `mixed new()`: text runs and typed children;
/// - `speech new(text)`: the same, always laid out on one line in pretty mode (whitespace between
///   speech elements would be spoken).
macro_rules! define_element {
    // ----- shared parts -----
    (@common $name:ident<$lt:lifetime> $xml:literal
        { $( $(#[$ameta:meta])* $field:ident : $ty:ty = $attr:literal, )* }
    ) => {
        const _: () = assert!(
            $crate::xml::define::is_sorted(&[$($attr),*]),
            concat!("attributes of <", $xml, "> must be listed in alphabetical order of their XML names")
        );

        impl<$lt> $name<$lt> {
            /// The element's XML name.
            pub const NAME: &'static str = $xml;
            /// The XML names of the attributes this element knows, in rendering order.
            pub const ATTRIBUTE_NAMES: &'static [&'static str] = &[$($attr),*];

            $(
                $(#[$ameta])*
                #[doc = ""]
                #[doc = concat!("XML attribute `", $attr, "`.")]
                pub fn $field(mut self, value: impl $crate::xml::IntoAttributeValue<$ty>) -> Self {
                    self.$field = Some(value.into_attribute_value());
                    self
                }
            )*

            /// Adds an attribute the crate has no setter for (written after the known ones, in
            /// insertion order, escaped). A name that repeats a set attribute is skipped when
            /// rendering and reported by `validate()`.
            pub fn attr(mut self, name: impl Into<std::borrow::Cow<$lt, str>>, value: impl Into<std::borrow::Cow<$lt, str>>) -> Self {
                self.extra_attributes.push($crate::xml::Attribute::new(name, value));
                self
            }

            /// Sets an attribute from its XML name and text, as a parser does: a known attribute is
            /// parsed into its type (an error if it does not fit), any other name is added to the
            /// extras.
            pub fn set_attribute(
                &mut self,
                name: impl Into<std::borrow::Cow<$lt, str>>,
                value: impl Into<std::borrow::Cow<$lt, str>>,
            ) -> Result<(), $crate::xml::ValueError> {
                let name = name.into();
                let value = value.into();
                match &*name {
                    $( $attr => self.$field = Some(<$ty as $crate::xml::AttributeValue>::parse_value(&value)?), )*
                    _ => self.extra_attributes.push($crate::xml::Attribute { name, value }),
                }
                Ok(())
            }

            /// Whether the known attribute with XML name `name` is set.
            pub fn has_attribute(&self, name: &str) -> bool {
                match name {
                    $( $attr => self.$field.is_some(), )*
                    _ => false,
                }
            }

            #[inline]
            fn write_attributes<S: $crate::xml::Sink + ?Sized>(&self, w: &mut $crate::xml::Writer<'_, S>) {
                $(
                    if let Some(v) = &self.$field {
                        w.raw(concat!(" ", $attr, "=\""));
                        $crate::xml::AttributeValue::write_value(v, w);
                        w.raw("\"");
                    }
                )*
                if !self.extra_attributes.is_empty() {
                    $crate::xml::custom::write_extra_attributes(w, &self.extra_attributes, |n| self.has_attribute(n));
                }
            }
        }

        impl $crate::xml::sealed::Sealed for $name<'_> {}

        impl std::fmt::Display for $name<'_> {
            /// The compact markup of this element, with the XML declaration when it is a document
            /// root, so `to_string()` of a document is the document.
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                let options = $crate::xml::RenderOptions::new().declaration($xml == "Response" || $xml == "Bxml");
                $crate::xml::Render::write_fmt_to(self, f, options)
            }
        }
    };

    // ----- no content -----
    (
        $(#[$meta:meta])*
        pub struct $name:ident<$lt:lifetime> = $xml:literal { $($attrs:tt)* }
        content: empty;
    ) => {
        define_element!(@struct $(#[$meta])* $name<$lt> { $($attrs)* } {});
        define_element!(@common $name<$lt> $xml { $($attrs)* });
        impl<$lt> $name<$lt> {
            /// A new element with no attributes set.
            pub fn new() -> Self {
                Self::default()
            }
        }
        define_element!(@no_children $name<$lt>);
        impl $crate::xml::Render for $name<'_> {
            #[inline]
            fn write_element<S: $crate::xml::Sink + ?Sized>(&self, w: &mut $crate::xml::Writer<'_, S>) {
                w.open(concat!("<", $xml));
                self.write_attributes(w);
                w.close_empty();
            }
        }
    };

    (@no_children $name:ident<$lt:lifetime>) => {
        impl<$lt> $name<$lt> {
            /// Never callable: this element holds no child elements. Exists so that trying gives a
            /// clear compiler message.
            #[doc(hidden)]
            pub fn child<C: $crate::xml::NoChildElements<Self>>(self, child: C) -> Self {
                let _ = child;
                self
            }
        }
    };

    // ----- text content -----
    (
        $(#[$meta:meta])*
        pub struct $name:ident<$lt:lifetime> = $xml:literal { $($attrs:tt)* }
        content: text;
    ) => {
        define_element!(@struct $(#[$meta])* $name<$lt> { $($attrs)* } {
            /// The text content (escaped when written); empty means none.
            pub text: std::borrow::Cow<$lt, str>,
        });
        define_element!(@common $name<$lt> $xml { $($attrs)* });
        impl<$lt> $name<$lt> {
            /// A new element with this text and no attributes set.
            pub fn new(text: impl Into<std::borrow::Cow<$lt, str>>) -> Self {
                Self { text: text.into(), ..Self::default() }
            }
            /// Replaces the text content.
            pub fn text(mut self, text: impl Into<std::borrow::Cow<$lt, str>>) -> Self {
                self.text = text.into();
                self
            }
        }
        define_element!(@from_text $name<$lt>);
        impl<$lt> $name<$lt> {
            /// Appends text to the text content (what the `twiml!`/`bxml!` macros call for text).
            pub fn child(mut self, text: impl $crate::xml::TextContent<$lt, Self>) -> Self {
                let text = text.into_text();
                if self.text.is_empty() {
                    self.text = text;
                } else {
                    self.text.to_mut().push_str(&text);
                }
                self
            }
        }
        impl $crate::xml::Render for $name<'_> {
            #[inline]
            fn write_element<S: $crate::xml::Sink + ?Sized>(&self, w: &mut $crate::xml::Writer<'_, S>) {
                w.open(concat!("<", $xml));
                self.write_attributes(w);
                if self.text.is_empty() {
                    w.close_empty();
                } else {
                    w.start_content(true);
                    w.text(&self.text);
                    w.close(concat!("</", $xml, ">"));
                }
            }
        }
    };

    // ----- element children only -----
    (
        $(#[$meta:meta])*
        pub struct $name:ident<$lt:lifetime> = $xml:literal { $($attrs:tt)* }
        content: children new($($first:ident)?) $enum:ident / $trait:ident {
            message = $msg:literal, note = $note:literal;
            $( $child:ident $(=> $short:ident)? ),* $(,)?
        }
    ) => {
        define_element!(@struct $(#[$meta])* $name<$lt> { $($attrs)* } {
            /// The children in document order.
            pub children: Vec<$enum<$lt>>,
        });
        define_element!(@common $name<$lt> $xml { $($attrs)* });
        define_element!(@children $name<$lt> $xml $enum $trait [$msg $note] [] { $($child $(=> $short)?),* });
        define_element!(@children_ctor $name<$lt> $trait $($first)?);
        define_element!(@render_children $name $xml false);
    };

    (@children_ctor $name:ident<$lt:lifetime> $trait:ident) => {
        impl<$lt> $name<$lt> {
            /// A new element with no attributes and no children.
            pub fn new() -> Self {
                Self::default()
            }
        }
    };
    (@children_ctor $name:ident<$lt:lifetime> $trait:ident first) => {
        impl<$lt> $name<$lt> {
            /// A new element with its first (required) child; add more with `child`.
            pub fn new(first: impl $trait<$lt>) -> Self {
                Self::default().child(first)
            }
        }
    };

    // ----- text mixed with children -----
    (
        $(#[$meta:meta])*
        pub struct $name:ident<$lt:lifetime> = $xml:literal { $($attrs:tt)* }
        content: $kind:ident new($($ctor:ident)?) $enum:ident / $trait:ident {
            message = $msg:literal, note = $note:literal;
            $( $child:ident $(=> $short:ident)? ),* $(,)?
        }
    ) => {
        define_element!(@struct $(#[$meta])* $name<$lt> { $($attrs)* } {
            /// The content in document order: text runs and child elements.
            pub children: Vec<$enum<$lt>>,
        });
        define_element!(@common $name<$lt> $xml { $($attrs)* });
        define_element!(@children $name<$lt> $xml $enum $trait [$msg $note] [Text] { $($child $(=> $short)?),* });
        define_element!(@mixed_ctor $name<$lt> $($ctor)?);
        impl<$lt> $name<$lt> {
            /// Appends a run of text (escaped when written).
            pub fn text(mut self, text: impl Into<std::borrow::Cow<$lt, str>>) -> Self {
                self.children.push($enum::Text(text.into()));
                self
            }
            /// The concatenated text runs directly inside this element.
            pub fn text_content(&self) -> String {
                self.children.iter().filter_map(|c| match c { $enum::Text(t) => Some(&**t), _ => None }).collect()
            }
        }
        define_element!(@from_text $name<$lt>);
        define_element!(@render_children $name $xml $kind);
    };

    (@mixed_ctor $name:ident<$lt:lifetime> text) => {
        impl<$lt> $name<$lt> {
            /// A new element holding this text (nothing when empty) and no attributes.
            pub fn new(text: impl Into<std::borrow::Cow<$lt, str>>) -> Self {
                Self::default().text_if_any(text.into())
            }
            fn text_if_any(self, text: std::borrow::Cow<$lt, str>) -> Self {
                if text.is_empty() { self } else { self.text(text) }
            }
        }
    };
    (@mixed_ctor $name:ident<$lt:lifetime>) => {
        impl<$lt> $name<$lt> {
            /// A new element with no attributes and no content.
            pub fn new() -> Self {
                Self::default()
            }
        }
    };

    (@from_text $name:ident<$lt:lifetime>) => {
        impl<$lt> From<&$lt str> for $name<$lt> {
            fn from(text: &$lt str) -> Self {
                Self::default().text(text)
            }
        }
        impl From<String> for $name<'_> {
            fn from(text: String) -> Self {
                Self::default().text(text)
            }
        }
        impl<$lt> From<std::borrow::Cow<$lt, str>> for $name<$lt> {
            fn from(text: std::borrow::Cow<$lt, str>) -> Self {
                Self::default().text(text)
            }
        }
    };

    (@struct $(#[$meta:meta])* $name:ident<$lt:lifetime>
        { $( $(#[$ameta:meta])* $field:ident : $ty:ty = $attr:literal, )* }
        { $($content:tt)* }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Default)]
        pub struct $name<$lt> {
            $(
                $(#[$ameta])*
                #[doc = ""]
                #[doc = concat!("XML attribute `", $attr, "`; `None` leaves it out.")]
                pub $field: Option<$ty>,
            )*
            /// Attributes the crate has no field for, in insertion order.
            pub extra_attributes: Vec<$crate::xml::Attribute<$lt>>,
            $($content)*
        }
    };

    (@render_children $name:ident $xml:literal $mixed:tt) => {
        impl $crate::xml::Render for $name<'_> {
            #[inline]
            fn write_element<S: $crate::xml::Sink + ?Sized>(&self, w: &mut $crate::xml::Writer<'_, S>) {
                w.open(concat!("<", $xml));
                self.write_attributes(w);
                if self.children.is_empty() {
                    w.close_empty();
                    return;
                }
                w.start_content(define_element!(@holds_text self $mixed));
                for child in &self.children {
                    $crate::xml::Render::write_element(child, w);
                }
                w.close(concat!("</", $xml, ">"));
            }
        }
    };
    // Speech content (Say, SpeakSentence, SSML containers) is always laid out inline: whitespace
    // between its elements would be spoken text.
    (@holds_text $self:ident speech) => { true };
    (@holds_text $self:ident mixed) => { $self.children.iter().any(|c| c.is_text()) };
    (@holds_text $self:ident false) => { false };

    (@children $name:ident<$lt:lifetime> $xml:literal $enum:ident $trait:ident [$msg:literal $note:literal]
        [$($text:ident)?] { $( $child:ident $(=> $short:ident)? ),* }
    ) => {
        #[doc = concat!("A child of `<", $xml, ">`.")]
        #[derive(Debug, Clone, PartialEq)]
        #[non_exhaustive]
        // Children live inline in their parent's Vec: one allocation per parent, none per child.
        #[allow(clippy::large_enum_variant)]
        pub enum $enum<$lt> {
            $(
                #[doc = concat!("A [`", stringify!($child), "`] element.")]
                $child($child<$lt>),
            )*
            $(
                /// A run of text.
                $text(std::borrow::Cow<$lt, str>),
            )?
            /// An element the crate does not know (unchecked).
            Custom($crate::xml::Custom<$lt>),
        }

        impl $enum<'_> {
            /// Whether this is a run of text.
            pub fn is_text(&self) -> bool {
                match self {
                    $( $enum::$text(_) => true, )?
                    _ => false,
                }
            }
        }

        impl $crate::xml::Render for $enum<'_> {
            #[inline]
            fn write_element<S: $crate::xml::Sink + ?Sized>(&self, w: &mut $crate::xml::Writer<'_, S>) {
                match self {
                    $( $enum::$child(e) => e.write_element(w), )*
                    $( $enum::$text(t) => w.text(t), )?
                    $enum::Custom(e) => e.write_element(w),
                }
            }
        }

        #[doc = concat!("What `<", $xml, ">` may contain. Sealed: implemented exactly for the allowed children.")]
        #[diagnostic::on_unimplemented(message = $msg, label = "not allowed here", note = $note)]
        pub trait $trait<$lt>: $crate::xml::sealed::Sealed {
            /// Wraps the value as a child.
            fn into_child(self) -> $enum<$lt>;
        }

        $(
            impl<$lt> $trait<$lt> for $child<$lt> {
                fn into_child(self) -> $enum<$lt> {
                    $enum::$child(self)
                }
            }
            impl<$lt> From<$child<$lt>> for $enum<$lt> {
                fn from(child: $child<$lt>) -> Self {
                    $enum::$child(child)
                }
            }
        )*
        impl<$lt> $trait<$lt> for $crate::xml::Custom<$lt> {
            fn into_child(self) -> $enum<$lt> {
                $enum::Custom(self)
            }
        }
        impl<$lt> $trait<$lt> for $enum<$lt> {
            fn into_child(self) -> $enum<$lt> {
                self
            }
        }
        impl $crate::xml::sealed::Sealed for $enum<'_> {}
        $(
            impl<$lt> $trait<$lt> for &$lt str {
                fn into_child(self) -> $enum<$lt> {
                    $enum::$text(self.into())
                }
            }
            impl<$lt> $trait<$lt> for String {
                fn into_child(self) -> $enum<$lt> {
                    $enum::$text(self.into())
                }
            }
            impl<$lt> $trait<$lt> for std::borrow::Cow<$lt, str> {
                fn into_child(self) -> $enum<$lt> {
                    $enum::$text(self)
                }
            }
        )?

        impl<$lt> $name<$lt> {
            #[doc = concat!("Appends a child; only what `<", $xml, ">` accepts compiles.")]
            pub fn child(mut self, child: impl $trait<$lt>) -> Self {
                self.children.push(child.into_child());
                self
            }
            /// Appends a child in place (for loops).
            pub fn push(&mut self, child: impl $trait<$lt>) -> &mut Self {
                self.children.push(child.into_child());
                self
            }
            /// Appends every child of an iterator; `None`s in an iterator of `Option`s are skipped
            /// by flattening first.
            pub fn children<I>(mut self, children: I) -> Self
            where
                I: IntoIterator,
                I::Item: $trait<$lt>,
            {
                self.children.extend(children.into_iter().map($trait::into_child));
                self
            }
            $($(
                #[doc = concat!("Appends a [`", stringify!($child), "`] child.")]
                pub fn $short(self, child: impl Into<$child<$lt>>) -> Self {
                    let child: $child<$lt> = child.into();
                    self.child(child)
                }
            )?)*
        }
    };
}
pub(crate) use define_element;
