//! The meaning of each kind of condition (three-valued), given the values it reads.

use std::cmp::Ordering;

use super::{CmpOp, StatusTest};
use crate::facts::Value;
use crate::logic::Tri;

// The meaning of each kind of condition, given the values it reads. Shared by
// [`Expr::eval`] and by the compiled conditions of [`super::summary`], so that both give
// the same results by construction.

/// A boolean fact on its own: its value, unknown when it is not stated (or not a boolean).
pub fn truthy(value: Option<&Value>) -> Tri {
    match value {
        Some(Value::Bool(b)) => Tri::from_bool(*b),
        _ => Tri::Unknown,
    }
}

/// A comparison: unknown when either side is.
pub fn compare_known(value: Option<&Value>, op: CmpOp, other: Option<&Value>) -> Tri {
    match (value, other) {
        (Some(v), Some(o)) => compare(v, op, o),
        _ => Tri::Unknown,
    }
}

/// `in [..]`: equal to one of the values.
pub fn in_list(value: Option<&Value>, list: &[Value]) -> Tri {
    match value {
        Some(v) => list
            .iter()
            .fold(Tri::False, |acc, lit| acc.or(compare(v, CmpOp::Eq, lit))),
        None => Tri::Unknown,
    }
}

/// `contains` / `contains_any`: a stated list is complete, so a value it lacks is false.
pub fn contains_any(value: Option<&Value>, wanted: &[String]) -> Tri {
    match value {
        Some(Value::List(items)) => Tri::from_bool(wanted.iter().any(|w| items.contains(w))),
        _ => Tri::Unknown,
    }
}

/// `applies()`, `possible()`, `excluded()` of a provision whose status is known or not.
pub fn status_test(test: StatusTest, status: Option<crate::logic::Status>) -> Tri {
    use crate::logic::Status;
    match (test, status) {
        (_, None) => Tri::Unknown,
        (StatusTest::Applies, Some(Status::Applies)) => Tri::True,
        (StatusTest::Applies, Some(Status::Excluded)) => Tri::False,
        (StatusTest::Applies, Some(Status::Possible)) => Tri::Unknown,
        (StatusTest::Possible, Some(s)) => Tri::from_bool(s == Status::Possible),
        (StatusTest::Excluded, Some(s)) => Tri::from_bool(s == Status::Excluded),
    }
}

/// A Kleene conjunction, stopping at the first false.
pub fn all(items: impl Iterator<Item = Tri>) -> Tri {
    let mut acc = Tri::True;
    for t in items {
        acc = acc.and(t);
        if acc == Tri::False {
            break;
        }
    }
    acc
}

/// A Kleene disjunction, stopping at the first true.
pub fn any(items: impl Iterator<Item = Tri>) -> Tri {
    let mut acc = Tri::False;
    for t in items {
        acc = acc.or(t);
        if acc == Tri::True {
            break;
        }
    }
    acc
}

fn ordering(value: &Value, lit: &Value) -> Option<Ordering> {
    match (value, lit) {
        (Value::Date(a), Value::Date(b)) => Some(a.cmp(b)),
        (Value::Str(a), Value::Str(b)) => Some(a.cmp(b)),
        (Value::Bool(a), Value::Bool(b)) => Some(a.cmp(b)),
        _ => value.as_number()?.partial_cmp(&lit.as_number()?),
    }
}

/// Compares a value with a literal; a value known only within bounds gives unknown when
/// the bounds straddle the literal.
fn compare(value: &Value, op: CmpOp, lit: &Value) -> Tri {
    match (value, lit) {
        (Value::AtLeast(_), Value::AtLeast(_)) => return Tri::Unknown,
        (Value::AtLeast(least), _) => return at_least(*least, op, lit),
        // `3 < several` is `several > 3`.
        (_, Value::AtLeast(least)) => return at_least(*least, op.flipped(), value),
        _ => {}
    }
    if let Value::Between(iv) = value {
        let Some(c) = lit.as_number() else {
            return Tri::Unknown;
        };
        // every value v satisfies above < v < below
        let all_above = iv.above >= c; // every v > c
        let all_below = iv.below <= c; // every v < c
        return match op {
            CmpOp::Gt | CmpOp::Ge => {
                if all_above {
                    Tri::True
                } else if all_below {
                    Tri::False
                } else {
                    Tri::Unknown
                }
            }
            CmpOp::Lt | CmpOp::Le => {
                if all_below {
                    Tri::True
                } else if all_above {
                    Tri::False
                } else {
                    Tri::Unknown
                }
            }
            CmpOp::Eq => {
                if all_above || all_below {
                    Tri::False
                } else {
                    Tri::Unknown
                }
            }
            CmpOp::Ne => {
                if all_above || all_below {
                    Tri::True
                } else {
                    Tri::Unknown
                }
            }
        };
    }
    // Equality of texts (enumeration values, country codes): `==` compares lengths
    // first, and gives what the ordering below would.
    if let (Value::Str(a), Value::Str(b), CmpOp::Eq | CmpOp::Ne) = (value, lit, op) {
        return Tri::from_bool((a == b) == (op == CmpOp::Eq));
    }
    match ordering(value, lit) {
        Some(ord) => holds(ord, op),
        None => Tri::Unknown,
    }
}

/// A comparison of two plain numbers (what [`compare_known`] gives for an integer or a
/// number compared with a numeric literal): unknown when they are not ordered (NaN).
#[inline]
pub fn compare_numbers(value: f64, op: CmpOp, lit: f64) -> Tri {
    match value.partial_cmp(&lit) {
        Some(ord) => holds(ord, op),
        None => Tri::Unknown,
    }
}

/// Whether `op` holds of two values in the order `ord`.
#[inline]
fn holds(ord: Ordering, op: CmpOp) -> Tri {
    Tri::from_bool(match op {
        CmpOp::Eq => ord == Ordering::Equal,
        CmpOp::Ne => ord != Ordering::Equal,
        CmpOp::Lt => ord == Ordering::Less,
        CmpOp::Le => ord != Ordering::Greater,
        CmpOp::Gt => ord == Ordering::Greater,
        CmpOp::Ge => ord != Ordering::Less,
    })
}

/// Compares a whole number known only to be at least `least` (every value v satisfies
/// `v >= least`) with a literal: true or false when every such v gives the same answer,
/// else unknown. Exact for whole numbers: `several >= 2` is true, `several > 2` unknown.
fn at_least(least: i64, op: CmpOp, lit: &Value) -> Tri {
    let Some(c) = lit.as_number() else {
        return Tri::Unknown;
    };
    let least = least as f64;
    // Every v >= least; so v > c for all v when least > c, v >= c when least >= c.
    let decided = |holds_for_all: bool| {
        if holds_for_all {
            Tri::True
        } else {
            Tri::Unknown
        }
    };
    match op {
        CmpOp::Ge => decided(least >= c),
        CmpOp::Gt => decided(least > c),
        CmpOp::Lt => decided(least >= c).not(),
        CmpOp::Le => decided(least > c).not(),
        CmpOp::Eq => decided(least > c).not(),
        CmpOp::Ne => decided(least > c),
    }
}
