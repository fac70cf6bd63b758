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

use std::borrow::Cow;
use std::fmt;
use std::ops::Range;

use chrono::NaiveDate;
use toml::Spanned;
use toml::de::{DeArray, DeTable, DeValue};

use qualif_law::diagnostics::{Diagnostic, SourceText};
use qualif_law::facts::{
    Case, CaseReader, FactType, Number, OpenSection, Vocabulary, sort_keeping_last,
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

/// A JSON value as a record holds it: what `serde_json::Value` would hold, but with its
/// texts borrowed from the line (when they hold no escape) rather than copied, since each
/// record is read once and dropped.
#[derive(Debug, Clone, PartialEq)]
enum Json<'t> {
    Null,
    Bool(bool),
    /// A number, written as `serde_json::Number` writes it: the text TOML then reads.
    Number(String),
    String(Cow<'t, str>),
    Array(Vec<Json<'t>>),
    /// The members in key order, the last of equal keys kept: as `serde_json::Map` (a
    /// `BTreeMap` without the `preserve_order` feature) holds them, so that fields are met,
    /// and problems reported, in the same order.
    Object(Vec<(Cow<'t, str>, Json<'t>)>),
}

impl<'de> serde::Deserialize<'de> for Json<'de> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(JsonVisitor)
    }
}

struct JsonVisitor;

impl<'de> serde::de::Visitor<'de> for JsonVisitor {
    type Value = Json<'de>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, b: bool) -> Result<Json<'de>, E> {
        Ok(Json::Bool(b))
    }

    fn visit_i64<E>(self, n: i64) -> Result<Json<'de>, E> {
        Ok(Json::Number(serde_json::Number::from(n).to_string()))
    }

    fn visit_u64<E>(self, n: u64) -> Result<Json<'de>, E> {
        Ok(Json::Number(serde_json::Number::from(n).to_string()))
    }

    fn visit_f64<E>(self, n: f64) -> Result<Json<'de>, E> {
        // As `serde_json::Value`: a float that is not finite is null.
        Ok(serde_json::Number::from_f64(n).map_or(Json::Null, |n| Json::Number(n.to_string())))
    }

    fn visit_borrowed_str<E>(self, s: &'de str) -> Result<Json<'de>, E> {
        Ok(Json::String(Cow::Borrowed(s)))
    }

    fn visit_str<E>(self, s: &str) -> Result<Json<'de>, E> {
        Ok(Json::String(Cow::Owned(s.to_string())))
    }

    fn visit_string<E>(self, s: String) -> Result<Json<'de>, E> {
        Ok(Json::String(Cow::Owned(s)))
    }

    fn visit_unit<E>(self) -> Result<Json<'de>, E> {
        Ok(Json::Null)
    }

    fn visit_none<E>(self) -> Result<Json<'de>, E> {
        Ok(Json::Null)
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Json<'de>, A::Error> {
        let mut items = Vec::with_capacity(4);
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Json::Array(items))
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Json<'de>, A::Error> {
        // Sections hold a few facts; a record, a few sections.
        let mut members: Vec<(Cow<'de, str>, Json<'de>)> = Vec::with_capacity(8);
        // The keys met, once an object has many: looked up in a set rather than in the list,
        // so that a line of a megabyte of keys is not read in quadratic time.
        let mut seen: Option<std::collections::HashSet<Cow<'de, str>>> = None;
        while let Some(CowKey(key)) = map.next_key::<CowKey<'de>>()? {
            // A key given twice is refused, as a case file refuses it: the error is raised
            // with the reader just after the key, which locates it.
            let repeated = match &mut seen {
                Some(set) => !set.insert(key.clone()),
                None => members.iter().any(|(k, _)| *k == key),
            };
            if repeated {
                return Err(serde::de::Error::custom(format_args!(
                    "{DUPLICATE_KEY}`{}`",
                    qualif_law::diagnostics::quote(&key)
                )));
            }
            if seen.is_none() && members.len() == 16 {
                seen = Some(
                    members
                        .iter()
                        .map(|(k, _)| k.clone())
                        .chain([key.clone()])
                        .collect(),
                );
            }
            let value = map.next_value::<Json<'de>>()?;
            members.push((key, value));
        }
        // Key order. Records usually come with their keys in order already (as serde_json
        // writes them).
        sort_keeping_last(&mut members);
        Ok(Json::Object(members))
    }
}

/// An object's key, borrowed from the line when it holds no escape.
struct CowKey<'de>(Cow<'de, str>);

impl<'de> serde::Deserialize<'de> for CowKey<'de> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl<'de> serde::de::Visitor<'de> for KeyVisitor {
            type Value = CowKey<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a key")
            }
            fn visit_borrowed_str<E>(self, s: &'de str) -> Result<CowKey<'de>, E> {
                Ok(CowKey(Cow::Borrowed(s)))
            }
            fn visit_str<E>(self, s: &str) -> Result<CowKey<'de>, E> {
                Ok(CowKey(Cow::Owned(s.to_string())))
            }
            fn visit_string<E>(self, s: String) -> Result<CowKey<'de>, E> {
                Ok(CowKey(Cow::Owned(s)))
            }
        }
        d.deserialize_str(KeyVisitor)
    }
}

/// Reads the usual record straight into a case, in one pass over its text: the steps of a
/// case file ([`CaseReader`], which [`Case::from_table`] takes too) on the values
/// [`json_to_de`] would make, without the [`Json`] tree, the table and the fields that only
/// serve to locate a problem. `None` at the first problem, or at anything unusual (keys out
/// of order or repeated, a nested object, a list holding other than texts): the record is
/// then read again through the table, which reports what is wrong.
///
/// The keys of an object may come in any order (people write `case` before `victim`): the
/// case holds its facts in key order whatever the order read, and a key given twice, which
/// the table refuses, makes the reading give up ([`Met`]).
fn read_directly(text: &str, vocab: &Vocabulary, today: NaiveDate) -> Option<Case> {
    let source = SourceText::new(String::new(), String::new());
    let mut reader = CaseReader::new(&source, vocab);
    let mut de = serde_json::Deserializer::from_str(text);
    serde::de::DeserializeSeed::deserialize(Record(&mut reader), &mut de).ok()?;
    de.end().ok()?;
    reader.finish(&|_| None, today).ok()
}

/// Why the one-pass reading gave up (never shown: the record is read again).
fn give_up<E: serde::de::Error>() -> E {
    E::custom("read through the table")
}

/// The keys of one object met so far, to tell a key given twice: a key after the greatest
/// one met (keys in increasing order, as serde_json writes them) is new at the cost of one
/// comparison; another is compared with every key met. Up to [`Met::MOST`] keys, each
/// borrowed from the line (the reading gives up on more, or on a key written with an
/// escape: the table reads those).
struct Met<'de> {
    keys: [&'de str; Met::MOST],
    len: usize,
    greatest: &'de str,
}

impl<'de> Met<'de> {
    const MOST: usize = 24;

    fn new() -> Self {
        Self {
            keys: [""; Met::MOST],
            len: 0,
            greatest: "",
        }
    }

    /// The next key of the object, unless it was met before.
    fn next_key<A: serde::de::MapAccess<'de>>(
        &mut self,
        map: &mut A,
    ) -> Result<Option<&'de str>, A::Error> {
        let Some(CowKey(key)) = map.next_key::<CowKey<'de>>()? else {
            return Ok(None);
        };
        let Cow::Borrowed(key) = key else {
            return Err(give_up());
        };
        if self.len == Met::MOST {
            return Err(give_up());
        }
        if self.len > 0 && key <= self.greatest {
            if self.keys[..self.len].contains(&key) {
                return Err(give_up());
            }
        } else {
            self.greatest = key;
        }
        self.keys[self.len] = key;
        self.len += 1;
        Ok(Some(key))
    }
}

/// A whole record, read into a [`CaseReader`]: `version`, then the sections.
struct Record<'r, 's>(&'r mut CaseReader<'s>);

impl<'de> serde::de::DeserializeSeed<'de> for Record<'_, '_> {
    type Value = ();

    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> serde::de::Visitor<'de> for Record<'_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a record")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut met = Met::new();
        while let Some(name) = met.next_key(&mut map)? {
            if name == "version" {
                // `null` is an absent key, whatever the key (as `json_to_de` makes it).
                let value: Json = map.next_value()?;
                if !matches!(value, Json::Null) {
                    let de = fact_value(&value).ok_or_else(give_up)?;
                    self.0.version(&de, 0..0).map_err(|_| give_up())?;
                }
            } else {
                map.next_value_seed(Section {
                    reader: &mut *self.0,
                    name,
                    open: None,
                })?;
            }
        }
        Ok(())
    }
}

/// One section of a record (or `null`, an absent one), its facts read into a
/// [`CaseReader`].
struct Section<'r, 's, 'n> {
    reader: &'r mut CaseReader<'s>,
    name: &'n str,
    /// The section once the reader has checked it (`None` before).
    open: Option<OpenSection<'n>>,
}

impl<'de> serde::de::DeserializeSeed<'de> for Section<'_, '_, '_> {
    type Value = ();

    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_option(self)
    }
}

impl<'de> serde::de::Visitor<'de> for Section<'_, '_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a section")
    }

    fn visit_none<E>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_some<D: serde::Deserializer<'de>>(mut self, d: D) -> Result<(), D::Error> {
        let open = self.reader.section(self.name, 0).map_err(|_| give_up())?;
        self.open = Some(open);
        d.deserialize_map(self)
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        // A section is a map only after `visit_some` has checked it.
        let section = self.open.ok_or_else(give_up)?;
        let mut met = Met::new();
        while let Some(key) = met.next_key(&mut map)? {
            let reader = &mut *self.reader;
            let mut fact = |de: DeValue| reader.fact(section, key, 0, &de, 0..0).is_ok();
            let read = match map.next_value::<FactJson>()? {
                // `null` is an absent key (as `json_to_de` makes it).
                FactJson::Null => true,
                FactJson::Number(n) => reader.number(section, key, n),
                FactJson::Bool(b) => fact(DeValue::Boolean(b)),
                FactJson::Str(s) => fact(DeValue::String(s)),
                FactJson::List(items) => reader.texts(section, key, &items),
            };
            if !read {
                return Err(give_up());
            }
        }
        Ok(())
    }
}

/// A fact's value as the one-pass reading takes it: what [`fact_value`] accepts, with
/// numbers as serde_json parsed them rather than as text (see [`CaseReader::number`]).
enum FactJson<'de> {
    Null,
    Bool(bool),
    Number(Number),
    Str(Cow<'de, str>),
    /// A list of texts (anything else in a list is unusual).
    List(Vec<Cow<'de, str>>),
}

impl<'de> serde::Deserialize<'de> for FactJson<'de> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(FactVisitor)
    }
}

struct FactVisitor;

impl<'de> serde::de::Visitor<'de> for FactVisitor {
    type Value = FactJson<'de>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("the value of a fact")
    }

    fn visit_bool<E>(self, b: bool) -> Result<FactJson<'de>, E> {
        Ok(FactJson::Bool(b))
    }

    fn visit_i64<E>(self, n: i64) -> Result<FactJson<'de>, E> {
        Ok(FactJson::Number(Number::Int(n)))
    }

    fn visit_u64<E: serde::de::Error>(self, n: u64) -> Result<FactJson<'de>, E> {
        // Beyond i64, the number is refused or rounded: [`Json`] decides.
        let n = i64::try_from(n).map_err(|_| give_up())?;
        Ok(FactJson::Number(Number::Int(n)))
    }

    fn visit_f64<E>(self, n: f64) -> Result<FactJson<'de>, E> {
        // As [`Json`]: a float that is not finite is null.
        Ok(if n.is_finite() {
            FactJson::Number(Number::Float(n))
        } else {
            FactJson::Null
        })
    }

    fn visit_borrowed_str<E>(self, s: &'de str) -> Result<FactJson<'de>, E> {
        Ok(FactJson::Str(Cow::Borrowed(s)))
    }

    fn visit_str<E>(self, s: &str) -> Result<FactJson<'de>, E> {
        Ok(FactJson::Str(Cow::Owned(s.to_string())))
    }

    fn visit_string<E>(self, s: String) -> Result<FactJson<'de>, E> {
        Ok(FactJson::Str(Cow::Owned(s)))
    }

    fn visit_unit<E>(self) -> Result<FactJson<'de>, E> {
        Ok(FactJson::Null)
    }

    fn visit_none<E>(self) -> Result<FactJson<'de>, E> {
        Ok(FactJson::Null)
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(
        self,
        mut seq: A,
    ) -> Result<FactJson<'de>, A::Error> {
        let mut items = Vec::with_capacity(4);
        // A text is read as a key is; anything else fails (and is read through the table).
        while let Some(CowKey(s)) = seq.next_element()? {
            items.push(s);
        }
        Ok(FactJson::List(items))
    }
}

/// The TOML value [`json_to_de`] makes of a value a fact can hold (a boolean, a number, a
/// text, a list of texts); `None` for any other.
fn fact_value<'v>(v: &'v Json<'v>) -> Option<DeValue<'v>> {
    Some(match v {
        Json::Bool(b) => DeValue::Boolean(*b),
        Json::Number(text) => number(text),
        Json::String(s) => DeValue::String(Cow::Borrowed(s.as_ref())),
        Json::Array(items) => {
            let mut a = DeArray::new();
            for item in items {
                let Json::String(s) = item else {
                    return None;
                };
                a.push(Spanned::new(
                    0..0,
                    DeValue::String(Cow::Borrowed(s.as_ref())),
                ));
            }
            DeValue::Array(a)
        }
        Json::Null | Json::Object(_) => return None,
    })
}

/// A JSON number as TOML reads its text (JSON writes numbers as TOML does).
fn number(text: &str) -> DeValue<'_> {
    match DeValue::parse(text) {
        Ok(d) => d.into_inner(),
        Err(_) => DeValue::String(Cow::Borrowed(text)),
    }
}

/// A JSON value as a TOML value; `None` for `null` (unknown). Members of an object are
/// fields of their own (`section.key`).
fn json_to_de<'v>(
    v: &'v Json<'v>,
    span: Range<usize>,
    fields: &mut Fields<'v>,
    path: &[&'v str],
) -> Option<DeValue<'v>> {
    Some(match v {
        Json::Null => return None,
        Json::Bool(b) => DeValue::Boolean(*b),
        Json::Number(text) => number(text),
        Json::String(s) => DeValue::String(Cow::Borrowed(s.as_ref())),
        Json::Array(items) => {
            let mut a = DeArray::new();
            for item in items {
                // A `null` inside a list is not an unknown fact: it is refused as a value
                // that is not a text.
                let de = json_to_de(item, span.clone(), fields, path)
                    .unwrap_or(DeValue::Table(DeTable::new()));
                a.push(Spanned::new(span.clone(), de));
            }
            DeValue::Array(a)
        }
        Json::Object(m) => {
            let mut t = DeTable::new();
            for (k, item) in m {
                let k: &'v str = k.as_ref();
                // The member's path; a key of a section (the usual case) needs no list.
                let pair;
                let deeper: Vec<&'v str>;
                let (name, inner): (FieldName<'v>, &[&'v str]) = match path {
                    [section] => {
                        pair = [*section, k];
                        (FieldName::Key(section, k), &pair)
                    }
                    _ => {
                        deeper = path.iter().copied().chain([k]).collect();
                        (FieldName::Path(deeper.join(".")), &deeper)
                    }
                };
                let inner_span = fields.add(name, None);
                let Some(de) = json_to_de(item, inner_span.clone(), fields, inner) else {
                    continue;
                };
                t.insert(
                    Spanned::new(inner_span.clone(), Cow::Borrowed(k)),
                    Spanned::new(inner_span, de),
                );
            }
            DeValue::Table(t)
        }
    })
}

fn json_kind(v: &Json) -> &'static str {
    match v {
        Json::Null => "null",
        Json::Bool(_) => "a boolean",
        Json::Number(_) => "a number",
        Json::String(_) => "a text",
        Json::Array(_) => "a list",
        Json::Object(_) => "an object",
    }
}

/// How the reading of a record says that an object gives a key twice (the key follows).
const DUPLICATE_KEY: &str = "duplicate key: ";

/// The column of the opening quote of a key, from the column just after its closing quote
/// (where serde_json stands when a key is refused); both in characters, 1-based.
fn key_start(text: &str, after: u64) -> u64 {
    let chars: Vec<char> = text.chars().take(after as usize - 1).collect();
    // Back from the closing quote to the first quote not escaped by a backslash.
    let mut i = chars.len().saturating_sub(1);
    while i > 0 {
        i -= 1;
        if chars[i] == '"' {
            let backslashes = chars[..i].iter().rev().take_while(|c| **c == '\\').count();
            if backslashes % 2 == 0 {
                return i as u64 + 1;
            }
        }
    }
    after
}

/// serde_json's message without its " at line 1 column 5" (the column is reported apart).
fn json_message(e: &serde_json::Error) -> String {
    let s = e.to_string();
    match s.rfind(" at line ") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

/// serde_json's 1-based column counts bytes: the same column in characters, as every other
/// column reported (`None` when serde_json gives none).
fn char_column(text: &str, byte_column: usize) -> Option<u64> {
    if byte_column == 0 {
        return None;
    }
    let mut end = (byte_column - 1).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    Some(text[..end].chars().count() as u64 + 1)
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
    /// Checks the header row: every column must be a key of the case format, once. A
    /// problem is a rejection of line 1 at the column's number (the caller gives the
    /// header's line).
    pub fn parse(names: &[&str], vocab: &Vocabulary) -> Result<CsvHeader, Rejection> {
        let mut columns: Vec<Column> = Vec::new();
        for (i, raw) in names.iter().enumerate() {
            let key = raw.trim().trim_start_matches('\u{feff}');
            let at = format!(
                "column {} (`{}`)",
                i + 1,
                qualif_law::diagnostics::excerpt(key, 60)
            );
            let problem = |message: String, help: Option<String>| Rejection {
                line: 1,
                column: Some(i as u64 + 1),
                field: None,
                message,
                help,
            };
            if columns.iter().any(|c| c.key == key) {
                return Err(problem(
                    format!("{at} appears twice in the header"),
                    Some("each key of the case format at most once".into()),
                ));
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
                return Err(problem(
                    format!("{at} is not a key of the case format"),
                    Some(help),
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
            return Err(Rejection::whole_line(1, "the header row is empty"));
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
                "the row has {} but the header has {}",
                fields_count(cells.len()),
                fields_count(header.columns.len())
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

fn fields_count(n: usize) -> String {
    if n == 1 {
        "1 field".into()
    } else {
        format!("{n} fields")
    }
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
    use qualif_law::law::LawBook;

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
        // Columns count characters, not bytes: the `}` after the trailing comma is the
        // 28th character (and the 33rd byte).
        let json = r#"{"case": {"title": "ééééé",}}"#;
        let r = case_from_json(json, 4, &book.vocabulary, today()).unwrap_err();
        assert_eq!(r.column, Some(28), "{r:?}");
        assert_eq!(char_column("abc", 0), None);
        assert_eq!(char_column("é}", 3), Some(2));
    }

    /// A key given twice in a record is refused as in a case file, at the repeated key
    /// (before, the last one was kept without a word). In a large object too, in linear time.
    #[test]
    fn a_json_key_given_twice_is_refused_at_the_repeated_key() {
        let book = LawBook::builtin().unwrap();
        let v = &book.vocabulary;
        for (json, column, key) in [
            (r#"{"victim": {"age": 3, "age": 4}}"#, 23, "age"),
            (r#"{"victim": {"age": 3}, "victim": null}"#, 24, "victim"),
            (
                r#"{"case": {"title": "a\"b", "t\u0069tle": "c"}}"#,
                28,
                "title",
            ),
            (r#"{"version": 1, "version": 1}"#, 16, "version"),
        ] {
            let r = case_from_json(json, 9, v, today()).unwrap_err();
            assert_eq!(r.message, format!("duplicate key `{key}`"), "{json}");
            assert_eq!((r.line, r.column), (9, Some(column)), "{json}");
            assert!(r.help.unwrap().contains("at most once"));
        }
        let many: Vec<String> = (0..50_000).map(|i| format!("\"k{i}\": 1")).collect();
        let json = format!("{{\"victim\": {{{}, \"k7\": 2}}}}", many.join(", "));
        let r = case_from_json(&json, 1, v, today()).unwrap_err();
        assert_eq!(r.message, "duplicate key `k7`");
        assert_eq!(r.column, Some(json.len() as u64 - 8));
    }

    #[test]
    fn a_record_read_directly_is_the_record_read_through_the_table() {
        let book = LawBook::builtin().unwrap();
        let v = &book.vocabulary;
        let mut out = Vec::new();
        crate::synth::write(500, 3, &mut out).unwrap();
        let synthetic = String::from_utf8(out).unwrap();
        let unusual = [
            r#"{"victim": {"age": 3, "age": null}, "offender": {"age": 40}}"#,
            r#"{"victim": {"age": null, "age": 3}, "offender": {"age": 40}}"#,
            r#"{"victim": {"age": 3}, "victim": null}"#,
            r#"{"victim": null, "victim": {"age": 3}}"#,
            r#"{"victim": {"age": 3, "vulnerable": true, "age": 5}}"#,
            r#"{"offender": {"age": 40}, "case": {"place": "FR", "place": "BE"}}"#,
            r#"{"vict\u0069m": {"\u0061ge": 7}, "offender": {"age": 30}}"#,
            r#"{"victim": {"age": 7}, "vict\u0069m": {"age": 8}}"#,
            r#"{"version": null, "victim": {"age": 7}, "nowhere": null}"#,
            r#"{"version": 1, "version": 2}"#,
            r#"{"version": 2, "version": 1}"#,
            r#"{"victim": {"nonsense": null, "age": 7}}"#,
            r#"{"material": {"conduct": ["possessed", "possessed", "distributed"]}}"#,
            r#"{"material": {"conduct": []}, "offender": {"nationality": ["FR", "BE", "FR"]}}"#,
            r#"{"material": {"conduct": ["possessed", null]}}"#,
            r#"{"material": {"conduct": ["possessed", "nope"]}}"#,
            r#"{"material": {"conduct": ["acc\u0065ssed", "accessed"]}}"#,
            r#"{"victim": {"nationality": ["FR", "fr"]}}"#,
            r#"{"victim": {"nationality": ["XK", "PH", "XK"]}}"#,
            r#"{"case": {"place": ["FR"]}, "victim": {"age": [7]}}"#,
            r#"{"case": {"title": []}}"#,
            r#"{"sentence": {"imposed_months": 1e1, "suspended_months": 12.50}}"#,
            r#"{"sentence": {"imposed_months": -0}, "victim": {"count": 1.0}}"#,
            r#"{"sentence": {"imposed_months": 1.5e-7, "suspended_months": 1e1}}"#,
            r#"{"sentence": {"imposed_months": 9007199254740993}, "victim": {"age": -1}}"#,
            r#"{"sentence": {"imposed_months": -0.0}, "victim": {"age": 1e2}}"#,
            r#"{"victim": {"age": 7.5}, "offender": {"age": 9223372036854775808}}"#,
            r#"{"victim": {"age": true}, "offender": {"age": "40"}}"#,
            r#"{"case": {"place": 7}}"#,
            r#"{"material": {"conduct": ["possessed", 3]}}"#,
            r#"{"victim": {"age": 18446744073709551615}}"#,
            r#"{"case": {"date_of_facts": "2020-01-01"}, "victim": {"birth_date": "2010-06-01"}}"#,
            r#"{"case": {"date_of_facts": "2020-01-01"}, "victim": {"birth_date": "2010-06-01", "age": 10}}"#,
            r#"{"case": {"title": "caf\u00e9 \"quoted\"", "ict": true}}"#,
            r#"{"victim": {"age": {"years": 7}}}"#,
            r#"{"victim": [1]}"#,
            r#"{"victim": {"age": 3}, "case": {"place": "FR"}, "victim": {"age": 3}}"#,
            r#"{"victim": {"age": 3}, "case": {"place": "FR"}, "victim": null}"#,
            r#"{"victim": null, "case": null, "victim": null}"#,
            r#"{"victim": {"vulnerable": true, "age": 3, "vulnerable": true}}"#,
            r#"{"victim": {"vulnerable": null, "age": 3, "vulnerable": false}}"#,
            r#"{"victim": {"vulnerable": true, "age": 3}, "case": {"place": "FR"}}"#,
        ];
        // Keys in the order people write them: read directly all the same.
        let golden = include_str!("../../../tests/batch/golden.jsonl");
        for text in golden.lines() {
            let Ok(Json::Object(record)) = serde_json::from_str::<Json>(text) else {
                panic!("{text}")
            };
            let slow = read_through_table(text, &record, 1, v, today());
            assert_eq!(
                read_directly(text, v, today()).ok_or(()),
                slow.map_err(|_| ()),
                "{text}"
            );
        }
        for (i, text) in synthetic.lines().chain(unusual).enumerate() {
            // A key given twice is refused before either reading.
            let Ok(value) = serde_json::from_str::<Json>(text) else {
                assert!(read_directly(text, v, today()).is_none(), "{text}");
                let r = case_from_json(text, 1, v, today()).unwrap_err();
                assert!(r.message.starts_with("duplicate key `"), "{text}: {r:?}");
                continue;
            };
            let Json::Object(record) = &value else {
                panic!("{text}")
            };
            let slow = read_through_table(text, record, 1, v, today());
            match read_directly(text, v, today()) {
                Some(case) => assert_eq!(Ok(case), slow, "{text}"),
                // Only the usual records are read directly; the others are all synthetic.
                None => assert!(i >= 500 || slow.is_err(), "{text}"),
            }
        }
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
        let r = CsvHeader::parse(&["case.ict", "victim.agee"], v).unwrap_err();
        assert!(r.message.contains("column 2"), "{r:?}");
        assert_eq!(r.column, Some(2));
        assert!(CsvHeader::parse(&["victim.age", "victim.age"], v).is_err());
    }
}
