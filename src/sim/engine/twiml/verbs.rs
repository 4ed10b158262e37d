//! Running each TwiML verb: what it plays, what it requests, how long it takes.

use super::*;

impl TwimlEngine {
    /// Runs one verb; returns a listen point when it waits for the caller.
    pub(super) fn run_verb(
        &mut self,
        verb: ResponseChild<'static>,
        events: &mut Vec<TranscriptEvent>,
    ) -> Option<Listen> {
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
                let message = format!("<{}> is not simulated; skipped", other.name());
                self.clock.push(events, EventKind::Warning { message });
            }
        }
        None
    }

    /// The dialled call is over after `bridge.talk`: its outcome, then the action (or the next verb).
    /// `ended_by` is the caller's input that ended the bridge early (recorded when it happened).
    pub(super) fn bridge_ended(&mut self, bridge: Bridge, ended_by: Option<String>, events: &mut Vec<TranscriptEvent>) {
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

    /// A verb that repeats until the call ends (`loop="0"`): the call runs to its time budget.
    pub(super) fn forever(&mut self, events: &mut Vec<TranscriptEvent>, what: &str) -> Option<Listen> {
        let message = format!("{what} repeats until the call ends; the call runs to its time budget");
        self.clock.push(events, EventKind::Warning { message });
        self.clock.now = self.clock.now.max(self.world.max_duration_ms);
        self.end("completed", EndCause::Limit);
        None
    }

    /// The caller hung up during a Dial or Record whose action is about to be requested: by
    /// default the request is made and its TwiML ignored (to verify against Twilio); with
    /// `after_hang_up = "none"` no request is made.
    pub(super) fn ignore_reply(&mut self, events: &mut Vec<TranscriptEvent>, why: &str) {
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
}
