//! `qualif completions SHELL` and `qualif man`: both generated from the one clap definition
//! (`crate::cli::Cli`), so that they can never describe another command line.

use clap::CommandFactory;

use crate::cli::{Cli, Shell};

/// The completion script for `shell`.
pub fn completions(shell: Shell) -> Vec<u8> {
    use clap_complete::Shell as S;
    let shell = match shell {
        Shell::Bash => S::Bash,
        Shell::Zsh => S::Zsh,
        Shell::Fish => S::Fish,
        Shell::Powershell => S::PowerShell,
        Shell::Elvish => S::Elvish,
    };
    let mut cmd = Cli::command();
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut cmd, "qualif", &mut out);
    out
}

/// The manual page, in roff: the program's name, synopsis, description, options and
/// commands, then one section per command (and per `law` command) with its own synopsis,
/// description and options, then the exit codes.
pub fn man_page() -> Vec<u8> {
    let cmd = Cli::command();
    let man = clap_mangen::Man::new(cmd.clone());
    let mut out = Vec::new();
    // Writing to a Vec does not fail.
    let _ = man.render_title(&mut out);
    let _ = man.render_name_section(&mut out);
    let _ = man.render_synopsis_section(&mut out);
    let _ = man.render_description_section(&mut out);
    let _ = man.render_options_section(&mut out);
    // The commands are described below in this page, not in pages of their own.
    let mut commands = Vec::new();
    let _ = man.render_subcommands_section(&mut commands);
    let commands = String::from_utf8_lossy(&commands)
        .replace(".SH SUBCOMMANDS", ".SH COMMANDS")
        .replace("qualif\\-", "\\fBqualif \\fR")
        .replace("(1)\n", "\n");
    out.extend_from_slice(commands.as_bytes());
    for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
        command_section(&mut out, &format!("qualif {}", sub.get_name()), sub);
        for inner in sub.get_subcommands().filter(|s| s.get_name() != "help") {
            let name = format!("qualif {} {}", sub.get_name(), inner.get_name());
            command_section(&mut out, &name, inner);
        }
    }
    out.extend_from_slice(EXIT_STATUS.as_bytes());
    let _ = man.render_version_section(&mut out);
    out
}

/// The exit codes (as README.md and the output contract give them).
const EXIT_STATUS: &str = ".SH \"EXIT STATUS\"
.TP
\\fB0\\fR
success.
.TP
\\fB1\\fR
the command ran but found a problem you asked about: \\fBlaw validate\\fR found errors in the data, \\fBbatch\\fR rejected some records.
.TP
\\fB2\\fR
bad input (an unreadable or invalid case file, an unknown option, an invalid data folder) or an output that cannot be written; one message on standard error, with the file, line and column.
";

/// One command: `.SH` with its full name, its usage line, its description and its options
/// (the arguments and options of clap_mangen's own sections, under a sub-heading).
fn command_section(out: &mut Vec<u8>, name: &str, sub: &clap::Command) {
    let mut sub = sub.clone().bin_name(name);
    sub.build();
    let man = clap_mangen::Man::new(sub.clone());
    let mut section = Vec::new();
    let _ = man.render_synopsis_section(&mut section);
    let _ = man.render_description_section(&mut section);
    let _ = man.render_options_section(&mut section);
    let text = String::from_utf8_lossy(&section)
        .replace(".SH SYNOPSIS", &format!(".SH \"{}\"", name.to_uppercase()))
        .replace(".SH DESCRIPTION\n", ".PP\n")
        .replace(".SH OPTIONS", ".SS Options");
    out.extend_from_slice(text.as_bytes());
}
