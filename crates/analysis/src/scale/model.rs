//! Guideline files as written (see `guidelines/README.md`): strict serde structures.

use serde::Deserialize;
use toml::Spanned;

use qualif_law::facts::Localized;
use qualif_law::law::Verification;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GuidelineFile {
    pub guideline: Header,
    #[serde(default)]
    pub category: Vec<Choice>,
    #[serde(default)]
    pub role: Vec<Choice>,
    #[serde(default)]
    pub cell: Vec<CellRaw>,
    #[serde(default)]
    pub factor: Vec<FactorRaw>,
    #[serde(default)]
    pub maximum: Vec<MaximumRaw>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Header {
    pub id: Spanned<String>,
    pub official: bool,
    pub status: String,
    pub name: Localized,
    pub jurisdiction: Option<String>,
    pub in_force_from: Option<Spanned<String>>,
    pub verification: Verification,
    #[serde(default)]
    pub sources: Vec<Spanned<String>>,
    pub last_verified: Option<Spanned<String>>,
    #[serde(default)]
    pub method: Vec<String>,
    #[serde(default)]
    pub rationale: Vec<String>,
    pub maps_to: Option<String>,
    #[serde(default)]
    pub notes: Vec<String>,
    /// The conduct classes of the vocabulary the guideline sentences: it is shown only when
    /// a qualification retained for the case covers one of them.
    pub covers: Vec<Spanned<String>>,
    /// Who the guideline covers: outside it, no category, role or starting point.
    pub scope: Option<ScopeRaw>,
}

/// The offenders a guideline covers (`[guideline.scope]`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScopeRaw {
    /// Holds for an offender the guideline covers.
    pub when: Spanned<String>,
    /// Added to the guideline's name when the facts put the offender outside (its status
    /// then says "not applicable to this offender").
    pub outside: Localized,
    /// Added to its status when a fact that decides it is unknown.
    pub unknown: Localized,
    pub verification: Verification,
    #[serde(default)]
    pub sources: Vec<Spanned<String>>,
}

/// A category or a role: chosen by its condition, most serious first.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    pub id: Spanned<String>,
    pub label: Localized,
    pub definition: Option<Localized>,
    pub when: Spanned<String>,
    #[serde(default)]
    pub notes: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CellRaw {
    pub category: Spanned<String>,
    pub role: Spanned<String>,
    pub starting_point: Spanned<String>,
    pub range_from: Spanned<String>,
    pub range_to: Spanned<String>,
    pub verification: Verification,
    #[serde(default)]
    pub sources: Vec<Spanned<String>>,
    #[serde(default)]
    pub notes: Vec<String>,
}

#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FactorKind {
    Aggravating,
    Mitigating,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FactorRaw {
    pub id: Spanned<String>,
    pub kind: FactorKind,
    pub label: Localized,
    pub when: Option<Spanned<String>>,
    /// Holds when the facts contradict the factor: it is then not listed at all.
    pub unless: Option<Spanned<String>>,
    pub verification: Verification,
    #[serde(default)]
    pub sources: Vec<Spanned<String>>,
    #[serde(default)]
    pub notes: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MaximumRaw {
    pub role: Spanned<String>,
    pub prison_max: Spanned<String>,
    pub citation: String,
    pub verification: Verification,
    #[serde(default)]
    pub sources: Vec<Spanned<String>>,
    #[serde(default)]
    pub notes: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReferenceFile {
    #[serde(default)]
    pub case: Vec<ReferenceRaw>,
}

#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Verdict,
    ProsecutionRequest,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReferenceRaw {
    pub id: Spanned<String>,
    pub court: String,
    pub country: String,
    pub date: Spanned<String>,
    pub summary: String,
    #[serde(default)]
    pub conduct: Vec<Spanned<String>>,
    pub category: Option<String>,
    pub role: Option<String>,
    pub sentence: Option<Spanned<String>>,
    pub suspended: Option<Spanned<String>>,
    pub outcome: Outcome,
    pub verification: Verification,
    #[serde(default)]
    pub sources: Vec<Spanned<String>>,
    #[serde(default)]
    pub notes: Vec<String>,
}
