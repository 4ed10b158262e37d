//! Any text through `xml::canonical`: an error or a canonical form, which is a fixed point.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(c) = callml::xml::canonical(text) {
        assert_eq!(callml::xml::canonical(&c).expect("a canonical form reads"), c);
        let _ = callml::xml::canonical_pretty(text).expect("pretty canonical form of the same input");
    }
});
