//! Byte spans into the input text.

use serde::Serialize;

/// A half-open range of byte offsets `[start, end)` into a `&str`, always on char
/// boundaries. `Copy`, and it indexes a string directly with [`Span::of`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end, "span {start}..{end}");
        Span { start, end }
    }
    /// Its length in bytes.
    pub fn len(self) -> usize {
        self.end - self.start
    }
    /// True when it covers no byte.
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }
    /// The text it covers.
    pub fn of(self, text: &str) -> &str {
        &text[self.start..self.end]
    }
    /// Does it share a byte with `other`?
    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
    /// Does it contain all of `other`?
    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    /// The same span moved by `offset` bytes.
    pub fn shift(self, offset: usize) -> Span {
        Span::new(self.start + offset, self.end + offset)
    }
}

impl From<std::ops::Range<usize>> for Span {
    fn from(r: std::ops::Range<usize>) -> Span {
        Span::new(r.start, r.end)
    }
}
