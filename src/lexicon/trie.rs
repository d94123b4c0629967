//! The lexicon's maps (forms, and their skeletons) laid out as flat arrays.
//!
//! The walk of module `words::candidates` follows one byte at a time from thousands of nodes
//! per token. In the `fst` encoding each step decodes a node's header, its packed
//! transition table and a variable-width address and output; here a node is a few `u32`s in
//! a row, and a transition is one of them. The map's values are the same: the sum of the
//! outputs along a path, plus the final output of the node it ends at.
//!
//! # Layout
//! Little-endian `u32`s: a header `[MAGIC, words, keys, 0]`, then `words` words holding the
//! nodes one after another, each at the offset that names it (the root at 0):
//! - a head: the number of transitions `k` (bits 0-8), and the flags [`FINAL`],
//!   [`OUTPUTS`] (the transitions carry outputs) and [`FINAL_OUTPUT`] (the node carries one);
//! - `k` transitions, sorted by byte: `byte << 24 | offset of the next node`;
//! - with [`OUTPUTS`], the `k` outputs, two words each (low, high); without, they are 0;
//! - with [`FINAL_OUTPUT`], the final output, two words.
//!
//! Nodes are laid out depth first from the root, so a walk's next nodes are mostly near.
//!
//! # Performance considerations
//! The walk is bound by memory more than by instructions: most of its time waits for a
//! node's first bytes. So a node keeps its head, its transitions and their outputs
//! together, in one cache line for most nodes (1.7 transitions on average), and leaves out
//! outputs that are all 0 (most nodes below a word's first letters) and the final output of
//! the skeleton map (always 0: the `fst` builder moves outputs to the transitions). The
//! skeleton map's 284,000 nodes take 5.3 MB (an `fst` takes 3.3 MB; an earlier layout of
//! 16-byte transitions and a separate array of node bounds took 9.4 MB and two cache lines
//! a node). The forms map takes 7.8 MB against 3.7 MB as an `fst`, whose lookups decoded
//! each node: clean text, whose time goes to first lookups of new tokens, runs 6 % faster.

/// Marks the layout.
pub const MAGIC: u32 = 0x7472_6932;

/// A node of the trie: its offset in the array.
pub type Node = u32;

/// Head flag: a key ends at the node.
pub(crate) const FINAL: u32 = 1 << 9;
/// Head flag: the transitions' outputs follow them (else all are 0).
pub(crate) const OUTPUTS: u32 = 1 << 10;
/// Head flag: the node's final output follows (else it is 0).
pub(crate) const FINAL_OUTPUT: u32 = 1 << 11;
/// Head bits of the number of transitions.
pub(crate) const COUNT: u32 = (1 << 9) - 1;
/// Bits of a transition that name the next node.
pub(crate) const TARGET: u32 = (1 << 24) - 1;

/// The flat trie, read in place.
#[derive(Clone, Copy)]
pub struct Trie<'a> {
    words: &'a [u32],
    keys: usize,
}

impl<'a> Trie<'a> {
    /// The root node.
    pub const ROOT: Node = 0;

    /// Opens a trie that `flatten::flatten` wrote (at build time); `data` must be 4-byte
    /// aligned.
    pub fn new(data: &'a [u8]) -> Trie<'a> {
        let header: &[u32] = bytemuck::cast_slice(&data[..16]);
        assert_eq!(header[0], MAGIC, "a flat trie, in this byte order");
        let words = header[1] as usize;
        assert_eq!(
            data.len(),
            16 + 4 * words,
            "flat trie has the size its header says"
        );
        Trie {
            words: bytemuck::cast_slice(&data[16..]),
            keys: header[2] as usize,
        }
    }

    /// Number of keys.
    pub fn len(&self) -> usize {
        self.keys
    }

    /// Calls `f(key, value)` for every key, in byte order.
    #[cfg(test)]
    pub fn for_each_key(&self, mut f: impl FnMut(&[u8], u64)) {
        fn walk(t: &Trie, n: Node, acc: u64, key: &mut Vec<u8>, f: &mut dyn FnMut(&[u8], u64)) {
            if let Some(out) = t.final_output(n) {
                f(key, acc.wrapping_add(out));
            }
            for (b, next, out) in t.children(n) {
                key.push(b);
                walk(t, next, acc.wrapping_add(out), key, f);
                key.pop();
            }
        }
        walk(self, Self::ROOT, 0, &mut Vec::new(), &mut f);
    }

    /// The head of `n` and its transitions.
    #[inline(always)]
    fn node(&self, n: Node) -> (u32, &'a [u32]) {
        let n = n as usize;
        let head = self.words[n];
        let k = (head & COUNT) as usize;
        (head, &self.words[n + 1..n + 1 + k])
    }

    /// The output of transition `i` of `n` (whose head is `head`).
    #[inline(always)]
    fn output(&self, n: Node, head: u32, i: usize) -> u64 {
        if head & OUTPUTS == 0 {
            return 0;
        }
        let at = n as usize + 1 + (head & COUNT) as usize + 2 * i;
        u64::from(self.words[at]) | u64::from(self.words[at + 1]) << 32
    }

    /// The final output of `n`, if a key ends there.
    #[inline]
    pub fn final_output(&self, n: Node) -> Option<u64> {
        let head = self.words[n as usize];
        if head & FINAL == 0 {
            return None;
        }
        if head & FINAL_OUTPUT == 0 {
            return Some(0);
        }
        let k = (head & COUNT) as usize;
        let outputs = if head & OUTPUTS != 0 { 2 * k } else { 0 };
        let at = n as usize + 1 + k + outputs;
        Some(u64::from(self.words[at]) | u64::from(self.words[at + 1]) << 32)
    }

    /// The transition on `byte` from `n`: the next node and the transition's output. A scan
    /// of a small node's transitions, a search by halves of a wide one's (the root's and its
    /// near children's, which every walk passes).
    #[inline]
    pub fn child(&self, n: Node, byte: u8) -> Option<(Node, u64)> {
        let (head, keys) = self.node(n);
        let at = if keys.len() > 8 {
            keys.binary_search_by_key(&byte, |&t| (t >> 24) as u8)
                .ok()?
        } else {
            let mut found = None;
            for (i, &t) in keys.iter().enumerate() {
                let b = (t >> 24) as u8;
                if b >= byte {
                    found = (b == byte).then_some(i);
                    break;
                }
            }
            found?
        };
        Some((keys[at] & TARGET, self.output(n, head, at)))
    }

    /// Every transition of `n`: byte, next node, output.
    #[inline]
    pub fn children(&self, n: Node) -> impl Iterator<Item = (u8, Node, u64)> + 'a {
        let this = *self;
        let (head, keys) = self.node(n);
        keys.iter()
            .enumerate()
            .map(move |(i, &t)| ((t >> 24) as u8, t & TARGET, this.output(n, head, i)))
    }

    /// The node `bytes` lead to from `n`, with `acc` plus the outputs on the way.
    #[inline(always)]
    pub fn follow(&self, mut n: Node, mut acc: u64, bytes: &[u8]) -> Option<(Node, u64)> {
        for &b in bytes {
            let (next, out) = self.child(n, b)?;
            n = next;
            acc = acc.wrapping_add(out);
        }
        Some((n, acc))
    }

    /// The value of `key`, if it is in the map.
    pub fn get(&self, key: &[u8]) -> Option<u64> {
        let (n, acc) = self.follow(Self::ROOT, 0, key)?;
        self.final_output(n).map(|f| acc.wrapping_add(f))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::flatten::flatten;

    /// `bytes` in 8-byte words: the reader wants 4-byte alignment, and the embedded copy has 8.
    fn aligned(bytes: &[u8]) -> Vec<u64> {
        bytes
            .chunks(8)
            .map(|c| {
                let mut b = [0; 8];
                b[..c.len()].copy_from_slice(c);
                u64::from_le_bytes(b)
            })
            .collect()
    }

    /// Flattens a map whose keys share prefixes and suffixes and whose values need outputs
    /// on inner transitions, and reads every key back, and keys that are not in it.
    #[test]
    fn a_flat_trie_holds_the_map_it_was_made_from() {
        let keys = [
            ("a", 7u64),
            ("ab", 0),
            ("abc", 1 << 40),
            ("abd", 3),
            ("b", 12_345_678_901),
            ("bar", 5),
            ("bard", 5),
            ("xyz", 9),
        ];
        let map = fst::Map::from_iter(keys.iter().map(|&(k, v)| (k, v))).unwrap();
        let bytes = flatten(map.as_fst());
        let words = aligned(&bytes);
        let trie = Trie::new(&bytemuck::cast_slice(&words)[..bytes.len()]);
        for (k, v) in keys {
            assert_eq!(trie.get(k.as_bytes()), Some(v), "{k}");
        }
        for k in ["", "c", "abe", "ba", "abcd", "xy"] {
            assert_eq!(trie.get(k.as_bytes()), None, "{k}");
        }
        let mut all = Vec::new();
        trie.for_each_key(|k, v| all.push((String::from_utf8(k.to_vec()).unwrap(), v)));
        let want: Vec<(String, u64)> = keys.iter().map(|&(k, v)| (k.to_string(), v)).collect();
        assert_eq!(all, want, "every key, in order");
        assert_eq!(trie.len(), keys.len());
        let root: Vec<u8> = trie.children(Trie::ROOT).map(|(b, _, _)| b).collect();
        assert_eq!(root, b"abx");
        assert_eq!(trie.child(Trie::ROOT, b'c'), None);
    }

    /// A node with more transitions than a short scan covers (searched by halves), final or
    /// not, with bytes below "a" and beyond "z".
    #[test]
    fn a_wide_node_finds_every_transition() {
        for final_node in [true, false] {
            let mut keys: Vec<(String, u64)> = (b'a'..=b'y')
                .step_by(2)
                .map(|b| (format!("q{}", b as char), u64::from(b)))
                .chain(
                    [("q-", 1), ("q0", 2), ("qä", 3), ("qö", 4)].map(|(k, v)| (k.to_string(), v)),
                )
                .collect();
            if final_node {
                keys.push(("q".to_string(), 99));
            }
            keys.sort();
            let map = fst::Map::from_iter(keys.iter().map(|(k, v)| (k.as_str(), *v))).unwrap();
            let bytes = flatten(map.as_fst());
            let words = aligned(&bytes);
            let trie = Trie::new(&bytemuck::cast_slice(&words)[..bytes.len()]);
            for (k, v) in &keys {
                assert_eq!(trie.get(k.as_bytes()), Some(*v), "{k}");
            }
            for b in (b'b'..=b'z').step_by(2) {
                assert_eq!(trie.get(&[b'q', b]), None, "q{}", b as char);
            }
            for k in ["q\0", "q1", "q.", "qå", "q~"] {
                assert_eq!(trie.get(k.as_bytes()), None, "{k}");
            }
            let mut all = Vec::new();
            trie.for_each_key(|k, v| all.push((String::from_utf8(k.to_vec()).unwrap(), v)));
            assert_eq!(all, keys, "every key, in order");
        }
    }
}
