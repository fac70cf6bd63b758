//! The `qualif` binary: parse arguments, call the library, map errors to exit codes.

// Every printed line goes through `qualif::io::to_stdout` and `to_stderr`, which report a
// failed write or survive it; `print!` and `eprintln!` would panic or lose it.
#![deny(clippy::print_stdout, clippy::print_stderr)]

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
        Err(e) => return clap_message(&e),
    };
    match commands::run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            qualif::io::to_stderr(&with_prefix(&e));
            ExitCode::from(2)
        }
    }
}

/// Prints clap's message: `--help` and `--version` on standard output (exit code 0), a
/// usage error on standard error (2). Help that cannot be written (`--help > /dev/full`)
/// is an error (2) like any other output; a closed pipe (`--help | head -1`) is not.
fn clap_message(e: &clap::Error) -> ExitCode {
    use std::io::Write;
    if e.use_stderr() {
        let _ = e.print();
        return ExitCode::from(2);
    }
    let printed = e.print().and_then(|()| std::io::stdout().flush());
    match printed {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(source) => {
            let e = qualif::Error::Write {
                path: qualif::io::STDOUT.into(),
                source,
            };
            qualif::io::to_stderr(&with_prefix(&e));
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
