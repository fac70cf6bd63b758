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
use super::tr;
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
        let msg = tr(
            app.fr(),
            "Window too small: enlarge it.",
            "Fenêtre trop petite : agrandissez-la.",
        );
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
        None => tr(fr, "new case", "nouveau dossier").into(),
    };
    let dirty = if app.dirty { "*" } else { "" };
    let answered = app.history.len();
    let law = app.analysis.assessment.law_date;
    let text = if fr {
        format!(" qualif · {case}{dirty} · {answered} réponse(s) · droit au {law} · FR · ? aide")
    } else {
        format!(" qualif · {case}{dirty} · {answered} answer(s) · law of {law} · EN · ? help")
    };
    f.render_widget(Paragraph::new(text).style(styles(app).selected()), area);
}

fn draw_footer(f: &mut Frame, app: &App, area: Rect) {
    let fr = app.fr();
    let letters = app.current_fact().is_some_and(answer::captures_letters);
    let text = match (letters, fr) {
        (false, false) => {
            " Enter answer · u don't know · b back · f facts · ? help · q quit · l français · s save · o open"
        }
        (false, true) => {
            " Entrée répondre · u ne sais pas · b retour · f faits · ? aide · q quitter · l English · s enregistrer · o ouvrir"
        }
        (true, false) => {
            " Enter answer · Ctrl-U don't know · Ctrl-B back · Ctrl-F facts · F1 help · Ctrl-Q quit · Ctrl-L français · Ctrl-S save"
        }
        (true, true) => {
            " Entrée répondre · Ctrl-U ne sais pas · Ctrl-B retour · Ctrl-F faits · F1 aide · Ctrl-Q quitter · Ctrl-L English"
        }
    };
    f.render_widget(Paragraph::new(text).style(styles(app).dim()), area);
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
        let block =
            Block::default()
                .borders(Borders::ALL)
                .title(tr(fr, " Interview ", " Entretien "));
        let mut lines = vec![
            Line::styled(
                tr(
                    fr,
                    "No question left can change the qualifications.",
                    "Plus aucune question ne peut changer les qualifications.",
                ),
                s.bold(),
            ),
            Line::raw(""),
            Line::raw(tr(
                fr,
                "f: review or change any answer · s: save the case file · q: quit",
                "f : revoir ou modifier une réponse · s : enregistrer le dossier · q : quitter",
            )),
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
    let q_height = wrapped_height(&question, inner.width)
        .min(inner.height / 3)
        .max(1);
    let label_width = usize::from(inner.width.saturating_sub(2)).max(8);
    let items: Vec<ListItem> = choices
        .iter()
        .enumerate()
        .map(|(i, c)| ListItem::new(choice_lines(app, def, c, i, label_width)))
        .collect();
    let wanted: usize = items.iter().map(ListItem::height).sum();
    let list_height =
        (wanted.min(usize::from(u16::MAX)) as u16).min(inner.height.saturating_sub(q_height + 1));
    let [q_area, _, list_area, rest] = Layout::vertical([
        Constraint::Length(q_height),
        Constraint::Length(1),
        Constraint::Length(list_height),
        Constraint::Min(0),
    ])
    .areas(inner);
    f.render_widget(
        Paragraph::new(question)
            .style(s.bold())
            .wrap(Wrap { trim: true }),
        q_area,
    );
    let mut state = ListState::default().with_selected(Some(app.cursor));
    f.render_stateful_widget(
        List::new(items)
            .highlight_style(s.selected())
            .highlight_symbol("› "),
        list_area,
        &mut state,
    );
    let mut lines: Vec<Line> = Vec::new();
    if let Some(m) = message_line(app) {
        lines.push(m);
    }
    lines.push(Line::raw(""));
    lines.push(Line::from(vec![
        Span::styled(tr(fr, "Why: ", "Pourquoi : "), s.bold()),
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
                crate::facts::FactType::Date => tr(app.fr(), "YYYY-MM-DD", "AAAA-MM-JJ"),
                crate::facts::FactType::Country => {
                    tr(app.fr(), "country code, e.g. FR", "code pays, ex. FR")
                }
                crate::facts::FactType::Countries => {
                    tr(app.fr(), "codes, e.g. FR, BE", "codes, ex. FR, BE")
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
        return tr(
            fr,
            "chosen from the fact list; the answer changes no qualification as things stand.",
            "choisi dans la liste des faits ; la réponse ne change aucune qualification en l'état.",
        )
        .into();
    };
    let mut out = String::from(tr(fr, "decides ", "décide "));
    out.push_str(&decided_list(score, lang, 3));
    if let Some(other) = score.together_with {
        out.push_str(&if fr {
            format!(", avec « {} »", other.label.get(lang))
        } else {
            format!(", together with “{}”", other.label.get(lang))
        });
    }
    out.push('.');
    out
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
                .map(|p| p.label.get(lang))
                .find(|l| !l.is_empty())
                .filter(|_| i == 0);
            let what = if d.penalty_only {
                tr(fr, " (penalty)", " (peine)")
            } else {
                ""
            };
            match label {
                Some(l) => format!("{}{what}: {l}", d.provision.id),
                None => format!("{}{what}", d.provision.id),
            }
        })
        .collect();
    let more = score.decides.len().saturating_sub(at_most);
    if more > 0 {
        parts.push(if fr {
            format!("et {more} autre(s)")
        } else {
            format!("and {more} more")
        });
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
        (Panel::Provision, false) => tr(fr, "Provision", "Texte"),
        (Panel::Provision, true) => tr(fr, "Text", "Texte"),
        (Panel::Chart, false) => tr(fr, "Penalties", "Peines"),
        (Panel::Chart, true) => tr(fr, "Chart", "Peines"),
        (Panel::Comparison, false) => tr(fr, "Disparities", "Disparités"),
        (Panel::Comparison, true) => tr(fr, "Disp.", "Disp."),
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
    let y = if fr { "a" } else { "y" };
    match p.prison_max {
        Term::Life => tr(fr, "life", "perp.").into(),
        Term::None => "0".into(),
        Term::Unknown => "?".into(),
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
        tr(
            fr,
            " Qualifications  ● applies ○ possible · ✓ ~ ! verification ",
            " Qualifications  ● applicable ○ possible · ✓ ~ ! vérification ",
        )
    } else {
        tr(fr, " Qualifications ", " Qualifications ")
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
        let header = if fr {
            format!(
                "{} — {} applicable(s), {} possible(s)",
                r.system.name.get(lang),
                applies,
                rows.len() - applies
            )
        } else {
            format!(
                "{} — {} apply, {} possible",
                r.system.name.get(lang),
                applies,
                rows.len() - applies
            )
        };
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
        items.push(ListItem::new(tr(
            fr,
            "No legal system loaded.",
            "Aucun système juridique chargé.",
        )));
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
    let title = if fr {
        &q.provision.title.fr
    } else {
        &q.provision.title.en
    };
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
            .title(tr(fr, " Provision ", " Texte "));
        f.render_widget(
            Paragraph::new(tr(
                fr,
                "No provision applies or is possible yet.",
                "Aucune infraction n'est encore applicable ni possible.",
            ))
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
        Line::raw(if fr {
            q.provision.title.fr.clone()
        } else {
            q.provision.title.en.clone()
        }),
    ];
    let v = q.verification().map(|v| v.as_str()).unwrap_or("unverified");
    lines.push(Line::raw(format!(
        "{} {} · {} {}",
        status_mark(q.status),
        words::status(q.status, lang),
        verification_mark(q.verification()),
        v
    )));
    if let Some(p) = &q.penalty {
        lines.push(Line::from(vec![
            Span::styled(tr(fr, "Penalty: ", "Peine : "), s.bold()),
            Span::raw(words::penalty(p, lang)),
        ]));
    }
    if let Some(p) = &q.penalty_if_possible_aggravations {
        lines.push(Line::raw(format!(
            "{}{}",
            tr(
                fr,
                "Up to, if aggravations are established: ",
                "Jusqu'à, si des circonstances aggravantes sont établies : "
            ),
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
            Span::raw(e.label.get(lang).to_string()),
            Span::styled(
                format!(" ({})", words::element_status(e.status, lang)),
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
    if let Some(m) = &q.milder_later {
        lines.push(Line::raw(if fr {
            format!(
                "Loi plus douce depuis le {} : {}",
                m.in_force_from,
                words::penalty(&m.penalty, lang)
            )
        } else {
            format!(
                "Milder law since {}: {}",
                m.in_force_from,
                words::penalty(&m.penalty, lang)
            )
        }));
    }
    if !q.missing_facts.is_empty() {
        let vocab = &app.book.vocabulary;
        let missing: Vec<&str> = q
            .missing_facts
            .iter()
            .map(|k| vocab.fact(k).map(|d| d.label.get(lang)).unwrap_or(k))
            .collect();
        lines.push(Line::raw(format!(
            "{}{}",
            tr(fr, "To establish: ", "À établir : "),
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
    let block = Block::default().borders(Borders::ALL).title(tr(
        fr,
        " Maximum penalty, leading applicable offence ",
        " Peine maximale, infraction applicable principale ",
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
                Some(pi) => {
                    let q = &r.qualifications[*pi];
                    let months = q.penalty.as_ref().map(penalty_months).unwrap_or(0.0);
                    Bar::default()
                        .label(label)
                        .value(months.clamp(0.0, LIFE_MONTHS).round() as u64)
                        .text_value(format!(
                            "{} {}",
                            short_term(q.penalty.as_ref(), fr),
                            q.provision.id
                        ))
                }
                None => Bar::default().label(label).value(0).text_value(
                    tr(
                        fr,
                        "— none applies yet",
                        "— aucune applicable pour l'instant",
                    )
                    .to_string(),
                ),
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
    let block = Block::default().borders(Borders::ALL).title(tr(
        fr,
        " Disparities and sentencing scale ",
        " Disparités et barème ",
    ));
    let mut lines: Vec<Line> = Vec::new();
    let disparities = &app.analysis.disparities;
    if disparities.is_empty() {
        lines.push(Line::styled(
            tr(
                fr,
                "No disparity between the systems on these facts so far.",
                "Aucune disparité entre les systèmes sur ces faits pour l'instant.",
            ),
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
        None => lines.push(Line::styled(
            tr(
                fr,
                "Sentencing scale: no official guideline in the data.",
                "Barème : aucun guide officiel dans les données.",
            ),
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
        DisparityKind::NotCriminalised => tr(fr, "not criminalised", "non incriminé"),
        DisparityKind::PenaltyGap => tr(fr, "penalty gap", "écart de peine"),
        DisparityKind::BelowMinimumStandard => {
            tr(fr, "below minimum standard", "sous le standard minimal")
        }
        DisparityKind::AgeThreshold => tr(fr, "age threshold", "seuil d'âge"),
        DisparityKind::Limitation => tr(fr, "limitation", "prescription"),
        DisparityKind::JurisdictionReach => tr(fr, "jurisdiction", "compétence"),
        DisparityKind::UnverifiedLaw => tr(fr, "unverified law", "droit non vérifié"),
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
            tr(fr, "NOT OFFICIAL", "NON OFFICIEL")
        )
    };
    let undetermined = tr(fr, "?", "?");
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
            tr(fr, "category", "catégorie"),
            words::sentence_value(&c.starting_point, lang),
            words::sentence_value(&c.range_from, lang),
            words::sentence_value(&c.range_to, lang)
        ),
        None => format!(
            "{} {cat}, {role} → {}",
            tr(fr, "category", "catégorie"),
            tr(
                fr,
                "no starting point yet (category or role not determined)",
                "pas encore de point de départ (catégorie ou rôle non déterminé)"
            )
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
                tr(
                    fr,
                    "still possible with unknown facts: category",
                    "encore possible (faits inconnus) : catégorie"
                ),
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
            let key = tr(fr, "Recovery file", "Fichier de secours");
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
                    .block(Block::default().borders(Borders::ALL).title(tr(
                        fr,
                        " Keys (any key closes) ",
                        " Touches (une touche pour fermer) ",
                    )))
                    .wrap(Wrap { trim: false }),
                r,
            );
        }
        Overlay::Facts { query, cursor } => {
            let r = centred(area, 90, area.height.saturating_sub(2));
            f.render_widget(Clear, r);
            let block = Block::default().borders(Borders::ALL).title(tr(
                fr,
                " Facts: type to search · ↑↓ · Enter to answer · Esc ",
                " Faits : tapez pour chercher · ↑↓ · Entrée pour répondre · Échap ",
            ));
            let inner = block.inner(r);
            f.render_widget(block, r);
            let [search, list] =
                Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(inner);
            f.render_widget(
                Paragraph::new(format!("{} {query}▏", tr(fr, "Search:", "Chercher :"))),
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
                            tr(fr, "don't know", "ne sait pas").into()
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
            let title = match (&app.overlay, fr) {
                (Overlay::Save { .. }, false) => " Save the case file · Enter · Esc ",
                (Overlay::Save { .. }, true) => " Enregistrer le dossier · Entrée · Échap ",
                (Overlay::Open { .. }, false) => " Open a case file · Enter · Esc ",
                (Overlay::Open { .. }, true) => " Ouvrir un dossier · Entrée · Échap ",
                (_, false) => " Export the report · Enter · Esc ",
                (_, true) => " Exporter le rapport · Entrée · Échap ",
            };
            let hint = if export {
                tr(
                    fr,
                    "Markdown, or HTML / JSON by the file's extension (.html, .json).",
                    "Markdown, ou HTML / JSON selon l'extension (.html, .json).",
                )
            } else {
                tr(
                    fr,
                    "The case-file format read by `qualif assess`.",
                    "Le format lu par `qualif assess`.",
                )
            };
            let r = centred(area, 70, 4);
            f.render_widget(Clear, r);
            f.render_widget(
                Paragraph::new(vec![
                    Line::raw(format!("{} {path}▏", tr(fr, "File:", "Fichier :"))),
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
                    .unwrap_or_else(|| tr(fr, "a new case", "un nouveau dossier").into());
                let n = o.interview.history.len();
                let when = o.saved.map(|t| {
                    chrono::DateTime::<chrono::Local>::from(t)
                        .format("%Y-%m-%d %H:%M")
                        .to_string()
                });
                match (when, fr) {
                    (Some(w), false) => format!("{n} answer(s), on {case}, {w}"),
                    (Some(w), true) => format!("{n} réponse(s), sur {case}, {w}"),
                    (None, false) => format!("{n} answer(s), on {case}"),
                    (None, true) => format!("{n} réponse(s), sur {case}"),
                }
            };
            let mut lines = Vec::new();
            if let [one] = &offered[..] {
                lines.push(Line::styled(
                    tr(
                        fr,
                        "An interview was interrupted.",
                        "Un entretien a été interrompu.",
                    ),
                    s.bold(),
                ));
                lines.push(Line::raw(format!("{}.", describe(one))));
                lines.push(Line::raw(""));
                lines.extend(
                    if fr {
                        [
                            "o / Entrée : le reprendre",
                            "n : l'abandonner (ses réponses sont effacées)",
                            "Échap : pas maintenant (il sera proposé au prochain lancement)",
                        ]
                    } else {
                        [
                            "y / Enter: resume it",
                            "n: discard it (its answers are deleted)",
                            "Esc: not now (it is offered again at the next start)",
                        ]
                    }
                    .map(Line::raw),
                );
            } else {
                let n = offered.len();
                lines.push(Line::styled(
                    if fr {
                        format!("{n} entretiens ont été interrompus.")
                    } else {
                        format!("{n} interviews were interrupted.")
                    },
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
                    if fr {
                        [
                            "↑ ↓ : choisir · o / Entrée : le reprendre",
                            "n : l'abandonner (ses réponses sont effacées)",
                            "Échap : pas maintenant (ils seront proposés au prochain lancement)",
                        ]
                    } else {
                        [
                            "↑ ↓: choose · y / Enter: resume it",
                            "n: discard it (its answers are deleted)",
                            "Esc: not now (they are offered again at the next start)",
                        ]
                    }
                    .map(Line::raw),
                );
            }
            let r = centred(area, 72, lines.len() as u16 + 2);
            f.render_widget(Clear, r);
            f.render_widget(
                Paragraph::new(lines)
                    .block(Block::default().borders(Borders::ALL).title(tr(
                        fr,
                        " Resume? ",
                        " Reprendre ? ",
                    )))
                    .wrap(Wrap { trim: true }),
                r,
            );
        }
        Overlay::ConfirmQuit => {
            let lines = if fr {
                vec![
                    Line::styled(
                        "Les réponses ne sont pas enregistrées dans un dossier.",
                        s.bold(),
                    ),
                    Line::raw("o : quitter sans enregistrer · s : enregistrer · Échap : rester"),
                ]
            } else {
                vec![
                    Line::styled("The answers are not saved to a case file.", s.bold()),
                    Line::raw("y: quit without saving · s: save · Esc: stay"),
                ]
            };
            let r = centred(area, 64, 4 + 1);
            f.render_widget(Clear, r);
            f.render_widget(
                Paragraph::new(lines)
                    .block(Block::default().borders(Borders::ALL).title(tr(
                        fr,
                        " Quit? ",
                        " Quitter ? ",
                    )))
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
            tr(fr, "(removed when you quit)", "(effacé quand vous quittez)")
        ),
        (None, Some(d)) => format!(
            "{} {} {}",
            tr(fr, "in", "dans"),
            d.display(),
            tr(fr, "from the first answer", "dès la première réponse"),
        ),
        (None, None) => tr(
            fr,
            "none: answers are lost if interrupted; save with s",
            "aucun : réponses perdues en cas d'interruption ; enregistrez avec s",
        )
        .into(),
    }
}

/// Every key, for the help overlay.
pub fn help_lines(fr: bool) -> Vec<(&'static str, &'static str)> {
    let t = |en, f| tr(fr, en, f);
    vec![
        (
            t("Enter", "Entrée"),
            t(
                "answer with the highlighted choice",
                "répondre avec le choix en surbrillance",
            ),
        ),
        (
            "↑ ↓  Home End",
            t("move between the answers", "passer d'une réponse à l'autre"),
        ),
        (
            "1-9   y n",
            t(
                "pick an answer; yes / no",
                "choisir une réponse ; oui / non",
            ),
        ),
        (
            t("Space", "Espace"),
            t(
                "tick a value (questions with several answers)",
                "cocher une valeur (questions à plusieurs réponses)",
            ),
        ),
        (
            "u  Ctrl-U",
            t(
                "I don't know: the fact stays unknown",
                "je ne sais pas : le fait reste inconnu",
            ),
        ),
        (
            "b  ←  Ctrl-B",
            t(
                "go back: take back the last answer",
                "retour : reprendre la dernière réponse",
            ),
        ),
        (
            "f  /  Ctrl-F",
            t(
                "facts: jump to any fact, change any answer",
                "faits : aller à un fait, modifier une réponse",
            ),
        ),
        (
            "[ ]  PgUp PgDn",
            t(
                "select the previous / next provision",
                "texte précédent / suivant",
            ),
        ),
        (
            "Tab",
            t(
                "next panel (small windows)",
                "panneau suivant (petites fenêtres)",
            ),
        ),
        ("l  Ctrl-L", t("français / English", "français / English")),
        (
            "s  Ctrl-S",
            t("save the case file", "enregistrer le dossier"),
        ),
        ("o  Ctrl-O", t("open a case file", "ouvrir un dossier")),
        (
            "e  Ctrl-E",
            t(
                "export the written report (Markdown, HTML, JSON)",
                "exporter le rapport (Markdown, HTML, JSON)",
            ),
        ),
        ("?  F1", t("this help", "cette aide")),
        (
            t("Esc", "Échap"),
            t(
                "close a window; clear the typed answer",
                "fermer une fenêtre ; effacer la saisie",
            ),
        ),
        ("q  Ctrl-Q", t("quit", "quitter")),
        (
            "Ctrl-C",
            t(
                "stop at once; the answers are kept to resume",
                "arrêter tout de suite ; les réponses sont gardées",
            ),
        ),
        (
            "",
            t(
                "Country and text answers take letters: use the Ctrl keys.",
                "Les réponses en lettres (pays, texte) : utilisez les touches Ctrl.",
            ),
        ),
        ("● ○", t("applies / possible", "applicable / possible")),
        (
            "✓ ~ !",
            t(
                "verified (official text) / secondary sources only / unverified",
                "vérifié (texte officiel) / sources secondaires / non vérifié",
            ),
        ),
    ]
}
