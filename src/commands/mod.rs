//! The commands: each loads what it needs, calls the engine, and hands results to a
//! renderer. Returns the exit code on success (0, or 1 when a check the user asked for
//! found problems).

mod assess;
mod batch;
mod compare;
mod explore;
mod law;
pub mod manual;
mod report;
mod scale;

use crate::cli::{Cli, Command};
use crate::diagnostics::{Error, Result};
use crate::engine::plan::Plan;
use crate::law::LawBook;

/// Runs one command: the binary's entry point, called once per process (the law book and the
/// scales it loads live until the process ends; see [`load_book`]).
pub fn run(cli: Cli) -> Result<u8> {
    match cli.command {
        None => interview(&cli.data_dir, None, crate::cli::Lang::En),
        Some(Command::Interview { case, lang }) => interview(&cli.data_dir, case, lang),
        Some(Command::Assess(args)) => assess::run(load_plan(load_book(&cli.data_dir)?), &args),
        Some(Command::Compare(args)) => compare::run(load_plan(load_book(&cli.data_dir)?), &args),
        Some(Command::Explore(args)) => explore::run(load_plan(load_book(&cli.data_dir)?), &args),
        Some(Command::Scale(args)) => {
            let book = load_book(&cli.data_dir)?;
            let scales = load_scales(&cli.data_dir, book)?;
            scale::run(load_plan(book), scales, &args)
        }
        Some(Command::Report(args)) => {
            let book = load_book(&cli.data_dir)?;
            let scales = load_scales(&cli.data_dir, book)?;
            report::run(load_plan(book), scales, &args)
        }
        Some(Command::Batch(args)) => batch::run(&cli.data_dir, &args),
        Some(Command::Law(cmd)) => law::run(cli.data_dir.as_deref(), cmd),
        Some(Command::Completions { shell }) => {
            crate::io::to_stdout(&manual::completions(shell))?;
            Ok(0)
        }
        Some(Command::Man) => {
            crate::io::to_stdout(&manual::man_page())?;
            Ok(0)
        }
    }
}

/// The guided interview, on the law book and the sentencing scales.
fn interview(
    data_dir: &Option<std::path::PathBuf>,
    case: Option<std::path::PathBuf>,
    lang: crate::cli::Lang,
) -> Result<u8> {
    let book = load_book(data_dir)?;
    let scales = load_scales(data_dir, book)?;
    crate::tui::run(book, Some(scales), case, lang)
}

/// The law book: the built-in data, or the files of `--data-dir`. It is never freed: a
/// command runs once per process, and freeing the book's many small allocations one by one
/// took about 2.5 ms of a 30 ms `qualif assess` (the system takes the memory back at exit
/// at once). It holds law only, nothing to flush or remove.
pub fn load_book(data_dir: &Option<std::path::PathBuf>) -> Result<&'static LawBook> {
    let book = match data_dir {
        Some(dir) => LawBook::from_dir(dir).map_err(Error::Input)?,
        None => LawBook::builtin().map_err(Error::Input)?,
    };
    Ok(Box::leak(Box::new(book)))
}

/// The law book compiled for evaluation, once per process. Never freed, like the book.
pub fn load_plan(book: &'static LawBook) -> &'static Plan<'static> {
    Box::leak(Box::new(Plan::new(book)))
}

/// The sentencing scales: the built-in ones, or those of `--data-dir DIR/guidelines`. Never
/// freed, like the law book ([`load_book`]).
pub fn load_scales(
    data_dir: &Option<std::path::PathBuf>,
    book: &LawBook,
) -> Result<&'static crate::scale::Scales> {
    let scales = match data_dir {
        Some(dir) => crate::scale::Scales::from_dir(dir, &book.vocabulary).map_err(Error::Input)?,
        None => crate::scale::Scales::builtin(&book.vocabulary).map_err(Error::Input)?,
    };
    Ok(Box::leak(Box::new(scales)))
}

/// Prints a command's result to standard output, with a final newline (see
/// [`crate::io::to_stdout`]: a failed write is an error, a closed pipe is not).
fn print(text: &str) -> Result<()> {
    if text.ends_with('\n') {
        crate::io::to_stdout(text.as_bytes())?;
    } else {
        let mut line = String::with_capacity(text.len() + 1);
        line.push_str(text);
        line.push('\n');
        crate::io::to_stdout(line.as_bytes())?;
    }
    Ok(())
}
