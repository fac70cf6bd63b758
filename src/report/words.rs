//! Penalties and statuses in words, in French or English.

use crate::engine::{ElementStatus, Status};
use crate::law::{Fine, MinimumStatus, Penalty, Term};

/// The French or the English of a phrase.
pub fn t<'a>(lang: &str, en: &'a str, fr: &'a str) -> &'a str {
    if lang == "fr" { fr } else { en }
}

/// "Law applied as in force on", before the date whose law an output applies.
pub fn law_applied(lang: &str) -> &'static str {
    t(
        lang,
        "Law applied as in force on",
        "Droit appliqué tel qu'en vigueur le",
    )
}

fn thousands(n: f64, sep: char) -> String {
    let whole = n.round() as i64;
    let s = whole.abs().to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(sep);
        }
        out.push(c);
    }
    if whole < 0 { format!("-{out}") } else { out }
}

fn currency_symbol(code: &str) -> &str {
    match code {
        "EUR" => "€",
        "GBP" => "£",
        _ => code,
    }
}

/// A term in words: "5 years", "2 years less a day", "6 months", "life".
pub fn term(t: Term, lang: &str) -> String {
    let fr = lang == "fr";
    match t {
        Term::Life => (if fr { "à perpétuité" } else { "life" }).into(),
        Term::None => (if fr {
            "pas d'emprisonnement"
        } else {
            "no imprisonment"
        })
        .into(),
        Term::Unknown => (if fr {
            "durée non confirmée"
        } else {
            "term not confirmed"
        })
        .into(),
        Term::Months(m) => months(m, lang),
    }
}

/// A number of months in words.
pub fn months(m: f64, lang: &str) -> String {
    let fr = lang == "fr";
    let plural = |n: i64, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let ceil = m.ceil();
    let less_a_day = (ceil - m) > 0.0 && ((ceil - m) * 30.436_875 - 1.0).abs() < 0.2;
    if less_a_day && (ceil as i64) % 12 == 0 {
        let y = ceil as i64 / 12;
        return if fr {
            format!("{} moins un jour", plural(y, "an", "ans"))
        } else {
            format!("{} less a day", plural(y, "year", "years"))
        };
    }
    if (m - m.round()).abs() < 1e-9 {
        let n = m.round() as i64;
        if n % 12 == 0 && n > 0 {
            let y = n / 12;
            return if fr {
                plural(y, "an", "ans")
            } else {
                plural(y, "year", "years")
            };
        }
        if n > 12 {
            let (y, r) = (n / 12, n % 12);
            return if fr {
                format!("{} et {} mois", plural(y, "an", "ans"), r)
            } else {
                format!(
                    "{} and {}",
                    plural(y, "year", "years"),
                    plural(r, "month", "months")
                )
            };
        }
        return if fr {
            format!("{n} mois")
        } else {
            plural(n, "month", "months")
        };
    }
    if fr {
        format!("{m} mois")
    } else {
        format!("{m} months")
    }
}

pub fn fine(f: &Fine, lang: &str) -> String {
    match f {
        Fine::Unknown => (if lang == "fr" {
            "amende non confirmée"
        } else {
            "fine not confirmed"
        })
        .into(),
        Fine::Amount { amount, currency } => {
            if lang == "fr" {
                format!(
                    "{} {}",
                    thousands(*amount, '\u{202f}'),
                    currency_symbol(currency)
                )
            } else {
                let sym = currency_symbol(currency);
                if sym.len() <= 3 && sym != currency {
                    format!("{sym}{}", thousands(*amount, ','))
                } else {
                    format!("{} {currency}", thousands(*amount, ','))
                }
            }
        }
    }
}

fn custody_word(custody: Option<&str>, lang: &str) -> String {
    match (custody, lang) {
        (Some("reclusion"), "fr") => "de réclusion criminelle".into(),
        (Some("reclusion"), _) => "of criminal imprisonment (réclusion)".into(),
        (Some("detention"), "fr") => "de détention criminelle".into(),
        (Some("detention"), _) => "of criminal detention".into(),
        (Some("emprisonnement"), "fr") | (_, "fr") => "d'emprisonnement".into(),
        _ => "imprisonment".into(),
    }
}

fn minimum_status(s: MinimumStatus, lang: &str) -> &'static str {
    match (s, lang == "fr") {
        (MinimumStatus::InForce, false) => "mandatory minimum in force",
        (MinimumStatus::InForce, true) => "peine minimale obligatoire en vigueur",
        (MinimumStatus::StruckDown, false) => "mandatory minimum struck down",
        (MinimumStatus::StruckDown, true) => "peine minimale invalidée",
        (MinimumStatus::Repealed, false) => "mandatory minimum repealed",
        (MinimumStatus::Repealed, true) => "peine minimale abrogée",
        (MinimumStatus::Contested, false) => {
            "mandatory minimum held unconstitutional by some courts"
        }
        (MinimumStatus::Contested, true) => {
            "peine minimale jugée inconstitutionnelle par certaines juridictions"
        }
    }
}

/// One penalty (or procedure) in words.
pub fn penalty(p: &Penalty, lang: &str) -> String {
    if !p.procedures.is_empty() {
        return p
            .procedures
            .iter()
            .map(|pr| {
                let name = match (pr.procedure.as_deref(), lang == "fr") {
                    (Some("indictment"), false) => "on indictment",
                    (Some("indictment"), true) => "par mise en accusation",
                    (Some("summary"), false) => "on summary conviction",
                    (Some("summary"), true) => "par procédure sommaire",
                    _ => "",
                };
                format!("{name}: {}", single(pr, lang))
            })
            .collect::<Vec<_>>()
            .join("; ");
    }
    single(p, lang)
}

fn single(p: &Penalty, lang: &str) -> String {
    let fr = lang == "fr";
    let custody = custody_word(p.custody.as_deref(), lang);
    let mut parts = Vec::new();
    match (p.prison_max, p.prison_min) {
        (Term::Life, _) => parts.push(if fr {
            "réclusion criminelle à perpétuité".to_string()
        } else {
            "life imprisonment".into()
        }),
        (Term::None, _) => parts.push(term(Term::None, lang)),
        (Term::Unknown, _) => parts.push(match (fr, p.custody.as_deref()) {
            (true, Some("reclusion")) => "peine de réclusion non confirmée".into(),
            (true, Some("detention")) => "peine de détention non confirmée".into(),
            (true, _) => "peine d'emprisonnement non confirmée".into(),
            (false, _) => "custodial penalty not confirmed".into(),
        }),
        (Term::Months(max), Some(Term::Months(min))) if p.minimum_status.is_none() => {
            parts.push(if fr {
                format!("{} à {} {custody}", months(min, lang), months(max, lang))
            } else {
                format!("{} to {} {custody}", months(min, lang), months(max, lang))
            })
        }
        (Term::Months(max), _) => parts.push(format!("{} {custody}", months(max, lang))),
    }
    if let (Some(status), Some(min)) = (p.minimum_status, p.prison_min) {
        parts.push(format!(
            "minimum {} ({})",
            term(min, lang),
            minimum_status(status, lang)
        ));
    }
    match (&p.fine_min, &p.fine_max) {
        (Some(min), Some(max)) => parts.push(if fr {
            format!("une amende de {} à {}", fine(min, lang), fine(max, lang))
        } else {
            format!("a fine of {} to {}", fine(min, lang), fine(max, lang))
        }),
        (None, Some(Fine::Unknown)) => parts.push(fine(&Fine::Unknown, lang)),
        (None, Some(f)) => parts.push(if fr {
            format!("{} d'amende", fine(f, lang))
        } else {
            format!("a fine of up to {}", fine(f, lang))
        }),
        _ => {}
    }
    parts
        .join(if fr { " et " } else { " and " })
        .replace(" et minimum", ", minimum")
        .replace(" and minimum", ", minimum")
}

pub fn status(s: Status, lang: &str) -> &'static str {
    match (s, lang == "fr") {
        (Status::Applies, false) => "applies",
        (Status::Applies, true) => "applicable",
        (Status::Possible, false) => "possible",
        (Status::Possible, true) => "possible",
        (Status::Excluded, false) => "excluded",
        (Status::Excluded, true) => "exclue",
    }
}

pub fn element_status(s: ElementStatus, lang: &str) -> &'static str {
    match (s, lang == "fr") {
        (ElementStatus::Met, false) => "met",
        (ElementStatus::Met, true) => "établi",
        (ElementStatus::Unmet, false) => "not met",
        (ElementStatus::Unmet, true) => "non établi",
        (ElementStatus::Unknown, false) => "unknown",
        (ElementStatus::Unknown, true) => "inconnu",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(max: &str, fine_max: Option<&str>, custody: &str) -> Penalty {
        Penalty {
            prison_max: Term::parse(max).unwrap(),
            prison_min: None,
            minimum_status: None,
            minimum_note: None,
            fine_max: fine_max.map(|f| Fine::parse(f).unwrap()),
            fine_min: None,
            custody: Some(custody.into()),
            procedure: None,
            procedures: vec![],
        }
    }

    #[test]
    fn french_penalty_text() {
        assert_eq!(
            penalty(&p("5y", Some("75000 EUR"), "emprisonnement"), "fr"),
            "5 ans d'emprisonnement et 75\u{202f}000 € d'amende"
        );
        assert_eq!(
            penalty(&p("15y", None, "reclusion"), "fr"),
            "15 ans de réclusion criminelle"
        );
    }

    #[test]
    fn english_penalty_text() {
        assert_eq!(
            penalty(&p("2y-1d", None, "imprisonment"), "en"),
            "2 years less a day imprisonment"
        );
        assert_eq!(
            penalty(&p("14y", Some("1000 CAD"), "imprisonment"), "en"),
            "14 years imprisonment and a fine of up to 1,000 CAD"
        );
    }
}
