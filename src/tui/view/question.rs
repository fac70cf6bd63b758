//! The question box: the question, its choices or its field, the message line and the
//! "why" line saying what the answer decides.

use super::*;

pub(super) fn draw_question(f: &mut Frame, app: &App, area: Rect) {
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
    if let Some(a) = &def.at_least {
        lines.push(Line::styled(
            msg!(
                fr,
                "tui-at-least-hint",
                word = a.label.get(lang).to_string()
            ),
            s.dim(),
        ));
    }
    f.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), rest);
}

pub(super) fn message_line(app: &App) -> Option<Line<'static>> {
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
pub(super) fn choice_lines(
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

pub(super) fn choice_line(
    app: &App,
    def: &crate::facts::FactDef,
    c: &Choice,
    i: usize,
) -> Line<'static> {
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
pub fn why(app: &App) -> String {
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
    // At most two grounds, each said once (several provisions may rest on one ground).
    let mut grounds: Vec<String> = Vec::new();
    for r in &score.reach {
        let (system, rule) = (r.system.name.get(lang).to_string(), r.rule.citation.clone());
        let part = if r.prosecution {
            msg!(fr, "tui-decides-prosecution", system = system, rule = rule)
        } else {
            msg!(fr, "tui-decides-ground", system = system, rule = rule)
        };
        if grounds.len() < 2 && !grounds.contains(&part) {
            grounds.push(part);
        }
    }
    parts.extend(grounds);
    if !score.limitation.is_empty() {
        parts.push(msg!(
            fr,
            "tui-decides-limitation",
            systems = score.limitation.join(", ")
        ));
    }
    parts.extend(scale_list(score, lang));
    out.push_str(&parts.join(crate::report::catalog::list_separator(lang)));
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
pub(super) fn scale_list(score: &QuestionScore, lang: &str) -> Vec<String> {
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
pub(super) fn decided_list(score: &QuestionScore, lang: &str, at_most: usize) -> String {
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
                Some(l) => {
                    crate::report::catalog::labelled(lang, &format!("{}{what}", d.provision.id), &l)
                }
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
