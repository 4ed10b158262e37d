//! The fast path against the reference: on every input, reading straight from the tokens gives
//! the same document as reading through the generic tree, and gives up exactly when the reference
//! reports an error.

use proptest::prelude::*;

use super::read_root;
use crate::xml::tree::{self, Borrowed, Copied};
use crate::{bxml, twiml};

/// Both paths, both ways of keeping strings, both dialects; panics on any disagreement.
fn agree(input: &str) {
    let fast = read_root::<Copied, twiml::Response<'static>>(input, twiml::VOCABULARY);
    let reference = tree::read_root::<Copied, twiml::Response<'static>>(input, twiml::VOCABULARY);
    match (&fast, &reference) {
        (Ok(f), Ok(r)) => assert_eq!(f, r, "{input}"),
        (Err(_), Err(_)) => {}
        _ => panic!("TwiML fast path {fast:?} but reference {reference:?} for {input:?}"),
    }
    let fast = read_root::<Borrowed, twiml::Response<'_>>(input, twiml::VOCABULARY).ok();
    assert_eq!(fast, tree::read_root::<Borrowed, twiml::Response<'_>>(input, twiml::VOCABULARY).ok(), "{input}");
    let fast = read_root::<Copied, bxml::Response<'static>>(input, bxml::VOCABULARY).ok();
    assert_eq!(fast, tree::read_root::<Copied, bxml::Response<'static>>(input, bxml::VOCABULARY).ok(), "{input}");
    let fast = read_root::<Borrowed, bxml::Response<'_>>(input, bxml::VOCABULARY).ok();
    assert_eq!(fast, tree::read_root::<Borrowed, bxml::Response<'_>>(input, bxml::VOCABULARY).ok(), "{input}");
}

/// Pieces of documents, valid and not: known and unknown elements, nesting both allowed and not,
/// typed attributes with good and bad values, repeated attributes, text of every kind.
const PIECES: &[&str] = &[
    "<Response>",
    "</Response>",
    "<Say>",
    "<Say voice=\"alice\" loop=\"2\">",
    "<Say loop=\"x\">",
    "</Say>",
    "<Gather numDigits=\"3\" input=\"dtmf speech\">",
    "</Gather>",
    "<Dial>",
    "<Dial timeout=\"20\" record=\"record-from-answer\">",
    "</Dial>",
    "<Number>",
    "</Number>",
    "<Client>",
    "</Client>",
    "<Pause/>",
    "<Pause length=\"-1\"/>",
    "<Hangup/>",
    "<Play>",
    "</Play>",
    "<SpeakSentence>",
    "</SpeakSentence>",
    "<Transfer>",
    "</Transfer>",
    "<PhoneNumber>",
    "</PhoneNumber>",
    "<Gather gatherUrl=\"https://e.com/a?b=1&amp;c=2\" maxDigits=\"1\">",
    "<prosody rate=\"slow\">",
    "</prosody>",
    "<break time=\"1s\"/>",
    "<Foo a=\"1\">",
    "</Foo>",
    "<Bar/>",
    "<Parameter name=\"a\" value=\"b\"/>",
    "<Connect>",
    "</Connect>",
    "<Stream url=\"wss://e.com/s\"/>",
    "<x a=\"1\" a=\"2\"/>",
    "<y b='&#9;&lt;'/>",
    "+15551234567",
    "Hello",
    " ",
    "\n  ",
    "&amp;",
    "&#x41;",
    "&#1;",
    "&nope;",
    "<!-- note -->",
    "<![CDATA[a < b]]>",
    "]]>",
    "<?pi x?>",
    "<?xml version=\"1.0\"?>",
    "<!DOCTYPE x>",
    "<",
    "</",
];

/// Element names: verbs and nouns of both dialects, SSML, and unknown ones.
const NAMES: &[&str] = &[
    "Say",
    "Gather",
    "Dial",
    "Number",
    "Client",
    "Sip",
    "Play",
    "Pause",
    "Hangup",
    "Redirect",
    "Record",
    "Connect",
    "Stream",
    "Parameter",
    "SpeakSentence",
    "Transfer",
    "PhoneNumber",
    "PlayAudio",
    "prosody",
    "break",
    "emphasis",
    "Foo",
    "bar",
];

/// Attributes: typed ones with good and bad values, and unknown ones.
const ATTRIBUTES: &[&str] = &[
    " voice=\"alice\"",
    " loop=\"2\"",
    " loop=\"x\"",
    " numDigits=\"3\"",
    " input=\"dtmf speech\"",
    " timeout=\"20\"",
    " length=\"-1\"",
    " url=\"wss://e.com/s?a=1&amp;b=2\"",
    " name=\"a\"",
    " value='&#9;&lt;b'",
    " maxDigits=\"1\"",
    " rate=\"slow\"",
    " time=\"1s\"",
    " x-y=\"1\"",
];

/// Text: plain, whitespace, references, CDATA, comments.
const TEXT: &[&str] = &["Hello", "+15551234567", " ", "\n  ", "&amp;", "&#x41;", "<![CDATA[a < b]]>", "<!-- c -->"];

/// A well-formed element tree (nesting allowed or not by the dialects).
fn element() -> impl Strategy<Value = String> {
    let leaf = prop::sample::select(TEXT).prop_map(str::to_string);
    leaf.prop_recursive(4, 32, 6, |inner| {
        (prop::sample::select(NAMES), prop::sample::subsequence(ATTRIBUTES, 0..3), prop::collection::vec(inner, 0..6))
            .prop_map(|(name, attributes, children)| {
                format!("<{name}{}>{}</{name}>", attributes.concat(), children.concat())
            })
    })
}

/// A `<Response>` document, sometimes with a declaration, sometimes broken by a stray piece.
fn document() -> impl Strategy<Value = String> {
    let body = prop::collection::vec(element(), 0..6).prop_map(|parts| parts.concat());
    let damage = prop::option::weighted(0.3, (prop::sample::select(PIECES), any::<prop::sample::Index>()));
    (any::<bool>(), body, damage).prop_map(|(declaration, body, damage)| {
        let mut s = String::new();
        if declaration {
            s.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        }
        s.push_str("<Response>");
        s.push_str(&body);
        s.push_str("</Response>");
        if let Some((piece, at)) = damage {
            let mut at = at.index(s.len() + 1);
            while !s.is_char_boundary(at) {
                at -= 1;
            }
            s.insert_str(at, piece);
        }
        s
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]
    #[test]
    fn fast_path_agrees_with_the_reference(input in document()) {
        agree(&input);
    }
}

/// Every golden file and every fuzzing seed document reads the same both ways (and the valid ones
/// are read by the fast path itself).
#[test]
fn golden_files_and_seeds_agree() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut read = 0;
    for dir in ["tests/golden/twiml", "tests/golden/bxml", "fuzz/seeds/from_xml"] {
        for entry in std::fs::read_dir(root.join(dir)).unwrap() {
            let path = entry.unwrap().path();
            let Ok(input) = std::fs::read_to_string(&path) else { continue };
            agree(&input);
            let twiml = read_root::<Copied, twiml::Response<'static>>(&input, twiml::VOCABULARY).is_ok();
            let bxml = read_root::<Copied, bxml::Response<'static>>(&input, bxml::VOCABULARY).is_ok();
            read += usize::from(twiml || bxml);
        }
    }
    assert!(read >= 40, "only {read} documents read by the fast path");
}

/// The generator gives both kinds of input: documents the fast path reads, and ones it gives up on.
#[test]
fn the_generator_makes_valid_and_invalid_documents() {
    use proptest::strategy::ValueTree;
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let (mut valid, mut invalid) = (0, 0);
    for _ in 0..2000 {
        let input = document().new_tree(&mut runner).unwrap().current();
        let ok = read_root::<Copied, twiml::Response<'static>>(&input, twiml::VOCABULARY).is_ok()
            || read_root::<Copied, bxml::Response<'static>>(&input, bxml::VOCABULARY).is_ok();
        if ok { valid += 1 } else { invalid += 1 }
    }
    eprintln!("{valid} valid, {invalid} invalid");
    assert!(valid >= 200 && invalid >= 200, "{valid} valid, {invalid} invalid");
}
