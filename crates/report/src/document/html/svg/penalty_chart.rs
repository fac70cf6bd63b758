//! The penalties chart: maximum and minimum of the leading qualification of each system.

use std::fmt::Write;

use super::{LEFT, WIDTH, axis, escaped, fit_lines, ticks, write_lines, x};
use crate::document::PenaltyBar;
use crate::document::text;
use qualif_engine::Status;

/// Maximum and minimum of the leading qualification of each national system.
pub fn penalties(bars: &[PenaltyBar], lang: &str) -> String {
    let finite = bars
        .iter()
        .filter_map(|b| b.max_months)
        .fold(0.0_f64, f64::max);
    let (end, step) = axis(if bars.iter().any(|b| b.life) {
        finite.max(12.0 * 20.0)
    } else {
        finite.max(12.0)
    });
    let row = 50.0;
    let top = 28.0;
    let height = top + row * bars.len() as f64 + 24.0;
    let title = msg!(static lang, "doc-chart-maximum-and-minimum-penalties-of");
    let mut desc = Vec::new();
    let mut o = String::new();
    let _ = write!(
        o,
        r##"<svg class="chart" role="img" aria-labelledby="chart-pen-t chart-pen-d" viewBox="0 0 {WIDTH} {height:.0}" width="100%" preserveAspectRatio="xMinYMin meet"><title id="chart-pen-t">{}</title>"##,
        escaped(title)
    );
    ticks(&mut o, end, step, top, top + row * bars.len() as f64, lang);
    for (i, b) in bars.iter().enumerate() {
        let y = top + row * i as f64 + 8.0;
        let _ = write!(
            o,
            r##"<text x="4" y="{:.1}" font-size="12" font-weight="bold" fill="#111">{} ({})</text>"##,
            y + 12.0,
            escaped(&b.system_name),
            escaped(&b.system)
        );
        let status_word = match b.status {
            Some(Status::Applies) => msg!(static lang, "doc-chart-applies"),
            Some(Status::Possible) => msg!(static lang, "doc-chart-possible-only"),
            _ => "",
        };
        let _ = write!(
            o,
            r##"<text x="4" y="{:.1}" font-size="9" fill="#444">{}</text><text x="4" y="{:.1}" font-size="9" font-style="italic" fill="#444">{}</text>"##,
            y + 24.0,
            escaped(b.provision.as_deref().unwrap_or("—")),
            y + 35.0,
            escaped(status_word)
        );
        let possible = b.status == Some(Status::Possible);
        let (fill, stroke) = if possible {
            ("#fbe3b5", "#8a5a00")
        } else {
            ("#9cc3e6", "#1f4e79")
        };
        let dash = if possible {
            r#" stroke-dasharray="5 3""#
        } else {
            ""
        };
        let bar_y = y + 2.0;
        let bar_h = 16.0;
        let end_x = if b.life {
            Some(x(end, end))
        } else {
            b.max_months.map(|m| x(m, end))
        };
        let mut label = String::new();
        match end_x {
            Some(ex) => {
                let _ = write!(
                    o,
                    r##"<rect x="{LEFT:.1}" y="{bar_y:.1}" width="{:.1}" height="{bar_h}" fill="{fill}" stroke="{stroke}" stroke-width="1.2"{dash}/>"##,
                    (ex - LEFT).max(1.5)
                );
                if b.life {
                    let _ = write!(
                        o,
                        r##"<path d="M{:.1} {:.1} l8 {:.1} l-8 {:.1} z" fill="{stroke}"/>"##,
                        ex,
                        bar_y - 2.0,
                        bar_h / 2.0 + 2.0,
                        bar_h / 2.0 + 2.0
                    );
                }
                if let Some(min) = b.min_months {
                    let mx = x(min, end);
                    let _ = write!(
                        o,
                        r##"<line x1="{mx:.1}" y1="{:.1}" x2="{mx:.1}" y2="{:.1}" stroke="#111" stroke-width="2.5"/>"##,
                        bar_y - 3.0,
                        bar_y + bar_h + 3.0
                    );
                }
                label.push_str(&format!("max {}", b.max_text));
                if let Some(m) = &b.min_text {
                    label.push_str(&format!(" · min {m}"));
                }
                if b.verification.as_deref() == Some("unverified") {
                    label.push_str(&format!(
                        " · ⚠ {}",
                        text::verification_code("unverified", lang)
                    ));
                }
                if !b.unconfirmed.is_empty() {
                    label.push_str(&format!(
                        " · ⚠ {}",
                        msg!(static lang, "doc-chart-another-provision-s-maximum-is")
                    ));
                }
                // Under the bar; a second line, when needed, fits in the row.
                write_lines(
                    &mut o,
                    LEFT + 2.0,
                    bar_y + bar_h + 14.0,
                    10.5,
                    r##"fill="#111""##,
                    &fit_lines(LEFT + 2.0, 10.5, &label),
                );
            }
            None => {
                label = b.max_text.clone();
                let _ = write!(
                    o,
                    r##"<text x="{:.1}" y="{:.1}" font-size="10.5" fill="#8a1c1c">{}</text>"##,
                    LEFT + 4.0,
                    bar_y + 12.0,
                    escaped(&label)
                );
            }
        }
        let status = if status_word.is_empty() {
            String::new()
        } else {
            format!(" ({status_word})")
        };
        desc.push(crate::catalog::labelled(
            lang,
            &b.system,
            &format!("{label}{status}"),
        ));
    }
    let legend_y = top + row * bars.len() as f64 + 16.0;
    let _ = write!(
        o,
        r##"<text x="4" y="{legend_y:.1}" font-size="9.5" fill="#444">{}</text>"##,
        escaped(msg!(static lang, "doc-chart-bar-0-to-the-maximum"))
    );
    let _ = write!(
        o,
        r##"<desc id="chart-pen-d">{}</desc></svg>"##,
        escaped(&desc.join(crate::catalog::list_separator(lang)))
    );
    o
}
