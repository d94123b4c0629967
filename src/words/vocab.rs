//! The context words of one document, interned: each distinct word is looked up in the
//! corpus model and reduced to its skeleton once, however often the document uses it.

use rustc_hash::FxHashMap;

use super::context::{Key, Model};
use crate::lexicon::skeleton::skeleton_into;

/// An interned context word.
pub(crate) type Ix = u32;

#[derive(Default)]
pub(crate) struct Vocab {
    words: Vec<String>,
    keys: Vec<Key>,
    /// Skeleton id of each word: spellings that differ only by diacritics share one.
    skeletons: Vec<u32>,
    by_word: FxHashMap<String, Ix>,
    by_skeleton: FxHashMap<String, u32>,
    buf: String,
}

impl Vocab {
    /// The index of context key `word` (lower case, or a marker such as "<num>").
    pub fn intern(&mut self, model: &Model, word: &str) -> Ix {
        if let Some(&i) = self.by_word.get(word) {
            return i;
        }
        let i = self.words.len() as Ix;
        self.buf.clear();
        skeleton_into(word, &mut self.buf);
        let next = self.by_skeleton.len() as u32;
        let s = *self.by_skeleton.entry(self.buf.clone()).or_insert(next);
        self.words.push(word.to_string());
        self.keys.push(model.key(word));
        self.skeletons.push(s);
        self.by_word.insert(word.to_string(), i);
        i
    }

    pub fn word(&self, i: Ix) -> &str {
        &self.words[i as usize]
    }

    pub fn key(&self, i: Ix) -> Key {
        self.keys[i as usize]
    }

    pub fn skeleton(&self, i: Ix) -> u32 {
        self.skeletons[i as usize]
    }
}
