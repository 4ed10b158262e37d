//! `<Play>` and `<Pause>`.

use std::borrow::Cow;

use crate::xml::define::define_element;

define_element! {
    /// `<Play>`: plays audio from a URL, or sends DTMF `digits` (then the URL may be empty).
    ///
    /// ```
    /// use callml::twiml::Play;
    /// assert_eq!(Play::new("https://example.com/a.mp3").loop_count(2).to_string(), r#"<Play loop="2">https://example.com/a.mp3</Play>"#);
    /// assert_eq!(Play::default().digits("w123").to_string(), r#"<Play digits="w123"/>"#);
    /// ```
    pub struct Play<'a> = "Play" {
        /// DTMF digits to send (`0-9`, `*`, `#`, `w` for a half-second wait).
        digits: Cow<'a, str> = "digits" [undocumented_by = "ACML"],
        /// How many times to play; 0 repeats until hang-up.
        loop_count: u32 = "loop",
    }
    content: text;
}

define_element! {
    /// `<Pause>`: silence. As the first verb it delays answering.
    ///
    /// ```
    /// use callml::twiml::Pause;
    /// assert_eq!(Pause::new().length(2).to_string(), r#"<Pause length="2"/>"#);
    /// ```
    pub struct Pause<'a> = "Pause" {
        /// Seconds of silence.
        length: u32 = "length",
    }
    content: empty;
}
