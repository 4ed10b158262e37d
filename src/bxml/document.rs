//! Reading BXML: the vocabulary, and `from_xml` / `FromStr` / `from_json` for every element.

use super::*;
use crate::xml::define::dialect_api;
use crate::xml::tree::Vocabulary;

/// Every element name of BXML (and SSML's): a known element in the wrong place is a parse
/// error, an unknown one becomes a `Custom` element.
pub(crate) const VOCABULARY: Vocabulary = Vocabulary {
    names: &[
        Response::NAME,
        Bxml::NAME,
        SpeakSentence::NAME,
        PlayAudio::NAME,
        Gather::NAME,
        Transfer::NAME,
        PhoneNumber::NAME,
        SipUri::NAME,
        Hangup::NAME,
        Pause::NAME,
        Redirect::NAME,
        Record::NAME,
        Forward::NAME,
        Bridge::NAME,
        Conference::NAME,
        StartRecording::NAME,
        StopRecording::NAME,
        PauseRecording::NAME,
        ResumeRecording::NAME,
        Tag::NAME,
        Ring::NAME,
        SendDtmf::NAME,
        StartGather::NAME,
        StopGather::NAME,
        StartStream::NAME,
        StreamParam::NAME,
        StopStream::NAME,
        StartTranscription::NAME,
        CustomParam::NAME,
        StopTranscription::NAME,
        Connect::NAME,
        Endpoint::NAME,
        Refer::NAME,
    ],
    shared: crate::ssml::ELEMENT_NAMES,
};

dialect_api! {
    path = "callml::bxml";
    vocabulary = VOCABULARY;
    roots = [Response];
    elements = [
        SpeakSentence, PlayAudio, Gather, Transfer, PhoneNumber, SipUri, Hangup, Pause, Redirect, Record, Forward, Bridge,
        Conference, StartRecording, StopRecording, PauseRecording, ResumeRecording, Tag, Ring, SendDtmf, StartGather,
        StopGather, StartStream, StreamParam, StopStream, StartTranscription, CustomParam, StopTranscription, Connect,
        Endpoint, Refer
    ]
}

impl<'o> Bxml<'o> {
    /// Same content as `<Response>`: read as one, under its own root name, strings kept as `P`
    /// says.
    fn read<'i, P: crate::xml::tree::Strings<'i, 'o>>(input: &'i str) -> Result<Self, crate::xml::ParseError> {
        crate::xml::tree::Ctx::parse_root(input, VOCABULARY, Self::NAME, |ctx, el, path| {
            Response::__from_tree::<P>(ctx, el, path).map(Bxml::from)
        })
    }
}

impl<'a> Bxml<'a> {
    /// Reads a `<Bxml>` document whose strings borrow `input` (see `Response::from_xml_borrowed`).
    ///
    /// ```
    /// let input = String::from("<Bxml><SpeakSentence>hi</SpeakSentence></Bxml>");
    /// let update = callml::bxml::Bxml::from_xml_borrowed(&input).unwrap();
    /// assert_eq!(update, callml::bxml::Bxml::from_xml(&input).unwrap());
    /// ```
    pub fn from_xml_borrowed(input: &'a str) -> Result<Self, crate::xml::ParseError> {
        Self::read::<crate::xml::tree::Borrowed>(input)
    }
}

impl Bxml<'static> {
    /// Reads a `<Bxml>` document (the live-call update body).
    ///
    /// ```
    /// let update = callml::bxml::Bxml::from_xml("<Bxml><SpeakSentence>hi</SpeakSentence></Bxml>").unwrap();
    /// assert_eq!(update.children.len(), 1);
    /// ```
    pub fn from_xml(input: &str) -> Result<Self, crate::xml::ParseError> {
        Self::read::<crate::xml::tree::Copied>(input)
    }

    /// Reads the JSON form `{"Bxml": [...]}`.
    pub fn from_json(value: &serde_json::Value) -> Result<Self, crate::xml::JsonError> {
        let renamed = match value.as_object().and_then(|o| o.get("Bxml").filter(|_| o.len() == 1)) {
            Some(inner) => serde_json::json!({ "Response": inner }),
            None => return Err(crate::xml::JsonError::new("", "expected {\"Bxml\": [...]}")),
        };
        Response::from_json(&renamed).map(Bxml::from)
    }
}

impl Bxml<'_> {
    /// The JSON form `{"Bxml": [...]}`.
    pub fn to_json(&self) -> serde_json::Value {
        let response = Response { children: self.children.clone(), extra_attributes: self.extra_attributes.clone() };
        match response.to_json() {
            serde_json::Value::Object(mut o) => {
                let inner = o.remove("Response").unwrap_or_default();
                serde_json::json!({ "Bxml": inner })
            }
            other => other,
        }
    }
}

impl std::str::FromStr for Bxml<'static> {
    type Err = crate::xml::ParseError;
    fn from_str(input: &str) -> Result<Self, Self::Err> {
        Self::from_xml(input)
    }
}
