//! `qualif compare`: the matrix a judge reads in one look (conduct classes as rows, systems
//! as columns, the maximum and minimum in each cell), then the disparities.

use comfy_table::{Cell as TCell, ContentArrangement, Table, presets};
use serde_json::{Value as Json, json};

use super::assess_json::{CONTRACT, penalty};
use super::words::{self, t};
use crate::compare::{Cell, Comparison, Severity};
use crate::engine::{Assessment, Status};
use crate::law::{LawBook, SystemKind, Term};

fn conduct_label(book: &LawBook, id: &str, lang: &str) -> String {
    book.vocabulary
        .conduct(id)
        .map(|c| c.label.get(lang).to_string())
        .unwrap_or_else(|| id.to_string())
}

fn cell_text(c: &Cell, kind: SystemKind, lang: &str) -> String {
    match (c.status, c.leading) {
        (None, _) => t(lang, "— not covered", "— non couvert").to_string(),
        (Some(Status::Excluded), _) => t(lang, "excluded", "exclue").to_string(),
        (Some(s), Some(q)) => {
            let p = q.penalty.as_ref();
            let max = p
                .map(|p| words::term(p.prison_max, lang))
                .unwrap_or_default();
            let mut out = match kind {
                SystemKind::International => format!(
                    "{}\n{} {max}",
                    words::status(s, lang),
                    t(lang, "floor: at least", "plancher : au moins")
                ),
                SystemKind::National => format!(
                    "{}\n{} {max}",
                    words::status(s, lang),
                    t(lang, "max", "max.")
                ),
            };
            if let Some(min) = p.and_then(|p| p.prison_min).filter(|m| *m != Term::None) {
                let status = p
                    .and_then(|p| p.minimum_status)
                    .map(|s| {
                        format!(
                            " ({})",
                            serde_json::to_value(s)
                                .ok()
                                .and_then(|v| v.as_str().map(String::from))
                                .unwrap_or_default()
                                .replace('_', " ")
                        )
                    })
                    .unwrap_or_default();
                out.push_str(&format!("\nmin {}{status}", words::term(min, lang)));
            }
            out.push_str(&format!("\n{}", q.provision.id));
            out
        }
        (Some(s), None) => words::status(s, lang).to_string(),
    }
}

fn severity(s: Severity, lang: &str) -> &'static str {
    match (s, lang == "fr") {
        (Severity::Major, false) => "MAJOR",
        (Severity::Major, true) => "MAJEURE",
        (Severity::Warning, false) => "warning",
        (Severity::Warning, true) => "attention",
        (Severity::Info, _) => "info",
    }
}

pub fn table(book: &LawBook, a: &Assessment, c: &Comparison, lang: &str) -> String {
    let mut out = format!("{}: {}\n", words::law_applied(lang), a.law_date);
    for w in &a.warnings {
        let w = super::findings::law_date_notice(w, lang);
        out.push_str(&format!("⚠ {w}\n"));
    }
    if c.rows.is_empty() {
        out.push_str(t(
            lang,
            "\nNo offence applies or remains possible in any system on these facts.\n",
            "\nAucune infraction n'est applicable ni possible sur ces faits, dans aucun système.\n",
        ));
    } else {
        let mut table = Table::new();
        table
            .load_preset(presets::UTF8_FULL_CONDENSED)
            .set_content_arrangement(ContentArrangement::Dynamic)
            .set_width(170);
        let mut header = vec![TCell::new(t(lang, "Conduct", "Comportement"))];
        header.extend(a.systems.iter().map(|r| TCell::new(&r.system.id)));
        table.set_header(header);
        for row in &c.rows {
            let mut cells = vec![TCell::new(conduct_label(book, &row.conduct, lang))];
            for (cell, r) in row.cells.iter().zip(&a.systems) {
                cells.push(TCell::new(cell_text(cell, r.system.kind, lang)));
            }
            table.add_row(cells);
        }
        out.push('\n');
        out.push_str(&table.to_string());
        out.push('\n');
    }
    out.push_str(&format!(
        "\n{} ({}):\n",
        t(lang, "Disparities", "Disparités"),
        c.disparities.len()
    ));
    if c.disparities.is_empty() {
        out.push_str(t(
            lang,
            "none: these facts are treated alike in the systems compared.\n",
            "aucune : ces faits sont traités de la même façon dans les systèmes comparés.\n",
        ));
    }
    for d in &c.disparities {
        let kind = serde_json::to_value(d.kind)
            .ok()
            .and_then(|v| v.as_str().map(String::from))
            .unwrap_or_default();
        out.push_str(&format!(
            "- [{}] {kind} ({}): {}\n",
            severity(d.severity, lang),
            d.systems.join(" / "),
            super::findings::disparity(d, lang)
        ));
    }
    out.push_str(&format!("\n{}\n", t(lang, "Decision support, not legal advice: check every qualification against the official texts.", "Aide à la décision, pas un avis juridique : vérifiez chaque qualification dans les textes officiels.")));
    out
}

pub fn markdown(book: &LawBook, a: &Assessment, c: &Comparison, lang: &str) -> String {
    let mut out = format!(
        "# {}\n\n{}: **{}**\n\n",
        t(
            lang,
            "Cross-border comparison",
            "Comparaison entre systèmes"
        ),
        words::law_applied(lang),
        a.law_date
    );
    if !c.rows.is_empty() {
        out.push_str(&format!("| {} |", t(lang, "Conduct", "Comportement")));
        for r in &a.systems {
            out.push_str(&format!(" {} |", r.system.id));
        }
        out.push_str("\n|---|");
        out.push_str(&"---|".repeat(a.systems.len()));
        out.push('\n');
        for row in &c.rows {
            out.push_str(&format!("| {} |", conduct_label(book, &row.conduct, lang)));
            for (cell, r) in row.cells.iter().zip(&a.systems) {
                out.push_str(&format!(
                    " {} |",
                    cell_text(cell, r.system.kind, lang).replace('\n', "<br>")
                ));
            }
            out.push('\n');
        }
    }
    out.push_str(&format!(
        "\n## {}\n\n",
        t(lang, "Disparities", "Disparités")
    ));
    if c.disparities.is_empty() {
        out.push_str(t(
            lang,
            "None: these facts are treated alike in the systems compared.\n",
            "Aucune : ces faits sont traités de la même façon dans les systèmes comparés.\n",
        ));
    }
    for d in &c.disparities {
        out.push_str(&format!(
            "- **{}** — {}\n",
            severity(d.severity, lang),
            super::findings::disparity(d, lang)
        ));
    }
    out
}

pub fn json(_book: &LawBook, a: &Assessment, c: &Comparison) -> Json {
    json!({
        "contract": CONTRACT,
        "case": { "date_of_facts": a.date_of_facts, "law_date": a.law_date, "warnings": super::findings::law_date_notices_en(&a.warnings) },
        "disparities": c.disparities.iter().map(super::findings::disparity_json).collect::<Vec<_>>(),
        "matrix": c.rows.iter().map(|row| json!({
            "conduct": row.conduct,
            "cells": row.cells.iter().zip(&a.systems).map(|(cell, r)| json!({
                "system": cell.system,
                "status": cell.status.map(|s| json!(s)).unwrap_or(json!("not_covered")),
                "provision": cell.leading.map(|q| q.provision.id.clone()),
                "citation": cell.leading.map(|q| q.provision.citation.clone()),
                "verification": cell.leading.and_then(|q| q.verification()).map(|v| v.as_str()),
                "penalty": cell.leading.and_then(|q| q.penalty.as_ref()).map(|p| penalty(p, &r.system.language)),
            })).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "state_readings": c.readings.iter().map(|s| json!({
            "instrument": s.instrument,
            "state": s.state,
            "obligations_engaged": s.result.qualifications.iter().filter(|q| q.status != Status::Excluded).map(|q| json!({
                "id": q.provision.id, "status": q.status, "minimum_max_prison_months": q.penalty.as_ref().and_then(|p| p.prison_max.months()),
            })).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
    })
}
