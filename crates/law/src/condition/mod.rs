//! The condition language of the data files: parsing, type-checking against the
//! vocabulary, and three-valued evaluation. See `jurisdictions/README.md`.

mod eval;
mod parse;
#[cfg(test)]
mod tests;
mod typecheck;

pub use eval::{
    all, any, compare_known, compare_numbers, contains_any, in_list, status_test, truthy,
};
pub use parse::parse_date_literal;

use crate::facts::Value;
use crate::logic::Tri;

/// What a condition names: a fact of the case or a parameter of the state concerned.
#[derive(Debug, Clone, PartialEq)]
pub enum Operand {
    Fact(String),
    Parameter(String),
}

impl Operand {
    pub fn key(&self) -> &str {
        match self {
            Operand::Fact(k) | Operand::Parameter(k) => k,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CmpOp {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

impl CmpOp {
    /// The comparison with its sides swapped: `a < b` is `b > a`.
    pub fn flipped(self) -> Self {
        match self {
            CmpOp::Lt => CmpOp::Gt,
            CmpOp::Le => CmpOp::Ge,
            CmpOp::Gt => CmpOp::Lt,
            CmpOp::Ge => CmpOp::Le,
            other => other,
        }
    }
}

/// Which status of another provision a condition tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusTest {
    Applies,
    Possible,
    Excluded,
}

/// A type-checked condition.
#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    Const(bool),
    /// A boolean fact on its own: "is true".
    Truthy(Operand),
    /// Whether a fact is stated: true or false, never unknown.
    Known(Operand),
    Compare(Operand, CmpOp, Value),
    /// Two operands compared, e.g. `victim.age < state.age_of_consent`.
    CompareOperands(Operand, CmpOp, Operand),
    In(Operand, Vec<Value>),
    /// A list fact holds any of these values.
    Contains(Operand, Vec<String>),
    Status(StatusTest, String),
    Not(Box<Expr>),
    And(Vec<Expr>),
    Or(Vec<Expr>),
}

/// Where a condition gets its values.
pub trait Context {
    fn value(&self, operand: &Operand) -> Option<&Value>;
    /// The status of another provision of the same system, already evaluated.
    fn status(&self, provision: &str) -> Option<crate::logic::Status>;
}

/// How deep parentheses and `not` may nest in one condition. The data's deepest is 5; the
/// limit keeps a hostile data file from overflowing the stack of the recursive parser (and
/// of evaluation, which follows the same tree).
pub const MAX_NESTING: usize = 64;

/// A parse or type error, at a byte offset of the condition text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConditionError {
    pub offset: usize,
    pub message: String,
}
impl Expr {
    pub fn eval(&self, ctx: &dyn Context) -> Tri {
        match self {
            Expr::Const(b) => Tri::from_bool(*b),
            Expr::Truthy(op) => truthy(ctx.value(op)),
            Expr::Known(op) => Tri::from_bool(ctx.value(op).is_some()),
            Expr::Compare(op, cmp, lit) => compare_known(ctx.value(op), *cmp, Some(lit)),
            Expr::CompareOperands(a, cmp, b) => compare_known(ctx.value(a), *cmp, ctx.value(b)),
            Expr::In(op, list) => in_list(ctx.value(op), list),
            Expr::Contains(op, wanted) => contains_any(ctx.value(op), wanted),
            Expr::Status(test, id) => status_test(*test, ctx.status(id)),
            Expr::Not(e) => e.eval(ctx).not(),
            // Kleene logic: false decides a conjunction and true a disjunction, whatever
            // the rest; evaluation has no side effect, so it stops there.
            Expr::And(es) => all(es.iter().map(|e| e.eval(ctx))),
            Expr::Or(es) => any(es.iter().map(|e| e.eval(ctx))),
        }
    }

    /// Every operand the condition reads, in order of appearance.
    pub fn operands(&self) -> Vec<&Operand> {
        let mut out = Vec::new();
        self.walk(&mut |e| match e {
            Expr::Truthy(o)
            | Expr::Known(o)
            | Expr::Compare(o, _, _)
            | Expr::In(o, _)
            | Expr::Contains(o, _)
                if !out.contains(&o) =>
            {
                out.push(o)
            }
            Expr::CompareOperands(a, _, b) => {
                for o in [a, b] {
                    if !out.contains(&o) {
                        out.push(o)
                    }
                }
            }
            _ => {}
        });
        out
    }

    /// Every provision the condition refers to.
    pub fn provisions(&self) -> Vec<&str> {
        let mut out = Vec::new();
        self.walk(&mut |e| {
            if let Expr::Status(_, id) = e {
                if !out.contains(&id.as_str()) {
                    out.push(id.as_str());
                }
            }
        });
        out
    }

    /// Visits the condition and every part of it, outermost first.
    pub fn walk<'a>(&'a self, f: &mut dyn FnMut(&'a Expr)) {
        f(self);
        match self {
            Expr::Not(e) => e.walk(f),
            Expr::And(es) | Expr::Or(es) => es.iter().for_each(|e| e.walk(f)),
            _ => {}
        }
    }
}
