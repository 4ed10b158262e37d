//! Prints the example response of ACML's documentation.
//!
//! ```text
//! cargo run --example hello
//! ```

use callml::twiml::{Response, Say, Voice};
use callml::xml::Render;

fn main() {
    let doc = Response::new()
        .say(Say::new("Please hold while your call is connected").voice(Voice::Woman))
        .dial("18004444444");
    println!("{}", doc.to_xml());
}
