//! The case and the law as data: the vocabulary of facts and the case files that use it, the
//! condition language, and the law book (legal systems, provisions, versions, penalties) with
//! its loader and its checks. Also what every layer above shares: diagnostics with a file,
//! line and column, and the file input and output that never loses what the user saved.
//!
//! Nothing here evaluates a case against the law (that is `qualif-engine`) and nothing here
//! writes a sentence for a user (that is the message catalog of `qualif-report`).

// Every printed line goes through `io::to_stdout` and `io::to_stderr`, which report a
// failed write or survive it; `print!` and `eprintln!` would panic or lose it.
#![deny(clippy::print_stdout, clippy::print_stderr)]

pub mod condition;
pub mod diagnostics;
pub mod facts;
#[doc(hidden)]
pub mod hashing;
pub mod io;
pub mod law;
pub mod logic;
pub mod preparsed;
pub mod text;

pub use diagnostics::{Diagnostic, Error, Result};
