//! The skeleton map laid out as flat arrays, for the candidate walk.
//!
//! The walk of module `words::candidates` follows one byte at a time from thousands of nodes
//! per token. In the `fst` encoding each step decodes a node's header, its packed
//! transition table and a variable-width address and output; here a node is a range of a
//! sorted array of fixed-size records, and a transition is one record. The map's values are the
//! same: the sum of the outputs along a path, plus the final output of the node it ends at.
//!
//! # Layout
//! Little-endian, built by [`flatten`] (at build time, from the map the build writes):
//! a header of `u32`s `[MAGIC, nodes, records, 0]`; `first[nodes + 1]` (`u32`: node `n`'s
//! records are `first[n]..first[n + 1]`), padded to 8 bytes; then the records, two `u64`s
//! each: `byte << 24 | target node`, and the output. A node's records are sorted by byte; a
//! final node's first record has byte 0 (which no skeleton holds) and carries the final
//! output. Nodes are numbered depth first from the root (0), so a walk's next nodes are
//! mostly near.
//!
//! # Performance considerations
//! A step reads a node's two bounds and then its records, which share a cache line in most
//! nodes (1.7 transitions on average); whether the node is final comes with them. Against
//! the `fst` encoding the walk takes about a quarter fewer instructions (callgrind), and the
//! word stage on damaged text it has not seen runs about 1.15 times as fast
//! (`benches/words.rs`). The price is size: 16 bytes a transition and 4 a node, 9.4 MB for
//! the skeleton map's 282,000 nodes against 3.3 MB as an `fst`. The forms map stays an
//! `fst`: flattened it would take 16 MB for 3 % fewer instructions. (Measured with callgrind
//! set to this machine's 2 MB second-level cache, cache misses are under a tenth of the
//! walk's cost; it is bound by instructions.)

/// Marks the layout.
pub const MAGIC: u32 = 0x7472_6966;

/// A node of the trie.
pub type Node = u32;

/// The flat trie, read in place.
#[derive(Clone, Copy)]
pub struct Trie<'a> {
    first: &'a [u32],
    /// `[key, output]` per record.
    records: &'a [[u64; 2]],
}

impl<'a> Trie<'a> {
    /// The root node.
    pub const ROOT: Node = 0;

    /// Opens a trie [`flatten`] wrote; `data` must be 8-byte aligned.
    pub fn new(data: &'a [u8]) -> Trie<'a> {
        let header: &[u32] = bytemuck::cast_slice(&data[..16]);
        assert_eq!(header[0], MAGIC, "a flat trie, in this byte order");
        let (nodes, records) = (header[1] as usize, header[2] as usize);
        let first_end = 16 + 4 * (nodes + 1);
        let records_start = first_end.next_multiple_of(8);
        assert_eq!(
            data.len(),
            records_start + 16 * records,
            "flat trie has the size its header says"
        );
        Trie {
            first: bytemuck::cast_slice(&data[16..first_end]),
            records: bytemuck::cast_slice(&data[records_start..]),
        }
    }

    fn records(&self, n: Node) -> &'a [[u64; 2]] {
        let (a, z) = (self.first[n as usize], self.first[n as usize + 1]);
        &self.records[a as usize..z as usize]
    }

    /// The final output of `n`, if a key ends there.
    #[inline]
    pub fn final_output(&self, n: Node) -> Option<u64> {
        match self.records(n).first() {
            Some(&[key, out]) if key >> 24 == 0 => Some(out),
            _ => None,
        }
    }

    /// The node after `n` on `byte` (not 0), with the transition's output.
    /// The transition on `byte` from `n`: a scan of a small node's records, a binary search
    /// of a wide one's (the root's and its near children's, which every walk passes).
    #[inline]
    pub fn child(&self, n: Node, byte: u8) -> Option<(Node, u64)> {
        let records = self.records(n);
        if records.len() > 8 {
            // A node near the root: its records are searched by halves.
            let at = records
                .binary_search_by_key(&byte, |r| (r[0] >> 24) as u8)
                .ok()?;
            let [key, out] = records[at];
            return Some((key as u32 & 0xff_ffff, out));
        }
        for &[key, out] in records {
            let b = (key >> 24) as u8;
            if b == byte {
                return Some((key as u32 & 0xff_ffff, out));
            }
            if b > byte {
                return None;
            }
        }
        None
    }

    /// Every transition of `n`: byte, next node, output.
    #[inline]
    pub fn children(&self, n: Node) -> impl Iterator<Item = (u8, Node, u64)> + 'a {
        self.records(n)
            .iter()
            .filter(|r| r[0] >> 24 != 0)
            .map(|&[key, out]| ((key >> 24) as u8, key as u32 & 0xff_ffff, out))
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
    // Number the nodes depth first, children in byte order.
    let mut id: HashMap<fst::raw::CompiledAddr, u32> = HashMap::new();
    let mut order = Vec::new();
    let mut stack = vec![fst.root().addr()];
    while let Some(addr) = stack.pop() {
        if id.contains_key(&addr) {
            continue;
        }
        id.insert(addr, order.len() as u32);
        order.push(addr);
        let node = fst.node(addr);
        let mut next: Vec<_> = node.transitions().map(|t| t.addr).collect();
        next.reverse();
        stack.extend(next.into_iter().filter(|a| !id.contains_key(a)));
    }
    assert!(order.len() < 1 << 24, "node ids fit 24 bits");
    let (mut first, mut records) = (vec![0u32], Vec::<[u64; 2]>::new());
    for &addr in &order {
        let node = fst.node(addr);
        if node.is_final() {
            records.push([0, node.final_output().value()]);
        }
        for t in node.transitions() {
            assert!(t.inp != 0, "no key holds a NUL byte");
            records.push([
                u64::from(t.inp) << 24 | u64::from(id[&t.addr]),
                t.out.value(),
            ]);
        }
        first.push(records.len() as u32);
    }
    let mut out = Vec::new();
    for v in [MAGIC, order.len() as u32, records.len() as u32, 0] {
        out.extend(v.to_le_bytes());
    }
    out.extend(first.iter().flat_map(|v| v.to_le_bytes()));
    out.resize(out.len().next_multiple_of(8), 0);
    out.extend(records.iter().flatten().flat_map(|v| v.to_le_bytes()));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `bytes` in 8-byte words: the reader wants 8-byte alignment, as the embedded copy has.
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
