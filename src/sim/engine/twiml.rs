//! The TwiML interpreter (profiles `twilio` and `acml`): the verb table of the simulator's design,
//! section 3.2, on a virtual clock.

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
use crate::sim::transcript::{EndCause, Event, EventKind, Outcome};
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

    fn answer(&mut self, events: &mut Vec<Event>) {
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
    fn fail(&mut self, code: &str, message: String, url: &str, fallback: bool, events: &mut Vec<Event>) {
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
        events: &mut Vec<Event>,
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
                    *verbs = doc.children.iter().map(|c| verb_name(c).to_owned()).collect();
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
                self.paths = crate::xml::rules::child_paths("Response", doc.children.iter().map(|c| c.name()));
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

    /// Runs one verb; returns a listen point when it waits for the caller.
    fn run_verb(&mut self, verb: ResponseChild<'static>, events: &mut Vec<Event>) -> Option<Listen> {
        match verb {
            ResponseChild::Say(say) => {
                self.answer(events);
                let text = say.text_content();
                let loops = say.loop_count.unwrap_or(1);
                if loops == 0 {
                    return self.forever(events, "<Say loop=\"0\">");
                }
                let duration_ms = self.world.speech_ms(&text) * u64::from(loops);
                let voice = say.voice.as_ref().map(|v| v.as_str().to_owned());
                self.clock.push(events, EventKind::Say { text, voice, duration_ms });
                self.clock.now += duration_ms;
            }
            ResponseChild::Play(play) => {
                self.answer(events);
                if let Some(digits) = play.digits.as_deref() {
                    let ms = digits.chars().map(|c| if c == 'w' { 500 } else { 100 }).sum();
                    self.clock.push(events, EventKind::Play { url: format!("digits:{digits}"), duration_ms: ms });
                    self.clock.now += ms;
                } else {
                    let loops = play.loop_count.unwrap_or(1);
                    if loops == 0 {
                        return self.forever(events, "<Play loop=\"0\">");
                    }
                    let duration_ms = self.world.media_ms(&play.text) * u64::from(loops);
                    self.clock.push(events, EventKind::Play { url: play.text.into_owned(), duration_ms });
                    self.clock.now += duration_ms;
                }
            }
            ResponseChild::Pause(pause) => {
                let duration_ms = u64::from(pause.length.unwrap_or(1)) * 1000;
                self.clock.push(events, EventKind::Pause { duration_ms });
                self.clock.now += duration_ms;
            }
            ResponseChild::Gather(gather) => {
                self.answer(events);
                self.clock.push(events, verb_event("Gather", &gather.to_json(), Vec::new()));
                let prompt = (self.clock.now, events.len());
                for prompt in &gather.children {
                    let child = match prompt {
                        GatherChild::Say(s) => ResponseChild::Say(s.clone()),
                        GatherChild::Play(p) => ResponseChild::Play(p.clone()),
                        GatherChild::Pause(p) => ResponseChild::Pause(p.clone()),
                        _ => continue,
                    };
                    if let Some(listen) = self.run_verb(child, events) {
                        return Some(listen);
                    }
                }
                let inputs =
                    gather.input.as_ref().map(|l| l.items().to_vec()).unwrap_or_else(|| vec![GatherInput::Dtmf]);
                let dtmf = inputs.contains(&GatherInput::Dtmf);
                let speech = inputs.contains(&GatherInput::Speech);
                let window = u64::from(gather.timeout.unwrap_or(5)) * 1000;
                let listen = self.listen(Listener::Gather(Box::new(gather)), window, dtmf, speech, false, events);
                if let State::Listening(l) = &mut self.state {
                    l.prompt = Some(prompt);
                }
                return Some(listen);
            }
            ResponseChild::Record(record) => {
                self.answer(events);
                self.clock.push(events, verb_event("Record", &record.to_json(), Vec::new()));
                if record.play_beep.unwrap_or(true) {
                    self.clock.now += 500;
                }
                let window = u64::from(record.timeout.unwrap_or(5)) * 1000;
                return Some(self.listen(Listener::Record(Box::new(record)), window, true, false, true, events));
            }
            ResponseChild::Dial(dial) => {
                self.answer(events);
                let leaves = matches!(flow::twiml(&ResponseChild::Dial(dial.clone()), self.profile()), Exit::Always(_));
                let mut targets: Vec<String> = dial
                    .children
                    .iter()
                    .filter_map(|c| match c {
                        DialContent::Text(t) if !t.trim().is_empty() => Some(t.trim().to_owned()),
                        DialContent::Number(n) => Some(n.text.trim().to_owned()),
                        DialContent::Client(c) => Some(format!("client:{}", c.text_content().trim())),
                        DialContent::Sip(s) => Some(s.text_content().trim().to_owned()),
                        _ => None,
                    })
                    .collect();
                if targets.is_empty() {
                    targets.push(String::new());
                }
                self.clock.push(events, verb_event("Dial", &dial.to_json(), targets.clone()));
                let (outcome, scripted) = match self.next_dial.take() {
                    Some(o) => (o, true),
                    None => self.world.dial_outcome(&targets[0]),
                };
                if !scripted {
                    let message =
                        format!("dial target {} is not in the script: answered after 3s, 10s of talk", targets[0]);
                    self.clock.push(events, EventKind::Warning { message });
                }
                let timeout = u64::from(dial.timeout.unwrap_or(30)) * 1000;
                let answered = outcome.outcome == "answered";
                let ring = if outcome.outcome == "no-answer" { timeout } else { outcome.ring_ms.min(timeout) };
                let talk =
                    if answered { outcome.talk_ms.min(u64::from(dial.time_limit.unwrap_or(14_400)) * 1000) } else { 0 };
                let status = if answered { "completed".to_owned() } else { outcome.outcome.clone() };
                self.clock.now += ring;
                let caller_hung_up = answered && outcome.ended_by_caller;
                let target = targets.swap_remove(0);
                let started = self.clock.now;
                let bridge = Bridge { dial, target, status, ring, started, talk, leaves, caller_hung_up };
                if answered && bridge.dial.hangup_on_star == Some(true) && !caller_hung_up {
                    // `*` ends the bridge: the call listens for it while the parties talk.
                    return Some(self.listen(Listener::Dial(Box::new(bridge)), talk, true, false, false, events));
                }
                self.bridge_ended(bridge, None, events);
            }
            ResponseChild::Hangup(_) => {
                self.answer(events);
                self.clock
                    .push(events, EventKind::Element { name: "Hangup".into(), attrs: Vec::new(), targets: Vec::new() });
                self.end("completed", EndCause::HangupVerb);
            }
            ResponseChild::Reject(reject) => {
                self.clock.push(events, verb_event("Reject", &reject.to_json(), Vec::new()));
                let status = match (&reject.reason, self.answered) {
                    (_, true) => "completed",
                    (Some(RejectReason::Busy), false) => "busy",
                    _ => "no-answer",
                };
                self.end(status, EndCause::Reject);
            }
            ResponseChild::Redirect(redirect) => {
                let url = resolve(&self.url, &redirect.text);
                self.clock.push(
                    events,
                    EventKind::Element { name: "Redirect".into(), attrs: Vec::new(), targets: vec![url.clone()] },
                );
                let request = IncomingRequest { call: self.params(self.status()), ..IncomingRequest::default() };
                self.fetch(
                    &url,
                    Some(redirect.method.as_ref().unwrap_or(&Method::Post)),
                    "redirect",
                    request.to_form(),
                );
            }
            other => {
                let message = format!("<{}> is not simulated; skipped", verb_name(&other));
                self.clock.push(events, EventKind::Warning { message });
            }
        }
        None
    }

    /// The dialled call is over after `bridge.talk`: its outcome, then the action (or the next verb).
    /// `ended_by` is the caller's input that ended the bridge early (recorded when it happened).
    fn bridge_ended(&mut self, bridge: Bridge, ended_by: Option<String>, events: &mut Vec<Event>) {
        let Bridge { dial, target, status, ring, started, talk, leaves, caller_hung_up } = bridge;
        let answered = status == "completed";
        self.clock.now = started;
        self.clock
            .push(events, EventKind::DialOutcome { target, outcome: status.clone(), ring_ms: ring, talk_ms: talk });
        self.clock.now += talk;
        if let Some(what) = ended_by {
            self.clock.push(events, EventKind::Input { what });
        }
        if let (true, Some(action)) = (leaves, dial.action.as_deref()) {
            let request = DialAction {
                call: self.params(if caller_hung_up { "completed" } else { "in-progress" }),
                dial_call_status: Some(DialCallStatus::from(status.as_str())),
                dial_call_sid: Some(Cow::Owned(self.next_id("CA"))),
                dial_call_duration: answered.then_some(talk.div_ceil(1000) as u32),
                dial_bridged: Some(answered),
                ..DialAction::default()
            };
            self.fetch(action, dial.method.as_ref(), "dial", request.to_form());
            if caller_hung_up {
                self.ignore_reply(events, "the caller hung up during the Dial");
            }
        } else if caller_hung_up {
            self.end("completed", EndCause::Caller);
        } else {
            self.state = State::Run;
        }
    }

    /// Input while a `hangupOnStar` bridge is up: `*` ends the bridge, a hang-up ends the call.
    fn bridge_input(
        &mut self,
        mut bridge: Box<Bridge>,
        since: u64,
        until: u64,
        input: CallerInput,
        events: &mut Vec<Event>,
    ) -> Option<CallerInput> {
        let window = until - since;
        let star_at = match &input {
            CallerInput::Press { digits, after_ms, gap_ms } => {
                digits.find('*').map(|i| after_ms + gap_ms * digits[..i].chars().count() as u64)
            }
            _ => None,
        };
        let ended_by = match input {
            CallerInput::Press { .. } if star_at.is_some_and(|t| t <= window) => {
                bridge.talk = since + star_at.unwrap_or(0) - bridge.started;
                Some(input.describe())
            }
            CallerInput::HangUp { after_ms } if after_ms <= window => {
                bridge.talk = since + after_ms - bridge.started;
                bridge.caller_hung_up = true;
                Some(input.describe())
            }
            CallerInput::Silence { duration_ms: Some(d) } if d < window => {
                self.clock.now = since + d;
                self.state = State::Listening(Listening {
                    verb: Listener::Dial(bridge),
                    since: self.clock.now,
                    until,
                    prompt: None,
                });
                return None;
            }
            CallerInput::Silence { .. } => None,
            other => {
                self.clock
                    .push(events, EventKind::Lost { what: format!("{} (only * ends the bridge)", other.describe()) });
                self.state = State::Listening(Listening { verb: Listener::Dial(bridge), since, until, prompt: None });
                return None;
            }
        };
        self.bridge_ended(*bridge, ended_by, events);
        None
    }

    /// A verb that repeats until the call ends (`loop="0"`): the call runs to its time budget.
    fn forever(&mut self, events: &mut Vec<Event>, what: &str) -> Option<Listen> {
        let message = format!("{what} repeats until the call ends; the call runs to its time budget");
        self.clock.push(events, EventKind::Warning { message });
        self.clock.now = self.clock.now.max(self.world.max_duration_ms);
        self.end("completed", EndCause::Limit);
        None
    }

    /// The caller hung up during a Dial or Record whose action is about to be requested: by
    /// default the request is made and its TwiML ignored (to verify against Twilio); with
    /// `after_hang_up = "none"` no request is made.
    fn ignore_reply(&mut self, events: &mut Vec<Event>, why: &str) {
        let outcome = self.clock.outcome("completed", EndCause::Caller);
        if !self.world.request_after_hang_up {
            self.clock.requests -= 1;
            let message = format!("{why}: no request is made (switch: after_hang_up = \"none\")");
            self.clock.push(events, EventKind::Warning { message });
            self.state = State::Ending(outcome);
        } else if let State::Send(_, awaiting) = &mut self.state {
            awaiting.ignore = Some(outcome);
            let message = format!(
                "{why}: the request is still made and its TwiML ignored (assumed, to verify; switch: after_hang_up = \"none\")"
            );
            self.clock.push(events, EventKind::Warning { message });
        }
    }

    fn listen(
        &mut self,
        verb: Listener,
        window: u64,
        dtmf: bool,
        speech: bool,
        record: bool,
        events: &mut Vec<Event>,
    ) -> Listen {
        let since = self.clock.now;
        let until = since + window;
        let mut input = Vec::new();
        if dtmf {
            input.push(if record { "key".to_owned() } else { "dtmf".to_owned() });
        }
        if speech {
            input.push("speech".into());
        }
        if record {
            input.insert(0, "record".into());
        }
        self.clock.push(events, EventKind::Listen { input, until });
        self.state = State::Listening(Listening { verb, since, until, prompt: None });
        Listen { dtmf, speech, record, since, until }
    }

    /// The Gather ended without input: its action (with `actionOnEmptyResult`), else the next verb.
    fn gather_empty(&mut self, gather: &Gather<'static>, events: &mut Vec<Event>) {
        let verb = ResponseChild::Gather(gather.clone());
        if matches!(flow::twiml(&verb, self.profile()), Exit::Always(_)) {
            let request = GatherAction { call: self.params("in-progress"), ..GatherAction::default() };
            let action = gather.action.as_deref().map(str::to_owned).unwrap_or_else(|| self.url.clone());
            self.fetch(&action, gather.method.as_ref(), "gather", request.to_form());
        } else {
            self.clock.push(
                events,
                EventKind::Warning { message: "gather timed out with no input; the next verb runs".into() },
            );
            self.state = State::Run;
        }
    }

    fn gather_input(
        &mut self,
        gather: Box<Gather<'static>>,
        since: u64,
        until: u64,
        prompt: Option<(u64, usize)>,
        input: CallerInput,
        events: &mut Vec<Event>,
    ) -> Option<CallerInput> {
        if let CallerInput::DuringPrompt(inner) = input {
            return self.gather_during_prompt(gather, since, until, prompt, *inner, events);
        }
        let window = until - since;
        let (dtmf, speech) = {
            let inputs = gather.input.as_ref().map(|l| l.items().to_vec()).unwrap_or_else(|| vec![GatherInput::Dtmf]);
            (inputs.contains(&GatherInput::Dtmf), inputs.contains(&GatherInput::Speech))
        };
        let relisten = |engine: &mut Self, gather: Box<Gather<'static>>| {
            engine.state =
                State::Listening(Listening { verb: Listener::Gather(gather), since: engine.clock.now, until, prompt });
        };
        match input {
            CallerInput::Press { ref digits, after_ms, gap_ms } if dtmf => {
                if after_ms > window {
                    self.clock.now = until;
                    self.gather_empty(&gather, events);
                    return Some(input);
                }
                self.clock.now = since + after_ms;
                self.clock.push(events, EventKind::Input { what: input.describe() });
                let finish = gather.finish_on_key.as_deref().unwrap_or("#").to_owned();
                let limit = gather.num_digits.map(|n| n as usize);
                let (mut collected, mut finished, mut t) = (String::new(), None, since + after_ms);
                for (i, c) in digits.chars().enumerate() {
                    if i > 0 {
                        t += gap_ms;
                    }
                    if finish.contains(c) {
                        finished = Some(c);
                        break;
                    }
                    collected.push(c);
                    if limit.is_some_and(|n| collected.len() >= n) {
                        break;
                    }
                }
                let complete = finished.is_some() || limit.is_some_and(|n| collected.len() >= n);
                self.clock.now = if complete { t } else { t + window };
                if collected.is_empty() && !self.world.finish_key_alone_submits {
                    if !self.assumed_finish_key {
                        self.assumed_finish_key = true;
                        self.clock.push(events, EventKind::Warning {
                            message: "the finish key alone counts as no input (assumed; switch: finish_key_alone = \"submit\")".into(),
                        });
                    }
                    self.gather_empty(&gather, events);
                    return None;
                }
                let acml = self.acml();
                let request = GatherAction {
                    call: self.params("in-progress"),
                    digits: Some(Cow::Owned(collected)),
                    finished_on_key: (!acml).then(|| Cow::Owned(finished.map(String::from).unwrap_or_default())),
                    msg: (!acml).then_some(Cow::Borrowed("Gather End")),
                    ..GatherAction::default()
                };
                let action = gather.action.as_deref().map(str::to_owned).unwrap_or_else(|| self.url.clone());
                self.fetch(&action, gather.method.as_ref(), "gather", request.to_form());
                None
            }
            CallerInput::Say { ref text, confidence, after_ms } if speech => {
                if after_ms > window {
                    self.clock.now = until;
                    self.gather_empty(&gather, events);
                    return Some(input);
                }
                self.clock.now = since + after_ms;
                self.clock.push(events, EventKind::Input { what: input.describe() });
                let end_silence = match gather.speech_timeout {
                    Some(SpeechTimeout::Other(ref s)) => s.parse::<u64>().map_or(1000, |n| n * 1000),
                    _ => 1000,
                };
                self.clock.now += self.world.speech_ms(text) + end_silence;
                let request = GatherAction {
                    call: self.params("in-progress"),
                    speech_result: Some(Cow::Owned(text.clone())),
                    confidence: Some(confidence),
                    msg: (!self.acml()).then_some(Cow::Borrowed("Gather End")),
                    ..GatherAction::default()
                };
                let action = gather.action.as_deref().map(str::to_owned).unwrap_or_else(|| self.url.clone());
                self.fetch(&action, gather.method.as_ref(), "gather", request.to_form());
                None
            }
            CallerInput::Silence { duration_ms: Some(d) } if d < window => {
                self.clock.now = since + d;
                relisten(self, gather);
                None
            }
            CallerInput::Silence { .. } => {
                self.clock.now = until;
                self.gather_empty(&gather, events);
                None
            }
            CallerInput::HangUp { after_ms } => {
                if after_ms > window {
                    self.clock.now = until;
                    self.gather_empty(&gather, events);
                    return Some(input);
                }
                self.clock.now = since + after_ms;
                self.clock.push(events, EventKind::Input { what: input.describe() });
                self.end("completed", EndCause::Caller);
                None
            }
            other => {
                self.clock.push(
                    events,
                    EventKind::Lost { what: format!("{} (the Gather does not listen for it)", other.describe()) },
                );
                relisten(self, gather);
                None
            }
        }
    }

    /// Input that arrives while the Gather's prompts play: it cuts them short (barge-in), unless
    /// `bargeIn="false"`, when it is lost; after the prompts it is ordinary input.
    fn gather_during_prompt(
        &mut self,
        gather: Box<Gather<'static>>,
        since: u64,
        until: u64,
        prompt: Option<(u64, usize)>,
        input: CallerInput,
        events: &mut Vec<Event>,
    ) -> Option<CallerInput> {
        let Some((start, index)) = prompt else { return self.gather_input(gather, since, until, None, input, events) };
        let t = start + input.after_ms();
        if t >= since {
            return self.gather_input(gather, since, until, prompt, input.with_after(t - since), events);
        }
        if gather.barge_in == Some(false) {
            let what = format!("{} (bargeIn=\"false\": the prompt plays on)", input.describe());
            self.clock.push(events, EventKind::Lost { what });
            self.state = State::Listening(Listening { verb: Listener::Gather(gather), since, until, prompt });
            return None;
        }
        interrupt_prompts(events, index, t);
        self.clock.now = t;
        self.gather_input(gather, t, t + (until - since), None, input.with_after(0), events)
    }

    fn record_input(
        &mut self,
        record: Box<Record<'static>>,
        since: u64,
        until: u64,
        input: CallerInput,
        events: &mut Vec<Event>,
    ) -> Option<CallerInput> {
        let silence_ms = until - since;
        let max_ms = u64::from(record.max_length.unwrap_or(3600)) * 1000;
        let (talk, key, hung_up) = match input {
            CallerInput::DuringPrompt(inner) => return self.record_input(record, since, until, *inner, events),
            CallerInput::Speak { duration_ms, then_press } => (duration_ms, then_press, false),
            CallerInput::Say { ref text, after_ms, .. } => (after_ms + self.world.speech_ms(text), None, false),
            CallerInput::Press { ref digits, after_ms, .. } => (after_ms, digits.chars().next(), false),
            CallerInput::HangUp { after_ms } => (after_ms, None, true),
            CallerInput::Silence { duration_ms: Some(d) } if d < silence_ms => {
                self.clock.now = since + d;
                self.state = State::Listening(Listening {
                    verb: Listener::Record(record),
                    since: self.clock.now,
                    until,
                    prompt: None,
                });
                return None;
            }
            CallerInput::Silence { .. } => (0, None, false),
        };
        self.clock.push(events, EventKind::Input { what: input.describe() });
        if talk == 0 && !hung_up {
            self.clock.now = until;
            self.clock
                .push(events, EventKind::Warning { message: "empty recording: no request, the next verb runs".into() });
            self.state = State::Run;
            return None;
        }
        let talk = talk.min(max_ms);
        let finish = record.finish_on_key.as_deref().unwrap_or("1234567890*#");
        let digits =
            if hung_up { Some("hangup".to_owned()) } else { key.filter(|k| finish.contains(*k)).map(String::from) };
        self.clock.now = since + talk + if digits.is_none() && talk < max_ms { silence_ms } else { 0 };
        let recording_sid = self.next_id("RE");
        let recording_url =
            format!("https://api.twilio.com/2010-04-01/Accounts/{}/Recordings/{recording_sid}", self.world.account_id);
        let seconds = talk.div_ceil(1000) as u32;
        let status = if hung_up { "completed" } else { "in-progress" };
        let request = RecordAction {
            call: self.params(status),
            recording_url: Some(Cow::Owned(recording_url.clone())),
            recording_sid: Some(Cow::Owned(recording_sid.clone())),
            recording_duration: Some(seconds),
            digits: digits.map(Cow::Owned),
            ..RecordAction::default()
        };
        let action = record.action.as_deref().map(str::to_owned).unwrap_or_else(|| self.url.clone());
        if let Some(callback) = record.recording_status_callback.as_deref() {
            let notify = RecordingStatusCallback {
                call: CallParams {
                    call_sid: Cow::Owned(self.world.call_id.clone()),
                    account_sid: Some(Cow::Owned(self.world.account_id.clone())),
                    ..CallParams::default()
                },
                recording_sid: Some(Cow::Owned(recording_sid.clone())),
                recording_url: Some(Cow::Owned(recording_url.clone())),
                recording_status: Some(RecordingStatus::Completed),
                recording_duration: Some(seconds),
                recording_channels: Some(1),
                recording_source: Some(crate::event::RecordingSource::RecordVerb),
                ..RecordingStatusCallback::default()
            };
            let request = self.request(
                callback,
                record.recording_status_callback_method.as_ref(),
                "recordingStatus",
                notify.to_form(),
                true,
            );
            self.notifies.push_back(request);
        }
        if let (Some(true), Some(callback)) = (record.transcribe, record.transcribe_callback.as_deref()) {
            let notify = TranscriptionCallback {
                call: self.params("completed"),
                transcription_sid: Some(Cow::Owned(self.next_id("TR"))),
                transcription_text: Some(Cow::Borrowed("(simulated transcription)")),
                transcription_status: Some(TranscriptionStatus::Completed),
                recording_sid: Some(Cow::Owned(recording_sid)),
                recording_url: Some(Cow::Owned(recording_url)),
                ..TranscriptionCallback::default()
            };
            let request = self.request(callback, None, "transcription", notify.to_form(), true);
            self.notifies.push_back(request);
        }
        self.fetch(&action, record.method.as_ref(), "record", request.to_form());
        if hung_up {
            self.ignore_reply(events, "the caller hung up during the Record");
        }
        None
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
    fn next(&mut self, events: &mut Vec<Event>) -> Next {
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
                    if !matches!(events.last(), Some(Event { kind: EventKind::Ended(_), .. })) {
                        self.clock.push(events, EventKind::Ended(outcome.clone()));
                    }
                    self.state = State::Ended(outcome.clone());
                    return Next::Ended(outcome);
                }
            }
        }
    }

    fn reply(&mut self, reply: Reply, events: &mut Vec<Event>) {
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

    fn input(&mut self, input: CallerInput, events: &mut Vec<Event>) -> Option<CallerInput> {
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

fn verb_name(verb: &ResponseChild<'_>) -> &'static str {
    match verb {
        ResponseChild::Say(_) => "Say",
        ResponseChild::Play(_) => "Play",
        ResponseChild::Pause(_) => "Pause",
        ResponseChild::Gather(_) => "Gather",
        ResponseChild::Record(_) => "Record",
        ResponseChild::Dial(_) => "Dial",
        ResponseChild::Hangup(_) => "Hangup",
        ResponseChild::Reject(_) => "Reject",
        ResponseChild::Redirect(_) => "Redirect",
        _ => "custom element",
    }
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
