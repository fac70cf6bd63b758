//! Words of the report in French and English: dates, statuses, verification labels.
//! Presentation only: no law is decided here.

use chrono::NaiveDate;

use qualif_analysis::compare::{DisparityKind, Severity};
use qualif_analysis::scale::{Placement, SentenceValue};
use qualif_engine::Status;
use qualif_engine::logic::Tri;
use qualif_law::law::{JurisdictionBasis, Verification};

use super::Choice;

pub use crate::words::yes_no;

/// A date in words: "1 September 2021", "1er septembre 2021".
pub fn date(d: NaiveDate, lang: &str) -> String {
    crate::catalog::date(lang, d)
}

pub fn tri(v: Tri, lang: &str) -> &'static str {
    match v {
        Tri::True => yes_no(true, lang),
        Tri::False => yes_no(false, lang),
        Tri::Unknown => msg!(static lang, "doc-unknown"),
    }
}

pub fn tri_bool(v: Tri) -> Option<bool> {
    match v {
        Tri::True => Some(true),
        Tri::False => Some(false),
        Tri::Unknown => None,
    }
}

pub fn verification(v: Option<Verification>, lang: &str) -> String {
    match v {
        Some(Verification::VerifiedPrimary) => {
            msg!(static lang, "doc-verified-in-the-official-text").into()
        }
        Some(Verification::VerifiedSecondary) => {
            verification_code("verified-secondary", lang).into()
        }
        Some(Verification::Unverified) => {
            msg!(static lang, "doc-unverified-check-the-official-text").into()
        }
        None => msg!(static lang, "doc-not-in-force-at-that").into(),
    }
}

pub fn section(id: &str, lang: &str) -> String {
    match id {
        "case" => msg!(lang, "doc-section-case"),
        "victim" => msg!(lang, "doc-section-victim"),
        "offender" => msg!(lang, "doc-section-offender"),
        "act" => msg!(lang, "doc-section-act"),
        "grooming" => msg!(lang, "doc-section-grooming"),
        "exploitation" => msg!(lang, "doc-section-exploitation"),
        "live" => msg!(lang, "doc-section-live"),
        "material" => msg!(lang, "doc-section-material"),
        "sentence" => msg!(lang, "doc-section-sentence"),
        other => other.to_string(),
    }
}

pub fn basis(b: JurisdictionBasis, lang: &str) -> &'static str {
    match b {
        JurisdictionBasis::Territory => msg!(static lang, "doc-territory"),
        JurisdictionBasis::Nationality => msg!(static lang, "doc-nationality-of-the-offender"),
        JurisdictionBasis::Residence => {
            msg!(static lang, "doc-residence-of-the-offender")
        }
        JurisdictionBasis::PassiveNationality => msg!(static lang, "doc-nationality-of-the-child"),
        JurisdictionBasis::PassiveResidence => {
            msg!(static lang, "doc-residence-of-the-child")
        }
        JurisdictionBasis::Complicity => msg!(static lang, "doc-complicity-from-the-territory"),
        JurisdictionBasis::Presence => msg!(static lang, "doc-presence-of-the-offender"),
    }
}

pub fn placement(p: Placement, lang: &str) -> &'static str {
    match p {
        Placement::BelowRange => msg!(static lang, "doc-below-the-range"),
        Placement::WithinRange => msg!(static lang, "doc-within-the-range"),
        Placement::AboveRange => msg!(static lang, "doc-above-the-range"),
        Placement::AboveMaximum => msg!(static lang, "doc-above-the-statutory-maximum"),
        Placement::WithinMaximum => msg!(static lang, "doc-within-the-statutory-maximum"),
    }
}

pub fn disparity_kind(k: DisparityKind, lang: &str) -> &'static str {
    match k {
        DisparityKind::NotCriminalised => msg!(static lang, "doc-not-criminalised"),
        DisparityKind::PenaltyGap => msg!(static lang, "doc-penalty-gap"),
        DisparityKind::BelowMinimumStandard => msg!(static lang, "doc-below-the-minimum-standard"),
        DisparityKind::AgeThreshold => msg!(static lang, "doc-age-threshold"),
        DisparityKind::Limitation => msg!(static lang, "doc-limitation"),
        DisparityKind::JurisdictionReach => jurisdiction_word(lang),
        DisparityKind::UnverifiedLaw => msg!(static lang, "doc-unverified-law"),
    }
}

pub fn severity(s: Severity, lang: &str) -> &'static str {
    match s {
        Severity::Major => msg!(static lang, "doc-major"),
        Severity::Warning => msg!(static lang, "doc-warning"),
        Severity::Info => "info",
    }
}

/// A guideline's sentence value in words: in English the guideline's own words (as every
/// output writes them, [`crate::words::sentence_value`]), in French the report's
/// translation (`doc-scale-sentence-*`).
pub fn sentence_value(v: &SentenceValue, lang: &str) -> String {
    if lang != "fr" {
        return crate::words::sentence_value(v, "en");
    }
    match v {
        SentenceValue::Community(level) => {
            msg!(lang, "doc-scale-sentence-community", level = level)
        }
        SentenceValue::Custody { months, written } => match written.strip_suffix('w') {
            Some(w) => msg!(lang, "doc-scale-sentence-weeks", weeks = w),
            None => msg!(
                lang,
                "doc-scale-sentence-custody",
                term = crate::words::months(*months, lang)
            ),
        },
    }
}

/// A number without a useless decimal part.
pub fn number(n: f64) -> String {
    if (n - n.round()).abs() < 1e-9 {
        format!("{}", n.round() as i64)
    } else {
        format!("{n}")
    }
}

/// Provision ids grouped by system, in words: "BE: BE.377quater; COE-LANZAROTE: 13
/// obligations" (an instrument's long lists are counted, not listed; a system's list of more
/// than six is cut after four, with the count).
pub fn groups(gs: &[super::ProvisionGroup], lang: &str) -> String {
    gs.iter()
        .map(|g| {
            if g.international && g.provisions.len() > 3 {
                crate::catalog::labelled(
                    lang,
                    &g.system,
                    &format!(
                        "{} {}",
                        g.provisions.len(),
                        msg!(static lang, "doc-obligations")
                    ),
                )
            } else if g.international {
                crate::catalog::labelled(lang, &g.system, &g.provisions.join(", "))
            } else if g.provisions.len() > 6 {
                format!(
                    "{}, … ({} {})",
                    g.provisions[..4].join(", "),
                    g.provisions.len(),
                    msg!(static lang, "doc-provisions")
                )
            } else {
                g.provisions.join(", ")
            }
        })
        .collect::<Vec<_>>()
        .join(crate::catalog::list_separator(lang))
}

/// A verification label, short, from its code.
pub fn verification_code(code: &str, lang: &str) -> &'static str {
    match code {
        "verified-primary" => msg!(static lang, "doc-verified-official-text"),
        "verified-secondary" => msg!(static lang, "doc-secondary-sources-only"),
        _ => msg!(static lang, "doc-unverified"),
    }
}

/// The two lists of a system's section, in order, with their headings.
pub fn qualification_lists(lang: &str) -> [(Status, &'static str); 2] {
    [
        (
            Status::Applies,
            msg!(static lang, "doc-qualifications-that-apply"),
        ),
        (
            Status::Possible,
            msg!(static lang, "doc-qualifications-still-possible"),
        ),
    ]
}

/// A category or role of the scale: its id and label, or that the facts do not settle it.
pub fn choice(c: &Option<Choice>, lang: &str) -> String {
    c.as_ref()
        .map(|c| format!("{} ({})", c.id, c.label))
        .unwrap_or_else(|| msg!(static lang, "doc-not-determined-by-the-facts").into())
}

/// When a source was last verified: "last verified 1 May 2026, 3 June 2026".
pub fn last_verified(dates: &[NaiveDate], lang: &str) -> String {
    if dates.is_empty() {
        msg!(static lang, "doc-date-of-verification-not-recorded").to_string()
    } else {
        format!(
            "{} {}",
            last_verified_label(lang),
            dates
                .iter()
                .map(|d| date(*d, lang))
                .collect::<Vec<_>>()
                .join(", ")
        )
    }
}

/// The scale's aggravating and mitigating factors, with their headings.
pub fn factor_lists<'s>(
    s: &'s super::ScaleSection,
    lang: &str,
) -> [(&'static str, &'s [super::FactorLine]); 2] {
    [
        (msg!(static lang, "doc-aggravating-factors"), &s.aggravating),
        (msg!(static lang, "doc-mitigating-factors"), &s.mitigating),
    ]
}

// Labels the report uses in several places.

pub fn status_label(lang: &str) -> &'static str {
    msg!(static lang, "doc-status")
}

pub fn verification_label(lang: &str) -> &'static str {
    msg!(static lang, "doc-verification")
}

pub fn provision_label(lang: &str) -> &'static str {
    msg!(static lang, "doc-provision")
}

pub fn limitation_label(lang: &str) -> &'static str {
    msg!(static lang, "doc-limitation-label")
}

pub fn sources_label(lang: &str) -> &'static str {
    msg!(static lang, "doc-sources")
}

pub fn fact_label(lang: &str) -> &'static str {
    msg!(static lang, "doc-fact")
}

/// "None." of a feminine noun in French (qualifications, sources).
pub fn none_feminine(lang: &str) -> &'static str {
    msg!(static lang, "doc-none")
}

/// A date, or a sentence's qualification, that the case does not state.
pub fn not_stated(lang: &str) -> &'static str {
    msg!(static lang, "doc-not-stated")
}

pub fn starting_point(lang: &str) -> &'static str {
    msg!(static lang, "doc-starting-point")
}

/// "jurisdiction", as a kind of rule or of disparity.
pub fn jurisdiction_word(lang: &str) -> &'static str {
    msg!(static lang, "doc-jurisdiction")
}

/// Before the date from which a version is in force, with no end.
pub fn in_force_from(lang: &str) -> &'static str {
    msg!(static lang, "doc-in-force-from")
}

/// A life sentence.
pub fn life(lang: &str) -> &'static str {
    msg!(static lang, "doc-life")
}

/// Before the date a provision or source was last verified.
pub fn last_verified_label(lang: &str) -> &'static str {
    msg!(static lang, "doc-last-verified")
}
