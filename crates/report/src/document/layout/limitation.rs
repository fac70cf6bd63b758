//! Section 7: the grounds of jurisdiction of each system (the limitation and jurisdiction of
//! each qualification that applies are given with it, in section 3).

use super::{Block, Target, numbered};
use crate::document::blocks::*;
use crate::document::text::{self, t};
use crate::document::{Document, Ground, SystemSection};

pub(super) fn section(out: &mut Vec<Block>, doc: &Document, l: &str, to: Target) {
    let _ = to;
    let mut o = Vec::new();
    {
        o.push(Block::Paragraph(
            Para::Aside,
            spans![t(
                l,
                "The limitation and the jurisdiction of each qualification that applies are given with it in section 3 (the JSON report gives them for the qualifications still possible too). Interruptions and suspensions of limitation are not taken into account. The grounds of jurisdiction of each system:",
                "La prescription et la compétence de chaque qualification applicable sont données avec elle à la section 3 (le rapport JSON les donne aussi pour les qualifications encore possibles). Les actes interruptifs et causes de suspension de la prescription ne sont pas pris en compte. Les chefs de compétence de chaque système :"
            )],
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
    let title = t(
        l,
        "Grounds of jurisdiction that hold or may hold",
        "Chefs de compétence établis ou possibles",
    );
    let holds = |g: &Ground| {
        if g.holds == Some(true) {
            t(l, "holds", "établi")
        } else {
            t(
                l,
                "depends on facts not stated",
                "dépend de faits non renseignés",
            )
        }
    };
    let double_criminality = t(
        l,
        "double criminality required",
        "double incrimination exigée",
    );
    {
        o.push(Block::para(spans![strong(spans![format!("{title}:")])]));
        let mut list = List::new(ListKind::Tight);
        for g in grounds {
            let mut line = format!(
                "{} — {} ({}): {}",
                g.citation,
                g.label,
                text::basis(g.basis, l),
                holds(g)
            );
            if g.double_criminality {
                line.push_str(&format!("; {double_criminality}"));
            }
            for c in &g.conditions {
                line.push_str(&format!("; {c}"));
            }
            line.push_str(&format!(
                "; {} ",
                text::verification_code(&g.verification, l)
            ));
            list.push(spans![line, Span::Refs(g.sources.clone())]);
        }
        o.push(Block::List(list));
    }
}
