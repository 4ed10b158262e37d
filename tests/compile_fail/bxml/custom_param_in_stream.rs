#[allow(unused_imports)]
use callml::bxml::*;
#[allow(unused_imports)]
use callml::ssml::*;

fn main() {
    let _ = StartStream::new().child(CustomParam::new());
}
