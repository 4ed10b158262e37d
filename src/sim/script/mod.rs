//! Scripts: TOML (or JSON) header tables that configure the call and the simulated world, and a
//! list of one-line steps (`press 1`, `expect say ~"Hello"`), run by [`Simulator::run`].

use std::collections::BTreeMap;

use serde::Deserialize;

mod report;
mod steps;

pub use report::Report;
use steps::Step;
pub(crate) use steps::{Token, duration_ms, tokens};

use super::engine::CallerInput;
use super::expect::{Check, Expectation};
use super::{DialOutcome, Profile, SimError, Simulator};

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
fn settle(
    checks: &mut [Check],
    negatives: &mut Vec<(usize, Expectation, usize)>,
    events: &[super::TranscriptEvent],
    end: usize,
) {
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
