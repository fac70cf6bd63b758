//! A count known only to be more than one: `live.sessions = "several"` (the vocabulary's
//! `at_least` word for the fact, a whole number of at least 2). Read from case files, batch
//! records (JSON Lines and CSV) and the interview's saved files; evaluated exactly by the
//! conditions (the truth table is in `crates/law/src/condition/tests.rs`); shown in every
//! output; any other word refused with its place and the accepted values.

use std::process::{Command, Output};

use chrono::NaiveDate;
use qualif::diagnostics::SourceText;
use qualif::engine::logic::Status;
use qualif::facts::{Case, Value};
use qualif::law::LawBook;
use qualif::scale::{Scales, evaluate_all};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 7).unwrap()
}

fn qualif(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_qualif"))
        .args(args)
        .output()
        .unwrap()
}

/// Scenario 09 (a paying viewer of a live stream, three sessions) with `sessions` replaced.
fn scenario_09(sessions: &str) -> String {
    let text = std::fs::read_to_string(format!(
        "{}/tests/scenarios/09-livestream-client-only.toml",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    assert!(text.contains("sessions = 3\n"));
    text.replace("sessions = 3\n", &format!("sessions = {sessions}\n"))
}

fn write(dir: &tempfile::TempDir, name: &str, text: &str) -> String {
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_string()
}

/// The status of the live-streaming extension's factor "repeated sessions" for a case
/// (`None`: not listed, the facts contradict it).
fn repeated_sessions(text: &str) -> Option<Status> {
    let book = LawBook::builtin().unwrap();
    let scales = Scales::builtin(&book.vocabulary).unwrap();
    let case = Case::parse(
        &SourceText::new("case.toml", text),
        &book.vocabulary,
        today(),
    )
    .unwrap_or_else(|d| panic!("{d}"));
    let (_, extensions) = evaluate_all(&scales, &case);
    let live = extensions
        .iter()
        .find(|e| {
            e.guideline
                .factors
                .iter()
                .any(|f| f.id == "LIVE.agg.sessions")
        })
        .expect("the live-streaming extension is evaluated");
    live.factors
        .iter()
        .find(|f| f.factor.id == "LIVE.agg.sessions")
        .map(|f| f.status)
}

#[test]
fn several_sessions_make_out_the_repeated_sessions_factor() {
    // `live.sessions >= 2`: true for "several", as for 3; false for 1; unknown when unstated.
    assert_eq!(
        repeated_sessions(&scenario_09("\"several\"")),
        Some(Status::Applies)
    );
    assert_eq!(repeated_sessions(&scenario_09("3")), Some(Status::Applies));
    assert_eq!(repeated_sessions(&scenario_09("1")), None);
    assert_eq!(
        repeated_sessions(&scenario_09("3").replace("sessions = 3\n", "")),
        Some(Status::Possible)
    );
}

#[test]
fn several_is_read_and_written_back_as_the_word() {
    let book = LawBook::builtin().unwrap();
    let text = scenario_09("\"several\"");
    let case = Case::parse(
        &SourceText::new("case.toml", &text),
        &book.vocabulary,
        today(),
    )
    .unwrap_or_else(|d| panic!("{d}"));
    assert_eq!(case.get("live.sessions"), Some(&Value::AtLeast(2)));
    // The interview saves case files with `Case::to_toml`: the word, read back the same.
    let saved = case.to_toml(&book.vocabulary);
    assert!(saved.contains("sessions = \"several\"\n"), "{saved}");
    let again = Case::parse(
        &SourceText::new("saved.toml", saved),
        &book.vocabulary,
        today(),
    )
    .unwrap_or_else(|d| panic!("{d}"));
    assert_eq!(again.get("live.sessions"), Some(&Value::AtLeast(2)));
}

#[test]
fn every_output_shows_several() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(&dir, "several.toml", &scenario_09("\"several\""));
    // JSON keeps a machine-readable form.
    let out = qualif(&["assess", &file, "--format", "json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        json["case"]["facts"]["live.sessions"],
        serde_json::json!({ "at_least": 2 })
    );
    // The scale lists the factor as made out by the facts.
    for (lang, factor, made_out) in [
        (
            "en",
            "Repeated sessions (more than one)",
            "supported by the facts",
        ),
        (
            "fr",
            "Séances répétées (plus d'une)",
            "établi par les faits",
        ),
    ] {
        let out = qualif(&["scale", &file, "--lang", lang]);
        assert!(out.status.success());
        let text = String::from_utf8_lossy(&out.stdout);
        let line = text
            .lines()
            .find(|l| l.contains(factor))
            .unwrap_or_else(|| panic!("{lang}: no factor line in\n{text}"));
        assert!(line.contains(made_out), "{lang}: {line}");
    }
    // The written report gives the label, in each language; its JSON the bound.
    for (lang, label) in [
        ("en", "several (more than one, count unknown)"),
        ("fr", "plusieurs (plus d'une, nombre inconnu)"),
    ] {
        let out = qualif(&["report", &file, "--lang", lang]);
        assert!(out.status.success());
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.contains(label), "{lang}: {text}");
        assert!(!text.contains("at_least"), "{lang}");
    }
    let out = qualif(&["report", &file, "--format", "json"]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("\"at_least\": 2") || text.contains("\"at_least\":2"));
}

#[test]
fn another_word_is_refused_with_its_place_and_what_is_accepted() {
    let dir = tempfile::tempdir().unwrap();
    let text = scenario_09("\"many\"");
    let line = text
        .lines()
        .position(|l| l.starts_with("sessions"))
        .unwrap()
        + 1;
    let file = write(&dir, "many.toml", &text);
    for command in ["assess", "compare", "scale", "report"] {
        let out = qualif(&[command, &file]);
        assert_eq!(out.status.code(), Some(2), "{command}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains(&format!("{file}:{line}:12: `live.sessions` = \"many\"")),
            "{command}: {err}"
        );
        assert!(
            err.contains("a whole number from 0, or \"several\""),
            "{err}"
        );
        assert!(!err.contains("panicked"), "{err}");
    }
    // A number is still a number, bounds and all.
    let file = write(&dir, "negative.toml", &scenario_09("-1"));
    let out = qualif(&["assess", &file]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn batch_accepts_several_in_json_lines_and_csv() {
    let dir = tempfile::tempdir().unwrap();
    let record = |sessions: &str| {
        format!(
            "{{\"case\": {{\"date_of_facts\": \"2024-11-20\", \"place\": \"PH\"}}, \"victim\": {{\"age\": 12}}, \"live\": {{\"roles\": [\"viewer\", \"payer\"], \"acts\": \"touching\", \"sessions\": {sessions}}}}}\n"
        )
    };
    let jsonl = write(
        &dir,
        "cases.jsonl",
        &(record("\"several\"") + &record("4") + &record("\"many\"")),
    );
    let csv = write(
        &dir,
        "cases.csv",
        "case.date_of_facts,case.place,victim.age,live.roles,live.acts,live.sessions\n\
         2024-11-20,PH,12,viewer;payer,touching,several\n\
         2024-11-20,PH,12,viewer;payer,touching,4\n\
         2024-11-20,PH,12,viewer;payer,touching,many\n",
    );
    for (file, many_at) in [(&jsonl, ":3:"), (&csv, ":4:")] {
        let out = qualif(&["batch", file]);
        // One record rejected (the third): exit code 1, the others evaluated.
        assert_eq!(out.status.code(), Some(1), "{file}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(err.matches("rejected: ").count(), 1, "{err}");
        assert!(err.contains(many_at) && err.contains("\"many\""), "{err}");
        assert!(err.contains("2 evaluated"), "{err}");
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert_eq!(stdout.matches("\"kind\":\"case\"").count(), 2, "{stdout}");
    }
}

mod interview {
    use super::*;
    use qualif::cli::Lang;
    use qualif::tui::{App, Options, press, view};
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    use std::sync::OnceLock;

    fn book() -> &'static LawBook {
        static BOOK: OnceLock<LawBook> = OnceLock::new();
        BOOK.get_or_init(|| LawBook::builtin().unwrap())
    }

    fn scales() -> &'static Scales {
        static SCALES: OnceLock<Scales> = OnceLock::new();
        SCALES.get_or_init(|| Scales::builtin(&book().vocabulary).unwrap())
    }

    /// The interview on scenario 09 without its number of sessions, asking it.
    fn asking_sessions(lang: Lang) -> App<'static> {
        asking_sessions_in(lang, None)
    }

    fn asking_sessions_in(lang: Lang, recovery: Option<&std::path::Path>) -> App<'static> {
        let text = scenario_09("3").replace("sessions = 3\n", "");
        let case = Case::parse(
            &SourceText::new("case.toml", text),
            &book().vocabulary,
            today(),
        )
        .unwrap();
        let options = Options {
            today: today(),
            lang,
            color: false,
            case_path: None,
            recovery_dir: recovery.map(std::path::Path::to_path_buf),
        };
        let mut app = qualif::tui::start(book(), Some(scales()), case, options);
        app.ask(Some("live.sessions".into()), false);
        app
    }

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    fn screen(app: &App) -> String {
        let mut terminal = Terminal::new(TestBackend::new(120, 35)).unwrap();
        terminal.draw(|f| view::draw(f, app)).unwrap();
        terminal.backend().to_string()
    }

    #[test]
    fn the_question_offers_several_as_a_choice_and_says_how() {
        for (lang, choice, hint) in [
            (
                Lang::En,
                "several (more than one, count unknown)",
                "Type the number, or ↓ then Enter for",
            ),
            (
                Lang::Fr,
                "plusieurs (plus d'une, nombre inconnu)",
                "Tapez le nombre, ou ↓ puis Entrée pour",
            ),
        ] {
            let mut app = asking_sessions(lang);
            let shown = screen(&app);
            assert!(shown.contains(choice), "{lang:?}:\n{shown}");
            assert!(shown.contains(hint), "{lang:?}:\n{shown}");
            // ↓ then Enter answers "several".
            press(&mut app, key(KeyCode::Down));
            press(&mut app, key(KeyCode::Enter));
            assert_eq!(app.case.get("live.sessions"), Some(&Value::AtLeast(2)));
            // Asked again, the answer is highlighted on its choice, not typed in the box.
            app.ask(Some("live.sessions".into()), true);
            assert_eq!(app.cursor, 1);
            assert!(app.input.is_empty());
        }
    }

    #[test]
    fn a_typed_number_is_still_a_number() {
        let mut app = asking_sessions(Lang::En);
        press(&mut app, key(KeyCode::Down));
        // Typing goes back to the box.
        press(&mut app, key(KeyCode::Char('5')));
        press(&mut app, key(KeyCode::Enter));
        assert_eq!(app.case.get("live.sessions"), Some(&Value::Int(5)));
    }

    #[test]
    fn several_survives_an_interruption_and_going_back() {
        let dir = tempfile::tempdir().unwrap();
        let state = dir.path().join("state");
        let mut app = asking_sessions_in(Lang::En, Some(&state));
        press(&mut app, key(KeyCode::Down));
        press(&mut app, key(KeyCode::Enter));
        // Changed to 5: the answer taken back by `b` is "several".
        app.ask(Some("live.sessions".into()), true);
        press(&mut app, key(KeyCode::Char('5')));
        press(&mut app, key(KeyCode::Enter));
        assert_eq!(app.case.get("live.sessions"), Some(&Value::Int(5)));
        drop(app);
        // The process is killed; the next start offers to resume.
        let mut app = asking_sessions_in(Lang::En, Some(&state));
        assert_eq!(app.recovery.offered.len(), 1);
        press(&mut app, key(KeyCode::Char('y')));
        assert_eq!(app.case.get("live.sessions"), Some(&Value::Int(5)));
        press(&mut app, key(KeyCode::Char('b')));
        assert_eq!(app.case.get("live.sessions"), Some(&Value::AtLeast(2)));
        press(&mut app, key(KeyCode::Char('b')));
        assert!(!app.case.is_known("live.sessions"));
    }
}
