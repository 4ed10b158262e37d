//! The caller's input while a TwiML verb listens: Gather (digits, speech, barge-in), Record, and a
//! Dial with `hangupOnStar`.

use super::*;

impl TwimlEngine {
    /// The verb listens on from now until `until` (after silence shorter than its window).
    fn keep_listening(&mut self, verb: Listener, until: u64) {
        self.state = State::Listening(Listening { verb, since: self.clock.now, until, prompt: None });
    }

    pub(super) fn listen(
        &mut self,
        verb: Listener,
        window: u64,
        dtmf: bool,
        speech: bool,
        record: bool,
        events: &mut Vec<TranscriptEvent>,
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
    pub(super) fn gather_empty(&mut self, gather: &Gather<'static>, events: &mut Vec<TranscriptEvent>) {
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

    pub(super) fn gather_input(
        &mut self,
        gather: Box<Gather<'static>>,
        since: u64,
        until: u64,
        prompt: Option<(u64, usize)>,
        input: CallerInput,
        events: &mut Vec<TranscriptEvent>,
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
    pub(super) fn gather_during_prompt(
        &mut self,
        gather: Box<Gather<'static>>,
        since: u64,
        until: u64,
        prompt: Option<(u64, usize)>,
        input: CallerInput,
        events: &mut Vec<TranscriptEvent>,
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

    pub(super) fn record_input(
        &mut self,
        record: Box<Record<'static>>,
        since: u64,
        until: u64,
        input: CallerInput,
        events: &mut Vec<TranscriptEvent>,
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
                self.keep_listening(Listener::Record(record), until);
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

    /// Input while a `hangupOnStar` bridge is up: `*` ends the bridge, a hang-up ends the call.
    pub(super) fn bridge_input(
        &mut self,
        mut bridge: Box<Bridge>,
        since: u64,
        until: u64,
        input: CallerInput,
        events: &mut Vec<TranscriptEvent>,
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
                self.keep_listening(Listener::Dial(bridge), until);
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
}
