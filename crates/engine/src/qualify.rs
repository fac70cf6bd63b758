//! Qualification: for each provision of each system, the version in force, its elements
//! met / unmet / unknown, the status, the aggravations and the applicable penalty. The
//! [`Plan`] evaluates; the explaining observer here turns what it finds into the results
//! a person reads.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::Serialize;

use super::condition::{Expr, Operand};
use super::logic::Tri;
use super::plan::{LawDate, Observer, Outcome, Plan, Prepared, Rules, Scratch};
use qualif_law::facts::{Case, Localized};
use qualif_law::law::{
    Penalty, Presumption, Provision, System, SystemKind, Term, Verification, Version, VersionStatus,
};

pub use crate::logic::Status;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ElementStatus {
    Met,
    Unmet,
    Unknown,
}

impl From<Tri> for ElementStatus {
    fn from(t: Tri) -> Self {
        match t {
            Tri::True => ElementStatus::Met,
            Tri::False => ElementStatus::Unmet,
            Tri::Unknown => ElementStatus::Unknown,
        }
    }
}

pub(super) fn status_of(t: Tri) -> Status {
    match t {
        Tri::True => Status::Applies,
        Tri::False => Status::Excluded,
        Tri::Unknown => Status::Possible,
    }
}

/// What an element's result is labelled with: the element's label in the data, or, for a
/// provision without a version at the date applied, the finding that it was not in force
/// then, or that the data has nothing for that date (which the renderers put in words).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ElementLabel<'a> {
    Data(&'a Localized),
    /// "In force at the date applied (this date)": the element a provision not in force
    /// fails.
    InForceOn(NaiveDate),
    /// "No data for the date applied (`date`): the first version in the data dates from
    /// `first`": the element, unknown, of a provision whose first version did not create
    /// the offence, for a date before that version.
    NoDataOn {
        date: NaiveDate,
        first: NaiveDate,
    },
}

/// One element's result. Its texts are borrowed from the law book: an assessment (which
/// the interview makes after every answer) copies none of them.
#[derive(Debug, Clone)]
pub struct ElementResult<'a> {
    pub id: &'a str,
    pub label: ElementLabel<'a>,
    pub condition: &'a str,
    pub status: ElementStatus,
    /// Met or unmet on a fact presumed, not stated (see [`Assessment::presumed`]).
    pub presumed: bool,
}

/// One aggravation's result, borrowed from the law book as [`ElementResult`].
#[derive(Debug, Clone, Serialize)]
pub struct AggravationResult<'a> {
    pub id: &'a str,
    pub label: &'a Localized,
    pub condition: &'a str,
    pub status: Status,
    pub penalty: &'a Penalty,
    pub verification: Verification,
    pub notes: &'a [String],
}

#[derive(Debug, Clone, Serialize)]
pub struct VersionRef {
    pub in_force_from: NaiveDate,
    pub in_force_to: Option<NaiveDate>,
}

/// A later version whose penalty is milder than the one applied.
#[derive(Debug, Clone, Serialize)]
pub struct MilderLaw {
    pub in_force_from: NaiveDate,
    pub penalty: Penalty,
}

/// One provision's result for the facts.
#[derive(Debug, Clone)]
pub struct Qualification<'a> {
    pub provision: &'a Provision,
    pub status: Status,
    /// The version in force at the law's date; `None` when the provision was not in force
    /// (excluded), or when the data has no version for the date (possible).
    pub version: Option<&'a Version>,
    pub elements: Vec<ElementResult<'a>>,
    pub aggravations: Vec<AggravationResult<'a>>,
    /// The penalty for these facts (base raised by every aggravation that applies).
    pub penalty: Option<Penalty>,
    /// The most severe penalty if every possible aggravation were established.
    pub penalty_if_possible_aggravations: Option<Penalty>,
    pub missing_facts: Vec<String>,
    /// The case-file keys that would decide the aggravations still possible.
    pub missing_for_aggravations: Vec<String>,
    pub milder_later: Option<MilderLaw>,
    /// A reform not yet in force (or not confirmed) that would change this provision.
    pub pending: Vec<&'a Version>,
    pub warnings: Vec<Warning<'a>>,
    /// For provisions that apply or are possible: is prosecution time-barred?
    pub limitation: Option<super::limitation::LimitationResult<'a>>,
    /// For provisions that apply or are possible: can the state prosecute?
    pub reach: Option<super::jurisdiction::Reach<'a>>,
    /// When this provision is possible only because it gives way to other provisions that
    /// are themselves possible (every other element met): one of them or this one applies,
    /// whichever the missing facts decide. Empty otherwise.
    pub alternative_to: Vec<String>,
    /// When this provision gives way to another that applies (`subsidiary_to`): that one.
    /// Its status is then excluded, though its own elements are met or possible.
    pub absorbed_by: Option<String>,
    /// When this provision applies or is possible while provisions it gives way to are
    /// possible: those, which would absorb it if established ("applies unless …").
    pub unless: Vec<String>,
}

impl Qualification<'_> {
    /// Orders two qualifications of one system to pick the leading one (see
    /// [`Provision::leading_cmp`]). Callers pick with `min_by(|a, b| b.leading_cmp(a))`, so
    /// that of exact equals the first listed in the system file leads.
    pub fn leading_cmp(&self, other: &Qualification<'_>) -> std::cmp::Ordering {
        self.provision.leading_cmp(
            self.penalty.as_ref(),
            other.provision,
            other.penalty.as_ref(),
        )
    }

    /// Excluded only because another provision that applies takes its place: every unmet
    /// element names other provisions, and one of those applies. The conduct is then
    /// punished, under the principal offence.
    pub fn gives_way_to_applying(&self, statuses: &dyn Fn(&str) -> Option<Status>) -> bool {
        if self.absorbed_by.is_some() {
            return true;
        }
        let Some(v) = self.version else { return false };
        let unmet: Vec<&ElementResult> = self
            .elements
            .iter()
            .filter(|e| e.status == ElementStatus::Unmet)
            .collect();
        self.status == Status::Excluded
            && !unmet.is_empty()
            && unmet.iter().all(|e| {
                v.elements.iter().find(|x| x.id == e.id).is_some_and(|x| {
                    x.when
                        .provisions()
                        .iter()
                        .any(|p| statuses(p) == Some(Status::Applies))
                })
            })
    }

    pub fn verification(&self) -> Option<Verification> {
        self.version.map(|v| {
            let aggs = self
                .aggravations
                .iter()
                .filter(|a| a.status == Status::Applies)
                .map(|a| a.verification);
            aggs.fold(v.verification, Verification::min)
        })
    }
}

/// A doubt about one provision's result, for the renderers to put in words.
#[derive(Debug, Clone, PartialEq)]
pub enum Warning<'a> {
    /// The provision is not in force: only a pending or unconfirmed text exists.
    NotInForce,
    /// The data has no version of the provision for `date`, before its first version (of
    /// `first`), and that version did not create the offence: the law then is not encoded.
    NoDataForDate {
        provision: &'a str,
        date: NaiveDate,
        first: NaiveDate,
    },
    /// The version applied is unverified: check it against the official text.
    Unverified { provision: &'a str },
    /// The version applied rests on secondary sources only.
    SecondaryOnly { provision: &'a str },
    /// The penalty is not confirmed by the sources.
    PenaltyNotConfirmed { provision: &'a str },
    /// Either this provision or one of `others` applies: every other element is met, and
    /// which one depends on the facts still missing.
    Alternative {
        provision: &'a str,
        others: Vec<String>,
    },
}

/// How the date whose law is applied was chosen, when it is not the date of the facts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LawDateNotice {
    /// The law in force on this date, as requested (`--date`).
    Requested(NaiveDate),
    /// The case gives no date of the facts: the law in force today (this date).
    Today(NaiveDate),
}

#[derive(Debug, Clone)]
pub struct SystemResult<'a> {
    pub system: &'a System,
    pub qualifications: Vec<Qualification<'a>>,
}

#[derive(Debug, Clone)]
pub struct Assessment<'a> {
    pub date_of_facts: Option<NaiveDate>,
    /// The date whose law is applied.
    pub law_date: NaiveDate,
    pub warnings: Vec<LawDateNotice>,
    /// The presumptions the results rely on: facts the case does not state, taken as
    /// presumed (the interview still asks them; an answer overrides).
    pub presumed: Vec<&'a Presumption>,
    pub systems: Vec<SystemResult<'a>>,
}

/// Qualifies the facts in every listed system (all when `systems` is empty).
/// `law_date` overrides the date of the facts; `today` stands in when the case has none.
pub fn assess<'a>(
    plan: &Plan<'a>,
    case: &Case,
    systems: &[String],
    law_date: Option<NaiveDate>,
    today: NaiveDate,
) -> Assessment<'a> {
    let book = plan.book();
    let date_of_facts = case.date("case.date_of_facts");
    let mut warnings = Vec::new();
    let law = LawDate::of(case, law_date, today);
    match law {
        LawDate::Requested(d) => warnings.push(LawDateNotice::Requested(d)),
        LawDate::Today(d) => warnings.push(LawDateNotice::Today(d)),
        LawDate::Facts(_) => {}
    }
    let law_date = law.date();
    let selected = book
        .systems
        .iter()
        .enumerate()
        .filter(|(_, s)| systems.is_empty() || systems.contains(&s.id))
        .map(|(i, _)| i);
    let prepared = plan.prepare(case);
    let presumed = presumptions(plan, &prepared);
    let mut explainer = Explainer::new(case, &presumed, law_date, today);
    plan.evaluate(
        &prepared,
        law_date,
        selected,
        &mut Scratch::default(),
        &mut explainer,
    );
    Assessment {
        date_of_facts,
        law_date,
        warnings,
        systems: explainer.finish(),
        presumed,
    }
}

/// The presumptions a prepared case relies on.
fn presumptions<'a>(plan: &Plan<'a>, prepared: &Prepared) -> Vec<&'a Presumption> {
    let book = plan.book();
    prepared
        .presumed()
        .iter()
        .filter_map(|&slot| {
            let key = &book.vocabulary.facts.get(slot)?.key;
            book.presumptions.iter().find(|p| &p.fact == key)
        })
        .collect()
}

/// Qualifies the facts under an instrument read for a state (both by their index in the
/// law book): the state's parameters (its age of consent) stand in the instrument's
/// conditions. `None` when the first is not an instrument or the second not a national
/// system.
pub fn assess_reading<'a>(
    plan: &Plan<'a>,
    case: &Case,
    instrument: usize,
    state: usize,
    law_date: NaiveDate,
    today: NaiveDate,
) -> Option<SystemResult<'a>> {
    let reading = plan.reading(instrument, state)?;
    let prepared = plan.prepare(case);
    let presumed = presumptions(plan, &prepared);
    let mut explainer = Explainer::new(case, &presumed, law_date, today);
    explainer.state = plan.book().systems.get(state);
    plan.evaluate_reading(
        reading,
        &prepared,
        law_date,
        &mut Scratch::default(),
        &mut explainer,
    );
    explainer.finish().pop()
}

/// The observer that explains: every element and aggravation with its label, the facts
/// still missing, the warnings, the milder later law, limitation and jurisdiction.
pub(super) struct Explainer<'a, 'c> {
    case: &'c Case,
    /// The keys of the facts presumed.
    presumed: Vec<&'a str>,
    law_date: NaiveDate,
    today: NaiveDate,
    systems: Vec<SystemResult<'a>>,
    /// The system being explained: its provisions' statuses and missing facts so far, and
    /// their results by index.
    statuses: HashMap<&'a str, Status>,
    missing: HashMap<&'a str, Vec<String>>,
    slots: Vec<Option<Qualification<'a>>>,
    current: Option<&'a System>,
    /// The state an instrument is read for (its parameters stand in the conditions).
    state: Option<&'a System>,
}

impl<'a, 'c> Explainer<'a, 'c> {
    pub(super) fn new(
        case: &'c Case,
        presumed: &[&'a Presumption],
        law_date: NaiveDate,
        today: NaiveDate,
    ) -> Self {
        Self {
            case,
            presumed: presumed.iter().map(|p| p.fact.as_str()).collect(),
            law_date,
            today,
            systems: Vec::new(),
            statuses: HashMap::new(),
            missing: HashMap::new(),
            slots: Vec::new(),
            current: None,
            state: None,
        }
    }

    /// The results of the systems explained, in order.
    pub(super) fn finish(mut self) -> Vec<SystemResult<'a>> {
        self.close();
        self.systems
    }

    /// Completes the system being explained: which provisions are alternatives.
    fn close(&mut self) {
        let Some(system) = self.current.take() else {
            return;
        };
        let mut slots = std::mem::take(&mut self.slots);
        // Possible only because the data has nothing for the date: no fact would establish
        // them, so nothing applies "unless" they are.
        let no_data: Vec<String> = slots
            .iter()
            .flatten()
            .filter(|q| q.version.is_none() && q.status == Status::Possible)
            .map(|q| q.provision.id.clone())
            .collect();
        for q in slots.iter_mut().flatten() {
            give_way(q, &self.statuses, &no_data);
            q.alternative_to = alternatives(q, &self.statuses);
            if !q.alternative_to.is_empty() {
                q.warnings.push(Warning::Alternative {
                    provision: &q.provision.id,
                    others: q.alternative_to.clone(),
                });
            }
        }
        self.systems.push(SystemResult {
            system,
            qualifications: slots.into_iter().flatten().collect(),
        });
    }
}

impl<'a> Observer<'a> for Explainer<'a, '_> {
    const EXPLAINS: bool = true;

    fn system(&mut self, _index: usize, system: &'a System) {
        self.close();
        self.current = Some(system);
        self.statuses.clear();
        self.missing.clear();
        self.slots = vec![None; system.provisions.len()];
    }

    fn provision(&mut self, outcome: &Outcome<'a, '_>) {
        // A condition's value on the facts as stated, without the presumptions: an element
        // rests on a presumption when it is decided only with it.
        let stated = |e: &Expr| match self.current {
            Some(system) => {
                let mut ctx = super::reference::CaseContext::new(self.case, system, self.state);
                ctx.statuses = self.statuses.clone();
                e.eval(&ctx)
            }
            None => Tri::Unknown,
        };
        let presumed = Presumed {
            facts: &self.presumed,
            stated: &stated,
        };
        let q = explain(
            outcome,
            &presumed,
            self.case,
            &self.statuses,
            &self.missing,
            self.law_date,
            self.today,
        );
        self.statuses.insert(&outcome.provision.id, q.status);
        self.missing
            .insert(&outcome.provision.id, q.missing_facts.clone());
        self.slots[outcome.index] = Some(q);
    }

    fn rules(&mut self, rules: Rules<'_>) {
        let Some(system) = self.current else { return };
        if system.kind != SystemKind::National {
            return;
        }
        let assessed_on = self
            .case
            .date("case.date_of_assessment")
            .unwrap_or(self.today);
        let facts = self.case.date("case.date_of_facts");
        for q in self.slots.iter_mut().flatten() {
            if q.status == Status::Excluded {
                continue;
            }
            q.limitation = Some(super::limitation::evaluate(
                system,
                &q.provision.id,
                self.case,
                rules.limitations,
                facts,
                assessed_on,
            ));
            q.reach = Some(super::jurisdiction::evaluate(
                system,
                &q.provision.id,
                rules.jurisdictions,
                facts.unwrap_or(self.law_date),
            ));
        }
    }
}

/// The facts presumed, and a condition's value on the facts as stated (without them).
struct Presumed<'p> {
    facts: &'p [&'p str],
    stated: &'p dyn Fn(&Expr) -> Tri,
}

/// One provision's result, from what the plan found.
fn explain<'a>(
    outcome: &Outcome<'a, '_>,
    presumed: &Presumed,
    case: &Case,
    statuses: &HashMap<&str, Status>,
    missing_of: &HashMap<&str, Vec<String>>,
    law_date: NaiveDate,
    today: NaiveDate,
) -> Qualification<'a> {
    let provision = outcome.provision;
    let pending: Vec<&Version> = provision
        .versions
        .iter()
        .filter(|v| v.status == VersionStatus::Pending)
        .collect();
    let Some(version) = outcome.version else {
        let first = provision.first_in_force();
        let mut warnings = Vec::new();
        // Possible without a version: the date is before the first version, which did not
        // create the offence, and the data has nothing for it.
        let element = match first {
            Some(first) if outcome.status == Status::Possible => {
                warnings.push(Warning::NoDataForDate {
                    provision: &provision.id,
                    date: law_date,
                    first,
                });
                ElementResult {
                    id: "data_for_date",
                    label: ElementLabel::NoDataOn {
                        date: law_date,
                        first,
                    },
                    condition: "",
                    status: ElementStatus::Unknown,
                    presumed: false,
                }
            }
            _ => {
                if first.is_none() {
                    warnings.push(Warning::NotInForce);
                }
                ElementResult {
                    id: "in_force",
                    label: ElementLabel::InForceOn(law_date),
                    condition: "",
                    status: ElementStatus::Unmet,
                    presumed: false,
                }
            }
        };
        return Qualification {
            provision,
            status: outcome.status,
            version: None,
            elements: vec![element],
            aggravations: Vec::new(),
            penalty: None,
            penalty_if_possible_aggravations: None,
            missing_facts: Vec::new(),
            missing_for_aggravations: Vec::new(),
            milder_later: None,
            pending,
            warnings,
            limitation: None,
            reach: None,
            alternative_to: Vec::new(),
            absorbed_by: None,
            unless: Vec::new(),
        };
    };
    let status = outcome.status;
    let mut elements = Vec::new();
    let mut missing = Vec::new();
    for (e, &t) in version.elements.iter().zip(outcome.elements) {
        if t == Tri::Unknown && status == Status::Possible {
            collect_missing(&e.when, case, statuses, missing_of, &mut missing);
        }
        let reads_presumed = || {
            e.when
                .operands()
                .iter()
                .any(|o| presumed.facts.contains(&o.key()))
        };
        elements.push(ElementResult {
            id: &e.id,
            label: ElementLabel::Data(&e.label),
            condition: &e.text,
            status: t.into(),
            presumed: t != Tri::Unknown
                && !presumed.facts.is_empty()
                && reads_presumed()
                && (presumed.stated)(&e.when) == Tri::Unknown,
        });
    }
    let mut aggravations = Vec::new();
    let mut missing_for_aggravations = Vec::new();
    for (a, &t) in version.aggravations.iter().zip(outcome.aggravations) {
        let st = status_of(t);
        if status != Status::Excluded && st == Status::Possible {
            collect_missing(
                &a.when,
                case,
                statuses,
                missing_of,
                &mut missing_for_aggravations,
            );
        }
        aggravations.push(AggravationResult {
            id: &a.id,
            label: &a.label,
            condition: &a.text,
            status: st,
            penalty: &a.penalty,
            verification: a.verification,
            notes: &a.notes,
        });
    }
    let raised = outcome.penalty.unwrap_or(&version.penalty);
    let possible = version
        .aggravations
        .iter()
        .zip(outcome.aggravations)
        .filter(|(_, t)| **t != Tri::False)
        .map(|(a, _)| &a.penalty);
    let if_possible = penalty_if_possible(&version.penalty, possible, raised, status).cloned();
    let penalty = raised.clone();
    let mut warnings = Vec::new();
    let id = provision.id.as_str();
    if version.verification == Verification::Unverified {
        warnings.push(Warning::Unverified { provision: id });
    } else if version.verification == Verification::VerifiedSecondary {
        warnings.push(Warning::SecondaryOnly { provision: id });
    }
    if penalty.has_unknown() && status != Status::Excluded {
        warnings.push(Warning::PenaltyNotConfirmed { provision: id });
    }
    let milder_later = milder_later_version(provision, version, &penalty, today);
    missing.sort();
    missing.dedup();
    missing_for_aggravations.sort();
    missing_for_aggravations.dedup();
    Qualification {
        provision,
        status,
        version: Some(version),
        elements,
        aggravations,
        penalty_if_possible_aggravations: if_possible,
        penalty: Some(penalty),
        missing_facts: missing,
        missing_for_aggravations,
        milder_later,
        pending,
        warnings,
        limitation: None,
        reach: None,
        alternative_to: Vec::new(),
        absorbed_by: None,
        unless: Vec::new(),
    }
}

/// What giving way (`subsidiary_to`) did to a qualification: the provision that absorbed
/// it, or those that would if established (not those the data has nothing for at the date
/// applied, `no_data`: no fact would establish them).
fn give_way(q: &mut Qualification, statuses: &HashMap<&str, Status>, no_data: &[String]) {
    let Some(v) = q.version else { return };
    let status_of = |id: &String| statuses.get(id.as_str()).copied();
    let own_unmet = q.elements.iter().any(|e| e.status == ElementStatus::Unmet);
    if q.status == Status::Excluded && !own_unmet {
        q.absorbed_by = v
            .subsidiary_to
            .iter()
            .find(|x| status_of(x) == Some(Status::Applies))
            .cloned();
    }
    if q.status != Status::Excluded {
        q.unless = v
            .subsidiary_to
            .iter()
            .filter(|x| status_of(x) == Some(Status::Possible) && !no_data.contains(x))
            .cloned()
            .collect();
    }
}

/// The provisions a possible qualification gives way to, when that is the only thing left
/// undecided: each unknown element is `not applies(X)` (or a conjunction of such) with X
/// possible, and every other element is met.
fn alternatives(q: &Qualification, statuses: &HashMap<&str, Status>) -> Vec<String> {
    let Some(v) = q.version else {
        return Vec::new();
    };
    if q.status != Status::Possible {
        return Vec::new();
    }
    let mut out = Vec::new();
    for e in &q.elements {
        if e.status == ElementStatus::Met {
            continue;
        }
        let Some(def) = v.elements.iter().find(|x| x.id == e.id) else {
            return Vec::new();
        };
        let mut negated = Vec::new();
        if !negated_applies(&def.when, &mut negated) {
            return Vec::new();
        }
        let undecided: Vec<&str> = negated
            .into_iter()
            .filter(|id| statuses.get(id) == Some(&Status::Possible))
            .collect();
        if undecided.is_empty() {
            return Vec::new();
        }
        out.extend(undecided.into_iter().map(String::from));
    }
    out
}

/// Whether an expression is `not applies(X)`, or a conjunction of such; collects the Xs.
fn negated_applies<'e>(expr: &'e Expr, out: &mut Vec<&'e str>) -> bool {
    match expr {
        Expr::Not(inner) => match inner.as_ref() {
            Expr::Status(super::condition::StatusTest::Applies, id) => {
                out.push(id);
                true
            }
            _ => false,
        },
        Expr::And(items) => items.iter().all(|i| negated_applies(i, out)),
        _ => false,
    }
}

/// The most severe penalty if every aggravation not excluded (`possible`) were established,
/// when it is more severe than the penalty for the facts (`penalty`) and the provision is
/// not excluded.
pub(super) fn penalty_if_possible<'p>(
    base: &'p Penalty,
    possible: impl Iterator<Item = &'p Penalty>,
    penalty: &Penalty,
    status: Status,
) -> Option<&'p Penalty> {
    let mut most = base;
    for p in possible {
        if more_severe(p, most) {
            most = p;
        }
    }
    (more_severe(most, penalty) && status != Status::Excluded).then_some(most)
}

fn more_severe(a: &Penalty, b: &Penalty) -> bool {
    match a.severity_cmp(b) {
        Some(o) => o == std::cmp::Ordering::Greater,
        None => a.prison_max == Term::Unknown && b.prison_max != Term::Unknown,
    }
}

/// Raises `current` to `candidate` when the aggravation's penalty is more severe, or when the
/// two cannot be ordered and the aggravation has the higher priority (checked at load time).
pub(super) fn raise<'p>(
    current: &mut &'p Penalty,
    winner_priority: &mut i64,
    candidate: &'p Penalty,
    priority: i64,
) {
    let wins = match candidate.severity_cmp(current) {
        Some(std::cmp::Ordering::Greater) => true,
        Some(_) => false,
        None => candidate.has_unknown() || priority > *winner_priority,
    };
    if wins {
        *current = candidate;
        *winner_priority = priority;
    }
}

/// A later version in force by `today` whose base penalty is milder than the applied one.
fn milder_later_version(
    provision: &Provision,
    applied: &Version,
    penalty: &Penalty,
    today: NaiveDate,
) -> Option<MilderLaw> {
    provision
        .versions
        .iter()
        .filter(|v| v.status == VersionStatus::InForce && v.from > applied.from && v.from <= today)
        .filter(|v| {
            v.penalty.severity_cmp(penalty) == Some(std::cmp::Ordering::Less)
                && v.penalty.severity_cmp(&applied.penalty) == Some(std::cmp::Ordering::Less)
        })
        .min_by(|a, b| {
            a.penalty
                .severity_cmp(&b.penalty)
                .unwrap_or(std::cmp::Ordering::Equal)
        })
        .map(|v| MilderLaw {
            in_force_from: v.from,
            penalty: v.penalty.clone(),
        })
}

/// The case-file keys whose answers would decide an unknown condition.
fn collect_missing(
    expr: &Expr,
    case: &Case,
    statuses: &HashMap<&str, Status>,
    missing_of: &HashMap<&str, Vec<String>>,
    out: &mut Vec<String>,
) {
    for op in expr.operands() {
        let Operand::Fact(key) = op else { continue };
        if case.is_known(key) {
            if key == "derived.age_gap" {
                // Known only within a year either way: the birth dates would settle it.
                for k in ["offender.birth_date", "victim.birth_date"] {
                    if !case.is_known(k) {
                        out.push(k.to_string());
                    }
                }
            }
            continue;
        }
        if key == "derived.age_gap" {
            for k in ["offender.age", "victim.age"] {
                if !case.is_known(k) {
                    out.push(k.to_string());
                }
            }
            if case.is_known("offender.age") && case.is_known("victim.age") {
                out.extend([
                    "offender.birth_date".to_string(),
                    "victim.birth_date".to_string(),
                ]);
            }
        } else {
            out.push(key.clone());
        }
    }
    for id in expr.provisions() {
        if statuses.get(id) == Some(&Status::Possible) {
            if let Some(m) = missing_of.get(id) {
                out.extend(m.iter().cloned());
            }
        }
    }
}
