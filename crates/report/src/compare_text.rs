//! `qualif compare`: the matrix a judge reads in one look (conduct classes as rows, systems
//! as columns, the maximum and minimum in each cell), then the disparities.

use comfy_table::{Cell as TCell, ContentArrangement, Table, presets};
use serde_json::{Value as Json, json};

use super::assess_json::{CONTRACT, penalty};
use super::words;
use qualif_analysis::compare::{Cell, Comparison, DisparityKind, Severity};
use qualif_analysis::concurrence::Concurrence;
use qualif_engine::{Assessment, Status, SystemResult};
use qualif_law::law::{LawBook, SystemKind, Term};

fn conduct_label(book: &LawBook, id: &str, lang: &str) -> String {
    book.vocabulary
        .conduct(id)
        .map(|c| c.label.get(lang).to_string())
        .unwrap_or_else(|| id.to_string())
}

fn cell_text(c: &Cell, kind: SystemKind, lang: &str) -> String {
    match (c.status, c.leading) {
        (None, _) => msg!(static lang, "compare-not-covered").to_string(),
        (Some(Status::Excluded), _) => msg!(static lang, "compare-excluded").to_string(),
        (Some(s), Some(q)) => {
            let p = q.penalty.as_ref();
            let max = p
                .map(|p| words::term(p.prison_max, lang))
                .unwrap_or_default();
            let mut out = match kind {
                SystemKind::International => format!(
                    "{}\n{} {max}",
                    words::status(s, lang),
                    msg!(static lang, "compare-floor-at-least")
                ),
                SystemKind::National => format!(
                    "{}\n{} {max}",
                    words::status(s, lang),
                    msg!(static lang, "compare-max")
                ),
            };
            if let Some(min) = p.and_then(|p| p.prison_min).filter(|m| *m != Term::None) {
                let status = p
                    .and_then(|p| p.minimum_status)
                    .map(|s| format!(" ({})", words::minimum_status_short(s, lang)))
                    .unwrap_or_default();
                out.push_str(&format!(
                    "\n{} {}{status}",
                    msg!(static lang, "compare-min"),
                    words::term(min, lang)
                ));
            }
            out.push_str(&format!("\n{}", q.provision.id));
            out
        }
        (Some(s), None) => words::status(s, lang).to_string(),
    }
}

/// The first row of the matrix: what each system retains (its certain maximum and the
/// provision), before the conduct classes.
fn retained_cell(c: Option<&Concurrence>, r: &SystemResult, lang: &str) -> String {
    let Some(g) = c.and_then(|c| c.leading.as_ref()) else {
        return msg!(static lang, "compare-nothing-retained").to_string();
    };
    let q = &r.qualifications;
    let max = q[g.certain]
        .penalty
        .as_ref()
        .map(|p| words::term(p.prison_max, lang))
        .unwrap_or_default();
    // An instrument's figure is the floor the state must provide.
    let label = match r.system.kind {
        SystemKind::International => msg!(static lang, "compare-floor-at-least"),
        SystemKind::National => msg!(static lang, "compare-max"),
    };
    let mut out = format!("{label} {max}\n{}", q[g.members[0]].provision.id);
    if g.members.len() > 1 {
        let others: Vec<&str> = g.members[1..]
            .iter()
            .map(|&m| q[m].provision.id.as_str())
            .collect();
        let unless = msg!(lang, "retained-unless", provisions = others.join(", "));
        out.push_str(&format!("\n{unless}"));
    }
    out
}

fn severity(s: Severity, lang: &str) -> &'static str {
    match s {
        Severity::Major => msg!(static lang, "severity-major"),
        Severity::Warning => msg!(static lang, "severity-warning"),
        Severity::Info => msg!(static lang, "severity-info"),
    }
}

/// The kind of a disparity, as the table names it (in English, its JSON name).
fn kind(k: DisparityKind, lang: &str) -> &'static str {
    match k {
        DisparityKind::NotCriminalised => msg!(static lang, "kind-not-criminalised"),
        DisparityKind::PenaltyGap => msg!(static lang, "kind-penalty-gap"),
        DisparityKind::BelowMinimumStandard => msg!(static lang, "kind-below-minimum-standard"),
        DisparityKind::AgeThreshold => msg!(static lang, "kind-age-threshold"),
        DisparityKind::Limitation => msg!(static lang, "kind-limitation"),
        DisparityKind::JurisdictionReach => msg!(static lang, "kind-jurisdiction-reach"),
        DisparityKind::UnverifiedLaw => msg!(static lang, "kind-unverified-law"),
    }
}

/// The comparison as a terminal table: the row of what each system retains, then a row per
/// conduct class (`retained`, by system of the assessment).
pub fn table(
    book: &LawBook,
    a: &Assessment,
    retained: &[Concurrence],
    c: &Comparison,
    lang: &str,
    fit: Fit,
) -> String {
    let mut out = crate::catalog::labelled(
        lang,
        words::law_applied(lang),
        &crate::catalog::date(lang, a.law_date),
    );
    out.push('\n');
    for w in &a.warnings {
        let w = super::findings::law_date_notice(w, lang);
        out.push_str(&format!("⚠ {w}\n"));
    }
    if c.rows.is_empty() {
        out.push_str(&format!(
            "\n{}\n",
            msg!(lang, "compare-no-offence-anywhere")
        ));
    } else if !fit.wide && !fit.matrix_fits(a.systems.len()) {
        out.push('\n');
        out.push_str(&blocks(book, a, retained, c, lang));
    } else {
        let mut table = Table::new();
        table
            .load_preset(presets::UTF8_FULL_CONDENSED)
            .set_content_arrangement(ContentArrangement::Dynamic)
            .set_width(u16::try_from(fit.width).unwrap_or(u16::MAX));
        let mut header = vec![TCell::new(msg!(static lang, "compare-conduct"))];
        header.extend(a.systems.iter().map(|r| TCell::new(&r.system.id)));
        table.set_header(header);
        let mut first = vec![TCell::new(msg!(static lang, "compare-retained-row"))];
        for (i, r) in a.systems.iter().enumerate() {
            first.push(TCell::new(retained_cell(retained.get(i), r, lang)));
        }
        table.add_row(first);
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
        msg!(static lang, "compare-disparities"),
        c.disparities.len()
    ));
    if c.disparities.is_empty() {
        out.push_str(&format!("{}\n", msg!(lang, "compare-no-disparity")));
    }
    for d in &c.disparities {
        out.push_str(&format!(
            "- [{}] {} ({}){}{}\n",
            severity(d.severity, lang),
            kind(d.kind, lang),
            d.systems.join(" / "),
            crate::catalog::label_separator(lang),
            super::findings::disparity(d, lang)
        ));
    }
    out.push_str(&format!("\n{}\n", msg!(static lang, "disclaimer")));
    super::wrap::wrap(&out, fit.width)
}

/// The room the comparison has: its width in columns, and whether the matrix is forced.
#[derive(Debug, Clone, Copy)]
pub struct Fit {
    pub width: usize,
    /// `--wide`: the matrix whatever the width.
    pub wide: bool,
}

impl Fit {
    /// Whether a matrix of `systems` columns reads at this width: a conduct column of 24
    /// and at least 22 columns a system (a penalty's words wrap onto a few lines, no more).
    pub fn matrix_fits(self, systems: usize) -> bool {
        24 + 22 * systems <= self.width
    }
}

/// The comparison as one block per conduct (the matrix turned on its side), for a width
/// the matrix does not fit: the conduct, then one indented line per system.
fn blocks(
    book: &LawBook,
    a: &Assessment,
    retained: &[Concurrence],
    c: &Comparison,
    lang: &str,
) -> String {
    let id_width = a
        .systems
        .iter()
        .map(|r| r.system.id.chars().count())
        .max()
        .unwrap_or(0);
    let mut out = String::new();
    let mut block = |title: String, cells: Vec<String>| {
        out.push_str(&format!("▸ {title}\n"));
        for (r, text) in a.systems.iter().zip(cells) {
            let indent = " ".repeat(id_width + 6);
            let text = text.replace('\n', &format!("\n{indent}"));
            out.push_str(&format!("    {:<id_width$}  {text}\n", r.system.id));
        }
        out.push('\n');
    };
    block(
        msg!(lang, "compare-retained-row"),
        a.systems
            .iter()
            .enumerate()
            .map(|(i, r)| retained_cell(retained.get(i), r, lang))
            .collect(),
    );
    for row in &c.rows {
        block(
            conduct_label(book, &row.conduct, lang),
            row.cells
                .iter()
                .zip(&a.systems)
                .map(|(cell, r)| cell_text(cell, r.system.kind, lang))
                .collect(),
        );
    }
    out
}

/// The comparison as Markdown, the row of what each system retains first.
pub fn markdown(
    book: &LawBook,
    a: &Assessment,
    retained: &[Concurrence],
    c: &Comparison,
    lang: &str,
) -> String {
    let date = format!("**{}**", crate::catalog::date(lang, a.law_date));
    let mut out = format!(
        "# {}\n\n{}\n\n",
        msg!(static lang, "compare-cross-border-comparison"),
        crate::catalog::labelled(lang, words::law_applied(lang), &date),
    );
    if !c.rows.is_empty() {
        out.push_str(&format!("| {} |", msg!(static lang, "compare-conduct")));
        for r in &a.systems {
            out.push_str(&format!(" {} |", r.system.id));
        }
        out.push_str("\n|---|");
        out.push_str(&"---|".repeat(a.systems.len()));
        out.push('\n');
        out.push_str(&format!(
            "| **{}** |",
            msg!(static lang, "compare-retained-row")
        ));
        for (i, r) in a.systems.iter().enumerate() {
            out.push_str(&format!(
                " {} |",
                retained_cell(retained.get(i), r, lang).replace('\n', "<br>")
            ));
        }
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
        msg!(static lang, "compare-disparities")
    ));
    if c.disparities.is_empty() {
        out.push_str(&format!("{}\n", msg!(lang, "compare-no-disparity-capital")));
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

pub fn json(_book: &LawBook, a: &Assessment, retained: &[Concurrence], c: &Comparison) -> Json {
    json!({
        "retained": a.systems.iter().zip(retained).map(|(r, c)| {
            let mut s = super::assess_json::retained(c, r);
            s["system"] = json!(r.system.id);
            s
        }).collect::<Vec<_>>(),
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
