//! The data files as written: serde structures, strict (`deny_unknown_fields`), with the
//! spans needed to locate every later error.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

use super::penalty::MinimumStatus;
use crate::facts::Localized;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SystemFile {
    pub system: SystemHeader,
    #[serde(default)]
    pub provision: Vec<ProvisionRaw>,
    #[serde(default)]
    pub limitation: Vec<LimitationRaw>,
    #[serde(default)]
    pub jurisdiction: Vec<JurisdictionRaw>,
}

/// When a limitation period starts to run.
#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LimitationStart {
    /// The date of the facts.
    Facts,
    /// The victim's eighteenth birthday.
    Majority,
}

/// Which facts a new limitation regime reaches when it enters into force.
#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq, serde::Serialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Transition {
    /// Facts not yet time-barred on the day it enters into force (the usual rule for
    /// laws on limitation).
    #[default]
    NotYetBarred,
    /// Only facts committed from the day it enters into force.
    FactsAfter,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LimitationRaw {
    pub id: Spanned<String>,
    pub citation: String,
    pub label: Localized,
    /// The provisions this rule governs (ids of the same file).
    pub applies_to: Vec<Spanned<String>>,
    /// A condition on the facts for the rule to govern (e.g. the victim was a minor).
    pub when: Option<Spanned<String>>,
    pub starts: LimitationStart,
    #[serde(default)]
    pub notes: Vec<String>,
    #[serde(default)]
    pub version: Vec<LimitationVersionRaw>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LimitationVersionRaw {
    pub in_force_from: Spanned<String>,
    pub in_force_to: Option<Spanned<String>>,
    /// `"20y"`, or `"none"` where prosecution is never time-barred.
    pub period: Spanned<String>,
    #[serde(default)]
    pub transition: Transition,
    pub verification: Verification,
    #[serde(default)]
    pub sources: Vec<Spanned<String>>,
    pub last_verified: Option<Spanned<String>>,
    #[serde(default)]
    pub notes: Vec<String>,
}

/// The ground on which a state claims jurisdiction.
#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum JurisdictionBasis {
    Territory,
    Nationality,
    Residence,
    PassiveNationality,
    PassiveResidence,
    Complicity,
    Presence,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JurisdictionRaw {
    pub id: Spanned<String>,
    pub citation: String,
    pub label: Localized,
    pub basis: JurisdictionBasis,
    /// The provisions it reaches (ids of the same file); every provision when absent.
    #[serde(default)]
    pub applies_to: Vec<Spanned<String>>,
    /// The facts that found jurisdiction (e.g. `offender.nationality contains 'FR'`).
    pub when: Spanned<String>,
    /// Whether the conduct must also be an offence where it was committed.
    #[serde(default)]
    pub double_criminality: bool,
    /// Procedural conditions that no fact decides (a complaint, the Attorney General's
    /// consent, the person's presence), paraphrased.
    #[serde(default)]
    pub conditions: Vec<String>,
    pub in_force_from: Spanned<String>,
    pub in_force_to: Option<Spanned<String>>,
    pub verification: Verification,
    #[serde(default)]
    pub sources: Vec<Spanned<String>>,
    pub last_verified: Option<Spanned<String>>,
    #[serde(default)]
    pub notes: Vec<String>,
}

#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SystemKind {
    National,
    International,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SystemHeader {
    pub id: Spanned<String>,
    pub kind: SystemKind,
    pub language: String,
    pub name: Localized,
    pub currency: Option<String>,
    /// The age at which a person comes of age, where a limitation period runs from the
    /// victim's majority (`starts = "majority"`).
    pub age_of_majority: Option<Spanned<u32>>,
    /// The countries whose courts apply this system (ISO 3166-1 alpha-2 codes), to link a
    /// sentencing court (`sentence.court_country`) to its law.
    #[serde(default)]
    pub court_countries: Vec<Spanned<String>>,
    /// The languages, besides French, English and the original, in which the provisions'
    /// official titles are given (`title.other`), as language codes (e.g. "nl").
    #[serde(default)]
    pub title_languages: Vec<Spanned<String>>,
    pub last_verified: Option<Spanned<String>>,
    #[serde(default)]
    pub notes: Vec<String>,
    #[serde(default)]
    pub sources: Vec<Spanned<String>>,
    #[serde(default)]
    pub parameters: BTreeMap<String, Spanned<toml::Value>>,
    #[serde(default)]
    pub party: Vec<PartyRaw>,
    /// The system's rule for a period of facts (`[system.period]`).
    pub period: Option<PeriodRaw>,
}

/// A system's rule for acts spread over a period (`case.first_date_of_facts` to
/// `case.date_of_facts`): the law applied is the one in force at the last act, and the
/// outputs say what the law in force at the first act made of the acts; this says when
/// limitation runs, with the sources of the rule and how well it is verified.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PeriodRaw {
    pub limitation_from: PeriodLimitation,
    pub verification: Verification,
    #[serde(default)]
    pub sources: Vec<Spanned<String>>,
    #[serde(default)]
    pub notes: Vec<String>,
}

/// From which act of a period limitation runs.
#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PeriodLimitation {
    /// Each act from its own date: the first acts are time-barred first.
    EachAct,
    /// The whole period from its last act (one continuing or collective offence).
    LastAct,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PartyRaw {
    pub state: Spanned<String>,
    pub from: Spanned<String>,
    pub verification: Verification,
    #[serde(default)]
    pub sources: Vec<Spanned<String>>,
    #[serde(default)]
    pub notes: Vec<String>,
}

/// How well a figure or text is verified, as the dossier labels it.
#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
pub enum Verification {
    #[serde(rename = "unverified")]
    Unverified,
    #[serde(rename = "verified-secondary")]
    VerifiedSecondary,
    #[serde(rename = "verified-primary")]
    VerifiedPrimary,
}

impl Verification {
    pub fn as_str(self) -> &'static str {
        match self {
            Verification::Unverified => "unverified",
            Verification::VerifiedSecondary => "verified-secondary",
            Verification::VerifiedPrimary => "verified-primary",
        }
    }
}

#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct Title {
    pub original: Option<String>,
    pub fr: String,
    pub en: String,
    /// The official title in other languages of the system (Dutch in Belgium), by language
    /// code: each a language its `[system]` declares in `title_languages`.
    #[serde(default)]
    pub other: BTreeMap<String, String>,
}

impl Title {
    /// The title in the language of an output: French for `fr`, English otherwise.
    pub fn get(&self, lang: &str) -> &str {
        if lang == "fr" { &self.fr } else { &self.en }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProvisionRaw {
    pub id: Spanned<String>,
    pub citation: String,
    pub title: Title,
    #[serde(default)]
    pub covers: Vec<Spanned<String>>,
    pub attempt: Option<String>,
    #[serde(default)]
    pub notes: Vec<String>,
    /// The provisions this one gives way to ("hors le cas prévu à l'article …"): when one
    /// of them applies, this one is absorbed by it (ids of the same file).
    #[serde(default)]
    pub subsidiary_to: Vec<Spanned<String>>,
    /// The first version created the offence: before it, the conduct was not an offence
    /// under this provision (facts then are excluded, not unknown).
    #[serde(default)]
    pub new_offence: bool,
    #[serde(default)]
    pub element: Vec<ElementRaw>,
    #[serde(default)]
    pub version: Vec<VersionRaw>,
}

#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct ElementRaw {
    pub id: Spanned<String>,
    pub label: Localized,
    pub when: Spanned<String>,
}

#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq, serde::Serialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum VersionStatus {
    #[default]
    InForce,
    Pending,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VersionRaw {
    pub in_force_from: Spanned<String>,
    pub in_force_to: Option<Spanned<String>>,
    #[serde(default)]
    pub status: VersionStatus,
    pub verification: Verification,
    #[serde(default)]
    pub sources: Vec<Spanned<String>>,
    pub last_verified: Option<Spanned<String>>,
    #[serde(default)]
    pub notes: Vec<String>,
    pub penalty: Spanned<PenaltyRaw>,
    /// The provisions this version gives way to, where they differ from the provision's
    /// (`subsidiary_to` of the provision otherwise).
    pub subsidiary_to: Option<Vec<Spanned<String>>>,
    #[serde(default)]
    pub element: Vec<ElementRaw>,
    #[serde(default)]
    pub aggravation: Vec<AggravationRaw>,
    #[serde(default)]
    pub reading: Vec<ReadingRaw>,
}

#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct PenaltyRaw {
    pub prison_max: Option<String>,
    pub prison_min: Option<String>,
    pub minimum_status: Option<MinimumStatus>,
    pub minimum_note: Option<String>,
    pub fine_max: Option<String>,
    pub fine_min: Option<String>,
    pub custody: Option<String>,
    pub procedure: Option<String>,
    #[serde(default)]
    pub procedures: Vec<PenaltyRaw>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AggravationRaw {
    pub id: Spanned<String>,
    pub label: Localized,
    pub when: Spanned<String>,
    pub penalty: Spanned<PenaltyRaw>,
    pub verification: Option<Verification>,
    pub sources: Option<Vec<Spanned<String>>>,
    pub priority: Option<i64>,
    #[serde(default)]
    pub notes: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReadingRaw {
    pub penalty: Spanned<PenaltyRaw>,
    #[serde(default)]
    pub sources: Vec<Spanned<String>>,
    pub note: String,
}
