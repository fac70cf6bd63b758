//! `qualif law list` and `qualif law show`: the legal data as a lawyer reads it.

use comfy_table::{ContentArrangement, Table, presets};
use serde_json::{Value as Json, json};

use super::assess_json::penalty as penalty_json;
use super::words;
use crate::law::{LawBook, Provision, System};

pub fn list_table(book: &LawBook, only: Option<&str>) -> String {
    let mut out = String::new();
    for s in book
        .systems
        .iter()
        .filter(|s| only.is_none_or(|o| o == s.id))
    {
        out.push_str(&format!(
            "{} ({}) — {} provisions, {}\n",
            s.name.en,
            s.id,
            s.provisions.len(),
            s.file
        ));
        let mut table = Table::new();
        table
            .load_preset(presets::UTF8_FULL_CONDENSED)
            .set_content_arrangement(ContentArrangement::Dynamic)
            .set_width(160);
        table.set_header(vec![
            "Id",
            "Citation",
            "Title",
            "Versions",
            "Current penalty",
            "Verification",
        ]);
        for p in &s.provisions {
            let latest = p
                .versions
                .iter()
                .filter(|v| v.status == crate::law::VersionStatus::InForce)
                .max_by_key(|v| v.from);
            table.add_row(vec![
                p.id.clone(),
                p.citation.clone(),
                p.title.en.clone(),
                p.versions
                    .iter()
                    .map(|v| {
                        format!(
                            "{}–{}",
                            v.from,
                            v.to.map(|d| d.to_string()).unwrap_or_default()
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("\n"),
                latest
                    .map(|v| words::penalty(&v.penalty, &s.language))
                    .unwrap_or_default(),
                latest
                    .map(|v| v.verification.as_str().to_string())
                    .unwrap_or_default(),
            ]);
        }
        out.push_str(&table.to_string());
        out.push_str("\n\n");
    }
    out
}

pub fn list_json(book: &LawBook, only: Option<&str>) -> Json {
    json!({
        "contract": super::assess_json::CONTRACT,
        "systems": book.systems.iter().filter(|s| only.is_none_or(|o| o == s.id)).map(|s| json!({
            "id": s.id, "name": s.name, "kind": s.kind, "file": s.file,
            "provisions": s.provisions.iter().map(|p| json!({ "id": p.id, "citation": p.citation, "title": {"fr": p.title.fr, "en": p.title.en, "original": p.title.original}, "covers": p.covers })).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
    })
}

pub fn provision_json(s: &System, p: &Provision) -> Json {
    json!({
        "contract": super::assess_json::CONTRACT,
        "system": s.id,
        "id": p.id,
        "citation": p.citation,
        "title": super::assess_json::title_json(&p.title),
        "covers": p.covers,
        "attempt": p.attempt,
        "notes": p.notes,
        "versions": p.versions.iter().map(|v| json!({
            "in_force_from": v.from, "in_force_to": v.to, "status": v.status,
            "verification": v.verification.as_str(), "sources": v.sources, "last_verified": v.last_verified,
            "notes": v.notes, "penalty": penalty_json(&v.penalty, &s.language),
            "elements": v.elements.iter().map(|e| json!({"id": e.id, "label": e.label, "condition": e.text})).collect::<Vec<_>>(),
            "aggravations": v.aggravations.iter().map(|a| json!({"id": a.id, "label": a.label, "condition": a.text, "penalty": penalty_json(&a.penalty, &s.language), "verification": a.verification.as_str(), "sources": a.sources, "notes": a.notes})).collect::<Vec<_>>(),
            "readings": v.readings.iter().map(|r| json!({"penalty": penalty_json(&r.penalty, &s.language), "sources": r.sources, "note": r.note})).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
    })
}

pub fn provision_text(s: &System, p: &Provision, lang: &str) -> String {
    let mut out = String::new();
    out.push_str(&format!(
        "{} — {}\n{}\n",
        p.id,
        p.citation,
        if lang == "fr" {
            &p.title.fr
        } else {
            &p.title.en
        }
    ));
    if let Some(o) = &p.title.original {
        out.push_str(&format!("Official short name: {o}\n"));
    }
    out.push_str(&format!("System: {} ({})\n", s.name.get(lang), s.id));
    if !p.covers.is_empty() {
        out.push_str(&format!("Conduct classes: {}\n", p.covers.join(", ")));
    }
    if let Some(a) = &p.attempt {
        out.push_str(&format!("Attempt: {a}\n"));
    }
    for n in &p.notes {
        out.push_str(&format!("Note: {n}\n"));
    }
    for v in &p.versions {
        out.push_str(&format!(
            "\nVersion {} – {}{} [{}]\n",
            v.from,
            v.to.map(|d| d.to_string()).unwrap_or_default(),
            if v.status == crate::law::VersionStatus::Pending {
                " PENDING, NOT IN FORCE"
            } else if v.to.is_none() {
                " (in force)"
            } else {
                ""
            },
            v.verification.as_str()
        ));
        out.push_str(&format!(
            "  Penalty: {}\n",
            words::penalty(&v.penalty, &s.language)
        ));
        for r in &v.readings {
            out.push_str(&format!(
                "  Other reading: {} — {}\n",
                words::penalty(&r.penalty, &s.language),
                r.note
            ));
        }
        out.push_str("  Elements:\n");
        for e in &v.elements {
            out.push_str(&format!("    - {} [{}]\n", e.label.get(lang), e.text));
        }
        for a in &v.aggravations {
            out.push_str(&format!(
                "  Aggravation: {} → {} [{}]\n",
                a.label.get(lang),
                words::penalty(&a.penalty, &s.language),
                a.text
            ));
        }
        for n in &v.notes {
            out.push_str(&format!("  Note: {n}\n"));
        }
        for src in &v.sources {
            out.push_str(&format!("  Source: {src}\n"));
        }
        if let Some(d) = v.last_verified {
            out.push_str(&format!("  Last verified: {d}\n"));
        }
    }
    out
}

pub fn system_text(s: &System, lang: &str) -> String {
    let mut out = format!(
        "{} ({}) — {:?}, {} provisions\nFile: {}\n",
        s.name.get(lang),
        s.id,
        s.kind,
        s.provisions.len(),
        s.file
    );
    if let Some(d) = s.last_verified {
        out.push_str(&format!("Last verified: {d}\n"));
    }
    for (k, v) in &s.parameters {
        out.push_str(&format!("{k}: {}\n", v.to_json()));
    }
    for p in &s.parties {
        out.push_str(&format!(
            "Binds {} from {} [{}]\n",
            p.state,
            p.from,
            p.verification.as_str()
        ));
    }
    for n in &s.notes {
        out.push_str(&format!("Note: {n}\n"));
    }
    out
}
