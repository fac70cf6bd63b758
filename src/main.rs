//! The `qualif` binary: parse arguments, call the library, map errors to exit codes.

use std::process::ExitCode;

use clap::Parser;
use qualif::cli::Cli;
use qualif::commands;

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
