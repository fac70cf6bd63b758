//! The command line's conventions: shell completions and the manual page generated from the
//! one clap definition, `--lang` on every command that prints text, `report --systems
//! --date` as `assess`, and "did you mean" for a misspelt section as for a misspelt key.

use std::process::{Command, Output};

fn qualif(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_qualif"))
        .args(args)
        .env("QUALIF_TODAY", "2026-11-22")
        .env_remove("RUST_BACKTRACE")
        .output()
        .expect("the binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("UTF-8")
}

fn ok(args: &[&str]) -> String {
    let o = qualif(args);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(o.stderr.is_empty(), "{args:?} is silent on standard error");
    stdout(&o)
}

fn have(program: &str) -> bool {
    Command::new("sh")
        .args(["-c", &format!("command -v {program}")])
        .output()
        .is_ok_and(|o| o.status.success())
}

/// The bash script parses (`bash -n`), and once sourced completes the commands and the
/// options of a command: it is the clap definition's, not a hand-written copy.
#[test]
fn bash_completions_load_in_bash() {
    let script = ok(&["completions", "bash"]);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("qualif.bash");
    std::fs::write(&path, &script).unwrap();
    assert!(script.contains("complete -F _qualif"), "{script}");
    for word in ["assess", "report", "completions", "--systems", "--lang"] {
        assert!(script.contains(word), "{word} in the bash completions");
    }
    if !have("bash") {
        return;
    }
    let check = Command::new("bash").arg("-n").arg(&path).output().unwrap();
    assert!(
        check.status.success(),
        "bash -n: {}",
        String::from_utf8_lossy(&check.stderr)
    );
    // Sourced, the function completes `qualif rep` to `report`.
    let run = format!(
        "source '{}'; COMP_WORDS=(qualif rep); COMP_CWORD=1; COMP_LINE='qualif rep'; COMP_POINT=10; _qualif qualif rep qualif; printf '%s\\n' \"${{COMPREPLY[@]}}\"",
        path.display()
    );
    let done = Command::new("bash").args(["-c", &run]).output().unwrap();
    assert_eq!(
        String::from_utf8_lossy(&done.stdout).trim(),
        "report",
        "{}",
        String::from_utf8_lossy(&done.stderr)
    );
}

/// Every shell of the command's list gets a script that names the program and its commands.
#[test]
fn every_shell_gets_a_script() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let script = ok(&["completions", shell]);
        assert!(script.contains("qualif"), "{shell}");
        assert!(script.contains("assess"), "{shell}");
        assert!(script.contains("data-dir"), "{shell}");
    }
    let o = qualif(&["completions", "tcsh"]);
    assert_eq!(o.status.code(), Some(2));
}

/// The manual page: roff with a title, every command's own section with its options, and
/// the exit codes. Rendered with `man -l` where `man` exists on the machine (then the text
/// is checked too), else checked as roff: every line a request, an escape or text, and the
/// sections in order.
#[test]
fn the_manual_page_renders() {
    let roff = ok(&["man"]);
    assert!(roff.contains(".TH qualif 1"), "{roff}");
    let sections: Vec<&str> = roff
        .lines()
        .filter_map(|l| l.strip_prefix(".SH "))
        .collect();
    let want = [
        "NAME",
        "SYNOPSIS",
        "DESCRIPTION",
        "OPTIONS",
        "COMMANDS",
        "\"QUALIF ASSESS\"",
        "\"QUALIF COMPARE\"",
        "\"QUALIF EXPLORE\"",
        "\"QUALIF SCALE\"",
        "\"QUALIF REPORT\"",
        "\"QUALIF BATCH\"",
        "\"QUALIF LAW\"",
        "\"QUALIF LAW LIST\"",
        "\"QUALIF LAW SHOW\"",
        "\"QUALIF LAW VALIDATE\"",
        "\"QUALIF INTERVIEW\"",
        "\"QUALIF COMPLETIONS\"",
        "\"QUALIF MAN\"",
        "\"EXIT STATUS\"",
        "VERSION",
    ];
    assert_eq!(sections, want);
    // No request the roff of clap_mangen does not write, no unbalanced font change.
    for line in roff.lines().filter(|l| l.starts_with('.')) {
        let request = line[1..].split_whitespace().next().unwrap_or("");
        assert!(
            [
                "TH", "SH", "SS", "TP", "PP", "IP", "RS", "RE", "ie", "el", "br"
            ]
            .contains(&request),
            "unexpected request: {line}"
        );
    }
    if !have("man") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("qualif.1");
    std::fs::write(&path, &roff).unwrap();
    let o = Command::new("man")
        .arg("-l")
        .arg(&path)
        .env("MANPAGER", "cat")
        .env("PAGER", "cat")
        .env("MANWIDTH", "80")
        .env("LC_ALL", "C.UTF-8")
        .output()
        .unwrap();
    // man justifies lines: words may be separated by more than one space.
    let text = String::from_utf8_lossy(&o.stdout)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        o.status.success(),
        "man -l: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    for words in ["QUALIF REPORT", "--systems", "EXIT STATUS", "bad input"] {
        assert!(text.contains(words), "{words} in:\n{text}");
    }
}

/// `report --systems FR` holds France and no other national system; `--date` applies the
/// law of that date, which the report's header gives.
#[test]
fn report_takes_systems_and_date_as_assess_does() {
    let case = "tests/scenarios/07-livestream-philippines.toml";
    let json = ok(&[
        "report",
        case,
        "--format",
        "json",
        "--systems",
        "FR",
        "--date",
        "2015-06-01",
    ]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let ids: Vec<&str> = v["systems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["FR"]);
    assert_eq!(v["header"]["law_date"], "2015-06-01");
    let o = qualif(&["report", case, "--systems", "XX"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("unknown system `XX`"));
}

/// Every command that prints words has `--lang`; in French its words are French.
#[test]
fn every_command_that_prints_text_takes_lang() {
    let french = ok(&["law", "validate", "--lang", "fr"]);
    assert!(
        french.starts_with("ok : ") && french.contains("dispositions"),
        "{french}"
    );
    assert!(ok(&["law", "list", "--lang", "fr"]).contains("Code pénal"));
    ok(&["law", "show", "FR", "--lang", "fr"]);
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.jsonl");
    let summary = ok(&[
        "batch",
        "tests/batch/golden.jsonl",
        "-o",
        out.to_str().unwrap(),
        "--summary",
        "--lang",
        "fr",
    ]);
    assert!(
        summary.starts_with("12 enregistrements : 12 évalués, 0 rejetés"),
        "{summary}"
    );
    assert!(summary.contains("médiane"), "{summary}");
    // Every subcommand that prints text declares the option.
    for cmd in [
        vec!["assess"],
        vec!["compare"],
        vec!["scale"],
        vec!["report"],
        vec!["batch"],
        vec!["interview"],
        vec!["law", "list"],
        vec!["law", "show"],
        vec!["law", "validate"],
    ] {
        let mut args = cmd.clone();
        args.push("--help");
        assert!(ok(&args).contains("--lang"), "{cmd:?}");
    }
}

/// A misspelt section gets the same "did you mean" as a misspelt key.
#[test]
fn a_misspelt_section_gets_a_suggestion() {
    let o = qualif(&["assess", "tests/malformed/cases/unknown-section.toml"]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("unknown section `victm` (did you mean `victim`?)"),
        "{err}"
    );
    // Nothing close: no guess.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.toml");
    std::fs::write(&path, "version = 1\n[zzzzzzzzzz]\nage = 3\n").unwrap();
    let o = qualif(&["assess", path.to_str().unwrap()]);
    assert!(!String::from_utf8_lossy(&o.stderr).contains("did you mean"));
}
