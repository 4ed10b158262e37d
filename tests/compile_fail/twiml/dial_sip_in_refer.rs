#[allow(unused_imports)]
use callml::ssml::*;
#[allow(unused_imports)]
use callml::twiml::*;

fn main() {
    let _ = Refer::new(Sip::new("sip:alice@example.com"));
}
