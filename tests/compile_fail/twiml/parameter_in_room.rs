#[allow(unused_imports)]
use callml::ssml::*;
#[allow(unused_imports)]
use callml::twiml::*;

fn main() {
    let _ = Room::new("standup").child(Parameter::new());
}
