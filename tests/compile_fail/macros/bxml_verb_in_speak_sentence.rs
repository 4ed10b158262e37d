fn main() {
    let _ = callml::bxml! { SpeakSentence { "Hi" Hangup } };
}
