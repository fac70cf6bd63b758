//! Section 6: limitation and jurisdiction, for each qualification that applies or remains
//! possible, and the grounds of jurisdiction of each system.

use super::{Block, Target, mark, numbered, verification};
use crate::report::document::blocks::*;
use crate::report::document::text::{self, t};
use crate::report::document::{Document, Ground, QualSection, SystemSection};

pub(super) fn section(out: &mut Vec<Block>, doc: &Document, l: &str, to: Target) {
    let html = to == Target::Html;
    let mut o = Vec::new();
    if html {
        o.push(Block::Paragraph(
            Para::Aside,
            spans![t(
                l,
                "For each qualification that applies or remains possible. Interruptions and suspensions of limitation are not taken into account.",
                "Pour chaque qualification applicable ou encore possible. Les actes interruptifs et causes de suspension de la prescription ne sont pas pris en compte."
            )],
        ));
    }
    for s in doc.systems.iter().filter(|s| !s.qualifications.is_empty()) {
        system(&mut o, s, l, html);
    }
    out.push(numbered(6, l, None, o));
}

fn system(o: &mut Vec<Block>, s: &SystemSection, l: &str, html: bool) {
    o.push(Block::heading(3, spans![format!("{} ({})", s.name, s.id)]));
    o.push(Block::Table(Table {
        head: Some(vec![
            spans![text::provision_label(l)].into(),
            spans![text::limitation_label(l)].into(),
            spans![t(
                l,
                "Can the state prosecute?",
                "L'État peut-il poursuivre ?"
            )]
            .into(),
        ]),
        rows: s
            .qualifications
            .iter()
            .map(|q| if html { html_row(q) } else { markdown_row(q) })
            .collect(),
        ..Table::default()
    }));
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
    if !html {
        o.push(Block::para(spans![format!("{title}:")]));
        let mut list = List::default();
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
        return;
    }
    o.push(Block::Table(Table {
        caption: Some(spans![strong(spans![title])]),
        head: Some(vec![
            spans![t(l, "Ground", "Chef de compétence")].into(),
            spans![t(l, "Basis", "Fondement")].into(),
            spans![t(l, "On these facts", "Sur ces faits")].into(),
            spans![t(l, "Conditions", "Conditions")].into(),
            spans![text::verification_label(l)].into(),
        ]),
        rows: grounds
            .into_iter()
            .map(|g| {
                let mut conditions = Vec::new();
                let all = g
                    .double_criminality
                    .then_some(double_criminality)
                    .into_iter()
                    .chain(g.conditions.iter().map(String::as_str));
                for (i, c) in all.enumerate() {
                    if i > 0 {
                        conditions.push(Span::Break);
                    }
                    conditions.push(c.into());
                }
                if conditions.is_empty() {
                    conditions.push("—".into());
                }
                let m = if g.holds == Some(true) { "✓" } else { "?" };
                vec![
                    Cell::head(spans![
                        &g.citation,
                        Span::Break,
                        styled(Tone::Faint, spans![&g.label])
                    ]),
                    spans![text::basis(g.basis, l)].into(),
                    spans![format!("{m} {}", holds(g))].into(),
                    Cell::toned(CellTone::Small, conditions),
                    Cell::toned(
                        CellTone::Small,
                        spans![
                            verification(
                                Some(&g.verification),
                                text::verification_code(&g.verification, l)
                            ),
                            " ",
                            Span::Refs(g.sources.clone())
                        ],
                    ),
                ]
            })
            .collect(),
        ..Table::default()
    }));
}

fn markdown_row(q: &QualSection) -> Vec<Cell> {
    let lim = q
        .limitation
        .as_ref()
        .map(|x| match (&x.rule_citation, &x.period_text) {
            (Some(c), Some(p)) => format!("{} — {c}: {p}", x.summary),
            _ => x.summary.clone(),
        })
        .unwrap_or_else(|| "—".into());
    let jur = q
        .jurisdiction
        .as_ref()
        .map(|j| j.summary.clone())
        .unwrap_or_else(|| "—".into());
    vec![
        spans![format!("{} {}", mark(q.status), q.citation)].into(),
        spans![lim].into(),
        spans![jur].into(),
    ]
}

fn html_row(q: &QualSection) -> Vec<Cell> {
    let lim = match &q.limitation {
        Some(x) => {
            let mut lim = if x.time_barred == Some(true) {
                spans![Span::Alarm(spans![format!("⚠ {}", x.summary)])]
            } else {
                spans![&x.summary]
            };
            if let (Some(c), Some(p)) = (&x.rule_citation, &x.period_text) {
                let unverified = x
                    .verification
                    .as_deref()
                    .filter(|v| *v != "verified-primary")
                    .map(|v| format!(" — ⚠ {v}"))
                    .unwrap_or_default();
                lim.extend(spans![
                    Span::Break,
                    styled(Tone::Faint, spans![format!("{c}: {p}{unverified}")]),
                    " ",
                    Span::Refs(x.sources.clone())
                ]);
            }
            lim
        }
        None => spans!["—"],
    };
    let jur = match &q.jurisdiction {
        Some(j) => {
            let m = match j.can_prosecute {
                Some(true) => "✓",
                Some(false) => "✗",
                None => "?",
            };
            spans![format!("{m} {}", j.summary)]
        }
        None => spans!["—"],
    };
    vec![
        Cell::head(spans![
            &q.citation,
            Span::Break,
            styled(
                Tone::Faint,
                spans![format!("{} · ", q.status_text), code(&q.id)]
            )
        ]),
        lim.into(),
        jur.into(),
    ]
}
