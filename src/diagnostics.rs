//! User-facing errors: one sentence, located at `file:line:column`, with what is accepted.

use std::fmt;

/// A source text with its display name, able to turn byte offsets into line and column.
#[derive(Debug, Clone)]
pub struct SourceText {
    pub name: String,
    pub text: String,
}

impl SourceText {
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            text: text.into(),
        }
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let mut line = 1;
        let mut line_start = 0;
        for (i, b) in self.text.as_bytes()[..offset].iter().enumerate() {
            if *b == b'\n' {
                line += 1;
                line_start = i + 1;
            }
        }
        let column = self
            .text
            .get(line_start..offset)
            .map(|s| s.chars().count())
            .unwrap_or(offset - line_start)
            + 1;
        (line, column)
    }

    /// A diagnostic located at a byte offset of this text.
    pub fn error_at(&self, offset: usize, message: impl Into<String>) -> Diagnostic {
        let (line, column) = self.line_col(offset);
        Diagnostic {
            file: self.name.clone(),
            line,
            column,
            message: message.into(),
            help: None,
        }
    }
}

/// One located problem in an input file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
    /// What is accepted, or how to fix it.
    pub help: Option<String>,
}

impl Diagnostic {
    /// A problem with a whole file (unreadable, too large): located at its start.
    pub fn whole_file(file: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            file: file.into(),
            line: 1,
            column: 1,
            message: message.into(),
            help: None,
        }
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file, self.line, self.column, self.message
        )?;
        if let Some(help) = &self.help {
            write!(f, "\n  accepted: {help}")?;
        }
        Ok(())
    }
}

/// Every error the library reports.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Bad input: a case file or a data file that cannot be used (exit code 2).
    #[error("{}", join_diagnostics(.0))]
    Input(Vec<Diagnostic>),
    /// A request that names something that does not exist (exit code 2).
    #[error("{0}")]
    Usage(String),
    /// Writing an output failed (exit code 2: nothing was left half-written).
    #[error("cannot write {path}: {source}")]
    Write {
        path: String,
        source: std::io::Error,
    },
}

impl From<Diagnostic> for Error {
    fn from(d: Diagnostic) -> Self {
        Error::Input(vec![d])
    }
}

fn join_diagnostics(ds: &[Diagnostic]) -> String {
    ds.iter()
        .map(|d| format!("error: {d}"))
        .collect::<Vec<_>>()
        .join("\n")
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Converts a TOML parse error into a located diagnostic.
pub fn toml_error(source: &SourceText, err: &toml::de::Error) -> Diagnostic {
    let offset = err.span().map(|s| s.start).unwrap_or(0);
    let message = err.message().trim().replace('\n', " ");
    source.error_at(offset, message)
}
