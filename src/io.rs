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
/// folder, synced, then renamed over the target. An existing file is never left
/// half-written.
pub fn write_atomic(path: &Path, contents: &[u8]) -> Result<(), Error> {
    let shown = path.display().to_string();
    let err = |source: std::io::Error| Error::Write {
        path: shown.clone(),
        source,
    };
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(".qualif-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(err)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        tmp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(0o600))
            .map_err(err)?;
    }
    tmp.write_all(contents).map_err(err)?;
    tmp.as_file().sync_all().map_err(err)?;
    tmp.persist(path).map_err(|e| err(e.error))?;
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// Today's date, or `QUALIF_TODAY` (YYYY-MM-DD) when set, for reproducible runs.
pub fn today() -> NaiveDate {
    std::env::var("QUALIF_TODAY")
        .ok()
        .and_then(|s| crate::facts::parse_date(&s))
        .unwrap_or_else(|| chrono::Local::now().date_naive())
}
