//! The status and the applicable penalty of every provision, without the explanation: what
//! the analysis of many cases at once needs, at a fraction of the cost of
//! [`assess`](super::assess).
//!
//! The rules are those of `assess`: the same version in force, the same evaluation order
//! (a provision after those it names), the same conditions evaluated by the same
//! [`Expr::eval`], and the same rule for raising a penalty by aggravations
//! ([`super::qualify::raise`]). What is left out is what only explains: element traces,
//! missing facts, warnings, limitation and jurisdiction. `tests/batch.rs` checks on
//! generated cases that both give the same statuses and penalties.
//!
//! What makes it fast is found once per law book, not per case:
//! - a condition on facts alone is evaluated once per case, however many provisions write
//!   it ("victim.age < 18" appears in 84 places);
//! - the facts, parameters and provisions that conditions name are found by the address of
//!   their name in the law book (which does not move while it is borrowed), not by
//!   comparing texts;
//! - a conjunction of elements stops at the first unmet one, as Kleene logic allows.

use std::cell::Cell;
use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;

use super::Status;
use super::condition::{Context, Expr, Operand};
use super::logic::Tri;
use super::qualify::{raise, status_of};
use crate::facts::{Case, Value};
use crate::law::{LawBook, Penalty, Provision, System, SystemKind};

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

/// A map from the address of a name in the law book to a number: open addressing, at most
/// a quarter full.
#[derive(Debug, Clone)]
struct AddressTable {
    keys: Vec<usize>,
    values: Vec<u32>,
    shift: u32,
    len: usize,
}

impl AddressTable {
    fn new() -> Self {
        Self::with_bits(6)
    }

    fn with_bits(bits: u32) -> Self {
        Self {
            keys: vec![0; 1 << bits],
            values: vec![0; 1 << bits],
            shift: 64 - bits,
            len: 0,
        }
    }

    fn home(&self, address: usize) -> usize {
        ((address as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize
    }

    fn get(&self, address: usize) -> Option<u32> {
        let mask = self.keys.len() - 1;
        let mut i = self.home(address);
        loop {
            match self.keys[i] {
                0 => return None,
                k if k == address => return Some(self.values[i]),
                _ => i = (i + 1) & mask,
            }
        }
    }

    fn insert(&mut self, address: usize, value: u32) {
        debug_assert!(address != 0);
        if (self.len + 1) * 4 > self.keys.len() {
            let bits = 64 - self.shift + 1;
            let mut bigger = Self::with_bits(bits);
            for (k, v) in self.keys.iter().zip(&self.values) {
                if *k != 0 {
                    bigger.insert(*k, *v);
                }
            }
            *self = bigger;
        }
        let mask = self.keys.len() - 1;
        let mut i = self.home(address);
        loop {
            match self.keys[i] {
                0 => {
                    self.keys[i] = address;
                    self.values[i] = value;
                    self.len += 1;
                    return;
                }
                k if k == address => {
                    self.values[i] = value;
                    return;
                }
                _ => i = (i + 1) & mask,
            }
        }
    }
}

/// Marks a provision that a condition names but that is not in its system, and a condition
/// whose result is not shared (it names another provision or a parameter of its system).
const NONE: u32 = u32::MAX;

fn address(s: &str) -> usize {
    s.as_ptr() as usize
}

/// The result slots of the conditions of one version of a provision.
#[derive(Debug, Clone, Default)]
struct VersionSlots {
    elements: Vec<u32>,
    aggravations: Vec<u32>,
}

/// Per system: what its conditions name, found once.
#[derive(Debug, Clone)]
struct SystemIndex<'a> {
    /// Provision index by id (the fallback).
    by_id: HashMap<&'a str, usize>,
    /// Provision index by the address of an id in a condition (`applies(X)`).
    named: AddressTable,
    /// The values of the parameters its conditions read (national systems), and their
    /// index by the address of the parameter's name in a condition.
    parameters: Vec<Option<&'a Value>>,
    parameter_at: AddressTable,
    /// By provision, by version: the result slot of each condition.
    slots: Vec<Vec<VersionSlots>>,
}

/// Summarises cases against a law book; built once, used for many cases.
#[derive(Debug, Clone)]
pub struct Summarizer<'a> {
    book: &'a LawBook,
    systems: Vec<SystemIndex<'a>>,
    /// Fact slot (its position in the vocabulary) by the address of a fact key in a
    /// condition.
    facts: AddressTable,
    fact_count: usize,
    /// Slots of the conditions on facts alone.
    shared_count: usize,
}

/// What one case's summary remembers while it runs.
struct Scratch<'v> {
    /// The case's facts by slot, looked up on first use (`None`: not yet).
    values: Vec<Cell<Option<Option<&'v Value>>>>,
    /// The results of the conditions on facts alone, by slot (`None`: not yet evaluated).
    results: Vec<Cell<Option<Tri>>>,
}

struct LeanCtx<'c, 'v> {
    case: &'v Case,
    national: bool,
    parameters: Option<&'c BTreeMap<String, Value>>,
    index: &'c SystemIndex<'c>,
    facts: &'c AddressTable,
    values: &'c [Cell<Option<Option<&'v Value>>>],
    statuses: &'c [Option<Status>],
}

impl Context for LeanCtx<'_, '_> {
    fn value(&self, operand: &Operand) -> Option<&Value> {
        match operand {
            Operand::Fact(k) => match self.facts.get(address(k)) {
                Some(slot) => {
                    let cell = &self.values[slot as usize];
                    match cell.get() {
                        Some(v) => v,
                        None => {
                            let v = self.case.get(k);
                            cell.set(Some(v));
                            v
                        }
                    }
                }
                None => self.case.get(k),
            },
            Operand::Parameter(k) => {
                if !self.national {
                    return None;
                }
                match self.index.parameter_at.get(address(k)) {
                    Some(i) => self.index.parameters[i as usize],
                    None => self.parameters.and_then(|p| p.get(k)),
                }
            }
        }
    }

    fn status(&self, provision: &str) -> Option<Status> {
        let i = match self.index.named.get(address(provision)) {
            Some(NONE) => return None,
            Some(i) => i as usize,
            None => *self.index.by_id.get(provision)?,
        };
        self.statuses[i]
    }
}

/// Every condition of a system that a summary evaluates.
fn conditions(system: &System) -> impl Iterator<Item = &Expr> {
    system.provisions.iter().flat_map(|p| {
        p.versions.iter().flat_map(|v| {
            v.elements
                .iter()
                .map(|e| &e.when)
                .chain(v.aggravations.iter().map(|a| &a.when))
        })
    })
}

impl<'a> Summarizer<'a> {
    pub fn new(book: &'a LawBook) -> Self {
        let slot_of: HashMap<&str, u32> = book
            .vocabulary
            .facts
            .iter()
            .enumerate()
            .map(|(i, f)| (f.key.as_str(), i as u32))
            .collect();
        let mut facts = AddressTable::new();
        let mut systems = Vec::new();
        let mut shared: HashMap<&str, (u32, &Expr)> = HashMap::new();
        let mut slot = |text: &'a str, when: &'a Expr| -> u32 {
            let on_facts_only = when.provisions().is_empty()
                && when
                    .operands()
                    .iter()
                    .all(|o| matches!(o, Operand::Fact(_)));
            if !on_facts_only || text.is_empty() {
                return NONE;
            }
            let next = shared.len() as u32;
            match shared.entry(text).or_insert((next, when)) {
                // The same text parses to the same condition; checked, not assumed.
                (i, first) if *first == when => *i,
                _ => NONE,
            }
        };
        for s in &book.systems {
            let by_id: HashMap<&str, usize> = s
                .provisions
                .iter()
                .enumerate()
                .map(|(i, p)| (p.id.as_str(), i))
                .collect();
            let mut named = AddressTable::new();
            let mut parameters = Vec::new();
            let mut parameter_at = AddressTable::new();
            for c in conditions(s) {
                for op in c.operands() {
                    match op {
                        Operand::Fact(k) if !k.is_empty() => {
                            if let Some(&slot) = slot_of.get(k.as_str()) {
                                facts.insert(address(k), slot);
                            }
                        }
                        Operand::Parameter(k) if !k.is_empty() => {
                            parameter_at.insert(address(k), parameters.len() as u32);
                            parameters.push(s.parameters.get(k));
                        }
                        _ => {}
                    }
                }
                for id in c.provisions() {
                    if !id.is_empty() {
                        let i = by_id.get(id).map_or(NONE, |&i| i as u32);
                        named.insert(address(id), i);
                    }
                }
            }
            let slots = s
                .provisions
                .iter()
                .map(|p| {
                    p.versions
                        .iter()
                        .map(|v| VersionSlots {
                            elements: v.elements.iter().map(|e| slot(&e.text, &e.when)).collect(),
                            aggravations: v
                                .aggravations
                                .iter()
                                .map(|a| slot(&a.text, &a.when))
                                .collect(),
                        })
                        .collect()
                })
                .collect();
            systems.push(SystemIndex {
                by_id,
                named,
                parameters,
                parameter_at,
                slots,
            });
        }
        let shared_count = shared.len();
        Self {
            book,
            systems,
            facts,
            fact_count: book.vocabulary.facts.len(),
            shared_count,
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
        let scratch = Scratch {
            values: vec![Cell::new(None); self.fact_count],
            results: vec![Cell::new(None); self.shared_count],
        };
        let systems = self
            .book
            .systems
            .iter()
            .zip(&self.systems)
            .map(|(system, index)| {
                summarize_system(system, index, &self.facts, &scratch, case, law_date)
            })
            .collect();
        Summary { law_date, systems }
    }
}

fn summarize_system<'a, 'v>(
    system: &'a System,
    index: &SystemIndex<'_>,
    facts: &AddressTable,
    scratch: &Scratch<'v>,
    case: &'v Case,
    law_date: NaiveDate,
) -> SystemSummary<'a> {
    let eval = |when: &Expr, slot: u32, ctx: &LeanCtx| -> Tri {
        let Some(cell) = scratch.results.get(slot as usize) else {
            return when.eval(ctx);
        };
        match cell.get() {
            Some(t) => t,
            None => {
                let t = when.eval(ctx);
                cell.set(Some(t));
                t
            }
        }
    };
    let national = system.kind == SystemKind::National;
    let n = system.provisions.len();
    let mut statuses: Vec<Option<Status>> = vec![None; n];
    let mut penalties: Vec<Option<&'a Penalty>> = vec![None; n];
    for &i in &system.evaluation_order {
        let provision = &system.provisions[i];
        let ctx = LeanCtx {
            case,
            national,
            parameters: national.then_some(&system.parameters),
            index,
            facts,
            values: &scratch.values,
            statuses: &statuses,
        };
        let Some(version) = provision.version_at(law_date) else {
            statuses[i] = Some(Status::Excluded);
            continue;
        };
        let slots = provision
            .versions
            .iter()
            .position(|v| std::ptr::eq(v, version))
            .and_then(|vi| index.slots[i].get(vi));
        let slot_of = |list: fn(&VersionSlots) -> &Vec<u32>, k: usize| {
            slots.and_then(|s| list(s).get(k).copied()).unwrap_or(NONE)
        };
        // Kleene conjunction: once an element is unmet, the others cannot change it.
        let mut overall = Tri::True;
        for (k, e) in version.elements.iter().enumerate() {
            overall = overall.and(eval(&e.when, slot_of(|s| &s.elements, k), &ctx));
            if overall == Tri::False {
                break;
            }
        }
        let status = status_of(overall);
        if status == Status::Applies {
            let mut penalty = &version.penalty;
            let mut winner_priority = i64::MIN;
            for (k, a) in version.aggravations.iter().enumerate() {
                if eval(&a.when, slot_of(|s| &s.aggravations, k), &ctx) == Tri::True {
                    raise(&mut penalty, &mut winner_priority, &a.penalty, a.priority);
                }
            }
            penalties[i] = Some(penalty);
        }
        statuses[i] = Some(status);
    }
    let provisions = system
        .provisions
        .iter()
        .zip(statuses.into_iter().zip(penalties))
        .map(|(provision, (status, penalty))| ProvisionSummary {
            provision,
            status: status.unwrap_or(Status::Excluded),
            penalty,
        })
        .collect();
    SystemSummary { system, provisions }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_address_table_finds_what_it_holds() {
        let names: Vec<String> = (0..1000).map(|i| format!("fact.{i}")).collect();
        let mut t = AddressTable::new();
        for (i, n) in names.iter().enumerate() {
            t.insert(address(n), i as u32);
        }
        for (i, n) in names.iter().enumerate() {
            assert_eq!(t.get(address(n)), Some(i as u32));
        }
        let other = String::from("fact.1");
        assert_eq!(t.get(address(&other)), None);
    }
}
