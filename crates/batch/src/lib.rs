//! Batch analysis: many cases at once (JSON Lines or CSV), one result per case, then
//! aggregate figures by court country, by the country where the child was and by region.
//!
//! # How a run is organised
//!
//! Three stages, each bounded, so that memory does not grow with the size of the file:
//!
//! 1. a reader thread reads records (a JSON line, or a CSV row) and sends them in chunks of
//!    [`CHUNK`] through a bounded channel;
//! 2. the calling thread turns each chunk into results on every core with rayon, in parts
//!    of `PART` records (`par_chunks().map().collect()` keeps the order of the input),
//!    each record checked by [`record`] exactly as a case file is, evaluated by [`evaluate`](mod@evaluate)
//!    and formatted into its part's one buffer of text;
//! 3. a writer thread writes the results in input order, reports rejected records and adds
//!    each result to the aggregates (bounded channel again).
//!
//! rayon rather than hand-made worker threads: its work stealing balances records whose
//! cost varies (a record with many facts engages more provisions), and its ordered
//! `collect` gives results in input order without a reordering buffer. The channels are the
//! standard library's `sync_channel`, bounded to a few chunks.
//!
//! Nothing is kept per case: the aggregates count each group's ratios rounded to the 4
//! decimals they are printed with, so their memory is bounded by the distinct ratios, not by
//! the cases (see [`aggregate`](mod@aggregate)).

#![deny(clippy::print_stdout, clippy::print_stderr)]

pub mod aggregate;
mod csv_input;
pub mod evaluate;
pub mod output;
pub mod record;
pub mod regions;
pub mod synth;

use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};

use chrono::NaiveDate;
use rayon::prelude::*;

use csv_input::CsvRecords;
use qualif_analysis::scale::Guideline;
use qualif_engine::plan::Plan;
use qualif_law::diagnostics::{Error, Result};
use qualif_law::facts::{MAX_CASE_FILE_BYTES, Vocabulary};
use qualif_law::law::LawBook;

pub use aggregate::{Aggregator, GroupFigures, Quartiles, Row};
pub use evaluate::{CaseResult, evaluate};
pub use output::RunCounts;
pub use record::{CsvHeader, Rejection, case_from_csv, case_from_json};
pub use regions::Regions;

pub use qualif_law::law::embedded::REGIONS_FILE;

/// Records handed from one stage to the next at a time.
pub const CHUNK: usize = 1024;
/// Records evaluated by one rayon task, their results written into one buffer: enough for
/// the hand-offs and allocations per part not to count, small enough for work stealing to
/// balance two cores' work within a chunk.
const PART: usize = 64;
/// Chunks waiting between two stages, at most.
const IN_FLIGHT: usize = 4;

/// The format of the input file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputFormat {
    /// JSON Lines: one JSON object per line, shaped like a case file.
    Jsonl,
    /// CSV: a header row of dotted keys (`victim.age`), one case per row.
    Csv,
}

impl InputFormat {
    /// From the file's extension: `.jsonl`, `.ndjson`, `.json` or `.csv`.
    pub fn of_path(path: &Path) -> Option<InputFormat> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "jsonl" | "ndjson" | "json" => Some(InputFormat::Jsonl),
            "csv" => Some(InputFormat::Csv),
            _ => None,
        }
    }
}

/// The format of the results.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputFormat {
    /// One JSON object per case, then one with the aggregates (`"kind": "aggregates"`).
    Json,
    /// One CSV row per case, after a header row.
    Csv,
}

/// What every record is evaluated against.
pub struct Context<'a> {
    pub plan: Plan<'a>,
    /// The official sentencing guideline, when the data has one.
    pub official: Option<&'a Guideline>,
    pub regions: Option<&'a Regions>,
    pub today: NaiveDate,
    /// The starting point of each cell of the official guideline, as results write it
    /// ([`evaluate::starting_point_texts`]).
    pub starting_points: Vec<String>,
}

impl<'a> Context<'a> {
    pub fn new(
        book: &'a LawBook,
        official: Option<&'a Guideline>,
        regions: Option<&'a Regions>,
        today: NaiveDate,
    ) -> Self {
        Self {
            plan: Plan::new(book),
            official,
            regions,
            today,
            starting_points: official
                .map(evaluate::starting_point_texts)
                .unwrap_or_default(),
        }
    }

    fn vocab(&self) -> &'a Vocabulary {
        &self.plan.book().vocabulary
    }

    /// The national systems, whose figures each result gives.
    pub fn national(&self) -> Vec<&'a str> {
        self.plan
            .book()
            .systems
            .iter()
            .filter(|s| s.kind == qualif_law::law::SystemKind::National)
            .map(|s| s.id.as_str())
            .collect()
    }
}

/// A record as read, before it is checked.
enum Raw {
    Json(String),
    Csv(csv::StringRecord),
    /// Unreadable (too long, not UTF-8, malformed CSV): already rejected.
    Bad(Rejection),
}

struct Chunk {
    items: Vec<(u64, Raw)>,
    /// Bytes of the input read so far, for the progress bar.
    bytes: u64,
}

/// The results of one part of a chunk, in input order.
struct Done {
    /// The results of the records evaluated, one line each (newline included).
    text: Vec<u8>,
    /// Each record's outcome.
    outcomes: Vec<Outcome>,
}

enum Outcome {
    /// Evaluated: its line is in [`Done::text`], its figures go to the aggregates.
    Ok(Row),
    Rejected(Rejection),
}

/// Reports of the run, in input order.
pub trait Observer: Send {
    /// A record was rejected.
    fn rejected(&mut self, rejection: &Rejection);
    /// A chunk was written: the input bytes read so far and the counts.
    fn progress(&mut self, _bytes: u64, _counts: RunCounts) {}
}

/// Runs a batch: reads `input`, writes one result per record to `out` in input order
/// (and, in JSON, the aggregates as a last line), reports each rejected record to the
/// observer, and returns the writer, the counts and the aggregate figures.
pub fn run<W: Write + Send>(
    ctx: &Context<'_>,
    input: impl Read + Send,
    format: InputFormat,
    out: W,
    results: OutputFormat,
    observer: &mut dyn Observer,
) -> Result<(W, RunCounts, Vec<GroupFigures>)> {
    let (tx_raw, rx_raw) = sync_channel::<std::io::Result<Chunk>>(IN_FLIGHT);
    let (tx_done, rx_done) = sync_channel::<(Vec<Done>, u64)>(IN_FLIGHT);
    let national = ctx.national();
    std::thread::scope(|scope| {
        // Stage 1: the reader. A CSV header is read (and checked) before anything else.
        let csv_header = match format {
            InputFormat::Jsonl => {
                scope.spawn(move || read_jsonl(input, &tx_raw));
                None
            }
            InputFormat::Csv => {
                let counting = CountingReader::new(input);
                let count = counting.count.clone();
                let mut records = CsvRecords::new(
                    BufReader::with_capacity(1 << 16, LfLines::new(counting)),
                    MAX_CASE_FILE_BYTES,
                );
                let header = read_csv_header(&mut records, ctx.vocab())?;
                scope.spawn(move || read_csv(records, count, &tx_raw));
                Some(header)
            }
        };
        // Stage 3: the writer.
        let writer = scope.spawn(move || write_all(out, results, &national, rx_done, observer));
        // Stage 2: evaluation on every core.
        let mut failure = None;
        for chunk in rx_raw {
            let chunk = match chunk {
                Ok(c) => c,
                Err(e) => {
                    failure = Some(Error::Usage(format!("cannot read the input: {e}")));
                    break;
                }
            };
            let done: Vec<Done> = chunk
                .items
                .par_chunks(PART)
                .map(|part| {
                    // A JSON result line is about 800 bytes.
                    let mut lines = output::Lines::new(results, part.len() * 1024);
                    let outcomes = part
                        .iter()
                        .map(|(line, raw)| {
                            process(ctx, csv_header.as_ref(), *line, raw, &mut lines)
                        })
                        .collect();
                    Done {
                        text: lines.into_bytes(),
                        outcomes,
                    }
                })
                .collect();
            if tx_done.send((done, chunk.bytes)).is_err() {
                break; // the writer stopped: its error is reported below
            }
        }
        drop(tx_done);
        let (out, counts, aggregator) = writer.join().expect("the writer thread does not panic")?;
        if let Some(e) = failure {
            return Err(e);
        }
        let groups = aggregator.finish(ctx.regions);
        Ok((out, counts, groups))
    })
    .and_then(|(mut out, counts, groups)| {
        if results == OutputFormat::Json {
            let line = output::aggregates_json(counts, &groups, ctx.regions).to_string();
            writeln!(out, "{line}")
                .and_then(|_| out.flush())
                .map_err(write_error)?;
        }
        Ok((out, counts, groups))
    })
}

fn write_error(e: std::io::Error) -> Error {
    Error::Write {
        path: "the output".into(),
        source: e,
    }
}

/// Checks and evaluates one record, and writes its result (and a newline) to `out`.
fn process(
    ctx: &Context<'_>,
    header: Option<&CsvHeader>,
    line: u64,
    raw: &Raw,
    out: &mut output::Lines,
) -> Outcome {
    let vocab = ctx.vocab();
    let case = match raw {
        Raw::Bad(r) => return Outcome::Rejected(r.clone()),
        Raw::Json(text) => case_from_json(text, line, vocab, ctx.today),
        Raw::Csv(rec) => {
            let cells: Vec<&str> = rec.iter().collect();
            match header {
                Some(h) => case_from_csv(&cells, h, line, vocab, ctx.today),
                None => Err(Rejection::whole_line(line, "no CSV header")),
            }
        }
    };
    match case {
        Err(r) => Outcome::Rejected(r),
        Ok(case) => {
            let r = evaluate::evaluate_with(
                &ctx.plan,
                ctx.official,
                &ctx.starting_points,
                &case,
                line,
                ctx.today,
            );
            out.push(&r);
            Outcome::Ok(Row::of(&r))
        }
    }
}

/// Stage 3: writes results in order, reports rejections, aggregates.
fn write_all<W: Write>(
    out: W,
    results: OutputFormat,
    national: &[&str],
    rx: Receiver<(Vec<Done>, u64)>,
    observer: &mut dyn Observer,
) -> Result<(W, RunCounts, Aggregator)> {
    let mut out = std::io::BufWriter::with_capacity(1 << 16, out);
    let mut counts = RunCounts::default();
    let mut aggregator = Aggregator::new();
    if results == OutputFormat::Csv {
        out.write_all(output::csv_header(national).as_bytes())
            .map_err(write_error)?;
    }
    for (chunk, bytes) in rx {
        for done in chunk {
            out.write_all(&done.text).map_err(write_error)?;
            for outcome in done.outcomes {
                counts.records += 1;
                match outcome {
                    Outcome::Ok(row) => {
                        counts.evaluated += 1;
                        aggregator.add(row);
                    }
                    Outcome::Rejected(r) => {
                        counts.rejected += 1;
                        observer.rejected(&r);
                    }
                }
            }
        }
        observer.progress(bytes, counts);
    }
    out.flush().map_err(write_error)?;
    let out = out.into_inner().map_err(|e| write_error(e.into_error()))?;
    Ok((out, counts, aggregator))
}

/// Counts the bytes read through it (for the progress bar of CSV input).
struct CountingReader<R> {
    inner: R,
    count: std::sync::Arc<std::sync::atomic::AtomicU64>,
}

impl<R> CountingReader<R> {
    fn new(inner: R) -> Self {
        Self {
            inner,
            count: Default::default(),
        }
    }
}

impl<R: Read> Read for CountingReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count
            .fetch_add(n as u64, std::sync::atomic::Ordering::Relaxed);
        Ok(n)
    }
}

/// Line endings as `\n` only, and a `\n` at the end: each CRLF and each lone CR becomes LF,
/// and a file that does not end with a newline gets one. The CSV records are then cut at
/// `\n` alone ([`csv_input`]), and every record ends with one, lines counted the same way
/// whatever the file's line endings.
struct LfLines<R> {
    inner: R,
    buf: Box<[u8]>,
    start: usize,
    end: usize,
    /// The last byte read was a `\r` (already passed on as `\n`).
    after_cr: bool,
    /// The last byte passed on.
    last: Option<u8>,
    eof: bool,
}

impl<R> LfLines<R> {
    fn new(inner: R) -> Self {
        Self {
            inner,
            buf: vec![0; 1 << 16].into_boxed_slice(),
            start: 0,
            end: 0,
            after_cr: false,
            last: None,
            eof: false,
        }
    }
}

impl<R: Read> Read for LfLines<R> {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        let mut n = 0;
        while n == 0 && !out.is_empty() {
            if self.start == self.end {
                if self.eof {
                    break;
                }
                let k = self.inner.read(&mut self.buf)?;
                (self.start, self.end) = (0, k);
                if k == 0 {
                    self.eof = true;
                    if self.last.is_some_and(|b| b != b'\n') {
                        out[0] = b'\n';
                        self.last = Some(b'\n');
                        n = 1;
                    }
                    break;
                }
            }
            while self.start < self.end && n < out.len() {
                let b = self.buf[self.start];
                self.start += 1;
                let after_cr = std::mem::replace(&mut self.after_cr, b == b'\r');
                let b = match b {
                    b'\n' if after_cr => continue,
                    b'\r' => b'\n',
                    b => b,
                };
                out[n] = b;
                n += 1;
                self.last = Some(b);
            }
        }
        Ok(n)
    }
}

/// Stage 1 for JSON Lines: one record per non-blank line, at most [`MAX_CASE_FILE_BYTES`]
/// each (a longer line is rejected without being held in memory).
fn read_jsonl(input: impl Read, tx: &SyncSender<std::io::Result<Chunk>>) {
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

/// Reads one line into `buf` (newline included), keeping at most `limit` bytes: returns the
/// bytes consumed (0 at the end) and whether the line was longer than the limit.
fn read_line_bounded(
    reader: &mut impl BufRead,
    buf: &mut Vec<u8>,
    limit: usize,
) -> std::io::Result<(usize, bool)> {
    let mut consumed = 0;
    let mut too_long = false;
    loop {
        let available = match reader.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if available.is_empty() {
            return Ok((consumed, too_long));
        }
        // memchr rather than a loop over the bytes: callgrind counted the loop at some
        // 2,700 more instructions per record of the synthetic batches.
        let (take, done) = match memchr::memchr(b'\n', available) {
            Some(i) => (i + 1, true),
            None => (available.len(), false),
        };
        if !too_long {
            if buf.len() + take > limit + 2 {
                too_long = true;
                buf.clear();
            } else {
                buf.extend_from_slice(&available[..take]);
            }
        }
        reader.consume(take);
        consumed += take;
        if done {
            return Ok((consumed, too_long));
        }
    }
}

/// The header row of a CSV input, checked: every column a key of the case format, once.
/// A problem is located at the header's line and the column's number (as in rejected rows);
/// the file's name is left empty, for the caller to give.
fn read_csv_header<R: BufRead>(
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
fn read_csv<R: BufRead>(
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

/// The aggregates of results already computed (for tests and for callers that evaluate
/// cases themselves).
pub fn aggregate<'r>(
    results: impl IntoIterator<Item = &'r CaseResult<'r>>,
    regions: Option<&Regions>,
) -> Vec<GroupFigures> {
    let mut a = Aggregator::new();
    for r in results {
        a.add(Row::of(r));
    }
    a.finish(regions)
}

/// Reads the whole of a small input (for tests): the same as [`run`] into memory.
pub fn run_to_string(
    ctx: &Context<'_>,
    input: &str,
    format: InputFormat,
    results: OutputFormat,
) -> Result<(String, RunCounts, Vec<GroupFigures>, Vec<Rejection>)> {
    struct Collect(Vec<Rejection>);
    impl Observer for Collect {
        fn rejected(&mut self, r: &Rejection) {
            self.0.push(r.clone());
        }
    }
    let mut c = Collect(Vec::new());
    let (out, counts, groups) = run(ctx, input.as_bytes(), format, Vec::new(), results, &mut c)?;
    Ok((
        String::from_utf8(out).expect("the results are UTF-8"),
        counts,
        groups,
        c.0,
    ))
}

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

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads one byte at a time: every `\r` ends a buffer of the inner reader.
    struct Trickle<'a>(&'a [u8]);

    impl Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            match (self.0.split_first(), buf.is_empty()) {
                (Some((b, rest)), false) => {
                    buf[0] = *b;
                    self.0 = rest;
                    Ok(1)
                }
                _ => Ok(0),
            }
        }
    }

    fn normalised(input: &[u8], whole: bool) -> Vec<u8> {
        let mut out = Vec::new();
        if whole {
            LfLines::new(input).read_to_end(&mut out).unwrap();
        } else {
            LfLines::new(Trickle(input)).read_to_end(&mut out).unwrap();
        }
        out
    }

    #[test]
    fn every_line_ends_with_one_lf() {
        for whole in [true, false] {
            assert_eq!(normalised(b"a,b\r\nc,d\r\n", whole), b"a,b\nc,d\n");
            assert_eq!(normalised(b"a\rb\r\r\nc\r", whole), b"a\nb\n\nc\n");
            assert_eq!(normalised(b"\r\n\r\n", whole), b"\n\n");
            assert_eq!(normalised(b"a,b\nc", whole), b"a,b\nc\n");
            assert_eq!(normalised(b"", whole), b"");
        }
    }

    #[test]
    fn csv_lines_are_right_with_crlf_and_a_line_of_spaces_or_empty_cells_is_blank() {
        let book = LawBook::builtin().unwrap();
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        let ctx = Context::new(&book, None, None, today);
        for eol in ["\n", "\r\n", "\r"] {
            for last in ["", eol] {
                // Line 7 is one record over three lines (a title with two line breaks).
                let input = [
                    "case.title,case.place,victim.age",
                    ",FR,12",
                    "   ",
                    "",
                    ",BE,x",
                    "",
                    "\"two",
                    "",
                    "lines\",CA,3",
                    ",BE,",
                    ",,",
                    " , ,\"\"",
                ]
                .join(eol)
                    + last;
                let (out, counts, _, rejected) =
                    run_to_string(&ctx, &input, InputFormat::Csv, OutputFormat::Csv).unwrap();
                assert_eq!((counts.records, counts.rejected), (4, 1), "{eol:?}");
                assert_eq!(rejected[0].line, 5, "{eol:?}");
                let lines: Vec<&str> = out.lines().skip(1).map(|l| &l[..3]).collect();
                assert_eq!(lines, ["2,2", "7,2", "10,"], "{eol:?} {last:?}");
            }
        }
    }

    #[test]
    fn a_byte_order_mark_before_the_first_json_line_is_ignored() {
        let book = LawBook::builtin().unwrap();
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        let ctx = Context::new(&book, None, None, today);
        let input =
            "\u{feff}{\"case\": {\"place\": \"FR\"}}\r\n{\"case\": {\"place\": \"BE\"}}\r\n";
        let (_, counts, _, rejected) =
            run_to_string(&ctx, input, InputFormat::Jsonl, OutputFormat::Json).unwrap();
        assert_eq!((counts.evaluated, counts.rejected), (2, 0), "{rejected:?}");
    }
}
