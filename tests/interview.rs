//! The guided interview: whole screens snapshot-tested on ratatui's `TestBackend`, driven by
//! scripted key presses, and the question sequence checked against `assess` on every
//! scenario. Deterministic: today's date is a parameter, colours are off, no autosave
//! unless a test asks for it.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use chrono::NaiveDate;
use qualif::cli::Lang;
use qualif::engine::plan::Plan;
use qualif::engine::{Status, assess};
use qualif::facts::{Case, FactType, Value};
use qualif::law::LawBook;
use qualif::scale::Scales;
use qualif::tui::answer::{Choice, choices, input_text};
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

fn plan() -> &'static Plan<'static> {
    static PLAN: OnceLock<Plan<'static>> = OnceLock::new();
    PLAN.get_or_init(|| Plan::new(book()))
}

fn scales() -> &'static Scales {
    static SCALES: OnceLock<Scales> = OnceLock::new();
    SCALES.get_or_init(|| Scales::builtin(&book().vocabulary).expect("the scales load"))
}

fn options(lang: Lang, recovery: Option<PathBuf>) -> Options {
    Options {
        today: today(),
        lang,
        color: false,
        case_path: None,
        recovery_dir: recovery,
    }
}

fn new_app(case: Case) -> App<'static> {
    qualif::tui::start(book(), Some(scales()), case, options(Lang::En, None))
}

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn ch(c: char) -> KeyEvent {
    key(KeyCode::Char(c))
}

fn ctrl(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
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

fn current<'b>(app: &'b App) -> &'b str {
    app.current.as_deref().unwrap_or("(none)")
}

fn statuses(app: &App) -> Vec<(String, Status)> {
    app.analysis
        .assessment
        .systems
        .iter()
        .flat_map(|r| r.qualifications.iter())
        .map(|q| (q.provision.id.clone(), q.status))
        .collect()
}

/// Answers the current question with `value` (`None`: "I don't know") the way a user
/// would, with the keys.
fn answer_with_keys(app: &mut App, value: Option<&Value>) {
    let def = app.current_fact().expect("a question is asked");
    let offered = choices(def);
    let Some(value) = value else {
        // A country or a text is typed in letters: "I don't know" is then Ctrl-U.
        if qualif::tui::answer::captures_letters(def) {
            press(app, ctrl('u'));
        } else {
            press(app, ch('u'));
        }
        return;
    };
    match (def.ty, value) {
        (FactType::Bool, Value::Bool(b)) => press(app, ch(if *b { 'y' } else { 'n' })),
        (FactType::Enum, v) => {
            let i = offered.iter().position(|c| c.matches(v)).expect("offered");
            press(app, key(KeyCode::Home));
            for _ in 0..i {
                press(app, key(KeyCode::Down));
            }
            press(app, key(KeyCode::Enter));
        }
        (FactType::EnumList, Value::List(items)) => {
            if items.is_empty() {
                let i = offered
                    .iter()
                    .position(|c| *c == Choice::NoneOfThese)
                    .unwrap();
                press(app, key(KeyCode::Home));
                for _ in 0..i {
                    press(app, key(KeyCode::Down));
                }
            } else {
                for item in items {
                    let i = offered
                        .iter()
                        .position(|c| *c == Choice::ListValue(item.clone()))
                        .unwrap();
                    press(app, key(KeyCode::Home));
                    for _ in 0..i {
                        press(app, key(KeyCode::Down));
                    }
                    press(app, ch(' '));
                }
            }
            press(app, key(KeyCode::Enter));
        }
        (_, v) => {
            press(app, key(KeyCode::Esc));
            typed(app, &input_text(v));
            press(app, key(KeyCode::Enter));
        }
    }
}

#[test]
fn the_first_question() {
    let app = new_app(Case::new());
    assert_eq!(current(&app), "case.date_of_facts");
    insta::assert_snapshot!("first_question_80x24", screen(&app, 80, 24));
    insta::assert_snapshot!("first_question_140x44", screen(&app, 140, 44));
}

#[test]
fn an_answer_changes_a_qualification() {
    let mut app = new_app(Case::new());
    typed(&mut app, "2023-05-10");
    press(&mut app, key(KeyCode::Enter));
    assert_eq!(
        app.case.get("case.date_of_facts"),
        Some(&Value::Date(NaiveDate::from_ymd_opt(2023, 5, 10).unwrap()))
    );
    assert_eq!(current(&app), "victim.age");
    let before = statuses(&app);
    typed(&mut app, "9");
    press(&mut app, key(KeyCode::Enter));
    let after = statuses(&app);
    let changed: Vec<_> = before
        .iter()
        .zip(&after)
        .filter(|(b, a)| b.1 != a.1)
        .map(|(b, a)| format!("{} {:?} -> {:?}", b.0, b.1, a.1))
        .collect();
    assert!(
        !changed.is_empty(),
        "the child's age decides some provisions"
    );
    assert!(
        changed.iter().all(|c| c.contains("Possible ->")),
        "only possible provisions are decided: {changed:?}"
    );
    insta::assert_snapshot!("answer_changes_a_qualification", screen(&app, 100, 30));
}

#[test]
fn a_typed_answer_is_validated_with_a_clear_message() {
    let mut app = new_app(Case::new());
    typed(&mut app, "2023-02-30");
    press(&mut app, key(KeyCode::Enter));
    assert_eq!(
        current(&app),
        "case.date_of_facts",
        "an impossible date is refused"
    );
    assert!(app.case.get("case.date_of_facts").is_none());
    insta::assert_snapshot!("invalid_date", screen(&app, 80, 24));
    press(&mut app, key(KeyCode::Esc));
    typed(&mut app, "2023-05-10");
    press(&mut app, key(KeyCode::Enter));
    typed(&mut app, "130");
    press(&mut app, key(KeyCode::Enter));
    assert_eq!(
        current(&app),
        "victim.age",
        "an age above the vocabulary's maximum is refused"
    );
    let msg = format!("{:?}", app.message);
    assert!(msg.contains("from 0 to 120"), "{msg}");
}

#[test]
fn i_dont_know_leaves_the_fact_unknown_and_moves_on() {
    let mut app = new_app(Case::new());
    press(&mut app, ch('u'));
    assert!(app.skipped.contains("case.date_of_facts"));
    assert!(!app.case.is_known("case.date_of_facts"));
    let asked = current(&app).to_string();
    assert_ne!(asked, "case.date_of_facts");
    assert!(
        !app.analysis
            .questions
            .iter()
            .any(|q| q.fact.key == "case.date_of_facts")
    );
    // "I don't know" is also the last choice of every question.
    press(&mut app, key(KeyCode::End));
    press(&mut app, key(KeyCode::Enter));
    assert!(app.skipped.contains(&asked));
    insta::assert_snapshot!("dont_know", screen(&app, 80, 24));
}

#[test]
fn going_back_takes_back_the_last_answer() {
    let mut app = new_app(Case::new());
    typed(&mut app, "2023-05-10");
    press(&mut app, key(KeyCode::Enter));
    typed(&mut app, "14");
    press(&mut app, key(KeyCode::Enter));
    assert!(app.case.is_known("victim.age"));
    let after_age = current(&app).to_string();
    press(&mut app, ch('b'));
    assert_eq!(current(&app), "victim.age");
    assert!(!app.case.is_known("victim.age"));
    assert_eq!(app.input, "14", "the answer taken back is offered again");
    insta::assert_snapshot!("going_back", screen(&app, 80, 24));
    // Answering again continues where it was.
    press(&mut app, key(KeyCode::Enter));
    assert_eq!(current(&app), after_age);
    // Back twice, then once more than there are answers.
    press(&mut app, key(KeyCode::Left));
    press(&mut app, key(KeyCode::Left));
    assert_eq!(current(&app), "case.date_of_facts");
    press(&mut app, key(KeyCode::Left));
    assert!(app.case.stated(&book().vocabulary).next().is_none());
}

#[test]
fn any_fact_can_be_reached_and_changed_from_the_fact_list() {
    let mut app = new_app(Case::new());
    typed(&mut app, "2023-05-10");
    press(&mut app, key(KeyCode::Enter));
    press(&mut app, ch('f'));
    typed(&mut app, "date of the facts");
    insta::assert_snapshot!("fact_list", screen(&app, 80, 24));
    press(&mut app, key(KeyCode::Enter));
    assert_eq!(current(&app), "case.date_of_facts");
    assert_eq!(app.input, "2023-05-10");
    for _ in 0..10 {
        press(&mut app, key(KeyCode::Backspace));
    }
    typed(&mut app, "2019-01-01");
    press(&mut app, key(KeyCode::Enter));
    assert_eq!(
        app.case.get("case.date_of_facts"),
        Some(&Value::Date(NaiveDate::from_ymd_opt(2019, 1, 1).unwrap()))
    );
    // A fact the engine does not ask (identifying) can still be given.
    press(&mut app, ch('/'));
    typed(&mut app, "child's date of birth");
    press(&mut app, key(KeyCode::Enter));
    assert_eq!(current(&app), "victim.birth_date");
    typed(&mut app, "2009-03-01");
    press(&mut app, key(KeyCode::Enter));
    assert_eq!(app.case.get("victim.age"), Some(&Value::Int(9)));
}

#[test]
fn the_language_switches_live() {
    let mut app = new_app(Case::new());
    typed(&mut app, "2023-05-10");
    press(&mut app, key(KeyCode::Enter));
    press(&mut app, ch('l'));
    assert_eq!(app.lang, Lang::Fr);
    insta::assert_snapshot!("language_fr", screen(&app, 80, 24));
    press(&mut app, ch('l'));
    assert_eq!(app.lang, Lang::En);
}

#[test]
fn the_help_overlay_lists_every_key() {
    let mut app = new_app(Case::new());
    press(&mut app, ch('?'));
    assert_eq!(app.overlay, Overlay::Help);
    let s = screen(&app, 100, 30);
    insta::assert_snapshot!("help", s);
    press(&mut app, ch('x'));
    assert_eq!(app.overlay, Overlay::None);
    // In a country question letters are typed: F1 opens the help.
    app.ask(Some("case.place".into()), true);
    press(&mut app, ch('q'));
    assert_eq!(app.input, "q");
    assert!(app.exit.is_none());
    press(&mut app, key(KeyCode::F(1)));
    assert_eq!(app.overlay, Overlay::Help);
}

#[test]
fn small_terminals_do_not_panic() {
    let mut app = new_app(Case::new());
    typed(&mut app, "2023-05-10");
    press(&mut app, key(KeyCode::Enter));
    insta::assert_snapshot!("small_60x20", screen(&app, 60, 20));
    let overlays = [
        Overlay::None,
        Overlay::Help,
        Overlay::Facts {
            query: String::new(),
            cursor: 3,
        },
        Overlay::Save {
            path: "case.toml".into(),
        },
        Overlay::Export {
            path: "report.md".into(),
        },
        Overlay::ConfirmQuit,
    ];
    for overlay in overlays {
        app.overlay = overlay;
        for panel in qualif::tui::state::Panel::ALL {
            app.panel = panel;
            for (w, h) in [
                (80, 24),
                (60, 20),
                (40, 12),
                (23, 7),
                (10, 3),
                (1, 1),
                (200, 60),
            ] {
                screen(&app, w, h);
            }
        }
    }
    // The tabs of a small screen: Tab shows the next panel.
    app.overlay = Overlay::None;
    app.panel = qualif::tui::state::Panel::Qualifications;
    press(&mut app, key(KeyCode::Tab));
    press(&mut app, key(KeyCode::Tab));
    insta::assert_snapshot!("chart_panel_80x24", screen(&app, 80, 24));
}

#[test]
fn no_color_means_no_colour() {
    let mut app = new_app(Case::new());
    typed(&mut app, "2023-05-10");
    press(&mut app, key(KeyCode::Enter));
    typed(&mut app, "9");
    press(&mut app, key(KeyCode::Enter));
    let mut terminal = Terminal::new(TestBackend::new(140, 44)).unwrap();
    terminal.draw(|f| view::draw(f, &app)).unwrap();
    for cell in terminal.backend().buffer().content() {
        assert_eq!(cell.fg, ratatui::style::Color::Reset);
        assert_eq!(cell.bg, ratatui::style::Color::Reset);
    }
}

fn recovery_dir() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

/// The recovery files of a state folder (`recovery*.toml`), sorted.
fn recovery_files(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("recovery") && n.ends_with(".toml"))
        })
        .collect();
    files.sort();
    files
}

fn start_in(dir: &Path) -> App<'static> {
    qualif::tui::start(
        book(),
        Some(scales()),
        Case::new(),
        options(Lang::En, Some(dir.to_path_buf())),
    )
}

/// The screen, with the time an interrupted interview was saved (local time) written as
/// `YYYY-MM-DD HH:MM`.
fn screen_timeless(app: &App, width: u16, height: u16) -> String {
    let mut s = screen(app, width, height);
    for o in &app.recovery.offered {
        if let Some(t) = o.saved {
            let when = chrono::DateTime::<chrono::Local>::from(t)
                .format("%Y-%m-%d %H:%M")
                .to_string();
            s = s.replace(&when, "YYYY-MM-DD HH:MM");
        }
    }
    s
}

#[test]
fn an_interrupted_interview_is_resumed() {
    let dir = recovery_dir();
    let state = dir.path().join("state/qualif");
    let mut app = start_in(&state);
    assert!(!state.exists(), "nothing is made before the first answer");
    typed(&mut app, "2023-05-10");
    press(&mut app, key(KeyCode::Enter));
    typed(&mut app, "9");
    press(&mut app, key(KeyCode::Enter));
    press(&mut app, ch('u'));
    let files = recovery_files(&state);
    assert_eq!(files.len(), 1, "autosaved after every answer: {files:?}");
    let path = files[0].clone();
    assert_eq!(app.recovery.path(), Some(path.as_path()));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "owner-only");
        let mode = std::fs::metadata(&state).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o700, "owner-only");
    }
    let case = app.case.clone();
    let skipped = app.skipped.clone();
    let question = current(&app).to_string();
    // The process is killed: nothing else happens. On the next start:
    drop(app);
    let mut app = start_in(&state);
    assert!(matches!(app.overlay, Overlay::Resume { cursor: 0 }));
    assert_eq!(app.recovery.offered.len(), 1);
    insta::assert_snapshot!("resume_offer", screen_timeless(&app, 80, 24));
    press(&mut app, ch('y'));
    assert_eq!(app.overlay, Overlay::None);
    assert_eq!(app.case, case);
    assert_eq!(app.skipped, skipped);
    assert_eq!(app.history.len(), 3);
    assert_eq!(current(&app), question);
    // The interview resumed goes on in its own file.
    assert_eq!(app.recovery.path(), Some(path.as_path()));
    assert_eq!(recovery_files(&state), vec![path.clone()]);
    // Going back works across the interruption.
    press(&mut app, ch('b'));
    assert!(app.case.is_known("victim.age"));
    press(&mut app, ch('b'));
    assert!(!app.case.is_known("victim.age"));
    // A normal quit removes the recovery file (after confirming: answers not saved), and
    // the state folder it leaves empty.
    press(&mut app, ch('q'));
    assert_eq!(app.overlay, Overlay::ConfirmQuit);
    press(&mut app, ch('y'));
    assert!(app.exit.is_some());
    assert!(!path.exists());
    drop(app);
    assert!(!state.exists());
    assert!(
        dir.path().join("state").exists(),
        "a folder the interview did not make is kept"
    );
}

#[test]
fn declining_to_resume_discards_the_interrupted_interview() {
    let dir = recovery_dir();
    let state = dir.path().to_path_buf();
    let mut app = start_in(&state);
    press(&mut app, ch('u'));
    let files = recovery_files(&state);
    assert_eq!(files.len(), 1);
    drop(app);
    let mut app = start_in(&state);
    press(&mut app, ch('n'));
    assert_eq!(app.overlay, Overlay::None);
    assert!(!files[0].exists());
    assert!(app.history.is_empty());
    // Ctrl-C stops at once and keeps the answers.
    press(&mut app, ch('u'));
    press(&mut app, ctrl('c'));
    assert_eq!(app.exit, Some(qualif::tui::Exit::Interrupted));
    let kept = recovery_files(&state);
    assert_eq!(kept.len(), 1);
    drop(app);
    assert_eq!(recovery_files(&state), kept, "kept after the end");
}

/// Two interviews at once with the same state folder (two terminals): each has its own
/// recovery file, neither is offered the other's while it runs (so neither can discard it),
/// and both come back after a kill.
#[test]
fn two_interviews_at_once_never_share_a_recovery_file() {
    let dir = recovery_dir();
    let state = dir.path().to_path_buf();
    let mut a = start_in(&state);
    typed(&mut a, "2023-05-10");
    press(&mut a, key(KeyCode::Enter));
    let mut b = start_in(&state);
    assert_eq!(b.overlay, Overlay::None, "A runs: not offered to B");
    assert!(b.recovery.offered.is_empty());
    typed(&mut b, "2019-01-01");
    press(&mut b, key(KeyCode::Enter));
    typed(&mut a, "9");
    press(&mut a, key(KeyCode::Enter));
    let files = recovery_files(&state);
    assert_eq!(files.len(), 2, "{files:?}");
    assert_ne!(a.recovery.path(), b.recovery.path());
    // Both killed.
    let (a_case, b_case) = (a.case.clone(), b.case.clone());
    drop((a, b));
    let mut c = start_in(&state);
    assert_eq!(c.overlay, Overlay::Resume { cursor: 0 });
    let offered: Vec<&Case> = c
        .recovery
        .offered
        .iter()
        .map(|o| &o.interview.case)
        .collect();
    assert_eq!(offered.len(), 2);
    assert!(offered.contains(&&a_case) && offered.contains(&&b_case));
    insta::assert_snapshot!("resume_offer_two", screen_timeless(&c, 80, 24));
    // Pick the second one offered.
    press(&mut c, key(KeyCode::Down));
    assert_eq!(c.overlay, Overlay::Resume { cursor: 1 });
    let picked = c.recovery.offered[1].interview.case.clone();
    let other = c.recovery.offered[0].interview.case.clone();
    press(&mut c, key(KeyCode::Enter));
    assert_eq!(c.case, picked);
    assert!(c.recovery.offered.is_empty(), "the other one is let go");
    // While C runs it, another interview is offered the other one only.
    let mut d = start_in(&state);
    assert_eq!(d.recovery.offered.len(), 1);
    assert_eq!(d.recovery.offered[0].interview.case, other);
    // Discarding it there removes its file only.
    press(&mut d, ch('n'));
    assert_eq!(d.overlay, Overlay::None);
    assert_eq!(
        recovery_files(&state),
        vec![c.recovery.path().unwrap().to_path_buf()]
    );
    drop(d);
    drop(c);
    assert_eq!(recovery_files(&state).len(), 1, "C's, interrupted");
}

/// Several interrupted interviews: discarding one keeps the list open with the others;
/// Esc keeps them all for the next start.
#[test]
fn interrupted_interviews_can_be_discarded_one_by_one_or_kept() {
    let dir = recovery_dir();
    let state = dir.path().to_path_buf();
    for _ in 0..3 {
        let mut app = start_in(&state);
        if matches!(app.overlay, Overlay::Resume { .. }) {
            press(&mut app, key(KeyCode::Esc));
            assert_eq!(app.overlay, Overlay::None);
        }
        press(&mut app, ch('u'));
    }
    assert_eq!(recovery_files(&state).len(), 3);
    let mut app = start_in(&state);
    assert_eq!(app.recovery.offered.len(), 3);
    press(&mut app, key(KeyCode::Down));
    press(&mut app, key(KeyCode::Down));
    press(&mut app, key(KeyCode::Down));
    assert_eq!(app.overlay, Overlay::Resume { cursor: 2 });
    press(&mut app, ch('n'));
    assert_eq!(app.overlay, Overlay::Resume { cursor: 1 });
    assert_eq!(app.recovery.offered.len(), 2);
    assert_eq!(recovery_files(&state).len(), 2);
    press(&mut app, key(KeyCode::Esc));
    assert_eq!(app.overlay, Overlay::None);
    assert!(app.recovery.offered.is_empty());
    assert_eq!(recovery_files(&state).len(), 2, "kept");
    // Quitting (nothing answered) leaves them.
    press(&mut app, ch('q'));
    assert!(app.exit.is_some());
    drop(app);
    assert_eq!(recovery_files(&state).len(), 2);
    let app = start_in(&state);
    assert_eq!(app.recovery.offered.len(), 2, "offered again");
}

/// A lock file left by a killed interview is removed at the next start; a recovery file
/// from an earlier version (`recovery.toml`) is offered like the others.
#[test]
fn leftovers_of_killed_interviews_are_tidied() {
    let dir = recovery_dir();
    let state = dir.path().to_path_buf();
    let mut app = start_in(&state);
    press(&mut app, ch('u'));
    let file = recovery_files(&state).pop().unwrap();
    drop(app);
    std::fs::rename(&file, state.join("recovery.toml")).unwrap();
    std::fs::write(state.join("recovery-stale.lock"), "").unwrap();
    let app = start_in(&state);
    assert!(!state.join("recovery-stale.lock").exists());
    assert_eq!(app.recovery.offered.len(), 1);
    assert_eq!(app.recovery.offered[0].path(), state.join("recovery.toml"));
}

/// The help says where the answers are kept: the state folder, then the file itself; and,
/// without a state folder (no HOME), that they are not.
#[test]
fn the_help_says_where_the_answers_are_kept() {
    let dir = recovery_dir();
    let state = dir.path().join("qualif");
    let mut app = start_in(&state);
    press(&mut app, ch('?'));
    let s = screen(&app, 120, 40);
    let place = format!("in {} from the first answer", state.display());
    assert!(s.contains(&place), "{s}");
    press(&mut app, ch('x'));
    press(&mut app, ch('u'));
    press(&mut app, ch('?'));
    let s = screen(&app, 200, 40);
    let file = app.recovery.path().unwrap().display().to_string();
    assert!(s.contains(&file), "{s}");
    let mut app = new_app(Case::new());
    press(&mut app, ch('l'));
    press(&mut app, ch('?'));
    let s = screen(&app, 120, 40);
    assert!(
        s.contains("Fichier de secours    aucun : réponses perdues en cas d'interruption"),
        "{s}"
    );
}

#[test]
fn a_saved_case_file_reads_back_with_assess() {
    let dir = recovery_dir();
    let file = dir.path().join("saved.toml");
    let mut app = new_app(Case::new());
    typed(&mut app, "2023-05-10");
    press(&mut app, key(KeyCode::Enter));
    typed(&mut app, "9");
    press(&mut app, key(KeyCode::Enter));
    press(&mut app, ch('s'));
    for _ in 0.."case.toml".len() {
        press(&mut app, key(KeyCode::Backspace));
    }
    typed(&mut app, file.to_str().unwrap());
    press(&mut app, key(KeyCode::Enter));
    assert!(!app.dirty, "{:?}", app.message);
    let read = qualif::io::load_case(&file, &book().vocabulary, today()).unwrap();
    assert_eq!(read, app.case);
    // And opens again in the interview.
    let mut other = new_app(Case::new());
    press(&mut other, ch('o'));
    typed(&mut other, file.to_str().unwrap());
    press(&mut other, key(KeyCode::Enter));
    assert_eq!(other.case, app.case);
    assert_eq!(other.case_path.as_deref(), Some(file.as_path()));
}

#[test]
fn the_report_is_exported() {
    let dir = recovery_dir();
    let file = dir.path().join("report.html");
    let mut app = new_app(Case::new());
    typed(&mut app, "2023-05-10");
    press(&mut app, key(KeyCode::Enter));
    press(&mut app, ch('e'));
    assert!(matches!(app.overlay, Overlay::Export { .. }));
    for _ in 0.."report.md".len() {
        press(&mut app, key(KeyCode::Backspace));
    }
    typed(&mut app, file.to_str().unwrap());
    press(&mut app, key(KeyCode::Enter));
    let html = std::fs::read_to_string(&file).unwrap();
    assert!(html.contains("<html"), "{:?}", app.message);
}

fn scenarios() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir("tests/scenarios")
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    assert!(!files.is_empty());
    files
}

#[test]
fn case_files_round_trip() {
    for f in scenarios() {
        let case = qualif::io::load_case(&f, &book().vocabulary, today()).unwrap();
        let text = case.to_toml(&book().vocabulary);
        let source = qualif::diagnostics::SourceText::new(f.display().to_string(), text);
        let back = Case::parse(&source, &book().vocabulary, today()).unwrap();
        assert_eq!(back, case, "{}", f.display());
    }
}

/// For each scenario, answering the interview's questions from the scenario's facts ("I
/// don't know" when the scenario does not state the fact) reaches what `assess` makes of
/// the whole file, asking fewer questions than the vocabulary has askable facts.
#[test]
fn the_questions_reach_the_qualifications_of_each_scenario() {
    let askable = book().vocabulary.facts.iter().filter(|f| f.asked()).count();
    let mut report = String::new();
    for f in scenarios() {
        let full = qualif::io::load_case(&f, &book().vocabulary, today()).unwrap();
        let mut app = new_app(Case::new());
        let mut asked = Vec::new();
        while let Some(key) = app.current.clone() {
            assert!(
                !asked.contains(&key),
                "{}: `{key}` asked twice",
                f.display()
            );
            asked.push(key.clone());
            answer_with_keys(&mut app, full.get(&key));
            assert!(
                app.message.is_none() || app.current.as_deref() != Some(&key),
                "{}: {key}: {:?}",
                f.display(),
                app.message
            );
            assert!(
                asked.len() <= askable,
                "{}: too many questions",
                f.display()
            );
        }
        assert!(
            asked.len() < askable,
            "{}: {} questions",
            f.display(),
            asked.len()
        );
        let expected = assess(plan(), &full, &[], None, today());
        for (e, g) in expected
            .systems
            .iter()
            .zip(&app.analysis.assessment.systems)
        {
            for (qe, qg) in e.qualifications.iter().zip(&g.qualifications) {
                assert_eq!(qe.status, qg.status, "{}: {}", f.display(), qe.provision.id);
                if qe.status != Status::Excluded {
                    assert_eq!(
                        qe.penalty,
                        qg.penalty,
                        "{}: {}",
                        f.display(),
                        qe.provision.id
                    );
                }
            }
        }
        report.push_str(&format!(
            "{}: {} questions of {askable}\n",
            f.file_name().unwrap().to_string_lossy(),
            asked.len()
        ));
    }
    insta::assert_snapshot!("scenario_question_counts", report);
}

#[test]
fn without_a_terminal_the_interview_says_so_and_exits_2() {
    for args in [&[][..], &["interview"][..]] {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_qualif"))
            .args(args)
            .env("QUALIF_TODAY", "2026-11-22")
            .env("XDG_STATE_HOME", Path::new("/nonexistent"))
            .stdin(std::process::Stdio::null())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(
            err.contains("needs a terminal") && err.contains("qualif assess"),
            "{err}"
        );
        assert!(out.stdout.is_empty());
    }
}

/// `a` opens the age ladder for the answers so far (computed on the key, drawn in 80×24),
/// and any key closes it; without the child's age it says the age is needed.
#[test]
fn the_age_ladder_panel() {
    let v = &book().vocabulary;
    let mut case = Case::new();
    case.set(
        "case.date_of_facts",
        Some(Value::Date(NaiveDate::from_ymd_opt(2022, 3, 10).unwrap())),
        v,
        today(),
    );
    let mut app = new_app(case.clone());
    press(&mut app, ch('a'));
    let qualif::tui::Overlay::Ladder { lines } = &app.overlay else {
        panic!("the ladder opens");
    };
    assert_eq!(lines.len(), 1, "{lines:?}");
    press(&mut app, ch('x'));
    assert!(matches!(app.overlay, qualif::tui::Overlay::None));
    case.set("victim.age", Some(Value::Int(14)), v, today());
    case.set("offender.age", Some(Value::Int(30)), v, today());
    case.set(
        "act.sexual_contact",
        Some(Value::Str("penetration".into())),
        v,
        today(),
    );
    case.set(
        "act.performer",
        Some(Value::Str("offender".into())),
        v,
        today(),
    );
    let mut app = new_app(case);
    press(&mut app, ch('a'));
    let qualif::tui::Overlay::Ladder { lines } = &app.overlay else {
        panic!("the ladder opens");
    };
    // Ages 8 to 17, the stated one marked; the French threshold at 15 among the thresholds.
    assert!(lines.iter().any(|l| l.starts_with("▶ 14")), "{lines:?}");
    assert!(
        lines
            .iter()
            .any(|l| l.contains("FR — at 15") && l.contains("art. 222-23-1 no longer applies")),
        "{lines:?}"
    );
    let s = screen(&app, 80, 24);
    assert!(s.contains("How the answer changes with the child"), "{s}");
}
