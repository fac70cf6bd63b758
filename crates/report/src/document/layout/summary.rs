//! Section 1, the summary: the facts in a few lines; per national system the qualification
//! retained with its article, its penalty at the date of the facts, the limitation and the
//! ground of jurisdiction; the disparities that matter most; the warnings about what is
//! retained. It fits on two printed pages; the details follow, the annexes at the end.

use super::{Block, Target, badge, numbered};
use crate::document::blocks::*;
use crate::document::text;
use crate::document::{Document, RetainedLine};
use crate::words;

pub(super) fn section(out: &mut Vec<Block>, doc: &Document, l: &str, to: Target) {
    let html = to == Target::Html;
    let mut o = Vec::new();
    facts(&mut o, doc, l);
    retained(&mut o, doc, l, html);
    disparities(&mut o, doc, l);
    let w = &doc.summary.warnings;
    if !w.is_empty() {
        o.push(Block::heading(
            3,
            spans![msg!(static l, "doc-summary-warnings-about-what-is-retained")],
        ));
        let mut list = List::new(ListKind::Tight);
        for w in super::closing::grouped(w, l) {
            list.items.push(Item {
                warn: true,
                ..Item::new(spans![format!("⚠ {w}")])
            });
        }
        o.push(Block::List(list));
    }
    out.push(numbered("summary", l, None, o));
}

/// The facts as established, in one paragraph.
fn facts(o: &mut Vec<Block>, doc: &Document, l: &str) {
    let f = &doc.facts.established;
    let text = if f.is_empty() {
        msg!(static l, "doc-facts-no-fact-is-stated").to_string()
    } else {
        f.iter()
            .map(|f| {
                msg!(
                    l,
                    "doc-summary-fact",
                    label = &f.label,
                    value = f.value_text.replace('\n', " ")
                )
            })
            .collect::<Vec<_>>()
            .join(msg!(static l, "doc-summary-fact-separator"))
    };
    o.push(Block::para(spans![
        strong(spans![msg!(static l, "doc-summary-facts")]),
        format!(" {text}.")
    ]));
}

fn retained(o: &mut Vec<Block>, doc: &Document, l: &str, html: bool) {
    if html && !doc.charts.penalties.is_empty() {
        o.push(Block::Figure {
            chart: Chart::Penalties(doc.charts.penalties.clone()),
            caption: msg!(static l, "doc-summary-certain-maximum-of-the-qualification").to_string(),
        });
    }
    o.push(Block::Paragraph(
        Para::Aside,
        spans![msg!(static l, "doc-summary-qualification-retained-what-a-prosecutor")],
    ));
    let mut rows = Vec::new();
    // A limitation or a jurisdiction the same as the row above, in the same system, is
    // said once: the rows below it say "same as above".
    let same = msg!(static l, "doc-summary-same-as-above");
    for s in &doc.summary.systems {
        let mut above: Option<(String, String)> = None;
        if s.retained.is_empty() {
            rows.push(vec![
                Cell::head(spans![&s.name]),
                spans![msg!(static l, "doc-charts-no-offence-applies-or-remains")].into(),
                spans!["—"].into(),
                spans!["—"].into(),
                spans!["—"].into(),
            ]);
        }
        for (i, r) in s.retained.iter().enumerate() {
            let name = if i == 0 {
                s.name.clone()
            } else {
                String::new()
            };
            let limitation = r.limitation_text.as_deref().unwrap_or("—").to_string();
            let jurisdiction = jurisdiction(r, l);
            let (lim_cell, jur_cell) = match &above {
                Some((a, b)) => (
                    if *a == limitation { same } else { &limitation },
                    if *b == jurisdiction {
                        same
                    } else {
                        &jurisdiction
                    },
                ),
                None => (limitation.as_str(), jurisdiction.as_str()),
            };
            rows.push(vec![
                Cell::head(spans![name]),
                qualification(r, l, html).into(),
                spans![r.penalty_text.as_deref().unwrap_or("—")].into(),
                Cell::toned(CellTone::Small, spans![lim_cell]),
                Cell::toned(CellTone::Small, spans![jur_cell]),
            ]);
            above = Some((limitation, jurisdiction));
        }
    }
    o.push(Block::Table(Table {
        head: Some(vec![
            Column::width(spans![msg!(static l, "doc-summary-system")], "9%"),
            Column::width(
                spans![msg!(static l, "doc-summary-qualification-retained")],
                "31%",
            ),
            Column::width(
                spans![msg!(static l, "doc-summary-penalty-at-the-date-of")],
                "26%",
            ),
            Column::width(spans![text::limitation_label(l)], "17%"),
            Column::width(
                spans![msg!(static l, "doc-qualification-jurisdiction")],
                "17%",
            ),
        ]),
        rows,
        ..Table::default()
    }));
    period(o, doc);
}

/// A period of facts: its span, then for each system what the law at the first act made
/// of the acts and the system's rule.
fn period(o: &mut Vec<Block>, doc: &Document) {
    let Some(p) = &doc.summary.period else {
        return;
    };
    o.push(Block::para(spans![p.span.clone()]));
    let mut list = List::new(ListKind::Tight);
    for (name, lines) in &p.systems {
        list.push(spans![
            strong(spans![name.clone()]),
            format!(
                " — {}",
                lines.join(crate::catalog::list_separator(doc.lang.as_str()))
            )
        ]);
    }
    o.push(Block::List(list));
}

fn qualification(r: &RetainedLine, l: &str, html: bool) -> Inline {
    let mut s = Vec::new();
    if html {
        s.push(badge(r.status, words::status(r.status, l)));
        s.push(" ".into());
    } else if r.status != qualif_engine::Status::Applies {
        s.push(format!("({}) ", words::status(r.status, l)).into());
    }
    s.push(strong(spans![&r.citation]));
    s.push(format!(" — {}", r.title).into());
    if r.verification.as_deref() != Some("verified-primary") {
        if let Some(v) = r.verification.as_deref() {
            s.push(" ".into());
            s.push(styled(
                Tone::SmallWarn,
                spans![format!("⚠ {}", text::verification_code(v, l))],
            ));
        }
    }
    if !r.unless.is_empty() {
        s.push(if html { Span::Break } else { " ".into() });
        s.push(styled(
            Tone::Small,
            spans![msg!(l, "retained-unless", provisions = r.unless.join(", "))],
        ));
    }
    s
}

fn jurisdiction(r: &RetainedLine, l: &str) -> String {
    if r.grounds.is_empty() {
        return r.jurisdiction_text.as_deref().unwrap_or("—").to_string();
    }
    let mut citations: Vec<&str> = Vec::new();
    for g in &r.grounds {
        if !citations.contains(&g.as_str()) {
            citations.push(g);
        }
    }
    citations.join(crate::catalog::list_separator(l))
}

/// The most severe disparities, one sentence each.
fn disparities(o: &mut Vec<Block>, doc: &Document, l: &str) {
    let d = &doc.summary.disparities;
    let total = doc.summary.disparities_total;
    let title = if d.len() < total {
        format!(
            "{} ({} / {total})",
            msg!(static l, "doc-summary-the-disparities-that-matter-most"),
            d.len()
        )
    } else {
        format!("{} ({total})", msg!(static l, "doc-comparison-disparities"))
    };
    o.push(Block::heading(3, spans![title]));
    if d.is_empty() {
        o.push(Block::para(spans![
            msg!(static l, "doc-comparison-none-these-facts-are-treated")
        ]));
        return;
    }
    let mut list = List::new(ListKind::Tight);
    for d in d {
        // One sentence: what differs, between which systems, for which conduct; the
        // comparison (section 5) gives the provisions on each side.
        let conduct = d
            .conduct_label
            .as_ref()
            .map(|c| format!(" — {c}"))
            .unwrap_or_default();
        list.push(spans![
            strong(spans![&d.severity_text]),
            format!(" — {} ({}){conduct}.", d.kind_text, d.systems.join(" / "))
        ]);
    }
    o.push(Block::List(list));
}
