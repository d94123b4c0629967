//! The writer of the flat trie of module `trie`: the build script's half, compiled into the
//! build script and the library's tests only, so that the library itself needs no `fst`.

use super::trie::{COUNT, FINAL, FINAL_OUTPUT, MAGIC, OUTPUTS, TARGET};

/// Lays out the `fst` map `fst` as a flat trie.
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
    let keys = u32::try_from(fst.len()).expect("keys fit 32 bits");
    for v in [MAGIC, words.len() as u32, keys, 0]
        .into_iter()
        .chain(words)
    {
        out.extend(v.to_le_bytes());
    }
    out
}
