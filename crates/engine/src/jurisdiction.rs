//! Jurisdiction: can the state prosecute these facts, and on which ground?

use chrono::NaiveDate;

use super::logic::Tri;
use qualif_law::law::{Jurisdiction, System};

/// One ground of jurisdiction and whether the facts establish it.
#[derive(Debug, Clone)]
pub struct Ground<'a> {
    pub rule: &'a Jurisdiction,
    pub holds: Tri,
}

#[derive(Debug, Clone)]
pub struct Reach<'a> {
    /// Whether some ground holds: unknown when none holds and some depend on unknown facts,
    /// or when the data has no jurisdiction rule.
    pub can_prosecute: Tri,
    pub grounds: Vec<Ground<'a>>,
}

pub fn evaluate<'a>(
    system: &'a System,
    provision: &str,
    conditions: &[Tri],
    facts: NaiveDate,
) -> Reach<'a> {
    let grounds: Vec<Ground> = system
        .jurisdictions
        .iter()
        .zip(conditions)
        .filter(|(j, _)| j.reaches(provision) && j.in_force(facts))
        .map(|(rule, &holds)| Ground { rule, holds })
        .collect();
    let can_prosecute = if grounds.is_empty() {
        Tri::Unknown
    } else {
        grounds.iter().fold(Tri::False, |acc, g| acc.or(g.holds))
    };
    Reach {
        can_prosecute,
        grounds,
    }
}
