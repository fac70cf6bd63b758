//! Inline SVG charts for the HTML report: no script, no external reference, text in the
//! drawing (status words, not colour alone) and a title and description for screen readers.

//!
//! [`penalty_chart`] draws the penalties of each system, [`scale_chart`] the guideline range
//! and the sentence; both on the axis drawn here, in years.

mod ladder_chart;
mod penalty_chart;
mod scale_chart;
#[cfg(test)]
mod tests;

use std::fmt::Write;

pub use ladder_chart::ladder;
pub use penalty_chart::penalties;
pub use scale_chart::scale;

use super::escaped;

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
    format!("{n} {}", msg!(static lang, "doc-chart-y"))
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
            escaped(&year_label(m, lang))
        );
    }
}

/// An estimate of the width of `text` at `size` points, wide enough for the sans-serif
/// fonts a browser draws the charts in.
fn text_width(text: &str, size: f64) -> f64 {
    text.chars().count() as f64 * size * 0.6
}

/// The lines a text at `x`, `size` points, takes in a chart [`WIDTH`] wide: one when it
/// fits (by an estimate wide enough for the sans-serif fonts used), else its " · "
/// separated parts on as few lines as they fit.
fn fit_lines(x: f64, size: f64, text: &str) -> Vec<String> {
    let room = WIDTH - x - 2.0;
    let mut lines: Vec<String> = Vec::new();
    for part in text.split(" · ") {
        match lines.last_mut() {
            Some(line) if text_width(&format!("{line} · {part}"), size) <= room => {
                line.push_str(" · ");
                line.push_str(part);
            }
            _ => lines.push(part.to_string()),
        }
    }
    lines
}

/// Writes `lines` (from [`fit_lines`]) as one text element, a line every `size * 1.2`
/// from baseline `y`; a line still longer than the room left is narrowed to fit.
fn write_lines(o: &mut String, x: f64, y: f64, size: f64, attrs: &str, lines: &[String]) {
    let room = WIDTH - x - 2.0;
    let _ = write!(
        o,
        r##"<text x="{x:.1}" y="{y:.1}" font-size="{size}" {attrs}>"##
    );
    for (i, line) in lines.iter().enumerate() {
        let dy = if i == 0 { 0.0 } else { size * 1.2 };
        let narrow = if text_width(line, size) > room {
            format!(r#" textLength="{room:.0}" lengthAdjust="spacingAndGlyphs""#)
        } else {
            String::new()
        };
        let _ = write!(
            o,
            r##"<tspan x="{x:.1}" dy="{dy:.1}"{narrow}>{}</tspan>"##,
            escaped(line)
        );
    }
    o.push_str("</text>");
}
