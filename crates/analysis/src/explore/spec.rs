//! `--vary FACT=RANGE`: which fact varies, and over which values.

use chrono::NaiveDate;

use qualif_law::facts::{FactType, Value, Vocabulary, parse_date};

/// The most values a ladder may have (rows, or points evaluated to find thresholds).
pub const MAX_VALUES: usize = 400;

/// The values a fact takes.
#[derive(Debug, Clone, PartialEq)]
pub enum Range {
    /// From `from` to `to` included, by `step` (a number).
    Number { from: i64, to: i64, step: i64 },
    /// From `from` to `to`, at every date where the law changes.
    Date { from: NaiveDate, to: NaiveDate },
    /// Each of these values (an enumeration, a boolean).
    Each(Vec<Value>),
}

/// Why a `--vary` text was refused: a finding, which the message catalog words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SpecError {
    /// The fact is not in the vocabulary (`fact` is quoted for the user).
    UnknownFact { fact: String },
    /// The fact is computed from others and cannot be varied by itself.
    DerivedFact { fact: String },
    /// The range does not suit the fact (`spec` is the whole text, quoted).
    BadRange { spec: String, fact: String },
    /// More values than a ladder may have.
    TooMany { max: usize },
    /// A fact of a type no range can vary (a text, a list).
    UnsupportedType { fact: String },
}

/// What to vary.
#[derive(Debug, Clone, PartialEq)]
pub struct Spec {
    pub key: String,
    pub ty: FactType,
    pub range: Range,
}

impl Spec {
    /// The values of the rows, for a number or an enumeration (a date's rows are found
    /// from the law).
    pub fn samples(&self) -> Vec<Value> {
        match &self.range {
            Range::Number { from, to, step } => {
                let mut out = Vec::new();
                let mut v = *from;
                while v <= *to {
                    out.push(Value::Int(v));
                    v += step;
                }
                if out.last() != Some(&Value::Int(*to)) {
                    out.push(Value::Int(*to));
                }
                out
            }
            Range::Date { from, .. } => vec![Value::Date(*from)],
            Range::Each(values) => values.clone(),
        }
    }
}

/// Reads `FACT=RANGE`: `victim.age=8..17` (optionally `/STEP`), `case.date_of_facts=
/// 2019-01-01..2026-12-31`, `act.consent` or `act.sexual_contact` (every value), or
/// `act.sexual_contact=touching,penetration`.
pub fn parse(text: &str, vocab: &Vocabulary) -> Result<Spec, SpecError> {
    let quoted = qualif_law::diagnostics::quote(text);
    let (key, range) = match text.split_once('=') {
        Some((k, r)) => (k.trim(), Some(r.trim())),
        None => (text.trim(), None),
    };
    let Some(def) = vocab.fact(key) else {
        return Err(SpecError::UnknownFact {
            fact: qualif_law::diagnostics::quote(key),
        });
    };
    if def.derived {
        return Err(SpecError::DerivedFact { fact: key.into() });
    }
    let bad = || SpecError::BadRange {
        spec: quoted.clone(),
        fact: key.into(),
    };
    let range = match (def.ty, range) {
        (FactType::Integer, Some(r)) => {
            let (span, step) = match r.split_once('/') {
                Some((s, st)) => (s, st.trim().parse::<i64>().map_err(|_| bad())?),
                None => (r, 1),
            };
            let (a, b) = span.split_once("..").ok_or_else(bad)?;
            let (from, to) = (
                a.trim().parse::<i64>().map_err(|_| bad())?,
                b.trim().parse::<i64>().map_err(|_| bad())?,
            );
            let in_bounds = |v: i64| {
                def.min.is_none_or(|m| v as f64 >= m) && def.max.is_none_or(|m| v as f64 <= m)
            };
            if from > to || step < 1 || !in_bounds(from) || !in_bounds(to) {
                return Err(bad());
            }
            if (to - from) / step >= MAX_VALUES as i64 {
                return Err(SpecError::TooMany { max: MAX_VALUES });
            }
            Range::Number { from, to, step }
        }
        (FactType::Date, Some(r)) => {
            let (a, b) = r.split_once("..").ok_or_else(bad)?;
            let (from, to) = (
                parse_date(a.trim()).ok_or_else(bad)?,
                parse_date(b.trim()).ok_or_else(bad)?,
            );
            if from > to {
                return Err(bad());
            }
            Range::Date { from, to }
        }
        (FactType::Bool, None) => Range::Each(vec![Value::Bool(false), Value::Bool(true)]),
        (FactType::Bool, Some(r)) => Range::Each(
            r.split(',')
                .map(|v| match v.trim() {
                    "true" => Ok(Value::Bool(true)),
                    "false" => Ok(Value::Bool(false)),
                    _ => Err(bad()),
                })
                .collect::<Result<_, _>>()?,
        ),
        (FactType::Enum, None) => {
            Range::Each(def.values.iter().map(|v| Value::Str(v.clone())).collect())
        }
        (FactType::Enum, Some(r)) => Range::Each(
            r.split(',')
                .map(|v| {
                    let v = v.trim();
                    if def.values.iter().any(|x| x == v) {
                        Ok(Value::Str(v.to_string()))
                    } else {
                        Err(bad())
                    }
                })
                .collect::<Result<_, _>>()?,
        ),
        (FactType::Integer | FactType::Date, None) => return Err(bad()),
        _ => return Err(SpecError::UnsupportedType { fact: key.into() }),
    };
    if let Range::Each(v) = &range
        && v.is_empty()
    {
        return Err(bad());
    }
    Ok(Spec {
        key: key.to_string(),
        ty: def.ty,
        range,
    })
}
