//! Reading inputs and writing outputs safely: size limits, UTF-8 checks with locations,
//! atomic owner-only writes. No network, ever.

use std::io::Write;
use std::path::Path;

use chrono::NaiveDate;

use crate::diagnostics::{Diagnostic, Error, SourceText};
use crate::facts::{Case, MAX_CASE_FILE_BYTES, Vocabulary};

/// Reads a text file, refusing files larger than `limit` bytes and invalid UTF-8 (located).
pub fn read_text(path: &Path, limit: usize) -> Result<SourceText, Diagnostic> {
    let name = path.display().to_string();
    let meta = std::fs::metadata(path).map_err(|e| {
        Diagnostic::whole_file(&name, format!("cannot read the file: {}", plain_io(&e)))
    })?;
    if meta.is_dir() {
        return Err(Diagnostic::whole_file(
            &name,
            "this is a folder, not a file",
        ));
    }
    if meta.len() > limit as u64 {
        return Err(Diagnostic::whole_file(
            &name,
            format!(
                "the file is {} bytes; at most {limit} bytes are accepted",
                meta.len()
            ),
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| {
        Diagnostic::whole_file(&name, format!("cannot read the file: {}", plain_io(&e)))
    })?;
    match String::from_utf8(bytes) {
        Ok(text) => Ok(SourceText::new(name, text)),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
            Err(SourceText::new(name, text)
                .error_at(at, "the file is not valid UTF-8")
                .with_help("a UTF-8 text file"))
        }
    }
}

fn plain_io(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

/// Loads a case file.
pub fn load_case(path: &Path, vocab: &Vocabulary, today: NaiveDate) -> Result<Case, Error> {
    let source = read_text(path, MAX_CASE_FILE_BYTES)?;
    Ok(Case::parse(&source, vocab, today)?)
}

/// Writes a file atomically with owner-only permissions: a temporary file in the same
/// folder, synced, then renamed over the target, and the folder synced. An existing file is
/// never left half-written; a process killed mid-write leaves at most a temporary file,
/// which the next write in that folder removes.
pub fn write_atomic(path: &Path, contents: &[u8]) -> Result<(), Error> {
    let mut tmp = atomic_temp(path)?;
    tmp.write_all(contents).map_err(write_error(path))?;
    commit_atomic(tmp, path)
}

/// The prefix and suffix of the temporary files of [`write_atomic`]: `.qualif-PID-….tmp`.
const TMP_PREFIX: &str = ".qualif-";
const TMP_SUFFIX: &str = ".tmp";

fn write_error(path: &Path) -> impl Fn(std::io::Error) -> Error + '_ {
    move |source| Error::Write {
        path: path.display().to_string(),
        source,
    }
}

fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// A temporary file beside `path`, readable and writable by its owner only, for an output
/// written in pieces (a batch); [`commit_atomic`] puts it in place. Temporary files that
/// killed processes left in that folder are removed first.
pub fn atomic_temp(path: &Path) -> Result<tempfile::NamedTempFile, Error> {
    let dir = folder_of(path);
    remove_stale_temporaries(dir);
    let tmp = tempfile::Builder::new()
        .prefix(&format!("{TMP_PREFIX}{}-", std::process::id()))
        .suffix(TMP_SUFFIX)
        .tempfile_in(dir)
        .map_err(write_error(path))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        tmp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(0o600))
            .map_err(write_error(path))?;
    }
    Ok(tmp)
}

/// Syncs a temporary file from [`atomic_temp`], renames it over `path` and syncs the
/// folder, so that after a crash `path` holds either the old contents or the new ones.
/// On failure the temporary file is removed.
pub fn commit_atomic(mut tmp: tempfile::NamedTempFile, path: &Path) -> Result<(), Error> {
    tmp.flush().map_err(write_error(path))?;
    tmp.as_file().sync_all().map_err(write_error(path))?;
    tmp.persist(path).map_err(|e| write_error(path)(e.error))?;
    if let Ok(d) = std::fs::File::open(folder_of(path)) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// Removes the temporary files of writers that no longer run: named with the PID of a
/// process that is gone (Linux, through /proc), or, elsewhere (or without /proc), a day
/// old. Those of a
/// process still writing are left alone.
fn remove_stale_temporaries(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let name = e.file_name();
        let Some(pid) = name
            .to_str()
            .and_then(|n| n.strip_prefix(TMP_PREFIX))
            .and_then(|n| n.strip_suffix(TMP_SUFFIX))
            .and_then(|n| n.split_once('-'))
            .and_then(|(pid, _)| pid.parse::<u32>().ok())
        else {
            continue;
        };
        if pid == std::process::id() {
            continue;
        }
        let stale = if cfg!(target_os = "linux") && Path::new("/proc/self").exists() {
            !Path::new("/proc").join(pid.to_string()).exists()
        } else {
            e.metadata()
                .and_then(|m| m.modified())
                .ok()
                .and_then(|t| t.elapsed().ok())
                .is_some_and(|age| age.as_secs() > 24 * 3600)
        };
        if stale && e.file_type().is_ok_and(|t| t.is_file()) {
            let _ = std::fs::remove_file(e.path());
        }
    }
}

/// Today's date, or `QUALIF_TODAY` (YYYY-MM-DD) when set, for reproducible runs.
pub fn today() -> NaiveDate {
    std::env::var("QUALIF_TODAY")
        .ok()
        .and_then(|s| crate::facts::parse_date(&s))
        .unwrap_or_else(|| chrono::Local::now().date_naive())
}
