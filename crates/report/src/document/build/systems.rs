//! The national systems, the international instruments and the comparison across systems.

// The engine's findings in English, as the report had them (TODO: in the report's language).
use super::Ctx;
use super::qualification::{qual, title_of};
use crate::document::text;
use crate::document::*;
use crate::findings;
use crate::words;
use qualif_analysis::compare::{Comparison, DisparityKind};
use qualif_engine::{Assessment, Qualification, SystemResult};
use qualif_law::law::{LawBook, SystemKind, Term};

pub(super) fn counts(r: &SystemResult) -> Counts {
    let n = |s: Status| r.qualifications.iter().filter(|q| q.status == s).count();
    Counts {
        applies: n(Status::Applies),
        possible: n(Status::Possible),
        excluded: n(Status::Excluded),
    }
}

/// Applying qualifications first, then possible ones (the data's order within each).
pub(super) fn relevant<'b, 'a>(r: &'b SystemResult<'a>) -> Vec<&'b Qualification<'a>> {
    let mut qs: Vec<&Qualification> = r
        .qualifications
        .iter()
        .filter(|q| q.status != Status::Excluded)
        .collect();
    qs.sort_by_key(|q| q.status);
    qs
}

pub(super) fn system(cx: &mut Ctx, r: &SystemResult) -> SystemSection {
    let lang = cx.lang;
    let qualifications = relevant(r)
        .into_iter()
        .map(|q| qual(cx, q, &r.system.id))
        .collect();
    let status_of = |id: &str| {
        r.qualifications
            .iter()
            .find(|x| x.provision.id == id)
            .map(|x| x.status)
    };
    let excluded = r
        .qualifications
        .iter()
        .filter(|q| q.status == Status::Excluded)
        .map(|q| ExcludedLine {
            id: q.provision.id.clone(),
            citation: q.provision.citation.clone(),
            title: title_of(q, lang),
            unmet: q
                .elements
                .iter()
                .filter(|e| e.status == ElementStatus::Unmet)
                .map(|e| crate::findings::element_label(&e.label, lang).to_string())
                .collect(),
            gives_way: q.gives_way_to_applying(&status_of),
            verification: q.verification().map(|v| v.as_str().to_string()),
        })
        .collect();
    SystemSection {
        id: r.system.id.clone(),
        name: r.system.name.get(lang).to_string(),
        last_verified: r.system.last_verified,
        counts: counts(r),
        qualifications,
        excluded,
    }
}

pub(super) fn instrument(
    cx: &mut Ctx,
    a: &Assessment,
    c: &Comparison,
    r: &SystemResult,
) -> InstrumentSection {
    let lang = cx.lang;
    let s = r.system;
    let obligations = relevant(r)
        .into_iter()
        .map(|q| qual(cx, q, &s.id))
        .collect();
    let parties = s
        .parties
        .iter()
        .filter(|p| a.systems.iter().any(|x| x.system.id == p.state) && p.from <= a.law_date)
        .map(|p| Party {
            state: p.state.clone(),
            since: p.from,
            verification: p.verification.as_str().to_string(),
        })
        .collect();
    let state_readings = c
        .readings
        .iter()
        .filter(|sr| sr.instrument == s.id)
        .map(|sr| StateReadingSection {
            state: sr.state.to_string(),
            obligations: relevant(&sr.result)
                .into_iter()
                .map(|q| ObligationLine {
                    id: q.provision.id.clone(),
                    citation: q.provision.citation.clone(),
                    title: title_of(q, lang),
                    status: q.status,
                    status_text: words::status(q.status, lang).to_string(),
                    floor_text: q.penalty.as_ref().map(|p| words::term(p.prison_max, lang)),
                    minimum_max_prison_months: q
                        .penalty
                        .as_ref()
                        .and_then(|p| p.prison_max.months()),
                })
                .collect(),
            shortfalls: c
                .disparities
                .iter()
                .filter(|d| {
                    d.kind == DisparityKind::BelowMinimumStandard
                        && d.systems.iter().any(|x| x == sr.state)
                        && d.systems.iter().any(|x| x == sr.instrument)
                })
                .map(|d| findings::disparity(d, cx.lang))
                .collect(),
        })
        .collect();
    InstrumentSection {
        id: s.id.clone(),
        name: s.name.get(lang).to_string(),
        last_verified: s.last_verified,
        parties,
        obligations,
        state_readings,
    }
}

pub(super) fn comparison_section(
    cx: &mut Ctx,
    book: &LawBook,
    a: &Assessment,
    c: &Comparison,
) -> ComparisonSection {
    let lang = cx.lang;
    let conduct_label = |id: &str| {
        book.vocabulary
            .conduct(id)
            .map(|c| c.label.get(lang).to_string())
            .unwrap_or_else(|| id.to_string())
    };
    let rows = c
        .rows
        .iter()
        .map(|row| MatrixRow {
            conduct: row.conduct.clone(),
            label: conduct_label(&row.conduct),
            cells: row
                .cells
                .iter()
                .zip(&a.systems)
                .map(|(cell, r)| {
                    let q = cell.leading;
                    let p = q.and_then(|q| q.penalty.as_ref());
                    let min_text = p.and_then(|p| {
                        let min = p.prison_min.filter(|m| *m != Term::None)?;
                        let status = p
                            .minimum_status
                            .map(|s| {
                                let w = match s {
                                    qualif_law::law::MinimumStatus::InForce => {
                                        msg!(static lang, "doc-system-mandatory-in-force")
                                    }
                                    qualif_law::law::MinimumStatus::StruckDown => {
                                        msg!(static lang, "doc-system-struck-down")
                                    }
                                    qualif_law::law::MinimumStatus::Repealed => {
                                        msg!(static lang, "doc-system-repealed")
                                    }
                                    qualif_law::law::MinimumStatus::Contested => {
                                        msg!(static lang, "doc-system-contested")
                                    }
                                };
                                format!(" ({w})")
                            })
                            .unwrap_or_default();
                        Some(format!("{}{status}", words::term(min, lang)))
                    });
                    MatrixCell {
                        system: cell.system.to_string(),
                        status: match cell.status {
                            None => "not_covered".into(),
                            Some(s) => serde_json::to_value(s)
                                .ok()
                                .and_then(|v| v.as_str().map(String::from))
                                .unwrap_or_default(),
                        },
                        status_text: match cell.status {
                            None => msg!(static lang, "doc-system-not-covered").into(),
                            Some(s) => words::status(s, lang).into(),
                        },
                        provision: q.map(|q| q.provision.id.clone()),
                        citation: q.map(|q| q.provision.citation.clone()),
                        floor: r.system.kind == SystemKind::International,
                        max_text: p.map(|p| words::term(p.prison_max, lang)),
                        min_text,
                        verification: q.and_then(|q| q.verification()).map(|v| v.as_str().into()),
                    }
                })
                .collect(),
        })
        .collect();
    let disparities = c
        .disparities
        .iter()
        .map(|d| DisparityLine {
            kind: d.kind,
            kind_text: text::disparity_kind(d.kind, lang).to_string(),
            severity: d.severity,
            severity_text: text::severity(d.severity, lang).to_string(),
            systems: d.systems.clone(),
            conduct: d.conduct.clone(),
            conduct_label: d.conduct.as_deref().map(conduct_label),
            message: findings::disparity(d, cx.lang),
        })
        .collect();
    ComparisonSection {
        systems: a.systems.iter().map(|r| r.system.id.clone()).collect(),
        rows,
        disparities,
    }
}
