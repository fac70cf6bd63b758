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
