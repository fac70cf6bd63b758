//! Reading inputs and writing outputs safely: size limits, UTF-8 checks with locations,
//! atomic owner-only writes. No network, ever.

use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::diagnostics::{Diagnostic, Error, SourceText};
use crate::facts::{Case, MAX_CASE_FILE_BYTES, Vocabulary};

/// Reads a text file: a regular file (see [`open_regular`]) of at most `limit` bytes, in
/// UTF-8 (an invalid byte is located).
pub fn read_text(path: &Path, limit: usize) -> Result<SourceText, Diagnostic> {
    let name = path.display().to_string();
    match read_bounded(path, limit)? {
        Ok(bytes) => text_of(name, bytes),
        Err(size) => Err(Diagnostic::whole_file(
            &name,
            format!("{}; at most {limit} bytes are accepted", size.describe()),
        )),
    }
}

/// The size of a file found too large: exact when the file system gives it, else only that
/// more bytes than the limit were read (a file that grew, or one that reports no size).
#[derive(Debug, Clone, Copy)]
pub enum TooLarge {
    Bytes(u64),
    MoreThan(usize),
}

impl TooLarge {
    /// "the file is 1048577 bytes", "the file is more than 1048576 bytes".
    pub fn describe(self) -> String {
        match self {
            TooLarge::Bytes(n) => format!("the file is {n} bytes"),
            TooLarge::MoreThan(n) => format!("the file is more than {n} bytes"),
        }
    }
}

/// The one way every input file is read: opened as a regular file ([`open_regular`]), then
/// at most `limit + 1` bytes read, so that the limit holds on the bytes actually there, not
/// on the size the file system reports (a device or a file in /proc reports none).
/// `Ok(Err(size))` for a file larger than `limit`; `Err` for a file that cannot be read.
pub fn read_bounded(path: &Path, limit: usize) -> Result<Result<Vec<u8>, TooLarge>, Diagnostic> {
    use std::io::Read;
    let name = path.display().to_string();
    let (file, meta) = open_regular(path)?;
    if meta.len() > limit as u64 {
        return Ok(Err(TooLarge::Bytes(meta.len())));
    }
    let mut bytes = Vec::with_capacity((meta.len() as usize).min(limit) + 1);
    file.take(limit as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| cannot_read(&name, &e))?;
    if bytes.len() > limit {
        return Ok(Err(TooLarge::MoreThan(limit)));
    }
    Ok(Ok(bytes))
}

/// The bytes of a file as text, refusing invalid UTF-8 (located at the first bad byte).
pub fn text_of(name: String, bytes: Vec<u8>) -> Result<SourceText, Diagnostic> {
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

/// Opens `path` for reading where a regular file is expected (a case file, a data file, a
/// batch input), with its metadata. A folder, a device (`/dev/zero` never ends), a named
/// pipe (reading it waits for a writer, maybe forever), a socket are refused. The type is
/// checked before opening, and again on what was opened (the path may have changed in
/// between); on Linux the file is opened without blocking, so that even a named pipe put
/// there meanwhile cannot hold the open.
pub fn open_regular(path: &Path) -> Result<(std::fs::File, std::fs::Metadata), Diagnostic> {
    let name = path.display().to_string();
    let before = std::fs::metadata(path).map_err(|e| cannot_read(&name, &e))?;
    check_regular(&name, &before)?;
    let file = open_without_blocking(path).map_err(|e| cannot_read(&name, &e))?;
    let meta = file.metadata().map_err(|e| cannot_read(&name, &e))?;
    check_regular(&name, &meta)?;
    Ok((file, meta))
}

#[cfg(target_os = "linux")]
fn open_without_blocking(path: &Path) -> std::io::Result<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
}

#[cfg(not(target_os = "linux"))]
fn open_without_blocking(path: &Path) -> std::io::Result<std::fs::File> {
    std::fs::File::open(path)
}

/// Refuses anything but a regular file, naming what it is.
fn check_regular(name: &str, meta: &std::fs::Metadata) -> Result<(), Diagnostic> {
    let ft = meta.file_type();
    if ft.is_file() {
        return Ok(());
    }
    if ft.is_dir() {
        return Err(
            Diagnostic::whole_file(name, "this is a folder, not a file").with_help(REGULAR_FILE)
        );
    }
    Err(
        Diagnostic::whole_file(name, format!("not a regular file: {}", special_kind(&ft)))
            .with_help(REGULAR_FILE),
    )
}

/// What a file that is neither a regular file nor a folder is.
#[cfg(unix)]
fn special_kind(ft: &std::fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if ft.is_fifo() {
        "a named pipe (FIFO), which would wait for a writer"
    } else if ft.is_char_device() {
        "a character device (such as /dev/zero or a terminal)"
    } else if ft.is_block_device() {
        "a block device (a disk)"
    } else if ft.is_socket() {
        "a socket"
    } else {
        "a special file"
    }
}

#[cfg(not(unix))]
fn special_kind(_: &std::fs::FileType) -> &'static str {
    "a special file"
}

/// What is accepted where a file is read.
const REGULAR_FILE: &str = "a regular text file";

fn cannot_read(name: &str, e: &std::io::Error) -> Diagnostic {
    Diagnostic::whole_file(name, format!("cannot read the file: {}", plain_io(e)))
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

/// Writes a file atomically with owner-only permissions (see [`OutputFile`]).
pub fn write_atomic(path: &Path, contents: &[u8]) -> Result<(), Error> {
    let mut out = OutputFile::create(path)?;
    out.write_all(contents).map_err(write_error(path))?;
    out.commit()
}

/// What standard output is called in messages.
pub const STDOUT: &str = "standard output";

/// Writes `bytes` to standard output and flushes it: every command's printed result goes
/// through here (the crate denies `print!` and `println!`, which panic on a failed write).
///
/// A failed or short write (a full disk, `> /dev/full`, a file-size limit) is an error
/// that names standard output: the command then exits with code 2 rather than 0 with a
/// truncated result. A reader that stopped listening (`| head`: a broken pipe) is not an
/// error: the result is `Ok(false)`, and the command ends quietly.
pub fn to_stdout(bytes: &[u8]) -> Result<bool, Error> {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(false),
        Err(source) => Err(Error::Write {
            path: STDOUT.into(),
            source,
        }),
    }
}

/// Writes one line to standard error: a message to the user (an error, a rejected batch
/// record). Never panics (`eprintln!` does when standard error is closed, `2>&1 | head`)
/// and ignores a failed write: there is nowhere left to report it, and the exit code
/// still says what happened. Returns whether the line was written.
pub fn to_stderr(line: &str) -> bool {
    let mut err = std::io::stderr().lock();
    err.write_all(line.as_bytes())
        .and_then(|()| {
            if line.ends_with('\n') {
                Ok(())
            } else {
                err.write_all(b"\n")
            }
        })
        .and_then(|()| err.flush())
        .is_ok()
}

/// Refuses to write `output` when it is the file `input` under any name (`CASE`,
/// `./CASE`, a symbolic or hard link to it), or, when neither exists yet, the same path
/// once folders and links are resolved: writing would replace what is being read. Called
/// before anything is written; `what` says what the output is (`-o`, `--aggregates`) and
/// `of` what the input is, in the message.
///
/// An existing output that is not a regular file (`/dev/null`, a terminal) is written in
/// place (see [`OutputFile`]) and destroys nothing: it is never refused.
pub fn refuse_same_file(output: &Path, what: &str, input: &Path, of: &str) -> Result<(), Error> {
    let same = match (file_id(output), file_id(input)) {
        (Some(a), Some(b)) => a == b,
        _ => false,
    };
    if !same {
        return Ok(());
    }
    Err(Error::Usage(format!(
        "{what} {} is the same file as {of} {}: choose another file for {what} (nothing was written)",
        output.display(),
        input.display()
    )))
}

/// What a path names, for [`refuse_same_file`]: an existing regular file by its device
/// and inode (through every link), a path that does not exist yet by the place it would
/// be created (its folder resolved, or where a dangling link points); `None` for anything
/// else.
#[derive(PartialEq, Eq)]
enum FileId {
    #[cfg(unix)]
    Inode(u64, u64),
    Path(PathBuf),
}

fn file_id(path: &Path) -> Option<FileId> {
    match std::fs::metadata(path) {
        Ok(meta) if !meta.is_file() => None,
        #[cfg(unix)]
        Ok(meta) => {
            use std::os::unix::fs::MetadataExt;
            Some(FileId::Inode(meta.dev(), meta.ino()))
        }
        #[cfg(not(unix))]
        Ok(_) => std::fs::canonicalize(path).ok().map(FileId::Path),
        Err(_) => {
            let target = match std::fs::symlink_metadata(path) {
                Ok(m) if m.file_type().is_symlink() => link_target(path).ok()?,
                _ => path.to_path_buf(),
            };
            let folder = std::fs::canonicalize(folder_of(&target)).ok()?;
            Some(FileId::Path(folder.join(target.file_name()?)))
        }
    }
}

/// The prefix and suffix of the temporary files of [`OutputFile`]: `.qualif-PID-….tmp`.
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

/// An output named by the user (`-o FILE`, a saved case, a report), written in pieces and
/// put in place by [`OutputFile::commit`].
///
/// A regular file (new or existing) is written atomically with owner-only permissions: a
/// temporary file in the same folder, synced, renamed over the target, and the folder
/// synced. An existing file is never left half-written; a process killed mid-write leaves at
/// most a temporary file, which the next write in that folder removes. A symbolic link is
/// followed: the file it points to is replaced, and the link stays.
///
/// Anything else that already exists — `/dev/null`, a terminal, a named pipe — is written
/// in place. Renaming a file over it would replace the device itself (running as root,
/// `-o /dev/null` would turn `/dev/null` into an ordinary file for the whole machine).
pub struct OutputFile {
    shown: PathBuf,
    target: Target,
}

enum Target {
    Atomic {
        tmp: tempfile::NamedTempFile,
        destination: PathBuf,
        /// Bytes written, and where the disk was last asked to write them out (see
        /// [`SYNC_EVERY`]).
        written: u64,
        flushed: u64,
    },
    InPlace(std::fs::File),
}

/// A large output (the results of a batch run reach hundreds of megabytes) is handed to the
/// disk every so many bytes while it is written, without waiting (Linux's
/// `sync_file_range`), so that the sync before the rename has only the last part left: the
/// disk works while the program still computes, instead of after (a sync of 700 MB at the
/// end took 0.4 s). Elsewhere the final sync does it all, as before.
const SYNC_EVERY: u64 = 16 << 20;

impl OutputFile {
    /// Opens `path` for writing as described on [`OutputFile`].
    pub fn create(path: &Path) -> Result<Self, Error> {
        let shown = path.to_path_buf();
        let target = match std::fs::metadata(path) {
            Ok(meta) if !meta.is_file() && !meta.is_dir() => Target::InPlace(
                std::fs::OpenOptions::new()
                    .write(true)
                    .open(path)
                    .map_err(write_error(path))?,
            ),
            _ => {
                // A link to a regular file: write beside the file it names, not the link.
                let destination = match std::fs::symlink_metadata(path) {
                    Ok(m) if m.file_type().is_symlink() => link_target(path)?,
                    _ => path.to_path_buf(),
                };
                Target::Atomic {
                    tmp: atomic_temp(&destination).map_err(write_error(path))?,
                    destination,
                    written: 0,
                    flushed: 0,
                }
            }
        };
        Ok(Self { shown, target })
    }

    /// Puts the output in place: syncs the temporary file, renames it over the target and
    /// syncs the folder, so that after a crash the target holds either the old contents or
    /// the new ones. On failure the temporary file is removed. An output written in place
    /// is flushed.
    pub fn commit(self) -> Result<(), Error> {
        let err = write_error(&self.shown);
        match self.target {
            Target::InPlace(mut f) => f.flush().map_err(err),
            Target::Atomic {
                mut tmp,
                destination,
                ..
            } => {
                tmp.flush().map_err(&err)?;
                tmp.as_file().sync_all().map_err(&err)?;
                tmp.persist(&destination).map_err(|e| err(e.error))?;
                if let Ok(d) = std::fs::File::open(folder_of(&destination)) {
                    let _ = d.sync_all();
                }
                Ok(())
            }
        }
    }
}

/// Where a symbolic link leads: the file it names, resolved through every link, or, when
/// that file does not exist yet, the path the link names (relative to the link's folder).
fn link_target(link: &Path) -> Result<PathBuf, Error> {
    if let Ok(resolved) = std::fs::canonicalize(link) {
        return Ok(resolved);
    }
    let named = std::fs::read_link(link).map_err(write_error(link))?;
    Ok(if named.is_absolute() {
        named
    } else {
        folder_of(link).join(named)
    })
}

impl Write for OutputFile {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match &mut self.target {
            Target::Atomic {
                tmp,
                written,
                flushed,
                ..
            } => {
                let n = tmp.write(buf)?;
                *written += n as u64;
                start_writing_out(tmp.as_file(), *written, flushed);
                Ok(n)
            }
            Target::InPlace(f) => f.write(buf),
        }
    }

    fn write_all(&mut self, buf: &[u8]) -> std::io::Result<()> {
        match &mut self.target {
            Target::Atomic {
                tmp,
                written,
                flushed,
                ..
            } => {
                tmp.write_all(buf)?;
                *written += buf.len() as u64;
                start_writing_out(tmp.as_file(), *written, flushed);
                Ok(())
            }
            Target::InPlace(f) => f.write_all(buf),
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        match &mut self.target {
            Target::Atomic { tmp, .. } => tmp.flush(),
            Target::InPlace(f) => f.flush(),
        }
    }
}

/// Once [`SYNC_EVERY`] bytes have come since `flushed`, asks the disk to start writing
/// them out, without waiting for it. Only a hint: the sync before the rename is what makes
/// the file durable, so a failure here is left for that sync to report.
#[cfg(target_os = "linux")]
fn start_writing_out(file: &std::fs::File, written: u64, flushed: &mut u64) {
    use std::os::fd::AsRawFd;
    if written - *flushed < SYNC_EVERY {
        return;
    }
    let (Ok(offset), Ok(len)) = (i64::try_from(*flushed), i64::try_from(written - *flushed)) else {
        return;
    };
    // SAFETY: a plain system call on an open descriptor of `file`, which outlives it; it
    // reads and writes no memory of this process.
    unsafe {
        libc::sync_file_range(file.as_raw_fd(), offset, len, libc::SYNC_FILE_RANGE_WRITE);
    }
    *flushed = written;
}

#[cfg(not(target_os = "linux"))]
fn start_writing_out(_: &std::fs::File, _: u64, _: &mut u64) {}

/// A temporary file beside `path`, readable and writable by its owner only. Temporary
/// files that killed processes left in that folder are removed first.
fn atomic_temp(path: &Path) -> std::io::Result<tempfile::NamedTempFile> {
    let dir = folder_of(path);
    remove_stale_temporaries(dir);
    let tmp = tempfile::Builder::new()
        .prefix(&format!("{TMP_PREFIX}{}-", std::process::id()))
        .suffix(TMP_SUFFIX)
        .tempfile_in(dir)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        tmp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(0o600))?;
    }
    Ok(tmp)
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
