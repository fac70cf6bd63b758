//! `qualif scale`: the guideline result (JSON per the output contract, or a table), the
//! extension for live-streamed abuse clearly labelled as not official, and the placement
//! of a sentence drawn as horizontal ranges.

use serde_json::{Value as Json, json};

use super::assess_json::CONTRACT;
use super::words;
use qualif_analysis::scale::{
    Coverage, FactorKind, Guideline, Placement, Proportionality, ScaleResult, SentenceValue,
};
use qualif_engine::Status;

fn value(v: &SentenceValue) -> Json {
    json!({ "months": v.months(), "text": words::sentence_value(v, "en") })
}

fn factors(r: &ScaleResult, kind: FactorKind) -> Vec<Json> {
    r.factors
        .iter()
        .filter(|f| f.factor.kind == kind)
        .map(|f| {
            json!({
                "id": f.factor.id,
                "label": f.factor.label.en,
                "labels": f.factor.label,
                "status": if f.to_consider { "to_consider" } else if f.status == Status::Applies { "applies" } else { "possible" },
                "verification": f.factor.verification.as_str(),
            })
        })
        .collect()
}

/// One scale's result in the shape of the output contract.
fn result(r: &ScaleResult) -> Json {
    let g = r.guideline;
    let mut out = json!({
        "guideline": g.id,
        "official": g.official,
        "status": words::guideline_status(g, "en"),
        "name": g.name,
        "maps_to": g.maps_to,
        "category": r.category.choice.map(|c| c.id.clone()),
        "category_possibly_higher": r.category.possible_higher.iter().map(|c| c.id.clone()).collect::<Vec<_>>(),
        "role": r.role.choice.map(|c| c.id.clone()),
        "role_possibly_higher": r.role.possible_higher.iter().map(|c| c.id.clone()).collect::<Vec<_>>(),
        "starting_point": r.cell.map(|c| value(&c.starting_point)),
        "range": r.cell.map(|c| json!({ "from": value(&c.range_from), "to": value(&c.range_to) })),
        "cell_verification": r.cell.map(|c| c.verification.as_str()),
        "cell_sources": r.cell.map(|c| c.sources.clone()),
        "cell_notes": r.cell.map(|c| c.notes.clone()),
        "factors": { "aggravating": factors(r, FactorKind::Aggravating), "mitigating": factors(r, FactorKind::Mitigating) },
        "statutory_maximum": r.maximum.map(|m| json!({ "max_prison_months": m.prison_max.months(), "citation": m.citation, "verification": m.verification.as_str(), "sources": m.sources })),
        "range_capped_to_months": r.capped_to,
        "rationale": g.rationale,
        "sources": g.sources,
    });
    if r.coverage == Coverage::Possible {
        out["coverage"] = json!(r.coverage);
    }
    out
}

fn placement_word(p: Placement, lang: &str) -> &'static str {
    match p {
        Placement::BelowRange => msg!(static lang, "placement-below-range"),
        Placement::WithinRange => msg!(static lang, "placement-within-range"),
        Placement::AboveRange => msg!(static lang, "placement-above-range"),
        Placement::AboveMaximum => msg!(static lang, "placement-above-maximum"),
        Placement::WithinMaximum => msg!(static lang, "placement-within-maximum"),
    }
}

/// Whether no scale is shown because none covers the conduct retained: then the outputs say
/// so in one line ([`no_guideline_covers`]).
pub fn none_covers(
    official: Option<&ScaleResult>,
    extensions: &[ScaleResult],
    not_covering: &[&Guideline],
) -> bool {
    official.is_none() && !extensions.iter().any(shown) && !not_covering.is_empty()
}

/// The line said when no guideline of the data covers the conduct retained, or, when no
/// system retains anything for certain yet, that the scales wait for the facts.
pub fn no_guideline_covers(lang: &str, nothing_retained: bool) -> &'static str {
    if nothing_retained {
        msg!(static lang, "scale-nothing-retained-yet")
    } else {
        msg!(static lang, "scale-no-guideline-covers")
    }
}

/// The line said under a scale whose coverage of the conduct rests on an unknown fact.
pub fn coverage_possible(lang: &str) -> &'static str {
    msg!(static lang, "scale-coverage-possible")
}

/// Whether an extension is shown: when the facts engage it (e.g. a live-streaming case).
pub fn shown(e: &ScaleResult) -> bool {
    e.category.choice.is_some() || e.role.choice.is_some()
}

pub fn json(
    official: Option<&ScaleResult>,
    extensions: &[ScaleResult],
    not_covering: &[&Guideline],
    placement: Option<&Proportionality>,
) -> Json {
    let mut out = match official {
        Some(r) => result(r),
        None => json!({}),
    };
    if !not_covering.is_empty() {
        out["not_covering"] = json!(not_covering.iter().map(|g| &g.id).collect::<Vec<_>>());
    }
    out["contract"] = json!(CONTRACT);
    // The contract's `extension`: the first scale that goes beyond the official guideline
    // (null when none applies to these facts); every one is listed in `extensions`.
    let engaged: Vec<&ScaleResult> = extensions.iter().filter(|e| shown(e)).collect();
    out["extension"] = engaged.first().map(|e| result(e)).unwrap_or(Json::Null);
    out["extensions"] = Json::Array(extensions.iter().map(result).collect());
    if let Some(p) = placement {
        out["proportionality"] = json!({
            "sentence_months": p.sentence_months,
            "placed_against": p.against.map(|s| json!({ "guideline": s.guideline.id, "official": s.guideline.official, "status": words::guideline_status(s.guideline, "en") })),
            "guideline_placement": p.guideline,
            "ratio_to_starting_point": p.ratio_to_starting_point,
            "systems": p.systems,
            "reference_cases": p.references.iter().map(|c| json!({
                "id": c.id, "court": c.court, "country": c.country, "date": c.date, "summary": c.summary,
                "sentence_months": c.sentence_months.filter(|m| m.is_finite()), "life": c.sentence_months.is_some_and(|m| m.is_infinite()),
                "suspended_months": c.suspended_months, "outcome": c.outcome, "verification": c.verification.as_str(), "sources": c.sources,
            })).collect::<Vec<_>>(),
        });
    }
    out
}

fn block(r: &ScaleResult, lang: &str) -> String {
    let g = r.guideline;
    let mut out = String::new();
    if g.official {
        out.push_str(&format!(
            "{} — {}\n",
            g.name.get(lang),
            words::guideline_status(g, lang)
        ));
    } else {
        out.push_str(&format!(
            "{} — ⚠ {}\n",
            g.name.get(lang),
            words::guideline_status(g, lang).to_uppercase()
        ));
    }
    if r.coverage == Coverage::Possible {
        out.push_str(&format!("  ⚠ {}\n", coverage_possible(lang)));
    }
    let cat = r
        .category
        .choice
        .map(|c| format!("{} ({})", c.id, c.label.get(lang)))
        .unwrap_or_else(|| msg!(static lang, "scale-category-not-determined").into());
    let role = r
        .role
        .choice
        .map(|c| format!("{} ({})", c.id, c.label.get(lang)))
        .unwrap_or_else(|| msg!(static lang, "scale-role-not-determined").into());
    out.push_str(&format!(
        "  {}\n  {}\n",
        crate::catalog::labelled(lang, msg!(static lang, "scale-category"), &cat),
        crate::catalog::labelled(lang, msg!(static lang, "scale-role"), &role)
    ));
    for c in &r.category.possible_higher {
        out.push_str(&format!(
            "  ⚠ {} {} {}\n",
            msg!(static lang, "scale-category-lower"),
            c.id,
            msg!(static lang, "scale-still-possible")
        ));
    }
    for c in &r.role.possible_higher {
        out.push_str(&format!(
            "  ⚠ {} {} {}\n",
            msg!(static lang, "scale-role-lower"),
            c.id,
            msg!(static lang, "scale-still-possible")
        ));
    }
    match r.cell {
        Some(c) => {
            let range = format!(
                "{} – {}",
                words::sentence_value(&c.range_from, lang),
                words::sentence_value(&c.range_to, lang)
            );
            out.push_str(&format!(
                "  {}\n  {}\n",
                crate::catalog::labelled(
                    lang,
                    msg!(static lang, "scale-starting-point"),
                    &words::sentence_value(&c.starting_point, lang)
                ),
                crate::catalog::labelled(lang, msg!(static lang, "scale-range"), &range)
            ));
            out.push_str(&format!(
                "  {}\n",
                crate::catalog::labelled(
                    lang,
                    msg!(static lang, "scale-cell-verification"),
                    words::verification(c.verification, lang)
                )
            ));
            for n in &c.notes {
                out.push_str(&format!("  ℹ {n}\n"));
            }
        }
        None => out.push_str(&format!(
            "  {}\n",
            msg!(static lang, "scale-no-starting-point")
        )),
    }
    if let Some(m) = r.maximum {
        let maximum = format!("{} ({})", words::term(m.prison_max, lang), m.citation);
        out.push_str(&format!(
            "  {}\n",
            crate::catalog::labelled(lang, msg!(static lang, "scale-statutory-maximum"), &maximum)
        ));
    }
    for (kind, name) in [
        (
            FactorKind::Aggravating,
            msg!(static lang, "scale-aggravating"),
        ),
        (
            FactorKind::Mitigating,
            msg!(static lang, "scale-mitigating"),
        ),
    ] {
        let fs: Vec<String> = r
            .factors
            .iter()
            .filter(|f| f.factor.kind == kind)
            .map(|f| {
                let st = if f.to_consider {
                    msg!(static lang, "scale-to-consider")
                } else if f.status == Status::Applies {
                    msg!(static lang, "scale-supported-by-the-facts")
                } else {
                    msg!(static lang, "scale-possible")
                };
                format!(
                    "    - {} [{st}{}{}]",
                    f.factor.label.get(lang),
                    crate::catalog::list_separator(lang),
                    words::verification(f.factor.verification, lang)
                )
            })
            .collect();
        if !fs.is_empty() {
            out.push_str(&format!("  {name}:\n{}\n", fs.join("\n")));
        }
    }
    out
}

/// A horizontal bar from 0 to `max` months, `width` characters, with the sentence marked.
fn bar(from: f64, to: f64, scale_max: f64, sentence: f64, width: usize) -> String {
    let pos = |m: f64| {
        ((m / scale_max) * width as f64)
            .round()
            .clamp(0.0, width as f64) as usize
    };
    let (a, b, s) = (
        pos(from),
        pos(to),
        pos(sentence).min(width.saturating_sub(1)),
    );
    (0..width)
        .map(|i| {
            if i == s {
                '▼'
            } else if i >= a && i < b.max(a + 1) {
                '█'
            } else {
                '·'
            }
        })
        .collect()
}

pub fn table(
    official: Option<&ScaleResult>,
    extensions: &[ScaleResult],
    not_covering: &[&Guideline],
    nothing_retained: bool,
    placement: Option<&Proportionality>,
    lang: &str,
    width: usize,
) -> String {
    let mut out = String::new();
    if none_covers(official, extensions, not_covering) {
        out.push_str(no_guideline_covers(lang, nothing_retained));
        out.push('\n');
    }
    if let Some(r) = official {
        out.push_str(&block(r, lang));
    }
    // An extension is shown when the facts engage it (e.g. a live-streaming case).
    for e in extensions.iter().filter(|e| shown(e)) {
        out.push('\n');
        out.push_str(&block(e, lang));
    }
    if let Some(p) = placement {
        out.push_str(&format!(
            "\n{} {}\n",
            msg!(static lang, "scale-proposed-or-imposed-sentence"),
            words::months(p.sentence_months, lang)
        ));
        if let (Some(g), Some(against)) = (p.guideline, p.against) {
            let which = if against.guideline.official {
                against.guideline.id.clone()
            } else {
                format!(
                    "{} ({})",
                    against.guideline.id,
                    words::guideline_status(against.guideline, lang)
                )
            };
            let ratio = p
                .ratio_to_starting_point
                .map(|r| {
                    let ratio = r
                        .to_string()
                        .replace('.', &msg!(lang, "number-decimal-separator"));
                    format!(" ({})", msg!(lang, "scale-ratio", ratio = ratio))
                })
                .unwrap_or_default();
            let placement = format!("{}{ratio}", placement_word(g, lang));
            out.push_str(&format!(
                "  {}\n",
                crate::catalog::labelled(lang, &which, &placement)
            ));
        }
        let finite: Vec<f64> = p
            .systems
            .iter()
            .filter_map(|s| s.max_prison_months)
            .collect();
        let scale_max = finite
            .iter()
            .cloned()
            .fold(p.sentence_months * 1.2, f64::max)
            .max(12.0)
            .ceil();
        // The bars take what the width leaves beside their labels: 50 columns at most.
        let bar_w = width.saturating_sub(30).clamp(20, 50);
        out.push_str(&format!(
            "\n  0{:>w$}\n",
            words::months(scale_max, lang),
            w = bar_w + 8
        ));
        if let Some(c) = p.against.and_then(|r| r.cell) {
            let from = c.range_from.months().unwrap_or(0.0);
            let to = c.range_to.months().unwrap_or(from);
            out.push_str(&format!(
                "  {:<7}{}  {}\n",
                msg!(static lang, "scale-bar-range"),
                bar(from, to, scale_max, p.sentence_months, bar_w),
                msg!(static lang, "scale-guideline-range")
            ));
        }
        for s in &p.systems {
            let max = if s.life {
                scale_max
            } else {
                s.max_prison_months.unwrap_or(0.0)
            };
            let min = s.min_prison_months.unwrap_or(0.0);
            let label = if s.life {
                words::term(qualif_law::law::Term::Life, lang)
            } else {
                s.max_prison_months
                    .map(|m| words::months(m, lang))
                    .unwrap_or_else(|| "?".into())
            };
            out.push_str(&format!(
                "  {:<7}{}  {} {label} — {}{} ({})\n",
                s.system,
                bar(min, max, scale_max, p.sentence_months, bar_w),
                msg!(static lang, "compare-max"),
                s.citation,
                if s.certain {
                    String::new()
                } else {
                    format!(", {}", msg!(static lang, "scale-one-of-two-alternatives"))
                },
                placement_word(s.placement, lang)
            ));
        }
        out.push_str(&format!("  {}\n", msg!(static lang, "scale-marker-legend")));
        if !p.references.is_empty() {
            out.push_str(&format!(
                "\n  {}:\n",
                msg!(static lang, "scale-real-outcomes")
            ));
            for c in &p.references {
                let sentence = c
                    .sentence_months
                    .map(|m| {
                        if m.is_infinite() {
                            words::term(qualif_law::law::Term::Life, lang)
                        } else {
                            words::months(m, lang)
                        }
                    })
                    .unwrap_or_else(|| "?".into());
                let kind = match c.outcome {
                    qualif_analysis::scale::Outcome::Verdict => msg!(static lang, "scale-verdict"),
                    qualif_analysis::scale::Outcome::ProsecutionRequest => {
                        msg!(static lang, "scale-prosecution-request")
                    }
                };
                out.push_str(&format!(
                    "  - {} {} ({}){}{sentence} [{kind}{}{}]\n",
                    c.court,
                    crate::catalog::date(lang, c.date),
                    c.country,
                    crate::catalog::label_separator(lang),
                    crate::catalog::list_separator(lang),
                    words::verification(c.verification, lang)
                ));
            }
        }
    }
    out.push_str(&format!("\n{}\n", msg!(static lang, "disclaimer-short")));
    super::wrap::wrap(&out, width)
}
