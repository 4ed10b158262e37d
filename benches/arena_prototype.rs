//! An experiment, not product code: the measured basis for the data model proposed in issue 17's
//! note. The TwiML M document is built into one flat, pre-order arena per document (a node per
//! element or text run, a slice of set attributes per element, children built inside their
//! parent through closures) and rendered with callml's own `Writer`, escaping and value writers,
//! next to callml's typed tree doing the same and memcpy of the finished bytes. Both produce the
//! same 801 bytes (checked before anything is timed).
//!
//! Attributes may be set in any order, also after child elements (checked on a second document).
//!
//! What it answers: how much of build+render is the present data model (large structs passed by
//! value, a child list per element), and whether a flat arena renders as fast as the typed tree
//! when each attribute's and tag's fragments stay compile-time constants (the `match` arms below
//! are what a table macro would generate).
#![allow(missing_docs)] // criterion_group! generates undocumented items

use std::borrow::Cow;
use std::hint::black_box;

use callml::xml::{AttributeValue, Render, Sink, Writer};
use criterion::{Criterion, criterion_group, criterion_main};

#[path = "common/documents.rs"]
mod documents;

/// A known attribute: its place in rendering order within its element, and its global id.
struct Key {
    order: u16,
    id: u16,
}

/// A known element.
struct Tag {
    id: u8,
    holds_text: bool,
}

/// A set attribute's value.
enum Value<'a> {
    Text(Cow<'a, str>),
    Number(u32),
    Bool(bool),
    Keyword(&'static str),
}

struct Attribute<'a> {
    key: &'static Key,
    value: Value<'a>,
}

/// A node of the pre-order arena: an element (its attributes are `attributes` of the document's
/// list; its subtree ends before node `end`) or a run of text.
enum Node<'a> {
    Element { tag: &'static Tag, attributes: (u32, u32), end: u32 },
    Text(Cow<'a, str>),
}

struct Document<'a> {
    nodes: Vec<Node<'a>>,
    attributes: Vec<Attribute<'a>>,
}

/// The element being built.
struct Building<'d, 'a> {
    document: &'d mut Document<'a>,
    index: usize,
}

impl<'a> Document<'a> {
    fn build(root: &'static Tag, content: impl for<'d> FnOnce(Building<'d, 'a>) -> Building<'d, 'a>) -> Self {
        let mut document = Document { nodes: Vec::with_capacity(32), attributes: Vec::with_capacity(32) };
        document.nodes.push(Node::Element { tag: root, attributes: (0, 0), end: 0 });
        content(Building { document: &mut document, index: 0 });
        document.close(0);
        document
    }

    /// Moves the run `first..end` of element `index`'s attributes to end at `at`, after its
    /// descendants' attributes (everything set since, up to `at`: the element is still open), shifts
    /// their ranges back, and returns where the run now starts.
    #[cold]
    fn move_run_to_end(&mut self, index: usize, first: u32, end: u32, at: u32) -> u32 {
        let length = end - first;
        self.attributes[first as usize..at as usize].rotate_left(length as usize);
        for node in &mut self.nodes[index + 1..] {
            if let Node::Element { attributes, .. } = node {
                if attributes.0 != attributes.1 {
                    *attributes = (attributes.0 - length, attributes.1 - length);
                }
            }
        }
        at - length
    }

    fn close(&mut self, index: usize) {
        let after = self.nodes.len() as u32;
        if let Node::Element { end, .. } = &mut self.nodes[index] {
            *end = after;
        }
    }
}

impl<'d, 'a> Building<'d, 'a> {
    /// Sets an attribute, kept in rendering order (an insertion step: set order is free). An
    /// element's attributes are one run of the shared list; when its descendants have set
    /// attributes since, its run is first moved after theirs (the rare order; see
    /// `move_run_to_end`).
    #[inline(always)]
    fn attribute(self, key: &'static Key, value: Value<'a>) -> Self {
        let at = self.document.attributes.len() as u32;
        self.document.attributes.push(Attribute { key, value });
        let Node::Element { attributes: run, .. } = &mut self.document.nodes[self.index] else {
            unreachable!("only elements are built")
        };
        if run.0 == run.1 {
            *run = (at, at + 1);
            return self;
        }
        let (first, end) = *run;
        let first = if end == at { first } else { self.document.move_run_to_end(self.index, first, end, at) };
        if let Node::Element { attributes: run, .. } = &mut self.document.nodes[self.index] {
            *run = (first, at + 1);
        }
        let list = &mut self.document.attributes;
        let mut i = at as usize;
        while i > first as usize && list[i - 1].key.order > list[i].key.order {
            list.swap(i - 1, i);
            i -= 1;
        }
        self
    }

    /// Adds a child element, built by `content`.
    #[inline(always)]
    fn child(self, tag: &'static Tag, content: impl for<'e> FnOnce(Building<'e, 'a>) -> Building<'e, 'a>) -> Self {
        let index = self.document.nodes.len();
        self.document.nodes.push(Node::Element { tag, attributes: (0, 0), end: 0 });
        content(Building { document: &mut *self.document, index });
        self.document.close(index);
        self
    }

    /// Adds a run of text.
    #[inline(always)]
    fn text(self, text: &'a str) -> Self {
        self.document.nodes.push(Node::Text(Cow::Borrowed(text)));
        self
    }
}

/// Generates the tags, and per tag id the writer calls with literal fragments.
macro_rules! tags {
    ($($tag:ident = $id:literal, $name:literal, $text:expr;)*) => {
        $(static $tag: Tag = Tag { id: $id, holds_text: $text };)*
        #[inline(always)]
        fn open<S: Sink + ?Sized>(w: &mut Writer<'_, S>, id: u8) {
            match id { $($id => w.open(concat!("<", $name)),)* _ => unreachable!() }
        }
        #[inline(always)]
        fn close<S: Sink + ?Sized>(w: &mut Writer<'_, S>, id: u8) {
            match id { $($id => w.close(concat!("</", $name, ">")),)* _ => unreachable!() }
        }
    };
}

/// Generates the attribute keys, and per key id the attribute start with literal fragments.
macro_rules! keys {
    ($($key:ident = $id:literal, $order:literal, $name:literal;)*) => {
        $(static $key: Key = Key { order: $order, id: $id };)*
        #[inline(always)]
        fn attribute_start<S: Sink + ?Sized>(w: &mut Writer<'_, S>, id: u16) {
            match id {
                $($id => w.attribute_start_unchecked(concat!(" ", $name, "=\""), concat!("\" ", $name, "=\"")),)*
                _ => unreachable!(),
            }
        }
    };
}

tags! {
    RESPONSE = 0, "Response", false;
    SAY = 1, "Say", true;
    GATHER = 2, "Gather", false;
    PLAY = 3, "Play", true;
    PAUSE = 4, "Pause", false;
    DIAL = 5, "Dial", true;
    NUMBER = 6, "Number", true;
    CLIENT = 7, "Client", true;
    SIP = 8, "Sip", true;
    RECORD = 9, "Record", false;
    REDIRECT = 10, "Redirect", true;
    HANGUP = 11, "Hangup", false;
}

keys! {
    SAY_LANGUAGE = 0, 0, "language";
    SAY_LOOP = 1, 1, "loop";
    SAY_VOICE = 2, 2, "voice";
    GATHER_ACTION = 3, 0, "action";
    GATHER_FINISH_ON_KEY = 4, 5, "finishOnKey";
    GATHER_INPUT = 5, 7, "input";
    GATHER_METHOD = 6, 9, "method";
    GATHER_NUM_DIGITS = 7, 10, "numDigits";
    GATHER_TIMEOUT = 8, 16, "timeout";
    PLAY_LOOP = 9, 1, "loop";
    PAUSE_LENGTH = 10, 0, "length";
    DIAL_ACTION = 11, 0, "action";
    DIAL_CALLER_ID = 12, 3, "callerId";
    DIAL_RECORD = 13, 9, "record";
    DIAL_TIMEOUT = 14, 20, "timeout";
    NUMBER_SEND_DIGITS = 15, 5, "sendDigits";
    SIP_PASSWORD = 16, 2, "password";
    SIP_USERNAME = 17, 9, "username";
    RECORD_ACTION = 18, 0, "action";
    RECORD_MAX_LENGTH = 19, 3, "maxLength";
    RECORD_PLAY_BEEP = 20, 5, "playBeep";
    REDIRECT_METHOD = 21, 0, "method";
}

impl Document<'_> {
    /// Writes the document with its declaration, compact: one pass over the nodes, the open
    /// elements' tags on a fixed stack.
    fn write_to<S: Sink + ?Sized>(&self, sink: &mut S) {
        sink.push_str(callml::xml::DECLARATION);
        let mut w = Writer::new(sink, false);
        let mut open_elements = [(0u32, 0u8); 32];
        let mut depth = 0;
        for (i, node) in self.nodes.iter().enumerate() {
            let i = i as u32;
            while depth > 0 && open_elements[depth - 1].0 == i {
                depth -= 1;
                close(&mut w, open_elements[depth].1);
            }
            match node {
                Node::Element { tag, attributes, end } => {
                    open(&mut w, tag.id);
                    for attribute in &self.attributes[attributes.0 as usize..attributes.1 as usize] {
                        attribute_start(&mut w, attribute.key.id);
                        match &attribute.value {
                            Value::Text(text) => w.attribute_value(text),
                            Value::Number(n) => n.write_value(&mut w),
                            Value::Bool(b) => b.write_value(&mut w),
                            Value::Keyword(k) => w.raw_unchecked(k),
                        }
                    }
                    if *end == i + 1 {
                        w.close_empty();
                    } else {
                        w.start_content(tag.holds_text);
                        open_elements[depth] = (*end, tag.id);
                        depth += 1;
                    }
                }
                Node::Text(text) => w.text(text),
            }
        }
        while depth > 0 {
            depth -= 1;
            close(&mut w, open_elements[depth].1);
        }
    }

    fn to_xml(&self) -> String {
        let mut out = String::with_capacity(callml::xml::INITIAL_CAPACITY);
        self.write_to(&mut out);
        out
    }
}

/// TwiML M, as `documents::twiml_m` builds it (attributes set in the same order).
fn twiml_m() -> Document<'static> {
    use Value::{Bool, Keyword, Number, Text};
    let text = |s: &'static str| Text(Cow::Borrowed(s));
    Document::build(&RESPONSE, |r| {
        r.child(&SAY, |s| {
            s.attribute(&SAY_VOICE, Keyword("alice"))
                .attribute(&SAY_LANGUAGE, text("en-US"))
                .attribute(&SAY_LOOP, Number(1))
                .text(documents::TEXT)
        })
        .child(&GATHER, |g| {
            g.attribute(&GATHER_INPUT, Keyword("dtmf speech"))
                .attribute(&GATHER_ACTION, text("https://example.com/gather?step=1&lang=en"))
                .attribute(&GATHER_METHOD, Keyword("POST"))
                .attribute(&GATHER_NUM_DIGITS, Number(1))
                .attribute(&GATHER_TIMEOUT, Number(5))
                .attribute(&GATHER_FINISH_ON_KEY, text("#"))
                .child(&SAY, |s| s.text("Please choose an option."))
                .child(&PLAY, |p| p.attribute(&PLAY_LOOP, Number(2)).text("https://example.com/a.mp3"))
                .child(&PAUSE, |p| p.attribute(&PAUSE_LENGTH, Number(2)))
        })
        .child(&DIAL, |d| {
            d.attribute(&DIAL_CALLER_ID, text("+15551234567"))
                .attribute(&DIAL_TIMEOUT, Number(20))
                .attribute(&DIAL_RECORD, Keyword("record-from-answer"))
                .attribute(&DIAL_ACTION, text("https://example.com/dial"))
                .child(&NUMBER, |n| n.text("+15558675309").attribute(&NUMBER_SEND_DIGITS, text("wwww1234")))
                .child(&CLIENT, |c| c.text("alice"))
                .child(&SIP, |s| {
                    s.text("sip:bob@example.com")
                        .attribute(&SIP_USERNAME, text("u"))
                        .attribute(&SIP_PASSWORD, text("p"))
                })
        })
        .child(&RECORD, |r| {
            r.attribute(&RECORD_MAX_LENGTH, Number(30))
                .attribute(&RECORD_PLAY_BEEP, Bool(true))
                .attribute(&RECORD_ACTION, text("https://example.com/rec"))
        })
        .child(&REDIRECT, |r| r.text("https://example.com/next").attribute(&REDIRECT_METHOD, Keyword("POST")))
        .child(&HANGUP, |h| h)
    })
}

/// Attributes set after child elements at two levels, the order `move_run_to_end` handles.
fn late_attributes() -> Document<'static> {
    use Value::{Keyword, Number, Text};
    Document::build(&RESPONSE, |r| {
        r.child(&GATHER, |g| {
            g.attribute(&GATHER_NUM_DIGITS, Number(1))
                .child(&SAY, |s| s.text("x").attribute(&SAY_VOICE, Keyword("alice")).attribute(&SAY_LOOP, Number(2)))
                .child(&PAUSE, |p| p.attribute(&PAUSE_LENGTH, Number(3)))
                .attribute(&GATHER_TIMEOUT, Number(5))
                .attribute(&GATHER_ACTION, Text(Cow::Borrowed("u")))
        })
        .child(&PLAY, |p| p.attribute(&PLAY_LOOP, Number(4)).text("a.mp3"))
    })
}

/// The same document from the typed tree.
fn late_attributes_tree() -> String {
    use callml::twiml::{Gather, Pause, Play, Response, Say, Voice};
    Response::new()
        .gather(
            Gather::new()
                .num_digits(1)
                .say(Say::new("x").voice(Voice::Alice).loop_count(2))
                .pause(Pause::new().length(3))
                .timeout(5)
                .action("u"),
        )
        .play(Play::new("a.mp3").loop_count(4))
        .to_xml()
}

fn arena_prototype(c: &mut Criterion) {
    let tree = documents::twiml_m();
    let arena = twiml_m();
    let bytes = tree.to_xml().into_bytes();
    assert_eq!(arena.to_xml().as_bytes(), bytes.as_slice(), "the arena must render the same document");
    assert_eq!(late_attributes().to_xml(), late_attributes_tree(), "attributes set after children");

    let mut group = c.benchmark_group("arena-prototype/twiml-M");
    group.bench_function("typed tree build+render", |b| b.iter(|| black_box(documents::twiml_m()).to_xml()));
    group.bench_function("arena build+render", |b| b.iter(|| black_box(twiml_m()).to_xml()));
    let mut buf: Vec<u8> = Vec::with_capacity(bytes.len() * 2);
    group.bench_function("typed tree render prebuilt", |b| {
        b.iter(|| {
            buf.clear();
            black_box(&tree).write_to(&mut buf);
            black_box(buf.len())
        })
    });
    group.bench_function("arena render prebuilt", |b| {
        b.iter(|| {
            buf.clear();
            black_box(&arena).write_to(&mut buf);
            black_box(buf.len())
        })
    });
    group.bench_function("memcpy of the finished bytes", |b| {
        b.iter(|| {
            buf.clear();
            buf.extend_from_slice(black_box(&bytes));
            black_box(buf.len())
        })
    });
    group.finish();
}

criterion_group!(benches, arena_prototype);
criterion_main!(benches);
