//! Batch output: one result per case (JSON Lines or CSV), then the aggregate figures (a
//! final JSON line, a CSV file, and a table for people).

mod aggregates;
mod csv_rows;
mod json_line;
#[cfg(test)]
mod tests;

pub use aggregates::{aggregates_csv, aggregates_json, aggregates_table, counts_line};
pub use csv_rows::{CsvRows, csv_header};
pub use json_line::json_line;

use csv_rows::{Numbers, csv_writer};
use qualif_report::msg;
use std::io::Write;

use serde::Serialize;
use serde_json::json;

use crate::OutputFormat;
use crate::aggregate::{GroupFigures, Quartiles};
use crate::evaluate::CaseResult;
use crate::regions::Regions;

/// Ratios are written with 4 decimals.
pub fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

fn r4(x: Option<f64>) -> Option<f64> {
    x.map(round4)
}

/// The results of one part of a run, one line each (its newline included), in the format
/// asked.
pub enum Lines {
    Json(Vec<u8>),
    /// Boxed: the csv crate's writer is some 400 bytes.
    Csv(Box<CsvRows<Vec<u8>>>),
}

impl Lines {
    /// Room for `capacity` bytes of results before the buffer grows.
    pub fn new(format: OutputFormat, capacity: usize) -> Self {
        match format {
            OutputFormat::Json => Lines::Json(Vec::with_capacity(capacity)),
            OutputFormat::Csv => Lines::Csv(Box::new(CsvRows::new(Vec::with_capacity(capacity)))),
        }
    }

    /// Appends one case's result.
    pub fn push(&mut self, r: &CaseResult) {
        match self {
            Lines::Json(out) => {
                json_line(out, r);
                out.push(b'\n');
            }
            Lines::Csv(rows) => rows.write(r).expect("writing to a Vec does not fail"),
        }
    }

    /// The lines written.
    pub fn into_bytes(self) -> Vec<u8> {
        match self {
            Lines::Json(out) => out,
            Lines::Csv(rows) => rows.into_inner().expect("writing to a Vec does not fail"),
        }
    }
}

/// The counts of a run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct RunCounts {
    /// Records read (blank lines excluded).
    pub records: u64,
    pub evaluated: u64,
    pub rejected: u64,
}
