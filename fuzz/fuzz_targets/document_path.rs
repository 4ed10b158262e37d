//! What `callml check`/`fmt` do with a file: read the generic tree, detect the dialect, read the
//! typed document, validate it, render it compact and pretty — never a panic, and the output reads
//! back equal.
#![no_main]

use callml::Dialect;
use callml::xml::{ParseLimits, Render, read_document};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(root) = read_document(text, ParseLimits::DEFAULT) else { return };
    match Dialect::detect(&root) {
        Dialect::Twiml => {
            if let Ok(doc) = callml::twiml::Response::from_xml_borrowed(text) {
                let _ = doc.validate_for(callml::twiml::Profile::Acml);
                for xml in [doc.to_xml(), doc.to_pretty_xml()] {
                    assert_eq!(callml::twiml::Response::from_xml(&xml).expect("reads back"), doc);
                }
            }
        }
        Dialect::Bxml => {
            if let Ok(doc) = callml::bxml::Response::from_xml_borrowed(text) {
                let _ = doc.validate();
                for xml in [doc.to_xml(), doc.to_pretty_xml()] {
                    assert_eq!(callml::bxml::Response::from_xml(&xml).expect("reads back"), doc);
                }
            }
            if let Ok(doc) = callml::bxml::Bxml::from_xml(text) {
                assert_eq!(callml::bxml::Bxml::from_xml(&doc.to_xml()).expect("reads back"), doc);
            }
        }
    }
});
