//! Section 3: the international instruments, the obligations the facts engage, and the
//! instrument read for each state bound by it.

use super::{Block, Target, badge, mark, numbered, row, verification};
use crate::engine::ElementStatus;
use crate::report::document::blocks::*;
use crate::report::document::text::{self, t};
use crate::report::document::{Document, InstrumentSection, QualSection, StateReadingSection};

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
    out.push(numbered(3, l, None, o));
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
    if i.obligations.is_empty() {
        o.push(Block::para(spans![t(
            l,
            "No obligation is engaged by these facts.",
            "Aucune obligation n'est en jeu sur ces faits."
        )]));
    } else {
        o.push(Block::Table(Table {
            head: Some(vec![
                spans![t(l, "Obligation", "Obligation")].into(),
                spans![text::status_label(l)].into(),
                spans![t(
                    l,
                    "Maximum the state must provide, at least",
                    "Maximum que l'État doit prévoir, au moins"
                )]
                .into(),
                spans![t(
                    l,
                    "Elements not yet established",
                    "Éléments non encore établis"
                )]
                .into(),
                spans![text::verification_label(l)].into(),
            ]),
            rows: i
                .obligations
                .iter()
                .map(|q| obligation_row(q, html))
                .collect(),
            ..Table::default()
        }));
    }
    for r in &i.state_readings {
        reading(o, r, l, html);
    }
}

fn obligation_row(q: &QualSection, html: bool) -> Vec<Cell> {
    let open = q
        .elements
        .iter()
        .filter(|e| e.status != ElementStatus::Met)
        .map(|e| e.label.as_str());
    let penalty = spans![q.penalty.as_ref().map(|p| p.text.as_str()).unwrap_or("—")];
    if !html {
        return row([
            spans![format!("{} ({})", q.citation, q.title)],
            spans![format!("{} {}", mark(q.status), q.status_text)],
            penalty,
            spans![open.collect::<Vec<_>>().join("; ")],
            spans![&q.verification_text],
        ]);
    }
    let mut elements = Vec::new();
    for (n, e) in open.enumerate() {
        if n > 0 {
            elements.push(Span::Break);
        }
        elements.push(format!("? {e}").into());
    }
    if elements.is_empty() {
        elements.push("—".into());
    }
    vec![
        Cell::head(spans![
            &q.citation,
            Span::Break,
            styled(Tone::Faint, spans![&q.title])
        ]),
        spans![badge(q.status, &q.status_text)].into(),
        penalty.into(),
        Cell::toned(CellTone::Small, elements),
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

/// The instrument read for one state: the obligations engaged and the shortfalls.
fn reading(o: &mut Vec<Block>, r: &StateReadingSection, l: &str, html: bool) {
    o.push(Block::heading(
        4,
        spans![format!("{} {}", t(l, "Read for", "Lu pour"), r.state)],
    ));
    if r.obligations.is_empty() {
        o.push(Block::para(spans![t(
            l,
            "No obligation engaged.",
            "Aucune obligation en jeu."
        )]));
    }
    let at_least = t(l, "maximum required at least", "maximum requis d'au moins");
    let shortfall = t(l, "Shortfall", "Manquement");
    let mut list = List::new(ListKind::Tight);
    for ob in &r.obligations {
        list.push(if html {
            let mut line = spans![
                badge(ob.status, &ob.status_text),
                format!(" {}", ob.citation)
            ];
            if let Some(f) = &ob.floor_text {
                line.push(format!(" — {at_least} {f}").into());
            }
            line
        } else {
            let floor = ob
                .floor_text
                .as_ref()
                .map(|f| format!("; {at_least} {f}"))
                .unwrap_or_default();
            spans![format!(
                "{} {} — {}{floor}",
                mark(ob.status),
                ob.citation,
                ob.status_text
            )]
        });
    }
    let shortfalls = r
        .shortfalls
        .iter()
        .map(|s| spans!["⚠ ", strong(spans![shortfall]), format!(": {s}")]);
    if html {
        o.push(Block::List(list));
        o.extend(shortfalls.map(|s| Block::Paragraph(Para::Warning, s)));
    } else {
        list.items.extend(shortfalls.map(Item::new));
        o.push(Block::List(list));
    }
}
