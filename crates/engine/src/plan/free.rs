//! Conditions that stand on their own, outside the law book: a sentencing guideline's
//! scope, categories, roles and factors. They are compiled once, when their file loads,
//! with the plan's compiler ([`Cond::compile`], every parameter unknown and no provision to
//! name), and evaluated with the plan's evaluator ([`Cond::eval`]) against the facts of a
//! case laid out as the plan lays them out ([`lay_out_stated`]). The condition as written
//! ([`FreeCondition::expr`]) is kept for the tests that compare the two.
//!
//! The facts are those the case states: no presumption of the law book applies (a
//! guideline reads the facts as given).

use std::collections::HashMap;
use std::sync::Arc;

use super::cond::{Cond, Enumeration, Env, Facts, Scope, bits_of};
use super::enumerations;
use crate::condition::Expr;
use crate::logic::Tri;
use qualif_law::facts::{Case, Vocabulary};

/// Lays out the facts a case states, by position: `slot_of` says where a key is (given the
/// position the case was read with), `enums` which facts are numbered enumerations.
/// `room` more facts may follow (the presumptions).
pub(super) fn lay_out_stated<'v, 'e>(
    case: &'v Case,
    n: usize,
    enums: impl Fn(usize) -> Enumeration<'e>,
    slot_of: impl Fn(&str, Option<usize>) -> Option<usize>,
    room: usize,
) -> Facts<'v> {
    let mut facts = Facts::blank(n);
    // Every fact at once: growing the list fact by fact cost three or four allocations a
    // case.
    let stated = case.iter_with_slots();
    facts.known.reserve(stated.size_hint().0 + room);
    for (key, slot, value) in stated {
        if let Some(i) = slot_of(key, slot) {
            facts.values[i] = Some(value);
            facts.bits[i] = enums(i).and_then(|e| bits_of(value, e));
            facts.known.push(i);
        }
    }
    facts
}

/// What tells two layouts of the facts apart: the address of the vocabulary they were made
/// from, its number of facts and a hash of its keys and of its enumerations' values. Equal,
/// the layouts put every fact at the same position with the same bits (the plan then takes
/// the facts a guideline laid out as they are: [`Plan::prepare_for_conducts_from`]).
///
/// [`Plan::prepare_for_conducts_from`]: super::Plan::prepare_for_conducts_from
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct LayoutIdentity {
    vocabulary: usize,
    facts: usize,
    hash: u64,
}

/// The identity of the layout of `vocab`'s facts (see [`LayoutIdentity`]).
pub(super) fn identity(vocab: &Vocabulary) -> LayoutIdentity {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    for (f, e) in vocab.facts.iter().zip(enumerations(vocab)) {
        f.key.hash(&mut h);
        e.hash(&mut h);
    }
    LayoutIdentity {
        vocabulary: std::ptr::from_ref(vocab) as usize,
        facts: vocab.facts.len(),
        hash: h.finish(),
    }
}

/// The layout of the facts of one vocabulary, kept by the conditions compiled against it:
/// the positions of its keys and its numbered enumerations.
#[derive(Debug)]
pub struct Layout {
    identity: LayoutIdentity,
    keys: Vec<String>,
    /// The keys as the vocabulary interns them: a key read with it is told by its address,
    /// without comparing the texts.
    interned: Vec<&'static str>,
    slots: HashMap<String, usize>,
    enums: Vec<Option<(Vec<String>, bool)>>,
}

impl Layout {
    pub fn new(vocab: &Vocabulary) -> Arc<Self> {
        Arc::new(Self {
            identity: identity(vocab),
            keys: vocab.facts.iter().map(|f| f.key.clone()).collect(),
            interned: (0..vocab.facts.len())
                .map(|i| vocab.interned_key(i))
                .collect(),
            slots: vocab
                .facts
                .iter()
                .enumerate()
                .map(|(i, f)| (f.key.clone(), i))
                .collect(),
            enums: enumerations(vocab)
                .into_iter()
                .map(|e| e.map(|(values, list)| (values.to_vec(), list)))
                .collect(),
        })
    }

    /// The facts `case` states, laid out for the conditions compiled against this layout.
    pub fn facts<'v>(&self, case: &'v Case) -> StatedFacts<'v> {
        let facts = lay_out_stated(
            case,
            self.keys.len(),
            |i| {
                self.enums[i]
                    .as_ref()
                    .map(|(v, list)| (v.as_slice(), *list))
            },
            |key, slot| {
                slot.filter(|&i| {
                    self.interned.get(i).is_some_and(|k| std::ptr::eq(*k, key))
                        || self.keys.get(i).is_some_and(|k| k == key)
                })
                .or_else(|| self.slots.get(key).copied())
            },
            0,
        );
        StatedFacts {
            facts,
            case,
            slots: self.keys.len(),
            layout: self.identity,
        }
    }
}

/// The facts a case states, laid out by a [`Layout`].
pub struct StatedFacts<'v> {
    facts: Facts<'v>,
    case: &'v Case,
    slots: usize,
    layout: LayoutIdentity,
}

impl<'v> StatedFacts<'v> {
    /// The case whose facts these are.
    pub fn case(&self) -> &'v Case {
        self.case
    }

    /// The facts laid out, when their layout is `layout`; otherwise the case, to lay out
    /// again.
    pub(super) fn into_facts(
        self,
        layout: LayoutIdentity,
    ) -> Result<(&'v Case, Facts<'v>), &'v Case> {
        if self.layout == layout {
            Ok((self.case, self.facts))
        } else {
            Err(self.case)
        }
    }
}

type Compiled<'a> = Cond<'a>;

self_cell::self_cell!(
    struct Owned {
        owner: Expr,
        #[covariant]
        dependent: Compiled,
    }
    impl {Debug}
);

/// A condition on facts only, compiled once (see the module's notes). Cheap to clone: the
/// compiled form is shared.
#[derive(Debug, Clone)]
pub struct FreeCondition {
    compiled: Arc<Owned>,
    slots: usize,
}

impl FreeCondition {
    /// Compiles `expr` against `vocab` (the vocabulary of the [`Layout`] it will be read
    /// with).
    pub fn compile(expr: Expr, vocab: &Vocabulary) -> Self {
        let enums = enumerations(vocab);
        let scope = Scope::facts_only();
        let compiled = Owned::new(expr, |e| Cond::compile(e, vocab, &enums, &scope));
        Self {
            compiled: Arc::new(compiled),
            slots: vocab.facts.len(),
        }
    }

    /// The condition as written: what the reference interpreter evaluates.
    pub fn expr(&self) -> &Expr {
        self.compiled.borrow_owner()
    }

    /// Its value for the facts, through the plan's evaluator.
    pub fn eval(&self, facts: &StatedFacts) -> Tri {
        assert_eq!(
            facts.slots, self.slots,
            "a condition is read with the layout of the vocabulary it was compiled against"
        );
        let env = Env {
            facts: &facts.facts,
            case: facts.case,
            statuses: &[],
            nodes: &[],
        };
        self.compiled.borrow_dependent().eval(&env)
    }
}
