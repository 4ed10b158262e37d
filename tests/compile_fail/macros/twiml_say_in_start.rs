fn main() {
    let _ = callml::twiml! { Start { Say { "x" } } };
}
