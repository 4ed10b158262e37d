#[allow(unused_imports)]
use callml::bxml::*;
#[allow(unused_imports)]
use callml::ssml::*;

fn main() {
    let _ = Gather::new().child(Pause::new());
}
