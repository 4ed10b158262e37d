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
    (@common $name:ident<$lt:lifetime> $xml:literal $path:literal
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
                #[doc = ""]
                #[doc = "```"]
                #[doc = concat!("let element = ", $path, "::", stringify!($name), "::default();")]
                #[doc = concat!("assert_eq!(element.", stringify!($field), ", None); // left out of the XML until set")]
                #[doc = concat!("assert!(", $path, "::", stringify!($name), "::ATTRIBUTE_NAMES.contains(&\"", $attr, "\"));")]
                #[doc = "```"]
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
                let name = name.into();
                let value = value.into();
                match &*name {
                    $( $attr => self.$field = Some(<$ty as $crate::xml::AttributeValue>::parse_value(&value)?), )*
                    _ => self.extra_attributes.push($crate::xml::Attribute { name, value }),
                }
                Ok(())
            }

            #[doc(hidden)]
            // `&Cow`, not `&str`: the value's own lifetime is kept, so borrowed text stays borrowed.
            #[allow(clippy::ptr_arg)]
            pub fn __set_attribute_tree<'e, P: $crate::xml::tree::Strings<'e, $lt>>(
                &mut self,
                name: &std::borrow::Cow<'e, str>,
                value: &std::borrow::Cow<'e, str>,
            ) -> Result<(), $crate::xml::ValueError> {
                match &**name {
                    $( $attr => self.$field = Some(<$ty as $crate::xml::value::TreeValue<$lt>>::from_tree::<P>(value)?), )*
                    _ => self.extra_attributes.push($crate::xml::Attribute::new(P::keep(name), P::keep(value))),
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
                        w.attribute_start(concat!(" ", $attr, "=\""), concat!("\" ", $attr, "=\""));
                        $crate::xml::AttributeValue::write_value(v, w);
                    }
                )*
                if !self.extra_attributes.is_empty() {
                    $crate::xml::custom::write_extra_attributes(w, &self.extra_attributes, |n| self.has_attribute(n));
                }
            }

            #[doc(hidden)]
            pub fn __json_attributes(&self, body: &mut serde_json::Map<String, serde_json::Value>) {
                $(
                    if let Some(v) = &self.$field {
                        body.insert($attr.to_owned(), $crate::xml::AttributeValue::to_json(v));
                    }
                )*
                for a in &self.extra_attributes {
                    body.entry(a.name.to_string()).or_insert_with(|| serde_json::Value::String(a.value.to_string()));
                }
            }

            #[doc(hidden)]
            pub fn __json_set_attribute(&mut self, name: &str, value: &serde_json::Value, path: &str) -> Result<(), $crate::xml::JsonError> {
                match name {
                    $(
                        $attr => {
                            let v = <$ty as $crate::xml::AttributeValue>::from_json(value)
                                .map_err(|e| $crate::xml::JsonError::new(format!("{path}.{name}"), e.to_string()))?;
                            self.$field = Some(v);
                        }
                    )*
                    _ => {
                        let v = $crate::xml::json::extra_value(value, &format!("{path}.{name}"))?;
                        self.extra_attributes.push($crate::xml::Attribute::new(name.to_owned(), v));
                    }
                }
                Ok(())
            }

            /// Sets every attribute of a JSON element body (all keys but `text` and `children`).
            #[doc(hidden)]
            pub fn __json_set_attributes(
                &mut self,
                body: &serde_json::Map<String, serde_json::Value>,
                path: &str,
            ) -> Result<(), $crate::xml::JsonError> {
                for (k, v) in body {
                    if k != "text" && k != "children" {
                        self.__json_set_attribute(k, v, path)?;
                    }
                }
                Ok(())
            }

            #[doc(hidden)]
            pub fn __lint_attributes(&self, path: &str, out: &mut $crate::xml::lint::Findings) {
                $(
                    if let Some(v) = &self.$field {
                        let text = $crate::xml::AttributeValue::to_value_string(v);
                        if !$crate::xml::AttributeValue::is_documented(v) {
                            out.warning(path, format!(concat!("`{}` is not a documented value of `", $attr, "`"), text));
                        }
                        out.forbidden_chars(path, concat!("attribute `", $attr, "`"), &text);
                    }
                )*
                out.extras(path, &self.extra_attributes, |n| self.has_attribute(n));
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
        pub struct $name:ident<$lt:lifetime> = $xml:literal in $path:literal { $($attrs:tt)* }
        content: empty;
    ) => {
        define_element!(@struct $(#[$meta])* $name<$lt> { $($attrs)* } {});
        define_element!(@common $name<$lt> $xml $path { $($attrs)* });
        impl<$lt> $name<$lt> {
            /// A new element with no attributes set.
            pub fn new() -> Self {
                Self::default()
            }
        }
        define_element!(@no_children $name<$lt>);
        define_element!(@content_impl $name $xml empty);
        impl $crate::xml::Render for $name<'_> {
            #[inline]
            fn write_element<S: $crate::xml::Sink + ?Sized>(&self, w: &mut $crate::xml::Writer<'_, S>) {
                w.open(concat!("<", $xml));
                self.write_attributes(w);
                w.close_empty();
            }
        }
    };

    // ----- reading, JSON and lint, per content kind -----
    // Every kind reads its attributes the same way; `$body` reads the content into `$e`.
    (@from_tree $name:ident |$ctx:ident, $el:ident, $path:ident, $e:ident, $P:ident| $body:block) => {
        impl<'o> $name<'o> {
            #[doc(hidden)]
            pub fn __from_tree<'e, $P: $crate::xml::tree::Strings<'e, 'o>>(
                $ctx: &$crate::xml::tree::Ctx<'_>,
                $el: &$crate::xml::Element<'e>,
                $path: &$crate::xml::tree::Path<'_, '_>,
            ) -> Result<Self, $crate::xml::ParseError> {
                let mut $e = Self::default();
                $ctx.attributes($el, $path, |n, v| $e.__set_attribute_tree::<$P>(n, v))?;
                $body
                Ok($e)
            }
        }
    };

    (@content_impl $name:ident $xml:literal empty) => {
        define_element!(@from_tree $name |ctx, el, path, e, P| {
            ctx.no_content(el, path)?;
        });
        impl<'o> $name<'o> {
            #[doc(hidden)]
            pub fn __from_json_body(
                body: &serde_json::Map<String, serde_json::Value>,
                path: &str,
                _vocabulary: $crate::xml::tree::Vocabulary,
            ) -> Result<Self, $crate::xml::JsonError> {
                for key in ["text", "children"] {
                    let empty = |v: &serde_json::Value| v.as_str() == Some("") || v.as_array().is_some_and(|a| a.is_empty());
                    if body.get(key).is_some_and(|v| !empty(v)) {
                        return Err($crate::xml::JsonError::new(format!("{path}.{key}"), concat!("<", $xml, "> holds no content")));
                    }
                }
                let mut e = Self::default();
                e.__json_set_attributes(body, path)?;
                Ok(e)
            }
        }
        impl $name<'_> {
            #[doc(hidden)]
            pub fn __json_body(&self) -> serde_json::Map<String, serde_json::Value> {
                let mut body = serde_json::Map::new();
                self.__json_attributes(&mut body);
                body
            }
            #[doc(hidden)]
            pub fn __lint(&self, path: &str, out: &mut $crate::xml::lint::Findings) {
                self.__lint_attributes(path, out);
            }
        }
        define_element!(@json_api $name $xml);
    };
    (@content_impl $name:ident $xml:literal text) => {
        define_element!(@from_tree $name |ctx, el, path, e, P| {
            e.text = ctx.text_only::<P>(el, path)?;
        });
        impl<'o> $name<'o> {
            #[doc(hidden)]
            pub fn __from_json_body(
                body: &serde_json::Map<String, serde_json::Value>,
                path: &str,
                _vocabulary: $crate::xml::tree::Vocabulary,
            ) -> Result<Self, $crate::xml::JsonError> {
                let mut e = Self::default();
                e.__json_set_attributes(body, path)?;
                let mut text = String::new();
                for (item_path, item) in $crate::xml::json::content(body, path)? {
                    let t = item.as_str().ok_or_else(|| {
                        $crate::xml::JsonError::new(item_path, concat!("<", $xml, "> holds only text"))
                    })?;
                    text.push_str(t);
                }
                e.text = text.into();
                Ok(e)
            }
        }
        impl $name<'_> {
            #[doc(hidden)]
            pub fn __json_body(&self) -> serde_json::Map<String, serde_json::Value> {
                let mut body = serde_json::Map::new();
                self.__json_attributes(&mut body);
                if !self.text.is_empty() {
                    body.insert("text".into(), serde_json::Value::String(self.text.to_string()));
                }
                body
            }
            #[doc(hidden)]
            pub fn __lint(&self, path: &str, out: &mut $crate::xml::lint::Findings) {
                self.__lint_attributes(path, out);
                out.forbidden_chars(path, "text", &self.text);
            }
        }
        define_element!(@json_api $name $xml);
    };
    (@content_impl $name:ident $xml:literal $enum:ident $kind:ident) => {
        define_element!(@from_tree $name |ctx, el, path, e, P| {
            e.children.reserve_exact(el.children.len());
            for (i, node) in el.children.iter().enumerate() {
                match node {
                    $crate::xml::Node::Text(t) => define_element!(@tree_text $kind e ctx el path t $enum),
                    $crate::xml::Node::Element(child) => {
                        let child_path = path.child(&child.name, &el.children, i);
                        e.children.push($enum::__from_tree::<P>(ctx, el, child, &child_path)?);
                    }
                }
            }
        });
        impl<'o> $name<'o> {
            #[doc(hidden)]
            pub fn __from_json_body(
                body: &serde_json::Map<String, serde_json::Value>,
                path: &str,
                vocabulary: $crate::xml::tree::Vocabulary,
            ) -> Result<Self, $crate::xml::JsonError> {
                let mut e = Self::default();
                e.__json_set_attributes(body, path)?;
                for (item_path, item) in $crate::xml::json::content(body, path)? {
                    e.children.push($enum::__from_json(item, &item_path, $xml, vocabulary)?);
                }
                Ok(e)
            }
        }
        impl $name<'_> {
            #[doc(hidden)]
            pub fn __json_body(&self) -> serde_json::Map<String, serde_json::Value> {
                let mut body = serde_json::Map::new();
                self.__json_attributes(&mut body);
                let mut items = Vec::with_capacity(self.children.len());
                for c in &self.children {
                    c.__to_json_into(&mut items);
                }
                $crate::xml::json::put_content(&mut body, items);
                body
            }
            #[doc(hidden)]
            pub fn __lint(&self, path: &str, out: &mut $crate::xml::lint::Findings) {
                self.__lint_attributes(path, out);
                let names: Vec<&str> = self.children.iter().map(|c| c.__name()).collect();
                for (i, c) in self.children.iter().enumerate() {
                    c.__lint(path, &$crate::xml::lint::child_path(path, &names, i), out);
                }
            }
        }
        define_element!(@json_api $name $xml);
    };

    (@tree_text children $e:ident $ctx:ident $el:ident $path:ident $t:ident $enum:ident) => {
        if !$crate::xml::tree::is_whitespace($t) {
            return Err($ctx.text_not_allowed($el, $path));
        }
    };
    // Between nouns (Dial, Client, Sip), whitespace-only text is layout; in speech it is spoken.
    (@tree_text mixed $e:ident $ctx:ident $el:ident $path:ident $t:ident $enum:ident) => {
        if !$crate::xml::tree::is_whitespace($t) {
            $e.children.push($enum::Text(P::keep($t)))
        }
    };
    (@tree_text speech $e:ident $ctx:ident $el:ident $path:ident $t:ident $enum:ident) => {
        $e.children.push($enum::Text(P::keep($t)))
    };

    (@json_api $name:ident $xml:literal) => {
        impl $name<'_> {
            /// The JSON form: `{"Name": {attributes..., "text" | "children"}}`; for a document
            /// root, `{"Response": [verbs...]}` (the object form when the root has attributes).
            pub fn to_json(&self) -> serde_json::Value {
                let body = self.__json_body();
                let root = $xml == "Response" || $xml == "Bxml";
                if root && body.keys().all(|k| k == "children") {
                    let verbs = body.get("children").cloned().unwrap_or(serde_json::Value::Array(Vec::new()));
                    let mut outer = serde_json::Map::with_capacity(1);
                    outer.insert($xml.to_owned(), verbs);
                    return serde_json::Value::Object(outer);
                }
                $crate::xml::json::element($xml, body)
            }
            #[doc(hidden)]
            pub fn __to_json_into(&self, out: &mut Vec<serde_json::Value>) {
                out.push(self.to_json());
            }
        }
        impl $name<'static> {
            #[doc(hidden)]
            pub fn __from_json_document(
                value: &serde_json::Value,
                vocabulary: $crate::xml::tree::Vocabulary,
            ) -> Result<Self, $crate::xml::JsonError> {
                match value.as_object().and_then(|o| o.get($xml).filter(|_| o.len() == 1)) {
                    Some(serde_json::Value::Array(verbs)) => {
                        let mut body = serde_json::Map::new();
                        body.insert("children".into(), serde_json::Value::Array(verbs.clone()));
                        Self::__from_json_body(&body, $xml, vocabulary)
                    }
                    Some(serde_json::Value::Object(body)) => Self::__from_json_body(body, $xml, vocabulary),
                    _ => Err($crate::xml::JsonError::new("", concat!("expected {\"", $xml, "\": [...]}"))),
                }
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
        pub struct $name:ident<$lt:lifetime> = $xml:literal in $path:literal { $($attrs:tt)* }
        content: text;
    ) => {
        define_element!(@struct $(#[$meta])* $name<$lt> { $($attrs)* } {
            /// The text content (escaped when written); empty means none.
            pub text: std::borrow::Cow<$lt, str>,
        });
        define_element!(@common $name<$lt> $xml $path { $($attrs)* });
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
        define_element!(@content_impl $name $xml text);
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
        pub struct $name:ident<$lt:lifetime> = $xml:literal in $path:literal { $($attrs:tt)* }
        content: children new($($first:ident)?) $enum:ident / $trait:ident {
            message = $msg:literal, note = $note:literal;
            $( $child:ident $(=> $short:ident)? ),* $(,)?
        }
    ) => {
        define_element!(@struct $(#[$meta])* $name<$lt> { $($attrs)* } {
            /// The children in document order.
            pub children: Vec<$enum<$lt>>,
        });
        define_element!(@common $name<$lt> $xml $path { $($attrs)* });
        define_element!(@children $name<$lt> $xml $enum $trait [$msg $note] [] { $($child $(=> $short)?),* });
        define_element!(@children_ctor $name<$lt> $trait $($first)?);
        define_element!(@content_impl $name $xml $enum children);
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
        pub struct $name:ident<$lt:lifetime> = $xml:literal in $path:literal { $($attrs:tt)* }
        content: $kind:ident new($($ctor:ident)?) $enum:ident / $trait:ident {
            message = $msg:literal, note = $note:literal;
            $( $child:ident $(=> $short:ident)? ),* $(,)?
        }
    ) => {
        define_element!(@struct $(#[$meta])* $name<$lt> { $($attrs)* } {
            /// The content in document order: text runs and child elements.
            pub children: Vec<$enum<$lt>>,
        });
        define_element!(@common $name<$lt> $xml $path { $($attrs)* });
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
        define_element!(@content_impl $name $xml $enum $kind);
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

            /// The element name of this child (`#text` for text).
            pub fn name(&self) -> &str {
                self.__name()
            }

            #[doc(hidden)]
            pub fn __name(&self) -> &str {
                match self {
                    $( $enum::$child(_) => $child::NAME, )*
                    $( $enum::$text(_) => "#text", )?
                    $enum::Custom(c) => &c.name,
                }
            }

            #[doc(hidden)]
            pub fn __to_json_into(&self, out: &mut Vec<serde_json::Value>) {
                match self {
                    $( $enum::$child(e) => e.__to_json_into(out), )*
                    $( $enum::$text(t) => out.push(serde_json::Value::String(t.to_string())), )?
                    $enum::Custom(c) => out.push(c.to_json()),
                }
            }

            #[doc(hidden)]
            pub fn __lint(&self, parent_path: &str, path: &str, out: &mut $crate::xml::lint::Findings) {
                match self {
                    $( $enum::$child(e) => e.__lint(path, out), )*
                    $( $enum::$text(t) => out.forbidden_chars(parent_path, "text", t), )?
                    $enum::Custom(c) => out.custom(path, c),
                }
                let _ = parent_path;
            }
        }

        impl<'o> $enum<'o> {
            #[doc(hidden)]
            pub fn __from_tree<'e, P: $crate::xml::tree::Strings<'e, 'o>>(
                ctx: &$crate::xml::tree::Ctx<'_>,
                parent: &$crate::xml::Element<'e>,
                el: &$crate::xml::Element<'e>,
                path: &$crate::xml::tree::Path<'_, '_>,
            ) -> Result<Self, $crate::xml::ParseError> {
                let name: &str = &el.name;
                $(
                    if name == $child::NAME {
                        return Ok($enum::$child($child::__from_tree::<P>(ctx, el, path)?));
                    }
                )*
                if ctx.vocabulary.knows(name) {
                    return Err(ctx.not_allowed(parent, el, path));
                }
                Ok($enum::Custom($crate::xml::tree::custom_from_tree::<P>(el)))
            }
        }

        impl $enum<'static> {

            #[doc(hidden)]
            pub fn __from_json(
                value: &serde_json::Value,
                path: &str,
                parent: &str,
                vocabulary: $crate::xml::tree::Vocabulary,
            ) -> Result<Self, $crate::xml::JsonError> {
                if let Some(t) = value.as_str() {
                    $( return Ok($enum::$text(std::borrow::Cow::Owned(t.to_owned()))); )?
                    #[allow(unreachable_code)]
                    {
                        let _ = t;
                        return Err($crate::xml::JsonError::new(path, format!("text is not allowed inside <{parent}>")));
                    }
                }
                let (name, body) = $crate::xml::json::split_element(value, path)?;
                let child_path = format!("{path}.{name}");
                $(
                    if name == $child::NAME {
                        return Ok($enum::$child($child::__from_json_body(body, &child_path, vocabulary)?));
                    }
                )*
                if vocabulary.knows(name) {
                    return Err($crate::xml::JsonError::new(path, format!("<{name}> is not allowed inside <{parent}>")));
                }
                Ok($enum::Custom($crate::xml::Custom::from_json_body(name, body, &child_path)?))
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

        impl<$lt> $name<$lt> {
            #[doc = concat!("Appends a child; only what `<", $xml, ">` accepts compiles.")]
            #[inline(always)]
            pub fn child(mut self, child: impl $trait<$lt>) -> Self {
                $crate::xml::define::push_child(&mut self.children, child.into_child());
                self
            }
            /// Appends a child in place (for loops).
            pub fn push(&mut self, child: impl $trait<$lt>) -> &mut Self {
                $crate::xml::define::push_child(&mut self.children, child.into_child());
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
                #[inline(always)]
                pub fn $short(self, child: impl Into<$child<$lt>>) -> Self {
                    let child: $child<$lt> = child.into();
                    self.child(child)
                }
            )?)*
        }
    };
}
pub(crate) use define_element;

/// Slots a child list gets with its first child element. Documents typically hold a handful of
/// verbs, and a child enum is as large as its largest element (a TwiML `ResponseChild` is 488
/// bytes), so starting at 8 instead of `Vec`'s 4 saves the regrowth that copies them all: one
/// allocation fewer for the benchmark's M, and build+render 1-3% faster (near the noise of the
/// machine). Text runs (usually one per element) keep `Vec`'s own growth.
const FIRST_CHILD_SLOTS: usize = 8;

/// Appends `child`, giving an empty list [`FIRST_CHILD_SLOTS`] slots first.
#[inline(always)]
pub(crate) fn push_child<T>(children: &mut Vec<T>, child: T) {
    if children.capacity() == 0 {
        children.reserve_exact(FIRST_CHILD_SLOTS);
    }
    children.push(child);
}

/// The reading API of a dialect: `from_xml`, `FromStr` and `from_json` for its elements (roots
/// in the document JSON form), with the dialect's vocabulary.
macro_rules! dialect_api {
    (@read $vocab:expr; $($ty:ident),*) => {
        $(
            impl<'o> $ty<'o> {
                /// Reads a document rooted at this element, its strings kept as `P` says
                /// (`from_xml` copies them, `from_xml_borrowed` borrows them).
                #[doc(hidden)]
                pub fn __read<'i, P: $crate::xml::tree::Strings<'i, 'o>>(
                    input: &'i str,
                ) -> Result<Self, $crate::xml::ParseError> {
                    $crate::xml::tree::Ctx::parse_root(input, $vocab, Self::NAME, |ctx, el, path| {
                        Self::__from_tree::<P>(ctx, el, path)
                    })
                }
            }
        )*
    };
    (path = $path:literal; vocabulary = $vocab:expr; roots = [$($root:ident),*]; elements = [$($ty:ident),*]) => {
        dialect_api!(@read $vocab; $($root,)* $($ty),*);
        $(
            impl<'a> $ty<'a> {
                /// Like `from_xml`, but the element borrows its strings from `input` instead of
                /// copying them (only text the reader had to change is owned: references resolved,
                /// attribute whitespace normalised).
                ///
                /// ```
                #[doc = concat!("use ", $path, "::", stringify!($ty), ";")]
                #[doc = concat!("let xml = ", stringify!($ty), "::default().to_string();")]
                #[doc = concat!("assert_eq!(", stringify!($ty), "::from_xml_borrowed(&xml).unwrap(), ", stringify!($ty), "::default());")]
                /// ```
                pub fn from_xml_borrowed(input: &'a str) -> Result<Self, $crate::xml::ParseError> {
                    Self::__read::<$crate::xml::tree::Borrowed>(input)
                }
            }
            impl $ty<'static> {
                /// Reads a document whose root is this element. Errors carry line, column and path.
                ///
                /// ```
                #[doc = concat!("use ", $path, "::", stringify!($ty), ";")]
                #[doc = concat!("let xml = ", stringify!($ty), "::default().to_string();")]
                #[doc = concat!("assert_eq!(", stringify!($ty), "::from_xml(&xml).unwrap(), ", stringify!($ty), "::default());")]
                /// ```
                pub fn from_xml(input: &str) -> Result<Self, $crate::xml::ParseError> {
                    Self::__read::<$crate::xml::tree::Copied>(input)
                }
                /// Reads the JSON form (`{"Name": {...}}`). Errors carry the JSON path.
                pub fn from_json(value: &serde_json::Value) -> Result<Self, $crate::xml::JsonError> {
                    let (name, body) = $crate::xml::json::split_element(value, "")?;
                    if name != Self::NAME {
                        return Err($crate::xml::JsonError::new(name, format!("expected <{}>", Self::NAME)));
                    }
                    Self::__from_json_body(body, name, $vocab)
                }
            }
            impl std::str::FromStr for $ty<'static> {
                type Err = $crate::xml::ParseError;
                fn from_str(input: &str) -> Result<Self, Self::Err> {
                    Self::from_xml(input)
                }
            }
        )*
        $(
            impl<'a> $root<'a> {
                /// Reads a document whose strings borrow `input` instead of being copied (only text
                /// the reader had to change is owned: references resolved, attribute whitespace
                /// normalised), for documents that do not outlive their input (linting, golden-file
                /// comparisons). `from_xml` returns a `'static` document.
                ///
                /// ```
                #[doc = concat!("use ", $path, "::", stringify!($root), ";")]
                /// let xml = "<Response><Hangup/></Response>";
                #[doc = concat!("let doc = ", stringify!($root), "::from_xml_borrowed(xml).unwrap();")]
                #[doc = concat!("assert_eq!(doc, ", stringify!($root), "::from_xml(xml).unwrap());")]
                /// ```
                pub fn from_xml_borrowed(input: &'a str) -> Result<Self, $crate::xml::ParseError> {
                    Self::__read::<$crate::xml::tree::Borrowed>(input)
                }
            }
            impl $root<'static> {
                /// Reads a document. Errors carry line, column and the element path.
                ///
                /// ```
                #[doc = concat!("use ", $path, "::", stringify!($root), ";")]
                /// let doc = Response::from_xml("<Response><Hangup/></Response>").unwrap();
                /// assert_eq!(doc.children.len(), 1);
                /// ```
                pub fn from_xml(input: &str) -> Result<Self, $crate::xml::ParseError> {
                    Self::__read::<$crate::xml::tree::Copied>(input)
                }
                /// Reads the JSON form `{"Response": [...]}`. Errors carry the JSON path
                /// (`Response[1].Gather.numDigits`).
                pub fn from_json(value: &serde_json::Value) -> Result<Self, $crate::xml::JsonError> {
                    Self::__from_json_document(value, $vocab)
                }
            }
            impl std::str::FromStr for $root<'static> {
                type Err = $crate::xml::ParseError;
                fn from_str(input: &str) -> Result<Self, Self::Err> {
                    Self::from_xml(input)
                }
            }
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
}
pub(crate) use dialect_api;
