fn main() {
    let _ = callml::twiml! { Sya { "Hi" } };
}
