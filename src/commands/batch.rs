//! `qualif batch FILE.jsonl|FILE.csv [--format json|csv] [-o FILE [--summary]] [--aggregates FILE]`
//! and `qualif batch --synthesize N [--seed S] [-o FILE]`.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use crate::batch::{self, InputFormat, Observer, OutputFormat, Regions, Rejection, RunCounts};
use crate::cli::{BatchArgs, BatchFormat, BatchInput};
use crate::diagnostics::{Error, Result};
use crate::io::OutputFile;

/// Inputs smaller than this finish too fast to need a progress bar.
const PROGRESS_FROM_BYTES: u64 = 1 << 20;

pub fn run(data_dir: &Option<PathBuf>, args: &BatchArgs) -> Result<u8> {
    if let Some(n) = args.synthesize {
        return synthesize(n, args.seed, args.output.as_deref());
    }
    let Some(file) = &args.file else {
        return Err(Error::Usage(
            "give a FILE.jsonl or FILE.csv, or --synthesize N".into(),
        ));
    };

    let (input, format, size) = batch::open_input(
        file,
        args.input_format.map(|f| match f {
            BatchInput::Jsonl => InputFormat::Jsonl,
            BatchInput::Csv => InputFormat::Csv,
        }),
    )?;
    // Once the input is open, before anything is written: no output may replace the input,
    // nor one output the other.
    let refuse = crate::io::refuse_same_file;
    if let Some(out) = &args.output {
        refuse(out, "the output", file, "the input")?;
    }
    if let Some(agg) = &args.aggregates {
        refuse(agg, "--aggregates", file, "the input")?;
        if let Some(out) = &args.output {
            refuse(agg, "--aggregates", out, "the output")?;
        }
    }
    let book = super::load_book(data_dir)?;
    let scales = super::load_scales(data_dir, book)?;
    let regions = match data_dir {
        Some(d) => Regions::from_dir(d, &book.vocabulary),
        None => Regions::builtin(&book.vocabulary),
    }
    .transpose()
    .map_err(Error::Input)?;
    let ctx = batch::Context::new(
        book,
        scales.official(),
        regions.as_ref(),
        crate::io::today(),
    );
    let results = match args.format {
        BatchFormat::Json => OutputFormat::Json,
        BatchFormat::Csv => OutputFormat::Csv,
    };
    let bar = (std::io::stderr().is_terminal() && size >= PROGRESS_FROM_BYTES).then(|| {
        let bar = indicatif::ProgressBar::new(size);
        bar.set_style(
            indicatif::ProgressStyle::with_template(
                "{bar:30} {percent:>3}% {binary_bytes}/{binary_total_bytes} · {msg} · {elapsed} (about {eta} left)",
            )
            .expect("a valid template"),
        );
        bar
    });
    let mut report = Report {
        file: batch::input_name(file),
        bar,
        quiet: false,
    };
    // The only write errors of a run are those of its output: name it.
    let named = |shown: String| {
        move |e| match e {
            Error::Write { source, .. } => Error::Write {
                path: shown,
                source,
            },
            e => e,
        }
    };
    let outcome = match &args.output {
        Some(path) => {
            let out = OutputFile::create(path)?;
            batch::run(&ctx, input, format, out, results, &mut report)
                .map_err(named(path.display().to_string()))
                .and_then(|(out, counts, groups)| {
                    out.commit()?;
                    Ok((counts, groups))
                })
        }
        None => batch::run(&ctx, input, format, std::io::stdout(), results, &mut report)
            .map_err(named(crate::io::STDOUT.into()))
            .map(|(_, counts, groups)| (counts, groups)),
    };
    if let Some(bar) = &report.bar {
        bar.finish_and_clear();
    }
    let (counts, groups) = match outcome {
        Ok(r) => r,
        // `qualif batch … | head`: the reader stopped listening; not an error.
        Err(Error::Write { source, .. }) if source.kind() == std::io::ErrorKind::BrokenPipe => {
            return Ok(0);
        }
        // The input could not be read (its CSV header, or a read error): name the file, as
        // every other message about it does.
        Err(Error::Usage(m)) => {
            return Err(Error::Usage(format!("{}: {m}", batch::input_name(file))));
        }
        // A problem located in the input (its CSV header): in the file, by its name.
        Err(Error::Input(ds)) => {
            let name = batch::input_name(file);
            return Err(Error::Input(
                ds.into_iter()
                    .map(|d| crate::diagnostics::Diagnostic {
                        file: name.clone(),
                        ..d
                    })
                    .collect(),
            ));
        }
        Err(e) => return Err(e),
    };
    if let Some(path) = &args.aggregates {
        let text = match results {
            OutputFormat::Csv => batch::output::aggregates_csv(&groups),
            OutputFormat::Json => {
                let mut s = serde_json::to_string_pretty(&batch::output::aggregates_json(
                    counts,
                    &groups,
                    regions.as_ref(),
                ))
                .expect("JSON values serialise");
                s.push('\n');
                s
            }
        };
        crate::io::write_atomic(path, text.as_bytes())?;
    }
    // The table on standard output, which carries nothing else when the results go to a
    // file (clap requires -o with --summary); never on standard error, which stays silent
    // on success. A run that rejected records (exit code 1) ends its messages there with
    // the count.
    if counts.rejected > 0 && !report.quiet {
        crate::io::to_stderr(&batch::output::counts_line(counts, args.lang.code()));
    }
    if args.summary {
        super::print(&batch::output::aggregates_table(
            counts,
            &groups,
            args.lang.code(),
        ))?;
    }
    Ok(if counts.rejected > 0 { 1 } else { 0 })
}

/// Reports rejected records on standard error (above the progress bar, if any).
struct Report {
    file: String,
    bar: Option<indicatif::ProgressBar>,
    /// Standard error could not be written (closed: `2>&1 | head`): the run goes on, its
    /// exit code still says that records were rejected.
    quiet: bool,
}

impl Observer for Report {
    fn rejected(&mut self, r: &Rejection) {
        if self.quiet {
            return;
        }
        let msg = format!("rejected: {}", r.located(&self.file));
        let written = match &self.bar {
            Some(b) => b.suspend(|| crate::io::to_stderr(&msg)),
            None => crate::io::to_stderr(&msg),
        };
        self.quiet = !written;
    }

    fn progress(&mut self, bytes: u64, counts: RunCounts) {
        if let Some(b) = &self.bar {
            b.set_position(bytes);
            b.set_message(format!(
                "{} cases, {} rejected",
                counts.evaluated, counts.rejected
            ));
        }
    }
}

/// `--synthesize N`: the dataset, to FILE or standard output.
fn synthesize(n: u64, seed: u64, output: Option<&Path>) -> Result<u8> {
    let write_err = |path: &str, source: std::io::Error| Error::Write {
        path: path.to_string(),
        source,
    };
    match output {
        Some(path) => {
            let shown = path.display().to_string();
            let out = OutputFile::create(path)?;
            let mut w = std::io::BufWriter::with_capacity(1 << 16, out);
            batch::synth::write(n, seed, &mut w).map_err(|e| write_err(&shown, e))?;
            w.into_inner()
                .map_err(|e| write_err(&shown, e.into_error()))?
                .commit()?;
        }
        None => {
            // `synth::write` flushes the buffer: a failed write is never left to the drop of
            // the writer, which would ignore it.
            let mut w = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
            match batch::synth::write(n, seed, &mut w) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
                Err(e) => return Err(write_err(crate::io::STDOUT, e)),
            }
        }
    }
    Ok(0)
}
