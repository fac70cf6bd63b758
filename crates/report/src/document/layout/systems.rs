//! Section 2: the leading qualification of each system, then each national system with
//! its qualifications that apply, those still possible, and the provisions excluded.

use super::{Block, Target, badge, numbered, qualification};
use crate::document::blocks::*;
use crate::document::text;
use crate::document::{Document, QualSection, SystemSection};
use qualif_engine::Status;

pub(super) fn section(out: &mut Vec<Block>, doc: &Document, l: &str, to: Target) {
    let mut o = Vec::new();
    penalty_overview(&mut o, doc, l, to);
    let mut seen = qualification::NotesSeen::default();
    for s in &doc.systems {
        seen.new_system();
        system(&mut o, doc, s, &mut seen, l, to);
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
                    "⚠ {} ",
                    crate::catalog::labelled(
                        l,
                        &b.system,
                        msg!(static l, "doc-system-other-provisions-with-the-same")
                    )
                ),
                if html { code(ids) } else { ids.into() }
            ],
        ));
    }
}

fn system(
    o: &mut Vec<Block>,
    doc: &Document,
    s: &SystemSection,
    seen: &mut qualification::NotesSeen,
    l: &str,
    to: Target,
) {
    let html = to == Target::Html;
    let mut b = vec![Block::heading(3, spans![format!("{} ({})", s.name, s.id)])];
    let possible = msg!(static l, "doc-system-possible");
    let excluded = msg!(static l, "doc-system-excluded");
    let c = &s.counts;
    b.push(if html {
        let mut p = spans![
            badge(
                Status::Applies,
                &format!("{} {}", c.applies, msg!(static l, "doc-system-apply"))
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
                        msg!(static l, "doc-system-data-last-verified"),
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
            msg!(static l, "doc-system-applicable"),
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
        qualification::qualification(&mut b, q, retained, seen, l, to);
    }
    if c.possible + c.excluded > 0 {
        b.push(Block::Paragraph(
            Para::Aside,
            spans![crate::catalog::labelled(
                l,
                &format!("{} {possible}, {} {excluded}", c.possible, c.excluded),
                msg!(static l, "doc-system-each-with-its-elements-its")
            )],
        ));
    }
    o.push(Block::Part(Part::System(Anchor::System(s.id.clone())), b));
}
