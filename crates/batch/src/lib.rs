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
mod input;
mod line_reading;
pub mod output;
mod pipeline;
pub mod record;
mod record_readers;
pub mod regions;
pub mod synth;
#[cfg(test)]
mod tests;

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

pub use input::{Input, input_name, is_stdin, open_input};
pub use pipeline::{Observer, run};

use line_reading::{CountingReader, LfLines, read_line_bounded};
use pipeline::{Chunk, Raw};
use record_readers::{read_csv, read_csv_header, read_jsonl};

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
    /// Where the official guideline reaches in the national systems ([`evaluate::reach`]).
    pub reach: Option<qualif_analysis::scale::Reach<'a>>,
}

impl<'a> Context<'a> {
    pub fn new(
        book: &'a LawBook,
        official: Option<&'a Guideline>,
        regions: Option<&'a Regions>,
        today: NaiveDate,
    ) -> Self {
        let plan = Plan::new(book);
        Self {
            reach: official.map(|g| evaluate::reach(&plan, g)),
            plan,
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
