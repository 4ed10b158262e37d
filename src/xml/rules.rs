//! Small checks the dialects' `validate()` rules share, for what the tables cannot say (text
//! content). Attribute ranges, lengths and required attributes are facts in the tables.

use super::lint::Findings;

/// Reports a string longer than `max` characters as an error.
pub(crate) fn max_len(out: &mut Findings, path: &str, what: &str, value: Option<&str>, max: usize) {
    if let Some(v) = value {
        let n = v.chars().count();
        if n > max {
            out.error(path, format!("{what} has {n} characters; at most {max} are allowed"));
        }
    }
}

/// Reports a string with characters outside `allowed` as an error.
pub(crate) fn charset(
    out: &mut Findings,
    path: &str,
    what: &str,
    value: Option<&str>,
    allowed: impl Fn(char) -> bool,
    expected: &str,
) {
    if let Some(v) = value {
        if let Some(c) = v.chars().find(|&c| !allowed(c)) {
            out.error(path, format!("{what} contains `{c}`; expected {expected}"));
        }
    }
}
