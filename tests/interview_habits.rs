//! The interview's habits: the language survives resume and save/open, Enter never answers
//! a list of choices by accident, the header and the key line stay whole at 80×24, and a
//! question longer than its box wraps and scrolls. Whole screens at 80×24 and 120×35 in
//! both languages (ratatui's `TestBackend`).

use std::path::Path;
use std::sync::OnceLock;

use chrono::NaiveDate;
use qualif::cli::Lang;
use qualif::facts::{Case, Value};
use qualif::law::LawBook;
use qualif::scale::Scales;
use qualif::tui::state::Overlay;
use qualif::tui::{App, Options, press, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

fn book() -> &'static LawBook {
    static BOOK: OnceLock<LawBook> = OnceLock::new();
    BOOK.get_or_init(|| LawBook::builtin().expect("the built-in data loads"))
}

fn scales() -> &'static Scales {
    static SCALES: OnceLock<Scales> = OnceLock::new();
    SCALES.get_or_init(|| Scales::builtin(&book().vocabulary).expect("the scales load"))
}

fn app_in(lang: Lang, case: Case, recovery: Option<&Path>) -> App<'static> {
    let options = Options {
        today: today(),
        lang,
        color: false,
        case_path: None,
        recovery_dir: recovery.map(Path::to_path_buf),
    };
    qualif::tui::start(book(), Some(scales()), case, options)
}

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn ch(c: char) -> KeyEvent {
    key(KeyCode::Char(c))
}

fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, ch(c));
    }
}

fn screen(app: &App, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|f| view::draw(f, app)).unwrap();
    terminal.backend().to_string()
}

fn lines(s: &str) -> Vec<&str> {
    s.lines().collect()
}

/// A case whose next question is a list of choices (the sexual contact), after a date and
/// an age.
fn at_a_list_question(lang: Lang) -> App<'static> {
    let mut app = app_in(lang, Case::new(), None);
    typed(&mut app, "2023-05-10");
    press(&mut app, key(KeyCode::Enter));
    typed(&mut app, "9");
    press(&mut app, key(KeyCode::Enter));
    // The sexual contact, as the engine would ask it (not from the fact list).
    app.ask(Some("act.sexual_contact".into()), false);
    assert!(
        app.analysis
            .questions
            .iter()
            .any(|q| q.fact.key == "act.sexual_contact")
    );
    app
}

/// Enter on a list of choices: the first press highlights the first choice (and says what
/// a second Enter answers), the second answers it. An arrow shows the cursor without
/// moving it; a number answers at once.
#[test]
fn enter_needs_a_highlighted_choice() {
    let mut app = at_a_list_question(Lang::En);
    assert!(!app.highlighted);
    let before = screen(&app, 80, 24);
    assert!(!before.contains('›'), "no cursor yet:\n{before}");
    press(&mut app, key(KeyCode::Enter));
    assert_eq!(
        app.current.as_deref(),
        Some("act.sexual_contact"),
        "not answered"
    );
    assert!(!app.case.is_known("act.sexual_contact"));
    let shown = screen(&app, 80, 24);
    assert!(shown.contains("› 1 none"), "{shown}");
    assert!(shown.contains("Enter again answers “none”"), "{shown}");
    press(&mut app, key(KeyCode::Enter));
    assert_eq!(
        app.case.get("act.sexual_contact"),
        Some(&Value::Str("none".into()))
    );
    // Going back shows the answer taken back highlighted: Enter confirms it.
    press(&mut app, ch('b'));
    assert!(app.highlighted);
    // An arrow on a new question shows the cursor on the first choice, the next moves it.
    let mut app = at_a_list_question(Lang::Fr);
    press(&mut app, key(KeyCode::Down));
    assert!(app.highlighted && app.cursor == 0);
    press(&mut app, key(KeyCode::Down));
    assert_eq!(app.cursor, 1);
    press(&mut app, key(KeyCode::Enter));
    assert_eq!(
        app.case.get("act.sexual_contact"),
        Some(&Value::Str("touching".into()))
    );
    // A number answers at once: it names its choice.
    let mut app = at_a_list_question(Lang::En);
    press(&mut app, ch('3'));
    assert_eq!(
        app.case.get("act.sexual_contact"),
        Some(&Value::Str("penetration".into()))
    );
}

/// An interview left in French is resumed in French, whatever language the new start
/// was given.
#[test]
fn the_language_survives_resume() {
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("qualif");
    let mut app = app_in(Lang::En, Case::new(), Some(&state));
    press(&mut app, ch('l'));
    typed(&mut app, "2023-05-10");
    press(&mut app, key(KeyCode::Enter));
    drop(app);
    let mut app = app_in(Lang::En, Case::new(), Some(&state));
    assert!(matches!(app.overlay, Overlay::Resume { .. }));
    press(&mut app, ch('y'));
    assert_eq!(app.lang, Lang::Fr);
    let s = screen(&app, 80, 24);
    assert!(s.contains("· FR · ? aide"), "{s}");
    assert!(s.contains("Entretien repris"), "{s}");
}

/// Saving and opening a case file keep the interview's language.
#[test]
fn the_language_survives_save_and_open() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("saved.toml");
    let mut app = app_in(Lang::Fr, Case::new(), None);
    typed(&mut app, "2023-05-10");
    press(&mut app, key(KeyCode::Enter));
    press(&mut app, ch('s'));
    for _ in 0.."case.toml".len() {
        press(&mut app, key(KeyCode::Backspace));
    }
    typed(&mut app, file.to_str().unwrap());
    press(&mut app, key(KeyCode::Enter));
    assert!(!app.dirty, "{:?}", app.message);
    assert_eq!(app.lang, Lang::Fr);
    press(&mut app, ch('o'));
    typed(&mut app, file.to_str().unwrap());
    press(&mut app, key(KeyCode::Enter));
    assert_eq!(app.lang, Lang::Fr);
    let s = screen(&app, 80, 24);
    assert!(
        s.contains("saved.toml · 1 réponse(s)") || s.contains("saved.toml · 0"),
        "{s}"
    );
    assert!(s.contains("· FR · ? aide"), "{s}");
}

/// At 80×24, in both languages, with a long file name: the header ends with the language
/// and the help key, the key line holds whole keys, and "help" and "quit" are there.
#[test]
fn the_header_and_the_key_line_fit_80x24() {
    for (lang, tail, keys) in [
        (Lang::En, "· EN · ? help", ["? help", "q quit", "l FR"]),
        (Lang::Fr, "· FR · ? aide", ["? aide", "q quitter", "l EN"]),
    ] {
        let mut app = app_in(lang, Case::new(), None);
        app.case_path = Some(
            "/tmp/a-very-long-folder/dossier-2024-streaming-philippines-and-france.toml".into(),
        );
        for (w, h) in [(80, 24), (120, 35)] {
            let s = screen(&app, w, h);
            let l = lines(&s);
            let header = l[0].trim_matches('"').trim_end();
            assert!(header.ends_with(tail), "{header}");
            assert!(
                header.contains("france.toml"),
                "the end of the name is kept: {header}"
            );
            let footer = l[l.len() - 1].trim_matches('"').trim_end();
            for k in keys {
                assert!(footer.contains(k) || w > 80, "{k} in {footer}");
            }
            assert!(!footer.ends_with('·'), "whole keys only: {footer}");
        }
    }
}

/// A question longer than its box wraps, says there is more, and scrolls with Shift-↓↑.
#[test]
fn a_long_question_wraps_and_scrolls() {
    let mut case = Case::new();
    case.set(
        "case.date_of_facts",
        Some(Value::Date(NaiveDate::from_ymd_opt(2023, 5, 10).unwrap())),
        &book().vocabulary,
        today(),
    );
    let mut app = app_in(Lang::En, case, None);
    app.ask(Some("case.public_network_contact".into()), true);
    let s = screen(&app, 50, 12);
    assert!(s.contains("↓ more: Shift-↓"), "{s}");
    let first = s.clone();
    press(&mut app, KeyEvent::new(KeyCode::Down, KeyModifiers::SHIFT));
    assert_eq!(app.question_scroll, 1);
    let s = screen(&app, 50, 12);
    assert_ne!(s, first, "scrolled");
    // Never past the end.
    for _ in 0..20 {
        press(&mut app, KeyEvent::new(KeyCode::Down, KeyModifiers::SHIFT));
    }
    let s = screen(&app, 50, 12);
    assert!(!s.contains("↓ more"), "{s}");
    assert_eq!(app.question_scroll, app.question_overflow.get());
    press(&mut app, KeyEvent::new(KeyCode::Up, KeyModifiers::SHIFT));
    assert_eq!(app.question_scroll, app.question_overflow.get() - 1);
    // Shift-↓ is a scroll, not an answer: the answer's cursor did not move.
    assert!(!app.highlighted);
    // At 80×24 the whole question is shown, wrapped.
    let s = screen(&app, 80, 24);
    assert!(!s.contains("↓ more"), "{s}");
}

/// Whole screens: the first question and a list question (no cursor, then the cursor
/// after a first Enter), at 80×24 and 120×35, in English and French.
#[test]
fn whole_screens_in_both_languages() {
    for lang in [Lang::En, Lang::Fr] {
        let code = lang.code();
        let app = app_in(lang, Case::new(), None);
        for (w, h) in [(80, 24), (120, 35)] {
            insta::assert_snapshot!(
                format!("habits_first_question_{code}_{w}x{h}"),
                screen(&app, w, h)
            );
        }
        let mut app = at_a_list_question(lang);
        for (w, h) in [(80, 24), (120, 35)] {
            insta::assert_snapshot!(
                format!("habits_list_question_{code}_{w}x{h}"),
                screen(&app, w, h)
            );
        }
        press(&mut app, key(KeyCode::Enter));
        for (w, h) in [(80, 24), (120, 35)] {
            insta::assert_snapshot!(
                format!("habits_list_highlighted_{code}_{w}x{h}"),
                screen(&app, w, h)
            );
        }
    }
}

/// The "why" line under a question says each thing once, in the language's own quotes.
#[test]
fn the_why_line_says_each_thing_once() {
    for lang in [Lang::En, Lang::Fr] {
        let mut app = app_in(lang, Case::new(), None);
        typed(&mut app, "2021-03-01..2023-06-01");
        press(&mut app, key(KeyCode::Enter));
        let why = view::why(&app);
        let body = why.trim_end_matches('.');
        let parts: Vec<&str> = body.split("; ").collect();
        for (i, p) in parts.iter().enumerate() {
            assert!(!parts[..i].contains(p), "{lang:?}: `{p}` twice in: {why}");
        }
        assert!(
            why.contains("jurisdiction") || why.contains("compétence"),
            "{lang:?}: the age decides a ground of jurisdiction: {why}"
        );
        if lang == Lang::En {
            assert!(!why.contains('«'), "French quotes in English: {why}");
        }
    }
}
