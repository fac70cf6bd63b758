//! A hash map for short keys that input cannot choose to collide.

use std::collections::HashMap;

/// A `HashMap` hashed by foldhash, a fast hash for short keys (`victim.age`, a country
/// code). The standard library's SipHash resists keys chosen to collide, at a cost larger
/// than the rest of a lookup; foldhash is seeded at random per process and per map, but
/// makes no such promise: use this map only where no collision can be forced into a
/// table: a table built from data files (a key read from a case is only looked up), or
/// one whose keys are few by construction (two-letter codes).
pub type FastMap<K, V> = HashMap<K, V, foldhash::fast::RandomState>;
