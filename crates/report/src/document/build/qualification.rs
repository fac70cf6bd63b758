//! One provision (or obligation) for the facts: its version, penalty, aggravations and
//! elements, its limitation and the grounds of jurisdiction.

// The engine's findings in English, as the report had them (TODO: in the report's language).
use crate::findings;
use chrono::NaiveDate;

use super::Ctx;
use crate::document::text;
use crate::document::*;
use crate::words;
use qualif_engine::Qualification;
use qualif_engine::jurisdiction::Reach;
use qualif_engine::limitation::{DateRange, Deadline, LimitationResult};
use qualif_engine::logic::Tri;
use qualif_law::law::{LimitationStart, Penalty, Term, Verification};

pub(super) fn penalty_info(p: &Penalty, lang: &str) -> PenaltyInfo {
    PenaltyInfo {
        text: words::penalty(p, lang),
        max_prison_months: p.prison_max.months(),
        min_prison_months: p.prison_min.and_then(Term::months),
        life: p.prison_max == Term::Life,
        max_known: p.prison_max != Term::Unknown,
        minimum_status: p.minimum_status,
    }
}

pub(super) fn version_text(from: NaiveDate, to: Option<NaiveDate>, lang: &str) -> String {
    match to {
        Some(to) => format!(
            "{} {} {} {}",
            msg!(static lang, "doc-qualification-in-force-from"),
            text::date(from, lang),
            msg!(static lang, "doc-qualification-to"),
            text::date(to, lang)
        ),
        None => format!("{} {}", text::in_force_from(lang), text::date(from, lang)),
    }
}

/// How a limitation deadline is told: already passed, still to come, or either.
#[derive(Clone, Copy)]
enum Tense {
    Ended,
    Bars,
    Ends,
}

pub(super) fn limitation(cx: &mut Ctx, l: &LimitationResult) -> LimitationInfo {
    let lang = cx.lang;
    let starts = l.rule.map(|r| r.starts);
    let withheld = cx.redact
        && starts == Some(LimitationStart::Majority)
        && cx.case.is_known("victim.birth_date");
    // The deadline as a whole clause: ended (past), bars (future, when the case is still
    // open) or ends (when whether it is barred depends on the exact date of birth).
    let when = |r: &DateRange, tense: Tense| {
        let (from, to) = (r.earliest, r.latest);
        match (withheld, from == to, tense) {
            (true, ..) => msg!(lang, "doc-qualification-date-withheld-in-this-redacted"),
            (_, true, Tense::Ended) => msg!(lang, "doc-limitation-ended-on", date = from),
            (_, true, Tense::Bars) => msg!(lang, "doc-limitation-bars-after", date = from),
            (_, true, Tense::Ends) => msg!(lang, "doc-limitation-ends-on", date = from),
            (_, false, Tense::Ended) => {
                msg!(lang, "doc-limitation-ended-between", from = from, to = to)
            }
            (_, false, Tense::Bars) => {
                msg!(lang, "doc-limitation-bars-between", from = from, to = to)
            }
            (_, false, Tense::Ends) => {
                msg!(lang, "doc-limitation-ends-between", from = from, to = to)
            }
        }
    };
    let cannot = msg!(static lang, "doc-qualification-cannot-be-computed-from-the");
    let summary = match (&l.deadline, l.barred) {
        _ if l.rule.is_none() => cannot.to_string(),
        (Deadline::Never, _) => {
            msg!(static lang, "doc-qualification-not-time-barred-imprescriptible").to_string()
        }
        (Deadline::On(r), Tri::True) => {
            msg!(lang, "doc-limitation-barred", when = when(r, Tense::Ended))
        }
        (Deadline::On(r), Tri::False) => msg!(
            lang,
            "doc-limitation-open",
            today = l.assessed_on,
            when = when(r, Tense::Bars)
        ),
        (Deadline::On(r), Tri::Unknown) => {
            msg!(lang, "doc-limitation-depends", when = when(r, Tense::Ends))
        }
        (Deadline::Unknown, _) => cannot.to_string(),
    };
    let mut sources = Vec::new();
    if let (Some(rule), Some(v)) = (l.rule, l.regime) {
        sources = cx.sources.cite(&v.sources, v.last_verified, &rule.id);
        if v.verification != Verification::VerifiedPrimary {
            cx.warn(
                &rule.id,
                format!(
                    "{} ({} {}){}{}",
                    rule.citation,
                    msg!(static lang, "doc-qualification-limitation-regime-of"),
                    text::date(v.from, lang),
                    crate::catalog::label_separator(lang),
                    text::verification(Some(v.verification), lang)
                ),
            );
        }
    }
    LimitationInfo {
        time_barred: text::tri_bool(l.barred),
        summary,
        rule_citation: l.rule.map(|r| r.citation.clone()),
        rule_label: l.rule.map(|r| r.label.get(lang).to_string()),
        period_text: l.regime.map(|v| v.period_text.clone()),
        regime_from: l.regime.map(|v| v.from),
        verification: l.regime.map(|v| v.verification.as_str().to_string()),
        starts,
        period_starts: if withheld { None } else { l.start },
        deadline: match &l.deadline {
            Deadline::On(r) if !withheld => Some(*r),
            _ => None,
        },
        never: matches!(l.deadline, Deadline::Never),
        dates_withheld: withheld,
        assessed_on: l.assessed_on,
        notes: l
            .notes
            .iter()
            .map(|n| findings::limitation_note(n, cx.lang))
            .collect(),
        sources,
    }
}

pub(super) fn jurisdiction(cx: &mut Ctx, r: &Reach) -> JurisdictionInfo {
    let lang = cx.lang;
    let holding: Vec<String> = r
        .grounds
        .iter()
        .filter(|g| g.holds == Tri::True)
        .map(|g| format!("{} ({})", g.rule.label.get(lang), g.rule.citation))
        .collect();
    let summary = match r.can_prosecute {
        Tri::True => format!(
            "{} {}",
            msg!(static lang, "doc-qualification-yes-on"),
            holding.join(crate::catalog::list_separator(lang))
        ),
        Tri::False => {
            msg!(static lang, "doc-qualification-no-ground-of-jurisdiction-holds").to_string()
        }
        Tri::Unknown if r.grounds.is_empty() => {
            msg!(static lang, "doc-qualification-unknown-no-jurisdiction-rule-in").to_string()
        }
        Tri::Unknown => {
            msg!(static lang, "doc-qualification-unknown-depends-on-facts-not").to_string()
        }
    };
    let mut grounds = Vec::new();
    for g in &r.grounds {
        let sources = cx
            .sources
            .cite(&g.rule.sources, g.rule.last_verified, &g.rule.id);
        if g.holds != Tri::False && g.rule.verification != Verification::VerifiedPrimary {
            cx.warn(
                &g.rule.id,
                format!(
                    "{} ({}){}{}",
                    g.rule.citation,
                    text::jurisdiction_word(lang),
                    crate::catalog::label_separator(lang),
                    text::verification(Some(g.rule.verification), lang)
                ),
            );
        }
        grounds.push(Ground {
            id: g.rule.id.clone(),
            citation: g.rule.citation.clone(),
            label: g.rule.label.get(lang).to_string(),
            basis: g.rule.basis,
            holds: text::tri_bool(g.holds),
            holds_text: text::tri(g.holds, lang).to_string(),
            double_criminality: g.rule.double_criminality,
            conditions: g.rule.conditions.clone(),
            verification: g.rule.verification.as_str().to_string(),
            sources,
        });
    }
    JurisdictionInfo {
        can_prosecute: text::tri_bool(r.can_prosecute),
        summary,
        grounds,
    }
}

pub(super) fn title_of(q: &Qualification, lang: &str) -> String {
    q.provision.title.get(lang).to_string()
}

pub(super) fn qual(cx: &mut Ctx, q: &Qualification, system: &str) -> QualSection {
    let lang = cx.lang;
    let id = &q.provision.id;
    let v = q.version;
    let mut sources = Vec::new();
    let mut notes = Vec::new();
    if let Some(v) = v {
        sources = cx.sources.cite(&v.sources, v.last_verified, id);
        notes.extend(v.notes.iter().cloned());
    }
    notes.extend(q.provision.notes.iter().cloned());
    let aggravations: Vec<AggravationLine> = q
        .aggravations
        .iter()
        .filter(|a| a.status != Status::Excluded)
        .map(|a| {
            if let Some(def) = v.and_then(|v| v.aggravations.iter().find(|x| x.id == a.id)) {
                let refs = cx
                    .sources
                    .cite(&def.sources, v.and_then(|v| v.last_verified), id);
                for n in refs {
                    if !sources.contains(&n) {
                        sources.push(n);
                    }
                }
            }
            AggravationLine {
                id: a.id.to_string(),
                label: a.label.get(lang).to_string(),
                status: a.status,
                status_text: words::status(a.status, lang).to_string(),
                penalty_text: words::penalty(a.penalty, lang),
                sets_penalty: a.status == Status::Applies && q.penalty.as_ref() == Some(a.penalty),
                verification: a.verification.as_str().to_string(),
                notes: a.notes.to_vec(),
            }
        })
        .collect();
    let readings = v
        .map(|v| {
            v.readings
                .iter()
                .map(|r| Reading {
                    penalty_text: words::penalty(&r.penalty, lang),
                    note: r.note.clone(),
                    sources: cx.sources.cite(&r.sources, v.last_verified, id),
                })
                .collect::<Vec<_>>()
        })
        .unwrap_or_default();
    if !readings.is_empty() {
        cx.warn(
            id,
            crate::catalog::labelled(
                lang,
                id,
                msg!(static lang, "doc-qualification-the-sources-conflict-on-this"),
            ),
        );
    }
    for w in &q.warnings {
        cx.warn(id, findings::warning(w, cx.lang));
    }
    let pending_reforms = q
        .pending
        .iter()
        .map(|p| OtherVersion {
            in_force_from: p.from,
            penalty_text: words::penalty(&p.penalty, lang),
            verification: p.verification.as_str().to_string(),
            notes: p.notes.clone(),
        })
        .collect();
    let limitation = q.limitation.as_ref().map(|l| limitation(cx, l));
    let jurisdiction = q.reach.as_ref().map(|r| jurisdiction(cx, r));
    let status_text = words::status(q.status, lang).to_string();
    QualSection {
        id: id.clone(),
        system: system.to_string(),
        citation: q.provision.citation.clone(),
        title: title_of(q, lang),
        title_original: q.provision.title.original.clone(),
        status: q.status,
        status_text,
        alternative_to: q.alternative_to.clone(),
        version: v.map(|v| VersionInfo {
            in_force_from: v.from,
            in_force_to: v.to,
            last_verified: v.last_verified,
            text: version_text(v.from, v.to, lang),
        }),
        verification: q.verification().map(|v| v.as_str().to_string()),
        verification_text: text::verification(q.verification(), lang),
        penalty: q.penalty.as_ref().map(|p| penalty_info(p, lang)),
        base_penalty_text: v.map(|v| words::penalty(&v.penalty, lang)),
        penalty_if_possible_aggravations_text: q
            .penalty_if_possible_aggravations
            .as_ref()
            .map(|p| words::penalty(p, lang)),
        aggravations,
        elements: q
            .elements
            .iter()
            .map(|e| ElementLine {
                id: e.id.to_string(),
                label: crate::findings::element_label(&e.label, lang).to_string(),
                status: e.status,
                presumed: e.presumed,
                status_text: crate::findings::element_result(e, lang).to_string(),
            })
            .collect(),
        missing_facts: q.missing_facts.clone(),
        missing_facts_for_aggravations: q.missing_for_aggravations.clone(),
        milder_later_version: q.milder_later.as_ref().map(|m| OtherVersion {
            in_force_from: m.in_force_from,
            penalty_text: words::penalty(&m.penalty, lang),
            verification: String::new(),
            notes: Vec::new(),
        }),
        pending_reforms,
        readings,
        limitation,
        jurisdiction,
        notes,
        warnings: q
            .warnings
            .iter()
            .map(|w| findings::warning(w, cx.lang))
            .collect(),
        sources,
    }
}
