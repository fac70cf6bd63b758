//! Builds the document model from the engine's results. Everything legal comes from the
//! engine (statuses, penalties, limitation, jurisdiction, disparities, scales); this module
//! only selects, orders, words and redacts.
//!
//! By part of the report: [`facts`] (header and facts), [`qualification`] (one provision
//! with its limitation and jurisdiction), [`systems`] (national systems, instruments,
//! comparison), [`scales`] (scales and proportionality), [`charts`] (the charts' data).

mod charts;
mod facts;
pub(crate) mod ladder;
mod qualification;
mod scales;
mod summary;
mod systems;

use crate::findings;
use std::collections::HashMap;

use chrono::NaiveDate;

use super::*;
use qualif_analysis::Analysis;
use qualif_law::facts::{Case, Vocabulary};
use qualif_law::law::SystemKind;

/// How to build the report.
#[derive(Debug, Clone)]
pub struct Options {
    /// `en` or `fr`.
    pub lang: String,
    /// Remove free text and identifying fields (vocabulary: `free_text`, `identifying`).
    pub redact: bool,
    /// Today (limitation is assessed at `case.date_of_assessment`, else today).
    pub today: NaiveDate,
}

/// Each source with its class (official text, court, secondary commentary, press…), from
/// the vocabulary; the numbers stay those of the order of citation.
fn classified(
    mut entries: Vec<SourceEntry>,
    classes: &qualif_law::facts::SourceClasses,
    lang: &str,
) -> Vec<SourceEntry> {
    for e in &mut entries {
        match classes.classify(&e.url) {
            Some(c) => {
                e.class = Some(c.id.clone());
                e.class_label = c.label.get(lang).to_string();
                e.primary = c.primary;
                e.class_rank = classes.position(&c.id).unwrap_or(usize::MAX);
            }
            None => e.class_label = msg!(static lang, "doc-unclassified").to_string(),
        }
    }
    entries
}

/// The numbered list of sources, deduplicated, with the dates and the citing provisions.
#[derive(Default)]
struct Sources {
    entries: Vec<SourceEntry>,
    index: HashMap<String, usize>,
}

impl Sources {
    fn cite(&mut self, urls: &[String], date: Option<NaiveDate>, by: &str) -> Vec<usize> {
        let mut out = Vec::new();
        for url in urls {
            let i = *self.index.entry(url.clone()).or_insert_with(|| {
                self.entries.push(SourceEntry {
                    n: self.entries.len() + 1,
                    url: url.clone(),
                    last_verified: Vec::new(),
                    cited_by: Vec::new(),
                    class: None,
                    class_label: String::new(),
                    primary: false,
                    class_rank: usize::MAX,
                });
                self.entries.len() - 1
            });
            let e = &mut self.entries[i];
            if let Some(d) = date {
                if !e.last_verified.contains(&d) {
                    e.last_verified.push(d);
                    e.last_verified.sort();
                }
            }
            if !e.cited_by.iter().any(|c| c == by) {
                e.cited_by.push(by.to_string());
            }
            if !out.contains(&e.n) {
                out.push(e.n);
            }
        }
        out
    }
}

struct Ctx<'a> {
    lang: &'a str,
    redact: bool,
    case: &'a Case,
    vocab: &'a Vocabulary,
    sources: Sources,
    warnings: Vec<Warning>,
}

impl Ctx<'_> {
    fn warn(&mut self, about: &str, text: impl Into<String>) {
        let text = text.into();
        if !self.warnings.iter().any(|w| w.text == text) {
            self.warnings.push(Warning {
                about: about.to_string(),
                text,
            });
        }
    }

    fn label(&self, key: &str) -> String {
        self.vocab
            .fact(key)
            .map(|f| f.label.get(self.lang).to_string())
            .unwrap_or_else(|| key.to_string())
    }
}

/// Lays out the report of an analysis (assessment, comparison, scales and, when it places
/// a sentence, proportionality) in the document model.
pub fn build(analysis: &Analysis, opts: &Options) -> Document {
    let book = analysis.plan().book();
    let case = analysis.case();
    let lang = if opts.lang == "fr" { "fr" } else { "en" };
    let today = opts.today;
    let assessment = &analysis.assessment;
    let comparison = analysis.comparison();
    let (official, extensions) = (&analysis.scale, &analysis.scale_extensions);
    let placement = analysis.placement();

    let mut cx = Ctx {
        lang,
        redact: opts.redact,
        case,
        vocab: &book.vocabulary,
        sources: Sources::default(),
        warnings: Vec::new(),
    };
    for w in &assessment.warnings {
        cx.warn("case", findings::law_date_notice(w, lang));
    }
    let header = facts::header(&mut cx, assessment, today);
    let facts = facts::facts(&mut cx, assessment);
    let systems: Vec<SystemSection> = assessment
        .systems
        .iter()
        .filter(|r| r.system.kind == SystemKind::National)
        .map(|r| systems::system(&mut cx, r))
        .collect();
    let international: Vec<InstrumentSection> = assessment
        .systems
        .iter()
        .filter(|r| r.system.kind == SystemKind::International)
        .map(|r| systems::instrument(&mut cx, assessment, &comparison, r))
        .collect();
    let comparison_section = systems::comparison_section(&mut cx, book, assessment, &comparison);
    let mut scale_sections = Vec::new();
    if let Some(r) = &official {
        scale_sections.push(scales::scale(&mut cx, r));
    }
    for e in extensions.iter().filter(|e| crate::scale_text::shown(e)) {
        scale_sections.push(scales::scale(&mut cx, e));
    }
    let no_scale_covers = crate::scale_text::none_covers(
        official.as_ref(),
        extensions,
        &analysis.scales_not_covering,
    )
    .then(|| crate::scale_text::no_guideline_covers(lang, analysis.nothing_retained).to_string());
    let proportionality = placement
        .as_ref()
        .map(|p| scales::proportionality(&mut cx, p));
    let charts = Charts {
        penalties: charts::penalty_bars(&cx, assessment, &analysis.concurrence),
        scale: charts::scale_chart(lang, official.as_ref(), extensions, placement.as_ref()),
    };
    if assessment
        .systems
        .iter()
        .flat_map(|r| &r.qualifications)
        .any(|q| q.limitation.as_ref().is_some_and(|l| l.rule.is_some()))
    {
        cx.warn(
            "limitation",
            msg!(static lang, "doc-limitation-interruptions-and-suspensions-acts"),
        );
    }
    let retained = summary::retained_ids(assessment, &analysis.concurrence);
    let period = analysis.period.as_ref().map(|p| summary::period(p, lang));
    let summary = summary::summary(
        &systems,
        &retained,
        &comparison_section,
        &cx.warnings,
        period,
    );
    Document {
        contract: CONTRACT,
        redacted: opts.redact,
        lang: lang.to_string(),
        generator: format!("qualif {}", env!("CARGO_PKG_VERSION")),
        header,
        summary,
        facts,
        systems,
        international,
        comparison: comparison_section,
        scales: scale_sections,
        no_scale_covers,
        proportionality,
        charts,
        warnings: cx.warnings,
        sources: classified(cx.sources.entries, &book.vocabulary.sources, lang),
        statement: statement(lang),
        ladders: ladder::ladders(analysis, lang, today),
    }
}

fn statement(lang: &str) -> Vec<String> {
    vec![
        msg!(lang, "doc-statement-1"),
        msg!(lang, "doc-statement-2"),
        msg!(lang, "doc-statement-3"),
        msg!(lang, "doc-statement-4"),
    ]
}
