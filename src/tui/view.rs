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

fn draw_question(f: &mut Frame, app: &App, area: Rect) {
    let fr = app.fr();
    let lang = app.lang_code();
    let s = styles(app);
    let Some(def) = app.current_fact() else {
        let block = Block::default()
            .borders(Borders::ALL)
            .title(format!(" {} ", msg!(static fr, "tui-interview")));
        let mut lines = vec![
            Line::styled(msg!(static fr, "tui-no-question-left-can-change"), s.bold()),
            Line::raw(""),
            Line::raw(msg!(static fr, "tui-f-review-or-change-any")),
        ];
        if let Some(m) = message_line(app) {
            lines.push(Line::raw(""));
            lines.push(m);
        }
        f.render_widget(
            Paragraph::new(lines).block(block).wrap(Wrap { trim: true }),
            area,
        );
        return;
    };
    let title = if app.chosen {
        format!(" {} ", def.label.get(lang))
    } else {
        format!(
            " Question {} · {} ",
            app.history.len() + 1,
            def.label.get(lang)
        )
    };
    let block = Block::default().borders(Borders::ALL).title(title);
    let inner = block.inner(area);
    f.render_widget(block, area);
    let question = def
        .question
        .as_ref()
        .map(|q| q.get(lang).to_string())
        .unwrap_or_else(|| def.label.get(lang).to_string());
    let choices = answer::choices(def);
    let label_width = usize::from(inner.width.saturating_sub(2)).max(8);
    let items: Vec<ListItem> = choices
        .iter()
        .enumerate()
        .map(|(i, c)| ListItem::new(choice_lines(app, def, c, i, label_width)))
        .collect();
    let wanted: usize = items.iter().map(ListItem::height).sum();
    let wanted = wanted.min(usize::from(u16::MAX)) as u16;
    // The whole question, wrapped, as far as it leaves room for a line under it and the
    // first choices (three at least, or all when fewer); what does not fit scrolls.
    let q_full = word_wrapped_height(&question, inner.width);
    let q_height = q_full
        .min(inner.height.saturating_sub(1 + wanted.min(3)))
        .max(1);
    let overflow = q_full.saturating_sub(q_height);
    app.question_overflow.set(overflow);
    let scroll = app.question_scroll.min(overflow);
    let list_height = wanted.min(inner.height.saturating_sub(q_height + 1));
    let [q_area, gap, list_area, rest] = Layout::vertical([
        Constraint::Length(q_height),
        Constraint::Length(1),
        Constraint::Length(list_height),
        Constraint::Min(0),
    ])
    .areas(inner);
    f.render_widget(
        Paragraph::new(question)
            .style(s.bold())
            .wrap(Wrap { trim: true })
            .scroll((scroll, 0)),
        q_area,
    );
    if scroll < overflow {
        f.render_widget(
            Paragraph::new(msg!(static fr, "tui-question-more")).style(s.dim()),
            gap,
        );
    }
    // No cursor until a choice is highlighted (a new question on a list of choices):
    // Enter then answers nothing by accident. The place of the mark is kept either way.
    let mut state = ListState::default().with_selected(app.highlighted.then_some(app.cursor));
    f.render_stateful_widget(
        List::new(items)
            .highlight_style(s.selected())
            .highlight_symbol("› ")
            .highlight_spacing(ratatui::widgets::HighlightSpacing::Always),
        list_area,
        &mut state,
    );
    let mut lines: Vec<Line> = Vec::new();
    if let Some(m) = message_line(app) {
        lines.push(m);
    }
    lines.push(Line::raw(""));
    lines.push(Line::from(vec![
        Span::styled(format!("{} ", msg!(static fr, "tui-why")), s.bold()),
        Span::raw(why(app)),
    ]));
    if let Some(h) = &def.help {
        lines.push(Line::raw(""));
        lines.push(Line::styled(h.get(lang).to_string(), s.dim()));
    }
    f.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), rest);
}

fn message_line(app: &App) -> Option<Line<'static>> {
    let s = styles(app);
    match &app.message {
        Some(Message::Error(e)) => Some(Line::styled(
            format!("✗ {e}"),
            s.fg(Color::Red).add_modifier(Modifier::BOLD),
        )),
        Some(Message::Info(i)) => Some(Line::styled(format!("· {i}"), s.fg(Color::Cyan))),
        None => None,
    }
}

/// A choice, its label wrapped to `width` columns (continuation lines indented).
fn choice_lines(
    app: &App,
    def: &crate::facts::FactDef,
    c: &Choice,
    i: usize,
    width: usize,
) -> Text<'static> {
    let line = choice_line(app, def, c, i);
    if matches!(c, Choice::Input) {
        return Text::from(line);
    }
    let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
    let indent = if answer::is_typed(def) { 0 } else { 2 };
    let mut lines = Vec::new();
    let mut current = String::new();
    for word in text.split(' ') {
        let len = current.chars().count();
        let has_content = len > if lines.is_empty() { 0 } else { indent };
        if has_content && len + 1 + word.chars().count() > width {
            lines.push(Line::raw(std::mem::take(&mut current)));
            current = " ".repeat(indent);
        } else if has_content {
            current.push(' ');
        }
        current.push_str(word);
    }
    lines.push(Line::raw(current));
    Text::from(lines)
}

fn choice_line(app: &App, def: &crate::facts::FactDef, c: &Choice, i: usize) -> Line<'static> {
    let lang = app.lang_code();
    let number = if answer::is_typed(def) {
        String::new()
    } else {
        format!("{} ", i + 1)
    };
    match c {
        Choice::Input => {
            let hint = match def.ty {
                crate::facts::FactType::Date => msg!(static app.fr(), "tui-yyyy-mm-dd"),
                crate::facts::FactType::Country => {
                    msg!(static app.fr(), "tui-country-code-e-g-fr")
                }
                crate::facts::FactType::Countries => {
                    msg!(static app.fr(), "tui-codes-e-g-fr-be")
                }
                _ => "",
            };
            let shown = if app.input.is_empty() {
                Span::styled(hint.to_string(), styles(app).dim())
            } else {
                Span::raw(app.input.clone())
            };
            Line::from(vec![Span::raw("["), shown, Span::raw("▏]")])
        }
        Choice::ListValue(v) => {
            let mark = if app.ticked.contains(v) { "[x]" } else { "[ ]" };
            Line::raw(format!(
                "{number}{mark} {}",
                answer::choice_label(def, c, lang)
            ))
        }
        _ => Line::raw(format!("{number}{}", answer::choice_label(def, c, lang))),
    }
}

/// Why the current question is asked, from the engine's analysis.
fn why(app: &App) -> String {
    let fr = app.fr();
    let lang = app.lang_code();
    let Some(score) = app.current_score() else {
        return msg!(static fr, "tui-chosen-from-the-fact-list").into();
    };
    let mut out = format!("{} ", msg!(static fr, "tui-decides"));
    // In the order of `next_question::weights`: the retained qualification or its penalty
    // (and the provisions), whether a state can prosecute and its limitation, the scales.
    let mut parts: Vec<String> = Vec::new();
    if !score.retained.is_empty() {
        let systems = score.retained.join(", ");
        parts.push(msg!(fr, "tui-decides-retained", systems = systems));
    }
    if !score.retained_penalty.is_empty() {
        let systems = score.retained_penalty.join(", ");
        parts.push(msg!(fr, "tui-decides-retained-penalty", systems = systems));
    }
    let provisions = decided_list(score, lang, 3);
    parts.extend((!provisions.is_empty()).then_some(provisions));
    for r in score.reach.iter().take(2) {
        let (system, rule) = (r.system.name.get(lang).to_string(), r.rule.citation.clone());
        parts.push(if r.prosecution {
            msg!(fr, "tui-decides-prosecution", system = system, rule = rule)
        } else {
            msg!(fr, "tui-decides-ground", system = system, rule = rule)
        });
    }
    if !score.limitation.is_empty() {
        parts.push(msg!(
            fr,
            "tui-decides-limitation",
            systems = score.limitation.join(", ")
        ));
    }
    parts.extend(scale_list(score, lang));
    out.push_str(&parts.join("; "));
    if let Some(other) = score.together_with {
        out.push_str(&msg!(
            fr,
            "tui-together-with",
            arg0 = (other.label.get(lang)).to_string()
        ));
    }
    out.push('.');
    out
}

/// What a question decides in each sentencing scale: one part per scale.
fn scale_list(score: &QuestionScore, lang: &str) -> Vec<String> {
    use crate::engine::next_question::ScalePart;
    let fr = lang == "fr";
    let mut out: Vec<(String, Vec<String>)> = Vec::new();
    for d in &score.scale {
        let name = d.scale.get(lang).to_string();
        let part = match d.part {
            ScalePart::Category => msg!(static fr, "tui-scale-category").to_string(),
            ScalePart::Role => msg!(static fr, "tui-scale-role").to_string(),
            ScalePart::StartingPoint => msg!(static fr, "tui-scale-starting-point").to_string(),
            ScalePart::Factor(label) => {
                msg!(fr, "tui-scale-factor", factor = label.get(lang).to_string())
            }
        };
        match out.iter_mut().find(|(n, _)| *n == name) {
            Some((_, parts)) => parts.push(part),
            None => out.push((name, vec![part])),
        }
    }
    out.into_iter()
        .map(|(scale, parts)| {
            msg!(
                fr,
                "tui-decides-scale",
                scale = scale,
                parts = parts.join(", ")
            )
        })
        .collect()
}

/// The provisions a question decides, the weightiest first; the first with the element it
/// decides.
fn decided_list(score: &QuestionScore, lang: &str, at_most: usize) -> String {
    let fr = lang == "fr";
    let mut parts: Vec<String> = score
        .decides
        .iter()
        .take(at_most)
        .enumerate()
        .map(|(i, d)| {
            let label = d
                .elements
                .iter()
                .chain(&d.aggravations)
                .map(|p| crate::report::findings::element_label(&p.label, lang))
                .find(|l| !l.is_empty())
                .filter(|_| i == 0);
            let what = if d.penalty_only {
                format!(" {}", msg!(static fr, "tui-penalty"))
            } else {
                String::new()
            };
            match label {
                Some(l) => format!("{}{what}: {l}", d.provision.id),
                None => format!("{}{what}", d.provision.id),
            }
        })
        .collect();
    let more = score.decides.len().saturating_sub(at_most);
    if more > 0 {
        parts.push(msg!(fr, "tui-and-more", more = more.to_string()));
    }
    parts.join(", ")
}

fn draw_results(f: &mut Frame, app: &App, area: Rect) {
    if area.height >= ALL_PANELS_HEIGHT {
        let n = app.analysis.assessment.systems.len() as u16;
        let [q, p, c, d] = Layout::vertical([
            Constraint::Percentage(30),
            Constraint::Min(8),
            Constraint::Length(n + 2),
            Constraint::Percentage(25),
        ])
        .areas(area);
        draw_qualifications(f, app, q);
        draw_provision(f, app, p);
        draw_chart(f, app, c);
        draw_comparison(f, app, d);
        return;
    }
    let [tabs, panel] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(area);
    let fr = app.fr();
    let s = styles(app);
    let short = area.width < 64;
    let spans: Vec<Span> = Panel::ALL
        .iter()
        .flat_map(|p| {
            let name = panel_name(*p, fr, short);
            let style = if *p == app.panel {
                s.selected()
            } else {
                s.dim()
            };
            [Span::raw(" "), Span::styled(format!(" {name} "), style)]
        })
        .collect();
    let mut line = vec![Span::styled("Tab", s.bold())];
    line.extend(spans);
    f.render_widget(Paragraph::new(Line::from(line)), tabs);
    match app.panel {
        Panel::Qualifications => draw_qualifications(f, app, panel),
        Panel::Provision => draw_provision(f, app, panel),
        Panel::Chart => draw_chart(f, app, panel),
        Panel::Comparison => draw_comparison(f, app, panel),
    }
}

fn panel_name(p: Panel, fr: bool, short: bool) -> &'static str {
    match (p, short) {
        (Panel::Qualifications, false) => "Qualifications",
        (Panel::Qualifications, true) => "Qualif.",
        (Panel::Provision, false) => msg!(static fr, "tui-provision"),
        (Panel::Provision, true) => msg!(static fr, "tui-text"),
        (Panel::Chart, false) => msg!(static fr, "tui-penalties"),
        (Panel::Chart, true) => msg!(static fr, "tui-chart"),
        (Panel::Comparison, false) => msg!(static fr, "tui-disparities"),
        (Panel::Comparison, true) => msg!(static fr, "tui-disp"),
    }
}

fn status_mark(st: Status) -> &'static str {
    match st {
        Status::Applies => "●",
        Status::Possible => "○",
        Status::Excluded => "×",
    }
}

fn verification_mark(v: Option<Verification>) -> &'static str {
    match v {
        Some(Verification::VerifiedPrimary) => "✓",
        Some(Verification::VerifiedSecondary) => "~",
        Some(Verification::Unverified) | None => "!",
    }
}

/// A maximum term, short: `20y`, `2y6m`, `life`, `?`.
fn short_term(p: Option<&Penalty>, fr: bool) -> String {
    let Some(p) = p else { return "—".into() };
    let y = msg!(static fr, "tui-y");
    match p.prison_max {
        Term::Life => msg!(static fr, "tui-life").into(),
        Term::None => "0".into(),
        Term::Unknown => "?".into(),
        Term::Days(d) => format!("{d}d"),
        Term::Months(m) => {
            let whole = m.round();
            if (m - whole).abs() > 0.05 {
                // e.g. two years less a day
                let years = (m / 12.0).ceil() as i64;
                return format!("{years}{y}-1d");
            }
            let whole = whole as i64;
            match (whole / 12, whole % 12) {
                (0, r) => format!("{r}m"),
                (q, 0) => format!("{q}{y}"),
                (q, r) => format!("{q}{y}{r}m"),
            }
        }
    }
}

fn draw_qualifications(f: &mut Frame, app: &App, area: Rect) {
    let fr = app.fr();
    let lang = app.lang_code();
    let s = styles(app);
    let title = if area.width >= 60 {
        format!(
            " {} ",
            msg!(static fr, "tui-qualifications-applies-possible-verification")
        )
    } else {
        format!(" {} ", msg!(static fr, "tui-qualifications"))
    };
    let block = Block::default().borders(Borders::ALL).title(title);
    let mut items: Vec<ListItem> = Vec::new();
    let mut selected_item = None;
    let selected_row = app.selected_row();
    let mut row_index = 0;
    for (si, r) in app.analysis.assessment.systems.iter().enumerate() {
        let rows: Vec<_> = app
            .analysis
            .rows
            .iter()
            .filter(|(s_i, _)| *s_i == si)
            .collect();
        let applies = rows
            .iter()
            .filter(|row| app.analysis.qualification(***row).status == Status::Applies)
            .count();
        let header = msg!(
            fr,
            "tui-apply-possible",
            arg0 = (r.system.name.get(lang)).to_string(),
            applies = applies.to_string(),
            arg2 = (rows.len() - applies).to_string()
        );
        items.push(ListItem::new(Line::styled(header, s.bold())));
        for row in rows {
            let q = app.analysis.qualification(*row);
            if selected_row == Some(row_index) {
                selected_item = Some(items.len());
            }
            row_index += 1;
            items.push(ListItem::new(qualification_line(app, q)));
        }
    }
    if items.is_empty() {
        items.push(ListItem::new(msg!(static fr, "tui-no-legal-system-loaded")));
    }
    let mut state = ListState::default().with_selected(selected_item);
    f.render_stateful_widget(
        List::new(items).block(block).highlight_style(s.selected()),
        area,
        &mut state,
    );
}

fn qualification_line(app: &App, q: &Qualification) -> Line<'static> {
    let fr = app.fr();
    let s = styles(app);
    let status_color = match q.status {
        Status::Applies => Color::Green,
        Status::Possible => Color::Yellow,
        Status::Excluded => Color::DarkGray,
    };
    let v = q.verification();
    let v_color = match v {
        Some(Verification::VerifiedPrimary) => Color::Green,
        Some(Verification::VerifiedSecondary) => Color::Yellow,
        _ => Color::Red,
    };
    let title = q.provision.title.get(app.lang_code());
    Line::from(vec![
        Span::styled(format!(" {}", status_mark(q.status)), s.fg(status_color)),
        Span::styled(format!(" {}", verification_mark(v)), s.fg(v_color)),
        Span::raw(format!(" {:>6} ", short_term(q.penalty.as_ref(), fr))),
        Span::raw(q.provision.id.clone()),
        Span::styled(format!(" {title}"), s.dim()),
    ])
}

fn draw_provision(f: &mut Frame, app: &App, area: Rect) {
    let fr = app.fr();
    let lang = app.lang_code();
    let s = styles(app);
    let row = app.selected_row().map(|i| app.analysis.rows[i]);
    let Some(row) = row else {
        let block = Block::default()
            .borders(Borders::ALL)
            .title(format!(" {} ", msg!(static fr, "tui-provision-2")));
        f.render_widget(
            Paragraph::new(msg!(static fr, "tui-no-provision-applies-or-is"))
                .block(block)
                .wrap(Wrap { trim: true }),
            area,
        );
        return;
    };
    let q = app.analysis.qualification(row);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(format!(" {} · [ ] ", q.provision.id));
    let mut lines: Vec<Line> = vec![
        Line::styled(q.provision.citation.clone(), s.bold()),
        Line::raw(q.provision.title.get(lang).to_string()),
    ];
    let v = words::verification(q.verification().unwrap_or(Verification::Unverified), lang);
    lines.push(Line::raw(format!(
        "{} {} · {} {}",
        status_mark(q.status),
        words::status(q.status, lang),
        verification_mark(q.verification()),
        v
    )));
    if let Some(p) = &q.penalty {
        lines.push(Line::from(vec![
            Span::styled(format!("{} ", msg!(static fr, "tui-penalty-2")), s.bold()),
            Span::raw(words::penalty(p, lang)),
        ]));
    }
    if let Some(p) = &q.penalty_if_possible_aggravations {
        lines.push(Line::raw(format!(
            "{} {}",
            msg!(static fr, "tui-up-to-if-aggravations-are"),
            words::penalty(p, lang)
        )));
    }
    for e in &q.elements {
        let (mark, color) = match e.status {
            ElementStatus::Met => ("✓", Color::Green),
            ElementStatus::Unmet => ("✗", Color::Red),
            ElementStatus::Unknown => ("?", Color::Yellow),
        };
        lines.push(Line::from(vec![
            Span::styled(format!("  {mark} "), s.fg(color)),
            Span::raw(crate::report::findings::element_label(&e.label, lang).to_string()),
            Span::styled(
                format!(" ({})", crate::report::findings::element_result(e, lang)),
                s.dim(),
            ),
        ]));
    }
    for a in q
        .aggravations
        .iter()
        .filter(|a| a.status != Status::Excluded)
    {
        let mark = if a.status == Status::Applies {
            "+"
        } else {
            "?"
        };
        lines.push(Line::from(vec![
            Span::styled(format!("  {mark} "), s.fg(Color::Magenta)),
            Span::raw(a.label.get(lang).to_string()),
            Span::styled(
                format!(
                    " ({}; {})",
                    words::status(a.status, lang),
                    short_term(Some(a.penalty), fr)
                ),
                s.dim(),
            ),
        ]));
    }
    // The presumptions an element rests on: the question is still asked, and an answer
    // overrides them.
    if q.elements.iter().any(|e| e.presumed) {
        for p in &app.analysis.assessment.presumed {
            lines.push(Line::styled(
                format!(
                    "  ~ {}",
                    crate::report::findings::presumption(p, &app.book.vocabulary, lang)
                ),
                s.dim(),
            ));
        }
    }
    if let Some(m) = &q.milder_later {
        lines.push(Line::raw(msg!(
            fr,
            "tui-milder-law-since",
            arg0 = (m.in_force_from).to_string(),
            arg1 = (words::penalty(&m.penalty, lang)).to_string()
        )));
    }
    if !q.missing_facts.is_empty() {
        let vocab = &app.book.vocabulary;
        let missing: Vec<&str> = q
            .missing_facts
            .iter()
            .map(|k| vocab.fact(k).map(|d| d.label.get(lang)).unwrap_or(k))
            .collect();
        lines.push(Line::raw(format!(
            "{} {}",
            msg!(static fr, "tui-to-establish"),
            missing.join(", ")
        )));
    }
    for w in &q.warnings {
        lines.push(Line::styled(
            format!("! {}", crate::report::findings::warning(w, lang)),
            s.fg(Color::Red),
        ));
    }
    f.render_widget(
        Paragraph::new(Text::from(lines))
            .block(block)
            .wrap(Wrap { trim: true }),
        area,
    );
}

fn draw_chart(f: &mut Frame, app: &App, area: Rect) {
    let fr = app.fr();
    let s = styles(app);
    let block = Block::default().borders(Borders::ALL).title(format!(
        " {} ",
        msg!(static fr, "tui-maximum-penalty-leading-applicable-offence")
    ));
    let bars: Vec<Bar> = app
        .analysis
        .assessment
        .systems
        .iter()
        .zip(&app.analysis.leading)
        .map(|(r, lead)| {
            let label = Line::raw(r.system.id.clone());
            match lead {
                Some((pi, certain)) => {
                    let q = &r.qualifications[*pi];
                    let penalty = r.qualifications[*certain].penalty.as_ref();
                    let months = penalty.map(penalty_months).unwrap_or(0.0);
                    Bar::default()
                        .label(label)
                        .value(months.clamp(0.0, LIFE_MONTHS).round() as u64)
                        .text_value(format!("{} {}", short_term(penalty, fr), q.provision.id))
                }
                None => Bar::default()
                    .label(label)
                    .value(0)
                    .text_value(msg!(static fr, "tui-none-applies-yet").to_string()),
            }
        })
        .collect();
    let chart = BarChart::horizontal(bars)
        .block(block)
        .bar_width(1)
        .bar_gap(0)
        .bar_style(s.fg(Color::Blue))
        .value_style(s.bold());
    f.render_widget(chart, area);
}

fn draw_comparison(f: &mut Frame, app: &App, area: Rect) {
    let fr = app.fr();
    let lang = app.lang_code();
    let s = styles(app);
    let block = Block::default().borders(Borders::ALL).title(format!(
        " {} ",
        msg!(static fr, "tui-disparities-and-sentencing-scale")
    ));
    let mut lines: Vec<Line> = Vec::new();
    let disparities = &app.analysis.disparities;
    if disparities.is_empty() {
        lines.push(Line::styled(
            msg!(static fr, "tui-no-disparity-between-the-systems"),
            s.dim(),
        ));
    }
    let mut sorted: Vec<&Disparity> = disparities.iter().collect();
    sorted.sort_by(|a, b| b.severity.cmp(&a.severity).then(a.kind.cmp(&b.kind)));
    for d in sorted {
        let (mark, color) = match d.severity {
            Severity::Major => ("!!", Color::Red),
            Severity::Warning => ("! ", Color::Yellow),
            Severity::Info => ("· ", Color::Cyan),
        };
        lines.push(Line::from(vec![
            Span::styled(format!("{mark} "), s.fg(color).add_modifier(Modifier::BOLD)),
            Span::styled(
                format!(
                    "{} · {}: ",
                    disparity_kind(d.kind, fr),
                    d.systems.join(", ")
                ),
                s.bold(),
            ),
            Span::raw(crate::report::findings::disparity(d, lang)),
        ]));
    }
    lines.push(Line::raw(""));
    match &app.analysis.scale {
        Some(r) => lines.extend(scale_lines(app, r)),
        None if app.analysis.no_scale_covers => lines.push(Line::styled(
            crate::report::scale_text::no_guideline_covers(lang, app.analysis.nothing_retained),
            s.dim(),
        )),
        None => lines.push(Line::styled(
            msg!(static fr, "tui-sentencing-scale-no-official-guideline"),
            s.dim(),
        )),
    }
    for r in &app.analysis.scale_extensions {
        lines.extend(scale_lines(app, r));
    }
    let _ = lang;
    f.render_widget(
        Paragraph::new(lines).block(block).wrap(Wrap { trim: true }),
        area,
    );
}

fn disparity_kind(k: DisparityKind, fr: bool) -> &'static str {
    match k {
        DisparityKind::NotCriminalised => msg!(static fr, "tui-not-criminalised"),
        DisparityKind::PenaltyGap => msg!(static fr, "tui-penalty-gap"),
        DisparityKind::BelowMinimumStandard => {
            msg!(static fr, "tui-below-minimum-standard")
        }
        DisparityKind::AgeThreshold => msg!(static fr, "tui-age-threshold"),
        DisparityKind::Limitation => msg!(static fr, "tui-limitation"),
        DisparityKind::JurisdictionReach => msg!(static fr, "tui-jurisdiction"),
        DisparityKind::UnverifiedLaw => msg!(static fr, "tui-unverified-law"),
    }
}

/// One scale's result in a few lines: category, role, starting point and range.
fn scale_lines(app: &App, r: &ScaleResult) -> Vec<Line<'static>> {
    let fr = app.fr();
    let lang = app.lang_code();
    let s = styles(app);
    let g = r.guideline;
    let mut out = Vec::new();
    let name = if g.official {
        format!("{}: ", g.name.get(lang))
    } else {
        format!(
            "{} ({}): ",
            g.name.get(lang),
            msg!(static fr, "tui-not-official")
        )
    };
    let undetermined = msg!(static fr, "tui-sym");
    let cat = r
        .category
        .choice
        .map(|c| c.id.as_str())
        .unwrap_or(undetermined);
    let role = r
        .role
        .choice
        .map(|c| c.label.get(lang).to_string())
        .unwrap_or_else(|| undetermined.into());
    let result = match r.cell {
        Some(c) => format!(
            "{} {cat}, {role} → {} ({} – {})",
            msg!(static fr, "tui-category"),
            words::sentence_value(&c.starting_point, lang),
            words::sentence_value(&c.range_from, lang),
            words::sentence_value(&c.range_to, lang)
        ),
        None => format!(
            "{} {cat}, {role} → {}",
            msg!(static fr, "tui-category"),
            msg!(static fr, "tui-no-starting-point-yet-category")
        ),
    };
    let style = if g.official {
        s.bold()
    } else {
        s.fg(Color::Yellow).add_modifier(Modifier::BOLD)
    };
    out.push(Line::from(vec![
        Span::styled(name, style),
        Span::raw(result),
    ]));
    if r.coverage == crate::scale::Coverage::Possible {
        out.push(Line::styled(
            format!("  ⚠ {}", crate::report::scale_text::coverage_possible(lang)),
            s.fg(Color::Yellow),
        ));
    }
    let higher: Vec<&str> = r
        .category
        .possible_higher
        .iter()
        .map(|c| c.id.as_str())
        .collect();
    if !higher.is_empty() {
        out.push(Line::styled(
            format!(
                "  {} {}",
                msg!(static fr, "tui-still-possible-with-unknown-facts"),
                higher.join(", ")
            ),
            s.dim(),
        ));
    }
    out
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

fn draw_overlay(f: &mut Frame, app: &App, area: Rect) {
    let fr = app.fr();
    let s = styles(app);
    match &app.overlay {
        Overlay::None => {}
        Overlay::Ladder { lines } => super::ladder::draw(f, app, area, lines),
        Overlay::Help => {
            let mut lines: Vec<Line> = help_lines(fr)
                .into_iter()
                .map(|(k, d)| {
                    Line::from(vec![
                        Span::styled(format!("{k:<22}"), s.bold()),
                        Span::raw(d),
                    ])
                })
                .collect();
            // Where the answers are kept: a path may take more than a line.
            let key = msg!(static fr, "tui-recovery-file");
            let place = recovery_place(app);
            let width = area.width.min(96).saturating_sub(2);
            let extra = wrapped_height(&format!("{key:<22}{place}"), width).saturating_sub(1);
            lines.push(Line::from(vec![
                Span::styled(format!("{key:<22}"), s.bold()),
                Span::raw(place),
            ]));
            let r = centred(area, 96, lines.len() as u16 + 2 + extra);
            f.render_widget(Clear, r);
            f.render_widget(
                Paragraph::new(lines)
                    .block(
                        Block::default()
                            .borders(Borders::ALL)
                            .title(format!(" {} ", msg!(static fr, "tui-keys-any-key-closes"))),
                    )
                    .wrap(Wrap { trim: false }),
                r,
            );
        }
        Overlay::Facts { query, cursor } => {
            let r = centred(area, 90, area.height.saturating_sub(2));
            f.render_widget(Clear, r);
            let block = Block::default().borders(Borders::ALL).title(format!(
                " {} ",
                msg!(static fr, "tui-facts-type-to-search-enter")
            ));
            let inner = block.inner(r);
            f.render_widget(block, r);
            let [search, list] =
                Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(inner);
            f.render_widget(
                Paragraph::new(format!("{} {query}▏", msg!(static fr, "tui-search"))),
                search,
            );
            let lang = app.lang_code();
            let items: Vec<ListItem> = app
                .fact_list(query)
                .into_iter()
                .map(|d| {
                    let value = match app.case.get(&d.key) {
                        Some(v) => answer::value_text(d, v, lang),
                        None if app.skipped.contains(&d.key) => {
                            msg!(static fr, "tui-don-t-know").into()
                        }
                        None => "—".into(),
                    };
                    ListItem::new(Line::from(vec![
                        Span::raw(format!("{} ", d.label.get(lang))),
                        Span::styled(format!("= {value}"), s.bold()),
                        Span::styled(format!("  {}", d.key), s.dim()),
                    ]))
                })
                .collect();
            let mut state = ListState::default().with_selected(Some(*cursor));
            f.render_stateful_widget(
                List::new(items)
                    .highlight_style(s.selected())
                    .highlight_symbol("› "),
                list,
                &mut state,
            );
        }
        Overlay::Save { path } | Overlay::Open { path } | Overlay::Export { path } => {
            let export = matches!(app.overlay, Overlay::Export { .. });
            let title = format!(
                " {} ",
                match &app.overlay {
                    Overlay::Save { .. } => msg!(static fr, "tui-save-title"),
                    Overlay::Open { .. } => msg!(static fr, "tui-open-title"),
                    _ => msg!(static fr, "tui-export-title"),
                }
            );
            let hint = if export {
                msg!(static fr, "tui-markdown-or-html-json-by")
            } else {
                msg!(static fr, "tui-the-case-file-format-read")
            };
            let r = centred(area, 70, 4);
            f.render_widget(Clear, r);
            f.render_widget(
                Paragraph::new(vec![
                    Line::raw(format!("{} {path}▏", msg!(static fr, "tui-file"))),
                    Line::styled(hint, s.dim()),
                ])
                .block(Block::default().borders(Borders::ALL).title(title)),
                r,
            );
        }
        Overlay::Resume { cursor } => {
            let offered = &app.recovery.offered;
            let describe = |o: &super::recovery::Offer| {
                let case = o
                    .interview
                    .case_path
                    .as_ref()
                    .map(|p| p.display().to_string())
                    .unwrap_or_else(|| msg!(static fr, "tui-a-new-case").into());
                let n = o.interview.history.len();
                let when = o.saved.map(|t| {
                    chrono::DateTime::<chrono::Local>::from(t)
                        .format("%Y-%m-%d %H:%M")
                        .to_string()
                });
                match when {
                    Some(w) => msg!(
                        fr,
                        "tui-offer-when",
                        n = n.to_string(),
                        case = case,
                        when = w
                    ),
                    None => msg!(fr, "tui-offer", n = n.to_string(), case = case),
                }
            };
            let mut lines = Vec::new();
            if let [one] = &offered[..] {
                lines.push(Line::styled(
                    msg!(static fr, "tui-an-interview-was-interrupted"),
                    s.bold(),
                ));
                lines.push(Line::raw(format!("{}.", describe(one))));
                lines.push(Line::raw(""));
                lines.extend(
                    [
                        msg!(static fr, "tui-resume-one-yes"),
                        msg!(static fr, "tui-resume-discard"),
                        msg!(static fr, "tui-resume-one-later"),
                    ]
                    .map(Line::raw),
                );
            } else {
                let n = offered.len();
                lines.push(Line::styled(
                    msg!(fr, "tui-interviews-were-interrupted", n = n.to_string()),
                    s.bold(),
                ));
                for (i, o) in offered.iter().enumerate() {
                    let text = describe(o);
                    lines.push(if i == *cursor {
                        Line::styled(format!("› {text}"), s.selected())
                    } else {
                        Line::raw(format!("  {text}"))
                    });
                }
                lines.push(Line::raw(""));
                lines.extend(
                    [
                        msg!(static fr, "tui-resume-many-yes"),
                        msg!(static fr, "tui-resume-discard"),
                        msg!(static fr, "tui-resume-many-later"),
                    ]
                    .map(Line::raw),
                );
            }
            let r = centred(area, 72, lines.len() as u16 + 2);
            f.render_widget(Clear, r);
            f.render_widget(
                Paragraph::new(lines)
                    .block(
                        Block::default()
                            .borders(Borders::ALL)
                            .title(format!(" {} ", msg!(static fr, "tui-resume"))),
                    )
                    .wrap(Wrap { trim: true }),
                r,
            );
        }
        Overlay::ConfirmQuit => {
            let lines = vec![
                Line::styled(msg!(static fr, "tui-quit-unsaved"), s.bold()),
                Line::raw(msg!(static fr, "tui-quit-keys")),
            ];
            let r = centred(area, 64, 4 + 1);
            f.render_widget(Clear, r);
            f.render_widget(
                Paragraph::new(lines)
                    .block(
                        Block::default()
                            .borders(Borders::ALL)
                            .title(format!(" {} ", msg!(static fr, "tui-quit"))),
                    )
                    .wrap(Wrap { trim: true }),
                r,
            );
        }
    }
}

/// Where the answers are kept as they come, for the help overlay.
fn recovery_place(app: &App) -> String {
    let fr = app.fr();
    match (app.recovery.path(), app.recovery.dir()) {
        (Some(p), _) => format!(
            "{} {}",
            p.display(),
            msg!(static fr, "tui-removed-when-you-quit")
        ),
        (None, Some(d)) => format!(
            "{} {} {}",
            msg!(static fr, "tui-in"),
            d.display(),
            msg!(static fr, "tui-from-the-first-answer"),
        ),
        (None, None) => msg!(static fr, "tui-none-answers-are-lost-if").into(),
    }
}

/// Every key, for the help overlay.
pub fn help_lines(fr: bool) -> Vec<(&'static str, &'static str)> {
    vec![
        (
            msg!(static fr, "tui-help-enter"),
            msg!(static fr, "tui-help-answer-with-the-highlighted-choice"),
        ),
        (
            "↑ ↓  Home End",
            msg!(static fr, "tui-help-move-between-the-answers"),
        ),
        (
            "1-9   y n",
            msg!(static fr, "tui-help-pick-an-answer-yes-no"),
        ),
        (
            msg!(static fr, "tui-help-space"),
            msg!(static fr, "tui-help-tick-a-value-questions-with"),
        ),
        ("u  Ctrl-U", msg!(static fr, "tui-help-i-don-t-know-the")),
        (
            "b  ←  Ctrl-B",
            msg!(static fr, "tui-help-go-back-take-back-the"),
        ),
        (
            "f  /  Ctrl-F",
            msg!(static fr, "tui-help-facts-jump-to-any-fact"),
        ),
        (
            "[ ]  PgUp PgDn",
            msg!(static fr, "tui-help-select-the-previous-next-provision"),
        ),
        ("Tab", msg!(static fr, "tui-help-next-panel-small-windows")),
        (
            msg!(static fr, "tui-help-shift-arrows"),
            msg!(static fr, "tui-help-scroll-question"),
        ),
        ("l  Ctrl-L", msg!(static fr, "tui-help-fran-ais-english")),
        ("s  Ctrl-S", msg!(static fr, "tui-help-save-the-case-file")),
        ("o  Ctrl-O", msg!(static fr, "tui-help-open-a-case-file")),
        (
            "e  Ctrl-E",
            msg!(static fr, "tui-help-export-the-written-report-markdown"),
        ),
        ("?  F1", msg!(static fr, "tui-help-this-help")),
        (
            msg!(static fr, "tui-help-esc"),
            msg!(static fr, "tui-help-close-a-window-clear-the"),
        ),
        ("q  Ctrl-Q", msg!(static fr, "tui-help-quit")),
        (
            "Ctrl-C",
            msg!(static fr, "tui-help-stop-at-once-the-answers"),
        ),
        (
            "",
            msg!(static fr, "tui-help-country-and-text-answers-take"),
        ),
        ("● ○", msg!(static fr, "tui-help-applies-possible")),
        (
            "✓ ~ !",
            msg!(static fr, "tui-help-verified-official-text-secondary-sources"),
        ),
    ]
}
