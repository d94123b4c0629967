//! What the lexicon says of each distinct spelling of one document, asked once: a document
//! repeats most of its words, and a compound analysis costs microseconds. Answers are also
//! kept in the cleaner's [`Cache`] for the next document.

use std::cell::RefCell;
use std::sync::Arc;

use rustc_hash::FxHashMap;

use super::channel::CHANNEL;
use super::{Cache, Memo};
use crate::lexicon::Entry;
use crate::Lexicon;

pub(crate) struct Lexical<'a, 't> {
    lex: &'a Lexicon,
    shared: &'a Cache,
    list: RefCell<FxHashMap<&'t str, Option<Entry>>>,
    compound: RefCell<FxHashMap<&'t str, Parts>>,
}

impl<'a, 't> Lexical<'a, 't> {
    /// Answers for a document of about `words` distinct spellings.
    pub fn new(lex: &'a Lexicon, shared: &'a Cache, words: usize) -> Lexical<'a, 't> {
        Lexical {
            lex,
            shared,
            list: RefCell::new(FxHashMap::with_capacity_and_hasher(
                words,
                Default::default(),
            )),
            compound: RefCell::new(FxHashMap::with_capacity_and_hasher(
                words,
                Default::default(),
            )),
        }
    }

    pub fn lexicon(&self) -> &'a Lexicon {
        self.lex
    }

    /// [`Lexicon::lookup`], remembered.
    fn entry(&self, w: &'t str) -> Option<Entry> {
        memo(&self.list, &self.shared.entries, w, || self.lex.lookup(w))
    }

    /// [`Lexicon::is_list_word`], remembered.
    pub fn is_list_word(&self, w: &'t str) -> bool {
        self.entry(w).is_some_and(Entry::is_word)
    }

    /// Is `w` a lone word ([`Entry::is_lone`]): in lower case, or capitalised with a capital
    /// the OCR channel never reads as anything else ("Kommunstyrelsen", not "Sida": "S" is
    /// read for "5"), so that its look-alikes are those of the lower-case word, which the
    /// flag speaks of? (A capitalised word the list has in its own right, a name, has its
    /// own entry, never flagged.) Not with user words: the flags speak of the built-in
    /// lexicon alone, and a user's entry may make another form a look-alike.
    pub fn is_lone(&self, w: &'t str) -> bool {
        let mut chars = w.chars();
        let first = chars
            .next()
            .is_none_or(|c| !c.is_uppercase() || CHANNEL.reads_as_itself(c));
        let plain = first && !chars.any(char::is_uppercase);
        !self.lex.has_user_words() && plain && self.entry(w).is_some_and(Entry::is_lone)
    }

    /// [`Lexicon::is_word`] of a string not in the document (a joined word), remembered
    /// across documents only.
    pub fn is_word_shared(&self, w: &str) -> bool {
        Cache::get(&self.shared.entries, w, || self.lex.lookup(w)).is_some_and(Entry::is_word)
            || Cache::get(&self.shared.compounds, w, || parts(self.lex, w)).is_some()
    }

    /// Is `w` accepted as a compound ([`Lexicon::compound`]), remembered.
    pub fn is_compound(&self, w: &'t str) -> bool {
        self.compound_parts(w).is_some()
    }

    /// The parts of `w` if it is a compound ([`Lexicon::compound`]), remembered.
    pub fn compound_parts(&self, w: &'t str) -> Parts {
        memo(&self.compound, &self.shared.compounds, w, || {
            parts(self.lex, w)
        })
    }
}

/// A compound's parts ([`crate::lexicon::Compound::parts`]), if the token is one.
pub(crate) type Parts = Option<Arc<[String]>>;

pub(crate) fn parts(lex: &Lexicon, w: &str) -> Parts {
    lex.compound(w).map(|c| c.parts.into())
}

fn memo<'t, T: Clone>(
    map: &RefCell<FxHashMap<&'t str, T>>,
    shared: &Memo<T>,
    w: &'t str,
    f: impl FnOnce() -> T,
) -> T {
    if let Some(v) = map.borrow().get(w) {
        return v.clone();
    }
    let v = Cache::get(shared, w, f);
    map.borrow_mut().insert(w, v.clone());
    v
}
