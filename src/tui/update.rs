//! Messages and keys → changes of state. Pure: files are read and written by the caller,
//! through the [`Effect`]s returned.

use std::path::PathBuf;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::answer::{self, Choice};
use super::state::{App, Exit, Message, Overlay};
use crate::cli::Lang;
use crate::facts::Value;

/// What happened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Msg {
    Key(KeyEvent),
    /// Ctrl-C, or a signal asking the program to stop.
    Interrupt,
}

/// Input and output the caller performs after an update.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Write the recovery file.
    Autosave,
    /// Remove the recovery file.
    ClearRecovery,
    /// Resume the interrupted interview offered at this index.
    Resume(usize),
    /// Discard (remove) the interrupted interview offered at this index.
    Discard(usize),
    /// Let go of the interrupted interviews offered: offered again at the next start.
    KeepInterrupted,
    /// Save the case file there.
    Save(PathBuf),
    /// Open the case file there.
    Open(PathBuf),
    /// Write the report there.
    Export(PathBuf),
}

/// A command, whatever key gave it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Command {
    Help,
    Facts,
    Language,
    Save,
    Open,
    Export,
    Quit,
    Back,
    DontKnow,
    NextPanel,
    PreviousProvision,
    NextProvision,
    Ladder,
}

pub fn update(app: &mut App, msg: Msg) -> Vec<Effect> {
    let key = match msg {
        Msg::Interrupt => {
            app.exit = Some(Exit::Interrupted);
            return Vec::new();
        }
        Msg::Key(k) => k,
    };
    if key.kind == KeyEventKind::Release {
        return Vec::new();
    }
    if key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char('c') {
        app.exit = Some(Exit::Interrupted);
        return Vec::new();
    }
    match app.overlay.clone() {
        Overlay::None => main_key(app, key),
        Overlay::Help | Overlay::Ladder { .. } => {
            app.overlay = Overlay::None;
            Vec::new()
        }
        Overlay::Facts { query, cursor } => facts_key(app, key, query, cursor),
        Overlay::Save { path } => path_key(app, key, path, PathKind::Save),
        Overlay::Open { path } => path_key(app, key, path, PathKind::Open),
        Overlay::Export { path } => path_key(app, key, path, PathKind::Export),
        Overlay::Resume { cursor } => {
            let last = app.recovery.offered.len().saturating_sub(1);
            match key.code {
                KeyCode::Up => {
                    app.overlay = Overlay::Resume {
                        cursor: cursor.saturating_sub(1),
                    }
                }
                KeyCode::Down => {
                    app.overlay = Overlay::Resume {
                        cursor: (cursor + 1).min(last),
                    }
                }
                KeyCode::Char('y') | KeyCode::Char('o') | KeyCode::Enter => {
                    app.overlay = Overlay::None;
                    return vec![Effect::Resume(cursor)];
                }
                KeyCode::Char('n') | KeyCode::Delete => return vec![Effect::Discard(cursor)],
                KeyCode::Esc => {
                    app.overlay = Overlay::None;
                    return vec![Effect::KeepInterrupted];
                }
                _ => {}
            }
            Vec::new()
        }
        Overlay::ConfirmQuit => match key.code {
            KeyCode::Char('y') | KeyCode::Char('o') | KeyCode::Char('q') => {
                app.exit = Some(Exit::Quit);
                vec![Effect::ClearRecovery]
            }
            KeyCode::Char('s') => {
                app.overlay = save_overlay(app);
                Vec::new()
            }
            _ => {
                app.overlay = Overlay::None;
                Vec::new()
            }
        },
    }
}

/// The command a key gives on the main screen, if any. Letters are commands unless the
/// question is answered by typing letters (countries, text): then the Ctrl keys are.
fn command(app: &App, key: &KeyEvent) -> Option<Command> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    match key.code {
        KeyCode::F(1) => return Some(Command::Help),
        KeyCode::Tab => return Some(Command::NextPanel),
        KeyCode::PageUp => return Some(Command::PreviousProvision),
        KeyCode::PageDown => return Some(Command::NextProvision),
        KeyCode::Left => return Some(Command::Back),
        _ => {}
    }
    let KeyCode::Char(c) = key.code else {
        return None;
    };
    if ctrl {
        return match c {
            'b' => Some(Command::Back),
            'f' => Some(Command::Facts),
            'l' => Some(Command::Language),
            's' => Some(Command::Save),
            'o' => Some(Command::Open),
            'e' => Some(Command::Export),
            'q' => Some(Command::Quit),
            'u' => Some(Command::DontKnow),
            _ => None,
        };
    }
    if let Some(def) = app.current_fact() {
        if answer::is_typed(def) && answer::accepts_char(def, c) {
            return None;
        }
    }
    match c {
        '?' => Some(Command::Help),
        'f' | '/' => Some(Command::Facts),
        'l' => Some(Command::Language),
        's' => Some(Command::Save),
        'o' => Some(Command::Open),
        'e' => Some(Command::Export),
        'q' => Some(Command::Quit),
        'b' => Some(Command::Back),
        'u' => Some(Command::DontKnow),
        '[' => Some(Command::PreviousProvision),
        ']' => Some(Command::NextProvision),
        'a' => Some(Command::Ladder),
        _ => None,
    }
}

fn save_overlay(app: &App) -> Overlay {
    let path = app
        .case_path
        .as_ref()
        .map(|p| p.display().to_string())
        .unwrap_or_else(|| "case.toml".into());
    Overlay::Save { path }
}

fn run_command(app: &mut App, c: Command) -> Vec<Effect> {
    match c {
        Command::Help => app.overlay = Overlay::Help,
        Command::Ladder => {
            app.overlay = Overlay::Ladder {
                lines: super::ladder::lines(app),
            }
        }
        Command::Facts => {
            app.overlay = Overlay::Facts {
                query: String::new(),
                cursor: 0,
            }
        }
        Command::Language => {
            app.lang = if app.fr() { Lang::En } else { Lang::Fr };
            app.message = None;
        }
        Command::Save => app.overlay = save_overlay(app),
        Command::Open => {
            app.overlay = Overlay::Open {
                path: String::new(),
            }
        }
        Command::Export => {
            app.overlay = Overlay::Export {
                path: "report.md".into(),
            }
        }
        Command::Quit => {
            if app.dirty {
                app.overlay = Overlay::ConfirmQuit;
            } else {
                app.exit = Some(Exit::Quit);
                return vec![Effect::ClearRecovery];
            }
        }
        Command::Back => {
            if app.back() {
                app.message = None;
                return vec![Effect::Autosave];
            }
            app.message = Some(Message::Info(
                msg!(static app.fr(), "tui-update-no-answer-to-take-back").into(),
            ));
        }
        Command::DontKnow => {
            if let Some(key) = app.current.clone() {
                app.record(&key, None);
                return vec![Effect::Autosave];
            }
        }
        Command::NextPanel => app.panel = app.panel.next(),
        Command::PreviousProvision => app.select_by(-1),
        Command::NextProvision => app.select_by(1),
    }
    Vec::new()
}

fn main_key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    if let Some(c) = command(app, &key) {
        return run_command(app, c);
    }
    let Some(def) = app.current_fact() else {
        if key.code == KeyCode::Enter {
            app.message = Some(Message::Info(
                msg!(static app.fr(), "tui-update-no-question-is-left-f").into(),
            ));
        }
        return Vec::new();
    };
    let choices = answer::choices(def);
    let last = choices.len() - 1;
    let shift = key.modifiers.contains(KeyModifiers::SHIFT);
    match key.code {
        // Shift-↑↓ scroll a question longer than its box (the view keeps it in range).
        KeyCode::Up if shift => app.question_scroll = app.question_scroll.saturating_sub(1),
        KeyCode::Down if shift => {
            app.question_scroll = (app.question_scroll + 1).min(app.question_overflow.get())
        }
        // The first arrow shows the cursor on the first choice; the next ones move it.
        KeyCode::Up | KeyCode::Down if !app.highlighted => app.highlighted = true,
        KeyCode::Up => app.cursor = app.cursor.saturating_sub(1),
        KeyCode::Down => app.cursor = (app.cursor + 1).min(last),
        KeyCode::Home => {
            app.cursor = 0;
            app.highlighted = true;
        }
        KeyCode::End => {
            app.cursor = last;
            app.highlighted = true;
        }
        KeyCode::Esc => {
            app.input.clear();
            app.message = None;
        }
        KeyCode::Backspace => {
            app.input.pop();
        }
        // Enter answers the highlighted choice; with none highlighted (and nothing
        // ticked) it highlights the first and says what a second Enter would answer.
        KeyCode::Enter if !app.highlighted && app.ticked.is_empty() => {
            app.highlighted = true;
            let label = choices
                .get(app.cursor)
                .map(|c| answer::choice_label(def, c, app.lang_code()))
                .unwrap_or_default();
            app.message = Some(Message::Info(msg!(
                app.fr(),
                "tui-enter-again",
                choice = label
            )));
        }
        KeyCode::Enter => return confirm(app, &choices),
        KeyCode::Char(c) if answer::is_typed(def) && answer::accepts_char(def, c) => {
            app.input.push(c);
            app.cursor = 0;
            app.message = None;
        }
        KeyCode::Char(' ') => {
            app.highlighted = true;
            if let Some(Choice::ListValue(v)) = choices.get(app.cursor) {
                toggle(app, v.clone());
            }
        }
        KeyCode::Char(c @ ('y' | 'n')) if def.ty == crate::facts::FactType::Bool => {
            return give(app, Value::Bool(c == 'y'));
        }
        KeyCode::Char(c @ '1'..='9') => {
            let i = c as usize - '1' as usize;
            match choices.get(i) {
                Some(Choice::ListValue(v)) => {
                    app.cursor = i;
                    app.highlighted = true;
                    toggle(app, v.clone());
                }
                Some(_) => {
                    app.cursor = i;
                    app.highlighted = true;
                    return confirm(app, &choices);
                }
                None => {}
            }
        }
        _ => {}
    }
    Vec::new()
}

fn toggle(app: &mut App, v: String) {
    if !app.ticked.remove(&v) {
        app.ticked.insert(v);
    }
}

/// Answers with the highlighted choice.
fn confirm(app: &mut App, choices: &[Choice]) -> Vec<Effect> {
    let Some(def) = app.current_fact() else {
        return Vec::new();
    };
    let value = match choices.get(app.cursor) {
        None => return Vec::new(),
        Some(Choice::Unknown) => {
            let key = def.key.clone();
            app.record(&key, None);
            return vec![Effect::Autosave];
        }
        Some(Choice::Value(v)) => v.clone(),
        Some(Choice::ListValue(v)) => {
            if app.ticked.is_empty() {
                Value::List(vec![v.clone()])
            } else {
                Value::List(
                    def.values
                        .iter()
                        .filter(|x| app.ticked.contains(*x))
                        .cloned()
                        .collect(),
                )
            }
        }
        Some(Choice::NoneOfThese) => Value::List(Vec::new()),
        Some(Choice::Input) => {
            // A period `FIRST..LAST` in the box of a date that ends one (`period_from`).
            if let Some(period) = answer::parse_period(def, &app.input, app.lang_code()) {
                return match period {
                    Ok((first, last)) => give_period(app, last, Some(first)),
                    Err(e) => {
                        app.message = Some(Message::Error(e));
                        Vec::new()
                    }
                };
            }
            match answer::parse_input(def, &app.input, &app.book.vocabulary, app.lang_code()) {
                Ok(v) => v,
                Err(e) => {
                    app.message = Some(Message::Error(e));
                    return Vec::new();
                }
            }
        }
    };
    give(app, value)
}

/// Records a value for the current question once it is consistent with the case.
fn give(app: &mut App, value: Value) -> Vec<Effect> {
    give_period(app, value, None)
}

/// Records a value for the current question, and for a date that ends a period
/// (`period_from`) the period's first date (`None`: one date, no period), once both are
/// consistent with the case.
fn give_period(app: &mut App, value: Value, first: Option<Value>) -> Vec<Effect> {
    let Some(key) = app.current.clone() else {
        return Vec::new();
    };
    let mut trial = app.case.clone();
    if let Some(from) = app.current_fact().and_then(|d| d.period_from.as_deref()) {
        trial.set(from, first.clone(), &app.book.vocabulary, app.today);
    }
    if let Err(e) = answer::check_consistency(
        &trial,
        &key,
        &value,
        &app.book.vocabulary,
        app.today,
        app.lang_code(),
    ) {
        app.message = Some(Message::Error(e));
        return Vec::new();
    }
    app.record_period(&key, Some(value), first);
    vec![Effect::Autosave]
}

fn facts_key(app: &mut App, key: KeyEvent, mut query: String, mut cursor: usize) -> Vec<Effect> {
    let n = app.fact_list(&query).len();
    match key.code {
        KeyCode::Esc => {
            app.overlay = Overlay::None;
            return Vec::new();
        }
        KeyCode::Enter => {
            if let Some(f) = app.fact_list(&query).get(cursor) {
                let k = f.key.clone();
                app.overlay = Overlay::None;
                app.message = None;
                app.ask(Some(k), true);
            }
            return Vec::new();
        }
        KeyCode::Up => cursor = cursor.saturating_sub(1),
        KeyCode::Down => cursor = (cursor + 1).min(n.saturating_sub(1)),
        KeyCode::PageUp => cursor = cursor.saturating_sub(10),
        KeyCode::PageDown => cursor = (cursor + 10).min(n.saturating_sub(1)),
        KeyCode::Backspace => {
            query.pop();
            cursor = 0;
        }
        KeyCode::Char(c) if !key.modifiers.contains(KeyModifiers::CONTROL) => {
            query.push(c);
            cursor = 0;
        }
        _ => {}
    }
    app.overlay = Overlay::Facts { query, cursor };
    Vec::new()
}

/// What a path typed in a window is for.
#[derive(Clone, Copy)]
enum PathKind {
    Save,
    Open,
    Export,
}

fn path_key(app: &mut App, key: KeyEvent, mut path: String, kind: PathKind) -> Vec<Effect> {
    match key.code {
        KeyCode::Esc => {
            app.overlay = Overlay::None;
            return Vec::new();
        }
        KeyCode::Enter => {
            let p = path.trim();
            if p.is_empty() {
                return Vec::new();
            }
            app.overlay = Overlay::None;
            let p = PathBuf::from(p);
            return vec![match kind {
                PathKind::Save => Effect::Save(p),
                PathKind::Open => Effect::Open(p),
                PathKind::Export => Effect::Export(p),
            }];
        }
        KeyCode::Backspace => {
            path.pop();
        }
        KeyCode::Char(c) if !key.modifiers.contains(KeyModifiers::CONTROL) => path.push(c),
        _ => {}
    }
    app.overlay = match kind {
        PathKind::Save => Overlay::Save { path },
        PathKind::Open => Overlay::Open { path },
        PathKind::Export => Overlay::Export { path },
    };
    Vec::new()
}
