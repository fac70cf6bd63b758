//! A period of facts in the interview: the results panel shows the lines `assess` prints
//! for it (the period, and under each national system what the period changes there), in
//! whole screens at 80×24 and 120×35 in both languages; and a fact the vocabulary asks
//! right after another (`asked_after`: the first act's date after the date of the facts)
//! is asked then, "I don't know" keeping one date.

use std::sync::OnceLock;

use chrono::NaiveDate;
use qualif::cli::Lang;
use qualif::diagnostics::SourceText;
use qualif::facts::{Case, Value};
use qualif::law::LawBook;
use qualif::scale::Scales;
use qualif::tui::{App, Options, press, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn book() -> &'static LawBook {
    static BOOK: OnceLock<LawBook> = OnceLock::new();
    BOOK.get_or_init(|| LawBook::builtin().expect("the built-in data loads"))
}

/// The built-in law book whose vocabulary asks the first act's date right after the date
/// of the facts.
fn book_asking_the_first_date() -> &'static LawBook {
    static BOOK: OnceLock<LawBook> = OnceLock::new();
    BOOK.get_or_init(|| {
        let mut book = LawBook::builtin().expect("the built-in data loads");
        let first = book
            .vocabulary
            .facts
            .iter_mut()
            .find(|f| f.key == "case.first_date_of_facts")
            .expect("the vocabulary declares the first act's date");
        first.asked_after = Some("case.date_of_facts".into());
        book
    })
}

fn scales(book: &'static LawBook) -> &'static Scales {
    static SCALES: OnceLock<Scales> = OnceLock::new();
    SCALES.get_or_init(|| Scales::builtin(&book.vocabulary).expect("the scales load"))
}

fn app_in(book: &'static LawBook, lang: Lang, case: Case) -> App<'static> {
    let options = Options {
        today: today(),
        lang,
        color: false,
        case_path: None,
        recovery_dir: None,
    };
    qualif::tui::start(book, Some(scales(book)), case, options)
}

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, key(KeyCode::Char(c)));
    }
}

fn screen(app: &App, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|f| view::draw(f, app)).unwrap();
    terminal.backend().to_string()
}

/// Scenario 03 (a 27-year-old meets a 13-year-old he groomed online and rapes her, in
/// Belgium, 1 June 2023), its acts spread from 1 March 2021: Belgium's rape provision
/// changed on 1 June 2022 within the period.
fn period_case(book: &LawBook) -> Case {
    let text = std::fs::read_to_string("tests/scenarios/03-snapchat-game-rape.toml")
        .unwrap()
        .replace(
            "date_of_facts = \"2023-06-01\"",
            "first_date_of_facts = \"2021-03-01\"\ndate_of_facts = \"2023-06-01\"",
        );
    Case::parse(
        &SourceText::new("case.toml", text),
        &book.vocabulary,
        today(),
    )
    .unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn the_results_show_the_period_as_assess_does() {
    for lang in [Lang::En, Lang::Fr] {
        let code = lang.code();
        let app = app_in(book(), lang, period_case(book()));
        let shown = screen(&app, 120, 35);
        // The period's line, and under Belgium the law at the first act (art. 375).
        let (heading, first) = match lang {
            Lang::En => (
                "Period of facts: acts from",
                "under the law at the first act",
            ),
            Lang::Fr => (
                "Période des faits",
                "selon la loi en vigueur au premier acte",
            ),
        };
        assert!(shown.contains(heading), "{code}:\n{shown}");
        assert!(shown.contains(first), "{code}:\n{shown}");
        assert!(shown.contains("375"), "{code}:\n{shown}");
        for (w, h) in [(80, 24), (120, 35)] {
            insta::assert_snapshot!(format!("period_results_{code}_{w}x{h}"), screen(&app, w, h));
        }
    }
    // Without a period, no such line.
    let mut single = period_case(book());
    single.set(
        "case.first_date_of_facts",
        None,
        &book().vocabulary,
        today(),
    );
    let app = app_in(book(), Lang::En, single);
    assert!(!screen(&app, 120, 35).contains("Period of facts"));
}

#[test]
fn the_built_in_interview_does_not_yet_ask_the_first_date() {
    // Asking it costs one question on every scenario (the median until the retained
    // qualifications settle goes from 15 to 16, above the aim of tests/interview_order.rs):
    // the vocabulary does not declare `asked_after` on it until that is decided.
    let first = book().vocabulary.fact("case.first_date_of_facts").unwrap();
    assert!(first.asked() && first.asked_after.is_none());
}

#[test]
fn the_first_date_is_asked_right_after_the_date_of_the_facts() {
    let book = book_asking_the_first_date();
    for lang in [Lang::En, Lang::Fr] {
        let mut app = app_in(book, lang, Case::new());
        assert_eq!(app.current.as_deref(), Some("case.date_of_facts"));
        typed(&mut app, "2023-06-01");
        press(&mut app, key(KeyCode::Enter));
        assert_eq!(app.current.as_deref(), Some("case.first_date_of_facts"));
        let shown = screen(&app, 120, 35);
        let why = match lang {
            Lang::En => "it completes your answer to",
            Lang::Fr => "elle complète votre réponse à",
        };
        assert!(shown.contains(why), "{lang:?}:\n{shown}");
        // "I don't know" keeps a single date and goes on with the engine's questions.
        press(&mut app, key(KeyCode::Char('u')));
        assert!(!app.case.is_known("case.first_date_of_facts"));
        assert!(app.analysis.period.is_none());
        let next = app.current.clone().expect("more questions");
        assert_ne!(next, "case.first_date_of_facts");
        // Answering the date of the facts again does not ask it again.
        app.ask(Some("case.date_of_facts".into()), true);
        press(&mut app, key(KeyCode::Enter));
        assert_ne!(app.current.as_deref(), Some("case.first_date_of_facts"));
    }
    // A first date gives a period, shown as `assess` shows it.
    let mut app = app_in(book, Lang::En, Case::new());
    typed(&mut app, "2023-06-01");
    press(&mut app, key(KeyCode::Enter));
    typed(&mut app, "2021-03-01");
    press(&mut app, key(KeyCode::Enter));
    assert_eq!(
        app.case.get("case.first_date_of_facts"),
        Some(&Value::Date(d("2021-03-01")))
    );
    let p = app.analysis.period.as_ref().expect("a period");
    assert_eq!((p.first, p.last), (d("2021-03-01"), d("2023-06-01")));
    assert!(screen(&app, 120, 35).contains("Period of facts"));
    // A first act after the last is refused where it is typed.
    let mut app = app_in(book, Lang::En, Case::new());
    typed(&mut app, "2023-06-01");
    press(&mut app, key(KeyCode::Enter));
    typed(&mut app, "2024-01-01");
    press(&mut app, key(KeyCode::Enter));
    assert_eq!(app.current.as_deref(), Some("case.first_date_of_facts"));
    assert!(!app.case.is_known("case.first_date_of_facts"));
    assert!(app.message.is_some());
    // Not after an unknown date of the facts: a first act needs a last.
    let mut app = app_in(book, Lang::En, Case::new());
    press(&mut app, key(KeyCode::Char('u')));
    assert_ne!(app.current.as_deref(), Some("case.first_date_of_facts"));
}
