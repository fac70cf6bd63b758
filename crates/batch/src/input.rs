//! Opening a batch's input: a regular file or standard input, and its format.

use super::*;

/// An input of [`run`]: a regular file, or standard input (`-`).
pub enum Input {
    File(std::fs::File),
    Stdin(std::io::Stdin),
}

impl Read for Input {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        match self {
            Input::File(f) => f.read(buf),
            Input::Stdin(s) => s.read(buf),
        }
    }
}

/// Whether `path` names standard input (`-`).
pub fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// The input as messages name it: its path, or `standard input` for `-`.
pub fn input_name(path: &Path) -> String {
    if is_stdin(path) {
        "standard input".into()
    } else {
        path.display().to_string()
    }
}

/// Opens an input for [`run`]: its format (from `format` or the extension) and size (0 for
/// standard input, whose size is not known).
///
/// A file must be a regular file ([`qualif_law::io::open_regular`]): a device such as
/// `/dev/zero` never ends, and a named pipe would block the open until a writer comes.
/// Standard input (`-`, the format then given with `format`) may be a pipe: the records are
/// read as they come, each bounded ([`MAX_CASE_FILE_BYTES`]) as a file's are.
pub fn open_input(path: &Path, format: Option<InputFormat>) -> Result<(Input, InputFormat, u64)> {
    let shown = input_name(path);
    if is_stdin(path) {
        let format = format.ok_or_else(|| {
            Error::Usage(format!(
                "{shown}: give its format with --input-format jsonl|csv"
            ))
        })?;
        return Ok((Input::Stdin(std::io::stdin()), format, 0));
    }
    let format = format.or_else(|| InputFormat::of_path(path)).ok_or_else(|| {
        Error::Usage(format!(
            "{shown}: cannot tell the format from the file name; name it .jsonl or .csv, or give --input-format jsonl|csv"
        ))
    })?;
    let (file, meta) = qualif_law::io::open_regular(path)?;
    Ok((Input::File(file), format, meta.len()))
}
