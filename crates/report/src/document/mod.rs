//! The written report (`qualif report`): one document model built from the engine's
//! results — assessment, comparison, scales, proportionality — then laid out as Markdown,
//! HTML (one self-contained, printable file with inline SVG charts) or JSON.
//!
//! The model is built once, in the chosen language and with redaction already applied, so
//! that the three renderers show the same content and none of them computes law: every
//! status, penalty, date and warning comes from the engine; the renderers only lay it out.
//! The JSON output is the model itself (`{ "contract": 1, "redacted": …, … }`).
//!
//! The way through: [`build`](build()) (`build/`) makes the model; `layout/` turns it into
//! blocks (`blocks.rs`: headings, paragraphs, lists, fields, tables, charts), deciding every
//! sentence, heading, label and cell once; `markdown.rs` and `html/` (maud, the CSS, the
//! SVG charts) only write the blocks in their markup; `text.rs` has the words used in
//! several places.

mod blocks;
mod build;
mod html;

pub use html::ladder_chart;
mod layout;
mod markdown;
mod text;

use chrono::NaiveDate;
use serde::Serialize;

pub use build::{Options, build};
pub use html::render as html;
pub use markdown::render as markdown;

use qualif_engine::{ElementStatus, Status};

/// The output contract version of the JSON report.
pub const CONTRACT: u32 = crate::assess_json::CONTRACT;

/// The JSON report: the document model, pretty-printed.
pub fn json(doc: &Document) -> String {
    serde_json::to_string_pretty(doc).expect("the document model serialises")
}

/// The whole report. Field names are part of the output contract (fields may be added,
/// never renamed or removed); see README.md, "Written reports".
#[derive(Debug, Clone, Serialize)]
pub struct Document {
    pub contract: u32,
    /// Free text and identifying fields were removed.
    pub redacted: bool,
    /// `en` or `fr`: the language of every `*_text`, `label` and `title` field.
    pub lang: String,
    pub generator: String,
    pub header: Header,
    /// What the report opens with: the qualification retained in each system, the
    /// disparities that matter most, the warnings about what is retained.
    pub summary: Summary,
    pub facts: Facts,
    /// National systems, in the data's order.
    pub systems: Vec<SystemSection>,
    pub international: Vec<InstrumentSection>,
    pub comparison: ComparisonSection,
    pub scales: Vec<ScaleSection>,
    /// Set when no scale is shown because no guideline of the data covers the conduct
    /// retained for the case: the line that says so (absent otherwise).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub no_scale_covers: Option<String>,
    pub proportionality: Option<ProportionalitySection>,
    pub charts: Charts,
    pub warnings: Vec<Warning>,
    pub sources: Vec<SourceEntry>,
    pub statement: Vec<String>,
    /// How the answer changes with the child's age (and the age gap): see `build/ladder.rs`.
    pub ladders: Vec<build::ladder::LadderSection>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Summary {
    /// National systems, in the data's order.
    pub systems: Vec<SystemSummary>,
    /// The most severe disparities (at most five), the most severe first.
    pub disparities: Vec<DisparityLine>,
    pub disparities_total: usize,
    /// The verification warnings about the provisions retained and the case.
    pub warnings: Vec<Warning>,
    /// A period of facts, when the case gives one (see [`PeriodSummary`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub period: Option<PeriodSummary>,
}

/// A period of facts: its span, and for each national system what the law at the first
/// act made of the acts and the system's rule, as lines.
#[derive(Debug, Clone, Serialize)]
pub struct PeriodSummary {
    pub span: String,
    /// By national system: its name and its lines.
    pub systems: Vec<(String, Vec<String>)>,
}

#[derive(Debug, Clone, Serialize)]
pub struct SystemSummary {
    pub system: String,
    pub name: String,
    /// The qualification retained first, then those retained beside it; when nothing
    /// applies, the most severe possible one.
    pub retained: Vec<RetainedLine>,
}

#[derive(Debug, Clone, Serialize)]
pub struct RetainedLine {
    pub id: String,
    pub citation: String,
    pub title: String,
    pub status: Status,
    /// The alternatives that would take its place if established (their citations).
    pub unless: Vec<String>,
    /// The certain penalty at the date of the facts.
    pub penalty_text: Option<String>,
    pub verification: Option<String>,
    pub limitation_text: Option<String>,
    pub jurisdiction_text: Option<String>,
    /// The grounds of jurisdiction that hold (their citations).
    pub grounds: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Header {
    /// `case.title`; `null` when absent or redacted.
    pub title: Option<String>,
    /// `case.notes`; `null` when absent or redacted.
    pub notes: Option<String>,
    pub date_of_facts: Option<NaiveDate>,
    /// The date whose law is applied.
    pub law_date: NaiveDate,
    /// The date at which limitation is assessed.
    pub date_of_assessment: NaiveDate,
    /// The date the report was produced (today, or `QUALIF_TODAY`).
    pub produced_on: NaiveDate,
    /// Warnings about the case as a whole (no date of the facts, --date...).
    pub warnings: Vec<String>,
    /// Labels of the fields removed by `--redact` (never their values).
    pub redacted_fields: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Facts {
    pub established: Vec<FactLine>,
    /// The facts whose answers would decide a possible qualification or aggravation.
    pub unknown: Vec<UnknownFact>,
    /// The facts the case does not state that the results take as presumed, in words.
    pub presumed: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct FactLine {
    pub key: String,
    pub section: String,
    pub section_text: String,
    pub label: String,
    /// The value as in the case file.
    pub value: serde_json::Value,
    /// The value in words (enumeration values by their labels).
    pub value_text: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct UnknownFact {
    pub key: String,
    pub label: String,
    /// Provisions whose status this fact would decide, system by system.
    pub decides: Vec<ProvisionGroup>,
    /// Provisions with an aggravation this fact would decide, system by system.
    pub decides_aggravations: Vec<ProvisionGroup>,
}

/// Provision ids of one system.
#[derive(Debug, Clone, Serialize)]
pub struct ProvisionGroup {
    pub system: String,
    /// An international instrument (its provisions are obligations of states).
    pub international: bool,
    pub provisions: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Counts {
    pub applies: usize,
    pub possible: usize,
    pub excluded: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct SystemSection {
    pub id: String,
    pub name: String,
    pub last_verified: Option<NaiveDate>,
    pub counts: Counts,
    /// The qualifications that apply, then those still possible.
    pub qualifications: Vec<QualSection>,
    pub excluded: Vec<ExcludedLine>,
}

impl SystemSection {
    /// The grounds of jurisdiction a report lists for this system: each ground that holds
    /// or may hold (on facts not stated) for any of its qualifications, once, in the order
    /// the qualifications first give them.
    pub fn grounds_not_excluded(&self) -> Vec<&Ground> {
        let mut out: Vec<&Ground> = Vec::new();
        for g in self
            .qualifications
            .iter()
            .filter_map(|q| q.jurisdiction.as_ref())
            .flat_map(|j| &j.grounds)
        {
            if g.holds != Some(false) && !out.iter().any(|o| o.id == g.id) {
                out.push(g);
            }
        }
        out
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct VersionInfo {
    pub in_force_from: NaiveDate,
    pub in_force_to: Option<NaiveDate>,
    pub last_verified: Option<NaiveDate>,
    pub text: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct PenaltyInfo {
    pub text: String,
    pub max_prison_months: Option<f64>,
    pub min_prison_months: Option<f64>,
    pub life: bool,
    /// `false` when the sources do not confirm the term.
    pub max_known: bool,
    pub minimum_status: Option<qualif_law::law::MinimumStatus>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ElementLine {
    pub id: String,
    pub label: String,
    pub status: ElementStatus,
    /// Met or unmet on a fact presumed, not stated.
    pub presumed: bool,
    pub status_text: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct AggravationLine {
    pub id: String,
    pub label: String,
    pub status: Status,
    pub status_text: String,
    pub penalty_text: String,
    /// This aggravation's penalty is the one applied (the most severe that applies).
    pub sets_penalty: bool,
    pub verification: String,
    pub notes: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct OtherVersion {
    pub in_force_from: NaiveDate,
    pub penalty_text: String,
    pub verification: String,
    pub notes: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Reading {
    pub penalty_text: String,
    pub note: String,
    pub sources: Vec<usize>,
}

/// One provision (or, for an instrument, one obligation) for the facts.
#[derive(Debug, Clone, Serialize)]
pub struct QualSection {
    pub id: String,
    pub system: String,
    pub citation: String,
    pub title: String,
    pub title_original: Option<String>,
    pub status: Status,
    pub status_text: String,
    /// Provisions one of which applies instead of this one, depending on missing facts.
    pub alternative_to: Vec<String>,
    pub version: Option<VersionInfo>,
    pub verification: Option<String>,
    pub verification_text: String,
    /// For an instrument: the minimum maximum penalty the state must provide.
    pub penalty: Option<PenaltyInfo>,
    pub base_penalty_text: Option<String>,
    pub penalty_if_possible_aggravations_text: Option<String>,
    /// The aggravations that apply or remain possible.
    pub aggravations: Vec<AggravationLine>,
    pub elements: Vec<ElementLine>,
    pub missing_facts: Vec<String>,
    pub missing_facts_for_aggravations: Vec<String>,
    pub milder_later_version: Option<OtherVersion>,
    pub pending_reforms: Vec<OtherVersion>,
    /// Other readings of the penalty where the sources conflict.
    pub readings: Vec<Reading>,
    pub limitation: Option<LimitationInfo>,
    pub jurisdiction: Option<JurisdictionInfo>,
    /// Notes of the data (in English).
    pub notes: Vec<String>,
    pub warnings: Vec<String>,
    /// Numbers in `Document.sources`.
    pub sources: Vec<usize>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ExcludedLine {
    pub id: String,
    pub citation: String,
    pub title: String,
    /// The elements that are not met.
    pub unmet: Vec<String>,
    /// Excluded only because a principal offence that applies takes its place.
    pub gives_way: bool,
    pub verification: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct LimitationInfo {
    /// `null`: cannot be said from the facts and the data.
    pub time_barred: Option<bool>,
    pub summary: String,
    pub rule_citation: Option<String>,
    pub rule_label: Option<String>,
    pub period_text: Option<String>,
    pub regime_from: Option<NaiveDate>,
    pub verification: Option<String>,
    pub starts: Option<qualif_law::law::LimitationStart>,
    /// When the period starts (bounds); `null` when unknown or withheld.
    pub period_starts: Option<qualif_engine::limitation::DateRange>,
    /// Time-barred after this date (bounds); `null` when never, unknown or withheld.
    pub deadline: Option<qualif_engine::limitation::DateRange>,
    pub never: bool,
    /// The dates derive from a birth date that `--redact` removed.
    pub dates_withheld: bool,
    pub assessed_on: NaiveDate,
    pub notes: Vec<String>,
    pub sources: Vec<usize>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Ground {
    pub id: String,
    pub citation: String,
    pub label: String,
    pub basis: qualif_law::law::JurisdictionBasis,
    pub holds: Option<bool>,
    pub holds_text: String,
    pub double_criminality: bool,
    pub conditions: Vec<String>,
    pub verification: String,
    pub sources: Vec<usize>,
}

#[derive(Debug, Clone, Serialize)]
pub struct JurisdictionInfo {
    pub can_prosecute: Option<bool>,
    pub summary: String,
    pub grounds: Vec<Ground>,
}

#[derive(Debug, Clone, Serialize)]
pub struct InstrumentSection {
    pub id: String,
    pub name: String,
    pub last_verified: Option<NaiveDate>,
    /// The states of the report bound by the instrument at the law's date.
    pub parties: Vec<Party>,
    /// The obligations the facts engage (applies or possible), read for no state.
    pub obligations: Vec<QualSection>,
    /// The instrument read for each state bound by it.
    pub state_readings: Vec<StateReadingSection>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Party {
    pub state: String,
    pub since: NaiveDate,
    pub verification: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct StateReadingSection {
    pub state: String,
    pub obligations: Vec<ObligationLine>,
    /// Disparities `below_minimum_standard` for this state and instrument.
    pub shortfalls: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ObligationLine {
    pub id: String,
    pub citation: String,
    pub title: String,
    pub status: Status,
    pub status_text: String,
    pub floor_text: Option<String>,
    pub minimum_max_prison_months: Option<f64>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ComparisonSection {
    /// Column heads: the systems, in the assessment's order.
    pub systems: Vec<String>,
    pub rows: Vec<MatrixRow>,
    pub disparities: Vec<DisparityLine>,
}

#[derive(Debug, Clone, Serialize)]
pub struct MatrixRow {
    pub conduct: String,
    pub label: String,
    pub cells: Vec<MatrixCell>,
}

#[derive(Debug, Clone, Serialize)]
pub struct MatrixCell {
    pub system: String,
    /// `applies`, `possible`, `excluded` or `not_covered`.
    pub status: String,
    pub status_text: String,
    pub provision: Option<String>,
    pub citation: Option<String>,
    /// For an instrument: the minimum maximum (floor), not a penalty.
    pub floor: bool,
    pub max_text: Option<String>,
    pub min_text: Option<String>,
    pub verification: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct DisparityLine {
    pub kind: qualif_analysis::compare::DisparityKind,
    pub kind_text: String,
    pub severity: qualif_analysis::compare::Severity,
    pub severity_text: String,
    pub systems: Vec<String>,
    pub conduct: Option<String>,
    pub conduct_label: Option<String>,
    /// The engine's sentence (in English).
    pub message: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Choice {
    pub id: String,
    pub label: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct SentenceInfo {
    pub months: Option<f64>,
    pub text: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct FactorLine {
    pub id: String,
    pub label: String,
    /// `applies`, `possible` or `to_consider`.
    pub status: String,
    pub status_text: String,
    pub verification: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ScaleSection {
    pub guideline: String,
    pub name: String,
    pub official: bool,
    /// The guideline's own status line (e.g. "proposal by qualif — not an official guideline").
    pub status: String,
    pub verification: String,
    pub category: Option<Choice>,
    pub role: Option<Choice>,
    pub category_possibly_higher: Vec<Choice>,
    pub role_possibly_higher: Vec<Choice>,
    pub starting_point: Option<SentenceInfo>,
    pub range_from: Option<SentenceInfo>,
    pub range_to: Option<SentenceInfo>,
    pub range_capped_to_months: Option<f64>,
    pub cell_verification: Option<String>,
    pub cell_notes: Vec<String>,
    pub statutory_maximum: Option<String>,
    pub aggravating: Vec<FactorLine>,
    pub mitigating: Vec<FactorLine>,
    pub maps_to: Option<String>,
    pub sources: Vec<usize>,
    /// Set when whether the guideline covers the conduct retained depends on an unknown
    /// fact: the line that says so (absent otherwise).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub coverage_note: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct SystemPlacementLine {
    pub system: String,
    pub provision: String,
    pub citation: String,
    pub max_text: String,
    pub max_prison_months: Option<f64>,
    pub life: bool,
    pub share_of_maximum: Option<f64>,
    /// `null` when the maximum is not confirmed: the sentence cannot be placed.
    pub placement: Option<qualif_analysis::scale::Placement>,
    pub placement_text: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ReferenceLine {
    pub id: String,
    pub court: String,
    pub country: String,
    pub date: NaiveDate,
    pub summary: String,
    pub sentence_text: String,
    pub outcome: qualif_analysis::scale::Outcome,
    pub outcome_text: String,
    pub verification: String,
    pub sources: Vec<usize>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ProportionalitySection {
    pub sentence_months: f64,
    pub sentence_text: String,
    pub placed_against: Option<String>,
    pub placed_against_official: Option<bool>,
    pub guideline_placement: Option<qualif_analysis::scale::Placement>,
    pub guideline_placement_text: Option<String>,
    pub ratio_to_starting_point: Option<f64>,
    pub systems: Vec<SystemPlacementLine>,
    pub reference_cases: Vec<ReferenceLine>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Charts {
    /// Maximum and minimum of the leading qualification in each national system.
    pub penalties: Vec<PenaltyBar>,
    pub scale: Option<ScaleChart>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PenaltyBar {
    pub system: String,
    pub system_name: String,
    /// `null` when no offence applies or remains possible in the system.
    pub provision: Option<String>,
    pub citation: Option<String>,
    /// `applies`, or `possible` when no offence applies and the bar shows the most severe
    /// possible one.
    pub status: Option<Status>,
    pub max_months: Option<f64>,
    pub min_months: Option<f64>,
    pub life: bool,
    pub max_text: String,
    pub min_text: Option<String>,
    pub verification: Option<String>,
    /// Other provisions of the same status whose maximum is not confirmed: one of them may
    /// be more severe than the one drawn.
    pub unconfirmed: Vec<String>,
    /// The provisions (their citations) that would take the place of the one retained if
    /// established: the maximum drawn is the lowest of theirs and its own.
    pub unless: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ScaleChart {
    /// The range drawn, when a scale gives one for these facts.
    pub range: Option<RangeBar>,
    pub sentence_months: Option<f64>,
    pub sentence_text: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct RangeBar {
    pub guideline: String,
    pub official: bool,
    pub from_months: f64,
    pub to_months: f64,
    pub starting_point_months: Option<f64>,
    pub from_text: String,
    pub to_text: String,
    pub starting_point_text: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Warning {
    /// What it is about: a provision, rule or guideline id, or `case`.
    pub about: String,
    pub text: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct SourceEntry {
    pub n: usize,
    pub url: String,
    /// The dates the data was last verified against this source.
    pub last_verified: Vec<NaiveDate>,
    /// The provisions, rules and guidelines that cite it.
    pub cited_by: Vec<String>,
    /// Its class in the vocabulary's `[[source_class]]` (`official_text`, `secondary`,
    /// `press`…); `null` when no prefix classifies it.
    pub class: Option<String>,
    /// The class in words, in the report's language ("press", "presse").
    pub class_label: String,
    /// Whether a court accepts a source of this class as the authority for a rule.
    pub primary: bool,
    /// The position of the class in the vocabulary: the report groups sources by it.
    #[serde(skip)]
    pub class_rank: usize,
}
