//! The three stages of a run: read in chunks, evaluate on every core, write in input order.

use super::*;

/// A record as read, before it is checked.
pub(super) enum Raw {
    Json(String),
    Csv(csv::StringRecord),
    /// Unreadable (too long, not UTF-8, malformed CSV): already rejected.
    Bad(Rejection),
}

pub(super) struct Chunk {
    pub(super) items: Vec<(u64, Raw)>,
    /// Bytes of the input read so far, for the progress bar.
    pub(super) bytes: u64,
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
                ctx.reach.as_ref(),
                &case,
                line,
                ctx.today,
            );
            out.push(&r);
            Outcome::Ok(Row::of(&r))
        }
    }
}

/// The writer's buffer: smaller than a part's results (see [`write_all`]).
const WRITE_BUFFER: usize = 8 << 10;

/// Stage 3: writes results in order, reports rejections, aggregates.
fn write_all<W: Write>(
    out: W,
    results: OutputFormat,
    national: &[&str],
    rx: Receiver<(Vec<Done>, u64)>,
    observer: &mut dyn Observer,
) -> Result<(W, RunCounts, Aggregator)> {
    // A part's results (64 lines, some 50 KB in JSON) are at least as long as this buffer
    // and go to `out` at once: only the short texts (the CSV header, a part of rejected
    // records) are gathered here. With a 64 KiB buffer every part was copied into it first
    // (callgrind: about 700 instructions a case, on the writer's thread).
    let mut out = std::io::BufWriter::with_capacity(WRITE_BUFFER, out);
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
