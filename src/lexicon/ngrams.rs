//! Word, word-pair and word-triple counts of the reference corpus, read in place from the
//! flat table the build script lays out.
//!
//! # Layout
//! Little-endian `u32`s: a header `[tokens, words, pairs, triples, slots, pair_slots]`; a
//! hash table of `slots` word slots (64 bits, two `u32`s each, linear probing): the word's
//! hash with its id in the low 16 bits (0 = empty); each word's count by id (29 bits; the top
//! three are the case flags [`WRITTEN_LOWER`], [`PLAIN_NEXT`] and [`WRITTEN_CAPITAL`]); by pair
//! (in (first, second) order), its count and where its triples start, side by side, and one
//! more entry where the last pair's end; the triples, sorted by (pair, third), each its third
//! word and count side by side; last a hash table of `pair_slots` pairs, each 64 bits (two
//! `u32`s): first word << 44 | second word << 24 | pair index + 1 (0 = empty), hashed by
//! (first, second), so that a probe reads one slot.
//!
//! # Performance considerations
//! Finding a word or a pair is one hash and a probe or two; a triple count is a bisection
//! of the (short) list of what follows a pair. Nothing is parsed or allocated when the
//! table is opened. The table (9 MB) is larger than a core's cache and its lookups are
//! scattered, so each read of it is a wait for memory: what one lookup needs sits side by
//! side (a word's id in its slot, a pair's count by its triples' start, a triple's count by
//! its word), which made the word stage about 4 % faster on damaged text (new documents)
//! than a layout of one array per field. (Pair slots of 16 bytes, holding the pair's count
//! and triples' start as well, would save a pair's second read for 3.7 MB more: not taken.)
//! A word is known by 48 bits of its hash: the build checks that the vocabulary's differ, and
//! a word the corpus lacks matches one of its 41,000 words about once in 10^10 lookups. An
//! earlier version kept the n-grams as strings in an `fst` map: a count cost a string build
//! and a walk of up to 40 nodes, which made n-gram lookups half of the word stage's time.

use super::case_flags::{COUNT, PLAIN_NEXT, WRITTEN_CAPITAL, WRITTEN_LOWER};
use super::hash::{hash, pair_hash};

/// A word of the corpus vocabulary.
pub type WordId = u32;

/// The counts table.
#[derive(Clone, Copy)]
pub(crate) struct NGrams {
    data: &'static [u8],
    tokens: u64,
    slots: usize,
    /// Offsets (in `u32`s) of the arrays.
    word_slot: usize,
    word_count: usize,
    pair_info: usize,
    triples: usize,
    pair_slots: usize,
    pair_slot: usize,
}

/// A word pair of the corpus: its index in the pair arrays.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Pair(u32);

impl NGrams {
    pub fn new(data: &'static [u8]) -> NGrams {
        let at = |i: usize| read(data, i) as usize;
        let (words, pairs, triples, slots, pair_slots) = (at(1), at(2), at(3), at(4), at(5));
        let word_slot = 6;
        let word_count = word_slot + 2 * slots;
        let pair_info = word_count + words;
        let triple_words = pair_info + 2 * (pairs + 1);
        let pair_slot = triple_words + 2 * triples;
        assert_eq!(
            data.len(),
            4 * (pair_slot + 2 * pair_slots),
            "n-gram table has the size its header says"
        );
        NGrams {
            data,
            tokens: u64::from(read(data, 0)).max(1),
            slots,
            word_slot,
            word_count,
            pair_info,
            triples: triple_words,
            pair_slots,
            pair_slot,
        }
    }

    fn at(&self, i: usize) -> u32 {
        read(self.data, i)
    }

    /// Number of tokens of the corpus.
    pub fn tokens(&self) -> u64 {
        self.tokens
    }

    /// The id of a (lower-case) word, if the corpus has it.
    pub fn id(&self, word: &str) -> Option<WordId> {
        let h = hash(word.as_bytes()) & !0xffff;
        let mask = self.slots - 1;
        let mut s = (h >> 16) as usize & mask;
        loop {
            let at = self.word_slot + 2 * s;
            let stored = u64::from(self.at(at)) | u64::from(self.at(at + 1)) << 32;
            if stored == 0 {
                return None;
            }
            if stored & !0xffff == h {
                return Some((stored & 0xffff) as WordId);
            }
            s = (s + 1) & mask;
        }
    }

    /// Corpus count of a word.
    pub fn count(&self, w: WordId) -> u64 {
        u64::from(self.at(self.word_count + w as usize) & COUNT)
    }

    /// Does the corpus write `w` in lower case after a lower-case word ([`WRITTEN_LOWER`])?
    pub fn written_lower(&self, w: WordId) -> bool {
        self.at(self.word_count + w as usize) & WRITTEN_LOWER != 0
    }

    /// Does the corpus write `w` with a capital after a lower-case word ([`WRITTEN_CAPITAL`])?
    pub fn written_capital(&self, w: WordId) -> bool {
        self.at(self.word_count + w as usize) & WRITTEN_CAPITAL != 0
    }

    /// Is what follows `w` in the corpus rarely written with a capital ([`PLAIN_NEXT`])?
    pub fn plain_next(&self, w: WordId) -> bool {
        self.at(self.word_count + w as usize) & PLAIN_NEXT != 0
    }

    /// The pair `a b`, if the corpus has it.
    pub fn pair(&self, a: WordId, b: WordId) -> Option<Pair> {
        let mask = self.pair_slots - 1;
        let key = u64::from(a) << 44 | u64::from(b) << 24;
        let mut s = pair_hash(a, b) as usize & mask;
        loop {
            let at = self.pair_slot + 2 * s;
            let slot = u64::from(self.at(at)) | u64::from(self.at(at + 1)) << 32;
            if slot == 0 {
                return None;
            }
            if slot & !0xff_ffff == key {
                return Some(Pair((slot & 0xff_ffff) as u32 - 1));
            }
            s = (s + 1) & mask;
        }
    }

    /// Corpus count of a pair.
    pub fn pair_count(&self, p: Pair) -> u64 {
        u64::from(self.at(self.pair_info + 2 * p.0 as usize))
    }

    /// Corpus count of the triple `p c` (0 when the corpus lacks it).
    pub fn triple_count(&self, p: Pair, c: WordId) -> u64 {
        let info = self.pair_info + 2 * p.0 as usize;
        let (mut from, mut to) = (self.at(info + 1) as usize, self.at(info + 3) as usize);
        while from < to {
            let mid = from + (to - from) / 2;
            let at = self.triples + 2 * mid;
            match self.at(at).cmp(&c) {
                std::cmp::Ordering::Less => from = mid + 1,
                std::cmp::Ordering::Greater => to = mid,
                std::cmp::Ordering::Equal => return u64::from(self.at(at + 1)),
            }
        }
        0
    }

    /// Count of a word, or of "w1 w2" or "w1 w2 w3" (0 when the corpus lacks it).
    pub fn count_of(&self, key: &str) -> u64 {
        let mut ids = key.split(' ').map(|w| self.id(w));
        let (a, b, c) = (ids.next().flatten(), ids.next(), ids.next());
        if ids.next().is_some() {
            return 0;
        }
        let Some(a) = a else { return 0 };
        match (b, c) {
            (None, _) => self.count(a),
            (Some(b), c) => {
                let Some(p) = b.and_then(|b| self.pair(a, b)) else {
                    return 0;
                };
                match c {
                    None => self.pair_count(p),
                    Some(c) => c.map_or(0, |c| self.triple_count(p, c)),
                }
            }
        }
    }
}

fn read(data: &[u8], i: usize) -> u32 {
    let b = &data[4 * i..4 * i + 4];
    u32::from_le_bytes([b[0], b[1], b[2], b[3]])
}
