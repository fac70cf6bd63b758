//! `qualif assess` for people: a table per system (comfy-table) or Markdown. The applying
//! and possible qualifications come first; doubts are marked where they matter.

use comfy_table::{Cell, ContentArrangement, Table, presets};

use super::words;
use super::{findings, retained_text};
use qualif_analysis::concurrence::Concurrence;
use qualif_analysis::period::Period;
use qualif_engine::{Assessment, ElementStatus, Qualification, Status, SystemResult};
use qualif_law::facts::Vocabulary;
use qualif_law::law::Verification;

fn verification_mark(q: &Qualification, lang: &str) -> String {
    match q.verification() {
        Some(Verification::Unverified) => msg!(static lang, "assess-unverified").to_string(),
        Some(Verification::VerifiedSecondary) => {
            msg!(static lang, "assess-secondary-sources-only").to_string()
        }
        Some(Verification::VerifiedPrimary) => {
            msg!(static lang, "assess-verified-official-text").to_string()
        }
        None => String::new(),
    }
}

fn title<'a>(q: &'a Qualification, lang: &str) -> &'a str {
    q.provision.title.get(lang)
}

fn elements_text(q: &Qualification, lang: &str) -> String {
    q.elements
        .iter()
        .map(|e| {
            let mark = match e.status {
                ElementStatus::Met => "✓",
                ElementStatus::Unmet => "✗",
                ElementStatus::Unknown => "?",
            };
            let presumed = findings::presumed_mark(e, lang);
            if presumed.is_empty() {
                format!("{mark} {}", crate::findings::element_label(&e.label, lang))
            } else {
                format!(
                    "{mark} {} {presumed}",
                    crate::findings::element_label(&e.label, lang)
                )
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn penalty_text(q: &Qualification, system_lang: &str, lang: &str) -> String {
    let mut out = q
        .penalty
        .as_ref()
        .map(|p| words::penalty(p, system_lang))
        .unwrap_or_default();
    let applied: Vec<&str> = q
        .aggravations
        .iter()
        .filter(|a| a.status == Status::Applies)
        .map(|a| a.label.get(lang))
        .collect();
    if !applied.is_empty() {
        out.push('\n');
        out.push_str(&crate::catalog::labelled(
            lang,
            msg!(static lang, "assess-aggravated"),
            &applied.join(crate::catalog::list_separator(lang)),
        ));
    }
    if let Some(p) = &q.penalty_if_possible_aggravations {
        let possible: Vec<&str> = q
            .aggravations
            .iter()
            .filter(|a| a.status == Status::Possible)
            .map(|a| a.label.get(lang))
            .collect();
        let label = format!(
            "{} {} {}",
            msg!(static lang, "assess-up-to"),
            words::penalty(p, system_lang),
            msg!(static lang, "assess-if-established"),
        );
        out.push('\n');
        out.push_str(&crate::catalog::labelled(
            lang,
            &label,
            &possible.join(crate::catalog::list_separator(lang)),
        ));
    }
    if let Some(m) = &q.milder_later {
        let label = format!(
            "{} {}",
            msg!(static lang, "assess-milder-later-law-from"),
            crate::catalog::date(lang, m.in_force_from),
        );
        out.push('\n');
        out.push_str(&crate::catalog::labelled(
            lang,
            &label,
            &words::penalty(&m.penalty, system_lang),
        ));
    }
    if let Some(v) = q.version {
        out.push_str(&format!(
            "\n{} {}",
            msg!(static lang, "assess-version-in-force-from"),
            crate::catalog::date(lang, v.from)
        ));
        if !v.readings.is_empty() {
            out.push_str(&format!(
                "\n⚠ {}",
                msg!(static lang, "assess-sources-conflict-on-this-penalty")
            ));
        }
    }
    out
}

fn heading(r: &SystemResult, lang: &str) -> String {
    let s = r.system;
    let count = |st: Status| r.qualifications.iter().filter(|q| q.status == st).count();
    format!(
        "{} ({}) — {} {}, {} {}, {} {}",
        s.name.get(lang),
        s.id,
        count(Status::Applies),
        msg!(static lang, "assess-apply"),
        count(Status::Possible),
        msg!(static lang, "assess-possible"),
        count(Status::Excluded),
        msg!(static lang, "assess-excluded"),
    )
}

fn relevant<'a, 'b>(r: &'b SystemResult<'a>, all: bool) -> Vec<&'b Qualification<'a>> {
    let mut qs: Vec<&Qualification> = r
        .qualifications
        .iter()
        .filter(|q| all || q.status != Status::Excluded)
        .collect();
    qs.sort_by_key(|q| q.status);
    qs
}

/// The assessment as terminal tables: for each system, the qualification retained first
/// (`concurrence`, by system of the assessment), then the qualifications.
pub fn table(
    a: &Assessment,
    vocab: &Vocabulary,
    concurrence: &[Concurrence],
    period: Option<&Period>,
    lang: &str,
    all: bool,
    width: usize,
) -> String {
    let mut out = String::new();
    out.push_str(&crate::catalog::labelled(
        lang,
        words::law_applied(lang),
        &crate::catalog::date(lang, a.law_date),
    ));
    out.push('\n');
    for w in &a.warnings {
        let w = findings::law_date_notice(w, lang);
        out.push_str(&format!("⚠ {w}\n"));
    }
    if let Some(p) = period {
        out.push_str(&format!("{}\n", retained_text::period_span(p, lang)));
    }
    if !a.presumed.is_empty() {
        out.push_str(&format!("{}:\n", msg!(static lang, "presumptions-heading")));
        for p in &a.presumed {
            out.push_str(&format!("  • {}\n", findings::presumption(p, vocab, lang)));
        }
    }
    for (i, r) in a.systems.iter().enumerate() {
        out.push('\n');
        out.push_str(&heading(r, lang));
        out.push('\n');
        if let Some(c) = concurrence.get(i) {
            for line in retained_text::lines(c, r, lang) {
                out.push_str(&line);
                out.push('\n');
            }
            for line in retained_text::period_of(period, i)
                .map_or_else(Vec::new, |sp| retained_text::period_lines(sp, lang))
            {
                out.push_str(&format!("  ~ {line}\n"));
            }
        }
        let qs = relevant(r, all);
        if qs.is_empty() {
            out.push_str(&format!("{}\n", msg!(lang, "assess-no-offence")));
            continue;
        }
        let mut table = Table::new();
        table
            .load_preset(presets::UTF8_FULL_CONDENSED)
            .set_content_arrangement(ContentArrangement::Dynamic)
            .set_width(u16::try_from(width).unwrap_or(u16::MAX));
        table.set_header(vec![
            msg!(static lang, "assess-status"),
            msg!(static lang, "assess-provision"),
            msg!(static lang, "assess-penalty"),
            msg!(static lang, "assess-elements"),
            msg!(static lang, "assess-still-to-establish"),
        ]);
        for q in qs {
            let mut status = words::status(q.status, lang).to_uppercase();
            if !q.alternative_to.is_empty() {
                status.push_str(&format!(
                    "\n{} {}",
                    msg!(static lang, "assess-or-else"),
                    q.alternative_to.join(", ")
                ));
            }
            let mark = verification_mark(q, lang);
            if !mark.is_empty() {
                status.push_str(&format!("\n{mark}"));
            }
            table.add_row(vec![
                Cell::new(status),
                Cell::new(format!(
                    "{}\n{}\n{}",
                    q.provision.id,
                    q.provision.citation,
                    title(q, lang)
                )),
                Cell::new(if q.status == Status::Excluded {
                    String::new()
                } else {
                    penalty_text(q, &r.system.language, lang)
                }),
                Cell::new(elements_text(q, lang)),
                Cell::new(q.missing_facts.join("\n")),
            ]);
        }
        out.push_str(&table.to_string());
        out.push('\n');
        let warnings: Vec<String> = r
            .qualifications
            .iter()
            .filter(|q| q.status != Status::Excluded)
            .flat_map(|q| &q.warnings)
            .map(|w| findings::warning(w, lang))
            .collect();
        for w in warnings {
            out.push_str(&format!("⚠ {w}\n"));
        }
        for q in r
            .qualifications
            .iter()
            .filter(|q| q.status != Status::Excluded)
        {
            for n in q.version.map(|v| v.notes.as_slice()).unwrap_or_default() {
                let note = crate::catalog::labelled(lang, &q.provision.id, n);
                out.push_str(&format!("ℹ {note}\n"));
            }
        }
        if !all {
            let excluded = r
                .qualifications
                .iter()
                .filter(|q| q.status == Status::Excluded)
                .count();
            if excluded > 0 {
                out.push_str(&format!(
                    "{excluded} {}\n",
                    msg!(static lang, "assess-others-excluded")
                ));
            }
        }
    }
    out.push_str(&format!("\n{}\n", msg!(static lang, "disclaimer")));
    super::wrap::wrap(&out, width)
}

/// The assessment as Markdown: for each system, the qualification retained first.
pub fn markdown(
    a: &Assessment,
    vocab: &Vocabulary,
    concurrence: &[Concurrence],
    period: Option<&Period>,
    lang: &str,
    all: bool,
) -> String {
    let mut out = String::new();
    out.push_str(&format!(
        "# {}\n\n",
        msg!(static lang, "assess-qualification-of-the-facts")
    ));
    let date = format!("**{}**", crate::catalog::date(lang, a.law_date));
    out.push_str(&crate::catalog::labelled(
        lang,
        words::law_applied(lang),
        &date,
    ));
    out.push_str("\n\n");
    for w in &a.warnings {
        let w = findings::law_date_notice(w, lang);
        out.push_str(&format!("> ⚠ {w}\n\n"));
    }
    if let Some(p) = period {
        out.push_str(&format!("{}\n\n", retained_text::period_span(p, lang)));
    }
    if !a.presumed.is_empty() {
        out.push_str(&format!(
            "{}:\n\n",
            msg!(static lang, "presumptions-heading")
        ));
        for p in &a.presumed {
            out.push_str(&format!("- {}\n", findings::presumption(p, vocab, lang)));
        }
        out.push('\n');
    }
    for (i, r) in a.systems.iter().enumerate() {
        out.push_str(&format!("## {}\n\n", heading(r, lang)));
        if let Some(c) = concurrence.get(i) {
            for line in retained_text::lines(c, r, lang) {
                out.push_str(&format!("> {}\n>\n", line.trim_start()));
            }
            for line in retained_text::period_of(period, i)
                .map_or_else(Vec::new, |sp| retained_text::period_lines(sp, lang))
            {
                out.push_str(&format!("> ~ {line}\n>\n"));
            }
            out.push('\n');
        }
        for q in relevant(r, all) {
            out.push_str(&format!(
                "### {} — {} ({})\n\n",
                words::status(q.status, lang).to_uppercase(),
                q.provision.citation,
                title(q, lang)
            ));
            let id = format!("`{}`", q.provision.id);
            out.push_str(&item(lang, msg!(static lang, "assess-id"), &id));
            let mark = verification_mark(q, lang);
            if !mark.is_empty() {
                out.push_str(&item(lang, msg!(static lang, "assess-verification"), &mark));
            }
            if q.status != Status::Excluded {
                let penalty = penalty_text(q, &r.system.language, lang)
                    .replace('\n', crate::catalog::list_separator(lang));
                out.push_str(&item(lang, msg!(static lang, "assess-penalty"), &penalty));
            }
            out.push_str(&item(lang, msg!(static lang, "assess-elements"), ""));
            for e in &q.elements {
                out.push_str(&format!(
                    "  - {} — {}\n",
                    crate::findings::element_label(&e.label, lang),
                    findings::element_result(e, lang)
                ));
            }
            if !q.missing_facts.is_empty() {
                let facts = q
                    .missing_facts
                    .iter()
                    .map(|m| format!("`{m}`"))
                    .collect::<Vec<_>>()
                    .join(", ");
                out.push_str(&item(
                    lang,
                    msg!(static lang, "assess-still-to-establish"),
                    &facts,
                ));
            }
            if let Some(v) = q.version {
                out.push_str(&item(
                    lang,
                    msg!(static lang, "assess-sources"),
                    &v.sources.join(", "),
                ));
            }
            for w in &q.warnings {
                let w = findings::warning(w, lang);
                out.push_str(&format!("- ⚠ {w}\n"));
            }
            if q.status != Status::Excluded {
                for n in q.version.map(|v| v.notes.as_slice()).unwrap_or_default() {
                    out.push_str(&format!("- ℹ {n}\n"));
                }
            }
            out.push('\n');
        }
    }
    out.push_str(&format!("---\n{}\n", msg!(static lang, "disclaimer")));
    out
}

/// A Markdown list item "- label: value" (a label alone, before sub-items, ends with the
/// colon).
fn item(lang: &str, label: &str, value: &str) -> String {
    format!(
        "- {}\n",
        crate::catalog::labelled(lang, label, value).trim_end()
    )
}
