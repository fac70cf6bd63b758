//! The findings of the engine in words: the doubts about a provision's result, how the
//! law's date was chosen, the limits of a limitation result, the element a provision not in
//! force fails (or, where the data has no version for the date, leaves unknown), the disparities between systems. Every word comes from the catalog; JSON carries them in English, as the
//! output contract has always had them.

use std::borrow::Cow;

use serde_json::{Value as Json, json};

use super::words;
use qualif_analysis::compare::{Cited, Disparity, Finding, NotAnOffence, Unmet};
use qualif_engine::limitation::LimitationNote;
use qualif_engine::{ElementLabel, ElementStatus, LawDateNotice, Warning};
use qualif_law::law::Term;

/// How the law's date was chosen.
pub fn law_date_notice(n: &LawDateNotice, lang: &str) -> String {
    match n {
        LawDateNotice::Requested(date) => msg!(lang, "law-date-requested", date = date),
        LawDateNotice::Today(date) => msg!(lang, "law-date-today", date = date),
    }
}

/// A doubt about one provision's result.
pub fn warning(w: &Warning, lang: &str) -> String {
    match w {
        Warning::NotInForce => msg!(lang, "warning-not-in-force"),
        Warning::NoDataForDate {
            provision,
            date,
            first,
        } => msg!(
            lang,
            "warning-no-data-for-date",
            provision = *provision,
            date = date,
            first = first
        ),
        Warning::Unverified { provision } => {
            msg!(lang, "warning-unverified", provision = *provision)
        }
        Warning::SecondaryOnly { provision } => {
            msg!(lang, "warning-secondary-only", provision = *provision)
        }
        Warning::PenaltyNotConfirmed { provision } => {
            msg!(
                lang,
                "warning-penalty-not-confirmed",
                provision = *provision
            )
        }
        Warning::Alternative { provision, others } => msg!(
            lang,
            "warning-alternative",
            provision = *provision,
            others = others.join(&msg!(lang, "list-or"))
        ),
    }
}

/// What limits a limitation result.
pub fn limitation_note(n: &LimitationNote, lang: &str) -> String {
    match n {
        LimitationNote::RuleDependsOnFacts(rule) => msg!(
            lang,
            "limitation-rule-depends-on-facts",
            citation = &rule.citation,
            label = rule.label.get(lang)
        ),
        LimitationNote::NoRule => msg!(lang, "limitation-no-rule"),
        LimitationNote::NoDateOfFacts => msg!(lang, "limitation-no-date-of-facts"),
        LimitationNote::NoRegime { rule, facts } => msg!(
            lang,
            "limitation-no-regime",
            citation = &rule.citation,
            facts = facts
        ),
        LimitationNote::StartNeedsVictimAge => msg!(lang, "limitation-start-needs-victim-age"),
        LimitationNote::BeyondLastDate => msg!(lang, "limitation-beyond-last-date"),
        LimitationNote::BarredBeforeRegimeUnknown(date) => {
            msg!(lang, "limitation-barred-before-regime-unknown", date = date)
        }
        LimitationNote::InterruptionsIgnored => msg!(lang, "limitation-interruptions-ignored"),
    }
}

/// The limitation notes in English, as JSON has them (and the report, until its words
/// move to the catalog).
pub fn limitation_notes_en(notes: &[LimitationNote]) -> Vec<String> {
    notes.iter().map(|n| limitation_note(n, "en")).collect()
}

/// The warnings in English, as JSON has them (and the report, until its words move to
/// the catalog).
pub fn warnings_en(warnings: &[Warning]) -> Vec<String> {
    warnings.iter().map(|w| warning(w, "en")).collect()
}

/// The law-date notices in English, as JSON has them (and the report, until its words
/// move to the catalog).
pub fn law_date_notices_en(notices: &[LawDateNotice]) -> Vec<String> {
    notices.iter().map(|n| law_date_notice(n, "en")).collect()
}

/// An element's label in `lang`: the data's, or the catalog's words for a finding.
pub fn element_label<'a>(label: &ElementLabel<'a>, lang: &str) -> Cow<'a, str> {
    match label {
        ElementLabel::Data(l) => Cow::Borrowed(l.get(lang)),
        ElementLabel::InForceOn(date) => Cow::Owned(msg!(lang, "element-in-force-on", date = date)),
        ElementLabel::NoDataOn { date, first } => {
            Cow::Owned(msg!(lang, "element-no-data-on", date = date, first = first))
        }
    }
}

/// An element's label in both languages, as JSON has it (`{"fr": …, "en": …}`).
pub fn element_label_json(label: &ElementLabel) -> Json {
    match label {
        ElementLabel::Data(l) => json!(l),
        ElementLabel::InForceOn(_) | ElementLabel::NoDataOn { .. } => {
            json!({ "fr": element_label(label, "fr"), "en": element_label(label, "en") })
        }
    }
}

/// A penalty's maximum in a disparity: the term, or "no penalty".
fn maximum(m: Option<Term>, lang: &str) -> String {
    m.map(|t| words::term(t, lang))
        .unwrap_or_else(|| msg!(lang, "disparity-no-penalty"))
}

/// A provision cited: "citation (id)".
fn cited(c: &Cited) -> String {
    format!("{} ({})", c.citation, c.provision)
}

/// A number with one decimal, as the language writes it.
fn one_decimal(x: f64, lang: &str) -> String {
    format!("{x:.1}").replace('.', &msg!(lang, "number-decimal-separator"))
}

/// A disparity in one sentence.
pub fn disparity(d: &Disparity, lang: &str) -> String {
    match &d.finding {
        Finding::NotCriminalised {
            conduct,
            system,
            provision,
            other,
            why,
        } => {
            let why = match why {
                NotAnOffence::NotCovered => msg!(lang, "disparity-not-covered", system = other),
                NotAnOffence::Excluded(excluded) => {
                    let list: Vec<String> = excluded
                        .iter()
                        .map(|e| {
                            let unmet = match &e.unmet {
                                Some(Unmet::Label(l)) => l.get(lang).to_string(),
                                Some(Unmet::InForceOn(d)) => {
                                    element_label(&ElementLabel::InForceOn(*d), lang).into_owned()
                                }
                                None => words::element_status(ElementStatus::Unmet, lang).into(),
                            };
                            format!("{} ({unmet})", e.citation)
                        })
                        .collect();
                    msg!(
                        lang,
                        "disparity-excluded-offences",
                        system = other,
                        excluded = list.join(crate::catalog::list_separator(lang))
                    )
                }
            };
            msg!(
                lang,
                "disparity-not-criminalised",
                conduct = conduct.get(lang),
                system = system,
                provision = cited(provision),
                why = why
            )
        }
        Finding::PenaltyGap {
            conduct,
            higher,
            lower,
            factor,
        } => msg!(
            lang,
            "disparity-penalty-gap",
            conduct = conduct.get(lang),
            higher = maximum(higher.maximum, lang),
            higher_system = &higher.system,
            higher_provision = cited(&higher.provision),
            lower = maximum(lower.maximum, lang),
            lower_system = &lower.system,
            lower_provision = cited(&lower.provision),
            factor = match factor {
                Some(f) => msg!(lang, "disparity-factor", factor = one_decimal(*f, lang)),
                None => msg!(lang, "disparity-life-against-term"),
            }
        ),
        Finding::UnverifiedLaw {
            conduct,
            system,
            provision,
        } => msg!(
            lang,
            "disparity-unverified",
            conduct = conduct.get(lang),
            system = system,
            provision = cited(provision)
        ),
        Finding::ObligationNotCovered {
            instrument,
            obligation,
            state,
        } => msg!(
            lang,
            "disparity-obligation-not-covered",
            instrument = instrument.get(lang),
            obligation = cited(obligation),
            state = state
        ),
        Finding::ObligationExcluded {
            instrument,
            obligation,
            state,
            excluded,
        } => msg!(
            lang,
            "disparity-obligation-excluded",
            instrument = instrument.get(lang),
            obligation = cited(obligation),
            state = state,
            excluded = excluded.join(crate::catalog::list_separator(lang))
        ),
        Finding::MaximumBelowFloor {
            instrument,
            obligation,
            state,
        } => msg!(
            lang,
            "disparity-maximum-below-floor",
            instrument = instrument.get(lang),
            floor = maximum(obligation.maximum, lang),
            obligation = cited(&obligation.provision),
            state = &state.system,
            maximum = maximum(state.maximum, lang),
            provision = cited(&state.provision)
        ),
        Finding::AgeThreshold {
            age,
            parameter,
            below,
            above,
        } => {
            let systems = |v: &[(String, i64)]| {
                v.iter()
                    .map(|(s, t)| format!("{s} ({t})"))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            // A threshold the catalog has no words for is named by its parameter.
            let threshold = crate::catalog::keyed(lang, "threshold", parameter)
                .unwrap_or_else(|| parameter.replace('_', " "));
            msg!(
                lang,
                "disparity-age-threshold",
                age = *age,
                threshold = threshold,
                below = systems(below),
                above = systems(above)
            )
        }
        Finding::TimeBarred {
            open,
            open_provision,
            barred,
            barred_rule,
            barred_provision,
        } => msg!(
            lang,
            "disparity-time-barred",
            open = open,
            open_provision = cited(open_provision),
            barred = barred,
            barred_rule = barred_rule
                .clone()
                .unwrap_or_else(|| cited(barred_provision))
        ),
        Finding::Reach {
            can,
            ground,
            cannot,
        } => match ground {
            Some((citation, label)) => msg!(
                lang,
                "disparity-reach-ground",
                can = can,
                citation = citation,
                ground = label.get(lang),
                cannot = cannot
            ),
            None => msg!(lang, "disparity-reach", can = can, cannot = cannot),
        },
    }
}

/// A disparity as JSON has it, its sentence in English.
pub fn disparity_json(d: &Disparity) -> Json {
    json!({
        "kind": d.kind,
        "systems": d.systems,
        "severity": d.severity,
        "conduct": d.conduct,
        "message": disparity(d, "en"),
        "details": d.details,
    })
}

/// An element's result in words: "met", or "met (presumed)" where it rests on a presumed
/// fact.
pub fn element_result(e: &qualif_engine::ElementResult, lang: &str) -> &'static str {
    match (e.status, e.presumed) {
        (ElementStatus::Met, true) => msg!(static lang, "element-met-presumed"),
        (ElementStatus::Unmet, true) => msg!(static lang, "element-unmet-presumed"),
        (s, _) => words::element_status(s, lang),
    }
}

/// The mark after an element's label that rests on a presumed fact ("(presumed)"), or
/// nothing.
pub fn presumed_mark(e: &qualif_engine::ElementResult, lang: &str) -> &'static str {
    if e.presumed {
        msg!(static lang, "presumed-mark")
    } else {
        ""
    }
}

/// One presumption the results rely on, in a line: the fact, its presumed value, why, and
/// that an answer overrides it.
pub fn presumption(
    p: &qualif_law::law::Presumption,
    vocab: &qualif_law::facts::Vocabulary,
    lang: &str,
) -> String {
    let def = vocab.fact(&p.fact);
    let fact = def.map_or(p.fact.as_str(), |d| d.label.get(lang));
    let ty = def.map_or(qualif_law::facts::FactType::Text, |d| d.ty);
    let value = super::explore_text::value_text(&p.value, ty, &p.fact, vocab, lang);
    msg!(
        lang,
        "presumption-line",
        fact = fact,
        value = value,
        note = p.note.get(lang)
    )
}
