//! The charts' axes: a few round ticks for any value, and a sentence far beyond every
//! maximum drawn at the end of its axis.

use super::*;
use crate::document::{
    PenaltyBar, ProportionalitySection, RangeBar, ScaleChart, SystemPlacementLine,
};
use qualif_engine::Status;

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
        unless: Vec::new(),
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
