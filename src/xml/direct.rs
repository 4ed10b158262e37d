//! Writing a document straight to markup, without building its tree: [`ElementWriter`].
//!
//! Every element's start tag is written as soon as the element is begun, every attribute as soon
//! as it is set, every child in place. The rendering rules stay those of the tree, which is the
//! reference the property tests hold this writer to: known attributes in table order whatever
//! order they are set in, an attribute set twice written once with its last value, extras after
//! the known ones in insertion order and left out when they repeat a set attribute, `<Name/>`
//! for an element without content.
//!
//! Every value is escaped the moment it is given, so it may borrow from anything, even a
//! temporary. The order stays free without a tree: each attribute written is remembered as a run
//! (its table row and where its bytes are). An element's text is held aside until its first child
//! element or its end, so its start tag stays open until then; the next attribute in table order
//! is appended while the tag is open (the fast path); any other (out of order, set twice, or set
//! after a child element) is written aside and moved into its place in the start tag, which
//! shifts only the bytes after that place.

use std::marker::PhantomData;

use super::element::{Element, Known};
use super::name::same_rendered_name;
use super::render::{DECLARATION, INITIAL_CAPACITY};
use super::{AttributeValue, Render, Writer, escape_text};

/// The key of every extra attribute: after the known ones, in the order they were added.
const EXTRA: u16 = u16::MAX;

/// Writes one element of a document straight to markup; the argument of the closures that
/// [`write_xml`](crate::twiml::Response::write_xml) and each child method take.
///
/// Its methods are those of the element it writes (`E`, the element's tree type): a setter per
/// known attribute, of the same name and taking the same values as the tree's setter; `attr` for
/// any other attribute; `text` where the element holds text; for each child the tree builds
/// with a shorthand, a method of the same name taking a closure that writes the child; and
/// `child` to write a child given as a tree value. Only the children the element accepts have
/// methods, so nesting is checked when compiling, as with the tree. A helper that writes part of
/// a document names the type with the element's tree type at `'static`, as below.
///
/// Rendering is the tree's, byte for byte (a property test holds the two together): attributes
/// in table order whatever order they are set in, also after the element's text or children; one
/// set twice written once with its last value; extras after the known ones, left out when they
/// repeat a set attribute or an earlier extra. Setting attributes in table order (alphabetical by
/// XML name) before the element's content is the fastest path; any other order moves bytes
/// already written.
///
/// ```
/// use callml::twiml::{Gather, GatherInput, Response, Voice};
/// use callml::xml::ElementWriter;
///
/// fn menu<'w>(g: ElementWriter<'w, Gather<'static>>) -> ElementWriter<'w, Gather<'static>> {
///     g.say(|s| s.text("Press 1")).num_digits(1).input([GatherInput::Dtmf])
/// }
///
/// let xml = Response::write_xml(|r| r.say(|s| s.voice(Voice::Alice).text("Hello & welcome")).gather(menu));
/// assert_eq!(
///     xml,
///     r#"<?xml version="1.0" encoding="UTF-8"?><Response><Say voice="alice">Hello &amp; welcome</Say><Gather input="dtmf" numDigits="1"><Say>Press 1</Say></Gather></Response>"#
/// );
/// ```
#[must_use = "the element is written completely when its closure returns this writer"]
pub struct ElementWriter<'w, E> {
    doc: &'w mut DocumentWriter,
    /// Index of this element's first attribute run in `doc.runs`.
    base: usize,
    /// Where the `>` ending the start tag is, once content has begun.
    tag_end: Option<usize>,
    /// Whether text of this element is held in `doc.text` until its start tag ends (possibly
    /// none: an empty run is content too, as in the tree).
    held_text: bool,
    /// Whether an extra attribute was written (a known one set later replaces it).
    extras: bool,
    element: PhantomData<fn() -> E>,
}

/// The output and the attribute runs of the elements being written.
pub(crate) struct DocumentWriter {
    out: String,
    /// The attributes of every element still open, each element's in rendering order.
    runs: Vec<Run>,
    /// Where an attribute that is not next in order is written before it is moved into place.
    scratch: String,
    /// The escaped text of the innermost element while its start tag is open, so attributes set
    /// after it still take the fast path.
    text: String,
}

/// The attribute runs a document starts with room for: a typical element sets a handful of
/// attributes and documents nest a few levels deep, so this rarely grows.
const RUNS_CAPACITY: usize = 32;
/// Room the scratch and text buffers get when first used: most attributes and texts fit, so
/// each allocates once.
const SCRATCH_CAPACITY: usize = 256;

/// One attribute written: its key (the index of its row in the element's table, or [`EXTRA`]),
/// its bytes in the output (` name="value"`), and for an extra whether its name was written
/// changed (such a name never repeats a known attribute's).
#[derive(Debug, Clone, Copy)]
struct Run {
    key: u16,
    renamed: bool,
    start: usize,
    end: usize,
}

impl DocumentWriter {
    /// Writes a whole document (the declaration, then the root `R` through `write`) appended to
    /// `out`.
    pub(crate) fn document<R: Element<'static>>(
        out: &mut String,
        write: impl for<'c> FnOnce(ElementWriter<'c, R>) -> ElementWriter<'c, R>,
    ) {
        let mut doc = DocumentWriter {
            out: std::mem::take(out),
            runs: Vec::with_capacity(RUNS_CAPACITY),
            scratch: String::new(),
            text: String::new(),
        };
        if doc.out.capacity() == 0 {
            doc.out.reserve(INITIAL_CAPACITY);
        }
        doc.out.push_str(DECLARATION);
        let root = ElementWriter::begin(&mut doc);
        write(root).finish();
        *out = doc.out;
    }
}

#[allow(private_bounds)] // the table trait stays internal; these methods are too
impl<'w, E: Element<'static>> ElementWriter<'w, E> {
    /// Writes `<Name` and returns the writer of the element's attributes and content.
    fn begin(doc: &'w mut DocumentWriter) -> Self {
        doc.out.push_str(E::OPEN);
        let base = doc.runs.len();
        ElementWriter { doc, base, tag_end: None, held_text: false, extras: false, element: PhantomData }
    }

    /// Ends the element: `/>` without content, else its end tag.
    fn finish(mut self) {
        if self.held_text {
            self.start_content();
        }
        self.doc.runs.truncate(self.base);
        self.doc.out.push_str(if self.tag_end.is_none() { "/>" } else { E::CLOSE });
    }

    /// Ends the start tag, once, followed by any text held: what a child element calls first.
    fn start_content(&mut self) {
        if self.tag_end.is_none() {
            self.tag_end = Some(self.doc.out.len());
            self.doc.out.push('>');
            if self.held_text {
                self.held_text = false;
                self.doc.out.push_str(&self.doc.text);
                self.doc.text.clear();
            }
        }
    }

    /// Writes a child element through `write`.
    pub(crate) fn write_nested<C: Element<'static>>(
        mut self,
        write: impl for<'c> FnOnce(ElementWriter<'c, C>) -> ElementWriter<'c, C>,
    ) -> Self {
        self.start_content();
        write(ElementWriter::begin(self.doc)).finish();
        self
    }

    /// Writes a child given as a tree value (or a text run, as the child enum holds it).
    pub(crate) fn write_rendered(mut self, child: &impl Render) -> Self {
        self.start_content();
        child.write_element(&mut Writer::new(&mut self.doc.out, false));
        self
    }

    /// Appends a run of text (elements holding text and children). An empty run is content too,
    /// as in the tree (`<Say></Say>`).
    pub(crate) fn push_text_run(mut self, text: &str) -> Self {
        if self.tag_end.is_none() {
            self.held_text = true;
            self.doc.text.reserve(SCRATCH_CAPACITY);
            escape_text(&mut self.doc.text, text);
        } else {
            escape_text(&mut self.doc.out, text);
        }
        self
    }

    /// Replaces the text of an element holding only text; empty text leaves it `<Name/>`. (Such
    /// an element has no child elements, so its start tag is open until it ends and the text is
    /// held until then.)
    pub(crate) fn replace_text(mut self, text: &str) -> Self {
        self.doc.text.clear();
        self.doc.text.reserve(SCRATCH_CAPACITY);
        escape_text(&mut self.doc.text, text);
        self.held_text = !text.is_empty();
        self
    }

    /// Sets the known attribute in row `index` of the element's table.
    pub(crate) fn set_known<V: AttributeValue>(mut self, index: usize, value: &V) -> Self {
        let row: &'static Known = &E::KNOWN[index];
        let key = index as u16;
        let next_in_order = self.doc.runs[self.base..].last().is_none_or(|last| last.key < key);
        if self.tag_end.is_none() && next_in_order {
            let start = self.doc.out.len();
            write_known(&mut self.doc.out, row, value);
            self.doc.runs.push(Run { key, renamed: false, start, end: self.doc.out.len() });
        } else {
            self.doc.scratch.clear();
            self.doc.scratch.reserve(SCRATCH_CAPACITY);
            write_known(&mut self.doc.scratch, row, value);
            self.place_known(key);
        }
        if self.extras {
            self.remove_extras_named(row.name);
        }
        self
    }

    /// Moves the known attribute in the scratch buffer into its place in the start tag, replacing
    /// an earlier value.
    fn place_known(&mut self, key: u16) {
        let runs = &self.doc.runs[self.base..];
        let at = runs.partition_point(|run| run.key < key);
        let next = runs.get(at).copied();
        let position = next.map_or_else(|| self.attributes_end(), |run| run.start);
        let replaced = next.filter(|run| run.key == key).map_or(0, |run| run.end - run.start);
        let run = Run { key, renamed: false, start: position, end: position + self.doc.scratch.len() };
        self.splice(position, replaced);
        if replaced > 0 {
            self.doc.runs[self.base + at] = run;
        } else {
            self.doc.runs.insert(self.base + at, run);
        }
    }

    /// Adds an attribute the table does not know (after the known ones, in insertion order);
    /// one that repeats a set attribute or an earlier extra is left out, as the tree does.
    pub(crate) fn push_extra(mut self, name: &str, value: &str) -> Self {
        let renamed = !super::is_valid_name(name);
        let out = &self.doc.out;
        let repeats = self.doc.runs[self.base..].iter().any(|run| {
            let existing = attribute_name(out, run);
            if run.key == EXTRA { same_rendered_name(existing, name) } else { !renamed && existing == name }
        });
        if repeats {
            return self;
        }
        self.doc.scratch.clear();
        Writer::new(&mut self.doc.scratch, false).attribute(name, value);
        let position = self.attributes_end();
        let run = Run { key: EXTRA, renamed, start: position, end: position + self.doc.scratch.len() };
        self.splice(position, 0);
        self.doc.runs.push(run);
        self.extras = true;
        self
    }

    /// Where the start tag's attributes end: at its `>` once content has begun, else at the end.
    fn attributes_end(&self) -> usize {
        self.tag_end.unwrap_or(self.doc.out.len())
    }

    /// Replaces the `replaced` bytes at `position` with the scratch buffer, moving this element's
    /// positions after them.
    fn splice(&mut self, position: usize, replaced: usize) {
        let added = self.doc.scratch.len();
        if replaced > 0 {
            self.doc.out.replace_range(position..position + replaced, &self.doc.scratch);
        } else if position == self.doc.out.len() {
            self.doc.out.push_str(&self.doc.scratch);
        } else {
            self.doc.out.insert_str(position, &self.doc.scratch);
        }
        self.shift(position + replaced, |p| p + added - replaced);
    }

    /// Removes the extra named as the known attribute just set (the tree leaves it out).
    fn remove_extras_named(&mut self, name: &str) {
        let out = &self.doc.out;
        let found = self.doc.runs[self.base..]
            .iter()
            .position(|run| run.key == EXTRA && !run.renamed && attribute_name(out, run) == name);
        if let Some(i) = found {
            // Extras never repeat each other, so there is at most one.
            let run = self.doc.runs.remove(self.base + i);
            self.doc.out.replace_range(run.start..run.end, "");
            self.shift(run.end, |p| p - (run.end - run.start));
        }
    }

    /// Moves every position of this element at or after `from`.
    fn shift(&mut self, from: usize, moved: impl Fn(usize) -> usize) {
        // A run moves whole or not at all: one ending where bytes are inserted stays.
        for run in &mut self.doc.runs[self.base..] {
            if run.start >= from {
                (run.start, run.end) = (moved(run.start), moved(run.end));
            }
        }
        let moved = |p: usize| if p >= from { moved(p) } else { p };
        self.tag_end = self.tag_end.map(moved);
    }
}

/// Writes ` name="value"`, the value escaped by its type.
fn write_known<V: AttributeValue>(out: &mut String, row: &Known, value: &V) {
    out.push_str(row.first);
    value.write_value(&mut Writer::new(out, false));
    out.push('"');
}

/// The name of a written attribute (` name="value"`).
fn attribute_name<'o>(out: &'o str, run: &Run) -> &'o str {
    let written = &out[run.start + 1..run.end];
    written.split_once('=').map_or(written, |(name, _)| name)
}
