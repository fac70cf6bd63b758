//! Section 6: limitation and jurisdiction, for each qualification that applies or remains
//! possible, and the grounds of jurisdiction of each system.

use super::{Block, mark, section_heading};
use crate::report::document::blocks::*;
use crate::report::document::text::{self, t};
use crate::report::document::{Document, SystemSection};

pub(super) fn section(o: &mut Vec<Block>, doc: &Document, l: &str) {
    o.push(section_heading(6, l, None));
    for s in doc.systems.iter().filter(|s| !s.qualifications.is_empty()) {
        system(o, s, l);
    }
}

fn system(o: &mut Vec<Block>, s: &SystemSection, l: &str) {
    o.push(Block::heading(3, spans![format!("{} ({})", s.name, s.id)]));
    o.push(Block::Table(Table {
        head: Some(vec![
            spans![t(l, "Provision", "Disposition")],
            spans![t(l, "Limitation", "Prescription")],
            spans![t(
                l,
                "Can the state prosecute?",
                "L'État peut-il poursuivre ?"
            )],
        ]),
        rows: s
            .qualifications
            .iter()
            .map(|q| {
                let lim = q
                    .limitation
                    .as_ref()
                    .map(|x| {
                        let mut s = x.summary.clone();
                        if let (Some(c), Some(p)) = (&x.rule_citation, &x.period_text) {
                            s.push_str(&format!(" — {c}: {p}"));
                        }
                        s
                    })
                    .unwrap_or_else(|| "—".into());
                let jur = q
                    .jurisdiction
                    .as_ref()
                    .map(|j| j.summary.clone())
                    .unwrap_or_else(|| "—".into());
                vec![
                    spans![format!("{} {}", mark(q.status), q.citation)],
                    spans![lim],
                    spans![jur],
                ]
            })
            .collect(),
    }));
    let mut grounds = List::default();
    for g in s.grounds_not_excluded() {
        let mut line = format!(
            "{} — {} ({}): {}",
            g.citation,
            g.label,
            text::basis(g.basis, l),
            if g.holds == Some(true) {
                t(l, "holds", "établi")
            } else {
                t(
                    l,
                    "depends on facts not stated",
                    "dépend de faits non renseignés",
                )
            }
        );
        if g.double_criminality {
            line.push_str(&format!(
                "; {}",
                t(
                    l,
                    "double criminality required",
                    "double incrimination exigée"
                )
            ));
        }
        for c in &g.conditions {
            line.push_str(&format!("; {c}"));
        }
        line.push_str(&format!(
            "; {} ",
            text::verification_code(&g.verification, l)
        ));
        grounds.push(spans![line, Span::Refs(g.sources.clone())]);
    }
    if !grounds.items.is_empty() {
        o.push(Block::Paragraph(spans![format!(
            "{}:",
            t(
                l,
                "Grounds of jurisdiction that hold or may hold",
                "Chefs de compétence établis ou possibles"
            )
        )]));
        o.push(Block::List(grounds));
    }
}
