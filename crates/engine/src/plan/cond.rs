//! Conditions compiled for one system of one law book: [`Expr`] with its names resolved,
//! and the facts of a case laid out by position for them.

use std::cell::Cell;
use std::collections::HashMap;

use crate::Status;
use crate::condition::{self as cond, CmpOp, Expr, Operand, StatusTest};
use crate::logic::Tri;
use qualif_law::facts::{Case, Value, Vocabulary};
use qualif_law::law::{System, SystemKind};
use qualif_law::text::same_text;

/// Where a compiled condition reads a value.
#[derive(Debug, Clone, Copy)]
pub(super) enum Read<'a> {
    /// A fact of the case, by its position in the vocabulary.
    Fact(usize),
    /// A fact the vocabulary does not declare (only in a law book assembled by hand: the
    /// loader refuses such conditions): looked up by name.
    Named(&'a str),
    /// What does not depend on the case: a state parameter (of a national system, or of the
    /// state an instrument is read for), or unknown (a parameter read by an instrument on
    /// its own).
    Fixed(Option<&'a Value>),
}

/// A condition compiled for one system of one law book: [`Expr`] with its names resolved.
#[derive(Debug, Clone)]
pub(super) enum Cond<'a> {
    Const(bool),
    Truthy(Read<'a>),
    Known(Read<'a>),
    Compare(Read<'a>, CmpOp, &'a Value),
    CompareOperands(Read<'a>, CmpOp, Read<'a>),
    In(Read<'a>, &'a [Value]),
    Contains(Read<'a>, &'a [String]),
    /// `==` or `in [..]` on an enumeration, `contains` or `contains_any` on a list of them:
    /// whether the fact's value (one of them, for a list) is among the values whose bits
    /// are in `mask` (see [`Facts::bits`]). When the case gives no bits for the fact, the
    /// condition as written decides.
    Bits {
        slot: usize,
        mask: u64,
        written: Box<Cond<'a>>,
    },
    /// A fact compared with a numeric literal: when the case gives a plain number (an
    /// integer or a number), the two are compared as numbers, as the comparison as written
    /// would compare them, without its other cases (bounds, dates, texts); otherwise the
    /// condition as written decides.
    CompareNumber {
        slot: usize,
        op: CmpOp,
        number: f64,
        written: Box<Cond<'a>>,
    },
    /// The status of a provision of the same system, by index (`None`: not in the system,
    /// so unknown).
    Status(StatusTest, Option<usize>),
    /// A part that tests no provision's status, evaluated once per case with the rest of
    /// the graph: its value is read at this index of [`Env::nodes`].
    Node(u32),
    /// A conjunction of tests of statuses, each maybe negated ("not applies(A) and not
    /// applies(B) and ..."), read in one loop rather than as a tree.
    AllStatuses(Vec<StatusLiteral>),
    /// A disjunction of them ("applies(A) or applies(B) or ...").
    AnyStatus(Vec<StatusLiteral>),
    Not(Box<Cond<'a>>),
    And(Vec<Cond<'a>>),
    Or(Vec<Cond<'a>>),
}

/// A test of a provision's status, maybe negated.
#[derive(Debug, Clone, Copy)]
pub(super) struct StatusLiteral {
    test: StatusTest,
    /// The provision's index in the system (`None`: not in the system, so unknown).
    provision: Option<usize>,
    negated: bool,
}

impl StatusLiteral {
    /// The literal `e`, when it is one.
    pub(super) fn of(e: &Expr, provisions: &HashMap<&str, usize>) -> Option<Self> {
        let (e, negated) = match e {
            Expr::Not(inner) => (&**inner, true),
            e => (e, false),
        };
        let Expr::Status(test, id) = e else {
            return None;
        };
        Some(Self {
            test: *test,
            provision: provisions.get(id.as_str()).copied(),
            negated,
        })
    }

    fn eval(self, statuses: &[Cell<Option<Status>>]) -> Tri {
        let t = cond::status_test(self.test, self.provision.and_then(|i| statuses[i].get()));
        if self.negated { t.not() } else { t }
    }
}

/// The facts of one case, laid out for the compiled conditions.
#[derive(Debug, Clone)]
pub struct Facts<'v> {
    /// By position in the vocabulary.
    pub(super) values: Vec<Option<&'v Value>>,
    /// By position in the vocabulary, for an enumeration (or a list of them) of at most 64
    /// values: the bit of its value (of each of its values), by the value's position among
    /// those the vocabulary lists; `None` for other facts, and for a value it does not list.
    /// Comparing bits rather than texts is what makes `in [..]` and `contains` cheap.
    pub(super) bits: Vec<Option<u64>>,
    /// The positions of the facts the case states or that are presumed, in no particular
    /// order.
    pub(super) known: Vec<usize>,
    /// The positions of the facts presumed, in order.
    pub(super) presumed: Vec<usize>,
}

impl<'v> Facts<'v> {
    /// No fact stated, for a vocabulary of `n` facts.
    pub(super) fn blank(n: usize) -> Self {
        // Buffers of an earlier case, when this thread has some (see [`super::pool`]).
        let mut values = super::pool::values();
        values.resize(n, None);
        let mut bits = super::pool::bits();
        bits.resize(n, None);
        Self {
            values,
            bits,
            known: super::pool::slots(),
            presumed: Vec::new(),
        }
    }
}

impl Drop for Facts<'_> {
    fn drop(&mut self) {
        super::pool::give_values(std::mem::take(&mut self.values));
        super::pool::give_bits(std::mem::take(&mut self.bits));
        super::pool::give_slots(std::mem::take(&mut self.known));
        super::pool::give_slots(std::mem::take(&mut self.presumed));
    }
}

/// The allowed values of an enumeration fact (or a list of them) that [`Facts::bits`]
/// numbers, and whether it is a list.
pub(super) type Enumeration<'a> = Option<(&'a [String], bool)>;

/// The bit of each value among `allowed`: `None` when one is not listed there, or when the
/// value is not of the enumeration's shape (a text, or a list of texts for a list).
pub(super) fn bits_of(value: &Value, (allowed, list): (&[String], bool)) -> Option<u64> {
    let bit = |s: &str| {
        allowed
            .iter()
            .position(|a| same_text(a, s))
            .map(|i| 1u64 << i)
    };
    match (value, list) {
        (Value::Str(s), false) => bit(s),
        (Value::List(items), true) => items.iter().try_fold(0, |acc, s| Some(acc | bit(s)?)),
        _ => None,
    }
}

/// What a compiled condition is evaluated against: one case, in one system.
pub(super) struct Env<'e> {
    pub(super) facts: &'e Facts<'e>,
    pub(super) case: &'e Case,
    /// The statuses of the system's provisions evaluated so far, by index (set as the
    /// provisions are evaluated, through the same context).
    pub(super) statuses: &'e [Cell<Option<Status>>],
    /// The value of each node of the graph for the case (empty while the graph itself is
    /// evaluated: a leaf reads no node).
    pub(super) nodes: &'e [Tri],
}

impl<'e> Env<'e> {
    #[inline]
    fn read(&self, r: Read<'e>) -> Option<&'e Value> {
        match r {
            Read::Fact(i) => self.facts.values[i],
            Read::Named(k) => self.case.get(k),
            Read::Fixed(v) => v,
        }
    }
}

/// What names in a condition mean: the system whose conditions are compiled, read on its
/// own or for a state; or no system (a condition on facts only: every parameter unknown,
/// no provision to name).
pub(super) struct Scope<'a> {
    pub(super) system: Option<&'a System>,
    /// The state whose parameters an instrument is read with (`None`: a national system,
    /// which has its own, or an instrument read on its own, whose parameters are unknown).
    pub(super) state: Option<&'a System>,
    /// A number that tells apart the scopes where a parameter has different values.
    pub(super) index: usize,
    /// Its provisions' positions, by identifier.
    pub(super) provisions: HashMap<&'a str, usize>,
}

impl<'a> Scope<'a> {
    pub(super) fn new(system: &'a System, state: Option<&'a System>, index: usize) -> Self {
        Self {
            system: Some(system),
            state,
            index,
            provisions: system
                .provisions
                .iter()
                .enumerate()
                .map(|(i, p)| (p.id.as_str(), i))
                .collect(),
        }
    }

    /// The value of a parameter: the national system's, or the state's an instrument is
    /// read for.
    fn parameter(&self, key: &str) -> Option<&'a Value> {
        let system = self.system?;
        match system.kind {
            SystemKind::National => system.parameters.get(key),
            SystemKind::International => self.state.and_then(|s| s.parameters.get(key)),
        }
    }

    /// The scope of a condition on facts only (a conduct class, a presumption).
    pub(super) fn facts_only() -> Self {
        Self {
            system: None,
            state: None,
            index: usize::MAX,
            provisions: HashMap::new(),
        }
    }
}

impl<'a> Cond<'a> {
    /// Compiles a condition of the scope's system as written; `enums` are the enumerations
    /// by position in the vocabulary. The graph compiles its leaves with it; a condition
    /// that tests a status is compiled by the graph builder's `mixed`, its other parts as
    /// nodes.
    pub(super) fn compile(
        e: &'a Expr,
        vocab: &Vocabulary,
        enums: &[Enumeration],
        scope: &Scope<'a>,
    ) -> Self {
        let written = Cond::compile_as_written(e, vocab, enums, scope);
        if let Some((slot, mask)) = Cond::mask(e, vocab, enums) {
            return Cond::Bits {
                slot,
                mask,
                written: Box::new(written),
            };
        }
        match e {
            Expr::Compare(Operand::Fact(key), op, lit @ (Value::Int(_) | Value::Number(_))) => {
                match (vocab.slot(key), lit.as_number()) {
                    (Some(slot), Some(number)) => Cond::CompareNumber {
                        slot,
                        op: *op,
                        number,
                        written: Box::new(written),
                    },
                    _ => written,
                }
            }
            _ => written,
        }
    }

    /// The fact and the bits of the values that `==`, `in [..]`, `contains` or
    /// `contains_any` look for, when every one is a value its enumeration lists.
    fn mask(e: &Expr, vocab: &Vocabulary, enums: &[Enumeration]) -> Option<(usize, u64)> {
        let (op, texts, list): (&Operand, Vec<&str>, bool) = match e {
            Expr::Compare(op, CmpOp::Eq, Value::Str(s)) => (op, vec![s.as_str()], false),
            Expr::In(op, values) => {
                let texts = values.iter().map(|v| match v {
                    Value::Str(s) => Some(s.as_str()),
                    _ => None,
                });
                (op, texts.collect::<Option<_>>()?, false)
            }
            Expr::Contains(op, wanted) => (op, wanted.iter().map(String::as_str).collect(), true),
            _ => return None,
        };
        let Operand::Fact(key) = op else { return None };
        let slot = vocab.slot(key)?;
        let (allowed, is_list) = enums[slot]?;
        if is_list != list {
            return None;
        }
        let mask = texts.iter().try_fold(0, |acc, t| {
            Some(acc | 1u64 << allowed.iter().position(|a| a == t)?)
        })?;
        Some((slot, mask))
    }

    /// [`Cond::compile`], without the bits at the top.
    fn compile_as_written(
        e: &'a Expr,
        vocab: &Vocabulary,
        enums: &[Enumeration],
        scope: &Scope<'a>,
    ) -> Self {
        let read = |op: &'a Operand| match op {
            Operand::Fact(k) => vocab.slot(k).map_or(Read::Named(k), Read::Fact),
            Operand::Parameter(k) => Read::Fixed(scope.parameter(k)),
        };
        let all = |es: &'a [Expr]| {
            es.iter()
                .map(|e| Cond::compile(e, vocab, enums, scope))
                .collect()
        };
        match e {
            Expr::Const(b) => Cond::Const(*b),
            Expr::Truthy(op) => Cond::Truthy(read(op)),
            Expr::Known(op) => Cond::Known(read(op)),
            Expr::Compare(op, c, lit) => Cond::Compare(read(op), *c, lit),
            Expr::CompareOperands(a, c, b) => Cond::CompareOperands(read(a), *c, read(b)),
            Expr::In(op, list) => Cond::In(read(op), list),
            Expr::Contains(op, wanted) => Cond::Contains(read(op), wanted),
            Expr::Status(test, id) => {
                Cond::Status(*test, scope.provisions.get(id.as_str()).copied())
            }
            Expr::Not(inner) => Cond::Not(Box::new(Cond::compile(inner, vocab, enums, scope))),
            Expr::And(es) => Cond::And(all(es)),
            Expr::Or(es) => Cond::Or(all(es)),
        }
    }

    /// As [`Expr::eval`] on the same condition.
    pub(super) fn eval(&self, env: &Env) -> Tri {
        match self {
            Cond::Const(b) => Tri::from_bool(*b),
            Cond::Truthy(r) => cond::truthy(env.read(*r)),
            Cond::Known(r) => Tri::from_bool(env.read(*r).is_some()),
            Cond::Compare(r, c, lit) => cond::compare_known(env.read(*r), *c, Some(lit)),
            Cond::CompareNumber {
                slot,
                op,
                number,
                written,
            } => match env.facts.values[*slot].map(Value::as_number) {
                Some(Some(x)) => cond::compare_numbers(x, *op, *number),
                // Unknown: `written` would give unknown.
                None => Tri::Unknown,
                Some(None) => written.eval(env),
            },
            Cond::CompareOperands(a, c, b) => cond::compare_known(env.read(*a), *c, env.read(*b)),
            Cond::In(r, list) => cond::in_list(env.read(*r), list),
            Cond::Contains(r, wanted) => cond::contains_any(env.read(*r), wanted),
            Cond::Bits {
                slot,
                mask,
                written,
            } => match env.facts.bits[*slot] {
                Some(bits) => Tri::from_bool(bits & mask != 0),
                // An unknown fact, the most common case: `written` (`==`, `in [..]` or
                // `contains` on this fact) would give unknown.
                None if env.facts.values[*slot].is_none() => Tri::Unknown,
                None => written.eval(env),
            },
            Cond::Status(test, i) => {
                cond::status_test(*test, i.and_then(|i| env.statuses[i].get()))
            }
            Cond::Node(k) => env.nodes[*k as usize],
            Cond::AllStatuses(literals) => cond::all(literals.iter().map(|l| l.eval(env.statuses))),
            Cond::AnyStatus(literals) => cond::any(literals.iter().map(|l| l.eval(env.statuses))),
            Cond::Not(inner) => inner.eval(env).not(),
            Cond::And(cs) => cond::all(cs.iter().map(|c| c.eval(env))),
            Cond::Or(cs) => cond::any(cs.iter().map(|c| c.eval(env))),
        }
    }
}
