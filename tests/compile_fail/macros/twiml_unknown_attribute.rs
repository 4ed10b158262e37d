fn main() {
    let _ = callml::twiml! { Say(voce = "woman") { "Hi" } };
}
