//! Sentencing scales: the official A/B/C guideline and scales that extend it (such as our
//! proposal for live-streamed abuse), read from `guidelines/`, and the placement of a
//! sentence against them, against each system's maximum and against real outcomes.

mod coverage;
mod load;
pub(crate) mod model;
mod proportionality;

use chrono::NaiveDate;
use serde::Serialize;

pub use coverage::{Coverage, Reach, RetainedConduct};
pub use load::{REFERENCE_FILE, load};
pub use model::{FactorKind, Outcome};
pub use proportionality::{Placement, Proportionality, SystemPlacement, place};

use std::sync::Arc;

use qualif_engine::Status;
use qualif_engine::logic::Tri;
use qualif_engine::plan::{FreeCondition, Layout, StatedFacts};
use qualif_law::diagnostics::{Diagnostic, SourceText};
use qualif_law::facts::{Case, Localized, Vocabulary};
use qualif_law::law::{Term, Verification};

/// Every scale and the reference cases.
#[derive(Debug, Clone, Default)]
pub struct Scales {
    pub guidelines: Vec<Guideline>,
    pub reference_cases: Vec<ReferenceCase>,
}

impl Scales {
    pub fn builtin(vocab: &Vocabulary) -> Result<Scales, Vec<Diagnostic>> {
        load(&qualif_law::law::embedded::guideline_files(), vocab)
    }

    /// The guideline files of a data folder (`DIR/guidelines/`); none when it has no such
    /// folder.
    pub fn from_dir(dir: &std::path::Path, vocab: &Vocabulary) -> Result<Scales, Vec<Diagnostic>> {
        let folder = dir.join("guidelines");
        if !folder.is_dir() {
            return Ok(Scales::default());
        }
        let files = qualif_law::law::read_toml_files(&folder)?;
        load(&files, vocab)
    }

    pub fn official(&self) -> Option<&Guideline> {
        self.guidelines.iter().find(|g| g.official)
    }
}

/// A sentence value of a guideline: a custodial term or a community order.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum SentenceValue {
    Custody { months: f64, written: String },
    Community(String),
}

impl SentenceValue {
    /// Orders values: community orders below custody.
    fn rank(&self) -> f64 {
        match self {
            SentenceValue::Custody { months, .. } => 100.0 + months,
            SentenceValue::Community(level) => match level.as_str() {
                "low" => 1.0,
                "medium" => 2.0,
                _ => 3.0,
            },
        }
    }

    pub fn months(&self) -> Option<f64> {
        match self {
            SentenceValue::Custody { months, .. } => Some(*months),
            SentenceValue::Community(_) => None,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Choice {
    pub id: String,
    pub label: Localized,
    pub definition: Option<Localized>,
    /// Compiled once at load, evaluated by the plan (see [`FreeCondition`]).
    pub when: FreeCondition,
    pub notes: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct Cell {
    pub category: String,
    pub role: String,
    pub starting_point: SentenceValue,
    pub range_from: SentenceValue,
    pub range_to: SentenceValue,
    pub verification: Verification,
    pub sources: Vec<String>,
    pub notes: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct Factor {
    pub id: String,
    pub kind: FactorKind,
    pub label: Localized,
    /// `None`: no fact of the vocabulary can support it: listed as "to consider".
    pub when: Option<FreeCondition>,
    /// Holds when the facts contradict the factor: then it is not listed, not even "to
    /// consider"; while it is unknown or false the factor is listed as `when` says.
    pub unless: Option<FreeCondition>,
    pub verification: Verification,
    pub sources: Vec<String>,
    pub notes: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct Maximum {
    pub role: String,
    pub prison_max: Term,
    pub citation: String,
    pub verification: Verification,
    pub sources: Vec<String>,
    pub notes: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct Guideline {
    pub id: String,
    pub official: bool,
    /// The guideline's status as its file gives it ("official guideline").
    pub status: String,
    /// What its scope makes of the offender, for the two guidelines shown outside the scope
    /// or when the scope depends on an unknown fact (see [`Scope`]); `None` otherwise.
    pub scope_status: Option<ScopeStatus>,
    pub name: Localized,
    pub jurisdiction: Option<String>,
    pub in_force_from: Option<NaiveDate>,
    pub verification: Verification,
    pub sources: Vec<String>,
    pub last_verified: Option<NaiveDate>,
    pub method: Vec<String>,
    pub rationale: Vec<String>,
    pub maps_to: Option<String>,
    pub notes: Vec<String>,
    /// The conduct classes it sentences (see [`coverage`]).
    pub covers: Vec<String>,
    pub categories: Vec<Choice>,
    pub roles: Vec<Choice>,
    pub cells: Vec<Cell>,
    pub factors: Vec<Factor>,
    pub maxima: Vec<Maximum>,
    /// Who the guideline covers (`[guideline.scope]`); `None`: every offender.
    pub scope: Option<Box<Scope>>,
    /// The layout of the facts its conditions were compiled for (the vocabulary's).
    pub layout: Arc<Layout>,
}

impl Guideline {
    /// Every condition of the guideline: its scope, categories, roles and factors
    /// (`when`, then `unless`).
    pub fn conditions(&self) -> impl Iterator<Item = &FreeCondition> {
        let scope = self.scope.iter().map(|s| &s.when);
        let choices = self.categories.iter().chain(&self.roles).map(|c| &c.when);
        let factors = self
            .factors
            .iter()
            .flat_map(|f| f.when.iter().chain(f.unless.iter()));
        scope.chain(choices).chain(factors)
    }
}

/// What a guideline's scope makes of the offender, said after its status.
#[derive(Debug, Clone, PartialEq)]
pub enum ScopeStatus {
    /// Not applicable to this offender.
    Outside,
    /// Whether it applies depends on an unknown fact: the data's words for it.
    Unknown(Localized),
}

/// The offenders a guideline covers. Outside them it gives no category, role or starting
/// point, and says so in its name and status; where a fact that decides it is unknown, its
/// status says on what it depends. Both are whole guidelines, so that every output (JSON,
/// text, report, interview) shows them without knowing about scopes.
#[derive(Debug, Clone)]
pub struct Scope {
    pub when: FreeCondition,
    pub verification: Verification,
    pub sources: Vec<String>,
    /// The guideline as shown outside its scope: no category, role, cell, factor or maximum.
    pub outside: Guideline,
    /// The guideline as shown when the scope depends on an unknown fact.
    pub unknown: Guideline,
}

#[derive(Debug, Clone)]
pub struct ReferenceCase {
    pub id: String,
    pub court: String,
    pub country: String,
    pub date: NaiveDate,
    pub summary: String,
    pub conduct: Vec<String>,
    pub category: Option<String>,
    pub role: Option<String>,
    pub sentence_months: Option<f64>,
    pub suspended_months: Option<f64>,
    pub outcome: Outcome,
    pub verification: Verification,
    pub sources: Vec<String>,
    pub notes: Vec<String>,
}

/// What the facts make of a category or role choice.
#[derive(Debug, Clone)]
pub struct Chosen<'a> {
    /// The most serious choice whose condition holds.
    pub choice: Option<&'a Choice>,
    /// More serious choices still possible because a fact is unknown.
    pub possible_higher: Vec<&'a Choice>,
}

#[derive(Debug, Clone)]
pub struct FactorResult<'a> {
    pub factor: &'a Factor,
    /// `applies`, `possible` (a fact unknown), or — for a factor no fact can support —
    /// `possible` with `to_consider = true`.
    pub status: Status,
    pub to_consider: bool,
}

/// One scale's result for the facts.
#[derive(Debug, Clone)]
pub struct ScaleResult<'a> {
    pub guideline: &'a Guideline,
    pub category: Chosen<'a>,
    pub role: Chosen<'a>,
    pub cell: Option<&'a Cell>,
    pub factors: Vec<FactorResult<'a>>,
    pub maximum: Option<&'a Maximum>,
    /// The range capped by the statutory maximum, when the maximum is lower.
    pub capped_to: Option<f64>,
    /// Whether it covers the conduct retained for the case: `Covered` unless the caller
    /// says otherwise ([`evaluate_covered`]); a result is never `NotCovered`.
    pub coverage: Coverage,
}

fn choose<'a>(choices: &'a [Choice], facts: &StatedFacts) -> Chosen<'a> {
    let mut possible_higher = Vec::new();
    for c in choices {
        match c.when.eval(facts) {
            Tri::True => {
                return Chosen {
                    choice: Some(c),
                    possible_higher,
                };
            }
            Tri::Unknown => possible_higher.push(c),
            Tri::False => {}
        }
    }
    Chosen {
        choice: None,
        possible_higher,
    }
}

/// The cell of a category and a role.
fn cell_of<'a>(g: &'a Guideline, category: &Chosen, role: &Chosen) -> Option<&'a Cell> {
    let (c, r) = (category.choice?, role.choice?);
    g.cells
        .iter()
        .find(|x| x.category == c.id && x.role == r.id)
}

/// The category, the role and their cell for the facts, as [`evaluate`] finds them, without
/// the factors: all that batch analysis reads, for every case.
pub fn category_role_cell<'a>(
    g: &'a Guideline,
    case: &Case,
) -> (Option<&'a Choice>, Option<&'a Choice>, Option<&'a Cell>) {
    category_role_cell_in(g, &g.layout.facts(case))
}

/// [`category_role_cell`] for the facts already laid out by the guideline's layout
/// (`g.layout.facts(case)`), which batch analysis then hands to the plan
/// ([`Plan::prepare_for_conducts_from`](qualif_engine::plan::Plan::prepare_for_conducts_from)).
pub fn category_role_cell_in<'a>(
    g: &'a Guideline,
    ctx: &StatedFacts,
) -> (Option<&'a Choice>, Option<&'a Choice>, Option<&'a Cell>) {
    if g.scope
        .as_ref()
        .is_some_and(|s| s.when.eval(ctx) == Tri::False)
    {
        return (None, None, None);
    }
    let category = choose(&g.categories, ctx);
    let role = choose(&g.roles, ctx);
    let cell = cell_of(g, &category, &role);
    (category.choice, role.choice, cell)
}

/// Applies one scale to the facts.
pub fn evaluate<'a>(g: &'a Guideline, case: &Case) -> ScaleResult<'a> {
    let ctx = g.layout.facts(case);
    if let Some(scope) = &g.scope {
        match scope.when.eval(&ctx) {
            Tri::True => {}
            Tri::Unknown => return evaluate(&scope.unknown, case),
            Tri::False => {
                let none = || Chosen {
                    choice: None,
                    possible_higher: Vec::new(),
                };
                return ScaleResult {
                    guideline: &scope.outside,
                    category: none(),
                    role: none(),
                    cell: None,
                    factors: Vec::new(),
                    maximum: None,
                    capped_to: None,
                    coverage: Coverage::Covered,
                };
            }
        }
    }
    let category = choose(&g.categories, &ctx);
    let role = choose(&g.roles, &ctx);
    let cell = cell_of(g, &category, &role);
    let factors = g
        .factors
        .iter()
        .filter(|f| f.unless.as_ref().is_none_or(|u| u.eval(&ctx) != Tri::True))
        .filter_map(|f| match &f.when {
            None => Some(FactorResult {
                factor: f,
                status: Status::Possible,
                to_consider: true,
            }),
            Some(w) => match w.eval(&ctx) {
                Tri::True => Some(FactorResult {
                    factor: f,
                    status: Status::Applies,
                    to_consider: false,
                }),
                Tri::Unknown => Some(FactorResult {
                    factor: f,
                    status: Status::Possible,
                    to_consider: false,
                }),
                Tri::False => None,
            },
        })
        .collect();
    let maximum = role
        .choice
        .and_then(|r| g.maxima.iter().find(|m| m.role == r.id));
    let capped_to = match (
        maximum.and_then(|m| m.prison_max.months()),
        cell.and_then(|c| c.range_to.months()),
    ) {
        (Some(max), Some(to)) if max < to => Some(max),
        _ => None,
    };
    ScaleResult {
        guideline: g,
        category,
        role,
        cell,
        factors,
        maximum,
        capped_to,
        coverage: Coverage::Covered,
    }
}

/// The official scale's result and the results of every scale that extends it.
pub fn evaluate_all<'a>(
    scales: &'a Scales,
    case: &Case,
) -> (Option<ScaleResult<'a>>, Vec<ScaleResult<'a>>) {
    let official = scales.official().map(|g| evaluate(g, case));
    let extensions = scales
        .guidelines
        .iter()
        .filter(|g| !g.official)
        .map(|g| evaluate(g, case))
        .collect();
    (official, extensions)
}

/// The scales that cover the conduct retained for a case (see [`coverage`](Coverage)).
#[derive(Debug, Clone, Default)]
pub struct Covered<'a> {
    /// The official scale's result, when it covers the conduct (or may).
    pub official: Option<ScaleResult<'a>>,
    /// The results of the scales that extend it and cover the conduct (or may).
    pub extensions: Vec<ScaleResult<'a>>,
    /// The guidelines of the data that do not cover it: not evaluated.
    pub not_covering: Vec<&'a Guideline>,
}

/// [`evaluate_all`], for the scales that cover `conduct` only.
pub fn evaluate_covered<'a>(
    scales: &'a Scales,
    case: &Case,
    conduct: &RetainedConduct,
) -> Covered<'a> {
    let mut out = Covered::default();
    for g in &scales.guidelines {
        let coverage = conduct.coverage(g);
        if coverage == Coverage::NotCovered {
            out.not_covering.push(g);
            continue;
        }
        let r = ScaleResult {
            coverage,
            ..evaluate(g, case)
        };
        if g.official
            && out.official.is_none()
            && scales.official().is_some_and(|o| std::ptr::eq(o, g))
        {
            out.official = Some(r);
        } else if !g.official {
            out.extensions.push(r);
        }
    }
    out
}

/// The longest sentence accepted, in months: 100 years. A longer term is a mistake (a
/// life sentence is not a term), and the figures drawn from it would mean nothing.
pub const MAX_SENTENCE_MONTHS: f64 = 1200.0;

/// Parses a sentence written on the command line: `3y`, `18m`, `2y6m`, `26w`, more than
/// nothing and at most [`MAX_SENTENCE_MONTHS`] (a larger figure is refused, not capped).
pub fn parse_sentence(s: &str) -> Result<f64, String> {
    match Term::parse(s).map(|t| (t, t.months())) {
        Ok((_, Some(m))) if m > MAX_SENTENCE_MONTHS => Err(format!(
            "`{}` is more than 100 years: a sentence of at most 100 years (1200m) is accepted, written e.g. 3y, 18m, 2y6m or 26w",
            qualif_law::diagnostics::quote(s)
        )),
        Ok((_, Some(m))) if m > 0.0 => Ok(m),
        _ => Err(format!(
            "`{}` is not a sentence: write e.g. 3y, 18m, 2y6m or 26w",
            qualif_law::diagnostics::quote(s)
        )),
    }
}

/// Loads the guideline files of a data folder or the built-in ones.
pub fn load_sources(files: &[SourceText], vocab: &Vocabulary) -> Result<Scales, Vec<Diagnostic>> {
    load(files, vocab)
}
