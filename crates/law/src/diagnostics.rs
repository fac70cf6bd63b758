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
        // Every part through `printable`: a file name, or a message quoting what a library
        // said about the file, may hold control characters that no quoting path escaped.
        write!(
            f,
            "{}:{}:{}: {}",
            escape(&self.file),
            self.line,
            self.column,
            printable(&self.message)
        )?;
        if let Some(help) = &self.help {
            write!(f, "\n  accepted: {}", printable(help))?;
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
    #[error("{}", printable(.0))]
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
    render(ds)
}

/// The most problems printed in one run; the others are counted (a data file with 20,000
/// overlapping versions gave 4.4 MB of messages).
pub const MAX_MESSAGES: usize = 50;

/// Problems as printed, one `error: …` each: at most [`MAX_MESSAGES`], then how many more
/// there are (`… and 19950 more problems`).
pub fn render(ds: &[Diagnostic]) -> String {
    let mut out: Vec<String> = ds
        .iter()
        .take(MAX_MESSAGES)
        .map(|d| format!("error: {d}"))
        .collect();
    if ds.len() > MAX_MESSAGES {
        let more = ds.len() - MAX_MESSAGES;
        out.push(format!(
            "… and {more} more problem{}",
            if more == 1 { "" } else { "s" }
        ));
    }
    out.join("\n")
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// A text from the user's input quoted in a message: cut to its first `max_chars`
/// characters (with `…` and the full length), so that a hostile input cannot turn one
/// message into megabytes, and with every control and bidirectional-formatting character
/// escaped ([`escape`]), so that it cannot clear the terminal, set its title or forge a line.
/// Every path that quotes user text goes through here.
pub fn excerpt(text: &str, max_chars: usize) -> String {
    match text.char_indices().nth(max_chars) {
        None => escape(text).into_owned(),
        Some((cut, _)) => format!(
            "{}… ({} characters in all)",
            escape(&text[..cut]),
            text.chars().count()
        ),
    }
}

/// A text quoted in a message, at the usual length: [`excerpt`] of 60 characters.
pub fn quote(text: &str) -> String {
    excerpt(text, 60)
}

/// Whether a character must not reach a terminal as it is: a control character (C0,
/// DEL, C1: escape sequences, a line break that would forge a message line) or a
/// bidirectional formatting character (embeddings, overrides, isolates and marks, which
/// reorder what follows them on screen).
pub fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}'
        )
}

/// `text` with each character of [`is_unsafe`] written as an escape: `\u{1b}`, `\u{202e}`.
pub fn escape(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if is_unsafe(c) {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// The longest message printed, in characters: far beyond any message the program writes
/// (a few hundred), a bound for a path that would quote a value without [`excerpt`].
pub const MAX_MESSAGE_CHARS: usize = 4_000;

/// A message as printed: escaped ([`escape`]) and, beyond [`MAX_MESSAGE_CHARS`], cut.
pub fn printable(message: &str) -> String {
    excerpt(message, MAX_MESSAGE_CHARS)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_text_is_escaped_and_cut() {
        assert_eq!(
            excerpt("a\u{1b}[2Jb\n\u{202e}c", 60),
            "a\\u{1b}[2Jb\\u{a}\\u{202e}c"
        );
        // Cut first (the count is of the text given), then escaped.
        let long = format!("{}\u{7}", "x".repeat(70));
        assert_eq!(
            excerpt(&long, 60),
            format!("{}… (71 characters in all)", "x".repeat(60))
        );
        assert_eq!(excerpt("\u{7}é", 1), "\\u{7}… (2 characters in all)");
        let unsafe_ones = [
            '\u{0}', '\u{1f}', '\u{7f}', '\u{80}', '\u{9b}', '\u{9f}', '\u{61c}', '\u{200e}',
            '\u{200f}', '\u{202a}', '\u{202e}', '\u{2066}', '\u{2069}',
        ];
        for c in unsafe_ones {
            assert!(is_unsafe(c), "{c:?}");
            assert!(!excerpt(&format!("a{c}b"), 60).contains(c), "{c:?}");
        }
        for c in ['é', ' ', '\\', '\u{a0}', '\u{200d}', '\u{2070}', 'ي'] {
            assert!(!is_unsafe(c), "{c:?}");
        }
        assert!(matches!(escape("plain"), std::borrow::Cow::Borrowed(_)));
    }

    #[test]
    fn at_most_so_many_problems_are_printed() {
        let d = |i: usize| Diagnostic::whole_file(format!("f{i}"), "bad");
        let few: Vec<Diagnostic> = (0..MAX_MESSAGES).map(d).collect();
        assert_eq!(render(&few).lines().count(), MAX_MESSAGES);
        let many: Vec<Diagnostic> = (0..MAX_MESSAGES + 3).map(d).collect();
        let out = render(&many);
        assert_eq!(out.lines().count(), MAX_MESSAGES + 1);
        assert!(out.ends_with("\n… and 3 more problems"), "{out}");
        let one_more: Vec<Diagnostic> = (0..MAX_MESSAGES + 1).map(d).collect();
        assert!(render(&one_more).ends_with("… and 1 more problem"));
        // A message that quoted a value without cutting it is cut when printed.
        let huge = Diagnostic::whole_file("f", "x".repeat(10 * MAX_MESSAGE_CHARS));
        assert!(huge.to_string().len() < MAX_MESSAGE_CHARS + 100);
    }
}
