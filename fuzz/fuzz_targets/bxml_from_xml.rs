//! Any text read as a BXML document: an error or a document, never a panic; borrowed and copied
//! reading agree; what reads back renders to XML that reads back equal (and that a strict parser
//! accepts whenever it accepted the input).
#![no_main]

use callml::bxml::Response;
use callml::xml::Render;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let copied = Response::from_xml(text);
    let borrowed = Response::from_xml_borrowed(text);
    match (&copied, &borrowed) {
        (Ok(a), Ok(b)) => assert_eq!(a, b),
        (Err(a), Err(b)) => assert_eq!(a, b),
        _ => panic!("borrowed and copied reading disagree"),
    }
    if let Ok(doc) = copied {
        let _ = doc.validate();
        let xml = doc.to_xml();
        // A strict, namespace-aware parser accepts the output whenever it accepted the input (the
        // reader takes plain XML 1.0, where `x:name` needs no declared prefix).
        if roxmltree::Document::parse(text).is_ok() {
            roxmltree::Document::parse(&xml).expect("rendered XML is well-formed");
        }
        assert_eq!(Response::from_xml(&xml).expect("rendered XML reads back"), doc);
    }
});
