#[allow(unused_imports)]
use callml::bxml::*;
#[allow(unused_imports)]
use callml::ssml::*;

fn main() {
    let _ = Response::new().child(PhoneNumber::new("+15555550101"));
}
