//! The penalty applied: raised by aggravations, the most severe if possible, a milder later law.

use super::*;

/// The most severe penalty if every aggravation not excluded (`possible`) were established,
/// when it is more severe than the penalty for the facts (`penalty`) and the provision is
/// not excluded.
pub(crate) fn penalty_if_possible<'p>(
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
pub(crate) fn raise<'p>(
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
pub(super) fn milder_later_version(
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
