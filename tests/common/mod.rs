//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::PathBuf;

pub mod trees;

use proptest::prelude::*;

/// Canonical form of an XML document for comparisons: declaration dropped, attributes sorted,
/// `<X></X>` equal to `<X/>`, whitespace-only text between elements dropped.
pub fn canonical(xml: &str) -> String {
    let doc = roxmltree::Document::parse(xml).unwrap_or_else(|e| panic!("not well-formed: {e}\n{xml}"));
    let mut out = String::new();
    write_node(doc.root_element(), &mut out);
    out
}

fn qualified(name: roxmltree::ExpandedName<'_, '_>, doc_prefix: Option<&str>) -> String {
    match doc_prefix {
        Some(p) if !p.is_empty() => format!("{p}:{}", name.name()),
        _ if name.namespace() == Some("http://www.w3.org/XML/1998/namespace") => format!("xml:{}", name.name()),
        _ => name.name().to_string(),
    }
}

fn write_node(node: roxmltree::Node<'_, '_>, out: &mut String) {
    let name = qualified(node.tag_name(), None);
    out.push('<');
    out.push_str(&name);
    let mut attrs: Vec<(String, String)> = node
        .attributes()
        .map(|a| {
            let n = if a.namespace() == Some("http://www.w3.org/XML/1998/namespace") {
                format!("xml:{}", a.name())
            } else {
                a.name().to_string()
            };
            (n, a.value().to_string())
        })
        .collect();
    attrs.sort();
    for (n, v) in attrs {
        out.push_str(&format!(" {n}={v:?}"));
    }
    let children: Vec<_> = node
        .children()
        .filter(|c| c.is_element() || (c.is_text() && !c.text().unwrap_or("").trim().is_empty()))
        .collect();
    if children.is_empty() {
        out.push_str("/>");
        return;
    }
    out.push('>');
    for c in children {
        if c.is_text() {
            out.push_str(&format!("{:?}", c.text().unwrap_or("")));
        } else {
            write_node(c, out);
        }
    }
    out.push_str(&format!("</{name}>"));
}

/// Compares `actual` with the golden file `tests/golden/<name>` byte for byte. With
/// `UPDATE_GOLDEN=1` the file is (re)written instead.
pub fn assert_golden(name: &str, actual: &str) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/golden").join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("missing golden file {} ({e}); run with UPDATE_GOLDEN=1", path.display()));
    assert_eq!(actual, expected, "golden file {} differs", path.display());
}

/// Every golden file under `tests/golden/<dir>`.
pub fn golden_files(dir: &str) -> Vec<(String, String)> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/golden").join(dir);
    let mut out = Vec::new();
    for entry in std::fs::read_dir(&root).unwrap() {
        let p = entry.unwrap().path();
        out.push((p.display().to_string(), std::fs::read_to_string(&p).unwrap()));
    }
    out
}

/// (element, attribute) pairs found in start tags of `xml`, by a plain tag scan (works for
/// undeclared prefixes such as `amazon:effect`).
pub fn element_attribute_pairs(xml: &str) -> Vec<(String, String)> {
    let mut pairs = Vec::new();
    for tag in xml.split('<').skip(1) {
        if tag.starts_with('/') || tag.starts_with('?') || tag.starts_with('!') {
            continue;
        }
        let tag = &tag[..tag.find('>').unwrap_or(tag.len())];
        let name_end = tag.find(|c: char| c.is_whitespace() || c == '/').unwrap_or(tag.len());
        let name = &tag[..name_end];
        pairs.push((name.to_string(), String::new()));
        let mut rest = &tag[name_end..];
        while let Some(eq) = rest.find("=\"") {
            let attr = rest[..eq].trim().to_string();
            let after = &rest[eq + 2..];
            let close = after.find('"').unwrap_or(after.len());
            pairs.push((name.to_string(), attr));
            rest = &after[(close + 1).min(after.len())..];
        }
    }
    pairs
}

/// The reference vectors under `tests/vectors/` (copied from the shared reference set).
pub fn vectors(file: &str) -> Vec<serde_json::Value> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/vectors").join(file);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap()
}

/// Strings rich in what breaks naive writers: markup characters, quotes, whitespace controls,
/// forbidden controls, `]]>`, `--`, noncharacters, and any other Unicode.
pub fn hostile_string() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => any::<char>().prop_map(String::from),
        1 => prop::sample::select(vec![
            "<", ">", "&", "\"", "'", "\t", "\n", "\r", "\r\n", "\u{0}", "\u{1}", "\u{8}", "\u{B}", "\u{C}",
            "\u{1F}", "\u{7F}", "\u{85}", "]]>", "--", "<!--", "<![CDATA[", "\u{FFFE}", "\u{FFFF}", "\u{FFFD}",
            "&amp;", "&#1;", "\"/><Record/><Say x=\"", "</Say><Dial>+1900</Dial><Say>", "é", "😀",
        ])
        .prop_map(String::from),
    ];
    prop::collection::vec(piece, 0..24).prop_map(|v| v.concat())
}

pub fn expected(s: &str) -> String {
    callml::xml::replace_forbidden(s).into_owned()
}

pub fn parse(xml: &str) -> roxmltree::Document<'_> {
    roxmltree::Document::parse(xml).unwrap_or_else(|e| panic!("not well-formed ({e}): {xml:?}"))
}

pub fn text_of(node: roxmltree::Node<'_, '_>) -> String {
    node.children().filter(|c| c.is_text()).map(|c| c.text().unwrap_or("")).collect()
}

/// Asserts that the golden files under `tests/golden/<dir>` hold every element of `elements` and
/// every one of its attributes at least once.
pub fn assert_every_element_and_attribute_covered<'v>(
    dir: &str,
    elements: impl IntoIterator<Item = &'v callml::xml::ElementInfo>,
) {
    let pairs: Vec<(String, String)> =
        golden_files(dir).iter().flat_map(|(_, xml)| element_attribute_pairs(xml)).collect();
    for e in elements {
        let (element, attributes) = (e.name, e.attributes);
        assert!(pairs.iter().any(|(e, _)| e == element), "no golden file has <{element}>");
        for attribute in attributes {
            assert!(
                pairs.iter().any(|(e, a)| e == element && a == attribute),
                "no golden file has <{element} {attribute}=...>"
            );
        }
    }
}

/// A JSON value without its `null` members (the typed events leave absent values out).
pub fn without_nulls(v: &serde_json::Value) -> serde_json::Value {
    use serde_json::Value;
    match v {
        Value::Object(m) => {
            Value::Object(m.iter().filter(|(_, v)| !v.is_null()).map(|(k, v)| (k.clone(), without_nulls(v))).collect())
        }
        Value::Array(a) => Value::Array(a.iter().map(without_nulls).collect()),
        other => other.clone(),
    }
}

/// Runs the `callml` binary with `args`, writing `stdin` to it.
#[cfg(feature = "cli")]
pub fn run_callml(args: &[&str], stdin: &[u8]) -> std::process::Output {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_callml"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut pipe = child.stdin.take().unwrap();
    let input = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = pipe.write_all(&input);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    out
}

/// An element (of either dialect) with every attribute of its table set through its XML name: booleans `true`,
/// numbers `5` (decimals `5.1` where a fraction is accepted), text `<name>-value`.
#[allow(unused_macros)] // used by the golden tests only
macro_rules! filled {
    ($ty:ident $(, $arg:expr)?) => {{
        let mut el = $ty::new($($arg)?);
        for name in $ty::ATTRIBUTE_NAMES {
            let mut probe = el.clone();
            let value = if probe.set_attribute(*name, "x").is_ok() {
                format!("{name}-value")
            } else if probe.set_attribute(*name, "true").is_ok() {
                "true".to_owned()
            } else if probe.set_attribute(*name, "5.1").is_ok() {
                "5.1".to_owned()
            } else {
                "5".to_owned()
            };
            el.set_attribute(*name, value).unwrap();
        }
        el
    }};
}
