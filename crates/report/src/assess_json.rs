//! The JSON of `qualif assess` (output contract version 1: fields may be added, never
//! renamed or removed).

use qualif_analysis::concurrence::{Concurrence, Retained};
use serde_json::{Value as Json, json};

use super::{findings, words};
use qualif_engine::jurisdiction::Reach;
use qualif_engine::limitation::LimitationResult;
use qualif_engine::logic::Tri;
use qualif_engine::{Assessment, Qualification, SystemResult};
use qualif_law::facts::{Case, Vocabulary};
use qualif_law::law::{Fine, Penalty, Term};

pub const CONTRACT: u32 = 1;

/// A penalty in the contract's shape, with its text in the system's language.
pub fn penalty(p: &Penalty, lang: &str) -> Json {
    let max_fine = match &p.fine_max {
        Some(Fine::Amount { amount, currency }) => {
            json!({ "amount": amount, "currency": currency })
        }
        _ => Json::Null,
    };
    let mut out = json!({
        "max_prison_months": p.prison_max.months(),
        "min_prison_months": p.prison_min.and_then(Term::months),
        "life": p.prison_max == Term::Life,
        "max_fine": max_fine,
        "minimum_status": p.minimum_status,
        "text": words::penalty(p, lang),
        "prison_max_known": p.prison_max != Term::Unknown,
        "fine_known": !matches!(p.fine_max, Some(Fine::Unknown)),
        "custody": p.custody,
    });
    if let Some(note) = &p.minimum_note {
        out["minimum_note"] = json!(note);
    }
    if let Some(proc_) = &p.procedure {
        out["procedure"] = json!(proc_);
    }
    if !p.procedures.is_empty() {
        out["procedures"] = Json::Array(p.procedures.iter().map(|pr| penalty(pr, lang)).collect());
    }
    out
}

/// A provision's title: French, English, the original, and the other languages its system
/// declares.
pub fn title_json(t: &qualif_law::law::Title) -> Json {
    let mut out = json!({ "fr": t.fr, "en": t.en, "original": t.original });
    for (lang, text) in &t.other {
        out[lang.as_str()] = json!(text);
    }
    out
}

/// An element's result; `"presumed": true` when it rests on a presumed fact.
fn element(e: &qualif_engine::ElementResult) -> Json {
    let mut out = json!({ "id": e.id, "label": crate::findings::element_label_json(&e.label), "status": e.status, "condition": e.condition });
    if e.presumed {
        out["presumed"] = json!(true);
    }
    out
}

pub fn qualification(q: &Qualification, lang: &str) -> Json {
    let prov = q.provision;
    let title = title_json(&prov.title);
    let (version, verification, sources, notes, last_verified) = match q.version {
        Some(v) => (
            json!({ "in_force_from": v.from, "in_force_to": v.to }),
            json!(q.verification().map(|v| v.as_str())),
            json!(v.sources),
            json!(v.notes),
            json!(v.last_verified),
        ),
        None => (Json::Null, Json::Null, json!([]), json!([]), Json::Null),
    };
    let readings: Vec<Json> = q
        .version
        .map(|v| v.readings.iter().map(|r| json!({ "penalty": penalty(&r.penalty, lang), "sources": r.sources, "note": r.note })).collect())
        .unwrap_or_default();
    json!({
        "id": prov.id,
        "citation": prov.citation,
        "title": title,
        "covers": prov.covers,
        "status": q.status,
        "version": version,
        "verification": verification,
        "sources": sources,
        "last_verified": last_verified,
        "penalty": q.penalty.as_ref().map(|p| penalty(p, lang)),
        "base_penalty": q.version.map(|v| penalty(&v.penalty, lang)),
        "penalty_if_possible_aggravations": q.penalty_if_possible_aggravations.as_ref().map(|p| penalty(p, lang)),
        "aggravations": q.aggravations.iter().map(|a| json!({
            "id": a.id, "label": a.label, "status": a.status, "condition": a.condition,
            "penalty": penalty(a.penalty, lang), "verification": a.verification.as_str(), "notes": a.notes,
        })).collect::<Vec<_>>(),
        "elements": q.elements.iter().map(element).collect::<Vec<_>>(),
        "missing_facts": q.missing_facts,
        "alternative_to": q.alternative_to,
        "absorbed_by": q.absorbed_by,
        "unless": q.unless,
        "missing_facts_for_aggravations": q.missing_for_aggravations,
        "milder_later_version": q.milder_later.as_ref().map(|m| json!({ "in_force_from": m.in_force_from, "penalty": penalty(&m.penalty, lang) })),
        "pending_reforms": q.pending.iter().map(|v| json!({
            "from": v.from, "verification": v.verification.as_str(), "notes": v.notes, "sources": v.sources,
            "penalty": penalty(&v.penalty, lang),
        })).collect::<Vec<_>>(),
        "readings": readings,
        "limitation": q.limitation.as_ref().map(limitation),
        "jurisdiction": q.reach.as_ref().map(reach),
        "attempt": prov.attempt,
        "notes": prov.notes,
        "version_notes": notes,
        "warnings": findings::warnings_en(&q.warnings),
    })
}

fn tri(t: Tri) -> Json {
    match t {
        Tri::True => json!(true),
        Tri::False => json!(false),
        Tri::Unknown => Json::Null,
    }
}

fn limitation(l: &LimitationResult) -> Json {
    json!({
        "time_barred": tri(l.barred),
        "assessed_on": l.assessed_on,
        "rule": l.rule.map(|r| json!({ "id": r.id, "citation": r.citation, "label": r.label, "starts": r.starts })),
        "regime": l.regime.map(|v| json!({ "in_force_from": v.from, "period": v.period_text, "verification": v.verification.as_str(), "sources": v.sources, "notes": v.notes })),
        "period_starts": l.start,
        "deadline": l.deadline,
        "notes": findings::limitation_notes_en(&l.notes),
    })
}

fn reach(r: &Reach) -> Json {
    json!({
        "can_prosecute": tri(r.can_prosecute),
        "grounds": r.grounds.iter().map(|g| json!({
            "id": g.rule.id, "citation": g.rule.citation, "label": g.rule.label, "basis": g.rule.basis,
            "holds": tri(g.holds), "double_criminality": g.rule.double_criminality, "conditions": g.rule.conditions,
            "verification": g.rule.verification.as_str(), "sources": g.rule.sources, "notes": g.rule.notes,
        })).collect::<Vec<_>>(),
    })
}

pub fn system(r: &SystemResult) -> Json {
    let s = r.system;
    json!({
        "id": s.id,
        "name": s.name.en,
        "names": s.name,
        "kind": s.kind,
        "language": s.language,
        "last_verified": s.last_verified,
        "notes": s.notes,
        "qualifications": r.qualifications.iter().map(|q| qualification(q, &s.language)).collect::<Vec<_>>(),
    })
}

/// The qualification a prosecutor would retain in one system, by provision id: the leading
/// one (or group of alternatives: the provision that applies first, then those that would
/// absorb it if established; `certain`, whose penalty is certain; `if_established`, whose
/// higher penalty a further fact would establish), the cumulative ones, those of the same
/// conduct, those absorbed, and, when nothing applies, the most severe possible one.
pub fn retained(c: &Concurrence, r: &SystemResult) -> Json {
    let id = |i: usize| r.qualifications[i].provision.id.as_str();
    let group = |g: &Retained| {
        json!({
            "provisions": g.members.iter().map(|&m| id(m)).collect::<Vec<_>>(),
            "certain": id(g.certain),
            "if_established": g.if_established.map(id),
        })
    };
    json!({
        "leading": c.leading.as_ref().map(group),
        "cumulative": c.cumulative.iter().map(group).collect::<Vec<_>>(),
        "same_conduct": c.same_conduct.iter().map(|&(i, by)| json!({ "provision": id(i), "as": id(by) })).collect::<Vec<_>>(),
        "absorbed": r.qualifications.iter().filter_map(|q| q.absorbed_by.as_ref().map(|by| json!({ "provision": q.provision.id, "by": by }))).collect::<Vec<_>>(),
        "possible": c.possible.map(id),
    })
}

/// The assessment; with `concurrence` (by system), each system also says what is retained.
pub fn assessment(
    a: &Assessment,
    concurrence: &[Concurrence],
    period: Option<&qualif_analysis::period::Period>,
    case: &Case,
    vocab: &Vocabulary,
) -> Json {
    let facts: serde_json::Map<String, Json> = case
        .stated(vocab)
        .filter(|(k, _)| vocab.fact(k).is_some_and(|f| !f.free_text))
        .map(|(k, v)| (k.to_string(), v.to_json()))
        .collect();
    let mut out = json!({
        "contract": CONTRACT,
        "case": {
            "date_of_facts": a.date_of_facts,
            "law_date": a.law_date,
            "warnings": findings::law_date_notices_en(&a.warnings),
            "facts": facts,
        },
        "systems": a.systems.iter().enumerate().map(|(i, r)| {
            let mut s = system(r);
            if let Some(c) = concurrence.get(i) {
                s["retained"] = retained(c, r);
            }
            s
        }).collect::<Vec<_>>(),
        "disclaimer": "Decision support, not legal advice: check every qualification against the official texts.",
    });
    // The facts presumed, when the results rely on any.
    if !a.presumed.is_empty() {
        out["case"]["presumed"] = a
            .presumed
            .iter()
            .map(|p| json!({ "fact": p.fact, "value": p.value.to_json(), "note": p.note }))
            .collect();
    }
    if let Some(p) = period {
        out["case"]["period"] = period_json(p);
    }
    out
}

/// A period of facts: for each system, what the law at the first act retained, the changes
/// within the period and the system's rule.
fn period_json(p: &qualif_analysis::period::Period) -> Json {
    use std::cmp::Ordering;
    let retained = |r: &Option<qualif_analysis::period::RetainedAt>, lang: &str| {
        r.as_ref().map(|r| {
            json!({
                "provision": r.provision.id,
                "citation": r.provision.citation,
                "penalty": r.penalty.as_ref().map(|x| penalty(x, lang)),
            })
        })
    };
    json!({
        "first_date_of_facts": p.first,
        "last_date_of_facts": p.last,
        "law_applied": "last_act",
        "systems": p.systems.iter().map(|s| json!({
            "system": s.system.id,
            "spans_a_change": s.spans_a_change(),
            "changes": s.changes,
            "at_first_act": retained(&s.at_first, &s.system.language),
            "at_last_act": retained(&s.at_last, &s.system.language),
            "first_act_penalty_is": s.first_penalty_is.map(|o| match o {
                Ordering::Less => "milder",
                Ordering::Equal => "same",
                Ordering::Greater => "more_severe",
            }),
            "first_acts_deadline": s.first_acts_deadline,
            "rule": s.rule.map(|r| json!({
                "limitation_from": r.limitation_from,
                "verification": r.verification.as_str(),
                "sources": r.sources,
                "notes": r.notes,
            })),
        })).collect::<Vec<_>>(),
    })
}
