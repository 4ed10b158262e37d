//! BXML's one list of elements: its vocabulary, and `from_xml` / `FromStr` / `from_json` for every
//! element.

use super::*;
use crate::xml::vocabulary::dialect;

dialect! {
    /// Every BXML element (SSML's are shared): a known element in the wrong place is a parse
    /// error, an unknown one becomes a [`Custom`](crate::xml::Custom) element. The crate's one list
    /// of BXML: reading, detection and the tests' coverage lists come from it.
    pub const VOCABULARY = roots [Response, Bxml] elements [
        SpeakSentence, PlayAudio, Gather, Transfer, PhoneNumber, SipUri, Hangup, Pause, Redirect, Record, Forward, Bridge,
        Conference, StartRecording, StopRecording, PauseRecording, ResumeRecording, Tag, Ring, SendDtmf, StartGather,
        StopGather, StartStream, StreamParam, StopStream, StartTranscription, CustomParam, StopTranscription, Connect,
        Endpoint, Refer,
    ] shared Some(&crate::ssml::VOCABULARY);
}
