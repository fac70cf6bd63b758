//! Section 2: the leading qualification of each system, then each national system with
//! its qualifications that apply, those still possible, and the provisions excluded.

use super::{Block, Target, badge, numbered, qualification};
use crate::document::blocks::*;
use crate::document::text::{self, t};
use crate::document::{Document, QualSection, SystemSection};
use qualif_engine::Status;

pub(super) fn section(out: &mut Vec<Block>, doc: &Document, l: &str, to: Target) {
    let mut o = Vec::new();
    penalty_overview(&mut o, doc, l, to);
    for s in &doc.systems {
        system(&mut o, doc, s, l, to);
    }
    out.push(numbered("qualifications", l, None, o));
}

fn penalty_overview(o: &mut Vec<Block>, doc: &Document, l: &str, to: Target) {
    let html = to == Target::Html;
    let bars = &doc.charts.penalties;
    for b in bars.iter().filter(|b| !b.unconfirmed.is_empty()) {
        let ids = b.unconfirmed.join(", ");
        o.push(Block::Paragraph(
            Para::Warning,
            spans![
                format!(
                    "⚠ {}: {} ",
                    b.system,
                    t(
                        l,
                        "other provisions with the same status have a maximum that is not confirmed and may be higher:",
                        "d'autres dispositions de même statut ont un maximum non confirmé, peut-être plus élevé :"
                    )
                ),
                if html { code(ids) } else { ids.into() }
            ],
        ));
    }
}

fn system(o: &mut Vec<Block>, doc: &Document, s: &SystemSection, l: &str, to: Target) {
    let html = to == Target::Html;
    let mut b = vec![Block::heading(3, spans![format!("{} ({})", s.name, s.id)])];
    let possible = t(l, "possible", "possible(s)");
    let excluded = t(l, "excluded", "exclue(s)");
    let c = &s.counts;
    b.push(if html {
        let mut p = spans![
            badge(
                Status::Applies,
                &format!("{} {}", c.applies, t(l, "apply", "applicable(s)"))
            ),
            " · ",
            badge(Status::Possible, &format!("{} {possible}", c.possible)),
            " · ",
            badge(Status::Excluded, &format!("{} {excluded}", c.excluded)),
        ];
        if let Some(d) = s.last_verified {
            p.extend(spans![
                " ",
                styled(
                    Tone::Faint,
                    spans![format!(
                        "— {} {}",
                        t(l, "data last verified", "données vérifiées le"),
                        text::date(d, l)
                    )]
                )
            ]);
        }
        Block::para(p)
    } else {
        Block::para(spans![format!(
            "{} {}, {} {possible}, {} {excluded}.",
            c.applies,
            t(l, "applicable", "applicable(s)"),
            c.possible,
            c.excluded,
        )])
    });
    let [(_, applies), _] = text::qualification_lists(l);
    b.push(Block::heading(4, spans![applies]));
    let qs: Vec<&QualSection> = s
        .qualifications
        .iter()
        .filter(|q| q.status == Status::Applies)
        .collect();
    if qs.is_empty() {
        b.push(Block::para(spans![text::none_feminine(l)]));
    }
    for q in qs {
        let retained = doc
            .summary
            .systems
            .iter()
            .filter(|x| x.system == s.id)
            .flat_map(|x| &x.retained)
            .any(|r| r.id == q.id);
        qualification::qualification(&mut b, q, retained, l, to);
    }
    if c.possible + c.excluded > 0 {
        b.push(Block::Paragraph(
            Para::Aside,
            spans![format!(
                "{} {possible}, {} {excluded}: {}",
                c.possible,
                c.excluded,
                t(
                    l,
                    "each with its elements, its penalty and the facts still to establish, in annex A.",
                    "chacune avec ses éléments, sa peine et les faits restant à établir, en annexe A."
                )
            )],
        ));
    }
    o.push(Block::Part(Part::System(Anchor::System(s.id.clone())), b));
}
