//! The element table: each dialect describes its vocabulary once (element, XML name, attributes
//! with Rust and XML names, types and documented facts, content kind, allowed children), and
//! `define_element!` generates only what needs those names: the struct, its setters, the child enum
//! and nesting trait, one attribute visitor and one setter by XML name (the [`Element`] impl).
//! Rendering, the JSON form, lint and reading are generic code over [`Element`].
//!
//! [`Element`]: super::element::Element

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

/// `const` position of `name` in `names` (an attribute's row in its element's table).
pub(crate) const fn index_of(names: &[&str], name: &str) -> usize {
    let mut i = 0;
    while i < names.len() {
        if !str_less(names[i].as_bytes(), name.as_bytes()) && !str_less(name.as_bytes(), names[i].as_bytes()) {
            return i;
        }
        i += 1;
    }
    panic!("not an attribute of this element")
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

/// Defines one element (or two sharing one child list, as BXML's `<Response>` and `<Bxml>`).
///
/// ```text
/// define_element! {
///     /// docs
///     pub struct Gather<'a> = "Gather" {          // `= "Response" as root` for a document root
///         /// doc
///         num_digits: u32 = "numDigits" [min = 1, undocumented_by = "ACML"],
///     }
///     content: children new() GatherChild / IntoGatherChild {
///         message = "...", note = "...";
///         Say => say, Play => play, Pause,       // `=> say`: a shorthand method
///     }
/// }
/// ```
///
/// Content kinds: `empty`; `text` (a text field); `children` (typed children only); `mixed`
/// (text runs and children, whitespace-only runs are layout); `speech` (the same, every run
/// spoken, one line when pretty). `new(text)` / `new(first)` give `new` an argument.
/// Facts: `min`, `max`, `max_chars`, `required`, `undocumented_by` (checked by `validate()`).
macro_rules! define_element {
    (
        $(#[$meta:meta])*
        pub struct $name:ident<$lt:lifetime> = $xml:literal $(as $root:ident)? { $($attrs:tt)* }
        content: $($content:tt)*
    ) => {
        define_element!(@element [$(#[$meta])*] $name<$lt> $xml [$($root)?] { $($attrs)* } [own] $($content)*);
    };
    (
        $(#[$meta:meta])*
        pub struct $name:ident<$lt:lifetime> = $xml:literal $(as $root:ident)? { $($attrs:tt)* }
        $(#[$meta2:meta])*
        pub struct $name2:ident<$lt2:lifetime> = $xml2:literal $(as $root2:ident)? { $($attrs2:tt)* }
        content: $($content:tt)*
    ) => {
        define_element!(@element [$(#[$meta])*] $name<$lt> $xml [$($root)?] { $($attrs)* } [own] $($content)*);
        define_element!(@element [$(#[$meta2])*] $name2<$lt2> $xml2 [$($root2)?] { $($attrs2)* } [shared] $($content)*);
    };

    // ----- the four content kinds -----
    (@element [$($meta:tt)*] $name:ident<$lt:lifetime> $xml:literal [$($root:ident)?] { $($attrs:tt)* } [$own:ident]
        empty;
    ) => {
        define_element!(@struct [$($meta)*] $name<$lt> { $($attrs)* } {});
        define_element!(@common $name<$lt> $xml [$($root)?] { $($attrs)* } (), |_e| &(), |_e, _c| ());
        impl<$lt> $name<$lt> {
            /// A new element with no attributes set.
            pub fn new() -> Self {
                Self::default()
            }
            /// Never callable: this element holds no child elements. It exists so that trying
            /// (also from the `twiml!`/`bxml!` macros) fails with a message naming the element.
            pub fn child<C: $crate::xml::NoChildElements<Self>>(self, child: C) -> Self {
                let _ = child;
                self
            }
        }
    };
    (@element [$($meta:tt)*] $name:ident<$lt:lifetime> $xml:literal [$($root:ident)?] { $($attrs:tt)* } [$own:ident]
        text;
    ) => {
        define_element!(@struct [$($meta)*] $name<$lt> { $($attrs)* } {
            /// The text content (escaped when written); empty means none.
            pub text: std::borrow::Cow<$lt, str>,
        });
        define_element!(@common $name<$lt> $xml [$($root)?] { $($attrs)* }
            std::borrow::Cow<$lt, str>, |e| &e.text, |e, c| e.text = c);
        define_element!(@from_text $name<$lt>);
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
        impl $crate::xml::ElementWriter<'_, $name<'static>> {
            /// Sets the text content (escaped when written), replacing any set before; empty means
            /// none.
            pub fn text(self, text: &str) -> Self {
                self.replace_text(text)
            }
        }
    };
    (@element [$($meta:tt)*] $name:ident<$lt:lifetime> $xml:literal [$($root:ident)?] { $($attrs:tt)* } [$own:ident]
        children new($($first:ident)?) $enum:ident / $trait:ident { $($list:tt)* }
    ) => {
        define_element!(@list [$($meta)*] $name<$lt> $xml [$($root)?] { $($attrs)* } [$own] children []
            $enum / $trait { $($list)* });
        define_element!(@children_ctor $name<$lt> $trait $($first)?);
    };
    (@element [$($meta:tt)*] $name:ident<$lt:lifetime> $xml:literal [$($root:ident)?] { $($attrs:tt)* } [$own:ident]
        $kind:ident new($($ctor:ident)?) $enum:ident / $trait:ident { $($list:tt)* }
    ) => {
        define_element!(@list [$($meta)*] $name<$lt> $xml [$($root)?] { $($attrs)* } [$own] $kind [Text]
            $enum / $trait { $($list)* });
        define_element!(@mixed_ctor $name<$lt> $($ctor)?);
        define_element!(@from_text $name<$lt>);
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
        impl $crate::xml::ElementWriter<'_, $name<'static>> {
            /// Appends a run of text (escaped when written).
            pub fn text(self, text: &str) -> Self {
                self.push_text_run(text)
            }
        }
    };

    // An element with a child list: the struct, its table, its child enum (unless shared) and
    // builder methods.
    (@list [$($meta:tt)*] $name:ident<$lt:lifetime> $xml:literal [$($root:ident)?] { $($attrs:tt)* } [$own:ident]
        $kind:ident [$($text:ident)?] $enum:ident / $trait:ident {
            message = $msg:literal, note = $note:literal;
            $( $child:ident $(=> $short:ident $(($($empty:tt)*))?)? ),* $(,)?
        }
    ) => {
        define_element!(@struct [$($meta)*] $name<$lt> { $($attrs)* } {
            /// The content in document order: child elements (and text runs, where the element
            /// holds text).
            pub children: Vec<$enum<$lt>>,
        });
        define_element!(@common $name<$lt> $xml [$($root)?] { $($attrs)* }
            Vec<$enum<$lt>>, |e| &e.children, |e, c| e.children = c);
        define_element!(@enum $own $xml $enum<$lt> $trait [$msg $note] $kind [$($text)?] { $($child),* });
        define_element!(@builder $name<$lt> $xml $enum $trait { $($child $(=> $short $(($($empty)*))?)?),* });
    };

    // ----- the struct and what every element has -----
    (@struct [$($meta:tt)*] $name:ident<$lt:lifetime>
        { $( $(#[$ameta:meta])* $field:ident : $ty:ty = $attr:literal $([$($facts:tt)*])?, )* }
        { $($content:tt)* }
    ) => {
        $($meta)*
        #[derive(Debug, Clone, PartialEq, Default)]
        #[non_exhaustive]
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

    (@common $name:ident<$lt:lifetime> $xml:literal [$($root:ident)?]
        { $( $(#[$ameta:meta])* $field:ident : $ty:ty = $attr:literal $([$($facts:tt)*])?, )* }
        $content:ty, |$e:ident| $get:expr, |$m:ident, $c:ident| $set:expr
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
                #[doc = concat!("Sets XML attribute `", $attr, "`.")]
                #[inline(always)]
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
                let input = $crate::xml::element::TextAttribute { name: name.into(), value: value.into() };
                $crate::xml::element::Element::read_attribute(self, &input)
            }

            /// Whether the known attribute with XML name `name` is set.
            pub fn has_attribute(&self, name: &str) -> bool {
                $crate::xml::element::has_attribute(self, name)
            }

            /// The JSON form: `{"Name": {attributes..., "text" | "children"}}`; for a document
            /// root, `{"Response": [verbs...]}` (the object form when the root has attributes).
            pub fn to_json(&self) -> serde_json::Value {
                $crate::xml::json::to_json(self)
            }
        }

        #[allow(clippy::extra_unused_lifetimes, clippy::needless_lifetimes)]
        impl $crate::xml::ElementWriter<'_, $name<'static>> {
            $(
                $(#[$ameta])*
                #[doc = ""]
                #[doc = concat!("Writes XML attribute `", $attr, "` (in its place, whenever it is set).")]
                #[inline]
                pub fn $field<$lt>(self, value: impl $crate::xml::IntoAttributeValue<$ty>) -> Self {
                    const ROW: usize = $crate::xml::define::index_of(<$name<'static>>::ATTRIBUTE_NAMES, $attr);
                    let value: $ty = value.into_attribute_value();
                    self.set_known(ROW, &value)
                }
            )*

            /// Writes an attribute the crate has no setter for (after the known ones, in insertion
            /// order, escaped). A name that repeats a set attribute or an earlier one is left out,
            /// as when rendering a tree.
            pub fn attr(self, name: &str, value: &str) -> Self {
                self.push_extra(name, value)
            }
        }
        define_element!(@write_root $name $($root)?);

        impl<$lt> $crate::xml::element::Element<$lt> for $name<$lt> {
            const NAME: &'static str = $xml;
            const ROOT: bool = define_element!(@is_root $($root)?);
            const OPEN: &'static str = concat!("<", $xml);
            const CLOSE: &'static str = concat!("</", $xml, ">");
            const KNOWN: &'static [$crate::xml::element::Known] = &[$(
                $crate::xml::element::Known {
                    name: $attr,
                    first: concat!(" ", $attr, "=\""),
                    next: concat!("\" ", $attr, "=\""),
                    facts: $crate::xml::element::facts!($($($facts)*)?),
                },
            )*];
            type Content = $content;

            #[inline(always)]
            fn visit_attributes<V: $crate::xml::element::VisitAttribute>(&self, visitor: &mut V) {
                #[allow(unused_mut)] // elements without attributes
                let mut i = 0;
                $(
                    visitor.visit(&Self::KNOWN[i], self.$field.as_ref());
                    i += 1;
                )*
                let _ = (i, visitor);
            }
            fn read_attribute(
                &mut self,
                input: &impl $crate::xml::element::AttributeInput<$lt>,
            ) -> Result<(), $crate::xml::ValueError> {
                match input.name() {
                    $( $attr => self.$field = Some(input.typed::<$ty>()?), )*
                    _ => self.extra_attributes.push(input.untyped()?),
                }
                Ok(())
            }
            #[inline(always)]
            fn extra_attributes(&self) -> &[$crate::xml::Attribute<$lt>] {
                &self.extra_attributes
            }
            #[inline(always)]
            fn content(&self) -> &Self::Content {
                let $e = self;
                $get
            }
            fn set_content(&mut self, $c: Self::Content) {
                let $m = self;
                $set
            }
        }

        impl $crate::xml::Render for $name<'_> {
            #[inline]
            fn write_element<S: $crate::xml::Sink + ?Sized>(&self, w: &mut $crate::xml::Writer<'_, S>) {
                $crate::xml::render::element(self, w)
            }
        }

        impl $crate::xml::sealed::Sealed for $name<'_> {}

        impl std::fmt::Display for $name<'_> {
            /// The compact markup of this element, with the XML declaration when it is a document
            /// root, so `to_string()` of a document is the document.
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                let root = <Self as $crate::xml::element::Element>::ROOT;
                $crate::xml::Render::write_fmt_to(self, f, $crate::xml::RenderOptions::new().declaration(root))
            }
        }
    };
    (@text_rule children) => { $crate::xml::element::TextRule::None };
    (@text_rule mixed) => { $crate::xml::element::TextRule::Mixed };
    (@text_rule speech) => { $crate::xml::element::TextRule::Speech };
    (@write_root $name:ident root) => {
        impl $name<'_> {
            /// Writes a whole document straight to compact markup with the XML declaration,
            /// without building its tree: the same bytes as building the tree and calling
            /// `to_xml`, with fewer allocations and less time (the README's performance table),
            /// and values may borrow from temporaries. `write` receives the root's
            /// [`ElementWriter`](crate::xml::ElementWriter) and returns it. For pretty output,
            /// validation or reading the document back, build the tree.
            pub fn write_xml(
                write: impl for<'c> FnOnce($crate::xml::ElementWriter<'c, $name<'static>>) -> $crate::xml::ElementWriter<'c, $name<'static>>,
            ) -> String {
                let mut out = String::new();
                Self::write_xml_into(&mut out, write);
                out
            }
            /// [`write_xml`](Self::write_xml), appending to `out` and reusing its capacity (the
            /// writer still allocates its own small list of attribute positions, and buffers for
            /// held text and out-of-order attributes when those are used).
            pub fn write_xml_into(
                out: &mut String,
                write: impl for<'c> FnOnce($crate::xml::ElementWriter<'c, $name<'static>>) -> $crate::xml::ElementWriter<'c, $name<'static>>,
            ) {
                $crate::xml::direct::DocumentWriter::document::<$name<'static>>(out, write)
            }
        }
    };
    (@write_root $name:ident) => {};
    (@is_root root) => { true };
    (@is_root) => { false };

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
    (@mixed_ctor $name:ident<$lt:lifetime> text) => {
        impl<$lt> $name<$lt> {
            /// A new element holding this text (nothing when empty) and no attributes.
            pub fn new(text: impl Into<std::borrow::Cow<$lt, str>>) -> Self {
                let text = text.into();
                if text.is_empty() { Self::default() } else { Self::default().text(text) }
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

    // ----- the builder methods of an element with children -----
    (@builder $name:ident<$lt:lifetime> $xml:literal $enum:ident $trait:ident { $( $child:ident $(=> $short:ident $(($($empty:tt)*))?)? ),* }) => {
        impl $crate::xml::ElementWriter<'_, $name<'static>> {
            #[doc = concat!("Writes a child given as a tree value; only what `<", $xml, ">` accepts compiles.")]
            pub fn child<'c>(self, child: impl $trait<'c>) -> Self {
                self.write_rendered(&child.into_child())
            }
            $($(
                define_element!(@writer_shorthand $child $short $(($($empty)*))?);
            )?)*
        }
        impl<$lt> $name<$lt> {
            #[doc = concat!("Appends a child; only what `<", $xml, ">` accepts compiles.")]
            #[inline(always)]
            pub fn child(mut self, child: impl $trait<$lt>) -> Self {
                $crate::xml::define::push_child(&mut self.children, || child.into_child());
                self
            }
            /// Appends a child in place (for loops).
            pub fn push(&mut self, child: impl $trait<$lt>) -> &mut Self {
                $crate::xml::define::push_child(&mut self.children, || child.into_child());
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
                define_element!(@tree_shorthand $lt $child $short $(($($empty)*))?);
            )?)*
        }
    };
    // A child shorthand: `Child => short` takes the child (anything that converts into it) on the
    // tree and a closure writing it on the writer; `Child => short()` appends it empty, on both.
    (@tree_shorthand $lt:lifetime $child:ident $short:ident) => {
        #[doc = concat!("Appends a [`", stringify!($child), "`] child.")]
        #[inline(always)]
        pub fn $short(self, child: impl Into<$child<$lt>>) -> Self {
            let child: $child<$lt> = child.into();
            self.child(child)
        }
    };
    (@tree_shorthand $lt:lifetime $child:ident $short:ident ()) => {
        #[doc = concat!("Appends an empty [`", stringify!($child), "`]; one with attributes or content is appended with [`child`](Self::child).")]
        pub fn $short(self) -> Self {
            self.child($child::new())
        }
    };
    (@writer_shorthand $child:ident $short:ident) => {
        #[doc = concat!("Writes a [`", stringify!($child), "`] child through `write`.")]
        #[inline]
        pub fn $short(
            self,
            write: impl for<'c> FnOnce($crate::xml::ElementWriter<'c, $child<'static>>) -> $crate::xml::ElementWriter<'c, $child<'static>>,
        ) -> Self {
            self.write_nested(write)
        }
    };
    (@writer_shorthand $child:ident $short:ident ()) => {
        #[doc = concat!("Writes an empty [`", stringify!($child), "`]; one with attributes or content is written with [`child`](Self::child).")]
        pub fn $short(self) -> Self {
            self.child($child::new())
        }
    };

    // ----- the child enum and nesting trait (once per child list) -----
    (@enum shared $($rest:tt)*) => {};
    (@enum own $xml:literal $enum:ident<$lt:lifetime> $trait:ident [$msg:literal $note:literal] $kind:ident
        [$($text:ident)?] { $( $child:ident ),* }
    ) => {
        #[doc = concat!("A child of `<", $xml, ">`.")]
        #[derive(Debug, Clone, PartialEq)]
        #[non_exhaustive]
        // Children are stored inline in their parent's Vec: one allocation per parent, none per child.
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
                $crate::xml::element::is_text(self)
            }
            /// The element name of this child (`#text` for text).
            pub fn name(&self) -> &str {
                $crate::xml::element::child_name(self)
            }
        }

        impl<$lt> $crate::xml::element::Children<$lt> for $enum<$lt> {
            const TEXT: $crate::xml::element::TextRule = define_element!(@text_rule $kind);

            #[inline(always)]
            fn dispatch<'s, F: $crate::xml::element::NodeFn<'s, $lt>>(&'s self, f: F) -> F::Output {
                match self {
                    $( $enum::$child(e) => f.node(e), )*
                    $( $enum::$text(t) => f.text(t), )?
                    $enum::Custom(c) => f.custom(c),
                }
            }
            #[inline]
            fn push_named<R: $crate::xml::element::PushNode<$lt>>(
                name: &str,
                list: &mut Vec<Self>,
                reader: R,
            ) -> Option<Result<(), R::Error>> {
                $(
                    if name == <$child<$lt> as $crate::xml::element::Node<$lt>>::NAME {
                        return Some(reader.push(list, $enum::$child, |c| match c {
                            $enum::$child(n) => Some(n),
                            #[allow(unreachable_patterns)] // a list of one kind
                            _ => None,
                        }));
                    }
                )*
                let _ = (reader, list);
                None
            }
            fn text(text: std::borrow::Cow<$lt, str>) -> Option<Self> {
                $( return Some($enum::$text(text)); )?
                #[allow(unreachable_code)]
                {
                    let _ = text;
                    None
                }
            }
            fn custom(custom: $crate::xml::Custom<$lt>) -> Self {
                $enum::Custom(custom)
            }
        }

        impl $crate::xml::Render for $enum<'_> {
            #[inline]
            fn write_element<S: $crate::xml::Sink + ?Sized>(&self, w: &mut $crate::xml::Writer<'_, S>) {
                $crate::xml::render::child(self, w)
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
                #[inline(always)]
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
    };
}
pub(crate) use define_element;

/// Slots a child list gets with its first child element. A child enum is as large as its largest
/// element (a TwiML `ResponseChild` is 488 bytes) and documents typically hold a handful of verbs,
/// so starting at 8 instead of `Vec`'s 4 saves the regrowth that copies them all. Text runs
/// (usually one per element) keep `Vec`'s own growth.
const FIRST_CHILD_SLOTS: usize = 8;

/// Appends the child `make` returns, giving an empty list [`FIRST_CHILD_SLOTS`] slots first. The
/// child is made after the list has room (`extend` with `once_with` reserves, then makes the item
/// where it goes), so a large child enum is written once instead of built on the stack and copied.
#[inline(always)]
pub(crate) fn push_child<T>(children: &mut Vec<T>, make: impl FnOnce() -> T) {
    if children.capacity() == 0 {
        children.reserve_exact(FIRST_CHILD_SLOTS);
    }
    children.extend(std::iter::once_with(make));
}
