//! Autosave: after every answer, the interview is written to its recovery file (atomically,
//! readable by its owner only), so that a crash, a closed terminal or a killed process
//! loses nothing. On the next start the interview offers to resume it. A normal quit
//! removes it.
//!
//! Location: the state folder, `$XDG_STATE_HOME/qualif`, else `~/.local/state/qualif`
//! (created owner-only when the first answer is saved). Neither variable set: no recovery
//! file, and the interview says so.
//!
//! One file per interview, `recovery-ID.toml`, and while the interview runs it holds an
//! advisory lock on `recovery-ID.lock` (fs4: `flock` on Unix, `LockFileEx` on Windows; the
//! system releases it when the process ends, however it ends). So two
//! interviews of the same user, in two terminals, never write over each other's answers,
//! and an interview that is still running is never offered to another. At start every
//! recovery file whose lock nobody holds (an interrupted interview) is locked in turn and
//! offered: resume one, discard one, or keep them for later.
//!
//! A lock file is removed only by the interview that holds its lock, before letting it go;
//! whoever takes a lock checks afterwards that the file is still the one at that path
//! (its holder may have removed it in between), so a removed lock file never counts.
//! One left by a killed process is removed at the next start. The state folder is removed
//! when the interview ends and leaves it empty; so are the folders above it that this
//! interview created (`~/.local/state`, `~/.local`).

use std::collections::BTreeSet;
use std::fs::File;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::state::{App, Message, Overlay, Step};
use crate::diagnostics::SourceText;
use crate::facts::{Case, FactType, Value, Vocabulary};
use crate::law::LawBook;

/// The recovery file's format version.
const FORMAT: i64 = 1;
/// A recovery file is small; a larger one is not ours.
const MAX_BYTES: usize = 1 << 20;
/// Recovery files and their locks: `recovery-ID.toml`, `recovery-ID.lock` (and
/// `recovery.toml`, the one file of earlier versions, which is offered like the others).
const PREFIX: &str = "recovery";
const DATA: &str = ".toml";
const LOCK: &str = ".lock";

/// The state folder where interrupted interviews are kept (nothing is created here);
/// `None` when neither `XDG_STATE_HOME` (absolute) nor `HOME` is set.
pub fn default_dir() -> Option<PathBuf> {
    let state = std::env::var_os("XDG_STATE_HOME")
        .filter(|p| !p.is_empty())
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| {
            std::env::var_os("HOME")
                .filter(|p| !p.is_empty())
                .map(|h| PathBuf::from(h).join(".local/state"))
        })?;
    Some(state.join("qualif"))
}

/// A recovery file held by this interview: its lock is taken as long as this lives. When
/// dropped, the lock file is removed (still locked), then the lock let go; the recovery
/// file stays, unless [`Recovery::clear`] removed it.
#[derive(Debug)]
pub struct Slot {
    path: PathBuf,
    lock_path: PathBuf,
    _lock: File,
}

impl Slot {
    /// The recovery file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// A new recovery file in `dir`, with a name no other has, locked (the file itself is
    /// written by the first save).
    fn create(dir: &Path) -> std::io::Result<Slot> {
        let mut last = None;
        for _ in 0..8 {
            let (file, lock_path) = match tempfile::Builder::new()
                .prefix(&format!("{PREFIX}-"))
                .suffix(LOCK)
                .rand_bytes(12)
                .tempfile_in(dir)
                .and_then(|t| t.keep().map_err(|e| e.error))
            {
                Ok(f) => f,
                Err(e) => {
                    last = Some(e);
                    continue;
                }
            };
            if let Some(lock) = lock(file, &lock_path)? {
                let path = data_path(&lock_path);
                return Ok(Slot {
                    path,
                    lock_path,
                    _lock: lock,
                });
            }
            // Taken or removed in the instant between creating and locking it (an interview
            // starting then took it for a lock left by a killed one): another name.
        }
        Err(last.unwrap_or_else(|| std::io::Error::other("no free name for a recovery file")))
    }

    /// Takes the lock of an existing recovery file: `None` when another interview holds it.
    fn claim(path: &Path) -> std::io::Result<Option<Slot>> {
        let lock_path = lock_path(path);
        let mut options = std::fs::OpenOptions::new();
        options.read(true).write(true).create(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        let file = options.open(&lock_path)?;
        Ok(lock(file, &lock_path)?.map(|lock| Slot {
            path: path.to_path_buf(),
            lock_path,
            _lock: lock,
        }))
    }
}

impl Drop for Slot {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.lock_path);
    }
}

/// Locks `file`, opened at `path`: `None` when another holds the lock, or when `path` no
/// longer names that file (its holder removed it before letting the lock go).
fn lock(file: File, path: &Path) -> std::io::Result<Option<File>> {
    match fs4::FileExt::try_lock(&file) {
        Ok(()) => {}
        Err(fs4::TryLockError::WouldBlock) => return Ok(None),
        Err(fs4::TryLockError::Error(e)) => return Err(e),
    }
    Ok(same_file(&file, path).then_some(file))
}

#[cfg(unix)]
fn same_file(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), std::fs::metadata(path)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

/// Elsewhere an open file cannot be removed from under its holder.
#[cfg(not(unix))]
fn same_file(_: &File, path: &Path) -> bool {
    path.exists()
}

fn lock_path(data: &Path) -> PathBuf {
    let name = data.file_name().unwrap_or_default().to_string_lossy();
    let stem = name.strip_suffix(DATA).unwrap_or(&name);
    data.with_file_name(format!("{stem}{LOCK}"))
}

fn data_path(lock: &Path) -> PathBuf {
    let name = lock.file_name().unwrap_or_default().to_string_lossy();
    let stem = name.strip_suffix(LOCK).unwrap_or(&name);
    lock.with_file_name(format!("{stem}{DATA}"))
}

/// An interrupted interview offered at start, locked while it is offered.
#[derive(Debug)]
pub struct Offer {
    slot: Slot,
    pub interview: Recovered,
    /// When it was last saved.
    pub saved: Option<SystemTime>,
}

impl Offer {
    pub fn path(&self) -> &Path {
        self.slot.path()
    }
}

/// Where this interview keeps its answers, and the interrupted interviews it offers.
#[derive(Debug)]
pub struct Recovery {
    /// The state folder; `None`: no autosave.
    dir: Option<PathBuf>,
    /// This interview's recovery file, from the first answer saved (or the interview
    /// resumed).
    own: Option<Slot>,
    /// The interrupted interviews offered at start, most recent first.
    pub offered: Vec<Offer>,
    /// The folders this interview created, deepest first.
    created: Vec<PathBuf>,
}

impl Recovery {
    pub fn new(dir: Option<PathBuf>) -> Self {
        Recovery {
            dir,
            own: None,
            offered: Vec::new(),
            created: Vec::new(),
        }
    }

    /// The state folder, when answers are kept.
    pub fn dir(&self) -> Option<&Path> {
        self.dir.as_deref()
    }

    /// This interview's recovery file, once written.
    pub fn path(&self) -> Option<&Path> {
        self.own.as_ref().map(Slot::path)
    }

    /// Creates the state folder (owner-only), remembering which folders did not exist.
    fn create_dir(&mut self, dir: &Path) -> std::io::Result<()> {
        let mut missing: Vec<PathBuf> = dir
            .ancestors()
            .take_while(|d| !d.as_os_str().is_empty() && !d.exists())
            .map(Path::to_path_buf)
            .collect();
        create_private_dir(dir)?;
        // Deepest first; each only once (another interview may have made some meanwhile).
        missing.retain(|d| !self.created.contains(d));
        self.created.extend(missing);
        self.created
            .sort_by_key(|d| std::cmp::Reverse(d.components().count()));
        Ok(())
    }

    /// This interview's slot, made when first needed.
    fn own_slot(&mut self) -> Result<&Slot, String> {
        if self.own.is_none() {
            let dir = self.dir.clone().ok_or("no state folder")?;
            let shown = |e: std::io::Error| format!("{}: {e}", dir.display());
            // Another interview ending may remove the folder it found empty between the
            // two steps: try again.
            let mut made = Err(std::io::Error::other("not tried"));
            for _ in 0..3 {
                self.create_dir(&dir).map_err(shown)?;
                made = Slot::create(&dir);
                match &made {
                    Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
                    _ => break,
                }
            }
            self.own = Some(made.map_err(shown)?);
        }
        self.own.as_ref().ok_or_else(|| "no recovery file".into())
    }

    /// Removes this interview's recovery file (a normal end of the interview).
    pub fn clear(&mut self) -> Result<(), String> {
        let Some(own) = self.own.take() else {
            return Ok(());
        };
        remove(own.path())
    }

    /// Lets go of the interviews offered, which stay to be offered at the next start.
    pub fn keep_offered(&mut self) {
        self.offered.clear();
    }

    /// Removes the folders this interview created, when it leaves them empty (a folder
    /// that is not empty is left, and so are those above it).
    fn remove_empty_dirs(&mut self) {
        let mut dirs: Vec<PathBuf> = self.dir.iter().cloned().collect();
        for d in std::mem::take(&mut self.created) {
            if !dirs.contains(&d) {
                dirs.push(d);
            }
        }
        for d in dirs {
            if std::fs::remove_dir(&d).is_err() {
                break;
            }
        }
    }
}

impl Drop for Recovery {
    fn drop(&mut self) {
        // The locks first (their files go with them), then the folders left empty.
        self.own = None;
        self.offered.clear();
        self.remove_empty_dirs();
    }
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Saved {
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
    /// The other facts the same answer changed (a period's first date).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    with: Vec<FileStep>,
}

impl FileStep {
    fn of(s: &Step) -> FileStep {
        FileStep {
            key: s.key.clone(),
            before: s.before.as_ref().map(Value::to_toml),
            was_skipped: s.was_skipped,
            with: s.with.iter().map(FileStep::of).collect(),
        }
    }

    /// The step read back; `None` for a fact the vocabulary no longer has.
    fn read(self, vocab: &Vocabulary) -> Option<Step> {
        vocab.fact(&self.key)?;
        Some(Step {
            before: self.before.and_then(|v| from_toml(vocab, &self.key, &v)),
            key: self.key,
            was_skipped: self.was_skipped,
            with: self
                .with
                .into_iter()
                .filter_map(|s| s.read(vocab))
                .collect(),
        })
    }
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

/// Writes the interview to its recovery file (made, with the state folder, on the first
/// save).
pub fn save(app: &mut App) -> Result<(), String> {
    let text = text(app)?;
    let slot = app.recovery.own_slot()?;
    crate::io::write_atomic(slot.path(), text.as_bytes()).map_err(|e| e.to_string())
}

/// What the recovery file holds.
fn text(app: &App) -> Result<String, String> {
    let vocab = &app.book.vocabulary;
    let file = Saved {
        format: FORMAT,
        lang: app.lang_code().to_string(),
        case_path: app.case_path.as_ref().map(|p| p.display().to_string()),
        skipped: app.skipped.iter().cloned().collect(),
        case: app.case.to_toml(vocab),
        step: app.history.iter().map(FileStep::of).collect(),
    };
    Ok(format!(
        "# qualif: the answers of an interview in progress, kept in case it is interrupted.\n# Removed when you quit the interview normally.\n{}",
        toml::to_string(&file).map_err(|e| e.to_string())?
    ))
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
    let file: Saved = toml::from_str(&source.text).map_err(|e| unusable(e.message().into()))?;
    if file.format != FORMAT {
        return Err(unusable(format!("format {}", file.format)));
    }
    let vocab = &book.vocabulary;
    let case = Case::parse(&SourceText::new(shown.to_string(), file.case), vocab, today)
        .map_err(|d| unusable(d.to_string()))?;
    let history = file
        .step
        .into_iter()
        .filter_map(|s| s.read(vocab))
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

/// Offers, on the first screen, every interrupted interview of the state folder (a
/// recovery file whose lock nobody holds), most recent first, each locked while it is
/// offered; one that cannot be read is left alone, and said so. Lock files left by killed
/// interviews are removed.
pub fn offer(app: &mut App) {
    let Some(dir) = app.recovery.dir.clone() else {
        return;
    };
    // No folder yet: nothing was ever kept.
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return;
    };
    let (mut data, mut locks) = (Vec::new(), Vec::new());
    for e in entries.flatten() {
        let name = e.file_name();
        let Some(name) = name.to_str().filter(|n| n.starts_with(PREFIX)) else {
            continue;
        };
        if !e.file_type().is_ok_and(|t| t.is_file()) {
            continue;
        }
        if name.ends_with(DATA) {
            data.push(e.path());
        } else if name.ends_with(LOCK) {
            locks.push(e.path());
        }
    }
    for lock in locks {
        let file = data_path(&lock);
        if !data.contains(&file) {
            // Locked and let go at once: removed, unless an interview is running there.
            let _ = Slot::claim(&file);
        }
    }
    let mut errors = Vec::new();
    for path in data {
        match Slot::claim(&path) {
            Ok(Some(slot)) => match load(&path, app.book, app.today) {
                Ok(Some(interview)) => {
                    let saved = std::fs::metadata(&path).and_then(|m| m.modified()).ok();
                    app.recovery.offered.push(Offer {
                        slot,
                        interview,
                        saved,
                    });
                }
                Ok(None) => {}
                Err(e) => errors.push(e),
            },
            // Another interview is running there.
            Ok(None) => {}
            Err(e) => errors.push(format!(
                "the recovery file {} cannot be used ({e}); it is left as it is",
                path.display()
            )),
        }
    }
    app.recovery
        .offered
        .sort_by_key(|o| std::cmp::Reverse(o.saved));
    if !app.recovery.offered.is_empty() {
        app.overlay = Overlay::Resume { cursor: 0 };
    }
    if let Some(first) = errors.first() {
        let mut text = first.clone();
        if errors.len() > 1 {
            text.push_str(&format!(" (and {} more)", errors.len() - 1));
        }
        app.message = Some(Message::Error(text));
    }
}

/// Resumes the interview offered at `i`: its recovery file becomes this interview's. The
/// others are let go, to be offered at the next start.
pub fn take(app: &mut App, i: usize) -> Option<Recovered> {
    if i >= app.recovery.offered.len() {
        return None;
    }
    let offer = app.recovery.offered.remove(i);
    app.recovery.offered.clear();
    // Nothing can be answered while interviews are offered, so this interview has no file
    // yet; were it otherwise, that file would stay, as an interrupted interview.
    app.recovery.own = Some(offer.slot);
    Some(offer.interview)
}

/// Discards the interview offered at `i`: its recovery file is removed.
pub fn discard(app: &mut App, i: usize) -> Result<(), String> {
    if i >= app.recovery.offered.len() {
        return Ok(());
    }
    let offer = app.recovery.offered.remove(i);
    remove(offer.path())
}

/// What to say when there is nowhere to keep the answers.
pub fn nowhere(fr: bool) -> &'static str {
    msg!(static fr, "tui-recovery-no-recovery-file-neither-xdg")
}

fn remove(path: &Path) -> Result<(), String> {
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
        (FactType::Integer, toml::Value::Table(t)) => {
            Value::AtLeast(t.get("at_least")?.as_integer()?)
        }
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
