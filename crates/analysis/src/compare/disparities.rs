//! The seven kinds of disparity between systems, each a [`Finding`] that names the
//! provisions on both sides (the renderers put it in one sentence).

use serde::Serialize;
use serde_json::{Value as Json, json};

use super::{Row, StateReading, max_months, prosecutable_in_time, reachable};
use qualif_engine::logic::Tri;
use qualif_engine::{Assessment, ElementLabel, ElementStatus, Qualification, Status, SystemResult};
use qualif_law::facts::{Case, Localized, Value};
use qualif_law::law::{LawBook, SystemKind, Term, Verification};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum DisparityKind {
    NotCriminalised,
    PenaltyGap,
    BelowMinimumStandard,
    AgeThreshold,
    Limitation,
    JurisdictionReach,
    UnverifiedLaw,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Major,
}

#[derive(Debug, Clone)]
pub struct Disparity {
    pub kind: DisparityKind,
    pub systems: Vec<String>,
    pub severity: Severity,
    pub conduct: Option<String>,
    /// What was found, for the renderers to put in words.
    pub finding: Finding,
    pub details: Json,
}

/// A provision cited: its citation and its id.
#[derive(Debug, Clone, PartialEq)]
pub struct Cited {
    pub citation: String,
    pub provision: String,
}

impl Cited {
    fn of(q: &Qualification) -> Self {
        Cited {
            citation: q.provision.citation.clone(),
            provision: q.provision.id.clone(),
        }
    }
}

/// One side of a penalty gap or a shortfall: a system, its provision and that provision's
/// maximum (`None`: no penalty).
#[derive(Debug, Clone, PartialEq)]
pub struct Side {
    pub system: String,
    pub provision: Cited,
    pub maximum: Option<Term>,
}

/// The element that excludes a provision.
#[derive(Debug, Clone, PartialEq)]
pub enum Unmet {
    Label(Localized),
    /// Not in force at the date applied.
    InForceOn(chrono::NaiveDate),
}

/// An excluded provision and the first element that excludes it (if one is unmet).
#[derive(Debug, Clone, PartialEq)]
pub struct ExcludedBy {
    pub citation: String,
    pub unmet: Option<Unmet>,
}

/// Why a conduct is not an offence in a system.
#[derive(Debug, Clone, PartialEq)]
pub enum NotAnOffence {
    /// No offence of the system in the data covers it.
    NotCovered,
    /// The offences for it are excluded on these facts.
    Excluded(Vec<ExcludedBy>),
}

/// What a disparity is, with everything its sentence names.
#[derive(Debug, Clone, PartialEq)]
pub enum Finding {
    /// `conduct` is an offence in `system` under `provision`, not in `other`.
    NotCriminalised {
        conduct: Localized,
        system: String,
        provision: Cited,
        other: String,
        why: NotAnOffence,
    },
    /// The maxima differ by `factor` or more (`None`: life against a fixed term).
    PenaltyGap {
        conduct: Localized,
        higher: Side,
        lower: Side,
        factor: Option<f64>,
    },
    /// The comparison for `system` rests on an unverified provision.
    UnverifiedLaw {
        conduct: Localized,
        system: String,
        provision: Cited,
    },
    /// An instrument requires the conduct to be criminalised, and no offence of the state
    /// in the data covers it.
    ObligationNotCovered {
        instrument: Localized,
        obligation: Cited,
        state: String,
    },
    /// An instrument requires the conduct to be criminalised, and the state's offences for
    /// it (`excluded`, by citation) are excluded on these facts.
    ObligationExcluded {
        instrument: Localized,
        obligation: Cited,
        state: String,
        excluded: Vec<String>,
    },
    /// The state's maximum is below the instrument's minimum maximum.
    MaximumBelowFloor {
        instrument: Localized,
        obligation: Side,
        state: Side,
    },
    /// The child's `age` is below a threshold (`parameter`, such as `age_of_consent`) in
    /// some systems and not in others, each with its threshold.
    AgeThreshold {
        age: i64,
        parameter: String,
        below: Vec<(String, i64)>,
        above: Vec<(String, i64)>,
    },
    /// Prosecution is still possible in `open` and time-barred in `barred` (under the
    /// limitation rule `barred_rule`, or the provision when it has none).
    TimeBarred {
        open: String,
        open_provision: Cited,
        barred: String,
        barred_rule: Option<String>,
        barred_provision: Cited,
    },
    /// `can` can prosecute (on `ground`: its citation and label) and `cannot` cannot.
    Reach {
        can: String,
        ground: Option<(String, Localized)>,
        cannot: String,
    },
}

fn side(system: &str, q: &Qualification) -> Side {
    Side {
        system: system.to_string(),
        provision: Cited::of(q),
        maximum: q.penalty.as_ref().map(|p| p.prison_max),
    }
}

fn national<'a>(a: &'a Assessment<'a>) -> impl Iterator<Item = &'a SystemResult<'a>> {
    a.systems
        .iter()
        .filter(|r| r.system.kind == SystemKind::National)
}

/// Some provision of `system` for this conduct is excluded only because a principal
/// offence applies instead: the conduct is punished there, under that offence.
fn gives_way_only(a: &Assessment, system: &str, conduct: &str) -> bool {
    let Some(r) = a.systems.iter().find(|r| r.system.id == system) else {
        return false;
    };
    let covering: Vec<&Qualification> = r
        .qualifications
        .iter()
        .filter(|q| q.provision.covers.iter().any(|c| c == conduct))
        .collect();
    let status = |id: &str| {
        r.qualifications
            .iter()
            .find(|x| x.provision.id == id)
            .map(|x| x.status)
    };
    covering.iter().any(|q| q.gives_way_to_applying(&status))
}

fn first_unmet(q: &Qualification) -> Option<Unmet> {
    q.elements
        .iter()
        .filter(|e| e.status == ElementStatus::Unmet)
        .find_map(|e| match e.label {
            ElementLabel::Data(l) => Some(Unmet::Label(l.clone())),
            ElementLabel::InForceOn(d) => Some(Unmet::InForceOn(d)),
            // Always unknown, never unmet: the data has no version for the date.
            ElementLabel::NoDataOn { .. } => None,
        })
}

pub fn find(
    book: &LawBook,
    a: &Assessment,
    rows: &[Row],
    readings: &[StateReading],
    case: &Case,
) -> Vec<Disparity> {
    let mut out = Vec::new();
    let conduct_label = |c: &str| {
        book.vocabulary
            .conduct(c)
            .map(|x| x.label.clone())
            .unwrap_or_else(|| Localized {
                fr: c.to_string(),
                en: c.to_string(),
            })
    };
    let nationals: Vec<&str> = national(a).map(|r| r.system.id.as_str()).collect();

    for row in rows {
        let cells: Vec<_> = row
            .cells
            .iter()
            .filter(|c| nationals.contains(&c.system))
            .collect();
        let label = conduct_label(&row.conduct);
        // A conduct the facts leave open is not compared: a provision that applies through
        // another of its limbs says nothing of this one.
        let established = row.engaged == Tri::True;
        // not_criminalised
        for yes in cells
            .iter()
            .filter(|c| established && c.status == Some(Status::Applies))
        {
            for no in cells
                .iter()
                .filter(|c| c.status.is_none() || c.status == Some(Status::Excluded))
            {
                if gives_way_only(a, no.system, &row.conduct) {
                    continue;
                }
                let lead = yes
                    .leading
                    .expect("an applying cell has a leading provision");
                let why = match no.status {
                    None => NotAnOffence::NotCovered,
                    Some(_) => {
                        let excluded: Vec<ExcludedBy> = a
                            .systems
                            .iter()
                            .find(|r| r.system.id == no.system)
                            .map(|r| {
                                r.qualifications
                                    .iter()
                                    .filter(|q| q.provision.covers.contains(&row.conduct))
                                    .map(|q| ExcludedBy {
                                        citation: q.provision.citation.clone(),
                                        unmet: first_unmet(q),
                                    })
                                    .collect()
                            })
                            .unwrap_or_default();
                        NotAnOffence::Excluded(excluded)
                    }
                };
                out.push(Disparity {
                    kind: DisparityKind::NotCriminalised,
                    systems: vec![yes.system.to_string(), no.system.to_string()],
                    // No provision at all may be a gap in the data rather than in the law.
                    severity: if no.status.is_none() { Severity::Warning } else { Severity::Major },
                    conduct: Some(row.conduct.clone()),
                    finding: Finding::NotCriminalised {
                        conduct: label.clone(),
                        system: yes.system.to_string(),
                        provision: Cited::of(lead),
                        other: no.system.to_string(),
                        why,
                    },
                    details: json!({ "criminalised_in": yes.system, "provision": lead.provision.id, "not_in": no.system }),
                });
            }
        }
        // penalty_gap
        let applying: Vec<_> = cells
            .iter()
            .filter(|c| established && c.status == Some(Status::Applies))
            .filter_map(|c| c.leading.map(|q| (c.system, q)))
            .collect();
        for (i, (sa, qa)) in applying.iter().enumerate() {
            for (sb, qb) in &applying[i + 1..] {
                let (Some(ma), Some(mb)) = (max_months(qa), max_months(qb)) else {
                    continue;
                };
                let (hi, lo, shi, slo, qhi, qlo) = if ma >= mb {
                    (ma, mb, sa, sb, qa, qb)
                } else {
                    (mb, ma, sb, sa, qb, qa)
                };
                if lo <= 0.0 {
                    continue;
                }
                let factor = hi / lo;
                if factor >= 2.0 {
                    out.push(Disparity {
                        kind: DisparityKind::PenaltyGap,
                        systems: vec![shi.to_string(), slo.to_string()],
                        severity: if factor >= 3.0 { Severity::Major } else { Severity::Warning },
                        conduct: Some(row.conduct.clone()),
                        finding: Finding::PenaltyGap {
                            conduct: label.clone(),
                            higher: side(shi, qhi),
                            lower: side(slo, qlo),
                            factor: (!hi.is_infinite()).then_some(factor),
                        },
                        details: json!({ "factor": if factor.is_finite() { json!((factor * 100.0).round() / 100.0) } else { json!(null) }, "higher": { "system": shi, "provision": qhi.provision.id, "max_prison_months": max_months(qhi).filter(|m| m.is_finite()) }, "lower": { "system": slo, "provision": qlo.provision.id, "max_prison_months": max_months(qlo) } }),
                    });
                }
            }
        }
        // unverified_law: a comparison that rests on an unverified provision
        for c in &cells {
            if let Some(q) = c.leading {
                if q.status == Status::Applies && q.verification() == Some(Verification::Unverified)
                {
                    out.push(Disparity {
                        kind: DisparityKind::UnverifiedLaw,
                        systems: vec![c.system.to_string()],
                        severity: Severity::Warning,
                        conduct: Some(row.conduct.clone()),
                        finding: Finding::UnverifiedLaw {
                            conduct: label.clone(),
                            system: c.system.to_string(),
                            provision: Cited::of(q),
                        },
                        details: json!({ "provision": q.provision.id }),
                    });
                }
            }
        }
    }

    below_minimum(book, a, readings, &mut out);
    age_threshold(a, case, &mut out);
    time_and_reach(a, &mut out);
    out.sort_by(|x, y| y.severity.cmp(&x.severity).then(x.kind.cmp(&y.kind)));
    out
}

/// A state bound by an instrument provides less than its minimum maximum, or does not
/// criminalise what it must.
fn below_minimum(
    book: &LawBook,
    a: &Assessment,
    readings: &[StateReading],
    out: &mut Vec<Disparity>,
) {
    for reading in readings {
        let Some(state) = a.systems.iter().find(|r| r.system.id == reading.state) else {
            continue;
        };
        for obligation in reading
            .result
            .qualifications
            .iter()
            .filter(|q| q.status == Status::Applies)
        {
            let Some(floor) = max_months(obligation) else {
                continue;
            };
            let (best, covering) = match super::floor::provided(state, obligation) {
                super::floor::Provided::Undecided => continue, // undecided on these facts
                super::floor::Provided::Nothing { excluded } => (None, excluded),
                super::floor::Provided::Provision(q) => (Some(q), Vec::new()),
            };
            let covered = best.is_some() || !covering.is_empty();
            let instrument = book
                .system(reading.instrument)
                .map(|s| s.name.clone())
                .unwrap_or_else(|| Localized {
                    fr: reading.instrument.to_string(),
                    en: reading.instrument.to_string(),
                });
            match best {
                None => out.push(Disparity {
                    kind: DisparityKind::BelowMinimumStandard,
                    systems: vec![reading.state.to_string(), reading.instrument.to_string()],
                    severity: if covered { Severity::Major } else { Severity::Warning },
                    conduct: obligation.provision.covers.first().cloned(),
                    finding: if !covered {
                        Finding::ObligationNotCovered {
                            instrument,
                            obligation: Cited::of(obligation),
                            state: reading.state.to_string(),
                        }
                    } else {
                        Finding::ObligationExcluded {
                            instrument,
                            obligation: Cited::of(obligation),
                            state: reading.state.to_string(),
                            excluded: covering.iter().map(|q| q.provision.citation.clone()).collect(),
                        }
                    },
                    details: json!({ "obligation": obligation.provision.id, "state": reading.state }),
                }),
                Some(q) => {
                    let Some(m) = max_months(q) else { continue };
                    if m < floor {
                        out.push(Disparity {
                            kind: DisparityKind::BelowMinimumStandard,
                            systems: vec![reading.state.to_string(), reading.instrument.to_string()],
                            severity: Severity::Major,
                            conduct: obligation.provision.covers.first().cloned(),
                            finding: Finding::MaximumBelowFloor {
                                instrument,
                                obligation: side(reading.instrument, obligation),
                                state: side(reading.state, q),
                            },
                            details: json!({ "obligation": obligation.provision.id, "minimum_max_prison_months": floor, "state": reading.state, "provision": q.provision.id, "max_prison_months": m }),
                        });
                    }
                }
            }
        }
    }
}

/// The child's age falls on different sides of the systems' age thresholds.
fn age_threshold(a: &Assessment, case: &Case, out: &mut Vec<Disparity>) {
    let Some(Value::Int(age)) = case.get("victim.age") else {
        return;
    };
    let mut names: Vec<&String> = national(a)
        .flat_map(|r| r.system.parameters.keys())
        .filter(|k| k.starts_with("state.age_"))
        .collect();
    names.sort();
    names.dedup();
    for name in names {
        let mut below = Vec::new();
        let mut above = Vec::new();
        for r in national(a) {
            if let Some(Value::Int(t)) = r.system.parameters.get(name) {
                if age < t {
                    below.push((r.system.id.clone(), *t))
                } else {
                    above.push((r.system.id.clone(), *t))
                }
            }
        }
        if below.is_empty() || above.is_empty() {
            continue;
        }
        let parameter = name.trim_start_matches("state.");
        // The parameter's name, as JSON has always given it.
        let what = parameter.replace('_', " ");
        out.push(Disparity {
            kind: DisparityKind::AgeThreshold,
            systems: below.iter().chain(above.iter()).map(|(s, _)| s.clone()).collect(),
            severity: Severity::Warning,
            conduct: None,
            finding: Finding::AgeThreshold {
                age: *age,
                parameter: parameter.to_string(),
                below: below.clone(),
                above: above.clone(),
            },
            details: json!({ "threshold": what, "age": age, "below": below.iter().map(|(s, t)| json!({"system": s, "age": t})).collect::<Vec<_>>(), "at_or_above": above.iter().map(|(s, t)| json!({"system": s, "age": t})).collect::<Vec<_>>() }),
        });
    }
}

/// Prosecution is time-barred in one system and not in another; one system can prosecute
/// and another cannot.
fn time_and_reach(a: &Assessment, out: &mut Vec<Disparity>) {
    let per_system: Vec<(&str, Vec<&Qualification>)> = national(a)
        .map(|r| {
            (
                r.system.id.as_str(),
                r.qualifications
                    .iter()
                    .filter(|q| q.status == Status::Applies)
                    .collect(),
            )
        })
        .filter(|(_, qs): &(&str, Vec<&Qualification>)| !qs.is_empty())
        .collect();
    for (i, (sa, qa)) in per_system.iter().enumerate() {
        for (sb, qb) in &per_system[i + 1..] {
            let (ta, tb) = (prosecutable_in_time(qa), prosecutable_in_time(qb));
            if let Some((open, barred, qopen, qbarred)) = match (ta, tb) {
                (Tri::True, Tri::False) => Some((sa, sb, qa, qb)),
                (Tri::False, Tri::True) => Some((sb, sa, qb, qa)),
                _ => None,
            } {
                let open_q = qopen
                    .iter()
                    .find(|q| {
                        q.limitation
                            .as_ref()
                            .is_some_and(|l| l.barred == Tri::False)
                    })
                    .expect("one is open");
                let barred_q = qbarred[0];
                out.push(Disparity {
                    kind: DisparityKind::Limitation,
                    systems: vec![open.to_string(), barred.to_string()],
                    severity: Severity::Major,
                    conduct: None,
                    finding: Finding::TimeBarred {
                        open: open.to_string(),
                        open_provision: Cited::of(open_q),
                        barred: barred.to_string(),
                        barred_rule: barred_q
                            .limitation
                            .as_ref()
                            .and_then(|l| l.rule)
                            .map(|r| r.citation.clone()),
                        barred_provision: Cited::of(barred_q),
                    },
                    details: json!({ "open_in": open, "barred_in": barred }),
                });
            }
            let (ra, rb) = (reachable(qa), reachable(qb));
            if let Some((can, cannot, qcan)) = match (ra, rb) {
                (Tri::True, Tri::False) => Some((sa, sb, qa)),
                (Tri::False, Tri::True) => Some((sb, sa, qb)),
                _ => None,
            } {
                let ground = qcan
                    .iter()
                    .filter_map(|q| q.reach.as_ref())
                    .flat_map(|r| &r.grounds)
                    .find(|g| g.holds == Tri::True);
                // The state where the facts happened can prosecute them: that is information;
                // an extraterritorial reach that the other state lacks is what matters.
                let extraterritorial = !qcan
                    .iter()
                    .filter_map(|q| q.reach.as_ref())
                    .flat_map(|r| &r.grounds)
                    .any(|g| {
                        g.holds == Tri::True
                            && g.rule.basis == qualif_law::law::JurisdictionBasis::Territory
                    });
                out.push(Disparity {
                    kind: DisparityKind::JurisdictionReach,
                    systems: vec![can.to_string(), cannot.to_string()],
                    severity: if extraterritorial { Severity::Major } else { Severity::Info },
                    conduct: None,
                    finding: Finding::Reach {
                        can: can.to_string(),
                        ground: ground.map(|g| (g.rule.citation.clone(), g.rule.label.clone())),
                        cannot: cannot.to_string(),
                    },
                    details: json!({ "can": can, "cannot": cannot, "ground": ground.map(|g| g.rule.id.clone()) }),
                });
            }
        }
    }
}
