//! One provision's result explained: its elements and aggravations, the provisions it gives way to.

use super::*;

/// The facts presumed, and a condition's value on the facts as stated (without them).
pub(super) struct Presumed<'p> {
    pub(super) facts: &'p [&'p str],
    pub(super) stated: &'p dyn Fn(&Expr) -> Tri,
}

/// One provision's result, from what the plan found.
pub(super) fn explain<'a>(
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
    let raised = outcome.penalty.unwrap_or(&version.penalty);
    let mut aggravations = Vec::new();
    let mut missing_for_aggravations = Vec::new();
    for (a, &t) in version.aggravations.iter().zip(outcome.aggravations) {
        let st = status_of(t);
        if status != Status::Excluded && st == Status::Possible && can_raise(&a.penalty, raised) {
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

/// Whether an aggravation that may apply could change the penalty already reached: not when
/// its penalty is milder than that one, or the same penalty (an international obligation's
/// aggravations stay at its floor). The facts that decide it are asked for only when it could.
fn can_raise(aggravation: &Penalty, reached: &Penalty) -> bool {
    aggravation != reached && aggravation.severity_cmp(reached) != Some(std::cmp::Ordering::Less)
}

/// What giving way (`subsidiary_to`) did to a qualification: the provision that absorbed
/// it, or those that would if established (not those the data has nothing for at the date
/// applied, `no_data`: no fact would establish them).
pub(super) fn give_way(
    q: &mut Qualification,
    statuses: &HashMap<&str, Status>,
    no_data: &[String],
) {
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
pub(super) fn alternatives(q: &Qualification, statuses: &HashMap<&str, Status>) -> Vec<String> {
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
            Expr::Status(crate::condition::StatusTest::Applies, id) => {
                out.push(id);
                true
            }
            _ => false,
        },
        Expr::And(items) => items.iter().all(|i| negated_applies(i, out)),
        _ => false,
    }
}
