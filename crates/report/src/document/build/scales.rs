//! The sentencing scales and the proportionality of a sentence imposed.

use super::Ctx;
use crate::document::text;
use crate::document::*;
use crate::words;
use qualif_analysis::scale::{FactorKind, Proportionality, ScaleResult};
use qualif_law::law::Verification;

pub(super) fn sentence_info(v: &qualif_analysis::scale::SentenceValue, lang: &str) -> SentenceInfo {
    SentenceInfo {
        months: v.months(),
        text: text::sentence_value(v, lang),
    }
}

pub(super) fn scale(cx: &mut Ctx, r: &ScaleResult) -> ScaleSection {
    let lang = cx.lang;
    let g = r.guideline;
    let choice = |c: &qualif_analysis::scale::Choice| Choice {
        id: c.id.clone(),
        label: c.label.get(lang).to_string(),
    };
    let mut sources = cx.sources.cite(&g.sources, g.last_verified, &g.id);
    if let Some(c) = r.cell {
        for n in cx.sources.cite(
            &c.sources,
            g.last_verified,
            &format!("{} ({}/{})", g.id, c.category, c.role),
        ) {
            if !sources.contains(&n) {
                sources.push(n);
            }
        }
    }
    if !g.official {
        cx.warn(
            &g.id,
            crate::catalog::labelled(
                lang,
                g.name.get(lang),
                msg!(static lang, "doc-scale-not-an-official-guideline-a"),
            ),
        );
    }
    if let Some(c) = r.cell {
        if c.verification != Verification::VerifiedPrimary {
            cx.warn(
                &g.id,
                format!(
                    "{} ({} {}, {} {}){}{}",
                    g.name.get(lang),
                    msg!(static lang, "doc-scale-category"),
                    c.category,
                    msg!(static lang, "doc-scale-role"),
                    c.role,
                    crate::catalog::label_separator(lang),
                    text::verification(Some(c.verification), lang)
                ),
            );
        }
    }
    let factors = |kind: FactorKind| {
        r.factors
            .iter()
            .filter(|f| f.factor.kind == kind)
            .map(|f| {
                let (status, status_text) = if f.to_consider {
                    ("to_consider", msg!(static lang, "doc-scale-to-consider"))
                } else if f.status == Status::Applies {
                    (
                        "applies",
                        msg!(static lang, "doc-scale-supported-by-the-facts"),
                    )
                } else {
                    ("possible", msg!(static lang, "doc-scale-possible"))
                };
                FactorLine {
                    id: f.factor.id.clone(),
                    label: f.factor.label.get(lang).to_string(),
                    status: status.into(),
                    status_text: status_text.into(),
                    verification: f.factor.verification.as_str().into(),
                }
            })
            .collect::<Vec<_>>()
    };
    ScaleSection {
        guideline: g.id.clone(),
        name: g.name.get(lang).to_string(),
        official: g.official,
        status: g.status.clone(),
        verification: g.verification.as_str().into(),
        category: r.category.choice.map(choice),
        role: r.role.choice.map(choice),
        category_possibly_higher: r
            .category
            .possible_higher
            .iter()
            .map(|c| choice(c))
            .collect(),
        role_possibly_higher: r.role.possible_higher.iter().map(|c| choice(c)).collect(),
        starting_point: r.cell.map(|c| sentence_info(&c.starting_point, lang)),
        range_from: r.cell.map(|c| sentence_info(&c.range_from, lang)),
        range_to: r.cell.map(|c| sentence_info(&c.range_to, lang)),
        range_capped_to_months: r.capped_to,
        cell_verification: r.cell.map(|c| c.verification.as_str().into()),
        cell_notes: r.cell.map(|c| c.notes.clone()).unwrap_or_default(),
        statutory_maximum: r
            .maximum
            .map(|m| format!("{} ({})", words::term(m.prison_max, lang), m.citation)),
        aggravating: factors(FactorKind::Aggravating),
        mitigating: factors(FactorKind::Mitigating),
        maps_to: g.maps_to.clone(),
        sources,
        coverage_note: (r.coverage == qualif_analysis::scale::Coverage::Possible)
            .then(|| crate::scale_text::coverage_possible(lang).to_string()),
    }
}

pub(super) fn months_text(m: f64, lang: &str) -> String {
    if m.is_infinite() {
        text::life(lang).into()
    } else {
        words::months(m, lang)
    }
}

pub(super) fn proportionality(cx: &mut Ctx, p: &Proportionality) -> ProportionalitySection {
    let lang = cx.lang;
    let reference_cases = p
        .references
        .iter()
        .map(|c| ReferenceLine {
            id: c.id.clone(),
            court: c.court.clone(),
            country: c.country.clone(),
            date: c.date,
            summary: c.summary.clone(),
            sentence_text: c
                .sentence_months
                .map(|m| months_text(m, lang))
                .unwrap_or_else(|| text::not_stated(lang).into()),
            outcome: c.outcome,
            outcome_text: match c.outcome {
                qualif_analysis::scale::Outcome::Verdict => {
                    msg!(static lang, "doc-scale-verdict").into()
                }
                qualif_analysis::scale::Outcome::ProsecutionRequest => {
                    msg!(static lang, "doc-scale-prosecution-request-not-a-verdict").into()
                }
            },
            verification: c.verification.as_str().into(),
            sources: cx.sources.cite(&c.sources, None, &c.id),
        })
        .collect();
    ProportionalitySection {
        sentence_months: p.sentence_months,
        sentence_text: words::months(p.sentence_months, lang),
        placed_against: p.against.map(|s| s.guideline.id.clone()),
        placed_against_official: p.against.map(|s| s.guideline.official),
        guideline_placement: p.guideline,
        guideline_placement_text: p.guideline.map(|g| text::placement(g, lang).to_string()),
        ratio_to_starting_point: p.ratio_to_starting_point,
        systems: p
            .systems
            .iter()
            .map(|s| SystemPlacementLine {
                system: s.system.clone(),
                provision: s.provision.clone(),
                citation: s.citation.clone(),
                max_text: if s.life {
                    text::life(lang).into()
                } else {
                    s.max_prison_months
                        .map(|m| words::months(m, lang))
                        .unwrap_or_else(|| msg!(static lang, "doc-scale-not-confirmed").into())
                },
                max_prison_months: s.max_prison_months,
                life: s.life,
                share_of_maximum: s.share_of_maximum,
                placement: (s.life || s.max_prison_months.is_some()).then_some(s.placement),
                placement_text: if s.life || s.max_prison_months.is_some() {
                    text::placement(s.placement, lang).into()
                } else {
                    msg!(static lang, "doc-scale-cannot-be-placed-the-maximum").into()
                },
            })
            .collect(),
        reference_cases,
    }
}
