//! The legal data: loading, validation with located diagnostics, and the compiled model
//! the engine reads. The built-in files are embedded at compile time.

pub mod checks;
mod compile;
pub mod embedded;
pub mod model;
mod penalty;

use std::collections::BTreeMap;
use std::path::Path;

use chrono::NaiveDate;

pub use model::{
    JurisdictionBasis, LimitationStart, PeriodLimitation, SystemKind, Title, Transition,
    Verification, VersionStatus,
};
pub use penalty::{Fine, MinimumStatus, Penalty, Term, parse_duration_months};

use crate::condition::Expr;
use crate::diagnostics::{Diagnostic, SourceText};
use crate::facts::{Localized, Value, Vocabulary};

/// Larger data files are refused (no more than this is read, see [`crate::io::read_bounded`]):
/// the largest built-in one is about 330 kB, and a file of hundreds of megabytes would only
/// exhaust memory.
pub const MAX_DATA_FILE_BYTES: u64 = 8 << 20;

/// The name of the vocabulary file in a data folder.
pub const VOCABULARY_FILE: &str = "vocabulary.toml";

/// Every legal system and the vocabulary they speak.
#[derive(Debug, Clone)]
pub struct LawBook {
    pub vocabulary: Vocabulary,
    pub systems: Vec<System>,
    /// For each conduct class with a `when`: the facts that engage it.
    pub conduct_conditions: BTreeMap<String, Expr>,
    /// The presumptions of the vocabulary, in its order: each applied, in turn, when the
    /// case does not state the fact and the condition holds.
    pub presumptions: Vec<Presumption>,
}

/// A fact presumed when the case does not state it and a condition holds.
#[derive(Debug, Clone)]
pub struct Presumption {
    /// The fact's key.
    pub fact: String,
    pub value: Value,
    pub when: Expr,
    pub note: Localized,
}

#[derive(Debug, Clone)]
pub struct System {
    pub id: String,
    pub kind: SystemKind,
    pub language: String,
    pub name: Localized,
    pub currency: Option<String>,
    /// The age of majority, for limitation periods that run from the victim's majority.
    pub age_of_majority: Option<u32>,
    /// The countries whose courts apply this system.
    pub court_countries: Vec<String>,
    /// The other languages of its provisions' official titles.
    pub title_languages: Vec<String>,
    pub last_verified: Option<NaiveDate>,
    pub notes: Vec<String>,
    pub sources: Vec<String>,
    pub parameters: BTreeMap<String, Value>,
    pub parties: Vec<Party>,
    /// The rule for a period of facts, when the data gives one.
    pub period: Option<PeriodRule>,
    pub provisions: Vec<Provision>,
    pub limitations: Vec<Limitation>,
    pub jurisdictions: Vec<Jurisdiction>,
    /// Provision indices in an order where every provision comes after those it names.
    pub evaluation_order: Vec<usize>,
    pub file: String,
}

/// A system's rule for a period of facts (see [`model::PeriodRaw`]).
#[derive(Debug, Clone)]
pub struct PeriodRule {
    pub limitation_from: PeriodLimitation,
    pub verification: Verification,
    pub sources: Vec<String>,
    pub notes: Vec<String>,
}

impl System {
    pub fn provision(&self, id: &str) -> Option<&Provision> {
        self.provisions.iter().find(|p| p.id == id)
    }

    /// Whether a state is bound by this instrument on a date.
    pub fn binds(&self, state: &str, date: NaiveDate) -> Option<&Party> {
        self.parties
            .iter()
            .find(|p| p.state == state && p.from <= date)
    }
}

/// A limitation rule: the period within which prosecution must start, for some provisions,
/// in successive regimes.
#[derive(Debug, Clone)]
pub struct Limitation {
    pub id: String,
    pub citation: String,
    pub label: Localized,
    pub applies_to: Vec<String>,
    pub when: Option<Expr>,
    pub starts: LimitationStart,
    pub notes: Vec<String>,
    /// In order of entry into force.
    pub versions: Vec<LimitationVersion>,
}

#[derive(Debug, Clone)]
pub struct LimitationVersion {
    pub from: NaiveDate,
    pub to: Option<NaiveDate>,
    /// `None`: never time-barred.
    pub period_months: Option<f64>,
    pub period_text: String,
    pub transition: Transition,
    pub verification: Verification,
    pub sources: Vec<String>,
    pub last_verified: Option<NaiveDate>,
    pub notes: Vec<String>,
}

/// A rule that gives a state jurisdiction over facts.
#[derive(Debug, Clone)]
pub struct Jurisdiction {
    pub id: String,
    pub citation: String,
    pub label: Localized,
    pub basis: JurisdictionBasis,
    /// Empty: every provision of the system.
    pub applies_to: Vec<String>,
    pub when: Expr,
    pub double_criminality: bool,
    pub conditions: Vec<String>,
    pub from: NaiveDate,
    pub to: Option<NaiveDate>,
    pub verification: Verification,
    pub sources: Vec<String>,
    pub last_verified: Option<NaiveDate>,
    pub notes: Vec<String>,
}

impl Jurisdiction {
    pub fn reaches(&self, provision: &str) -> bool {
        self.applies_to.is_empty() || self.applies_to.iter().any(|p| p == provision)
    }

    pub fn in_force(&self, date: NaiveDate) -> bool {
        self.from <= date && self.to.is_none_or(|to| date <= to)
    }
}

/// A state bound by an international instrument.
#[derive(Debug, Clone)]
pub struct Party {
    pub state: String,
    pub from: NaiveDate,
    pub verification: Verification,
    pub sources: Vec<String>,
    pub notes: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct Provision {
    pub id: String,
    pub citation: String,
    pub title: Title,
    pub covers: Vec<String>,
    /// The position, in the vocabulary's conduct list, of the most serious conduct class
    /// the provision covers: ranks provisions whose penalties are equal (see
    /// [`Penalty::leading_cmp`]).
    pub most_serious_conduct: usize,
    pub attempt: Option<String>,
    pub notes: Vec<String>,
    /// The first version in force created the offence: before it, the conduct was not an
    /// offence under this provision. Otherwise a date before the first version is one the
    /// data says nothing about: the provision is then possible, not excluded.
    pub new_offence: bool,
    pub versions: Vec<Version>,
}

impl Provision {
    /// Orders two qualifications of one system to pick the leading one (the greater): by
    /// [`Penalty::leading_cmp`] (a missing penalty below any), then by the more serious
    /// conduct covered (distributing images before possessing them when both carry five
    /// years).
    pub fn leading_cmp(
        &self,
        penalty: Option<&Penalty>,
        other: &Provision,
        other_penalty: Option<&Penalty>,
    ) -> std::cmp::Ordering {
        let by_penalty = match (penalty, other_penalty) {
            (Some(a), Some(b)) => a.leading_cmp(b),
            (a, b) => a.is_some().cmp(&b.is_some()),
        };
        by_penalty.then(other.most_serious_conduct.cmp(&self.most_serious_conduct))
    }

    /// The version in force on a date (pending versions are never in force).
    pub fn version_at(&self, date: NaiveDate) -> Option<&Version> {
        self.versions.iter().find(|v| v.in_force_on(date))
    }

    /// The first day of its first version in force (`None`: only pending versions).
    pub fn first_in_force(&self) -> Option<NaiveDate> {
        self.versions
            .iter()
            .filter(|v| v.status == VersionStatus::InForce)
            .map(|v| v.from)
            .min()
    }
}

/// A named legal element: a condition over facts, with its label.
#[derive(Debug, Clone)]
pub struct Element {
    pub id: String,
    pub label: Localized,
    pub when: Expr,
    pub text: String,
}

#[derive(Debug, Clone)]
pub struct Version {
    pub from: NaiveDate,
    pub to: Option<NaiveDate>,
    pub status: VersionStatus,
    pub verification: Verification,
    pub sources: Vec<String>,
    pub last_verified: Option<NaiveDate>,
    pub notes: Vec<String>,
    pub penalty: Penalty,
    /// The elements in force in this version (the provision's, with this version's
    /// replacements and additions).
    pub elements: Vec<Element>,
    pub aggravations: Vec<Aggravation>,
    pub readings: Vec<Reading>,
    /// The provisions of the same system this version gives way to: when one of them
    /// applies, this one is absorbed by it (excluded); while one is only possible, this one
    /// applies, or not, by its own elements ("applies unless X is established").
    pub subsidiary_to: Vec<String>,
    /// The same, by index in the system's provisions.
    pub subsidiaries: Vec<usize>,
}

impl Version {
    pub fn covers(&self, date: NaiveDate) -> bool {
        self.from <= date && self.to.is_none_or(|to| date <= to)
    }

    /// Whether this is the law in force on a date (pending versions never are).
    pub fn in_force_on(&self, date: NaiveDate) -> bool {
        self.status == VersionStatus::InForce && self.covers(date)
    }
}

#[derive(Debug, Clone)]
pub struct Aggravation {
    pub id: String,
    pub label: Localized,
    pub when: Expr,
    pub text: String,
    pub penalty: Penalty,
    pub verification: Verification,
    pub sources: Vec<String>,
    pub priority: i64,
    pub notes: Vec<String>,
}

/// Another reading of a penalty where sources conflict.
#[derive(Debug, Clone)]
pub struct Reading {
    pub penalty: Penalty,
    pub sources: Vec<String>,
    pub note: String,
}

impl LawBook {
    /// Loads the data files built into the binary.
    pub fn builtin() -> Result<LawBook, Vec<Diagnostic>> {
        Self::from_sources(embedded::jurisdiction_files())
    }

    /// Loads a data folder: either one with `jurisdictions/` (and `guidelines/`) inside, or
    /// one holding `vocabulary.toml` and the system files directly.
    pub fn from_dir(dir: &Path) -> Result<LawBook, Vec<Diagnostic>> {
        Self::from_sources(read_data_dir(dir)?)
    }

    /// Loads from source texts: one must be the vocabulary (named `vocabulary.toml`).
    pub fn from_sources(files: Vec<SourceText>) -> Result<LawBook, Vec<Diagnostic>> {
        compile::compile(files)
    }

    pub fn system(&self, id: &str) -> Option<&System> {
        self.systems.iter().find(|s| s.id == id)
    }

    /// Finds a provision by id in any system.
    pub fn provision(&self, id: &str) -> Option<(&System, &Provision)> {
        self.systems
            .iter()
            .find_map(|s| s.provision(id).map(|p| (s, p)))
    }
}

/// Reads the jurisdiction files of a data folder (`DIR/jurisdictions/`, or `DIR` itself),
/// in name order.
pub fn read_data_dir(dir: &Path) -> Result<Vec<SourceText>, Vec<Diagnostic>> {
    let shown = dir.display().to_string();
    let jur = dir.join("jurisdictions");
    let folder = if jur.is_dir() { jur } else { dir.to_path_buf() };
    let out = read_toml_files(&folder)?;
    if !out.iter().any(|s| s.name.ends_with(VOCABULARY_FILE)) {
        return Err(vec![
            Diagnostic::whole_file(&shown, format!("no {VOCABULARY_FILE} in this data folder"))
                .with_help("a folder holding vocabulary.toml and one TOML file per legal system"),
        ]);
    }
    Ok(out)
}

/// Reads every `*.toml` file of a folder, in name order, refusing invalid UTF-8 (located) and
/// anything but a regular file (a named pipe, a device: see [`crate::io::open_regular`]).
pub fn read_toml_files(folder: &Path) -> Result<Vec<SourceText>, Vec<Diagnostic>> {
    let shown = folder.display().to_string();
    let entries = std::fs::read_dir(folder).map_err(|e| {
        vec![Diagnostic::whole_file(&shown, format!("cannot read the data folder: {e}"))
            .with_help("a folder holding vocabulary.toml and one TOML file per legal system (or a jurisdictions/ folder with them)")]
    })?;
    let mut paths: Vec<_> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    paths.sort();
    let mut out = Vec::new();
    let mut problems = Vec::new();
    for p in paths {
        let name = p.display().to_string();
        match crate::io::read_bounded(&p, MAX_DATA_FILE_BYTES as usize) {
            Ok(Ok(bytes)) => match crate::io::text_of(name, bytes) {
                Ok(text) => out.push(text),
                Err(d) => problems.push(d),
            },
            Ok(Err(size)) => problems.push(
                Diagnostic::whole_file(
                    &name,
                    format!(
                        "{}; a data file may hold at most {MAX_DATA_FILE_BYTES} bytes",
                        size.describe()
                    ),
                )
                .with_help("one legal system (or guideline) per file, as in jurisdictions/"),
            ),
            Err(d) => problems.push(d),
        }
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(problems)
    }
}
