//! Section 3: the international instruments, the obligations the facts engage, and the
//! instrument read for each state bound by it.

use super::{Block, mark, section_heading};
use crate::engine::ElementStatus;
use crate::report::document::blocks::*;
use crate::report::document::text::{self, t};
use crate::report::document::{Document, InstrumentSection};

pub(super) fn section(o: &mut Vec<Block>, doc: &Document, l: &str) {
    o.push(section_heading(3, l, None));
    if doc.international.is_empty() {
        o.push(Block::Paragraph(spans![t(
            l,
            "No international instrument in the data.",
            "Aucun instrument international dans les données."
        )]));
    }
    for i in &doc.international {
        instrument(o, i, l);
    }
}

fn instrument(o: &mut Vec<Block>, i: &InstrumentSection, l: &str) {
    o.push(Block::heading(3, spans![format!("{} ({})", i.name, i.id)]));
    if i.parties.is_empty() {
        o.push(Block::Paragraph(spans![t(
            l,
            "None of the national systems of this report is bound by it at the date of the law applied.",
            "Aucun des systèmes nationaux de ce rapport n'y est lié à la date du droit appliqué."
        )]));
    } else {
        o.push(Block::Paragraph(spans![format!(
            "{}: {}",
            t(l, "Binding on", "Lie"),
            i.parties
                .iter()
                .map(|p| format!(
                    "{} ({} {})",
                    p.state,
                    t(l, "since", "depuis le"),
                    text::date(p.since, l)
                ))
                .collect::<Vec<_>>()
                .join(", ")
        )]));
    }
    if i.obligations.is_empty() {
        o.push(Block::Paragraph(spans![t(
            l,
            "No obligation is engaged by these facts.",
            "Aucune obligation n'est en jeu sur ces faits."
        )]));
    } else {
        o.push(Block::Table(Table {
            head: Some(vec![
                spans![t(l, "Obligation", "Obligation")],
                spans![t(l, "Status", "Statut")],
                spans![t(
                    l,
                    "Maximum the state must provide, at least",
                    "Maximum que l'État doit prévoir, au moins"
                )],
                spans![t(
                    l,
                    "Elements not yet established",
                    "Éléments non encore établis"
                )],
                spans![t(l, "Verification", "Vérification")],
            ]),
            rows: i
                .obligations
                .iter()
                .map(|q| {
                    let open: Vec<&str> = q
                        .elements
                        .iter()
                        .filter(|e| e.status != ElementStatus::Met)
                        .map(|e| e.label.as_str())
                        .collect();
                    vec![
                        spans![format!("{} ({})", q.citation, q.title)],
                        spans![format!("{} {}", mark(q.status), q.status_text)],
                        spans![q.penalty.as_ref().map(|p| p.text.as_str()).unwrap_or("—")],
                        spans![open.join("; ")],
                        spans![&q.verification_text],
                    ]
                })
                .collect(),
        }));
    }
    for r in &i.state_readings {
        o.push(Block::heading(
            4,
            spans![format!("{} {}", t(l, "Read for", "Lu pour"), r.state)],
        ));
        if r.obligations.is_empty() {
            o.push(Block::Paragraph(spans![t(
                l,
                "No obligation engaged.",
                "Aucune obligation en jeu."
            )]));
        }
        let mut list = List::default();
        for ob in &r.obligations {
            list.push(spans![format!(
                "{} {} — {}{}",
                mark(ob.status),
                ob.citation,
                ob.status_text,
                ob.floor_text
                    .as_ref()
                    .map(|f| format!(
                        "; {} {}",
                        t(l, "maximum required at least", "maximum requis d'au moins"),
                        f
                    ))
                    .unwrap_or_default()
            )]);
        }
        for s in &r.shortfalls {
            list.push(spans![
                "⚠ ",
                strong(spans![t(l, "Shortfall", "Manquement")]),
                ": ",
                s
            ]);
        }
        o.push(Block::List(list));
    }
}
