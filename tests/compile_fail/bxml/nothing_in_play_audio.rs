#[allow(unused_imports)]
use callml::bxml::*;
#[allow(unused_imports)]
use callml::ssml::*;

fn main() {
    let _ = PlayAudio::new("a.wav").child(SpeakSentence::new("x"));
}
