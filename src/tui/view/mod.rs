//! Rendering only: the question, the live results and the overlays, drawn from the state
//! and the engine's results. Nothing here computes law.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{
    Bar, BarChart, Block, Borders, Clear, List, ListItem, ListState, Paragraph, Wrap,
};

use super::answer::{self, Choice};
use super::state::{App, Message, Overlay, Panel};
use crate::compare::{Disparity, DisparityKind, Severity};
use crate::engine::next_question::{LIFE_MONTHS, QuestionScore, penalty_months};
use crate::engine::{ElementStatus, Qualification, Status};
use crate::law::{Penalty, Term, Verification};
use crate::report::words;
use crate::scale::ScaleResult;

mod comparison;
mod overlay;
mod question;
mod results;

pub use question::why;

use comparison::{draw_chart, draw_comparison};
use overlay::draw_overlay;
use question::draw_question;
use results::{draw_results, short_term};

/// Below this width the question and the results are stacked rather than side by side.
const SIDE_BY_SIDE_WIDTH: u16 = 72;
/// From this height of the results column every panel is shown at once.
const ALL_PANELS_HEIGHT: u16 = 34;

/// Draws the whole screen.
pub fn draw(f: &mut Frame, app: &App) {
    let area = f.area();
    if area.width < 24 || area.height < 8 {
        let msg = msg!(static app.fr(), "tui-window-too-small-enlarge-it");
        f.render_widget(Paragraph::new(msg).wrap(Wrap { trim: true }), area);
        return;
    }
    let [header, body, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(0),
        Constraint::Length(1),
    ])
    .areas(area);
    draw_header(f, app, header);
    draw_footer(f, app, footer);
    let (left, right) = if body.width >= SIDE_BY_SIDE_WIDTH {
        let [l, r] = Layout::horizontal([Constraint::Percentage(46), Constraint::Percentage(54)])
            .areas(body);
        (l, r)
    } else {
        let [l, r] =
            Layout::vertical([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(body);
        (l, r)
    };
    draw_question(f, app, left);
    draw_results(f, app, right);
    draw_overlay(f, app, area);
}

/// Styles that respect `NO_COLOR`: colours only when allowed; emphasis always.
struct Styles {
    color: bool,
}

impl Styles {
    fn fg(&self, c: Color) -> Style {
        if self.color {
            Style::new().fg(c)
        } else {
            Style::new()
        }
    }

    fn dim(&self) -> Style {
        if self.color {
            Style::new().fg(Color::DarkGray)
        } else {
            Style::new()
        }
    }

    fn bold(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    fn selected(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }
}

fn styles(app: &App) -> Styles {
    Styles { color: app.color }
}

fn draw_header(f: &mut Frame, app: &App, area: Rect) {
    let fr = app.fr();
    let case = match &app.case_path {
        Some(p) => p
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| p.display().to_string()),
        None => msg!(static fr, "tui-new-case").into(),
    };
    let dirty = if app.dirty { "*" } else { "" };
    let answered = app.history.len();
    let law = app.analysis.assessment.law_date;
    let header = |case: &str| {
        format!(
            " {}",
            msg!(
                fr,
                "tui-header",
                case = case,
                dirty = dirty,
                answered = answered.to_string(),
                law = law
            )
        )
    };
    // A long file name is shortened (its end kept, where the name differs) so that the
    // whole line fits: the language and "? help" stay visible.
    let width = usize::from(area.width);
    let room = width.saturating_sub(header("").chars().count());
    let case = if case.chars().count() <= room {
        case
    } else if room >= 4 {
        let tail: Vec<char> = case.chars().rev().take(room - 1).collect();
        std::iter::once('…').chain(tail.into_iter().rev()).collect()
    } else {
        String::new()
    };
    f.render_widget(
        Paragraph::new(header(&case)).style(styles(app).selected()),
        area,
    );
}

fn draw_footer(f: &mut Frame, app: &App, area: Rect) {
    let fr = app.fr();
    let letters = app.current_fact().is_some_and(answer::captures_letters);
    let (full, short) = if letters {
        (
            msg!(static fr, "tui-footer-letters"),
            msg!(static fr, "tui-footer-letters-short"),
        )
    } else {
        (
            msg!(static fr, "tui-footer"),
            msg!(static fr, "tui-footer-short"),
        )
    };
    let text = format!(" {}", key_line(full, short, usize::from(area.width)));
    f.render_widget(Paragraph::new(text).style(styles(app).dim()), area);
}

/// The key line for a width: the full one when it fits (with its leading space), else the
/// short one (its most needed keys first) with the keys that do not fit left off whole,
/// never cut in the middle of a word.
fn key_line(full: &'static str, short: &'static str, width: usize) -> String {
    let room = width.saturating_sub(1);
    if full.chars().count() <= room {
        return full.to_string();
    }
    let mut out = String::new();
    for item in short.split(" · ") {
        let sep = if out.is_empty() { 0 } else { 3 };
        if out.chars().count() + sep + item.chars().count() > room {
            break;
        }
        if sep > 0 {
            out.push_str(" · ");
        }
        out.push_str(item);
    }
    out
}

/// How many lines a text takes once word-wrapped to `width` columns, as the paragraph
/// wraps it (words kept whole, a word longer than a line broken).
fn word_wrapped_height(text: &str, width: u16) -> u16 {
    let w = usize::from(width.max(1));
    let mut lines = 0usize;
    for line in text.lines() {
        let mut used = 0usize;
        let mut count = 1usize;
        for word in line.split_whitespace() {
            let n = word.chars().count();
            if used > 0 && used + 1 + n <= w {
                used += 1 + n;
                continue;
            }
            if used > 0 {
                count += 1;
            }
            // A word longer than the line fills lines of its own.
            count += n.saturating_sub(1) / w;
            used = match n % w {
                0 if n > 0 => w,
                r => r,
            };
        }
        lines += count;
    }
    lines.clamp(1, usize::from(u16::MAX)) as u16
}

/// How many lines a text takes once wrapped to `width` (an estimate by characters).
fn wrapped_height(text: &str, width: u16) -> u16 {
    let w = usize::from(width.max(1));
    text.lines()
        .map(|l| l.chars().count().max(1).div_ceil(w))
        .sum::<usize>()
        .min(usize::from(u16::MAX)) as u16
}

/// A rectangle of at most `w`×`h` centred in `area`.
fn centred(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}
