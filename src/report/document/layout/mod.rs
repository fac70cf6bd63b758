//! The layout: the document model as [blocks](super::blocks), in the report's language.
//! Every heading, sentence, label and table cell of the written report is decided here,
//! once; the renderers only map the blocks to markup.
//!
//! By section of the report: the header (here), [`facts`] (1), [`systems`] and
//! [`qualification`] (2), [`international`] (3), [`comparison`] (4), [`scales`] (5),
//! [`limitation`] (6), and [`closing`] (7 to 9 and the closing line).

mod closing;
mod comparison;
mod facts;
mod international;
mod limitation;
mod qualification;
mod scales;
mod systems;

use super::Document;
use super::blocks::*;
use super::text::t;
use crate::engine::Status;

/// The report as blocks, in order.
pub fn blocks(doc: &Document) -> Vec<Block> {
    let l = doc.lang.as_str();
    let mut o = Vec::new();
    header(&mut o, doc, l);
    facts::section(&mut o, doc, l);
    systems::section(&mut o, doc, l);
    international::section(&mut o, doc, l);
    comparison::section(&mut o, doc, l);
    scales::section(&mut o, doc, l);
    limitation::section(&mut o, doc, l);
    closing::warnings(&mut o, doc, l);
    closing::sources(&mut o, doc, l);
    closing::about(&mut o, doc, l);
    o
}

/// The numbered sections of the report: their anchors and titles.
fn sections(l: &str) -> [(&'static str, &'static str); 9] {
    [
        ("facts", t(l, "The facts", "Les faits")),
        (
            "qualifications",
            t(
                l,
                "Qualifications by legal system",
                "Qualifications par système juridique",
            ),
        ),
        (
            "international",
            t(
                l,
                "International obligations engaged",
                "Obligations internationales en jeu",
            ),
        ),
        (
            "comparison",
            t(l, "Comparison across systems", "Comparaison entre systèmes"),
        ),
        (
            "scale",
            t(l, "Sentencing scale", "Barème indicatif des peines"),
        ),
        (
            "limitation",
            t(
                l,
                "Limitation and jurisdiction",
                "Prescription et compétence",
            ),
        ),
        (
            "warnings",
            t(l, "Verification warnings", "Avertissements de vérification"),
        ),
        ("sources", t(l, "Sources", "Sources")),
        (
            "about",
            t(
                l,
                "What this report is and is not",
                "Ce qu'est ce rapport, et ce qu'il n'est pas",
            ),
        ),
    ]
}

/// The heading of section `n` (1 to 9), numbered, with `count` after it when given.
fn section_heading(n: usize, l: &str, count: Option<usize>) -> Block {
    let title = sections(l)[n - 1].1;
    let text = match count {
        Some(c) => format!("{n}. {title} ({c})"),
        None => format!("{n}. {title}"),
    };
    Block::heading(2, spans![text])
}

/// The symbol of a status, before its name.
fn mark(status: Status) -> &'static str {
    match status {
        Status::Applies => "✓",
        Status::Possible => "?",
        Status::Excluded => "✗",
    }
}

fn header(o: &mut Vec<Block>, doc: &Document, l: &str) {
    let h = &doc.header;
    o.push(Block::heading(
        1,
        spans![t(
            l,
            "Report on the qualification of the facts",
            "Rapport de qualification des faits"
        )],
    ));
    if doc.redacted {
        o.push(Block::Quote(vec![spans![strong(spans![t(
            l,
            "REDACTED REPORT: the case title, the notes, free-text fields and identifying fields (dates of birth) have been removed. Ages and countries are kept.",
            "RAPPORT ANONYMISÉ : l'intitulé du dossier, les notes, les champs de texte libre et les champs identifiants (dates de naissance) ont été retirés. Les âges et les pays sont conservés."
        )])]]));
        if !h.redacted_fields.is_empty() {
            o.push(Block::Quote(vec![spans![format!(
                "{}: {}",
                t(l, "Removed", "Retirés"),
                h.redacted_fields.join(", ")
            )]]));
        }
    }
    if let Some(title) = &h.title {
        o.push(Block::Paragraph(spans![
            strong(spans![t(l, "Case", "Dossier")]),
            ": ",
            title
        ]));
    }
    let date = |d| super::text::date(d, l);
    o.push(Block::Table(Table {
        head: None,
        rows: vec![
            inline_row([
                t(l, "Date of the facts", "Date des faits").to_string(),
                h.date_of_facts
                    .map(date)
                    .unwrap_or_else(|| t(l, "not stated", "non précisée").into()),
            ]),
            inline_row([
                crate::report::words::law_applied(l).to_string(),
                date(h.law_date),
            ]),
            inline_row([
                t(l, "Limitation assessed on", "Prescription appréciée au").to_string(),
                date(h.date_of_assessment),
            ]),
            inline_row([
                t(l, "Report produced on", "Rapport produit le").to_string(),
                date(h.produced_on),
            ]),
        ],
    }));
    for w in &h.warnings {
        o.push(Block::Quote(vec![spans!["⚠ ", w]]));
    }
    if let Some(notes) = &h.notes {
        o.push(Block::Paragraph(spans![
            strong(spans![t(l, "Notes", "Notes")]),
            ":"
        ]));
        o.push(Block::Quote(notes.lines().map(|n| spans![n]).collect()));
    }
    o.push(Block::Paragraph(spans![emphasis(spans![t(
        l,
        "Decision support, not legal advice: check every qualification against the official texts (see section 9).",
        "Aide à la décision, pas un avis juridique : vérifiez chaque qualification dans les textes officiels (voir la section 9)."
    )])]));
}

/// A row of plain cells.
fn inline_row<const N: usize>(cells: [String; N]) -> Vec<Inline> {
    cells.into_iter().map(|c| spans![c]).collect()
}
