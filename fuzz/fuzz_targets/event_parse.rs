//! Any body read as a call event, with each content type (the first byte picks it): an error or an
//! event, never a panic; an event written back to the wire reads back equal.
#![no_main]

use callml::event::parse;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&pick, body)) = data.split_first() else { return };
    let content_type = match pick % 4 {
        0 => Some("application/json"),
        1 => Some("application/x-www-form-urlencoded"),
        2 => Some("text/plain"),
        _ => None,
    };
    if let Ok(event) = parse(content_type, body) {
        let _ = event.to_summary_json();
        let (content_type, wire) = event.to_body();
        let back = parse(Some(content_type), wire.as_bytes()).expect("an event written back reads");
        assert_eq!(back, event);
    }
});
