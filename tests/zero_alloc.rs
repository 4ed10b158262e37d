//! Rendering a prebuilt tree into a buffer that has capacity performs zero heap allocations
//! (counted by dhat's global allocator in testing mode).

use callml::ssml::Break;
use callml::twiml::*;
use callml::xml::{Custom, Render, RenderOptions};

#[path = "../benches/common/documents.rs"]
mod documents;

#[global_allocator]
static ALLOCATOR: dhat::Alloc = dhat::Alloc;

fn medium() -> Response<'static> {
    Response::new()
        .say(
            Say::new("Press 1 for sales & support, 2 for \"billing\" <now>")
                .voice(Voice::Alice)
                .language("en-US")
                .loop_count(1),
        )
        .gather(
            Gather::new()
                .input([GatherInput::Dtmf, GatherInput::Speech])
                .action("https://example.com/gather?step=1&lang=en")
                .method(Method::Post)
                .num_digits(1)
                .timeout(5)
                .finish_on_key("#")
                .say(Say::new("Please choose an option.").child(Break::new().time("1s")))
                .play(Play::new("https://example.com/a.mp3").loop_count(2))
                .pause(Pause::new().length(2)),
        )
        .dial(
            Dial::new()
                .caller_id("+15551234567")
                .timeout(20)
                .record(DialRecord::RecordFromAnswer)
                .action("https://example.com/dial")
                .number(Number::new("+15558675309").send_digits("wwww1234"))
                .client("alice")
                .sip(Sip::new("sip:bob@example.com").username("u").password("p")),
        )
        .record(Record::new().max_length(30).play_beep(true).action("https://example.com/rec"))
        .redirect(Redirect::new("https://example.com/next").method(Method::Post))
        .child(Custom::new("Extra").attr("a", "b\u{1}").text("x"))
        .hangup()
}

#[test]
fn rendering_into_a_buffer_with_capacity_allocates_nothing() {
    let _profiler = dhat::Profiler::builder().testing().build();
    let doc = medium();
    let expected = doc.to_xml();
    let pretty_len = doc.to_xml_with(RenderOptions::new().pretty(true)).len();

    let mut string = String::with_capacity(expected.len());
    let mut bytes: Vec<u8> = Vec::with_capacity(expected.len());
    let mut pretty = String::with_capacity(pretty_len);
    let before = dhat::HeapStats::get();
    doc.write_to(&mut string);
    doc.write_to(&mut bytes);
    doc.render_into(&mut pretty, RenderOptions::new().pretty(true));
    let after = dhat::HeapStats::get();

    assert_eq!(after.total_blocks, before.total_blocks, "rendering allocated");
    assert_eq!(string, expected);
    assert_eq!(bytes, expected.as_bytes());
    assert_eq!(pretty.len(), pretty_len);

    to_xml_allocates_once(&doc);

    // The benchmark's M (benches/common/documents.rs), built from borrowed strings: Response children
    // (8 slots from the first verb, no regrowth), the Say's text run, Gather children, Gather
    // `input` list, the inner Say's text run, Dial children, Client's and Sip's text runs, and the
    // output. Ten elements of M carry strings; no string is copied.
    let allocations = build_and_render_allocations(|| documents::twiml_m().to_xml());
    eprintln!("build+render TwiML M: {allocations} heap blocks");
    assert_eq!(allocations, 9, "build+render TwiML M allocated {allocations} blocks");
    // BXML M: Response children, SpeakSentence text run x2, Gather children, Transfer children,
    // output.
    let allocations = build_and_render_allocations(|| documents::bxml_m().to_xml());
    eprintln!("build+render BXML M: {allocations} heap blocks");
    assert_eq!(allocations, 6, "build+render BXML M allocated {allocations} blocks");
}

/// `to_xml()` starts with `INITIAL_CAPACITY`, which a document of this size fits: one allocation,
/// no regrowth. (Part of the test above: dhat allows one profiler at a time.)
fn to_xml_allocates_once(doc: &Response<'_>) {
    let before = dhat::HeapStats::get();
    let xml = doc.to_xml();
    let after = dhat::HeapStats::get();
    assert_eq!(after.total_blocks - before.total_blocks, 1, "{} bytes rendered", xml.len());
}

/// The heap blocks allocated while building and rendering a document.
fn build_and_render_allocations(build_and_render: impl FnOnce() -> String) -> u64 {
    let before = dhat::HeapStats::get();
    let xml = build_and_render();
    let after = dhat::HeapStats::get();
    assert!(xml.len() > 700);
    after.total_blocks - before.total_blocks
}
