//! `<Response>`: the document root.

use super::{
    Connect, Dial, Echo, Enqueue, Gather, Hangup, Leave, Pause, Pay, Play, Prompt, Queue, Record, Redirect, Refer,
    Reject, Say, Sms, Start, Stop,
};
use crate::xml::define::define_element;

define_element! {
    /// `<Response>`: the root of a TwiML document; its verbs run top to bottom.
    ///
    /// ```
    /// use callml::twiml::{Response, Say, Voice};
    /// use callml::xml::Render;
    /// let doc = Response::new()
    ///     .say(Say::new("Please hold while your call is connected").voice(Voice::Woman))
    ///     .dial("18004444444");
    /// assert_eq!(
    ///     doc.to_xml(),
    ///     r#"<?xml version="1.0" encoding="UTF-8"?><Response><Say voice="woman">Please hold while your call is connected</Say><Dial>18004444444</Dial></Response>"#
    /// );
    /// ```
    pub struct Response<'a> = "Response" as root {}
    content: children new() ResponseChild / IntoResponseChild {
        message = "`<Response>` cannot contain `{Self}`",
        note = "`<Response>` accepts the verbs Say, Play, Pause, Gather, Record, Dial, Hangup, Reject, Redirect, Connect, Start, Stop, Enqueue, Leave, Pay, Refer, Echo, Sms (and Queue, Prompt, as Twilio's libraries allow)";
        Say => say, Play => play, Pause => pause, Gather => gather, Record => record, Dial => dial,
        Hangup => hangup(), Reject => reject(), Redirect => redirect, Connect => connect, Start => start, Stop => stop, Enqueue => enqueue,
        Leave => leave(), Pay => pay, Refer => refer, Echo, Sms => sms, Queue => queue, Prompt => prompt,
    }
}
