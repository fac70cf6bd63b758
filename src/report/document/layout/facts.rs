//! Section 1: the facts as established, and the facts still unknown that matter.

use super::{Block, section_heading};
use crate::report::document::Document;
use crate::report::document::blocks::*;
use crate::report::document::text::{self, t};

pub(super) fn section(o: &mut Vec<Block>, doc: &Document, l: &str) {
    o.push(section_heading(1, l, None));
    o.push(Block::heading(
        3,
        spans![t(l, "Facts as established", "Faits établis")],
    ));
    if doc.facts.established.is_empty() {
        o.push(Block::Paragraph(spans![t(
            l,
            "No fact is stated.",
            "Aucun fait n'est renseigné."
        )]));
    } else {
        o.push(Block::Table(Table {
            head: Some(vec![
                spans![t(l, "Topic", "Rubrique")],
                spans![t(l, "Fact", "Fait")],
                spans![t(l, "Value", "Valeur")],
            ]),
            rows: doc
                .facts
                .established
                .iter()
                .map(|f| {
                    vec![
                        spans![&f.section_text],
                        spans![&f.label],
                        spans![&f.value_text],
                    ]
                })
                .collect(),
        }));
    }
    o.push(Block::heading(
        3,
        spans![t(
            l,
            "Facts still unknown that matter",
            "Faits encore inconnus qui comptent"
        )],
    ));
    if doc.facts.unknown.is_empty() {
        o.push(Block::Paragraph(spans![t(
            l,
            "None: every qualification is decided by the facts given.",
            "Aucun : chaque qualification est tranchée par les faits fournis."
        )]));
        return;
    }
    o.push(Block::Paragraph(spans![t(
        l,
        "A fact not stated is unknown, never \"no\". Establishing these facts would decide the qualifications and aggravations listed.",
        "Un fait non renseigné est inconnu, jamais « non ». Établir ces faits trancherait les qualifications et circonstances aggravantes indiquées."
    )]));
    o.push(Block::Table(Table {
        head: Some(vec![
            spans![t(l, "Fact", "Fait")],
            spans![t(l, "Case-file key", "Clé du dossier")],
            spans![t(
                l,
                "Would decide the qualification",
                "Trancherait la qualification"
            )],
            spans![t(
                l,
                "Would decide an aggravation of",
                "Trancherait une aggravation de"
            )],
        ]),
        rows: doc
            .facts
            .unknown
            .iter()
            .map(|u| {
                vec![
                    spans![&u.label],
                    spans![code(&u.key)],
                    spans![text::groups(&u.decides, l)],
                    spans![text::groups(&u.decides_aggravations, l)],
                ]
            })
            .collect(),
    }));
}
