//! Strings stored end to end: the interned words of a document, and the keys of the
//! cleaner's memo maps.
//!
//! A map keyed by `String` allocates every key on its own and frees it again when it is
//! dropped; a cleaner meets thousands of distinct tokens a document, and a new cleaner
//! (a run of `putsa` on one file) paid for both. Here the keys of a map share one buffer,
//! and a table of their numbers finds them by hash.

use std::hash::BuildHasher;

use hashbrown::HashTable;
use rustc_hash::FxBuildHasher;

/// Distinct strings, numbered in order of arrival.
#[derive(Default)]
pub(crate) struct Strings {
    text: String,
    ends: Vec<usize>,
    index: HashTable<u32>,
}

impl Strings {
    /// Room for about `n` strings of eight bytes without growing.
    pub fn with_capacity(n: usize) -> Strings {
        Strings {
            text: String::with_capacity(8 * n),
            ends: Vec::with_capacity(n),
            index: HashTable::with_capacity(n),
        }
    }

    /// The number of `s`, and whether it is new.
    pub fn intern(&mut self, s: &str) -> (u32, bool) {
        let hash = FxBuildHasher.hash_one(s);
        let (text, ends) = (&self.text, &self.ends);
        if let Some(&i) = self.index.find(hash, |&i| word_of(text, ends, i) == s) {
            return (i, false);
        }
        let i = self.ends.len() as u32;
        self.text.push_str(s);
        self.ends.push(self.text.len());
        let (text, ends) = (&self.text, &self.ends);
        self.index
            .insert_unique(hash, i, |&j| FxBuildHasher.hash_one(word_of(text, ends, j)));
        (i, true)
    }

    /// String number `i`.
    pub fn get(&self, i: u32) -> &str {
        word_of(&self.text, &self.ends, i)
    }

    /// Are there none?
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }
}

/// String `i` of the strings laid end to end in `text`, ending at `ends`.
fn word_of<'t>(text: &'t str, ends: &[usize], i: u32) -> &'t str {
    let i = i as usize;
    let start = if i == 0 { 0 } else { ends[i - 1] };
    &text[start..ends[i]]
}

/// A map from strings to values, its keys stored end to end: each entry of its table holds
/// where its key lies in the buffer and its value, so that a lookup reads the table and the
/// key's bytes, as a map of `String` keys does (a cleaner's cache grows to tens of thousands
/// of tokens in a batch, and each further read of a large table waits on memory).
#[derive(Clone)]
pub(crate) struct StrMap<T> {
    text: String,
    table: HashTable<(u32, u32, T)>,
}

impl<T> Default for StrMap<T> {
    fn default() -> Self {
        StrMap {
            text: String::new(),
            table: HashTable::new(),
        }
    }
}

impl<T> std::fmt::Debug for StrMap<T> {
    /// The number of keys (a cache holds thousands).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StrMap").field("keys", &self.len()).finish()
    }
}

/// The key of an entry, `len` bytes at `start` of `text`.
fn key_at(text: &str, start: u32, len: u32) -> &str {
    &text[start as usize..(start + len) as usize]
}

/// Is an entry's key (in `text`) `key`? The test of both lookups, `get` and `insert`.
fn keyed<'a, T>(text: &'a str, key: &'a str) -> impl Fn(&(u32, u32, T)) -> bool + 'a {
    move |e| key_at(text, e.0, e.1) == key
}

impl<T> StrMap<T> {
    /// The value of `key`.
    pub fn get(&self, key: &str) -> Option<&T> {
        self.table
            .find(FxBuildHasher.hash_one(key), keyed(&self.text, key))
            .map(|e| &e.2)
    }

    /// Sets the value of `key`.
    pub fn insert(&mut self, key: &str, value: T) {
        let hash = FxBuildHasher.hash_one(key);
        if let Some(e) = self.table.find_mut(hash, keyed(&self.text, key)) {
            e.2 = value;
            return;
        }
        let start = self.text.len() as u32;
        self.text.push_str(key);
        let text = &self.text;
        self.table
            .insert_unique(hash, (start, key.len() as u32, value), |e| {
                FxBuildHasher.hash_one(key_at(text, e.0, e.1))
            });
    }

    /// How many keys there are.
    pub fn len(&self) -> usize {
        self.table.len()
    }

    /// Forgets every key.
    pub fn clear(&mut self) {
        self.text.clear();
        self.table.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_map_finds_what_it_was_given_and_replaces_a_value() {
        let mut m = StrMap::default();
        let words = ["nämnden", "", "Borås", "boras", "a", "nämnd", "nämndens"];
        for (k, w) in words.iter().enumerate() {
            m.insert(w, k);
        }
        for (k, w) in words.iter().enumerate() {
            assert_eq!(m.get(w), Some(&k), "{w:?}");
        }
        assert_eq!(m.get("nämnde"), None);
        m.insert("boras", 99);
        assert_eq!(m.get("boras"), Some(&99));
        assert_eq!(m.len(), words.len());
        let copy = m.clone();
        m.clear();
        assert_eq!(m.get("Borås"), None);
        assert_eq!(copy.get("Borås"), Some(&2));
    }
}
