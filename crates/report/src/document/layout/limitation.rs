//! Section 7: the grounds of jurisdiction of each system (the limitation and jurisdiction of
//! each qualification that applies are given with it, in section 3).

use super::{Block, Target, numbered};
use crate::document::blocks::*;
use crate::document::text;
use crate::document::{Document, Ground, SystemSection};

pub(super) fn section(out: &mut Vec<Block>, doc: &Document, l: &str, to: Target) {
    let _ = to;
    let mut o = Vec::new();
    {
        o.push(Block::Paragraph(
            Para::Aside,
            spans![msg!(static l, "doc-limitation-the-limitation-and-the-jurisdiction")],
        ));
    }
    for s in doc.systems.iter().filter(|s| !s.qualifications.is_empty()) {
        system(&mut o, s, l);
    }
    out.push(numbered("limitation", l, None, o));
}

fn system(o: &mut Vec<Block>, s: &SystemSection, l: &str) {
    o.push(Block::heading(3, spans![format!("{} ({})", s.name, s.id)]));
    let grounds = s.grounds_not_excluded();
    if grounds.is_empty() {
        return;
    }
    let title = msg!(static l, "doc-limitation-grounds-of-jurisdiction-that-hold");
    let holds = |g: &Ground| {
        if g.holds == Some(true) {
            msg!(static l, "doc-limitation-holds")
        } else {
            msg!(static l, "doc-limitation-depends-on-facts-not-stated")
        }
    };
    let double_criminality = msg!(static l, "doc-limitation-double-criminality-required");
    let (sep, semi) = (
        crate::catalog::label_separator(l),
        crate::catalog::list_separator(l),
    );
    {
        o.push(Block::para(spans![strong(spans![format!(
            "{title}{}",
            sep.trim_end()
        )])]));
        let mut list = List::new(ListKind::Tight);
        for g in grounds {
            let mut line = format!(
                "{} — {} ({}){sep}{}",
                g.citation,
                g.label,
                text::basis(g.basis, l),
                holds(g)
            );
            if g.double_criminality {
                line.push_str(&format!("{semi}{double_criminality}"));
            }
            for c in &g.conditions {
                line.push_str(&format!("{semi}{c}"));
            }
            line.push_str(&format!(
                "{semi}{} ",
                text::verification_code(&g.verification, l)
            ));
            list.push(spans![line, Span::Refs(g.sources.clone())]);
        }
        o.push(Block::List(list));
    }
}
