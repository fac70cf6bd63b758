//! The data of the charts: the leading qualification of each system, and the guideline
//! range with the sentence.

use super::Ctx;
use super::scales::months_text;
use crate::document::text;
use crate::document::*;
use crate::words;
use qualif_analysis::concurrence::Concurrence;
use qualif_analysis::scale::{Proportionality, ScaleResult};
use qualif_engine::Assessment;
use qualif_law::law::{SystemKind, Term};

/// The qualification retained in each national system (see
/// [`qualif_analysis::concurrence`]): the applying provision that leads, with its group's
/// certain penalty; else the most severe possible one (labelled as such).
pub(super) fn penalty_bars(
    cx: &Ctx,
    a: &Assessment,
    concurrence: &[Concurrence],
) -> Vec<PenaltyBar> {
    let lang = cx.lang;
    a.systems
        .iter()
        .zip(concurrence)
        .filter(|(r, _)| r.system.kind == SystemKind::National)
        .map(|(r, c)| {
            let q = &r.qualifications;
            let (lead, certain, unless) = match &c.leading {
                Some(g) => (
                    Some(&q[g.members[0]]),
                    Some(&q[g.certain]),
                    g.members[1..]
                        .iter()
                        .map(|&m| q[m].provision.citation.clone())
                        .collect(),
                ),
                None => {
                    let p = c.possible.map(|i| &q[i]);
                    (p, p, Vec::new())
                }
            };
            let p = certain.and_then(|q| q.penalty.as_ref());
            PenaltyBar {
                unless,
                system: r.system.id.clone(),
                system_name: r.system.name.get(lang).to_string(),
                provision: lead.map(|q| q.provision.id.clone()),
                citation: lead.map(|q| q.provision.citation.clone()),
                status: lead.map(|q| q.status),
                max_months: p.and_then(|p| p.prison_max.months()),
                min_months: p
                    .and_then(|p| p.prison_min)
                    .and_then(Term::months)
                    .filter(|m| *m > 0.0),
                life: p.is_some_and(|p| p.prison_max == Term::Life),
                max_text: match p {
                    Some(p) => words::term(p.prison_max, lang),
                    None => msg!(static lang, "doc-charts-no-offence-applies-or-remains").into(),
                },
                min_text: p
                    .and_then(|p| p.prison_min)
                    .filter(|m| !matches!(m, Term::None))
                    .map(|m| words::term(m, lang)),
                verification: lead
                    .and_then(|q| q.verification())
                    .map(|v| v.as_str().into()),
                unconfirmed: lead
                    .map(|l| {
                        r.qualifications
                            .iter()
                            .filter(|q| {
                                q.status == l.status
                                    && q.provision.id != l.provision.id
                                    && q.penalty
                                        .as_ref()
                                        .is_some_and(|p| p.prison_max == Term::Unknown)
                            })
                            .map(|q| q.provision.id.clone())
                            .collect()
                    })
                    .unwrap_or_default(),
            }
        })
        .collect()
}

pub(super) fn scale_chart(
    lang: &str,
    official: Option<&ScaleResult>,
    extensions: &[ScaleResult],
    placement: Option<&Proportionality>,
) -> Option<ScaleChart> {
    let scale = placement
        .and_then(|p| p.against)
        .or_else(|| official.filter(|s| s.cell.is_some()))
        .or_else(|| extensions.iter().find(|e| e.cell.is_some()));
    let range = scale.and_then(|scale| {
        let cell = scale.cell?;
        let from = cell.range_from.months().unwrap_or(0.0);
        let to = scale.capped_to.or(cell.range_to.months())?;
        Some(RangeBar {
            guideline: scale.guideline.id.clone(),
            official: scale.guideline.official,
            from_months: from,
            to_months: to,
            starting_point_months: cell.starting_point.months(),
            from_text: text::sentence_value(&cell.range_from, lang),
            to_text: if scale.capped_to.is_some() {
                months_text(to, lang)
            } else {
                text::sentence_value(&cell.range_to, lang)
            },
            starting_point_text: Some(text::sentence_value(&cell.starting_point, lang)),
        })
    });
    if range.is_none() && placement.is_none() {
        return None;
    }
    Some(ScaleChart {
        range,
        sentence_months: placement.map(|p| p.sentence_months),
        sentence_text: placement.map(|p| words::months(p.sentence_months, lang)),
    })
}
