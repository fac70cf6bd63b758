//! The command line: one clap definition feeds parsing and `--help`.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "qualif",
    version,
    about = "Qualify facts of sexual exploitation of children under several legal systems, compare penalties across borders.",
    long_about = "qualif reads a case file (TOML, see README.md) and says, for each legal system, which offences apply, which are possible and why, element by element, with the article, the penalty at the date of the facts and how well each provision is verified.\n\nDecision support, not legal advice. No network access, ever.",
    after_help = "Exit codes: 0 success; 1 the command found a problem you asked about (e.g. law validate found errors); 2 bad input (invalid case file, unknown option, invalid data folder)."
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
    /// The sentencing scale: category, role, starting point, range and factors (the
    /// official A/B/C guideline, and our proposal for live-streamed abuse), and with
    /// --sentence where a sentence sits against the range, each system's maximum and real
    /// outcomes.
    Scale(ScaleArgs),
    /// Browse and check the legal data.
    #[command(subcommand)]
    Law(LawCommand),
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

#[derive(Debug, Args)]
pub struct AssessArgs {
    /// The case file (TOML).
    pub case: PathBuf,
    /// Only these systems, comma-separated (e.g. BE,FR,CA).
    #[arg(long, value_delimiter = ',', value_name = "IDS")]
    pub systems: Vec<String>,
    /// Apply the law in force on this date instead of the date of the facts (YYYY-MM-DD).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date_arg)]
    pub date: Option<chrono::NaiveDate>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// Language of the labels in table and Markdown output.
    #[arg(long, value_enum, default_value_t = Lang::En)]
    pub lang: Lang,
    /// Also list the excluded provisions in table and Markdown output, with the element
    /// that excludes each.
    #[arg(long)]
    pub all: bool,
}

#[derive(Debug, Args)]
pub struct CompareArgs {
    /// The case file (TOML).
    pub case: PathBuf,
    /// Only these systems, comma-separated (e.g. BE,FR,CA,EU-2011-93).
    #[arg(long, value_delimiter = ',', value_name = "IDS")]
    pub systems: Vec<String>,
    /// Apply the law in force on this date instead of the date of the facts (YYYY-MM-DD).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date_arg)]
    pub date: Option<chrono::NaiveDate>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// Language of the labels in table and Markdown output.
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
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// Language of the labels in table and Markdown output.
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
    },
    /// Show one provision (every version, element, aggravation and source) or one system.
    Show {
        /// A provision id (e.g. FR.227-23.possession) or a system id (e.g. FR).
        id: String,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
        #[arg(long, value_enum, default_value_t = Lang::En)]
        lang: Lang,
    },
    /// Check a data folder (the built-in data when none is given).
    Validate {
        /// A folder holding vocabulary.toml and the system files (or a jurisdictions/ folder).
        dir: Option<PathBuf>,
    },
}

fn parse_date_arg(s: &str) -> Result<chrono::NaiveDate, String> {
    crate::facts::parse_date(s).ok_or_else(|| format!("`{s}` is not a date: write YYYY-MM-DD"))
}
