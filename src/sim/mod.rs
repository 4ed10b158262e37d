//! The offline call simulator (feature `sim`): plays the provider against your application, with no
//! phone, no account and no tunnel. It sends the incoming-call webhook as Twilio, an ACML provider
//! or Bandwidth would, reads each reply with the crate's own parsers, runs it verb by verb on a
//! virtual clock that never sleeps, feeds scripted caller behaviour (digits, speech, silence,
//! hang-up, dial outcomes) and posts every callback the provider would post. The result is a
//! [`Transcript`] and, for scripts, pass/fail checks.
//!
//! The application is any `tower::Service`: an axum `Router` in the same process (no socket), or
//! with feature `sim-http` [`http_client`] for an application behind a URL, in any language.
//!
//! ```
//! # #[cfg(feature = "axum")]
//! # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
//! use axum::routing::post;
//! use callml::sim::{Profile, Simulator, expect};
//! use callml::twiml::{Gather, Response};
//!
//! let app = axum::Router::new()
//!     .route("/incoming", post(|| async { Response::new().gather(Gather::new().num_digits(1).action("/menu").say("Press 1")) }))
//!     .route("/menu", post(|| async { Response::new().say("Thanks").hangup() }));
//! let mut call = Simulator::new(app).profile(Profile::Twilio).start("/incoming").await.unwrap();
//! call.expect(&expect("say ~\"Press 1\"").unwrap()).await.unwrap();
//! call.press("1").await.unwrap();
//! call.expect(&expect("request POST /menu Digits=1").unwrap()).await.unwrap();
//! let transcript = call.finish().await;
//! assert_eq!(transcript.outcome().unwrap().cause.as_str(), "hangup-verb");
//! # });
//! ```

mod driver;
mod engine;
mod expect;
mod script;
mod transcript;

use std::collections::BTreeMap;

use bytes::Bytes;
use http_body_util::Full;
use tower::Service;

pub use engine::{CallerInput, Listen};
pub use expect::{Check, ExpectError, Expectation, expect};
pub use script::{Report, Script, ScriptError};

/// Reads a duration as scripts write it: `5s`, `1.5s`, `300ms`, `2m`, `4h`.
///
/// ```
/// assert_eq!(callml::sim::parse_duration("1.5s"), Some(1500));
/// assert_eq!(callml::sim::parse_duration("soon"), None);
/// ```
pub fn parse_duration(text: &str) -> Option<u64> {
    script::duration_ms(text)
}
pub use transcript::{EndCause, EventKind, Outcome, Transcript, TranscriptEvent};

use driver::Transport;
use engine::{Engine, Next, World};

/// What the simulator calls: any cloneable `tower::Service` from HTTP requests to HTTP responses,
/// such as an axum `Router`, [`http_client`] (feature `sim-http`) or a `tower::service_fn`.
/// Implemented for every such service; errors need only `Display`.
///
/// ```
/// fn runs_in_the_simulator<A: callml::sim::Application>(_: &A) {}
/// let static_reply = tower::service_fn(|_: http::Request<http_body_util::Full<bytes::Bytes>>| async {
///     Ok::<_, std::convert::Infallible>(http::Response::new(String::from("<Response><Hangup/></Response>")))
/// });
/// runs_in_the_simulator(&static_reply);
/// ```
pub trait Application:
    Service<http::Request<Full<Bytes>>, Response = http::Response<Self::ResponseBody>, Error = Self::Failure> + Clone
{
    /// The body of its responses.
    type ResponseBody: http_body::Body<Error = Self::BodyError>;
    /// Why reading a response body failed.
    type BodyError: std::fmt::Display;
    /// Why a request failed (the application could not be reached).
    type Failure: std::fmt::Display;
}

impl<S, B> Application for S
where
    S: Service<http::Request<Full<Bytes>>, Response = http::Response<B>> + Clone,
    S::Error: std::fmt::Display,
    B: http_body::Body,
    B::Error: std::fmt::Display,
{
    type ResponseBody = B;
    type BodyError = B::Error;
    type Failure = S::Error;
}

/// Which provider the simulator plays.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Deserialize, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Profile {
    /// Twilio (also SignalWire and Telnyx TeXML): TwiML, form requests, `X-Twilio-Signature`.
    #[default]
    Twilio,
    /// The CallAPI providers' ACML: TwiML, form requests with `PostStatus`, `InstanceId`.
    Acml,
    /// Bandwidth Voice v2: BXML, JSON callbacks, the Basic-auth challenge.
    BandwidthV2,
}

impl Profile {
    /// The name used in scripts and transcripts.
    pub fn as_str(self) -> &'static str {
        match self {
            Profile::Twilio => "twilio",
            Profile::Acml => "acml",
            Profile::BandwidthV2 => "bandwidth-v2",
        }
    }
}

/// What happens when the call dials a target (TwiML Dial, BXML Transfer).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DialOutcome {
    /// `answered`, `busy`, `no-answer`, `failed`, `canceled`.
    pub outcome: String,
    /// Ring time in milliseconds.
    pub ring_ms: u64,
    /// Talk time in milliseconds (answered calls).
    pub talk_ms: u64,
    /// Whether the caller (not the callee) ends the bridged call, which ends the whole call.
    pub ended_by_caller: bool,
}

impl DialOutcome {
    /// Answered after 3 s, 10 s of talk, the callee hangs up.
    ///
    /// ```
    /// let o = callml::sim::DialOutcome::answered();
    /// assert_eq!((o.ring_ms, o.talk_ms), (3_000, 10_000));
    /// ```
    pub fn answered() -> Self {
        DialOutcome { outcome: "answered".into(), ring_ms: 3_000, talk_ms: 10_000, ended_by_caller: false }
    }

    /// Not answered: `busy`, `no-answer`, `failed` or `canceled`, after 3 s of ringing.
    pub fn unanswered(outcome: &str) -> Self {
        DialOutcome { outcome: outcome.to_owned(), ring_ms: 3_000, talk_ms: 0, ended_by_caller: false }
    }
}

/// What stops a simulation before its call ends: the script or the transport, never the
/// application (application errors are transcript events).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SimError {
    /// An expectation was not met.
    #[error(transparent)]
    Expect(#[from] ExpectError),
    /// The script is invalid.
    #[error(transparent)]
    Script(#[from] ScriptError),
}

/// Configures and starts simulated calls against an application.
#[derive(Debug, Clone)]
pub struct Simulator<S> {
    service: S,
    base_url: String,
    world: World,
    seed: u64,
    auth_token: Option<String>,
    basic: Option<(String, String)>,
    cookies: bool,
    reaction_ms: u64,
}

impl<S> Simulator<S> {
    /// A simulator of the Twilio profile against `service`; requests go to `http://app.test`
    /// unless [`base_url`](Self::base_url) says otherwise.
    pub fn new(service: S) -> Self {
        Simulator {
            service,
            base_url: "http://app.test".into(),
            world: World {
                profile: Profile::Twilio,
                from: "+15551112222".into(),
                to: "+15553334444".into(),
                caller_name: None,
                call_id: String::new(),
                account_id: String::new(),
                status_callback: None,
                fallback_url: None,
                words_per_minute: 160,
                media: BTreeMap::new(),
                dial: BTreeMap::new(),
                dial_default: None,
                max_documents: 50,
                max_duration_ms: 4 * 3600 * 1000,
                finish_key_alone_submits: false,
                request_after_hang_up: true,
            },
            seed: 7,
            auth_token: None,
            basic: None,
            cookies: true,
            reaction_ms: 1_000,
        }
    }

    /// The provider to play.
    pub fn profile(mut self, profile: Profile) -> Self {
        self.world.profile = profile;
        self
    }
    /// The origin relative URLs are joined to (`http://127.0.0.1:3000`).
    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.base_url = url.into().trim_end_matches('/').to_owned();
        self
    }
    /// The caller.
    pub fn from(mut self, from: impl Into<String>) -> Self {
        self.world.from = from.into();
        self
    }
    /// The number called.
    pub fn to(mut self, to: impl Into<String>) -> Self {
        self.world.to = to.into();
        self
    }
    /// The caller's name (TwiML `CallerName`).
    pub fn caller_name(mut self, name: impl Into<String>) -> Self {
        self.world.caller_name = Some(name.into());
        self
    }
    /// The seed of ids and timestamps.
    pub fn seed(mut self, seed: u64) -> Self {
        self.seed = seed;
        self
    }
    /// Signs TwiML requests with `X-Twilio-Signature` using this auth token.
    pub fn auth_token(mut self, token: impl Into<String>) -> Self {
        self.auth_token = Some(token.into());
        self
    }
    /// Credentials for Bandwidth's Basic challenge.
    pub fn basic_auth(mut self, user: impl Into<String>, password: impl Into<String>) -> Self {
        self.basic = Some((user.into(), password.into()));
        self
    }
    /// Whether cookies the application sets are returned (default: yes, as Twilio does).
    pub fn cookies(mut self, on: bool) -> Self {
        self.cookies = on;
        self
    }
    /// The number-level status callback URL.
    pub fn status_callback(mut self, url: impl Into<String>) -> Self {
        self.world.status_callback = Some(url.into());
        self
    }
    /// The number's fallback URL.
    pub fn fallback_url(mut self, url: impl Into<String>) -> Self {
        self.world.fallback_url = Some(url.into());
        self
    }
    /// What happens when `target` is dialled (`"default"` for every unscripted target).
    pub fn dial(mut self, target: impl Into<String>, outcome: DialOutcome) -> Self {
        let target = target.into();
        if target == "default" {
            self.world.dial_default = Some(outcome);
        } else {
            self.world.dial.insert(target, outcome);
        }
        self
    }
    /// How long a media file plays (default 5 s).
    pub fn media(mut self, url: impl Into<String>, duration_ms: u64) -> Self {
        self.world.media.insert(url.into(), duration_ms);
        self
    }
    /// Speech rate for estimating how long `<Say>` takes (default 160 words a minute).
    pub fn words_per_minute(mut self, wpm: u32) -> Self {
        self.world.words_per_minute = wpm;
        self
    }
    /// Delay between the call listening and a scripted key press or speech (default 1 s).
    pub fn reaction_ms(mut self, ms: u64) -> Self {
        self.reaction_ms = ms;
        self
    }
    /// Budgets: documents per call (default 50) and virtual call time (default 4 h).
    pub fn budget(mut self, max_documents: u32, max_duration_ms: u64) -> Self {
        self.world.max_documents = max_documents;
        self.world.max_duration_ms = max_duration_ms;
        self
    }
    /// TwiML: whether the action of a Dial or Record is still requested (its TwiML ignored) when
    /// the caller hangs up during it (`true`, the default and an assumption Twilio does not
    /// document), or not at all.
    pub fn request_after_hang_up(mut self, request: bool) -> Self {
        self.world.request_after_hang_up = request;
        self
    }
    /// TwiML: whether a Gather ended by its finish key alone posts to its action (`true`) or
    /// counts as no input (`false`, the default, as Twilio's documentation describes).
    pub fn finish_key_alone_submits(mut self, submits: bool) -> Self {
        self.world.finish_key_alone_submits = submits;
        self
    }
}

impl<S: Application> Simulator<S> {
    /// Places the call: sends the incoming-call request to `url` and runs until the call first
    /// waits for the caller, or ends.
    pub async fn start(&self, url: &str) -> Result<Call<S>, SimError> {
        let mut world = self.world.clone();
        let (call_prefix, account_prefix) = match world.profile {
            Profile::BandwidthV2 => ("c-", "acct-"),
            _ => ("CA", "AC"),
        };
        world.call_id = engine::id(call_prefix, self.seed, 0);
        world.account_id = engine::id(account_prefix, self.seed, 1);
        let url = engine::resolve(&format!("{}/", self.base_url), url);
        let call_id = world.call_id.clone();
        let engine: Box<dyn Engine + Send> = match world.profile {
            Profile::BandwidthV2 => Box::new(engine::bxml::BxmlEngine::new(world, url, self.seed)),
            _ => Box::new(engine::twiml::TwimlEngine::new(world, url, self.seed)),
        };
        let mut call = Call {
            transport: Transport {
                service: self.service.clone(),
                profile: self.world.profile,
                auth_token: self.auth_token.clone(),
                basic: self.basic.clone(),
                cookies: self.cookies.then(Vec::new),
            },
            engine,
            transcript: Transcript {
                provider: self.world.profile.as_str().to_owned(),
                seed: self.seed,
                call_id,
                events: Vec::new(),
            },
            state: CallState::Running,
            listening: None,
            reaction_ms: self.reaction_ms,
            cursor: 0,
            pending: Vec::new(),
        };
        call.run().await;
        Ok(call)
    }
}

#[derive(Debug, Clone, PartialEq)]
enum CallState {
    Running,
    Listening,
    Ended,
}

/// A call in progress: give it caller input, check what happened, let it finish.
pub struct Call<S> {
    transport: Transport<S>,
    engine: Box<dyn Engine + Send>,
    transcript: Transcript,
    state: CallState,
    listening: Option<Listen>,
    reaction_ms: u64,
    pub(crate) cursor: usize,
    /// Negative expectations waiting for the next positive match.
    pending: Vec<Expectation>,
}

impl<S> std::fmt::Debug for Call<S> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Call").field("transcript", &self.transcript).field("state", &self.state).finish()
    }
}

impl<S: Application> Call<S> {
    /// Runs until the call waits for the caller or ends.
    async fn run(&mut self) {
        loop {
            match self.engine.next(&mut self.transcript.events) {
                Next::Fetch(request) => {
                    let reply = self.transport.send(&request, self.engine.now(), &mut self.transcript.events).await;
                    self.engine.reply(reply, &mut self.transcript.events);
                }
                Next::Notify(request) => {
                    let reply = self.transport.send(&request, self.engine.now(), &mut self.transcript.events).await;
                    if let engine::Reply::Http { status, content_type, body, .. } = reply {
                        let kind = EventKind::Response {
                            status,
                            content_type,
                            bytes: body.len(),
                            verbs: Vec::new(),
                            document: None,
                        };
                        self.transcript.events.push(TranscriptEvent { t: self.engine.now(), path: None, kind });
                    }
                }
                Next::Listen(listen) => {
                    self.state = CallState::Listening;
                    self.listening = Some(listen);
                    return;
                }
                Next::Ended(_) => {
                    self.state = CallState::Ended;
                    return;
                }
            }
        }
    }

    /// Gives the caller's input to the call's next listener, then runs until the call waits
    /// again or ends. Input that arrives after a listener gave up goes to the next one; input
    /// after the call ended is recorded as lost.
    pub async fn input(&mut self, input: CallerInput) {
        let mut input = Some(input);
        while let Some(next) = input.take() {
            if self.state != CallState::Listening {
                let what = next.describe();
                self.transcript.events.push(TranscriptEvent {
                    t: self.engine.now(),
                    path: None,
                    kind: EventKind::Lost { what },
                });
                return;
            }
            self.state = CallState::Running;
            self.listening = None;
            input = self.engine.input(next, &mut self.transcript.events);
            self.run().await;
        }
    }

    /// Presses keys, after the simulator's reaction time.
    pub async fn press(&mut self, digits: &str) -> Result<(), SimError> {
        self.input(CallerInput::Press { digits: digits.to_owned(), after_ms: self.reaction_ms, gap_ms: 300 }).await;
        Ok(())
    }

    /// Says something (recognised with confidence 0.9), after the reaction time.
    pub async fn say(&mut self, text: &str) -> Result<(), SimError> {
        self.input(CallerInput::Say { text: text.to_owned(), confidence: 0.9, after_ms: self.reaction_ms }).await;
        Ok(())
    }

    /// Talks for `duration_ms` (a recording).
    pub async fn speak(&mut self, duration_ms: u64) -> Result<(), SimError> {
        self.input(CallerInput::Speak { duration_ms, then_press: None }).await;
        Ok(())
    }

    /// Stays silent until the current listener gives up.
    pub async fn silence(&mut self) {
        self.input(CallerInput::Silence { duration_ms: None }).await;
    }

    /// Hangs up.
    pub async fn hang_up(&mut self) {
        self.input(CallerInput::HangUp { after_ms: 0 }).await;
    }

    /// Whether the call waits for the caller.
    pub fn is_listening(&self) -> bool {
        self.state == CallState::Listening
    }

    /// What the call waits for, while it waits: lets a test branch on the prompt.
    pub fn listening(&self) -> Option<&Listen> {
        self.listening.as_ref()
    }

    /// Whether the call is over.
    pub fn is_ended(&self) -> bool {
        self.state == CallState::Ended
    }

    /// Appends a note to the transcript.
    pub fn note(&mut self, text: &str) {
        self.transcript.events.push(TranscriptEvent {
            t: self.engine.now(),
            path: None,
            kind: EventKind::Note { text: text.to_owned() },
        });
    }

    /// What happened so far.
    pub fn transcript(&self) -> &Transcript {
        &self.transcript
    }

    /// Checks an expectation against what happened after the previous match; while nothing
    /// matches, the call runs on in silence, until a match or the end of the call. A negative
    /// expectation (`expect no ...`) is checked when the next positive one matches: that one then
    /// fails if the forbidden event happened in between.
    pub async fn expect(&mut self, expectation: &Expectation) -> Result<usize, ExpectError> {
        if expectation.negated {
            self.pending.push(expectation.clone());
            return Ok(self.cursor);
        }
        loop {
            if let Some(at) = expectation.find(&self.transcript.events, self.cursor) {
                let window = &self.transcript.events[self.cursor..at];
                let pending = std::mem::take(&mut self.pending);
                if let Some(e) = pending.iter().find_map(|neg| neg.forbidden_in(window, self.cursor)) {
                    return Err(e);
                }
                self.cursor = at + 1;
                return Ok(at);
            }
            if expectation.next_only && expectation.next_audible_exists(&self.transcript.events, self.cursor) {
                return Err(expectation.missing(&self.transcript.events, self.cursor));
            }
            if self.state == CallState::Ended {
                return Err(expectation.missing(&self.transcript.events, self.cursor));
            }
            self.silence().await;
        }
    }

    /// Lets the call run in silence to its end and returns the transcript.
    pub async fn finish(mut self) -> Transcript {
        while self.state != CallState::Ended {
            self.silence().await;
        }
        self.transcript
    }

    /// Overrides the outcome of the next dial (TwiML Dial, BXML Transfer).
    pub fn next_dial(&mut self, outcome: DialOutcome) {
        self.engine.override_dial(outcome);
    }
}

/// A client for an application behind a URL (feature `sim-http`): plain HTTP/1.
///
/// ```no_run
/// # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
/// use callml::sim::{Simulator, http_client};
/// let call = Simulator::new(http_client()).base_url("http://127.0.0.1:3000").start("/twiml/incoming").await.unwrap();
/// println!("{}", call.finish().await.to_text());
/// # });
/// ```
#[cfg(feature = "sim-http")]
pub fn http_client()
-> hyper_util::client::legacy::Client<hyper_util::client::legacy::connect::HttpConnector, Full<Bytes>> {
    hyper_util::client::legacy::Client::builder(hyper_util::rt::TokioExecutor::new()).build_http()
}
