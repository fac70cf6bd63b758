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

/// The most intervals an axis is divided into: at most seven ticks, whatever the range.
const MAX_INTERVALS: f64 = 6.0;

/// The longest axis drawn, in months (a hundred billion years): any finite value up to it
/// gives finite positions and labels; a value beyond is drawn at the end of its axis.
const LONGEST_AXIS: f64 = 12.0e11;

/// A value fit to draw: a finite number of months between 0 and [`LONGEST_AXIS`] (a value
/// that is not a number counts as 0).
fn drawable(months: f64) -> f64 {
    if months.is_nan() {
        0.0
    } else {
        months.clamp(0.0, LONGEST_AXIS)
    }
}

/// A round axis end, in months, at or above `m` (at least a year), with its tick step in
/// months: half a year up to 2 years, else the smallest of 1, 2 and 5 years times a power
/// of ten (at least a year) that divides the axis into at most [`MAX_INTERVALS`]
/// intervals. The number of
/// ticks is bounded for any value, from 0 to infinity (a value beyond [`LONGEST_AXIS`] is
/// taken as that).
fn axis(m: f64) -> (f64, f64) {
    let years = (drawable(m) / 12.0).max(1.0);
    let step = if years <= 2.0 {
        0.5
    } else {
        nice_step(years / MAX_INTERVALS).max(1.0)
    };
    // `years / step` is at most MAX_INTERVALS; rounding errors must not add an interval.
    let intervals = (years / step - 1e-9).ceil().max(1.0);
    (intervals * step * 12.0, step * 12.0)
}

/// The smallest of 1, 2 and 5 times a power of ten that is at least `at_least` (> 0).
fn nice_step(at_least: f64) -> f64 {
    let mut power = 10f64.powi(at_least.log10().floor() as i32);
    loop {
        for factor in [1.0, 2.0, 5.0] {
            if factor * power >= at_least * (1.0 - 1e-12) {
                return factor * power;
            }
        }
        power *= 10.0;
    }
}

fn x(months: f64, end: f64) -> f64 {
    LEFT + (drawable(months) / end).clamp(0.0, 1.0) * (WIDTH - LEFT - RIGHT)
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
    let intervals = (end / step).round() as u32;
    for i in 0..=intervals {
        let m = f64::from(i) * step;
        let px = x(m, end);
        let _ = write!(
            o,
            r##"<line x1="{px:.1}" y1="{top:.1}" x2="{px:.1}" y2="{bottom:.1}" stroke="#d0d0d0" stroke-width="1"/><text x="{px:.1}" y="{:.1}" font-size="10" text-anchor="middle" fill="#444">{}</text>"##,
            top - 4.0,
            esc(&year_label(m, lang))
        );
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
                esc(t(lang, "sentence:", "peine :")),
                esc(text),
                esc(t(lang, "beyond the scale", "hors échelle"))
            );
            desc.push(format!(
                "{} {text} ({})",
                t(lang, "sentence", "peine"),
                t(
                    lang,
                    "beyond the scale of the chart, drawn at its end",
                    "au-delà de l'échelle du graphique, dessinée à son extrémité"
                )
            ));
        } else {
            let _ = write!(
                o,
                r##"<text x="{sx:.1}" y="{:.1}" font-size="10.5" font-weight="bold" text-anchor="middle" fill="#8a1c1c">▲ {} {}</text>"##,
                bottom + 22.0,
                esc(t(lang, "sentence:", "peine :")),
                esc(text)
            );
            desc.push(format!("{} {text}", t(lang, "sentence", "peine")));
        }
    }
    let _ = write!(
        o,
        r##"<desc id="chart-scale-d">{}</desc></svg>"##,
        esc(&desc.join("; "))
    );
    o
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::document::{RangeBar, SystemPlacementLine};

    /// The ticks of a chart: one grey line each.
    fn tick_count(svg: &str) -> usize {
        svg.matches(r##"stroke="#d0d0d0""##).count()
    }

    /// The labels of the ticks, in years.
    fn tick_years(svg: &str) -> Vec<f64> {
        svg.split(r##"fill="#444">"##)
            .skip(1)
            .filter_map(|t| t.split_once("</text>"))
            .filter_map(|(label, _)| {
                let n = label.strip_suffix(" y").or(label.strip_suffix(" a"))?;
                n.replace(',', ".").parse().ok()
            })
            .collect()
    }

    /// A step of half a year, or 1, 2 or 5 years times a power of ten.
    fn is_nice(step_years: f64) -> bool {
        if step_years == 0.5 {
            return true;
        }
        let power = 10f64.powi(step_years.log10().floor() as i32);
        [1.0, 2.0, 5.0, 10.0]
            .iter()
            .any(|f| ((step_years / power) - f).abs() < 1e-9)
    }

    fn bar(max_months: Option<f64>, life: bool) -> PenaltyBar {
        PenaltyBar {
            system: "XX".into(),
            system_name: "Test".into(),
            provision: Some("XX.1".into()),
            citation: Some("art. 1".into()),
            status: Some(Status::Applies),
            max_months,
            min_months: None,
            life,
            max_text: "max".into(),
            min_text: None,
            verification: None,
            unconfirmed: Vec::new(),
        }
    }

    fn system(max_prison_months: Option<f64>) -> SystemPlacementLine {
        SystemPlacementLine {
            system: "XX".into(),
            provision: "XX.1".into(),
            citation: "art. 1".into(),
            max_text: "max".into(),
            max_prison_months,
            life: false,
            share_of_maximum: None,
            placement: None,
            placement_text: "above".into(),
        }
    }

    fn proportionality(sentence: f64, maxima: &[Option<f64>]) -> ProportionalitySection {
        ProportionalitySection {
            sentence_months: sentence,
            sentence_text: "SENTENCE-TEXT".into(),
            placed_against: None,
            placed_against_official: None,
            guideline_placement: None,
            guideline_placement_text: None,
            ratio_to_starting_point: None,
            systems: maxima.iter().map(|m| system(*m)).collect(),
            reference_cases: Vec::new(),
        }
    }

    fn chart(sentence: Option<f64>, range_to: Option<f64>) -> ScaleChart {
        ScaleChart {
            range: range_to.map(|to| RangeBar {
                guideline: "G".into(),
                official: true,
                from_months: 0.0,
                to_months: to,
                starting_point_months: Some(to / 2.0),
                from_text: "from".into(),
                to_text: "to".into(),
                starting_point_text: Some("sp".into()),
            }),
            sentence_months: sentence,
            sentence_text: sentence.map(|_| "SENTENCE-TEXT".into()),
        }
    }

    /// Checks the ticks of one chart: between 2 and 7 (never more than a dozen), evenly
    /// spaced by a round step from 0, the last at or beyond `covers` months.
    fn check_ticks(svg: &str, covers: f64, what: &str) {
        let n = tick_count(svg);
        assert!((2..=7).contains(&n), "{what}: {n} ticks");
        let years = tick_years(svg);
        assert_eq!(years.len(), n, "{what}: a label per tick: {years:?}");
        assert_eq!(years[0], 0.0, "{what}: {years:?}");
        let step = years[1] - years[0];
        assert!(is_nice(step), "{what}: step {step} y: {years:?}");
        for w in years.windows(2) {
            assert!(
                ((w[1] - w[0]) - step).abs() <= step * 1e-9,
                "{what}: uneven {years:?}"
            );
        }
        let last = years[n - 1] * 12.0;
        assert!(
            last >= covers.min(LONGEST_AXIS) * (1.0 - 1e-9),
            "{what}: the axis ends at {last} months, before {covers}"
        );
    }

    const RANGES: [f64; 17] = [
        0.0,
        1e-9,
        1.0,
        12.0,
        24.0,
        30.0,
        36.0,
        100.0,
        12.0 * 30.0,
        12.0 * 31.0,
        12.0 * 100.0,
        12.0 * 1000.0,
        12.0 * 12345.0,
        1e6,
        1e9,
        1e15,
        f64::MAX,
    ];

    #[test]
    fn every_axis_has_a_few_round_ticks() {
        for m in RANGES {
            let (end, step) = axis(m);
            assert!(
                end.is_finite() && step > 0.0 && end >= step,
                "{m}: {end} {step}"
            );
            assert!(end / step <= MAX_INTERVALS + 1e-9, "{m}: {end} / {step}");
            assert!(end >= m.clamp(12.0, LONGEST_AXIS), "{m}: {end}");
            check_ticks(
                &penalties(&[bar(Some(m), false)], "en"),
                m,
                &format!("max {m}"),
            );
        }
        // Not a number and infinity: drawn, with the ticks of a year and of the longest axis.
        for m in [f64::NAN, f64::INFINITY, -5.0] {
            let svg = penalties(&[bar(Some(m), false)], "en");
            assert!((2..=7).contains(&tick_count(&svg)), "{m}");
            assert!(!svg.contains("NaN") && !svg.contains("inf"), "{m}: {svg}");
        }
        // The axes of the built-in data keep their ticks: 0.5 y to 2 years, then 1, 2, 5.
        assert_eq!(axis(18.0), (18.0, 6.0));
        assert_eq!(axis(36.0), (36.0, 12.0));
        assert_eq!(axis(120.0), (120.0, 24.0));
        assert_eq!(axis(240.0), (240.0, 60.0));
        assert_eq!(axis(250.0), (300.0, 60.0));
        assert_eq!(axis(12.0 * 35.0), (12.0 * 40.0, 120.0));
        assert_eq!(axis(12.0 * 1000.0), (12.0 * 1000.0, 12.0 * 200.0));
        // Life: the axis reaches at least 20 years.
        check_ticks(&penalties(&[bar(None, true)], "en"), 240.0, "life");
        // No bar at all.
        assert!((2..=7).contains(&tick_count(&penalties(&[], "fr"))));
    }

    #[test]
    fn a_sentence_of_a_billion_months_is_drawn_at_the_end_of_the_axis() {
        for lang in ["en", "fr"] {
            let p = proportionality(1e9, &[Some(240.0), Some(120.0), None]);
            let svg = scale(&chart(Some(1e9), Some(72.0)), Some(&p), lang);
            // The axis is that of the maxima (20 years), not of the sentence.
            check_ticks(&svg, 240.0, "1e9");
            assert_eq!(*tick_years(&svg).last().unwrap(), 25.0);
            assert!(svg.len() < 20_000, "{} bytes", svg.len());
            // Drawn at the end, with the marker and its real value.
            assert!(svg.contains(r#"class="beyond""#), "{svg}");
            assert!(svg.contains(&format!(r#"x1="{:.1}""#, WIDTH - RIGHT)));
            assert!(svg.contains("SENTENCE-TEXT"));
            let note = if lang == "fr" {
                "hors échelle"
            } else {
                "beyond the scale"
            };
            assert!(svg.contains(note), "{svg}");
        }
        // Any finite value, and one beyond: bounded, drawn at the end.
        for m in [1e6, 1e15, 1e300, f64::MAX, f64::INFINITY] {
            let p = proportionality(m, &[Some(240.0)]);
            let svg = scale(&chart(Some(m), None), Some(&p), "en");
            check_ticks(&svg, 240.0, &format!("sentence {m}"));
            assert!(svg.contains(r#"class="beyond""#), "{m}");
        }
        // Within the axis: drawn in place, no marker.
        let p = proportionality(200.0, &[Some(240.0)]);
        let svg = scale(&chart(Some(200.0), Some(72.0)), Some(&p), "en");
        assert!(!svg.contains(r#"class="beyond""#));
        assert!(svg.contains("SENTENCE-TEXT"));
        // Nothing else to draw: the sentence sets the axis, up to the longest one.
        for m in RANGES {
            let svg = scale(&chart(Some(m), None), None, "en");
            check_ticks(&svg, m.max(12.0), &format!("alone {m}"));
            assert_eq!(
                svg.contains(r#"class="beyond""#),
                m > LONGEST_AXIS,
                "alone {m}"
            );
        }
    }

    #[test]
    fn tiny_and_empty_ranges_draw_a_year() {
        for m in [0.0, 1e-9, 0.5, 1.0] {
            let svg = scale(&chart(Some(m), Some(m)), None, "en");
            assert_eq!(tick_years(&svg), [0.0, 0.5, 1.0, 1.5], "{m}");
            let svg = penalties(&[bar(Some(m), false)], "en");
            assert_eq!(tick_years(&svg), [0.0, 0.5, 1.0], "{m}");
        }
        let svg = scale(&chart(None, None), None, "en");
        assert_eq!(tick_years(&svg), [0.0, 0.5, 1.0, 1.5]);
    }
}
