//! Section 4: the comparison across systems (conduct by system) and the disparities.

use super::{Block, Target, numbered};
use crate::document::blocks::*;
use crate::document::text::{self, t};
use crate::document::{ComparisonSection, Document, MatrixCell};
use qualif_analysis::compare::Severity;

pub(super) fn section(out: &mut Vec<Block>, doc: &Document, l: &str, to: Target) {
    let html = to == Target::Html;
    let c = &doc.comparison;
    let mut o = Vec::new();
    if c.rows.is_empty() {
        o.push(Block::para(spans![t(
            l,
            "No offence applies or remains possible in any system on these facts.",
            "Aucune infraction n'est applicable ni possible sur ces faits, dans aucun système."
        )]));
    } else {
        matrix(&mut o, c, l, html);
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
        o.push(Block::para(spans![t(
            l,
            "None: these facts are treated alike in the systems compared.",
            "Aucune : ces faits sont traités de la même façon dans les systèmes comparés."
        )]));
    }
    if html {
        if !c.disparities.is_empty() {
            disparities_table(&mut o, c, l);
        }
    } else {
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
    out.push(numbered("comparison", l, None, o));
}

fn matrix(o: &mut Vec<Block>, c: &ComparisonSection, l: &str, html: bool) {
    o.push(if html {
        Block::Paragraph(
            Para::Aside,
            spans![t(
                l,
                "Each cell: the status, the maximum (for an instrument: the minimum maximum it requires, “at least”), the minimum, and the provision that leads.",
                "Chaque case : le statut, le maximum (pour un instrument : le maximum minimal exigé, « au moins »), le minimum et la disposition retenue."
            )],
        )
    } else {
        Block::para(spans![t(
            l,
            "Each cell: the status, then the maximum (for an instrument: the minimum maximum it requires), the minimum, and the provision.",
            "Chaque case : le statut, puis le maximum (pour un instrument : le maximum minimal exigé), le minimum et la disposition."
        )])
    });
    let mut head = vec![Column::from(spans![t(l, "Conduct", "Comportement")])];
    head.extend(c.systems.iter().map(|s| Column::from(spans![s])));
    o.push(Block::Table(Table {
        kind: TableKind::Matrix,
        head: Some(head),
        rows: c
            .rows
            .iter()
            .map(|r| {
                let mut cells = vec![Cell::head(spans![&r.label])];
                cells.extend(r.cells.iter().map(|cell| matrix_cell(cell, l, html).into()));
                cells
            })
            .collect(),
        ..Table::default()
    }));
}

/// A cell of the matrix: the status, the maximum (for an instrument, the minimum maximum
/// it requires), the minimum, the provision, one a line.
fn matrix_cell(cell: &MatrixCell, l: &str, html: bool) -> Inline {
    let mut parts = if html {
        let (badge, m) = match cell.status.as_str() {
            "applies" => (Badge::Applies, "✓"),
            "possible" => (Badge::Possible, "?"),
            "excluded" => (Badge::Excluded, "✗"),
            _ => (Badge::NotCovered, "—"),
        };
        spans![Span::Badge(
            badge,
            format!("{m} {}", cell.status_text.to_uppercase())
        )]
    } else {
        spans![&cell.status_text]
    };
    if let Some(m) = &cell.max_text {
        let max = if cell.floor {
            t(l, "at least", "au moins")
        } else {
            "max"
        };
        parts.extend(spans![Span::Break, format!("{max} {m}")]);
    }
    if let Some(m) = &cell.min_text {
        parts.extend(spans![Span::Break, format!("min {m}")]);
    }
    if let Some(p) = &cell.provision {
        parts.extend(spans![Span::Break, code(p)]);
    }
    if cell.verification.as_deref() == Some("unverified") {
        let unverified = format!("⚠ {}", text::verification_code("unverified", l));
        parts.extend(spans![
            Span::Break,
            if html {
                styled(Tone::Warn, spans![unverified])
            } else {
                unverified.into()
            }
        ]);
    }
    parts
}

fn disparities_table(o: &mut Vec<Block>, c: &ComparisonSection, l: &str) {
    o.push(Block::Table(Table {
        head: Some(vec![
            Column::width(spans![t(l, "Severity", "Gravité")], "7em"),
            Column::width(spans![t(l, "Kind", "Nature")], "9em"),
            spans![t(l, "What differs", "Ce qui diffère")].into(),
        ]),
        rows: c
            .disparities
            .iter()
            .map(|d| {
                let severity = match d.severity {
                    Severity::Major => {
                        spans![Span::Alarm(spans![format!("⚠ {}", d.severity_text)])]
                    }
                    Severity::Warning => spans![format!("◐ {}", d.severity_text)],
                    Severity::Info => spans![format!("ℹ {}", d.severity_text)],
                };
                vec![
                    severity.into(),
                    spans![
                        &d.kind_text,
                        Span::Break,
                        styled(Tone::Faint, spans![d.systems.join(" / ")])
                    ]
                    .into(),
                    spans![&d.message].into(),
                ]
            })
            .collect(),
        ..Table::default()
    }));
}
