//! `validate()` for BXML: the generic checks of every element (with the documented ranges,
//! lengths and required attributes of the tables) plus the rules a table cannot say: verbs that
//! never run, child counts, text content.

use super::*;
use crate::xml::Finding;
use crate::xml::lint::{Findings, child_paths};
use crate::xml::rules::{charset, max_len};

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
        crate::xml::lint::element(self, "Response", &mut out);
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
            Verb::Bridge(e) if e.text.trim().is_empty() => {
                out.error(path, "<Bridge> needs the target call id as its text");
            }
            Verb::Refer(e) => {
                let n = e.children.len();
                if n != 1 {
                    out.error(path, format!("<Refer> needs exactly one <SipUri>, has {n}"));
                }
            }
            Verb::Hangup(_) => {}
            Verb::SendDtmf(e) => {
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
            Verb::StartStream(e) => {
                params(e.children.len(), "StreamParam", path, out);
            }
            Verb::StartTranscription(e) => {
                params(e.children.len(), "CustomParam", path, out);
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
}
