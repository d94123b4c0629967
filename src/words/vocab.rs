//! The context words of one document, interned: each distinct word is reduced to its
//! skeleton once, and looked up in the corpus model once if it is ever needed as context
//! (most words never are: only the neighbours of a word in question).

use std::cell::OnceCell;
use std::rc::Rc;

use rustc_hash::FxHashMap;

use super::context::{Key, Model};
use crate::lexicon::skeleton::skeleton_into;

/// An interned context word.
pub(crate) type Ix = u32;

pub(crate) struct Vocab {
    words: Vec<Rc<str>>,
    keys: Vec<OnceCell<Key>>,
    /// Skeleton id of each word: spellings that differ only by diacritics share one.
    skeletons: Vec<u32>,
    by_word: FxHashMap<Rc<str>, Ix>,
    by_skeleton: FxHashMap<String, u32>,
    buf: String,
}

impl Vocab {
    /// Room for about `n` words without growing.
    pub fn with_capacity(n: usize) -> Vocab {
        Vocab {
            words: Vec::with_capacity(n),
            keys: Vec::with_capacity(n),
            skeletons: Vec::with_capacity(n),
            by_word: FxHashMap::with_capacity_and_hasher(n, Default::default()),
            by_skeleton: FxHashMap::with_capacity_and_hasher(n, Default::default()),
            buf: String::new(),
        }
    }

    /// The index of context key `word` (lower case, or a marker such as "<num>").
    pub fn intern(&mut self, word: &str) -> Ix {
        if let Some(&i) = self.by_word.get(word) {
            return i;
        }
        let i = self.words.len() as Ix;
        self.buf.clear();
        skeleton_into(word, &mut self.buf);
        let s = match self.by_skeleton.get(&self.buf) {
            Some(&s) => s,
            None => {
                let s = self.by_skeleton.len() as u32;
                self.by_skeleton.insert(self.buf.clone(), s);
                s
            }
        };
        let word: Rc<str> = word.into();
        self.words.push(word.clone());
        self.keys.push(OnceCell::new());
        self.skeletons.push(s);
        self.by_word.insert(word, i);
        i
    }

    /// The model's key of word `i`.
    pub fn key(&self, model: &Model, i: Ix) -> Key {
        *self.keys[i as usize].get_or_init(|| model.key(&self.words[i as usize]))
    }

    pub fn skeleton(&self, i: Ix) -> u32 {
        self.skeletons[i as usize]
    }
}
