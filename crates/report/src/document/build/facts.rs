//! The header and the facts: the case's title, notes and dates, the facts as established and
//! the facts still unknown that would decide a qualification or an aggravation.

use crate::findings;
use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::Ctx;
use crate::document::text;
use crate::document::*;
use qualif_engine::{Assessment, ElementStatus, SystemResult};
use qualif_law::facts::{FactDef, FactType, Value};
use qualif_law::law::SystemKind;

pub(super) fn header(cx: &mut Ctx, a: &Assessment, today: NaiveDate) -> Header {
    let text_of = |key: &str| match cx.case.get(key) {
        Some(Value::Str(s)) if !cx.redact => Some(s.clone()),
        _ => None,
    };
    let title = text_of("case.title");
    let notes = text_of("case.notes");
    let mut redacted_fields = Vec::new();
    if cx.redact {
        for f in &cx.vocab.facts {
            if redacted(f) && !f.derived && cx.case.is_known(&f.key) {
                redacted_fields.push(f.label.get(cx.lang).to_string());
            }
        }
    }
    Header {
        title,
        notes,
        date_of_facts: a.date_of_facts,
        law_date: a.law_date,
        date_of_assessment: cx.case.date("case.date_of_assessment").unwrap_or(today),
        produced_on: today,
        warnings: a
            .warnings
            .iter()
            .map(|w| findings::law_date_notice(w, cx.lang))
            .collect(),
        redacted_fields,
    }
}

/// Whether `--redact` drops a fact: marked free text or identifying in the vocabulary, or
/// of a type that takes any text (a vocabulary of `--data-dir` may leave a text unmarked,
/// and a name typed there must not survive).
pub(super) fn redacted(f: &FactDef) -> bool {
    f.free_text || f.identifying || f.ty == FactType::Text
}

/// A fact's value in words: enumeration values by their labels.
pub(super) fn value_text(def: &FactDef, v: &Value, lang: &str) -> String {
    match v {
        Value::Bool(b) => text::yes_no(*b, lang).to_string(),
        Value::Int(i) => i.to_string(),
        Value::Number(n) => text::number(*n),
        Value::Between(i) => format!(
            "{} {} {} {}",
            msg!(static lang, "doc-facts-between"),
            text::number(i.above),
            msg!(static lang, "doc-facts-and"),
            text::number(i.below)
        ),
        Value::AtLeast(n) => def.at_least_word(v).map_or_else(
            || msg!(lang, "value-at-least", n = n.to_string()),
            |a| a.label.get(lang).to_string(),
        ),
        Value::Date(d) => text::date(*d, lang),
        Value::Str(s) if def.ty == FactType::Enum => def.value_label(s, lang).to_string(),
        Value::Str(s) => s.clone(),
        Value::List(items) if def.ty == FactType::EnumList => items
            .iter()
            .map(|s| def.value_label(s, lang))
            .collect::<Vec<_>>()
            .join(", "),
        Value::List(items) => items.join(", "),
    }
}

pub(super) fn facts(cx: &mut Ctx, a: &Assessment) -> Facts {
    let lang = cx.lang;
    let mut established = Vec::new();
    for f in cx.vocab.facts.iter().filter(|f| !f.derived) {
        // The title and notes are shown in the header.
        if f.key == "case.title" || f.key == "case.notes" {
            continue;
        }
        if cx.redact && redacted(f) {
            continue;
        }
        let Some(v) = cx.case.get(&f.key) else {
            continue;
        };
        established.push(FactLine {
            key: f.key.clone(),
            section: f.section().to_string(),
            section_text: text::section(f.section(), lang),
            label: f.label.get(lang).to_string(),
            value: v.to_json(),
            value_text: value_text(f, v, lang),
        });
    }
    // The union of the facts still missing, with what each would decide.
    let mut decides: BTreeMap<String, (Vec<ProvisionGroup>, Vec<ProvisionGroup>)> = BTreeMap::new();
    let add = |groups: &mut Vec<ProvisionGroup>, r: &SystemResult, id: &str| {
        let i = match groups.iter().position(|g| g.system == r.system.id) {
            Some(i) => i,
            None => {
                groups.push(ProvisionGroup {
                    system: r.system.id.clone(),
                    international: r.system.kind == SystemKind::International,
                    provisions: Vec::new(),
                });
                groups.len() - 1
            }
        };
        if !groups[i].provisions.iter().any(|p| p == id) {
            groups[i].provisions.push(id.to_string());
        }
    };
    for r in &a.systems {
        for q in r
            .qualifications
            .iter()
            .filter(|q| q.status != Status::Excluded)
        {
            // A fact matters when it decides a possible qualification that the facts
            // already engage (one of its elements is established, not presumed), or an
            // aggravation of a qualification that applies. A provision none of whose
            // elements the facts establish (images in a case that never mentions any) is
            // still in annex A, but its facts are not asked for.
            let engaged = q
                .elements
                .iter()
                .any(|e| e.status == ElementStatus::Met && !e.presumed);
            if q.status == Status::Possible && engaged {
                for k in &q.missing_facts {
                    add(
                        &mut decides.entry(k.clone()).or_default().0,
                        r,
                        &q.provision.id,
                    );
                }
            }
            if q.status != Status::Applies {
                continue;
            }
            for k in &q.missing_for_aggravations {
                add(
                    &mut decides.entry(k.clone()).or_default().1,
                    r,
                    &q.provision.id,
                );
            }
        }
    }
    let order = |k: &str| {
        cx.vocab
            .facts
            .iter()
            .position(|f| f.key == k)
            .unwrap_or(usize::MAX)
    };
    let mut unknown: Vec<UnknownFact> = decides
        .into_iter()
        .map(|(key, (decides, decides_aggravations))| UnknownFact {
            label: cx.label(&key),
            key,
            decides,
            decides_aggravations,
        })
        .collect();
    // Facts that decide a national offence first, then an international obligation only,
    // then an aggravation only.
    let rank = |u: &UnknownFact| {
        if u.decides.iter().any(|g| !g.international) {
            0
        } else if !u.decides.is_empty() {
            1
        } else {
            2
        }
    };
    unknown.sort_by_key(|u| (rank(u), order(&u.key)));
    let presumed = a
        .presumed
        .iter()
        .map(|p| findings::presumption(p, cx.vocab, lang))
        .collect();
    Facts {
        established,
        unknown,
        presumed,
    }
}
