//! Section 3: the international instruments, the obligations the facts engage, and the
//! instrument read for each state bound by it.

use super::{Block, Target, numbered, row, verification};
use crate::document::blocks::*;
use crate::document::text::{self, t};
use crate::document::{Document, InstrumentSection, QualSection, StateReadingSection};
use qualif_engine::Status;

pub(super) fn section(out: &mut Vec<Block>, doc: &Document, l: &str, to: Target) {
    let mut o = Vec::new();
    if to == Target::Html {
        o.push(Block::Paragraph(
            Para::Aside,
            spans![t(
                l,
                "An instrument does not punish: it obliges the states bound by it to make conduct an offence, with at least the maximum penalty shown.",
                "Un instrument ne punit pas : il oblige les États liés à incriminer un comportement, avec au moins le maximum indiqué."
            )],
        ));
    }
    if doc.international.is_empty() {
        o.push(Block::para(spans![t(
            l,
            "No international instrument in the data.",
            "Aucun instrument international dans les données."
        )]));
    }
    for i in &doc.international {
        instrument(&mut o, i, l, to);
    }
    out.push(numbered("international", l, None, o));
}

fn instrument(o: &mut Vec<Block>, i: &InstrumentSection, l: &str, to: Target) {
    let html = to == Target::Html;
    o.push(Block::Heading {
        level: 3,
        anchor: html.then(|| Anchor::System(i.id.clone())),
        text: spans![format!("{} ({})", i.name, i.id)],
    });
    if i.parties.is_empty() {
        o.push(Block::para(spans![t(
            l,
            "None of the national systems of this report is bound by it at the date of the law applied.",
            "Aucun des systèmes nationaux de ce rapport n'y est lié à la date du droit appliqué."
        )]));
    } else {
        o.push(Block::para(spans![format!(
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
    let applies: Vec<&QualSection> = i
        .obligations
        .iter()
        .filter(|q| q.status == Status::Applies)
        .collect();
    let possible: Vec<&str> = i
        .obligations
        .iter()
        .filter(|q| q.status == Status::Possible)
        .map(|q| q.citation.as_str())
        .collect();
    if i.obligations.is_empty() {
        o.push(Block::para(spans![t(
            l,
            "No obligation is engaged by these facts.",
            "Aucune obligation n'est en jeu sur ces faits."
        )]));
    }
    if !applies.is_empty() {
        o.push(Block::Table(Table {
            head: Some(vec![
                spans![t(l, "Obligation engaged", "Obligation en jeu")].into(),
                spans![t(
                    l,
                    "Maximum the state must provide, at least",
                    "Maximum que l'État doit prévoir, au moins"
                )]
                .into(),
                spans![text::verification_label(l)].into(),
            ]),
            rows: applies.iter().map(|q| obligation_row(q, html)).collect(),
            ..Table::default()
        }));
    }
    if !possible.is_empty() {
        o.push(Block::Paragraph(
            Para::Aside,
            spans![format!(
                "{} ({}): {}.",
                t(
                    l,
                    "Still possible, depending on facts not stated",
                    "Encore possibles, selon des faits non renseignés"
                ),
                possible.len(),
                possible.join(", ")
            )],
        ));
    }
    for r in &i.state_readings {
        reading(o, r, l);
    }
}

fn obligation_row(q: &QualSection, html: bool) -> Vec<Cell> {
    let penalty = spans![q.penalty.as_ref().map(|p| p.text.as_str()).unwrap_or("—")];
    if !html {
        return row([
            spans![format!("{} ({})", q.citation, q.title)],
            penalty,
            spans![&q.verification_text],
        ]);
    }
    vec![
        Cell::head(spans![
            &q.citation,
            Span::Break,
            styled(Tone::Faint, spans![&q.title])
        ]),
        penalty.into(),
        Cell::toned(
            CellTone::Small,
            spans![
                verification(q.verification.as_deref(), &q.verification_text),
                " ",
                Span::Refs(q.sources.clone())
            ],
        ),
    ]
}

/// The instrument read for one state: the obligations that apply, in one line, and the
/// shortfalls.
fn reading(o: &mut Vec<Block>, r: &StateReadingSection, l: &str) {
    let applies: Vec<String> = r
        .obligations
        .iter()
        .filter(|ob| ob.status == Status::Applies)
        .map(|ob| match &ob.floor_text {
            Some(f) => format!("{} (≥ {f})", ob.citation),
            None => ob.citation.clone(),
        })
        .collect();
    let possible = r
        .obligations
        .iter()
        .filter(|ob| ob.status == Status::Possible)
        .count();
    let mut line = spans![strong(spans![format!(
        "{} {}",
        t(l, "Read for", "Lu pour"),
        r.state
    )])];
    line.push(
        format!(
            ": {} {}; {} {possible}.",
            t(l, "applies:", "applicables :"),
            if applies.is_empty() {
                "—".to_string()
            } else {
                applies.join(", ")
            },
            t(l, "possible:", "possibles :"),
        )
        .into(),
    );
    o.push(Block::para(line));
    let shortfall = t(l, "Shortfall", "Manquement");
    for s in &r.shortfalls {
        let s = spans!["⚠ ", strong(spans![shortfall]), format!(": {s}")];
        o.push(Block::Paragraph(Para::Warning, s));
    }
}
