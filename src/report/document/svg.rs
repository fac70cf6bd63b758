//! Inline SVG charts for the HTML report: no script, no external reference, text in the
//! drawing (status words, not colour alone) and a title and description for screen readers.

use std::fmt::Write;

use super::html::esc;
use super::text::t;
use super::{PenaltyBar, ProportionalitySection, ScaleChart};
use crate::engine::Status;

const WIDTH: f64 = 680.0;
const LEFT: f64 = 190.0;
const RIGHT: f64 = 20.0;

/// A round axis end, in months, at or above `m`, with its tick step in months.
fn axis(m: f64) -> (f64, f64) {
    let years = (m / 12.0).max(1.0);
    let step = if years <= 2.0 {
        0.5
    } else if years <= 6.0 {
        1.0
    } else if years <= 12.0 {
        2.0
    } else if years <= 30.0 {
        5.0
    } else {
        10.0
    };
    let end = (years / step).ceil() * step;
    (end * 12.0, step * 12.0)
}

fn x(months: f64, end: f64) -> f64 {
    LEFT + (months / end).clamp(0.0, 1.0) * (WIDTH - LEFT - RIGHT)
}

fn year_label(months: f64, lang: &str) -> String {
    let y = months / 12.0;
    let n = if (y - y.round()).abs() < 1e-9 {
        format!("{}", y.round() as i64)
    } else {
        format!("{y:.1}").replace('.', if lang == "fr" { "," } else { "." })
    };
    format!("{n} {}", t(lang, "y", "a"))
}

fn ticks(o: &mut String, end: f64, step: f64, top: f64, bottom: f64, lang: &str) {
    let mut m = 0.0;
    while m <= end + 1e-9 {
        let px = x(m, end);
        let _ = write!(
            o,
            r##"<line x1="{px:.1}" y1="{top:.1}" x2="{px:.1}" y2="{bottom:.1}" stroke="#d0d0d0" stroke-width="1"/><text x="{px:.1}" y="{:.1}" font-size="10" text-anchor="middle" fill="#444">{}</text>"##,
            top - 4.0,
            esc(&year_label(m, lang))
        );
        m += step;
    }
}

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
    let title = t(
        lang,
        "Maximum and minimum penalties of the leading qualification in each system",
        "Peines maximales et minimales de la qualification principale dans chaque système",
    );
    let mut desc = Vec::new();
    let mut o = String::new();
    let _ = write!(
        o,
        r##"<svg class="chart" role="img" aria-labelledby="chart-pen-t chart-pen-d" viewBox="0 0 {WIDTH} {height:.0}" width="100%" preserveAspectRatio="xMinYMin meet"><title id="chart-pen-t">{}</title>"##,
        esc(title)
    );
    ticks(&mut o, end, step, top, top + row * bars.len() as f64, lang);
    for (i, b) in bars.iter().enumerate() {
        let y = top + row * i as f64 + 8.0;
        let _ = write!(
            o,
            r##"<text x="4" y="{:.1}" font-size="12" font-weight="bold" fill="#111">{} ({})</text>"##,
            y + 12.0,
            esc(&b.system_name),
            esc(&b.system)
        );
        let status_word = match b.status {
            Some(Status::Applies) => t(lang, "applies", "applicable"),
            Some(Status::Possible) => t(lang, "possible only", "seulement possible"),
            _ => "",
        };
        let _ = write!(
            o,
            r##"<text x="4" y="{:.1}" font-size="9" fill="#444">{}</text><text x="4" y="{:.1}" font-size="9" font-style="italic" fill="#444">{}</text>"##,
            y + 24.0,
            esc(b.provision.as_deref().unwrap_or("—")),
            y + 35.0,
            esc(status_word)
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
                    label.push_str(&format!(" · ⚠ {}", t(lang, "unverified", "non vérifié")));
                }
                if !b.unconfirmed.is_empty() {
                    label.push_str(&format!(
                        " · ⚠ {}",
                        t(
                            lang,
                            "another provision's maximum is not confirmed",
                            "le maximum d'une autre disposition n'est pas confirmé"
                        )
                    ));
                }
                let _ = write!(
                    o,
                    r##"<text x="{:.1}" y="{:.1}" font-size="10.5" fill="#111">{}</text>"##,
                    LEFT + 2.0,
                    bar_y + bar_h + 14.0,
                    esc(&label)
                );
            }
            None => {
                label = b.max_text.clone();
                let _ = write!(
                    o,
                    r##"<text x="{:.1}" y="{:.1}" font-size="10.5" fill="#8a1c1c">{}</text>"##,
                    LEFT + 4.0,
                    bar_y + 12.0,
                    esc(&label)
                );
            }
        }
        desc.push(format!(
            "{}: {}{}",
            b.system,
            label,
            if status_word.is_empty() {
                String::new()
            } else {
                format!(" ({status_word})")
            }
        ));
    }
    let legend_y = top + row * bars.len() as f64 + 16.0;
    let _ = write!(
        o,
        r##"<text x="4" y="{legend_y:.1}" font-size="9.5" fill="#444">{}</text>"##,
        esc(t(
            lang,
            "Bar: 0 to the maximum · thick line: the minimum · dashed bar: the offence is only possible · arrow: life",
            "Barre : de 0 au maximum · trait épais : le minimum · barre en pointillé : infraction seulement possible · flèche : perpétuité",
        ))
    );
    let _ = write!(
        o,
        r##"<desc id="chart-pen-d">{}</desc></svg>"##,
        esc(&desc.join("; "))
    );
    o
}

/// The guideline range and its starting point, when a scale gives one, and the sentence
/// against each system's maximum when one is placed.
pub fn scale(c: &ScaleChart, p: Option<&ProportionalitySection>, lang: &str) -> String {
    let systems = p.map(|p| p.systems.as_slice()).unwrap_or_default();
    let mut far = c.sentence_months.unwrap_or(0.0);
    if let Some(r) = &c.range {
        far = far.max(r.to_months);
    }
    for s in systems {
        if let Some(m) = s.max_prison_months {
            far = far.max(m);
        }
    }
    let (end, step) = axis(far.max(12.0) * 1.05);
    let row = 40.0;
    let top = 28.0;
    let first = usize::from(c.range.is_some());
    let rows = (first + systems.len()).max(1);
    let height = top + row * rows as f64 + 30.0;
    let title = t(
        lang,
        "Guideline range, starting point and sentence",
        "Fourchette du barème, point de départ et peine",
    );
    let mut o = String::new();
    let _ = write!(
        o,
        r##"<svg class="chart" role="img" aria-labelledby="chart-scale-t chart-scale-d" viewBox="0 0 {WIDTH} {height:.0}" width="100%" preserveAspectRatio="xMinYMin meet"><title id="chart-scale-t">{}</title>"##,
        esc(title)
    );
    let bottom = top + row * rows as f64;
    ticks(&mut o, end, step, top, bottom, lang);
    let mut desc = Vec::new();
    if let Some(r) = &c.range {
        let y = top + 8.0;
        let name = if r.official {
            r.guideline.clone()
        } else {
            format!(
                "{} ({})",
                r.guideline,
                t(lang, "not official", "non officiel")
            )
        };
        let _ = write!(
            o,
            r##"<text x="4" y="{:.1}" font-size="11" font-weight="bold" fill="#111">{}</text><text x="4" y="{:.1}" font-size="9" fill="#444">{}</text>"##,
            y + 10.0,
            esc(t(lang, "Guideline range", "Fourchette")),
            y + 23.0,
            esc(&name)
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
        desc.push(format!(
            "{}: {} – {}",
            t(lang, "range", "fourchette"),
            r.from_text,
            r.to_text
        ));
        if let Some(sp) = r.starting_point_months {
            let sx = x(sp, end);
            let _ = write!(
                o,
                r##"<path d="M{sx:.1} {:.1} l6 8 l-6 8 l-6 -8 z" fill="#1b5e20"/>"##,
                y + 1.0
            );
            if let Some(text) = &r.starting_point_text {
                desc.push(format!(
                    "{}: {text}",
                    t(lang, "starting point", "point de départ")
                ));
            }
        }
        let _ = write!(
            o,
            r##"<text x="{:.1}" y="{:.1}" font-size="10" fill="#111">{} – {}{}</text>"##,
            LEFT + 2.0,
            y + 30.0,
            esc(&r.from_text),
            esc(&r.to_text),
            r.starting_point_text
                .as_ref()
                .map(|s| format!(
                    " · ◆ {} {}",
                    esc(t(lang, "starting point", "point de départ")),
                    esc(s)
                ))
                .unwrap_or_default()
        );
    }
    for (i, s) in systems.iter().enumerate() {
        let y = top + row * (i + first) as f64 + 8.0;
        let _ = write!(
            o,
            r##"<text x="4" y="{:.1}" font-size="11" font-weight="bold" fill="#111">{}</text><text x="4" y="{:.1}" font-size="9" fill="#444">{}</text>"##,
            y + 10.0,
            esc(&format!("{} — max", s.system)),
            y + 23.0,
            esc(&s.provision)
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
        let _ = write!(
            o,
            r##"<text x="{:.1}" y="{:.1}" font-size="10" fill="{}">{} · {}</text>"##,
            LEFT + 2.0,
            if known { y + 27.0 } else { y + 12.0 },
            if known { "#111" } else { "#8a1c1c" },
            esc(&s.max_text),
            esc(&s.placement_text)
        );
        desc.push(format!(
            "{} max {}: {}",
            s.system, s.max_text, s.placement_text
        ));
    }
    if let (Some(m), Some(text)) = (c.sentence_months, &c.sentence_text) {
        let sx = x(m, end);
        let _ = write!(
            o,
            r##"<line x1="{sx:.1}" y1="{top:.1}" x2="{sx:.1}" y2="{bottom:.1}" stroke="#8a1c1c" stroke-width="2"/><path d="M{:.1} {:.1} l12 0 l-6 -9 z" fill="#8a1c1c"/><text x="{sx:.1}" y="{:.1}" font-size="10.5" font-weight="bold" text-anchor="middle" fill="#8a1c1c">▲ {} {}</text>"##,
            sx - 6.0,
            bottom + 9.0,
            bottom + 22.0,
            esc(t(lang, "sentence:", "peine :")),
            esc(text)
        );
        desc.push(format!("{} {text}", t(lang, "sentence", "peine")));
    }
    let _ = write!(
        o,
        r##"<desc id="chart-scale-d">{}</desc></svg>"##,
        esc(&desc.join("; "))
    );
    o
}
