//! The caller's input while a BXML verb listens: Gather (digits) and Record.

use super::*;
use crate::sim::engine::interrupt_prompts;

impl BxmlEngine {
    /// The verb listens on from now until `until` (after silence shorter than its window).
    fn keep_listening(&mut self, verb: Listener, until: u64) {
        self.state = State::Listening(Listening { verb, since: self.clock.now, until, prompt: None });
    }

    pub(super) fn listen(
        &mut self,
        verb: Listener,
        window: u64,
        record: bool,
        events: &mut Vec<TranscriptEvent>,
    ) -> Listen {
        let since = self.clock.now;
        let until = since + window;
        let input = if record { vec!["record".to_owned(), "key".to_owned()] } else { vec!["dtmf".to_owned()] };
        self.clock.push(events, EventKind::Listen { input, until });
        self.state = State::Listening(Listening { verb, since, until, prompt: None });
        Listen { dtmf: true, speech: false, record, since, until }
    }

    pub(super) fn gather_input(
        &mut self,
        g: Box<crate::bxml::Gather<'static>>,
        since: u64,
        until: u64,
        prompt: Option<(u64, usize)>,
        input: CallerInput,
        events: &mut Vec<TranscriptEvent>,
    ) -> Option<CallerInput> {
        if let CallerInput::DuringPrompt(inner) = input {
            return self.gather_during_prompt(g, since, until, prompt, *inner, events);
        }
        let window = until - since;
        let (digits, terminating, returned) = match input {
            CallerInput::Press { ref digits, after_ms, gap_ms } if after_ms <= window => {
                self.clock.now = since + after_ms;
                self.clock.push(events, EventKind::Input { what: input.describe() });
                let terminators = g.terminating_digits.as_deref().unwrap_or("").to_owned();
                let max = g.max_digits.unwrap_or(50) as usize;
                let inter = seconds(g.inter_digit_timeout.map(|d| d.get()), 5.0);
                let (mut collected, mut term, mut t) = (String::new(), String::new(), since + after_ms);
                for (i, c) in digits.chars().enumerate() {
                    if i > 0 {
                        t += gap_ms;
                    }
                    if terminators.contains(c) {
                        term.push(c);
                        break;
                    }
                    collected.push(c);
                    if collected.len() >= max {
                        break;
                    }
                }
                let complete = !term.is_empty() || collected.len() >= max;
                self.clock.now = if complete { t } else { t + inter };
                (collected, term, None)
            }
            CallerInput::HangUp { after_ms } if after_ms <= window => {
                self.clock.now = since + after_ms;
                self.clock.push(events, EventKind::Input { what: input.describe() });
                self.end("completed", EndCause::Caller, Cause::Hangup);
                return None;
            }
            CallerInput::Silence { duration_ms: Some(d) } if d < window => {
                self.clock.now = since + d;
                self.keep_listening(Listener::Gather(g), until);
                return None;
            }
            CallerInput::Press { .. } | CallerInput::HangUp { .. } => {
                self.clock.now = until;
                (String::new(), String::new(), Some(input))
            }
            CallerInput::Silence { .. } => {
                self.clock.now = until;
                (String::new(), String::new(), None)
            }
            other => {
                self.clock.push(
                    events,
                    EventKind::Lost { what: format!("{} (the Gather collects DTMF only)", other.describe()) },
                );
                self.state = State::Listening(Listening { verb: Listener::Gather(g), since, until, prompt: None });
                return None;
            }
        };
        let leaves = matches!(flow::bxml(&Verb::Gather((*g).clone())), Exit::Always(_));
        match g.gather_url.as_deref().filter(|_| leaves) {
            Some(url) => {
                let event = BandwidthV2Event::Gather(GatherEvent {
                    call: self.call_info("gather"),
                    digits: Some(Cow::Owned(digits)),
                    terminating_digit: Some(Cow::Owned(terminating)),
                    ..GatherEvent::default()
                });
                self.fetch(url, g.gather_method.as_ref(), event);
            }
            None => {
                if !digits.is_empty() {
                    self.clock.push(
                        events,
                        EventKind::Warning { message: "the Gather has no gatherUrl: the digits are dropped".into() },
                    );
                }
                self.state = State::Run;
            }
        }
        returned
    }

    /// A digit that arrives while the Gather's audio plays interrupts it; after the audio it is
    /// ordinary input.
    pub(super) fn gather_during_prompt(
        &mut self,
        g: Box<crate::bxml::Gather<'static>>,
        since: u64,
        until: u64,
        prompt: Option<(u64, usize)>,
        input: CallerInput,
        events: &mut Vec<TranscriptEvent>,
    ) -> Option<CallerInput> {
        let Some((start, index)) = prompt else { return self.gather_input(g, since, until, None, input, events) };
        let t = start + input.after_ms();
        if t >= since {
            return self.gather_input(g, since, until, None, input.with_after(t - since), events);
        }
        interrupt_prompts(events, index, t);
        self.clock.now = t;
        self.gather_input(g, t, t + (until - since), None, input.with_after(0), events)
    }

    pub(super) fn record_input(
        &mut self,
        r: Box<crate::bxml::Record<'static>>,
        since: u64,
        until: u64,
        input: CallerInput,
        events: &mut Vec<TranscriptEvent>,
    ) -> Option<CallerInput> {
        let max = u64::from(r.max_duration.unwrap_or(60)) * 1000;
        let silence = seconds(r.silence_timeout.map(|d| d.get()), 0.0);
        let (talk, key) = match input {
            CallerInput::DuringPrompt(inner) => return self.record_input(r, since, until, *inner, events),
            CallerInput::Speak { duration_ms, then_press } => (duration_ms, then_press),
            CallerInput::Say { ref text, after_ms, .. } => (after_ms + self.world.speech_ms(text), None),
            CallerInput::Press { ref digits, after_ms, .. } => (after_ms, digits.chars().next()),
            CallerInput::HangUp { after_ms } => {
                self.clock.now = since + after_ms.min(max);
                self.clock.push(events, EventKind::Input { what: input.describe() });
                self.clock.push(
                    events,
                    EventKind::Warning { message: "the caller hung up during the Record: no recordComplete".into() },
                );
                self.end("completed", EndCause::Caller, Cause::Hangup);
                return None;
            }
            CallerInput::Silence { duration_ms: Some(d) } if d < until - since => {
                self.clock.now = since + d;
                self.keep_listening(Listener::Record(r), until);
                return None;
            }
            CallerInput::Silence { .. } => (0, None),
        };
        self.clock.push(events, EventKind::Input { what: input.describe() });
        let terminators = r.terminating_digits.as_deref().unwrap_or("#");
        let stopped_by_key = key.is_some_and(|k| terminators.contains(k));
        let talk = talk.min(max);
        self.clock.now = since
            + talk
            + if stopped_by_key || talk >= max {
                0
            } else {
                silence.min(max - talk).max(if silence == 0 { max - talk } else { 0 })
            };
        let leaves = matches!(flow::bxml(&Verb::Record((*r).clone())), Exit::Always(_));
        match r.record_complete_url.as_deref().filter(|_| leaves) {
            Some(url) => {
                self.seq += 1;
                let recording_id = crate::sim::engine::id("r-", self.seed, 200 + self.seq);
                let event = BandwidthV2Event::RecordComplete(RecordComplete {
                    call: self.call_info("recordComplete"),
                    recording: RecordingInfo {
                        recording_id: Some(Cow::Owned(recording_id.clone())),
                        media_url: Some(Cow::Owned(format!(
                            "https://voice.bandwidth.com/api/v2/accounts/{}/calls/{}/recordings/{recording_id}/media",
                            self.world.account_id, self.world.call_id
                        ))),
                        duration: Some(Cow::Owned(format!("PT{}.{:03}S", talk / 1000, talk % 1000))),
                        file_format: Some(Cow::Borrowed("wav")),
                        channels: Some(1),
                        end_time: Some(Cow::Owned(iso_time(self.clock.now))),
                        ..RecordingInfo::default()
                    },
                    ..RecordComplete::default()
                });
                self.fetch(url, r.record_complete_method.as_ref(), event);
            }
            None => self.state = State::Run,
        }
        None
    }
}
