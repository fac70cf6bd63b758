//! The status and the applicable penalty of every provision, without the explanation: what
//! the analysis of many cases at once needs, at a fraction of the cost of
//! [`assess`](super::assess).
//!
//! The rules are those of `assess`: the same version in force, the same evaluation order
//! (a provision after those it names), the same meaning of each kind of condition (the
//! functions of [`super::condition`] that [`Expr::eval`] calls), and the same rule for
//! raising a penalty by aggravations ([`super::qualify::raise`]). What is left out is what
//! only explains: element traces, missing facts, warnings, limitation and jurisdiction.
//! `tests/batch.rs` and the tests below check on generated cases that both give the same
//! statuses and penalties.
//!
//! What makes it fast is done once per law book, not per case:
//! - every condition is compiled ([`Cond`]): a fact becomes its position in the vocabulary,
//!   a state parameter its value, a provision its index in the system, so that evaluating
//!   it compares no names and hashes nothing;
//! - per case, the facts are laid out once by position (a slice read by index), instead of
//!   being looked up by name in the case's map by every condition; a value of an
//!   enumeration is also numbered, so that `in [..]` and `contains` compare bits, not texts;
//! - a condition on facts alone is evaluated once per case, however many provisions write
//!   it ("victim.age < 18" appears in 84 places);
//! - the version of each provision in force on a date is read from a table of periods
//!   (between two dates where the system's law changes), found by one binary search per
//!   case and system, instead of searched among the versions of each provision;
//! - a conjunction of elements stops at the first unmet one, as Kleene logic allows;
//! - what every case reads is kept in a few contiguous arrays ([`SystemPlan`]).

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
    Not(Box<Cond<'a>>),
    And(Vec<Cond<'a>>),
    Or(Vec<Cond<'a>>),
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
    /// The statuses of the system's provisions evaluated so far, by index.
    statuses: &'e [Option<Status>],
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
    /// Compiles a condition of `system` (whose provisions are indexed by `provisions`);
    /// `enums` are the enumerations by position in the vocabulary.
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
            Cond::Status(test, i) => cond::status_test(*test, i.and_then(|i| env.statuses[i])),
            Cond::Not(inner) => inner.eval(env).not(),
            Cond::And(cs) => cond::all(cs.iter().map(|c| c.eval(env))),
            Cond::Or(cs) => cond::any(cs.iter().map(|c| c.eval(env))),
        }
    }
}

/// Where the summary finds one condition of a version.
#[derive(Debug, Clone, Copy)]
enum Site {
    /// A condition on facts alone, shared by every provision that writes it: evaluated at
    /// most once per case, its result kept at this index of [`Summarizer::shared`].
    Shared(u32),
    /// A condition that names a provision or a parameter, whose result depends on the
    /// system: this index of [`SystemPlan::own`].
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
    fn compile(
        system: &'a System,
        vocab: &Vocabulary,
        enums: &[Enumeration],
        shared: &mut SharedConditions<'a>,
    ) -> Self {
        let index: HashMap<&str, usize> = system
            .provisions
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id.as_str(), i))
            .collect();
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
                    plan.add(&e.text, &e.when, (vocab, enums), &index, shared);
                }
                let middle = plan.sites.len() as u32;
                for a in &v.aggravations {
                    plan.add(&a.text, &a.when, (vocab, enums), &index, shared);
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
        (vocab, enums): (&Vocabulary, &[Enumeration]),
        index: &HashMap<&str, usize>,
        shared: &mut SharedConditions<'a>,
    ) {
        let compiled = Cond::compile(when, vocab, enums, self.system, index);
        let site = shared
            .site(text, when, compiled)
            .unwrap_or_else(|compiled| {
                self.own.push(compiled);
                Site::Own(self.own.len() as u32 - 1)
            });
        self.sites.push(site);
    }
}

/// Summarises cases against a law book; built once, used for many cases.
#[derive(Debug, Clone)]
pub struct Summarizer<'a> {
    book: &'a LawBook,
    /// By position in the vocabulary: the enumerations whose values [`Facts::bits`] numbers.
    enums: Vec<Enumeration<'a>>,
    systems: Vec<SystemPlan<'a>>,
    /// The conditions on facts alone, each once.
    shared: Vec<Cond<'a>>,
}

/// Gathers the conditions on facts alone, one per text: the same text parses to the same
/// condition (checked, not assumed).
#[derive(Default)]
struct SharedConditions<'a> {
    by_text: HashMap<&'a str, (u32, &'a Expr)>,
    compiled: Vec<Cond<'a>>,
}

impl<'a> SharedConditions<'a> {
    /// The shared site of the condition `when` (written `text`), or the compiled condition
    /// back when it cannot be shared.
    fn site(
        &mut self,
        text: &'a str,
        when: &'a Expr,
        compiled: Cond<'a>,
    ) -> Result<Site, Cond<'a>> {
        let on_facts_only = when.provisions().is_empty()
            && when
                .operands()
                .iter()
                .all(|o| matches!(o, Operand::Fact(_)));
        if !on_facts_only || text.is_empty() {
            return Err(compiled);
        }
        let next = self.compiled.len() as u32;
        match self.by_text.entry(text).or_insert((next, when)) {
            (i, _) if *i == next => {
                self.compiled.push(compiled);
                Ok(Site::Shared(next))
            }
            (i, first) if *first == when => Ok(Site::Shared(*i)),
            _ => Err(compiled),
        }
    }
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
        let mut shared = SharedConditions::default();
        let systems = book
            .systems
            .iter()
            .map(|system| SystemPlan::compile(system, &book.vocabulary, &enums, &mut shared))
            .collect();
        Self {
            book,
            enums,
            systems,
            shared: shared.compiled,
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
        let mut scratch = Scratch {
            shared: vec![None; self.shared.len()],
            statuses: Vec::new(),
        };
        let systems = self
            .systems
            .iter()
            .map(|plan| self.summarize_system(plan, &facts, case, law_date, &mut scratch))
            .collect();
        Summary { law_date, systems }
    }

    /// The case's facts by their position in the vocabulary.
    fn lay_out<'v>(&self, case: &'v Case) -> Facts<'v> {
        let vocab = &self.book.vocabulary;
        let mut facts = Facts {
            values: vec![None; vocab.facts.len()],
            bits: vec![None; vocab.facts.len()],
        };
        for (key, value) in case.iter() {
            if let Some(i) = vocab.slot(key) {
                facts.values[i] = Some(value);
                facts.bits[i] = self.enums[i].and_then(|e| bits_of(value, e));
            }
        }
        facts
    }

    fn summarize_system(
        &self,
        plan: &SystemPlan<'a>,
        facts: &Facts,
        case: &Case,
        law_date: NaiveDate,
        scratch: &mut Scratch,
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
        scratch.statuses.clear();
        scratch.statuses.resize(provisions.len(), None);
        // The version in force, as `Provision::version_at` finds it.
        let in_force = plan.periods.on(law_date);
        for &i in &system.evaluation_order {
            let version = plan.versions.get(in_force[i] as usize);
            let (status, penalty) = match version {
                None => (Status::Excluded, None),
                Some(v) => {
                    let env = Env {
                        facts,
                        case,
                        statuses: &scratch.statuses,
                    };
                    let version = &system.provisions[i].versions[v.index as usize];
                    self.qualify(plan, v, version, &env, &mut scratch.shared)
                }
            };
            scratch.statuses[i] = Some(status);
            provisions[i].status = status;
            provisions[i].penalty = penalty;
        }
        SystemSummary { system, provisions }
    }

    /// The status of one version for the facts, and its penalty when it applies.
    fn qualify(
        &self,
        plan: &SystemPlan<'a>,
        v: &VersionPlan,
        version: &'a Version,
        env: &Env,
        shared: &mut [Option<Tri>],
    ) -> (Status, Option<&'a Penalty>) {
        let mut eval = |site: &Site| match *site {
            Site::Own(k) => plan.own[k as usize].eval(env),
            Site::Shared(k) => {
                let k = k as usize;
                *shared[k].get_or_insert_with(|| self.shared[k].eval(env))
            }
        };
        let (start, middle, end) = (v.start as usize, v.middle as usize, v.end as usize);
        // Kleene conjunction: once an element is unmet, the others cannot change it.
        let overall = cond::all(plan.sites[start..middle].iter().map(&mut eval));
        let status = status_of(overall);
        if status != Status::Applies {
            return (status, None);
        }
        let mut penalty = &version.penalty;
        let mut winner_priority = i64::MIN;
        for (site, a) in plan.sites[middle..end].iter().zip(&version.aggravations) {
            if eval(site) == Tri::True {
                raise(&mut penalty, &mut winner_priority, &a.penalty, a.priority);
            }
        }
        (status, Some(penalty))
    }
}

/// What one case's summary keeps while it runs.
struct Scratch {
    /// The results of the conditions on facts alone, by index (`None`: not yet evaluated).
    shared: Vec<Option<Tri>>,
    /// The statuses of the current system's provisions.
    statuses: Vec<Option<Status>>,
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
                let env = Env {
                    facts: &facts,
                    case,
                    statuses: &by_index,
                };
                for (p, &(first, end)) in system.provisions.iter().zip(&plan.provisions) {
                    for vp in &plan.versions[first as usize..end as usize] {
                        let v = &p.versions[vp.index as usize];
                        let exprs = v.elements.iter().map(|e| &e.when);
                        let exprs = exprs.chain(v.aggravations.iter().map(|a| &a.when));
                        let sites = &plan.sites[vp.start as usize..vp.end as usize];
                        assert_eq!(sites.len(), v.elements.len() + v.aggravations.len());
                        for (e, site) in exprs.zip(sites) {
                            let compiled = match *site {
                                Site::Own(k) => &plan.own[k as usize],
                                Site::Shared(k) => &s.shared[k as usize],
                            };
                            assert_eq!(compiled.eval(&env), e.eval(&ctx), "{}: {e:?}", p.id);
                        }
                    }
                }
            }
        }
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
