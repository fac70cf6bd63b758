//! The parser of the condition language: words, operators, literals and nesting, read
//! into an [`Expr`] (the operands and literals are checked in `typecheck`).

use chrono::NaiveDate;

use super::{CmpOp, ConditionError, Expr, MAX_NESTING, StatusTest};
use crate::facts::{FactType, Value, Vocabulary};

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
}

/// A literal as written, before it is checked against the operand's type.
#[derive(Debug, Clone)]
pub(super) enum Literal {
    Number(f64, bool),
    Str(String),
    Bool(bool),
}

pub(super) struct Parser<'a> {
    text: &'a str,
    pos: usize,
    pub(super) vocab: &'a Vocabulary,
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
