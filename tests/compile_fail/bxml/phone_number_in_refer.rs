#[allow(unused_imports)]
use callml::bxml::*;
#[allow(unused_imports)]
use callml::ssml::*;

fn main() {
    let _ = Refer::new(PhoneNumber::new("+15555550101"));
}
