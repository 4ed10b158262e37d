fn main() {
    let _ = callml::twiml! { Connect { ConversationRelay(url = "wss://example.com") { Parameter(name = "a") Say { "x" } } } };
}
