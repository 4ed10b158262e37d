//! `validate()` for BXML: the generic checks of every element plus the rules of
//! `spec/bandwidth.md`: verbs that never run, child counts, required attributes, documented ranges
//! and lengths.

use super::*;
use crate::xml::lint::Findings;
use crate::xml::rules::{charset, child_paths, max_len, range};
use crate::xml::{Decimal, Finding};

impl Response<'_> {
    /// Every finding: severity, element path and message.
    ///
    /// ```
    /// use callml::bxml::{Gather, Response};
    /// let doc = Response::new().gather(Gather::new().max_digits(60).gather_url("/g")).hangup();
    /// let findings = doc.validate();
    /// assert_eq!(findings[0].message, "`maxDigits` is 60; the documented range is 1 to 50");
    /// assert_eq!(findings[1].path, "Response/Hangup");
    /// ```
    pub fn validate(&self) -> Vec<Finding> {
        let mut out = Findings::default();
        self.__lint("Response", &mut out);
        verbs(&self.children, "Response", &mut out);
        out.list
    }
}

impl Bxml<'_> {
    /// Every finding, as for [`Response::validate`].
    pub fn validate(&self) -> Vec<Finding> {
        let response = Response { children: self.children.clone(), extra_attributes: self.extra_attributes.clone() };
        response
            .validate()
            .into_iter()
            .map(|mut f| {
                f.path = f.path.replacen("Response", "Bxml", 1);
                f
            })
            .collect()
    }
}

fn d(v: f64) -> Decimal {
    Decimal::new(v)
}

fn required(out: &mut Findings, path: &str, attribute: &str, present: bool) {
    if !present {
        out.error(path, format!("`{attribute}` is required"));
    }
}

fn tag(out: &mut Findings, path: &str, value: Option<&str>) {
    max_len(out, path, "`tag`", value, 256);
}

fn verbs(children: &[Verb<'_>], parent: &str, out: &mut Findings) {
    let paths = child_paths(parent, children.iter().map(|c| c.name()));
    let mut leaves: Option<&str> = None;
    for (verb, path) in children.iter().zip(&paths) {
        if let Some(l) = leaves {
            out.warning(path, format!("never runs: it comes after <{l}>, which ends or leaves this BXML"));
        }
        match verb {
            Verb::SpeakSentence(e) => {
                speak_sentence(e, path, out);
            }
            Verb::Gather(e) => {
                gather(e, path, out);
            }
            Verb::Transfer(e) => {
                transfer(e, path, out);
            }
            Verb::Record(e) => {
                range(out, path, "maxDuration", e.max_duration, 1, 10800);
                tag(out, path, e.tag.as_deref());
            }
            Verb::Bridge(e) => {
                tag(out, path, e.tag.as_deref());
                if e.text.trim().is_empty() {
                    out.error(path, "<Bridge> needs the target call id as its text");
                }
            }
            Verb::Redirect(e) => {
                required(out, path, "redirectUrl", e.redirect_url.is_some());
                tag(out, path, e.tag.as_deref());
            }
            Verb::Refer(e) => {
                let n = e.children.len();
                if n != 1 {
                    out.error(path, format!("<Refer> needs exactly one <SipUri>, has {n}"));
                }
            }
            Verb::Forward(e) => {
                required(out, path, "to", e.to.is_some());
                range(out, path, "callTimeout", e.call_timeout, d(1.0), d(300.0));
                max_len(out, path, "`uui`", e.uui.as_deref(), 256);
            }
            Verb::Hangup(_) => {}
            Verb::Pause(e) => {
                range(out, path, "duration", e.duration, d(0.1), d(86400.0));
            }
            Verb::Ring(e) => {
                range(out, path, "duration", e.duration, d(0.1), d(86400.0));
            }
            Verb::SendDtmf(e) => {
                range(out, path, "toneDuration", e.tone_duration, d(50.0), d(5000.0));
                range(out, path, "toneInterval", e.tone_interval, d(50.0), d(5000.0));
                max_len(out, path, "the digits", Some(&e.text), 50);
                charset(
                    out,
                    path,
                    "the digits",
                    Some(&e.text),
                    |c| c.is_ascii_digit() || matches!(c, '*' | '#' | 'a'..='d' | 'A'..='D' | ',' | 'w' | 'W'),
                    "0-9, *, #, a-d, `,`, w or W",
                );
            }
            Verb::Conference(e) => {
                range(out, path, "callbackTimeout", e.callback_timeout, d(1.0), d(25.0));
                tag(out, path, e.tag.as_deref());
                max_len(out, path, "the conference name", Some(&e.text), 100);
                charset(
                    out,
                    path,
                    "the conference name",
                    Some(&e.text),
                    |c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'),
                    "letters, digits, -, _ or .",
                );
            }
            Verb::StartGather(e) => {
                required(out, path, "dtmfUrl", e.dtmf_url.is_some());
            }
            Verb::StartStream(e) => {
                required(out, path, "destination", e.destination.is_some());
                params(e.children.len(), "StreamParam", path, out);
                let paths = child_paths(path, e.children.iter().map(|c| c.name()));
                for (c, p) in e.children.iter().zip(&paths) {
                    if let StartStreamChild::StreamParam(sp) = c {
                        max_len(out, p, "`name`", sp.name.as_deref(), 256);
                        max_len(out, p, "`value`", sp.value.as_deref(), 2048);
                    }
                }
            }
            Verb::StopStream(e) => {
                required(out, path, "name", e.name.is_some());
            }
            Verb::StartTranscription(e) => {
                params(e.children.len(), "CustomParam", path, out);
            }
            Verb::StartRecording(e) => {
                tag(out, path, e.tag.as_deref());
            }
            _ => {}
        }
        // Whether the next verb can run comes from the flow table the simulator runs on.
        if let crate::flow::Exit::Always(verb) = crate::flow::bxml(verb) {
            leaves = leaves.or(Some(verb));
        }
    }
}

fn params(n: usize, what: &str, path: &str, out: &mut Findings) {
    if n > 12 {
        out.error(path, format!("at most 12 <{what}>s are allowed, found {n}"));
    }
}

fn speak_sentence(e: &SpeakSentence<'_>, path: &str, out: &mut Findings) {
    let blank = e.children.iter().all(|c| matches!(c, SpeakSentenceContent::Text(t) if t.trim().is_empty()));
    if blank {
        out.error(path, "<SpeakSentence> needs non-blank text");
    }
}

fn gather(e: &Gather<'_>, path: &str, out: &mut Findings) {
    range(out, path, "maxDigits", e.max_digits, 1, 50);
    range(out, path, "interDigitTimeout", e.inter_digit_timeout, d(1.0), d(60.0));
    range(out, path, "firstDigitTimeout", e.first_digit_timeout, d(0.0), d(60.0));
    tag(out, path, e.tag.as_deref());
    let prompts = e.children.len() as u64 * u64::from(e.repeat_count.unwrap_or(1));
    if prompts > 20 {
        out.error(path, format!("<Gather> plays {prompts} prompts (children × repeatCount); at most 20 are allowed"));
    }
    let paths = child_paths(path, e.children.iter().map(|c| c.name()));
    for (c, p) in e.children.iter().zip(&paths) {
        if let GatherChild::SpeakSentence(s) = c {
            speak_sentence(s, p, out);
        }
    }
}

fn transfer(e: &Transfer<'_>, path: &str, out: &mut Findings) {
    let n = e.children.iter().filter(|c| matches!(c, TransferChild::PhoneNumber(_) | TransferChild::SipUri(_))).count();
    if !(1..=8).contains(&n) {
        out.error(path, format!("<Transfer> needs 1 to 8 <PhoneNumber>/<SipUri> targets, has {n}"));
    }
    range(out, path, "callTimeout", e.call_timeout, d(1.0), d(300.0));
    max_len(out, path, "`transferCallerDisplayName`", e.transfer_caller_display_name.as_deref(), 256);
    tag(out, path, e.tag.as_deref());
    let paths = child_paths(path, e.children.iter().map(|c| c.name()));
    for (c, p) in e.children.iter().zip(&paths) {
        let (uui, t) = match c {
            TransferChild::PhoneNumber(x) => (x.uui.as_deref(), x.tag.as_deref()),
            TransferChild::SipUri(x) => (x.uui.as_deref(), x.tag.as_deref()),
            _ => continue,
        };
        max_len(out, p, "`uui`", uui, 256);
        tag(out, p, t);
    }
}
