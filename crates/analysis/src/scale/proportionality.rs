//! Where a proposed or imposed sentence sits: against the guideline range, against each
//! national system's maximum for the qualifications that apply, and against real outcomes.

use serde::Serialize;

use super::{ReferenceCase, ScaleResult, Scales};
use qualif_engine::{Assessment, Status};
use qualif_law::law::{SystemKind, Term};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Placement {
    BelowRange,
    WithinRange,
    AboveRange,
    /// Above the statutory maximum: not a lawful sentence in that system.
    AboveMaximum,
    WithinMaximum,
}

#[derive(Debug, Clone, Serialize)]
pub struct SystemPlacement {
    pub system: String,
    pub provision: String,
    pub citation: String,
    pub max_prison_months: Option<f64>,
    pub life: bool,
    pub min_prison_months: Option<f64>,
    /// The sentence as a share of the maximum.
    pub share_of_maximum: Option<f64>,
    pub placement: Placement,
    /// False when the provision is one of two alternatives, one of which applies.
    pub certain: bool,
}

#[derive(Debug, Clone)]
pub struct Proportionality<'a> {
    pub sentence_months: f64,
    /// The scale the sentence was placed against: the official one when it has a cell for
    /// these facts, else an extension (a proposal, never presented as official).
    pub against: Option<&'a ScaleResult<'a>>,
    pub guideline: Option<Placement>,
    /// The sentence divided by the starting point.
    pub ratio_to_starting_point: Option<f64>,
    pub systems: Vec<SystemPlacement>,
    /// Real outcomes for comparable facts (same category and role, or a shared conduct class).
    pub references: Vec<&'a ReferenceCase>,
}

pub fn place<'a>(
    sentence_months: f64,
    official: Option<&'a ScaleResult<'a>>,
    extensions: &'a [ScaleResult<'a>],
    assessment: &Assessment,
    scales: &'a Scales,
) -> Proportionality<'a> {
    let scale = official
        .filter(|s| s.cell.is_some())
        .or_else(|| extensions.iter().find(|e| e.cell.is_some()));
    let cell = scale.and_then(|s| s.cell);
    let statutory_max = scale
        .and_then(|s| s.maximum)
        .and_then(|m| m.prison_max.months());
    let guideline = cell.and_then(|c| {
        let to = scale.and_then(|s| s.capped_to).or(c.range_to.months())?;
        let from = c.range_from.months().unwrap_or(0.0);
        Some(if statutory_max.is_some_and(|m| sentence_months > m) {
            Placement::AboveMaximum
        } else if sentence_months < from {
            Placement::BelowRange
        } else if sentence_months > to {
            Placement::AboveRange
        } else {
            Placement::WithinRange
        })
    });
    let ratio_to_starting_point = cell
        .and_then(|c| c.starting_point.months())
        .map(|sp| round2(sentence_months / sp));
    let mut systems = Vec::new();
    for r in assessment
        .systems
        .iter()
        .filter(|r| r.system.kind == SystemKind::National)
    {
        // The qualification retained (concurrence): its group's certain maximum, that of
        // the lower of two alternatives when one of them gives way to the other.
        let candidates = crate::concurrence::candidates(r);
        let retained = crate::concurrence::resolve(&candidates, |_| true).leading;
        let Some(g) = retained else {
            continue;
        };
        let certain = g.members.len() == 1;
        let q = &r.qualifications[g.certain];
        let Some(p) = &q.penalty else { continue };
        let max = p.prison_max.months();
        let life = p.prison_max == Term::Life;
        let placement = match (life, max) {
            (false, Some(m)) if sentence_months > m => Placement::AboveMaximum,
            _ => Placement::WithinMaximum,
        };
        systems.push(SystemPlacement {
            system: r.system.id.clone(),
            provision: q.provision.id.clone(),
            citation: q.provision.citation.clone(),
            max_prison_months: max,
            life,
            min_prison_months: p.prison_min.and_then(Term::months),
            share_of_maximum: max.map(|m| round2(sentence_months / m)),
            placement,
            certain,
        });
    }
    let category = scale.and_then(|s| s.category.choice).map(|c| c.id.as_str());
    let role = scale.and_then(|s| s.role.choice).map(|c| c.id.as_str());
    let engaged: Vec<&str> = assessment
        .systems
        .iter()
        .flat_map(|r| r.qualifications.iter())
        .filter(|q| q.status == Status::Applies)
        .flat_map(|q| q.provision.covers.iter().map(String::as_str))
        .collect();
    let references = scales
        .reference_cases
        .iter()
        .filter(|rc| {
            let same_cell = category.is_some()
                && rc.category.as_deref() == category
                && rc.role.as_deref() == role;
            same_cell || rc.conduct.iter().any(|c| engaged.contains(&c.as_str()))
        })
        .collect();
    Proportionality {
        sentence_months,
        against: scale,
        guideline,
        ratio_to_starting_point,
        systems,
        references,
    }
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}
