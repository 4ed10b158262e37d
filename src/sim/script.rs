//! Scripts: TOML (or JSON) header tables that configure the call and the simulated world, and a
//! list of one-line steps (`press 1`, `expect say ~"Hello"`), run by [`Simulator::run`].

use std::collections::BTreeMap;

use serde::Deserialize;

use super::engine::CallerInput;
use super::expect::{Check, Expectation};
use super::{DialOutcome, Profile, SimError, Simulator, Transcript};

/// A script that cannot be read: where (line and column, from 1) and what was expected.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{line}:{column}: {message}")]
pub struct ScriptError {
    /// Line, from 1.
    pub line: usize,
    /// Column, from 1.
    pub column: usize,
    /// What is wrong.
    pub message: String,
    offset: usize,
}

impl ScriptError {
    /// An error at byte `offset` of a step (placed in the file by [`Script::from_toml`]).
    pub(crate) fn at(offset: usize, message: impl Into<String>) -> Self {
        ScriptError { line: 1, column: offset + 1, message: message.into(), offset }
    }

    fn placed(mut self, source: &str, start: usize) -> Self {
        let (line, column) = line_column(source, start + self.offset);
        self.line = line;
        self.column = column;
        self
    }
}

fn line_column(source: &str, offset: usize) -> (usize, usize) {
    let before = &source[..offset.min(source.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// One word of a step.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Token {
    Word(String, usize),
    Quoted(String, usize),
    Contains(String, usize),
    Regex(String, usize),
    Field(String, String, String, usize),
}

impl Token {
    pub(crate) fn at(&self) -> usize {
        match self {
            Token::Word(_, at) | Token::Quoted(_, at) | Token::Contains(_, at) | Token::Regex(_, at) => *at,
            Token::Field(_, _, _, at) => *at,
        }
    }
    pub(crate) fn describe(&self) -> String {
        match self {
            Token::Word(w, _) => format!("`{w}`"),
            Token::Quoted(s, _) => format!("{s:?}"),
            Token::Contains(s, _) => format!("~{s:?}"),
            Token::Regex(s, _) => format!("/{s}/"),
            Token::Field(n, op, v, _) => format!("`{n}{op}{v}`"),
        }
    }
}

/// Splits a step into words: bare words, `"quoted strings"`, `~"contains"`, `/regex/` and
/// `name=value` (`<=`, `>=`; the value may be quoted). `offset` is added to positions.
pub(crate) fn tokens(s: &str, offset: usize) -> Result<Vec<Token>, ScriptError> {
    let mut out = Vec::new();
    let mut chars = s.char_indices().peekable();
    while let Some(&(i, c)) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
            continue;
        }
        let at = offset + i;
        let quoted = |chars: &mut std::iter::Peekable<std::str::CharIndices<'_>>, close: char| {
            let mut text = String::new();
            while let Some((_, c)) = chars.next() {
                match c {
                    '\\' => {
                        if let Some((_, n)) = chars.next() {
                            text.push(n);
                        }
                    }
                    c if c == close => return Some(text),
                    c => text.push(c),
                }
            }
            None
        };
        match c {
            '"' => {
                chars.next();
                let text = quoted(&mut chars, '"').ok_or_else(|| ScriptError::at(at, "unterminated string"))?;
                out.push(Token::Quoted(text, at));
            }
            '~' => {
                chars.next();
                if chars.next().map(|(_, c)| c) != Some('"') {
                    return Err(ScriptError::at(at, "expected `\"` after `~`"));
                }
                let text = quoted(&mut chars, '"').ok_or_else(|| ScriptError::at(at, "unterminated string"))?;
                out.push(Token::Contains(text, at));
            }
            // `/regex/`: a word that starts and ends with `/`. A path (`/twiml/menu`) does not end
            // in `/`; a path that does must be quoted.
            '/' if regex_end(&s[i..]).is_some() => {
                let end = i + regex_end(&s[i..]).unwrap_or(0);
                out.push(Token::Regex(s[i + 1..end].to_owned(), at));
                while chars.peek().is_some_and(|&(j, _)| j <= end) {
                    chars.next();
                }
            }
            _ => {
                let mut word = String::new();
                while let Some(&(_, c)) = chars.peek() {
                    if c.is_whitespace() {
                        break;
                    }
                    if c == '"' && (word.ends_with('=')) {
                        chars.next();
                        let text = quoted(&mut chars, '"').ok_or_else(|| ScriptError::at(at, "unterminated string"))?;
                        word.push_str(&text);
                        word.push('\u{0}');
                        break;
                    }
                    word.push(c);
                    chars.next();
                }
                let quoted_value = word.ends_with('\u{0}');
                let word = word.trim_end_matches('\u{0}').to_owned();
                match split_field(&word) {
                    Some((name, op, value)) if !name.is_empty() && (quoted_value || !name.starts_with('/')) => {
                        out.push(Token::Field(name.to_owned(), op.to_owned(), value.to_owned(), at))
                    }
                    _ => out.push(Token::Word(word, at)),
                }
            }
        }
    }
    Ok(out)
}

/// Where the closing `/` of a regex starting at `s[0]` is: the word (up to whitespace) must end
/// in `/` and hold at least one character between the slashes (write a space as `\s`).
fn regex_end(s: &str) -> Option<usize> {
    let word = s.split(char::is_whitespace).next().unwrap_or("");
    (word.len() >= 3 && word.ends_with('/')).then(|| word.len() - 1)
}

fn split_field(word: &str) -> Option<(&str, &str, &str)> {
    let i = word.find(['=', '<', '>'])?;
    let (name, rest) = word.split_at(i);
    let op = if rest.starts_with("<=") || rest.starts_with(">=") {
        &rest[..2]
    } else if rest.starts_with('=') {
        "="
    } else {
        return None;
    };
    Some((name, op, &rest[op.len()..]))
}

/// A duration: `5s`, `1.5s`, `300ms`, `2m`, `1h`.
pub(crate) fn duration_ms(s: &str) -> Option<u64> {
    let (number, unit) = s.find(|c: char| c.is_ascii_alphabetic()).map_or((s, "s"), |i| s.split_at(i));
    let n: f64 = number.parse().ok().filter(|n: &f64| n.is_finite() && *n >= 0.0)?;
    let scale = match unit {
        "ms" => 1.0,
        "s" => 1000.0,
        "m" | "min" => 60_000.0,
        "h" => 3_600_000.0,
        _ => return None,
    };
    Some((n * scale).round() as u64)
}

/// One step of a script.
#[derive(Debug, Clone)]
enum Step {
    Input(Timed),
    Expect(Expectation),
    Note(String),
    Dial(DialOutcome),
}

/// The options after an input step's main words: `after D` / `now`, `gap=D`, `confidence=N`.
struct Options {
    after: Option<u64>,
    gap: Option<u64>,
    confidence: Option<f64>,
    during_prompt: bool,
}

/// Caller input whose delay is the script's reaction time unless the step says otherwise.
#[derive(Debug, Clone)]
struct Timed {
    input: CallerInput,
    after: Option<u64>,
    /// `during prompt`: the delay counts from the start of the Gather's prompt.
    during_prompt: bool,
}

impl Step {
    fn parse(step: &str) -> Result<Step, ScriptError> {
        let toks = tokens(step, 0)?;
        let word = |i: usize| match toks.get(i) {
            Some(Token::Word(w, _)) => Some(w.as_str()),
            _ => None,
        };
        let end = step.len();
        let duration = |i: usize| -> Result<u64, ScriptError> {
            match toks.get(i) {
                Some(Token::Word(w, at)) => duration_ms(w)
                    .ok_or_else(|| ScriptError::at(*at, format!("expected a duration (`5s`, `300ms`), found `{w}`"))),
                Some(other) => {
                    Err(ScriptError::at(other.at(), format!("expected a duration, found {}", other.describe())))
                }
                None => Err(ScriptError::at(end, "expected a duration (`5s`, `300ms`)")),
            }
        };
        // Options after the main words: `after D`, `now`, `gap=D`, `confidence=N`.
        let options = |from: usize| -> Result<Options, ScriptError> {
            let (mut after, mut gap, mut confidence, mut during_prompt) = (None, None, None, false);
            let mut i = from;
            while let Some(tok) = toks.get(i) {
                match tok {
                    Token::Word(w, _) if w == "after" => {
                        after = Some(duration(i + 1)?);
                        i += 1;
                    }
                    Token::Word(w, _) if w == "now" => after = Some(0),
                    Token::Word(w, at) if w == "during" => {
                        match toks.get(i + 1) {
                            Some(Token::Word(p, _)) if p == "prompt" => during_prompt = true,
                            _ => return Err(ScriptError::at(*at, "expected `during prompt`")),
                        }
                        i += 1;
                    }
                    Token::Field(n, _, v, at) if n == "gap" => {
                        gap = Some(
                            duration_ms(v).ok_or_else(|| ScriptError::at(*at, "expected a duration after `gap=`"))?,
                        )
                    }
                    Token::Field(n, _, v, at) if n == "confidence" => {
                        confidence = Some(
                            v.parse::<f64>()
                                .ok()
                                .filter(|c| (0.0..=1.0).contains(c))
                                .ok_or_else(|| ScriptError::at(*at, "expected a confidence from 0 to 1"))?,
                        )
                    }
                    other => return Err(ScriptError::at(other.at(), format!("unexpected {}", other.describe()))),
                }
                i += 1;
            }
            Ok(Options { after, gap, confidence, during_prompt })
        };
        match (word(0), word(1)) {
            (Some("press"), Some(digits)) => {
                if let Some(bad) = digits.chars().find(|c| !matches!(c, '0'..='9' | '*' | '#' | 'A'..='D' | 'w')) {
                    return Err(ScriptError::at(toks[1].at(), format!("`{bad}` is not a key (0-9, *, #, A-D)")));
                }
                let Options { after, gap, during_prompt, .. } = options(2)?;
                Ok(Step::Input(Timed {
                    input: CallerInput::Press { digits: digits.to_owned(), after_ms: 0, gap_ms: gap.unwrap_or(300) },
                    after,
                    during_prompt,
                }))
            }
            (Some("press"), None) => {
                Err(ScriptError::at(toks.get(1).map_or(end, Token::at), "expected the keys to press"))
            }
            (Some("say"), _) => match toks.get(1) {
                Some(Token::Quoted(text, _)) => {
                    let Options { after, confidence, during_prompt, .. } = options(2)?;
                    Ok(Step::Input(Timed {
                        input: CallerInput::Say {
                            text: text.clone(),
                            confidence: confidence.unwrap_or(0.9),
                            after_ms: 0,
                        },
                        after,
                        during_prompt,
                    }))
                }
                other => Err(ScriptError::at(other.map_or(end, Token::at), "expected a quoted string after `say`")),
            },
            (Some("speak"), _) => {
                let duration_ms = duration(1)?;
                let then_press = match (word(2), word(3), word(4)) {
                    (Some("then"), Some("press"), Some(k)) => k.chars().next(),
                    (None, _, _) => None,
                    _ => return Err(ScriptError::at(toks[2].at(), "expected `then press KEY`")),
                };
                Ok(Step::Input(Timed {
                    input: CallerInput::Speak { duration_ms, then_press },
                    after: Some(0),
                    during_prompt: false,
                }))
            }
            (Some("silence" | "wait"), _) => Ok(Step::Input(Timed {
                input: CallerInput::Silence { duration_ms: Some(duration(1)?) },
                after: Some(0),
                during_prompt: false,
            })),
            (Some("hang"), Some("up")) => {
                let Options { after, during_prompt, .. } = options(2)?;
                Ok(Step::Input(Timed {
                    input: CallerInput::HangUp { after_ms: 0 },
                    after: after.or(Some(0)),
                    during_prompt,
                }))
            }
            (Some("dial"), Some(outcome)) => {
                let known = ["answered", "busy", "no-answer", "failed", "canceled"];
                if !known.contains(&outcome) {
                    return Err(ScriptError::at(
                        toks[1].at(),
                        format!("expected a dial outcome ({}), found `{outcome}`", known.join(", ")),
                    ));
                }
                let mut o =
                    if outcome == "answered" { DialOutcome::answered() } else { DialOutcome::unanswered(outcome) };
                for tok in &toks[2..] {
                    match tok {
                        Token::Field(n, _, v, at) if n == "ring" || n == "talk" => {
                            let ms = duration_ms(v).ok_or_else(|| ScriptError::at(*at, "expected a duration"))?;
                            if n == "ring" { o.ring_ms = ms } else { o.talk_ms = ms }
                        }
                        Token::Field(n, _, v, _) if n == "ended_by" => o.ended_by_caller = v == "caller",
                        other => return Err(ScriptError::at(other.at(), format!("unexpected {}", other.describe()))),
                    }
                }
                Ok(Step::Dial(o))
            }
            (Some("expect"), _) => {
                let start = step.find("expect").unwrap_or(0) + "expect".len();
                Expectation::parse(&step[start..], start).map(Step::Expect)
            }
            (Some("note"), _) => match toks.get(1) {
                Some(Token::Quoted(text, _)) => Ok(Step::Note(text.clone())),
                other => Err(ScriptError::at(other.map_or(end, Token::at), "expected a quoted string after `note`")),
            },
            _ => Err(ScriptError::at(
                toks.first().map_or(0, Token::at),
                "expected a step: press, say, speak, silence, wait, hang up, dial, expect or note",
            )),
        }
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct CallSection {
    #[serde(default)]
    provider: Profile,
    url: String,
    from: Option<String>,
    to: Option<String>,
    caller_name: Option<String>,
    status_callback: Option<String>,
    fallback_url: Option<String>,
    seed: Option<u64>,
    on_script_end: Option<String>,
    finish_key_alone: Option<String>,
    after_hang_up: Option<String>,
    max_documents: Option<u32>,
    max_duration: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct BasicSection {
    user: String,
    password: String,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct HttpSection {
    auth_token: Option<String>,
    basic: Option<BasicSection>,
    cookies: Option<bool>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct TimingSection {
    words_per_minute: Option<u32>,
    reaction: Option<String>,
    #[serde(default)]
    media: BTreeMap<String, String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct DialSection {
    outcome: String,
    ring: Option<String>,
    talk: Option<String>,
    ended_by: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct StepsSection<S> {
    steps: Vec<S>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct ScriptFile<S> {
    call: CallSection,
    #[serde(default)]
    http: HttpSection,
    #[serde(default)]
    timing: TimingSection,
    #[serde(default)]
    dial: BTreeMap<String, DialSection>,
    script: StepsSection<S>,
}

/// A parsed script: the call's configuration and its steps.
///
/// ```
/// let script = callml::sim::Script::from_toml(r#"
/// [call]
/// url = "/twiml/incoming"
/// [script]
/// steps = ['expect gather numDigits=1', 'press 1', 'expect request POST /twiml/menu Digits=1']
/// "#).unwrap();
/// assert_eq!(script.steps().len(), 3);
/// let error = callml::sim::Script::from_toml("[call]\nurl = \"/\"\n[script]\nsteps = ['press x']\n").unwrap_err();
/// assert_eq!((error.line, error.column), (4, 17));
/// ```
#[derive(Debug, Clone)]
pub struct Script {
    call: CallSection,
    http: HttpSection,
    timing: TimingSection,
    dial: BTreeMap<String, DialSection>,
    steps: Vec<(String, Step)>,
}

impl Script {
    /// Reads a TOML script; errors carry the line and column in `source`.
    pub fn from_toml(source: &str) -> Result<Script, ScriptError> {
        let file: ScriptFile<toml::Spanned<String>> = toml::from_str(source).map_err(|e| {
            let (line, column) = e.span().map_or((1, 1), |s| line_column(source, s.start));
            ScriptError { line, column, message: e.message().to_owned(), offset: 0 }
        })?;
        let mut steps = Vec::new();
        for spanned in file.script.steps {
            let start = spanned.span().start + 1; // after the opening quote
            let text = spanned.into_inner();
            let step = Step::parse(&text).map_err(|e| e.placed(source, start))?;
            steps.push((text, step));
        }
        Script::assemble(file.call, file.http, file.timing, file.dial, steps, |at, message| {
            let (line, column) = line_column(source, at);
            ScriptError { line, column, message, offset: 0 }
        })
    }

    /// Reads a JSON script (the same structure); errors carry the line and column.
    pub fn from_json(source: &str) -> Result<Script, ScriptError> {
        let file: ScriptFile<String> = serde_json::from_str(source).map_err(|e| ScriptError {
            line: e.line(),
            column: e.column(),
            message: e.to_string(),
            offset: 0,
        })?;
        let mut steps = Vec::new();
        for (i, text) in file.script.steps.into_iter().enumerate() {
            let step = Step::parse(&text).map_err(|e| ScriptError {
                line: 1,
                column: e.column,
                message: format!("step {}: {}", i + 1, e.message),
                offset: 0,
            })?;
            steps.push((text, step));
        }
        Script::assemble(file.call, file.http, file.timing, file.dial, steps, |_, message| ScriptError {
            line: 1,
            column: 1,
            message,
            offset: 0,
        })
    }

    fn assemble(
        call: CallSection,
        http: HttpSection,
        timing: TimingSection,
        dial: BTreeMap<String, DialSection>,
        steps: Vec<(String, Step)>,
        error: impl Fn(usize, String) -> ScriptError,
    ) -> Result<Script, ScriptError> {
        let check_duration = |what: &str, value: &Option<String>| match value {
            Some(v) if duration_ms(v).is_none() => {
                Err(error(0, format!("{what}: expected a duration (`5s`, `300ms`), found `{v}`")))
            }
            _ => Ok(()),
        };
        check_duration("timing.reaction", &timing.reaction)?;
        check_duration("call.max_duration", &call.max_duration)?;
        for (url, d) in &timing.media {
            check_duration(&format!("timing.media.{url}"), &Some(d.clone()))?;
        }
        for (target, d) in &dial {
            check_duration(&format!("dial.{target}.ring"), &d.ring)?;
            check_duration(&format!("dial.{target}.talk"), &d.talk)?;
            if !["answered", "busy", "no-answer", "failed", "canceled"].contains(&d.outcome.as_str()) {
                return Err(error(
                    0,
                    format!(
                        "dial.{target}.outcome: expected answered, busy, no-answer, failed or canceled, found `{}`",
                        d.outcome
                    ),
                ));
            }
        }
        if let Some(v) = call.on_script_end.as_deref().filter(|v| *v != "silence" && *v != "hang-up") {
            return Err(error(0, format!("call.on_script_end: expected `silence` or `hang-up`, found `{v}`")));
        }
        if let Some(v) = call.finish_key_alone.as_deref().filter(|v| *v != "no-input" && *v != "submit") {
            return Err(error(0, format!("call.finish_key_alone: expected `no-input` or `submit`, found `{v}`")));
        }
        if let Some(v) = call.after_hang_up.as_deref().filter(|v| *v != "request" && *v != "none") {
            return Err(error(0, format!("call.after_hang_up: expected `request` or `none`, found `{v}`")));
        }
        Ok(Script { call, http, timing, dial, steps })
    }

    /// The steps as written.
    pub fn steps(&self) -> Vec<&str> {
        self.steps.iter().map(|(s, _)| s.as_str()).collect()
    }

    /// The profile the script asks for.
    pub fn profile(&self) -> Profile {
        self.call.provider
    }

    /// Sets the profile (the CLI's `--provider`).
    pub fn set_profile(&mut self, profile: Profile) {
        self.call.provider = profile;
    }

    /// Sets the budgets (the CLI's `--max-documents` and `--max-duration`).
    pub fn set_budget(&mut self, max_documents: Option<u32>, max_duration_ms: Option<u64>) {
        if max_documents.is_some() {
            self.call.max_documents = max_documents;
        }
        if let Some(ms) = max_duration_ms {
            self.call.max_duration = Some(format!("{ms}ms"));
        }
    }

    /// Applies the script's header to a simulator.
    fn configure<S>(&self, mut sim: Simulator<S>) -> Simulator<S> {
        let c = &self.call;
        sim = sim.profile(c.provider);
        if let Some(v) = &c.from {
            sim = sim.from(v.clone());
        }
        if let Some(v) = &c.to {
            sim = sim.to(v.clone());
        }
        if let Some(v) = &c.caller_name {
            sim = sim.caller_name(v.clone());
        }
        if let Some(v) = &c.status_callback {
            sim = sim.status_callback(v.clone());
        }
        if let Some(v) = &c.fallback_url {
            sim = sim.fallback_url(v.clone());
        }
        if let Some(v) = c.seed {
            sim = sim.seed(v);
        }
        if c.finish_key_alone.as_deref() == Some("submit") {
            sim = sim.finish_key_alone_submits(true);
        }
        if c.after_hang_up.as_deref() == Some("none") {
            sim = sim.request_after_hang_up(false);
        }
        let max_documents = c.max_documents.unwrap_or(sim.world.max_documents);
        let max_duration = c.max_duration.as_deref().and_then(duration_ms).unwrap_or(sim.world.max_duration_ms);
        sim = sim.budget(max_documents, max_duration);
        if let Some(v) = &self.http.auth_token {
            sim = sim.auth_token(v.clone());
        }
        if let Some(b) = &self.http.basic {
            sim = sim.basic_auth(b.user.clone(), b.password.clone());
        }
        if let Some(v) = self.http.cookies {
            sim = sim.cookies(v);
        }
        if let Some(v) = self.timing.words_per_minute {
            sim = sim.words_per_minute(v);
        }
        if let Some(v) = self.timing.reaction.as_deref().and_then(duration_ms) {
            sim = sim.reaction_ms(v);
        }
        for (url, d) in &self.timing.media {
            sim = sim.media(url.clone(), duration_ms(d).unwrap_or(5_000));
        }
        for (target, d) in &self.dial {
            let mut o =
                if d.outcome == "answered" { DialOutcome::answered() } else { DialOutcome::unanswered(&d.outcome) };
            o.ring_ms = d.ring.as_deref().and_then(duration_ms).unwrap_or(o.ring_ms);
            o.talk_ms = d.talk.as_deref().and_then(duration_ms).unwrap_or(o.talk_ms);
            o.ended_by_caller = d.ended_by.as_deref() == Some("caller");
            sim = sim.dial(target.clone(), o);
        }
        sim
    }
}

/// The result of running a script: the transcript and every check.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// What happened.
    pub transcript: Transcript,
    /// One per `expect` step.
    pub checks: Vec<Check>,
}

impl Report {
    /// Whether every check held and the call did not end in an application error.
    pub fn passed(&self) -> bool {
        self.checks.iter().all(|c| c.ok) && !self.application_error()
    }

    /// What `--strict` fails on: lint findings of the documents served, and verbs the simulator
    /// does not run.
    pub fn strict_findings(&self) -> Vec<&str> {
        self.transcript
            .events
            .iter()
            .filter_map(|e| match &e.kind {
                super::EventKind::Warning { message }
                    if message.starts_with("lint") || message.contains("is not simulated") =>
                {
                    Some(message.as_str())
                }
                _ => None,
            })
            .collect()
    }

    /// Whether the call ended because the application failed.
    pub fn application_error(&self) -> bool {
        self.transcript.outcome().is_some_and(|o| {
            matches!(
                o.cause,
                super::EndCause::AppError | super::EndCause::CallbackError | super::EndCause::InvalidDocument
            )
        })
    }

    /// Whether the application could not be reached at all (no reply to the first request).
    pub fn unreachable(&self) -> bool {
        let first = self.transcript.events.iter().find_map(|e| match &e.kind {
            super::EventKind::Response { status, .. } => Some(*status),
            _ => None,
        });
        first == Some(0)
    }

    /// The transcript's text form, then each check.
    pub fn to_text(&self) -> String {
        let mut out = self.transcript.to_text();
        for check in &self.checks {
            let mark = if check.ok { "ok  " } else { "FAIL" };
            out.push_str(&format!("{mark} {}: {}", check.step, check.text));
            if let Some(m) = &check.message {
                out.push_str(&format!(" ({m})"));
            }
            out.push('\n');
        }
        let failed = self.checks.iter().filter(|c| !c.ok).count();
        out.push_str(&format!("checks: {} held, {failed} not\n", self.checks.len() - failed));
        out
    }

    /// The transcript's JSON form with `"checks"`.
    pub fn to_json(&self) -> serde_json::Value {
        let mut value = self.transcript.to_json();
        if let Some(map) = value.as_object_mut() {
            map.insert("checks".into(), serde_json::to_value(&self.checks).unwrap_or_default());
            map.insert("passed".into(), self.passed().into());
        }
        value
    }
}

impl<S: super::Application> Simulator<S> {
    /// Runs a script: its header configures a copy of this simulator, its steps drive the call.
    pub async fn run(&self, script: &Script) -> Result<Report, SimError> {
        let sim = script.configure(self.clone());
        let mut call = sim.start(&script.call.url).await?;
        let mut checks: Vec<Check> = Vec::new();
        // `expect no ...` steps: their check, the expectation, and where their window starts. Each
        // is settled by the next positive match (or the end of the call).
        let mut negatives: Vec<(usize, Expectation, usize)> = Vec::new();
        for (i, (text, step)) in script.steps.iter().enumerate() {
            if let Step::Expect(e) = step {
                if e.negated {
                    negatives.push((checks.len(), e.clone(), call.cursor));
                    checks.push(Check { step: i + 1, text: text.clone(), ok: true, at: None, message: None });
                    continue;
                }
            }
            if let Some(mut check) = call.run_step(step, text).await {
                check.step = i + 1;
                if let Some(at) = check.at {
                    settle(&mut checks, &mut negatives, &call.transcript().events, at);
                }
                checks.push(check);
            }
        }
        if script.call.on_script_end.as_deref() == Some("hang-up") && call.is_listening() {
            call.hang_up().await;
        }
        let transcript = call.finish().await;
        settle(&mut checks, &mut negatives, &transcript.events, transcript.events.len());
        Ok(Report { transcript, checks })
    }
}

/// Settles pending negative expectations against the events from their start up to `end`.
fn settle(checks: &mut [Check], negatives: &mut Vec<(usize, Expectation, usize)>, events: &[super::Event], end: usize) {
    for (index, expectation, start) in negatives.drain(..) {
        let window = &events[start.min(end)..end];
        if let Some(err) = expectation.forbidden_in(window, start) {
            checks[index].ok = false;
            checks[index].at = err.event;
            checks[index].message = Some(err.message);
        }
    }
}

impl<S: super::Application> super::Call<S> {
    /// Runs one script step (`press 1`, `say "sales"`, `wait 5s`, `hang up`, `dial busy`,
    /// `note "..."`, `expect ...`); an `expect` step returns its check.
    pub async fn step(&mut self, step: &str) -> Result<Option<Check>, ScriptError> {
        let parsed = Step::parse(step)?;
        Ok(self.run_step(&parsed, step).await)
    }

    async fn run_step(&mut self, step: &Step, text: &str) -> Option<Check> {
        match step {
            Step::Input(timed) => {
                // `during prompt` without `after`: at once, when the prompt starts.
                let default = if timed.during_prompt { 0 } else { self.reaction_ms };
                let input = timed.input.clone().with_after(timed.after.unwrap_or(default));
                let input = if timed.during_prompt { CallerInput::DuringPrompt(Box::new(input)) } else { input };
                self.input(input).await;
                None
            }
            Step::Expect(e) => {
                let (ok, at, message) = match self.expect(e).await {
                    Ok(at) => (true, (!e.negated).then_some(at), None),
                    Err(err) => (false, err.event, Some(err.message)),
                };
                Some(Check { step: 0, text: text.to_owned(), ok, at, message })
            }
            Step::Note(t) => {
                self.note(t);
                None
            }
            Step::Dial(o) => {
                self.next_dial(o.clone());
                None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations() {
        assert_eq!(duration_ms("5s"), Some(5000));
        assert_eq!(duration_ms("1.5s"), Some(1500));
        assert_eq!(duration_ms("300ms"), Some(300));
        assert_eq!(duration_ms("2m"), Some(120_000));
        assert_eq!(duration_ms("4"), Some(4000));
        assert_eq!(duration_ms("x"), None);
        assert_eq!(duration_ms("-1s"), None);
    }

    #[test]
    fn words_of_a_step() {
        let t = tokens(r#"request POST /twiml/menu Digits=1 msg="Gather End" say ~"Hi" /a+b/ d<=60s"#, 0).unwrap();
        assert_eq!(t[0], Token::Word("request".into(), 0));
        assert_eq!(t[2], Token::Word("/twiml/menu".into(), 13));
        assert_eq!(t[3], Token::Field("Digits".into(), "=".into(), "1".into(), 25));
        assert_eq!(t[4], Token::Field("msg".into(), "=".into(), "Gather End".into(), 34));
        assert!(matches!(&t[6], Token::Contains(s, _) if s == "Hi"));
        assert!(matches!(&t[7], Token::Regex(s, _) if s == "a+b"));
        assert_eq!(t[8], Token::Field("d".into(), "<=".into(), "60s".into(), 67));
        assert!(tokens("say \"open", 0).is_err());
    }

    #[test]
    fn bad_steps_say_where_and_what() {
        for (step, column, message) in [
            ("press x", 7, "`x` is not a key"),
            ("jump", 1, "expected a step"),
            ("say hello", 5, "expected a quoted string"),
            ("speak forever", 7, "expected a duration"),
            ("expect sing", 8, "expected a kind"),
            ("dial maybe", 6, "expected a dial outcome"),
            ("expect say ~oops", 12, "expected `\"` after `~`"),
        ] {
            let e = Step::parse(step).unwrap_err();
            assert_eq!(e.column, column, "{step}: {e}");
            assert!(e.message.contains(message), "{step}: {e}");
        }
    }
}
