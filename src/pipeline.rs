//! The cleaner: the only place that knows the order of the stages.
//!
//! The stages, in order: normalise (NFC); structure (furniture, paragraphs, hyphenation);
//! words (repair against the lexicon, in context); duplicates (compared after word repair).
//! Each stage reads the text the previous ones produced and returns edits; the pipeline
//! carries them back onto the input with [`Applied::compose`], so the report speaks of input
//! spans only and replaying it on the input gives the output.

use std::sync::Arc;

use serde::Serialize;

use crate::edit::Applied;
use crate::{dedup, normalize, structure, words, Edit, EditKind, Lexicon};

/// Inputs longer than this many bytes are cleaned piece by piece (see [`Cleaner::clean`]).
pub const CHUNK_BYTES: usize = 1 << 20;

/// Where the piece of `input` that starts at `start` ends: after the last page break in the
/// second half of the next [`CHUNK_BYTES`], else after a blank line, else after a line break,
/// else at a character boundary.
fn cut(input: &str, start: usize) -> usize {
    let mut limit = start + CHUNK_BYTES;
    if limit >= input.len() {
        return input.len();
    }
    while !input.is_char_boundary(limit) {
        limit -= 1;
    }
    let window = &input[start..limit];
    for sep in ["\x0c", "\n\n", "\n"] {
        if let Some(p) = window.rfind(sep).filter(|&p| p >= CHUNK_BYTES / 2) {
            return start + p + sep.len();
        }
    }
    limit
}

/// What the cleaner does; every stage can be switched off.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct Options {
    /// Remove page furniture (running headers and footers, page numbers).
    pub furniture: bool,
    /// Join lines into paragraphs and rejoin words broken at line ends.
    pub paragraphs: bool,
    /// Repair words.
    pub words: bool,
    /// Remove paragraphs that repeat an earlier one.
    pub dedup: bool,
    /// Write an em dash between words (and OCR's doubled dash glyphs, "—-", "~") as the
    /// Swedish en dash, and a number range's dash too. A spaced hyphen between words, which
    /// Swedish writers print as often as the en dash, is suggested at a confidence of 0.2.
    pub dashes: bool,
    /// Word and typography edits below this confidence are reported as suggestions, not
    /// applied.
    pub min_confidence: f32,
    /// Extra furniture lines (regular expressions matched against a whole line).
    pub furniture_patterns: Vec<String>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            furniture: true,
            paragraphs: true,
            words: true,
            dedup: true,
            dashes: true,
            // Chosen for precision: a wrong edit costs more than a missed one.
            min_confidence: 0.5,
            furniture_patterns: Vec::new(),
        }
    }
}

impl Options {
    /// Word repair and typography only: lines, page furniture and repeated paragraphs kept as
    /// they are (how word repair is measured against the printed text).
    pub fn words_only() -> Options {
        Options {
            furniture: false,
            paragraphs: false,
            dedup: false,
            ..Options::default()
        }
    }
}

/// Cleans OCR text. Build one and reuse it: it holds the lexicon.
#[derive(Clone, Debug, Default)]
pub struct Cleaner {
    lexicon: Lexicon,
    options: Options,
    /// Word candidates already computed, shared by clones (and threads).
    cache: Arc<words::Cache>,
}

/// Counts of what the cleaner did.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Stats {
    /// Bytes of input.
    pub input_bytes: usize,
    /// Word-level repairs applied (word, compound, real-word).
    pub words_repaired: usize,
    /// Edits reported but not applied.
    pub suggestions: usize,
    /// Furniture lines removed.
    pub furniture_removed: usize,
    /// Duplicate paragraphs removed.
    pub duplicates_removed: usize,
    /// All applied edits, removals included.
    pub edits: usize,
}

/// The cleaned text and everything that was changed to get it.
#[derive(Clone, Debug, Serialize)]
pub struct Cleaned {
    /// The cleaned text.
    pub text: String,
    /// Every applied change, sorted by input span: repairs and removals.
    pub edits: Vec<Edit>,
    /// Changes that fell below the confidence threshold: reported, not applied.
    pub suggestions: Vec<Edit>,
    /// Counts.
    pub stats: Stats,
}

impl Cleaned {
    /// The removals among the edits (furniture, duplicates).
    pub fn removals(&self) -> impl Iterator<Item = &Edit> {
        self.edits.iter().filter(|e| e.kind.is_removal())
    }
}

impl Cleaner {
    /// A cleaner with the built-in lexicon and default options.
    pub fn new() -> Cleaner {
        Cleaner::default()
    }

    /// A cleaner with this lexicon and these options.
    pub fn with(lexicon: Lexicon, options: Options) -> Cleaner {
        Cleaner {
            lexicon,
            options,
            cache: Arc::default(),
        }
    }

    /// A cleaner like this one with a copy of what it has learnt so far (the candidates of
    /// tokens it has seen), no longer shared with it: clones share one cache, a detached
    /// cleaner has its own.
    ///
    /// ```
    /// let warm = putsa::Cleaner::new();
    /// warm.clean("Nimnden beslutar.");
    /// let copy = warm.detached();
    /// assert_eq!(copy.clean("Nimnden beslutar.").text, warm.clean("Nimnden beslutar.").text);
    /// ```
    pub fn detached(&self) -> Cleaner {
        Cleaner {
            cache: Arc::new(words::Cache::clone(&self.cache)),
            ..self.clone()
        }
    }

    /// The lexicon it uses.
    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// Its options.
    pub fn options(&self) -> &Options {
        &self.options
    }

    /// Cleans `input`. Cannot fail: every input gives a text and a report.
    ///
    /// An input longer than [`CHUNK_BYTES`] is cleaned in pieces cut at page breaks (else
    /// blank lines, else line breaks), so time stays linear and memory bounded; duplicates
    /// are then looked for within a piece (a couple of hundred pages), not across pieces.
    pub fn clean(&self, input: &str) -> Cleaned {
        if input.len() <= CHUNK_BYTES {
            return self.clean_piece(input);
        }
        let mut out = Cleaned {
            text: String::with_capacity(input.len()),
            edits: Vec::new(),
            suggestions: Vec::new(),
            stats: Stats::default(),
        };
        let mut start = 0;
        while start < input.len() {
            let end = cut(input, start);
            let piece = self.clean_piece(&input[start..end]);
            out.text.push_str(&piece.text);
            let shift = |mut e: Edit| {
                e.span = e.span.shift(start);
                e.kept = e.kept.map(|k| k.shift(start));
                e
            };
            out.edits.extend(piece.edits.into_iter().map(shift));
            out.suggestions
                .extend(piece.suggestions.into_iter().map(shift));
            let (s, p) = (&mut out.stats, piece.stats);
            s.words_repaired += p.words_repaired;
            s.suggestions += p.suggestions;
            s.furniture_removed += p.furniture_removed;
            s.duplicates_removed += p.duplicates_removed;
            s.edits += p.edits;
            start = end;
        }
        out.stats.input_bytes = input.len();
        out
    }

    fn clean_piece(&self, input: &str) -> Cleaned {
        let (lex, opt) = (&self.lexicon, &self.options);
        let mut edits = normalize::edits(input);
        let mut suggestions = Vec::new();
        // Always: list markers and section signs are repaired even with every switch off.
        let applied = Applied::new(input, edits);
        // Typography the stage is unsure of (a spaced hyphen that may be a dash) is reported.
        let (new, unsure): (Vec<Edit>, Vec<Edit>) = structure::edits(&applied.text, lex, opt)
            .into_iter()
            .partition(|e| e.kind != EditKind::Typography || e.confidence >= opt.min_confidence);
        suggestions.extend(unsure.into_iter().map(|e| applied.carry(input, e).0));
        edits = applied.compose(input, new);
        if opt.words {
            let applied = Applied::new(input, edits);
            let (new, suggested) = words::edits(&applied.text, lex, opt, &self.cache);
            suggestions.extend(suggested.into_iter().map(|e| applied.carry(input, e).0));
            suggestions.sort_by_key(|e| (e.span.start, e.span.end));
            edits = applied.compose(input, new);
        }
        if opt.dedup {
            let applied = Applied::new(input, edits);
            let new = dedup::edits(&applied.text, opt);
            edits = applied.compose(input, new);
        }
        let applied = Applied::new(input, edits);
        let count =
            |f: &dyn Fn(EditKind) -> bool| applied.edits.iter().filter(|e| f(e.kind)).count();
        let stats = Stats {
            input_bytes: input.len(),
            words_repaired: count(&|k| {
                matches!(k, EditKind::Word | EditKind::Compound | EditKind::RealWord)
            }),
            suggestions: suggestions.len(),
            furniture_removed: count(&|k| k == EditKind::Furniture),
            duplicates_removed: count(&|k| k == EditKind::Duplicate),
            edits: applied.edits.len(),
        };
        Cleaned {
            text: applied.text,
            edits: applied.edits,
            suggestions,
            stats,
        }
    }
}
