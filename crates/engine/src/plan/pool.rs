//! Buffers reused from case to case on each thread: the facts laid out, the values of the
//! graph's nodes, the statuses and the summaries, which a batch run made and dropped for
//! every case (some ten allocations a case, most of them of a kilobyte or more, which the
//! allocator serves through its slower path and whose pages it retired and took again for
//! every case: callgrind counted some 3,000 instructions a case).
//!
//! A buffer is given back when what holds it is dropped ([`Facts`](super::Facts),
//! [`Prepared`](super::Prepared), [`Summary`](super::Summary)) and taken again, emptied,
//! by the next case on the same thread. At most [`KEPT`] of each kind are kept per thread,
//! so that memory does not grow with the number of cases. Nothing in a buffer outlives its
//! use: it is emptied before it is kept, and the lifetimes of what it held are those of
//! the next user ([`relabel`]).

use std::cell::RefCell;

use super::summary::{ProvisionSummary, SystemSummary};
use crate::Status;
use crate::logic::Tri;
use qualif_law::facts::Value;

/// Buffers of each kind kept per thread, at most.
const KEPT: usize = 4;

struct Pool {
    values: Vec<Vec<Option<&'static Value>>>,
    bits: Vec<Vec<Option<u64>>>,
    slots: Vec<Vec<usize>>,
    tris: Vec<Vec<Tri>>,
    statuses: Vec<Vec<Option<Status>>>,
    provisions: Vec<Vec<ProvisionSummary<'static>>>,
    systems: Vec<Vec<SystemSummary<'static>>>,
}

thread_local! {
    static POOL: RefCell<Pool> = const {
        RefCell::new(Pool {
            values: Vec::new(),
            bits: Vec::new(),
            slots: Vec::new(),
            tris: Vec::new(),
            statuses: Vec::new(),
            provisions: Vec::new(),
            systems: Vec::new(),
        })
    };
}

/// The same allocation, emptied, for items of another type of the same size and alignment
/// (here: the same type with other lifetimes). The standard library collects a `Vec`'s
/// own iterator into the allocation it came from; with nothing left to map, no item is
/// ever converted.
fn relabel<T, U>(mut v: Vec<T>) -> Vec<U> {
    v.clear();
    v.into_iter().map(|_| unreachable!("emptied")).collect()
}

/// An empty buffer of the kind `pick` chooses: one kept, or a new one.
fn take<T, U>(pick: impl FnOnce(&mut Pool) -> &mut Vec<Vec<T>>) -> Vec<U> {
    POOL.try_with(|p| pick(&mut p.borrow_mut()).pop())
        .ok()
        .flatten()
        .map(relabel)
        .unwrap_or_default()
}

/// Keeps `v` (emptied) for the next [`take`] of its kind, unless enough are kept.
fn give<T, U>(v: Vec<T>, pick: impl FnOnce(&mut Pool) -> &mut Vec<Vec<U>>) {
    if v.capacity() == 0 {
        return;
    }
    // Emptied before the pool is borrowed: dropping the items may give buffers back.
    let v: Vec<U> = relabel(v);
    let _ = POOL.try_with(|p| {
        let mut p = p.borrow_mut();
        let kept = pick(&mut p);
        if kept.len() < KEPT {
            kept.push(v);
        }
    });
}

pub(super) fn values<'v>() -> Vec<Option<&'v Value>> {
    take(|p| &mut p.values)
}

pub(super) fn give_values(v: Vec<Option<&Value>>) {
    give(v, |p| &mut p.values)
}

pub(super) fn bits() -> Vec<Option<u64>> {
    take(|p| &mut p.bits)
}

pub(super) fn give_bits(v: Vec<Option<u64>>) {
    give(v, |p| &mut p.bits)
}

pub(super) fn slots() -> Vec<usize> {
    take(|p| &mut p.slots)
}

pub(super) fn give_slots(v: Vec<usize>) {
    give(v, |p| &mut p.slots)
}

pub(super) fn tris() -> Vec<Tri> {
    take(|p| &mut p.tris)
}

pub(super) fn give_tris(v: Vec<Tri>) {
    give(v, |p| &mut p.tris)
}

pub(super) fn statuses() -> Vec<Option<Status>> {
    take(|p| &mut p.statuses)
}

pub(super) fn give_statuses(v: Vec<Option<Status>>) {
    give(v, |p| &mut p.statuses)
}

pub(super) fn provisions<'a>() -> Vec<ProvisionSummary<'a>> {
    take(|p| &mut p.provisions)
}

pub(super) fn systems<'a>() -> Vec<SystemSummary<'a>> {
    take(|p| &mut p.systems)
}

/// Gives back the summaries of `systems`, then `systems` itself.
pub(super) fn give_systems(mut systems: Vec<SystemSummary>) {
    for s in systems.drain(..) {
        give(s.provisions, |p| &mut p.provisions);
    }
    give(systems, |p| &mut p.systems);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_buffer_given_back_is_taken_again_empty_with_its_room() {
        let mut v: Vec<usize> = slots();
        v.extend(0..1000);
        let (ptr, capacity) = (v.as_ptr(), v.capacity());
        give_slots(v);
        let again = slots();
        assert!(again.is_empty());
        assert_eq!((again.as_ptr(), again.capacity()), (ptr, capacity));
    }

    #[test]
    fn no_more_than_kept_buffers_are_kept() {
        let many: Vec<Vec<Tri>> = (0..KEPT + 3).map(|_| vec![Tri::True; 10]).collect();
        for v in many {
            give_tris(v);
        }
        let kept = POOL.with(|p| p.borrow().tris.len());
        assert_eq!(kept, KEPT);
    }
}
