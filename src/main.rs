//! The `qualif` binary: parse arguments, call the library, map errors to exit codes.

use std::process::ExitCode;

use clap::Parser;
use qualif::cli::Cli;
use qualif::commands;

/// mimalloc instead of the system allocator: loading the law and evaluating a batch make
/// many small, short-lived allocations, and glibc's per-thread arenas spend much of a
/// start growing, protecting and unmapping memory (measured in README.md, "Performance").
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    match commands::run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            eprintln!("{}", with_prefix(&e));
            ExitCode::from(2)
        }
    }
}

fn with_prefix(e: &qualif::Error) -> String {
    let s = e.to_string();
    if s.starts_with("error:") {
        s
    } else {
        format!("error: {s}")
    }
}
