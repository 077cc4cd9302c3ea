//! A fast hasher for the engine's own maps (facts by kind and unit, names by metric): the
//! standard SipHash resists crafted keys, which a page analysing its own paste does not meet,
//! and cost several per cent of a long text's instructions. This is rustc's Fx hash: a
//! rotate, a xor and a multiply per word.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A `HashMap` hashed with [`Fx`]; iteration order is never relied on.
pub(crate) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<Fx>>;

/// rustc's Fx hasher (as in the `rustc-hash` crate, version 1).
#[derive(Default, Clone, Copy)]
pub(crate) struct Fx(u64);

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl Fx {
    #[inline]
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for Fx {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes([
                c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7],
            ]));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut last = [0u8; 8];
            last[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(last));
        }
    }
    #[inline]
    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }
    #[inline]
    fn write_u32(&mut self, n: u32) {
        self.add(u64::from(n));
    }
    #[inline]
    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }
    #[inline]
    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Keys that differ only in their last bytes, or in length, land apart, and a map keyed
    /// by them finds each.
    #[test]
    fn near_keys_hash_apart_and_are_found() {
        let hash = |s: &str| {
            let mut h = Fx::default();
            h.write(s.as_bytes());
            h.finish()
        };
        assert_ne!(hash("工业增加值"), hash("工业增加"));
        assert_ne!(hash("abcdefgh1"), hash("abcdefgh2"));
        let mut m: FastMap<String, usize> = FastMap::default();
        for i in 0..1000 {
            m.insert(format!("指标{i}"), i);
        }
        assert!((0..1000).all(|i| m[&format!("指标{i}")] == i));
    }
}
