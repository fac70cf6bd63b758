//! One record of a batch file (a JSON Lines line or a CSV row) turned into a [`Case`].
//!
//! There is one way in: the record becomes a TOML table (`toml::de::DeTable`) shaped like a
//! case file, and [`Case::from_table`] checks it exactly as it checks a case file — the same
//! sections and keys, types, enumerations, country codes, ranges, dates and consistency
//! rules, with the same messages. Each value of the table is "located" at the index of its
//! field, so that a problem is reported with the record's line and the field at fault.
//!
//! A JSON record is first read without the table, through the same steps
//! (`facts::CaseReader`, which `Case::from_table` takes too): building the table and its fields
//! costs more than the checks. Only when something is wrong (or unusual) is the record read
//! again through the table, which reports it; a test checks that both ways read the same
//! case.

mod csv_row;
mod direct;
mod json_errors;
mod json_to_toml;
mod json_value;
#[cfg(test)]
mod tests;

pub use csv_row::{CsvHeader, case_from_csv};

use direct::read_directly;
use json_errors::{DUPLICATE_KEY, char_column, json_message, key_column, key_start};
use json_to_toml::{fact_value, json_kind, json_to_de};
use json_value::{CowKey, Json};

use std::borrow::Cow;
use std::fmt;
use std::ops::Range;

use chrono::NaiveDate;
use toml::Spanned;
use toml::de::{DeArray, DeTable, DeValue};

use qualif_law::diagnostics::{Diagnostic, SourceText};
use qualif_law::facts::{
    Case, CaseReader, FactType, Number, OpenSection, Texts, Vocabulary, sort_keeping_last,
};

/// A record that could not be read as a case: where, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Rejection {
    /// 1-based line of the input file where the record starts.
    pub line: u64,
    /// 1-based column (JSON: of the syntax error or of the field's key, when it can be
    /// found; CSV: of the field).
    pub column: Option<u64>,
    /// The field at fault, as a dotted key (`victim.age`), when the problem is in one.
    pub field: Option<String>,
    pub message: String,
    /// What is accepted.
    pub help: Option<String>,
}

impl Rejection {
    pub fn whole_line(line: u64, message: impl Into<String>) -> Self {
        Self {
            line,
            column: None,
            field: None,
            message: message.into(),
            help: None,
        }
    }

    /// The rejection as one message, located in `file`. The field's name (from the record's
    /// keys) is quoted through [`excerpt`](qualif_law::diagnostics::excerpt), and the message
    /// made printable, as every message about an input is.
    pub fn located(&self, file: &str) -> String {
        use qualif_law::diagnostics::{escape, printable, quote};
        let mut s = format!("{}:{}", escape(file), self.line);
        if let Some(c) = self.column {
            s.push_str(&format!(":{c}"));
        }
        s.push_str(": ");
        if let Some(f) = &self.field {
            s.push_str(&format!("field `{}`: ", quote(f)));
        }
        s.push_str(&printable(&self.message));
        if let Some(h) = &self.help {
            s.push_str(&format!("\n  accepted: {}", printable(h)));
        }
        s
    }
}

impl fmt::Display for Rejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.located("line"))
    }
}

/// A field's name, put together only when a problem is reported.
enum FieldName<'v> {
    /// A section, or `version`.
    Top(&'v str),
    /// `section.key`.
    Key(&'v str, &'v str),
    /// Deeper (refused as a value of the wrong type).
    Path(String),
}

impl FieldName<'_> {
    fn text(&self) -> String {
        match self {
            FieldName::Top(s) => s.to_string(),
            FieldName::Key(s, k) => format!("{s}.{k}"),
            FieldName::Path(p) => p.clone(),
        }
    }
}

/// The fields of one record, in the order they are met: the "span" of a value in the table
/// built from the record is its index here.
#[derive(Default)]
struct Fields<'v> {
    names: Vec<FieldName<'v>>,
    columns: Vec<Option<u64>>,
}

impl<'v> Fields<'v> {
    fn add(&mut self, name: FieldName<'v>, column: Option<u64>) -> Range<usize> {
        let i = self.names.len();
        self.names.push(name);
        self.columns.push(column);
        i..i + 1
    }

    /// A source text in which offset `i` lies on line `i + 1`.
    fn source(&self, name: &str) -> SourceText {
        SourceText::new(name, "\n".repeat(self.names.len()))
    }

    fn rejection(&self, line: u64, d: Diagnostic) -> Rejection {
        let i = d.line.saturating_sub(1);
        Rejection {
            line,
            column: self.columns.get(i).copied().flatten(),
            field: self.names.get(i).map(FieldName::text),
            message: d.message,
            help: d.help,
        }
    }
}

/// Checks the facts of a table built from a record, as a case file's.
fn check(
    table: &DeTable<'_>,
    fields: &Fields<'_>,
    line: u64,
    vocab: &Vocabulary,
    today: NaiveDate,
) -> Result<Case, Rejection> {
    let source = fields.source("record");
    Case::from_table(&source, table, vocab, today).map_err(|d| fields.rejection(line, d))
}

// ---------------------------------------------------------------------------------------
// JSON Lines

/// Reads one JSON Lines record: `{"case": {...}, "victim": {...}, ...}`, the structure of a
/// case file. `null` is an unknown fact, as if the key were absent.
pub fn case_from_json(
    text: &str,
    line: u64,
    vocab: &Vocabulary,
    today: NaiveDate,
) -> Result<Case, Rejection> {
    if let Some(case) = read_directly(text, vocab, today) {
        return Ok(case);
    }
    let value: Json = serde_json::from_str(text).map_err(|e| {
        let message = json_message(&e);
        match message.strip_prefix(DUPLICATE_KEY) {
            // As a case file says it, at the repeated key.
            Some(key) => Rejection {
                line,
                column: char_column(text, e.column())
                    .map(|after| key_start(text, after)),
                field: None,
                message: format!("duplicate key {key}"),
                help: Some("each key at most once in an object, as in a case file".into()),
            },
            None => Rejection {
                line,
                column: char_column(text, e.column()),
                field: None,
                message: format!("not valid JSON: {message}"),
                help: Some("one JSON object per line, shaped like a case file: {\"case\": {...}, \"victim\": {...}, ...}".into()),
            },
        }
    })?;
    let Json::Object(record) = &value else {
        return Err(Rejection {
            line,
            column: Some(1),
            field: None,
            message: format!(
                "a record must be a JSON object, found {}",
                json_kind(&value)
            ),
            help: Some(
                "{\"case\": {...}, \"victim\": {...}, ...}, as the sections of a case file".into(),
            ),
        });
    };
    read_through_table(text, record, line, vocab, today)
}

/// Both readings of a JSON record, for the differential fuzz target (`fuzz/`): the one-pass
/// reading (`None` when it gives up) and the located one that reports problems. `None` when
/// the text is not a JSON object. Whenever the one-pass reading gives a case, it must be the
/// case the located reading gives.
#[doc(hidden)]
pub fn json_record_read_both_ways(
    text: &str,
    vocab: &Vocabulary,
    today: NaiveDate,
) -> Option<(Option<Case>, Result<Case, Rejection>)> {
    let value: Json = serde_json::from_str(text).ok()?;
    let Json::Object(record) = &value else {
        return None;
    };
    Some((
        read_directly(text, vocab, today),
        read_through_table(text, record, 1, vocab, today),
    ))
}

/// Reads a record through the TOML table of a case file, each value located by its field:
/// the way every problem is reported.
fn read_through_table(
    text: &str,
    record: &[(Cow<str>, Json)],
    line: u64,
    vocab: &Vocabulary,
    today: NaiveDate,
) -> Result<Case, Rejection> {
    let mut fields = Fields::default();
    let mut table = DeTable::new();
    for (section, v) in record {
        let span = fields.add(FieldName::Top(section), None);
        let Some(de) = json_to_de(v, span.clone(), &mut fields, &[section]) else {
            continue;
        };
        table.insert(
            Spanned::new(span.clone(), Cow::Borrowed(section.as_ref())),
            Spanned::new(span, de),
        );
    }
    check(&table, &fields, line, vocab, today).map_err(|mut r| {
        if r.column.is_none() {
            r.column = r.field.as_deref().and_then(|f| key_column(text, f));
        }
        r
    })
}
