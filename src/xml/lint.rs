//! `validate()`'s generic checks of every element (undocumented values, forbidden characters,
//! the table's documented ranges, lengths and required attributes, unknown and repeated extras,
//! custom elements) and its findings: what, how bad, and where.

use std::borrow::Cow;

use super::element::{Children, Element, Known, Node, NodeFn, VisitAttribute};
use super::{AttributeValue, Custom};

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Severity {
    /// The provider would reject the document or behave unexpectedly.
    Error,
    /// Legal, but probably not what was meant, or not checked by this crate.
    Warning,
}

impl std::fmt::Display for Severity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        })
    }
}

/// One finding of `validate()`.
///
/// ```
/// use callml::twiml::{Response, Say};
/// let findings = Response::new().hangup().say(Say::new("never heard")).validate();
/// assert_eq!(findings[0].path, "Response/Say");
/// assert!(findings[0].message.contains("after <Hangup>"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Finding {
    /// How serious.
    pub severity: Severity,
    /// The element path, e.g. `Response/Gather[2]/Say`.
    pub path: String,
    /// What is wrong.
    pub message: String,
}

impl std::fmt::Display for Finding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {} ({})", self.severity, self.message, self.path)
    }
}

/// Collects findings while walking a tree.
#[derive(Debug, Default)]
pub(crate) struct Findings {
    /// The findings so far.
    pub(crate) list: Vec<Finding>,
}

impl Findings {
    /// Adds an error.
    pub(crate) fn error(&mut self, path: &str, message: impl Into<String>) {
        self.list.push(Finding { severity: Severity::Error, path: path.to_owned(), message: message.into() });
    }
    /// Adds a warning.
    pub(crate) fn warning(&mut self, path: &str, message: impl Into<String>) {
        self.list.push(Finding { severity: Severity::Warning, path: path.to_owned(), message: message.into() });
    }

    /// Warns about characters XML 1.0 forbids (written as U+FFFD).
    pub(crate) fn forbidden_chars(&mut self, path: &str, what: &str, s: &str) {
        for c in s.chars().filter(|&c| super::is_forbidden_char(c)) {
            self.warning(
                path,
                format!("{what} contains U+{:04X}, which XML 1.0 forbids; it is written as U+FFFD", c as u32),
            );
        }
    }

    /// Generic checks of extra attributes: unknown names, repeats that rendering drops.
    pub(crate) fn extras(&mut self, path: &str, extras: &[super::Attribute<'_>], known_is_set: impl Fn(&str) -> bool) {
        super::custom::for_each_extra(extras, known_is_set, |a, repeated| {
            if repeated {
                self.error(path, format!("attribute `{}` is repeated; the repeat is dropped when rendering", a.name));
            } else {
                self.warning(path, format!("unknown attribute `{}` (written as is, not checked)", a.name));
            }
            if !super::is_valid_name(&a.name) {
                self.error(path, format!("`{}` is not a valid XML name; it is written with `_` instead", a.name));
            }
            self.forbidden_chars(path, &format!("attribute `{}`", a.name), &a.value);
        });
    }

    /// Generic checks of a custom element and its content.
    pub(crate) fn custom(&mut self, path: &str, custom: &super::Custom<'_>) {
        self.warning(path, format!("unknown element <{}> (written as is, not checked)", custom.name));
        if !super::is_valid_name(&custom.name) {
            self.error(path, format!("`{}` is not a valid XML name; it is written with `_` instead", custom.name));
        }
        self.extras(path, &custom.attributes, |_| false);
        for child in &custom.children {
            match child {
                super::CustomNode::Text(t) => self.forbidden_chars(path, "text", t),
                super::CustomNode::Element(e) => self.custom(&format!("{path}/{}", e.name), e),
            }
        }
    }
}

/// The path of the child at `index` named `name`, given all sibling names: `Parent/Name` or
/// `Parent/Name[2]` when several siblings share the name.
pub(crate) fn child_path(parent: &str, names: &[&str], index: usize) -> String {
    let name = names[index];
    if names.iter().filter(|n| **n == name).count() > 1 {
        let n = names[..index].iter().filter(|n| **n == name).count() + 1;
        format!("{parent}/{name}[{n}]")
    } else {
        format!("{parent}/{name}")
    }
}

/// The generic checks of an element and everything inside it.
pub(crate) fn element<'a, E: Element<'a>>(element: &E, path: &str, out: &mut Findings) {
    struct Check<'p, 'o> {
        path: &'p str,
        out: &'o mut Findings,
    }
    impl VisitAttribute for Check<'_, '_> {
        fn visit<V: AttributeValue>(&mut self, known: &'static Known, value: Option<&V>) {
            let (name, facts, path) = (known.name, known.facts, self.path);
            let Some(value) = value else {
                if facts.required {
                    self.out.error(path, format!("`{name}` is required"));
                }
                return;
            };
            let text = value.to_value_string();
            if !value.is_documented() {
                self.out.warning(path, format!("`{text}` is not a documented value of `{name}`"));
            }
            self.out.forbidden_chars(path, &format!("attribute `{name}`"), &text);
            if let Some(v) = value.as_number() {
                match (facts.min, facts.max) {
                    (Some(min), Some(max)) if v < min || v > max => {
                        self.out.error(path, format!("`{name}` is {text}; the documented range is {min} to {max}"))
                    }
                    (Some(min), None) if v < min => {
                        self.out.error(path, format!("`{name}` is {text}; it must be at least {min}"))
                    }
                    _ => {}
                }
            }
            if let Some(max) = facts.max_chars {
                let n = text.chars().count();
                if n > max {
                    self.out.error(path, format!("`{name}` has {n} characters; at most {max} are allowed"));
                }
            }
        }
    }
    element.visit_attributes(&mut Check { path, out });
    out.extras(path, element.extra_attributes(), |n| super::element::has_attribute(element, n));
    element.content().lint(path, out);
}

/// Under a provider profile, warns about every set attribute its documentation leaves out.
pub(crate) fn undocumented<'a, E: Element<'a>>(element: &E, profile: &str, path: &str, out: &mut Findings) {
    struct Check<'p, 'o> {
        profile: &'p str,
        path: &'p str,
        out: &'o mut Findings,
    }
    impl VisitAttribute for Check<'_, '_> {
        fn visit<V: AttributeValue>(&mut self, known: &'static Known, value: Option<&V>) {
            if value.is_some() && known.facts.undocumented_by == Some(self.profile) {
                self.out.warning(self.path, format!("{} does not document `{}`", self.profile, known.name));
            }
        }
    }
    element.visit_attributes(&mut Check { profile, path, out });
}

/// How each kind of content is checked.
pub(crate) trait LintContent {
    /// The generic checks of the content of the element at `path`.
    fn lint(&self, path: &str, out: &mut Findings);
}

impl LintContent for () {
    fn lint(&self, _: &str, _: &mut Findings) {}
}

impl LintContent for Cow<'_, str> {
    fn lint(&self, path: &str, out: &mut Findings) {
        out.forbidden_chars(path, "text", self);
    }
}

impl<'a, C: Children<'a>> LintContent for Vec<C> {
    fn lint(&self, path: &str, out: &mut Findings) {
        struct Check<'p, 'o> {
            parent: &'p str,
            path: &'p str,
            out: &'o mut Findings,
        }
        impl<'s, 'a: 's> NodeFn<'s, 'a> for Check<'_, '_> {
            type Output = ();
            fn node<N: Node<'a>>(self, node: &'s N) {
                node.lint(self.path, self.out);
            }
            fn text(self, text: &'s Cow<'a, str>) {
                self.out.forbidden_chars(self.parent, "text", text);
            }
            fn custom(self, custom: &'s Custom<'a>) {
                self.out.custom(self.path, custom);
            }
        }
        let names: Vec<&str> = self.iter().map(super::element::child_name).collect();
        for (i, child) in self.iter().enumerate() {
            let child_path = child_path(path, &names, i);
            child.dispatch(Check { parent: path, path: &child_path, out });
        }
    }
}

/// Paths of a parent's children, by name (`Response/Gather[2]`).
pub(crate) fn child_paths<'n>(parent: &str, names: impl Iterator<Item = &'n str>) -> Vec<String> {
    let names: Vec<&str> = names.collect();
    (0..names.len()).map(|i| child_path(parent, &names, i)).collect()
}
