//! `qualif law list` and `qualif law show`: the legal data as a lawyer reads it.

use comfy_table::{ContentArrangement, Table, presets};
use serde_json::{Value as Json, json};

use super::assess_json::penalty as penalty_json;
use super::words;
use qualif_law::law::{LawBook, Provision, System};

fn title<'a>(p: &'a Provision, lang: &str) -> &'a str {
    p.title.get(lang)
}

pub fn list_table(book: &LawBook, only: Option<&str>, lang: &str) -> String {
    let mut out = String::new();
    for s in book
        .systems
        .iter()
        .filter(|s| only.is_none_or(|o| o == s.id))
    {
        out.push_str(&msg!(
            lang,
            "law-list-system",
            name = s.name.get(lang),
            id = &s.id,
            provisions = s.provisions.len(),
            file = &s.file
        ));
        out.push('\n');
        let mut table = Table::new();
        table
            .load_preset(presets::UTF8_FULL_CONDENSED)
            .set_content_arrangement(ContentArrangement::Dynamic)
            .set_width(160);
        table.set_header(vec![
            msg!(static lang, "law-column-id"),
            msg!(static lang, "law-column-citation"),
            msg!(static lang, "law-column-title"),
            msg!(static lang, "law-column-versions"),
            msg!(static lang, "law-column-current-penalty"),
            msg!(static lang, "law-column-verification"),
        ]);
        for p in &s.provisions {
            let latest = p
                .versions
                .iter()
                .filter(|v| v.status == qualif_law::law::VersionStatus::InForce)
                .max_by_key(|v| v.from);
            table.add_row(vec![
                p.id.clone(),
                p.citation.clone(),
                title(p, lang).to_string(),
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
                    .map(|v| words::verification(v.verification, lang).to_string())
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
    out.push_str(&format!("{} — {}\n{}\n", p.id, p.citation, title(p, lang)));
    let line = |out: &mut String, indent: &str, label: &str, value: &str| {
        out.push_str(&format!(
            "{indent}{}\n",
            crate::catalog::labelled(lang, label, value)
        ));
    };
    if let Some(o) = &p.title.original {
        line(
            &mut out,
            "",
            msg!(static lang, "law-official-short-name"),
            o,
        );
    }
    line(
        &mut out,
        "",
        msg!(static lang, "law-system"),
        &format!("{} ({})", s.name.get(lang), s.id),
    );
    if !p.covers.is_empty() {
        line(
            &mut out,
            "",
            msg!(static lang, "law-conduct-classes"),
            &p.covers.join(", "),
        );
    }
    if let Some(a) = &p.attempt {
        line(&mut out, "", msg!(static lang, "law-attempt"), a);
    }
    for n in &p.notes {
        line(&mut out, "", msg!(static lang, "law-note"), n);
    }
    for v in &p.versions {
        out.push_str(&format!(
            "\n{} {} – {}{} [{}]\n",
            msg!(static lang, "law-version"),
            v.from,
            v.to.map(|d| d.to_string()).unwrap_or_default(),
            if v.status == qualif_law::law::VersionStatus::Pending {
                format!(" {}", msg!(static lang, "law-version-pending"))
            } else if v.to.is_none() {
                format!(" ({})", msg!(static lang, "law-version-in-force"))
            } else {
                String::new()
            },
            words::verification(v.verification, lang)
        ));
        line(
            &mut out,
            "  ",
            msg!(static lang, "law-penalty"),
            &words::penalty(&v.penalty, &s.language),
        );
        for r in &v.readings {
            line(
                &mut out,
                "  ",
                msg!(static lang, "law-other-reading"),
                &format!("{} — {}", words::penalty(&r.penalty, &s.language), r.note),
            );
        }
        out.push_str(&format!("  {}:\n", msg!(static lang, "law-elements")));
        for e in &v.elements {
            out.push_str(&format!("    - {} [{}]\n", e.label.get(lang), e.text));
        }
        for a in &v.aggravations {
            line(
                &mut out,
                "  ",
                msg!(static lang, "law-aggravation"),
                &format!(
                    "{} → {} [{}]",
                    a.label.get(lang),
                    words::penalty(&a.penalty, &s.language),
                    a.text
                ),
            );
        }
        for n in &v.notes {
            line(&mut out, "  ", msg!(static lang, "law-note"), n);
        }
        for src in &v.sources {
            line(&mut out, "  ", msg!(static lang, "law-source"), src);
        }
        if let Some(d) = v.last_verified {
            line(
                &mut out,
                "  ",
                msg!(static lang, "law-last-verified"),
                &d.to_string(),
            );
        }
    }
    out
}

pub fn system_text(s: &System, lang: &str) -> String {
    let kind = match s.kind {
        qualif_law::law::SystemKind::National => msg!(static lang, "law-kind-national"),
        qualif_law::law::SystemKind::International => msg!(static lang, "law-kind-international"),
    };
    let mut out = msg!(
        lang,
        "law-system-heading",
        name = s.name.get(lang),
        id = &s.id,
        kind = kind,
        provisions = s.provisions.len()
    );
    out.push('\n');
    out.push_str(&crate::catalog::labelled(
        lang,
        msg!(static lang, "law-file"),
        &s.file,
    ));
    out.push('\n');
    if let Some(d) = s.last_verified {
        let date = crate::catalog::date(lang, d);
        out.push_str(&crate::catalog::labelled(
            lang,
            msg!(static lang, "law-last-verified"),
            &date,
        ));
        out.push('\n');
    }
    for (k, v) in &s.parameters {
        out.push_str(&crate::catalog::labelled(lang, k, &v.to_json().to_string()));
        out.push('\n');
    }
    for p in &s.parties {
        out.push_str(&msg!(
            lang,
            "law-binds",
            state = &p.state,
            from = p.from,
            verification = words::verification(p.verification, lang)
        ));
        out.push('\n');
    }
    for n in &s.notes {
        out.push_str(&crate::catalog::labelled(
            lang,
            msg!(static lang, "law-note"),
            n,
        ));
        out.push('\n');
    }
    out
}
