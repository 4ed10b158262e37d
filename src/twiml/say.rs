//! `<Say>`: text to speech, mixed with SSML.

use std::borrow::Cow;

use super::Voice;
use crate::ssml::{
    AmazonDomain, AmazonEffect, Break, Emphasis, Lang, Paragraph, Phoneme, Prosody, SayAs, Sentence, Sub, TrustedSsml,
    Word,
};
use crate::xml::define::define_element;

define_element! {
    /// `<Say>`: speaks its text; text runs may be mixed with SSML elements.
    ///
    /// ```
    /// use callml::twiml::{Say, Voice};
    /// use callml::ssml::Break;
    /// let say = Say::new("Hello").voice(Voice::Woman).child(Break::new().time("500ms")).text("world");
    /// assert_eq!(say.to_string(), r#"<Say voice="woman">Hello<break time="500ms"/>world</Say>"#);
    /// ```
    pub struct Say<'a> = "Say" {
        /// Language (`en-US`, `fr-FR`, ...); must match the voice.
        language: Cow<'a, str> = "language",
        /// How many times to speak; 0 repeats until hang-up.
        loop_count: u32 = "loop",
        /// The voice.
        voice: Voice = "voice",
    }
    content: speech new(text) SayContent / IntoSayContent {
        message = "`<Say>` cannot contain `{Self}`",
        note = "`<Say>` accepts text and SSML: break, emphasis, lang, p, phoneme, prosody, s, say-as, sub, w, amazon:effect, amazon:domain, TrustedSsml";
        Break, Emphasis, Lang, Paragraph, Phoneme, Prosody, Sentence, SayAs, Sub, Word, AmazonEffect, AmazonDomain, TrustedSsml,
    }
}
