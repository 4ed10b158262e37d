//! Any JSON read as the JSON form of either dialect: an error or a document, never a panic; what
//! reads comes back equal through its own JSON form.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(value) = serde_json::from_slice::<serde_json::Value>(data) else { return };
    if let Ok(doc) = callml::twiml::Response::from_json(&value) {
        assert_eq!(callml::twiml::Response::from_json(&doc.to_json()).expect("its own JSON form reads"), doc);
    }
    if let Ok(doc) = callml::bxml::Response::from_json(&value) {
        assert_eq!(callml::bxml::Response::from_json(&doc.to_json()).expect("its own JSON form reads"), doc);
    }
});
