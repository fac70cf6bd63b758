//! The overlays: help, the fact dialog, saving, resuming, quitting.

use super::*;

pub(super) fn draw_overlay(f: &mut Frame, app: &App, area: Rect) {
    let fr = app.fr();
    let s = styles(app);
    match &app.overlay {
        Overlay::None => {}
        Overlay::Ladder { lines } => crate::tui::ladder::draw(f, app, area, lines),
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
            let describe = |o: &crate::tui::recovery::Offer| {
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
pub(super) fn recovery_place(app: &App) -> String {
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
