//! User-facing errors: one sentence, located at `file:line:column`, with what is accepted.

use std::fmt;

/// A source text with its display name, able to turn byte offsets into line and column.
#[derive(Debug, Clone)]
pub struct SourceText {
    pub name: String,
    pub text: String,
    /// Byte offsets where lines start, computed on the first located message: a file with
    /// thousands of problems is then located in linear time, not quadratic.
    line_starts: std::sync::OnceLock<Vec<usize>>,
    /// For a built-in file, its values parsed at build time (see [`crate::preparsed`]).
    pub preparsed: Option<&'static [u8]>,
}

impl SourceText {
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            text: text.into(),
            line_starts: std::sync::OnceLock::new(),
            preparsed: None,
        }
    }

    /// A built-in file, with its values parsed at build time when it has them.
    pub fn builtin(name: &str, text: &str, preparsed: Option<&'static [u8]>) -> Self {
        Self {
            preparsed,
            ..Self::new(name, text)
        }
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let starts = self.line_starts.get_or_init(|| {
            std::iter::once(0)
                .chain(
                    self.text
                        .bytes()
                        .enumerate()
                        .filter(|&(_, b)| b == b'\n')
                        .map(|(i, _)| i + 1),
                )
                .collect()
        });
        // The last line start at or before the offset.
        let line = starts.partition_point(|&s| s <= offset);
        let line_start = starts[line - 1];
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

/// A text quoted in a message, cut to its first `max_chars` characters (with `…` and the
/// full length) so that a hostile input cannot turn one message into megabytes.
pub fn excerpt(text: &str, max_chars: usize) -> String {
    match text.char_indices().nth(max_chars) {
        None => text.to_string(),
        Some((cut, _)) => format!(
            "{}… ({} characters in all)",
            &text[..cut],
            text.chars().count()
        ),
    }
}

/// Converts a TOML parse error into a located diagnostic.
pub fn toml_error(source: &SourceText, err: &toml::de::Error) -> Diagnostic {
    let span = err.span();
    let offset = span.as_ref().map(|s| s.start).unwrap_or(0);
    let raw = err.message().trim().replace('\n', " ");
    // The text the parser points at (a key, for a duplicate), quoted briefly.
    let pointed = span
        .and_then(|s| source.text.get(s))
        .map(|t| excerpt(t.trim(), 40))
        .filter(|t| !t.is_empty() && !t.contains('\n'));
    let (message, help) = if raw.contains("recurs") {
        (
            "tables or lists are nested too deeply".to_string(),
            Some("sections of keys and values; a list holds plain values"),
        )
    } else if raw == "duplicate key" {
        (
            match pointed {
                Some(key) => format!("duplicate key `{key}`"),
                None => raw,
            },
            Some("each key at most once in a table, and each [section] at most once in the file"),
        )
    } else if raw.starts_with("invalid boolean") || raw.starts_with("string values must be quoted")
    {
        (
            raw,
            Some("a value after `=`: text in quotes (\"FR\"), true or false, a number, or a date"),
        )
    } else if raw.contains("non-double-quote visible characters") {
        (
            raw,
            Some(
                "text without control characters (a NUL, a bell…); write them as escapes such as \\u0000",
            ),
        )
    } else {
        (raw, None)
    };
    let d = source.error_at(offset, message);
    match help {
        Some(h) => d.with_help(h),
        None => d,
    }
}
