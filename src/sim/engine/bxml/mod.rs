//! The BXML interpreter (profile `bandwidth-v2`): every BXML verb (Gather, Record, Transfer, ...),
//! with the provider's timings, on a virtual clock.

mod input;

use std::borrow::Cow;

use super::twiml::{iso_time, verb_event};
use super::{CallerInput, Clock, DialOutcome, Engine, Listen, Next, Reply, Request, World, resolve};
use crate::bxml::{Bxml, GatherChild, Method, Response, TransferChild, Verb};
use crate::event::{
    BandwidthV2Event, CallInfo, Cause, Direction, Disconnect, ErrorInfo, GatherEvent, Initiate, RecordComplete,
    RecordingInfo, RedirectEvent, TransferComplete, TransferInfo,
};
use crate::flow::{self, Exit};
use crate::sim::transcript::{EndCause, EventKind, Outcome, TranscriptEvent};

const MAX_REPLY: usize = 64 * 1024;

#[derive(Debug)]
enum State {
    Start,
    Run,
    Send(Request, bool),
    Awaiting(bool),
    Listening(Listening),
    Ending(Outcome, Cause),
    Ended(Outcome),
}

#[derive(Debug)]
struct Listening {
    verb: Listener,
    since: u64,
    until: u64,
    /// A Gather's audio: when it started, and where its events start in the transcript.
    prompt: Option<(u64, usize)>,
}

#[derive(Debug)]
enum Listener {
    Gather(Box<crate::bxml::Gather<'static>>),
    Record(Box<crate::bxml::Record<'static>>),
}

/// The BXML interpreter of one call.
pub(crate) struct BxmlEngine {
    world: World,
    url: String,
    clock: Clock,
    state: State,
    verbs: Vec<Verb<'static>>,
    paths: Vec<String>,
    pc: usize,
    tag: Option<String>,
    next_dial: Option<DialOutcome>,
    seq: u64,
    seed: u64,
}

impl BxmlEngine {
    pub(crate) fn new(world: World, url: String, seed: u64) -> Self {
        BxmlEngine {
            world,
            url,
            clock: Clock::default(),
            state: State::Start,
            verbs: Vec::new(),
            paths: Vec::new(),
            pc: 0,
            tag: None,
            next_dial: None,
            seq: 0,
            seed,
        }
    }

    fn call_info(&self, event_type: &str) -> CallInfo<'static> {
        let w = &self.world;
        CallInfo {
            event_type: Cow::Owned(event_type.to_owned()),
            event_time: Some(Cow::Owned(iso_time(self.clock.now))),
            account_id: Some(Cow::Owned(w.account_id.clone())),
            application_id: Some(Cow::Owned(crate::sim::engine::id("", self.seed, 2)[..8].to_owned())),
            from: Some(Cow::Owned(w.from.clone())),
            to: Some(Cow::Owned(w.to.clone())),
            direction: Some(Direction::Inbound),
            call_id: Cow::Owned(w.call_id.clone()),
            call_url: Some(Cow::Owned(format!(
                "https://voice.bandwidth.com/api/v2/accounts/{}/calls/{}",
                w.account_id, w.call_id
            ))),
            start_time: Some(Cow::Owned(iso_time(0))),
            answer_time: self.clock.answered_at.map(|t| Cow::Owned(iso_time(t))),
            tag: self.tag.clone().map(Cow::Owned),
            ..CallInfo::default()
        }
    }

    fn request(&mut self, url: &str, method: Option<&Method>, event: &BandwidthV2Event<'_>, notify: bool) -> Request {
        self.clock.requests += 1;
        let url = resolve(&self.url, url);
        let body = event.to_json();
        let get = matches!(method, Some(Method::Get));
        let (url, body) = if get {
            let pairs: Vec<(String, String)> = match serde_json::from_str::<serde_json::Value>(&body) {
                Ok(serde_json::Value::Object(map)) => {
                    map.into_iter().map(|(k, v)| (k, v.as_str().map_or_else(|| v.to_string(), str::to_owned))).collect()
                }
                _ => Vec::new(),
            };
            let query = form_urlencoded::Serializer::new(String::new()).extend_pairs(pairs).finish();
            (format!("{url}{}{query}", if url.contains('?') { '&' } else { '?' }), String::new())
        } else {
            (url, body)
        };
        Request {
            method: if get { "GET" } else { "POST" },
            url,
            content_type: "application/json",
            body,
            event_type: event.event_type().to_owned(),
            notify,
        }
    }

    fn fetch(&mut self, url: &str, method: Option<&Method>, event: BandwidthV2Event<'_>) {
        let request = self.request(url, method, &event, false);
        self.state = State::Send(request, false);
    }

    fn answer(&mut self, events: &mut Vec<TranscriptEvent>) {
        if self.clock.answered_at.is_none() {
            self.clock.answered_at = Some(self.clock.now);
            self.clock.push(events, EventKind::Answered);
        }
    }

    fn end(&mut self, status: &str, cause: EndCause, bandwidth_cause: Cause) {
        self.state = State::Ending(self.clock.outcome(status, cause), bandwidth_cause);
    }

    fn fail(&mut self, code: EndCause, message: String, events: &mut Vec<TranscriptEvent>) {
        let cause = if code == EndCause::InvalidDocument { Cause::InvalidBxml } else { Cause::CallbackError };
        self.clock.push(events, EventKind::Error { code: cause.as_str().to_owned(), message });
        let status = if self.clock.answered_at.is_some() { "completed" } else { "failed" };
        self.end(status, code, cause);
    }

    fn load(&mut self, status: u16, content_type: &str, body: &[u8], url: &str, events: &mut Vec<TranscriptEvent>) {
        let mut response = EventKind::Response {
            status,
            content_type: content_type.to_owned(),
            bytes: body.len(),
            verbs: Vec::new(),
            document: None,
        };
        if !(200..300).contains(&status) {
            self.clock.push(events, response);
            return self.fail(EndCause::CallbackError, format!("the callback failed with status {status}"), events);
        }
        if body.len() > MAX_REPLY {
            self.clock.push(events, response);
            return self.fail(
                EndCause::InvalidDocument,
                format!("the reply is {} bytes; the limit is {MAX_REPLY}", body.len()),
                events,
            );
        }
        let text = String::from_utf8_lossy(body);
        let parsed = if text.trim().is_empty() {
            Ok(Response::new())
        } else {
            Response::from_xml(&text).or_else(|e| {
                Bxml::from_xml(&text)
                    .map(|b| Response { children: b.children, extra_attributes: b.extra_attributes })
                    .map_err(|_| e)
            })
        };
        let doc = match parsed {
            Ok(doc) => doc,
            Err(e) => {
                self.clock.push(events, response);
                return self.fail(EndCause::InvalidDocument, format!("invalid BXML: {e}"), events);
            }
        };
        if let EventKind::Response { verbs, document, .. } = &mut response {
            *verbs = doc.children.iter().map(|v| verb_name(v).to_owned()).collect();
            *document = Some(doc.to_json());
        }
        self.clock.push(events, response);
        for finding in doc.validate() {
            self.clock.push(events, EventKind::Warning { message: format!("lint: {finding}") });
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
            self.end("completed", EndCause::Limit, Cause::Hangup);
        }
    }

    fn run_verb(&mut self, verb: Verb<'static>, events: &mut Vec<TranscriptEvent>) -> Option<Listen> {
        match verb {
            Verb::SpeakSentence(s) => {
                self.answer(events);
                let text = s.text_content();
                let duration_ms = self.world.speech_ms(&text);
                self.clock
                    .push(events, EventKind::Say { text, voice: s.voice.as_deref().map(str::to_owned), duration_ms });
                self.clock.now += duration_ms;
            }
            Verb::PlayAudio(p) => {
                self.answer(events);
                let duration_ms = self.world.media_ms(&p.text);
                self.clock.push(events, EventKind::Play { url: p.text.into_owned(), duration_ms });
                self.clock.now += duration_ms;
            }
            Verb::Pause(p) => {
                let duration_ms = seconds(p.duration.map(|d| d.get()), 1.0);
                self.clock.push(events, EventKind::Pause { duration_ms });
                self.clock.now += duration_ms;
            }
            Verb::Ring(r) => {
                if r.answer_call != Some(false) {
                    self.answer(events);
                }
                let duration_ms = seconds(r.duration.map(|d| d.get()), 5.0);
                self.clock.push(events, verb_event("Ring", &r.to_json(), Vec::new()));
                self.clock.now += duration_ms;
            }
            Verb::SendDtmf(d) => {
                self.answer(events);
                let per = seconds(d.tone_duration.map(|t| t.get() / 1000.0), 0.2)
                    + seconds(d.tone_interval.map(|t| t.get() / 1000.0), 0.4);
                self.clock.push(events, verb_event("SendDtmf", &d.to_json(), vec![d.text.to_string()]));
                self.clock.now += per * d.text.chars().count() as u64;
            }
            Verb::Tag(t) => {
                self.tag = (!t.text.is_empty()).then(|| t.text.to_string());
                self.clock.push(events, verb_event("Tag", &t.to_json(), vec![t.text.to_string()]));
            }
            Verb::Gather(g) => {
                self.answer(events);
                self.clock.push(events, verb_event("Gather", &g.to_json(), Vec::new()));
                let prompt = (self.clock.now, events.len());
                for _ in 0..g.repeat_count.unwrap_or(1).max(1) {
                    for prompt in g.children.clone() {
                        let verb = match prompt {
                            GatherChild::SpeakSentence(s) => Verb::SpeakSentence(s),
                            GatherChild::PlayAudio(p) => Verb::PlayAudio(p),
                            _ => continue,
                        };
                        self.run_verb(verb, events);
                    }
                }
                let window = seconds(g.first_digit_timeout.map(|d| d.get()), 5.0);
                let listen = self.listen(Listener::Gather(Box::new(g)), window, false, events);
                if let State::Listening(l) = &mut self.state {
                    l.prompt = Some(prompt);
                }
                return Some(listen);
            }
            Verb::Record(r) => {
                self.answer(events);
                self.clock.push(events, verb_event("Record", &r.to_json(), Vec::new()));
                let silence = seconds(r.silence_timeout.map(|d| d.get()), 0.0);
                let max = u64::from(r.max_duration.unwrap_or(60)) * 1000;
                let window = if silence == 0 { max } else { silence };
                return Some(self.listen(Listener::Record(Box::new(r)), window, true, events));
            }
            Verb::Transfer(t) => {
                self.answer(events);
                let targets: Vec<String> = t
                    .children
                    .iter()
                    .filter_map(|c| match c {
                        TransferChild::PhoneNumber(p) => Some(p.text.trim().to_owned()),
                        TransferChild::SipUri(s) => Some(s.text.trim().to_owned()),
                        _ => None,
                    })
                    .collect();
                let first = targets.first().cloned().unwrap_or_default();
                self.clock.push(events, verb_event("Transfer", &t.to_json(), targets));
                let (outcome, scripted) = match self.next_dial.take() {
                    Some(o) => (o, true),
                    None => self.world.dial_outcome(&first),
                };
                if !scripted {
                    self.clock.push(
                        events,
                        EventKind::Warning {
                            message: format!(
                                "transfer target {first} is not in the script: answered after 3s, 10s of talk"
                            ),
                        },
                    );
                }
                let timeout = seconds(t.call_timeout.map(|d| d.get()), 30.0);
                let answered = outcome.outcome == "answered";
                let ring = if outcome.outcome == "no-answer" { timeout } else { outcome.ring_ms.min(timeout) };
                let talk = if answered { outcome.talk_ms } else { 0 };
                self.clock.now += ring;
                let status = if answered { "completed".to_owned() } else { outcome.outcome.clone() };
                self.clock.push(
                    events,
                    EventKind::DialOutcome { target: first.clone(), outcome: status, ring_ms: ring, talk_ms: talk },
                );
                self.clock.now += talk;
                if answered && outcome.ended_by_caller {
                    self.end("completed", EndCause::Caller, Cause::Hangup);
                    return None;
                }
                let leaves = matches!(flow::bxml(&Verb::Transfer(t.clone())), Exit::Always(_));
                if let (true, Some(url)) = (leaves, t.transfer_complete_url.as_deref()) {
                    let cause = match outcome.outcome.as_str() {
                        "answered" => Cause::Hangup,
                        "busy" => Cause::Busy,
                        "no-answer" => Cause::Timeout,
                        "canceled" => Cause::Cancel,
                        _ => Cause::Error,
                    };
                    let event = BandwidthV2Event::TransferComplete(TransferComplete {
                        call: self.call_info("transferComplete"),
                        transfer: TransferInfo { transfer_to: Some(Cow::Owned(first)), ..TransferInfo::default() },
                        error: ErrorInfo { cause: Some(cause), ..ErrorInfo::default() },
                        ..TransferComplete::default()
                    });
                    self.fetch(url, t.transfer_complete_method.as_ref(), event);
                }
            }
            Verb::Redirect(r) => {
                let Some(url) = r.redirect_url.as_deref() else {
                    self.clock
                        .push(events, EventKind::Warning { message: "<Redirect> without redirectUrl; skipped".into() });
                    return None;
                };
                let target = resolve(&self.url, url);
                self.clock.push(events, verb_event("Redirect", &r.to_json(), vec![target.clone()]));
                let event = BandwidthV2Event::Redirect(RedirectEvent {
                    call: self.call_info("redirect"),
                    ..RedirectEvent::default()
                });
                self.fetch(&target, r.redirect_method.as_ref(), event);
            }
            Verb::Hangup(_) => {
                self.clock
                    .push(events, EventKind::Element { name: "Hangup".into(), attrs: Vec::new(), targets: Vec::new() });
                let status = if self.clock.answered_at.is_some() { "completed" } else { "no-answer" };
                self.end(status, EndCause::HangupVerb, Cause::Hangup);
            }
            Verb::Forward(f) => {
                self.clock
                    .push(events, verb_event("Forward", &f.to_json(), f.to.iter().map(|t| t.to_string()).collect()));
                self.end("completed", EndCause::Forwarded, Cause::Hangup);
            }
            other => {
                // A verb the simulator does not run: skipped, unless the flow table says the call
                // would leave the document there; then the run stops, since the verbs after it
                // would not run on the provider either.
                let name = verb_name(&other);
                if let Exit::Always(_) = flow::bxml(&other) {
                    let message = format!("<{name}> is not simulated; the call stops here");
                    self.clock.push(events, EventKind::Warning { message });
                    self.end("completed", EndCause::Unsupported, Cause::Hangup);
                } else {
                    self.clock
                        .push(events, EventKind::Warning { message: format!("<{name}> is not simulated; skipped") });
                }
            }
        }
        None
    }
}

impl Engine for BxmlEngine {
    fn next(&mut self, events: &mut Vec<TranscriptEvent>) -> Next {
        loop {
            match std::mem::replace(&mut self.state, State::Run) {
                State::Start => {
                    let event = BandwidthV2Event::Initiate(Initiate {
                        call: self.call_info("initiate"),
                        ..Initiate::default()
                    });
                    let url = self.url.clone();
                    self.fetch(&url, None, event);
                }
                State::Send(request, ignore) => {
                    self.state = State::Awaiting(ignore);
                    return Next::Fetch(request);
                }
                State::Awaiting(ignore) => {
                    self.state = State::Awaiting(ignore);
                    self.reply(Reply::Unreachable { message: "no reply was given".into() }, events);
                }
                State::Listening(l) => {
                    let listen = Listen {
                        dtmf: true,
                        speech: false,
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
                        self.end("completed", EndCause::Limit, Cause::Hangup);
                        continue;
                    }
                    let Some(verb) = self.verbs.get(self.pc).cloned() else {
                        self.clock.push(
                            events,
                            EventKind::Element {
                                name: "end of document".into(),
                                attrs: Vec::new(),
                                targets: Vec::new(),
                            },
                        );
                        let status = if self.clock.answered_at.is_some() { "completed" } else { "no-answer" };
                        self.end(status, EndCause::DocumentEnd, Cause::Hangup);
                        continue;
                    };
                    self.pc += 1;
                    if let Some(listen) = self.run_verb(verb, events) {
                        return Next::Listen(listen);
                    }
                }
                State::Ending(outcome, cause) => {
                    self.state = State::Ended(outcome.clone());
                    if let Some(url) = self.world.status_callback.clone() {
                        let event = BandwidthV2Event::Disconnect(Disconnect {
                            call: self.call_info("disconnect"),
                            error: ErrorInfo { cause: Some(cause), ..ErrorInfo::default() },
                            end_time: Some(Cow::Owned(iso_time(self.clock.now))),
                            ..Disconnect::default()
                        });
                        return Next::Notify(self.request(&url, None, &event, true));
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
        let State::Awaiting(_) = std::mem::replace(&mut self.state, State::Run) else { return };
        match reply {
            Reply::Http { status, content_type, body, url } => self.load(status, &content_type, &body, &url, events),
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
                self.fail(EndCause::CallbackError, format!("the callback could not be delivered: {message}"), events)
            }
            Reply::BadRedirect { .. } => {
                self.fail(EndCause::CallbackError, "the callback was redirected".into(), events)
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

/// Seconds (as BXML writes them) to milliseconds, with a default.
fn seconds(value: Option<f64>, default: f64) -> u64 {
    let s = value.filter(|v| v.is_finite() && *v >= 0.0).unwrap_or(default);
    (s * 1000.0).round() as u64
}

fn verb_name(verb: &Verb<'_>) -> String {
    verb.name().to_owned()
}
