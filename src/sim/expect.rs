//! Expectations: `expect [no|next] KIND [matcher] [name=value ...]` checked against a transcript
//! with a forward-only cursor.

use super::engine::path_of;
use super::script::{ScriptError, Token, duration_ms, tokens};
use super::transcript::{EventKind, TranscriptEvent};

/// One expectation, parsed from the script words after `expect`.
///
/// ```
/// use callml::sim::expect;
/// let e = expect("request POST /twiml/menu Digits=1").unwrap();
/// assert_eq!(e.to_string(), "expect request POST /twiml/menu Digits=1");
/// assert!(expect("nonsense").is_err());
/// ```
#[derive(Debug, Clone)]
pub struct Expectation {
    source: String,
    pub(crate) negated: bool,
    pub(crate) next_only: bool,
    kind: String,
    method: Option<String>,
    matcher: Option<Matcher>,
    fields: Vec<(String, Op, String)>,
}

#[derive(Debug, Clone)]
enum Matcher {
    Exact(String),
    Contains(String),
    Regex(regex::Regex),
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Op {
    Eq,
    AtMost,
    AtLeast,
}

const KINDS: &[&str] = &[
    "say",
    "speak",
    "play",
    "pause",
    "gather",
    "record",
    "dial",
    "transfer",
    "redirect",
    "request",
    "notify",
    "answered",
    "hangup",
    "reject",
    "end",
    "warning",
    "error",
    "lost",
    "input",
    "listen",
    "tag",
    "forward",
    "ring",
    "note",
    "response",
    "senddtmf",
    "bridge",
    "conference",
];

/// Parses an expectation (the words after `expect`).
pub fn expect(words: &str) -> Result<Expectation, ScriptError> {
    Expectation::parse(words, 0)
}

impl std::fmt::Display for Expectation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "expect {}", self.source)
    }
}

impl Expectation {
    /// Parses the words after `expect`; `offset` is where they start in the step, for errors.
    pub(crate) fn parse(words: &str, offset: usize) -> Result<Expectation, ScriptError> {
        let mut toks = tokens(words, offset)?.into_iter().peekable();
        let mut e = Expectation {
            source: words.trim().to_owned(),
            negated: false,
            next_only: false,
            kind: String::new(),
            method: None,
            matcher: None,
            fields: Vec::new(),
        };
        let mut kind = toks.next().ok_or_else(|| ScriptError::at(offset, "expected a kind after `expect`"))?;
        if let Token::Word(w, _) = &kind {
            if w == "no" || w == "next" {
                e.negated = w == "no";
                e.next_only = w == "next";
                kind = toks.next().ok_or_else(|| ScriptError::at(offset, "expected a kind after `no`/`next`"))?;
            }
        }
        match kind {
            Token::Word(w, _) if KINDS.contains(&w.as_str()) => e.kind = w,
            other => {
                return Err(ScriptError::at(
                    other.at(),
                    format!("expected a kind ({}), found {}", KINDS.join(", "), other.describe()),
                ));
            }
        }
        if matches!(e.kind.as_str(), "request" | "notify") {
            if let Some(Token::Word(w, _)) = toks.peek() {
                if w == "GET" || w == "POST" {
                    e.method = Some(w.clone());
                    toks.next();
                }
            }
        }
        for tok in toks {
            match tok {
                Token::Field(name, op, value, at) => {
                    let op = match op.as_str() {
                        "=" => Op::Eq,
                        "<=" => Op::AtMost,
                        ">=" => Op::AtLeast,
                        _ => return Err(ScriptError::at(at, format!("unknown comparison `{op}`"))),
                    };
                    e.fields.push((name, op, value));
                }
                Token::Quoted(s, _) | Token::Word(s, _) if e.matcher.is_none() && e.fields.is_empty() => {
                    e.matcher = Some(Matcher::Exact(s))
                }
                Token::Contains(s, _) if e.matcher.is_none() && e.fields.is_empty() => {
                    e.matcher = Some(Matcher::Contains(s))
                }
                Token::Regex(s, at) if e.matcher.is_none() && e.fields.is_empty() => {
                    let re =
                        regex::Regex::new(&s).map_err(|err| ScriptError::at(at, format!("invalid regex: {err}")))?;
                    e.matcher = Some(Matcher::Regex(re));
                }
                other => {
                    return Err(ScriptError::at(
                        other.at(),
                        format!("expected `name=value`, found {}", other.describe()),
                    ));
                }
            }
        }
        Ok(e)
    }

    fn kind_matches(&self, kind: &EventKind) -> bool {
        let name = kind.name();
        match self.kind.as_str() {
            "say" | "speak" => name == "say",
            "dial" | "transfer" => name == "dial" || name == "transfer",
            "hangup" => name == "hangup",
            k => name == k,
        }
    }

    /// Whether `event` satisfies this expectation.
    pub(crate) fn matches(&self, event: &TranscriptEvent) -> bool {
        if !self.kind_matches(&event.kind) {
            return false;
        }
        let texts: Vec<String> = match &event.kind {
            EventKind::Say { text, .. } => vec![text.clone()],
            EventKind::Play { url, .. } => vec![url.clone()],
            EventKind::Request { url, method, .. } => {
                if self.method.as_ref().is_some_and(|m| m != method) {
                    return false;
                }
                let path = path_of(url);
                vec![path.split('?').next().unwrap_or(path).to_owned(), path.to_owned(), url.clone()]
            }
            EventKind::Element { targets, .. } => {
                targets.iter().map(|t| path_of(t).to_owned()).chain(targets.iter().cloned()).collect()
            }
            EventKind::Warning { message } | EventKind::Lost { what: message } | EventKind::Input { what: message } => {
                vec![message.clone()]
            }
            EventKind::Error { code, message } => vec![code.clone(), format!("{code}: {message}")],
            EventKind::Note { text } => vec![text.clone()],
            EventKind::Ended(o) => vec![o.status.clone()],
            _ => Vec::new(),
        };
        let matched = match &self.matcher {
            None => true,
            Some(Matcher::Exact(s)) => texts.iter().any(|t| t == s),
            Some(Matcher::Contains(s)) => texts.iter().any(|t| t.contains(s.as_str())),
            Some(Matcher::Regex(re)) => texts.iter().any(|t| re.is_match(t)),
        };
        matched && self.fields.iter().all(|(name, op, value)| field_matches(&event.kind, name, *op, value))
    }

    /// The first matching event at or after `from` (with `next`: only the next audible event).
    pub(crate) fn find(&self, events: &[TranscriptEvent], from: usize) -> Option<usize> {
        if self.next_only {
            let at = from + events.get(from..)?.iter().position(|e| audible(&e.kind))?;
            return self.matches(&events[at]).then_some(at);
        }
        events.get(from..)?.iter().position(|e| self.matches(e)).map(|i| from + i)
    }

    pub(crate) fn next_audible_exists(&self, events: &[TranscriptEvent], from: usize) -> bool {
        events.get(from..).is_some_and(|rest| rest.iter().any(|e| audible(&e.kind)))
    }

    /// The failure of a negative expectation that matches an event in `window`.
    pub(crate) fn forbidden_in(&self, window: &[TranscriptEvent], offset: usize) -> Option<ExpectError> {
        let i = window.iter().position(|e| {
            let mut positive = self.clone();
            positive.negated = false;
            positive.matches(e)
        })?;
        Some(ExpectError {
            expectation: self.to_string(),
            message: format!("it happened: {}", describe(&window[i])),
            event: Some(offset + i),
        })
    }

    pub(crate) fn missing(&self, events: &[TranscriptEvent], from: usize) -> ExpectError {
        let seen: Vec<String> = events
            .get(from..)
            .unwrap_or_default()
            .iter()
            .filter(|e| audible(&e.kind) || matches!(e.kind, EventKind::Request { .. }))
            .take(3)
            .map(describe)
            .collect();
        let message = if seen.is_empty() {
            "nothing more happened".to_owned()
        } else {
            format!("next were: {}", seen.join("; "))
        };
        ExpectError { expectation: self.to_string(), message, event: None }
    }
}

fn audible(kind: &EventKind) -> bool {
    matches!(
        kind,
        EventKind::Say { .. }
            | EventKind::Play { .. }
            | EventKind::Pause { .. }
            | EventKind::Element { .. }
            | EventKind::Answered
            | EventKind::DialOutcome { .. }
            | EventKind::Ended(_)
    )
}

fn describe(event: &TranscriptEvent) -> String {
    let line = event.kind.name();
    match &event.kind {
        EventKind::Say { text, .. } => format!("say {text:?}"),
        EventKind::Request { method, url, .. } => format!("{line} {method} {}", path_of(url)),
        EventKind::Element { name, targets, .. } => {
            format!("{} {}", name.to_ascii_lowercase(), targets.join(" ")).trim().to_owned()
        }
        EventKind::Ended(o) => format!("end status={} cause={}", o.status, o.cause.as_str()),
        EventKind::Error { code, message } => format!("error {code}: {message}"),
        _ => line,
    }
}

fn field_matches(kind: &EventKind, name: &str, op: Op, value: &str) -> bool {
    let actual: Option<String> = match kind {
        EventKind::Request { form, json, .. } => form
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .or_else(|| json.as_ref()?.get(name).map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_owned))),
        EventKind::Element { attrs, .. } => attrs.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone()),
        EventKind::Say { voice, .. } if name == "voice" => voice.clone(),
        EventKind::DialOutcome { outcome, .. } if name == "outcome" => Some(outcome.clone()),
        EventKind::Ended(o) => match name {
            "status" => Some(o.status.clone()),
            "cause" => Some(o.cause.as_str().to_owned()),
            "duration" => {
                let limit = duration_ms(value).unwrap_or(0);
                return match op {
                    Op::AtMost => o.duration_ms <= limit,
                    Op::AtLeast => o.duration_ms >= limit,
                    Op::Eq => o.duration_ms == limit,
                };
            }
            "documents" => Some(o.documents.to_string()),
            _ => None,
        },
        _ => None,
    };
    actual.is_some_and(|a| op == Op::Eq && a == value)
}

/// An expectation that was not met, with what happened instead.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{expectation}: {message}")]
pub struct ExpectError {
    /// The expectation, as written.
    pub expectation: String,
    /// What happened instead.
    pub message: String,
    /// The transcript event that broke a negative expectation.
    pub event: Option<usize>,
}

/// The result of one expectation of a script.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Check {
    /// The step, from 1.
    pub step: usize,
    /// The step as written.
    pub text: String,
    /// Whether it held.
    pub ok: bool,
    /// The transcript event it matched.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub at: Option<usize>,
    /// Why it failed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}
