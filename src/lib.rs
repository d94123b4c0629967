//! putsa turns raw OCR output of Swedish documents into clean, searchable Swedish text, and
//! says exactly what it changed.
//!
//! A [`Cleaner`] runs the stages in order — Unicode normalisation, page structure
//! (furniture, paragraphs, hyphenation), word repair against the [`Lexicon`], removal of
//! repeated paragraphs — and returns [`Cleaned`]: the text, and every [`Edit`] with its byte
//! [`Span`] in the input, the text before and after, a kind, a reason and a confidence.
//! Stages never change text themselves; they return edits, and one function ([`apply`])
//! applies them, so the report and the output cannot disagree.
//!
//! ```
//! let cleaner = putsa::Cleaner::new();
//! let cleaned = cleaner.clean("Nämnden godkänner svaret.");
//! assert_eq!(cleaned.text.trim(), "Nämnden godkänner svaret.");
//! assert_eq!(putsa::apply("Nämnden godkänner svaret.", &cleaned.edits), cleaned.text);
//! ```
#![deny(missing_docs)]
#![forbid(unsafe_code)]
#![deny(clippy::print_stdout, clippy::print_stderr)]

pub mod decode;
pub mod dedup;
pub mod edit;
pub mod lexicon;
pub mod normalize;
mod pipeline;
mod span;
pub mod structure;
pub mod tokenize;
pub mod words;

pub use decode::{decode, DecodeError, Decoded, Encoding};
pub use edit::{apply, Edit, EditKind};
pub use lexicon::{Entry, Lexicon, LexiconError};
pub use pipeline::{Cleaned, Cleaner, Options, Stats, CHUNK_BYTES};
pub use span::Span;

/// The README's examples, compiled and run as doctests so they never rot.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
