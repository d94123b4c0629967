//! The word-pair model of the reference corpus: how likely a word is after its left
//! neighbour, and its right neighbour after it.
//!
//! Interpolated bigrams (Jelinek–Mercer) over the corpus counts in `dictionaries/`; words the
//! corpus lacks fall back to wordfreq's frequency, and compounds to their last part.

use super::Cache;
use crate::lexicon::ngrams::{NGrams, Pair, WordId};
use crate::Lexicon;

/// Weight of the bigram estimate against the unigram one.
const LAMBDA: f64 = 0.7;
/// Weight of the trigram estimate against the bigram one.
const LAMBDA3: f64 = 0.6;
/// Probability floor of a word nothing knows.
const FLOOR: f64 = 1e-9;

/// Context keys: a lower-case word, "<num>" or "<s>" (sentence or block boundary).
pub(crate) fn key(word: &str) -> String {
    word.to_lowercase()
}

/// A context word as the model sees it: its corpus id and unigram estimate, looked up once.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Key {
    id: Option<WordId>,
    /// P(w).
    p: f64,
    kind: KeyKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum KeyKind {
    /// A word.
    Word,
    /// "<s>", "<num>" or "<none>" (an unknown left neighbour): no trigram is conditioned
    /// on it.
    Marker,
    /// Nothing there (the text ends).
    Nothing,
}

impl Key {
    /// Nothing there.
    pub const NOTHING: Key = Key {
        id: None,
        p: 1.0,
        kind: KeyKind::Nothing,
    };
}

pub(crate) struct Model<'a> {
    lex: &'a Lexicon,
    ngrams: &'a NGrams,
    total: f64,
    /// The cleaner's cache: its unigram estimates of words the corpus lacks, kept across
    /// documents, and its compound analyses, which the word stage has made of most such
    /// words already (a rejected token is a context word too). (A document's words are
    /// keyed once each: the word stage interns them.)
    shared: Option<&'a Cache>,
    /// The keys of "<s>" and "<none>", which most places without a left neighbour ask for.
    markers: [Key; 2],
}

impl<'a> Model<'a> {
    pub fn new(lex: &'a Lexicon, shared: Option<&'a Cache>) -> Model<'a> {
        let mut m = Model {
            lex,
            ngrams: lex.ngrams(),
            total: lex.corpus_tokens() as f64,
            shared,
            markers: [Key::NOTHING; 2],
        };
        m.markers = [m.key("<s>"), m.key("<none>")];
        m
    }

    /// The key of "<s>": a sentence or block starts.
    pub fn sentence_start(&self) -> Key {
        self.markers[0]
    }

    /// The key of "<none>": an unknown left neighbour.
    pub fn unknown_before(&self) -> Key {
        self.markers[1]
    }

    /// Does the corpus have the word `w` (a context key)?
    pub fn has(&self, w: &str) -> bool {
        self.ngrams.id(w).is_some()
    }

    /// The key of a context word (lower case, "<s>", "<num>", "<none>", or "" for nothing).
    pub fn key(&self, w: &str) -> Key {
        if w.is_empty() {
            return Key::NOTHING;
        }
        let id = self.ngrams.id(w);
        let kind = if w.starts_with('<') {
            KeyKind::Marker
        } else {
            KeyKind::Word
        };
        let p = match id {
            Some(id) => self.ngrams.count(id) as f64 / self.total,
            None => 10f64.powf(self.unigram_unseen(w)),
        };
        Key { id, p, kind }
    }

    /// log10 P(w) of a word the corpus lacks: wordfreq, else the compound's last part.
    fn unigram_unseen(&self, w: &str) -> f64 {
        match self.shared {
            Some(shared) => Cache::get(&shared.unigrams, w, || self.estimate(w)),
            None => self.estimate(w),
        }
    }

    fn estimate(&self, w: &str) -> f64 {
        let z = self.lex.zipf(w);
        if z > 0.0 {
            // wordfreq's zipf is log10 per billion words; the corpus misses rarer words.
            return (z as f64 - 9.0).max(FLOOR.log10());
        }
        let parts = match self.shared {
            Some(shared) => Cache::get(&shared.compounds, w, || super::lexical::parts(self.lex, w)),
            None => super::lexical::parts(self.lex, w),
        };
        if let Some(parts) = parts {
            if let Some(last) = parts.last() {
                let z = self.lex.zipf(last) as f64;
                let base = if z > 0.0 { z - 9.0 } else { FLOOR.log10() };
                return (base - 1.5).max(FLOOR.log10());
            }
        }
        FLOOR.log10()
    }

    /// Corpus count of a context word ("<s>" counts at least once).
    fn count(&self, k: Key) -> u64 {
        let c = k.id.map_or(0, |id| self.ngrams.count(id));
        if k.kind == KeyKind::Marker {
            c.max(u64::from(k.id.is_some()))
        } else {
            c
        }
    }

    /// P(w | prev), interpolated with P(w); P(w) alone where the corpus lacks `prev`.
    fn bigram_p(&self, prev: Key, w: Key) -> f64 {
        let cp = self.count(prev);
        if cp == 0 {
            return w.p;
        }
        let cb = self.pair(prev, w).map_or(0, |p| self.ngrams.pair_count(p));
        Self::bigram_of(cb, cp, w.p)
    }

    /// Interpolates a pair count (of `cb` after a word seen `cp` times) with the unigram
    /// estimate `p`.
    fn bigram_of(cb: u64, cp: u64, p: f64) -> f64 {
        (LAMBDA * cb as f64 / cp as f64 + (1.0 - LAMBDA) * p).max(FLOOR)
    }

    fn pair(&self, a: Key, b: Key) -> Option<Pair> {
        self.ngrams.pair(a.id?, b.id?)
    }

    /// log10 of P(w | prev) · P(next | w): how well `w` fits between its neighbours.
    pub fn fit(&self, prev: Key, w: Key, next: Key) -> f64 {
        self.fit2((Key::NOTHING, prev), w, (next, Key::NOTHING))
    }

    /// How well `w` fits between two neighbours on each side: `log10 P(w | pp prev)`
    /// `+ log10 P(next | prev w) / P(next) + log10 P(nn | w next) / P(nn | next)`.
    pub fn fit2(&self, (pp, prev): (Key, Key), w: Key, (next, nn): (Key, Key)) -> f64 {
        self.place((pp, prev), (next, nn)).fit(w)
    }

    /// The place between `pp prev` and `next nn`, ready to fit candidates.
    pub fn place(&self, (pp, prev): (Key, Key), (next, nn): (Key, Key)) -> Place<'_, 'a> {
        let both_words = pp.kind == KeyKind::Word && prev.kind == KeyKind::Word;
        Place {
            model: self,
            prev,
            next,
            nn,
            prev_count: self.count(prev),
            pp_prev: self
                .pair(pp, prev)
                .filter(|_| both_words)
                .map(|p| (p, self.ngrams.pair_count(p))),
            next_nn: if nn.kind == KeyKind::Nothing {
                1.0
            } else {
                self.bigram_p(next, nn)
            },
        }
    }

    /// Interpolates a trigram count (of `ct` after a pair seen `cp` times) with the bigram
    /// estimate `bi`.
    fn trigram_of(ct: u64, cp: u64, bi: f64) -> f64 {
        (LAMBDA3 * ct as f64 / cp as f64 + (1.0 - LAMBDA3) * bi).max(FLOOR)
    }

    /// P(c | a b) where `ab` is the pair `a b` (if the corpus has it and both are words) and
    /// `bi` is P(c | b).
    fn trigram_after(&self, ab: Option<Pair>, words: bool, c: Key, bi: f64) -> f64 {
        match ab.filter(|_| words) {
            Some(p) => {
                let ct = c.id.map_or(0, |c| self.ngrams.triple_count(p, c));
                Self::trigram_of(ct, self.ngrams.pair_count(p), bi)
            }
            None => bi,
        }
    }
}

/// A place in the text with its neighbours, and what every candidate's fit there shares
/// looked up once: the left context's counts and the right neighbours' own pair. Each
/// candidate then costs its own pairs and triples only (and each of them once).
pub(crate) struct Place<'m, 'a> {
    model: &'m Model<'a>,
    prev: Key,
    next: Key,
    nn: Key,
    prev_count: u64,
    /// The pair `pp prev` with its count, where a trigram is conditioned on it.
    pp_prev: Option<(Pair, u64)>,
    /// P(nn | next) (1 where nothing follows `next`).
    next_nn: f64,
}

impl Place<'_, '_> {
    /// log10 P(w | pp prev) · P(next | prev w) / P(next) · P(nn | w next) / P(nn | next).
    pub fn fit(&self, w: Key) -> f64 {
        let m = self.model;
        let prev_w = m.pair(self.prev, w);
        // P(w | pp prev)
        let bi = if self.prev_count == 0 {
            w.p
        } else {
            let cb = prev_w.map_or(0, |p| m.ngrams.pair_count(p));
            Model::bigram_of(cb, self.prev_count, w.p)
        };
        let mut p = match self.pp_prev {
            Some((pair, cp)) => {
                let ct = w.id.map_or(0, |w| m.ngrams.triple_count(pair, w));
                Model::trigram_of(ct, cp, bi)
            }
            None => bi,
        };
        if self.next.kind == KeyKind::Nothing {
            return p.log10();
        }
        // P(next | prev w) / P(next)
        let w_next = m.pair(w, self.next);
        let cw = m.count(w);
        let bi = if cw == 0 {
            self.next.p
        } else {
            let cb = w_next.map_or(0, |p| m.ngrams.pair_count(p));
            Model::bigram_of(cb, cw, self.next.p)
        };
        let words = self.prev.kind == KeyKind::Word && w.kind == KeyKind::Word;
        p *= m.trigram_after(prev_w, words, self.next, bi) / self.next.p;
        if self.nn.kind != KeyKind::Nothing {
            // P(nn | w next) / P(nn | next)
            let words = w.kind == KeyKind::Word && self.next.kind == KeyKind::Word;
            p *= m.trigram_after(w_next, words, self.nn, self.next_nn) / self.next_nn;
        }
        p.log10()
    }
}
