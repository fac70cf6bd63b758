//! Section 5: the sentencing scales for these facts, the range used, and the
//! proportionality of a sentence imposed.

use super::{Block, section_heading};
use crate::report::document::blocks::*;
use crate::report::document::text::{self, t};
use crate::report::document::{Choice, Document, ProportionalitySection, ScaleSection};

pub(super) fn section(o: &mut Vec<Block>, doc: &Document, l: &str) {
    o.push(section_heading(5, l, None));
    if doc.scales.is_empty() {
        o.push(Block::Paragraph(spans![t(
            l,
            "No sentencing scale in the data.",
            "Aucun barème dans les données."
        )]));
    }
    for s in &doc.scales {
        scale(o, s, l);
    }
    if let Some(r) = doc.charts.scale.as_ref().and_then(|c| c.range.as_ref()) {
        o.push(Block::Paragraph(spans![format!(
            "{} ({}{}): {} – {}{}",
            t(l, "Range used", "Fourchette retenue"),
            r.guideline,
            if r.official {
                ""
            } else {
                t(l, ", not official", ", non officiel")
            },
            r.from_text,
            r.to_text,
            r.starting_point_text
                .as_ref()
                .map(|s| format!("; {} {}", t(l, "starting point", "point de départ"), s))
                .unwrap_or_default(),
        )]));
    }
    if let Some(p) = &doc.proportionality {
        proportionality(o, p, l);
    }
}

fn scale(o: &mut Vec<Block>, s: &ScaleSection, l: &str) {
    o.push(Block::heading(3, spans![&s.name]));
    if s.official {
        o.push(Block::Paragraph(spans![format!(
            "{}: {}",
            t(l, "Status", "Statut"),
            s.status
        )]));
    } else {
        o.push(Block::Quote(vec![spans![
            "⚠ ",
            strong(spans![t(
                l,
                "NOT AN OFFICIAL GUIDELINE",
                "CE N'EST PAS UN GUIDE OFFICIEL"
            )]),
            format!(" — {}", s.status)
        ]]));
    }
    let choice = |c: &Option<Choice>| text::choice(c, l);
    let mut list = List::default();
    list.push(spans![format!(
        "{}: {}",
        t(l, "Category", "Catégorie"),
        choice(&s.category)
    )]);
    list.push(spans![format!(
        "{}: {}",
        t(l, "Role", "Rôle"),
        choice(&s.role)
    )]);
    for c in s
        .category_possibly_higher
        .iter()
        .chain(&s.role_possibly_higher)
    {
        list.push(spans![format!(
            "⚠ {} {} ({})",
            c.label,
            t(
                l,
                "is still possible: a fact that decides it is unknown",
                "reste possible : un fait qui en décide est inconnu"
            ),
            c.id
        )]);
    }
    match (&s.starting_point, &s.range_from, &s.range_to) {
        (Some(sp), Some(from), Some(to)) => {
            list.push(spans![format!(
                "{}: {}",
                t(l, "Starting point", "Point de départ"),
                sp.text
            )]);
            list.push(spans![format!(
                "{}: {} – {}",
                t(l, "Range", "Fourchette"),
                from.text,
                to.text
            )]);
            if let Some(c) = s.range_capped_to_months {
                list.push(spans![format!(
                    "⚠ {} {}",
                    t(
                        l,
                        "Range capped by the statutory maximum at",
                        "Fourchette plafonnée par le maximum légal à"
                    ),
                    crate::report::words::months(c, l)
                )]);
            }
            if let Some(v) = &s.cell_verification {
                list.push(spans![format!(
                    "{}: {}",
                    t(l, "Verification of this cell", "Vérification de cette case"),
                    text::verification_code(v, l)
                )]);
            }
        }
        _ => list.push(spans![t(
            l,
            "No starting point: the category or the role is not determined by the facts given.",
            "Pas de point de départ : la catégorie ou le rôle n'est pas déterminé par les faits fournis."
        )]),
    }
    if let Some(m) = &s.statutory_maximum {
        list.push(spans![format!(
            "{}: {m}",
            t(l, "Statutory maximum", "Maximum légal")
        )]);
    }
    for n in &s.cell_notes {
        list.push(spans![format!("ℹ {n}")]);
    }
    o.push(Block::List(list));
    for (name, fs) in text::factor_lists(s, l) {
        if fs.is_empty() {
            continue;
        }
        o.push(Block::Table(Table {
            head: Some(vec![
                spans![name],
                spans![t(l, "Status", "Statut")],
                spans![t(l, "Verification", "Vérification")],
            ]),
            rows: fs
                .iter()
                .map(|f| {
                    vec![
                        spans![&f.label],
                        spans![&f.status_text],
                        spans![text::verification_code(&f.verification, l)],
                    ]
                })
                .collect(),
        }));
    }
    if !s.sources.is_empty() {
        o.push(Block::Paragraph(spans![
            format!("{}: ", t(l, "Sources", "Sources")),
            Span::Refs(s.sources.clone())
        ]));
    }
}

fn proportionality(o: &mut Vec<Block>, p: &ProportionalitySection, l: &str) {
    o.push(Block::heading(
        3,
        spans![t(
            l,
            "Proportionality of the sentence imposed",
            "Proportionnalité de la peine prononcée"
        )],
    ));
    o.push(Block::Paragraph(spans![
        format!(
            "{}: ",
            t(
                l,
                "Custodial term imposed",
                "Peine privative de liberté prononcée"
            )
        ),
        strong(spans![&p.sentence_text])
    ]));
    let mut list = List::default();
    if let (Some(g), Some(text)) = (&p.placed_against, &p.guideline_placement_text) {
        list.push(spans![format!(
            "{g}{}: {text}{}",
            if p.placed_against_official == Some(false) {
                t(
                    l,
                    " (proposal, not official)",
                    " (proposition, non officielle)",
                )
            } else {
                ""
            },
            p.ratio_to_starting_point
                .map(|r| format!(
                    " ({r}× {})",
                    t(l, "the starting point", "le point de départ")
                ))
                .unwrap_or_default()
        )]);
    }
    for s in &p.systems {
        list.push(spans![format!(
            "{}: {} {} — {}{}",
            s.system,
            s.citation,
            s.max_text,
            s.placement_text,
            s.share_of_maximum
                .map(|r| format!(
                    " ({}% {})",
                    (r * 100.0).round(),
                    t(l, "of the maximum", "du maximum")
                ))
                .unwrap_or_default()
        )]);
    }
    o.push(Block::List(list));
    if p.reference_cases.is_empty() {
        return;
    }
    o.push(Block::Paragraph(spans![format!(
        "{}:",
        t(
            l,
            "Real outcomes for comparable facts (examples, not rules)",
            "Décisions réelles pour des faits comparables (exemples, pas des règles)"
        )
    )]));
    let mut list = List::default();
    for c in &p.reference_cases {
        list.push(spans![
            format!(
                "{} ({}, {}): {} — {}; {} ",
                c.court,
                c.country,
                text::date(c.date, l),
                c.sentence_text,
                c.outcome_text,
                text::verification_code(&c.verification, l),
            ),
            Span::Refs(c.sources.clone())
        ]);
    }
    o.push(Block::List(list));
}
