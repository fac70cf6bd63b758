//! The plan: the law book compiled once, and the one evaluator that every use of the law
//! goes through.
//!
//! [`Plan::evaluate`] gives the status of every provision of the systems asked for, and its
//! penalty when it applies, reporting what it finds to an [`Observer`]: `assess` explains
//! (every element and aggravation, and the conditions of the limitation and jurisdiction
//! rules: [`Observer::EXPLAINS`]), batch only collects the statuses and penalties
//! ([`Summary`]), and the interview's trials compare statuses before and after an answer,
//! evaluating again only the conditions that the changed facts touch
//! ([`Plan::prepare_changed`]). [`Expr::eval`](super::condition::Expr::eval), which walks
//! a condition's tree, is kept as the reference the tests compare the plan with.
//! Conditions outside the law book (a sentencing guideline's) are compiled by the same
//! compiler and read by the same evaluator ([`free`]); batch's statuses and penalties are
//! in [`summary`].
//!
//! What makes it fast is done once per law book, not per case:
//! - every condition is compiled ([`cond`]): a fact becomes its position in the
//!   vocabulary, a state parameter its value, a provision its index in the system, so that
//!   evaluating it compares no names and hashes nothing;
//! - per case, the facts are laid out once by position ([`Prepared`]), at the positions the
//!   case reader already found; a value of an enumeration is also numbered, so that `in
//!   [..]` and `contains` compare bits, not texts;
//! - every condition, and every part of one, that tests no provision's status is a node of
//!   one [`graph`] evaluated once per case before any provision;
//! - the version of each provision in force on a date is read from a table of periods,
//!   found by one binary search per case and system;
//! - a conjunction of elements stops at the first unmet one when nothing is explained, as
//!   Kleene logic allows, and a conjunction or disjunction of status tests is read as a
//!   flat list of them.

mod cond;
mod free;
mod graph;
mod pool;
mod summary;
mod system;
#[cfg(test)]
mod tests;

use std::cell::Cell;

use chrono::NaiveDate;

pub use cond::Facts;
use cond::{Cond, Enumeration, Env, Scope, bits_of};
pub use free::{FreeCondition, Layout, StatedFacts};
use graph::Graph;
pub use summary::{ProvisionSummary, Summary, SystemSummary};
use system::{Periods, SystemPlan};

use super::Status;
use super::condition as conds;
use super::logic::Tri;
use qualif_law::facts::{Case, FactType, Value};
use qualif_law::law::{LawBook, Penalty, Provision, System, SystemKind, Version};

/// The date whose law is applied, and why that one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LawDate {
    /// A date the user asked for (`--date`).
    Requested(NaiveDate),
    /// The date of the facts.
    Facts(NaiveDate),
    /// Today's, because the case gives no date of the facts.
    Today(NaiveDate),
}

impl LawDate {
    /// The law in force on the date asked for, else on the date of the facts, else today.
    pub fn of(case: &Case, requested: Option<NaiveDate>, today: NaiveDate) -> Self {
        match (requested, case.date("case.date_of_facts")) {
            (Some(d), _) => LawDate::Requested(d),
            (None, Some(d)) => LawDate::Facts(d),
            (None, None) => LawDate::Today(today),
        }
    }

    pub fn date(self) -> NaiveDate {
        match self {
            LawDate::Requested(d) | LawDate::Facts(d) | LawDate::Today(d) => d,
        }
    }
}

/// What the evaluation of one provision found.
#[derive(Debug, Clone, Copy)]
pub struct Outcome<'a, 't> {
    /// Its index in its system (the order of the data file).
    pub index: usize,
    pub provision: &'a Provision,
    /// The version in force at the law's date (`None`: not in force, or no data for the
    /// date when the status is possible).
    pub version: Option<&'a Version>,
    pub status: Status,
    /// The base penalty of the version raised by every aggravation that applies: when the
    /// provision applies, and, when explained, for any version in force.
    pub penalty: Option<&'a Penalty>,
    /// When explained: the value of each element of the version, in order.
    pub elements: &'t [Tri],
    /// When explained: the value of each aggravation of the version, in order.
    pub aggravations: &'t [Tri],
}

/// What the evaluation of a system's rules of limitation and jurisdiction found, when
/// explained: the value of each rule's condition, in the order of the system's rules.
#[derive(Debug, Clone, Copy)]
pub struct Rules<'t> {
    /// `True` for a rule without a condition.
    pub limitations: &'t [Tri],
    pub jurisdictions: &'t [Tri],
}

/// What is told what the evaluation finds.
pub trait Observer<'a> {
    /// Whether every element and aggravation is evaluated and reported (and the rules of
    /// limitation and jurisdiction), or only statuses and penalties.
    const EXPLAINS: bool;
    /// A system's evaluation begins (its index in the plan's systems, or in its readings).
    fn system(&mut self, _index: usize, _system: &'a System) {}
    /// One provision evaluated and explained, in the system's evaluation order (a
    /// provision after those it names): only when [`Observer::EXPLAINS`].
    fn provision(&mut self, _outcome: &Outcome<'a, '_>) {}
    /// One provision evaluated, when not [`Observer::EXPLAINS`]: its index in the system,
    /// the version in force, its status, and its penalty when it applies (or when it is
    /// possible and other provisions give way to it: what they would give way to).
    fn status(
        &mut self,
        _index: usize,
        _version: Option<&'a Version>,
        _status: Status,
        _penalty: Option<&'a Penalty>,
    ) {
    }
    /// The system's rules, after its provisions (only when [`Observer::EXPLAINS`]).
    fn rules(&mut self, _rules: Rules<'_>) {}
}

/// The facts of one case laid out for the plan, and the value of every node of its graph:
/// of every layer, or of the first ones only (what a summary reads, and the conduct
/// classes batch reads beside it: see [`graph`]).
#[derive(Debug, Clone)]
pub struct Prepared<'v> {
    case: &'v Case,
    facts: Facts<'v>,
    nodes: Vec<Tri>,
    /// How many layers of the graph were evaluated.
    layers: usize,
}

impl Drop for Prepared<'_> {
    fn drop(&mut self) {
        pool::give_tris(std::mem::take(&mut self.nodes));
    }
}

impl<'v> Prepared<'v> {
    pub fn case(&self) -> &'v Case {
        self.case
    }

    /// The positions in the vocabulary of the facts presumed (the case does not state
    /// them), in the order they were presumed.
    pub fn presumed(&self) -> &[usize] {
        &self.facts.presumed
    }
}

/// The enumerations [`Facts`] numbers, by position in the vocabulary.
fn enumerations(vocab: &qualif_law::facts::Vocabulary) -> Vec<Enumeration<'_>> {
    vocab
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
        .collect()
}

/// The law book, compiled once.
#[derive(Debug, Clone)]
pub struct Plan<'a> {
    book: &'a LawBook,
    /// By position in the vocabulary: the enumerations whose values [`Facts`] numbers.
    enums: Vec<Enumeration<'a>>,
    graph: Graph<'a>,
    /// By system of the law book, read on its own.
    systems: Vec<SystemPlan<'a>>,
    /// Each instrument read for each national system of the law book.
    readings: Vec<SystemPlan<'a>>,
    /// Each conduct class with a condition, and its node.
    conducts: Vec<(&'a str, u32)>,
    /// The indices of the national systems of the law book.
    national: Vec<usize>,
    /// The presumptions of the law book, in order: the fact's position, its presumed
    /// value, and the condition under which it is presumed.
    presumptions: Vec<(usize, &'a Value, Cond<'a>)>,
    /// By system of the law book: the summary of its provisions before any is evaluated.
    blank_summaries: Vec<Vec<ProvisionSummary<'a>>>,
    /// What tells a [`Layout`] that lays facts out as this plan does ([`free::identity`]).
    layout: free::LayoutIdentity,
}

/// Statuses, elements and aggravations of one system, reused from case to case.
#[derive(Debug, Default)]
pub struct Scratch {
    statuses: Vec<Option<Status>>,
    elements: Vec<Tri>,
    aggravations: Vec<Tri>,
    limitations: Vec<Tri>,
    jurisdictions: Vec<Tri>,
}

impl<'a> Plan<'a> {
    pub fn new(book: &'a LawBook) -> Self {
        let enums = enumerations(&book.vocabulary);
        let mut builder = graph::GraphBuilder::new(&book.vocabulary, &enums);
        let scopes: Vec<Scope> = book
            .systems
            .iter()
            .enumerate()
            .map(|(index, system)| Scope::new(system, None, index))
            .collect();
        let mut systems: Vec<SystemPlan> = book
            .systems
            .iter()
            .zip(&scopes)
            .map(|(system, scope)| SystemPlan::compile(system, scope, &mut builder))
            .collect();
        builder.start_layer();
        let facts_only = Scope::facts_only();
        let conducts = book
            .conduct_conditions
            .iter()
            .map(|(id, when)| (id.as_str(), builder.site("", when, &facts_only)))
            .collect();
        builder.start_layer();
        for (plan, scope) in systems.iter_mut().zip(&scopes) {
            plan.compile_rules(scope, &mut builder);
        }
        let mut readings = Vec::new();
        let of_kind = |kind| book.systems.iter().filter(move |s| s.kind == kind);
        for instrument in of_kind(SystemKind::International) {
            for state in of_kind(SystemKind::National) {
                let scope =
                    Scope::new(instrument, Some(state), book.systems.len() + readings.len());
                readings.push(SystemPlan::compile(instrument, &scope, &mut builder));
            }
        }
        let graph = builder.finish();
        // Applied to the facts before the graph reads them: compiled on their own.
        let presumptions = book
            .presumptions
            .iter()
            .filter_map(|p| {
                let slot = book.vocabulary.slot(&p.fact)?;
                let when = Cond::compile(&p.when, &book.vocabulary, &enums, &facts_only);
                Some((slot, &p.value, when))
            })
            .collect();
        let national = (0..book.systems.len())
            .filter(|&i| book.systems[i].kind == SystemKind::National)
            .collect();
        Self {
            book,
            enums,
            graph,
            systems,
            readings,
            conducts,
            national,
            presumptions,
            blank_summaries: summary::blank_summaries(book),
            layout: free::identity(&book.vocabulary),
        }
    }

    pub fn book(&self) -> &'a LawBook {
        self.book
    }

    /// Lays out the facts of a case and evaluates the graph for them: everything any
    /// evaluation may read.
    pub fn prepare<'v>(&self, case: &'v Case) -> Prepared<'v>
    where
        'a: 'v,
    {
        self.prepare_layers(case, graph::LAYERS)
    }

    /// [`Plan::prepare`], for what batch reads only: a summary
    /// ([`Plan::summarize_national_prepared`]) and the conduct classes
    /// ([`Plan::conduct`]), not the rules nor the instruments read for a state.
    pub fn prepare_for_conducts<'v>(&self, case: &'v Case) -> Prepared<'v>
    where
        'a: 'v,
    {
        self.prepare_layers(case, graph::CONDUCTS)
    }

    /// [`Plan::prepare_for_conducts`] from the facts as a guideline's [`Layout`] laid them
    /// out for its own conditions (the facts the case states): when that layout is the
    /// plan's, they are not laid out again, the plan only adding its presumptions.
    pub fn prepare_for_conducts_from<'v>(&self, stated: StatedFacts<'v>) -> Prepared<'v>
    where
        'a: 'v,
    {
        let case = stated.case();
        let facts = self.facts_from(stated);
        self.prepare_facts(case, facts, graph::CONDUCTS)
    }

    /// [`Plan::prepare`], for what [`Plan::summarize`] reads only: the provisions of the
    /// systems read on their own, nothing explained.
    fn prepare_for_summary<'v>(&self, case: &'v Case) -> Prepared<'v>
    where
        'a: 'v,
    {
        self.prepare_layers(case, graph::PROVISIONS)
    }

    fn prepare_layers<'v>(&self, case: &'v Case, layers: usize) -> Prepared<'v>
    where
        'a: 'v,
    {
        let facts = self.lay_out(case);
        self.prepare_facts(case, facts, layers)
    }

    /// Evaluates the graph's first `layers` for the facts laid out.
    fn prepare_facts<'v>(&self, case: &'v Case, facts: Facts<'v>, layers: usize) -> Prepared<'v> {
        let mut nodes = pool::tris();
        self.graph.evaluate(&facts, case, &mut nodes, layers);
        Prepared {
            case,
            facts,
            nodes,
            layers,
        }
    }

    /// The facts a guideline's layout laid out, with the presumptions: as they are when
    /// the layout is the plan's, laid out again otherwise.
    fn facts_from<'v>(&self, stated: StatedFacts<'v>) -> Facts<'v>
    where
        'a: 'v,
    {
        match stated.into_facts(self.layout) {
            Ok((case, mut facts)) => {
                self.presume(case, &mut facts);
                facts
            }
            Err(case) => self.lay_out(case),
        }
    }

    /// [`Plan::prepare`] for a case that differs from an already prepared one in a few
    /// facts (an answer, and the facts derived from it): only the conditions that read a
    /// fact whose value changed are evaluated again.
    pub fn prepare_changed<'v>(&self, base: &Prepared<'_>, case: &'v Case) -> Prepared<'v>
    where
        'a: 'v,
    {
        let facts = self.lay_out(case);
        let changed: Vec<usize> = (0..facts.values.len())
            .filter(|&i| facts.values[i] != base.facts.values[i])
            .collect();
        let mut nodes = base.nodes.clone();
        self.graph
            .evaluate_again(&facts, case, &changed, &mut nodes, base.layers);
        Prepared {
            case,
            facts,
            nodes,
            layers: base.layers,
        }
    }

    /// The case's facts by their position in the vocabulary, with the facts presumed.
    fn lay_out<'v>(&self, case: &'v Case) -> Facts<'v>
    where
        'a: 'v,
    {
        let vocab = &self.book.vocabulary;
        // The position the case was read with, unless the case was read with another
        // vocabulary where it is not this one's: then looked up by name. The key read with
        // this vocabulary is its interned key: the same text at the same address, told
        // without comparing the texts.
        let mut facts = free::lay_out_stated(
            case,
            vocab.facts.len(),
            |i| self.enums[i],
            |key, slot| {
                slot.filter(|&i| {
                    vocab
                        .facts
                        .get(i)
                        .is_some_and(|f| std::ptr::eq(vocab.interned_key(i), key) || f.key == key)
                })
                .or_else(|| vocab.slot(key))
            },
            self.presumptions.len(),
        );
        self.presume(case, &mut facts);
        facts
    }

    /// Adds to the facts a case states those presumed: a fact the case does not state is
    /// presumed when the condition holds (on the facts stated and those presumed before
    /// it).
    fn presume<'v>(&self, case: &'v Case, facts: &mut Facts<'v>)
    where
        'a: 'v,
    {
        for (slot, value, when) in &self.presumptions {
            if facts.values[*slot].is_some() {
                continue;
            }
            let env = Env {
                facts: &*facts,
                case,
                statuses: &[],
                nodes: &[],
            };
            if when.eval(&env) == Tri::True {
                facts.values[*slot] = Some(value);
                facts.bits[*slot] = self.enums[*slot].and_then(|e| bits_of(value, e));
                facts.known.push(*slot);
                facts.presumed.push(*slot);
            }
        }
    }

    /// Evaluates the systems of the law book whose indices `systems` yields (in that
    /// order), at the law of `law_date`, telling `observer`.
    pub fn evaluate<O: Observer<'a>>(
        &self,
        prepared: &Prepared,
        law_date: NaiveDate,
        systems: impl IntoIterator<Item = usize>,
        scratch: &mut Scratch,
        observer: &mut O,
    ) {
        assert!(
            prepared.layers == graph::LAYERS || !O::EXPLAINS,
            "an explanation reads every node"
        );
        for index in systems {
            observer.system(index, self.systems[index].system);
            self.evaluate_system(&self.systems[index], prepared, law_date, scratch, observer);
        }
    }

    /// The index in [`Plan::evaluate_reading`] of an instrument read for a national system
    /// (both by their index in the law book).
    pub fn reading(&self, instrument: usize, state: usize) -> Option<usize> {
        let (instrument, state) = (&self.book.systems[instrument], &self.book.systems[state]);
        self.readings.iter().position(|r| {
            std::ptr::eq(r.system, instrument) && r.state.is_some_and(|s| std::ptr::eq(s, state))
        })
    }

    /// Evaluates an instrument read for a state ([`Plan::reading`]).
    pub fn evaluate_reading<O: Observer<'a>>(
        &self,
        reading: usize,
        prepared: &Prepared,
        law_date: NaiveDate,
        scratch: &mut Scratch,
        observer: &mut O,
    ) {
        assert!(
            prepared.layers == graph::LAYERS,
            "a reading's nodes are in the last layer"
        );
        observer.system(reading, self.readings[reading].system);
        self.evaluate_system(
            &self.readings[reading],
            prepared,
            law_date,
            scratch,
            observer,
        );
    }

    /// Whether the facts engage a conduct class: `None` when the class has no condition.
    pub fn conduct(&self, prepared: &Prepared, id: &str) -> Option<Tri> {
        assert!(
            prepared.layers >= graph::CONDUCTS,
            "the conduct classes are in the second layer"
        );
        self.conducts
            .iter()
            .find(|(c, _)| *c == id)
            .map(|&(_, node)| prepared.nodes[node as usize])
    }

    fn evaluate_system<O: Observer<'a>>(
        &self,
        plan: &SystemPlan<'a>,
        prepared: &Prepared,
        law_date: NaiveDate,
        scratch: &mut Scratch,
        observer: &mut O,
    ) {
        let system = plan.system;
        scratch.statuses.clear();
        scratch.statuses.resize(system.provisions.len(), None);
        let statuses = Cell::from_mut(scratch.statuses.as_mut_slice()).as_slice_of_cells();
        let env = Env {
            facts: &prepared.facts,
            case: prepared.case,
            statuses,
            nodes: &prepared.nodes,
        };
        // The version in force, as `Provision::version_at` finds it. Without one, a
        // provision is excluded (not yet, or no longer, an offence), unless the date is
        // before its first version and that version did not create the offence: the data
        // then says nothing about the law, and the provision is possible.
        let in_force = plan.periods.on(law_date);
        if !O::EXPLAINS {
            for &i in &system.evaluation_order {
                let k = in_force[i];
                let (version, status, penalty) = match plan.versions.get(k as usize) {
                    None => (None, Periods::status_without_version(k), None),
                    Some(v) => {
                        let (status, penalty) = Self::summarize_version(plan, v, &env);
                        (Some(v.version), status, penalty)
                    }
                };
                statuses[i].set(Some(status));
                observer.status(i, version, status, penalty);
            }
            return;
        }
        for &i in &system.evaluation_order {
            let provision = &system.provisions[i];
            let k = in_force[i];
            let mut outcome = Outcome {
                index: i,
                provision,
                version: None,
                status: Periods::status_without_version(k),
                penalty: None,
                elements: &[],
                aggravations: &[],
            };
            if let Some(v) = plan.versions.get(k as usize) {
                let version = v.version;
                let sites = &plan.sites[v.start as usize..v.end as usize];
                let (elements, aggravations) = sites.split_at((v.middle - v.start) as usize);
                let value = |site: &system::Site| plan.value(*site, &env);
                scratch.elements.clear();
                scratch.elements.extend(elements.iter().map(value));
                scratch.aggravations.clear();
                scratch.aggravations.extend(aggravations.iter().map(value));
                let overall = scratch
                    .elements
                    .iter()
                    .fold(Tri::True, |acc, t| acc.and(*t));
                outcome.version = Some(version);
                outcome.status = plan.give_way(v, super::qualify::status_of(overall), &env);
                outcome.penalty = Some(raised(version, &scratch.aggravations));
                outcome.elements = &scratch.elements;
                outcome.aggravations = &scratch.aggravations;
            }
            statuses[i].set(Some(outcome.status));
            observer.provision(&outcome);
        }
        scratch.limitations.clear();
        scratch.limitations.extend(
            plan.limitations
                .iter()
                .map(|s| s.map_or(Tri::True, |s| plan.value(s, &env))),
        );
        scratch.jurisdictions.clear();
        scratch
            .jurisdictions
            .extend(plan.jurisdictions.iter().map(|s| plan.value(*s, &env)));
        observer.rules(Rules {
            limitations: &scratch.limitations,
            jurisdictions: &scratch.jurisdictions,
        });
    }

    /// The status of one version for the facts, and its penalty when it applies or may,
    /// without explaining: a conjunction of elements that test a provision's status stops
    /// at the first unmet one (Kleene logic: the others cannot change it), and the
    /// aggravations are read only when it is not excluded.
    #[inline(always)]
    fn summarize_version(
        plan: &SystemPlan<'a>,
        v: &system::VersionPlan<'a>,
        env: &Env,
    ) -> (Status, Option<&'a Penalty>) {
        let value = |site: &system::Site| plan.value(*site, env);
        let (start, middle, end) = (v.start as usize, v.middle as usize, v.end as usize);
        // Nodes are computed already: every one is read, in a loop whose length does not
        // depend on their values (see `graph::Operation::apply`). A condition on statuses
        // is evaluated only until the first unmet element.
        let overall = match v.element_nodes {
            Some((first, last)) => plan.element_nodes[first as usize..last as usize]
                .iter()
                .fold(Tri::True, |acc, &k| acc.and(env.nodes[k as usize])),
            None => conds::all(plan.sites[start..middle].iter().map(value)),
        };
        let status = super::qualify::status_of(overall);
        if status == Status::Excluded {
            return (status, None);
        }
        let status = plan.give_way(v, status, env);
        if status == Status::Excluded {
            return (status, None);
        }
        let version = v.version;
        let mut penalty = &version.penalty;
        let mut winner = i64::MIN;
        for (site, a) in plan.sites[middle..end].iter().zip(&version.aggravations) {
            if value(site) == Tri::True {
                super::qualify::raise(&mut penalty, &mut winner, &a.penalty, a.priority);
            }
        }
        (status, Some(penalty))
    }
}

/// The base penalty of a version raised by every aggravation that applies (`values`, in
/// the order of the version's aggravations).
fn raised<'a>(version: &'a Version, values: &[Tri]) -> &'a Penalty {
    let mut penalty = &version.penalty;
    let mut winner = i64::MIN;
    for (t, a) in values.iter().zip(&version.aggravations) {
        if *t == Tri::True {
            super::qualify::raise(&mut penalty, &mut winner, &a.penalty, a.priority);
        }
    }
    penalty
}
