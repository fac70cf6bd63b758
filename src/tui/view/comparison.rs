//! The chart of maxima, the comparison across systems and the sentencing scales.

use super::*;

pub(super) fn draw_chart(f: &mut Frame, app: &App, area: Rect) {
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

pub(super) fn draw_comparison(f: &mut Frame, app: &App, area: Rect) {
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
                    "{} · {}{}",
                    disparity_kind(d.kind, fr),
                    d.systems.join(", "),
                    crate::report::catalog::label_separator(lang)
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

pub(super) fn disparity_kind(k: DisparityKind, fr: bool) -> &'static str {
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
pub(super) fn scale_lines(app: &App, r: &ScaleResult) -> Vec<Line<'static>> {
    let fr = app.fr();
    let lang = app.lang_code();
    let s = styles(app);
    let g = r.guideline;
    let mut out = Vec::new();
    let separator = crate::report::catalog::label_separator(lang);
    let name = if g.official {
        format!("{}{separator}", g.name.get(lang))
    } else {
        format!(
            "{} ({}){separator}",
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
