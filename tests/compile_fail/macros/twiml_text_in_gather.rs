fn main() {
    let _ = callml::twiml! { Gather { "press 1" } };
}
