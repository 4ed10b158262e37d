#[allow(unused_imports)]
use callml::ssml::*;
#[allow(unused_imports)]
use callml::twiml::*;

fn main() {
    let _ = Response::new().child(Conference::new("room"));
}
