#[allow(unused_imports)]
use callml::ssml::*;
#[allow(unused_imports)]
use callml::twiml::*;

fn main() {
    let _ = ConversationRelay::new().child(Config::new());
}
