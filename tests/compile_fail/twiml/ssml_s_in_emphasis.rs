#[allow(unused_imports)]
use callml::ssml::*;
#[allow(unused_imports)]
use callml::twiml::*;

fn main() {
    let _ = Emphasis::new("x").child(Sentence::new("y"));
}
