//! Converting one value of a case file into a fact value: its type, bounds and allowed values.

use super::*;
use crate::text::same_text;

/// Converts one TOML value into a fact value, checking its type, bounds and allowed values.
pub(super) fn convert(
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
            if let Some(a) = &def.at_least {
                s.push_str(&format!(
                    ", or \"{}\" (a number known only to be at least {})",
                    a.id, a.min
                ));
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
        (FactType::Date, DeValue::Datetime(dt)) => match (dt.date, dt.time) {
            (Some(d), None) => {
                NaiveDate::from_ymd_opt(i32::from(d.year), u32::from(d.month), u32::from(d.day))
                    .map(Value::Date)
                    .ok_or_else(|| wrong("an impossible date"))
            }
            _ => Err(wrong("a date with a time")),
        },
        // A text, a country, a value of an enumeration, a date, or the word that stands for
        // "at least so many" (`"several"`).
        (_, DeValue::String(s)) => text_value(vocab, def, s).map_err(|refused| match refused {
            Refused::AtLeast => source
                .error_at(
                    span.start,
                    format!(
                        "`{key}` = \"{}\" is neither a whole number nor \"{}\"",
                        short(s),
                        def.at_least.as_ref().map_or("", |a| a.id.as_str())
                    ),
                )
                .with_help(accepted()),
            Refused::Date => source
                .error_at(
                    span.start,
                    format!("`{key}` = \"{}\" is not a valid date", short(s)),
                )
                .with_help("a real calendar date written \"YYYY-MM-DD\""),
            Refused::TooLong => source
                .error_at(
                    span.start,
                    format!("`{key}` is too long ({} characters)", s.chars().count()),
                )
                .with_help(format!("a text of at most {MAX_TEXT_CHARS} characters")),
            Refused::Country => source
                .error_at(
                    span.start,
                    format!(
                        "`{key}` = \"{}\" is not an ISO 3166-1 alpha-2 country code",
                        short(s)
                    ),
                )
                .with_help(accepted()),
            Refused::Value => source
                .error_at(
                    span.start,
                    format!("`{key}` = \"{}\" is not an accepted value", short(s)),
                )
                .with_help(accepted()),
            Refused::Type => wrong(describe(value)),
        }),
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

/// Why a fact refuses a text (see [`text_value`]).
pub(super) enum Refused {
    /// Not the word of an integer fact that stands for "at least so many".
    AtLeast,
    /// Not a real date written `YYYY-MM-DD`.
    Date,
    /// A text of more than [`MAX_TEXT_CHARS`] characters.
    TooLong,
    /// Not a country code.
    Country,
    /// Not a value of the enumeration.
    Value,
    /// The fact does not take a text.
    Type,
}

/// What a text is as the value of a fact: a text, a country, a value of an enumeration, a
/// date, or the word of an integer fact that stands for "at least so many". The checks of
/// a text in a case file ([`convert`] words the refusal), which a JSON record's texts go
/// through without a TOML value (see [`CaseReader::text_fact`]).
pub(super) fn text_value(vocab: &Vocabulary, def: &FactDef, s: &str) -> Result<Value, Refused> {
    match def.ty {
        FactType::Integer => match &def.at_least {
            Some(a) if a.id == s => Ok(Value::AtLeast(a.min)),
            Some(_) => Err(Refused::AtLeast),
            None => Err(Refused::Type),
        },
        FactType::Date => parse_date(s).map(Value::Date).ok_or(Refused::Date),
        // No more characters than bytes: counted only when the bytes are too many.
        FactType::Text if s.len() > MAX_TEXT_CHARS && s.chars().count() > MAX_TEXT_CHARS => {
            Err(Refused::TooLong)
        }
        FactType::Text => Ok(Value::Str(s.to_string())),
        FactType::Country if vocab.is_country(s) => Ok(Value::Str(s.to_string())),
        FactType::Country => Err(Refused::Country),
        FactType::Enum if def.values.iter().any(|v| same_text(v, s)) => {
            Ok(Value::Str(s.to_string()))
        }
        FactType::Enum => Err(Refused::Value),
        _ => Err(Refused::Type),
    }
}

/// Whether a list fact accepts the text `s`: a country code for a list of countries, one of
/// its values for a list of values.
pub(super) fn list_accepts(vocab: &Vocabulary, def: &FactDef, s: &str) -> bool {
    match def.ty {
        FactType::Countries => vocab.is_country(s),
        _ => def.values.iter().any(|v| same_text(v, s)),
    }
}

/// Adds `s` to a list fact's texts unless they hold it already: a list keeps each once.
pub(super) fn push_once(out: &mut Vec<String>, s: &str) {
    if !out.iter().any(|o| same_text(o, s)) {
        out.push(s.to_string());
    }
}

/// Whether a number is within the bounds of its fact (if it has any).
pub(super) fn in_bounds(def: &FactDef, n: f64) -> bool {
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
pub(super) fn without_underscores(digits: &str) -> std::borrow::Cow<'_, str> {
    if digits.contains('_') {
        std::borrow::Cow::Owned(digits.replace('_', ""))
    } else {
        std::borrow::Cow::Borrowed(digits)
    }
}

/// A key or value from the file, quoted in a message: cut short, since a hostile file may
/// hold a key or a text of a megabyte.
pub(super) fn short(s: &str) -> String {
    crate::diagnostics::excerpt(s, 60)
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
