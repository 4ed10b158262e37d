//! How each verb hands on control: one table per dialect, read by both the lint (`validate()`'s
//! "never runs" findings) and the call simulator's interpreters, so that the two cannot disagree
//! about whether the verb after another one runs.

use crate::bxml::Verb;
use crate::twiml::{Profile, ResponseChild};

/// What happens after a verb, as far as the document alone can tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Exit {
    /// The next verb runs (unless the caller hangs up).
    Continues,
    /// The call leaves the document (a new document, or the end of the call) whatever the caller
    /// does; the text names the verb and the attribute that makes it so.
    Always(&'static str),
    /// It depends on the caller: with input (digits, speech, a recording) the call leaves the
    /// document, without it the next verb runs. The lint makes no claim.
    OnInput,
}

/// TwiML, per profile.
///
/// - Gather: with `actionOnEmptyResult="true"` its action is requested even without input;
///   otherwise a timeout with no input runs the next verb.
/// - Record: an empty recording makes no request and runs the next verb; a recording requests
///   the action (by default the current document).
/// - Dial: with `action` the action is requested when the dialled call ends; without it the next
///   verb runs.
/// - Connect, Enqueue, Pay, Refer and Sms: with `action` it is requested when they end; without
///   it the next verb runs (Start and Stop run beside the call, so the next verb always runs).
/// - Hangup, Reject, Redirect and Leave always leave.
pub(crate) fn twiml(verb: &ResponseChild<'_>, _profile: Profile) -> Exit {
    match verb {
        ResponseChild::Gather(g) if g.action_on_empty_result == Some(true) => {
            Exit::Always("Gather actionOnEmptyResult=\"true\"")
        }
        ResponseChild::Gather(_) | ResponseChild::Record(_) => Exit::OnInput,
        ResponseChild::Dial(d) if d.action.is_some() => Exit::Always("Dial action"),
        ResponseChild::Connect(c) if c.action.is_some() => Exit::Always("Connect action"),
        ResponseChild::Enqueue(e) if e.action.is_some() => Exit::Always("Enqueue action"),
        ResponseChild::Pay(p) if p.action.is_some() => Exit::Always("Pay action"),
        ResponseChild::Refer(r) if r.action.is_some() => Exit::Always("Refer action"),
        ResponseChild::Sms(s) if s.action.is_some() => Exit::Always("Sms action"),
        ResponseChild::Leave(_) => Exit::Always("Leave"),
        ResponseChild::Hangup(_) => Exit::Always("Hangup"),
        ResponseChild::Reject(_) => Exit::Always("Reject"),
        ResponseChild::Redirect(_) => Exit::Always("Redirect"),
        _ => Exit::Continues,
    }
}

/// BXML: a verb whose URL attribute asks for BXML leaves the document (Gather with `gatherUrl`
/// posts even on an empty timeout; Record with `recordCompleteUrl`, Transfer with
/// `transferCompleteUrl`, Bridge with `bridgeCompleteUrl`); Redirect, Refer, Forward and Hangup
/// always leave.
pub(crate) fn bxml(verb: &Verb<'_>) -> Exit {
    match verb {
        Verb::Gather(g) if g.gather_url.is_some() => Exit::Always("Gather gatherUrl"),
        Verb::Record(r) if r.record_complete_url.is_some() => Exit::Always("Record recordCompleteUrl"),
        Verb::Transfer(t) if t.transfer_complete_url.is_some() => Exit::Always("Transfer transferCompleteUrl"),
        Verb::Bridge(b) if b.bridge_complete_url.is_some() => Exit::Always("Bridge bridgeCompleteUrl"),
        Verb::Redirect(_) => Exit::Always("Redirect"),
        Verb::Refer(_) => Exit::Always("Refer"),
        Verb::Forward(_) => Exit::Always("Forward"),
        Verb::Hangup(_) => Exit::Always("Hangup"),
        _ => Exit::Continues,
    }
}
