#[allow(unused_imports)]
use callml::bxml::*;
#[allow(unused_imports)]
use callml::ssml::*;

fn main() {
    let _ = SpeakSentence::new("hi").child(Word::new("w"));
}
