//! The JSON form of documents (`spec/json-form.md`): shared helpers and the path-carrying error.

use serde_json::{Map, Value};

use super::{Attribute, Custom, CustomNode};

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
#[doc(hidden)]
pub fn element(name: &str, body: Map<String, Value>) -> Value {
    let mut outer = Map::with_capacity(1);
    outer.insert(name.to_owned(), Value::Object(body));
    Value::Object(outer)
}

/// Splits `{"Name": {...}}` into its name and body.
#[doc(hidden)]
pub fn split_element<'v>(value: &'v Value, path: &str) -> Result<(&'v str, &'v Map<String, Value>), JsonError> {
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
#[doc(hidden)]
pub fn put_content(body: &mut Map<String, Value>, mut items: Vec<Value>) {
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
#[doc(hidden)]
pub fn content<'v>(body: &'v Map<String, Value>, path: &str) -> Result<Vec<(String, &'v Value)>, JsonError> {
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
#[doc(hidden)]
pub fn extra_value(value: &Value, path: &str) -> Result<String, JsonError> {
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
    /// let c = callml::xml::Custom::new("Queue").attr("url", "/q").text("support");
    /// assert_eq!(c.to_json().to_string(), r#"{"Queue":{"url":"/q","text":"support"}}"#);
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

    #[doc(hidden)]
    pub fn from_json_body(name: &str, body: &Map<String, Value>, path: &str) -> Result<Custom<'static>, JsonError> {
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
