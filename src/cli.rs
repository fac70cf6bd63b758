//! The command line: one clap definition feeds parsing and `--help`.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "qualif",
    version,
    about = "Qualify facts of sexual exploitation of children under several legal systems, compare penalties across borders.",
    long_about = "qualif reads a case file (TOML, see README.md) and says, for each legal system, which offences apply, which are possible and why, element by element, with the article, the penalty at the date of the facts and how well each provision is verified.\n\nDecision support, not legal advice. No network access, ever.",
    after_help = "Exit codes: 0 success; 1 the command ran but found a problem you asked about (law validate found errors in the data, batch rejected some records); 2 bad input (unreadable or invalid case file, unknown option, invalid data folder) or an output that cannot be written."
)]
pub struct Cli {
    /// Use the jurisdiction and guideline files of DIR instead of the built-in ones.
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Qualify the facts of a case file in every legal system (or the listed ones).
    Assess(AssessArgs),
    /// Cross-border disparities for these facts: a matrix of conduct × system, and the
    /// differences that matter (penalty gaps, conduct not criminalised, minimum standards
    /// not met, age thresholds, limitation, jurisdiction, unverified law).
    Compare(CompareArgs),
    /// How every system's answer moves as one fact varies: the retained qualification, its
    /// maximum and minimum and the main international floor for each value, and the exact
    /// values where an answer changes.
    Explore(ExploreArgs),
    /// The sentencing scale: category, role, starting point, range and factors (the
    /// official A/B/C guideline, and our proposal for live-streamed abuse), and with
    /// --sentence where a sentence sits against the range, each system's maximum and real
    /// outcomes.
    Scale(ScaleArgs),
    /// The full written report (facts, qualifications in every system, international
    /// obligations, comparison, scale, limitation and jurisdiction, warnings, sources) as
    /// Markdown, one self-contained printable HTML file, or JSON.
    Report(ReportArgs),
    /// Many cases at once (JSON Lines or CSV, shaped like case files): one result per case
    /// (the leading qualification and its maximum in each national system, the guideline's
    /// starting point, the imposed sentence's ratio to each), then aggregate figures by
    /// court country, by the country where the child was and by UN M49 region (the last
    /// JSON line; --aggregates FILE; as a table on standard output with -o FILE --summary).
    /// Exit code 1 when some records were rejected (each is reported on standard error with
    /// its line); nothing else goes to standard error.
    Batch(BatchArgs),
    /// Browse and check the legal data.
    #[command(subcommand)]
    Law(LawCommand),
    /// The guided interview (also `qualif` alone): one question at a time, the law live.
    Interview {
        /// Start from this case file (TOML); a new case when absent.
        case: Option<PathBuf>,
        /// Language of the questions (switch live with `l`).
        #[arg(long, value_enum, default_value_t = Lang::En)]
        lang: Lang,
    },
    /// A completion script for SHELL, generated from this command line's definition, on
    /// standard output. Bash: `source <(qualif completions bash)`; zsh: save it as `_qualif`
    /// in a folder of $fpath; fish: save it in ~/.config/fish/completions/qualif.fish.
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: Shell,
    },
    /// The manual page (roff), generated from this command line's definition, on standard
    /// output: `qualif man > qualif.1 && man -l qualif.1`.
    Man,
}

/// The shells `qualif completions` writes a script for.
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum Shell {
    Bash,
    Zsh,
    Fish,
    Powershell,
    Elvish,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum Format {
    Table,
    Json,
    Markdown,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum Lang {
    En,
    Fr,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
        }
    }
}

/// The catalog's `msg!` takes the language as the command line gives it.
impl crate::catalog::ToLang for Lang {
    fn to_lang(&self) -> crate::catalog::Lang {
        crate::catalog::Lang::of(self.code())
    }
}

/// The case file and the law to read it against (`assess`, `compare`).
#[derive(Debug, Args)]
pub struct CaseAndLaw {
    /// The case file (TOML).
    pub case: PathBuf,
    /// Only these systems, comma-separated (e.g. BE,FR,CA,EU-2011-93).
    #[arg(long, value_delimiter = ',', value_name = "IDS")]
    pub systems: Vec<String>,
    /// Apply the law in force on this date instead of the date of the facts (YYYY-MM-DD).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date_arg)]
    pub date: Option<chrono::NaiveDate>,
}

/// How a result is printed (`assess`, `compare`, `scale`).
#[derive(Debug, Args)]
pub struct Printed {
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// Language of the labels in table and Markdown output.
    #[arg(long, value_enum, default_value_t = Lang::En)]
    pub lang: Lang,
    /// Width of the table output, in columns (at least 40). Default: the terminal's width
    /// when standard output is a terminal, else 80.
    #[arg(long, value_name = "COLUMNS", value_parser = clap::value_parser!(u16).range(40..=1000))]
    pub width: Option<u16>,
}

impl Printed {
    /// The width the tables are laid out in: `--width`, else the terminal's when standard
    /// output is one, else 80 (a file or a pipe: what a printed page and most readers take).
    pub fn columns(&self) -> usize {
        use std::io::IsTerminal;
        let width = self.width.map(usize::from).unwrap_or_else(|| {
            if std::io::stdout().is_terminal() {
                ratatui::crossterm::terminal::size()
                    .map(|(w, _)| usize::from(w))
                    .unwrap_or(80)
            } else {
                80
            }
        });
        width.max(40)
    }
}

#[derive(Debug, Args)]
pub struct AssessArgs {
    #[command(flatten)]
    pub input: CaseAndLaw,
    #[command(flatten)]
    pub printed: Printed,
    /// Also list the excluded provisions in table and Markdown output, with the element
    /// that excludes each.
    #[arg(long)]
    pub all: bool,
}

#[derive(Debug, Args)]
pub struct CompareArgs {
    #[command(flatten)]
    pub input: CaseAndLaw,
    #[command(flatten)]
    pub printed: Printed,
    /// Always print the comparison as one matrix (conduct by system), even when it is wider
    /// than the terminal; otherwise a comparison that does not fit is printed as one block
    /// per conduct.
    #[arg(long)]
    pub wide: bool,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum ExploreFormat {
    Table,
    Json,
    Svg,
}

#[derive(Debug, Args)]
pub struct ExploreArgs {
    pub case: PathBuf,
    /// The fact and its values: `victim.age=8..17` (`/2` for a step), `offender.age=14..30`,
    /// `case.date_of_facts=2019-01-01..2026-12-31` (a row at every date the law changes),
    /// `act.consent` or `act.sexual_contact` (every value), or values separated by commas.
    #[arg(long, value_name = "FACT=RANGE")]
    pub vary: String,
    /// Only these national systems (comma-separated ids).
    #[arg(long, value_delimiter = ',', value_name = "IDS")]
    pub systems: Vec<String>,
    /// `svg`: a chart of the maximum penalty retained in each system as the fact varies.
    #[arg(long, value_enum, default_value_t = ExploreFormat::Table)]
    pub format: ExploreFormat,
    #[arg(long, value_enum, default_value_t = Lang::En)]
    pub lang: Lang,
}

#[derive(Debug, Args)]
pub struct ScaleArgs {
    /// The case file (TOML).
    pub case: PathBuf,
    /// A proposed or imposed custodial sentence to place: 3y, 18m, 2y6m, 26w.
    #[arg(long, value_name = "TERM", value_parser = parse_sentence_arg)]
    pub sentence: Option<f64>,
    #[command(flatten)]
    pub printed: Printed,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum ReportFormat {
    Markdown,
    Html,
    Json,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// The case file (TOML).
    pub case: PathBuf,
    /// Output format (default: from the extension of -o, else markdown).
    #[arg(long, value_enum)]
    pub format: Option<ReportFormat>,
    /// Write the report to FILE (atomically, readable by the owner only) instead of
    /// standard output.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Only these systems, comma-separated (e.g. BE,FR,CA,EU-2011-93).
    #[arg(long, value_delimiter = ',', value_name = "IDS")]
    pub systems: Vec<String>,
    /// Apply the law in force on this date instead of the date of the facts (YYYY-MM-DD).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date_arg)]
    pub date: Option<chrono::NaiveDate>,
    /// Language of the report.
    #[arg(long, value_enum, default_value_t = Lang::En)]
    pub lang: Lang,
    /// Remove the case title, the notes, every free-text field and every identifying field
    /// (dates of birth); ages and countries are kept, and the report says it is redacted.
    #[arg(long)]
    pub redact: bool,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum BatchFormat {
    Json,
    Csv,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum BatchInput {
    Jsonl,
    Csv,
}

#[derive(Debug, Args)]
#[command(group = clap::ArgGroup::new("source").required(true).args(["file", "synthesize"]))]
pub struct BatchArgs {
    /// The cases: FILE.jsonl (one JSON object per line, with the sections of a case file)
    /// or FILE.csv (a header row of dotted keys such as victim.age; lists separated by `;`;
    /// an empty cell is unknown); `-` reads standard input (give --input-format).
    pub file: Option<PathBuf>,
    /// Format of the results: JSON Lines (one object per case, then one with the
    /// aggregates) or CSV (one row per case).
    #[arg(long, value_enum, default_value_t = BatchFormat::Json)]
    pub format: BatchFormat,
    /// Write the results (or the synthetic dataset) to FILE instead of standard output.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Also write the aggregate figures to FILE (CSV or JSON, as --format).
    #[arg(long, value_name = "FILE", conflicts_with = "synthesize")]
    pub aggregates: Option<PathBuf>,
    /// Print the aggregate figures as a table on standard output once the results are
    /// written to the file of -o (without it, standard output carries the results). Nothing
    /// is printed on standard error unless records are rejected.
    #[arg(long, requires = "output", conflicts_with = "synthesize")]
    pub summary: bool,
    /// The input's format, when its extension does not say.
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub input_format: Option<BatchInput>,
    /// Instead of reading cases, write N synthetic ones (JSON Lines, each titled
    /// "SYNTHETIC …"), for benchmarks and tests.
    #[arg(long, value_name = "N")]
    pub synthesize: Option<u64>,
    /// Seed of the synthetic dataset: the same seed gives the same cases.
    #[arg(long, value_name = "S", default_value_t = 1, requires = "synthesize")]
    pub seed: u64,
    /// Language of the --summary table and of the count of rejected records.
    #[arg(long, value_enum, default_value_t = Lang::En)]
    pub lang: Lang,
}

fn parse_sentence_arg(s: &str) -> Result<f64, String> {
    crate::scale::parse_sentence(s)
}

#[derive(Debug, Subcommand)]
pub enum LawCommand {
    /// List the legal systems and their provisions.
    List {
        /// Only this system.
        #[arg(long, value_name = "ID")]
        system: Option<String>,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
        /// Language of the table.
        #[arg(long, value_enum, default_value_t = Lang::En)]
        lang: Lang,
    },
    /// Show one provision (every version, element, aggravation and source) or one system.
    Show {
        /// A provision id (e.g. FR.227-23.possession) or a system id (e.g. FR).
        id: String,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
        /// Language of the text.
        #[arg(long, value_enum, default_value_t = Lang::En)]
        lang: Lang,
    },
    /// Check a data folder (the built-in data when none is given).
    Validate {
        /// A folder holding vocabulary.toml and the system files (or a jurisdictions/ folder).
        dir: Option<PathBuf>,
        /// Language of the summary line.
        #[arg(long, value_enum, default_value_t = Lang::En)]
        lang: Lang,
    },
}

fn parse_date_arg(s: &str) -> Result<chrono::NaiveDate, String> {
    crate::facts::parse_date(s).ok_or_else(|| {
        format!(
            "`{}` is not a date: write YYYY-MM-DD",
            crate::diagnostics::quote(s)
        )
    })
}
