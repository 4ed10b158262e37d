//! The roots: `<Response>` (webhook replies) and `<Bxml>` (live-call updates), one child list.

use super::*;
use crate::xml::define::define_element;

define_element! {
    /// `<Response>`: the reply to a BXML webhook; its verbs run top to bottom. An empty
    /// `<Response/>` hangs up.
    ///
    /// ```
    /// use callml::bxml::{Response, SpeakSentence};
    /// use callml::xml::Render;
    /// let doc = Response::new().speak_sentence(SpeakSentence::new("Hello, thanks for calling.").voice("julie")).hangup();
    /// assert_eq!(
    ///     doc.to_xml(),
    ///     r#"<?xml version="1.0" encoding="UTF-8"?><Response><SpeakSentence voice="julie">Hello, thanks for calling.</SpeakSentence><Hangup/></Response>"#
    /// );
    /// ```
    pub struct Response<'a> = "Response" as root {}
    /// `<Bxml>`: the root for the live-call and conference "update BXML" endpoints. Same verbs and
    /// shorthand methods as [`Response`].
    ///
    /// ```
    /// use callml::bxml::{Bxml, Response, SpeakSentence};
    /// use callml::xml::Render;
    /// let update = Bxml::new().speak_sentence("Still there?");
    /// assert_eq!(update.to_xml(), r#"<?xml version="1.0" encoding="UTF-8"?><Bxml><SpeakSentence>Still there?</SpeakSentence></Bxml>"#);
    /// assert_eq!(Bxml::from(Response::new().speak_sentence("Still there?")), update);
    /// ```
    pub struct Bxml<'a> = "Bxml" as root {}
    content: children new() Verb / IntoVerb {
        message = "`<Response>` cannot contain `{Self}`",
        note = "BXML roots accept the verbs: SpeakSentence, PlayAudio, Gather, Transfer, Hangup, Pause, Redirect, Record, Forward, Bridge, Conference, StartRecording, StopRecording, PauseRecording, ResumeRecording, Tag, Ring, SendDtmf, StartGather, StopGather, StartStream, StopStream, StartTranscription, StopTranscription, Connect, Refer";
        SpeakSentence => speak_sentence, PlayAudio => play_audio, Gather => gather, Transfer => transfer, Hangup => hangup(),
        Pause => pause, Redirect => redirect, Record => record, Forward => forward, Bridge => bridge,
        Conference => conference, StartRecording => start_recording, StopRecording, PauseRecording, ResumeRecording,
        Tag => tag, Ring => ring, SendDtmf => send_dtmf, StartGather => start_gather, StopGather,
        StartStream => start_stream, StopStream => stop_stream, StartTranscription => start_transcription,
        StopTranscription => stop_transcription, Connect => connect, Refer => refer,
    }
}

impl<'a> From<Response<'a>> for Bxml<'a> {
    fn from(r: Response<'a>) -> Self {
        Bxml { children: r.children, extra_attributes: r.extra_attributes }
    }
}

impl<'a> From<Bxml<'a>> for Response<'a> {
    fn from(b: Bxml<'a>) -> Self {
        Response { children: b.children, extra_attributes: b.extra_attributes }
    }
}
