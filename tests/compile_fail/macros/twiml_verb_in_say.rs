fn main() {
    let _ = callml::twiml! { Say { "Hi " Play { "a.mp3" } } };
}
