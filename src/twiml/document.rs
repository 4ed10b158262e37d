//! Reading TwiML: the vocabulary, and `from_xml` / `FromStr` / `from_json` for every element.

use super::*;
use crate::xml::define::dialect_api;
use crate::xml::tree::Vocabulary;

/// Every element name of the TwiML dialect (and SSML's): a known element in the wrong place
/// is a parse error, an unknown one becomes a `Custom` element.
pub(crate) const VOCABULARY: Vocabulary = Vocabulary {
    names: &[
        Response::NAME,
        Say::NAME,
        Play::NAME,
        Pause::NAME,
        Gather::NAME,
        Record::NAME,
        Dial::NAME,
        Number::NAME,
        Client::NAME,
        Identity::NAME,
        Parameter::NAME,
        Sip::NAME,
        Uri::NAME,
        Headers::NAME,
        Header::NAME,
        Hangup::NAME,
        Reject::NAME,
        Redirect::NAME,
    ],
    shared: crate::ssml::ELEMENT_NAMES,
};

dialect_api! {
    path = "callml::twiml";
    vocabulary = VOCABULARY;
    roots = [Response];
    elements = [Say, Play, Pause, Gather, Record, Dial, Number, Client, Identity, Parameter, Sip, Uri, Headers, Header, Hangup, Reject, Redirect]
}
