//! One qualification of section 2: a provision with its version, verification, penalty,
//! aggravations, elements, and what remains to establish.

use super::{Block, mark};
use crate::engine::{ElementStatus, Status};
use crate::report::document::QualSection;
use crate::report::document::blocks::*;
use crate::report::document::text::{self, t};

fn element_mark(status: ElementStatus) -> &'static str {
    match status {
        ElementStatus::Met => "✓",
        ElementStatus::Unmet => "✗",
        ElementStatus::Unknown => "?",
    }
}

pub(super) fn qualification(o: &mut Vec<Block>, q: &QualSection, l: &str) {
    o.push(Block::heading(
        5,
        spans![format!(
            "{} {} — {} ({})",
            mark(q.status),
            q.status_text.to_uppercase(),
            q.citation,
            q.title
        )],
    ));
    let mut head = List::default();
    head.push(spans![
        format!("{}: ", t(l, "Id", "Identifiant")),
        code(&q.id)
    ]);
    if !q.alternative_to.is_empty() {
        head.push(spans![format!(
            "⚠ {}: {}",
            t(
                l,
                "Either this provision or",
                "Soit cette disposition, soit"
            ),
            q.alternative_to.join(", ")
        )]);
    }
    if let Some(v) = &q.version {
        head.push(spans![format!(
            "{}: {}{}",
            t(l, "Version applied", "Version appliquée"),
            v.text,
            v.last_verified
                .map(|d| format!(
                    " ({} {})",
                    t(l, "last verified", "dernière vérification le"),
                    text::date(d, l)
                ))
                .unwrap_or_default()
        )]);
    }
    let warn = if q.verification.as_deref() == Some("verified-primary") {
        ""
    } else {
        "⚠ "
    };
    head.push(spans![format!(
        "{}: {warn}{}",
        t(l, "Verification", "Vérification"),
        q.verification_text
    )]);
    if let Some(p) = &q.penalty {
        let mut item = Item::new(spans![
            strong(spans![t(l, "Penalty", "Peine")]),
            ": ",
            &p.text
        ]);
        if q.base_penalty_text.as_deref() != Some(p.text.as_str()) {
            if let Some(b) = &q.base_penalty_text {
                item.sub.push(spans![format!(
                    "{}: {b}",
                    t(
                        l,
                        "base penalty, before aggravations",
                        "peine de base, avant aggravation"
                    )
                )]);
            }
        }
        head.items.push(item);
    }
    for a in &q.aggravations {
        let mut line = spans![format!(
            "{} {}: {} — {}",
            mark(a.status),
            t(l, "Aggravation", "Circonstance aggravante"),
            a.label,
            a.status_text
        )];
        if a.sets_penalty {
            line.extend(spans![
                " ",
                strong(spans![format!(
                    "({})",
                    t(l, "sets the penalty applied", "fixe la peine appliquée")
                )])
            ]);
        } else if a.status == Status::Applies {
            line.push(
                format!(
                    " ({})",
                    t(
                        l,
                        "superseded by a more severe aggravation",
                        "absorbée par une aggravation plus sévère"
                    )
                )
                .into(),
            );
        }
        line.push(format!(" ({})", a.penalty_text).into());
        head.push(line);
    }
    if let Some(p) = &q.penalty_if_possible_aggravations_text {
        head.push(spans![format!(
            "{}: {p}",
            t(
                l,
                "If the possible aggravations are established, up to",
                "Si les aggravations possibles sont établies, jusqu'à"
            )
        )]);
    }
    if let Some(m) = &q.milder_later_version {
        head.push(spans![format!(
            "⚠ {} {}: {}",
            t(
                l,
                "Milder later law, in force from",
                "Loi postérieure plus douce, en vigueur depuis le"
            ),
            text::date(m.in_force_from, l),
            m.penalty_text
        )]);
    }
    for p in &q.pending_reforms {
        head.push(spans![format!(
            "{} ({} {}, {}): {}",
            t(
                l,
                "Pending reform, not applied",
                "Réforme en attente, non appliquée"
            ),
            t(l, "from", "à compter du"),
            text::date(p.in_force_from, l),
            text::verification_code(&p.verification, l),
            p.penalty_text
        )]);
    }
    for r in &q.readings {
        head.push(spans![
            format!(
                "⚠ {}: {} — {} ",
                t(
                    l,
                    "Other reading of the penalty (sources conflict)",
                    "Autre lecture de la peine (sources divergentes)"
                ),
                r.penalty_text,
                r.note
            ),
            Span::Refs(r.sources.clone())
        ]);
    }
    o.push(Block::List(head));
    o.push(Block::Table(Table {
        head: Some(vec![
            spans![t(l, "Element", "Élément")],
            spans![t(l, "Status", "Statut")],
        ]),
        rows: q
            .elements
            .iter()
            .map(|e| {
                vec![
                    spans![&e.label],
                    spans![format!("{} {}", element_mark(e.status), e.status_text)],
                ]
            })
            .collect(),
    }));
    let mut rest = List::default();
    if !q.missing_facts.is_empty() {
        let mut line = spans![format!(
            "{}: ",
            t(l, "Still to establish", "Reste à établir")
        )];
        for (i, m) in q.missing_facts.iter().enumerate() {
            if i > 0 {
                line.push(", ".into());
            }
            line.push(code(m));
        }
        rest.push(line);
    }
    if let Some(lim) = &q.limitation {
        rest.push(spans![format!(
            "{}: {}",
            t(l, "Limitation", "Prescription"),
            lim.summary
        )]);
    }
    if let Some(j) = &q.jurisdiction {
        rest.push(spans![format!(
            "{}: {}",
            t(l, "Jurisdiction", "Compétence"),
            j.summary
        )]);
    }
    for w in &q.warnings {
        rest.push(spans![format!("⚠ {w}")]);
    }
    for n in &q.notes {
        rest.push(spans![format!("ℹ {n}")]);
    }
    if !q.sources.is_empty() {
        rest.push(spans![
            format!("{}: ", t(l, "Sources", "Sources")),
            Span::Refs(q.sources.clone())
        ]);
    }
    o.push(Block::List(rest));
}
