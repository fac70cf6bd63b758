//! A case's facts by key: a sorted list, each fact with its slot in the vocabulary.

use super::*;

use std::cell::RefCell;

/// A case's facts by key, in key order: a sorted list rather than a `BTreeMap`. A case
/// holds a few dozen facts at most, built at once and then only read (batch analysis builds
/// and drops one per record): one allocation instead of a tree of nodes, and a binary
/// search to find a key, as the tree does.
#[derive(Clone, Default)]
pub(super) struct FactMap(pub(super) Vec<(Key, Fact)>);

/// A fact's key: the vocabulary's, interned ([`crate::facts::vocabulary::intern`]), or a text of
/// its own for a key the vocabulary does not declare.
pub(super) type Key = Cow<'static, str>;

/// A fact's value, and the fact's position in the vocabulary the case was read with
/// ([`Vocabulary::slot`]; `None` for a key it does not declare), found once when the fact
/// is read so that the engine can lay the facts out by position without looking each key
/// up again (see [`Case::iter_with_slots`]).
#[derive(Clone)]
pub(super) struct Fact {
    pub(super) value: Value,
    pub(super) slot: Option<usize>,
}

/// Facts are equal when their keys and values are: the slot only follows from the key.
impl PartialEq for FactMap {
    fn eq(&self, other: &Self) -> bool {
        self.iter().eq(other.iter())
    }
}

impl FactMap {
    /// From facts read with `vocab`, in any order: as inserting them one by one (the last of
    /// equal keys kept). Each fact's slot, when it has one, must be its key's in `vocab`
    /// (as [`CaseReader`] finds them): facts are then put in key order by their ranks
    /// ([`Vocabulary::key_rank`]), two numbers compared rather than two texts. `in_order`:
    /// the facts are known to be in strictly increasing key order already.
    pub(super) fn from_read(
        mut pairs: Vec<(Key, Fact)>,
        vocab: &Vocabulary,
        in_order: bool,
    ) -> Self {
        if !in_order {
            sort_keeping_last_by(&mut pairs, |(a, fa), (b, fb)| match (fa.slot, fb.slot) {
                (Some(x), Some(y)) => vocab.key_rank(x).cmp(&vocab.key_rank(y)),
                _ => a.cmp(b),
            });
        }
        Self(pairs)
    }

    pub(super) fn position(&self, key: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|(k, _)| k.as_ref().cmp(key))
    }

    /// The value of `key`. Looked up by equality, in order, rather than by a binary search:
    /// most keys differ in length from the one sought, and their lengths are compared
    /// without a call, whereas each step of the search compares texts (a call to `memcmp`).
    /// With the few dozen facts of a case, measured (callgrind, a batch of 10,000 cases,
    /// where every case is read by key some 30 times) to save about 4,000 instructions a
    /// case. Inserting still finds its place by a binary search, to keep the keys in order.
    pub(super) fn get(&self, key: &str) -> Option<&Value> {
        self.0
            .iter()
            .find(|(k, _)| k.as_ref() == key)
            .map(|(_, f)| &f.value)
    }

    pub(super) fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    /// Sets `key`, at position `slot` of the vocabulary, to `value`.
    pub(super) fn insert(&mut self, key: Key, slot: Option<usize>, value: Value) {
        let fact = Fact { value, slot };
        match self.position(&key) {
            Ok(i) => self.0[i].1 = fact,
            Err(i) => self.0.insert(i, (key, fact)),
        }
    }

    pub(super) fn remove(&mut self, key: &str) {
        if let Ok(i) = self.position(key) {
            self.0.remove(i);
        }
    }

    pub(super) fn iter(&self) -> impl Iterator<Item = (&str, &Value)> {
        self.0.iter().map(|(k, f)| (k.as_ref(), &f.value))
    }
}

/// Sorts pairs by key, keeping the last of equal keys: what inserting them one by one into
/// a map keeps. Pairs already in strictly increasing key order (the usual case) are left as
/// they are.
pub fn sort_keeping_last<K: Ord, V>(pairs: &mut Vec<(K, V)>) {
    sort_keeping_last_by(pairs, |a, b| a.0.cmp(&b.0));
}

/// As [`sort_keeping_last`], the keys in the order of `cmp`.
fn sort_keeping_last_by<T>(pairs: &mut Vec<T>, cmp: impl Fn(&T, &T) -> std::cmp::Ordering) {
    if !pairs.is_sorted_by(|a, b| cmp(a, b).is_lt()) {
        // A stable sort keeps equal keys in the order given; reversed, `dedup_by` keeps the
        // first of each run, that is the last given.
        pairs.sort_by(&cmp);
        pairs.reverse();
        pairs.dedup_by(|later, kept| cmp(later, kept).is_eq());
        pairs.reverse();
    }
}

thread_local! {
    /// Lists of facts emptied when their case was dropped, kept for the next case read on
    /// this thread ([`FactMap::spare_list`]). A case's list (32 facts of 72 bytes) is larger
    /// than mimalloc's small blocks (1 KiB) and was served through its slower path for
    /// every record of a batch (callgrind: some 250 instructions a case to allocate it).
    static SPARE: RefCell<Vec<Vec<(Key, Fact)>>> = const { RefCell::new(Vec::new()) };
}

/// At most so many emptied lists kept per thread.
const SPARE_MOST: usize = 4;
#[cfg(test)]
pub(super) const SPARE_MOST_FOR_TESTS: usize = SPARE_MOST;
/// The room a case is read into: a few dozen facts at most.
const ROOM: usize = 32;

impl FactMap {
    /// An empty list with room for the facts of a case: one emptied by a case dropped on
    /// this thread, or a new one.
    pub(super) fn spare_list() -> Vec<(Key, Fact)> {
        SPARE
            .try_with(|spare| spare.try_borrow_mut().ok()?.pop())
            .ok()
            .flatten()
            .unwrap_or_else(|| Vec::with_capacity(ROOM))
    }
}

/// A case's list of facts, emptied, is kept for the next case read on this thread (see
/// [`SPARE`]): only one with the room of a case read (not a copy's, made to its length).
impl Drop for FactMap {
    fn drop(&mut self) {
        if !(ROOM..=4 * ROOM).contains(&self.0.capacity()) {
            return;
        }
        let mut list = std::mem::take(&mut self.0);
        list.clear();
        // While the thread ends, or if the list is in use, the list is simply freed.
        let _ = SPARE.try_with(|spare| {
            if let Ok(mut spare) = spare.try_borrow_mut() {
                if spare.len() < SPARE_MOST {
                    spare.push(list);
                }
            }
        });
    }
}

/// As a map (what `BTreeMap` shows).
impl std::fmt::Debug for FactMap {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}
