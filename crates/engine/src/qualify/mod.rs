//! Qualification: for each provision of each system, the version in force, its elements
//! met / unmet / unknown, the status, the aggravations and the applicable penalty. The
//! [`Plan`] evaluates; the explaining observer here turns what it finds into the results
//! a person reads.

mod explain;
mod explainer;
mod missing;
mod penalties;
mod results;

pub(crate) use penalties::{penalty_if_possible, raise};
pub(crate) use results::status_of;
pub use results::{
    AggravationResult, Assessment, ElementLabel, ElementResult, ElementStatus, LawDateNotice,
    MilderLaw, Qualification, SystemResult, VersionRef, Warning,
};

use explain::{Presumed, alternatives, explain, give_way};
use explainer::Explainer;
use missing::collect_missing;
use penalties::milder_later_version;

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::Serialize;

use crate::condition::{Expr, Operand};
use crate::logic::Tri;
use crate::plan::{LawDate, Observer, Outcome, Plan, Prepared, Rules, Scratch};
use qualif_law::facts::{Case, Localized};
use qualif_law::law::{
    Penalty, Presumption, Provision, System, SystemKind, Term, Verification, Version, VersionStatus,
};

pub use crate::logic::Status;

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
