//! Structure-aware: an arbitrary TwiML document (any strings in every text and attribute position,
//! the new verbs included) renders to XML a strict parser accepts, and reading it back reaches a
//! fixed point at once: read(render(read(render(doc)))) == read(render(doc)), through the JSON form
//! too.
#![no_main]

use arbitrary::Arbitrary;
use callml::twiml::*;
use callml::xml::{Custom, Render};
use libfuzzer_sys::fuzz_target;

#[derive(Arbitrary, Debug)]
enum Verb {
    Say(String, Option<u32>, Vec<(String, String)>),
    Play(String),
    Pause(Option<u32>),
    Gather { action: Option<String>, num_digits: Option<u32>, prompts: Vec<String> },
    Dial { number: String, caller_id: Option<String>, conference: Option<String> },
    Connect { url: String, language: Option<String>, parameters: Vec<(String, String)> },
    Start { url: String, name: Option<String> },
    Pay { amount: String, prompt: String },
    Enqueue { name: String, task: String },
    Refer(String),
    Redirect(String),
    Custom { name: String, attribute: (String, String), text: String },
    Hangup,
}

/// Names the test makes: unknown to both dialects (`x-` prefix) and without `:`, which a
/// namespace-aware parser would read as a prefix.
fn name(s: &str) -> String {
    format!("x-{}", s.replace(':', "_"))
}

fn build(verbs: Vec<Verb>) -> Response<'static> {
    let mut doc = Response::new();
    for verb in verbs {
        doc = match verb {
            Verb::Say(text, loops, extras) => {
                let mut say = Say::new(text);
                say.loop_count = loops;
                for (n, v) in extras {
                    say = say.attr(name(&n), v);
                }
                doc.say(say)
            }
            Verb::Play(url) => doc.play(Play::new(url)),
            Verb::Pause(length) => {
                let mut pause = Pause::new();
                pause.length = length;
                doc.pause(pause)
            }
            Verb::Gather { action, num_digits, prompts } => {
                let mut gather = Gather::new().children(prompts.into_iter().map(Say::new));
                (gather.action, gather.num_digits) = (action.map(Into::into), num_digits);
                doc.gather(gather)
            }
            Verb::Dial { number, caller_id, conference } => {
                let mut dial = Dial::new().text(number);
                dial.caller_id = caller_id.map(Into::into);
                if let Some(room) = conference {
                    dial = dial.conference(Conference::new(room).beep(ConferenceBeep::OnEnter));
                }
                doc.dial(dial)
            }
            Verb::Connect { url, language, parameters } => {
                let mut relay = ConversationRelay::new().url(url);
                if let Some(code) = language {
                    relay = relay.child(Language::new().code(code));
                }
                for (n, v) in parameters {
                    relay = relay.parameter(Parameter::pair(n, v));
                }
                doc.connect(Connect::new().conversation_relay(relay))
            }
            Verb::Start { url, name } => {
                let mut stream = Stream::new().url(url).track(StreamTrack::BothTracks);
                stream.name = name.map(Into::into);
                doc.start(Start::new().stream(stream))
            }
            Verb::Pay { amount, prompt } => doc.pay(
                Pay::new().charge_amount(amount).valid_card_types([CardType::Visa]).prompt(
                    Prompt::new().for_(PromptFor::PaymentCardNumber).say(prompt),
                ),
            ),
            Verb::Enqueue { name, task } => doc.enqueue(Enqueue::new(name).task(Task::new(task))),
            Verb::Refer(uri) => doc.refer(Refer::new(ReferSip::new(uri))),
            Verb::Redirect(url) => doc.redirect(Redirect::new(url)),
            Verb::Custom { name: n, attribute: (a, v), text } => doc.child(Custom::new(name(&n)).attr(name(&a), v).text(text)),
            Verb::Hangup => doc.hangup(),
        };
    }
    doc
}

fuzz_target!(|verbs: Vec<Verb>| {
    let doc = build(verbs);
    let xml = doc.to_xml();
    if let Err(e) = roxmltree::Document::parse(&xml) {
        panic!("not well-formed ({e}): {xml}");
    }
    let once = Response::from_xml(&xml).unwrap_or_else(|e| panic!("does not read back ({e}): {xml}"));
    let twice = Response::from_xml(&once.to_xml()).expect("reads back again");
    assert_eq!(twice, once);
    assert_eq!(Response::from_json(&once.to_json()).expect("its JSON form reads"), once);
    let pretty = Response::from_xml(&once.to_pretty_xml()).expect("the pretty form reads");
    assert_eq!(pretty, once);
});
