//! Findings of `validate()`: what, how bad, and where.

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
#[doc(hidden)]
#[derive(Debug, Default)]
pub struct Findings {
    /// The findings so far.
    pub list: Vec<Finding>,
}

impl Findings {
    /// Adds an error.
    pub fn error(&mut self, path: &str, message: impl Into<String>) {
        self.list.push(Finding { severity: Severity::Error, path: path.to_owned(), message: message.into() });
    }
    /// Adds a warning.
    pub fn warning(&mut self, path: &str, message: impl Into<String>) {
        self.list.push(Finding { severity: Severity::Warning, path: path.to_owned(), message: message.into() });
    }

    /// Warns about characters XML 1.0 forbids (written as U+FFFD).
    pub fn forbidden_chars(&mut self, path: &str, what: &str, s: &str) {
        for c in s.chars().filter(|&c| super::is_forbidden_char(c)) {
            self.warning(
                path,
                format!("{what} contains U+{:04X}, which XML 1.0 forbids; it is written as U+FFFD", c as u32),
            );
        }
    }

    /// Generic checks of extra attributes: unknown names, repeats that rendering drops.
    pub fn extras(&mut self, path: &str, extras: &[super::Attribute<'_>], known_is_set: impl Fn(&str) -> bool) {
        for (i, a) in extras.iter().enumerate() {
            if super::custom::is_duplicate_extra(extras, i, &known_is_set) {
                self.error(path, format!("attribute `{}` is repeated; the repeat is dropped when rendering", a.name));
            } else {
                self.warning(path, format!("unknown attribute `{}` (written as is, not checked)", a.name));
            }
            if !super::is_valid_name(&a.name) {
                self.error(path, format!("`{}` is not a valid XML name; it is written with `_` instead", a.name));
            }
            self.forbidden_chars(path, &format!("attribute `{}`", a.name), &a.value);
        }
    }

    /// Generic checks of a custom element and its content.
    pub fn custom(&mut self, path: &str, custom: &super::Custom<'_>) {
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
#[doc(hidden)]
pub fn child_path(parent: &str, names: &[&str], index: usize) -> String {
    let name = names[index];
    if names.iter().filter(|n| **n == name).count() > 1 {
        let n = names[..index].iter().filter(|n| **n == name).count() + 1;
        format!("{parent}/{name}[{n}]")
    } else {
        format!("{parent}/{name}")
    }
}
