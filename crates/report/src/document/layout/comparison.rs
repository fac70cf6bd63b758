//! Section 4: the comparison across systems (conduct by system) and the disparities.

use super::{Block, Target, numbered};
use crate::document::blocks::*;
use crate::document::text;
use crate::document::{ComparisonSection, Document, MatrixCell};
use qualif_analysis::compare::Severity;

pub(super) fn section(out: &mut Vec<Block>, doc: &Document, l: &str, to: Target) {
    let html = to == Target::Html;
    let c = &doc.comparison;
    let mut o = Vec::new();
    if c.rows.is_empty() {
        o.push(Block::para(spans![
            msg!(static l, "doc-comparison-no-offence-applies-or-remains")
        ]));
    } else {
        matrix(&mut o, c, l, html);
    }
    o.push(Block::heading(
        3,
        spans![format!(
            "{} ({})",
            msg!(static l, "doc-comparison-disparities"),
            c.disparities.len()
        )],
    ));
    if c.disparities.is_empty() {
        o.push(Block::para(spans![
            msg!(static l, "doc-comparison-none-these-facts-are-treated")
        ]));
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
                    " — {} ({}){}{}",
                    d.kind_text,
                    d.systems.join(" / "),
                    crate::catalog::label_separator(l),
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
            spans![msg!(static l, "doc-comparison-each-cell-the-status-the")],
        )
    } else {
        Block::para(spans![
            msg!(static l, "doc-comparison-each-cell-the-status-then")
        ])
    });
    let mut head = vec![Column::from(spans![
        msg!(static l, "doc-comparison-conduct")
    ])];
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
            msg!(static l, "doc-comparison-at-least")
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
            Column::width(spans![msg!(static l, "doc-comparison-severity")], "7em"),
            Column::width(spans![msg!(static l, "doc-comparison-kind")], "9em"),
            spans![msg!(static l, "doc-comparison-what-differs")].into(),
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
