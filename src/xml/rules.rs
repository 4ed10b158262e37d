//! Small checks the dialects' `validate()` rules share.

use super::lint::{Findings, child_path};

/// Paths of a parent's children, by name (`Response/Gather[2]`).
#[doc(hidden)]
pub fn child_paths<'n>(parent: &str, names: impl Iterator<Item = &'n str>) -> Vec<String> {
    let names: Vec<&str> = names.collect();
    (0..names.len()).map(|i| child_path(parent, &names, i)).collect()
}

/// Reports a number outside `[min, max]` as an error.
#[doc(hidden)]
pub fn range<T: PartialOrd + std::fmt::Display + Copy>(
    out: &mut Findings,
    path: &str,
    attribute: &str,
    value: Option<T>,
    min: T,
    max: T,
) {
    if let Some(v) = value {
        if v < min || v > max {
            out.error(path, format!("`{attribute}` is {v}; the documented range is {min} to {max}"));
        }
    }
}

/// Reports a string longer than `max` characters as an error.
#[doc(hidden)]
pub fn max_len(out: &mut Findings, path: &str, what: &str, value: Option<&str>, max: usize) {
    if let Some(v) = value {
        let n = v.chars().count();
        if n > max {
            out.error(path, format!("{what} has {n} characters; at most {max} are allowed"));
        }
    }
}

/// Reports a string with characters outside `allowed` as an error.
#[doc(hidden)]
pub fn charset(
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

/// Reports a number below `min` as an error.
#[doc(hidden)]
pub fn at_least<T: PartialOrd + std::fmt::Display + Copy>(
    out: &mut Findings,
    path: &str,
    attribute: &str,
    value: Option<T>,
    min: T,
) {
    if let Some(v) = value {
        if v < min {
            out.error(path, format!("`{attribute}` is {v}; it must be at least {min}"));
        }
    }
}
