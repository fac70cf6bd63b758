//! The binary as scripts and users see it: exit codes, located messages, no panic.

use std::path::Path;
use std::process::{Command, Output};

fn qualif(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_qualif"))
        .args(args)
        .env("QUALIF_TODAY", "2026-11-22")
        .env_remove("RUST_BACKTRACE")
        .output()
        .expect("the binary runs")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn assert_bad_input(o: &Output) {
    let err = stderr(o);
    assert_eq!(
        o.status.code(),
        Some(2),
        "exit code for bad input; stderr:\n{err}"
    );
    assert!(
        !err.contains("panicked") && !err.contains("RUST_BACKTRACE"),
        "panic:\n{err}"
    );
    assert!(o.stdout.is_empty(), "nothing on stdout for bad input");
}

/// Every malformed case file gives one located message and exit code 2; the exact
/// messages are in the snapshots.
#[test]
fn malformed_case_files_are_rejected_with_located_messages() {
    let mut files: Vec<_> = std::fs::read_dir("tests/malformed/cases")
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    files.sort();
    assert!(files.len() >= 20);
    let mut all = String::new();
    for f in &files {
        let o = qualif(&["assess", f.to_str().unwrap(), "--format", "json"]);
        assert_bad_input(&o);
        let err = stderr(&o);
        let name = f.display().to_string();
        assert!(
            err.starts_with(&format!("error: {name}:")),
            "message names the file with line and column: {err}"
        );
        assert_eq!(err.matches("error:").count(), 1, "one message: {err}");
        all.push_str(&format!(
            "## {}\n{err}\n",
            f.file_name().unwrap().to_string_lossy()
        ));
    }
    insta::assert_snapshot!("malformed_cases", all);
}

#[test]
fn missing_case_file_is_bad_input() {
    let o = qualif(&["assess", "tests/no-such-file.toml"]);
    assert_bad_input(&o);
    assert!(stderr(&o).contains("no such file"));
}

#[test]
fn unknown_option_is_bad_input() {
    let o = qualif(&["assess", "--bogus", "x.toml"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--bogus"));
}

#[test]
fn unknown_system_is_bad_input_and_lists_the_accepted_ones() {
    let o = qualif(&[
        "assess",
        "tests/scenarios/06-animateur-telegram.toml",
        "--systems",
        "XX",
    ]);
    assert_bad_input(&o);
    assert!(stderr(&o).contains("unknown system `XX`"), "{}", stderr(&o));
}

#[test]
fn the_built_in_data_validates() {
    let o = qualif(&["law", "validate"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(String::from_utf8_lossy(&o.stdout).starts_with("ok:"));
}

#[test]
fn every_scenario_assesses_in_every_format() {
    for e in std::fs::read_dir("tests/scenarios").unwrap().flatten() {
        let path = e.path();
        for format in ["json", "table", "markdown"] {
            let o = qualif(&["assess", path.to_str().unwrap(), "--format", format]);
            assert_eq!(
                o.status.code(),
                Some(0),
                "{} {format}: {}",
                path.display(),
                stderr(&o)
            );
        }
        let o = qualif(&["assess", path.to_str().unwrap(), "--format", "json"]);
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("valid JSON");
        assert_eq!(v["contract"], 1);
        assert!(v["systems"].as_array().is_some());
    }
}

/// A data folder with one broken system file: `law validate DIR` reports it (exit 1), and
/// any command run on it with --data-dir refuses it (exit 2).
#[test]
fn broken_data_files_are_located() {
    let vocabulary = std::fs::read_to_string("jurisdictions/vocabulary.toml").unwrap();
    let header = "[system]\nid = \"XX\"\nkind = \"national\"\nlanguage = \"en\"\nname = { fr = \"X\", en = \"X\" }\n";
    let provision = |when: &str, penalty: &str| {
        format!(
            "{header}\n[[provision]]\nid = \"XX.1\"\ncitation = \"s. 1\"\ntitle = {{ fr = \"a\", en = \"a\" }}\n\n  [[provision.element]]\n  id = \"e\"\n  label = {{ fr = \"e\", en = \"e\" }}\n  when = \"{when}\"\n\n  [[provision.version]]\n  in_force_from = \"2020-01-01\"\n  verification = \"verified-primary\"\n  sources = [\"https://example.org/law\"]\n  penalty = {{ {penalty} }}\n"
        )
    };
    let cases: Vec<(&str, String, &str)> = vec![
        (
            "unknown fact",
            provision("victim.agee < 15", "prison_max = \"5y\""),
            "unknown fact `victim.agee`",
        ),
        (
            "wrong type",
            provision("victim.age < 'old'", "prison_max = \"5y\""),
            "`victim.age` is a whole number, but is compared with a text",
        ),
        (
            "impossible value",
            provision("act.sexual_contact == 'kiss'", "prison_max = \"5y\""),
            "`kiss` is not a value of `act.sexual_contact`",
        ),
        (
            "syntax",
            provision("victim.age < ", "prison_max = \"5y\""),
            "expected a value",
        ),
        (
            "bad term",
            provision("victim.age < 15", "prison_max = \"five years\""),
            "is not a term",
        ),
        (
            "unknown provision ref",
            provision("applies(XX.9)", "prison_max = \"5y\""),
            "refers to `XX.9`",
        ),
        (
            "self reference",
            provision("applies(XX.1)", "prison_max = \"5y\""),
            "depends on itself",
        ),
        (
            "unknown key",
            format!("{header}colour = \"red\"\n"),
            "unknown field `colour`",
        ),
        (
            "no sources",
            provision("victim.age < 15", "prison_max = \"5y\"")
                .replace("sources = [\"https://example.org/law\"]", "sources = []"),
            "cites no source",
        ),
        (
            "source key instead of URL",
            provision("victim.age < 15", "prison_max = \"5y\"")
                .replace("https://example.org/law", "F12"),
            "is not a URL",
        ),
        (
            "list compared with ==",
            provision("material.conduct == 'possessed'", "prison_max = \"5y\""),
            "is a list",
        ),
        (
            "title in an undeclared language",
            provision("victim.age < 15", "prison_max = \"5y\"").replace(
                "title = { fr = \"a\", en = \"a\" }",
                "title = { fr = \"a\", en = \"a\", other = { nl = \"a\" } }",
            ),
            "a language the system does not declare",
        ),
        (
            "limitation from majority without an age of majority",
            format!(
                "{}\n[[limitation]]\nid = \"XX.L\"\ncitation = \"s. 2\"\nlabel = {{ fr = \"p\", en = \"p\" }}\napplies_to = [\"XX.1\"]\nstarts = \"majority\"\n  [[limitation.version]]\n  in_force_from = \"2020-01-01\"\n  period = \"20y\"\n  verification = \"verified-primary\"\n  sources = [\"https://example.org/law\"]\n",
                provision("victim.age < 15", "prison_max = \"5y\"")
            ),
            "gives no age of majority",
        ),
        (
            "court country not a country code",
            format!("{header}court_countries = [\"France\"]\n"),
            "is not an ISO 3166-1 alpha-2 country code",
        ),
    ];
    let mut all = String::new();
    for (name, text, expected) in cases {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("vocabulary.toml"), &vocabulary).unwrap();
        std::fs::write(dir.path().join("xx.toml"), &text).unwrap();
        let d = dir.path().to_str().unwrap();
        let o = qualif(&["law", "validate", d]);
        let err = stderr(&o).replace(d, "DIR");
        assert_eq!(
            o.status.code(),
            Some(1),
            "{name}: validate exits 1; stderr:\n{err}"
        );
        assert!(
            err.contains(expected),
            "{name}: expected `{expected}` in:\n{err}"
        );
        assert!(err.contains("DIR/xx.toml:"), "{name}: located:\n{err}");
        let o = qualif(&[
            "--data-dir",
            d,
            "assess",
            "tests/scenarios/06-animateur-telegram.toml",
        ]);
        assert_bad_input(&o);
        all.push_str(&format!("## {name}\n{err}\n"));
    }
    insta::assert_snapshot!("broken_data_files", all);
}

#[test]
fn data_dir_that_does_not_exist_is_bad_input() {
    let o = qualif(&["--data-dir", "/nonexistent/qualif-data", "law", "list"]);
    assert_bad_input(&o);
    assert!(Path::new("jurisdictions/vocabulary.toml").exists());
}

// ---------------------------------------------------------------------------------------
// Hardening, round two (issue #15): failed writes, closed pipes.

use std::process::{Child, Stdio};

/// The binary with these arguments in `dir`, its standard output and error as given.
fn spawn_in(dir: &Path, args: &[&str], stdout: Stdio, stderr: Stdio) -> Child {
    Command::new(env!("CARGO_BIN_EXE_qualif"))
        .args(args)
        .current_dir(dir)
        .env("QUALIF_TODAY", "2026-11-22")
        .env_remove("RUST_BACKTRACE")
        .stdin(Stdio::null())
        .stdout(stdout)
        .stderr(stderr)
        .spawn()
        .expect("the binary runs")
}

/// A folder with a case file (`case.toml`), a batch of cases (`cases.jsonl`, `cases.csv`)
/// and a batch of 2,000 records that are all rejected (`bad.jsonl`: over 200 KB of
/// messages, more than a pipe holds).
fn printing_fixture() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::copy(
        root.join("tests/scenarios/07-livestream-philippines.toml"),
        dir.path().join("case.toml"),
    )
    .unwrap();
    std::fs::copy(
        root.join("tests/batch/golden.jsonl"),
        dir.path().join("cases.jsonl"),
    )
    .unwrap();
    std::fs::copy(
        root.join("tests/batch/golden.csv"),
        dir.path().join("cases.csv"),
    )
    .unwrap();
    let bad: String = (0..2000)
        .map(|_| "{\"victim\": {\"age\": \"eleven\"}}\n")
        .collect();
    std::fs::write(dir.path().join("bad.jsonl"), bad).unwrap();
    dir
}

/// Every command that prints on standard output, as run in [`printing_fixture`].
fn printing_commands() -> Vec<Vec<&'static str>> {
    let mut out = Vec::new();
    for format in ["table", "json", "markdown"] {
        out.push(vec!["assess", "case.toml", "--format", format]);
        out.push(vec!["compare", "case.toml", "--format", format]);
        out.push(vec!["scale", "case.toml", "--format", format]);
        out.push(vec!["law", "list", "--format", format]);
        out.push(vec![
            "law",
            "show",
            "FR.227-23.possession",
            "--format",
            format,
        ]);
    }
    for format in ["markdown", "html", "json"] {
        out.push(vec!["report", "case.toml", "--format", format]);
    }
    out.extend([
        vec!["assess", "case.toml", "--all", "--lang", "fr"],
        vec!["scale", "case.toml", "--sentence", "2y"],
        vec!["law", "show", "FR"],
        vec!["law", "validate"],
        vec!["batch", "cases.jsonl"],
        vec!["batch", "cases.csv", "--format", "csv"],
        vec!["batch", "--synthesize", "20"],
        vec!["batch", "cases.jsonl", "-o", "out.jsonl", "--summary"],
        vec!["--help"],
        vec!["--version"],
        vec!["report", "--help"],
        vec!["help", "batch"],
        vec![
            "report",
            "case.toml",
            "--systems",
            "FR",
            "--date",
            "2020-01-01",
        ],
        vec!["law", "validate", "--lang", "fr"],
        vec![
            "batch",
            "cases.jsonl",
            "-o",
            "out.jsonl",
            "--summary",
            "--lang",
            "fr",
        ],
        vec!["completions", "bash"],
        vec!["completions", "zsh"],
        vec!["man"],
    ]);
    out
}

fn no_panic(args: &[&str], o: &Output) {
    let err = stderr(o);
    assert_ne!(o.status.code(), Some(101), "{args:?} panicked: {err}");
    assert!(
        !err.contains("panicked") && !err.contains("RUST_BACKTRACE"),
        "{args:?} panicked: {err}"
    );
}

/// Standard output on a full device: every printing command says so on standard error and
/// exits with code 2, instead of exiting 0 with its result lost.
#[cfg(unix)]
#[test]
fn a_failed_write_on_standard_output_is_an_error() {
    let dir = printing_fixture();
    for args in printing_commands() {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .expect("/dev/full");
        let o = spawn_in(dir.path(), &args, Stdio::from(full), Stdio::piped())
            .wait_with_output()
            .unwrap();
        no_panic(&args, &o);
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {err}");
        assert_eq!(
            err, "error: cannot write standard output: No space left on device (os error 28)\n",
            "{args:?}"
        );
    }
}

/// A disk that fills up while a command prints to a file (`report > report.html`), made
/// with a file-size limit of 8 KiB (`ulimit -f`, with SIGXFSZ ignored so that the write
/// fails rather than the process being killed): exit code 2 and a message, not 0 with a
/// truncated file. (A real full disk needs a small file system to fill, which tests
/// cannot mount; the write fails the same way.)
#[cfg(unix)]
#[test]
fn a_short_write_on_standard_output_is_an_error() {
    let dir = printing_fixture();
    for args in [
        &["report", "case.toml", "--format", "html"][..],
        &["assess", "case.toml", "--format", "json"][..],
        &["batch", "--synthesize", "1000"][..],
    ] {
        let o = Command::new("bash")
            .arg("-c")
            .arg("trap '' XFSZ; ulimit -f 8; exec \"$0\" \"$@\" > out.txt")
            .arg(env!("CARGO_BIN_EXE_qualif"))
            .args(args)
            .current_dir(dir.path())
            .env("QUALIF_TODAY", "2026-11-22")
            .output()
            .unwrap();
        no_panic(args, &o);
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {err}");
        assert!(
            err.starts_with("error: cannot write standard output: File too large"),
            "{args:?}: {err}"
        );
        assert_eq!(
            std::fs::metadata(dir.path().join("out.txt")).unwrap().len(),
            8192
        );
    }
}

/// A reader that stops listening (`| head`): standard output closed before the command
/// writes. The command ends quietly (exit code 0, no message), never with a panic.
#[test]
fn a_closed_standard_output_ends_the_command_quietly() {
    let dir = printing_fixture();
    for args in printing_commands() {
        let mut child = spawn_in(dir.path(), &args, Stdio::piped(), Stdio::piped());
        drop(child.stdout.take());
        let o = child.wait_with_output().unwrap();
        no_panic(&args, &o);
        assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stderr(&o));
        assert!(!stderr(&o).contains("error"), "{args:?}: {}", stderr(&o));
    }
}

/// Standard error closed (`qualif batch … 2>&1 | head -2`): the rejected records cannot be
/// reported, and the run still ends normally (exit code 1: records were rejected; the
/// results are written), never with a panic (code 101). An error message that cannot be
/// written still gives exit code 2.
#[test]
fn a_closed_standard_error_is_no_panic() {
    let dir = printing_fixture();
    for (args, code) in [
        (&["batch", "bad.jsonl", "-o", "out.jsonl"][..], 1),
        (&["batch", "bad.jsonl"][..], 1),
        (&["assess", "missing.toml"][..], 2),
        (&["report", "case.toml", "--format", "pdf"][..], 2),
    ] {
        let mut child = spawn_in(dir.path(), args, Stdio::null(), Stdio::piped());
        drop(child.stderr.take());
        let o = child.wait_with_output().unwrap();
        no_panic(args, &o);
        assert_eq!(o.status.code(), Some(code), "{args:?}");
    }
    let out = std::fs::read_to_string(dir.path().join("out.jsonl")).unwrap();
    assert!(
        out.contains("\"aggregates\""),
        "the results were written: {out}"
    );
}

// ---------------------------------------------------------------------------------------
// Hardening, round two (issue #15): an output that is an input.

/// The files of a folder, with their contents.
fn contents(dir: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .filter(|e| e.file_type().unwrap().is_file())
        .map(|e| {
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect()
}

/// An output that is the input, or the other output, under any name (the same name, `./`,
/// a folder and back, a symbolic link, a hard link; a file that does not exist yet named
/// twice): refused with exit code 2 and one message, before anything is written. Every
/// file of the folder is left as it was, and no file is added.
#[cfg(unix)]
#[test]
fn an_output_that_is_an_input_is_refused_before_anything_is_written() {
    let dir = printing_fixture();
    let d = dir.path();
    std::fs::create_dir(d.join("sub")).unwrap();
    std::os::unix::fs::symlink("case.toml", d.join("case-link.toml")).unwrap();
    std::fs::hard_link(d.join("case.toml"), d.join("case-hard.toml")).unwrap();
    std::os::unix::fs::symlink("cases.jsonl", d.join("cases-link.jsonl")).unwrap();
    // A link to a file that does not exist yet: writing through it creates `new.jsonl`.
    std::os::unix::fs::symlink("new.jsonl", d.join("new-link.jsonl")).unwrap();
    let before = contents(d);
    let links = ["case-link.toml", "cases-link.jsonl", "new-link.jsonl"];
    let runs: [&[&str]; 16] = [
        &["report", "case.toml", "-o", "case.toml"],
        &["report", "case.toml", "-o", "./case.toml"],
        &["report", "case.toml", "-o", "sub/../case.toml"],
        &[
            "report",
            "./case.toml",
            "--format",
            "html",
            "-o",
            "case-link.toml",
        ],
        &["report", "case-link.toml", "-o", "case.toml"],
        &[
            "report",
            "case.toml",
            "--format",
            "json",
            "-o",
            "case-hard.toml",
        ],
        &["batch", "cases.jsonl", "-o", "cases.jsonl"],
        &["batch", "cases.jsonl", "-o", "./cases.jsonl"],
        &["batch", "cases.jsonl", "-o", "cases-link.jsonl"],
        &[
            "batch",
            "cases-link.jsonl",
            "--format",
            "csv",
            "-o",
            "cases.jsonl",
        ],
        &["batch", "cases.jsonl", "--aggregates", "cases.jsonl"],
        &[
            "batch",
            "cases.jsonl",
            "-o",
            "out.jsonl",
            "--aggregates",
            "sub/../cases-link.jsonl",
        ],
        &[
            "batch",
            "cases.jsonl",
            "-o",
            "out.jsonl",
            "--aggregates",
            "out.jsonl",
        ],
        &[
            "batch",
            "cases.jsonl",
            "-o",
            "out.jsonl",
            "--aggregates",
            "./out.jsonl",
        ],
        &[
            "batch",
            "cases.jsonl",
            "-o",
            "new-link.jsonl",
            "--aggregates",
            "new.jsonl",
        ],
        &[
            "batch",
            "cases.csv",
            "--format",
            "csv",
            "-o",
            "cases.csv",
            "--summary",
        ],
    ];
    for args in runs {
        let o = spawn_in(d, args, Stdio::piped(), Stdio::piped())
            .wait_with_output()
            .unwrap();
        let err = stderr(&o);
        assert_bad_input(&o);
        assert_eq!(err.lines().count(), 1, "{args:?}: one message: {err}");
        assert!(
            err.starts_with("error: ")
                && err.contains("is the same file as")
                && err.contains("(nothing was written)"),
            "{args:?}: {err}"
        );
        assert_eq!(contents(d), before, "{args:?} changed a file");
        for l in links {
            assert!(
                std::fs::symlink_metadata(d.join(l))
                    .unwrap()
                    .file_type()
                    .is_symlink(),
                "{args:?}: {l}"
            );
        }
    }
    // Other names are written as usual.
    for (args, written) in [
        (&["report", "case.toml", "-o", "report.md"][..], "report.md"),
        (
            &[
                "batch",
                "cases.jsonl",
                "-o",
                "out.jsonl",
                "--aggregates",
                "agg.json",
            ][..],
            "agg.json",
        ),
    ] {
        let o = qualif_in(d, args);
        assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stderr(&o));
        assert!(d.join(written).is_file(), "{args:?}");
    }
}

fn qualif_in(dir: &Path, args: &[&str]) -> Output {
    spawn_in(dir, args, Stdio::piped(), Stdio::piped())
        .wait_with_output()
        .unwrap()
}

/// `--sentence` beyond 100 years (1,200 months) is refused, saying what is accepted, rather
/// than placed as a term of 10^21 months; `--date` after 9999-12-31 (or before year 0) is
/// refused rather than applied as "+10017-01-01".
#[test]
fn sentences_beyond_100_years_and_dates_beyond_9999_are_refused() {
    let case = "tests/scenarios/07-livestream-philippines.toml";
    for s in ["100000000000000000000y", "1201m", "100y1d", "5201w"] {
        let o = qualif(&["scale", case, "--sentence", s]);
        assert_bad_input(&o);
        let err = stderr(&o);
        assert!(
            err.contains(&format!(
                "`{s}` is more than 100 years: a sentence of at most 100 years (1200m) is accepted"
            )),
            "{s}: {err}"
        );
    }
    for s in ["100y", "1200m", "3y"] {
        let o = qualif(&["scale", case, "--sentence", s]);
        assert_eq!(o.status.code(), Some(0), "{s}: {}", stderr(&o));
    }
    for d in ["+10017-1-1", "-0001-1-01"] {
        let o = qualif(&["assess", case, &format!("--date={d}")]);
        assert_bad_input(&o);
        assert!(
            stderr(&o).contains(&format!("`{d}` is not a date: write YYYY-MM-DD")),
            "{d}: {}",
            stderr(&o)
        );
    }
}

/// A presumption is listed by every text output that relies on it, and the element that
/// rests on it says so; a case that answers the question relies on none.
#[test]
fn assess_lists_the_presumptions_it_relies_on() {
    let scenario = "tests/scenarios/01-sextortion-snapchat-14.toml";
    for (lang, heading, mark) in [
        ("en", "Presumed, not stated", "(presumed)"),
        ("fr", "Présumé, non indiqué", "(présumé)"),
    ] {
        for format in ["table", "markdown"] {
            let o = qualif(&[
                "assess",
                scenario,
                "--systems",
                "FR",
                "--lang",
                lang,
                "--format",
                format,
            ]);
            assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
            let out = String::from_utf8_lossy(&o.stdout);
            assert!(
                out.contains(heading),
                "{lang} {format}: no presumption listed"
            );
            assert!(
                out.contains(mark),
                "{lang} {format}: no element marked presumed"
            );
        }
    }
    // The same facts with the child stated real: nothing is presumed.
    let dir = tempfile::tempdir().unwrap();
    let stated = dir.path().join("stated.toml");
    let text = std::fs::read_to_string(scenario).unwrap();
    let text = text.replacen("[victim]\n", "[victim]\nfictitious = false\n", 1);
    assert!(
        text.contains("fictitious = false"),
        "the scenario has a [victim] table"
    );
    std::fs::write(&stated, text).unwrap();
    let o = qualif(&["assess", stated.to_str().unwrap(), "--systems", "FR"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(!out.contains("Presumed, not stated") && !out.contains("(presumed)"));
}
