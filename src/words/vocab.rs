//! The context words of one document, interned: each distinct word is reduced to its
//! skeleton once, and looked up in the corpus model once if it is ever needed as context
//! (most words never are: only the neighbours of a word in question).

use std::cell::OnceCell;

use rustc_hash::FxHashMap;

use super::context::{Key, Model};
use crate::lexicon::skeleton::skeleton_into;

/// An interned context word.
pub(crate) type Ix = u32;

#[derive(Default)]
pub(crate) struct Vocab {
    words: Vec<String>,
    keys: Vec<OnceCell<Key>>,
    /// Skeleton id of each word: spellings that differ only by diacritics share one.
    skeletons: Vec<u32>,
    by_word: FxHashMap<String, Ix>,
    by_skeleton: FxHashMap<String, u32>,
    buf: String,
}

impl Vocab {
    /// The index of context key `word` (lower case, or a marker such as "<num>").
    pub fn intern(&mut self, word: &str) -> Ix {
        if let Some(&i) = self.by_word.get(word) {
            return i;
        }
        let i = self.words.len() as Ix;
        self.buf.clear();
        skeleton_into(word, &mut self.buf);
        let next = self.by_skeleton.len() as u32;
        let s = *self.by_skeleton.entry(self.buf.clone()).or_insert(next);
        self.words.push(word.to_string());
        self.keys.push(OnceCell::new());
        self.skeletons.push(s);
        self.by_word.insert(word.to_string(), i);
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
