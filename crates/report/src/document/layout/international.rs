//! Section 3: the international instruments, the obligations the facts engage, and the
//! instrument read for each state bound by it.

use super::{Block, Target, numbered, row, verification};
use crate::document::blocks::*;
use crate::document::text;
use crate::document::{Document, InstrumentSection, QualSection, StateReadingSection};
use qualif_engine::Status;

pub(super) fn section(out: &mut Vec<Block>, doc: &Document, l: &str, to: Target) {
    let mut o = Vec::new();
    if to == Target::Html {
        o.push(Block::Paragraph(
            Para::Aside,
            spans![msg!(static l, "doc-international-an-instrument-does-not-punish")],
        ));
    }
    if doc.international.is_empty() {
        o.push(Block::para(spans![
            msg!(static l, "doc-international-no-international-instrument-in-the")
        ]));
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
        o.push(Block::para(spans![
            msg!(static l, "doc-international-none-of-the-national-systems")
        ]));
    } else {
        let parties = i
            .parties
            .iter()
            .map(|p| {
                format!(
                    "{} ({} {})",
                    p.state,
                    msg!(static l, "doc-international-since"),
                    text::date(p.since, l)
                )
            })
            .collect::<Vec<_>>()
            .join(", ");
        o.push(Block::para(spans![crate::catalog::labelled(
            l,
            msg!(static l, "doc-international-binding-on"),
            &parties
        )]));
    }
    let applies: Vec<&QualSection> = i
        .obligations
        .iter()
        .filter(|q| q.status == Status::Applies)
        .collect();
    // An article read in two ways (below and above the age of consent) is one obligation
    // to the reader: named once.
    let mut possible: Vec<&str> = Vec::new();
    for q in i
        .obligations
        .iter()
        .filter(|q| q.status == Status::Possible)
    {
        if !possible.contains(&q.citation.as_str()) {
            possible.push(&q.citation);
        }
    }
    if i.obligations.is_empty() {
        o.push(Block::para(spans![
            msg!(static l, "doc-international-no-obligation-is-engaged-by")
        ]));
    }
    if !applies.is_empty() {
        o.push(Block::Table(Table {
            head: Some(vec![
                spans![msg!(static l, "doc-international-obligation-engaged")].into(),
                spans![msg!(static l, "doc-international-maximum-the-state-must-provide")].into(),
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
                "{} ({}){}{}.",
                msg!(static l, "doc-international-still-possible-depending-on-facts"),
                possible.len(),
                crate::catalog::label_separator(l),
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
        msg!(static l, "doc-international-read-for"),
        r.state
    )])];
    line.push(
        format!(
            "{}{} {}{}{} {possible}.",
            crate::catalog::label_separator(l),
            msg!(static l, "doc-international-applies"),
            if applies.is_empty() {
                "—".to_string()
            } else {
                applies.join(", ")
            },
            crate::catalog::list_separator(l),
            msg!(static l, "doc-international-possible"),
        )
        .into(),
    );
    o.push(Block::para(line));
    let shortfall = msg!(static l, "doc-international-shortfall");
    for s in &r.shortfalls {
        let s = spans![
            "⚠ ",
            strong(spans![shortfall]),
            format!("{}{s}", crate::catalog::label_separator(l))
        ];
        o.push(Block::Paragraph(Para::Warning, s));
    }
}
