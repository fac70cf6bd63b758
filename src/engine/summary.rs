//! The status and the applicable penalty of every provision, without the explanation: what
//! the analysis of many cases at once needs, at a fraction of the cost of
//! [`assess`](super::assess).
//!
//! The rules are those of `assess`: the same version in force, the same evaluation order
//! (a provision after those it names), the same meaning of each kind of condition (the
//! functions of [`super::condition`] that [`Expr::eval`] calls), and the same rule for
//! raising a penalty by aggravations (`qualify::raise`). What is left out is what
//! only explains: element traces, missing facts, warnings, limitation and jurisdiction.
//! `tests/batch.rs` and the tests below check on generated cases that both give the same
//! statuses and penalties.
//!
//! What makes it fast is done once per law book, not per case:
//! - every condition is compiled (`Cond`): a fact becomes its position in the vocabulary,
//!   a state parameter its value, a provision its index in the system, so that evaluating
//!   it compares no names and hashes nothing;
//! - per case, the facts are laid out once by position (a slice read by index), at the
//!   positions the case reader already found, instead of being looked up by name in the
//!   case's map by every condition; a value of an enumeration is also numbered, so that
//!   `in [..]` and `contains` compare bits, not texts;
//! - every condition, and every part of one, that tests no provision's status is a node of
//!   one graph (`Graph`) evaluated once per case before any provision: a test written in
//!   many places ("victim.age < 18" is inside 50 conditions) is one node, and a node that
//!   reads no fact the case states keeps the value it has for a blank case, computed once,
//!   so that only the tests of the facts stated, and the operations above them, are
//!   evaluated again;
//! - the version of each provision in force on a date is read from a table of periods
//!   (between two dates where the system's law changes), found by one binary search per
//!   case and system, instead of searched among the versions of each provision;
//! - a conjunction of elements stops at the first unmet one, as Kleene logic allows, and a
//!   conjunction or disjunction of status tests is read as a flat list of them;
//! - what every case reads is kept in a few contiguous arrays (`SystemPlan`).

use std::cell::Cell;
use std::collections::HashMap;

use chrono::NaiveDate;

use super::Status;
use super::condition::{self as cond, CmpOp, Expr, Operand, StatusTest};
use super::logic::Tri;
use super::qualify::{raise, status_of};
use crate::facts::{Case, FactType, Value, Vocabulary};
use crate::law::{LawBook, Penalty, Provision, System, SystemKind, Version, VersionStatus};

/// One provision's status for the facts, and its penalty when it applies.
#[derive(Debug, Clone, Copy)]
pub struct ProvisionSummary<'a> {
    pub provision: &'a Provision,
    pub status: Status,
    /// The penalty for these facts (the base penalty of the version in force, raised by
    /// every aggravation that applies): set only when the provision applies.
    pub penalty: Option<&'a Penalty>,
}

/// Every provision of one system, in the order of the data file.
#[derive(Debug, Clone)]
pub struct SystemSummary<'a> {
    pub system: &'a System,
    pub provisions: Vec<ProvisionSummary<'a>>,
}

/// Every system, in the order of the law book.
#[derive(Debug, Clone)]
pub struct Summary<'a> {
    /// The date whose law is applied.
    pub law_date: NaiveDate,
    pub systems: Vec<SystemSummary<'a>>,
}

/// Where a compiled condition reads a value.
#[derive(Debug, Clone, Copy)]
enum Read<'a> {
    /// A fact of the case, by its position in the vocabulary.
    Fact(usize),
    /// A fact the vocabulary does not declare (only in a law book assembled by hand: the
    /// loader refuses such conditions): looked up by name.
    Named(&'a str),
    /// What does not depend on the case: a state parameter of a national system, or
    /// unknown (a parameter read by an instrument on its own).
    Fixed(Option<&'a Value>),
}

/// A condition compiled for one system of one law book: [`Expr`] with its names resolved.
#[derive(Debug, Clone)]
enum Cond<'a> {
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
    /// The status of a provision of the same system, by index (`None`: not in the system,
    /// so unknown).
    Status(StatusTest, Option<usize>),
    /// A part that tests no provision's status, evaluated once per case with the rest of
    /// the [`Graph`]: its value is read at this index of [`Env::nodes`].
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
struct StatusLiteral {
    test: StatusTest,
    /// The provision's index in the system (`None`: not in the system, so unknown).
    provision: Option<usize>,
    negated: bool,
}

impl StatusLiteral {
    /// The literal `e`, when it is one.
    fn of(e: &Expr, provisions: &HashMap<&str, usize>) -> Option<Self> {
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
struct Facts<'v> {
    /// By position in the vocabulary.
    values: Vec<Option<&'v Value>>,
    /// By position in the vocabulary, for an enumeration (or a list of them) of at most 64
    /// values: the bit of its value (of each of its values), by the value's position among
    /// those the vocabulary lists; `None` for other facts, and for a value it does not list.
    /// Comparing bits rather than texts is what makes `in [..]` and `contains` cheap.
    bits: Vec<Option<u64>>,
    /// The positions of the facts the case states, in no particular order.
    known: Vec<usize>,
}

/// The allowed values of an enumeration fact (or a list of them) that [`Facts::bits`]
/// numbers, and whether it is a list.
type Enumeration<'a> = Option<(&'a [String], bool)>;

/// The bit of each value among `allowed`: `None` when one is not listed there, or when the
/// value is not of the enumeration's shape (a text, or a list of texts for a list).
fn bits_of(value: &Value, (allowed, list): (&[String], bool)) -> Option<u64> {
    let bit = |s: &str| allowed.iter().position(|a| a == s).map(|i| 1u64 << i);
    match (value, list) {
        (Value::Str(s), false) => bit(s),
        (Value::List(items), true) => items.iter().try_fold(0, |acc, s| Some(acc | bit(s)?)),
        _ => None,
    }
}

/// What a compiled condition is evaluated against: one case, in one system.
struct Env<'e> {
    facts: &'e Facts<'e>,
    case: &'e Case,
    /// The statuses of the system's provisions evaluated so far, by index (set as the
    /// provisions are evaluated, through the same context).
    statuses: &'e [Cell<Option<Status>>],
    /// The value of each node of the [`Graph`] for the case (empty while the graph itself
    /// is evaluated: a leaf reads no node).
    nodes: &'e [Tri],
}

impl<'e> Env<'e> {
    fn read(&self, r: Read<'e>) -> Option<&'e Value> {
        match r {
            Read::Fact(i) => self.facts.values[i],
            Read::Named(k) => self.case.get(k),
            Read::Fixed(v) => v,
        }
    }
}

impl<'a> Cond<'a> {
    /// Compiles a condition of `system` as written (whose provisions are indexed by
    /// `provisions`); `enums` are the enumerations by position in the vocabulary. The
    /// summary compiles the leaves of its [`Graph`] with it; a condition that tests a
    /// status is compiled by [`GraphBuilder::mixed`], its other parts as nodes.
    fn compile(
        e: &'a Expr,
        vocab: &Vocabulary,
        enums: &[Enumeration],
        system: &'a System,
        provisions: &HashMap<&str, usize>,
    ) -> Self {
        let written = Cond::compile_as_written(e, vocab, enums, system, provisions);
        match Cond::mask(e, vocab, enums) {
            Some((slot, mask)) => Cond::Bits {
                slot,
                mask,
                written: Box::new(written),
            },
            None => written,
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
        system: &'a System,
        provisions: &HashMap<&str, usize>,
    ) -> Self {
        let read = |op: &'a Operand| match op {
            Operand::Fact(k) => vocab.slot(k).map_or(Read::Named(k), Read::Fact),
            Operand::Parameter(k) => Read::Fixed(
                (system.kind == SystemKind::National)
                    .then(|| system.parameters.get(k))
                    .flatten(),
            ),
        };
        let all = |es: &'a [Expr]| {
            es.iter()
                .map(|e| Cond::compile(e, vocab, enums, system, provisions))
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
            Expr::Status(test, id) => Cond::Status(*test, provisions.get(id.as_str()).copied()),
            Expr::Not(inner) => Cond::Not(Box::new(Cond::compile(
                inner, vocab, enums, system, provisions,
            ))),
            Expr::And(es) => Cond::And(all(es)),
            Expr::Or(es) => Cond::Or(all(es)),
        }
    }

    /// As [`Expr::eval`] on the same condition.
    fn eval(&self, env: &Env) -> Tri {
        match self {
            Cond::Const(b) => Tri::from_bool(*b),
            Cond::Truthy(r) => cond::truthy(env.read(*r)),
            Cond::Known(r) => Tri::from_bool(env.read(*r).is_some()),
            Cond::Compare(r, c, lit) => cond::compare_known(env.read(*r), *c, Some(lit)),
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

/// Where the summary finds one condition of a version.
#[derive(Debug, Clone, Copy)]
enum Site {
    /// A condition that tests no provision's status: a node of the [`Graph`], evaluated
    /// once per case however many provisions write it.
    Node(u32),
    /// A condition that tests the status of a provision, which depends on the system and
    /// on the provisions evaluated before: this index of [`SystemPlan::own`].
    Own(u32),
}

/// One version of a provision: when it is in force, and where its conditions are.
#[derive(Debug, Clone, Copy)]
struct VersionPlan {
    in_force: InForce,
    /// Its index among the provision's versions.
    index: u32,
    /// Its elements are `sites[start..middle]`, its aggravations `sites[middle..end]`
    /// (of [`SystemPlan::sites`]).
    start: u32,
    middle: u32,
    end: u32,
}

/// When a version is the law in force, as [`Version::in_force_on`] says.
#[derive(Debug, Clone, Copy)]
struct InForce {
    /// `None` for a version that is never in force (pending).
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
}

impl InForce {
    fn of(v: &Version) -> Self {
        Self {
            from: (v.status == VersionStatus::InForce).then_some(v.from),
            to: v.to,
        }
    }

    fn on(self, date: NaiveDate) -> bool {
        self.from.is_some_and(|from| from <= date) && self.to.is_none_or(|to| date <= to)
    }
}

/// One system, compiled. What every case reads is kept in a few contiguous arrays of small
/// items, in the order it is read, so that a case touches as few cache lines as possible.
#[derive(Debug, Clone)]
struct SystemPlan<'a> {
    system: &'a System,
    /// By provision (in the order of the data file): its versions, `versions[start..end]`.
    provisions: Vec<(u32, u32)>,
    versions: Vec<VersionPlan>,
    sites: Vec<Site>,
    own: Vec<Cond<'a>>,
    /// Which version of each provision is in force, by period (see [`Periods`]).
    periods: Periods,
}

/// The version of each provision in force on any date, looked up once per case and
/// system instead of searched provision by provision.
///
/// The law of a system changes only on the first day of a version in force and on the day
/// after the last: between two such dates (a period), whether each version is in force
/// does not change ([`InForce::on`] compares the date with those bounds only). A date's
/// period is the number of change dates on or before it.
#[derive(Debug, Clone)]
struct Periods {
    /// The dates where the law changes, in increasing order.
    changes: Vec<NaiveDate>,
    /// By period, then by provision: the index in [`SystemPlan::versions`] of the version
    /// in force, or [`Periods::NONE`].
    in_force: Vec<u32>,
    provisions: usize,
}

impl Periods {
    /// No version in force.
    const NONE: u32 = u32::MAX;

    /// The periods of the versions of `provisions` (`versions[start..end]` each).
    fn of(provisions: &[(u32, u32)], versions: &[VersionPlan]) -> Self {
        let mut changes: Vec<NaiveDate> = versions
            .iter()
            .flat_map(|v| {
                // The day after the last day, unless there is none (the end of time).
                let after = v.in_force.to.and_then(|to| to.succ_opt());
                v.in_force.from.into_iter().chain(after)
            })
            .collect();
        changes.sort_unstable();
        changes.dedup();
        // Period 0 is before every change: no version starts then, so none is in force.
        // Period k > 0 starts on the k-th change, which stands for the whole period.
        let mut in_force = vec![Self::NONE; provisions.len()];
        for &date in &changes {
            in_force.extend(provisions.iter().map(|&(first, end)| {
                (first..end)
                    .find(|&k| versions[k as usize].in_force.on(date))
                    .unwrap_or(Self::NONE)
            }));
        }
        Self {
            changes,
            in_force,
            provisions: provisions.len(),
        }
    }

    /// By provision, the version in force on `date` (an index in [`SystemPlan::versions`],
    /// or [`Periods::NONE`]).
    fn on(&self, date: NaiveDate) -> &[u32] {
        let period = self.changes.partition_point(|c| *c <= date);
        &self.in_force[period * self.provisions..(period + 1) * self.provisions]
    }
}

impl<'a> SystemPlan<'a> {
    fn compile(system: &'a System, index: usize, graph: &mut GraphBuilder<'a, '_>) -> Self {
        let provisions: HashMap<&str, usize> = system
            .provisions
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id.as_str(), i))
            .collect();
        let scope = Scope {
            system,
            index,
            provisions,
        };
        let mut plan = SystemPlan {
            system,
            provisions: Vec::new(),
            versions: Vec::new(),
            sites: Vec::new(),
            own: Vec::new(),
            periods: Periods::of(&[], &[]),
        };
        for p in &system.provisions {
            let first = plan.versions.len() as u32;
            for (k, v) in p.versions.iter().enumerate() {
                let start = plan.sites.len() as u32;
                for e in &v.elements {
                    plan.add(&e.text, &e.when, &scope, graph);
                }
                let middle = plan.sites.len() as u32;
                for a in &v.aggravations {
                    plan.add(&a.text, &a.when, &scope, graph);
                }
                plan.versions.push(VersionPlan {
                    in_force: InForce::of(v),
                    index: k as u32,
                    start,
                    middle,
                    end: plan.sites.len() as u32,
                });
            }
            plan.provisions.push((first, plan.versions.len() as u32));
        }
        plan.periods = Periods::of(&plan.provisions, &plan.versions);
        plan
    }

    /// Adds the site of the condition `when`, written `text` in the data.
    fn add(
        &mut self,
        text: &'a str,
        when: &'a Expr,
        scope: &Scope<'a>,
        graph: &mut GraphBuilder<'a, '_>,
    ) {
        let site = if when.provisions().is_empty() {
            Site::Node(graph.site(text, when, scope))
        } else {
            self.own.push(graph.mixed(when, scope));
            Site::Own(self.own.len() as u32 - 1)
        };
        self.sites.push(site);
    }
}

/// The system whose conditions are being compiled.
struct Scope<'a> {
    system: &'a System,
    /// Its position in the law book.
    index: usize,
    /// Its provisions' positions, by identifier.
    provisions: HashMap<&'a str, usize>,
}

/// Every condition, and every part of a condition, that tests no provision's status, as the
/// nodes of one graph evaluated once per case, before any provision: what the data writes
/// in many places ("victim.age < 18" in 84) is a single node, and what reads no fact the
/// case states keeps the value it has for a case that states nothing, computed once.
///
/// A node is a leaf (a test of facts or of a system's parameters, never a conjunction,
/// disjunction or negation) or an operation on nodes created before it. Per case, the
/// values start as those of the blank case; only the leaves that read a fact the case
/// states are evaluated again, then every operation, in order (children before parents).
#[derive(Debug, Clone, Default)]
struct Graph<'a> {
    /// Each node's value for a case that states no fact.
    blank: Vec<Tri>,
    /// The leaves: a node and its test.
    leaves: Vec<(u32, Cond<'a>)>,
    /// By position in the vocabulary: the leaves that read the fact, `by_fact[start..end]`
    /// of [`Graph::fact_leaves`].
    by_fact: Vec<(u32, u32)>,
    fact_leaves: Vec<u32>,
    /// The leaves that read a fact the vocabulary does not declare (only in a law book
    /// assembled by hand), evaluated for every case.
    always: Vec<u32>,
    /// The operations, in the order of their nodes.
    operations: Vec<Operation>,
    /// The operands of the conjunctions and disjunctions.
    children: Vec<u32>,
    /// By position in the vocabulary: the operations that depend on the fact (through
    /// their operands), as a set of bits by position in [`Graph::operations`], `words`
    /// words each. An operation that depends on no fact the case states keeps its blank
    /// value, so only those of the facts stated are evaluated again.
    operations_by_fact: Vec<u64>,
    /// The operations that depend on a leaf of [`Graph::always`].
    always_operations: Vec<u64>,
    words: usize,
}

/// A negation, conjunction or disjunction of nodes.
#[derive(Debug, Clone, Copy)]
struct Operation {
    node: u32,
    kind: OperationKind,
    /// Its operands: `children[start..end]` of [`Graph`] (one for a negation).
    start: u32,
    end: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum OperationKind {
    Not,
    And,
    Or,
}

impl Graph<'_> {
    /// The value of every node for the facts of `facts` (the case `case`), into `nodes`.
    fn evaluate(&self, facts: &Facts, case: &Case, values: &mut Vec<Tri>) {
        values.clear();
        values.extend_from_slice(&self.blank);
        let env = Env {
            facts,
            case,
            statuses: &[],
            nodes: &[],
        };
        for &slot in &facts.known {
            let (start, end) = self.by_fact[slot];
            for &leaf in &self.fact_leaves[start as usize..end as usize] {
                let (node, test) = &self.leaves[leaf as usize];
                values[*node as usize] = test.eval(&env);
            }
        }
        for &leaf in &self.always {
            let (node, test) = &self.leaves[leaf as usize];
            values[*node as usize] = test.eval(&env);
        }
        let mut changed = self.always_operations.clone();
        for &slot in &facts.known {
            let bits = &self.operations_by_fact[slot * self.words..(slot + 1) * self.words];
            changed.iter_mut().zip(bits).for_each(|(c, b)| *c |= b);
        }
        // In increasing order of position, which is the order of the nodes: an operation
        // after its operands.
        for (w, mut word) in changed.into_iter().enumerate() {
            while word != 0 {
                let op = &self.operations[w * 64 + word.trailing_zeros() as usize];
                values[op.node as usize] = op.apply(&self.children, values);
                word &= word - 1;
            }
        }
    }
}

impl Operation {
    /// Its value, from the values of its operands (as [`Expr::eval`] combines them).
    fn apply(&self, children: &[u32], values: &[Tri]) -> Tri {
        let operands = children[self.start as usize..self.end as usize]
            .iter()
            .map(|&c| values[c as usize]);
        match self.kind {
            OperationKind::Not => values[children[self.start as usize] as usize].not(),
            OperationKind::And => cond::all(operands),
            OperationKind::Or => cond::any(operands),
        }
    }
}

/// Builds the [`Graph`] of a law book, system after system.
struct GraphBuilder<'a, 'v> {
    graph: Graph<'a>,
    vocab: &'v Vocabulary,
    enums: &'v [Enumeration<'a>],
    /// A blank case, laid out: what [`Graph::blank`] is computed against.
    blank_facts: Facts<'v>,
    blank_case: Case,
    /// By position in the vocabulary: the leaves that read the fact.
    by_fact: Vec<Vec<u32>>,
    /// The node of each condition written as a whole, by its text and, when it reads a
    /// parameter (whose value is the system's), the system's position: the same text
    /// parses to the same condition (checked, not assumed).
    by_text: HashMap<(&'a str, Option<usize>), (u32, &'a Expr)>,
    /// The node of each leaf, by the leaf written out in full (and the system's position
    /// when it reads a parameter), so that a test written in many conditions ("victim.age
    /// < 18", inside 50 of them) is one node.
    leaf_nodes: HashMap<(String, Option<usize>), u32>,
    /// The node of each operation, by its kind and operands.
    operation_nodes: HashMap<(OperationKind, Vec<u32>), u32>,
    /// By node: the positions in the vocabulary of the facts it depends on, and whether it
    /// depends on a leaf of [`Graph::always`].
    depends_on: Vec<(Vec<usize>, bool)>,
}

impl<'a, 'v> GraphBuilder<'a, 'v> {
    fn new(vocab: &'v Vocabulary, enums: &'v [Enumeration<'a>]) -> Self {
        let n = vocab.facts.len();
        Self {
            graph: Graph::default(),
            vocab,
            enums,
            blank_facts: Facts {
                values: vec![None; n],
                bits: vec![None; n],
                known: Vec::new(),
            },
            blank_case: Case::new(),
            by_fact: vec![Vec::new(); n],
            by_text: HashMap::new(),
            leaf_nodes: HashMap::new(),
            operation_nodes: HashMap::new(),
            depends_on: Vec::new(),
        }
    }

    /// The node of a whole condition that tests no provision's status, written `text`.
    fn site(&mut self, text: &'a str, when: &'a Expr, scope: &Scope<'a>) -> u32 {
        let reads_parameter = when
            .operands()
            .iter()
            .any(|o| matches!(o, Operand::Parameter(_)));
        let key = (text, reads_parameter.then_some(scope.index));
        match self.by_text.get(&key) {
            Some(&(node, first)) if !text.is_empty() && first == when => node,
            _ => {
                let node = self.node(when, scope);
                self.by_text.entry(key).or_insert((node, when));
                node
            }
        }
    }

    /// A condition that tests a provision's status: compiled with its parts that test none
    /// as nodes.
    fn mixed(&mut self, e: &'a Expr, scope: &Scope<'a>) -> Cond<'a> {
        if e.provisions().is_empty() {
            return Cond::Node(self.node(e, scope));
        }
        let literals = |es: &[Expr]| -> Option<Vec<StatusLiteral>> {
            es.iter()
                .map(|e| StatusLiteral::of(e, &scope.provisions))
                .collect()
        };
        let flat = match e {
            Expr::And(es) => literals(es).map(Cond::AllStatuses),
            Expr::Or(es) => literals(es).map(Cond::AnyStatus),
            _ => None,
        };
        if let Some(flat) = flat {
            return flat;
        }
        match e {
            Expr::Status(test, id) => {
                Cond::Status(*test, scope.provisions.get(id.as_str()).copied())
            }
            Expr::Not(inner) => Cond::Not(Box::new(self.mixed(inner, scope))),
            Expr::And(es) => Cond::And(es.iter().map(|e| self.mixed(e, scope)).collect()),
            Expr::Or(es) => Cond::Or(es.iter().map(|e| self.mixed(e, scope)).collect()),
            // A test of facts or parameters (it names no provision, so it is a node above
            // and never reaches this point): compiled as written.
            _ => Cond::compile(e, self.vocab, self.enums, scope.system, &scope.provisions),
        }
    }

    /// The new node of `e`, which tests no provision's status.
    fn node(&mut self, e: &'a Expr, scope: &Scope<'a>) -> u32 {
        let (kind, operands) = match e {
            Expr::Not(inner) => (OperationKind::Not, std::slice::from_ref(&**inner)),
            Expr::And(es) => (OperationKind::And, es.as_slice()),
            Expr::Or(es) => (OperationKind::Or, es.as_slice()),
            _ => return self.leaf(e, scope),
        };
        let operands: Vec<u32> = operands.iter().map(|e| self.node(e, scope)).collect();
        let key = (kind, operands);
        if let Some(&node) = self.operation_nodes.get(&key) {
            return node;
        }
        let (kind, operands) = key.clone();
        let mut facts: Vec<usize> = Vec::new();
        let mut always = false;
        for &c in &operands {
            facts.extend(&self.depends_on[c as usize].0);
            always |= self.depends_on[c as usize].1;
        }
        facts.sort_unstable();
        facts.dedup();
        self.depends_on.push((facts, always));
        let g = &mut self.graph;
        let start = g.children.len() as u32;
        g.children.extend(operands);
        let op = Operation {
            node: g.blank.len() as u32,
            kind,
            start,
            end: g.children.len() as u32,
        };
        g.blank.push(op.apply(&g.children, &g.blank));
        g.operations.push(op);
        self.operation_nodes.insert(key, op.node);
        op.node
    }

    fn leaf(&mut self, e: &'a Expr, scope: &Scope<'a>) -> u32 {
        let reads_parameter = e
            .operands()
            .iter()
            .any(|o| matches!(o, Operand::Parameter(_)));
        let key = (format!("{e:?}"), reads_parameter.then_some(scope.index));
        if let Some(&node) = self.leaf_nodes.get(&key) {
            return node;
        }
        let node = self.new_leaf(e, scope);
        self.leaf_nodes.insert(key, node);
        node
    }

    fn new_leaf(&mut self, e: &'a Expr, scope: &Scope<'a>) -> u32 {
        let test = Cond::compile(e, self.vocab, self.enums, scope.system, &scope.provisions);
        let node = self.graph.blank.len() as u32;
        let blank = Env {
            facts: &self.blank_facts,
            case: &self.blank_case,
            statuses: &[],
            nodes: &[],
        };
        self.graph.blank.push(test.eval(&blank));
        let leaf = self.graph.leaves.len() as u32;
        self.graph.leaves.push((node, test));
        let facts = e.operands().into_iter().filter_map(|o| match o {
            Operand::Fact(key) => Some(self.vocab.slot(key)),
            Operand::Parameter(_) => None,
        });
        let facts: Vec<Option<usize>> = facts.collect();
        let always = facts.contains(&None);
        if always {
            self.graph.always.push(leaf);
        } else {
            for slot in facts.iter().flatten() {
                self.by_fact[*slot].push(leaf);
            }
        }
        self.depends_on
            .push((facts.into_iter().flatten().collect(), always));
        node
    }

    fn finish(mut self) -> Graph<'a> {
        let g = &mut self.graph;
        for leaves in &self.by_fact {
            let start = g.fact_leaves.len() as u32;
            g.fact_leaves.extend(leaves);
            let end = g.fact_leaves.len() as u32;
            g.by_fact.push((start, end));
        }
        g.words = g.operations.len().div_ceil(64);
        g.operations_by_fact = vec![0; self.by_fact.len() * g.words];
        g.always_operations = vec![0; g.words];
        for (k, op) in g.operations.iter().enumerate() {
            let (facts, always) = &self.depends_on[op.node as usize];
            let bit = 1u64 << (k % 64);
            for slot in facts {
                g.operations_by_fact[slot * g.words + k / 64] |= bit;
            }
            if *always {
                g.always_operations[k / 64] |= bit;
            }
        }
        self.graph
    }
}

/// Summarises cases against a law book; built once, used for many cases.
#[derive(Debug, Clone)]
pub struct Summarizer<'a> {
    book: &'a LawBook,
    /// By position in the vocabulary: the enumerations whose values [`Facts::bits`] numbers.
    enums: Vec<Enumeration<'a>>,
    systems: Vec<SystemPlan<'a>>,
    graph: Graph<'a>,
}

impl<'a> Summarizer<'a> {
    pub fn new(book: &'a LawBook) -> Self {
        let enums: Vec<Enumeration> = book
            .vocabulary
            .facts
            .iter()
            .map(|f| {
                let list = match f.ty {
                    FactType::Enum => false,
                    FactType::EnumList => true,
                    _ => return None,
                };
                (f.values.len() <= 64).then_some((f.values.as_slice(), list))
            })
            .collect();
        let mut builder = GraphBuilder::new(&book.vocabulary, &enums);
        let systems = book
            .systems
            .iter()
            .enumerate()
            .map(|(index, system)| SystemPlan::compile(system, index, &mut builder))
            .collect();
        let graph = builder.finish();
        Self {
            book,
            enums,
            systems,
            graph,
        }
    }

    pub fn book(&self) -> &'a LawBook {
        self.book
    }

    /// Summarises the facts in every system. `law_date` overrides the date of the facts;
    /// `today` stands in when the case has none (as in [`assess`](super::assess)).
    pub fn summarize(
        &self,
        case: &Case,
        law_date: Option<NaiveDate>,
        today: NaiveDate,
    ) -> Summary<'a> {
        let law_date = law_date
            .or_else(|| case.date("case.date_of_facts"))
            .unwrap_or(today);
        let facts = self.lay_out(case);
        let mut nodes = Vec::new();
        self.graph.evaluate(&facts, case, &mut nodes);
        let mut statuses = Vec::new();
        let systems = self
            .systems
            .iter()
            .map(|plan| {
                let env = Env {
                    facts: &facts,
                    case,
                    statuses: &[],
                    nodes: &nodes,
                };
                self.summarize_system(plan, env, law_date, &mut statuses)
            })
            .collect();
        Summary { law_date, systems }
    }

    /// The case's facts by their position in the vocabulary.
    fn lay_out<'v>(&self, case: &'v Case) -> Facts<'v> {
        let vocab = &self.book.vocabulary;
        let mut facts = Facts {
            values: vec![None; vocab.facts.len()],
            bits: vec![None; vocab.facts.len()],
            known: Vec::new(),
        };
        for (key, slot, value) in case.iter_with_slots() {
            // The position the case was read with, unless the case was read with another
            // vocabulary where it is not this one's: then looked up by name.
            let slot = slot
                .filter(|&i| vocab.facts.get(i).is_some_and(|f| f.key == key))
                .or_else(|| vocab.slot(key));
            if let Some(i) = slot {
                facts.values[i] = Some(value);
                facts.bits[i] = self.enums[i].and_then(|e| bits_of(value, e));
                facts.known.push(i);
            }
        }
        facts
    }

    /// `env` reads the case's facts and nodes; the statuses are this system's, set here.
    fn summarize_system(
        &self,
        plan: &SystemPlan<'a>,
        env: Env,
        law_date: NaiveDate,
        statuses: &mut Vec<Option<Status>>,
    ) -> SystemSummary<'a> {
        let system = plan.system;
        let mut provisions: Vec<ProvisionSummary<'a>> = system
            .provisions
            .iter()
            .map(|provision| ProvisionSummary {
                provision,
                status: Status::Excluded,
                penalty: None,
            })
            .collect();
        statuses.clear();
        statuses.resize(provisions.len(), None);
        let statuses = Cell::from_mut(statuses.as_mut_slice()).as_slice_of_cells();
        let env = Env { statuses, ..env };
        // The version in force, as `Provision::version_at` finds it.
        let in_force = plan.periods.on(law_date);
        for &i in &system.evaluation_order {
            let k = in_force[i] as usize;
            let (status, penalty) = match plan.versions.get(k) {
                None => (Status::Excluded, None),
                Some(v) => Self::qualify(plan, v, &system.provisions[i], &env),
            };
            statuses[i].set(Some(status));
            provisions[i].status = status;
            provisions[i].penalty = penalty;
        }
        SystemSummary { system, provisions }
    }

    /// The status of one version for the facts, and its penalty when it applies.
    fn qualify(
        plan: &SystemPlan<'a>,
        v: &VersionPlan,
        provision: &'a Provision,
        env: &Env,
    ) -> (Status, Option<&'a Penalty>) {
        let value = |site: &Site| match *site {
            Site::Node(k) => env.nodes[k as usize],
            Site::Own(k) => plan.own[k as usize].eval(env),
        };
        let (start, middle, end) = (v.start as usize, v.middle as usize, v.end as usize);
        // Kleene conjunction: once an element is unmet, the others cannot change it.
        let overall = cond::all(plan.sites[start..middle].iter().map(value));
        let status = status_of(overall);
        if status != Status::Applies {
            return (status, None);
        }
        let version = &provision.versions[v.index as usize];
        let mut penalty = &version.penalty;
        let mut winner_priority = i64::MIN;
        for (site, a) in plan.sites[middle..end].iter().zip(&version.aggravations) {
            if value(site) == Tri::True {
                raise(&mut penalty, &mut winner_priority, &a.penalty, a.priority);
            }
        }
        (status, Some(penalty))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 1, 1).unwrap()
    }

    /// The synthetic cases of the benchmarks, as batch reads them.
    fn cases(book: &LawBook, n: u64) -> Vec<Case> {
        let mut out = Vec::new();
        crate::batch::synth::write(n, 7, &mut out).unwrap();
        String::from_utf8(out)
            .unwrap()
            .lines()
            .enumerate()
            .map(|(i, l)| {
                crate::batch::case_from_json(l, i as u64 + 1, &book.vocabulary, today()).unwrap()
            })
            .collect()
    }

    /// Cases with values no case file could hold (set directly): an enumeration value the
    /// vocabulary does not list, a list where a text is expected and the reverse.
    fn unusual(book: &LawBook) -> Vec<Case> {
        let v = &book.vocabulary;
        let text = |s: &str| Value::Str(s.to_string());
        let list = |items: &[&str]| Value::List(items.iter().map(|s| s.to_string()).collect());
        let facts = [
            ("offender.group", text("crowd")),
            ("offender.group", list(&["organised"])),
            ("offender.relation", Value::Bool(true)),
            ("material.conduct", list(&["possessed", "hoarded"])),
            ("material.conduct", text("possessed")),
            ("material.conduct", list(&[])),
            ("act.sexual_contact", text("penetration")),
            ("live.roles", list(&["director", "director"])),
        ];
        facts
            .into_iter()
            .map(|(key, value)| {
                let mut case = Case::new();
                case.set("victim.age", Some(Value::Int(12)), v, today());
                case.set("offender.age", Some(Value::Int(40)), v, today());
                case.set(key, Some(value), v, today());
                case
            })
            .collect()
    }

    #[test]
    fn a_compiled_condition_evaluates_as_the_condition() {
        let book = LawBook::builtin().unwrap();
        let s = Summarizer::new(&book);
        let statuses = [Status::Applies, Status::Possible, Status::Excluded];
        let mut cases = cases(&book, 300);
        cases.extend(unusual(&book));
        cases.push(Case::new());
        for (n, case) in cases.iter().enumerate() {
            let facts = s.lay_out(case);
            let mut nodes = Vec::new();
            s.graph.evaluate(&facts, case, &mut nodes);
            for plan in &s.systems {
                let system = plan.system;
                // Every provision given a status, varied from case to case.
                let by_index: Vec<Option<Status>> = (0..system.provisions.len())
                    .map(|i| Some(statuses[(i + n) % 3]))
                    .collect();
                let statuses: HashMap<&str, Status> = system
                    .provisions
                    .iter()
                    .zip(&by_index)
                    .map(|(p, st)| (p.id.as_str(), st.unwrap()))
                    .collect();
                // What `assess` reads the conditions against.
                let ctx = crate::engine::qualify::Ctx {
                    case,
                    parameters: (system.kind == SystemKind::National).then_some(&system.parameters),
                    statuses: &statuses,
                };
                let mut by_index = by_index;
                let env = Env {
                    facts: &facts,
                    case,
                    statuses: Cell::from_mut(by_index.as_mut_slice()).as_slice_of_cells(),
                    nodes: &nodes,
                };
                for (p, &(first, end)) in system.provisions.iter().zip(&plan.provisions) {
                    for vp in &plan.versions[first as usize..end as usize] {
                        let v = &p.versions[vp.index as usize];
                        let exprs = v.elements.iter().map(|e| &e.when);
                        let exprs = exprs.chain(v.aggravations.iter().map(|a| &a.when));
                        let sites = &plan.sites[vp.start as usize..vp.end as usize];
                        assert_eq!(sites.len(), v.elements.len() + v.aggravations.len());
                        for (e, site) in exprs.zip(sites) {
                            let value = match *site {
                                Site::Own(k) => plan.own[k as usize].eval(&env),
                                Site::Node(k) => nodes[k as usize],
                            };
                            assert_eq!(value, e.eval(&ctx), "{}: {e:?}", p.id);
                        }
                    }
                }
            }
        }
    }

    /// What [`Graph::evaluate`] leaves at its blank value (a leaf of no fact stated, an
    /// operation above none) is what evaluating it would give.
    #[test]
    fn the_graph_evaluates_again_every_node_a_stated_fact_can_change() {
        let book = LawBook::builtin().unwrap();
        let s = Summarizer::new(&book);
        let g = &s.graph;
        assert!(g.operations.len() > 64, "more than one word of operations");
        let mut cases = cases(&book, 300);
        cases.extend(unusual(&book));
        cases.push(Case::new());
        for case in &cases {
            let facts = s.lay_out(case);
            let mut values = Vec::new();
            g.evaluate(&facts, case, &mut values);
            // Every node evaluated, in order.
            let env = Env {
                facts: &facts,
                case,
                statuses: &[],
                nodes: &[],
            };
            let mut full = g.blank.clone();
            for (node, test) in &g.leaves {
                full[*node as usize] = test.eval(&env);
            }
            for op in &g.operations {
                full[op.node as usize] = op.apply(&g.children, &full);
            }
            assert_eq!(values, full, "{case:?}");
        }
    }

    /// The positions a case carries are those of the vocabulary it was read with: laid out
    /// against another, where they mean other facts, the facts are found by name.
    #[test]
    fn a_case_read_with_another_vocabulary_is_laid_out_by_name() {
        let book = LawBook::builtin().unwrap();
        let s = Summarizer::new(&book);
        let small = crate::facts::Vocabulary::parse(&crate::diagnostics::SourceText::new(
            "v.toml",
            "[[fact]]\nkey = \"material.conduct\"\ntype = \"enum_list\"\n\
             values = [\"possessed\", \"distributed\"]\nlabel = { fr = \"m\", en = \"m\" }\n\
             [[fact]]\nkey = \"victim.age\"\ntype = \"integer\"\nlabel = { fr = \"a\", en = \"a\" }\n",
        ))
        .unwrap();
        let facts = [
            ("victim.age", Value::Int(13)),
            ("material.conduct", Value::List(vec!["distributed".into()])),
        ];
        let (mut theirs, mut ours) = (Case::new(), Case::new());
        for (key, value) in facts {
            theirs.set(key, Some(value.clone()), &small, today());
            ours.set(key, Some(value), &book.vocabulary, today());
        }
        assert_ne!(
            theirs
                .iter_with_slots()
                .map(|(_, i, _)| i)
                .collect::<Vec<_>>(),
            ours.iter_with_slots()
                .map(|(_, i, _)| i)
                .collect::<Vec<_>>(),
            "the two vocabularies place the facts differently"
        );
        let (a, b) = (s.lay_out(&theirs), s.lay_out(&ours));
        assert_eq!(a.values, b.values);
        assert_eq!(a.bits, b.bits);
        assert_eq!(a.known, b.known);
    }

    #[test]
    fn the_periods_give_the_version_in_force_on_every_date() {
        let book = LawBook::builtin().unwrap();
        let s = Summarizer::new(&book);
        for plan in &s.systems {
            let p = &plan.periods;
            // Every change, the day before and the day after, and dates far off.
            let dates = p
                .changes
                .iter()
                .flat_map(|d| [d.pred_opt(), Some(*d), d.succ_opt()].into_iter().flatten());
            let far = [NaiveDate::MIN, NaiveDate::MAX, today()];
            for date in dates.chain(far) {
                let in_force = p.on(date);
                for (i, &(first, end)) in plan.provisions.iter().enumerate() {
                    let expected = (first..end)
                        .find(|&k| plan.versions[k as usize].in_force.on(date))
                        .unwrap_or(Periods::NONE);
                    assert_eq!(in_force[i], expected, "{} {date}", plan.system.id);
                }
            }
        }
    }

    #[test]
    fn the_version_in_force_is_the_one_version_at_finds() {
        let book = LawBook::builtin().unwrap();
        let dates = (1990..2030)
            .flat_map(|y| [(1, 1), (4, 23), (8, 6), (12, 31)].map(|(m, d)| (y, m, d)))
            .filter_map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d));
        for date in dates {
            for p in book.systems.iter().flat_map(|s| &s.provisions) {
                for v in &p.versions {
                    assert_eq!(
                        InForce::of(v).on(date),
                        v.in_force_on(date),
                        "{} {date}",
                        p.id
                    );
                }
            }
        }
    }

    #[test]
    fn the_summary_gives_the_statuses_and_penalties_of_assess() {
        let book = LawBook::builtin().unwrap();
        let s = Summarizer::new(&book);
        let mut cases = cases(&book, 300);
        cases.extend(unusual(&book));
        cases.push(Case::new());
        for case in &cases {
            for law_date in [None, NaiveDate::from_ymd_opt(2005, 6, 1)] {
                let summary = s.summarize(case, law_date, today());
                let a = crate::engine::assess(&book, case, &[], law_date, today());
                assert_eq!(summary.law_date, a.law_date);
                for (sys, res) in summary.systems.iter().zip(&a.systems) {
                    for (p, q) in sys.provisions.iter().zip(&res.qualifications) {
                        assert_eq!(p.provision.id, q.provision.id);
                        assert_eq!(p.status, q.status, "{}", q.provision.id);
                        let expected = q.penalty.as_ref().filter(|_| q.status == Status::Applies);
                        assert_eq!(p.penalty, expected, "{}", q.provision.id);
                    }
                }
            }
        }
    }
}
