//! Checks shared by every data-file loader (legal systems and sentencing scales): dates,
//! source URLs and conditions, each problem located in its file.

use std::collections::HashMap;

use toml::Spanned;

use chrono::NaiveDate;

use crate::condition::Expr;
use crate::diagnostics::quote;
use crate::diagnostics::{Diagnostic, SourceText};
use crate::facts::Vocabulary;

/// Collects the problems of one data file.
pub struct FileCheck<'a> {
    pub src: &'a SourceText,
    pub vocab: &'a Vocabulary,
    pub problems: Vec<Diagnostic>,
    /// The conditions already read, by text. A data file writes the same few conditions
    /// hundreds of times (`victim.age < 18`), and the same text always reads as the same
    /// condition: each is parsed once, then copied.
    parsed: HashMap<String, Expr>,
}

impl<'a> FileCheck<'a> {
    pub fn new(src: &'a SourceText, vocab: &'a Vocabulary) -> Self {
        Self {
            src,
            vocab,
            problems: Vec::new(),
            parsed: HashMap::new(),
        }
    }

    pub fn err(&mut self, at: usize, message: impl Into<String>) {
        let d = self.src.error_at(at, message);
        self.problems.push(d);
    }

    pub fn err_help(&mut self, at: usize, message: impl Into<String>, help: impl Into<String>) {
        let d = self.src.error_at(at, message).with_help(help);
        self.problems.push(d);
    }

    pub fn date(&mut self, s: &Spanned<String>, what: &str) -> Option<NaiveDate> {
        let d = crate::facts::parse_date(s.get_ref());
        if d.is_none() {
            self.err_help(
                s.span().start,
                format!("{what} `{}` is not a valid date", quote(s.get_ref())),
                "a real calendar date written \"YYYY-MM-DD\"",
            );
        }
        d
    }

    /// Source URLs: at least one, each a full URL (not a key of the dossier's list).
    pub fn sources(&mut self, list: &[Spanned<String>], what: &str, at: usize) -> Vec<String> {
        if list.is_empty() {
            self.err_help(
                at,
                format!("{what} cites no source"),
                "sources = [\"https://…\"]: the full URL of each source from the dossier",
            );
        }
        let mut out = Vec::new();
        for s in list {
            let url = s.get_ref().trim();
            if !(url.starts_with("https://") || url.starts_with("http://")) {
                self.err_help(
                    s.span().start,
                    format!("source `{}` is not a URL", quote(url)),
                    "the full URL of the source (not its key in the dossier)",
                );
            }
            out.push(url.to_string());
        }
        out
    }

    /// A condition, type-checked against the vocabulary; errors point inside the string.
    pub fn expr(&mut self, when: &Spanned<String>) -> Option<Expr> {
        if let Some(e) = self.parsed.get(when.get_ref().as_str()) {
            return Some(e.clone());
        }
        match Expr::parse(when.get_ref(), self.vocab) {
            Ok(e) => {
                self.parsed.insert(when.get_ref().clone(), e.clone());
                Some(e)
            }
            Err(ce) => {
                let span = when.span();
                let raw = &self.src.text[span.clone()];
                let quote = if raw.starts_with("\"\"\"") || raw.starts_with("'''") {
                    3
                } else {
                    1
                };
                let at = span.start + quote + ce.offset;
                self.problems.push(
                    self.src
                        .error_at(
                            at,
                            format!(
                                "in condition `{}`: {}",
                                crate::diagnostics::excerpt(when.get_ref().trim(), 120),
                                ce.message
                            ),
                        )
                        .with_help("the condition language of jurisdictions/README.md, over facts declared in vocabulary.toml"),
                );
                None
            }
        }
    }
}
