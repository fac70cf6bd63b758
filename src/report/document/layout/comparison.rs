//! Section 4: the comparison across systems (conduct by system) and the disparities.

use super::{Block, section_heading};
use crate::report::document::Document;
use crate::report::document::blocks::*;
use crate::report::document::text::t;

pub(super) fn section(o: &mut Vec<Block>, doc: &Document, l: &str) {
    let c = &doc.comparison;
    o.push(section_heading(4, l, None));
    if c.rows.is_empty() {
        o.push(Block::Paragraph(spans![t(
            l,
            "No offence applies or remains possible in any system on these facts.",
            "Aucune infraction n'est applicable ni possible sur ces faits, dans aucun système."
        )]));
    } else {
        o.push(Block::Paragraph(spans![t(
            l,
            "Each cell: the status, then the maximum (for an instrument: the minimum maximum it requires), the minimum, and the provision.",
            "Chaque case : le statut, puis le maximum (pour un instrument : le maximum minimal exigé), le minimum et la disposition."
        )]));
        let mut head = vec![spans![t(l, "Conduct", "Comportement")]];
        head.extend(c.systems.iter().map(|s| spans![s]));
        o.push(Block::Table(Table {
            head: Some(head),
            rows: c
                .rows
                .iter()
                .map(|row| {
                    let mut cells = vec![spans![&row.label]];
                    for cell in &row.cells {
                        let mut parts = spans![&cell.status_text];
                        if let Some(m) = &cell.max_text {
                            parts.push(Span::Break);
                            parts.push(if cell.floor {
                                format!("{} {m}", t(l, "at least", "au moins")).into()
                            } else {
                                format!("max {m}").into()
                            });
                        }
                        if let Some(m) = &cell.min_text {
                            parts.extend(spans![Span::Break, format!("min {m}")]);
                        }
                        if let Some(p) = &cell.provision {
                            parts.extend(spans![Span::Break, code(p)]);
                        }
                        if cell.verification.as_deref() == Some("unverified") {
                            parts.extend(spans![
                                Span::Break,
                                format!("⚠ {}", t(l, "unverified", "non vérifié"))
                            ]);
                        }
                        cells.push(parts);
                    }
                    cells
                })
                .collect(),
        }));
    }
    o.push(Block::heading(
        3,
        spans![format!(
            "{} ({})",
            t(l, "Disparities", "Disparités"),
            c.disparities.len()
        )],
    ));
    if c.disparities.is_empty() {
        o.push(Block::Paragraph(spans![t(
            l,
            "None: these facts are treated alike in the systems compared.",
            "Aucune : ces faits sont traités de la même façon dans les systèmes comparés."
        )]));
    }
    let mut list = List::default();
    for d in &c.disparities {
        list.push(spans![
            strong(spans![&d.severity_text]),
            format!(
                " — {} ({}): {}",
                d.kind_text,
                d.systems.join(" / "),
                d.message
            )
        ]);
    }
    o.push(Block::List(list));
}
