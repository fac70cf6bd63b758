//! Answers: the choices offered for each type of fact, the typed answers (numbers, dates,
//! countries) and their validation, and how a value is shown. Everything comes from the
//! vocabulary: its types, bounds, values and labels.

use chrono::NaiveDate;

use crate::diagnostics::SourceText;
use crate::facts::{Case, FactDef, FactType, Value, Vocabulary, age_on, parse_date};

/// The longest text answer accepted.
const MAX_INPUT_CHARS: usize = 2000;

/// One answer offered for a question.
#[derive(Debug, Clone, PartialEq)]
pub enum Choice {
    /// A yes/no or one value of an enumeration.
    Value(Value),
    /// One value of a list question (ticked or not).
    ListValue(String),
    /// A list question answered "none of these" (the list is stated, empty).
    NoneOfThese,
    /// A typed answer.
    Input,
    /// "I don't know": the fact stays unknown.
    Unknown,
}

impl Choice {
    /// Whether this choice stands for a value.
    pub fn matches(&self, v: &Value) -> bool {
        match (self, v) {
            (Choice::Value(a), b) => a == b,
            (Choice::ListValue(a), Value::List(items)) => items.first() == Some(a),
            (Choice::NoneOfThese, Value::List(items)) => items.is_empty(),
            (Choice::Input, v) => !matches!(v, Value::AtLeast(_)),
            _ => false,
        }
    }
}

/// The answers offered for a fact; "I don't know" is always the last.
pub fn choices(def: &FactDef) -> Vec<Choice> {
    let mut out = match def.ty {
        FactType::Bool => vec![
            Choice::Value(Value::Bool(true)),
            Choice::Value(Value::Bool(false)),
        ],
        FactType::Enum => def
            .values
            .iter()
            .map(|v| Choice::Value(Value::Str(v.clone())))
            .collect(),
        FactType::EnumList => {
            let mut c: Vec<Choice> = def
                .values
                .iter()
                .map(|v| Choice::ListValue(v.clone()))
                .collect();
            c.push(Choice::NoneOfThese);
            c
        }
        // A whole number may also be "several" (at least so many), a choice of its own.
        FactType::Integer => match &def.at_least {
            Some(a) => vec![Choice::Input, Choice::Value(Value::AtLeast(a.min))],
            None => vec![Choice::Input],
        },
        _ => vec![Choice::Input],
    };
    out.push(Choice::Unknown);
    out
}

/// Whether the question is answered by typing.
pub fn is_typed(def: &FactDef) -> bool {
    !matches!(def.ty, FactType::Bool | FactType::Enum | FactType::EnumList)
}

/// Whether typing a letter goes into the answer (countries, text) rather than being a
/// command key.
pub fn captures_letters(def: &FactDef) -> bool {
    matches!(
        def.ty,
        FactType::Country | FactType::Countries | FactType::Text
    )
}

/// Whether a typed character belongs in the answer to this fact.
pub fn accepts_char(def: &FactDef, c: char) -> bool {
    match def.ty {
        FactType::Integer => c.is_ascii_digit(),
        FactType::Number => c.is_ascii_digit() || c == '.',
        // A date that ends a period also takes the period, `FIRST..LAST`.
        FactType::Date => c.is_ascii_digit() || c == '-' || (c == '.' && def.period_from.is_some()),
        FactType::Country => c.is_ascii_alphabetic(),
        FactType::Countries => c.is_ascii_alphabetic() || c == ',' || c == ' ',
        FactType::Text => !c.is_control(),
        _ => false,
    }
}

/// How a choice is worded.
pub fn choice_label(def: &FactDef, choice: &Choice, lang: &str) -> String {
    let fr = lang == "fr";
    match choice {
        Choice::Value(Value::Bool(true)) => msg!(static fr, "tui-answer-yes").into(),
        Choice::Value(Value::Bool(false)) => msg!(static fr, "tui-answer-no").into(),
        Choice::Value(Value::Str(s)) | Choice::ListValue(s) => def.value_label(s, lang).into(),
        Choice::Value(v) => value_text(def, v, lang),
        Choice::NoneOfThese => msg!(static fr, "tui-answer-none-of-these").into(),
        Choice::Input => String::new(),
        Choice::Unknown => msg!(static fr, "tui-answer-i-don-t-know").into(),
    }
}

/// A value in words, in the vocabulary's labels.
pub fn value_text(def: &FactDef, v: &Value, lang: &str) -> String {
    let fr = lang == "fr";
    match v {
        Value::Bool(true) => msg!(static fr, "tui-answer-yes-2").into(),
        Value::Bool(false) => msg!(static fr, "tui-answer-no-2").into(),
        Value::Str(s) if def.ty == FactType::Enum => def.value_label(s, lang).into(),
        Value::AtLeast(n) => def.at_least_word(v).map_or_else(
            || msg!(fr, "value-at-least", n = n.to_string()),
            |a| a.label.get(lang).to_string(),
        ),
        Value::List(items) if items.is_empty() => msg!(static fr, "tui-answer-none").into(),
        Value::List(items) => items
            .iter()
            .map(|s| def.value_label(s, lang))
            .collect::<Vec<_>>()
            .join(", "),
        other => input_text(other),
    }
}

/// A value as it would be typed.
pub fn input_text(v: &Value) -> String {
    match v {
        Value::Bool(b) => b.to_string(),
        Value::Int(i) => i.to_string(),
        Value::Number(n) => n.to_string(),
        Value::Between(i) => format!("{}..{}", i.above, i.below),
        // Not typed: answered by its own choice (see [`choices`]).
        Value::AtLeast(_) => String::new(),
        Value::Date(d) => crate::facts::format_date(*d).to_string(),
        Value::Str(s) => s.clone(),
        Value::List(l) => l.join(", "),
    }
}

/// The current answer to a fact as it would be typed in its box, when it has one: for a
/// date that ends a period (`period_from`) whose first date is known, `FIRST..LAST`.
pub fn shown_input(def: &FactDef, case: &Case) -> Option<String> {
    let value = input_text(case.get(&def.key)?);
    let first = def.period_from.as_deref().and_then(|k| case.get(k));
    Some(match first {
        Some(first) => format!("{}..{value}", input_text(first)),
        None => value,
    })
}

/// Reads a period typed in the box of a date fact that declares `period_from`:
/// `FIRST..LAST`, each end a date as the box takes one. `None` when the fact takes no period
/// or the text is not one; otherwise the first date and the last, or why they are refused
/// (a first date after the last).
pub fn parse_period(
    def: &FactDef,
    text: &str,
    lang: &str,
) -> Option<Result<(Value, Value), String>> {
    def.period_from.as_ref()?;
    let (first, last) = text.trim().split_once("..")?;
    let fr = lang == "fr";
    let date = |t: &str| {
        let t = t.trim();
        parse_date(t).ok_or_else(|| msg!(fr, "tui-is-not-a-date-write", t = t.to_string()))
    };
    let period = date(first).and_then(|first| Ok((first, date(last)?)));
    Some(period.and_then(|(first, last)| {
        if first > last {
            return Err(msg!(
                fr,
                "tui-period-first-after-last",
                first = crate::facts::format_date(first).to_string(),
                last = crate::facts::format_date(last).to_string()
            ));
        }
        Ok((Value::Date(first), Value::Date(last)))
    }))
}

/// Reads a typed answer, checking it against the fact's type and bounds.
pub fn parse_input(
    def: &FactDef,
    text: &str,
    vocab: &Vocabulary,
    lang: &str,
) -> Result<Value, String> {
    let fr = lang == "fr";
    let t = text.trim();
    if t.is_empty() {
        return Err(msg!(static fr, "tui-answer-type-an-answer-or-choose").into());
    }
    let bounds = || {
        let n = |x: f64| x.to_string();
        let text = match (def.min, def.max) {
            (Some(a), Some(b)) => msg!(fr, "tui-bounds-from-to", from = n(a), to = n(b)),
            (Some(a), None) => msg!(fr, "tui-bounds-from", from = n(a)),
            (None, Some(b)) => msg!(fr, "tui-bounds-up-to", to = n(b)),
            (None, None) => return String::new(),
        };
        format!(" {text}")
    };
    let in_bounds = |x: f64| def.min.is_none_or(|m| x >= m) && def.max.is_none_or(|m| x <= m);
    match def.ty {
        FactType::Integer => match t.parse::<i64>() {
            Ok(n) if in_bounds(n as f64) => Ok(Value::Int(n)),
            _ => Err(msg!(
                fr,
                "tui-a-whole-number-is-expected",
                arg0 = (bounds()).to_string()
            )),
        },
        FactType::Number => match t.parse::<f64>() {
            Ok(n) if n.is_finite() && in_bounds(n) => Ok(Value::Number(n)),
            _ => Err(msg!(
                fr,
                "tui-a-number-is-expected",
                arg0 = (bounds()).to_string()
            )),
        },
        FactType::Date => parse_date(t)
            .map(Value::Date)
            .ok_or_else(|| msg!(fr, "tui-is-not-a-date-write", t = t.to_string())),
        FactType::Country => {
            let c = t.to_ascii_uppercase();
            if vocab.is_country(&c) {
                Ok(Value::Str(c))
            } else {
                Err(not_a_country(&c, fr))
            }
        }
        FactType::Countries => {
            let mut out: Vec<String> = Vec::new();
            for c in t
                .split(|ch: char| ch == ',' || ch.is_whitespace())
                .filter(|s| !s.is_empty())
            {
                let c = c.to_ascii_uppercase();
                if !vocab.is_country(&c) {
                    return Err(not_a_country(&c, fr));
                }
                if !out.contains(&c) {
                    out.push(c);
                }
            }
            Ok(Value::List(out))
        }
        FactType::Text => {
            if t.chars().count() > MAX_INPUT_CHARS {
                Err(msg!(
                    fr,
                    "tui-at-most-characters",
                    max_input_chars = MAX_INPUT_CHARS.to_string()
                ))
            } else {
                Ok(Value::Str(t.to_string()))
            }
        }
        FactType::Bool | FactType::Enum | FactType::EnumList => {
            Err(msg!(static fr, "tui-answer-choose-one-of-the-answers").into())
        }
    }
}

fn not_a_country(c: &str, fr: bool) -> String {
    msg!(fr, "tui-is-not-a-two-letter", c = c.to_string())
}

/// Checks that the case stays a valid case file once `key` is `value`: a birth date must
/// agree with an age already given (and the other way round), and the file must read back.
pub fn check_consistency(
    case: &Case,
    key: &str,
    value: &Value,
    vocab: &Vocabulary,
    today: NaiveDate,
    lang: &str,
) -> Result<(), String> {
    let fr = lang == "fr";
    let who = key.split_once('.').map(|(w, _)| w).unwrap_or("");
    let age_key = format!("{who}.age");
    let birth_key = format!("{who}.birth_date");
    let facts_date = match (key, value) {
        ("case.date_of_facts", Value::Date(d)) => *d,
        _ => case.date_of_facts_or(today),
    };
    let given_age = |k: &str| match case.get(k) {
        Some(Value::Int(a)) => Some(*a),
        _ => None,
    };
    match value {
        Value::Date(birth) if key == birth_key && !case.is_known(&birth_key) => {
            if let Some(age) = given_age(&age_key) {
                let computed = age_on(*birth, facts_date);
                if computed != age {
                    return Err(msg!(
                        fr,
                        "tui-this-birth-date-gives-at",
                        computed = computed.to_string(),
                        age = age.to_string()
                    ));
                }
            }
        }
        Value::Int(age) if key == age_key => {
            if let Some(birth) = case.date(&birth_key) {
                let computed = age_on(birth, facts_date);
                if computed != *age {
                    return Err(msg!(
                        fr,
                        "tui-the-birth-date-given-gives",
                        birth = birth.to_string(),
                        computed = computed.to_string()
                    ));
                }
            }
        }
        _ => {}
    }
    let mut trial = case.clone();
    trial.set(key, Some(value.clone()), vocab, today);
    let text = trial.to_toml(vocab);
    Case::parse(&SourceText::new("case", text), vocab, today)
        .map(|_| ())
        .map_err(|d| match d.help {
            Some(h) => format!("{} ({h})", d.message),
            None => d.message,
        })
}
