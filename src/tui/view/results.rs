//! The live results: the panels, the qualifications of each system and one provision
//! element by element.

use super::*;

pub(super) fn draw_results(f: &mut Frame, app: &App, area: Rect) {
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

pub(super) fn panel_name(p: Panel, fr: bool, short: bool) -> &'static str {
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

pub(super) fn status_mark(st: Status) -> &'static str {
    match st {
        Status::Applies => "●",
        Status::Possible => "○",
        Status::Excluded => "×",
    }
}

pub(super) fn verification_mark(v: Option<Verification>) -> &'static str {
    match v {
        Some(Verification::VerifiedPrimary) => "✓",
        Some(Verification::VerifiedSecondary) => "~",
        Some(Verification::Unverified) | None => "!",
    }
}

/// A maximum term, short: `20y`, `2y6m`, `life`, `?`.
pub(super) fn short_term(p: Option<&Penalty>, fr: bool) -> String {
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

pub(super) fn draw_qualifications(f: &mut Frame, app: &App, area: Rect) {
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
    // A period of facts: its line first, then under each national system what the period
    // changes there (the lines `assess` prints), wrapped to the panel.
    let width = usize::from(area.width.saturating_sub(2)).max(20);
    let period = app.analysis.period.as_ref();
    if let Some(p) = period {
        let line = crate::report::retained_text::period_span(p, lang);
        for l in crate::report::wrap::wrap(&line, width).lines() {
            items.push(ListItem::new(Line::styled(l.to_string(), s.bold())));
        }
    }
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
        for line in crate::report::retained_text::period_of(period, si)
            .map_or_else(Vec::new, |sp| {
                crate::report::retained_text::period_lines(sp, lang)
            })
        {
            let wrapped = crate::report::wrap::wrap(&format!("  ~ {line}"), width);
            for l in wrapped.lines() {
                items.push(ListItem::new(Line::styled(l.to_string(), s.dim())));
            }
        }
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

pub(super) fn qualification_line(app: &App, q: &Qualification) -> Line<'static> {
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

pub(super) fn draw_provision(f: &mut Frame, app: &App, area: Rect) {
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
