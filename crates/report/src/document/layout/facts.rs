//! Section 2: the facts as established; annex B: the facts still unknown that matter.

use super::{Block, Target, numbered, row};
use crate::document::Document;
use crate::document::blocks::*;
use crate::document::text;

pub(super) fn section(out: &mut Vec<Block>, doc: &Document, l: &str, to: Target) {
    let html = to == Target::Html;
    let mut o = Vec::new();
    o.push(Block::heading(
        3,
        spans![msg!(static l, "doc-facts-facts-as-established")],
    ));
    if doc.facts.established.is_empty() {
        o.push(Block::para(spans![
            msg!(static l, "doc-facts-no-fact-is-stated")
        ]));
    } else {
        let mut last = "";
        let mut rows = Vec::new();
        for f in &doc.facts.established {
            // The HTML names a topic once, on its first fact.
            let topic = if html && f.section == last {
                String::new()
            } else {
                f.section_text.clone()
            };
            last = &f.section;
            rows.push(vec![
                spans![topic].into(),
                Cell::head(spans![&f.label]),
                spans![Span::Lines(f.value_text.clone())].into(),
            ]);
        }
        o.push(Block::Table(Table {
            head: Some(vec![
                spans![msg!(static l, "doc-facts-topic")].into(),
                spans![text::fact_label(l)].into(),
                spans![msg!(static l, "doc-facts-value")].into(),
            ]),
            rows,
            ..Table::default()
        }));
    }
    if !doc.facts.presumed.is_empty() {
        o.push(Block::para(spans![strong(spans![msg!(
            static l,
            "presumptions-heading"
        )])]));
        let mut list = List::new(ListKind::Tight);
        for p in &doc.facts.presumed {
            list.push(spans![p.clone()]);
        }
        o.push(Block::List(list));
    }
    out.push(numbered("facts", l, None, o));
}

/// Annex B: the facts not stated whose answer could change a result of the report.
pub(super) fn unknown_annex(out: &mut Vec<Block>, doc: &Document, l: &str, to: Target) {
    let html = to == Target::Html;
    let mut o = Vec::new();
    if doc.facts.unknown.is_empty() {
        o.push(Block::para(spans![
            msg!(static l, "doc-facts-none-every-qualification-is-decided")
        ]));
    } else {
        unknown(&mut o, doc, l, html);
    }
    out.push(numbered("unknown", l, Some(doc.facts.unknown.len()), o));
}

fn unknown(o: &mut Vec<Block>, doc: &Document, l: &str, html: bool) {
    let sentence = msg!(static l, "doc-facts-a-fact-not-stated-is");
    // The Markdown quotes with straight quotes.
    o.push(Block::para(spans![if html {
        sentence.to_string()
    } else {
        sentence.replace(['“', '”'], "\"")
    }]));
    let decides = spans![msg!(static l, "doc-facts-would-decide-the-qualification")];
    let decides_aggravation = spans![msg!(static l, "doc-facts-would-decide-an-aggravation-of")];
    let groups = |g| text::groups(g, l);
    let table = if html {
        Table {
            head: Some(vec![
                Column::width(
                    spans![msg!(static l, "doc-facts-fact-case-file-key")],
                    "25%",
                ),
                decides.into(),
                Column::width(decides_aggravation, "33%"),
            ]),
            rows: doc
                .facts
                .unknown
                .iter()
                .map(|u| {
                    vec![
                        Cell::head(spans![&u.label, Span::Break, code(&u.key)]),
                        Cell::toned(CellTone::Small, spans![groups(&u.decides)]),
                        Cell::toned(CellTone::Small, spans![groups(&u.decides_aggravations)]),
                    ]
                })
                .collect(),
            ..Table::default()
        }
    } else {
        Table {
            head: Some(vec![
                spans![text::fact_label(l)].into(),
                spans![msg!(static l, "doc-facts-case-file-key")].into(),
                decides.into(),
                decides_aggravation.into(),
            ]),
            rows: doc
                .facts
                .unknown
                .iter()
                .map(|u| {
                    row([
                        spans![&u.label],
                        spans![code(&u.key)],
                        spans![groups(&u.decides)],
                        spans![groups(&u.decides_aggravations)],
                    ])
                })
                .collect(),
            ..Table::default()
        }
    };
    o.push(Block::Table(table));
}
