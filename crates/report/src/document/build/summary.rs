//! The summary that opens the report: per national system the qualification(s) retained
//! (the analysis's concurrence), with the penalty, the limitation and the grounds of
//! jurisdiction; the disparities that matter most; the warnings about what is retained.

use crate::document::*;
use qualif_analysis::concurrence::Concurrence;
use qualif_analysis::period::Period;
use qualif_engine::Assessment;
use qualif_law::law::SystemKind;

/// How many disparities the summary gives, the most severe first.
const DISPARITIES: usize = 5;

/// The ids of the provisions retained in each national system: the leading one (and the
/// one whose penalty is certain, when it leads a group of alternatives), then those
/// retained beside it.
pub(super) fn retained_ids(
    a: &Assessment,
    concurrence: &[Concurrence],
) -> Vec<(String, Vec<RetainedId>)> {
    a.systems
        .iter()
        .zip(concurrence)
        .filter(|(r, _)| r.system.kind == SystemKind::National)
        .map(|(r, c)| {
            let q = &r.qualifications;
            let mut ids = Vec::new();
            for g in c.leading.iter().chain(&c.cumulative) {
                ids.push(RetainedId {
                    id: q[g.members[0]].provision.id.clone(),
                    certain: q[g.certain].provision.id.clone(),
                    unless: g.members[1..]
                        .iter()
                        .map(|&m| q[m].provision.citation.clone())
                        .collect(),
                });
            }
            if ids.is_empty() {
                if let Some(p) = c.possible {
                    ids.push(RetainedId {
                        id: q[p].provision.id.clone(),
                        certain: q[p].provision.id.clone(),
                        unless: Vec::new(),
                    });
                }
            }
            (r.system.id.clone(), ids)
        })
        .collect()
}

pub(super) struct RetainedId {
    id: String,
    certain: String,
    unless: Vec<String>,
}

/// The period of facts in words (see [`PeriodSummary`]): national systems only.
pub(super) fn period(p: &Period, lang: &str) -> PeriodSummary {
    PeriodSummary {
        span: crate::retained_text::period_span(p, lang),
        systems: p
            .systems
            .iter()
            .filter(|s| s.system.kind == SystemKind::National)
            .map(|s| {
                let lines = crate::retained_text::period_lines(s, lang);
                (s.system.name.get(lang).to_string(), lines)
            })
            .collect(),
    }
}

pub(super) fn summary(
    systems: &[SystemSection],
    retained: &[(String, Vec<RetainedId>)],
    comparison: &ComparisonSection,
    warnings: &[Warning],
    period: Option<PeriodSummary>,
) -> Summary {
    let mut lines = Vec::new();
    let mut about: Vec<&str> = vec!["case"];
    for (system, ids) in retained {
        let Some(s) = systems.iter().find(|s| &s.id == system) else {
            continue;
        };
        let find = |id: &str| s.qualifications.iter().find(|q| q.id == id);
        let mut provisions = Vec::new();
        for r in ids {
            let (Some(q), Some(c)) = (find(&r.id), find(&r.certain)) else {
                continue;
            };
            about.push(&q.id);
            about.push(&c.id);
            let grounds = q
                .jurisdiction
                .iter()
                .flat_map(|j| &j.grounds)
                .filter(|g| g.holds == Some(true))
                .map(|g| g.citation.clone())
                .collect();
            provisions.push(RetainedLine {
                id: q.id.clone(),
                citation: q.citation.clone(),
                title: q.title.clone(),
                status: q.status,
                unless: r.unless.clone(),
                penalty_text: c.penalty.as_ref().map(|p| p.text.clone()),
                verification: q.verification.clone(),
                limitation_text: q.limitation.as_ref().map(|l| l.summary.clone()),
                jurisdiction_text: q.jurisdiction.as_ref().map(|j| j.summary.clone()),
                grounds,
            });
        }
        lines.push(SystemSummary {
            system: s.id.clone(),
            name: s.name.clone(),
            retained: provisions,
        });
    }
    let mut disparities: Vec<DisparityLine> = comparison.disparities.clone();
    // The most severe first; of equal severity, in the comparison's order.
    disparities.sort_by_key(|d| std::cmp::Reverse(d.severity));
    disparities.truncate(DISPARITIES);
    Summary {
        systems: lines,
        disparities,
        disparities_total: comparison.disparities.len(),
        warnings: warnings
            .iter()
            .filter(|w| about.contains(&w.about.as_str()))
            .cloned()
            .collect(),
        period,
    }
}
