//! Section 5: the sentencing scales for these facts, the range used, and the
//! proportionality of a sentence imposed.

use super::{Block, Target, numbered, verification, warning};
use crate::document::blocks::*;
use crate::document::text;
use crate::document::{Document, ProportionalitySection, ScaleSection};
use qualif_analysis::scale::Outcome;

pub(super) fn section(out: &mut Vec<Block>, doc: &Document, l: &str, to: Target) {
    let html = to == Target::Html;
    let mut o = Vec::new();
    if html {
        o.push(Block::Paragraph(
            Para::Aside,
            spans![msg!(static l, "doc-scale-a-scale-gives-a-starting")],
        ));
    }
    if let Some(line) = &doc.no_scale_covers {
        o.push(Block::para(spans![line]));
    } else if doc.scales.is_empty() {
        o.push(Block::para(spans![
            msg!(static l, "doc-scale-no-sentencing-scale-in-the")
        ]));
    }
    for s in &doc.scales {
        scale(&mut o, s, l, html);
    }
    let figure = html.then(|| figure(doc, l)).flatten();
    if html && doc.proportionality.is_none() {
        o.extend(figure.clone());
    }
    if let Some(r) = doc.charts.scale.as_ref().and_then(|c| c.range.as_ref()) {
        if !html {
            let sep = crate::catalog::label_separator(l);
            o.push(Block::para(spans![format!(
                "{} ({}{}){sep}{} – {}{}",
                msg!(static l, "doc-scale-range-used"),
                r.guideline,
                if r.official {
                    ""
                } else {
                    msg!(static l, "doc-scale-not-official")
                },
                r.from_text,
                r.to_text,
                r.starting_point_text
                    .as_ref()
                    .map(|s| format!("; {} {s}", text::starting_point(l)))
                    .unwrap_or_default(),
            )]));
        }
    }
    if let Some(p) = &doc.proportionality {
        proportionality(&mut o, p, figure, l, html);
    }
    out.push(numbered("scale", l, None, o));
}

/// The chart of the guideline range and the sentence, with its caption (HTML).
fn figure(doc: &Document, l: &str) -> Option<Block> {
    let c = doc.charts.scale.as_ref()?;
    let range_of = msg!(static l, "doc-scale-range-of");
    let caption = match &c.range {
        Some(r) if r.official => format!("{range_of} {}", r.guideline),
        Some(r) => format!(
            "{range_of} {} — {}",
            r.guideline,
            msg!(static l, "doc-scale-a-proposal-not-an-official")
        ),
        None => msg!(static l, "doc-scale-no-guideline-range-for-these").to_string(),
    };
    Some(Block::Figure {
        chart: Chart::Scale(
            Box::new(c.clone()),
            doc.proportionality.clone().map(Box::new),
        ),
        caption,
    })
}

fn scale(o: &mut Vec<Block>, s: &ScaleSection, l: &str, html: bool) {
    o.push(Block::heading(3, spans![&s.name]));
    if s.official {
        o.push(Block::para(spans![crate::catalog::labelled(
            l,
            text::status_label(l),
            &s.status
        )]));
    } else {
        let not_official = msg!(static l, "doc-scale-not-an-official-guideline");
        o.push(Block::Paragraph(
            Para::Banner,
            if html {
                spans![format!("⚠ {not_official} — {}", s.status)]
            } else {
                spans![
                    "⚠ ",
                    strong(spans![not_official]),
                    format!(" — {}", s.status)
                ]
            },
        ));
    }
    let mut f = Vec::new();
    if let Some(note) = &s.coverage_note {
        f.push(warning(
            msg!(static l, "scale-coverage-label"),
            spans![note],
        ));
    }
    f.extend([
        Field::new(
            msg!(static l, "doc-scale-category-label"),
            spans![text::choice(&s.category, l)],
        ),
        Field::new(
            msg!(static l, "doc-scale-role-label"),
            spans![text::choice(&s.role, l)],
        ),
    ]);
    for c in s
        .category_possibly_higher
        .iter()
        .chain(&s.role_possibly_higher)
    {
        f.push(if html {
            warning(
                msg!(static l, "doc-scale-still-possible"),
                spans![format!(
                    "{} ({})",
                    c.label,
                    msg!(static l, "doc-scale-a-fact-that-decides-it")
                )],
            )
        } else {
            Field::new(
                format!(
                    "⚠ {} {} ({})",
                    c.label,
                    msg!(static l, "doc-scale-is-still-possible-a-fact"),
                    c.id
                ),
                Vec::new(),
            )
        });
    }
    let starting_point = msg!(static l, "doc-scale-starting-point");
    match (&s.starting_point, &s.range_from, &s.range_to) {
        (Some(sp), Some(from), Some(to)) => {
            f.push(Field::new(
                starting_point,
                if html {
                    spans![strong(spans![&sp.text])]
                } else {
                    spans![&sp.text]
                },
            ));
            f.push(Field::new(
                msg!(static l, "doc-scale-range"),
                spans![format!("{} – {}", from.text, to.text)],
            ));
            if let Some(c) = s.range_capped_to_months {
                let months = crate::words::months(c, l);
                f.push(if html {
                    warning(
                        msg!(static l, "doc-scale-capped"),
                        spans![format!(
                            "{} {months}",
                            msg!(static l, "doc-scale-by-the-statutory-maximum-at")
                        )],
                    )
                } else {
                    Field::new(
                        format!(
                            "⚠ {} {months}",
                            msg!(static l, "doc-scale-range-capped-by-the-statutory")
                        ),
                        Vec::new(),
                    )
                });
            }
            if let Some(v) = &s.cell_verification {
                let code = text::verification_code(v, l);
                f.push(if html {
                    Field::new(
                        text::verification_label(l),
                        spans![verification(Some(v), code)],
                    )
                } else {
                    Field::new(
                        msg!(static l, "doc-scale-verification-of-this-cell"),
                        spans![code],
                    )
                });
            }
        }
        _ if html => f.push(Field::new(
            starting_point,
            spans![msg!(static l, "doc-scale-none-the-category-or-the")],
        )),
        _ => f.push(Field::new(
            msg!(static l, "doc-scale-no-starting-point-the-category"),
            Vec::new(),
        )),
    }
    if let Some(m) = &s.statutory_maximum {
        f.push(Field::new(
            msg!(static l, "doc-scale-statutory-maximum"),
            spans![m],
        ));
    }
    let sources = Field::new(
        text::sources_label(l),
        spans![Span::Refs(s.sources.clone())],
    );
    if html {
        if !s.sources.is_empty() {
            f.push(sources.clone());
        }
        o.push(Block::Fields(f));
        if !s.cell_notes.is_empty() {
            let mut notes = List::default();
            for n in &s.cell_notes {
                notes.push(spans![n]);
            }
            o.push(Block::Part(Part::Notes, vec![Block::List(notes)]));
        }
    } else {
        for n in &s.cell_notes {
            f.push(Field::new(format!("ℹ {n}"), Vec::new()));
        }
        o.push(Block::Fields(f));
    }
    for (name, fs) in text::factor_lists(s, l) {
        if fs.is_empty() {
            continue;
        }
        o.push(Block::Table(Table {
            head: Some(vec![
                spans![name].into(),
                Column::width(spans![text::status_label(l)], "12em"),
                Column::width(spans![text::verification_label(l)], "9em"),
            ]),
            rows: fs
                .iter()
                .map(|f| {
                    let status = if html {
                        let m = match f.status.as_str() {
                            "applies" => "✓",
                            "possible" => "?",
                            _ => "○",
                        };
                        format!("{m} {}", f.status_text)
                    } else {
                        f.status_text.clone()
                    };
                    let verification = spans![text::verification_code(&f.verification, l)];
                    vec![
                        spans![&f.label].into(),
                        spans![status].into(),
                        if html {
                            Cell::toned(CellTone::Small, verification)
                        } else {
                            verification.into()
                        },
                    ]
                })
                .collect(),
            ..Table::default()
        }));
    }
    if !html && !s.sources.is_empty() {
        let mut p = sources.label;
        p.push(crate::catalog::label_separator(l).into());
        p.extend(sources.value);
        o.push(Block::para(p));
    }
}

fn proportionality(
    o: &mut Vec<Block>,
    p: &ProportionalitySection,
    figure: Option<Block>,
    l: &str,
    html: bool,
) {
    o.push(Block::heading(
        3,
        spans![msg!(static l, "doc-scale-proportionality-of-the-sentence-imposed")],
    ));
    o.push(Block::para(spans![
        format!(
            "{}{}",
            msg!(static l, "doc-scale-custodial-term-imposed"),
            crate::catalog::label_separator(l)
        ),
        strong(spans![&p.sentence_text])
    ]));
    o.extend(figure);
    // In words or in bold (HTML).
    let bold = |s: &str| if html { strong(spans![s]) } else { s.into() };
    let mut list = List::new(ListKind::Tight);
    if let (Some(g), Some(text)) = (&p.placed_against, &p.guideline_placement_text) {
        let proposal = if p.placed_against_official == Some(false) {
            msg!(static l, "doc-scale-proposal-not-official")
        } else {
            ""
        };
        let ratio = p
            .ratio_to_starting_point
            .map(|r| format!(" ({r}× {})", msg!(static l, "doc-scale-the-starting-point")))
            .unwrap_or_default();
        let sep = crate::catalog::label_separator(l);
        list.push(spans![format!("{g}{proposal}{sep}"), bold(text), ratio]);
    }
    for s in &p.systems {
        let share = s
            .share_of_maximum
            .map(|r| {
                format!(
                    " ({}% {})",
                    (r * 100.0).round(),
                    msg!(static l, "doc-scale-of-the-maximum")
                )
            })
            .unwrap_or_default();
        let max = if html {
            format!("{} — max {} — ", s.citation, s.max_text)
        } else {
            format!("{} {} — ", s.citation, s.max_text)
        };
        let max = crate::catalog::labelled(l, &s.system, &max);
        list.push(spans![max, bold(&s.placement_text), share]);
    }
    o.push(Block::List(list));
    if p.reference_cases.is_empty() {
        return;
    }
    let title = msg!(static l, "doc-scale-real-outcomes-for-comparable-facts");
    if !html {
        let (sep, semi) = (
            crate::catalog::label_separator(l),
            crate::catalog::list_separator(l),
        );
        o.push(Block::para(spans![format!("{title}{}", sep.trim_end())]));
        let mut list = List::default();
        for c in &p.reference_cases {
            list.push(spans![
                format!(
                    "{} ({}, {}){sep}{} — {}{semi}{} ",
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
        return;
    }
    o.push(Block::heading(4, spans![title]));
    o.push(Block::Table(Table {
        head: Some(vec![
            spans![msg!(static l, "doc-scale-court-and-date")].into(),
            spans![msg!(static l, "doc-scale-sentence")].into(),
            spans![msg!(static l, "doc-scale-nature")].into(),
            spans![msg!(static l, "doc-scale-summary")].into(),
        ]),
        rows: p
            .reference_cases
            .iter()
            .map(|c| {
                let outcome = if c.outcome == Outcome::ProsecutionRequest {
                    Span::Alarm(spans![format!("⚠ {}", c.outcome_text)])
                } else {
                    Span::from(&c.outcome_text)
                };
                vec![
                    Cell::head(spans![
                        format!("{} ({})", c.court, c.country),
                        Span::Break,
                        styled(Tone::Faint, spans![text::date(c.date, l)])
                    ]),
                    spans![&c.sentence_text].into(),
                    spans![
                        outcome,
                        Span::Break,
                        styled(
                            Tone::Small,
                            spans![text::verification_code(&c.verification, l)]
                        )
                    ]
                    .into(),
                    Cell::toned(
                        CellTone::Small,
                        spans![format!("{} ", c.summary), Span::Refs(c.sources.clone())],
                    ),
                ]
            })
            .collect(),
        ..Table::default()
    }));
}
