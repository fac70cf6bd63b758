//! The threshold explorer's ladder in words: a table (80 columns, one system per column)
//! with the thresholds under it, and its JSON (contract 1, described in README.md).

use comfy_table::{Cell as TCell, ContentArrangement, Table, presets};
use serde_json::{Value as Json, json};

use super::assess_json::{CONTRACT, penalty};
use super::words;
use qualif_analysis::compare::floor::FloorStatus;
use qualif_analysis::explore::{Answer, Change, Ladder, SpecError, Threshold};
use qualif_law::facts::{FactType, Value, Vocabulary, format_date};
use qualif_law::law::{Penalty, Provision, Term};

/// Why a `--vary` text was refused, in `lang`.
pub fn spec_error(e: &SpecError, lang: &str) -> String {
    match e {
        SpecError::UnknownFact { fact } => msg!(lang, "explore-unknown-fact", fact = fact),
        SpecError::DerivedFact { fact } => msg!(lang, "explore-derived-fact", fact = fact),
        SpecError::BadRange { spec, fact } => {
            msg!(lang, "explore-bad-range", spec = spec, fact = fact)
        }
        SpecError::TooMany { max } => msg!(lang, "explore-too-many", max = *max as i64),
        SpecError::UnsupportedType { fact } => {
            msg!(lang, "explore-unsupported-type", fact = fact)
        }
    }
}

/// A provision as a narrow column names it: its citation without the code's name and
/// without what follows in parentheses ("Code pénal, art. 222-23-1 (peine : …)" gives
/// "art. 222-23-1").
pub fn short(p: &Provision) -> &str {
    let c = p.citation.as_str();
    let c = c.split_once(", ").map_or(c, |(_, rest)| rest);
    c.split_once(" (").map_or(c, |(head, _)| head)
}

/// A value of the varied fact in words.
pub fn value_text(v: &Value, ty: FactType, key: &str, vocab: &Vocabulary, lang: &str) -> String {
    match v {
        Value::Int(i) => i.to_string(),
        Value::Number(n) => n.to_string(),
        Value::Date(d) => format_date(*d).to_string(),
        Value::Bool(b) => words::yes_no(*b, lang).to_string(),
        Value::AtLeast(n) => vocab
            .fact(key)
            .and_then(|f| f.at_least_word(v))
            .map_or_else(
                || msg!(lang, "value-at-least", n = n.to_string()),
                |a| a.label.get(lang).to_string(),
            ),
        Value::Str(s) if ty == FactType::Enum => vocab
            .fact(key)
            .map_or(s.as_str(), |f| f.value_label(s, lang))
            .to_string(),
        other => other.to_json().to_string(),
    }
}

/// A floor's status in a word.
pub fn floor_word(s: FloorStatus, lang: &str) -> &'static str {
    match s {
        FloorStatus::Met => msg!(static lang, "explore-floor-met"),
        FloorStatus::NotMet => msg!(static lang, "explore-floor-not-met"),
        FloorStatus::Undecided => msg!(static lang, "explore-floor-undecided"),
        FloorStatus::NotEngaged => msg!(static lang, "explore-floor-not-engaged"),
        FloorStatus::NotBound => msg!(static lang, "explore-floor-not-bound"),
    }
}

/// The code of a floor status in JSON.
pub fn floor_code(s: FloorStatus) -> &'static str {
    match s {
        FloorStatus::Met => "met",
        FloorStatus::NotMet => "not_met",
        FloorStatus::Undecided => "undecided",
        FloorStatus::NotEngaged => "not_engaged",
        FloorStatus::NotBound => "not_bound",
    }
}

/// "max 20 years, min 2 years", or "max 20 years".
pub fn penalty_short(p: Option<&Penalty>, lang: &str) -> String {
    let Some(p) = p else {
        return msg!(lang, "explore-no-penalty");
    };
    let max = words::term(p.prison_max, lang);
    match (p.prison_min, p.minimum_status) {
        (Some(min @ Term::Months(_)), Some(status)) => msg!(
            lang,
            "explore-cell-max-min-status",
            max = max,
            min = words::term(min, lang),
            status = words::minimum_status_short(status, lang)
        ),
        (Some(min @ Term::Months(_)), None) => msg!(
            lang,
            "explore-cell-max-min",
            max = max,
            min = words::term(min, lang)
        ),
        _ => msg!(lang, "explore-cell-max", max = max),
    }
}

/// One cell of the table: the provision retained, its penalty, the floor.
fn cell(a: &Answer, lang: &str) -> String {
    let first = match (&a.lead, a.possible) {
        (Some(l), _) => {
            let mut s = short(l.provision).to_string();
            if l.certain.id != l.provision.id {
                s.push_str(&format!(" / {}", short(l.certain)));
            }
            format!("{s}\n{}", penalty_short(l.penalty.as_ref(), lang))
        }
        (None, Some(p)) => msg!(lang, "explore-cell-possible", provision = short(p)),
        (None, None) => msg!(lang, "explore-cell-nothing"),
    };
    format!(
        "{first}\n{}",
        msg!(
            lang,
            "explore-cell-floor",
            status = floor_word(a.floor.status, lang)
        )
    )
}

/// One change at a threshold, in words.
pub fn change_text(c: &Change, lang: &str) -> String {
    let name = |p: Option<&Provision>| {
        p.map_or_else(
            || msg!(lang, "explore-nothing-certain"),
            |p| short(p).to_string(),
        )
    };
    match c {
        Change::Applies(p) => msg!(lang, "explore-change-applies", provision = short(p)),
        Change::NoLongerApplies(p) => {
            msg!(
                lang,
                "explore-change-no-longer-applies",
                provision = short(p)
            )
        }
        Change::Possible(p) => msg!(lang, "explore-change-possible", provision = short(p)),
        Change::NoLongerPossible(p) => {
            msg!(lang, "explore-change-excluded", provision = short(p))
        }
        Change::Retained { from, to } => msg!(
            lang,
            "explore-change-retained",
            from = name(*from),
            to = name(*to)
        ),
        Change::Penalty {
            provision,
            from,
            to,
        } => msg!(
            lang,
            "explore-change-penalty",
            provision = short(provision),
            from = penalty_short(from.as_ref().as_ref(), lang),
            to = penalty_short(to.as_ref().as_ref(), lang)
        ),
        Change::Version { provision, from } => msg!(
            lang,
            "explore-change-version",
            provision = short(provision),
            date = format_date(*from).to_string()
        ),
        Change::Floor { from, to } => msg!(
            lang,
            "explore-change-floor",
            from = floor_word(*from, lang),
            to = floor_word(*to, lang)
        ),
    }
}

/// A threshold in one line: "FR — at 15: art. 222-23-1 no longer applies; art. 227-25 applies".
pub fn threshold_text(l: &Ladder, t: &Threshold, vocab: &Vocabulary, lang: &str) -> String {
    let changes: Vec<String> = t.changes.iter().map(|c| change_text(c, lang)).collect();
    msg!(
        lang,
        "explore-threshold",
        system = l.systems[t.system].id.as_str(),
        at = value_text(&t.at, l.ty, &l.fact, vocab, lang),
        changes = changes.join(crate::catalog::list_separator(lang))
    )
}

/// The fact's label in `lang`.
fn label<'v>(l: &Ladder, vocab: &'v Vocabulary, lang: &str) -> &'v str {
    vocab.fact(&l.fact).map_or("", |f| f.label.get(lang))
}

/// The ladder as a table that fits 80 columns, the thresholds under it.
pub fn table(l: &Ladder, vocab: &Vocabulary, lang: &str) -> String {
    let mut out = msg!(
        lang,
        "explore-title",
        fact = label(l, vocab, lang),
        key = l.fact.as_str()
    );
    out.push('\n');
    if let Some(b) = l.replaced {
        out.push_str(&msg!(
            lang,
            "explore-replaced",
            birth = b,
            fact = l.fact.as_str()
        ));
        out.push('\n');
    }
    let mut table = Table::new();
    table
        .load_preset(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(80);
    let mut header = vec![TCell::new(&l.fact)];
    header.extend(l.systems.iter().map(|s| TCell::new(&s.id)));
    table.set_header(header);
    for row in &l.rows {
        let mut cells = vec![TCell::new(value_text(
            &row.value, l.ty, &l.fact, vocab, lang,
        ))];
        cells.extend(row.answers.iter().map(|a| TCell::new(cell(a, lang))));
        table.add_row(cells);
    }
    out.push_str(&table.to_string());
    out.push('\n');
    out.push_str(msg!(static lang, "explore-thresholds-heading"));
    out.push('\n');
    if l.thresholds.is_empty() {
        out.push_str(&format!(
            "  {}\n",
            msg!(static lang, "explore-no-threshold")
        ));
    }
    for t in &l.thresholds {
        out.push_str(&format!("  {}\n", threshold_text(l, t, vocab, lang)));
    }
    out.push_str(&msg!(
        lang,
        "explore-evaluated",
        rows = l.rows.len() as i64,
        points = l.evaluated as i64
    ));
    out.push('\n');
    out
}

fn provision_json(p: &Provision) -> Json {
    json!({ "id": p.id, "citation": p.citation, "short": short(p) })
}

fn answer_json(a: &Answer, system: &str, language: &str, lang: &str) -> Json {
    let retained = a.lead.as_ref().map(|l| {
        json!({
            "provision": provision_json(l.provision),
            "certain": provision_json(l.certain),
            "penalty": l.penalty.as_ref().map(|p| penalty(p, language)),
            "version_from": l.version_from.map(|d| format_date(d).to_string()),
            "if_established": l.if_established.map(provision_json),
            "text": penalty_short(l.penalty.as_ref(), lang),
        })
    });
    json!({
        "system": system,
        "retained": retained,
        "possible": a.possible.map(provision_json),
        "floor": {
            "status": floor_code(a.floor.status),
            "instrument": a.floor.obligation.map(|(i, _, _)| i),
            "obligation": a.floor.obligation.map(|(_, o, _)| provision_json(o)),
            "min_max_prison_months": a.floor.obligation.map(|(_, _, m)| m),
            "text": floor_word(a.floor.status, lang),
        },
    })
}

fn change_json(c: &Change, lang: &str) -> Json {
    let (kind, mut out) = match c {
        Change::Applies(p) => ("applies", json!({ "provision": provision_json(p) })),
        Change::NoLongerApplies(p) => (
            "no_longer_applies",
            json!({ "provision": provision_json(p) }),
        ),
        Change::Possible(p) => ("possible", json!({ "provision": provision_json(p) })),
        Change::NoLongerPossible(p) => ("excluded", json!({ "provision": provision_json(p) })),
        Change::Retained { from, to } => (
            "retained",
            json!({ "from": from.map(provision_json), "to": to.map(provision_json) }),
        ),
        Change::Penalty {
            provision,
            from,
            to,
        } => (
            "penalty",
            json!({
                "provision": provision_json(provision),
                "from_max_prison_months": from.as_ref().as_ref().and_then(|p| p.prison_max.months()),
                "to_max_prison_months": to.as_ref().as_ref().and_then(|p| p.prison_max.months()),
            }),
        ),
        Change::Version { provision, from } => (
            "version",
            json!({ "provision": provision_json(provision), "from": format_date(*from).to_string() }),
        ),
        Change::Floor { from, to } => (
            "floor",
            json!({ "from": floor_code(*from), "to": floor_code(*to) }),
        ),
    };
    out["kind"] = json!(kind);
    out["text"] = json!(change_text(c, lang));
    out
}

/// The ladder in JSON (see README.md, "The threshold explorer").
pub fn json(l: &Ladder, vocab: &Vocabulary, lang: &str) -> Json {
    let ty = serde_json::to_value(l.ty).unwrap_or(Json::Null);
    json!({
        "contract": CONTRACT,
        "lang": lang,
        "fact": l.fact,
        "type": ty,
        "label": label(l, vocab, lang),
        "replaced": l.replaced,
        "systems": l.systems.iter().map(|s| json!({ "id": s.id, "name": s.name.get(lang) })).collect::<Vec<_>>(),
        "rows": l.rows.iter().map(|r| json!({
            "value": r.value.to_json(),
            "value_text": value_text(&r.value, l.ty, &l.fact, vocab, lang),
            "systems": r.answers.iter().zip(&l.systems).map(|(a, s)| answer_json(a, &s.id, &s.language, lang)).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "thresholds": l.thresholds.iter().map(|t| json!({
            "system": l.systems[t.system].id,
            "before": t.before.to_json(),
            "at": t.at.to_json(),
            "at_text": value_text(&t.at, l.ty, &l.fact, vocab, lang),
            "changes": t.changes.iter().map(|c| change_json(c, lang)).collect::<Vec<_>>(),
            "text": threshold_text(l, t, vocab, lang),
        })).collect::<Vec<_>>(),
        "evaluated": l.evaluated,
    })
}
