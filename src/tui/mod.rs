//! The guided interview: a terminal application that asks one question at a time and
//! shows, as the answers come, what the law makes of the facts.
//!
//! Elm-style, as in gitui and ratatui's templates: [`state`] holds everything, [`update`]
//! turns keys into changes of state (pure, returning the [`update::Effect`]s to perform),
//! [`view`] draws the state and computes no law. This module runs the loop: events, effects,
//! autosave; `terminal` sets the terminal up and restores it (also after a panic, Ctrl-C, a
//! signal or a terminal that went away) and reads the input.

pub mod answer;
pub mod ladder;
pub mod recovery;
pub mod state;
mod terminal;
pub mod update;
pub mod view;

use std::io::IsTerminal;
use std::path::PathBuf;

use ratatui::crossterm::event::{Event, KeyEvent, KeyEventKind};

pub use state::{App, Exit, Message, Options, Overlay};
pub use update::{Effect, Msg};

use crate::cli::Lang;
use crate::diagnostics::{Error, Result};
use crate::facts::Case;
use crate::law::LawBook;
use crate::scale::Scales;
use terminal::Input;

/// Starts an interview: a new [`App`], offering to resume the interrupted interviews of
/// the state folder, if any.
pub fn start<'a>(
    book: &'a LawBook,
    scales: Option<&'a Scales>,
    case: Case,
    options: Options,
) -> App<'a> {
    let mut app = App::new(book, scales, case, options);
    recovery::offer(&mut app);
    app
}

/// Handles one message and performs its effects (files). What the tests drive.
pub fn step(app: &mut App, msg: Msg) {
    for effect in update::update(app, msg) {
        perform(app, effect);
    }
}

/// Handles one key press.
pub fn press(app: &mut App, key: KeyEvent) {
    step(app, Msg::Key(key));
}

fn perform(app: &mut App, effect: Effect) {
    let fr = app.fr();
    match effect {
        Effect::Autosave => {
            if app.recovery.dir().is_some() {
                if let Err(e) = recovery::save(app) {
                    app.message = Some(Message::Error(msg!(
                        fr,
                        "tui-cannot-write-the-recovery-file",
                        e = e.to_string()
                    )));
                }
            }
        }
        Effect::ClearRecovery => {
            if let Err(e) = app.recovery.clear() {
                app.message = Some(Message::Error(e));
            }
        }
        Effect::Resume(i) => {
            let left = app.recovery.offered.len().saturating_sub(1);
            if let Some(r) = recovery::take(app, i) {
                let n = r.history.len();
                // The interview goes on in the language it was left in.
                app.lang = if r.lang == "fr" { Lang::Fr } else { Lang::En };
                let fr = app.fr();
                app.load(r.case, r.case_path, r.skipped, r.history);
                app.dirty = true;
                let mut text = msg!(fr, "tui-interview-resumed-answer-s", n = n.to_string());
                if left > 0 {
                    text.push(' ');
                    text.push_str(&msg!(
                        fr,
                        "tui-other-interrupted-kept",
                        left = left.to_string()
                    ));
                }
                app.message = Some(Message::Info(text));
                perform(app, Effect::Autosave);
            }
        }
        Effect::Discard(i) => {
            let result = recovery::discard(app, i);
            let left = app.recovery.offered.len();
            app.overlay = if left == 0 {
                Overlay::None
            } else {
                Overlay::Resume {
                    cursor: i.min(left - 1),
                }
            };
            app.message = Some(match result {
                Err(e) => Message::Error(e),
                Ok(()) if left == 0 => Message::Info(
                    msg!(static fr, "tui-mod-the-interrupted-interview-was-discarded").into(),
                ),
                Ok(()) => Message::Info(msg!(
                    fr,
                    "tui-the-interrupted-interview-was-discarded",
                    left = left.to_string()
                )),
            });
        }
        Effect::KeepInterrupted => {
            let n = app.recovery.offered.len();
            app.recovery.keep_offered();
            app.message = Some(Message::Info(msg!(
                fr,
                "tui-interrupted-interview-s-kept-offered",
                n = n.to_string()
            )));
        }
        Effect::Save(path) => {
            let text = app.case.to_toml(&app.book.vocabulary);
            match crate::io::write_atomic(&path, text.as_bytes()) {
                Ok(()) => {
                    app.message = Some(Message::Info(msg!(
                        fr,
                        "tui-saved-to",
                        path = (path.display()).to_string()
                    )));
                    app.case_path = Some(path);
                    app.dirty = false;
                    perform(app, Effect::Autosave);
                }
                Err(e) => app.message = Some(Message::Error(e.to_string())),
            }
        }
        Effect::Export(path) => export(app, &path),
        Effect::Open(path) => match crate::io::load_case(&path, &app.book.vocabulary, app.today) {
            Ok(case) => {
                app.load(case, Some(path.clone()), Default::default(), Vec::new());
                app.dirty = false;
                app.message = Some(Message::Info(msg!(
                    fr,
                    "tui-opened",
                    path = (path.display()).to_string()
                )));
                perform(app, Effect::Autosave);
            }
            Err(e) => {
                let text = e.to_string();
                let text = text.strip_prefix("error: ").unwrap_or(&text);
                app.message = Some(Message::Error(text.replace('\n', " ")));
            }
        },
    }
}

/// Writes the report (`qualif report`) for the current facts: Markdown, or HTML / JSON
/// by the file's extension.
fn export(app: &mut App, path: &std::path::Path) {
    let fr = app.fr();
    let options = crate::report::document::Options {
        lang: app.lang_code().to_string(),
        redact: false,
        today: app.today,
    };
    let scales = app.scales.filter(|s| !s.guidelines.is_empty());
    let request = crate::analysis::Request {
        sentence: crate::analysis::Sentence::Imposed,
        ..Default::default()
    };
    let analysis = crate::analysis::analyse(&app.plan, scales, &app.case, &request, app.today);
    let doc = crate::report::document::build(&analysis, &options);
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let mut text = match ext.as_deref() {
        Some("html" | "htm") => crate::report::document::html(&doc),
        Some("json") => crate::report::document::json(&doc),
        _ => crate::report::document::markdown(&doc),
    };
    if !text.ends_with('\n') {
        text.push('\n');
    }
    app.message = Some(match crate::io::write_atomic(path, text.as_bytes()) {
        Ok(()) => Message::Info(msg!(
            fr,
            "tui-report-written-to",
            path = (path.display()).to_string()
        )),
        Err(e) => Message::Error(e.to_string()),
    });
}

/// Runs the interview in the terminal: `qualif` and `qualif interview [CASE]`.
///
/// It ends when the user quits, on Ctrl-C, on SIGTERM, SIGHUP, SIGINT or SIGQUIT, and when
/// the terminal goes away (end of input, a read or write error, a hang-up): the answers are
/// in the recovery file already, which is kept; the terminal is restored on every way out.
/// Meant to be called once in a process: the thread reading the keys lives until the
/// process ends.
pub fn run(
    book: &LawBook,
    scales: Option<&Scales>,
    case_path: Option<PathBuf>,
    lang: Lang,
) -> Result<u8> {
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        return Err(Error::Usage(msg!(lang, "tui-needs-a-terminal")));
    }
    let today = crate::io::today();
    let case = match &case_path {
        Some(p) => crate::io::load_case(p, &book.vocabulary, today)?,
        None => Case::new(),
    };
    let options = Options {
        today,
        lang,
        color: std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
        case_path,
        recovery_dir: recovery::default_dir(),
    };
    let nowhere = options.recovery_dir.is_none();
    let mut app = start(book, scales, case, options);
    if nowhere {
        app.message = Some(Message::Error(recovery::nowhere(app.fr()).into()));
    }
    let terminal_error = |source: std::io::Error| Error::Write {
        path: "the terminal".into(),
        source,
    };
    let (tx, inputs) = std::sync::mpsc::channel();
    terminal::signals(&tx).map_err(terminal_error)?;
    let mut screen = terminal::Screen::enter().map_err(terminal_error)?;
    terminal::read(tx).map_err(terminal_error)?;
    'interview: while app.exit.is_none() {
        // A terminal that cannot be written to is gone.
        if screen.draw(&app).is_err() {
            step(&mut app, Msg::Interrupt);
            break;
        }
        // Every input already there before the next draw (a paste).
        let first = inputs.recv().unwrap_or(Input::Gone);
        for input in std::iter::once(first).chain(inputs.try_iter()) {
            match input {
                Input::Event(Event::Key(k)) if k.kind != KeyEventKind::Release => {
                    press(&mut app, k)
                }
                // The next draw fits the new size (resize) or has nothing new.
                Input::Event(_) => {}
                Input::Gone | Input::Signal => step(&mut app, Msg::Interrupt),
            }
            if app.exit.is_some() {
                break 'interview;
            }
        }
    }
    drop(screen);
    if app.exit == Some(Exit::Interrupted) && !app.history.is_empty() {
        if let Some(p) = app.recovery.path() {
            // Standard error may be the terminal that went away: a failure is not reported
            // (`to_stderr` never panics).
            crate::io::to_stderr(&msg!(
                app.fr(),
                "tui-interrupted-kept",
                path = p.display().to_string()
            ));
        }
    }
    Ok(if app.exit == Some(Exit::Interrupted) {
        130
    } else {
        0
    })
}
