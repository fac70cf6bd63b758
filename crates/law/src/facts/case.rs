//! Loading a case file: strict, located, and faithful to "absent means unknown".

use std::borrow::Cow;
use std::ops::Range;

use chrono::{Datelike, NaiveDate};
use toml::de::{DeTable, DeValue};

use super::age::{age_on, years_between};
use super::value::{Interval, Value};
use super::vocabulary::{FactDef, FactType, SectionId, Vocabulary};
use crate::diagnostics::{Diagnostic, SourceText};

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

/// A case's facts by key, in key order: a sorted list rather than a `BTreeMap`. A case
/// holds a few dozen facts at most, built at once and then only read (batch analysis builds
/// and drops one per record): one allocation instead of a tree of nodes, and a binary
/// search to find a key, as the tree does.
#[derive(Clone, Default)]
struct FactMap(Vec<(Key, Fact)>);

/// A fact's key: the vocabulary's, interned ([`super::vocabulary::intern`]), or a text of
/// its own for a key the vocabulary does not declare.
type Key = Cow<'static, str>;

/// A fact's value, and the fact's position in the vocabulary the case was read with
/// ([`Vocabulary::slot`]; `None` for a key it does not declare), found once when the fact
/// is read so that the engine can lay the facts out by position without looking each key
/// up again (see [`Case::iter_with_slots`]).
#[derive(Clone)]
struct Fact {
    value: Value,
    slot: Option<usize>,
}

/// Facts are equal when their keys and values are: the slot only follows from the key.
impl PartialEq for FactMap {
    fn eq(&self, other: &Self) -> bool {
        self.iter().eq(other.iter())
    }
}

impl FactMap {
    /// From facts in any order: as inserting them one by one (the last of equal keys kept).
    fn from_pairs(mut pairs: Vec<(Key, Fact)>) -> Self {
        sort_keeping_last(&mut pairs);
        Self(pairs)
    }

    fn position(&self, key: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|(k, _)| k.as_ref().cmp(key))
    }

    /// The value of `key`. Looked up by equality, in order, rather than by a binary search:
    /// most keys differ in length from the one sought, and their lengths are compared
    /// without a call, whereas each step of the search compares texts (a call to `memcmp`).
    /// With the few dozen facts of a case, measured (callgrind, a batch of 10,000 cases,
    /// where every case is read by key some 30 times) to save about 4,000 instructions a
    /// case. Inserting still finds its place by a binary search, to keep the keys in order.
    fn get(&self, key: &str) -> Option<&Value> {
        self.0
            .iter()
            .find(|(k, _)| k.as_ref() == key)
            .map(|(_, f)| &f.value)
    }

    fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    /// Sets `key`, at position `slot` of the vocabulary, to `value`.
    fn insert(&mut self, key: Key, slot: Option<usize>, value: Value) {
        let fact = Fact { value, slot };
        match self.position(&key) {
            Ok(i) => self.0[i].1 = fact,
            Err(i) => self.0.insert(i, (key, fact)),
        }
    }

    fn remove(&mut self, key: &str) {
        if let Ok(i) = self.position(key) {
            self.0.remove(i);
        }
    }

    fn iter(&self) -> impl Iterator<Item = (&str, &Value)> {
        self.0.iter().map(|(k, f)| (k.as_ref(), &f.value))
    }
}

/// Sorts pairs by key, keeping the last of equal keys: what inserting them one by one into
/// a map keeps. Pairs already in strictly increasing key order (the usual case) are left as
/// they are.
pub fn sort_keeping_last<K: Ord, V>(pairs: &mut Vec<(K, V)>) {
    if !pairs.is_sorted_by(|a, b| a.0 < b.0) {
        // A stable sort keeps equal keys in the order given; reversed, `dedup_by` keeps the
        // first of each run, that is the last given.
        pairs.sort_by(|a, b| a.0.cmp(&b.0));
        pairs.reverse();
        pairs.dedup_by(|later, kept| later.0 == kept.0);
        pairs.reverse();
    }
}

/// As a map (what `BTreeMap` shows).
impl std::fmt::Debug for FactMap {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
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
                    lines.push_str(&format!("{} = {}\n", f.name(), v.to_toml()));
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

    /// `span` locates a fact's value in the file (only when a problem is found).
    fn check_consistency(
        &self,
        source: &SourceText,
        vocab: &Vocabulary,
        span: &dyn Fn(&str) -> Option<Range<usize>>,
        today: NaiveDate,
    ) -> Result<(), Diagnostic> {
        let at = |key: &str| span(key).map(|s| s.start).unwrap_or(0);
        let facts_date = self.date_of_facts_or(today);
        if let (Some(f), Some(a)) = (
            self.date("case.date_of_facts"),
            self.date("case.date_of_assessment"),
        ) {
            if a < f {
                return Err(source
                    .error_at(
                        at("case.date_of_assessment"),
                        format!("date_of_assessment {a} is before date_of_facts {f}"),
                    )
                    .with_help("a date on or after the date of the facts"));
            }
        }
        for (age_key, birth_key) in AGES {
            let Some(birth) = self.date(birth_key) else {
                continue;
            };
            if birth > facts_date {
                return Err(source
                    .error_at(
                        at(birth_key),
                        format!("{birth_key} {birth} is after the date of the facts {facts_date}"),
                    )
                    .with_help("a birth date before the date of the facts"));
            }
            let computed = age_on(birth, facts_date);
            // The age a birth date gives must be one the age fact accepts: otherwise the
            // case would hold an age that no case file can state (and that a saved copy
            // of this case could not load).
            if let Some(def) = vocab.fact(age_key) {
                let n = computed as f64;
                if def.min.is_some_and(|m| n < m) || def.max.is_some_and(|m| n > m) {
                    let mut accepted = String::from("a birth date giving an age");
                    if let Some(min) = def.min {
                        accepted.push_str(&format!(" from {min}"));
                    }
                    if let Some(max) = def.max {
                        accepted.push_str(&format!(" up to {max}"));
                    }
                    return Err(source
                        .error_at(
                            at(birth_key),
                            format!(
                                "{birth_key} {birth} gives an age of {computed} at the date of the facts {facts_date}"
                            ),
                        )
                        .with_help(accepted));
                }
            }
            if let Some(Value::Int(stated)) = self.facts.get(age_key) {
                if *stated != computed {
                    return Err(source
                        .error_at(at(age_key), format!("{age_key} is {stated} but {birth_key} {birth} gives {computed} at the date of the facts {facts_date}"))
                        .with_help(format!("remove one of the two, or make them agree ({age_key} = {computed})")));
                }
            }
        }
        Ok(())
    }

    /// Recomputes derived facts from stated ones.
    fn derive(&mut self, vocab: &Vocabulary, today: NaiveDate) {
        let facts_date = self.date_of_facts_or(today);
        for (age_key, birth_key) in AGES {
            if let Some(birth) = self.date(birth_key) {
                self.facts.insert(
                    Cow::Borrowed(age_key),
                    vocab.slot(age_key),
                    Value::Int(age_on(birth, facts_date)),
                );
            }
        }
        self.facts.remove("derived.age_gap");
        let Some(gap_slot) = vocab.slot("derived.age_gap") else {
            return;
        };
        let gap = match (
            self.date("offender.birth_date"),
            self.date("victim.birth_date"),
        ) {
            (Some(o), Some(v)) => Some(Value::Number(years_between(o, v))),
            _ => match (self.facts.get("offender.age"), self.facts.get("victim.age")) {
                (Some(Value::Int(o)), Some(Value::Int(v))) => {
                    // In f64: a data folder's vocabulary may leave ages unbounded, and
                    // `o - v` in i64 could overflow.
                    let diff = *o as f64 - *v as f64;
                    // On 29 February the gap can be exactly `diff - 1` (or `diff + 1` when
                    // the offender is the younger): born on 2000-02-29 and 2003-03-01, two
                    // people are three years apart (the anniversary falls on 1 March), yet
                    // aged 4 and 0 on 2004-02-29. The open interval must then hold its ends.
                    let leap_day = facts_date.month() == 2 && facts_date.day() == 29;
                    let slack = if leap_day { 1e-6 } else { 0.0 };
                    Some(Value::Between(Interval {
                        above: diff - 1.0 - slack,
                        below: diff + 1.0 + slack,
                    }))
                }
                _ => None,
            },
        };
        if let Some(g) = gap {
            self.facts
                .insert(Cow::Borrowed("derived.age_gap"), Some(gap_slot), g);
        }
    }
}

/// A section of a case file being read: its name, and the section as the vocabulary finds
/// it (looked up once for all its facts).
#[derive(Debug, Clone, Copy)]
pub struct OpenSection<'n> {
    name: &'n str,
    id: SectionId,
}

/// Reads a case step by step, with the checks of a case file: [`Case::from_table`] reads a
/// TOML table through it, and batch analysis reads its usual records through it directly
/// (see `batch::record`), so that both make exactly the same checks.
pub struct CaseReader<'s> {
    source: &'s SourceText,
    vocab: &'s Vocabulary,
    /// The facts read so far. Put in the case at the end, at once: they usually come in
    /// key order (sections and keys are read in order), kept as they are then.
    facts: Vec<(Key, Fact)>,
}

impl<'s> CaseReader<'s> {
    /// Problems are located in `source`.
    pub fn new(source: &'s SourceText, vocab: &'s Vocabulary) -> Self {
        Self {
            source,
            vocab,
            facts: Vec::with_capacity(32),
        }
    }

    /// The top-level `version`.
    pub fn version(&self, value: &DeValue, span: Range<usize>) -> Result<(), Diagnostic> {
        check_version(self.source, value, span)
    }

    /// A top-level key other than `version` (at byte `at`) must be a section: the section,
    /// to read its facts with.
    pub fn section<'n>(&self, name: &'n str, at: usize) -> Result<OpenSection<'n>, Diagnostic> {
        if let Some(id) = self.vocab.section_id(name) {
            return Ok(OpenSection { name, id });
        }
        let mut message = format!("unknown section `{}`", short(name));
        // Section names are short and few: one edit in five letters (not the two edits a
        // key allows), so that a key written outside its section (`age`) is not taken
        // for a misspelt section (`case`).
        let close = closest(name, &self.vocab.sections())
            .filter(|c| strsim::levenshtein(name, c) <= 1.max(c.len() / 5));
        if let Some(close) = close {
            message.push_str(&format!(" (did you mean `{close}`?)"));
        }
        Err(self.source.error_at(at, message).with_help(format!(
            "`version` and the sections {}",
            self.vocab
                .sections()
                .iter()
                .map(|s| format!("[{s}]"))
                .collect::<Vec<_>>()
                .join(", ")
        )))
    }

    /// The problem with a section whose value (at byte `at`) is not a table.
    pub fn not_a_table(&self, name: &str, at: usize) -> Diagnostic {
        let name = short(name);
        self.source
            .error_at(
                at,
                format!("`{name}` must be a table of facts, written [{name}]"),
            )
            .with_help(format!("the keys {}", self.vocab.keys_of(&name).join(", ")))
    }

    /// The fact `key` of `[section]`: its dotted key `section.key`, its position in the
    /// vocabulary and its declaration; `None` when the vocabulary declares no such fact or
    /// derives it (a derived fact is never stated). Found by section and name, and the
    /// dotted key the vocabulary's, interned, never put together: this runs for every fact
    /// of every record of a batch.
    fn declared(
        &self,
        section: OpenSection,
        key: &str,
    ) -> Option<(&'static str, usize, &'s FactDef)> {
        let slot = self.vocab.stated_slot(section.id, key)?;
        Some((self.vocab.interned_key(slot), slot, &self.vocab.facts[slot]))
    }

    /// One fact: `key` (at byte `key_at`) of `[section]`, its value at `span`.
    pub fn fact(
        &mut self,
        section: OpenSection,
        key: &str,
        key_at: usize,
        value: &DeValue,
        span: Range<usize>,
    ) -> Result<(), Diagnostic> {
        let vocab = self.vocab;
        let Some((fact_key, slot, def)) = self.declared(section, key) else {
            let section = section.name;
            let mut d = self.source.error_at(
                key_at,
                format!("unknown key `{}` in [{section}]", short(key)),
            );
            d.help = Some(format!(
                "in [{section}]: {}",
                vocab.keys_of(section).join(", ")
            ));
            if let Some(close) = closest(key, &vocab.keys_of(section)) {
                d.message.push_str(&format!(" (did you mean `{close}`?)"));
            }
            return Err(d);
        };
        let parsed = convert(self.source, vocab, fact_key, def, value, span)?;
        self.push(fact_key, slot, parsed);
        Ok(())
    }

    /// One fact whose value is a number already parsed (from a JSON record), without going
    /// through the TOML text of the number: what [`CaseReader::fact`] makes of the number
    /// serde_json writes for it (a whole number for an integer fact, any number for a
    /// number fact, within the same bounds). `false`, and nothing read, for anything else:
    /// `fact` then reports it. Read this way, a number costs a comparison instead of a
    /// TOML parse.
    pub fn number(&mut self, section: OpenSection, key: &str, n: Number) -> bool {
        let Some((fact_key, slot, def)) = self.declared(section, key) else {
            return false;
        };
        let value = match (def.ty, n) {
            (FactType::Integer, Number::Int(i)) => Value::Int(i),
            // As `str::parse::<f64>` reads the digits serde_json writes: both round to the
            // nearest.
            (FactType::Number, Number::Int(i)) => Value::Number(i as f64),
            // serde_json writes the shortest text that reads back as the same number.
            (FactType::Number, Number::Float(f)) if f.is_finite() => Value::Number(f),
            _ => return false,
        };
        let n = value.as_number().expect("a number");
        if !in_bounds(def, n) {
            return false;
        }
        self.push(fact_key, slot, value);
        true
    }

    /// One fact whose value is a list of texts (from a JSON record), without building the
    /// TOML array [`CaseReader::fact`] reads: what `fact` makes of it for a list of
    /// countries or of values, each text accepted, repeats dropped. `false`, and nothing
    /// read, for anything else (another type of fact, a text not accepted): `fact` then
    /// reports it. Lists are common in records (`material.conduct`, `material.kinds`),
    /// and the array cost an allocation, a push for each text and a drop.
    pub fn texts<S: AsRef<str>>(&mut self, section: OpenSection, key: &str, items: &[S]) -> bool {
        let Some((fact_key, slot, def)) = self.declared(section, key) else {
            return false;
        };
        // Checked before the texts: an empty list holds none to refuse.
        if !matches!(def.ty, FactType::Countries | FactType::EnumList) {
            return false;
        }
        let mut out: Vec<String> = Vec::with_capacity(items.len());
        for s in items.iter().map(AsRef::as_ref) {
            if !list_accepts(self.vocab, def, s) {
                return false;
            }
            push_once(&mut out, s);
        }
        self.push(fact_key, slot, Value::List(out));
        true
    }

    fn push(&mut self, key: &'static str, slot: usize, value: Value) {
        let slot = Some(slot);
        self.facts.push((Cow::Borrowed(key), Fact { value, slot }));
    }

    /// The case: its facts checked together, then the derived ones added. `span` locates a
    /// fact's value, for a problem.
    pub fn finish(
        self,
        span: &dyn Fn(&str) -> Option<Range<usize>>,
        today: NaiveDate,
    ) -> Result<Case, Diagnostic> {
        // As inserting them one by one: in key order, the last of equal keys kept.
        let mut case = Case {
            facts: FactMap::from_pairs(self.facts),
        };
        case.check_consistency(self.source, self.vocab, span, today)?;
        case.derive(self.vocab, today);
        Ok(case)
    }
}

/// The ages a birth date decides: (age, birth date), victim first.
const AGES: [(&str, &str); 2] = [
    ("victim.age", "victim.birth_date"),
    ("offender.age", "offender.birth_date"),
];

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

fn check_version(
    source: &SourceText,
    value: &DeValue,
    span: Range<usize>,
) -> Result<(), Diagnostic> {
    let accepted = format!("version = {SUPPORTED_VERSION} (or no version line)");
    match value {
        DeValue::Integer(i) => match i64::from_str_radix(&without_underscores(i.as_str()), i.radix()) {
            Ok(v) if v == SUPPORTED_VERSION => Ok(()),
            Ok(v) if v > SUPPORTED_VERSION => Err(source
                .error_at(span.start, format!("case format version {v} is newer than this program knows ({SUPPORTED_VERSION})"))
                .with_help(accepted)),
            _ => Err(source.error_at(span.start, "unsupported case format version").with_help(accepted)),
        },
        _ => Err(source.error_at(span.start, "`version` must be a whole number").with_help(accepted)),
    }
}

fn describe(value: &DeValue) -> &'static str {
    match value {
        DeValue::String(_) => "a text",
        DeValue::Integer(_) => "a whole number",
        DeValue::Float(_) => "a decimal number",
        DeValue::Boolean(_) => "a boolean",
        DeValue::Datetime(_) => "a date or time",
        DeValue::Array(_) => "a list",
        DeValue::Table(_) => "a table",
    }
}

/// Converts one TOML value into a fact value, checking its type, bounds and allowed values.
fn convert(
    source: &SourceText,
    vocab: &Vocabulary,
    key: &str,
    def: &FactDef,
    value: &DeValue,
    span: Range<usize>,
) -> Result<Value, Diagnostic> {
    let ty = def.ty;
    let accepted = || match ty {
        FactType::Enum => format!("one of: {}", def.values.join(", ")),
        FactType::EnumList => format!("a list of any of: {}", def.values.join(", ")),
        FactType::Integer | FactType::Number => {
            let mut s = ty.describe().to_string();
            if let Some(min) = def.min {
                s.push_str(&format!(" from {min}"));
            }
            if let Some(max) = def.max {
                s.push_str(&format!(" up to {max}"));
            }
            s
        }
        _ => ty.describe().to_string(),
    };
    let wrong = |found: &str| {
        source
            .error_at(
                span.start,
                format!("`{key}` must be {}, found {found}", ty.describe()),
            )
            .with_help(accepted())
    };
    // `shown`: the number as the message writes it (an i64 through f64 would lose digits).
    let bounded = |n: f64, shown: &dyn std::fmt::Display| -> Result<(), Diagnostic> {
        if !in_bounds(def, n) {
            Err(source
                .error_at(span.start, format!("`{key}` = {shown} is out of range"))
                .with_help(accepted()))
        } else {
            Ok(())
        }
    };
    match (ty, value) {
        (FactType::Bool, DeValue::Boolean(b)) => Ok(Value::Bool(*b)),
        (FactType::Integer, DeValue::Integer(i)) => {
            let n =
                i64::from_str_radix(&without_underscores(i.as_str()), i.radix()).map_err(|_| {
                    source
                        .error_at(
                            span.start,
                            format!("`{key}` is too large a number (in absolute value)"),
                        )
                        .with_help(accepted())
                })?;
            bounded(n as f64, &n)?;
            Ok(Value::Int(n))
        }
        (FactType::Number, DeValue::Integer(_) | DeValue::Float(_)) => {
            let n: Option<f64> = match value {
                // 0x10 is sixteen: read the digits in their radix.
                DeValue::Integer(i) if i.radix() != 10 => {
                    i64::from_str_radix(&without_underscores(i.as_str()), i.radix())
                        .ok()
                        .map(|n| n as f64)
                }
                DeValue::Integer(i) => without_underscores(i.as_str()).parse().ok(),
                DeValue::Float(f) => without_underscores(f.as_str()).parse().ok(),
                _ => unreachable!(),
            };
            let n = n
                .filter(|n: &f64| n.is_finite())
                .ok_or_else(|| wrong("a number that is not finite"))?;
            bounded(n, &n)?;
            Ok(Value::Number(n))
        }
        (FactType::Date, DeValue::String(s)) => parse_date(s).map(Value::Date).ok_or_else(|| {
            source
                .error_at(
                    span.start,
                    format!("`{key}` = \"{}\" is not a valid date", short(s)),
                )
                .with_help("a real calendar date written \"YYYY-MM-DD\"")
        }),
        (FactType::Date, DeValue::Datetime(dt)) => match (dt.date, dt.time) {
            (Some(d), None) => {
                NaiveDate::from_ymd_opt(i32::from(d.year), u32::from(d.month), u32::from(d.day))
                    .map(Value::Date)
                    .ok_or_else(|| wrong("an impossible date"))
            }
            _ => Err(wrong("a date with a time")),
        },
        (FactType::Text, DeValue::String(s)) => {
            if s.chars().count() > MAX_TEXT_CHARS {
                return Err(source
                    .error_at(
                        span.start,
                        format!("`{key}` is too long ({} characters)", s.chars().count()),
                    )
                    .with_help(format!("a text of at most {MAX_TEXT_CHARS} characters")));
            }
            Ok(Value::Str(s.to_string()))
        }
        (FactType::Country, DeValue::String(s)) => {
            if vocab.is_country(s) {
                Ok(Value::Str(s.to_string()))
            } else {
                Err(source
                    .error_at(
                        span.start,
                        format!(
                            "`{key}` = \"{}\" is not an ISO 3166-1 alpha-2 country code",
                            short(s)
                        ),
                    )
                    .with_help(accepted()))
            }
        }
        (FactType::Enum, DeValue::String(s)) => {
            if def.values.iter().any(|v| v == s.as_ref()) {
                Ok(Value::Str(s.to_string()))
            } else {
                Err(source
                    .error_at(
                        span.start,
                        format!("`{key}` = \"{}\" is not an accepted value", short(s)),
                    )
                    .with_help(accepted()))
            }
        }
        (FactType::Countries | FactType::EnumList, DeValue::Array(items)) => {
            let mut out = Vec::new();
            for item in items.iter() {
                let DeValue::String(s) = item.get_ref() else {
                    return Err(source
                        .error_at(
                            item.span().start,
                            format!(
                                "`{key}` must hold texts in quotes, found {}",
                                describe(item.get_ref())
                            ),
                        )
                        .with_help(accepted()));
                };
                if !list_accepts(vocab, def, s) {
                    return Err(source
                        .error_at(
                            item.span().start,
                            format!("`{key}` holds \"{}\", which is not accepted", short(s)),
                        )
                        .with_help(accepted()));
                }
                push_once(&mut out, s);
            }
            Ok(Value::List(out))
        }
        (_, other) => Err(wrong(describe(other))),
    }
}

/// Whether a list fact accepts the text `s`: a country code for a list of countries, one of
/// its values for a list of values.
fn list_accepts(vocab: &Vocabulary, def: &FactDef, s: &str) -> bool {
    match def.ty {
        FactType::Countries => vocab.is_country(s),
        _ => def.values.iter().any(|v| v == s),
    }
}

/// Adds `s` to a list fact's texts unless they hold it already: a list keeps each once.
fn push_once(out: &mut Vec<String>, s: &str) {
    if !out.iter().any(|o| o == s) {
        out.push(s.to_string());
    }
}

/// Whether a number is within the bounds of its fact (if it has any).
fn in_bounds(def: &FactDef, n: f64) -> bool {
    !(def.min.is_some_and(|m| n < m) || def.max.is_some_and(|m| n > m))
}

/// A number that a JSON record holds, as serde_json parsed it (see [`CaseReader::number`]).
#[derive(Debug, Clone, Copy)]
pub enum Number {
    Int(i64),
    /// Finite.
    Float(f64),
}

/// A number as TOML writes it (`1_000`) without its separators; copied only when it has
/// some (every number of every record of a batch is read through here).
fn without_underscores(digits: &str) -> std::borrow::Cow<'_, str> {
    if digits.contains('_') {
        std::borrow::Cow::Owned(digits.replace('_', ""))
    } else {
        std::borrow::Cow::Borrowed(digits)
    }
}

/// A key or value from the file, quoted in a message: cut short, since a hostile file may
/// hold a key or a text of a megabyte.
fn short(s: &str) -> String {
    crate::diagnostics::excerpt(s, 60)
}

/// Reads a date written `YYYY-MM-DD`, between 0000-01-01 and 9999-12-31 ([`date_in_range`]):
/// a real calendar date, else `None`.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    parse_any_date(s).filter(|d| date_in_range(*d))
}

/// Whether a date lies between 0000-01-01 and 9999-12-31, the dates that are written
/// `YYYY-MM-DD` (chrono writes the others `+10017-12-30`): those an input may hold, and
/// those the program computes from them (a later one is not computed, see
/// `engine::limitation`).
pub fn date_in_range(d: NaiveDate) -> bool {
    (0..=9999).contains(&d.year())
}

fn parse_any_date(s: &str) -> Option<NaiveDate> {
    if s.len() != 10 {
        return None;
    }
    // Dates are read for every record of a batch, and chrono's format parser is slow: the
    // usual form, four, two and two digits, is read directly (chrono reads it to the same
    // date, and refuses the same impossible ones); anything else is left to chrono.
    match s.as_bytes() {
        [y0, y1, y2, y3, b'-', m0, m1, b'-', d0, d1]
            if [y0, y1, y2, y3, m0, m1, d0, d1]
                .iter()
                .all(|b| b.is_ascii_digit()) =>
        {
            let n = |digits: &[&u8]| digits.iter().fold(0, |n, d| n * 10 + u32::from(**d - b'0'));
            NaiveDate::from_ymd_opt(n(&[y0, y1, y2, y3]) as i32, n(&[m0, m1]), n(&[d0, d1]))
        }
        _ => NaiveDate::parse_from_str(s, "%Y-%m-%d").ok(),
    }
}

/// A date written `YYYY-MM-DD`: the one writer of dates for every output (batch results in
/// JSON and CSV, values in JSON and TOML, the interview's answers, synthetic cases).
///
/// chrono writes it: its ISO 8601 form (`NaiveDate`'s `Display`, which its `Serialize` and
/// its `%Y-%m-%d` share, and which reports use directly): four digits for the years 0 to
/// 9999 ([`date_in_range`], all an input may hold), a sign and at least four digits for the
/// others (`+10000-01-01`, `-0001-06-15`). Written into a buffer on the stack rather than a
/// `String`: every result of a batch writes one.
pub fn format_date(d: NaiveDate) -> DateText {
    use std::fmt::Write;
    let mut text = DateText {
        bytes: [0; DateText::CAPACITY],
        len: 0,
    };
    write!(text, "{d}").expect("a date fits in DateText::CAPACITY bytes");
    text
}

/// A date as [`format_date`] writes it.
#[derive(Clone, Copy)]
pub struct DateText {
    bytes: [u8; Self::CAPACITY],
    len: usize,
}

impl DateText {
    /// The longest date chrono writes: a sign, six digits of year (±262143) and `-MM-DD`.
    const CAPACITY: usize = 13;

    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.bytes[..self.len]).expect("chrono writes ASCII")
    }
}

impl std::fmt::Write for DateText {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        let end = self.len + s.len();
        self.bytes
            .get_mut(self.len..end)
            .ok_or(std::fmt::Error)?
            .copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}

impl std::fmt::Display for DateText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(self.as_str())
    }
}

impl std::fmt::Debug for DateText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.as_str(), f)
    }
}

impl serde::Serialize for DateText {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// The accepted key closest to a misspelt one, for a "did you mean" hint.
fn closest<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    closest_counting(word, candidates).0
}

/// [`closest`], and the cells of the edit-distance tables it computed (for a test that the
/// work is bounded). The edit distance is at least the difference in length, so a candidate
/// whose length differs from the word's by more than the distance accepted is not
/// compared: a word much longer than every key (a hostile file may hold a key of a
/// megabyte) is compared with none, its characters counted only up to the longest key and
/// the widest margin. The work is then at most the candidates' lengths squared, plus that
/// margin, whatever the word.
fn closest_counting<'a>(word: &str, candidates: &[&'a str]) -> (Option<&'a str>, usize) {
    let accepted = |c: &str| 2.max(c.len() / 4);
    let longest = candidates.iter().map(|c| c.chars().count()).max();
    let margin = candidates.iter().map(|c| accepted(c)).max();
    let (Some(longest), Some(margin)) = (longest, margin) else {
        return (None, 0);
    };
    let n = word.chars().take(longest + margin + 1).count();
    let mut cells = 0;
    let mut best: Option<(usize, &str)> = None;
    for c in candidates {
        let m = c.chars().count();
        if n.abs_diff(m) > accepted(c) {
            continue;
        }
        cells += n * m;
        let d = strsim::levenshtein(word, c);
        if d <= accepted(c) && best.is_none_or(|(b, _)| d < b) {
            best = Some((d, c));
        }
    }
    (best.map(|(_, c)| c), cells)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each fact comes with its position in the vocabulary, whether the file states it or
    /// it is derived (an age from a birth date, the age gap), also after a fact is set.
    #[test]
    fn facts_carry_their_position_in_the_vocabulary() {
        let book = crate::law::LawBook::builtin().unwrap();
        let vocab = &book.vocabulary;
        let today = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
        let text = "version = 1\n[case]\ndate_of_facts = \"2020-05-01\"\ntitle = \"t\"\n\
                    [victim]\nbirth_date = \"2008-02-01\"\n[offender]\nage = 40\n";
        let source = SourceText::new("case.toml", text);
        let mut case = Case::parse(&source, vocab, today).unwrap();
        let looked_up = |case: &Case| -> Vec<(usize, Value)> {
            case.iter()
                .filter_map(|(k, v)| vocab.slot(k).map(|i| (i, v.clone())))
                .collect()
        };
        let carried = |case: &Case| -> Vec<(usize, Value)> {
            case.iter_with_slots()
                .filter_map(|(_, i, v)| i.map(|i| (i, v.clone())))
                .collect()
        };
        assert!(case.is_known("victim.age") && case.is_known("derived.age_gap"));
        assert_eq!(carried(&case), looked_up(&case));
        assert_eq!(carried(&case).len(), case.iter().count());
        case.set("victim.birth_date", None, vocab, today);
        case.set("victim.age", Some(Value::Int(12)), vocab, today);
        assert_eq!(carried(&case), looked_up(&case));
        assert!(case.is_known("derived.age_gap"));
    }

    /// The "did you mean" search does bounded work whatever the length of the unknown key:
    /// a key far longer than any accepted one is compared with none (a 500 KB key took 8.7 s
    /// in a debug build when it was compared with every key of its section), and a key of
    /// ordinary length is compared with each candidate at most once.
    #[test]
    fn a_suggestion_does_bounded_work_whatever_the_key() {
        let book = crate::law::LawBook::builtin().unwrap();
        let keys = book.vocabulary.keys_of("victim");
        let longest = keys.iter().map(|k| k.chars().count()).max().unwrap();
        let bound = keys.len() * (longest + 16) * longest;
        assert_eq!(closest_counting("agee", &keys).0, Some("age"));
        assert!(closest_counting("agee", &keys).1 <= bound);
        for n in [100, 10_000, 500_000] {
            let (suggestion, cells) = closest_counting(&"a".repeat(n), &keys);
            assert_eq!(suggestion, None, "{n}");
            assert_eq!(cells, 0, "a key of {n} characters is compared with no key");
        }
        // Just longer than the candidates accept: still no table computed.
        let long = format!("{}xxxxxxxxxxxxxxxxxxxx", keys[0]);
        assert!(closest_counting(&long, &keys).1 <= bound);
    }

    #[test]
    fn dates_read_directly_are_those_chrono_reads() {
        let chrono = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
        let years = [
            "0000", "0001", "1600", "1900", "1999", "2000", "2004", "2023", "2100", "9999",
        ];
        for y in years {
            for m in 0..=13 {
                for d in 0..=32 {
                    let s = format!("{y}-{m:02}-{d:02}");
                    assert_eq!(parse_date(&s), chrono(&s), "{s}");
                }
            }
        }
        for s in [
            "2023-5-10x",
            "02023-5-10",
            "+2023-5-10",
            "2023-05-1 ",
            " 2023-05-1",
            "2023/05/10",
        ] {
            assert_eq!(parse_date(s), chrono(s), "{s}");
        }
    }

    #[test]
    fn dates_are_written_as_chrono_writes_them() {
        for (y, m, d) in [
            (0, 1, 1),
            (7, 3, 9),
            (999, 12, 31),
            (2024, 2, 29),
            (9999, 12, 31),
            (10000, 1, 1),
            (-1, 6, 15),
            (99999, 1, 1),
        ] {
            let date = NaiveDate::from_ymd_opt(y, m, d).unwrap();
            let chrono = date.format("%Y-%m-%d").to_string();
            assert_eq!(format_date(date).as_str(), chrono);
            assert_eq!(format_date(date).to_string(), chrono);
            assert_eq!(date.to_string(), chrono);
            assert_eq!(
                serde_json::to_string(&format_date(date)).unwrap(),
                serde_json::to_string(&date).unwrap()
            );
        }
        // The first and the last dates chrono knows: the longest texts.
        for date in [NaiveDate::MIN, NaiveDate::MAX] {
            assert_eq!(
                format_date(date).as_str(),
                date.format("%Y-%m-%d").to_string()
            );
        }
    }

    proptest::proptest! {
        /// Any date chrono knows, as its `%Y-%m-%d` writes it, in every year.
        #[test]
        fn any_date_is_written_as_chrono_writes_it(
            days in NaiveDate::MIN.num_days_from_ce()..=NaiveDate::MAX.num_days_from_ce()
        ) {
            let date = NaiveDate::from_num_days_from_ce_opt(days).expect("a date");
            proptest::prop_assert_eq!(
                format_date(date).to_string(),
                date.format("%Y-%m-%d").to_string()
            );
        }
    }
}
