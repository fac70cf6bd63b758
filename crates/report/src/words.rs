//! Penalties and statuses in words, in French or English.

use qualif_analysis::scale::{Guideline, ScopeStatus, SentenceValue};
use qualif_engine::{ElementStatus, Status};
use qualif_law::law::{Fine, MinimumStatus, Penalty, Term};

/// "Law applied as in force on", before the date whose law an output applies.
pub fn law_applied(lang: &str) -> &'static str {
    msg!(static lang, "law-applied")
}

/// A whole number with its thousands grouped as the language groups them.
fn thousands(n: f64, lang: &str) -> String {
    let sep = msg!(lang, "number-group-separator");
    let whole = n.round() as i64;
    let s = whole.abs().to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push_str(&sep);
        }
        out.push(c);
    }
    if whole < 0 { format!("-{out}") } else { out }
}

/// A term in words: "5 years", "2 years less a day", "6 months", "life".
pub fn term(t: Term, lang: &str) -> String {
    match t {
        Term::Life => msg!(lang, "term-life"),
        Term::None => msg!(lang, "term-none"),
        Term::Unknown => msg!(lang, "term-unknown"),
        Term::Months(m) => months(m, lang),
        Term::Days(d) => msg!(lang, "term-days", days = d),
    }
}

/// A number of months in words: years, months, or days below a month. A figure that is
/// not a whole number of months (other than "less a day") is written in whole days, never
/// as a fraction of a month.
pub fn months(m: f64, lang: &str) -> String {
    let ceil = m.ceil();
    let less_a_day = (ceil - m) > 0.0 && ((ceil - m) * DAYS_PER_MONTH - 1.0).abs() < 0.2;
    if less_a_day && (ceil as i64) % 12 == 0 {
        let years = ceil as i64 / 12;
        return msg!(lang, "term-years-less-a-day", years = years);
    }
    if (m - m.round()).abs() < 1e-9 {
        return whole_months(m.round() as i64, lang);
    }
    if m < 12.0 {
        let days = (m * DAYS_PER_MONTH).round() as i64;
        return msg!(lang, "term-days", days = days);
    }
    let whole = m.floor() as i64;
    let days = ((m - m.floor()) * DAYS_PER_MONTH).round() as i64;
    match (whole, days) {
        (w, 0) => whole_months(w, lang),
        (w, d) => msg!(
            lang,
            "term-and-days",
            term = whole_months(w, lang),
            days = msg!(lang, "term-days", days = d)
        ),
    }
}

/// Days in an average month, as the data's durations count them.
const DAYS_PER_MONTH: f64 = 30.436_875;

fn whole_months(n: i64, lang: &str) -> String {
    if n % 12 == 0 && n > 0 {
        return msg!(lang, "term-years", years = n / 12);
    }
    if n > 12 {
        return msg!(lang, "term-years-months", years = n / 12, months = n % 12);
    }
    msg!(lang, "term-months", months = n)
}

pub fn fine(f: &Fine, lang: &str) -> String {
    match f {
        Fine::Unknown => msg!(lang, "fine-unknown"),
        Fine::Amount { amount, currency } => {
            let amount = thousands(*amount, lang);
            match crate::catalog::keyed(lang, "currency", currency) {
                Some(symbol) => msg!(lang, "fine-amount-symbol", amount = amount, symbol = symbol),
                None => msg!(
                    lang,
                    "fine-amount-code",
                    amount = amount,
                    currency = currency
                ),
            }
        }
    }
}

/// The kind of custody after a term ("of criminal detention", "de réclusion criminelle"):
/// words of the catalog keyed by the data's value (`custody-reclusion`).
fn custody_word(custody: Option<&str>, lang: &str) -> String {
    custody
        .and_then(|c| crate::catalog::keyed(lang, "custody", c))
        .unwrap_or_else(|| msg!(lang, "custody-other"))
}

fn minimum_status(s: MinimumStatus, lang: &str) -> String {
    match s {
        MinimumStatus::InForce => msg!(lang, "minimum-in-force"),
        MinimumStatus::StruckDown => msg!(lang, "minimum-struck-down"),
        MinimumStatus::Repealed => msg!(lang, "minimum-repealed"),
        MinimumStatus::Contested => msg!(lang, "minimum-contested"),
    }
}

/// A minimum's status in a few words: "in force", "struck down", "repealed", "contested".
pub fn minimum_status_short(s: MinimumStatus, lang: &str) -> &'static str {
    match s {
        MinimumStatus::InForce => msg!(static lang, "minimum-short-in-force"),
        MinimumStatus::StruckDown => msg!(static lang, "minimum-short-struck-down"),
        MinimumStatus::Repealed => msg!(static lang, "minimum-short-repealed"),
        MinimumStatus::Contested => msg!(static lang, "minimum-short-contested"),
    }
}

/// A verification level in words (in English, its name in the data).
pub fn verification(v: qualif_law::law::Verification, lang: &str) -> &'static str {
    use qualif_law::law::Verification as V;
    match v {
        V::Unverified => msg!(static lang, "verification-unverified"),
        V::VerifiedSecondary => msg!(static lang, "verification-verified-secondary"),
        V::VerifiedPrimary => msg!(static lang, "verification-verified-primary"),
    }
}

/// One penalty (or procedure) in words.
pub fn penalty(p: &Penalty, lang: &str) -> String {
    if !p.procedures.is_empty() {
        return p
            .procedures
            .iter()
            .map(|pr| {
                let name = pr
                    .procedure
                    .as_deref()
                    .and_then(|v| crate::catalog::keyed(lang, "procedure", v))
                    .unwrap_or_default();
                crate::catalog::labelled(lang, &name, &single(pr, lang))
            })
            .collect::<Vec<_>>()
            .join(crate::catalog::list_separator(lang));
    }
    single(p, lang)
}

fn single(p: &Penalty, lang: &str) -> String {
    let custody = custody_word(p.custody.as_deref(), lang);
    let mut parts = Vec::new();
    match (p.prison_max, p.prison_min) {
        (Term::Life, _) => parts.push(msg!(lang, "penalty-life")),
        (Term::None, _) => parts.push(term(Term::None, lang)),
        (Term::Unknown, _) => parts.push(
            p.custody
                .as_deref()
                .and_then(|c| crate::catalog::keyed(lang, "penalty-unconfirmed", c))
                .unwrap_or_else(|| msg!(lang, "penalty-unconfirmed")),
        ),
        (
            max @ (Term::Months(_) | Term::Days(_)),
            Some(min @ (Term::Months(_) | Term::Days(_))),
        ) if p.minimum_status.is_none() => parts.push(msg!(
            lang,
            "penalty-range",
            min = term(min, lang),
            max = term(max, lang),
            custody = custody
        )),
        (max @ (Term::Months(_) | Term::Days(_)), _) => parts.push(msg!(
            lang,
            "penalty-term",
            term = term(max, lang),
            custody = custody
        )),
    }
    let minimum = match (p.minimum_status, p.prison_min) {
        (Some(status), Some(min)) => Some(msg!(
            lang,
            "penalty-minimum",
            term = term(min, lang),
            status = minimum_status(status, lang)
        )),
        _ => None,
    };
    match (&p.fine_min, &p.fine_max) {
        (Some(min), Some(max)) => parts.push(msg!(
            lang,
            "penalty-fine-range",
            min = fine(min, lang),
            max = fine(max, lang)
        )),
        (None, Some(Fine::Unknown)) => parts.push(fine(&Fine::Unknown, lang)),
        (None, Some(f)) => parts.push(msg!(lang, "penalty-fine-max", max = fine(f, lang))),
        _ => {}
    }
    // The minimum follows the term after a comma; the other parts are joined by "and".
    let mut out = parts.remove(0);
    if let Some(m) = minimum {
        out = msg!(lang, "penalty-with-minimum", penalty = out, minimum = m);
    }
    for part in parts {
        out = msg!(lang, "penalty-and", first = out, second = part);
    }
    out
}

pub fn status(s: Status, lang: &str) -> &'static str {
    match s {
        Status::Applies => msg!(static lang, "status-applies"),
        Status::Possible => msg!(static lang, "status-possible"),
        Status::Excluded => msg!(static lang, "status-excluded"),
    }
}

pub fn element_status(s: ElementStatus, lang: &str) -> &'static str {
    match s {
        ElementStatus::Met => msg!(static lang, "element-met"),
        ElementStatus::Unmet => msg!(static lang, "element-unmet"),
        ElementStatus::Unknown => msg!(static lang, "element-unknown"),
    }
}

/// A guideline's sentence value as the guideline words it: "26 weeks' custody", "1 year's
/// custody", "High level community order" (in French, "26 semaines d'emprisonnement").
pub fn sentence_value(v: &SentenceValue, lang: &str) -> String {
    match v {
        SentenceValue::Community(level) => {
            crate::catalog::keyed(lang, "community-order", level).unwrap_or_else(|| level.clone())
        }
        SentenceValue::Custody { months: m, written } => {
            if let Some(w) = written.strip_suffix('w') {
                return match w.parse::<f64>() {
                    Ok(weeks) => msg!(lang, "sentence-weeks", weeks = weeks),
                    Err(_) => msg!(lang, "sentence-weeks", weeks = w),
                };
            }
            if (m % 12.0).abs() < 1e-9 {
                return msg!(lang, "sentence-years", years = (m / 12.0) as i64);
            }
            msg!(lang, "sentence-term", term = months(*m, lang))
        }
    }
}

/// A guideline's status, and what its scope makes of the offender when it does.
pub fn guideline_status(g: &Guideline, lang: &str) -> String {
    match &g.scope_status {
        None => g.status.clone(),
        Some(ScopeStatus::Outside) => {
            msg!(lang, "guideline-status-outside", status = &g.status)
        }
        Some(ScopeStatus::Unknown(words)) => msg!(
            lang,
            "guideline-status-scope",
            status = &g.status,
            scope = words.get(lang)
        ),
    }
}

/// "yes" or "no", in the language.
pub fn yes_no(b: bool, lang: &str) -> &'static str {
    if b {
        msg!(static lang, "value-yes")
    } else {
        msg!(static lang, "value-no")
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
        let mut min = p("2y-1d", None, "imprisonment");
        min.prison_min = Some(Term::parse("90d").unwrap());
        min.minimum_status = Some(MinimumStatus::InForce);
        assert_eq!(
            penalty(&min, "en"),
            "2 years less a day imprisonment, minimum 90 days (mandatory minimum in force)"
        );
        assert_eq!(months(2.96, "en"), "90 days");
        assert_eq!(months(0.99, "fr"), "30 jours");
        assert_eq!(months(24.5, "en"), "2 years and 15 days");
        assert_eq!(
            penalty(&p("14y", Some("1000 CAD"), "imprisonment"), "en"),
            "14 years imprisonment and a fine of up to 1,000 CAD"
        );
    }
}
