//! The whole analysis of one case, in one place: what every command, the written report
//! and the interview read. No renderer and no screen calls the engine, the comparison or the
//! scales itself.
//!
//! [`analyse`] evaluates once what the case needs: the qualifications in every system (or
//! those asked for) with their limitation and jurisdiction, the sentencing scales, and, for
//! the interview, the questions worth asking next. The comparison and the placement of a
//! sentence are views over those results ([`Analysis::comparison`],
//! [`Analysis::placement`]): they borrow them, so they are read from the analysis rather
//! than stored in it.
//!
//! This crate holds the analyses over the engine's results: the qualification retained in
//! each system ([`concurrence`]), the comparison across systems and against the
//! international floors ([`compare`]), the sentencing scales ([`scale`]) and the threshold
//! explorer ([`explore`]). They return findings, never sentences: the words are the
//! message catalog's, in the renderers.

#![deny(clippy::print_stdout, clippy::print_stderr)]

pub mod compare;
pub mod concurrence;
pub mod explore;
pub mod period;
pub mod questions;
pub mod scale;

use std::collections::BTreeSet;

use chrono::NaiveDate;

use crate::compare::Comparison;
use crate::scale::{Proportionality, ScaleResult, Scales};
use concurrence::Concurrence;
use qualif_engine::logic::Tri;
use qualif_engine::next_question::QuestionScore;
use qualif_engine::plan::Plan;
use qualif_engine::{Assessment, assess};
use qualif_law::facts::{Case, Value};

/// What to analyse, besides the case.
#[derive(Debug, Clone, Default)]
pub struct Request<'r> {
    /// Only these systems (all when empty).
    pub systems: &'r [String],
    /// The law in force on this date instead of the date of the facts.
    pub law_date: Option<NaiveDate>,
    /// The sentence to place against the scales and the maxima, if any.
    pub sentence: Sentence,
    /// For the interview: the questions worth asking next, leaving out these facts (those
    /// answered "I don't know"). `None`: no questions.
    pub questions: Option<&'r BTreeSet<String>>,
}

/// Which sentence to place.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub enum Sentence {
    #[default]
    None,
    /// The one the case states (`sentence.imposed_months`), when it is more than zero.
    Imposed,
    /// One given apart from the case, in months (`scale --sentence`).
    Proposed(f64),
}

/// The results for one case.
pub struct Analysis<'a, 'c> {
    plan: &'c Plan<'a>,
    scales: Option<&'a Scales>,
    case: &'c Case,
    today: NaiveDate,
    sentence_months: Option<f64>,
    pub assessment: Assessment<'a>,
    /// By system of the assessment: the qualifications a prosecutor would retain (see
    /// [`concurrence`]), by index in its qualifications.
    pub concurrence: Vec<Concurrence>,
    /// The official sentencing scale's result, when the data has one.
    pub scale: Option<ScaleResult<'a>>,
    /// The results of the scales that extend it (proposals).
    pub scale_extensions: Vec<ScaleResult<'a>>,
    /// The guidelines of the data that do not cover the conduct retained for the case
    /// ([`scale::Coverage`]): neither evaluated nor shown. When every guideline is here,
    /// the outputs say in one line that no guideline of the data covers the conduct.
    pub scales_not_covering: Vec<&'a scale::Guideline>,
    /// No national system retains any qualification for certain yet (an interview that has
    /// just begun): a scale that covers nothing retained waits for the facts rather than
    /// being said not to cover the case.
    pub nothing_retained: bool,
    /// The questions worth asking next, best first, when the request asked for them.
    pub questions: Vec<QuestionScore<'a>>,
    /// What a period of facts changes (`case.first_date_of_facts`), when the case gives one.
    pub period: Option<period::Period<'a>>,
}

/// Analyses `case`: see [`Analysis`]. `scales` are the sentencing scales (none: no scale
/// results, no placement); `today` stands in for the date of the facts when the case has
/// none, and for the date of assessment.
pub fn analyse<'a, 'c>(
    plan: &'c Plan<'a>,
    scales: Option<&'a Scales>,
    case: &'c Case,
    request: &Request,
    today: NaiveDate,
) -> Analysis<'a, 'c> {
    let assessment = assess(plan, case, request.systems, request.law_date, today);
    let prepared = plan.prepare(case);
    let engagement = |c: &str| plan.conduct(&prepared, c).unwrap_or(Tri::True);
    let engaged = |c: &str| engagement(c) != Tri::False;
    let concurrence: Vec<Concurrence> = concurrence::resolve_each(&assessment, engaged);
    let nothing_retained = assessment
        .systems
        .iter()
        .zip(&concurrence)
        .filter(|(r, _)| r.system.kind == qualif_law::law::SystemKind::National)
        .all(|(_, c): (_, &concurrence::Concurrence)| c.leading.is_none());
    let covered = match scales {
        Some(s) => {
            let mut conduct = scale::RetainedConduct::default();
            for r in &assessment.systems {
                if r.system.kind == qualif_law::law::SystemKind::National {
                    conduct.add_system(&concurrence::candidates(r), engagement);
                }
            }
            scale::evaluate_covered(s, case, &conduct)
        }
        None => scale::Covered::default(),
    };
    let questions = match request.questions {
        Some(skipped) => {
            // The scales' findings are weighed too (a scale's category, role, starting
            // point or factor).
            let beyond = scales.map(|s| questions::ScaleFindings::new(s, case));
            qualif_engine::next_question::next_questions_with(
                plan,
                case,
                request.law_date,
                today,
                skipped,
                beyond
                    .as_ref()
                    .map(|b| b as &dyn qualif_engine::next_question::Beyond),
            )
        }
        None => Vec::new(),
    };
    let sentence_months = match request.sentence {
        Sentence::None => None,
        Sentence::Imposed => case
            .get("sentence.imposed_months")
            .and_then(Value::as_number)
            .filter(|m| *m > 0.0),
        Sentence::Proposed(m) => Some(m),
    };
    let period = period::period(plan, case, &assessment, &concurrence, today);
    Analysis {
        period,
        plan,
        scales,
        case,
        today,
        sentence_months,
        assessment,
        concurrence,
        scale: covered.official,
        scale_extensions: covered.extensions,
        scales_not_covering: covered.not_covering,
        nothing_retained,
        questions,
    }
}

impl<'a> Analysis<'a, '_> {
    pub fn plan(&self) -> &Plan<'a> {
        self.plan
    }

    pub fn case(&self) -> &Case {
        self.case
    }

    pub fn today(&self) -> NaiveDate {
        self.today
    }

    /// The systems aligned by conduct class, and the disparities between them.
    pub fn comparison(&self) -> Comparison<'_> {
        crate::compare::compare(self.plan, &self.assessment, self.case, self.today)
    }

    /// Where the requested sentence sits against the scales, each system's maximum and real
    /// outcomes: `None` without a sentence or without scales.
    pub fn placement(&self) -> Option<Proportionality<'_>> {
        let (months, scales) = (self.sentence_months?, self.scales?);
        Some(crate::scale::place(
            months,
            self.scale.as_ref(),
            &self.scale_extensions,
            &self.assessment,
            scales,
        ))
    }
}
