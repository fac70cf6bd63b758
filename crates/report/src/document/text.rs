//! Words of the report in French and English: dates, statuses, verification labels.
//! Presentation only: no law is decided here.

use chrono::{Datelike, NaiveDate};

use qualif_analysis::compare::{DisparityKind, Severity};
use qualif_analysis::scale::{Placement, SentenceValue};
use qualif_engine::Status;
use qualif_engine::logic::Tri;
use qualif_law::law::{JurisdictionBasis, Verification};

use super::Choice;

pub use crate::words::{t, yes_no};

/// A date in words: "1 September 2021", "1er septembre 2021".
pub fn date(d: NaiveDate, lang: &str) -> String {
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    const FR: [&str; 12] = [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ];
    let m = d.month0() as usize;
    if lang == "fr" {
        let day = if d.day() == 1 {
            "1er".to_string()
        } else {
            d.day().to_string()
        };
        format!("{day} {} {}", FR[m], d.year())
    } else {
        format!("{} {} {}", d.day(), EN[m], d.year())
    }
}

pub fn tri(v: Tri, lang: &str) -> &'static str {
    match v {
        Tri::True => yes_no(true, lang),
        Tri::False => yes_no(false, lang),
        Tri::Unknown => t(lang, "unknown", "inconnu"),
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
        Some(Verification::VerifiedPrimary) => t(
            lang,
            "verified in the official text",
            "vérifié dans le texte officiel",
        )
        .into(),
        Some(Verification::VerifiedSecondary) => {
            verification_code("verified-secondary", lang).into()
        }
        Some(Verification::Unverified) => t(
            lang,
            "UNVERIFIED — check the official text",
            "NON VÉRIFIÉ — vérifier le texte officiel",
        )
        .into(),
        None => t(
            lang,
            "not in force at that date",
            "non en vigueur à cette date",
        )
        .into(),
    }
}

pub fn section(id: &str, lang: &str) -> String {
    let (en, fr) = match id {
        "case" => ("Case", "Dossier"),
        "victim" => ("Child", "Enfant"),
        "offender" => ("Offender", "Personne mise en cause"),
        "act" => ("Acts", "Actes"),
        "grooming" => ("Grooming", "Sollicitation"),
        "exploitation" => ("Exploitation", "Exploitation"),
        "live" => ("Live-streamed abuse", "Abus diffusés en direct"),
        "material" => ("Child sexual abuse material", "Contenus pédocriminels"),
        "sentence" => ("Sentence imposed", "Peine prononcée"),
        other => (other, other),
    };
    t(lang, en, fr).to_string()
}

pub fn basis(b: JurisdictionBasis, lang: &str) -> &'static str {
    match b {
        JurisdictionBasis::Territory => t(lang, "territory", "territorialité"),
        JurisdictionBasis::Nationality => t(
            lang,
            "nationality of the offender",
            "nationalité de l'auteur",
        ),
        JurisdictionBasis::Residence => {
            t(lang, "residence of the offender", "résidence de l'auteur")
        }
        JurisdictionBasis::PassiveNationality => t(
            lang,
            "nationality of the child",
            "nationalité de la victime",
        ),
        JurisdictionBasis::PassiveResidence => {
            t(lang, "residence of the child", "résidence de la victime")
        }
        JurisdictionBasis::Complicity => t(
            lang,
            "complicity from the territory",
            "complicité depuis le territoire",
        ),
        JurisdictionBasis::Presence => t(lang, "presence of the offender", "présence de l'auteur"),
    }
}

pub fn placement(p: Placement, lang: &str) -> &'static str {
    match p {
        Placement::BelowRange => t(lang, "below the range", "en dessous de la fourchette"),
        Placement::WithinRange => t(lang, "within the range", "dans la fourchette"),
        Placement::AboveRange => t(lang, "above the range", "au-dessus de la fourchette"),
        Placement::AboveMaximum => t(
            lang,
            "ABOVE the statutory maximum",
            "AU-DESSUS du maximum légal",
        ),
        Placement::WithinMaximum => t(
            lang,
            "within the statutory maximum",
            "dans le maximum légal",
        ),
    }
}

pub fn disparity_kind(k: DisparityKind, lang: &str) -> &'static str {
    match k {
        DisparityKind::NotCriminalised => t(lang, "not criminalised", "non incriminé"),
        DisparityKind::PenaltyGap => t(lang, "penalty gap", "écart de peine"),
        DisparityKind::BelowMinimumStandard => t(
            lang,
            "below the minimum standard",
            "en deçà du standard minimal",
        ),
        DisparityKind::AgeThreshold => t(lang, "age threshold", "seuil d'âge"),
        DisparityKind::Limitation => t(lang, "limitation", "prescription"),
        DisparityKind::JurisdictionReach => jurisdiction_word(lang),
        DisparityKind::UnverifiedLaw => t(lang, "unverified law", "droit non vérifié"),
    }
}

pub fn severity(s: Severity, lang: &str) -> &'static str {
    match s {
        Severity::Major => t(lang, "MAJOR", "MAJEURE"),
        Severity::Warning => t(lang, "warning", "attention"),
        Severity::Info => "info",
    }
}

/// A guideline's sentence value in words.
pub fn sentence_value(v: &SentenceValue, lang: &str) -> String {
    if lang != "fr" {
        return crate::words::sentence_value(v, "en");
    }
    match v {
        SentenceValue::Community(level) => {
            let l = match level.as_str() {
                "low" => "faible",
                "medium" => "moyen",
                "high" => "élevé",
                other => other,
            };
            format!("peine communautaire (community order) de niveau {l}")
        }
        SentenceValue::Custody { months, written } => {
            if let Some(w) = written.strip_suffix('w') {
                return format!("{w} semaines d'emprisonnement");
            }
            format!("{} d'emprisonnement", crate::words::months(*months, "fr"))
        }
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
                format!(
                    "{}: {} {}",
                    g.system,
                    g.provisions.len(),
                    t(lang, "obligations", "obligations")
                )
            } else if g.international {
                format!("{}: {}", g.system, g.provisions.join(", "))
            } else if g.provisions.len() > 6 {
                format!(
                    "{}, … ({} {})",
                    g.provisions[..4].join(", "),
                    g.provisions.len(),
                    t(lang, "provisions", "dispositions")
                )
            } else {
                g.provisions.join(", ")
            }
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// A verification label, short, from its code.
pub fn verification_code(code: &str, lang: &str) -> &'static str {
    match code {
        "verified-primary" => t(lang, "verified (official text)", "vérifié (texte officiel)"),
        "verified-secondary" => t(
            lang,
            "secondary sources only",
            "sources secondaires seulement",
        ),
        _ => t(lang, "unverified", "non vérifié"),
    }
}

/// The two lists of a system's section, in order, with their headings.
pub fn qualification_lists(lang: &str) -> [(Status, &'static str); 2] {
    [
        (
            Status::Applies,
            t(
                lang,
                "Qualifications that apply",
                "Qualifications applicables",
            ),
        ),
        (
            Status::Possible,
            t(
                lang,
                "Qualifications still possible",
                "Qualifications encore possibles",
            ),
        ),
    ]
}

/// A category or role of the scale: its id and label, or that the facts do not settle it.
pub fn choice(c: &Option<Choice>, lang: &str) -> String {
    c.as_ref()
        .map(|c| format!("{} ({})", c.id, c.label))
        .unwrap_or_else(|| {
            t(
                lang,
                "not determined by the facts given",
                "non déterminé par les faits fournis",
            )
            .into()
        })
}

/// When a source was last verified: "last verified 1 May 2026, 3 June 2026".
pub fn last_verified(dates: &[NaiveDate], lang: &str) -> String {
    if dates.is_empty() {
        t(
            lang,
            "date of verification not recorded",
            "date de vérification non renseignée",
        )
        .to_string()
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
        (
            t(lang, "Aggravating factors", "Facteurs aggravants"),
            &s.aggravating,
        ),
        (
            t(lang, "Mitigating factors", "Facteurs atténuants"),
            &s.mitigating,
        ),
    ]
}

// Labels the report uses in several places.

pub fn status_label(lang: &str) -> &'static str {
    t(lang, "Status", "Statut")
}

pub fn verification_label(lang: &str) -> &'static str {
    t(lang, "Verification", "Vérification")
}

pub fn provision_label(lang: &str) -> &'static str {
    t(lang, "Provision", "Disposition")
}

pub fn limitation_label(lang: &str) -> &'static str {
    t(lang, "Limitation", "Prescription")
}

pub fn sources_label(lang: &str) -> &'static str {
    t(lang, "Sources", "Sources")
}

pub fn fact_label(lang: &str) -> &'static str {
    t(lang, "Fact", "Fait")
}

/// "None." of a feminine noun in French (qualifications, sources).
pub fn none_feminine(lang: &str) -> &'static str {
    t(lang, "None.", "Aucune.")
}

/// A date, or a sentence's qualification, that the case does not state.
pub fn not_stated(lang: &str) -> &'static str {
    t(lang, "not stated", "non précisée")
}

pub fn starting_point(lang: &str) -> &'static str {
    t(lang, "starting point", "point de départ")
}

/// "jurisdiction", as a kind of rule or of disparity.
pub fn jurisdiction_word(lang: &str) -> &'static str {
    t(lang, "jurisdiction", "compétence")
}

/// Before the date from which a version is in force, with no end.
pub fn in_force_from(lang: &str) -> &'static str {
    t(lang, "in force from", "en vigueur depuis le")
}

/// A life sentence.
pub fn life(lang: &str) -> &'static str {
    t(lang, "life", "perpétuité")
}

/// Before the date a provision or source was last verified.
pub fn last_verified_label(lang: &str) -> &'static str {
    t(lang, "last verified", "dernière vérification le")
}
