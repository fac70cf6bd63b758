//! The scale chart: the guideline range and its starting point, and the sentence against
//! each system's maximum.

use std::fmt::Write;

use super::{LEFT, WIDTH, axis, drawable, escaped, fit_lines, ticks, write_lines, x};
use crate::document::text;
use crate::document::{ProportionalitySection, ScaleChart};

/// The guideline range and its starting point, when a scale gives one, and the sentence
/// against each system's maximum when one is placed.
///
/// The axis is set by the range and the maxima: a sentence beyond its end (above every
/// statutory maximum, however far: the case file may say a billion months) is drawn at the
/// end with an arrow pointing on, and its label gives its real value. Only when there is
/// neither a range nor a known maximum does the sentence set the axis.
pub fn scale(c: &ScaleChart, p: Option<&ProportionalitySection>, lang: &str) -> String {
    let systems = p.map(|p| p.systems.as_slice()).unwrap_or_default();
    let mut far = 0.0_f64;
    if let Some(r) = &c.range {
        far = far.max(drawable(r.to_months));
    }
    for s in systems {
        if let Some(m) = s.max_prison_months {
            far = far.max(drawable(m));
        }
    }
    if far == 0.0 {
        far = drawable(c.sentence_months.unwrap_or(0.0));
    }
    let (end, step) = axis(far.max(12.0) * 1.05);
    let row = 40.0;
    let top = 28.0;
    // The text under each bar, on one line or more: a row grows by the lines it adds.
    let range_lines = c.range.as_ref().map(|r| {
        let starting = r
            .starting_point_text
            .as_ref()
            .map(|s| format!(" · ◆ {} {s}", text::starting_point(lang)))
            .unwrap_or_default();
        fit_lines(
            LEFT + 2.0,
            10.0,
            &format!("{} – {}{starting}", r.from_text, r.to_text),
        )
    });
    let system_lines: Vec<Vec<String>> = systems
        .iter()
        .map(|s| {
            fit_lines(
                LEFT + 2.0,
                10.0,
                &format!("{} · {}", s.max_text, s.placement_text),
            )
        })
        .collect();
    let mut row_tops = Vec::new();
    let mut next = top;
    for lines in range_lines.iter().chain(&system_lines) {
        row_tops.push(next);
        next += row + 12.0 * (lines.len() - 1) as f64;
    }
    let first = usize::from(c.range.is_some());
    let bottom = if row_tops.is_empty() { top + row } else { next };
    let height = bottom + 30.0;
    let title = msg!(static lang, "doc-chart-guideline-range-starting-point-and");
    let mut o = String::new();
    let _ = write!(
        o,
        r##"<svg class="chart" role="img" aria-labelledby="chart-scale-t chart-scale-d" viewBox="0 0 {WIDTH} {height:.0}" width="100%" preserveAspectRatio="xMinYMin meet"><title id="chart-scale-t">{}</title>"##,
        escaped(title)
    );
    ticks(&mut o, end, step, top, bottom, lang);
    let mut desc = Vec::new();
    if let Some(r) = &c.range {
        let y = row_tops[0] + 8.0;
        let name = if r.official {
            r.guideline.clone()
        } else {
            format!(
                "{} ({})",
                r.guideline,
                msg!(static lang, "doc-chart-not-official")
            )
        };
        let _ = write!(
            o,
            r##"<text x="4" y="{:.1}" font-size="11" font-weight="bold" fill="#111">{}</text><text x="4" y="{:.1}" font-size="9" fill="#444">{}</text>"##,
            y + 10.0,
            escaped(msg!(static lang, "doc-chart-guideline-range")),
            y + 23.0,
            escaped(&name)
        );
        let (fx, tx) = (x(r.from_months, end), x(r.to_months, end));
        let dash = if r.official {
            ""
        } else {
            r#" stroke-dasharray="5 3""#
        };
        let _ = write!(
            o,
            r##"<rect x="{fx:.1}" y="{:.1}" width="{:.1}" height="14" fill="#c8e6c9" stroke="#1b5e20" stroke-width="1.2"{dash}/>"##,
            y + 2.0,
            (tx - fx).max(2.0)
        );
        desc.push(crate::catalog::labelled(
            lang,
            msg!(static lang, "doc-chart-range"),
            &format!("{} – {}", r.from_text, r.to_text),
        ));
        if let Some(sp) = r.starting_point_months {
            let sx = x(sp, end);
            let _ = write!(
                o,
                r##"<path d="M{sx:.1} {:.1} l6 8 l-6 8 l-6 -8 z" fill="#1b5e20"/>"##,
                y + 1.0
            );
            if let Some(text) = &r.starting_point_text {
                desc.push(crate::catalog::labelled(
                    lang,
                    text::starting_point(lang),
                    text,
                ));
            }
        }
        write_lines(
            &mut o,
            LEFT + 2.0,
            y + 30.0,
            10.0,
            r##"fill="#111""##,
            range_lines.as_deref().unwrap_or_default(),
        );
    }
    for (i, s) in systems.iter().enumerate() {
        let y = row_tops[i + first] + 8.0;
        let _ = write!(
            o,
            r##"<text x="4" y="{:.1}" font-size="11" font-weight="bold" fill="#111">{}</text><text x="4" y="{:.1}" font-size="9" fill="#444">{}</text>"##,
            y + 10.0,
            escaped(&format!("{} — max", s.system)),
            y + 23.0,
            escaped(&s.provision)
        );
        let known = s.life || s.max_prison_months.is_some();
        if known {
            let ex = if s.life {
                x(end, end)
            } else {
                x(s.max_prison_months.unwrap_or(0.0), end)
            };
            let _ = write!(
                o,
                r##"<rect x="{LEFT:.1}" y="{:.1}" width="{:.1}" height="10" fill="#e0e0e0" stroke="#555" stroke-width="1"/>"##,
                y + 4.0,
                (ex - LEFT).max(1.5)
            );
        }
        write_lines(
            &mut o,
            LEFT + 2.0,
            if known { y + 27.0 } else { y + 12.0 },
            10.0,
            if known {
                r##"fill="#111""##
            } else {
                r##"fill="#8a1c1c""##
            },
            &system_lines[i],
        );
        desc.push(crate::catalog::labelled(
            lang,
            &format!("{} max {}", s.system, s.max_text),
            &s.placement_text,
        ));
    }
    if let (Some(m), Some(text)) = (c.sentence_months, &c.sentence_text) {
        let sentence = msg!(static lang, "doc-chart-sentence");
        let label = msg!(static lang, "doc-chart-sentence-label");
        let sx = x(m, end);
        let beyond = m > end;
        let _ = write!(
            o,
            r##"<line x1="{sx:.1}" y1="{top:.1}" x2="{sx:.1}" y2="{bottom:.1}" stroke="#8a1c1c" stroke-width="2"/><path d="M{:.1} {:.1} l12 0 l-6 -9 z" fill="#8a1c1c"/>"##,
            sx - 6.0,
            bottom + 9.0,
        );
        if beyond {
            // Off the axis: an arrow pointing on at its end, the label ending there.
            let _ = write!(
                o,
                r##"<path class="beyond" d="M{:.1} {:.1} l-9 -7 l0 14 z" fill="#8a1c1c"/><text x="{sx:.1}" y="{:.1}" font-size="10.5" font-weight="bold" text-anchor="end" fill="#8a1c1c">▲ {} {} ({}) ▸</text>"##,
                sx + 11.0,
                top + 7.0,
                bottom + 22.0,
                escaped(label),
                escaped(text),
                escaped(msg!(static lang, "doc-chart-beyond-the-scale"))
            );
            desc.push(format!(
                "{sentence} {text} ({})",
                msg!(static lang, "doc-chart-beyond-the-scale-of-the")
            ));
        } else {
            let _ = write!(
                o,
                r##"<text x="{sx:.1}" y="{:.1}" font-size="10.5" font-weight="bold" text-anchor="middle" fill="#8a1c1c">▲ {} {}</text>"##,
                bottom + 22.0,
                escaped(label),
                escaped(text)
            );
            desc.push(format!("{sentence} {text}"));
        }
    }
    let _ = write!(
        o,
        r##"<desc id="chart-scale-d">{}</desc></svg>"##,
        escaped(&desc.join(crate::catalog::list_separator(lang)))
    );
    o
}
