//! The "next question": which unknown fact, once answered, would decide most of what the
//! user will read, weighted by what it decides ([`weights`]).
//!
//! Generic: it knows no country. For every askable fact that an undecided provision, a
//! rule of jurisdiction or limitation, or a finding beyond the law book ([`Beyond`]: the
//! sentencing scales) still reads, it tries the values the fact can take (true and false,
//! each enumeration value, the thresholds the conditions compare it with, the dates on
//! which versions of the law change) and watches what moves. A fact whose answer cannot
//! move any of them is never proposed.
//!
//! `candidates`: the facts and the answers worth trying; `trials`: trying them; `score`:
//! weighing what moved.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::{Days, NaiveDate};

use super::ElementLabel;
use super::condition::{Expr, Operand};
use super::logic::Tri;
use super::plan::{LawDate, Observer, Outcome, Plan, Prepared, Scratch};
use super::{Assessment, Qualification, Status, assess};
use qualif_law::facts::{Case, FactDef, FactType, Localized, Value};
use qualif_law::law::{
    Jurisdiction, LawBook, Penalty, Provision, System, SystemKind, Term, Version, VersionStatus,
};

/// The weight of life imprisonment, in months, when penalties are weighed.
pub const LIFE_MONTHS: f64 = 600.0;

mod candidates;
mod score;
#[cfg(test)]
mod tests;
mod trials;
pub mod weights;

use candidates::*;
use score::*;
use trials::*;

pub use score::penalty_months;

/// At most this many trial assessments are spent looking for facts that only matter
/// together with another one.
const MAX_PAIR_TRIALS: usize = 3000;

/// An element or aggravation that an answer would decide.
#[derive(Debug, Clone, PartialEq)]
pub struct DecidedPart<'a> {
    pub id: String,
    pub label: ElementLabel<'a>,
}

/// One provision whose status or penalty an answer would change.
#[derive(Debug, Clone)]
pub struct Decided<'a> {
    pub system: &'a str,
    pub provision: &'a Provision,
    /// Its status now.
    pub status: Status,
    /// Its elements unknown now that some answer decides.
    pub elements: Vec<DecidedPart<'a>>,
    /// Its aggravations possible now that some answer decides.
    pub aggravations: Vec<DecidedPart<'a>>,
    /// Only the penalty would change (an aggravation), not the status.
    pub penalty_only: bool,
    /// Its weight in the score: its maximum term in months.
    pub weight: f64,
}

/// A question worth asking, and why.
#[derive(Debug, Clone)]
pub struct QuestionScore<'a> {
    pub fact: &'a FactDef,
    /// Sum over the provisions it decides of their maximum penalty in months (life counts
    /// [`LIFE_MONTHS`]); a provision whose penalty only would change counts half.
    pub score: f64,
    pub decides: Vec<Decided<'a>>,
    /// Set when no single answer to this fact changes anything, but answering it together
    /// with this other fact does (the two must both be known).
    pub together_with: Option<&'a FactDef>,
    /// The grounds of jurisdiction it decides, by system, the weightiest first.
    pub reach: Vec<DecidedReach<'a>>,
    /// The national systems in which it decides which limitation rule governs (hence the
    /// deadline).
    pub limitation: Vec<&'a str>,
    /// The systems (by id) whose retained qualification some answer can change (a
    /// provision at least as heavy as the retained one changes status).
    pub retained: Vec<&'a str>,
    /// The systems whose retained qualification's penalty only some answer can change.
    pub retained_penalty: Vec<&'a str>,
    /// The sentencing scales' findings some answer changes.
    pub scale: Vec<ScaleDecided<'a>>,
}

/// A sentencing scale's finding that an answer would change.
#[derive(Debug, Clone, PartialEq)]
pub struct ScaleDecided<'a> {
    /// The scale's name.
    pub scale: &'a Localized,
    pub part: ScalePart<'a>,
}

/// What of a scale an answer would change.
#[derive(Debug, Clone, PartialEq)]
pub enum ScalePart<'a> {
    Category,
    Role,
    /// The starting point (the cell of a category and a role) or the statutory cap.
    StartingPoint,
    /// An aggravating or mitigating factor, by its label.
    Factor(&'a Localized),
}

/// Findings beyond the law book that answers can change (the sentencing scales, which the
/// analysis knows): the engine tries the answers and weighs what changes
/// ([`weights::SCALE`]).
pub trait Beyond<'a> {
    /// The conditions read: their facts are candidates, their literals answers to try.
    fn conditions(&self) -> Vec<&'a Expr>;
    /// Adds to `out` (once each) what a trial case changes against the base case.
    fn changes(&self, trial: &Case, out: &mut Vec<ScaleDecided<'a>>);
}

/// A ground of jurisdiction an answer would decide.
#[derive(Debug, Clone)]
pub struct DecidedReach<'a> {
    pub system: &'a System,
    pub rule: &'a Jurisdiction,
    /// Whether the state can prosecute at all depends on it (no other ground holds).
    pub prosecution: bool,
    pub weight: f64,
}

/// The questions worth asking next, best first: unknown, askable facts whose answer can
/// change the status or the penalty of some provision, scored by what they decide
/// (weighted by maximum penalty), ties broken by the vocabulary's `order`.
pub fn next_questions<'a>(
    plan: &Plan<'a>,
    case: &Case,
    law_date: Option<NaiveDate>,
    today: NaiveDate,
) -> Vec<QuestionScore<'a>> {
    next_questions_skipping(plan, case, law_date, today, &BTreeSet::new())
}

/// As [`next_questions`], never proposing the facts of `skip` (those the user answered
/// "I don't know").
pub fn next_questions_skipping<'a>(
    plan: &Plan<'a>,
    case: &Case,
    law_date: Option<NaiveDate>,
    today: NaiveDate,
    skip: &BTreeSet<String>,
) -> Vec<QuestionScore<'a>> {
    next_questions_with(plan, case, law_date, today, skip, None)
}

/// As [`next_questions_skipping`], weighing also what `beyond` reads.
pub fn next_questions_with<'a>(
    plan: &Plan<'a>,
    case: &Case,
    law_date: Option<NaiveDate>,
    today: NaiveDate,
    skip: &BTreeSet<String>,
    beyond: Option<&dyn Beyond<'a>>,
) -> Vec<QuestionScore<'a>> {
    let book = plan.book();
    let base = assess(plan, case, &[], law_date, today);
    let mut literals = Literals::collect(book);
    let prober = Prober::new(plan, &base, case, law_date, today, beyond, skip);
    // Candidate facts, and the systems whose results each may move.
    let mut candidates: BTreeMap<&str, BTreeSet<usize>> = BTreeMap::new();
    for (si, r) in base.systems.iter().enumerate() {
        for q in &r.qualifications {
            for key in needed_facts(q) {
                candidates.entry(key).or_default().insert(si);
            }
        }
    }
    // The facts the rules of jurisdiction and limitation read, for the national systems
    // where some provision is not excluded: whether a state can prosecute, and until when.
    for (si, r) in base.systems.iter().enumerate() {
        let open = r
            .qualifications
            .iter()
            .any(|q| q.status != Status::Excluded);
        if r.system.kind != SystemKind::National || !open {
            continue;
        }
        let mut read = BTreeSet::new();
        for j in &r.system.jurisdictions {
            facts_of(&j.when, &mut read);
        }
        for l in &r.system.limitations {
            if let Some(w) = &l.when {
                facts_of(w, &mut read);
            }
        }
        for key in read {
            if let Some(def) = book.vocabulary.fact(&key) {
                candidates.entry(def.key.as_str()).or_default().insert(si);
            }
        }
    }
    // The facts the findings beyond the law book read (no system to evaluate again).
    let mut beyond_facts: BTreeSet<&str> = BTreeSet::new();
    for e in beyond.map(|b| b.conditions()).unwrap_or_default() {
        literals.walk(e);
        let mut read = BTreeSet::new();
        facts_of(e, &mut read);
        for key in read {
            if let Some(def) = book.vocabulary.fact(&key) {
                candidates.entry(def.key.as_str()).or_default();
                beyond_facts.insert(def.key.as_str());
            }
        }
    }
    let all: BTreeSet<usize> = (0..base.systems.len()).collect();
    if law_date.is_none() {
        candidates.insert("case.date_of_facts", all.clone());
    }
    // A presumed fact is still asked: an answer may overturn the presumption.
    for p in &base.presumed {
        candidates.insert(&p.fact, all.clone());
    }
    let askable = |key: &str| {
        book.vocabulary
            .fact(key)
            .filter(|d| d.asked() && !case.is_known(key) && !skip.contains(key))
    };
    let mut out = Vec::new();
    let mut idle: Vec<(&FactDef, BTreeSet<usize>)> = Vec::new();
    for (key, systems) in &candidates {
        let Some(def) = askable(key) else { continue };
        let values = trial_values(def, book, case, today, &literals);
        let read_beyond = beyond_facts.contains(key);
        let effect = prober.effect(case, &[(def, &values)], systems, read_beyond);
        if effect.is_empty() {
            idle.push((def, systems.clone()));
        } else {
            out.push(effect.into_score(def, None, &base));
        }
    }
    // Facts that only matter together, when no single answer moves the law's findings.
    let law_moves = |q: &QuestionScore| {
        !q.decides.is_empty() || !q.reach.is_empty() || !q.limitation.is_empty()
    };
    if !out.iter().any(law_moves) {
        out.extend(joint_questions(&prober, case, &idle, &base, &literals));
    }
    out.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then(a.fact.order.cmp(&b.fact.order))
            .then(a.fact.key.cmp(&b.fact.key))
    });
    out
}

/// Facts that only matter together: when no single answer moves anything, pairs of
/// still-needed facts are tried (within a budget).
fn joint_questions<'a>(
    prober: &Prober<'a, '_>,
    case: &Case,
    idle: &[(&'a FactDef, BTreeSet<usize>)],
    base: &Assessment<'a>,
    literals: &Literals,
) -> Vec<QuestionScore<'a>> {
    let mut out = Vec::new();
    let mut spent = 0;
    for (i, (a, sa)) in idle.iter().enumerate() {
        for (b, sb) in &idle[i + 1..] {
            let shared: BTreeSet<usize> = sa.intersection(sb).copied().collect();
            if shared.is_empty() {
                continue;
            }
            let book = prober.plan.book();
            let va = trial_values(a, book, case, prober.today, literals);
            let vb = trial_values(b, book, case, prober.today, literals);
            let cost = va.len() * vb.len() * shared.len();
            if spent + cost > MAX_PAIR_TRIALS {
                continue;
            }
            spent += cost;
            let effect = prober.effect(case, &[(a, &va), (b, &vb)], &shared, false);
            if !effect.is_empty() {
                let (first, second) = if (a.order, &a.key) <= (b.order, &b.key) {
                    (a, b)
                } else {
                    (b, a)
                };
                out.push(effect.into_score(first, Some(*second), base));
            }
        }
    }
    out
}
