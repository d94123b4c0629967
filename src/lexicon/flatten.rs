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
    // Each node's layout: transitions, whether they carry outputs, its final output (if a
    // key ends there and it is not 0). Then its offset.
    struct Layout {
        k: usize,
        outputs: bool,
        final_out: Option<u64>,
    }
    let layout = |addr| {
        let node = fst.node(addr);
        Layout {
            k: node.len(),
            outputs: node.transitions().any(|t| t.out.value() != 0),
            final_out: Some(node.final_output().value()).filter(|&v| node.is_final() && v != 0),
        }
    };
    let layouts: Vec<Layout> = order.iter().map(|&addr| layout(addr)).collect();
    let mut offset: HashMap<fst::raw::CompiledAddr, u32> = HashMap::new();
    let mut at = 0usize;
    for (&addr, l) in order.iter().zip(&layouts) {
        offset.insert(addr, at as u32);
        at += 1 + l.k * if l.outputs { 3 } else { 1 } + if l.final_out.is_some() { 2 } else { 0 };
    }
    assert!(at <= TARGET as usize, "node offsets fit 24 bits");
    let mut words: Vec<u32> = Vec::with_capacity(at);
    for (&addr, l) in order.iter().zip(&layouts) {
        let node = fst.node(addr);
        assert!(l.k <= COUNT as usize);
        let mut head = l.k as u32;
        for (flag, on) in [
            (FINAL, node.is_final()),
            (OUTPUTS, l.outputs),
            (FINAL_OUTPUT, l.final_out.is_some()),
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
        if l.outputs {
            for t in node.transitions() {
                push64(t.out.value());
            }
        }
        if let Some(v) = l.final_out {
            push64(v);
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
