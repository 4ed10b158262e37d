//! The streaming writer every element renders through: static fragments, escaped text and
//! attribute values, XML names made valid, and the optional pretty layout.

use super::{Sink, escape_attribute, escape_text};

/// Writes markup into a [`Sink`]. Elements call it while they render; it knows nothing about any
/// dialect.
///
/// Compact by default. In pretty mode every element starts on its own line indented by two spaces
/// per level, except inside elements that hold text: their whole content stays on one line, so
/// pretty printing never changes text.
///
/// ```
/// use callml::xml::Writer;
/// let mut out = String::new();
/// let mut w = Writer::new(&mut out, false);
/// w.open("<Say");
/// w.attribute("voice", "woman");
/// w.start_content(true);
/// w.text("Hi & bye");
/// w.close("</Say>");
/// assert_eq!(out, r#"<Say voice="woman">Hi &amp; bye</Say>"#);
/// ```
pub struct Writer<'s, S: Sink + ?Sized> {
    sink: &'s mut S,
    pretty: bool,
    depth: usize,
    /// Depth at which inline (text-holding) content started; `usize::MAX` when not inline.
    inline_from: usize,
    /// Whether the element being closed had element children written in block layout.
    block_children: bool,
    /// Whether the last attribute value's closing quote is still to be written. It is merged into
    /// the next static fragment (`" name="`, `">`, `"/>`): one append instead of two.
    quote_open: bool,
}

impl<'s, S: Sink + ?Sized> Writer<'s, S> {
    /// A writer appending to `sink`, compact or pretty.
    pub fn new(sink: &'s mut S, pretty: bool) -> Self {
        Writer { sink, pretty, depth: 0, inline_from: usize::MAX, block_children: false, quote_open: false }
    }

    /// Appends markup as is, unchecked and unescaped. One of the writer's two doors that can break
    /// well-formedness (with [`attribute_start_unchecked`](Self::attribute_start_unchecked)):
    /// only for fragments that are already well-formed, such as a checked
    /// [`TrustedSsml`](crate::ssml::TrustedSsml) or a number's digits. Everything else the writer
    /// writes is escaped or made a valid name.
    #[inline]
    pub fn raw_unchecked(&mut self, markup: &str) {
        self.sink.push_str(markup);
    }

    /// Appends escaped character data.
    #[inline]
    pub fn text(&mut self, text: &str) {
        escape_text(self.sink, text);
    }

    /// Appends an escaped attribute value (without quotes).
    #[inline]
    pub fn attribute_value(&mut self, value: &str) {
        escape_attribute(self.sink, value);
    }

    /// Appends ` name="value"`, with the name made a valid XML name and the value escaped. The
    /// attribute is complete when this returns (a quote left open by
    /// [`attribute_start_unchecked`](Self::attribute_start_unchecked) is closed first).
    pub fn attribute(&mut self, name: &str, value: &str) {
        self.sink.push_str(if self.quote_open { "\" " } else { " " });
        self.quote_open = false;
        self.name(name);
        self.sink.push_str("=\"");
        escape_attribute(self.sink, value);
        self.sink.push_str("\"");
    }

    /// Starts an attribute whose name is known when compiling: `first` is ` name="`, `continued`
    /// the same with the previous value's closing quote in front (`" name="`). Write the value
    /// next (with [`attribute_value`](Self::attribute_value) or [`raw_unchecked`](Self::raw_unchecked)); its closing
    /// quote is written by whichever of `attribute_start_unchecked`, [`attribute`](Self::attribute),
    /// [`start_content`](Self::start_content) or [`close_empty`](Self::close_empty) comes next,
    /// merged into its own fragment.
    ///
    /// ```
    /// use callml::xml::Writer;
    /// let mut out = String::new();
    /// let mut w = Writer::new(&mut out, false);
    /// w.open("<Pause");
    /// w.attribute_start_unchecked(r#" length=""#, r#"" length=""#);
    /// w.raw_unchecked("2");
    /// w.close_empty();
    /// assert_eq!(out, r#"<Pause length="2"/>"#);
    /// ```
    ///
    /// Unchecked: `first` and `continued` are written as they are, so they must be those exact
    /// fragments with a valid name (the element tables generate them). The writer's other door
    /// that can break well-formedness, with [`raw_unchecked`](Self::raw_unchecked).
    #[inline(always)]
    pub fn attribute_start_unchecked(&mut self, first: &str, continued: &str) {
        if self.quote_open {
            self.sink.push_str(continued);
        } else {
            self.sink.push_str(first);
            self.quote_open = true;
        }
    }

    /// Appends `name` made a valid XML name (see [`is_valid_name`](super::is_valid_name)): every
    /// character that may not appear is written as `_`, an empty name as `_`.
    pub fn name(&mut self, name: &str) {
        if super::is_valid_name(name) {
            self.sink.push_str(name);
            return;
        }
        if name.is_empty() {
            self.sink.push_str("_");
        }
        let mut buf = [0u8; 4];
        for (i, c) in name.chars().enumerate() {
            let ok = if i == 0 { super::name::is_name_start_char(c) } else { super::name::is_name_char(c) };
            self.sink.push_str(if ok { c.encode_utf8(&mut buf) } else { "_" });
        }
    }

    /// Starts an element: `open_tag` is `<` plus the name (e.g. `"<Say"`), written after a line
    /// break and indentation in pretty mode.
    #[inline]
    pub fn open(&mut self, open_tag: &str) {
        if self.pretty {
            self.break_line();
        }
        self.sink.push_str(open_tag);
    }

    /// Starts an element whose name is only known at run time (custom elements).
    pub fn open_named(&mut self, name: &str) {
        if self.pretty {
            self.break_line();
        }
        self.sink.push_str("<");
        self.name(name);
    }

    fn break_line(&mut self) {
        if self.depth > 0 && self.inline_from == usize::MAX {
            self.sink.push_str("\n");
            for _ in 0..self.depth {
                self.sink.push_str("  ");
            }
            self.block_children = true;
        }
    }

    /// Ends the start tag of an element that has content. `holds_text` keeps the content on one
    /// line in pretty mode.
    #[inline]
    pub fn start_content(&mut self, holds_text: bool) {
        if self.quote_open {
            self.sink.push_str("\">");
            self.quote_open = false;
        } else {
            self.sink.push_str(">");
        }
        if self.pretty {
            if holds_text && self.inline_from == usize::MAX {
                self.inline_from = self.depth;
            }
            self.depth += 1;
            self.block_children = false;
        }
    }

    /// Ends an element without content: `/>`.
    #[inline]
    pub fn close_empty(&mut self) {
        if self.quote_open {
            self.sink.push_str("\"/>");
            self.quote_open = false;
        } else {
            self.sink.push_str("/>");
        }
        if self.pretty {
            self.block_children = self.depth > 0 && self.inline_from == usize::MAX;
        }
    }

    /// Ends an element that has content; `close_tag` is e.g. `"</Say>"`.
    #[inline]
    pub fn close(&mut self, close_tag: &str) {
        if self.pretty {
            self.finish_block();
        }
        self.sink.push_str(close_tag);
    }

    /// Ends an element whose name is only known at run time.
    pub fn close_named(&mut self, name: &str) {
        if self.pretty {
            self.finish_block();
        }
        self.sink.push_str("</");
        self.name(name);
        self.sink.push_str(">");
    }

    fn finish_block(&mut self) {
        self.depth -= 1;
        let inline = self.inline_from != usize::MAX;
        if inline && self.inline_from == self.depth {
            self.inline_from = usize::MAX;
        } else if !inline && self.block_children {
            self.sink.push_str("\n");
            for _ in 0..self.depth {
                self.sink.push_str("  ");
            }
        }
        self.block_children = self.depth > 0 && self.inline_from == usize::MAX;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merged_quotes_close_whatever_comes_next() {
        let mut out = String::new();
        let mut w = Writer::new(&mut out, false);
        w.open("<X");
        w.attribute_start_unchecked(r#" a=""#, r#"" a=""#);
        w.raw_unchecked("1");
        w.attribute("b", "2");
        w.attribute_start_unchecked(r#" c=""#, r#"" c=""#);
        w.attribute_value("<3>");
        w.attribute_start_unchecked(r#" d=""#, r#"" d=""#);
        w.raw_unchecked("4");
        w.start_content(false);
        w.open("<Y");
        w.attribute_start_unchecked(r#" e=""#, r#"" e=""#);
        w.raw_unchecked("5");
        w.close_empty();
        w.open("<Z");
        w.attribute("f", "6");
        w.close_empty();
        w.close("</X>");
        assert_eq!(out, r#"<X a="1" b="2" c="&lt;3&gt;" d="4"><Y e="5"/><Z f="6"/></X>"#);
    }
}
