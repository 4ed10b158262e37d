//! Playing to the caller: `<SpeakSentence>` (with SSML), `<PlayAudio>`, `<SendDtmf>`.

use std::borrow::Cow;

use super::Gender;
use crate::ssml::{Break, Emphasis, Lang, Paragraph, Phoneme, Prosody, SayAs, Sentence, Sub, TrustedSsml};
use crate::xml::Decimal;
use crate::xml::define::define_element;

define_element! {
    /// `<SpeakSentence>`: text to speech. Text runs mix with typed SSML elements (escaped
    /// correctly: `a<b` stays text) or with [`TrustedSsml`] markup.
    ///
    /// ```
    /// use callml::bxml::SpeakSentence;
    /// use callml::ssml::Break;
    /// let s = SpeakSentence::new("Enter your PIN ").voice("paul").child(Break::new().time("500ms")).text(" then press pound.");
    /// assert_eq!(s.to_string(), r#"<SpeakSentence voice="paul">Enter your PIN <break time="500ms"/> then press pound.</SpeakSentence>"#);
    /// ```
    pub struct SpeakSentence<'a> = "SpeakSentence" {
        /// Voice gender (ignored when `voice` is set).
        gender: Gender = "gender",
        /// Locale such as `en_US`, `es_MX`, `fr_CA`.
        locale: Cow<'a, str> = "locale",
        /// Named voice (`julie`, `paul`, `kate`, ...).
        voice: Cow<'a, str> = "voice",
    }
    content: speech new(text) SpeakSentenceContent / IntoSpeakSentenceContent {
        message = "`<SpeakSentence>` cannot contain `{Self}`",
        note = "`<SpeakSentence>` accepts text and SSML: break, emphasis, lang, p, phoneme, prosody, s, say-as, sub, TrustedSsml";
        Break, Emphasis, Lang, Paragraph, Phoneme, Prosody, Sentence, SayAs, Sub, TrustedSsml,
    }
}

define_element! {
    /// `<PlayAudio>`: plays a wav or mp3 file from a URL.
    ///
    /// ```
    /// use callml::bxml::PlayAudio;
    /// assert_eq!(PlayAudio::new("https://example.com/a.wav").to_string(), "<PlayAudio>https://example.com/a.wav</PlayAudio>");
    /// ```
    pub struct PlayAudio<'a> = "PlayAudio" {
        /// Basic-auth password for fetching the file.
        password: Cow<'a, str> = "password",
        /// Basic-auth user name for fetching the file.
        username: Cow<'a, str> = "username",
    }
    content: text;
}

define_element! {
    /// `<SendDtmf>`: plays DTMF digits (`0-9 * # a-d`, `,`/`w` half a second, `W` one second).
    ///
    /// ```
    /// use callml::bxml::SendDtmf;
    /// assert_eq!(SendDtmf::new("1234").tone_duration(100).to_string(), r#"<SendDtmf toneDuration="100">1234</SendDtmf>"#);
    /// ```
    pub struct SendDtmf<'a> = "SendDtmf" {
        /// Milliseconds per tone (50-5000).
        tone_duration: Decimal = "toneDuration" [min = 50, max = 5000],
        /// Milliseconds between tones (50-5000).
        tone_interval: Decimal = "toneInterval" [min = 50, max = 5000],
    }
    content: text;
}
