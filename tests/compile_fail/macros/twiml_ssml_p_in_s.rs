fn main() {
    let _ = callml::twiml! { Say { Sentence { Paragraph { "x" } } } };
}
