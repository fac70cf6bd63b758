//! One record of a batch file (a JSON Lines line or a CSV row) turned into a [`Case`].
//!
//! There is one way in: the record becomes a TOML table (`toml::de::DeTable`) shaped like a
//! case file, and [`Case::from_table`] checks it exactly as it checks a case file — the same
//! sections and keys, types, enumerations, country codes, ranges, dates and consistency
//! rules, with the same messages. Each value of the table is "located" at the index of its
//! field, so that a problem is reported with the record's line and the field at fault.

use std::borrow::Cow;
use std::fmt;
use std::ops::Range;

use chrono::NaiveDate;
use toml::Spanned;
use toml::de::{DeArray, DeTable, DeValue};

use crate::diagnostics::{Diagnostic, SourceText};
use crate::facts::{Case, FactType, Vocabulary};

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

    /// The rejection as one message, located in `file`.
    pub fn located(&self, file: &str) -> String {
        let mut s = format!("{file}:{}", self.line);
        if let Some(c) = self.column {
            s.push_str(&format!(":{c}"));
        }
        s.push_str(": ");
        if let Some(f) = &self.field {
            s.push_str(&format!("field `{f}`: "));
        }
        s.push_str(&self.message);
        if let Some(h) = &self.help {
            s.push_str(&format!("\n  accepted: {h}"));
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
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| Rejection {
        line,
        column: Some(e.column() as u64),
        field: None,
        message: format!("not valid JSON: {}", json_message(&e)),
        help: Some("one JSON object per line, shaped like a case file: {\"case\": {...}, \"victim\": {...}, ...}".into()),
    })?;
    let serde_json::Value::Object(record) = &value else {
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
    // Numbers become TOML numbers by reading their JSON text (a subset of TOML's), which
    // must outlive the table: collected first.
    let mut numbers = Vec::new();
    collect_numbers(&value, &mut numbers);
    let mut numbers = numbers.iter();
    let mut fields = Fields::default();
    let mut table = DeTable::new();
    for (section, v) in record {
        let span = fields.add(FieldName::Top(section), None);
        let Some(de) = json_to_de(v, span.clone(), &mut numbers, &mut fields, &[section]) else {
            continue;
        };
        table.insert(
            Spanned::new(span.clone(), Cow::Borrowed(section.as_str())),
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

fn collect_numbers(v: &serde_json::Value, out: &mut Vec<String>) {
    match v {
        serde_json::Value::Number(n) => out.push(n.to_string()),
        serde_json::Value::Array(items) => items.iter().for_each(|i| collect_numbers(i, out)),
        serde_json::Value::Object(m) => m.values().for_each(|i| collect_numbers(i, out)),
        _ => {}
    }
}

/// A JSON value as a TOML value; `None` for `null` (unknown). Members of an object are
/// fields of their own (`section.key`).
fn json_to_de<'v>(
    v: &'v serde_json::Value,
    span: Range<usize>,
    numbers: &mut std::slice::Iter<'v, String>,
    fields: &mut Fields<'v>,
    path: &[&'v str],
) -> Option<DeValue<'v>> {
    Some(match v {
        serde_json::Value::Null => return None,
        serde_json::Value::Bool(b) => DeValue::Boolean(*b),
        serde_json::Value::Number(_) => {
            let text = numbers.next().map(String::as_str).unwrap_or("0");
            match DeValue::parse(text) {
                Ok(d) => d.into_inner(),
                Err(_) => DeValue::String(Cow::Borrowed(text)),
            }
        }
        serde_json::Value::String(s) => DeValue::String(Cow::Borrowed(s.as_str())),
        serde_json::Value::Array(items) => {
            let mut a = DeArray::new();
            for item in items {
                // A `null` inside a list is not an unknown fact: it is refused as a value
                // that is not a text.
                let de = json_to_de(item, span.clone(), numbers, fields, path)
                    .unwrap_or(DeValue::Table(DeTable::new()));
                a.push(Spanned::new(span.clone(), de));
            }
            DeValue::Array(a)
        }
        serde_json::Value::Object(m) => {
            let mut t = DeTable::new();
            for (k, item) in m {
                let inner: Vec<&'v str> = path.iter().copied().chain([k.as_str()]).collect();
                let name = match inner.as_slice() {
                    [s, k] => FieldName::Key(s, k),
                    deeper => FieldName::Path(deeper.join(".")),
                };
                let inner_span = fields.add(name, None);
                let Some(de) = json_to_de(item, inner_span.clone(), numbers, fields, &inner) else {
                    continue;
                };
                t.insert(
                    Spanned::new(inner_span.clone(), Cow::Borrowed(k.as_str())),
                    Spanned::new(inner_span, de),
                );
            }
            DeValue::Table(t)
        }
    })
}

fn json_kind(v: &serde_json::Value) -> &'static str {
    match v {
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "a boolean",
        serde_json::Value::Number(_) => "a number",
        serde_json::Value::String(_) => "a text",
        serde_json::Value::Array(_) => "a list",
        serde_json::Value::Object(_) => "an object",
    }
}

/// serde_json's message without its " at line 1 column 5" (the column is reported apart).
fn json_message(e: &serde_json::Error) -> String {
    let s = e.to_string();
    match s.rfind(" at line ") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

/// The column of a field's key in a JSON line (`victim.age`: the `"age"` after
/// `"victim"`), when it can be found by its quoted name.
fn key_column(text: &str, field: &str) -> Option<u64> {
    let mut at = 0;
    let mut start = 0;
    for part in field.split('.') {
        let quoted = format!("\"{part}\"");
        start = at + text[at..].find(&quoted)?;
        at = start + quoted.len();
    }
    Some(text[..start].chars().count() as u64 + 1)
}

// ---------------------------------------------------------------------------------------
// CSV

/// The columns of a CSV file: one dotted key each (`victim.age`), or `version`.
#[derive(Debug, Clone)]
pub struct CsvHeader {
    columns: Vec<Column>,
}

#[derive(Debug, Clone)]
struct Column {
    /// `None`: the top-level `version`.
    section: Option<String>,
    name: String,
    key: String,
    ty: FactType,
}

impl CsvHeader {
    /// Checks the header row: every column must be a key of the case format, once.
    pub fn parse(names: &[&str], vocab: &Vocabulary) -> Result<CsvHeader, String> {
        let mut columns: Vec<Column> = Vec::new();
        for (i, raw) in names.iter().enumerate() {
            let key = raw.trim().trim_start_matches('\u{feff}');
            let at = format!(
                "column {} (`{}`)",
                i + 1,
                crate::diagnostics::excerpt(key, 60)
            );
            if columns.iter().any(|c| c.key == key) {
                return Err(format!("{at} appears twice in the header"));
            }
            if key == "version" {
                columns.push(Column {
                    section: None,
                    name: key.into(),
                    key: key.into(),
                    ty: FactType::Integer,
                });
                continue;
            }
            let Some(def) = vocab.fact(key).filter(|d| !d.derived) else {
                let sections = vocab.sections();
                let help = match key.split_once('.') {
                    Some((s, _)) if sections.contains(&s) => {
                        format!("in [{s}]: {}", vocab.keys_of(s).join(", "))
                    }
                    _ => format!(
                        "`version` and dotted keys of the sections {}",
                        sections.join(", ")
                    ),
                };
                return Err(format!(
                    "{at} is not a key of the case format\n  accepted: {help}"
                ));
            };
            columns.push(Column {
                section: Some(def.section().to_string()),
                name: def.name().to_string(),
                key: key.to_string(),
                ty: def.ty,
            });
        }
        if columns.is_empty() {
            return Err("the header row is empty".into());
        }
        Ok(CsvHeader { columns })
    }

    pub fn len(&self) -> usize {
        self.columns.len()
    }

    pub fn is_empty(&self) -> bool {
        self.columns.is_empty()
    }
}

/// Reads one CSV row. An empty cell is an unknown fact; lists are separated by `;`;
/// booleans are `true` or `false` (any case, as spreadsheets write them).
pub fn case_from_csv(
    cells: &[&str],
    header: &CsvHeader,
    line: u64,
    vocab: &Vocabulary,
    today: NaiveDate,
) -> Result<Case, Rejection> {
    if cells.len() != header.columns.len() {
        return Err(Rejection::whole_line(
            line,
            format!(
                "the row has {} fields but the header has {}",
                cells.len(),
                header.columns.len()
            ),
        ));
    }
    let mut fields = Fields::default();
    let mut table = DeTable::new();
    for (i, (cell, col)) in cells.iter().zip(&header.columns).enumerate() {
        if cell.trim().is_empty() {
            continue;
        }
        let span = fields.add(FieldName::Top(&col.key), Some(i as u64 + 1));
        let value = csv_cell(cell, col.ty, span.clone());
        match &col.section {
            None => {
                table.insert(
                    Spanned::new(span.clone(), Cow::Borrowed(col.name.as_str())),
                    Spanned::new(span, value),
                );
            }
            Some(section) => {
                let key = Spanned::new(span.clone(), Cow::Borrowed(section.as_str()));
                let entry = table
                    .entry(key)
                    .or_insert_with(|| Spanned::new(span.clone(), DeValue::Table(DeTable::new())));
                if let DeValue::Table(t) = entry.get_mut() {
                    t.insert(
                        Spanned::new(span.clone(), Cow::Borrowed(col.name.as_str())),
                        Spanned::new(span, value),
                    );
                }
            }
        }
    }
    check(&table, &fields, line, vocab, today)
}

/// A CSV cell as the TOML value a case file would hold for a fact of this type; a cell that
/// cannot be one is passed as a text, which the check then refuses with the accepted values.
fn csv_cell(cell: &str, ty: FactType, span: Range<usize>) -> DeValue<'_> {
    let t = cell.trim();
    match ty {
        FactType::Bool if t.eq_ignore_ascii_case("true") => DeValue::Boolean(true),
        FactType::Bool if t.eq_ignore_ascii_case("false") => DeValue::Boolean(false),
        FactType::Integer | FactType::Number => match DeValue::parse(t) {
            Ok(v) if matches!(v.get_ref(), DeValue::Integer(_) | DeValue::Float(_)) => {
                v.into_inner()
            }
            _ => DeValue::String(Cow::Borrowed(cell)),
        },
        FactType::Countries | FactType::EnumList => {
            let mut a = DeArray::new();
            for item in t.split(';').map(str::trim).filter(|s| !s.is_empty()) {
                a.push(Spanned::new(
                    span.clone(),
                    DeValue::String(Cow::Borrowed(item)),
                ));
            }
            DeValue::Array(a)
        }
        FactType::Text => DeValue::String(Cow::Borrowed(cell)),
        _ => DeValue::String(Cow::Borrowed(t)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::law::LawBook;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 1, 1).unwrap()
    }

    #[test]
    fn a_json_record_reads_as_the_same_case_file() {
        let book = LawBook::builtin().unwrap();
        let v = &book.vocabulary;
        let json = r#"{"version": 1, "case": {"date_of_facts": "2023-05-10", "place": "PH", "ict": true}, "victim": {"age": 9, "nationality": ["PH"]}, "offender": {"age": null}, "sentence": {"imposed_months": 48.5}}"#;
        let toml = "version = 1\n[case]\ndate_of_facts = \"2023-05-10\"\nplace = \"PH\"\nict = true\n[victim]\nage = 9\nnationality = [\"PH\"]\n[sentence]\nimposed_months = 48.5\n";
        let a = case_from_json(json, 1, v, today()).unwrap();
        let b = Case::parse(&SourceText::new("c.toml", toml), v, today()).unwrap();
        assert_eq!(a, b);
    }

    #[test]
    fn a_bad_json_value_names_its_line_field_and_column() {
        let book = LawBook::builtin().unwrap();
        let json = r#"{"case": {"ict": true}, "victim": {"age": "nine"}}"#;
        let r = case_from_json(json, 7, &book.vocabulary, today()).unwrap_err();
        assert_eq!(r.line, 7);
        assert_eq!(r.field.as_deref(), Some("victim.age"));
        assert_eq!(r.column, Some(36));
        assert!(
            r.message.contains("must be a whole number"),
            "{}",
            r.message
        );
        let r =
            case_from_json(r#"{"victim": {"agee": 3}}"#, 2, &book.vocabulary, today()).unwrap_err();
        assert_eq!(r.field.as_deref(), Some("victim.agee"));
        assert!(r.message.contains("did you mean `age`"), "{}", r.message);
        let r =
            case_from_json(r#"{"victim": {"age": 3"#, 3, &book.vocabulary, today()).unwrap_err();
        assert!(r.message.starts_with("not valid JSON"), "{}", r.message);
        assert!(r.column.is_some());
    }

    #[test]
    fn a_csv_row_reads_as_the_same_case_file() {
        let book = LawBook::builtin().unwrap();
        let v = &book.vocabulary;
        let header = CsvHeader::parse(
            &[
                "case.date_of_facts",
                "case.ict",
                "victim.age",
                "victim.nationality",
                "offender.age",
                "version",
            ],
            v,
        )
        .unwrap();
        let a = case_from_csv(
            &["2023-05-10", "TRUE", "9", "PH; FR", "", "1"],
            &header,
            2,
            v,
            today(),
        )
        .unwrap();
        let toml = "[case]\ndate_of_facts = \"2023-05-10\"\nict = true\n[victim]\nage = 9\nnationality = [\"PH\", \"FR\"]\n";
        let b = Case::parse(&SourceText::new("c.toml", toml), v, today()).unwrap();
        assert_eq!(a, b);
        let r =
            case_from_csv(&["2023-02-30", "", "", "", "", ""], &header, 5, v, today()).unwrap_err();
        assert_eq!(
            (r.line, r.column, r.field.as_deref()),
            (5, Some(1), Some("case.date_of_facts"))
        );
        assert!(
            CsvHeader::parse(&["victim.agee"], v)
                .unwrap_err()
                .contains("column 1")
        );
        assert!(CsvHeader::parse(&["victim.age", "victim.age"], v).is_err());
    }
}
