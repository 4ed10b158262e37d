//! Where rendered bytes go: `String`, `Vec<u8>`, or adapters over `fmt::Write` / `io::Write`.

use std::{fmt, io};

/// A destination for rendered markup. Everything written is valid UTF-8.
///
/// Implemented for [`String`] and `Vec<u8>`; [`FmtSink`] and [`IoSink`] adapt the standard
/// writer traits.
///
/// ```
/// use callml::xml::Sink;
/// let mut out = Vec::new();
/// out.push_str("<Hangup/>");
/// assert_eq!(out, b"<Hangup/>");
/// ```
pub trait Sink {
    /// Appends `s`.
    fn push_str(&mut self, s: &str);
}

impl Sink for String {
    #[inline]
    fn push_str(&mut self, s: &str) {
        String::push_str(self, s);
    }
}

impl Sink for Vec<u8> {
    #[inline]
    fn push_str(&mut self, s: &str) {
        self.extend_from_slice(s.as_bytes());
    }
}

/// Adapts a [`fmt::Write`]; the first error is kept and later writes are skipped.
///
/// ```
/// use callml::xml::{FmtSink, Sink};
/// let mut s = String::new();
/// let mut sink = FmtSink::new(&mut s);
/// sink.push_str("ok");
/// assert!(sink.finish().is_ok());
/// assert_eq!(s, "ok");
/// ```
pub struct FmtSink<'w, W: fmt::Write + ?Sized> {
    inner: &'w mut W,
    error: Option<fmt::Error>,
}

impl<'w, W: fmt::Write + ?Sized> FmtSink<'w, W> {
    /// Wraps `inner`.
    pub fn new(inner: &'w mut W) -> Self {
        FmtSink { inner, error: None }
    }
    /// The first error, if any write failed.
    pub fn finish(self) -> fmt::Result {
        self.error.map_or(Ok(()), Err)
    }
}

impl<W: fmt::Write + ?Sized> Sink for FmtSink<'_, W> {
    fn push_str(&mut self, s: &str) {
        if self.error.is_none() {
            if let Err(e) = self.inner.write_str(s) {
                self.error = Some(e);
            }
        }
    }
}

/// Adapts an [`io::Write`]; the first error is kept and later writes are skipped. Wrap unbuffered
/// writers (files, sockets) in a [`io::BufWriter`]: rendering issues many small writes.
///
/// ```
/// use callml::xml::{IoSink, Sink};
/// let mut out = Vec::new();
/// let mut sink = IoSink::new(&mut out);
/// sink.push_str("ok");
/// sink.finish().unwrap();
/// assert_eq!(out, b"ok");
/// ```
pub struct IoSink<'w, W: io::Write + ?Sized> {
    inner: &'w mut W,
    error: Option<io::Error>,
}

impl<'w, W: io::Write + ?Sized> IoSink<'w, W> {
    /// Wraps `inner`.
    pub fn new(inner: &'w mut W) -> Self {
        IoSink { inner, error: None }
    }
    /// The first error, if any write failed.
    pub fn finish(self) -> io::Result<()> {
        self.error.map_or(Ok(()), Err)
    }
}

impl<W: io::Write + ?Sized> Sink for IoSink<'_, W> {
    fn push_str(&mut self, s: &str) {
        if self.error.is_none() {
            if let Err(e) = self.inner.write_all(s.as_bytes()) {
                self.error = Some(e);
            }
        }
    }
}
