//! Telling the two dialects apart, for tools that take either (the CLI, linters).

use crate::xml::{Custom, CustomNode};

/// A call-control dialect.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Dialect {
    /// TwiML-style markup ([`twiml`](mod@crate::twiml)).
    Twiml,
    /// Bandwidth BXML ([`bxml`](mod@crate::bxml)).
    Bxml,
}

impl Dialect {
    /// Guesses the dialect of a parsed document from its element names: a `<Bxml>` root or
    /// BXML-only verbs mean BXML, TwiML-only verbs mean TwiML; when only shared names appear
    /// (`Gather`, `Pause`, `Hangup`, ...), attribute names decide, and TwiML is the default.
    ///
    /// ```
    /// use callml::Dialect;
    /// let root = callml::xml::read_document("<Response><SpeakSentence>Hi</SpeakSentence></Response>", Default::default()).unwrap();
    /// assert_eq!(Dialect::detect(&root), Dialect::Bxml);
    /// let root = callml::xml::read_document(r#"<Response><Pause duration="2"/></Response>"#, Default::default()).unwrap();
    /// assert_eq!(Dialect::detect(&root), Dialect::Bxml);
    /// let root = callml::xml::read_document("<Response><Say>Hi</Say></Response>", Default::default()).unwrap();
    /// assert_eq!(Dialect::detect(&root), Dialect::Twiml);
    /// ```
    pub fn detect(root: &Custom<'_>) -> Dialect {
        if root.name == "Bxml" {
            return Dialect::Bxml;
        }
        let mut score = 0i64;
        let mut stack = vec![root];
        while let Some(e) = stack.pop() {
            score += Self::name_score(&e.name);
            for a in &e.attributes {
                score += Self::attribute_score(&a.name);
            }
            stack.extend(e.children.iter().filter_map(|n| match n {
                CustomNode::Element(c) => Some(c),
                CustomNode::Text(_) => None,
            }));
        }
        if score > 0 { Dialect::Bxml } else { Dialect::Twiml }
    }

    /// The same guess for the JSON form.
    ///
    /// ```
    /// let json = serde_json::json!({"Response": [{"SpeakSentence": {"text": "Hi"}}]});
    /// assert_eq!(callml::Dialect::detect_json(&json), callml::Dialect::Bxml);
    /// ```
    pub fn detect_json(value: &serde_json::Value) -> Dialect {
        fn walk(v: &serde_json::Value, score: &mut i64) {
            match v {
                serde_json::Value::Object(m) => {
                    for (k, v) in m {
                        *score += Dialect::name_score(k) + Dialect::attribute_score(k);
                        walk(v, score);
                    }
                }
                serde_json::Value::Array(a) => a.iter().for_each(|v| walk(v, score)),
                _ => {}
            }
        }
        if value.get("Bxml").is_some() {
            return Dialect::Bxml;
        }
        let mut score = 0;
        walk(value, &mut score);
        if score > 0 { Dialect::Bxml } else { Dialect::Twiml }
    }

    fn name_score(name: &str) -> i64 {
        let bxml = crate::bxml::VOCABULARY.knows(name);
        let twiml = crate::twiml::VOCABULARY.knows(name);
        match (bxml, twiml) {
            (true, false) => 10,
            (false, true) => -10,
            _ => 0,
        }
    }

    fn attribute_score(name: &str) -> i64 {
        match name {
            "gatherUrl"
            | "redirectUrl"
            | "duration"
            | "maxDigits"
            | "terminatingDigits"
            | "recordCompleteUrl"
            | "transferCompleteUrl"
            | "maxDuration"
            | "tag" => 1,
            "action" | "length" | "numDigits" | "finishOnKey" | "maxLength" | "loop" => -1,
            _ => 0,
        }
    }
}
