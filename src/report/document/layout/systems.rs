//! Section 2: the leading qualification of each system, then each national system with
//! its qualifications that apply, those still possible, and the provisions excluded.

use super::{Block, qualification, section_heading};
use crate::report::document::blocks::*;
use crate::report::document::text::{self, t};
use crate::report::document::{Document, QualSection, SystemSection};

pub(super) fn section(o: &mut Vec<Block>, doc: &Document, l: &str) {
    o.push(section_heading(2, l, None));
    penalty_overview(o, doc, l);
    for s in &doc.systems {
        system(o, s, l);
    }
}

fn penalty_overview(o: &mut Vec<Block>, doc: &Document, l: &str) {
    if doc.charts.penalties.is_empty() {
        return;
    }
    o.push(Block::Paragraph(spans![t(
        l,
        "Leading qualification in each system (the applicable provision with the highest maximum; when none applies, the most severe possible one):",
        "Qualification principale dans chaque système (la disposition applicable au maximum le plus élevé ; à défaut, la plus sévère des possibles) :"
    )]));
    o.push(Block::Table(Table {
        head: Some(vec![
            spans![t(l, "System", "Système")],
            spans![t(l, "Provision", "Disposition")],
            spans![t(l, "Status", "Statut")],
            spans![t(l, "Maximum", "Maximum")],
            spans![t(l, "Minimum", "Minimum")],
        ]),
        rows: doc
            .charts
            .penalties
            .iter()
            .map(|b| {
                vec![
                    spans![&b.system_name],
                    spans![b.citation.as_deref().unwrap_or("—")],
                    spans![
                        b.status
                            .map(|s| crate::report::words::status(s, l))
                            .unwrap_or("—")
                    ],
                    spans![&b.max_text],
                    spans![b.min_text.as_deref().unwrap_or("—")],
                ]
            })
            .collect(),
    }));
    for b in doc
        .charts
        .penalties
        .iter()
        .filter(|b| !b.unconfirmed.is_empty())
    {
        o.push(Block::Quote(vec![spans![format!(
            "⚠ {}: {} {}",
            b.system,
            t(
                l,
                "other provisions with the same status have a maximum that is not confirmed and may be higher:",
                "d'autres dispositions de même statut ont un maximum non confirmé, peut-être plus élevé :"
            ),
            b.unconfirmed.join(", ")
        )]]));
    }
}

fn system(o: &mut Vec<Block>, s: &SystemSection, l: &str) {
    o.push(Block::heading(3, spans![format!("{} ({})", s.name, s.id)]));
    o.push(Block::Paragraph(spans![format!(
        "{} {}, {} {}, {} {}.",
        s.counts.applies,
        t(l, "applicable", "applicable(s)"),
        s.counts.possible,
        t(l, "possible", "possible(s)"),
        s.counts.excluded,
        t(l, "excluded", "exclue(s)"),
    )]));
    for (status, name) in text::qualification_lists(l) {
        let qs: Vec<&QualSection> = s
            .qualifications
            .iter()
            .filter(|q| q.status == status)
            .collect();
        o.push(Block::heading(4, spans![name]));
        if qs.is_empty() {
            o.push(Block::Paragraph(spans![t(l, "None.", "Aucune.")]));
        }
        for q in qs {
            qualification::qualification(o, q, l);
        }
    }
    if s.excluded.is_empty() {
        return;
    }
    o.push(Block::heading(
        4,
        spans![t(
            l,
            "Provisions excluded on these facts",
            "Dispositions exclues sur ces faits"
        )],
    ));
    o.push(Block::Table(Table {
        head: Some(vec![
            spans![t(l, "Provision", "Disposition")],
            spans![t(l, "Element not met", "Élément non établi")],
            spans![t(l, "Verification", "Vérification")],
        ]),
        rows: s
            .excluded
            .iter()
            .map(|e| {
                let mut why = e.unmet.join("; ");
                if e.gives_way {
                    why.push_str(&format!(
                        " ({})",
                        t(
                            l,
                            "gives way to a principal offence that applies",
                            "s'efface devant une infraction principale applicable"
                        )
                    ));
                }
                vec![
                    spans![format!("{} ({})", e.citation, e.title)],
                    spans![why],
                    spans![
                        e.verification
                            .as_deref()
                            .map(|v| text::verification_code(v, l))
                            .unwrap_or("—")
                    ],
                ]
            })
            .collect(),
    }));
}
