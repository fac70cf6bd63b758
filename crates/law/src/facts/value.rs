//! Fact values as the engine sees them.

use chrono::NaiveDate;

/// A number known only to lie within bounds (an age gap computed from whole-year ages).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Interval {
    /// Exclusive lower bound.
    pub above: f64,
    /// Exclusive upper bound.
    pub below: f64,
}

/// The value of a stated (or derived) fact.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Bool(bool),
    Int(i64),
    Number(f64),
    /// A number known only within open bounds.
    Between(Interval),
    /// A whole number known only to be at least this (inclusive): the value a fact's
    /// vocabulary declares with `at_least`, such as "several" sessions (at least 2).
    AtLeast(i64),
    Date(NaiveDate),
    /// Text, a country code or an enumeration value.
    Str(String),
    /// A list of countries or of enumeration values, taken as complete.
    List(Vec<String>),
}

impl Value {
    pub fn as_number(&self) -> Option<f64> {
        match self {
            Value::Int(i) => Some(*i as f64),
            Value::Number(n) => Some(*n),
            _ => None,
        }
    }

    /// The value as it would be written in a case file (TOML).
    pub fn to_toml(&self) -> toml::Value {
        match self {
            Value::Bool(b) => toml::Value::Boolean(*b),
            Value::Int(i) => toml::Value::Integer(*i),
            Value::Number(n) => toml::Value::Float(*n),
            Value::Between(i) => toml::Value::String(format!("{}..{}", i.above, i.below)),
            // A case file writes the fact's word (`"several"`: see `Case::to_toml`).
            Value::AtLeast(n) => toml::Value::Table(toml::map::Map::from_iter([(
                "at_least".into(),
                (*n).into(),
            )])),
            Value::Date(d) => toml::Value::String(super::format_date(*d).to_string()),
            Value::Str(s) => toml::Value::String(s.clone()),
            Value::List(l) => {
                toml::Value::Array(l.iter().map(|s| toml::Value::String(s.clone())).collect())
            }
        }
    }

    /// The value for JSON output.
    pub fn to_json(&self) -> serde_json::Value {
        match self {
            Value::Bool(b) => (*b).into(),
            Value::Int(i) => (*i).into(),
            Value::Number(n) => (*n).into(),
            Value::Between(i) => serde_json::json!({ "above": i.above, "below": i.below }),
            Value::AtLeast(n) => serde_json::json!({ "at_least": n }),
            Value::Date(d) => super::format_date(*d).to_string().into(),
            Value::Str(s) => s.clone().into(),
            Value::List(l) => l.clone().into(),
        }
    }
}
