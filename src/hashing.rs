//! A hash map for short keys that input cannot choose to collide.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A `HashMap` hashed by [`KeyHasher`].
pub(crate) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<KeyHasher>>;

/// A fast hash for short keys (`victim.age`, a country code). The standard library's
/// SipHash resists keys chosen to collide, at a cost larger than the rest of a lookup;
/// use this one only where no collision can be forced into a table: a table built from
/// data files (a key read from a case is only looked up), or one whose keys are few by
/// construction (two-letter codes).
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct KeyHasher(u64);

impl KeyHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

impl Hasher for KeyHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            self.add(u64::from_le_bytes(chunk.try_into().expect("8 bytes")));
        }
        // The last few bytes, one by one (a copy of a variable length would call memcpy).
        let mut last = 0u64;
        for (i, b) in chunks.remainder().iter().enumerate() {
            last |= u64::from(*b) << (8 * i);
        }
        self.add(last);
    }

    fn write_u8(&mut self, byte: u8) {
        self.add(u64::from(byte));
    }

    /// Mixes the high bits into the low ones, which pick the bucket (the "fmix64"
    /// finaliser of MurmurHash3).
    fn finish(&self) -> u64 {
        let mut h = self.0;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        h ^ (h >> 33)
    }
}
