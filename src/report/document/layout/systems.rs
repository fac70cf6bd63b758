//! Section 2: the leading qualification of each system, then each national system with
//! its qualifications that apply, those still possible, and the provisions excluded.

use super::{Block, Target, badge, numbered, qualification, row};
use crate::engine::Status;
use crate::report::document::blocks::*;
use crate::report::document::text::{self, t};
use crate::report::document::{Document, QualSection, SystemSection};
use crate::report::words;

pub(super) fn section(out: &mut Vec<Block>, doc: &Document, l: &str, to: Target) {
    let mut o = Vec::new();
    penalty_overview(&mut o, doc, l, to);
    for s in &doc.systems {
        system(&mut o, s, l, to);
    }
    out.push(numbered(2, l, None, o));
}

fn penalty_overview(o: &mut Vec<Block>, doc: &Document, l: &str, to: Target) {
    let html = to == Target::Html;
    let bars = &doc.charts.penalties;
    if bars.is_empty() {
        return;
    }
    if html {
        o.push(Block::Figure {
            chart: Chart::Penalties(bars.clone()),
            caption: t(
                l,
                "Qualification retained in each system: what a prosecutor would charge once subsidiarity, alternatives and participation are resolved, with its certain maximum; when nothing applies, the most severe possible one (dashed). Penalties as applicable to these facts, aggravations included.",
                "Qualification retenue dans chaque système : ce qu'un procureur retiendrait une fois la subsidiarité, les alternatives et la participation résolues, avec son maximum certain ; à défaut, la plus sévère des possibles (en pointillé). Peines applicables à ces faits, aggravations comprises.",
            )
            .to_string(),
        });
    } else {
        o.push(Block::para(spans![t(
            l,
            "Qualification retained in each system (what a prosecutor would charge once subsidiarity, alternatives and participation are resolved, with its certain maximum; when nothing applies, the most severe possible one):",
            "Qualification retenue dans chaque système (ce qu'un procureur retiendrait une fois la subsidiarité, les alternatives et la participation résolues, avec son maximum certain ; à défaut, la plus sévère des possibles) :"
        )]));
    }
    let provision = if html {
        t(l, "Qualification retained", "Qualification retenue")
    } else {
        text::provision_label(l)
    };
    o.push(Block::Table(Table {
        head: Some(vec![
            spans![t(l, "System", "Système")].into(),
            spans![provision].into(),
            spans![text::status_label(l)].into(),
            spans![t(l, "Maximum", "Maximum")].into(),
            spans![t(l, "Minimum", "Minimum")].into(),
        ]),
        rows: bars
            .iter()
            .map(|b| {
                let status = |s| words::status(s, l);
                if html {
                    row([
                        spans![format!("{} ({})", b.system_name, b.system)],
                        match &b.citation {
                            Some(c) => {
                                let mut s = spans![
                                    c,
                                    Span::Break,
                                    code(b.provision.as_deref().unwrap_or(""))
                                ];
                                if !b.unless.is_empty() {
                                    s.push(Span::Break);
                                    s.push(
                                        msg!(
                                            l,
                                            "retained-unless",
                                            provisions = b.unless.join(", ")
                                        )
                                        .into(),
                                    );
                                }
                                s
                            }
                            None => spans!["—"],
                        },
                        spans![b.status.map(|s| badge(s, status(s))).unwrap_or("—".into())],
                        spans![&b.max_text],
                        spans![b.min_text.as_deref().unwrap_or("—")],
                    ])
                } else {
                    row([
                        spans![&b.system_name],
                        match (&b.citation, b.unless.is_empty()) {
                            (Some(c), false) => spans![format!(
                                "{c} ({})",
                                msg!(l, "retained-unless", provisions = b.unless.join(", "))
                            )],
                            (c, _) => spans![c.as_deref().unwrap_or("—")],
                        },
                        spans![b.status.map(status).unwrap_or("—")],
                        spans![&b.max_text],
                        spans![b.min_text.as_deref().unwrap_or("—")],
                    ])
                }
            })
            .collect(),
        ..Table::default()
    }));
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

fn system(o: &mut Vec<Block>, s: &SystemSection, l: &str, to: Target) {
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
    for (status, name) in text::qualification_lists(l) {
        let qs: Vec<&QualSection> = s
            .qualifications
            .iter()
            .filter(|q| q.status == status)
            .collect();
        b.push(Block::heading(4, spans![name]));
        if qs.is_empty() {
            b.push(Block::para(spans![text::none_feminine(l)]));
        }
        if html && status == Status::Possible && !qs.is_empty() {
            b.push(Block::Paragraph(
                Para::Aside,
                spans![t(
                    l,
                    "Possible: no element is unmet, but at least one depends on a fact not stated. They are not charges: each needs the facts listed under “still to establish”.",
                    "Possible : aucun élément n'est exclu, mais au moins un dépend d'un fait non renseigné. Ce ne sont pas des chefs de poursuite : chacune suppose les faits indiqués sous « reste à établir »."
                )],
            ));
        }
        for q in qs {
            qualification::qualification(&mut b, q, l, to);
        }
    }
    if !s.excluded.is_empty() {
        excluded_table(&mut b, s, l, html);
    }
    o.push(Block::Part(Part::System(Anchor::System(s.id.clone())), b));
}

fn excluded_table(o: &mut Vec<Block>, s: &SystemSection, l: &str, html: bool) {
    o.push(Block::heading(
        4,
        spans![t(
            l,
            "Provisions excluded on these facts",
            "Dispositions exclues sur ces faits"
        )],
    ));
    let gives_way = t(
        l,
        "gives way to a principal offence that applies",
        "s'efface devant une infraction principale applicable",
    );
    o.push(Block::Table(Table {
        head: Some(vec![
            spans![text::provision_label(l)].into(),
            spans![t(l, "Element not met", "Élément non établi")].into(),
            spans![text::verification_label(l)].into(),
        ]),
        rows: s
            .excluded
            .iter()
            .map(|e| {
                let why = e.unmet.join("; ");
                if html {
                    let mut why = spans![format!("✗ {why}")];
                    if e.gives_way {
                        why.extend(spans![" ", emphasis(spans![format!("({gives_way})")])]);
                    }
                    let verification = match e.verification.as_deref() {
                        Some(v @ "verified-primary") => {
                            spans![format!("✓ {}", text::verification_code(v, l))]
                        }
                        Some(v) => spans![styled(
                            Tone::Warn,
                            spans![format!("⚠ {}", text::verification_code(v, l))]
                        )],
                        None => spans!["—"],
                    };
                    vec![
                        Cell::head(spans![
                            &e.citation,
                            Span::Break,
                            styled(Tone::Faint, spans![&e.title])
                        ]),
                        why.into(),
                        Cell::toned(CellTone::Small, verification),
                    ]
                } else {
                    let why = if e.gives_way {
                        format!("{why} ({gives_way})")
                    } else {
                        why
                    };
                    row([
                        spans![format!("{} ({})", e.citation, e.title)],
                        spans![why],
                        spans![
                            e.verification
                                .as_deref()
                                .map(|v| text::verification_code(v, l))
                                .unwrap_or("—")
                        ],
                    ])
                }
            })
            .collect(),
        ..Table::default()
    }));
}
