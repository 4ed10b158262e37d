//! SSML, the speech markup inside TwiML `<Say>` and BXML `<SpeakSentence>`: typed elements with the
//! nesting matrix the providers' libraries agree on, mixed with text runs.
//!
//! | element | content |
//! |---|---|
//! | [`Lang`], [`Prosody`], [`AmazonEffect`], [`AmazonDomain`] (and Say itself) | text and every SSML element |
//! | [`Paragraph`] (`p`) | text and everything but `p` |
//! | [`Sentence`] (`s`), [`Emphasis`] | text and everything but `p` and `s` |
//! | [`Word`] (`w`) | text, break, emphasis, phoneme, prosody, say-as, sub |
//! | [`Break`] | nothing |
//! | [`Phoneme`], [`SayAs`], [`Sub`] | text only |
//!
//! ```
//! use callml::ssml::{Break, Emphasis, SayAs, InterpretAs};
//! use callml::twiml::Say;
//! use callml::xml::{Render, RenderOptions};
//!
//! let say = Say::new("Your code is ")
//!     .child(SayAs::new("1234").interpret_as(InterpretAs::Digits))
//!     .child(Break::new().time("1s"))
//!     .child(Emphasis::new("thank you"));
//! assert_eq!(
//!     say.to_xml_with(RenderOptions::new().declaration(false)),
//!     r#"<Say>Your code is <say-as interpret-as="digits">1234</say-as><break time="1s"/><emphasis>thank you</emphasis></Say>"#
//! );
//! ```

use std::borrow::Cow;

mod trusted;
mod values;
pub use trusted::TrustedSsml;
pub use values::*;

use crate::xml::define::define_element;

/// The SSML elements, shared by both dialects' vocabularies (SSML's one list).
///
/// ```
/// assert!(callml::ssml::VOCABULARY.knows("say-as"));
/// ```
pub const VOCABULARY: crate::xml::Vocabulary = {
    use crate::xml::ElementInfo;
    macro_rules! list {
        ($($ty:ident),*) => { &[$(ElementInfo::new($ty::NAME, $ty::ATTRIBUTE_NAMES)),*] };
    }
    crate::xml::Vocabulary::new(
        list!(
            Break,
            Emphasis,
            Lang,
            Paragraph,
            Phoneme,
            Prosody,
            Sentence,
            SayAs,
            Sub,
            Word,
            AmazonEffect,
            AmazonDomain
        ),
        None,
    )
};

define_element! {
    /// `<break>`: a pause in speech.
    ///
    /// ```
    /// use callml::ssml::{Break, BreakStrength};
    /// let b = Break::new().strength(BreakStrength::Strong);
    /// assert_eq!(b.to_string(), r#"<break strength="strong"/>"#);
    /// ```
    pub struct Break<'a> = "break" {
        /// How strong the pause is.
        strength: BreakStrength = "strength",
        /// Its length, `<n>s` or `<n>ms`.
        time: Cow<'a, str> = "time",
    }
    content: empty;
}

define_element! {
    /// `<emphasis>`: stressed words.
    ///
    /// ```
    /// use callml::ssml::{Emphasis, EmphasisLevel};
    /// assert_eq!(Emphasis::new("now").level(EmphasisLevel::Strong).to_string(), r#"<emphasis level="strong">now</emphasis>"#);
    /// ```
    pub struct Emphasis<'a> = "emphasis" {
        /// How much stress.
        level: EmphasisLevel = "level",
    }
    content: speech new(text) EmphasisContent / IntoEmphasisContent {
        message = "`<emphasis>` cannot contain `{Self}`",
        note = "`<emphasis>` accepts text, break, emphasis, lang, phoneme, prosody, say-as, sub, w, amazon:effect, amazon:domain (not p or s)";
        Break, Emphasis, Lang, Phoneme, Prosody, SayAs, Sub, Word, AmazonEffect, AmazonDomain,
    }
}

define_element! {
    /// `<lang>`: speech in another language.
    ///
    /// ```
    /// use callml::ssml::Lang;
    /// assert_eq!(Lang::new("Bonjour!").xml_lang("fr-FR").to_string(), r#"<lang xml:lang="fr-FR">Bonjour!</lang>"#);
    /// ```
    pub struct Lang<'a> = "lang" {
        /// The language tag.
        xml_lang: Cow<'a, str> = "xml:lang",
    }
    content: speech new(text) LangContent / IntoLangContent {
        message = "`<lang>` cannot contain `{Self}`",
        note = "`<lang>` accepts text and every SSML element";
        Break, Emphasis, Lang, Paragraph, Phoneme, Prosody, Sentence, SayAs, Sub, Word, AmazonEffect, AmazonDomain,
    }
}

define_element! {
    /// `<p>`: a paragraph.
    ///
    /// ```
    /// use callml::ssml::{Paragraph, Sentence};
    /// let p = Paragraph::new("").child(Sentence::new("One.")).child(Sentence::new("Two."));
    /// assert_eq!(p.to_string(), "<p><s>One.</s><s>Two.</s></p>");
    /// ```
    pub struct Paragraph<'a> = "p" {}
    content: speech new(text) ParagraphContent / IntoParagraphContent {
        message = "`<p>` cannot contain `{Self}`",
        note = "`<p>` accepts text and every SSML element except p";
        Break, Emphasis, Lang, Phoneme, Prosody, Sentence, SayAs, Sub, Word, AmazonEffect, AmazonDomain,
    }
}

define_element! {
    /// `<phoneme>`: pronunciation in a phonetic alphabet. Text only.
    ///
    /// ```
    /// use callml::ssml::{Phoneme, PhonemeAlphabet};
    /// let p = Phoneme::new("pecan").alphabet(PhonemeAlphabet::Ipa).ph("pɪˈkɑːn");
    /// assert_eq!(p.to_string(), r#"<phoneme alphabet="ipa" ph="pɪˈkɑːn">pecan</phoneme>"#);
    /// ```
    pub struct Phoneme<'a> = "phoneme" {
        /// The phonetic alphabet.
        alphabet: PhonemeAlphabet = "alphabet",
        /// The phonetic spelling.
        ph: Cow<'a, str> = "ph",
    }
    content: text;
}

define_element! {
    /// `<prosody>`: volume, rate and pitch.
    ///
    /// ```
    /// use callml::ssml::{Prosody, ProsodyRate};
    /// assert_eq!(Prosody::new("slowly").rate(ProsodyRate::Slow).to_string(), r#"<prosody rate="slow">slowly</prosody>"#);
    /// ```
    pub struct Prosody<'a> = "prosody" {
        /// Pitch: a level or a relative change such as `+5%`.
        pitch: ProsodyPitch = "pitch",
        /// Rate: a level or a percentage.
        rate: ProsodyRate = "rate",
        /// Volume: a level or a change in dB such as `+6dB`.
        volume: ProsodyVolume = "volume",
    }
    content: speech new(text) ProsodyContent / IntoProsodyContent {
        message = "`<prosody>` cannot contain `{Self}`",
        note = "`<prosody>` accepts text and every SSML element";
        Break, Emphasis, Lang, Paragraph, Phoneme, Prosody, Sentence, SayAs, Sub, Word, AmazonEffect, AmazonDomain,
    }
}

define_element! {
    /// `<s>`: a sentence.
    ///
    /// ```
    /// use callml::ssml::Sentence;
    /// assert_eq!(Sentence::new("Hello.").to_string(), "<s>Hello.</s>");
    /// ```
    pub struct Sentence<'a> = "s" {}
    content: speech new(text) SentenceContent / IntoSentenceContent {
        message = "`<s>` cannot contain `{Self}`",
        note = "`<s>` accepts text, break, emphasis, lang, phoneme, prosody, say-as, sub, w, amazon:effect, amazon:domain (not p or s)";
        Break, Emphasis, Lang, Phoneme, Prosody, SayAs, Sub, Word, AmazonEffect, AmazonDomain,
    }
}

define_element! {
    /// `<say-as>`: how to read a value (digits, date, ...). Text only.
    ///
    /// ```
    /// use callml::ssml::{SayAs, InterpretAs};
    /// let s = SayAs::new("12").interpret_as(InterpretAs::Ordinal);
    /// assert_eq!(s.to_string(), r#"<say-as interpret-as="ordinal">12</say-as>"#);
    /// ```
    pub struct SayAs<'a> = "say-as" {
        /// Date format.
        format: SayAsFormat = "format",
        /// How to interpret the text.
        interpret_as: InterpretAs = "interpret-as",
    }
    content: text;
}

define_element! {
    /// `<sub>`: speak `alias` instead of the text. Text only.
    ///
    /// ```
    /// use callml::ssml::Sub;
    /// assert_eq!(Sub::new("Al").alias("aluminium").to_string(), r#"<sub alias="aluminium">Al</sub>"#);
    /// ```
    pub struct Sub<'a> = "sub" {
        /// What to say instead.
        alias: Cow<'a, str> = "alias",
    }
    content: text;
}

define_element! {
    /// `<w>`: a word with a part-of-speech role.
    ///
    /// ```
    /// use callml::ssml::Word;
    /// assert_eq!(Word::new("read").role("amazon:VBD").to_string(), r#"<w role="amazon:VBD">read</w>"#);
    /// ```
    pub struct Word<'a> = "w" {
        /// Part of speech, e.g. `amazon:VB`.
        role: Cow<'a, str> = "role",
    }
    content: speech new(text) WordContent / IntoWordContent {
        message = "`<w>` cannot contain `{Self}`",
        note = "`<w>` accepts text, break, emphasis, phoneme, prosody, say-as, sub";
        Break, Emphasis, Phoneme, Prosody, SayAs, Sub,
    }
}

define_element! {
    /// `<amazon:effect>` (Amazon Polly voices): whispering or dynamic range compression.
    ///
    /// ```
    /// use callml::ssml::{AmazonEffect, AmazonEffectName};
    /// let e = AmazonEffect::new("psst").name(AmazonEffectName::Whispered);
    /// assert_eq!(e.to_string(), r#"<amazon:effect name="whispered">psst</amazon:effect>"#);
    /// ```
    pub struct AmazonEffect<'a> = "amazon:effect" {
        /// The effect.
        name: AmazonEffectName = "name",
    }
    content: speech new(text) AmazonEffectContent / IntoAmazonEffectContent {
        message = "`<amazon:effect>` cannot contain `{Self}`",
        note = "`<amazon:effect>` accepts text and every SSML element";
        Break, Emphasis, Lang, Paragraph, Phoneme, Prosody, Sentence, SayAs, Sub, Word, AmazonEffect, AmazonDomain,
    }
}

define_element! {
    /// `<amazon:domain>` (Amazon Polly neural voices): a speaking style.
    ///
    /// ```
    /// use callml::ssml::{AmazonDomain, AmazonDomainName};
    /// let d = AmazonDomain::new("Breaking news").name(AmazonDomainName::News);
    /// assert_eq!(d.to_string(), r#"<amazon:domain name="news">Breaking news</amazon:domain>"#);
    /// ```
    pub struct AmazonDomain<'a> = "amazon:domain" {
        /// The style.
        name: AmazonDomainName = "name",
    }
    content: speech new(text) AmazonDomainContent / IntoAmazonDomainContent {
        message = "`<amazon:domain>` cannot contain `{Self}`",
        note = "`<amazon:domain>` accepts text and every SSML element";
        Break, Emphasis, Lang, Paragraph, Phoneme, Prosody, Sentence, SayAs, Sub, Word, AmazonEffect, AmazonDomain,
    }
}
