//! Cross-border comparison: the same facts in every system, aligned by conduct class, and
//! the disparities between them. Generic: every system and instrument comes from the data.

mod disparities;
pub mod floor;

use chrono::NaiveDate;

use qualif_engine::logic::Tri;
use qualif_engine::plan::Plan;
use qualif_engine::{Assessment, Qualification, Status, SystemResult, assess_reading};
use qualif_law::facts::Case;
use qualif_law::law::SystemKind;

pub use disparities::{
    Cited, Disparity, DisparityKind, ExcludedBy, Finding, NotAnOffence, Severity, Side, Unmet,
};

/// What one system makes of one conduct class.
#[derive(Debug, Clone)]
pub struct Cell<'a> {
    pub system: &'a str,
    /// `None`: no provision of the system covers this conduct at all.
    pub status: Option<Status>,
    /// The provision with the highest maximum among those that apply (or, when none
    /// applies, among those still possible).
    pub leading: Option<&'a Qualification<'a>>,
}

#[derive(Debug, Clone)]
pub struct Row<'a> {
    pub conduct: String,
    /// Whether the facts establish this conduct (`True`), or leave it open (`Unknown`): a
    /// provision may apply through another of its limbs while the facts say nothing of
    /// this one. Only an established conduct is compared for disparities.
    pub engaged: Tri,
    pub cells: Vec<Cell<'a>>,
}

/// An international instrument read for a state bound by it.
#[derive(Debug, Clone)]
pub struct StateReading<'a> {
    pub instrument: &'a str,
    pub state: &'a str,
    pub result: SystemResult<'a>,
}

#[derive(Debug, Clone)]
pub struct Comparison<'a> {
    pub rows: Vec<Row<'a>>,
    pub disparities: Vec<Disparity>,
    pub readings: Vec<StateReading<'a>>,
}

/// The most severe penalty first: used to pick the leading provision.
pub(crate) fn max_months(q: &Qualification) -> Option<f64> {
    q.penalty.as_ref()?.prison_max.severity_months()
}

fn cell<'a>(r: &'a SystemResult<'a>, conduct: &str) -> Cell<'a> {
    let covering: Vec<&Qualification> = r
        .qualifications
        .iter()
        .filter(|q| q.provision.covers.iter().any(|c| c == conduct))
        .collect();
    if covering.is_empty() {
        return Cell {
            system: &r.system.id,
            status: None,
            leading: None,
        };
    }
    // A provision that gives way to an applying principal offence does not speak for this
    // row (unless all do).
    let gives_way = |q: &Qualification| {
        q.gives_way_to_applying(&|id| {
            r.qualifications
                .iter()
                .find(|x| x.provision.id == id)
                .map(|x| x.status)
        })
    };
    let covering: Vec<&Qualification> = if covering.iter().all(|q| gives_way(q)) {
        covering
    } else {
        covering.into_iter().filter(|q| !gives_way(q)).collect()
    };
    let best = covering.iter().map(|q| q.status).min().expect("not empty");
    let leading = covering
        .iter()
        .filter(|q| q.status == best && best != Status::Excluded)
        .min_by(|a, b| b.leading_cmp(a))
        .copied();
    Cell {
        system: &r.system.id,
        status: Some(best),
        leading,
    }
}

/// Compares the systems of an assessment for the facts of `case`.
pub fn compare<'a>(
    plan: &Plan<'a>,
    assessment: &'a Assessment<'a>,
    case: &Case,
    today: NaiveDate,
) -> Comparison<'a> {
    let book = plan.book();
    let mut conducts: Vec<(String, Tri)> = Vec::new();
    let prepared = plan.prepare(case);
    for c in &book.vocabulary.conduct {
        // A class the facts do not engage is left out, even if a provision that covers it
        // applies through another of its limbs.
        let facts = plan.conduct(&prepared, &c.id);
        if facts == Some(Tri::False) {
            continue;
        }
        let engaged = assessment.systems.iter().any(|r| {
            r.qualifications
                .iter()
                .any(|q| q.status != Status::Excluded && q.provision.covers.contains(&c.id))
        });
        if engaged {
            // A class without a condition is taken as engaged, as before conditions existed.
            conducts.push((c.id.clone(), facts.unwrap_or(Tri::True)));
        }
    }
    let rows: Vec<Row> = conducts
        .iter()
        .map(|(c, engaged)| Row {
            conduct: c.clone(),
            engaged: *engaged,
            cells: assessment.systems.iter().map(|r| cell(r, c)).collect(),
        })
        .collect();
    let index = |id: &str| book.systems.iter().position(|s| s.id == id);
    let mut readings = Vec::new();
    for instrument in assessment
        .systems
        .iter()
        .filter(|r| r.system.kind == SystemKind::International)
    {
        for party in &instrument.system.parties {
            let Some(state) = assessment
                .systems
                .iter()
                .find(|r| r.system.id == party.state)
            else {
                continue;
            };
            if party.from > assessment.law_date {
                continue;
            }
            let (Some(i), Some(s)) = (index(&instrument.system.id), index(&state.system.id)) else {
                continue;
            };
            let Some(result) = assess_reading(plan, case, i, s, assessment.law_date, today) else {
                continue;
            };
            readings.push(StateReading {
                instrument: &instrument.system.id,
                state: &state.system.id,
                result,
            });
        }
    }
    let disparities = disparities::find(book, assessment, &rows, &readings, case);
    Comparison {
        rows,
        disparities,
        readings,
    }
}

/// Whether some applying provision of `r` for `conduct` can still be prosecuted (not
/// time-barred), as far as the facts tell.
pub(crate) fn prosecutable_in_time(quals: &[&Qualification]) -> Tri {
    quals.iter().fold(Tri::False, |acc, q| {
        acc.or(q
            .limitation
            .as_ref()
            .map(|l| l.barred.not())
            .unwrap_or(Tri::Unknown))
    })
}

/// Whether some applying provision can be prosecuted by the state on the facts.
pub(crate) fn reachable(quals: &[&Qualification]) -> Tri {
    quals.iter().fold(Tri::False, |acc, q| {
        acc.or(q
            .reach
            .as_ref()
            .map(|r| r.can_prosecute)
            .unwrap_or(Tri::Unknown))
    })
}
