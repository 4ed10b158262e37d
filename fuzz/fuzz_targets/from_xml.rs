//! Any text read as a TwiML and as a BXML document: an error or a document, never a panic;
//! borrowed and copied reading agree; what reads back renders to XML that reads back equal (and
//! that a strict parser accepts whenever it accepted the input).
#![no_main]

use callml::xml::Render;
use libfuzzer_sys::fuzz_target;

macro_rules! check {
    ($text:expr, $dialect:ident) => {{
        let text: &str = $text;
        let copied = callml::$dialect::Response::from_xml(text);
        let borrowed = callml::$dialect::Response::from_xml_borrowed(text);
        match (&copied, &borrowed) {
            (Ok(a), Ok(b)) => assert_eq!(a, b),
            (Err(a), Err(b)) => assert_eq!(a, b),
            _ => panic!("borrowed and copied reading disagree"),
        }
        if let Ok(doc) = copied {
            let _ = doc.validate();
            let xml = doc.to_xml();
            // The reader takes plain XML 1.0, where `x:name` needs no declared prefix; a strict,
            // namespace-aware parser must accept the output whenever it accepted the input.
            if roxmltree::Document::parse(text).is_ok() {
                roxmltree::Document::parse(&xml).expect("rendered XML is well-formed");
            }
            assert_eq!(callml::$dialect::Response::from_xml(&xml).expect("rendered XML reads back"), doc);
        }
    }};
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    check!(text, twiml);
    check!(text, bxml);
});
