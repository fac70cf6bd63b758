//! Penalties as the data files state them: terms, fines, procedures and the status of
//! mandatory minimums.

use std::cmp::Ordering;

use serde::Serialize;

/// Days in an average month, to turn "two years less a day" into months.
const DAYS_PER_MONTH: f64 = 30.436_875;

/// A custodial term.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Term {
    Months(f64),
    /// A term the law gives in days ("90 days"), kept in days so that it is written so;
    /// its figure in months ([`Term::months`]) is the one a term in months would have.
    Days(u32),
    Life,
    /// The provision provides no imprisonment.
    None,
    /// The figure is not confirmed.
    Unknown,
}

impl Term {
    /// Parses `15y`, `6m`, `2y6m`, `26w`, `2y-1d`, `life`, `none`, `unknown`.
    pub fn parse(s: &str) -> Result<Term, String> {
        let t = s.trim();
        match t {
            "life" => return Ok(Term::Life),
            "none" => return Ok(Term::None),
            "unknown" => return Ok(Term::Unknown),
            _ => {}
        }
        if let Some(days) = t.strip_suffix('d').and_then(|d| d.parse::<u32>().ok()) {
            if t.bytes().all(|b| b.is_ascii_digit() || b == b'd') {
                return Ok(Term::Days(days));
            }
        }
        parse_duration_months(t).map(Term::Months).ok_or_else(|| {
            let s = crate::diagnostics::excerpt(s, 40);
            format!("`{s}` is not a term: write e.g. \"15y\", \"6m\", \"2y6m\", \"26w\", \"2y-1d\", \"life\", \"none\" or \"unknown\"")
        })
    }

    pub fn months(self) -> Option<f64> {
        match self {
            Term::Months(m) => Some(m),
            Term::Days(d) => Some(days_to_months(d)),
            _ => None,
        }
    }

    /// The term in months for ranking penalties by severity: no imprisonment at zero, life
    /// above any term, `None` for a figure the sources do not confirm.
    pub fn severity_months(self) -> Option<f64> {
        match self {
            Term::None => Some(0.0),
            Term::Months(m) => Some(m),
            Term::Days(d) => Some(days_to_months(d)),
            Term::Life => Some(f64::INFINITY),
            Term::Unknown => None,
        }
    }

    /// Orders known terms; `None` when either is unknown.
    pub fn severity_cmp(self, other: Term) -> Option<Ordering> {
        let rank = |t: Term| match t {
            Term::None => Some(-1.0),
            Term::Months(m) => Some(m),
            Term::Days(d) => Some(days_to_months(d)),
            Term::Life => Some(f64::INFINITY),
            Term::Unknown => None,
        };
        rank(self)?.partial_cmp(&rank(other)?)
    }
}

/// A number of days in months, rounded to 2 decimals as a duration in months is (90 days
/// are 2.96 months, as `90d` always was).
pub fn days_to_months(days: u32) -> f64 {
    (f64::from(days) / DAYS_PER_MONTH * 100.0).round() / 100.0
}

/// Parses a duration such as `2y6m`, `26w`, `2y-1d` into months, rounded to 2 decimals.
/// A week is a 52nd of a year, as sentencing guidelines count (26 weeks = 6 months).
pub fn parse_duration_months(s: &str) -> Option<f64> {
    let mut months = 0.0;
    let mut rest = s.trim();
    if rest.is_empty() {
        return None;
    }
    let mut sign = 1.0;
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix('-') {
            sign = -1.0;
            rest = r;
        } else if let Some(r) = rest.strip_prefix('+') {
            sign = 1.0;
            rest = r;
        }
        let digits = rest
            .find(|c: char| !c.is_ascii_digit() && c != '.')
            .unwrap_or(rest.len());
        if digits == 0 {
            return None;
        }
        let n: f64 = rest[..digits].parse().ok()?;
        let unit = rest[digits..].chars().next()?;
        let factor = match unit {
            'y' => 12.0,
            'm' => 1.0,
            'w' => 12.0 / 52.0,
            'd' => 1.0 / DAYS_PER_MONTH,
            _ => return None,
        };
        months += sign * n * factor;
        rest = &rest[digits + 1..];
    }
    // Negative, or so many digits that the figure is not finite.
    if !months.is_finite() || months < 0.0 {
        return None;
    }
    let rounded = (months * 100.0).round() / 100.0;
    Some(rounded)
}

/// A fine.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Fine {
    Amount { amount: f64, currency: String },
    Unknown,
}

impl Fine {
    pub fn parse(s: &str) -> Result<Fine, String> {
        let t = s.trim();
        if t == "unknown" {
            return Ok(Fine::Unknown);
        }
        let (amount, currency) = t.split_once(' ').ok_or_else(|| {
            format!(
                "`{}` is not a fine: write e.g. \"75000 EUR\" or \"unknown\"",
                crate::diagnostics::quote(s)
            )
        })?;
        let amount: f64 = amount
            .replace('_', "")
            .parse()
            .map_err(|_| format!("`{}` is not an amount", crate::diagnostics::quote(amount)))?;
        let currency = currency.trim();
        if currency.len() != 3 || !currency.chars().all(|c| c.is_ascii_uppercase()) {
            return Err(format!(
                "`{}` is not an ISO 4217 currency code such as EUR or CAD",
                crate::diagnostics::quote(currency)
            ));
        }
        Ok(Fine::Amount {
            amount,
            currency: currency.to_string(),
        })
    }

    pub fn amount(&self) -> Option<f64> {
        match self {
            Fine::Amount { amount, .. } => Some(*amount),
            Fine::Unknown => None,
        }
    }
}

/// The status of a mandatory minimum term.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MinimumStatus {
    InForce,
    StruckDown,
    Repealed,
    /// Held unconstitutional by some courts, not settled by the Supreme Court.
    Contested,
}

/// A penalty: one procedure, or several (hybrid offences), the most severe first.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Penalty {
    pub prison_max: Term,
    pub prison_min: Option<Term>,
    pub minimum_status: Option<MinimumStatus>,
    pub minimum_note: Option<String>,
    pub fine_max: Option<Fine>,
    pub fine_min: Option<Fine>,
    pub custody: Option<String>,
    pub procedure: Option<String>,
    pub procedures: Vec<Penalty>,
}

impl Penalty {
    /// Orders penalties of one system to pick the leading qualification: the longer
    /// maximum term (life above any term, no imprisonment at zero, an unconfirmed figure
    /// below everything), then the longer minimum term, then the higher maximum fine.
    pub fn leading_cmp(&self, other: &Penalty) -> Ordering {
        let max = |p: &Penalty| p.prison_max.severity_months().unwrap_or(-1.0);
        let min = |p: &Penalty| p.prison_min.and_then(Term::severity_months).unwrap_or(0.0);
        let fine = |p: &Penalty| p.fine_max.as_ref().and_then(Fine::amount).unwrap_or(0.0);
        max(self)
            .total_cmp(&max(other))
            .then(min(self).total_cmp(&min(other)))
            .then(fine(self).total_cmp(&fine(other)))
    }

    /// Orders penalties by maximum term, then maximum fine; `None` when they cannot be
    /// ordered (one has the longer term, the other the higher fine, or a figure is unknown).
    pub fn severity_cmp(&self, other: &Penalty) -> Option<Ordering> {
        let term = self.prison_max.severity_cmp(other.prison_max)?;
        let fine = match (
            self.fine_max.as_ref().and_then(Fine::amount),
            other.fine_max.as_ref().and_then(Fine::amount),
        ) {
            (Some(a), Some(b)) => a.partial_cmp(&b)?,
            (None, None) => Ordering::Equal,
            (Some(_), None) if other.fine_max.is_none() => Ordering::Greater,
            (None, Some(_)) if self.fine_max.is_none() => Ordering::Less,
            _ => return None,
        };
        match (term, fine) {
            // Same maximum term and fine: the higher minimum term is the more severe.
            (Ordering::Equal, Ordering::Equal) => {
                let min = |p: &Penalty| p.prison_min.and_then(Term::months).unwrap_or(0.0);
                min(self).partial_cmp(&min(other))
            }
            (Ordering::Equal, f) => Some(f),
            (t, Ordering::Equal) => Some(t),
            (t, f) if t == f => Some(t),
            _ => None,
        }
    }

    /// Whether any figure of this penalty is not confirmed.
    pub fn has_unknown(&self) -> bool {
        self.prison_max == Term::Unknown
            || matches!(self.fine_max, Some(Fine::Unknown))
            || self.procedures.iter().any(Penalty::has_unknown)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations() {
        assert_eq!(parse_duration_months("15y"), Some(180.0));
        assert_eq!(Term::parse("90d"), Ok(Term::Days(90)));
        assert_eq!(Term::parse("90d").unwrap().months(), Some(2.96));
        assert_eq!(Term::parse("30d").unwrap().months(), Some(0.99));
        assert_eq!(Term::parse("2y-1d").unwrap().months(), Some(23.97));
        assert_eq!(parse_duration_months("2y6m"), Some(30.0));
        assert_eq!(parse_duration_months("18m"), Some(18.0));
        assert_eq!(parse_duration_months("2y-1d"), Some(23.97));
        assert_eq!(parse_duration_months("26w"), Some(6.0));
        assert_eq!(parse_duration_months("13w"), Some(3.0));
        assert_eq!(parse_duration_months("y"), None);
        assert_eq!(parse_duration_months("5"), None);
        assert_eq!(parse_duration_months("-1y"), None);
    }

    #[test]
    fn fines() {
        assert_eq!(
            Fine::parse("75000 EUR"),
            Ok(Fine::Amount {
                amount: 75000.0,
                currency: "EUR".into()
            })
        );
        assert!(Fine::parse("75000").is_err());
        assert!(Fine::parse("lots EUR").is_err());
    }

    fn penalty(max: &str, min: Option<&str>, fine: Option<&str>) -> Penalty {
        Penalty {
            prison_max: Term::parse(max).unwrap(),
            prison_min: min.map(|m| Term::parse(m).unwrap()),
            minimum_status: None,
            minimum_note: None,
            fine_max: fine.map(|f| Fine::parse(f).unwrap()),
            fine_min: None,
            custody: None,
            procedure: None,
            procedures: Vec::new(),
        }
    }

    #[test]
    fn the_leading_penalty_is_the_longer_maximum_then_minimum_then_fine() {
        use Ordering::*;
        let p = penalty;
        // Maximum first, whatever the minimum and the fine.
        assert_eq!(
            p("5y", None, None).leading_cmp(&p("3y", Some("1y"), Some("1000000 EUR"))),
            Greater
        );
        // Life above any term; an unconfirmed maximum below no imprisonment at all.
        assert_eq!(
            p("life", None, None).leading_cmp(&p("30y", None, None)),
            Greater
        );
        assert_eq!(
            p("unknown", None, None).leading_cmp(&p("none", None, None)),
            Less
        );
        // Equal maxima: the minimum, then the fine.
        assert_eq!(
            p("5y", Some("1y"), None).leading_cmp(&p("5y", None, Some("75000 EUR"))),
            Greater
        );
        assert_eq!(
            p("5y", None, Some("75000 EUR")).leading_cmp(&p("5y", None, Some("30000 EUR"))),
            Greater
        );
        assert_eq!(
            p("5y", None, Some("75000 EUR")).leading_cmp(&p("5y", None, Some("75000 EUR"))),
            Equal
        );
    }
}
