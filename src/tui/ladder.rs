//! The interview's age ladder (key `a`): for the answers so far, how each system's answer
//! would change with the child's age — the threshold explorer's ladder, computed when the
//! key is pressed (never while drawing) and shown as lines in an overlay.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use super::state::App;
use crate::explore::{Range, Spec, explore};
use crate::facts::{FactType, Value};
use crate::report::explore_text::{floor_word, penalty_short, short, threshold_text};

/// The ladder's lines for the case as answered: one line per age with each system's
/// retained qualification and maximum, then the thresholds. Without the child's age, one
/// line that says so.
pub fn lines(app: &App) -> Vec<String> {
    let fr = app.fr();
    let lang = if fr { "fr" } else { "en" };
    let Some(Value::Int(age)) = app.case.get("victim.age") else {
        return vec![msg!(lang, "tui-ladder-no-age")];
    };
    let spec = Spec {
        key: "victim.age".into(),
        ty: FactType::Integer,
        range: Range::Number {
            from: (*age).clamp(0, 8),
            to: 17,
            step: 1,
        },
    };
    let l = explore(&app.plan, &app.case, &spec, &[], app.today);
    let mut out = vec![msg!(lang, "tui-ladder-intro", age = *age)];
    for r in &l.rows {
        let Value::Int(v) = r.value else { continue };
        let cells: Vec<String> = r
            .answers
            .iter()
            .zip(&l.systems)
            .map(|(a, s)| {
                let what = match &a.lead {
                    Some(x) => format!(
                        "{} {}",
                        short(x.provision),
                        penalty_short(x.penalty.as_ref(), lang)
                    ),
                    None => msg!(lang, "explore-nothing-certain"),
                };
                let floor = floor_word(a.floor.status, lang);
                crate::report::catalog::labelled(lang, &s.id, &format!("{what} ({floor})"))
            })
            .collect();
        let mark = if v == *age { "▶" } else { " " };
        out.push(format!("{mark}{v:>3}  {}", cells.join(" · ")));
    }
    out.push(String::new());
    out.push(msg!(lang, "explore-thresholds-heading"));
    if l.thresholds.is_empty() {
        out.push(format!("  {}", msg!(lang, "explore-no-threshold")));
    }
    for t in &l.thresholds {
        out.push(format!(
            "  {}",
            threshold_text(&l, t, &app.book.vocabulary, lang)
        ));
    }
    out
}

/// Draws the ladder over the screen.
pub fn draw(f: &mut Frame, app: &App, area: Rect, lines: &[String]) {
    let title = format!(" {} ", msg!(static app.fr(), "tui-ladder-title"));
    let r = area;
    f.render_widget(Clear, r);
    f.render_widget(
        Paragraph::new(lines.join("\n"))
            .block(Block::default().borders(Borders::ALL).title(title))
            .wrap(Wrap { trim: false }),
        r,
    );
}
