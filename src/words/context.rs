//! The word-pair model of the reference corpus: how likely a word is after its left
//! neighbour, and its right neighbour after it.
//!
//! Interpolated bigrams (Jelinek–Mercer) over the corpus counts in `dictionaries/`; words the
//! corpus lacks fall back to wordfreq's frequency, and compounds to their last part.

use std::cell::RefCell;
use std::collections::HashMap;

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

pub(crate) struct Model<'a> {
    lex: &'a Lexicon,
    total: f64,
    /// Unigram estimates already made (a document repeats its words).
    memo: RefCell<HashMap<String, f64>>,
    /// Context counts already looked up.
    counts: RefCell<HashMap<String, u64>>,
    /// A reusable buffer for n-gram keys.
    key: RefCell<String>,
}

impl<'a> Model<'a> {
    pub fn new(lex: &'a Lexicon) -> Model<'a> {
        Model {
            lex,
            total: lex.corpus_tokens() as f64,
            memo: RefCell::default(),
            counts: RefCell::default(),
            key: RefCell::default(),
        }
    }

    /// log10 P(w), from the corpus, else wordfreq, else the compound's last part.
    pub fn unigram(&self, w: &str) -> f64 {
        if let Some(&p) = self.memo.borrow().get(w) {
            return p;
        }
        let p = self.estimate(w);
        self.memo.borrow_mut().insert(w.to_string(), p);
        p
    }

    fn estimate(&self, w: &str) -> f64 {
        let c = self.lex.corpus_count(w);
        if c > 0 {
            return (c as f64 / self.total).log10();
        }
        let z = self.lex.zipf(w);
        if z > 0.0 {
            // wordfreq's zipf is log10 per billion words; the corpus misses rarer words.
            return (z as f64 - 9.0).max(FLOOR.log10());
        }
        if let Some(c) = self.lex.compound(w) {
            if let Some(last) = c.parts.last() {
                let z = self.lex.zipf(last) as f64;
                let base = if z > 0.0 { z - 9.0 } else { FLOOR.log10() };
                return (base - 1.5).max(FLOOR.log10());
            }
        }
        FLOOR.log10()
    }

    /// Corpus count of a context (a word or a word pair), remembered: the same left context
    /// is asked for every candidate at a place.
    fn context_count(&self, key: &str) -> u64 {
        if let Some(&c) = self.counts.borrow().get(key) {
            return c;
        }
        let c = self.lex.corpus_count(key);
        self.counts.borrow_mut().insert(key.to_string(), c);
        c
    }

    /// Corpus count of `a b` or `a b c` (an empty `c` leaves it out), without allocating.
    fn joined_count(&self, parts: &[&str]) -> u64 {
        let mut k = self.key.borrow_mut();
        k.clear();
        for (i, p) in parts.iter().enumerate() {
            if i > 0 {
                k.push(' ');
            }
            k.push_str(p);
        }
        self.lex.corpus_count(&k)
    }

    /// log10 P(w | prev).
    pub fn bigram(&self, prev: &str, w: &str) -> f64 {
        let uni = 10f64.powf(self.unigram(w));
        let cp = match prev {
            "<s>" => self.context_count("<s>").max(1),
            _ => self.context_count(prev),
        };
        if cp == 0 {
            return uni.log10();
        }
        let cb = self.joined_count(&[prev, w]) as f64;
        (LAMBDA * cb / cp as f64 + (1.0 - LAMBDA) * uni)
            .max(FLOOR)
            .log10()
    }

    /// log10 of P(w | prev) · P(next | w): how well `w` fits between its neighbours.
    pub fn fit(&self, prev: &str, w: &str, next: &str) -> f64 {
        self.fit2(("", prev), w, (next, ""))
    }

    /// log10 P(w | pp prev): the trigram where the corpus has the pair, else the bigram.
    pub fn trigram(&self, pp: &str, prev: &str, w: &str) -> f64 {
        let bi = self.bigram(prev, w);
        if pp.is_empty() || pp.starts_with('<') || prev.starts_with('<') {
            return bi;
        }
        let cp = {
            let pair = format!("{pp} {prev}");
            self.context_count(&pair)
        };
        if cp == 0 {
            return bi;
        }
        let ct = self.joined_count(&[pp, prev, w]) as f64;
        (LAMBDA3 * ct / cp as f64 + (1.0 - LAMBDA3) * 10f64.powf(bi))
            .max(FLOOR)
            .log10()
    }

    /// How well `w` fits between two neighbours on each side: `log10 P(w | pp prev)`
    /// `+ log10 P(next | prev w) / P(next) + log10 P(nn | w next) / P(nn | next)`.
    pub fn fit2(&self, (pp, prev): (&str, &str), w: &str, (next, nn): (&str, &str)) -> f64 {
        let mut score = self.trigram(pp, prev, w);
        if !next.is_empty() {
            score += self.trigram(prev, w, next) - self.unigram(next);
            if !nn.is_empty() {
                score += self.trigram(w, next, nn) - self.bigram(next, nn);
            }
        }
        score
    }
}
