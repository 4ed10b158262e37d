#[allow(unused_imports)]
use callml::bxml::*;
#[allow(unused_imports)]
use callml::ssml::*;

fn main() {
    let _ = Transfer::new(PhoneNumber::new("+1")).child(Forward::new());
}
