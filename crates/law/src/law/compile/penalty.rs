//! Compiling a penalty: terms, fines and their bounds.

use super::*;

impl Compiler<'_> {
    pub(super) fn penalty(&mut self, raw: &Spanned<PenaltyRaw>) -> Option<Penalty> {
        let span = raw.span();
        self.penalty_inner(raw.get_ref(), &span, None)
    }

    fn penalty_inner(
        &mut self,
        raw: &PenaltyRaw,
        span: &Range<usize>,
        custody: Option<&String>,
    ) -> Option<Penalty> {
        let custody = raw.custody.as_ref().or(custody).cloned();
        if !raw.procedures.is_empty() {
            let mut procs = Vec::new();
            for pr in &raw.procedures {
                if pr.procedure.is_none() {
                    self.err_help(
                        span,
                        "each of `procedures` needs a `procedure`",
                        "procedure = \"indictment\" or \"summary\"",
                    );
                }
                if !pr.procedures.is_empty() {
                    self.err(span, "`procedures` cannot be nested");
                }
                procs.push(self.penalty_inner(pr, span, custody.as_ref())?);
            }
            let mut headline = procs[0].clone();
            for p in &procs[1..] {
                if p.severity_cmp(&headline) == Some(std::cmp::Ordering::Greater) {
                    headline = p.clone();
                }
            }
            headline.procedures = procs;
            return Some(headline);
        }
        if let Some(proc_) = &raw.procedure {
            if proc_ != "indictment" && proc_ != "summary" {
                self.err_help(
                    span,
                    format!("unknown procedure `{}`", quote(proc_)),
                    "indictment or summary",
                );
            }
        }
        let term = |c: &mut Self, s: &Option<String>| -> Option<Option<Term>> {
            match s {
                None => Some(None),
                Some(s) => match Term::parse(s) {
                    Ok(t) => Some(Some(t)),
                    Err(m) => {
                        c.err(span, m);
                        None
                    }
                },
            }
        };
        let fine = |c: &mut Self, s: &Option<String>| -> Option<Option<Fine>> {
            match s {
                None => Some(None),
                Some(s) => match Fine::parse(s) {
                    Ok(f) => Some(Some(f)),
                    Err(m) => {
                        c.err(span, m);
                        None
                    }
                },
            }
        };
        let prison_max = term(self, &raw.prison_max)?;
        let prison_min = term(self, &raw.prison_min)?;
        let fine_max = fine(self, &raw.fine_max)?;
        let fine_min = fine(self, &raw.fine_min)?;
        let Some(prison_max) = prison_max else {
            self.err_help(
                span,
                "the penalty has no `prison_max`",
                "prison_max = \"5y\" (or \"life\", \"none\", \"unknown\")",
            );
            return None;
        };
        if raw.minimum_status.is_some() && prison_min.is_none() {
            self.err(span, "`minimum_status` without `prison_min`");
        }
        if let (Some(min), Some(max)) = (prison_min.and_then(Term::months), prison_max.months()) {
            if min > max {
                self.err(
                    span,
                    format!("prison_min ({min} months) is above prison_max ({max} months)"),
                );
            }
        }
        Some(Penalty {
            prison_max,
            prison_min,
            minimum_status: raw.minimum_status,
            minimum_note: raw.minimum_note.clone(),
            fine_max,
            fine_min,
            custody,
            procedure: raw.procedure.clone(),
            procedures: Vec::new(),
        })
    }
}
