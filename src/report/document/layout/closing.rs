//! Sections 7 to 9 and the closing line: the verification warnings, the sources, what the
//! report is and is not.

use super::{Block, section_heading};
use crate::report::document::Document;
use crate::report::document::blocks::*;
use crate::report::document::text::{self, t};

pub(super) fn warnings(o: &mut Vec<Block>, doc: &Document, l: &str) {
    o.push(section_heading(7, l, Some(doc.warnings.len())));
    if doc.warnings.is_empty() {
        o.push(Block::Paragraph(spans![t(l, "None.", "Aucun.")]));
    }
    let mut list = List::default();
    for w in &doc.warnings {
        list.push(spans![format!("⚠ {}", w.text)]);
    }
    o.push(Block::List(list));
}

pub(super) fn sources(o: &mut Vec<Block>, doc: &Document, l: &str) {
    o.push(section_heading(8, l, None));
    if doc.sources.is_empty() {
        o.push(Block::Paragraph(spans![t(l, "None.", "Aucune.")]));
    }
    let mut list = List::default();
    for s in &doc.sources {
        list.items.push(Item {
            text: spans![
                Span::Url(s.url.clone()),
                format!(
                    " — {} — {}: {}",
                    text::last_verified(&s.last_verified, l),
                    t(l, "cited by", "cité par"),
                    s.cited_by.join(", ")
                )
            ],
            number: Some(s.n),
            sub: Vec::new(),
        });
    }
    o.push(Block::List(list));
}

pub(super) fn about(o: &mut Vec<Block>, doc: &Document, l: &str) {
    o.push(section_heading(9, l, None));
    for p in &doc.statement {
        o.push(Block::Paragraph(spans![p]));
    }
    o.push(Block::Colophon(spans![format!(
        "{} {} — {}",
        t(l, "Produced by", "Produit par"),
        doc.generator,
        text::date(doc.header.produced_on, l)
    )]));
}
