//! The JSON form of documents (`docs/json-form.md`): the generic conversion of every element, and
//! the path-carrying error.

use std::borrow::Cow;

use serde_json::{Map, Value};

use super::element::{AttributeInput, Children, Element, Known, Node, NodeFn, PushNode, VisitAttribute};
use super::value::ReadValue;
use super::{Attribute, AttributeValue, Custom, CustomNode, ValueError, Vocabulary};

/// An invalid JSON form: what, and where (`Response[1].Gather.numDigits`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{path}: {message}")]
pub struct JsonError {
    /// The JSON path.
    pub path: String,
    /// What is wrong.
    pub message: String,
}

impl JsonError {
    /// An error at `path`.
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        JsonError { path: path.into(), message: message.into() }
    }
}

/// `{"Name": body}`.
pub(crate) fn element(name: &str, body: Map<String, Value>) -> Value {
    let mut outer = Map::with_capacity(1);
    outer.insert(name.to_owned(), Value::Object(body));
    Value::Object(outer)
}

/// Splits `{"Name": {...}}` into its name and body.
pub(crate) fn split_element<'v>(value: &'v Value, path: &str) -> Result<(&'v str, &'v Map<String, Value>), JsonError> {
    let object =
        value.as_object().ok_or_else(|| JsonError::new(path, "expected an element object {\"Name\": {...}}"))?;
    let mut entries = object.iter();
    match (entries.next(), entries.next()) {
        (Some((name, Value::Object(body))), None) => Ok((name, body)),
        (Some((name, _)), None) => Err(JsonError::new(format!("{path}.{name}"), "expected an object")),
        _ => Err(JsonError::new(path, "an element object must have exactly one key, the element name")),
    }
}

/// Adds `"text"` (a single text run) or `"children"` to an element body.
pub(crate) fn put_content(body: &mut Map<String, Value>, mut items: Vec<Value>) {
    match items.len() {
        0 => {}
        1 if items[0].is_string() => {
            body.insert("text".into(), items.remove(0));
        }
        _ => {
            body.insert("children".into(), Value::Array(items));
        }
    }
}

/// The content items of an element body: `"text"` as one string item, or the `"children"` array.
pub(crate) fn content<'v>(body: &'v Map<String, Value>, path: &str) -> Result<Vec<(String, &'v Value)>, JsonError> {
    let mut items = Vec::new();
    if let Some(text) = body.get("text") {
        items.push((format!("{path}.text"), text));
    }
    match body.get("children") {
        None => {}
        Some(Value::Array(children)) => {
            items.extend(children.iter().enumerate().map(|(i, c)| (format!("{path}[{i}]"), c)));
        }
        Some(_) => return Err(JsonError::new(format!("{path}.children"), "expected an array")),
    }
    Ok(items)
}

/// An attribute value that is not a known attribute: a string.
pub(crate) fn extra_value(value: &Value, path: &str) -> Result<String, JsonError> {
    match value {
        Value::String(s) => Ok(s.clone()),
        Value::Number(n) => Ok(n.to_string()),
        Value::Bool(b) => Ok(b.to_string()),
        _ => Err(JsonError::new(path, "expected a string")),
    }
}

impl Custom<'_> {
    /// The JSON form: `{"Name": {attributes..., "text" | "children"}}`.
    ///
    /// ```
    /// let c = callml::xml::Custom::new("Assistant").attr("url", "/q").text("support");
    /// assert_eq!(c.to_json().to_string(), r#"{"Assistant":{"url":"/q","text":"support"}}"#);
    /// ```
    pub fn to_json(&self) -> Value {
        let mut body = Map::new();
        for a in &self.attributes {
            body.insert(a.name.to_string(), Value::String(a.value.to_string()));
        }
        let items = self
            .children
            .iter()
            .map(|c| match c {
                CustomNode::Text(t) => Value::String(t.to_string()),
                CustomNode::Element(e) => e.to_json(),
            })
            .collect();
        put_content(&mut body, items);
        element(&self.name, body)
    }

    /// Reads the JSON form.
    pub fn from_json(value: &Value) -> Result<Custom<'static>, JsonError> {
        let (name, body) = split_element(value, "")?;
        Custom::from_json_body(name, body, name)
    }

    pub(crate) fn from_json_body(
        name: &str,
        body: &Map<String, Value>,
        path: &str,
    ) -> Result<Custom<'static>, JsonError> {
        let mut custom = Custom::new(name.to_owned());
        for (key, value) in body {
            if key == "text" || key == "children" {
                continue;
            }
            custom.attributes.push(Attribute::new(key.clone(), extra_value(value, &format!("{path}.{key}"))?));
        }
        for (item_path, item) in content(body, path)? {
            custom.children.push(match item {
                Value::String(s) => CustomNode::Text(s.clone().into()),
                other => {
                    let (child, child_body) = split_element(other, &item_path)?;
                    CustomNode::Element(Custom::from_json_body(child, child_body, &format!("{item_path}.{child}"))?)
                }
            });
        }
        Ok(custom)
    }
}

/// The JSON form of any element of a dialect's table.
pub(crate) fn to_json<'a, E: Element<'a>>(element: &E) -> Value {
    struct Attributes<'m>(&'m mut Map<String, Value>);
    impl VisitAttribute for Attributes<'_> {
        fn visit<V: AttributeValue>(&mut self, known: &'static Known, value: Option<&V>) {
            if let Some(value) = value {
                self.0.insert(known.name.to_owned(), value.to_json());
            }
        }
    }
    let mut body = Map::new();
    element.visit_attributes(&mut Attributes(&mut body));
    for a in element.extra_attributes() {
        body.entry(a.name.to_string()).or_insert_with(|| Value::String(a.value.to_string()));
    }
    element.content().write_json(&mut body);
    if E::ROOT && body.keys().all(|k| k == "children") {
        let verbs = body.remove("children").unwrap_or(Value::Array(Vec::new()));
        let mut outer = Map::with_capacity(1);
        outer.insert(E::NAME.to_owned(), verbs);
        return Value::Object(outer);
    }
    self::element(E::NAME, body)
}

/// Reads the JSON form of an element whose type is known: `{"Name": {...}}`, and for a document
/// root also `{"Response": [...]}`.
pub(crate) fn from_json<'a, E: Element<'a>>(value: &Value, vocabulary: Vocabulary) -> Result<E, JsonError> {
    if E::ROOT {
        return match value.as_object().and_then(|o| o.get(E::NAME).filter(|_| o.len() == 1)) {
            Some(Value::Array(verbs)) => {
                let mut body = Map::new();
                body.insert("children".into(), Value::Array(verbs.clone()));
                element_from_body(&body, E::NAME, vocabulary)
            }
            Some(Value::Object(body)) => element_from_body(body, E::NAME, vocabulary),
            _ => Err(JsonError::new("", format!("expected {{\"{}\": [...]}}", E::NAME))),
        };
    }
    let (name, body) = split_element(value, "")?;
    if name != E::NAME {
        return Err(JsonError::new(name, format!("expected <{}>", E::NAME)));
    }
    element_from_body(body, name, vocabulary)
}

/// An attribute of a JSON element body.
struct JsonAttribute<'v> {
    name: &'v str,
    value: &'v Value,
}

impl<'a> AttributeInput<'a> for JsonAttribute<'_> {
    fn name(&self) -> &str {
        self.name
    }
    fn typed<T: ReadValue<'a>>(&self) -> Result<T, ValueError> {
        T::from_json(self.value)
    }
    fn untyped(&self) -> Result<Attribute<'a>, ValueError> {
        let value = match self.value {
            Value::String(s) => s.clone(),
            Value::Number(n) => n.to_string(),
            Value::Bool(b) => b.to_string(),
            other => return Err(ValueError { expected: "a string", found: other.to_string() }),
        };
        Ok(Attribute::new(self.name.to_owned(), value))
    }
}

/// Reads an element from its JSON body (attributes, `text`, `children`); `path` is the body's.
pub(crate) fn element_from_body<'a, E: Element<'a>>(
    body: &Map<String, Value>,
    path: &str,
    vocabulary: Vocabulary,
) -> Result<E, JsonError> {
    let mut element = E::default();
    for (name, value) in body {
        if name == "text" || name == "children" {
            continue;
        }
        element.read_attribute(&JsonAttribute { name, value }).map_err(|e| {
            // An unknown attribute takes any scalar; say only what it needs.
            let known = E::KNOWN.iter().any(|k| k.name == name);
            let message = if known { e.to_string() } else { "expected a string".to_owned() };
            JsonError::new(format!("{path}.{name}"), message)
        })?;
    }
    element.set_content(E::Content::read_json(body, path, vocabulary, E::NAME)?);
    Ok(element)
}

/// How each kind of content goes to and comes from the JSON form.
pub(crate) trait JsonContent<'a>: Sized {
    /// Adds `"text"` or `"children"` to the body.
    fn write_json(&self, body: &mut Map<String, Value>);
    /// Reads the content of the body of element `parent`.
    fn read_json(
        body: &Map<String, Value>,
        path: &str,
        vocabulary: Vocabulary,
        parent: &'static str,
    ) -> Result<Self, JsonError>;
}

impl JsonContent<'_> for () {
    fn write_json(&self, _: &mut Map<String, Value>) {}
    fn read_json(body: &Map<String, Value>, path: &str, _: Vocabulary, parent: &'static str) -> Result<(), JsonError> {
        let empty = |v: &Value| v.as_str() == Some("") || v.as_array().is_some_and(|a| a.is_empty());
        for key in ["text", "children"] {
            if body.get(key).is_some_and(|v| !empty(v)) {
                return Err(JsonError::new(format!("{path}.{key}"), format!("<{parent}> holds no content")));
            }
        }
        Ok(())
    }
}

impl<'a> JsonContent<'a> for Cow<'a, str> {
    fn write_json(&self, body: &mut Map<String, Value>) {
        if !self.is_empty() {
            body.insert("text".into(), Value::String(self.to_string()));
        }
    }
    fn read_json(
        body: &Map<String, Value>,
        path: &str,
        _: Vocabulary,
        parent: &'static str,
    ) -> Result<Self, JsonError> {
        let mut text = String::new();
        for (item_path, item) in content(body, path)? {
            let t = item.as_str().ok_or_else(|| JsonError::new(item_path, format!("<{parent}> holds only text")))?;
            text.push_str(t);
        }
        Ok(text.into())
    }
}

impl<'a, C: Children<'a>> JsonContent<'a> for Vec<C> {
    fn write_json(&self, body: &mut Map<String, Value>) {
        struct Item<'o>(&'o mut Vec<Value>);
        impl<'s, 'a: 's> NodeFn<'s, 'a> for Item<'_> {
            type Output = ();
            fn node<N: Node<'a>>(self, node: &'s N) {
                node.to_json_into(self.0);
            }
            fn text(self, text: &'s Cow<'a, str>) {
                self.0.push(Value::String(text.to_string()));
            }
            fn custom(self, custom: &'s Custom<'a>) {
                self.0.push(custom.to_json());
            }
        }
        let mut items = Vec::with_capacity(self.len());
        for child in self {
            child.dispatch(Item(&mut items));
        }
        put_content(body, items);
    }
    fn read_json(
        body: &Map<String, Value>,
        path: &str,
        vocabulary: Vocabulary,
        parent: &'static str,
    ) -> Result<Self, JsonError> {
        let mut children = Vec::new();
        for (item_path, item) in content(body, path)? {
            child_from_json(&mut children, item, &item_path, parent, vocabulary)?;
        }
        Ok(children)
    }
}

/// Reads one item of a `children` array into the end of `children`: text, a child the parent
/// takes, or an unknown element.
fn child_from_json<'a, C: Children<'a>>(
    children: &mut Vec<C>,
    value: &Value,
    path: &str,
    parent: &str,
    vocabulary: Vocabulary,
) -> Result<(), JsonError> {
    struct Reader<'v> {
        body: &'v Map<String, Value>,
        path: String,
        vocabulary: Vocabulary,
    }
    impl<'a> PushNode<'a> for Reader<'_> {
        type Error = JsonError;
        fn push<N: Node<'a>, L>(
            self,
            list: &mut Vec<L>,
            wrap: fn(N) -> L,
            _: fn(&mut L) -> Option<&mut N>,
        ) -> Result<(), JsonError> {
            list.push(wrap(N::read_json(self.body, &self.path, self.vocabulary)?));
            Ok(())
        }
    }
    if let Some(t) = value.as_str() {
        let text = C::text(Cow::Owned(t.to_owned()))
            .ok_or_else(|| JsonError::new(path, format!("text is not allowed inside <{parent}>")))?;
        children.push(text);
        return Ok(());
    }
    let (name, body) = split_element(value, path)?;
    let child_path = format!("{path}.{name}");
    if let Some(read) = C::push_named(name, children, Reader { body, path: child_path.clone(), vocabulary }) {
        return read;
    }
    if vocabulary.knows(name) {
        return Err(JsonError::new(path, format!("<{name}> is not allowed inside <{parent}>")));
    }
    children.push(C::custom(Custom::from_json_body(name, body, &child_path)?));
    Ok(())
}
