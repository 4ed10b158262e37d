fn main() {
    let _ = callml::twiml! { Play { Say { "x" } } };
}
