//! What the lexicon says of each distinct spelling of one document, asked once: a document
//! repeats most of its words, and a compound analysis costs microseconds. Answers are also
//! kept in the cleaner's [`Cache`] for the next document.

use std::cell::RefCell;

use rustc_hash::FxHashMap;

use super::{Cache, Memo};
use crate::Lexicon;

pub(crate) struct Lexical<'a, 't> {
    lex: &'a Lexicon,
    shared: &'a Cache,
    list: RefCell<FxHashMap<&'t str, bool>>,
    compound: RefCell<FxHashMap<&'t str, bool>>,
}

impl<'a, 't> Lexical<'a, 't> {
    /// Answers for a document of about `words` distinct spellings.
    pub fn new(lex: &'a Lexicon, shared: &'a Cache, words: usize) -> Lexical<'a, 't> {
        let map = || {
            RefCell::new(FxHashMap::with_capacity_and_hasher(
                words,
                Default::default(),
            ))
        };
        Lexical {
            lex,
            shared,
            list: map(),
            compound: map(),
        }
    }

    pub fn lexicon(&self) -> &'a Lexicon {
        self.lex
    }

    /// [`Lexicon::is_list_word`], remembered.
    pub fn is_list_word(&self, w: &'t str) -> bool {
        memo(&self.list, &self.shared.list_words, w, || {
            self.lex.is_list_word(w)
        })
    }

    /// [`Lexicon::is_word`] of a string not in the document (a joined word), remembered
    /// across documents only.
    pub fn is_word_shared(&self, w: &str) -> bool {
        Cache::get(&self.shared.list_words, w, || self.lex.is_list_word(w))
            || Cache::get(&self.shared.compounds, w, || self.lex.compound(w).is_some())
    }

    /// Is `w` accepted as a compound ([`Lexicon::compound`]), remembered.
    pub fn is_compound(&self, w: &'t str) -> bool {
        memo(&self.compound, &self.shared.compounds, w, || {
            self.lex.compound(w).is_some()
        })
    }
}

fn memo<'t>(
    map: &RefCell<FxHashMap<&'t str, bool>>,
    shared: &Memo<bool>,
    w: &'t str,
    f: impl FnOnce() -> bool,
) -> bool {
    if let Some(&v) = map.borrow().get(w) {
        return v;
    }
    let v = Cache::get(shared, w, f);
    map.borrow_mut().insert(w, v);
    v
}
