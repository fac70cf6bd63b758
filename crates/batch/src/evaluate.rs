//! One case's result in a batch: for each national system the leading qualification that
//! applies and its maximum, the guideline's starting point, and where a sentence is given
//! its ratio to each.

use std::borrow::Cow;

use chrono::NaiveDate;

use qualif_analysis::scale::{Coverage, Guideline, Reach, SentenceValue};
use qualif_engine::logic::Tri;
use qualif_engine::plan::{Plan, StatedFacts, Summary};
use qualif_law::facts::{Case, Value};
use qualif_law::law::{Provision, SystemKind, Term};

/// The leading qualification of one system: among the provisions that apply, the one with
/// the highest maximum (as `qualif scale --sentence` picks it).
#[derive(Debug, Clone)]
pub struct Leading<'a> {
    pub provision: &'a Provision,
    /// `None` for life imprisonment, no imprisonment, or a figure the sources do not confirm.
    pub max_prison_months: Option<f64>,
    pub life: bool,
}

#[derive(Debug, Clone)]
pub struct SystemFigure<'a> {
    pub system: &'a str,
    /// `None`: no provision applies (on the facts stated).
    pub leading: Option<Leading<'a>>,
    /// The imposed sentence as a share of the leading maximum.
    pub share_of_maximum: Option<f64>,
}

/// Where the case sits on the official sentencing scale.
#[derive(Debug, Clone)]
pub struct ScaleFigure<'a> {
    pub guideline: &'a str,
    pub category: &'a str,
    pub role: &'a str,
    /// `None` for a community order.
    pub starting_point_months: Option<f64>,
    /// In English. Borrowed from the texts of a run, written once per cell of the scale
    /// ([`starting_point_texts`]), rather than put together for every case.
    pub starting_point_text: Cow<'a, str>,
}

/// One case's result.
#[derive(Debug, Clone)]
pub struct CaseResult<'a> {
    /// The input line where the record starts.
    pub line: u64,
    pub law_date: NaiveDate,
    /// Borrowed from the case (which outlives its result): not copied for every case.
    pub place: Option<&'a str>,
    pub court_country: Option<&'a str>,
    pub imposed_months: Option<f64>,
    pub life_sentence: Option<bool>,
    /// National systems, in the order of the law book.
    pub systems: Vec<SystemFigure<'a>>,
    /// `None` when there is no official scale, or the facts do not settle a category and a
    /// role.
    pub scale: Option<ScaleFigure<'a>>,
    pub ratio_to_starting_point: Option<f64>,
    /// The system of the sentencing court (`sentence.court_country`), when the data has it.
    pub applicable_system: Option<&'a str>,
    pub share_of_applicable_maximum: Option<f64>,
}

/// The leading qualification a prosecutor would retain (see
/// [`qualif_analysis::concurrence`]): the applying provision, or group of alternatives,
/// with the most severe certain penalty. For alternatives, the provision that applies by
/// its own elements, with the group's certain maximum (the lowest of its members').
pub fn leading<'a>(summary: &qualif_engine::plan::SystemSummary<'a>) -> Option<Leading<'a>> {
    let (provision, p) = qualif_analysis::concurrence::leading_of_summary(summary)?;
    Some(Leading {
        provision,
        max_prison_months: p.prison_max.months(),
        life: p.prison_max == Term::Life,
    })
}

/// A ratio of a sentence to a reference term: only for a positive finite reference.
fn ratio(imposed: Option<f64>, reference: Option<f64>) -> Option<f64> {
    match (imposed, reference) {
        (Some(i), Some(r)) if r > 0.0 && r.is_finite() => Some(i / r),
        _ => None,
    }
}

fn text<'c>(case: &'c Case, key: &str) -> Option<&'c str> {
    match case.get(key) {
        Some(Value::Str(s)) => Some(s),
        _ => None,
    }
}

/// The starting point of each cell of a guideline as results write it (in English), in the
/// order of its cells: written once for a run, where the catalog would put the text
/// together for every case (callgrind: some 1,700 instructions a case).
pub fn starting_point_texts(g: &Guideline) -> Vec<String> {
    g.cells
        .iter()
        .map(|c| qualif_report::words::sentence_value(&c.starting_point, "en"))
        .collect()
}

/// The official guideline's category, role and starting point for the facts.
pub fn scale_figure<'a>(g: &'a Guideline, case: &Case) -> Option<ScaleFigure<'a>> {
    scale_figure_with(g, &[], case)
}

/// [`scale_figure`], the starting point's text taken from `texts` (see
/// [`starting_point_texts`]; written out when `texts` has none for the cell).
fn scale_figure_with<'a>(
    g: &'a Guideline,
    texts: &'a [String],
    case: &Case,
) -> Option<ScaleFigure<'a>> {
    scale_figure_in(g, texts, &g.layout.facts(case))
}

/// [`scale_figure_with`] for the facts already laid out by the guideline's layout.
fn scale_figure_in<'a>(
    g: &'a Guideline,
    texts: &'a [String],
    facts: &StatedFacts,
) -> Option<ScaleFigure<'a>> {
    let (cat, role, cell) = qualif_analysis::scale::category_role_cell_in(g, facts);
    let (cat, role, cell) = (cat?, role?, cell?);
    let text = g
        .cells
        .iter()
        .position(|c| std::ptr::eq(c, cell))
        .and_then(|i| texts.get(i))
        .map_or_else(
            || {
                Cow::Owned(qualif_report::words::sentence_value(
                    &cell.starting_point,
                    "en",
                ))
            },
            |t| Cow::Borrowed(t.as_str()),
        );
    Some(ScaleFigure {
        guideline: &g.id,
        category: &cat.id,
        role: &role.id,
        starting_point_months: match &cell.starting_point {
            SentenceValue::Custody { months, .. } => Some(*months),
            SentenceValue::Community(_) => None,
        },
        starting_point_text: text,
    })
}

/// Evaluates one case: every provision of every national system (through the summary),
/// then their figures and those of the official scale. The result borrows from the
/// case as from the law.
pub fn evaluate<'a>(
    plan: &Plan<'a>,
    official: Option<&'a Guideline>,
    case: &'a Case,
    line: u64,
    today: NaiveDate,
) -> CaseResult<'a> {
    let reach = official.map(|g| reach(plan, g));
    evaluate_with(plan, official, &[], reach.as_ref(), case, line, today)
}

/// Where `g` reaches in the national systems of `plan` (see [`Reach`]).
pub fn reach<'a>(plan: &Plan<'a>, g: &'a Guideline) -> Reach<'a> {
    let national = plan.book().systems.iter();
    Reach::new(g, national.filter(|s| s.kind == SystemKind::National))
}

/// [`evaluate`], the starting points' texts taken from `texts` (those of `official`'s
/// cells, as [`starting_point_texts`] writes them) and where it reaches from `reach` (as
/// [`reach`] reads it): both read once for a run.
pub fn evaluate_with<'a>(
    plan: &Plan<'a>,
    official: Option<&'a Guideline>,
    texts: &'a [String],
    reach: Option<&Reach>,
    case: &'a Case,
    line: u64,
    today: NaiveDate,
) -> CaseResult<'a> {
    // The scale's cell first, from the facts laid out once: the guideline reads them as
    // the case states them, then the plan, which adds its presumptions (the facts are
    // laid out again only where the two layouts differ). Where there is a cell, the facts
    // are prepared once for the summary and for the conduct classes its coverage reads.
    let (summary, scale): (Summary<'a>, _) = match official {
        Some(g) => {
            let facts = g.layout.facts(case);
            match scale_figure_in(g, texts, &facts).zip(reach) {
                Some((figure, reach)) => {
                    let prepared = plan.prepare_for_conducts_from(facts);
                    let summary = plan.summarize_national_prepared(&prepared, None, today);
                    // A figure only where the guideline covers the conduct retained for
                    // the case (or may), as `analyse` decides it for the other outputs.
                    let engaged = |c: &str| plan.conduct(&prepared, c).unwrap_or(Tri::True);
                    let covered = reach.coverage(&summary.systems, engaged);
                    let scale = (covered != Coverage::NotCovered).then_some(figure);
                    (summary, scale)
                }
                None => (plan.summarize_national_from(facts, None, today), None),
            }
        }
        None => (plan.summarize_national(case, None, today), None),
    };
    let life_sentence = match case.get("sentence.life") {
        Some(Value::Bool(b)) => Some(*b),
        _ => None,
    };
    // A life sentence has no ratio to a term.
    let imposed_months = case
        .get("sentence.imposed_months")
        .and_then(Value::as_number);
    let for_ratio = imposed_months.filter(|_| life_sentence != Some(true));
    let court_country = text(case, "sentence.court_country");
    let systems: Vec<SystemFigure<'a>> = summary
        .systems
        .iter()
        .filter(|s| s.system.kind == SystemKind::National)
        .map(|s| {
            let leading = leading(s);
            let share_of_maximum = ratio(
                for_ratio,
                leading.as_ref().and_then(|l| l.max_prison_months),
            );
            SystemFigure {
                system: s.system.id.as_str(),
                leading,
                share_of_maximum,
            }
        })
        .collect();
    let ratio_to_starting_point = ratio(
        for_ratio,
        scale.as_ref().and_then(|s| s.starting_point_months),
    );
    // The system whose courts sit in that country, as the data links them.
    let applicable = court_country.and_then(|c| {
        summary
            .systems
            .iter()
            .position(|s| s.system.court_countries.iter().any(|k| k == c))
            .and_then(|i| {
                systems
                    .iter()
                    .find(|s| s.system == summary.systems[i].system.id)
            })
    });
    CaseResult {
        line,
        law_date: summary.law_date,
        place: text(case, "case.place"),
        court_country,
        imposed_months,
        life_sentence,
        applicable_system: applicable.map(|s| s.system),
        share_of_applicable_maximum: applicable.and_then(|s| s.share_of_maximum),
        systems,
        scale,
        ratio_to_starting_point,
    }
}
