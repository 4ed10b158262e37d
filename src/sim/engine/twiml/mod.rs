//! The TwiML interpreter (profiles `twilio` and `acml`): every TwiML verb (Say, Gather, Record, Dial, ...),
//! with the provider's timings, on a virtual clock.

mod input;
mod verbs;

use std::borrow::Cow;
use std::collections::VecDeque;

use super::{
    CallerInput, Clock, DialOutcome, Engine, Listen, Next, Reply, Request, World, id, interrupt_prompts, resolve,
};
use crate::event::{
    CallDirection, CallParams, CallStatus, DialAction, DialCallStatus, FallbackRequest, GatherAction, IncomingRequest,
    PostStatus, RecordAction, RecordingStatus, RecordingStatusCallback, StatusCallback, TranscriptionCallback,
    TranscriptionStatus,
};
use crate::flow::{self, Exit};
use crate::sim::Profile;
use crate::sim::transcript::{EndCause, EventKind, Outcome, TranscriptEvent};
use crate::twiml::{
    DialContent, Gather, GatherChild, GatherInput, Method, Record, RejectReason, Response, ResponseChild, SpeechTimeout,
};
use crate::xml::Severity;

/// Largest reply Twilio reads (error 11750 above).
const MAX_REPLY: usize = 64 * 1024;

#[derive(Debug)]
enum State {
    /// The first request is still to be sent.
    Start,
    /// Executing the verbs of the current document.
    Run,
    /// A request to send, then wait for its reply.
    Send(Request, Awaiting),
    /// Waiting for the reply to a request.
    Awaiting(Awaiting),
    /// Waiting for the caller.
    Listening(Listening),
    /// The call is over; the status callback (if any) is still to be sent.
    Ending(Outcome),
    Ended(Outcome),
}

/// What to do with a reply.
#[derive(Debug, Clone)]
struct Awaiting {
    /// The request URL (the document's URL unless redirected).
    url: String,
    /// The call already ended: the reply is read and its document ignored.
    ignore: Option<Outcome>,
    /// Whether this is the fallback request.
    fallback: bool,
}

#[derive(Debug)]
struct Listening {
    verb: Listener,
    since: u64,
    until: u64,
    /// A Gather's prompts: when they started, and where their events start in the transcript.
    prompt: Option<(u64, usize)>,
}

#[derive(Debug)]
enum Listener {
    Gather(Box<Gather<'static>>),
    Record(Box<Record<'static>>),
    /// A bridged Dial with `hangupOnStar`.
    Dial(Box<Bridge>),
}

/// A dialled call that was placed: what is known when its ringing is over.
#[derive(Debug)]
struct Bridge {
    dial: crate::twiml::Dial<'static>,
    target: String,
    /// The `DialCallStatus`.
    status: String,
    ring: u64,
    /// When the talking started.
    started: u64,
    /// Talk time if nobody ends the bridge early.
    talk: u64,
    /// Whether the Dial leaves the document (it has an action).
    leaves: bool,
    caller_hung_up: bool,
}

/// The TwiML interpreter of one call.
pub(crate) struct TwimlEngine {
    world: World,
    url: String,
    clock: Clock,
    state: State,
    verbs: Vec<ResponseChild<'static>>,
    paths: Vec<String>,
    pc: usize,
    answered: bool,
    notifies: VecDeque<Request>,
    seq: u64,
    status_sequence: u32,
    seed: u64,
    assumed_finish_key: bool,
    next_dial: Option<DialOutcome>,
}

impl TwimlEngine {
    pub(crate) fn new(world: World, url: String, seed: u64) -> Self {
        TwimlEngine {
            world,
            url,
            clock: Clock::default(),
            state: State::Start,
            verbs: Vec::new(),
            paths: Vec::new(),
            pc: 0,
            answered: false,
            notifies: VecDeque::new(),
            seq: 0,
            status_sequence: 0,
            seed,
            assumed_finish_key: false,
            next_dial: None,
        }
    }

    fn acml(&self) -> bool {
        self.world.profile == Profile::Acml
    }

    /// The lint's profile for this simulator profile.
    fn profile(&self) -> crate::twiml::Profile {
        if self.acml() { crate::twiml::Profile::Acml } else { crate::twiml::Profile::Twilio }
    }

    /// The parameters every request carries, as the profile sends them.
    fn params(&self, status: &str) -> CallParams<'static> {
        let w = &self.world;
        let mut p = CallParams {
            call_sid: Cow::Owned(w.call_id.clone()),
            account_sid: Some(Cow::Owned(w.account_id.clone())),
            from: Some(Cow::Owned(w.from.clone())),
            to: Some(Cow::Owned(w.to.clone())),
            call_status: Some(CallStatus::from(status)),
            direction: Some(CallDirection::Inbound),
            ..CallParams::default()
        };
        if self.acml() {
            p.instance_id = Some(Cow::Owned(id("ID", self.seed, 1)));
            p.api_version = Some(Cow::Borrowed("2012-04-24"));
            p.caller_name = Some(Cow::Owned(w.caller_name.clone().unwrap_or_else(|| w.from.clone())));
            p.forwarded_from = Some(Cow::Borrowed("null"));
            p.call_timestamp = Some(Cow::Owned(iso_time(0)));
            p.post_status = Some(if self.clock.requests == 0 { PostStatus::New } else { PostStatus::Callback });
        } else {
            p.api_version = Some(Cow::Borrowed("2010-04-01"));
            p.caller = p.from.clone();
            p.called = p.to.clone();
            p.caller_name = w.caller_name.clone().map(Cow::Owned);
        }
        p
    }

    fn status(&self) -> &'static str {
        if self.answered { "in-progress" } else { "ringing" }
    }

    /// A request of `event_type` with `form` to `url` (resolved against the document's URL).
    fn request(&mut self, url: &str, method: Option<&Method>, event_type: &str, form: String, notify: bool) -> Request {
        self.clock.requests += 1;
        let url = resolve(&self.url, url);
        let form = if self.acml() { form } else { sorted(&form) };
        let get = matches!(method, Some(Method::Get));
        let (url, body) = if get { (with_query(&url, &form), String::new()) } else { (url, form) };
        Request {
            method: if get { "GET" } else { "POST" },
            url,
            content_type: "application/x-www-form-urlencoded",
            body,
            event_type: event_type.to_owned(),
            notify,
        }
    }

    /// Sends a flow-driving request; its reply is the next document.
    fn fetch(&mut self, url: &str, method: Option<&Method>, event_type: &str, form: String) {
        let request = self.request(url, method, event_type, form, false);
        let awaiting = Awaiting { url: request.url.clone(), ignore: None, fallback: false };
        self.state = State::Send(request, awaiting);
    }

    fn answer(&mut self, events: &mut Vec<TranscriptEvent>) {
        if !self.answered {
            self.answered = true;
            self.clock.answered_at = Some(self.clock.now);
            self.clock.push(events, EventKind::Answered);
        }
    }

    fn end(&mut self, status: &str, cause: EndCause) {
        self.state = State::Ending(self.clock.outcome(status, cause));
    }

    fn next_id(&mut self, prefix: &str) -> String {
        self.seq += 1;
        id(prefix, self.seed, 100 + self.seq)
    }

    /// An application error: the fallback URL if there is one (once), else the call ends.
    fn fail(&mut self, code: &str, message: String, url: &str, fallback: bool, events: &mut Vec<TranscriptEvent>) {
        self.clock.push(events, EventKind::Error { code: code.to_owned(), message });
        match self.world.fallback_url.clone() {
            Some(fallback_url) if !fallback => {
                let request = FallbackRequest {
                    call: self.params(self.status()),
                    error_code: Some(Cow::Owned(code.to_owned())),
                    error_url: Some(Cow::Owned(url.to_owned())),
                    ..FallbackRequest::default()
                };
                let request = self.request(&fallback_url, None, "fallback", request.to_form(), false);
                let awaiting = Awaiting { url: request.url.clone(), ignore: None, fallback: true };
                self.state = State::Send(request, awaiting);
            }
            _ => {
                self.clock.push(
                    events,
                    EventKind::Warning {
                        message: "the caller hears the provider's application-error announcement".into(),
                    },
                );
                let status = if self.answered { "completed" } else { "failed" };
                self.end(status, EndCause::AppError);
            }
        }
    }

    /// Loads a reply as the next document.
    fn load(
        &mut self,
        status: u16,
        content_type: &str,
        body: &[u8],
        url: &str,
        fallback: bool,
        events: &mut Vec<TranscriptEvent>,
    ) {
        let media = content_type.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
        let mut response = EventKind::Response {
            status,
            content_type: content_type.to_owned(),
            bytes: body.len(),
            verbs: Vec::new(),
            document: None,
        };
        let request_url = url.to_owned();
        self.clock.path = None;
        let result = if !(200..300).contains(&status) {
            Err(("11200", format!("HTTP retrieval failure: status {status}")))
        } else if body.len() > MAX_REPLY {
            Err(("11750", format!("the reply is {} bytes; the limit is {MAX_REPLY}", body.len())))
        } else if matches!(media.as_str(), "text/xml" | "application/xml" | "text/html") {
            match std::str::from_utf8(body)
                .map_err(|e| e.to_string())
                .and_then(|t| Response::from_xml(t).map_err(|e| e.to_string()))
            {
                Ok(doc) => Ok(doc),
                Err(e) => Err(("12100", format!("document parse failure: {e}"))),
            }
        } else if media == "text/plain" {
            let text = String::from_utf8_lossy(body).into_owned();
            Ok(Response::new().say(text).hangup())
        } else if media.starts_with("audio/") {
            Ok(Response::new().play(request_url.clone()).hangup())
        } else {
            Err(("12300", format!("invalid content type {content_type:?}")))
        };
        match result {
            Ok(doc) => {
                if let EventKind::Response { verbs, document, .. } = &mut response {
                    *verbs = doc.children.iter().map(|c| c.name().to_owned()).collect();
                    *document = Some(doc.to_json());
                }
                self.clock.push(events, response);
                for finding in doc.validate_for(self.profile()) {
                    let severity = if finding.severity == Severity::Error { "lint error" } else { "lint" };
                    self.clock.push(events, EventKind::Warning { message: format!("{severity}: {finding}") });
                }
                self.clock.documents += 1;
                self.clock.urls.push(url.to_owned());
                self.url = url.to_owned();
                self.paths = crate::xml::lint::child_paths("Response", doc.children.iter().map(|c| c.name()));
                self.verbs = doc.children;
                self.pc = 0;
                self.state = State::Run;
                if self.clock.documents > self.world.max_documents {
                    let message = format!(
                        "document budget of {} reached; the flow loops: {}",
                        self.world.max_documents,
                        self.clock.cycle()
                    );
                    self.clock.push(events, EventKind::Warning { message });
                    let status = if self.answered { "completed" } else { "failed" };
                    self.end(status, EndCause::Limit);
                }
            }
            Err((code, message)) => {
                self.clock.push(events, response);
                self.fail(code, message, &request_url, fallback, events);
            }
        }
    }

    fn status_callback(&mut self, outcome: &Outcome) -> Option<Request> {
        let url = self.world.status_callback.clone()?;
        self.status_sequence += 1;
        let talk_ms = self.clock.answered_at.map_or(0, |a| self.clock.now - a);
        let mut call = self.params(&outcome.status);
        call.post_status = self.acml().then_some(PostStatus::Callback);
        let request = StatusCallback {
            call,
            call_duration: Some(talk_ms.div_ceil(1000) as u32),
            duration: (!self.acml()).then_some(talk_ms.div_ceil(60_000) as u32),
            timestamp: (!self.acml()).then(|| Cow::Owned(rfc2822(self.clock.now))),
            callback_source: (!self.acml()).then_some(Cow::Borrowed("call-progress-events")),
            sequence_number: (!self.acml()).then_some(self.status_sequence - 1),
            ..StatusCallback::default()
        };
        Some(self.request(&url, None, "status", request.to_form(), true))
    }
}

impl Engine for TwimlEngine {
    fn next(&mut self, events: &mut Vec<TranscriptEvent>) -> Next {
        loop {
            if let Some(request) = self.notifies.pop_front() {
                return Next::Notify(request);
            }
            match std::mem::replace(&mut self.state, State::Run) {
                State::Start => {
                    let request = IncomingRequest { call: self.params("ringing"), ..IncomingRequest::default() };
                    let url = self.url.clone();
                    self.fetch(&url, None, "incoming", request.to_form());
                }
                State::Send(request, awaiting) => {
                    self.state = State::Awaiting(awaiting);
                    return Next::Fetch(request);
                }
                State::Awaiting(awaiting) => {
                    // A fetch without its reply: treat as unreachable rather than hang.
                    self.state = State::Awaiting(awaiting);
                    self.reply(Reply::Unreachable { message: "no reply was given".into() }, events);
                }
                State::Listening(l) => {
                    let listen = Listen {
                        dtmf: true,
                        speech: matches!(&l.verb, Listener::Gather(g) if g.input.as_ref().is_some_and(|i| i.items().contains(&GatherInput::Speech))),
                        record: matches!(l.verb, Listener::Record(_)),
                        since: l.since,
                        until: l.until,
                    };
                    self.state = State::Listening(l);
                    return Next::Listen(listen);
                }
                State::Run => {
                    if self.clock.now > self.world.max_duration_ms {
                        self.clock.push(events, EventKind::Warning { message: "call time budget reached".into() });
                        self.end("completed", EndCause::Limit);
                        continue;
                    }
                    self.clock.path = self.paths.get(self.pc).cloned();
                    let Some(verb) = self.verbs.get(self.pc).cloned() else {
                        self.answer(events);
                        self.clock.push(
                            events,
                            EventKind::Element {
                                name: "end of document".into(),
                                attrs: Vec::new(),
                                targets: Vec::new(),
                            },
                        );
                        self.end("completed", EndCause::DocumentEnd);
                        continue;
                    };
                    self.pc += 1;
                    if let Some(listen) = self.run_verb(verb, events) {
                        return Next::Listen(listen);
                    }
                }
                State::Ending(outcome) => {
                    self.state = State::Ended(outcome.clone());
                    if let Some(request) = self.status_callback(&outcome) {
                        return Next::Notify(request);
                    }
                }
                State::Ended(mut outcome) => {
                    outcome.requests = self.clock.requests;
                    if !matches!(events.last(), Some(TranscriptEvent { kind: EventKind::Ended(_), .. })) {
                        self.clock.push(events, EventKind::Ended(outcome.clone()));
                    }
                    self.state = State::Ended(outcome.clone());
                    return Next::Ended(outcome);
                }
            }
        }
    }

    fn reply(&mut self, reply: Reply, events: &mut Vec<TranscriptEvent>) {
        let State::Awaiting(awaiting) = std::mem::replace(&mut self.state, State::Run) else { return };
        if let Some(outcome) = awaiting.ignore {
            if let Reply::Http { status, content_type, body, .. } = &reply {
                let response = EventKind::Response {
                    status: *status,
                    content_type: content_type.clone(),
                    bytes: body.len(),
                    verbs: Vec::new(),
                    document: None,
                };
                self.clock.push(events, response);
            }
            self.state = State::Ending(outcome);
            return;
        }
        match reply {
            Reply::Http { status, content_type, body, url } => {
                self.load(status, &content_type, &body, &url, awaiting.fallback, events)
            }
            Reply::Unreachable { message } => {
                self.clock.push(
                    events,
                    EventKind::Response {
                        status: 0,
                        content_type: String::new(),
                        bytes: 0,
                        verbs: Vec::new(),
                        document: None,
                    },
                );
                self.fail(
                    "11205",
                    format!("HTTP connection failure: {message}"),
                    &awaiting.url,
                    awaiting.fallback,
                    events,
                )
            }
            Reply::BadRedirect { too_many: true } => {
                self.fail("11215", "too many HTTP redirects".into(), &awaiting.url, awaiting.fallback, events)
            }
            Reply::BadRedirect { too_many: false } => {
                self.fail("11216", "HTTP bad redirect".into(), &awaiting.url, awaiting.fallback, events)
            }
        }
    }

    fn input(&mut self, input: CallerInput, events: &mut Vec<TranscriptEvent>) -> Option<CallerInput> {
        match std::mem::replace(&mut self.state, State::Run) {
            State::Listening(Listening { verb: Listener::Gather(g), since, until, prompt }) => {
                self.gather_input(g, since, until, prompt, input, events)
            }
            State::Listening(Listening { verb: Listener::Record(r), since, until, .. }) => {
                self.record_input(r, since, until, input.without_prompt(), events)
            }
            State::Listening(Listening { verb: Listener::Dial(b), since, until, .. }) => {
                self.bridge_input(b, since, until, input.without_prompt(), events)
            }
            other => {
                self.state = other;
                self.clock.push(events, EventKind::Lost { what: input.describe() });
                None
            }
        }
    }

    fn now(&self) -> u64 {
        self.clock.now
    }

    fn override_dial(&mut self, outcome: DialOutcome) {
        self.next_dial = Some(outcome);
    }
}

/// The JSON form's attributes of an element, as `(name, value)` pairs.
pub(crate) fn verb_event(name: &str, json: &serde_json::Value, targets: Vec<String>) -> EventKind {
    let attrs = json
        .get(name)
        .and_then(|b| b.as_object())
        .map(|body| {
            body.iter()
                .filter(|(k, _)| *k != "children" && *k != "text")
                .map(|(k, v)| (k.clone(), v.as_str().map_or_else(|| v.to_string(), str::to_owned)))
                .collect()
        })
        .unwrap_or_default();
    EventKind::Element { name: name.to_owned(), attrs, targets }
}

/// Twilio's key order: sorted by name.
fn sorted(form: &str) -> String {
    let mut pairs: Vec<(Cow<'_, str>, Cow<'_, str>)> = form_urlencoded::parse(form.as_bytes()).collect();
    pairs.sort_by(|a, b| a.0.cmp(&b.0));
    form_urlencoded::Serializer::new(String::new()).extend_pairs(pairs).finish()
}

fn with_query(url: &str, form: &str) -> String {
    if form.is_empty() {
        url.to_owned()
    } else if url.contains('?') {
        format!("{url}&{form}")
    } else {
        format!("{url}?{form}")
    }
}

/// A fixed day plus `ms`: ISO 8601 (ACML's `CallTimestamp`).
pub(crate) fn iso_time(ms: u64) -> String {
    let s = ms / 1000;
    format!("2026-01-01T{:02}:{:02}:{:02}.{:03}Z", (s / 3600) % 24, (s / 60) % 60, s % 60, ms % 1000)
}

/// A fixed day plus `ms`: RFC 2822 (Twilio's `Timestamp`).
fn rfc2822(ms: u64) -> String {
    let s = ms / 1000;
    format!("Thu, 01 Jan 2026 {:02}:{:02}:{:02} +0000", (s / 3600) % 24, (s / 60) % 60, s % 60)
}
