fn main() {
    let _ = callml::twiml! {
        Say { "Welcome" }
        Gather(num_digits = 1) {
            Say { "Press 1" }
            Dial { "+15551234567" }
        }
    };
}
