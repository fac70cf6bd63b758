//! The threshold explorer's chart: one line per system, the varied fact on the horizontal
//! axis, the maximum penalty retained on the vertical axis (years, the same round steps as
//! the other charts), a dot and the provision's name at each step where the qualification
//! retained or its penalty changes.

use std::fmt::Write;

use super::{axis, escaped, text_width, year_label};
use crate::explore_text::{short, value_text};
use qualif_analysis::explore::{Change, Ladder};
use qualif_law::facts::{Value, Vocabulary};
use qualif_law::law::Term;

const W: f64 = 680.0;
const L: f64 = 56.0;
const R: f64 = 70.0;
const TOP: f64 = 40.0;
const PLOT: f64 = 220.0;

/// Colours and dash patterns by system: the line's name is also written at its end, so
/// that no system is told apart by colour alone.
const STYLES: [(&str, &str); 6] = [
    ("#1f4e79", ""),
    ("#a33b20", "6 3"),
    ("#2e7d32", "2 3"),
    ("#6a1b9a", "8 3 2 3"),
    ("#8a5a00", "4 4"),
    ("#37474f", "1 2"),
];

/// Where a value sits on the horizontal axis, from 0 to 1: by number or by day, else by
/// position among the rows.
fn position(l: &Ladder, i: usize) -> f64 {
    let n = l.rows.len();
    let num = |v: &Value| match v {
        Value::Int(i) => Some(*i as f64),
        Value::Date(d) => Some(d.num_days_from_ce_f64()),
        _ => None,
    };
    let (Some(a), Some(b), Some(v)) = (
        l.rows.first().and_then(|r| num(&r.value)),
        l.rows.last().and_then(|r| num(&r.value)),
        num(&l.rows[i].value),
    ) else {
        return if n <= 1 {
            0.5
        } else {
            i as f64 / (n - 1) as f64
        };
    };
    if b > a { (v - a) / (b - a) } else { 0.5 }
}

trait Days {
    fn num_days_from_ce_f64(&self) -> f64;
}

impl Days for chrono::NaiveDate {
    fn num_days_from_ce_f64(&self) -> f64 {
        f64::from(chrono::Datelike::num_days_from_ce(self))
    }
}

/// The chart, as an inline SVG element.
pub fn ladder(l: &Ladder, vocab: &Vocabulary, lang: &str) -> String {
    let maxima: Vec<Vec<Option<(f64, bool)>>> = (0..l.systems.len())
        .map(|s| {
            l.rows
                .iter()
                .map(|r| {
                    let p = r.answers[s].lead.as_ref()?.penalty.as_ref()?;
                    match p.prison_max {
                        Term::Months(m) => Some((m, false)),
                        Term::Life => Some((f64::INFINITY, true)),
                        _ => None,
                    }
                })
                .collect()
        })
        .collect();
    let finite = maxima
        .iter()
        .flatten()
        .flatten()
        .filter(|(_, life)| !life)
        .map(|(m, _)| *m)
        .fold(12.0_f64, f64::max);
    let any_life = maxima.iter().flatten().flatten().any(|(_, life)| *life);
    let (end, step) = axis(if any_life { finite * 1.15 } else { finite });
    let y = |m: f64| TOP + PLOT - (m.min(end) / end) * PLOT;
    let x = |i: usize| L + position(l, i) * (W - L - R);
    let label = vocab
        .fact(&l.fact)
        .map_or(l.fact.as_str(), |f| f.label.get(lang));
    let title = msg!(lang, "explore-chart-title", fact = label);
    let height = TOP + PLOT + 70.0;
    // Ids of its own: a report may hold a ladder for the age and one for the age gap.
    let id = format!("chart-ladder-{}", l.fact.replace('.', "-"));
    let mut o = String::new();
    let _ = write!(
        o,
        r##"<svg class="chart" role="img" aria-labelledby="{id}-t {id}-d" viewBox="0 0 {W} {height:.0}" width="100%" preserveAspectRatio="xMinYMin meet"><title id="{id}-t">{}</title>"##,
        escaped(&title)
    );
    let _ = write!(
        o,
        r##"<text x="4" y="16" font-size="12" font-weight="bold" fill="#111">{}</text>"##,
        escaped(&title)
    );
    // The vertical axis: years.
    let intervals = (end / step).round() as u32;
    for i in 0..=intervals {
        let m = f64::from(i) * step;
        let py = y(m);
        let _ = write!(
            o,
            r##"<line x1="{L:.1}" y1="{py:.1}" x2="{:.1}" y2="{py:.1}" stroke="#d0d0d0" stroke-width="1"/><text x="{:.1}" y="{:.1}" font-size="10" text-anchor="end" fill="#444">{}</text>"##,
            W - R,
            L - 4.0,
            py + 3.5,
            escaped(&year_label(m, lang))
        );
    }
    // The horizontal axis: the rows' values (at most about twelve labels).
    let every = l.rows.len().div_ceil(12).max(1);
    for (i, r) in l.rows.iter().enumerate() {
        if i % every != 0 && i + 1 != l.rows.len() {
            continue;
        }
        let px = x(i);
        let _ = write!(
            o,
            r##"<line x1="{px:.1}" y1="{:.1}" x2="{px:.1}" y2="{:.1}" stroke="#888" stroke-width="1"/><text x="{px:.1}" y="{:.1}" font-size="9.5" text-anchor="middle" fill="#444">{}</text>"##,
            TOP + PLOT,
            TOP + PLOT + 4.0,
            TOP + PLOT + 15.0,
            escaped(&value_text(&r.value, l.ty, &l.fact, vocab, lang))
        );
    }
    let _ = write!(
        o,
        r##"<text x="{:.1}" y="{:.1}" font-size="10" text-anchor="middle" fill="#111">{}</text>"##,
        L + (W - L - R) / 2.0,
        TOP + PLOT + 30.0,
        escaped(&format!("{label} ({})", l.fact))
    );
    let mut desc = Vec::new();
    let mut labels = Labels::default();
    labels.take(4.0, 16.0, 12.0, &title);
    // The systems' names first, so that the steps' names keep clear of them.
    let names = name_baselines(
        &maxima
            .iter()
            .map(|m| {
                m.iter()
                    .rev()
                    .flatten()
                    .next()
                    .map_or(TOP + PLOT, |(m, _)| y(*m))
                    + 4.0
            })
            .collect::<Vec<_>>(),
    );
    for (system, &baseline) in l.systems.iter().zip(&names) {
        labels.take(W - R + 6.0, baseline, 11.0, &system.id);
    }
    for (s, system) in l.systems.iter().enumerate() {
        let (colour, dash) = STYLES[s % STYLES.len()];
        let dash = if dash.is_empty() {
            String::new()
        } else {
            format!(r#" stroke-dasharray="{dash}""#)
        };
        // A step line: each value holds until the next row; a gap where nothing is certain.
        let mut path = String::new();
        let mut last: Option<f64> = None;
        for (i, m) in maxima[s].iter().enumerate() {
            let Some((m, _)) = m else {
                last = None;
                continue;
            };
            let (px, py) = (x(i), y(*m));
            match last {
                Some(_) => {
                    let _ = write!(path, " H{px:.1} V{py:.1}");
                }
                None => {
                    let _ = write!(path, " M{px:.1} {py:.1}");
                }
            }
            last = Some(py);
            if i + 1 == l.rows.len() || maxima[s][i + 1].is_none() {
                let next = if i + 1 < l.rows.len() { x(i + 1) } else { px };
                let _ = write!(path, " H{next:.1}");
            }
        }
        if !path.is_empty() {
            let _ = write!(
                o,
                r##"<path d="{}" fill="none" stroke="{colour}" stroke-width="2"{dash}/>"##,
                path.trim()
            );
        }
        // The system's name beside the last point drawn (at the bottom when none is).
        let _ = write!(
            o,
            r##"<text x="{:.1}" y="{:.1}" font-size="11" font-weight="bold" fill="{colour}">{}</text>"##,
            W - R + 6.0,
            names[s],
            escaped(&system.id)
        );
        // Steps: where the qualification retained or its penalty changes, among the rows.
        for (i, r) in l.rows.iter().enumerate().skip(1) {
            let changed = l.thresholds.iter().any(|t| {
                t.system == s
                    && t.at == r.value
                    && t.changes
                        .iter()
                        .any(|c| matches!(c, Change::Retained { .. } | Change::Penalty { .. }))
            });
            if !changed {
                continue;
            }
            let name = r.answers[s].lead.as_ref().map_or_else(
                || msg!(lang, "explore-nothing-certain"),
                |l| short(l.provision).to_string(),
            );
            let py = maxima[s][i].map_or(TOP + PLOT, |(m, _)| y(m));
            let px = x(i);
            let (tx, ty, anchor) = labels.place(px, py - 5.0 - 10.0 * s as f64, &name);
            let _ = write!(
                o,
                r##"<circle cx="{px:.1}" cy="{py:.1}" r="3.5" fill="{colour}"/><text x="{tx:.1}" y="{ty:.1}" font-size="9" text-anchor="{anchor}" fill="{colour}">{}</text>"##,
                escaped(&name)
            );
            desc.push(crate::catalog::labelled(
                lang,
                &system.id,
                &format!(
                    "{} {}",
                    value_text(&r.value, l.ty, &l.fact, vocab, lang),
                    name
                ),
            ));
        }
    }
    let _ = write!(
        o,
        r##"<text x="4" y="{:.1}" font-size="9.5" fill="#444">{}</text>"##,
        TOP + PLOT + 50.0,
        escaped(&msg!(lang, "explore-chart-legend"))
    );
    let _ = write!(
        o,
        r##"<desc id="{id}-d">{}</desc></svg>"##,
        escaped(&desc.join(crate::catalog::list_separator(lang)))
    );
    o
}

/// The texts written in the plot, placed so that none overlaps another or runs past the
/// chart's right edge: a step's name that would is written to the left of its dot, then
/// moved up a line at a time until it is clear (down when the title is reached).
#[derive(Default)]
struct Labels {
    /// Boxes already taken: left, right, top, bottom.
    placed: Vec<(f64, f64, f64, f64)>,
}

impl Labels {
    fn free(&self, left: f64, right: f64, top: f64, bottom: f64) -> bool {
        !self
            .placed
            .iter()
            .any(|&(l, r, t, b)| left < r && l < right && top < b && t < bottom)
    }

    /// Takes the box of a text written at (x, baseline), `size` points, from its start.
    fn take(&mut self, x: f64, baseline: f64, size: f64, text: &str) {
        let (top, bottom) = (baseline - size, baseline + size * 0.3);
        self.placed
            .push((x, x + text_width(text, size), top, bottom));
    }

    /// Where to write a 9-point `name` for a dot at `x`, wanted at baseline `y`:
    /// (x, baseline, anchor).
    fn place(&mut self, x: f64, y: f64, name: &str) -> (f64, f64, &'static str) {
        const SIZE: f64 = 9.0;
        let width = text_width(name, SIZE);
        let (start, tx, anchor) = if x + 4.0 + width <= W {
            (x + 4.0, x + 4.0, "start")
        } else {
            (x - 4.0 - width, x - 4.0, "end")
        };
        let clear = |ty: f64| self.free(start, start + width, ty - SIZE, ty + SIZE * 0.3);
        let lowest = TOP + PLOT - 2.0;
        let mut ty = y.clamp(TOP - 6.0, lowest);
        let wanted = ty;
        while !clear(ty) && ty - 10.0 >= TOP - 6.0 {
            ty -= 10.0;
        }
        if !clear(ty) {
            ty = wanted;
            while !clear(ty) && ty + 10.0 <= lowest {
                ty += 10.0;
            }
        }
        self.placed
            .push((start, start + width, ty - SIZE, ty + SIZE * 0.3));
        (tx, ty, anchor)
    }
}

/// The baselines of the systems' names at the right of the plot: beside each line's last
/// point, pushed apart so that no two overlap (11-point names, 12 apart at least).
fn name_baselines(wanted: &[f64]) -> Vec<f64> {
    let mut order: Vec<usize> = (0..wanted.len()).collect();
    order.sort_by(|&a, &b| wanted[a].total_cmp(&wanted[b]).then(a.cmp(&b)));
    let mut out = wanted.to_vec();
    let mut last = f64::NEG_INFINITY;
    for i in order {
        out[i] = wanted[i].max(last + 12.0);
        last = out[i];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{Labels, W, name_baselines};

    #[test]
    fn names_of_neighbouring_steps_do_not_overlap() {
        let mut labels = Labels::default();
        let a = labels.place(160.0, 100.0, "s. 172.2");
        let b = labels.place(180.0, 100.0, "ss. 21(1)(b)-(c) and 22, with s. 151");
        assert_eq!(a, (164.0, 100.0, "start"));
        assert_eq!(b.0, 184.0);
        assert!((a.1 - b.1).abs() >= 10.0, "{a:?} {b:?}");
    }

    #[test]
    fn a_name_at_the_right_edge_is_written_to_the_left_of_its_dot() {
        let mut labels = Labels::default();
        let (x, _, anchor) = labels.place(W - 70.0, 100.0, "nothing certain (art. 383bis)");
        assert_eq!((x, anchor), (W - 74.0, "end"));
    }

    #[test]
    fn the_systems_names_on_one_line_are_stacked_in_their_order() {
        assert_eq!(
            name_baselines(&[100.0, 100.0, 50.0, 105.0]),
            vec![100.0, 112.0, 50.0, 124.0]
        );
    }
}
