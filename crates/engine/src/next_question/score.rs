use super::*;

/// The weight of a term the sources do not confirm.
const UNKNOWN_TERM_MONTHS: f64 = 60.0;

/// [`weight`] of the full result of a provision known in lean form.
pub(super) fn weight_of(l: &Lean) -> f64 {
    let Some(v) = l.version else { return 1.0 };
    let possible = v
        .aggravations
        .iter()
        .zip(&l.aggravations)
        .filter(|(_, t)| **t != Tri::False)
        .map(|(a, _)| &a.penalty);
    let penalty = l.penalty.unwrap_or(&v.penalty);
    let p = match crate::qualify::penalty_if_possible(&v.penalty, possible, penalty, l.status) {
        Some(p) => p,
        None => penalty,
    };
    penalty_months(p).max(1.0)
}

impl<'a> Effect<'a> {
    pub(super) fn is_empty(&self) -> bool {
        self.moved.is_empty()
            && self.grounds.is_empty()
            && self.limitation.is_empty()
            && self.scale.is_empty()
    }

    pub(super) fn into_score(
        self,
        fact: &'a FactDef,
        together_with: Option<&'a FactDef>,
        base: &Assessment<'a>,
    ) -> QuestionScore<'a> {
        // What each system's findings weigh; a system's score is its weightiest finding,
        // and a fifth of the others (several provisions moved by one answer are mostly
        // one decision: rape and its variants).
        let mut by_system: BTreeMap<usize, Vec<f64>> = BTreeMap::new();
        let mut decides = Vec::new();
        let mut retained: BTreeSet<usize> = BTreeSet::new();
        let mut retained_penalty: BTreeSet<usize> = BTreeSet::new();
        for ((si, pi), m) in self.moved {
            let q = &base.systems[si].qualifications[pi];
            let (tier, factor) = if m.below_retained || m.stuck {
                (weights::OTHER_QUALIFICATION, 1.0)
            } else if !m.status_changes && q.status == Status::Applies {
                (weights::RETAINED, weights::PENALTY_ONLY)
            } else if !m.status_changes {
                (weights::RETAINED, weights::PENALTY_ONLY * weights::OPENS)
            } else if m.to_applies {
                (weights::RETAINED, weights::TO_APPLY)
            } else {
                (weights::RETAINED, weights::OPENS)
            };
            if tier == weights::RETAINED {
                if m.status_changes {
                    retained.insert(si);
                } else {
                    retained_penalty.insert(si);
                }
            }
            let w = tier
                * (scaled(m.weight) * factor * m.established)
                    .max(scaled(m.first_retained) * weights::TO_APPLY * m.established);
            by_system.entry(si).or_default().push(w);
            decides.push(Decided {
                system: &base.systems[si].system.id,
                provision: q.provision,
                status: q.status,
                elements: q
                    .elements
                    .iter()
                    .filter(|e| m.elements.contains(e.id))
                    .map(|e| DecidedPart {
                        id: e.id.to_string(),
                        label: e.label,
                    })
                    .collect(),
                aggravations: q
                    .aggravations
                    .iter()
                    .filter(|a| m.aggravations.contains(a.id))
                    .map(|a| DecidedPart {
                        id: a.id.to_string(),
                        label: ElementLabel::Data(a.label),
                    })
                    .collect(),
                penalty_only: !m.status_changes,
                weight: m.weight,
            });
        }
        // What matters most first: statuses decided, then by penalty.
        decides.sort_by(|a, b| {
            a.penalty_only
                .cmp(&b.penalty_only)
                .then(b.weight.total_cmp(&a.weight))
        });
        let mut reach = Vec::new();
        for ((si, ji), (prosecution, w)) in self.grounds {
            let system = base.systems[si].system;
            let weight = weights::PROSECUTION
                * (w * if prosecution {
                    weights::CAN_PROSECUTE
                } else {
                    weights::GROUND
                });
            by_system.entry(si).or_default().push(weight);
            reach.push(DecidedReach {
                system,
                rule: &system.jurisdictions[ji],
                prosecution,
                weight,
            });
        }
        reach.sort_by(|a, b| b.weight.total_cmp(&a.weight));
        let mut limitation = Vec::new();
        for (si, w) in self.limitation {
            by_system
                .entry(si)
                .or_default()
                .push(weights::PROSECUTION * (w * weights::LIMITATION));
            limitation.push(base.systems[si].system.id.as_str());
        }
        // The scales' findings: the weightiest, and a fifth of the others.
        let scale_weights: Vec<f64> = self
            .scale
            .iter()
            .map(|d| match d.part {
                ScalePart::Factor(_) => weights::SCALE_FACTOR,
                _ => weights::SCALE_CELL,
            })
            .collect();
        let score = by_system
            .values()
            .chain(std::iter::once(&scale_weights).filter(|w| !w.is_empty()))
            .enumerate()
            .map(|(i, ws)| {
                let top = ws.iter().copied().fold(0.0, f64::max);
                let sum = top + weights::OTHERS * (ws.iter().sum::<f64>() - top);
                if i == by_system.len() {
                    weights::SCALE * sum
                } else {
                    sum
                }
            })
            .sum();
        let ids = |set: BTreeSet<usize>| -> Vec<&'a str> {
            set.into_iter()
                .map(|si| base.systems[si].system.id.as_str())
                .collect()
        };
        retained_penalty.retain(|si| !retained.contains(si));
        QuestionScore {
            fact,
            score,
            decides,
            together_with,
            reach,
            limitation,
            retained: ids(retained),
            retained_penalty: ids(retained_penalty),
            scale: self.scale,
        }
    }
}

/// A maximum weighed in a score: its logarithm, so that the heaviest offence still only
/// possible does not drown what the established facts are about to decide.
pub(super) fn scaled(months: f64) -> f64 {
    (1.0 + months.max(0.0)).ln()
}

/// A provision's weight: its maximum term in months, with every possible aggravation.
pub(super) fn weight(q: &Qualification) -> f64 {
    let p = q
        .penalty_if_possible_aggravations
        .as_ref()
        .or(q.penalty.as_ref());
    p.map(penalty_months).unwrap_or(1.0).max(1.0)
}

/// The maximum term of a penalty in months, for weighing (life = [`LIFE_MONTHS`]).
pub fn penalty_months(p: &Penalty) -> f64 {
    match p.prison_max {
        Term::Months(_) | Term::Days(_) => p.prison_max.months().unwrap_or(0.0),
        Term::Life => LIFE_MONTHS,
        Term::None => 0.0,
        Term::Unknown => UNKNOWN_TERM_MONTHS,
    }
}
