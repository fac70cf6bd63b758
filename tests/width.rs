//! Terminal output fits the terminal (#18 item 7): `assess`, `compare` and `scale` are laid
//! out in `--width` columns (default: the terminal's width on a terminal, else 80). Every
//! line of a table stays within the width; the comparison becomes one block per conduct
//! when its matrix does not fit, unless `--wide`. The outputs at 80 and 160 columns are
//! kept as snapshots.

use std::process::Command;

const CASE: &str = "tests/scenarios/07-livestream-philippines.toml";

fn run(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_qualif"))
        .args(args)
        .env("QUALIF_TODAY", "2026-11-22")
        .env_remove("COLUMNS")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The lines drawn by a table (borders and cells), as a terminal shows them.
fn table_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .filter(|l| l.starts_with(['│', '┌', '└', '╞', '├', '╭', '┆', '╘', '╒', '┃']))
}

fn widest(text: &str) -> usize {
    table_lines(text)
        .map(|l| l.chars().count())
        .max()
        .unwrap_or(0)
}

#[test]
fn tables_fit_the_width() {
    for command in [["assess", CASE], ["compare", CASE], ["scale", CASE]] {
        for width in [80, 100, 160] {
            let w = width.to_string();
            let mut args = command.to_vec();
            args.extend(["--width", &w]);
            let text = run(&args);
            assert!(
                widest(&text) <= width,
                "{args:?}: a table line of {} columns",
                widest(&text)
            );
        }
    }
    // Forced, the matrix still keeps to the width (its cells wrap).
    let text = run(&["compare", CASE, "--width", "80", "--wide"]);
    assert!(table_lines(&text).count() > 0, "--wide prints the matrix");
    assert!(widest(&text) <= 80);
}

#[test]
fn the_comparison_turns_into_blocks_when_the_matrix_does_not_fit() {
    let narrow = run(&["compare", CASE, "--width", "80"]);
    assert_eq!(
        table_lines(&narrow).count(),
        0,
        "no matrix at 80 columns for five systems"
    );
    assert!(narrow.contains("▸ Retained (certain maximum)"));
    let wide = run(&["compare", CASE, "--width", "160"]);
    assert!(table_lines(&wide).count() > 0, "the matrix at 160 columns");
    assert!(!wide.contains("▸ "));
    // Without a terminal and without --width: 80 columns.
    assert_eq!(run(&["compare", CASE]), narrow);
}

#[test]
fn a_width_below_forty_is_refused() {
    let out = Command::new(env!("CARGO_BIN_EXE_qualif"))
        .args(["assess", CASE, "--width", "20"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("40"));
}

#[test]
fn snapshots_at_80_and_160_columns() {
    for width in ["80", "160"] {
        for (name, args) in [
            ("assess", vec!["assess", CASE, "--systems", "FR,CA"]),
            ("compare", vec!["compare", CASE]),
            ("scale", vec!["scale", CASE, "--sentence", "3y"]),
        ] {
            let mut args = args;
            args.extend(["--width", width]);
            insta::assert_snapshot!(format!("{name}_{width}"), run(&args));
        }
    }
}
