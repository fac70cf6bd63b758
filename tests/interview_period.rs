//! A period of facts in the interview. The date-of-facts question's box takes one date or a
//! period typed `FIRST..LAST` (the vocabulary declares it: `period_from` on
//! `case.date_of_facts`), which sets the first act's date and the last's with no question
//! more; a first act after the last is refused in the box; `b`, "I don't know", one date
//! typed again and the recovery file keep the two dates together. The results panel then
//! shows the lines `assess` prints for the period, in whole screens at 80×24 and 120×35 in
//! both languages.

use std::sync::OnceLock;

use chrono::NaiveDate;
use qualif::cli::Lang;
use qualif::diagnostics::SourceText;
use qualif::facts::{Case, Value};
use qualif::law::LawBook;
use qualif::scale::Scales;
use qualif::tui::{App, Message, Options, press, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

const DATE: &str = "case.date_of_facts";
const FIRST: &str = "case.first_date_of_facts";

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

fn d(s: &str) -> Value {
    Value::Date(NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap())
}

fn book() -> &'static LawBook {
    static BOOK: OnceLock<LawBook> = OnceLock::new();
    BOOK.get_or_init(|| LawBook::builtin().expect("the built-in data loads"))
}

fn scales() -> &'static Scales {
    static SCALES: OnceLock<Scales> = OnceLock::new();
    SCALES.get_or_init(|| Scales::builtin(&book().vocabulary).expect("the scales load"))
}

fn app_in(lang: Lang, case: Case, recovery: Option<&std::path::Path>) -> App<'static> {
    let options = Options {
        today: today(),
        lang,
        color: false,
        case_path: None,
        recovery_dir: recovery.map(std::path::Path::to_path_buf),
    };
    qualif::tui::start(book(), Some(scales()), case, options)
}

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, key(KeyCode::Char(c)));
    }
}

/// Asks the date of the facts again, types `text` in its box instead of what it holds and
/// presses Enter.
fn answer_date(app: &mut App, text: &str) {
    app.ask(Some(DATE.into()), true);
    for _ in 0..app.input.len() {
        press(app, key(KeyCode::Backspace));
    }
    typed(app, text);
    press(app, key(KeyCode::Enter));
}

fn screen(app: &App, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|f| view::draw(f, app)).unwrap();
    terminal.backend().to_string()
}

/// Scenario 03 (a 27-year-old meets a 13-year-old he groomed online and rapes her, in
/// Belgium, 1 June 2023) without its date of the facts: the interview asks it first.
fn scenario_03_undated() -> Case {
    let text = std::fs::read_to_string("tests/scenarios/03-snapchat-game-rape.toml")
        .unwrap()
        .replace("date_of_facts = \"2023-06-01\"\n", "");
    Case::parse(
        &SourceText::new("case.toml", text),
        &book().vocabulary,
        today(),
    )
    .unwrap_or_else(|e| panic!("{e}"))
}

fn dates<'a>(app: &'a App) -> (Option<&'a Value>, Option<&'a Value>) {
    (app.case.get(FIRST), app.case.get(DATE))
}

#[test]
fn the_vocabulary_declares_the_period_on_the_date_of_the_facts() {
    let date = book().vocabulary.fact(DATE).unwrap();
    assert_eq!(date.period_from.as_deref(), Some(FIRST));
    // Its help says a period may be typed, in both languages.
    let help = date.help.as_ref().unwrap();
    assert!(help.en.contains("type the period"), "{}", help.en);
    assert!(help.fr.contains("tapez la période"), "{}", help.fr);
    // No other date takes a period: a dot is not typed in a birth date's box.
    let birth = book().vocabulary.fact("victim.birth_date").unwrap();
    assert!(birth.period_from.is_none());
    assert!(!qualif::tui::answer::accepts_char(birth, '.'));
    assert!(qualif::tui::answer::accepts_char(date, '.'));
}

#[test]
fn a_period_typed_at_the_date_question_sets_both_dates_with_no_question_more() {
    for lang in [Lang::En, Lang::Fr] {
        let code = lang.code();
        let mut app = app_in(lang, scenario_03_undated(), None);
        // The date of the facts is the first question, and its help shows how to type a
        // period.
        assert_eq!(app.current.as_deref(), Some(DATE));
        let (heading, first_act) = match lang {
            Lang::En => (
                "Period of facts: acts from",
                "under the law at the first act",
            ),
            Lang::Fr => (
                "Période des faits",
                "selon la loi en vigueur au premier acte",
            ),
        };
        let asked = screen(&app, 120, 35);
        assert!(asked.contains("2021-03-01..2023-11-30"), "{code}:\n{asked}");
        typed(&mut app, "2021-03-01..2023-06-01");
        assert_eq!(app.input, "2021-03-01..2023-06-01");
        press(&mut app, key(KeyCode::Enter));
        assert_eq!(
            dates(&app),
            (Some(&d("2021-03-01")), Some(&d("2023-06-01"))),
            "{code}"
        );
        // One answer, one step; the next question is the engine's, not the first act's.
        assert_eq!(app.history.len(), 1);
        assert_ne!(app.current.as_deref(), Some(FIRST));
        assert!(app.message.is_none(), "{code}: {:?}", app.message);
        let p = app.analysis.period.as_ref().expect("a period");
        assert_eq!(
            (Value::Date(p.first), Value::Date(p.last)),
            (d("2021-03-01"), d("2023-06-01"))
        );
        // The results show the period's line and, under Belgium, the law at the first act
        // (art. 375: Belgium's rape provision changed on 1 June 2022, within the period).
        let shown = screen(&app, 120, 35);
        assert!(shown.contains(heading), "{code}:\n{shown}");
        assert!(shown.contains(first_act), "{code}:\n{shown}");
        assert!(shown.contains("375"), "{code}:\n{shown}");
        for (w, h) in [(80, 24), (120, 35)] {
            insta::assert_snapshot!(format!("period_results_{code}_{w}x{h}"), screen(&app, w, h));
        }
        // Asked again, the box holds the period as typed.
        app.ask(Some(DATE.into()), true);
        assert_eq!(app.input, "2021-03-01..2023-06-01");
    }
    // One date gives no period, and no such line.
    let mut app = app_in(Lang::En, scenario_03_undated(), None);
    answer_date(&mut app, "2023-06-01");
    assert_eq!(dates(&app), (None, Some(&d("2023-06-01"))));
    assert!(app.analysis.period.is_none());
    assert!(!screen(&app, 120, 35).contains("Period of facts"));
}

#[test]
fn the_ends_of_a_period_are_dates_as_the_box_takes_them() {
    // The same day at both ends is a period of one day.
    let mut app = app_in(Lang::En, Case::new(), None);
    answer_date(&mut app, "2021-03-01..2021-03-01");
    assert_eq!(
        dates(&app),
        (Some(&d("2021-03-01")), Some(&d("2021-03-01")))
    );
    for text in ["2021-13-01..2023-06-01", "2021-03-01..", "..2023-06-01"] {
        let mut app = app_in(Lang::En, Case::new(), None);
        answer_date(&mut app, text);
        assert_eq!(dates(&app), (None, None), "{text}");
        let Some(Message::Error(e)) = &app.message else {
            panic!("{text}: {:?}", app.message)
        };
        assert!(e.contains("is not a date"), "{text}: {e}");
        assert_eq!(app.input, text, "the box keeps what was typed");
    }
}

#[test]
fn a_first_act_after_the_last_is_refused_in_the_box() {
    for (lang, said) in [
        (
            Lang::En,
            "The first act (2023-11-30) is after the last (2021-03-01)",
        ),
        (
            Lang::Fr,
            "Le premier acte (2023-11-30) est postérieur au dernier (2021-03-01)",
        ),
    ] {
        let mut app = app_in(lang, Case::new(), None);
        answer_date(&mut app, "2023-11-30..2021-03-01");
        // Nothing recorded, the question stays, the text typed stays to be corrected.
        assert_eq!(dates(&app), (None, None));
        assert!(app.history.is_empty());
        assert_eq!(app.current.as_deref(), Some(DATE));
        assert_eq!(app.input, "2023-11-30..2021-03-01");
        let Some(Message::Error(e)) = &app.message else {
            panic!("{lang:?}: {:?}", app.message)
        };
        assert!(e.starts_with(said), "{lang:?}: {e}");
        let shown = screen(&app, 120, 35);
        assert!(shown.contains(&format!("✗ {}", &said[..20])), "{shown}");
    }
    // A period already given is not lost by a refused one.
    let mut app = app_in(Lang::En, Case::new(), None);
    answer_date(&mut app, "2021-03-01..2023-11-30");
    answer_date(&mut app, "2024-01-01..2023-11-30");
    assert!(matches!(app.message, Some(Message::Error(_))));
    assert_eq!(
        dates(&app),
        (Some(&d("2021-03-01")), Some(&d("2023-11-30")))
    );
}

#[test]
fn going_back_one_date_and_i_dont_know_keep_the_two_dates_together() {
    let mut app = app_in(Lang::En, scenario_03_undated(), None);
    typed(&mut app, "2021-03-01..2023-11-30");
    press(&mut app, key(KeyCode::Enter));
    // `b` takes the period back whole, and offers it again in the box.
    press(&mut app, key(KeyCode::Char('b')));
    assert_eq!(dates(&app), (None, None));
    assert!(app.analysis.period.is_none());
    assert_eq!(app.current.as_deref(), Some(DATE));
    assert_eq!(app.input, "2021-03-01..2023-11-30");
    assert!(!screen(&app, 120, 35).contains("Period of facts"));
    // Enter gives it again.
    press(&mut app, key(KeyCode::Enter));
    assert_eq!(
        dates(&app),
        (Some(&d("2021-03-01")), Some(&d("2023-11-30")))
    );
    // One date typed instead: no period any more; `b` brings the period back.
    answer_date(&mut app, "2022-01-01");
    assert_eq!(dates(&app), (None, Some(&d("2022-01-01"))));
    press(&mut app, key(KeyCode::Char('b')));
    assert_eq!(
        dates(&app),
        (Some(&d("2021-03-01")), Some(&d("2023-11-30")))
    );
    assert_eq!(app.input, "2022-01-01");
    // "I don't know" leaves both unknown (a first act needs a last); `b` brings both back.
    press(&mut app, key(KeyCode::Char('u')));
    assert_eq!(dates(&app), (None, None));
    assert!(app.skipped.contains(DATE));
    press(&mut app, key(KeyCode::Char('b')));
    assert_eq!(
        dates(&app),
        (Some(&d("2021-03-01")), Some(&d("2023-11-30")))
    );
    assert!(!app.skipped.contains(DATE));
}

#[test]
fn a_period_survives_an_interruption_and_going_back() {
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("state");
    let mut app = app_in(Lang::En, scenario_03_undated(), Some(&state));
    typed(&mut app, "2021-03-01..2023-11-30");
    press(&mut app, key(KeyCode::Enter));
    answer_date(&mut app, "2022-01-01");
    answer_date(&mut app, "2021-03-01..2023-11-30");
    drop(app);
    // The process is killed; the next start offers to resume, with both dates and each
    // answer to take back.
    let mut app = app_in(Lang::En, scenario_03_undated(), Some(&state));
    assert_eq!(app.recovery.offered.len(), 1);
    press(&mut app, key(KeyCode::Char('y')));
    assert_eq!(
        dates(&app),
        (Some(&d("2021-03-01")), Some(&d("2023-11-30")))
    );
    assert!(screen(&app, 120, 35).contains("Period of facts"));
    press(&mut app, key(KeyCode::Char('b')));
    assert_eq!(dates(&app), (None, Some(&d("2022-01-01"))));
    press(&mut app, key(KeyCode::Char('b')));
    assert_eq!(
        dates(&app),
        (Some(&d("2021-03-01")), Some(&d("2023-11-30")))
    );
    press(&mut app, key(KeyCode::Char('b')));
    assert_eq!(dates(&app), (None, None));
}
