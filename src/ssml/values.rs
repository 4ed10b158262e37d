//! Documented value sets of SSML attributes, as open enums.

use crate::xml::value::open_enum;

open_enum! {
    /// `<break strength>`.
    pub enum BreakStrength { None => "none", XWeak => "x-weak", Weak => "weak", Medium => "medium", Strong => "strong", XStrong => "x-strong" }
}
open_enum! {
    /// `<emphasis level>`.
    pub enum EmphasisLevel { Strong => "strong", Moderate => "moderate", Reduced => "reduced" }
}
open_enum! {
    /// `<phoneme alphabet>`.
    pub enum PhonemeAlphabet {
        Ipa => "ipa", XSampa => "x-sampa", XAmazonJyutping => "x-amazon-jyutping", XAmazonPinyin => "x-amazon-pinyin",
        XAmazonPronKana => "x-amazon-pron-kana", XAmazonYomigana => "x-amazon-yomigana",
    }
}
open_enum! {
    /// `<prosody volume>`; relative values such as `+6dB` go through `Other`.
    pub enum ProsodyVolume { Default => "default", Silent => "silent", XSoft => "x-soft", Soft => "soft", Medium => "medium", Loud => "loud", XLoud => "x-loud" }
}
open_enum! {
    /// `<prosody rate>`; percentages such as `80%` go through `Other`.
    pub enum ProsodyRate { XSlow => "x-slow", Slow => "slow", Medium => "medium", Fast => "fast", XFast => "x-fast" }
}
open_enum! {
    /// `<prosody pitch>`; relative values such as `+5%` go through `Other`.
    pub enum ProsodyPitch { Default => "default", XLow => "x-low", Low => "low", Medium => "medium", High => "high", XHigh => "x-high" }
}
open_enum! {
    /// `<say-as interpret-as>`.
    pub enum InterpretAs {
        Characters => "characters", SpellOut => "spell-out", Cardinal => "cardinal", Number => "number", Ordinal => "ordinal",
        Digits => "digits", Fraction => "fraction", Unit => "unit", Date => "date", Time => "time", Address => "address",
        Expletive => "expletive", Telephone => "telephone",
    }
}
open_enum! {
    /// `<say-as format>` (for dates).
    pub enum SayAsFormat {
        Mdy => "mdy", Dmy => "dmy", Ymd => "ymd", Md => "md", Dm => "dm", Ym => "ym", My => "my", D => "d", M => "m", Y => "y",
        Yyyymmdd => "yyyymmdd",
    }
}
open_enum! {
    /// `<amazon:effect name>` (Amazon Polly voices).
    pub enum AmazonEffectName { Whispered => "whispered", Drc => "drc" }
}
open_enum! {
    /// `<amazon:domain name>` (Amazon Polly neural voices).
    pub enum AmazonDomainName { News => "news", Conversational => "conversational" }
}
