//! The type checks of the condition parser: each operand declared in the vocabulary, each
//! literal of the operand's type and among its allowed values.

use super::parse::{Literal, Parser};
use super::{ConditionError, Operand};
use crate::facts::{FactType, Value};

impl Parser<'_> {
    pub(super) fn operand(&self, word: &str, at: usize) -> Result<Operand, ConditionError> {
        // `date_of_facts` is short for `case.date_of_facts`.
        let word = if word == "date_of_facts" {
            "case.date_of_facts"
        } else {
            word
        };
        if word.starts_with("state.") {
            return match self.vocab.parameter(word) {
                Some(_) => Ok(Operand::Parameter(word.to_string())),
                None => Err(ConditionError {
                    offset: at,
                    message: format!(
                        "unknown state parameter `{word}` (declare it as a [[parameter]] in vocabulary.toml)"
                    ),
                }),
            };
        }
        match self.vocab.fact(word) {
            Some(_) => Ok(Operand::Fact(word.to_string())),
            None => Err(ConditionError {
                offset: at,
                message: format!(
                    "unknown fact `{word}` (every fact must be declared in vocabulary.toml)"
                ),
            }),
        }
    }

    pub(super) fn type_of(&self, op: &Operand) -> FactType {
        match op {
            Operand::Fact(k) => self.vocab.fact(k).map(|f| f.ty).unwrap_or(FactType::Text),
            Operand::Parameter(k) => self
                .vocab
                .parameter(k)
                .map(|p| p.ty)
                .unwrap_or(FactType::Text),
        }
    }

    /// Checks a literal against the operand's type and allowed values.
    pub(super) fn check_literal(
        &self,
        op: &Operand,
        ty: FactType,
        lit: Literal,
        at: usize,
    ) -> Result<Value, ConditionError> {
        let key = op.key();
        let err = |m: String| ConditionError {
            offset: at,
            message: m,
        };
        let allowed: Vec<String> = match op {
            Operand::Fact(k) => self
                .vocab
                .fact(k)
                .map(|f| f.values.clone())
                .unwrap_or_default(),
            Operand::Parameter(_) => vec![],
        };
        match (ty, lit) {
            (FactType::Bool, Literal::Bool(b)) => Ok(Value::Bool(b)),
            // Beyond ±2^53 an f64 no longer holds every whole number: refuse rather than
            // compare with a rounded figure.
            (FactType::Integer, Literal::Number(n, false)) if n.abs() > 9_007_199_254_740_992.0 => {
                Err(err(format!(
                    "`{n}` is too large a whole number for `{key}`"
                )))
            }
            (FactType::Integer, Literal::Number(n, false)) => Ok(Value::Int(n as i64)),
            (FactType::Number, Literal::Number(n, _)) => Ok(Value::Number(n)),
            (FactType::Date, Literal::Str(s)) => crate::facts::parse_date(&s)
                .map(Value::Date)
                .ok_or_else(|| err(format!("`{s}` is not a date written 'YYYY-MM-DD'"))),
            (FactType::Text, Literal::Str(s)) => Ok(Value::Str(s)),
            (FactType::Country | FactType::Countries, Literal::Str(s)) => {
                if self.vocab.is_country(&s) {
                    Ok(Value::Str(s))
                } else {
                    Err(err(format!(
                        "`{s}` is not an ISO 3166-1 alpha-2 country code"
                    )))
                }
            }
            (FactType::Enum | FactType::EnumList, Literal::Str(s)) => {
                if allowed.contains(&s) {
                    Ok(Value::Str(s))
                } else {
                    Err(err(format!(
                        "`{s}` is not a value of `{key}` (accepted: {})",
                        allowed.join(", ")
                    )))
                }
            }
            (ty, lit) => Err(err(format!(
                "`{key}` is {}, but is compared with {}",
                ty.describe(),
                match lit {
                    Literal::Number(..) => "a number",
                    Literal::Str(_) => "a text",
                    Literal::Bool(_) => "true/false",
                }
            ))),
        }
    }
}
