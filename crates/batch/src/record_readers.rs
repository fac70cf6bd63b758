//! The reader thread: JSON Lines or CSV records sent in chunks.

use super::*;

/// Stage 1 for JSON Lines: one record per non-blank line, at most [`MAX_CASE_FILE_BYTES`]
/// each (a longer line is rejected without being held in memory).
pub(super) fn read_jsonl(input: impl Read, tx: &SyncSender<std::io::Result<Chunk>>) {
    let mut reader = BufReader::with_capacity(1 << 16, input);
    let mut items = Vec::with_capacity(CHUNK);
    let mut line_no = 0u64;
    let mut bytes = 0u64;
    let mut buf = Vec::new();
    loop {
        buf.clear();
        let (n, too_long) = match read_line_bounded(&mut reader, &mut buf, MAX_CASE_FILE_BYTES) {
            Ok(r) => r,
            Err(e) => {
                let _ = tx.send(Err(e));
                return;
            }
        };
        if n == 0 {
            break;
        }
        bytes += n as u64;
        line_no += 1;
        let raw = if too_long {
            Raw::Bad(Rejection::whole_line(
                line_no,
                format!(
                    "the line is longer than {MAX_CASE_FILE_BYTES} bytes, the most a case may hold"
                ),
            ))
        } else {
            while buf.last().is_some_and(|b| *b == b'\n' || *b == b'\r') {
                buf.pop();
            }
            // A byte-order mark at the start of the file (as some Windows tools write) is
            // not part of the first record.
            if line_no == 1 && buf.starts_with(b"\xEF\xBB\xBF") {
                buf.drain(..3);
            }
            if buf.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            match String::from_utf8(std::mem::take(&mut buf)) {
                Ok(s) => Raw::Json(s),
                Err(e) => {
                    let at = e.utf8_error().valid_up_to();
                    let column = String::from_utf8_lossy(&e.as_bytes()[..at]).chars().count();
                    Raw::Bad(Rejection {
                        line: line_no,
                        column: Some(column as u64 + 1),
                        field: None,
                        message: "the line is not valid UTF-8".into(),
                        help: Some("a UTF-8 text file".into()),
                    })
                }
            }
        };
        items.push((line_no, raw));
        if items.len() == CHUNK {
            let chunk = Chunk {
                items: std::mem::replace(&mut items, Vec::with_capacity(CHUNK)),
                bytes,
            };
            if tx.send(Ok(chunk)).is_err() {
                return;
            }
        }
    }
    if !items.is_empty() {
        let _ = tx.send(Ok(Chunk { items, bytes }));
    }
}

/// The header row of a CSV input, checked: every column a key of the case format, once.
/// A problem is located at the header's line and the column's number (as in rejected rows);
/// the file's name is left empty, for the caller to give.
pub(super) fn read_csv_header<R: BufRead>(
    records: &mut CsvRecords<R>,
    vocab: &Vocabulary,
) -> Result<CsvHeader> {
    let read = records
        .header()
        .map_err(|e| Error::Usage(format!("cannot read the input: {e}")))?;
    let problem = |line: u64, column: u64, message: String, help: &str| {
        let d = qualif_law::Diagnostic {
            file: String::new(),
            line: line as usize,
            column: column as usize,
            message: format!("CSV header: {message}"),
            help: Some(help.to_string()),
        };
        Error::Input(vec![d])
    };
    const ACCEPTED: &str =
        "a UTF-8 text file whose first row names the columns with dotted keys such as victim.age";
    let (line, record, too_long) = match read {
        None => return Err(problem(1, 1, "the file is empty".into(), ACCEPTED)),
        Some((csv_input::CsvRecord::Fields { line, record }, too_long)) => (line, record, too_long),
        Some((csv_input::CsvRecord::UnterminatedQuote { quote_line, field }, _)) => {
            return Err(problem(
                quote_line,
                field,
                format!("the quote that opens column {field} is never closed"),
                "a closing quote (\") at the end of a quoted name",
            ));
        }
        Some((csv_input::CsvRecord::TooLong { line }, _)) => (line, csv::ByteRecord::new(), true),
    };
    // Text first: a binary file (an image, /dev/zero through a pipe) is said to be one.
    let last = record.len().saturating_sub(1);
    for (i, field) in record.iter().enumerate() {
        let column = i as u64 + 1;
        let what = match std::str::from_utf8(field) {
            // A header cut at the limit may end inside a character: not a fault of its own.
            Err(e) if too_long && i == last && e.error_len().is_none() => None,
            Err(_) => Some("is not valid UTF-8".to_string()),
            Ok(text) => text
                .chars()
                .find(|c| c.is_control() && *c != '\t')
                .map(|c| format!("holds the control character {}", c.escape_unicode())),
        };
        if let Some(what) = what {
            return Err(problem(
                line,
                column,
                format!("column {column} {what}: this is not a CSV text file"),
                ACCEPTED,
            ));
        }
    }
    if too_long {
        return Err(problem(
            line,
            1,
            format!("the header row is longer than {MAX_CASE_FILE_BYTES} bytes"),
            ACCEPTED,
        ));
    }
    let names: Vec<&str> = record
        .iter()
        .map(|f| std::str::from_utf8(f).unwrap_or_default())
        .collect();
    CsvHeader::parse(&names, vocab).map_err(|r| {
        let d = qualif_law::Diagnostic {
            file: String::new(),
            line: line as usize,
            column: r.column.unwrap_or(1) as usize,
            message: format!("CSV header: {}", r.message),
            help: r.help,
        };
        Error::Input(vec![d])
    })
}

/// Stage 1 for CSV: one record per row (a quoted field may span lines; the line reported
/// is the row's first), each at most [`MAX_CASE_FILE_BYTES`] (a longer row is rejected
/// without being held in memory); a quote never closed is reported where it opens.
pub(super) fn read_csv<R: BufRead>(
    mut records: CsvRecords<R>,
    count: std::sync::Arc<std::sync::atomic::AtomicU64>,
    tx: &SyncSender<std::io::Result<Chunk>>,
) {
    let mut items = Vec::with_capacity(CHUNK);
    loop {
        let record = match records.next_record() {
            Ok(Some(r)) => r,
            Ok(None) => break,
            Err(e) => {
                let _ = tx.send(Err(e));
                return;
            }
        };
        let (line, raw) = match record {
            csv_input::CsvRecord::Fields { line, record } => {
                // A line of spaces is blank, as in JSON Lines (the reader skips only empty
                // lines), and so is a row of empty cells (`,,,,`: what spreadsheets leave
                // below the data): neither is a case.
                if record
                    .iter()
                    .all(|cell| cell.iter().all(u8::is_ascii_whitespace))
                {
                    continue;
                }
                let raw = match csv::StringRecord::from_byte_record(record) {
                    Ok(r) => Raw::Csv(r),
                    Err(e) => Raw::Bad(Rejection {
                        line,
                        column: e.utf8_error().field().checked_add(1).map(|c| c as u64),
                        field: None,
                        message: "the row is not valid UTF-8".into(),
                        help: Some("a UTF-8 text file".into()),
                    }),
                };
                (line, raw)
            }
            csv_input::CsvRecord::TooLong { line } => (
                line,
                Raw::Bad(Rejection::whole_line(
                    line,
                    format!(
                        "the row is longer than {MAX_CASE_FILE_BYTES} bytes, the most a case may hold"
                    ),
                )),
            ),
            csv_input::CsvRecord::UnterminatedQuote { quote_line, field } => (
                quote_line,
                Raw::Bad(Rejection {
                    line: quote_line,
                    column: Some(field),
                    field: None,
                    message: format!(
                        "the quote that opens field {field} is never closed: the rest of the file was read as that field"
                    ),
                    help: Some(
                        "a closing quote (\") at the end of a quoted field; a quote inside one is written twice (\"\")"
                            .into(),
                    ),
                }),
            ),
        };
        items.push((line, raw));
        if items.len() == CHUNK {
            let chunk = Chunk {
                items: std::mem::replace(&mut items, Vec::with_capacity(CHUNK)),
                bytes: count.load(std::sync::atomic::Ordering::Relaxed),
            };
            if tx.send(Ok(chunk)).is_err() {
                return;
            }
        }
    }
    let bytes = count.load(std::sync::atomic::Ordering::Relaxed);
    if !items.is_empty() {
        let _ = tx.send(Ok(Chunk { items, bytes }));
    }
}
