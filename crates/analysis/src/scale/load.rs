//! Loading and checking guideline files, with located errors.

use std::collections::HashSet;

use super::model::*;
use super::{
    Cell, Choice as CompiledChoice, Factor, Guideline, Maximum, ReferenceCase, Scales, Scope,
    SentenceValue,
};
use std::sync::Arc;

use qualif_engine::plan::{FreeCondition, Layout};
use qualif_law::diagnostics::quote;
use qualif_law::diagnostics::{Diagnostic, SourceText, toml_error};
use qualif_law::facts::Vocabulary;
use qualif_law::law::Term;
use qualif_law::law::checks::FileCheck;

/// The name of the file of reference cases in a guidelines folder.
pub const REFERENCE_FILE: &str = "reference-cases.toml";

pub fn load(files: &[SourceText], vocab: &Vocabulary) -> Result<Scales, Vec<Diagnostic>> {
    let mut problems = Vec::new();
    let mut scales = Scales::default();
    let layout = Layout::new(vocab);
    for src in files {
        // The grouping of countries into regions for batch analysis is not a scale.
        if std::path::Path::new(&src.name)
            .file_name()
            .is_some_and(|n| n == qualif_law::law::embedded::REGIONS_FILE)
        {
            continue;
        }
        let mut c = FileCheck::new(src, vocab);
        if src.name.ends_with(REFERENCE_FILE) {
            match qualif_law::preparsed::from_source::<ReferenceFile>(src) {
                Ok(f) => scales
                    .reference_cases
                    .extend(f.case.iter().filter_map(|r| reference(&mut c, r))),
                Err(e) => c.problems.push(
                    toml_error(src, &e)
                        .with_help("the reference-case format of guidelines/README.md"),
                ),
            }
        } else {
            match qualif_law::preparsed::from_source::<GuidelineFile>(src) {
                Ok(f) => {
                    if let Some(g) = guideline(&mut c, &f, &layout) {
                        if scales.guidelines.iter().any(|x| x.id == g.id) {
                            c.err(
                                f.guideline.id.span().start,
                                format!("guideline `{}` is defined twice", quote(&g.id)),
                            );
                        }
                        scales.guidelines.push(g);
                    }
                }
                Err(e) => c.problems.push(
                    toml_error(src, &e).with_help("the guideline format of guidelines/README.md"),
                ),
            }
        }
        problems.extend(c.problems);
    }
    if problems.is_empty() {
        Ok(scales)
    } else {
        Err(problems)
    }
}

fn value(c: &mut FileCheck, s: &toml::Spanned<String>) -> Option<SentenceValue> {
    let raw = s.get_ref().trim();
    if let Some(level) = raw.strip_prefix("co:") {
        if ["low", "medium", "high"].contains(&level) {
            return Some(SentenceValue::Community(level.to_string()));
        }
    }
    match Term::parse(raw).map(Term::months) {
        Ok(Some(m)) => Some(SentenceValue::Custody {
            months: m,
            written: raw.to_string(),
        }),
        _ => {
            c.err_help(s.span().start, format!("`{}` is not a sentence", quote(raw)), "a custodial term such as \"26w\", \"1y\", \"2y6m\", or a community order \"co:low\", \"co:medium\", \"co:high\"");
            None
        }
    }
}

fn choices(c: &mut FileCheck, raw: &[Choice], what: &str) -> Vec<CompiledChoice> {
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for ch in raw {
        if !seen.insert(ch.id.get_ref().clone()) {
            c.err(
                ch.id.span().start,
                format!("{what} `{}` is defined twice", quote(ch.id.get_ref())),
            );
        }
        if let Some(when) = c.expr(&ch.when) {
            out.push(CompiledChoice {
                id: ch.id.get_ref().clone(),
                label: ch.label.clone(),
                definition: ch.definition.clone(),
                when: FreeCondition::compile(when, c.vocab),
                notes: ch.notes.clone(),
            });
        }
    }
    out
}

fn guideline(c: &mut FileCheck, f: &GuidelineFile, layout: &Arc<Layout>) -> Option<Guideline> {
    let h = &f.guideline;
    let at = h.id.span().start;
    let sources = c.sources(
        &h.sources,
        &format!("guideline `{}`", quote(h.id.get_ref())),
        at,
    );
    if !h.official && h.rationale.is_empty() {
        c.err_help(
            at,
            format!(
                "guideline `{}` is not official but gives no rationale",
                quote(h.id.get_ref())
            ),
            "rationale = [\"why the scale is built this way\", …]",
        );
    }
    for k in &h.covers {
        if c.vocab.conduct(k.get_ref()).is_none() {
            c.err_help(
                k.span().start,
                format!("unknown conduct class `{}`", quote(k.get_ref())),
                "a conduct class declared as [[conduct]] in vocabulary.toml",
            );
        }
    }
    if h.covers.is_empty() {
        c.err_help(
            at,
            format!(
                "guideline `{}` covers no conduct class",
                quote(h.id.get_ref())
            ),
            "covers = [\"csam.possession\", …]: the conduct classes it sentences",
        );
    }
    let in_force_from = h
        .in_force_from
        .as_ref()
        .and_then(|d| c.date(d, "in_force_from"));
    let last_verified = h
        .last_verified
        .as_ref()
        .and_then(|d| c.date(d, "last_verified"));
    let categories = choices(c, &f.category, "category");
    let roles = choices(c, &f.role, "role");
    let mut cells = Vec::new();
    for cell in &f.cell {
        let cat = cell.category.get_ref();
        let role = cell.role.get_ref();
        if !categories.iter().any(|x| &x.id == cat) {
            c.err(
                cell.category.span().start,
                format!("cell names category `{}`, which is not defined", quote(cat)),
            );
        }
        if !roles.iter().any(|x| &x.id == role) {
            c.err(
                cell.role.span().start,
                format!("cell names role `{}`, which is not defined", quote(role)),
            );
        }
        if cells
            .iter()
            .any(|x: &Cell| &x.category == cat && &x.role == role)
        {
            c.err(
                cell.category.span().start,
                format!(
                    "two cells for category `{}` and role `{}`",
                    quote(cat),
                    quote(role)
                ),
            );
        }
        let srcs = c.sources(
            &cell.sources,
            &format!("cell {cat}/{role}"),
            cell.category.span().start,
        );
        let (Some(sp), Some(from), Some(to)) = (
            value(c, &cell.starting_point),
            value(c, &cell.range_from),
            value(c, &cell.range_to),
        ) else {
            continue;
        };
        if from.rank() > sp.rank() || sp.rank() > to.rank() {
            c.err(
                cell.starting_point.span().start,
                format!("cell {cat}/{role}: the starting point is not within its range"),
            );
        }
        cells.push(Cell {
            category: cat.clone(),
            role: role.clone(),
            starting_point: sp,
            range_from: from,
            range_to: to,
            verification: cell.verification,
            sources: srcs,
            notes: cell.notes.clone(),
        });
    }
    for cat in &categories {
        for role in &roles {
            if !cells
                .iter()
                .any(|x| x.category == cat.id && x.role == role.id)
            {
                c.err(
                    at,
                    format!(
                        "guideline `{}` has no cell for category `{}` and role `{}`",
                        quote(h.id.get_ref()),
                        quote(&cat.id),
                        quote(&role.id)
                    ),
                );
            }
        }
    }
    let mut factors = Vec::new();
    for fr in &f.factor {
        let when = match &fr.when {
            Some(w) => Some(FreeCondition::compile(c.expr(w)?, c.vocab)),
            None => None,
        };
        let unless = match &fr.unless {
            Some(w) => Some(FreeCondition::compile(c.expr(w)?, c.vocab)),
            None => None,
        };
        let srcs = c.sources(
            &fr.sources,
            &format!("factor `{}`", quote(fr.id.get_ref())),
            fr.id.span().start,
        );
        factors.push(Factor {
            id: fr.id.get_ref().clone(),
            kind: fr.kind,
            label: fr.label.clone(),
            when,
            unless,
            verification: fr.verification,
            sources: srcs,
            notes: fr.notes.clone(),
        });
    }
    let mut maxima = Vec::new();
    for m in &f.maximum {
        if !roles.iter().any(|x| &x.id == m.role.get_ref()) {
            c.err(
                m.role.span().start,
                format!(
                    "maximum for role `{}`, which is not defined",
                    quote(m.role.get_ref())
                ),
            );
        }
        let srcs = c.sources(&m.sources, "maximum", m.role.span().start);
        match Term::parse(m.prison_max.get_ref()) {
            Ok(t) => maxima.push(Maximum {
                role: m.role.get_ref().clone(),
                prison_max: t,
                citation: m.citation.clone(),
                verification: m.verification,
                sources: srcs,
                notes: m.notes.clone(),
            }),
            Err(e) => c.err(m.prison_max.span().start, e),
        }
    }
    let scope = match &h.scope {
        Some(s) => {
            let sources = c.sources(&s.sources, "guideline scope", s.when.span().start);
            let when = FreeCondition::compile(c.expr(&s.when)?, c.vocab);
            Some((when, s, sources))
        }
        None => None,
    };
    let mut g = Guideline {
        id: h.id.get_ref().clone(),
        official: h.official,
        status: h.status.clone(),
        name: h.name.clone(),
        jurisdiction: h.jurisdiction.clone(),
        in_force_from,
        verification: h.verification,
        sources,
        last_verified,
        method: h.method.clone(),
        rationale: h.rationale.clone(),
        maps_to: h.maps_to.clone(),
        notes: h.notes.clone(),
        covers: h.covers.iter().map(|k| k.get_ref().clone()).collect(),
        categories,
        roles,
        cells,
        factors,
        maxima,
        scope: None,
        scope_status: None,
        layout: layout.clone(),
    };
    if let Some((when, raw, sources)) = scope {
        let mut outside = g.clone();
        outside.name.fr = format!("{} — {}", g.name.fr, raw.outside.fr);
        outside.name.en = format!("{} — {}", g.name.en, raw.outside.en);
        outside.scope_status = Some(super::ScopeStatus::Outside);
        outside.categories.clear();
        outside.roles.clear();
        outside.cells.clear();
        outside.factors.clear();
        outside.maxima.clear();
        let mut unknown = g.clone();
        unknown.scope_status = Some(super::ScopeStatus::Unknown(raw.unknown.clone()));
        g.scope = Some(Box::new(Scope {
            when,
            verification: raw.verification,
            sources,
            outside,
            unknown,
        }));
    }
    Some(g)
}

fn reference(c: &mut FileCheck, r: &ReferenceRaw) -> Option<ReferenceCase> {
    let date = c.date(&r.date, "date");
    for k in &r.conduct {
        if c.vocab.conduct(k.get_ref()).is_none() {
            c.err_help(
                k.span().start,
                format!("unknown conduct class `{}`", quote(k.get_ref())),
                "a conduct class declared as [[conduct]] in vocabulary.toml",
            );
        }
    }
    let sources = c.sources(
        &r.sources,
        &format!("reference case `{}`", quote(r.id.get_ref())),
        r.id.span().start,
    );
    let months = |c: &mut FileCheck, s: &Option<toml::Spanned<String>>| -> Option<Option<f64>> {
        match s {
            None => Some(None),
            Some(s) => match Term::parse(s.get_ref()) {
                Ok(t @ (Term::Months(_) | Term::Days(_))) => Some(t.months()),
                Ok(Term::Life) => Some(Some(f64::INFINITY)),
                _ => {
                    c.err_help(
                        s.span().start,
                        format!("`{}` is not a sentence", quote(s.get_ref())),
                        "a term such as \"3y\" or \"2y6m\", or \"life\"",
                    );
                    None
                }
            },
        }
    };
    let sentence_months = months(c, &r.sentence)?;
    let suspended_months = months(c, &r.suspended)?;
    Some(ReferenceCase {
        id: r.id.get_ref().clone(),
        court: r.court.clone(),
        country: r.country.clone(),
        date: date?,
        summary: r.summary.clone(),
        conduct: r.conduct.iter().map(|k| k.get_ref().clone()).collect(),
        category: r.category.clone(),
        role: r.role.clone(),
        sentence_months,
        suspended_months,
        outcome: r.outcome,
        verification: r.verification,
        sources,
        notes: r.notes.clone(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use qualif_law::law::embedded::guideline_files;

    /// The data model of every built-in guideline file (but batch's regions, checked in
    /// batch), spans included, is the same read from its compact form as from its text.
    #[test]
    fn every_builtin_guideline_file_reads_the_same_from_its_compact_form() {
        let files = guideline_files();
        assert!(files.len() >= 3);
        for src in &files {
            if src.name.ends_with(REFERENCE_FILE) {
                qualif_law::preparsed::same_both_ways::<ReferenceFile>(src);
            } else if !src.name.ends_with(qualif_law::law::embedded::REGIONS_FILE) {
                qualif_law::preparsed::same_both_ways::<GuidelineFile>(src);
            }
        }
    }
}
