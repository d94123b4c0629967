//! The context words of one document, interned: each distinct word is stored once, looked up
//! in the corpus model once if it is ever needed as context, and reduced to its skeleton
//! once if the document's word pairs are ever counted (most words are never needed as
//! either: only the neighbours of a word in question, and pairs only on a damaged page).

use std::cell::{OnceCell, RefCell};

use super::context::{Key, Model};
use super::strings::Strings;
use crate::lexicon::is_lower_case;
use crate::lexicon::skeleton::skeleton_into;

/// An interned context word.
pub(crate) type Ix = u32;

pub(crate) struct Vocab {
    words: Strings,
    keys: Vec<OnceCell<Key>>,
    /// Skeleton id of each word: spellings that differ only by diacritics share one.
    skeletons: Vec<OnceCell<u32>>,
    /// The distinct skeletons, numbered.
    by_skeleton: RefCell<Strings>,
    /// Scratch space for a lower-cased word or a skeleton.
    buf: RefCell<String>,
}

impl Vocab {
    /// Room for about `n` words without growing.
    pub fn with_capacity(n: usize) -> Vocab {
        Vocab {
            words: Strings::with_capacity(n),
            keys: Vec::with_capacity(n),
            skeletons: Vec::with_capacity(n),
            by_skeleton: RefCell::default(),
            buf: RefCell::default(),
        }
    }

    /// The index of context key `word` (lower case, or a marker such as "<num>").
    pub fn intern(&mut self, word: &str) -> Ix {
        let (i, new) = self.words.intern(word);
        if new {
            self.keys.push(OnceCell::new());
            self.skeletons.push(OnceCell::new());
        }
        i
    }

    pub fn word(&self, i: Ix) -> &str {
        self.words.get(i)
    }

    /// The index of the context key of `token`: the token in lower case
    /// ([`super::context::key`]), with no allocation unless it has a capital beyond ASCII.
    pub fn intern_lowered(&mut self, token: &str) -> Ix {
        if is_lower_case(token) {
            return self.intern(token);
        }
        if !token.is_ascii() {
            return self.intern(&super::context::key(token));
        }
        let lower = {
            let mut buf = self.buf.borrow_mut();
            buf.clear();
            buf.push_str(token);
            buf.make_ascii_lowercase();
            std::mem::take(&mut *buf)
        };
        let i = self.intern(&lower);
        *self.buf.borrow_mut() = lower;
        i
    }

    /// The model's key of word `i`.
    pub fn key(&self, model: &Model, i: Ix) -> Key {
        *self.keys[i as usize].get_or_init(|| model.key(self.word(i)))
    }

    /// The skeleton id of word `i`, worked out the first time it is asked for.
    pub fn skeleton(&self, i: Ix) -> u32 {
        *self.skeletons[i as usize].get_or_init(|| {
            let mut buf = self.buf.borrow_mut();
            buf.clear();
            skeleton_into(self.word(i), &mut buf);
            let mut skeletons = self.by_skeleton.borrow_mut();
            if skeletons.is_empty() {
                // Asked for one, the page's pairs are counted: room for every word's.
                *skeletons = Strings::with_capacity(self.keys.len());
            }
            skeletons.intern(&buf).0
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_is_interned_once_in_lower_case_and_skeletons_group_spellings() {
        let mut v = Vocab::with_capacity(4);
        let boras = v.intern_lowered("Boras");
        assert_eq!(v.intern("boras"), boras);
        assert_eq!(v.intern_lowered("BORAS"), boras);
        let boraas = v.intern_lowered("BORÅS");
        assert_eq!(v.intern("borås"), boraas);
        assert_eq!(v.intern_lowered("borås"), boraas);
        assert_eq!(v.intern_lowered("Borås"), boraas);
        assert_ne!(boras, boraas);
        assert_eq!(v.skeleton(boras), v.skeleton(boraas));
        let stad = v.intern_lowered("Stad");
        assert_ne!(v.skeleton(stad), v.skeleton(boras));
    }
}
