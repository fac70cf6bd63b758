//! What the sentencing scales give the interview's next question: the conditions they read
//! and, for a trial answer, which of their findings change (category, role, starting point,
//! factor). The engine tries the answers and weighs them ([`weights::SCALE`]).
//!
//! [`weights::SCALE`]: qualif_engine::next_question::weights::SCALE

use qualif_engine::Status;
use qualif_engine::condition::Expr;
use qualif_engine::next_question::{Beyond, ScaleDecided, ScalePart};
use qualif_law::facts::Case;

use crate::scale::{Chosen, Guideline, ScaleResult, Scales, evaluate};

/// The scales, and what each gives for the case as it stands.
pub struct ScaleFindings<'a> {
    scales: &'a Scales,
    base: Vec<Seen<'a>>,
}

/// What a user reads of one scale's result, in a form quick to compare.
#[derive(PartialEq)]
struct Seen<'a> {
    guideline: *const Guideline,
    category: Vec<&'a str>,
    role: Vec<&'a str>,
    cell: Option<(*const crate::scale::Cell, Option<u64>)>,
    factors: Vec<(&'a str, Status, bool)>,
}

fn chosen<'a>(c: &Chosen<'a>) -> Vec<&'a str> {
    c.choice
        .iter()
        .chain(&c.possible_higher)
        .map(|x| x.id.as_str())
        .collect()
}

impl<'a> Seen<'a> {
    fn of(r: &ScaleResult<'a>) -> Self {
        Seen {
            guideline: r.guideline,
            category: chosen(&r.category),
            role: chosen(&r.role),
            cell: r
                .cell
                .map(|c| (c as *const _, r.capped_to.map(f64::to_bits))),
            factors: r
                .factors
                .iter()
                .map(|f| (f.factor.id.as_str(), f.status, f.to_consider))
                .collect(),
        }
    }
}

/// How a factor is listed in a result, if it is.
fn listed(s: &Seen, id: &str) -> Option<(Status, bool)> {
    s.factors.iter().find(|f| f.0 == id).map(|f| (f.1, f.2))
}

impl<'a> ScaleFindings<'a> {
    pub fn new(scales: &'a Scales, case: &Case) -> Self {
        let base = scales
            .guidelines
            .iter()
            .map(|g| Seen::of(&evaluate(g, case)))
            .collect();
        ScaleFindings { scales, base }
    }
}

impl<'a> Beyond<'a> for ScaleFindings<'a> {
    fn conditions(&self) -> Vec<&'a Expr> {
        let mut out = Vec::new();
        for g in &self.scales.guidelines {
            out.extend(g.scope.as_ref().map(|s| s.when.expr()));
            out.extend(g.categories.iter().chain(&g.roles).map(|c| c.when.expr()));
            for f in &g.factors {
                out.extend(f.when.iter().chain(&f.unless).map(|c| c.expr()));
            }
        }
        out
    }

    fn changes(&self, trial: &Case, out: &mut Vec<ScaleDecided<'a>>) {
        for (g, base) in self.scales.guidelines.iter().zip(&self.base) {
            let result = evaluate(g, trial);
            let seen = Seen::of(&result);
            if seen == *base {
                continue;
            }
            let mut parts = Vec::new();
            if seen.category != base.category || seen.guideline != base.guideline {
                parts.push(ScalePart::Category);
            }
            if seen.role != base.role || seen.guideline != base.guideline {
                parts.push(ScalePart::Role);
            }
            if seen.cell != base.cell && parts.is_empty() {
                parts.push(ScalePart::StartingPoint);
            }
            for f in &g.factors {
                if listed(&seen, &f.id) != listed(base, &f.id) {
                    parts.push(ScalePart::Factor(&f.label));
                }
            }
            for part in parts {
                let d = ScaleDecided {
                    scale: &g.name,
                    part,
                };
                if !out.contains(&d) {
                    out.push(d);
                }
            }
        }
    }
}
