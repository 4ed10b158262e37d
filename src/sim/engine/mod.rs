//! The sans-IO interpreters: they never touch the network or the wall clock. Each yields what the
//! provider does next ([`Next`]); the driver performs requests and feeds replies and caller input
//! back.

pub(crate) mod bxml;
pub(crate) mod twiml;

use std::collections::BTreeMap;

use super::transcript::{EndCause, EventKind, Outcome, TranscriptEvent};
use super::{DialOutcome, Profile};

/// A request the provider sends.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Request {
    pub(crate) method: &'static str,
    /// Absolute URL.
    pub(crate) url: String,
    /// `application/x-www-form-urlencoded` or `application/json`.
    pub(crate) content_type: &'static str,
    pub(crate) body: String,
    /// What it is (`incoming`, `gather`, `initiate`, ...).
    pub(crate) event_type: String,
    /// Whether the reply is ignored.
    pub(crate) notify: bool,
}

/// What the application answered, as the driver saw it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Reply {
    /// An HTTP response (after redirects).
    Http { status: u16, content_type: String, body: Vec<u8>, url: String },
    /// No response: the application could not be reached, or timed out.
    Unreachable { message: String },
    /// Redirects the provider will not follow (too many, or a kind it rejects).
    BadRedirect { too_many: bool },
}

/// What the interpreter needs next.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Next {
    /// A request whose reply drives the call: call [`Engine::reply`] with it.
    Fetch(Request),
    /// A request whose reply is ignored.
    Notify(Request),
    /// The call waits for caller input (or silence) until `until`.
    Listen(Listen),
    /// The call is over.
    Ended(Outcome),
}

/// What a waiting call listens for ([`Call::listening`](crate::sim::Call::listening)).
///
/// ```
/// let l = callml::sim::Listen { dtmf: true, speech: false, record: false, since: 5_800, until: 10_800 };
/// assert_eq!(l.until - l.since, 5_000);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listen {
    /// Keys (a Gather with `dtmf`, the key that ends a Record, `*` of a `hangupOnStar` Dial).
    pub dtmf: bool,
    /// Speech (a Gather with `input="speech"`).
    pub speech: bool,
    /// A recording.
    pub record: bool,
    /// When it started listening (virtual milliseconds).
    pub since: u64,
    /// When it gives up without input.
    pub until: u64,
}

/// What the caller does, relative to the moment the call started listening.
#[derive(Debug, Clone, PartialEq)]
pub enum CallerInput {
    /// Presses keys, the first `after_ms` after listening starts, then one every `gap_ms`.
    Press {
        /// The keys: `0-9`, `*`, `#` (and `A-D` for BXML).
        digits: String,
        /// Delay before the first key.
        after_ms: u64,
        /// Delay between keys.
        gap_ms: u64,
    },
    /// Says something (speech recognition returns it with this confidence).
    Say {
        /// The words.
        text: String,
        /// Recognition confidence, 0 to 1.
        confidence: f64,
        /// Delay before speaking.
        after_ms: u64,
    },
    /// Talks for a while (a recording), then optionally presses a key.
    Speak {
        /// How long.
        duration_ms: u64,
        /// A key pressed after talking.
        then_press: Option<char>,
    },
    /// Does nothing for a while (the listener times out if it is shorter).
    Silence {
        /// How long; `None` until the listener gives up.
        duration_ms: Option<u64>,
    },
    /// Hangs up, `after_ms` after listening starts.
    HangUp {
        /// Delay.
        after_ms: u64,
    },
    /// The input inside arrives while a Gather's prompt plays: its delay counts from the start of
    /// the prompt, and it interrupts the prompt (unless `bargeIn="false"`).
    DuringPrompt(Box<CallerInput>),
}

impl CallerInput {
    /// The input in script words.
    pub fn describe(&self) -> String {
        match self {
            CallerInput::Press { digits, .. } => format!("press {digits}"),
            CallerInput::Say { text, .. } => format!("say {text:?}"),
            CallerInput::Speak { duration_ms, then_press: Some(k) } => {
                format!("speak {} then press {k}", ms(*duration_ms))
            }
            CallerInput::Speak { duration_ms, then_press: None } => format!("speak {}", ms(*duration_ms)),
            CallerInput::Silence { duration_ms: Some(d) } => format!("silence {}", ms(*d)),
            CallerInput::Silence { duration_ms: None } => "silence".into(),
            CallerInput::HangUp { .. } => "hang up".into(),
            CallerInput::DuringPrompt(inner) => format!("{} during prompt", inner.describe()),
        }
    }

    /// The delay before the input, for inputs that have one.
    pub(crate) fn after_ms(&self) -> u64 {
        match self {
            CallerInput::Press { after_ms, .. }
            | CallerInput::Say { after_ms, .. }
            | CallerInput::HangUp { after_ms } => *after_ms,
            CallerInput::DuringPrompt(inner) => inner.after_ms(),
            _ => 0,
        }
    }

    /// The input itself, for listeners that play no prompt.
    pub(crate) fn without_prompt(self) -> CallerInput {
        match self {
            CallerInput::DuringPrompt(inner) => inner.without_prompt(),
            other => other,
        }
    }

    /// The same input with another delay.
    pub(crate) fn with_after(mut self, ms: u64) -> CallerInput {
        match &mut self {
            CallerInput::Press { after_ms, .. }
            | CallerInput::Say { after_ms, .. }
            | CallerInput::HangUp { after_ms } => *after_ms = ms,
            CallerInput::DuringPrompt(inner) => return inner.clone().with_after(ms),
            _ => {}
        }
        self
    }
}

/// Cuts the prompts recorded from `events[from..]` at `cut`: the prompt playing then is shortened
/// and marked interrupted, everything that would have come later is dropped (nothing outside the
/// transcript happened while prompts played).
pub(crate) fn interrupt_prompts(events: &mut Vec<TranscriptEvent>, from: usize, cut: u64) {
    let keep = events[from..].iter().position(|e| e.t >= cut).map_or(events.len(), |i| from + i);
    events.truncate(keep);
    if let Some(last) = events[from..].last_mut() {
        let start = last.t;
        if let EventKind::Say { duration_ms, .. }
        | EventKind::Play { duration_ms, .. }
        | EventKind::Pause { duration_ms } = &mut last.kind
        {
            if start + *duration_ms > cut {
                *duration_ms = cut - start;
                let path = last.path.clone();
                events.push(TranscriptEvent { t: cut, path, kind: EventKind::Interrupted { after_ms: cut - start } });
            }
        }
    }
}

/// A duration as a script writes it: `12s`, `1.5s`, `300ms`.
fn ms(ms: u64) -> String {
    match ms {
        m if m % 1000 == 0 => format!("{}s", m / 1000),
        m if m > 1000 => format!("{}s", m as f64 / 1000.0),
        m => format!("{m}ms"),
    }
}

/// Everything an interpreter needs to know about the simulated world.
#[derive(Debug, Clone)]
pub(crate) struct World {
    pub(crate) profile: Profile,
    pub(crate) from: String,
    pub(crate) to: String,
    pub(crate) caller_name: Option<String>,
    pub(crate) call_id: String,
    pub(crate) account_id: String,
    pub(crate) status_callback: Option<String>,
    pub(crate) fallback_url: Option<String>,
    pub(crate) words_per_minute: u32,
    pub(crate) media: BTreeMap<String, u64>,
    pub(crate) dial: BTreeMap<String, DialOutcome>,
    pub(crate) dial_default: Option<DialOutcome>,
    pub(crate) max_documents: u32,
    pub(crate) max_duration_ms: u64,
    /// TwiML: a Gather ended by the finish key alone posts to its action (else: no input).
    pub(crate) finish_key_alone_submits: bool,
    /// TwiML: after the caller hangs up during a Dial or Record, its action is still requested
    /// (and its TwiML ignored).
    pub(crate) request_after_hang_up: bool,
}

impl World {
    /// Virtual duration of speech: words at the configured rate, plus 0.3 s.
    pub(crate) fn speech_ms(&self, text: &str) -> u64 {
        let words = text.split_whitespace().count() as u64;
        words * 60_000 / u64::from(self.words_per_minute.max(1)) + 300
    }

    /// Virtual duration of a media file: from `[timing.media]`, else 5 s.
    pub(crate) fn media_ms(&self, url: &str) -> u64 {
        self.media.get(url).copied().unwrap_or(5_000)
    }

    /// The outcome of dialling `target`, and whether it came from the script.
    pub(crate) fn dial_outcome(&self, target: &str) -> (DialOutcome, bool) {
        match self.dial.get(target).or(self.dial_default.as_ref()) {
            Some(o) => (o.clone(), true),
            None => (DialOutcome::answered(), false),
        }
    }
}

/// An interpreter of one dialect.
pub(crate) trait Engine {
    /// Runs until the next request, listen point or the end; appends what happened.
    fn next(&mut self, events: &mut Vec<TranscriptEvent>) -> Next;
    /// The reply to the last [`Next::Fetch`].
    fn reply(&mut self, reply: Reply, events: &mut Vec<TranscriptEvent>);
    /// Caller input for the last [`Next::Listen`]; the input comes back when it arrives after
    /// the listener gave up (it goes to the next one).
    fn input(&mut self, input: CallerInput, events: &mut Vec<TranscriptEvent>) -> Option<CallerInput>;
    /// The current virtual time.
    fn now(&self) -> u64;
    /// The outcome of the next dial, instead of the world's.
    fn override_dial(&mut self, outcome: DialOutcome);
}

/// Shared bookkeeping of both interpreters: clock, counters, the URL cycle for the budget.
#[derive(Debug, Clone, Default)]
pub(crate) struct Clock {
    pub(crate) now: u64,
    pub(crate) documents: u32,
    pub(crate) requests: u32,
    pub(crate) urls: Vec<String>,
    pub(crate) answered_at: Option<u64>,
    /// The element path of the verb running now.
    pub(crate) path: Option<String>,
}

impl Clock {
    pub(crate) fn push(&self, events: &mut Vec<TranscriptEvent>, kind: EventKind) {
        events.push(TranscriptEvent { t: self.now, path: self.path.clone(), kind });
    }

    pub(crate) fn outcome(&self, status: &str, cause: EndCause) -> Outcome {
        Outcome {
            status: status.to_owned(),
            cause,
            duration_ms: self.now,
            documents: self.documents,
            requests: self.requests,
        }
    }

    /// The repeating tail of the fetched URLs (`/a → /b → /a`), for the document budget.
    pub(crate) fn cycle(&self) -> String {
        let paths: Vec<&str> = self.urls.iter().map(|u| path_of(u)).collect();
        let last = paths.last().copied().unwrap_or_default();
        let start = paths[..paths.len().saturating_sub(1)].iter().rposition(|p| *p == last).unwrap_or(0);
        paths[start..].join(" → ")
    }
}

/// The path (and query) of an absolute URL.
pub(crate) fn path_of(url: &str) -> &str {
    url.split_once("://").and_then(|(_, rest)| rest.find('/').map(|i| &rest[i..])).unwrap_or(url)
}

/// Resolves `reference` against the absolute URL `base` (absolute references, absolute paths,
/// relative paths, queries).
pub(crate) fn resolve(base: &str, reference: &str) -> String {
    if reference.contains("://") {
        return reference.to_owned();
    }
    let origin_end =
        base.find("://").map(|i| i + 3).and_then(|i| base[i..].find('/').map(|j| i + j)).unwrap_or(base.len());
    let origin = &base[..origin_end];
    if reference.starts_with('/') {
        return format!("{origin}{reference}");
    }
    let path = &base[origin_end..];
    let path = path.split(['?', '#']).next().unwrap_or("");
    if reference.starts_with('?') {
        return format!("{origin}{path}{reference}");
    }
    let dir = path.rsplit_once('/').map_or("", |(d, _)| d);
    format!("{origin}{dir}/{reference}")
}

/// Deterministic ids from the seed: `prefix` + 32 hex digits.
pub(crate) fn id(prefix: &str, seed: u64, n: u64) -> String {
    // splitmix64: a fixed, well-mixed sequence, so transcripts are byte-stable for a seed.
    let mut x = seed.wrapping_add(n.wrapping_mul(0x9E37_79B9_7F4A_7C15));
    let mut next = || {
        x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = x;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    };
    format!("{prefix}{:016x}{:016x}", next(), next())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_resolve_like_a_browser() {
        let base = "http://app.test/twiml/incoming?x=1";
        assert_eq!(resolve(base, "/twiml/menu"), "http://app.test/twiml/menu");
        assert_eq!(resolve(base, "menu"), "http://app.test/twiml/menu");
        assert_eq!(resolve(base, "?y=2"), "http://app.test/twiml/incoming?y=2");
        assert_eq!(resolve(base, "https://other.test/a"), "https://other.test/a");
        assert_eq!(resolve("http://app.test", "a"), "http://app.test/a");
        assert_eq!(path_of("http://app.test/twiml/menu?x"), "/twiml/menu?x");
    }

    #[test]
    fn ids_are_stable_per_seed() {
        assert_eq!(id("CA", 7, 0), id("CA", 7, 0));
        assert_ne!(id("CA", 7, 0), id("CA", 8, 0));
        assert_eq!(id("CA", 7, 0).len(), 34);
    }

    #[test]
    fn the_cycle_is_the_repeating_tail() {
        let clock = Clock {
            urls: ["http://a/x", "http://a/menu", "http://a/incoming", "http://a/menu"].map(String::from).to_vec(),
            ..Clock::default()
        };
        assert_eq!(clock.cycle(), "/menu → /incoming → /menu");
    }
}
