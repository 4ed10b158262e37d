//! `validate()` for TwiML: the generic checks of every element (unknown elements and attributes,
//! undocumented values, forbidden characters, dropped duplicates) plus the rules of
//! Twilio's and ACML's documentation, for Twilio or for ACML.

use super::*;
use crate::flow::{self, Exit};
use crate::xml::lint::{Findings, child_paths, undocumented};
use crate::xml::rules::charset;
use crate::xml::{Finding, Separator};

/// Whose documentation to check against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Profile {
    /// Twilio's TwiML (also SignalWire, Telnyx).
    #[default]
    Twilio,
    /// ACML, the CallAPI providers' "API Call Markup Language": a subset of Twilio's attributes, comma
    /// separated event lists, eight Reject reasons, boolean Dial `record`, `dialMusic`.
    Acml,
}

impl Response<'_> {
    /// Every finding for Twilio's TwiML (see [`validate_for`](Self::validate_for)).
    ///
    /// ```
    /// use callml::twiml::{Response, Say};
    /// use callml::xml::Severity;
    /// let doc = Response::new().say(Say::new("hi").attr("lagnauge", "en")).hangup().say("too late");
    /// let findings = doc.validate();
    /// assert_eq!(findings.len(), 2);
    /// assert_eq!(findings[0].severity, Severity::Warning);
    /// assert_eq!(findings[0].message, "unknown attribute `lagnauge` (written as is, not checked)");
    /// assert_eq!(findings[1].path, "Response/Say[2]");
    /// ```
    pub fn validate(&self) -> Vec<Finding> {
        self.validate_for(Profile::Twilio)
    }

    /// Every finding for the given provider: severity, element path and message.
    pub fn validate_for(&self, profile: Profile) -> Vec<Finding> {
        let mut out = Findings::default();
        crate::xml::lint::element(self, "Response", &mut out);
        let paths = child_paths("Response", self.children.iter().map(|c| c.name()));
        let mut terminal: Option<&str> = None;
        let mut after_record = false;
        let mut forks = 0;
        for (i, (verb, path)) in self.children.iter().zip(&paths).enumerate() {
            if let Some(t) = terminal {
                out.warning(path, format!("never runs: it comes after <{t}>, which leaves the document"));
            }
            match verb {
                ResponseChild::Say(e) => say(e, path, &mut out),
                ResponseChild::Play(e) => play(e, path, profile, &mut out),
                ResponseChild::Pause(e) => pause(e, path, &mut out),
                ResponseChild::Gather(e) => gather(e, path, profile, &mut out),
                ResponseChild::Record(e) => record(e, path, profile, &mut out),
                ResponseChild::Dial(e) => dial(e, path, profile, &mut out),
                ResponseChild::Hangup(e) => parameters_only_twilio(!e.children.is_empty(), path, profile, &mut out),
                ResponseChild::Reject(e) => {
                    reject(e, path, profile, &mut out);
                    if i > 0 {
                        out.warning(path, "<Reject> refuses the call unanswered only as the first verb; here the call was already answered");
                    }
                }
                ResponseChild::Redirect(e) => {
                    acml_undocumented(e, path, profile, &mut out);
                    if e.text.trim().is_empty() {
                        out.error(path, "<Redirect> needs a URL as its text");
                    }
                }
                other => {
                    super::validate_more::verb(other, path, profile, &mut forks, &mut out);
                }
            }
            // Whether the next verb can run comes from the flow table the simulator runs on.
            if let Exit::Always(verb) = flow::twiml(verb, profile) {
                terminal = terminal.or(Some(verb));
            }
            if profile == Profile::Acml && after_record {
                out.warning(path, "ACML's documentation advises putting no verb after <Record>; this one runs only when nothing was recorded");
            }
            after_record = matches!(verb, ResponseChild::Record(_));
        }
        out.list
    }
}

/// Under ACML, warns about the attributes ACML does not document (a fact of the table).
fn acml_undocumented<'a>(e: &impl crate::xml::element::Element<'a>, path: &str, profile: Profile, out: &mut Findings) {
    if profile == Profile::Acml {
        undocumented(e, "ACML", path, out);
    }
}

fn separator(
    list: Option<&crate::xml::List<impl crate::xml::AttributeValue>>,
    name: &str,
    path: &str,
    profile: Profile,
    out: &mut Findings,
) {
    let Some(list) = list else { return };
    if list.items().len() < 2 {
        return;
    }
    match (profile, list.separator_used()) {
        (Profile::Acml, Separator::Space) => out.warning(path, format!("ACML documents `{name}` as comma-separated")),
        (Profile::Twilio, Separator::Comma) => {
            out.warning(path, format!("Twilio expects `{name}` separated by spaces"))
        }
        _ => {}
    }
}

fn parameters_only_twilio(has: bool, path: &str, profile: Profile, out: &mut Findings) {
    if has && profile == Profile::Acml {
        out.warning(path, "ACML does not document <Parameter> children");
    }
}

fn say(e: &Say<'_>, path: &str, out: &mut Findings) {
    let text = e.text_content();
    if text.chars().count() > 4096 {
        out.warning(path, "<Say> text is longer than Twilio's 4096-character limit");
    }
}

fn play(e: &Play<'_>, path: &str, profile: Profile, out: &mut Findings) {
    acml_undocumented(e, path, profile, out);
    if e.text.trim().is_empty() && e.digits.is_none() {
        out.error(path, "<Play> needs a media URL (or `digits`)");
    }
    charset(
        out,
        path,
        "`digits`",
        e.digits.as_deref(),
        |c| c.is_ascii_digit() || matches!(c, '*' | '#' | 'w'),
        "0-9, *, # or w",
    );
}

fn pause(e: &Pause<'_>, path: &str, out: &mut Findings) {
    if e.length == Some(0) {
        out.error(path, "`length` must be greater than 0");
    }
}

fn gather(e: &Gather<'_>, path: &str, profile: Profile, out: &mut Findings) {
    acml_undocumented(e, path, profile, out);
    if let Some(k) = e.finish_on_key.as_deref() {
        if !(k.is_empty() || (k.chars().count() == 1 && k.chars().all(|c| c.is_ascii_digit() || c == '#' || c == '*')))
        {
            out.error(path, format!("`finishOnKey` is `{k}`; expected one of 0-9, #, * or empty"));
        }
    }
    if profile == Profile::Acml && e.input.as_ref().is_some_and(|i| i.items().contains(&GatherInput::Speech)) {
        out.warning(path, "ACML gathers DTMF only; `speech` input is not supported");
    }
    separator(e.input.as_ref(), "input", path, profile, out);
    let paths = child_paths(path, e.children.iter().map(|c| c.name()));
    for (child, p) in e.children.iter().zip(&paths) {
        match child {
            GatherChild::Say(s) => say(s, p, out),
            GatherChild::Play(s) => play(s, p, profile, out),
            GatherChild::Pause(s) => pause(s, p, out),
            _ => {}
        }
    }
}

fn record(e: &Record<'_>, path: &str, profile: Profile, out: &mut Findings) {
    acml_undocumented(e, path, profile, out);
    if let Some(k) = e.finish_on_key.as_deref() {
        let acml_never = profile == Profile::Acml && k == "-1";
        if !acml_never && !k.chars().all(|c| c.is_ascii_digit() || c == '#' || c == '*') {
            out.error(path, format!("`finishOnKey` is `{k}`; expected keys from 0-9, # and *"));
        }
    }
    separator(e.recording_status_callback_event.as_ref(), "recordingStatusCallbackEvent", path, profile, out);
}

fn dial(e: &Dial<'_>, path: &str, profile: Profile, out: &mut Findings) {
    acml_undocumented(e, path, profile, out);
    if profile == Profile::Twilio && e.dial_music.is_some() {
        out.warning(path, "`dialMusic` is an ACML attribute; Twilio ignores it");
    }
    if profile == Profile::Acml && e.record.as_ref().is_some_and(|r| !matches!(r, DialRecord::True | DialRecord::False))
    {
        out.warning(path, "ACML documents `record` as `true` or `false`");
    }
    separator(e.recording_status_callback_event.as_ref(), "recordingStatusCallbackEvent", path, profile, out);
    let has_text = e.children.iter().any(|c| matches!(c, DialContent::Text(t) if !t.trim().is_empty()));
    let nouns = e.children.iter().filter(|c| !c.is_text()).count();
    super::validate_more::dial_nouns(e, path, profile, nouns > 1 || has_text, out);
    if has_text && nouns > 0 {
        out.warning(
            path,
            "<Dial> has both a number as text and nouns; the text is dialled as part of the nouns' content",
        );
    }
    if !has_text && nouns == 0 {
        out.error(
            path,
            "<Dial> has nothing to dial: give a number as text or a noun (Number, Client, Sip, Conference, ...)",
        );
    }
    let numbers = e.children.iter().filter(|c| matches!(c, DialContent::Number(_))).count();
    if numbers > 10 {
        out.warning(path, format!("<Dial> has {numbers} <Number>s; Twilio rings at most 10"));
    }
    let sips = e.children.iter().filter(|c| matches!(c, DialContent::Sip(_))).count();
    if profile == Profile::Acml && sips > 0 && (sips > 1 || nouns > sips) {
        out.error(path, "ACML allows one <Sip> per <Dial>, not mixed with <Number> or <Client>");
    }
    let paths = child_paths(path, e.children.iter().map(|c| c.name()));
    for (child, p) in e.children.iter().zip(&paths) {
        match child {
            DialContent::Number(n) => number(n, p, profile, out),
            DialContent::Client(c) => client(c, p, profile, out),
            DialContent::Sip(s) => sip(s, p, profile, out),
            _ => {}
        }
    }
}

fn number(e: &Number<'_>, path: &str, profile: Profile, out: &mut Findings) {
    acml_undocumented(e, path, profile, out);
    if e.text.trim().is_empty() {
        out.error(path, "<Number> needs a phone number as its text");
    }
    separator(e.status_callback_event.as_ref(), "statusCallbackEvent", path, profile, out);
}

fn client(e: &Client<'_>, path: &str, profile: Profile, out: &mut Findings) {
    acml_undocumented(e, path, profile, out);
    if profile == Profile::Twilio && e.name.is_some() {
        out.warning(path, "`name` on <Client> is an ACML attribute");
    }
    separator(e.status_callback_event.as_ref(), "statusCallbackEvent", path, profile, out);
    let params = e.children.iter().any(|c| matches!(c, ClientContent::Parameter(_)));
    let identity = e.children.iter().any(|c| matches!(c, ClientContent::Identity(_)));
    let text = !e.text_content().trim().is_empty();
    if params && text && !identity {
        out.warning(path, "with <Parameter>s the client identity goes in <Identity>, not as text");
    }
    if !text && !identity {
        out.error(path, "<Client> needs an identity (text or <Identity>)");
    }
    parameters_only_twilio(params || identity, path, profile, out);
}

fn sip(e: &Sip<'_>, path: &str, profile: Profile, out: &mut Findings) {
    acml_undocumented(e, path, profile, out);
    if profile == Profile::Twilio && e.name.is_some() {
        out.warning(path, "`name` on <Sip> is an ACML attribute");
    }
    separator(e.status_callback_event.as_ref(), "statusCallbackEvent", path, profile, out);
    let uris = e.children.iter().any(|c| matches!(c, SipContent::Uri(_)));
    if e.text_content().trim().is_empty() && !uris {
        out.error(path, "<Sip> needs a SIP URI (text or <Uri>)");
    }
    if profile == Profile::Acml && e.children.iter().any(|c| !c.is_text()) {
        out.warning(path, "ACML does not document <Uri> or <Headers> inside <Sip>");
    }
}

fn reject(e: &Reject<'_>, path: &str, profile: Profile, out: &mut Findings) {
    if profile == Profile::Twilio
        && e.reason.as_ref().is_some_and(|r| !matches!(r, RejectReason::Rejected | RejectReason::Busy))
    {
        out.warning(
            path,
            format!(
                "Twilio documents `reason` as `rejected` or `busy`, not `{}`",
                e.reason.as_ref().map_or("", |r| r.as_str())
            ),
        );
    }
    parameters_only_twilio(!e.children.is_empty(), path, profile, out);
}
