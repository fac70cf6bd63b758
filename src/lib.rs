//! qualif: qualify facts of sexual exploitation of children under several legal systems,
//! compare penalties across borders, and argue proportionality.
//!
//! Data flows one way: case file → [`facts::Case`] (with unknowns) → [`engine`] (per
//! system, per provision, per element) → results → [`report`] renderers. The engine knows
//! no country: the law is in the data files of `jurisdictions/` (see [`law`]).

pub mod batch;
pub mod cli;
pub mod commands;
pub mod compare;
pub mod diagnostics;
pub mod engine;
pub mod facts;
mod hashing;
pub mod io;
pub mod law;
pub mod preparsed;
pub mod report;
pub mod scale;
pub mod tui;

pub use diagnostics::{Diagnostic, Error, Result};
