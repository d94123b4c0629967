//! The skeleton map laid out as one flat array, for the candidate walk.
//!
//! The walk of module `words::candidates` follows one byte at a time from thousands of nodes
//! per token. In the `fst` encoding each step decodes a node's header, its packed
//! transition table and a variable-width address and output; here a node is a few `u32`s in
//! a row, and a transition is one of them. The map's values are the same: the sum of the
//! outputs along a path, plus the final output of the node it ends at.
//!
//! # Layout
//! Little-endian `u32`s: a header `[MAGIC, words, 0, 0]`, then `words` words holding the
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
//! a node). The forms map stays an `fst`: it is read by exact lookups and prefix walks of
//! one word at a time.

/// Marks the layout.
pub const MAGIC: u32 = 0x7472_6932;

/// A node of the trie: its offset in the array.
pub type Node = u32;

/// Head flag: a key ends at the node.
const FINAL: u32 = 1 << 9;
/// Head flag: the transitions' outputs follow them (else all are 0).
const OUTPUTS: u32 = 1 << 10;
/// Head flag: the node's final output follows (else it is 0).
const FINAL_OUTPUT: u32 = 1 << 11;
/// Head bits of the number of transitions.
const COUNT: u32 = (1 << 9) - 1;
/// Bits of a transition that name the next node.
const TARGET: u32 = (1 << 24) - 1;

/// The flat trie, read in place.
#[derive(Clone, Copy)]
pub struct Trie<'a> {
    words: &'a [u32],
}

impl<'a> Trie<'a> {
    /// The root node.
    pub const ROOT: Node = 0;

    /// Opens a trie [`flatten`] wrote; `data` must be 4-byte aligned.
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
        }
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

/// Lays out the `fst` map `fst` as a flat trie (the build script's half; the library's tests
/// use it too).
#[cfg_attr(not(test), allow(dead_code))]
pub fn flatten<D: AsRef<[u8]>>(fst: &fst::raw::Fst<D>) -> Vec<u8> {
    use std::collections::HashMap;
    // Order the nodes depth first, children in byte order.
    let mut seen: HashMap<fst::raw::CompiledAddr, usize> = HashMap::new();
    let mut order = Vec::new();
    let mut stack = vec![fst.root().addr()];
    while let Some(addr) = stack.pop() {
        if seen.contains_key(&addr) {
            continue;
        }
        seen.insert(addr, order.len());
        order.push(addr);
        let node = fst.node(addr);
        let mut next: Vec<_> = node.transitions().map(|t| t.addr).collect();
        next.reverse();
        stack.extend(next.into_iter().filter(|a| !seen.contains_key(a)));
    }
    // Each node's size, then its offset.
    let size = |addr| {
        let node = fst.node(addr);
        let k = node.len();
        let outputs = node.transitions().any(|t| t.out.value() != 0);
        let final_out = node.is_final() && node.final_output().value() != 0;
        1 + k + if outputs { 2 * k } else { 0 } + if final_out { 2 } else { 0 }
    };
    let mut offset: HashMap<fst::raw::CompiledAddr, u32> = HashMap::new();
    let mut at = 0usize;
    for &addr in &order {
        offset.insert(addr, at as u32);
        at += size(addr);
    }
    assert!(at <= TARGET as usize, "node offsets fit 24 bits");
    let mut words: Vec<u32> = Vec::with_capacity(at);
    for &addr in &order {
        let node = fst.node(addr);
        let k = node.len();
        assert!(k <= COUNT as usize);
        let outputs = node.transitions().any(|t| t.out.value() != 0);
        let final_out = node.is_final() && node.final_output().value() != 0;
        let mut head = k as u32;
        for (flag, on) in [
            (FINAL, node.is_final()),
            (OUTPUTS, outputs),
            (FINAL_OUTPUT, final_out),
        ] {
            if on {
                head |= flag;
            }
        }
        words.push(head);
        for t in node.transitions() {
            words.push(u32::from(t.inp) << 24 | offset[&t.addr]);
        }
        let mut push64 = |v: u64| {
            words.push(v as u32);
            words.push((v >> 32) as u32);
        };
        if outputs {
            for t in node.transitions() {
                push64(t.out.value());
            }
        }
        if final_out {
            push64(node.final_output().value());
        }
    }
    debug_assert_eq!(words.len(), at);
    let mut out = Vec::with_capacity(16 + 4 * words.len());
    for v in [MAGIC, words.len() as u32, 0, 0].into_iter().chain(words) {
        out.extend(v.to_le_bytes());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let root: Vec<u8> = trie.children(Trie::ROOT).map(|(b, _, _)| b).collect();
        assert_eq!(root, b"abx");
        assert_eq!(trie.child(Trie::ROOT, b'c'), None);
    }

    /// A node with more transitions than a short scan covers (searched by halves), final
    /// or not.
    #[test]
    fn a_wide_node_finds_every_transition() {
        for final_node in [true, false] {
            let mut keys: Vec<(String, u64)> = (b'a'..=b'y')
                .step_by(2)
                .map(|b| (format!("q{}", b as char), u64::from(b)))
                .collect();
            if final_node {
                keys.insert(0, ("q".to_string(), 99));
            }
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
            assert_eq!(trie.get(b"q\0"), None);
        }
    }
}
