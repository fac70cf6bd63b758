//! Annex A: for each national system, the provisions that apply or remain possible, a row
//! each with its penalty and its elements, then the provisions excluded with the element
//! not met.

use super::{Block, Target, badge, numbered, qualification};
use crate::document::blocks::*;
use crate::document::text;
use crate::document::{Document, QualSection, SystemSection};
use qualif_engine::{ElementStatus, Status};

pub(super) fn elements(out: &mut Vec<Block>, doc: &Document, l: &str, to: Target) {
    let html = to == Target::Html;
    let mut o = vec![Block::Paragraph(
        Para::Aside,
        spans![msg!(static l, "doc-annex-met-not-met-unknown-depends")],
    )];
    for s in &doc.systems {
        o.push(Block::heading(3, spans![format!("{} ({})", s.name, s.id)]));
        if !s.qualifications.is_empty() {
            table(&mut o, s, l, html);
        }
        if !s.excluded.is_empty() {
            excluded_table(&mut o, s, l, html);
        }
    }
    out.push(numbered("elements", l, None, o));
}

fn table(o: &mut Vec<Block>, s: &SystemSection, l: &str, html: bool) {
    // A possible provision none of whose elements the facts establish is named only.
    let (shown, idle): (Vec<&QualSection>, Vec<&QualSection>) =
        s.qualifications.iter().partition(|q| {
            q.status == Status::Applies
                || q.elements
                    .iter()
                    .any(|e| e.status == ElementStatus::Met && !e.presumed)
        });
    // In the HTML the penalty is set under the provision, in two columns of about the
    // same height; the Markdown gives it a column.
    let penalty_label = msg!(static l, "doc-annex-penalty");
    let head = if html {
        vec![
            Column::width(
                spans![format!("{} — {penalty_label}", text::provision_label(l))],
                "50%",
            ),
            spans![msg!(static l, "doc-annex-elements")].into(),
        ]
    } else {
        vec![
            Column::from(spans![text::provision_label(l)]),
            Column::from(spans![penalty_label]),
            spans![msg!(static l, "doc-annex-elements")].into(),
        ]
    };
    o.push(Block::Table(Table {
        kind: TableKind::Elements,
        head: Some(head),
        rows: shown
            .iter()
            .map(|q| {
                let mut head = if html {
                    spans![badge(q.status, &q.status_text), " "]
                } else {
                    spans![format!("{} — ", q.status_text)]
                };
                head.extend(spans![
                    strong(spans![&q.citation]),
                    format!(" — {}", q.title)
                ]);
                if q.verification.as_deref() != Some("verified-primary") {
                    head.extend(spans![
                        " ",
                        styled(
                            Tone::SmallWarn,
                            spans![format!("⚠ {}", q.verification_text)]
                        )
                    ]);
                }
                if html {
                    head.extend(spans![Span::Break, code(&q.id)]);
                }
                if q.status == Status::Possible && !q.alternative_to.is_empty() {
                    head.extend(spans![
                        if html { Span::Break } else { " ".into() },
                        format!(
                            "({} {})",
                            msg!(static l, "doc-annex-alternative-to"),
                            q.alternative_to.join(", ")
                        )
                    ]);
                }
                let penalty = q.penalty.as_ref().map(|p| p.text.as_str()).unwrap_or("—");
                if html {
                    head.extend(spans![
                        Span::Break,
                        styled(
                            Tone::Small,
                            spans![crate::catalog::labelled(l, penalty_label, penalty)]
                        )
                    ]);
                    vec![Cell::head(head), qualification::elements(q, l, html).into()]
                } else {
                    vec![
                        Cell::head(head),
                        spans![penalty].into(),
                        qualification::elements(q, l, html).into(),
                    ]
                }
            })
            .collect(),
        ..Table::default()
    }));
    if !idle.is_empty() {
        o.push(Block::Paragraph(
            Para::Aside,
            spans![format!(
                "{} ({}){}{}.",
                msg!(static l, "doc-annex-also-possible-but-none-of"),
                idle.len(),
                crate::catalog::label_separator(l),
                idle.iter()
                    .map(|q| q.citation.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            )],
        ));
    }
}

/// The provisions excluded, in one paragraph: each with the element not met; provisions
/// excluded for the same reason are named together, before it, in their order.
fn excluded_table(o: &mut Vec<Block>, s: &SystemSection, l: &str, _html: bool) {
    let gives_way = msg!(static l, "doc-annex-gives-way-to-a-principal");
    let mut groups: Vec<(String, Vec<String>)> = Vec::new();
    for e in &s.excluded {
        let mut why = e.unmet.join(crate::catalog::list_separator(l));
        if e.gives_way {
            why = format!("{why} — {gives_way}");
        }
        let unverified = if e.verification.as_deref() == Some("verified-primary") {
            ""
        } else {
            " ⚠"
        };
        let name = format!("{}{unverified}", e.citation);
        match groups.iter_mut().find(|(w, _)| *w == why) {
            Some((_, names)) => names.push(name),
            None => groups.push((why, vec![name])),
        }
    }
    let mut p = spans![strong(spans![format!(
        "{} ({}). ",
        msg!(static l, "doc-annex-excluded-on-these-facts"),
        s.excluded.len()
    )])];
    for (i, (why, names)) in groups.iter().enumerate() {
        if i > 0 {
            p.push(" · ".into());
        }
        for (j, name) in names.iter().enumerate() {
            if j > 0 {
                p.push(", ".into());
            }
            p.push(strong(spans![name]));
        }
        p.push(format!(" (✗ {why})").into());
    }
    o.push(Block::Paragraph(Para::Aside, p));
}
