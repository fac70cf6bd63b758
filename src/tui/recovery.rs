//! Autosave: after every answer, the interview is written to a recovery file (atomically,
//! readable by its owner only), so that a crash, a closed terminal or a killed process
//! loses nothing. On the next start the interview offers to resume it. A normal quit
//! removes it.
//!
//! Location: `$QUALIF_RECOVERY_FILE`, else `$XDG_STATE_HOME/qualif/recovery.toml`, else
//! `~/.local/state/qualif/recovery.toml`.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::state::{App, Step};
use crate::diagnostics::SourceText;
use crate::facts::{Case, FactType, Value, Vocabulary};
use crate::law::LawBook;

/// The recovery file's format version.
const FORMAT: i64 = 1;
/// A recovery file is small; a larger one is not ours.
const MAX_BYTES: usize = 1 << 20;

/// Where the recovery file lives (no file is created here).
pub fn default_path() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("QUALIF_RECOVERY_FILE").filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(p));
    }
    let state = std::env::var_os("XDG_STATE_HOME")
        .filter(|p| !p.is_empty())
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| {
            std::env::var_os("HOME")
                .filter(|p| !p.is_empty())
                .map(|h| PathBuf::from(h).join(".local/state"))
        })?;
    Some(state.join("qualif").join("recovery.toml"))
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    format: i64,
    lang: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    case_path: Option<String>,
    #[serde(default)]
    skipped: Vec<String>,
    /// The case, in the case-file format.
    case: String,
    #[serde(default)]
    step: Vec<FileStep>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileStep {
    key: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    before: Option<toml::Value>,
    #[serde(default)]
    was_skipped: bool,
}

/// An interrupted interview, read back.
#[derive(Debug, Clone, PartialEq)]
pub struct Recovered {
    pub case: Case,
    pub case_path: Option<PathBuf>,
    pub lang: String,
    pub skipped: BTreeSet<String>,
    pub history: Vec<Step>,
}

/// Writes the interview to the recovery file.
pub fn save(app: &App, path: &Path) -> Result<(), String> {
    let vocab = &app.book.vocabulary;
    let file = File {
        format: FORMAT,
        lang: app.lang_code().to_string(),
        case_path: app.case_path.as_ref().map(|p| p.display().to_string()),
        skipped: app.skipped.iter().cloned().collect(),
        case: app.case.to_toml(vocab),
        step: app
            .history
            .iter()
            .map(|s| FileStep {
                key: s.key.clone(),
                before: s.before.as_ref().map(Value::to_toml),
                was_skipped: s.was_skipped,
            })
            .collect(),
    };
    let text = format!(
        "# qualif: the answers of an interview in progress, kept in case it is interrupted.\n# Removed when you quit the interview normally.\n{}",
        toml::to_string(&file).map_err(|e| e.to_string())?
    );
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        create_private_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    crate::io::write_atomic(path, text.as_bytes()).map_err(|e| e.to_string())
}

fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    let mut b = std::fs::DirBuilder::new();
    b.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        b.mode(0o700);
    }
    b.create(dir)
}

/// Reads the recovery file: `Ok(None)` when there is none.
pub fn load(path: &Path, book: &LawBook, today: NaiveDate) -> Result<Option<Recovered>, String> {
    if !path.exists() {
        return Ok(None);
    }
    let shown = path.display();
    let unusable = |why: String| {
        format!("the recovery file {shown} cannot be used ({why}); it is left as it is")
    };
    let source = crate::io::read_text(path, MAX_BYTES).map_err(|d| unusable(d.message))?;
    let file: File = toml::from_str(&source.text).map_err(|e| unusable(e.message().into()))?;
    if file.format != FORMAT {
        return Err(unusable(format!("format {}", file.format)));
    }
    let vocab = &book.vocabulary;
    let case = Case::parse(&SourceText::new(shown.to_string(), file.case), vocab, today)
        .map_err(|d| unusable(d.to_string()))?;
    let history = file
        .step
        .into_iter()
        .filter(|s| vocab.fact(&s.key).is_some())
        .map(|s| Step {
            before: s.before.and_then(|v| from_toml(vocab, &s.key, &v)),
            key: s.key,
            was_skipped: s.was_skipped,
        })
        .collect();
    Ok(Some(Recovered {
        case,
        case_path: file.case_path.map(PathBuf::from),
        lang: file.lang,
        skipped: file
            .skipped
            .into_iter()
            .filter(|k| vocab.fact(k).is_some())
            .collect(),
        history,
    }))
}

/// When the recovery file holds an interrupted interview, the first screen offers to
/// resume it; an unreadable one is left alone, and said so.
pub fn offer(app: &mut App) {
    let Some(path) = app.recovery_path.clone() else {
        return;
    };
    match load(&path, app.book, app.today) {
        Ok(Some(r)) => app.overlay = super::state::Overlay::Resume(Box::new(r)),
        Ok(None) => {}
        Err(e) => app.message = Some(super::state::Message::Error(e)),
    }
}

/// Removes the recovery file (a normal end of the interview).
pub fn clear(path: &Path) -> Result<(), String> {
    match std::fs::remove_file(path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(format!("{}: {e}", path.display())),
    }
}

/// A value written by [`Value::to_toml`], read back for a fact of the vocabulary.
fn from_toml(vocab: &Vocabulary, key: &str, v: &toml::Value) -> Option<Value> {
    let def = vocab.fact(key)?;
    Some(match (def.ty, v) {
        (FactType::Bool, toml::Value::Boolean(b)) => Value::Bool(*b),
        (FactType::Integer, toml::Value::Integer(i)) => Value::Int(*i),
        (FactType::Number, toml::Value::Float(f)) => Value::Number(*f),
        (FactType::Number, toml::Value::Integer(i)) => Value::Number(*i as f64),
        (FactType::Date, toml::Value::String(s)) => Value::Date(crate::facts::parse_date(s)?),
        (FactType::Countries | FactType::EnumList, toml::Value::Array(items)) => Value::List(
            items
                .iter()
                .map(|i| i.as_str().map(str::to_string))
                .collect::<Option<Vec<_>>>()?,
        ),
        (_, toml::Value::String(s)) => Value::Str(s.clone()),
        _ => return None,
    })
}
