//! The string hash of the n-gram vocabulary table, shared with the build script (which lays
//! the table out) so that both sides agree on every slot.

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
