//! qualif: qualify facts of sexual exploitation of children under several legal systems,
//! compare penalties across borders, and argue proportionality.
//!
//! Data flows one way: case file → [`facts::Case`] (with unknowns) → [`engine`] (per
//! system, per provision, per element) → results → [`report`] renderers. The engine knows
//! no country: the law is in the data files of `jurisdictions/` (see [`law`]).

// Every printed line goes through `io::to_stdout` and `io::to_stderr`, which report a
// failed write or survive it; `print!` and `eprintln!` would panic or lose it.
#![deny(clippy::print_stdout, clippy::print_stderr)]

// The renderers and the message catalog, whose `msg!` macro every module of this crate uses.
#[macro_use]
pub extern crate qualif_report as report;

pub mod cli;
pub mod commands;
pub mod tui;

// The layers below, under the names the code and the tests have always used.
pub use qualif_analysis as analysis;
pub use qualif_analysis::{compare, explore, scale};
pub use qualif_batch as batch;
pub use qualif_engine as engine;
pub use qualif_law::{Diagnostic, Error, Result};
pub use qualif_law::{diagnostics, facts, io, law, preparsed};
pub use report::catalog;
