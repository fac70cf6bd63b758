//! Renderers: they turn the analyses into JSON, tables, Markdown, HTML and SVG. They compute
//! no law: every status, penalty and warning comes from the engine and the analyses, and
//! every word a user reads from the message catalog ([`catalog`], English and French).

#![deny(clippy::print_stdout, clippy::print_stderr)]

// The catalog first: its `msg!` macro is visible only to the modules declared after it.
#[macro_use]
pub mod catalog;

pub mod assess_json;
pub mod assess_text;
pub mod compare_text;
pub mod document;
pub mod explore_text;
pub mod findings;
pub mod law_text;
pub mod retained_text;
pub mod scale_text;
pub mod words;
pub mod wrap;
