//! Generators of typed trees of both dialects with hostile strings, shared by the round-trip
//! properties and the simulator's properties.

use std::borrow::Cow;

use callml::ssml::{Break, Emphasis, SayAs};
use callml::xml::{Custom, replace_forbidden};
use proptest::prelude::*;

use super::hostile_string;
/// A hostile string the tree can hold: forbidden characters are what rendering replaces, so the
/// generated tree already holds the replacement.
pub fn text() -> impl Strategy<Value = String> {
    hostile_string().prop_map(|s| replace_forbidden(&s).into_owned())
}

pub fn non_blank_text() -> impl Strategy<Value = String> {
    text().prop_map(|s| if s.trim_matches([' ', '\t', '\n', '\r']).is_empty() { format!("x{s}") } else { s })
}

/// Mixed content as a parser produces it: no empty runs, no two runs in a row.
pub fn normalize<T>(items: Vec<Result<String, T>>) -> Vec<Result<String, T>> {
    let mut out: Vec<Result<String, T>> = Vec::new();
    for item in items {
        match (item, out.last_mut()) {
            (Ok(t), _) if t.is_empty() => {}
            (Ok(t), Some(Ok(prev))) => prev.push_str(&t),
            (item, _) => out.push(item),
        }
    }
    out
}

pub fn custom() -> impl Strategy<Value = Custom<'static>> {
    (prop::sample::select(vec!["Message", "Assistant", "x-y"]), text(), text()).prop_map(|(name, a, t)| {
        let c = Custom::new(name).attr("data-a", a);
        if t.is_empty() { c } else { c.text(t) }
    })
}

pub mod twiml_trees {
    use super::*;
    use callml::twiml::*;

    #[derive(Debug, Clone)]
    pub enum Ssml {
        Break(String),
        Emphasis(String),
        SayAs(String),
    }

    fn say() -> impl Strategy<Value = Say<'static>> {
        let item = prop_oneof![
            2 => text().prop_map(Ok),
            1 => text().prop_map(|t| Err(Ssml::Break(t))),
            1 => text().prop_map(|t| Err(Ssml::Emphasis(t))),
            1 => text().prop_map(|t| Err(Ssml::SayAs(t))),
        ];
        (
            prop::collection::vec(item, 0..5),
            prop::option::of(text()),
            prop::option::of(any::<u32>()),
            prop::option::of(text()),
        )
            .prop_map(|(items, language, loops, voice)| {
                let mut s = Say::default();
                (s.language, s.loop_count, s.voice) = (language.map(Cow::Owned), loops, voice.map(Voice::from));
                for item in normalize(items) {
                    s = match item {
                        Ok(t) => s.text(t),
                        Err(Ssml::Break(t)) => s.child(Break::new().time(t)),
                        Err(Ssml::Emphasis(t)) => s.child(Emphasis::new(t).level("strong")),
                        Err(Ssml::SayAs(t)) => s.child(SayAs::new(t).interpret_as("digits")),
                    };
                }
                s
            })
    }

    fn play() -> impl Strategy<Value = Play<'static>> {
        (text(), prop::option::of(any::<u32>())).prop_map(|(url, l)| {
            let mut p = Play::new(url);
            p.loop_count = l;
            p
        })
    }

    fn gather() -> impl Strategy<Value = Gather<'static>> {
        let child = prop_oneof![
            say().prop_map(GatherChild::Say),
            play().prop_map(GatherChild::Play),
            any::<u32>().prop_map(|n| GatherChild::Pause(Pause::new().length(n))),
            custom().prop_map(GatherChild::Custom),
        ];
        (prop::collection::vec(child, 0..4), text(), prop::option::of(any::<bool>()), prop::option::of(1u32..100))
            .prop_map(|(children, action, barge, digits)| {
                let mut g = Gather::new().action(action).input([GatherInput::Dtmf, GatherInput::Speech]);
                g.barge_in = barge;
                g.num_digits = digits;
                g.children = children;
                g
            })
    }

    fn dial() -> impl Strategy<Value = Dial<'static>> {
        let noun = prop_oneof![
            (text(), text()).prop_map(|(n, u)| DialContent::Number(
                Number::new(n).url(u).status_callback_event([StatusCallbackEvent::Answered])
            )),
            (text(), text()).prop_map(|(c, p)| DialContent::Client(
                Client::new("").identity(Identity::new(c)).parameter(Parameter::pair("k", p))
            )),
            // Whitespace-only text among Dial's nouns is layout (pretty printing adds it), so a
            // Sip's URI text, like Dial's own text, is generated non-blank.
            (non_blank_text(), text()).prop_map(|(s, u)| DialContent::Sip(Sip::new(s).username(u))),
            (text(), 1u32..300).prop_map(|(room, n)| DialContent::Conference(
                Conference::new(room)
                    .beep(ConferenceBeep::OnExit)
                    .max_participants(n)
                    .status_callback_event([ConferenceEvent::Join, ConferenceEvent::Leave])
            )),
            (text(), text()).prop_map(|(q, u)| DialContent::Queue(Queue::new(q).url(u))),
            (text(), text()).prop_map(|(sid, v)| DialContent::Application(
                Application::new()
                    .application_sid(ApplicationSid::new(sid))
                    .parameter(Parameter::pair("k", v))
                    .copy_parent_to(true)
            )),
        ];
        (prop::option::of(non_blank_text()), prop::collection::vec(noun, 0..3), text()).prop_map(
            |(number, nouns, caller)| {
                let mut d = Dial::new().caller_id(caller).record(DialRecord::RecordFromAnswer);
                if let Some(n) = number {
                    d = d.text(n);
                }
                d.children.extend(nouns);
                d
            },
        )
    }

    pub fn response() -> impl Strategy<Value = Response<'static>> {
        let verb = prop_oneof![
            say().prop_map(ResponseChild::Say),
            play().prop_map(ResponseChild::Play),
            gather().prop_map(ResponseChild::Gather),
            dial().prop_map(ResponseChild::Dial),
            (text(), prop::option::of(any::<bool>())).prop_map(|(a, b)| {
                let mut r = Record::new().action(a).trim(Trim::DoNotTrim);
                r.play_beep = b;
                ResponseChild::Record(r)
            }),
            text().prop_map(|t| ResponseChild::Redirect(Redirect::new(t).method(Method::Get))),
            (text(), text(), prop::option::of(0.3f64..0.9)).prop_map(|(url, code, eot)| {
                let mut relay = ConversationRelay::new()
                    .url(url)
                    .interruptible(Interruptible::Speech)
                    .child(Language::new().code(code))
                    .parameter(Parameter::pair("k", "v"));
                relay.eager_eot_threshold = eot.map(callml::xml::Decimal::new);
                ResponseChild::Connect(Connect::new().conversation_relay(relay))
            }),
            (text(), text()).prop_map(|(url, v)| ResponseChild::Start(
                Start::new()
                    .stream(Stream::new().url(url).track(StreamTrack::BothTracks).parameter(Parameter::pair("k", v)))
                    .transcription(Transcription::new().config(Config::new().name("a").value("b")))
            )),
            text().prop_map(|n| ResponseChild::Stop(Stop::new().stream(Stream::new().name(n)))),
            (non_blank_text(), text())
                .prop_map(|(q, task)| ResponseChild::Enqueue(Enqueue::new(q).task(Task::new(task).priority(5)))),
            (text(), text()).prop_map(|(amount, say)| ResponseChild::Pay(
                Pay::new()
                    .charge_amount(amount)
                    .valid_card_types([CardType::Visa, CardType::Amex])
                    .prompt(Prompt::new().for_(PromptFor::PaymentCardNumber).attempt([1u8, 2]).say(Say::new(say)))
            )),
            text().prop_map(|uri| ResponseChild::Refer(Refer::new(ReferSip::new(uri)))),
            text().prop_map(|r| ResponseChild::Reject(Reject::new().reason(RejectReason::from(r)))),
            Just(ResponseChild::Hangup(Hangup::new())),
            custom().prop_map(ResponseChild::Custom),
        ];
        prop::collection::vec(verb, 0..6).prop_map(|verbs| {
            let mut r = Response::new();
            r.children = verbs;
            r
        })
    }
}

pub mod bxml_trees {
    use super::*;
    use callml::bxml::*;

    fn speak() -> impl Strategy<Value = SpeakSentence<'static>> {
        let item = prop_oneof![2 => text().prop_map(Ok), 1 => text().prop_map(Err)];
        (prop::collection::vec(item, 0..4), prop::option::of(text())).prop_map(|(items, voice)| {
            let mut s = SpeakSentence::default();
            s.voice = voice.map(Cow::Owned);
            for item in normalize(items) {
                s = match item {
                    Ok(t) => s.text(t),
                    Err(t) => s.child(Emphasis::new(t)),
                };
            }
            s
        })
    }

    pub fn response() -> impl Strategy<Value = Response<'static>> {
        let decimal = prop_oneof![any::<u32>().prop_map(f64::from), (-1e6f64..1e6f64)];
        let verb = prop_oneof![
            speak().prop_map(Verb::SpeakSentence),
            (text(), text()).prop_map(|(u, p)| Verb::PlayAudio(PlayAudio::new(u).password(p))),
            (prop::collection::vec(speak(), 0..3), decimal.clone(), text()).prop_map(|(prompts, t, url)| {
                let mut g = Gather::new().first_digit_timeout(t).gather_url(url).tag("");
                for p in prompts {
                    g = g.speak_sentence(p);
                }
                Verb::Gather(g)
            }),
            (text(), text(), decimal.clone()).prop_map(|(n, s, t)| {
                Verb::Transfer(
                    Transfer::new(PhoneNumber::new(n).uui(s.clone())).sip_uri(SipUri::new(s)).call_timeout(t),
                )
            }),
            decimal.clone().prop_map(|d| Verb::Pause(Pause::new().duration(d))),
            (decimal, any::<bool>()).prop_map(|(d, a)| Verb::Ring(Ring::new().duration(d).answer_call(a))),
            text().prop_map(|t| Verb::Conference(Conference::new(t).mute(true))),
            text().prop_map(|t| Verb::Tag(Tag::new(t))),
            (text(), text()).prop_map(|(a, b)| Verb::StartStream(
                StartStream::new().destination(a).stream_param(StreamParam::new().name(b))
            )),
            Just(Verb::Hangup(Hangup::new())),
            custom().prop_map(Verb::Custom),
        ];
        prop::collection::vec(verb, 0..6).prop_map(|verbs| {
            let mut r = Response::new();
            r.children = verbs;
            r
        })
    }
}
