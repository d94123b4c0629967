//! The hashes of the n-gram table (words, word pairs), shared with the build script (which
//! lays the table out) so that both sides agree on every slot.

/// The hash of a word pair (by ids), for the pair table's slots.
pub fn pair_hash(a: u32, b: u32) -> u64 {
    let mut h = (u64::from(a) << 32 | u64::from(b)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    h ^= h >> 29;
    h = h.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h ^ (h >> 32)
}

/// FNV-1a over the bytes, finished with MurmurHash3's 64-bit mixer so that the low bits
/// (the slot) depend on every byte; never 0, which marks an empty slot.
pub fn hash(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^= h >> 33;
    h | 1
}
