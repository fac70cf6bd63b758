//! Section 2: the facts as established; annex B: the facts still unknown that matter.

use super::{Block, Target, numbered, row};
use crate::document::Document;
use crate::document::blocks::*;
use crate::document::text::{self, t};

pub(super) fn section(out: &mut Vec<Block>, doc: &Document, l: &str, to: Target) {
    let html = to == Target::Html;
    let mut o = Vec::new();
    o.push(Block::heading(
        3,
        spans![t(l, "Facts as established", "Faits établis")],
    ));
    if doc.facts.established.is_empty() {
        o.push(Block::para(spans![t(
            l,
            "No fact is stated.",
            "Aucun fait n'est renseigné."
        )]));
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
                spans![t(l, "Topic", "Rubrique")].into(),
                spans![text::fact_label(l)].into(),
                spans![t(l, "Value", "Valeur")].into(),
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
        o.push(Block::para(spans![t(
            l,
            "None: every qualification is decided by the facts given.",
            "Aucun : chaque qualification est tranchée par les faits fournis."
        )]));
    } else {
        unknown(&mut o, doc, l, html);
    }
    out.push(numbered("unknown", l, Some(doc.facts.unknown.len()), o));
}

fn unknown(o: &mut Vec<Block>, doc: &Document, l: &str, html: bool) {
    let sentence = t(
        l,
        "A fact not stated is unknown, never “no”. Establishing these facts would decide the qualifications and aggravations listed.",
        "Un fait non renseigné est inconnu, jamais « non ». Établir ces faits trancherait les qualifications et circonstances aggravantes indiquées.",
    );
    // The Markdown quotes with straight quotes.
    o.push(Block::para(spans![if html {
        sentence.to_string()
    } else {
        sentence.replace(['“', '”'], "\"")
    }]));
    let decides = spans![t(
        l,
        "Would decide the qualification",
        "Trancherait la qualification"
    )];
    let decides_aggravation = spans![t(
        l,
        "Would decide an aggravation of",
        "Trancherait une aggravation de"
    )];
    let groups = |g| text::groups(g, l);
    let table = if html {
        Table {
            head: Some(vec![
                Column::width(
                    spans![t(l, "Fact (case-file key)", "Fait (clé du dossier)")],
                    "32%",
                ),
                decides.into(),
                Column::width(decides_aggravation, "28%"),
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
                spans![t(l, "Case-file key", "Clé du dossier")].into(),
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
