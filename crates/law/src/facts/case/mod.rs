//! Loading a case file: strict, located, and faithful to "absent means unknown".

use std::borrow::Cow;
use std::ops::Range;

use chrono::{Datelike, NaiveDate};
use toml::de::{DeTable, DeValue};

use super::age::{age_on, years_between};
use super::value::{Interval, Value};
use super::vocabulary::{FactDef, FactType, SectionId, Vocabulary};
use crate::diagnostics::{Diagnostic, SourceText};

mod convert;
mod dates;
mod derive;
mod fact_map;
mod reader;
mod suggest;
#[cfg(test)]
mod tests;

pub use convert::Number;
pub use dates::{DateText, date_in_range, format_date, parse_date};
pub use fact_map::sort_keeping_last;
pub use reader::{CaseReader, OpenSection, StatedFact, Texts};

use convert::{
    convert, in_bounds, list_accepts, push_once, short, text_value, without_underscores,
};
#[cfg(test)]
use fact_map::SPARE_MOST_FOR_TESTS;
use fact_map::{Fact, FactMap, Key};
use suggest::closest;

/// The case-file format version this program reads.
pub const SUPPORTED_VERSION: i64 = 1;
/// Larger files are refused before parsing: a case file is a few kilobytes.
pub const MAX_CASE_FILE_BYTES: usize = 1 << 20;
/// The longest free text accepted in one field.
const MAX_TEXT_CHARS: usize = 65_536;

/// The facts of one case: what the file states, plus what the engine derives from it.
/// A key that is absent is unknown.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Case {
    facts: FactMap,
}

impl Case {
    /// An empty case: every fact unknown.
    pub fn new() -> Self {
        Self::default()
    }

    pub fn get(&self, key: &str) -> Option<&Value> {
        self.facts.get(key)
    }

    /// Every fact, stated and derived, in key order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Value)> {
        self.facts.iter()
    }

    /// Every fact, stated and derived, in key order, with its position in
    /// [`Vocabulary::facts`] as [`Vocabulary::slot`] gave it when the fact was read or set
    /// (`None` for a key the vocabulary does not declare). For the engine, which reads facts
    /// by position: the positions are those of the vocabulary the case was read with, so a
    /// reader of another vocabulary checks them (the key is given for that).
    pub fn iter_with_slots(&self) -> impl Iterator<Item = (&str, Option<usize>, &Value)> {
        self.facts
            .0
            .iter()
            .map(|(k, f)| (k.as_ref(), f.slot, &f.value))
    }

    pub fn is_known(&self, key: &str) -> bool {
        self.facts.contains_key(key)
    }

    /// Stated facts (derived ones excluded), in key order.
    pub fn stated<'a>(
        &'a self,
        vocab: &'a Vocabulary,
    ) -> impl Iterator<Item = (&'a str, &'a Value)> {
        self.facts.iter().filter_map(move |(k, v)| {
            let def = vocab.fact(k)?;
            (!def.derived).then_some((k, v))
        })
    }

    pub fn date(&self, key: &str) -> Option<NaiveDate> {
        match self.facts.get(key) {
            Some(Value::Date(d)) => Some(*d),
            _ => None,
        }
    }

    /// States a fact (or, with `None`, makes it unknown again) and recomputes derived facts.
    /// The value must already be valid for the vocabulary.
    pub fn set(&mut self, key: &str, value: Option<Value>, vocab: &Vocabulary, today: NaiveDate) {
        match value {
            Some(v) => {
                let slot = vocab.slot(key);
                let k = match slot {
                    Some(i) => Cow::Borrowed(vocab.interned_key(i)),
                    None => Cow::Owned(key.to_string()),
                };
                self.facts.insert(k, slot, v)
            }
            None => self.facts.remove(key),
        }
        self.derive(vocab, today);
    }

    /// Parses a case file. Every problem is reported with its location and what is accepted.
    pub fn parse(
        source: &SourceText,
        vocab: &Vocabulary,
        today: NaiveDate,
    ) -> Result<Self, Diagnostic> {
        if source.text.len() > MAX_CASE_FILE_BYTES {
            return Err(Diagnostic::whole_file(
                &source.name,
                format!(
                    "the file is {} bytes; a case file may hold at most {} bytes",
                    source.text.len(),
                    MAX_CASE_FILE_BYTES
                ),
            ));
        }
        if source.text.trim().is_empty() {
            return Err(Diagnostic::whole_file(&source.name, "the file is empty").with_help("a case file: `version = 1` and sections such as [case], [victim], [offender], [act] (see README.md)"));
        }
        let table =
            DeTable::parse(&source.text).map_err(|e| crate::diagnostics::toml_error(source, &e))?;
        Self::from_table(source, table.get_ref(), vocab, today)
    }

    /// Reads a case from a TOML table: the checks of [`Case::parse`] after the TOML syntax,
    /// each problem located by the table's spans in `source`. Batch analysis builds the
    /// table from a JSON Lines or CSV record, so that every record is checked exactly as a
    /// case file is.
    pub fn from_table(
        source: &SourceText,
        table: &DeTable<'_>,
        vocab: &Vocabulary,
        today: NaiveDate,
    ) -> Result<Self, Diagnostic> {
        let mut reader = CaseReader::new(source, vocab);
        for (key, value) in table.iter() {
            let name = key.get_ref().as_ref();
            if name == "version" {
                reader.version(value.get_ref(), value.span())?;
                continue;
            }
            let section = reader.section(name, key.span().start)?;
            let DeValue::Table(inner) = value.get_ref() else {
                return Err(reader.not_a_table(name, value.span().start));
            };
            for (k, v) in inner.iter() {
                reader.fact(section, k.get_ref(), k.span().start, v.get_ref(), v.span())?;
            }
        }
        reader.finish(&|key| span_of(table, key), today)
    }

    /// The case as a case file (TOML): the stated facts, section by section in the
    /// vocabulary's order, which [`Case::parse`] reads back to the same case. Used by the
    /// interview to save case files.
    pub fn to_toml(&self, vocab: &Vocabulary) -> String {
        let mut out = format!("version = {SUPPORTED_VERSION}\n");
        for section in vocab.sections() {
            let mut lines = String::new();
            for f in vocab
                .facts
                .iter()
                .filter(|f| !f.derived && f.section() == section)
            {
                if let Some(v) = self.facts.get(&f.key) {
                    let written = match f.at_least_word(v) {
                        Some(a) => toml::Value::String(a.id.clone()),
                        None => v.to_toml(),
                    };
                    lines.push_str(&format!("{} = {written}\n", f.name()));
                }
            }
            if !lines.is_empty() {
                out.push_str(&format!("\n[{section}]\n{lines}"));
            }
        }
        out
    }

    /// The law's date: the date of the facts, else today.
    pub fn date_of_facts_or(&self, today: NaiveDate) -> NaiveDate {
        self.date("case.date_of_facts").unwrap_or(today)
    }
}

/// The ages a birth date decides: (age, birth date), victim first.
const AGES: [(&str, &str); 2] = [
    (VICTIM_AGE, VICTIM_BIRTH_DATE),
    (OFFENDER_AGE, OFFENDER_BIRTH_DATE),
];
const VICTIM_AGE: &str = "victim.age";
const VICTIM_BIRTH_DATE: &str = "victim.birth_date";
const OFFENDER_AGE: &str = "offender.age";
const OFFENDER_BIRTH_DATE: &str = "offender.birth_date";
const DATE_OF_FACTS: &str = "case.date_of_facts";
const FIRST_DATE_OF_FACTS: &str = "case.first_date_of_facts";
const DATE_OF_ASSESSMENT: &str = "case.date_of_assessment";

/// The birth date an age is derived from (`victim.age`: `victim.birth_date`), when `key` is
/// such an age: a case that varies the age must leave the birth date out.
pub fn age_source(key: &str) -> Option<&'static str> {
    AGES.iter().find(|(a, _)| *a == key).map(|(_, b)| *b)
}

/// The age a birth date decides (`victim.birth_date`: `victim.age`).
pub fn age_of_birth_date(key: &str) -> Option<&'static str> {
    AGES.iter().find(|(_, b)| *b == key).map(|(a, _)| *a)
}

/// How `derived.age_gap` (the offender's age less the victim's) moves with an age: `1.0`
/// with the offender's, `-1.0` with the victim's; `None` for any other fact.
pub fn age_gap_sign(key: &str) -> Option<f64> {
    match key {
        "offender.age" => Some(1.0),
        "victim.age" => Some(-1.0),
        _ => None,
    }
}

/// The key of the derived age gap.
pub const AGE_GAP: &str = "derived.age_gap";

/// Where a table read as a case file writes the value of a fact (`section.key`).
fn span_of(table: &DeTable<'_>, key: &str) -> Option<Range<usize>> {
    let (section, name) = key.split_once('.')?;
    let (_, inner) = table.iter().find(|(k, _)| k.get_ref() == section)?;
    let DeValue::Table(inner) = inner.get_ref() else {
        return None;
    };
    let (_, value) = inner.iter().find(|(k, _)| k.get_ref() == name)?;
    Some(value.span())
}
