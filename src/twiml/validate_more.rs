//! `validate()` rules of the rest of the voice vocabulary (Connect, Start/Stop, Enqueue, Pay,
//! Refer, the other Dial nouns): what the types cannot say.

use super::*;
use crate::xml::lint::{Findings, child_paths};
use crate::xml::rules::max_len;

/// Twilio forks at most four media streams per call; a Siprec of both tracks takes two.
const MAX_FORKS: usize = 4;

/// The rules of one of the verbs this module knows (others are left to `validate.rs`); `forks`
/// counts media forks over the document.
pub(super) fn verb(verb: &ResponseChild<'_>, path: &str, profile: Profile, forks: &mut usize, out: &mut Findings) {
    let name = verb.name();
    match verb {
        ResponseChild::Connect(e) => connect(e, path, out),
        ResponseChild::Start(e) => start(e, path, forks, out),
        ResponseChild::Stop(_) | ResponseChild::Leave(_) | ResponseChild::Echo(_) => {}
        ResponseChild::Enqueue(e) => enqueue(e, path, out),
        ResponseChild::Pay(e) => pay(e, path, out),
        ResponseChild::Refer(e) => refer(e, path, out),
        ResponseChild::Sms(e) => {
            out.warning(path, "<Sms> is deprecated by Twilio: send messages with the REST API or messaging TwiML");
            needs_text(&e.text, path, "<Sms> needs the message as its text", out);
        }
        ResponseChild::Queue(e) => {
            out.warning(path, "Twilio documents <Queue> inside <Dial>, not directly in <Response>");
            needs_text(&e.text, path, "<Queue> needs the queue name as its text", out);
        }
        ResponseChild::Prompt(e) => {
            out.warning(path, "Twilio documents <Prompt> inside <Pay>, not directly in <Response>");
            prompt(e, path, out);
        }
        _ => return,
    }
    if profile == Profile::Acml {
        out.warning(path, format!("ACML does not document <{name}>"));
    }
}

/// The rules of the Dial nouns this module knows: Conference, Queue and Application are alone in
/// their Dial (Application cannot ring at the same time as others), WhatsApp needs a
/// `whatsapp:` caller id.
/// `shared` says whether the Dial dials anything beside one noun (another noun, or a number as text).
pub(super) fn dial_nouns(e: &Dial<'_>, path: &str, profile: Profile, shared: bool, out: &mut Findings) {
    let paths = child_paths(path, e.children.iter().map(|c| c.name()));
    for (child, p) in e.children.iter().zip(&paths) {
        let (name, text) = match child {
            DialContent::Conference(c) => ("Conference", Some(&c.text)),
            DialContent::Queue(q) => ("Queue", Some(&q.text)),
            DialContent::Sim(s) => ("Sim", Some(&s.text)),
            DialContent::WhatsApp(w) => ("WhatsApp", Some(&w.text)),
            DialContent::Application(a) => {
                let sids = a.children.iter().filter(|c| matches!(c, ApplicationContent::ApplicationSid(_))).count();
                if sids > 1 {
                    out.error(p, format!("<Application> holds at most one <ApplicationSid>, has {sids}"));
                }
                ("Application", None)
            }
            _ => continue,
        };
        if let Some(text) = text {
            needs_text(text, p, &format!("<{name}> needs its target as its text"), out);
        }
        if name == "WhatsApp" && !e.caller_id.as_deref().is_some_and(|c| c.starts_with("whatsapp:+")) {
            out.error(p, "<WhatsApp> needs the Dial's `callerId` to be a `whatsapp:+...` sender");
        }
        if matches!(name, "Conference" | "Queue" | "Application") && shared {
            out.error(p, format!("<{name}> must be the only noun of its <Dial>"));
        }
        if profile == Profile::Acml {
            out.warning(p, format!("ACML does not document <{name}>"));
        }
    }
}

fn needs_text(text: &str, path: &str, message: &str, out: &mut Findings) {
    if text.trim().is_empty() {
        out.error(path, message);
    }
}

/// A WebSocket URL must be `wss` (a relative URL is resolved against the document's, so it is
/// left to the provider).
fn websocket_url(url: Option<&str>, element: &str, path: &str, out: &mut Findings) {
    match url {
        None => out.error(path, format!("<{element}> needs a `url` (a `wss://` WebSocket URL)")),
        Some(u) if u.contains("://") && !u.to_ascii_lowercase().starts_with("wss://") => {
            out.error(path, format!("<{element}> `url` is `{u}`; Twilio streams only to `wss://` URLs"))
        }
        Some(u) if u.contains('?') => out.error(
            path,
            format!("<{element}> `url` has a query string, which Twilio does not support; pass data in <Parameter>s"),
        ),
        Some(_) => {}
    }
}

fn connect(e: &Connect<'_>, path: &str, out: &mut Findings) {
    if e.children.len() != 1 {
        out.error(path, format!("<Connect> holds exactly one noun, has {}", e.children.len()));
    }
    let paths = child_paths(path, e.children.iter().map(|c| c.name()));
    for (child, p) in e.children.iter().zip(&paths) {
        match child {
            ConnectChild::Stream(s) => {
                websocket_url(s.url.as_deref(), "Stream", p, out);
                if s.track.as_ref().is_some_and(|t| *t != StreamTrack::InboundTrack) {
                    out.error(p, "under <Connect>, a <Stream> takes `track=\"inbound_track\"` only");
                }
            }
            ConnectChild::ConversationRelay(r) => websocket_url(r.url.as_deref(), "ConversationRelay", p, out),
            ConnectChild::Room(r) => needs_text(&r.text, p, "<Room> needs the room name or SID as its text", out),
            ConnectChild::Autopilot(a) => {
                out.warning(p, "<Autopilot> connects to a retired Twilio product");
                needs_text(&a.text, p, "<Autopilot> needs the assistant as its text", out);
            }
            _ => {}
        }
    }
}

fn start(e: &Start<'_>, path: &str, forks: &mut usize, out: &mut Findings) {
    if e.children.is_empty() {
        out.error(path, "<Start> starts nothing: give it a Stream, Siprec, Transcription, Recording or MediaFilter");
    }
    let paths = child_paths(path, e.children.iter().map(|c| c.name()));
    for (child, p) in e.children.iter().zip(&paths) {
        let before = *forks;
        match child {
            StartChild::Stream(s) => {
                websocket_url(s.url.as_deref(), "Stream", p, out);
                *forks += 1;
            }
            // Both tracks (the default) take two forks.
            StartChild::Siprec(s) => {
                *forks += if matches!(s.track, None | Some(StreamTrack::BothTracks)) { 2 } else { 1 }
            }
            _ => {}
        }
        if before <= MAX_FORKS && *forks > MAX_FORKS {
            out.error(
                p,
                format!(
                    "more than {MAX_FORKS} media forks in one call (Streams, and Siprecs of both tracks count two)"
                ),
            );
        }
    }
}

fn enqueue(e: &Enqueue<'_>, path: &str, out: &mut Findings) {
    let name = e.text_content();
    max_len(out, path, "the queue name", Some(name.trim()), 64);
    if name.trim().is_empty() && e.workflow_sid.is_none() {
        out.error(path, "<Enqueue> needs a queue name as its text (or a `workflowSid`)");
    }
    let tasks = e.children.iter().filter(|c| matches!(c, EnqueueContent::Task(_))).count();
    if tasks > 1 {
        out.error(path, format!("<Enqueue> holds at most one <Task>, has {tasks}"));
    }
    if tasks > 0 && e.workflow_sid.is_none() {
        out.warning(path, "a <Task> only takes effect with the Enqueue's `workflowSid`");
    }
}

fn pay(e: &Pay<'_>, path: &str, out: &mut Findings) {
    if e.bank_account_type.is_some() && e.payment_method != Some(PaymentMethod::AchDebit) {
        out.warning(path, "`bankAccountType` applies only with `paymentMethod=\"ach-debit\"`");
    }
    let paths = child_paths(path, e.children.iter().map(|c| c.name()));
    for (child, p) in e.children.iter().zip(&paths) {
        if let PayChild::Prompt(prompt_element) = child {
            prompt(prompt_element, p, out);
        }
    }
}

fn prompt(e: &Prompt<'_>, path: &str, out: &mut Findings) {
    if let Some(attempts) = &e.attempt {
        if let Some(a) = attempts.items().iter().find(|a| !(1..=10).contains(*a)) {
            out.error(path, format!("`attempt` has {a}; attempts are 1 to 10"));
        }
    }
}

fn refer(e: &Refer<'_>, path: &str, out: &mut Findings) {
    let sips: Vec<&ReferSip<'_>> =
        e.children.iter().filter_map(|c| if let ReferChild::ReferSip(s) = c { Some(s) } else { None }).collect();
    if sips.len() != 1 {
        out.error(path, format!("<Refer> needs exactly one <Sip>, has {}", sips.len()));
    }
    for s in sips {
        if !s.text.trim_start().to_ascii_lowercase().starts_with("sip:") {
            out.error(path, format!("<Refer>'s <Sip> is `{}`; expected a `sip:` URI", s.text));
        }
    }
}
