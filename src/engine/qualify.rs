//! Qualification: for each provision of each system, the version in force, its elements
//! met / unmet / unknown, the status, the aggravations and the applicable penalty.

use std::borrow::Cow;
use std::collections::HashMap;

use chrono::NaiveDate;
use serde::Serialize;

use super::condition::{Context, Expr, Operand};
use super::logic::Tri;
use crate::facts::{Case, Localized, Value};
use crate::law::{
    LawBook, Penalty, Provision, System, SystemKind, Term, Verification, Version, VersionStatus,
};

/// The status of an offence (or obligation) for the facts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Applies,
    Possible,
    Excluded,
}

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

/// One element's result. Its texts are borrowed from the law book: an assessment (which
/// the interview makes after every answer) copies none of them.
#[derive(Debug, Clone, Serialize)]
pub struct ElementResult<'a> {
    pub id: &'a str,
    /// The element's label, or one written for the result (a provision not in force).
    pub label: Cow<'a, Localized>,
    pub condition: &'a str,
    pub status: ElementStatus,
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
    /// The version in force at the law's date; `None` when the provision was not in force.
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
    pub warnings: Vec<String>,
    /// For provisions that apply or are possible: is prosecution time-barred?
    pub limitation: Option<super::limitation::LimitationResult<'a>>,
    /// For provisions that apply or are possible: can the state prosecute?
    pub reach: Option<super::jurisdiction::Reach<'a>>,
    /// When this provision is possible only because it gives way to other provisions that
    /// are themselves possible (every other element met): one of them or this one applies,
    /// whichever the missing facts decide. Empty otherwise.
    pub alternative_to: Vec<String>,
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
    pub warnings: Vec<String>,
    pub systems: Vec<SystemResult<'a>>,
}

/// What `assess` reads a condition against: the case by name, the system's parameters (a
/// national system's), the statuses of its provisions evaluated so far.
pub(super) struct Ctx<'c> {
    pub(super) case: &'c Case,
    pub(super) parameters: Option<&'c std::collections::BTreeMap<String, Value>>,
    pub(super) statuses: &'c HashMap<&'c str, Status>,
}

/// The value of an operand: a fact of the case or a parameter of the system.
pub(super) fn operand_value<'c>(
    case: &'c Case,
    parameters: Option<&'c std::collections::BTreeMap<String, Value>>,
    operand: &Operand,
) -> Option<&'c Value> {
    match operand {
        Operand::Fact(k) => case.get(k),
        Operand::Parameter(k) => parameters.and_then(|p| p.get(k)),
    }
}

impl Context for Ctx<'_> {
    fn value(&self, operand: &Operand) -> Option<&Value> {
        operand_value(self.case, self.parameters, operand)
    }

    fn status(&self, provision: &str) -> Option<Status> {
        self.statuses.get(provision).copied()
    }
}

/// Qualifies the facts in every listed system (all when `systems` is empty).
/// `law_date` overrides the date of the facts; `today` stands in when the case has none.
pub fn assess<'a>(
    book: &'a LawBook,
    case: &Case,
    systems: &[String],
    law_date: Option<NaiveDate>,
    today: NaiveDate,
) -> Assessment<'a> {
    let date_of_facts = case.date("case.date_of_facts");
    let mut warnings = Vec::new();
    let law_date = match (law_date, date_of_facts) {
        (Some(d), _) => {
            warnings.push(format!(
                "the law in force on {d} is applied, as requested (--date)"
            ));
            d
        }
        (None, Some(d)) => d,
        (None, None) => {
            warnings.push(format!(
                "the case gives no date of the facts: the law in force today ({today}) is applied"
            ));
            today
        }
    };
    let selected: Vec<&System> = book
        .systems
        .iter()
        .filter(|s| systems.is_empty() || systems.contains(&s.id))
        .collect();
    let results = selected
        .into_iter()
        .map(|s| assess_system(book, s, case, law_date, today, None))
        .collect();
    Assessment {
        date_of_facts,
        law_date,
        warnings,
        systems: results,
    }
}

/// Qualifies the facts in one system. For an international instrument, `state` gives the
/// parameters of the state it is read for (unknown when `None`).
pub fn assess_system<'a>(
    book: &'a LawBook,
    system: &'a System,
    case: &Case,
    law_date: NaiveDate,
    today: NaiveDate,
    state: Option<&'a System>,
) -> SystemResult<'a> {
    let mut statuses: HashMap<&str, Status> = HashMap::new();
    let mut missing: HashMap<&str, Vec<String>> = HashMap::new();
    let mut slots: Vec<Option<Qualification>> = vec![None; system.provisions.len()];
    let params = match system.kind {
        SystemKind::National => Some(&system.parameters),
        SystemKind::International => state.map(|s| &s.parameters),
    };
    for &i in &system.evaluation_order {
        let provision = &system.provisions[i];
        let ctx = Ctx {
            case,
            parameters: params,
            statuses: &statuses,
        };
        let mut q = qualify(book, provision, &ctx, &missing, law_date, today);
        if q.status != Status::Excluded && system.kind == SystemKind::National {
            let assessed_on = case.date("case.date_of_assessment").unwrap_or(today);
            let facts = case.date("case.date_of_facts");
            q.limitation = Some(super::limitation::evaluate(
                system,
                &provision.id,
                case,
                &ctx,
                facts,
                assessed_on,
            ));
            q.reach = Some(super::jurisdiction::evaluate(
                system,
                &provision.id,
                &ctx,
                facts.unwrap_or(law_date),
            ));
        }
        statuses.insert(&provision.id, q.status);
        missing.insert(&provision.id, q.missing_facts.clone());
        slots[i] = Some(q);
    }
    for q in slots.iter_mut().flatten() {
        q.alternative_to = alternatives(q, &statuses);
        if !q.alternative_to.is_empty() {
            q.warnings.push(format!(
                "{}: either this provision or {} applies — every other element is met; which one depends on the facts still missing",
                q.provision.id,
                q.alternative_to.join(" or ")
            ));
        }
    }
    SystemResult {
        system,
        qualifications: slots.into_iter().flatten().collect(),
    }
}

fn qualify<'a>(
    book: &LawBook,
    provision: &'a Provision,
    ctx: &Ctx,
    missing_of: &HashMap<&str, Vec<String>>,
    law_date: NaiveDate,
    today: NaiveDate,
) -> Qualification<'a> {
    let pending: Vec<&Version> = provision
        .versions
        .iter()
        .filter(|v| v.status == VersionStatus::Pending)
        .collect();
    let Some(version) = provision.version_at(law_date) else {
        let first = provision
            .versions
            .iter()
            .filter(|v| v.status == VersionStatus::InForce)
            .map(|v| v.from)
            .min();
        let label = Localized {
            fr: format!("en vigueur à la date retenue ({law_date})"),
            en: format!("in force at the date applied ({law_date})"),
        };
        let mut warnings = Vec::new();
        if first.is_none() {
            warnings.push(
                "this provision is not in force: only a pending or unconfirmed text exists"
                    .to_string(),
            );
        }
        return Qualification {
            provision,
            status: Status::Excluded,
            version: None,
            elements: vec![ElementResult {
                id: "in_force",
                label: Cow::Owned(label),
                condition: "",
                status: ElementStatus::Unmet,
            }],
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
        };
    };
    let mut elements = Vec::new();
    let mut overall = Tri::True;
    let mut missing = Vec::new();
    for e in &version.elements {
        let t = e.when.eval(ctx);
        overall = overall.and(t);
        if t == Tri::Unknown {
            collect_missing(&e.when, ctx, missing_of, &mut missing);
        }
        elements.push(ElementResult {
            id: &e.id,
            label: Cow::Borrowed(&e.label),
            condition: &e.text,
            status: t.into(),
        });
    }
    let status = status_of(overall);
    if status != Status::Possible {
        missing.clear();
    }
    let mut aggravations = Vec::new();
    let mut penalty = &version.penalty;
    let mut winner_priority = i64::MIN;
    let mut missing_for_aggravations = Vec::new();
    let mut if_possible = &version.penalty;
    for a in &version.aggravations {
        let t = a.when.eval(ctx);
        let st = status_of(t);
        if status != Status::Excluded && st == Status::Possible {
            collect_missing(&a.when, ctx, missing_of, &mut missing_for_aggravations);
        }
        if st == Status::Applies {
            raise(&mut penalty, &mut winner_priority, &a.penalty, a.priority);
        }
        if st != Status::Excluded && more_severe(&a.penalty, if_possible) {
            if_possible = &a.penalty;
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
    let penalty = penalty.clone();
    let mut warnings = Vec::new();
    if version.verification == Verification::Unverified {
        warnings.push(format!("{}: the version applied is unverified — check it against the official text before relying on it", provision.id));
    } else if version.verification == Verification::VerifiedSecondary {
        warnings.push(format!(
            "{}: the version applied rests on secondary sources only",
            provision.id
        ));
    }
    if penalty.has_unknown() && status != Status::Excluded {
        warnings.push(format!(
            "{}: the penalty is not confirmed by the sources",
            provision.id
        ));
    }
    let milder_later = milder_later_version(provision, version, &penalty, today);
    let _ = book;
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
        penalty_if_possible_aggravations: (more_severe(if_possible, &penalty)
            && status != Status::Excluded)
            .then(|| if_possible.clone()),
        penalty: Some(penalty),
        missing_facts: missing,
        missing_for_aggravations,
        milder_later,
        pending,
        warnings,
        limitation: None,
        reach: None,
        alternative_to: Vec::new(),
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
    ctx: &Ctx,
    missing_of: &HashMap<&str, Vec<String>>,
    out: &mut Vec<String>,
) {
    for op in expr.operands() {
        let Operand::Fact(key) = op else { continue };
        if ctx.case.is_known(key) {
            if key == "derived.age_gap" {
                // Known only within a year either way: the birth dates would settle it.
                for k in ["offender.birth_date", "victim.birth_date"] {
                    if !ctx.case.is_known(k) {
                        out.push(k.to_string());
                    }
                }
            }
            continue;
        }
        if key == "derived.age_gap" {
            for k in ["offender.age", "victim.age"] {
                if !ctx.case.is_known(k) {
                    out.push(k.to_string());
                }
            }
            if ctx.case.is_known("offender.age") && ctx.case.is_known("victim.age") {
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
        if ctx.status(id) == Some(Status::Possible) {
            if let Some(m) = missing_of.get(id) {
                out.extend(m.iter().cloned());
            }
        }
    }
}
