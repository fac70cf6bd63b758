//! Builds the document model from the engine's results. Everything legal comes from the
//! engine (statuses, penalties, limitation, jurisdiction, disparities, scales); this file
//! only selects, orders, words and redacts.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;

use super::text::{self, t};
use super::*;
use crate::analysis::Analysis;
use crate::compare::{Comparison, DisparityKind};
use crate::engine::jurisdiction::Reach;
use crate::engine::limitation::{DateRange, Deadline, LimitationResult};
use crate::engine::logic::Tri;
use crate::engine::{Assessment, Qualification, SystemResult};
use crate::facts::{Case, FactDef, FactType, Value, Vocabulary};
use crate::law::{LawBook, LimitationStart, Penalty, SystemKind, Term, Verification};
// The engine's findings in English, as the report had them: its words move to the catalog
// after its restructuring (TODO: render them in the report's language).
use crate::report::findings;
use crate::report::words;
use crate::scale::{FactorKind, Proportionality, ScaleResult};

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
        cx.warn("case", findings::law_date_notice(w, "en"));
    }
    let header = header(&mut cx, assessment, today);
    let facts = facts(&mut cx, assessment);
    let systems: Vec<SystemSection> = assessment
        .systems
        .iter()
        .filter(|r| r.system.kind == SystemKind::National)
        .map(|r| system(&mut cx, r))
        .collect();
    let international: Vec<InstrumentSection> = assessment
        .systems
        .iter()
        .filter(|r| r.system.kind == SystemKind::International)
        .map(|r| instrument(&mut cx, assessment, &comparison, r))
        .collect();
    let comparison_section = comparison_section(&mut cx, book, assessment, &comparison);
    let mut scale_sections = Vec::new();
    if let Some(r) = &official {
        scale_sections.push(scale(&mut cx, r));
    }
    for e in extensions
        .iter()
        .filter(|e| e.category.choice.is_some() || e.role.choice.is_some())
    {
        scale_sections.push(scale(&mut cx, e));
    }
    let proportionality = placement.as_ref().map(|p| proportionality(&mut cx, p));
    let charts = Charts {
        penalties: penalty_bars(&cx, assessment),
        scale: scale_chart(lang, official.as_ref(), extensions, placement.as_ref()),
    };
    if assessment
        .systems
        .iter()
        .flat_map(|r| &r.qualifications)
        .any(|q| q.limitation.as_ref().is_some_and(|l| l.rule.is_some()))
    {
        cx.warn(
            "limitation",
            t(
                lang,
                "Limitation: interruptions and suspensions (acts of investigation or prosecution) are not taken into account.",
                "Prescription : les actes interruptifs et les causes de suspension (actes d'enquête ou de poursuite) ne sont pas pris en compte.",
            ),
        );
    }
    Document {
        contract: CONTRACT,
        redacted: opts.redact,
        lang: lang.to_string(),
        generator: format!("qualif {}", env!("CARGO_PKG_VERSION")),
        header,
        facts,
        systems,
        international,
        comparison: comparison_section,
        scales: scale_sections,
        proportionality,
        charts,
        warnings: cx.warnings,
        sources: cx.sources.entries,
        statement: statement(lang),
    }
}

fn header(cx: &mut Ctx, a: &Assessment, today: NaiveDate) -> Header {
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
        warnings: findings::law_date_notices_en(&a.warnings),
        redacted_fields,
    }
}

/// Whether `--redact` drops a fact: marked free text or identifying in the vocabulary, or
/// of a type that takes any text (a vocabulary of `--data-dir` may leave a text unmarked,
/// and a name typed there must not survive).
fn redacted(f: &FactDef) -> bool {
    f.free_text || f.identifying || f.ty == FactType::Text
}

/// A fact's value in words: enumeration values by their labels.
fn value_text(def: &FactDef, v: &Value, lang: &str) -> String {
    match v {
        Value::Bool(b) => text::yes_no(*b, lang).to_string(),
        Value::Int(i) => i.to_string(),
        Value::Number(n) => text::number(*n),
        Value::Between(i) => format!(
            "{} {} {} {}",
            t(lang, "between", "entre"),
            text::number(i.above),
            t(lang, "and", "et"),
            text::number(i.below)
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

fn facts(cx: &mut Ctx, a: &Assessment) -> Facts {
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
            if q.status == Status::Possible {
                for k in &q.missing_facts {
                    add(
                        &mut decides.entry(k.clone()).or_default().0,
                        r,
                        &q.provision.id,
                    );
                }
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
    Facts {
        established,
        unknown,
    }
}

fn penalty_info(p: &Penalty, lang: &str) -> PenaltyInfo {
    PenaltyInfo {
        text: words::penalty(p, lang),
        max_prison_months: p.prison_max.months(),
        min_prison_months: p.prison_min.and_then(Term::months),
        life: p.prison_max == Term::Life,
        max_known: p.prison_max != Term::Unknown,
        minimum_status: p.minimum_status,
    }
}

fn version_text(from: NaiveDate, to: Option<NaiveDate>, lang: &str) -> String {
    match to {
        Some(to) => format!(
            "{} {} {} {}",
            t(lang, "in force from", "en vigueur du"),
            text::date(from, lang),
            t(lang, "to", "au"),
            text::date(to, lang)
        ),
        None => format!(
            "{} {}",
            t(lang, "in force from", "en vigueur depuis le"),
            text::date(from, lang)
        ),
    }
}

fn range_text(r: &DateRange, lang: &str) -> String {
    if r.earliest == r.latest {
        text::date(r.earliest, lang)
    } else {
        format!(
            "{} {} {} {}",
            t(lang, "between", "entre le"),
            text::date(r.earliest, lang),
            t(lang, "and", "et le"),
            text::date(r.latest, lang)
        )
    }
}

fn limitation(cx: &mut Ctx, l: &LimitationResult) -> LimitationInfo {
    let lang = cx.lang;
    let starts = l.rule.map(|r| r.starts);
    let withheld = cx.redact
        && starts == Some(LimitationStart::Majority)
        && cx.case.is_known("victim.birth_date");
    let withheld_text = t(
        lang,
        "date withheld in this redacted report: it derives from the child's date of birth",
        "date masquée dans ce rapport anonymisé : elle découle de la date de naissance de l'enfant",
    );
    let deadline_text = |r: &DateRange| {
        if withheld {
            withheld_text.to_string()
        } else {
            range_text(r, lang)
        }
    };
    let cannot = t(
        lang,
        "cannot be computed from the data and the facts given",
        "ne peut être calculée à partir des données et des faits fournis",
    );
    let summary = match (&l.deadline, l.barred) {
        _ if l.rule.is_none() => cannot.to_string(),
        (Deadline::Never, _) => t(
            lang,
            "not time-barred: imprescriptible",
            "non prescrit : imprescriptible",
        )
        .to_string(),
        (Deadline::On(r), Tri::True) => format!(
            "{} ({} {})",
            t(lang, "TIME-BARRED", "PRESCRIT"),
            t(lang, "the period ended on", "le délai a expiré le"),
            deadline_text(r)
        ),
        (Deadline::On(r), Tri::False) => format!(
            "{} {} ({} {})",
            t(lang, "not time-barred on", "non prescrit au"),
            text::date(l.assessed_on, lang),
            t(lang, "time-barred after", "prescrit après le"),
            deadline_text(r)
        ),
        (Deadline::On(r), Tri::Unknown) => format!(
            "{} ({} {})",
            t(
                lang,
                "time-barred or not depending on the exact date of birth",
                "prescrit ou non selon la date de naissance exacte"
            ),
            t(lang, "the period ends", "le délai expire"),
            deadline_text(r)
        ),
        (Deadline::Unknown, _) => cannot.to_string(),
    };
    let mut sources = Vec::new();
    if let (Some(rule), Some(v)) = (l.rule, l.regime) {
        sources = cx.sources.cite(&v.sources, v.last_verified, &rule.id);
        if v.verification != Verification::VerifiedPrimary {
            cx.warn(
                &rule.id,
                format!(
                    "{} ({} {}): {}",
                    rule.citation,
                    t(lang, "limitation regime of", "régime de prescription du"),
                    text::date(v.from, lang),
                    text::verification(Some(v.verification), lang)
                ),
            );
        }
    }
    LimitationInfo {
        time_barred: text::tri_bool(l.barred),
        summary,
        rule_citation: l.rule.map(|r| r.citation.clone()),
        rule_label: l.rule.map(|r| r.label.get(lang).to_string()),
        period_text: l.regime.map(|v| v.period_text.clone()),
        regime_from: l.regime.map(|v| v.from),
        verification: l.regime.map(|v| v.verification.as_str().to_string()),
        starts,
        period_starts: if withheld { None } else { l.start },
        deadline: match &l.deadline {
            Deadline::On(r) if !withheld => Some(*r),
            _ => None,
        },
        never: matches!(l.deadline, Deadline::Never),
        dates_withheld: withheld,
        assessed_on: l.assessed_on,
        notes: findings::limitation_notes_en(&l.notes),
        sources,
    }
}

fn jurisdiction(cx: &mut Ctx, r: &Reach) -> JurisdictionInfo {
    let lang = cx.lang;
    let holding: Vec<String> = r
        .grounds
        .iter()
        .filter(|g| g.holds == Tri::True)
        .map(|g| format!("{} ({})", g.rule.label.get(lang), g.rule.citation))
        .collect();
    let summary = match r.can_prosecute {
        Tri::True => format!(
            "{} {}",
            t(lang, "yes, on:", "oui, au titre de :"),
            holding.join("; ")
        ),
        Tri::False => t(
            lang,
            "no ground of jurisdiction holds on these facts",
            "aucun chef de compétence n'est établi sur ces faits",
        )
        .to_string(),
        Tri::Unknown if r.grounds.is_empty() => t(
            lang,
            "unknown: no jurisdiction rule in the data for this provision",
            "inconnu : aucune règle de compétence dans les données pour cette disposition",
        )
        .to_string(),
        Tri::Unknown => t(
            lang,
            "unknown: depends on facts not stated",
            "inconnu : dépend de faits non renseignés",
        )
        .to_string(),
    };
    let mut grounds = Vec::new();
    for g in &r.grounds {
        let sources = cx
            .sources
            .cite(&g.rule.sources, g.rule.last_verified, &g.rule.id);
        if g.holds != Tri::False && g.rule.verification != Verification::VerifiedPrimary {
            cx.warn(
                &g.rule.id,
                format!(
                    "{} ({}): {}",
                    g.rule.citation,
                    t(lang, "jurisdiction", "compétence"),
                    text::verification(Some(g.rule.verification), lang)
                ),
            );
        }
        grounds.push(Ground {
            id: g.rule.id.clone(),
            citation: g.rule.citation.clone(),
            label: g.rule.label.get(lang).to_string(),
            basis: g.rule.basis,
            holds: text::tri_bool(g.holds),
            holds_text: text::tri(g.holds, lang).to_string(),
            double_criminality: g.rule.double_criminality,
            conditions: g.rule.conditions.clone(),
            verification: g.rule.verification.as_str().to_string(),
            sources,
        });
    }
    JurisdictionInfo {
        can_prosecute: text::tri_bool(r.can_prosecute),
        summary,
        grounds,
    }
}

fn title_of(q: &Qualification, lang: &str) -> String {
    if lang == "fr" {
        q.provision.title.fr.clone()
    } else {
        q.provision.title.en.clone()
    }
}

fn qual(cx: &mut Ctx, q: &Qualification, system: &str) -> QualSection {
    let lang = cx.lang;
    let id = &q.provision.id;
    let v = q.version;
    let mut sources = Vec::new();
    let mut notes = Vec::new();
    if let Some(v) = v {
        sources = cx.sources.cite(&v.sources, v.last_verified, id);
        notes.extend(v.notes.iter().cloned());
    }
    notes.extend(q.provision.notes.iter().cloned());
    let aggravations: Vec<AggravationLine> = q
        .aggravations
        .iter()
        .filter(|a| a.status != Status::Excluded)
        .map(|a| {
            if let Some(def) = v.and_then(|v| v.aggravations.iter().find(|x| x.id == a.id)) {
                let refs = cx
                    .sources
                    .cite(&def.sources, v.and_then(|v| v.last_verified), id);
                for n in refs {
                    if !sources.contains(&n) {
                        sources.push(n);
                    }
                }
            }
            AggravationLine {
                id: a.id.to_string(),
                label: a.label.get(lang).to_string(),
                status: a.status,
                status_text: words::status(a.status, lang).to_string(),
                penalty_text: words::penalty(a.penalty, lang),
                sets_penalty: a.status == Status::Applies && q.penalty.as_ref() == Some(a.penalty),
                verification: a.verification.as_str().to_string(),
                notes: a.notes.to_vec(),
            }
        })
        .collect();
    let readings = v
        .map(|v| {
            v.readings
                .iter()
                .map(|r| Reading {
                    penalty_text: words::penalty(&r.penalty, lang),
                    note: r.note.clone(),
                    sources: cx.sources.cite(&r.sources, v.last_verified, id),
                })
                .collect::<Vec<_>>()
        })
        .unwrap_or_default();
    if !readings.is_empty() {
        cx.warn(
            id,
            format!(
                "{id}: {}",
                t(
                    lang,
                    "the sources conflict on this penalty; the preferred reading is applied and the others are shown",
                    "les sources divergent sur cette peine ; la lecture retenue est appliquée, les autres sont indiquées"
                )
            ),
        );
    }
    for w in &q.warnings {
        cx.warn(id, findings::warning(w, "en"));
    }
    let pending_reforms = q
        .pending
        .iter()
        .map(|p| OtherVersion {
            in_force_from: p.from,
            penalty_text: words::penalty(&p.penalty, lang),
            verification: p.verification.as_str().to_string(),
            notes: p.notes.clone(),
        })
        .collect();
    let limitation = q.limitation.as_ref().map(|l| limitation(cx, l));
    let jurisdiction = q.reach.as_ref().map(|r| jurisdiction(cx, r));
    let status_text = words::status(q.status, lang).to_string();
    QualSection {
        id: id.clone(),
        system: system.to_string(),
        citation: q.provision.citation.clone(),
        title: title_of(q, lang),
        title_original: q.provision.title.original.clone(),
        status: q.status,
        status_text,
        alternative_to: q.alternative_to.clone(),
        version: v.map(|v| VersionInfo {
            in_force_from: v.from,
            in_force_to: v.to,
            last_verified: v.last_verified,
            text: version_text(v.from, v.to, lang),
        }),
        verification: q.verification().map(|v| v.as_str().to_string()),
        verification_text: text::verification(q.verification(), lang),
        penalty: q.penalty.as_ref().map(|p| penalty_info(p, lang)),
        base_penalty_text: v.map(|v| words::penalty(&v.penalty, lang)),
        penalty_if_possible_aggravations_text: q
            .penalty_if_possible_aggravations
            .as_ref()
            .map(|p| words::penalty(p, lang)),
        aggravations,
        elements: q
            .elements
            .iter()
            .map(|e| ElementLine {
                id: e.id.to_string(),
                label: e.label.get(lang).to_string(),
                status: e.status,
                status_text: words::element_status(e.status, lang).to_string(),
            })
            .collect(),
        missing_facts: q.missing_facts.clone(),
        missing_facts_for_aggravations: q.missing_for_aggravations.clone(),
        milder_later_version: q.milder_later.as_ref().map(|m| OtherVersion {
            in_force_from: m.in_force_from,
            penalty_text: words::penalty(&m.penalty, lang),
            verification: String::new(),
            notes: Vec::new(),
        }),
        pending_reforms,
        readings,
        limitation,
        jurisdiction,
        notes,
        warnings: findings::warnings_en(&q.warnings),
        sources,
    }
}

fn counts(r: &SystemResult) -> Counts {
    let n = |s: Status| r.qualifications.iter().filter(|q| q.status == s).count();
    Counts {
        applies: n(Status::Applies),
        possible: n(Status::Possible),
        excluded: n(Status::Excluded),
    }
}

/// Applying qualifications first, then possible ones (the data's order within each).
fn relevant<'b, 'a>(r: &'b SystemResult<'a>) -> Vec<&'b Qualification<'a>> {
    let mut qs: Vec<&Qualification> = r
        .qualifications
        .iter()
        .filter(|q| q.status != Status::Excluded)
        .collect();
    qs.sort_by_key(|q| q.status);
    qs
}

fn system(cx: &mut Ctx, r: &SystemResult) -> SystemSection {
    let lang = cx.lang;
    let qualifications = relevant(r)
        .into_iter()
        .map(|q| qual(cx, q, &r.system.id))
        .collect();
    let status_of = |id: &str| {
        r.qualifications
            .iter()
            .find(|x| x.provision.id == id)
            .map(|x| x.status)
    };
    let excluded = r
        .qualifications
        .iter()
        .filter(|q| q.status == Status::Excluded)
        .map(|q| ExcludedLine {
            id: q.provision.id.clone(),
            citation: q.provision.citation.clone(),
            title: title_of(q, lang),
            unmet: q
                .elements
                .iter()
                .filter(|e| e.status == ElementStatus::Unmet)
                .map(|e| e.label.get(lang).to_string())
                .collect(),
            gives_way: q.gives_way_to_applying(&status_of),
            verification: q.verification().map(|v| v.as_str().to_string()),
        })
        .collect();
    SystemSection {
        id: r.system.id.clone(),
        name: r.system.name.get(lang).to_string(),
        last_verified: r.system.last_verified,
        counts: counts(r),
        qualifications,
        excluded,
    }
}

fn instrument(cx: &mut Ctx, a: &Assessment, c: &Comparison, r: &SystemResult) -> InstrumentSection {
    let lang = cx.lang;
    let s = r.system;
    let obligations = relevant(r)
        .into_iter()
        .map(|q| qual(cx, q, &s.id))
        .collect();
    let parties = s
        .parties
        .iter()
        .filter(|p| a.systems.iter().any(|x| x.system.id == p.state) && p.from <= a.law_date)
        .map(|p| Party {
            state: p.state.clone(),
            since: p.from,
            verification: p.verification.as_str().to_string(),
        })
        .collect();
    let state_readings = c
        .readings
        .iter()
        .filter(|sr| sr.instrument == s.id)
        .map(|sr| StateReadingSection {
            state: sr.state.to_string(),
            obligations: relevant(&sr.result)
                .into_iter()
                .map(|q| ObligationLine {
                    id: q.provision.id.clone(),
                    citation: q.provision.citation.clone(),
                    title: title_of(q, lang),
                    status: q.status,
                    status_text: words::status(q.status, lang).to_string(),
                    floor_text: q.penalty.as_ref().map(|p| words::term(p.prison_max, lang)),
                    minimum_max_prison_months: q
                        .penalty
                        .as_ref()
                        .and_then(|p| p.prison_max.months()),
                })
                .collect(),
            shortfalls: c
                .disparities
                .iter()
                .filter(|d| {
                    d.kind == DisparityKind::BelowMinimumStandard
                        && d.systems.iter().any(|x| x == sr.state)
                        && d.systems.iter().any(|x| x == sr.instrument)
                })
                .map(|d| findings::disparity(d, "en"))
                .collect(),
        })
        .collect();
    InstrumentSection {
        id: s.id.clone(),
        name: s.name.get(lang).to_string(),
        last_verified: s.last_verified,
        parties,
        obligations,
        state_readings,
    }
}

fn comparison_section(
    cx: &mut Ctx,
    book: &LawBook,
    a: &Assessment,
    c: &Comparison,
) -> ComparisonSection {
    let lang = cx.lang;
    let conduct_label = |id: &str| {
        book.vocabulary
            .conduct(id)
            .map(|c| c.label.get(lang).to_string())
            .unwrap_or_else(|| id.to_string())
    };
    let rows = c
        .rows
        .iter()
        .map(|row| MatrixRow {
            conduct: row.conduct.clone(),
            label: conduct_label(&row.conduct),
            cells: row
                .cells
                .iter()
                .zip(&a.systems)
                .map(|(cell, r)| {
                    let q = cell.leading;
                    let p = q.and_then(|q| q.penalty.as_ref());
                    let min_text = p.and_then(|p| {
                        let min = p.prison_min.filter(|m| *m != Term::None)?;
                        let status = p
                            .minimum_status
                            .map(|s| {
                                let w = match s {
                                    crate::law::MinimumStatus::InForce => {
                                        t(lang, "mandatory, in force", "obligatoire, en vigueur")
                                    }
                                    crate::law::MinimumStatus::StruckDown => {
                                        t(lang, "struck down", "invalidée")
                                    }
                                    crate::law::MinimumStatus::Repealed => {
                                        t(lang, "repealed", "abrogée")
                                    }
                                    crate::law::MinimumStatus::Contested => {
                                        t(lang, "contested", "contestée")
                                    }
                                };
                                format!(" ({w})")
                            })
                            .unwrap_or_default();
                        Some(format!("{}{status}", words::term(min, lang)))
                    });
                    MatrixCell {
                        system: cell.system.to_string(),
                        status: match cell.status {
                            None => "not_covered".into(),
                            Some(s) => serde_json::to_value(s)
                                .ok()
                                .and_then(|v| v.as_str().map(String::from))
                                .unwrap_or_default(),
                        },
                        status_text: match cell.status {
                            None => t(lang, "not covered", "non couvert").into(),
                            Some(s) => words::status(s, lang).into(),
                        },
                        provision: q.map(|q| q.provision.id.clone()),
                        citation: q.map(|q| q.provision.citation.clone()),
                        floor: r.system.kind == SystemKind::International,
                        max_text: p.map(|p| words::term(p.prison_max, lang)),
                        min_text,
                        verification: q.and_then(|q| q.verification()).map(|v| v.as_str().into()),
                    }
                })
                .collect(),
        })
        .collect();
    let disparities = c
        .disparities
        .iter()
        .map(|d| DisparityLine {
            kind: d.kind,
            kind_text: text::disparity_kind(d.kind, lang).to_string(),
            severity: d.severity,
            severity_text: text::severity(d.severity, lang).to_string(),
            systems: d.systems.clone(),
            conduct: d.conduct.clone(),
            conduct_label: d.conduct.as_deref().map(conduct_label),
            message: findings::disparity(d, "en"),
        })
        .collect();
    ComparisonSection {
        systems: a.systems.iter().map(|r| r.system.id.clone()).collect(),
        rows,
        disparities,
    }
}

fn sentence_info(v: &crate::scale::SentenceValue, lang: &str) -> SentenceInfo {
    SentenceInfo {
        months: v.months(),
        text: text::sentence_value(v, lang),
    }
}

fn scale(cx: &mut Ctx, r: &ScaleResult) -> ScaleSection {
    let lang = cx.lang;
    let g = r.guideline;
    let choice = |c: &crate::scale::Choice| Choice {
        id: c.id.clone(),
        label: c.label.get(lang).to_string(),
    };
    let mut sources = cx.sources.cite(&g.sources, g.last_verified, &g.id);
    if let Some(c) = r.cell {
        for n in cx.sources.cite(
            &c.sources,
            g.last_verified,
            &format!("{} ({}/{})", g.id, c.category, c.role),
        ) {
            if !sources.contains(&n) {
                sources.push(n);
            }
        }
    }
    if !g.official {
        cx.warn(
            &g.id,
            format!(
                "{}: {}",
                g.name.get(lang),
                t(
                    lang,
                    "NOT AN OFFICIAL GUIDELINE — a proposal, shown for discussion only",
                    "CE N'EST PAS UN GUIDE OFFICIEL — une proposition, présentée pour la discussion seulement"
                )
            ),
        );
    }
    if let Some(c) = r.cell {
        if c.verification != Verification::VerifiedPrimary {
            cx.warn(
                &g.id,
                format!(
                    "{} ({} {}, {} {}): {}",
                    g.name.get(lang),
                    t(lang, "category", "catégorie"),
                    c.category,
                    t(lang, "role", "rôle"),
                    c.role,
                    text::verification(Some(c.verification), lang)
                ),
            );
        }
    }
    let factors = |kind: FactorKind| {
        r.factors
            .iter()
            .filter(|f| f.factor.kind == kind)
            .map(|f| {
                let (status, status_text) = if f.to_consider {
                    ("to_consider", t(lang, "to consider", "à examiner"))
                } else if f.status == Status::Applies {
                    (
                        "applies",
                        t(lang, "supported by the facts", "établi par les faits"),
                    )
                } else {
                    ("possible", t(lang, "possible", "possible"))
                };
                FactorLine {
                    id: f.factor.id.clone(),
                    label: f.factor.label.get(lang).to_string(),
                    status: status.into(),
                    status_text: status_text.into(),
                    verification: f.factor.verification.as_str().into(),
                }
            })
            .collect::<Vec<_>>()
    };
    ScaleSection {
        guideline: g.id.clone(),
        name: g.name.get(lang).to_string(),
        official: g.official,
        status: words::guideline_status(g, "en"),
        verification: g.verification.as_str().into(),
        category: r.category.choice.map(choice),
        role: r.role.choice.map(choice),
        category_possibly_higher: r
            .category
            .possible_higher
            .iter()
            .map(|c| choice(c))
            .collect(),
        role_possibly_higher: r.role.possible_higher.iter().map(|c| choice(c)).collect(),
        starting_point: r.cell.map(|c| sentence_info(&c.starting_point, lang)),
        range_from: r.cell.map(|c| sentence_info(&c.range_from, lang)),
        range_to: r.cell.map(|c| sentence_info(&c.range_to, lang)),
        range_capped_to_months: r.capped_to,
        cell_verification: r.cell.map(|c| c.verification.as_str().into()),
        cell_notes: r.cell.map(|c| c.notes.clone()).unwrap_or_default(),
        statutory_maximum: r
            .maximum
            .map(|m| format!("{} ({})", words::term(m.prison_max, lang), m.citation)),
        aggravating: factors(FactorKind::Aggravating),
        mitigating: factors(FactorKind::Mitigating),
        maps_to: g.maps_to.clone(),
        sources,
    }
}

fn months_text(m: f64, lang: &str) -> String {
    if m.is_infinite() {
        t(lang, "life", "perpétuité").into()
    } else {
        words::months(m, lang)
    }
}

fn proportionality(cx: &mut Ctx, p: &Proportionality) -> ProportionalitySection {
    let lang = cx.lang;
    let reference_cases = p
        .references
        .iter()
        .map(|c| ReferenceLine {
            id: c.id.clone(),
            court: c.court.clone(),
            country: c.country.clone(),
            date: c.date,
            summary: c.summary.clone(),
            sentence_text: c
                .sentence_months
                .map(|m| months_text(m, lang))
                .unwrap_or_else(|| t(lang, "not stated", "non précisée").into()),
            outcome: c.outcome,
            outcome_text: match c.outcome {
                crate::scale::Outcome::Verdict => t(lang, "verdict", "décision").into(),
                crate::scale::Outcome::ProsecutionRequest => t(
                    lang,
                    "PROSECUTION REQUEST, not a verdict",
                    "RÉQUISITIONS, pas une décision",
                )
                .into(),
            },
            verification: c.verification.as_str().into(),
            sources: cx.sources.cite(&c.sources, None, &c.id),
        })
        .collect();
    ProportionalitySection {
        sentence_months: p.sentence_months,
        sentence_text: words::months(p.sentence_months, lang),
        placed_against: p.against.map(|s| s.guideline.id.clone()),
        placed_against_official: p.against.map(|s| s.guideline.official),
        guideline_placement: p.guideline,
        guideline_placement_text: p.guideline.map(|g| text::placement(g, lang).to_string()),
        ratio_to_starting_point: p.ratio_to_starting_point,
        systems: p
            .systems
            .iter()
            .map(|s| SystemPlacementLine {
                system: s.system.clone(),
                provision: s.provision.clone(),
                citation: s.citation.clone(),
                max_text: if s.life {
                    t(lang, "life", "perpétuité").into()
                } else {
                    s.max_prison_months
                        .map(|m| words::months(m, lang))
                        .unwrap_or_else(|| t(lang, "not confirmed", "non confirmé").into())
                },
                max_prison_months: s.max_prison_months,
                life: s.life,
                share_of_maximum: s.share_of_maximum,
                placement: (s.life || s.max_prison_months.is_some()).then_some(s.placement),
                placement_text: if s.life || s.max_prison_months.is_some() {
                    text::placement(s.placement, lang).into()
                } else {
                    t(
                        lang,
                        "cannot be placed: the maximum is not confirmed",
                        "ne peut être située : le maximum n'est pas confirmé",
                    )
                    .into()
                },
            })
            .collect(),
        reference_cases,
    }
}

/// The leading qualification of each national system: the applying provision ranked first
/// (as `compare` and `scale` rank them), else the most severe possible one (labelled as
/// such).
fn penalty_bars(cx: &Ctx, a: &Assessment) -> Vec<PenaltyBar> {
    let lang = cx.lang;
    a.systems
        .iter()
        .filter(|r| r.system.kind == SystemKind::National)
        .map(|r| {
            let best = |st: Status| {
                r.qualifications
                    .iter()
                    .filter(|q| q.status == st && q.penalty.is_some())
                    .min_by(|x, y| {
                        // The leading one as everywhere (`Qualification::leading_cmp`);
                        // among equals, the one with the fewest elements still open (the
                        // closest to applying), then data order.
                        let open = |q: &Qualification| {
                            q.elements
                                .iter()
                                .filter(|e| e.status != ElementStatus::Met)
                                .count()
                        };
                        y.leading_cmp(x).then_with(|| open(x).cmp(&open(y)))
                    })
            };
            let lead = best(Status::Applies).or_else(|| best(Status::Possible));
            let p = lead.and_then(|q| q.penalty.as_ref());
            PenaltyBar {
                system: r.system.id.clone(),
                system_name: r.system.name.get(lang).to_string(),
                provision: lead.map(|q| q.provision.id.clone()),
                citation: lead.map(|q| q.provision.citation.clone()),
                status: lead.map(|q| q.status),
                max_months: p.and_then(|p| p.prison_max.months()),
                min_months: p
                    .and_then(|p| p.prison_min)
                    .and_then(Term::months)
                    .filter(|m| *m > 0.0),
                life: p.is_some_and(|p| p.prison_max == Term::Life),
                max_text: match p {
                    Some(p) => words::term(p.prison_max, lang),
                    None => t(
                        lang,
                        "no offence applies or remains possible",
                        "aucune infraction applicable ni possible",
                    )
                    .into(),
                },
                min_text: p
                    .and_then(|p| p.prison_min)
                    .filter(|m| !matches!(m, Term::None))
                    .map(|m| words::term(m, lang)),
                verification: lead
                    .and_then(|q| q.verification())
                    .map(|v| v.as_str().into()),
                unconfirmed: lead
                    .map(|l| {
                        r.qualifications
                            .iter()
                            .filter(|q| {
                                q.status == l.status
                                    && q.provision.id != l.provision.id
                                    && q.penalty
                                        .as_ref()
                                        .is_some_and(|p| p.prison_max == Term::Unknown)
                            })
                            .map(|q| q.provision.id.clone())
                            .collect()
                    })
                    .unwrap_or_default(),
            }
        })
        .collect()
}

fn scale_chart(
    lang: &str,
    official: Option<&ScaleResult>,
    extensions: &[ScaleResult],
    placement: Option<&Proportionality>,
) -> Option<ScaleChart> {
    let scale = placement
        .and_then(|p| p.against)
        .or_else(|| official.filter(|s| s.cell.is_some()))
        .or_else(|| extensions.iter().find(|e| e.cell.is_some()));
    let range = scale.and_then(|scale| {
        let cell = scale.cell?;
        let from = cell.range_from.months().unwrap_or(0.0);
        let to = scale.capped_to.or(cell.range_to.months())?;
        Some(RangeBar {
            guideline: scale.guideline.id.clone(),
            official: scale.guideline.official,
            from_months: from,
            to_months: to,
            starting_point_months: cell.starting_point.months(),
            from_text: text::sentence_value(&cell.range_from, lang),
            to_text: if scale.capped_to.is_some() {
                months_text(to, lang)
            } else {
                text::sentence_value(&cell.range_to, lang)
            },
            starting_point_text: Some(text::sentence_value(&cell.starting_point, lang)),
        })
    });
    if range.is_none() && placement.is_none() {
        return None;
    }
    Some(ScaleChart {
        range,
        sentence_months: placement.map(|p| p.sentence_months),
        sentence_text: placement.map(|p| words::months(p.sentence_months, lang)),
    })
}

fn statement(lang: &str) -> Vec<String> {
    let en = [
        "qualif is a decision-support tool. It applies legal data encoded from the texts to the facts stated in the case file and shows its reasoning element by element. It is not legal advice, and this report is not an opinion on guilt or on the sentence: it does not replace reading the official texts, the case law and the file.",
        "A fact that the case file does not state is treated as unknown, never as absent: a qualification marked possible depends on facts still to establish, listed at the start of this report.",
        "Every provision carries a verification label. A provision marked unverified, or resting on secondary sources only, must be checked against the official text before it is relied on. Penalties are the maxima and minima the law provides, not predictions of a sentence.",
        "Limitation periods do not take interruptions or suspensions into account. Comparisons across systems are made by conduct classes and may miss nuances of each law. A sentencing scale marked as a proposal is not an official guideline.",
    ];
    let fr = [
        "qualif est un outil d'aide à la décision. Il applique aux faits décrits dans le dossier des données juridiques encodées à partir des textes et montre son raisonnement élément par élément. Ce n'est pas un avis juridique, et ce rapport ne se prononce ni sur la culpabilité ni sur la peine : il ne remplace pas la lecture des textes officiels, de la jurisprudence et du dossier.",
        "Un fait que le dossier ne mentionne pas est traité comme inconnu, jamais comme absent : une qualification « possible » dépend de faits restant à établir, listés au début de ce rapport.",
        "Chaque disposition porte une mention de vérification. Une disposition « non vérifiée », ou fondée sur des sources secondaires seulement, doit être contrôlée dans le texte officiel avant d'être invoquée. Les peines indiquées sont les maxima et minima prévus par la loi, non des prévisions de peine.",
        "Les délais de prescription ne tiennent pas compte des actes interruptifs ni des causes de suspension. Les comparaisons entre systèmes se font par catégories de comportements et peuvent omettre des nuances propres à chaque droit. Un barème présenté comme une proposition n'est pas un guide officiel. Les notes des données juridiques, les avertissements du moteur et les messages de comparaison sont rédigés en anglais.",
    ];
    let texts: &[&str] = if lang == "fr" { &fr } else { &en };
    texts.iter().map(|s| s.to_string()).collect()
}
