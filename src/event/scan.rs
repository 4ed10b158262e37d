//! A single cheap pass over a JSON object's top level: the `eventType` value and which v1/v2
//! marker keys are present, without building anything. The typed parse that follows validates
//! the JSON; when this scan cannot decide (an escaped `eventType`, unusual input), the caller
//! falls back to a full serde pass.

/// What the scan found.
pub(crate) struct TopLevel<'a> {
    pub(crate) event_type: Option<&'a str>,
    pub(crate) v1_fields: bool,
    pub(crate) v2_fields: bool,
}

/// Scans `{ "key": value, ... }`; `None` when the input is not a plain object or `eventType` is
/// not an escape-free string. Without `markers` it stops at `eventType`.
pub(crate) fn top_level(body: &str, markers: bool) -> Option<TopLevel<'_>> {
    let b = body.as_bytes();
    let mut i = skip_ws(b, 0);
    if b.get(i) != Some(&b'{') {
        return None;
    }
    i += 1;
    let mut found = TopLevel { event_type: None, v1_fields: false, v2_fields: false };
    loop {
        i = skip_ws(b, i);
        match b.get(i)? {
            b'}' => return Some(found),
            b',' => {
                i += 1;
                continue;
            }
            b'"' => {}
            _ => return None,
        }
        let (key, after) = string(b, i)?;
        i = skip_ws(b, after);
        if b.get(i) != Some(&b':') {
            return None;
        }
        i = skip_ws(b, i + 1);
        let key = std::str::from_utf8(key).ok()?;
        match key {
            "eventType" => {
                let (value, after) = string(b, i)?;
                if value.contains(&b'\\') {
                    return None;
                }
                found.event_type = Some(std::str::from_utf8(value).ok()?);
                if !markers {
                    return Some(found);
                }
                i = after;
                continue;
            }
            "eventTime" | "callUrl" | "accountId" => found.v2_fields = true,
            "callUri" | "time" => found.v1_fields = true,
            _ => {}
        }
        i = skip_value(b, i)?;
    }
}

fn skip_ws(b: &[u8], mut i: usize) -> usize {
    while matches!(b.get(i), Some(b' ' | b'\t' | b'\n' | b'\r')) {
        i += 1;
    }
    i
}

/// The raw contents of the string starting at `b[i] == '"'`, and the index after it.
fn string(b: &[u8], i: usize) -> Option<(&[u8], usize)> {
    if b.get(i) != Some(&b'"') {
        return None;
    }
    let mut j = i + 1;
    loop {
        match b.get(j)? {
            b'"' => return Some((&b[i + 1..j], j + 1)),
            b'\\' => j += 2,
            _ => j += 1,
        }
    }
}

/// The index after the value starting at `i` (strings, nested containers, scalars).
fn skip_value(b: &[u8], mut i: usize) -> Option<usize> {
    let mut depth = 0usize;
    loop {
        match b.get(i)? {
            b'"' => i = string(b, i)?.1,
            b'{' | b'[' => {
                depth += 1;
                i += 1;
            }
            b'}' | b']' if depth == 0 => return Some(i),
            b'}' | b']' => {
                depth -= 1;
                i += 1;
            }
            b',' if depth == 0 => return Some(i),
            _ => i += 1,
        }
        if depth == 0 && matches!(b.get(skip_ws(b, i)), Some(b',' | b'}')) {
            return Some(skip_ws(b, i));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_top_level_event_type_only() {
        let body = r#"{"diversion":{"eventType":"x"},"a":[1,{"b":"}"}],"eventType":"initiate","time":"t"}"#;
        assert_eq!(top_level(body, false).unwrap().event_type, Some("initiate"));
        let t = top_level(body, true).unwrap();
        assert_eq!(t.event_type, Some("initiate"));
        assert!(t.v1_fields && !t.v2_fields);
        assert!(top_level(r#"{"eventType":"in\u0069tiate"}"#, true).is_none());
        assert!(top_level("[1]", true).is_none());
        assert_eq!(top_level(r#"{"a":1}"#, true).unwrap().event_type, None);
    }
}
