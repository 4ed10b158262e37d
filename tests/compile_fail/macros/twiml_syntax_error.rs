fn main() {
    let _ = callml::twiml! { Say(voice "woman") { "Hi" } };
}
