//! The condition language of the data files: parsing, type-checking against the
//! vocabulary, and three-valued evaluation. See `jurisdictions/README.md`.

use std::cmp::Ordering;

use chrono::NaiveDate;

use crate::facts::{FactType, Value, Vocabulary};
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
    pub fn parse(text: &str, vocab: &Vocabulary) -> Result<Expr, ConditionError> {
        let mut p = Parser {
            text,
            pos: 0,
            vocab,
            depth: 0,
        };
        let e = p.or_expr()?;
        p.skip_ws();
        if p.pos < text.len() {
            return Err(p.error(format!("unexpected `{}`", p.rest_token())));
        }
        Ok(e)
    }

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
    let Some(ord) = ordering(value, lit) else {
        return Tri::Unknown;
    };
    Tri::from_bool(match op {
        CmpOp::Eq => ord == Ordering::Equal,
        CmpOp::Ne => ord != Ordering::Equal,
        CmpOp::Lt => ord == Ordering::Less,
        CmpOp::Le => ord != Ordering::Greater,
        CmpOp::Gt => ord == Ordering::Greater,
        CmpOp::Ge => ord != Ordering::Less,
    })
}

/// A literal as written, before it is checked against the operand's type.
#[derive(Debug, Clone)]
enum Literal {
    Number(f64, bool),
    Str(String),
    Bool(bool),
}

struct Parser<'a> {
    text: &'a str,
    pos: usize,
    vocab: &'a Vocabulary,
    /// Parentheses and `not` currently open.
    depth: usize,
}

impl Parser<'_> {
    fn error(&self, message: impl Into<String>) -> ConditionError {
        ConditionError {
            offset: self.pos,
            message: message.into(),
        }
    }

    fn rest_token(&self) -> String {
        self.text[self.pos..]
            .split_whitespace()
            .next()
            .unwrap_or("")
            .chars()
            .take(20)
            .collect()
    }

    fn skip_ws(&mut self) {
        while let Some(c) = self.text[self.pos..].chars().next() {
            if c.is_whitespace() {
                self.pos += c.len_utf8();
            } else {
                break;
            }
        }
    }

    fn peek_char(&mut self) -> Option<char> {
        self.skip_ws();
        self.text[self.pos..].chars().next()
    }

    /// A word made of letters, digits, `_`, `.` and `-` (not starting with `-`).
    fn peek_word(&mut self) -> &str {
        self.skip_ws();
        let rest = &self.text[self.pos..];
        let end = rest
            .char_indices()
            .find(|&(i, c)| !(c.is_alphanumeric() || c == '_' || c == '.' || (c == '-' && i > 0)))
            .map(|(i, _)| i)
            .unwrap_or(rest.len());
        &rest[..end]
    }

    fn eat_keyword(&mut self, kw: &str) -> bool {
        if self.peek_word() == kw {
            self.pos += kw.len();
            true
        } else {
            false
        }
    }

    fn eat_char(&mut self, c: char) -> bool {
        if self.peek_char() == Some(c) {
            self.pos += c.len_utf8();
            true
        } else {
            false
        }
    }

    fn or_expr(&mut self) -> Result<Expr, ConditionError> {
        let mut items = vec![self.and_expr()?];
        while self.eat_keyword("or") {
            items.push(self.and_expr()?);
        }
        Ok(if items.len() == 1 {
            items.pop().unwrap()
        } else {
            Expr::Or(items)
        })
    }

    fn and_expr(&mut self) -> Result<Expr, ConditionError> {
        let mut items = vec![self.not_expr()?];
        while self.eat_keyword("and") {
            items.push(self.not_expr()?);
        }
        Ok(if items.len() == 1 {
            items.pop().unwrap()
        } else {
            Expr::And(items)
        })
    }

    /// Enters one more level of parentheses or `not`, refusing to go deeper than
    /// [`MAX_NESTING`] (the error points at the level that is one too many).
    fn enter(&mut self, at: usize) -> Result<(), ConditionError> {
        self.depth += 1;
        if self.depth > MAX_NESTING {
            return Err(ConditionError {
                offset: at,
                message: format!(
                    "the condition nests parentheses and `not` more than {MAX_NESTING} levels deep"
                ),
            });
        }
        Ok(())
    }

    fn not_expr(&mut self) -> Result<Expr, ConditionError> {
        self.skip_ws();
        let at = self.pos;
        if self.eat_keyword("not") {
            self.enter(at)?;
            let inner = self.not_expr()?;
            self.depth -= 1;
            return Ok(Expr::Not(Box::new(inner)));
        }
        self.atom()
    }

    fn atom(&mut self) -> Result<Expr, ConditionError> {
        self.skip_ws();
        let at = self.pos;
        if self.eat_char('(') {
            self.enter(at)?;
            let e = self.or_expr()?;
            if !self.eat_char(')') {
                return Err(self.error("expected `)`"));
            }
            self.depth -= 1;
            return Ok(e);
        }
        let start = self.pos;
        let word = self.peek_word().to_string();
        if word.is_empty() {
            return Err(self.error(if self.pos >= self.text.len() {
                "the condition ends too early".to_string()
            } else {
                format!("unexpected `{}`", self.rest_token())
            }));
        }
        match word.as_str() {
            "true" | "false" => {
                self.pos += word.len();
                return Ok(Expr::Const(word == "true"));
            }
            "applies" | "possible" | "excluded" | "known" => {
                self.pos += word.len();
                if !self.eat_char('(') {
                    return Err(self.error(format!("expected `(` after `{word}`")));
                }
                let inner = self.balanced_argument()?;
                return match word.as_str() {
                    "known" => {
                        let op = self.operand(inner.trim(), start)?;
                        Ok(Expr::Known(op))
                    }
                    w => {
                        let test = match w {
                            "applies" => StatusTest::Applies,
                            "possible" => StatusTest::Possible,
                            _ => StatusTest::Excluded,
                        };
                        Ok(Expr::Status(test, inner.trim().to_string()))
                    }
                };
            }
            _ => {}
        }
        self.pos += word.len();
        let operand = self.operand(&word, start)?;
        let ty = self.type_of(&operand);
        let op_pos = self.pos;
        let op = self.comparison_operator();
        match op {
            Some(Op::Cmp(cmp)) => {
                let rhs_word = self.peek_word().to_string();
                let starts_alpha = rhs_word.chars().next().is_some_and(|c| c.is_alphabetic());
                if starts_alpha && rhs_word != "true" && rhs_word != "false" {
                    let rhs_pos = self.pos;
                    self.pos += rhs_word.len();
                    let rhs = self.operand(&rhs_word, rhs_pos)?;
                    let rty = self.type_of(&rhs);
                    let numeric = |t: FactType| matches!(t, FactType::Integer | FactType::Number);
                    let compatible = ty == rty || (numeric(ty) && numeric(rty));
                    if !compatible || ty.is_list() {
                        return Err(ConditionError {
                            offset: rhs_pos,
                            message: format!(
                                "`{}` ({}) cannot be compared with `{}` ({})",
                                operand.key(),
                                ty.describe(),
                                rhs.key(),
                                rty.describe()
                            ),
                        });
                    }
                    if matches!(cmp, CmpOp::Lt | CmpOp::Le | CmpOp::Gt | CmpOp::Ge)
                        && !ty.is_ordered()
                    {
                        return Err(ConditionError {
                            offset: op_pos,
                            message: format!(
                                "`{}` is {} and cannot be compared with <, <=, > or >=",
                                operand.key(),
                                ty.describe()
                            ),
                        });
                    }
                    return Ok(Expr::CompareOperands(operand, cmp, rhs));
                }
                let lit_pos = self.pos;
                let lit = self.literal()?;
                let value = self.check_literal(&operand, ty, lit, lit_pos)?;
                if matches!(cmp, CmpOp::Lt | CmpOp::Le | CmpOp::Gt | CmpOp::Ge) && !ty.is_ordered()
                {
                    return Err(ConditionError {
                        offset: op_pos,
                        message: format!(
                            "`{}` is {} and cannot be compared with <, <=, > or >=",
                            operand.key(),
                            ty.describe()
                        ),
                    });
                }
                if ty.is_list() {
                    return Err(ConditionError {
                        offset: op_pos,
                        message: format!(
                            "`{}` is a list: use `contains` or `contains_any`",
                            operand.key()
                        ),
                    });
                }
                Ok(Expr::Compare(operand, cmp, value))
            }
            Some(Op::In) => {
                if ty.is_list() {
                    return Err(ConditionError {
                        offset: op_pos,
                        message: format!("`{}` is a list: use `contains_any`", operand.key()),
                    });
                }
                let items = self.literal_list()?;
                let values = items
                    .into_iter()
                    .map(|(pos, lit)| self.check_literal(&operand, ty, lit, pos))
                    .collect::<Result<Vec<_>, _>>()?;
                Ok(Expr::In(operand, values))
            }
            Some(Op::Contains(any)) => {
                if !ty.is_list() {
                    return Err(ConditionError {
                        offset: op_pos,
                        message: format!("`{}` is not a list: use `==` or `in`", operand.key()),
                    });
                }
                let items = if any {
                    self.literal_list()?
                } else {
                    let p = self.pos;
                    vec![(p, self.literal()?)]
                };
                let mut values = Vec::new();
                for (pos, lit) in items {
                    match self.check_literal(&operand, ty, lit, pos)? {
                        Value::Str(s) => values.push(s),
                        _ => unreachable!("list items are texts"),
                    }
                }
                Ok(Expr::Contains(operand, values))
            }
            None => {
                if ty != FactType::Bool {
                    return Err(ConditionError {
                        offset: start,
                        message: format!(
                            "`{}` is {}, not true/false: compare it with a value",
                            operand.key(),
                            ty.describe()
                        ),
                    });
                }
                Ok(Expr::Truthy(operand))
            }
        }
    }

    /// The text up to the `)` that closes the one just read, parentheses balanced (so that
    /// ids like `CA.163.1(4)` can be named).
    fn balanced_argument(&mut self) -> Result<String, ConditionError> {
        let mut depth = 1;
        let start = self.pos;
        for (i, c) in self.text[start..].char_indices() {
            match c {
                '(' => depth += 1,
                ')' => {
                    depth -= 1;
                    if depth == 0 {
                        self.pos = start + i + 1;
                        return Ok(self.text[start..start + i].to_string());
                    }
                }
                _ => {}
            }
        }
        Err(self.error("missing `)`"))
    }

    fn operand(&self, word: &str, at: usize) -> Result<Operand, ConditionError> {
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

    fn type_of(&self, op: &Operand) -> FactType {
        match op {
            Operand::Fact(k) => self.vocab.fact(k).map(|f| f.ty).unwrap_or(FactType::Text),
            Operand::Parameter(k) => self
                .vocab
                .parameter(k)
                .map(|p| p.ty)
                .unwrap_or(FactType::Text),
        }
    }

    fn comparison_operator(&mut self) -> Option<Op> {
        self.skip_ws();
        let rest = &self.text[self.pos..];
        for (sym, op) in [
            ("==", CmpOp::Eq),
            ("!=", CmpOp::Ne),
            ("<=", CmpOp::Le),
            (">=", CmpOp::Ge),
            ("<", CmpOp::Lt),
            (">", CmpOp::Gt),
        ] {
            if rest.starts_with(sym) {
                self.pos += sym.len();
                return Some(Op::Cmp(op));
            }
        }
        if self.eat_keyword("in") {
            return Some(Op::In);
        }
        if self.eat_keyword("contains_any") {
            return Some(Op::Contains(true));
        }
        if self.eat_keyword("contains") {
            return Some(Op::Contains(false));
        }
        None
    }

    fn literal(&mut self) -> Result<Literal, ConditionError> {
        match self.peek_char() {
            Some('\'') | Some('"') => {
                let quote = self.text[self.pos..].chars().next().unwrap();
                let start = self.pos + 1;
                match self.text[start..].find(quote) {
                    Some(end) => {
                        self.pos = start + end + 1;
                        Ok(Literal::Str(self.text[start..start + end].to_string()))
                    }
                    None => Err(self.error("unterminated text: missing closing quote")),
                }
            }
            Some(c) if c.is_ascii_digit() || c == '-' => {
                let rest = &self.text[self.pos..];
                let end = rest
                    .char_indices()
                    .find(|&(i, c)| {
                        !(c.is_ascii_digit() || c == '.' || c == '_' || (c == '-' && i == 0))
                    })
                    .map(|(i, _)| i)
                    .unwrap_or(rest.len());
                let token = &rest[..end];
                let n: f64 = token
                    .replace('_', "")
                    .parse()
                    .ok()
                    .filter(|n: &f64| n.is_finite())
                    .ok_or_else(|| self.error(format!("`{token}` is not a number")))?;
                self.pos += end;
                Ok(Literal::Number(n, token.contains('.')))
            }
            _ => {
                if self.eat_keyword("true") {
                    Ok(Literal::Bool(true))
                } else if self.eat_keyword("false") {
                    Ok(Literal::Bool(false))
                } else {
                    Err(self.error(format!(
                        "expected a value (a number, 'text', true or false), found `{}`",
                        self.rest_token()
                    )))
                }
            }
        }
    }

    fn literal_list(&mut self) -> Result<Vec<(usize, Literal)>, ConditionError> {
        if !self.eat_char('[') {
            return Err(self.error("expected a list in brackets, like ['a', 'b']"));
        }
        let mut out = Vec::new();
        loop {
            if self.eat_char(']') {
                break;
            }
            self.skip_ws();
            let pos = self.pos;
            out.push((pos, self.literal()?));
            if self.eat_char(',') {
                continue;
            }
            if !self.eat_char(']') {
                return Err(self.error("expected `,` or `]`"));
            }
            break;
        }
        if out.is_empty() {
            return Err(self.error("the list is empty"));
        }
        Ok(out)
    }

    /// Checks a literal against the operand's type and allowed values.
    fn check_literal(
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

enum Op {
    Cmp(CmpOp),
    In,
    Contains(bool),
}

/// A date written in a condition.
pub fn parse_date_literal(s: &str) -> Option<NaiveDate> {
    crate::facts::parse_date(s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::SourceText;
    use crate::facts::{Interval, Vocabulary};
    use crate::logic::Status;
    use std::collections::HashMap;

    fn vocab() -> Vocabulary {
        let text = r#"
[[fact]]
key = "victim.age"
type = "integer"
label = { fr = "a", en = "a" }
[[fact]]
key = "act.coercion"
type = "bool"
label = { fr = "c", en = "c" }
[[fact]]
key = "act.sexual_contact"
type = "enum"
values = ["none", "touching", "penetration"]
label = { fr = "s", en = "s" }
[[fact]]
key = "material.conduct"
type = "enum_list"
values = ["possessed", "distributed"]
label = { fr = "m", en = "m" }
[[fact]]
key = "derived.age_gap"
type = "number"
derived = true
label = { fr = "g", en = "g" }
[[fact]]
key = "case.date_of_facts"
type = "date"
label = { fr = "d", en = "d" }
[[parameter]]
key = "state.age_of_consent"
type = "integer"
label = { fr = "p", en = "p" }
"#;
        Vocabulary::parse(&SourceText::new("v.toml", text)).unwrap()
    }

    struct Facts(HashMap<String, Value>, HashMap<String, Status>);

    impl Context for Facts {
        fn value(&self, op: &Operand) -> Option<&Value> {
            self.0.get(op.key())
        }
        fn status(&self, id: &str) -> Option<Status> {
            self.1.get(id).copied()
        }
    }

    fn eval(cond: &str, facts: &[(&str, Value)]) -> Tri {
        let e = Expr::parse(cond, &vocab()).unwrap_or_else(|e| panic!("{cond}: {e:?}"));
        let f = Facts(
            facts
                .iter()
                .map(|(k, v)| (k.to_string(), v.clone()))
                .collect(),
            [
                ("X.1".to_string(), Status::Possible),
                ("X.2".to_string(), Status::Applies),
            ]
            .into(),
        );
        e.eval(&f)
    }

    #[test]
    fn unknown_is_never_false() {
        assert_eq!(eval("victim.age < 15", &[]), Tri::Unknown);
        assert_eq!(
            eval(
                "victim.age < 15 and act.coercion",
                &[("act.coercion", Value::Bool(false))]
            ),
            Tri::False
        );
        assert_eq!(
            eval(
                "victim.age < 15 or act.coercion",
                &[("act.coercion", Value::Bool(true))]
            ),
            Tri::True
        );
        assert_eq!(eval("not act.coercion", &[]), Tri::Unknown);
        assert_eq!(eval("known(victim.age)", &[]), Tri::False);
    }

    #[test]
    fn comparisons_and_lists() {
        let age = |n| ("victim.age", Value::Int(n));
        assert_eq!(eval("victim.age < 15", &[age(14)]), Tri::True);
        assert_eq!(eval("victim.age < 15", &[age(15)]), Tri::False);
        assert_eq!(
            eval(
                "act.sexual_contact in ['touching', 'penetration']",
                &[("act.sexual_contact", Value::Str("touching".into()))]
            ),
            Tri::True
        );
        let conduct = ("material.conduct", Value::List(vec!["possessed".into()]));
        assert_eq!(
            eval(
                "material.conduct contains 'possessed'",
                std::slice::from_ref(&conduct)
            ),
            Tri::True
        );
        assert_eq!(
            eval(
                "material.conduct contains 'distributed'",
                std::slice::from_ref(&conduct)
            ),
            Tri::False
        );
        assert_eq!(
            eval(
                "material.conduct contains_any ['distributed', 'possessed']",
                &[conduct]
            ),
            Tri::True
        );
        assert_eq!(
            eval(
                "case.date_of_facts >= '2021-04-23'",
                &[(
                    "case.date_of_facts",
                    Value::Date(chrono::NaiveDate::from_ymd_opt(2021, 4, 22).unwrap())
                )]
            ),
            Tri::False
        );
    }

    #[test]
    fn an_age_gap_known_within_bounds_is_unknown_only_when_they_straddle() {
        let gap = |above, below| ("derived.age_gap", Value::Between(Interval { above, below }));
        // ages 19 and 14: the gap is between 4 and 6 years
        assert_eq!(eval("derived.age_gap >= 5", &[gap(4.0, 6.0)]), Tri::Unknown);
        // ages 20 and 14: between 5 and 7
        assert_eq!(eval("derived.age_gap >= 5", &[gap(5.0, 7.0)]), Tri::True);
        // ages 17 and 14: between 2 and 4
        assert_eq!(eval("derived.age_gap >= 5", &[gap(2.0, 4.0)]), Tri::False);
        assert_eq!(eval("derived.age_gap <= 3", &[gap(2.0, 4.0)]), Tri::Unknown);
    }

    #[test]
    fn provision_statuses_and_parameters() {
        assert_eq!(eval("applies(X.1)", &[]), Tri::Unknown);
        assert_eq!(eval("not applies(X.2)", &[]), Tri::False);
        assert_eq!(eval("possible(X.1)", &[]), Tri::True);
        assert_eq!(
            eval(
                "victim.age < state.age_of_consent",
                &[("victim.age", Value::Int(14))]
            ),
            Tri::Unknown
        );
        assert_eq!(
            eval(
                "victim.age < state.age_of_consent",
                &[
                    ("victim.age", Value::Int(14)),
                    ("state.age_of_consent", Value::Int(15))
                ]
            ),
            Tri::True
        );
    }

    #[test]
    fn type_errors_are_located() {
        let v = vocab();
        let err = |c: &str| Expr::parse(c, &v).unwrap_err();
        assert_eq!(err("victim.agee < 15").offset, 0);
        assert!(
            err("victim.agee < 15")
                .message
                .contains("unknown fact `victim.agee`")
        );
        let e = err("victim.age < 'x'");
        assert_eq!(e.offset, 13);
        assert!(e.message.contains("compared with a text"));
        assert!(
            err("act.sexual_contact == 'kiss'")
                .message
                .contains("not a value")
        );
        assert!(
            err("act.sexual_contact < 'none'")
                .message
                .contains("cannot be compared")
        );
        assert!(err("victim.age").message.contains("not true/false"));
        assert!(
            err("material.conduct == 'possessed'")
                .message
                .contains("is a list")
        );
        assert!(err("(act.coercion").message.contains("expected `)`"));
        assert!(err("act.coercion and").message.contains("ends too early"));
    }

    #[test]
    fn nesting_is_bounded_and_located() {
        let v = vocab();
        let deep = |n: usize| format!("{}act.coercion{}", "(".repeat(n), ")".repeat(n));
        assert!(Expr::parse(&deep(MAX_NESTING), &v).is_ok());
        let e = Expr::parse(&deep(10_000), &v).unwrap_err();
        assert_eq!(e.offset, MAX_NESTING, "at the first parenthesis too many");
        assert!(
            e.message.contains("more than 64 levels deep"),
            "{}",
            e.message
        );
        let nots = format!("{}act.coercion", "not ".repeat(10_000));
        let e = Expr::parse(&nots, &v).unwrap_err();
        assert_eq!(e.offset, 4 * MAX_NESTING);
        // Balanced siblings do not add up.
        let wide = vec![deep(MAX_NESTING); 100].join(" and ");
        assert!(Expr::parse(&wide, &v).is_ok());
    }
}
