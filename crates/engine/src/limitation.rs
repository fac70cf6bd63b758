//! Limitation: is prosecution of these facts time-barred at the date of assessment?
//! Successive regimes, each reaching facts not yet time-barred when it enters into force.

use chrono::{Months, NaiveDate};
use serde::Serialize;

use super::logic::Tri;
use qualif_law::facts::{Case, Value, age_on};
use qualif_law::law::{Limitation, LimitationStart, LimitationVersion, System, Transition};

/// A date known to lie within bounds (inclusive).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct DateRange {
    pub earliest: NaiveDate,
    pub latest: NaiveDate,
}

impl DateRange {
    fn exact(d: NaiveDate) -> Self {
        Self {
            earliest: d,
            latest: d,
        }
    }

    fn plus_months(self, months: u32) -> Option<Self> {
        Some(Self {
            earliest: self.earliest.checked_add_months(Months::new(months))?,
            latest: self.latest.checked_add_months(Months::new(months))?,
        })
    }

    fn max(self, d: NaiveDate) -> Self {
        Self {
            earliest: self.earliest.max(d),
            latest: self.latest.max(d),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Deadline {
    /// Never time-barred.
    Never,
    /// Time-barred after this date (known within bounds).
    On(DateRange),
    /// Cannot be computed from the data or the facts.
    Unknown,
}

/// What limits or qualifies a limitation result, for the renderers to put in words.
#[derive(Debug, Clone)]
pub enum LimitationNote<'a> {
    /// Whether this rule governs depends on facts not stated.
    RuleDependsOnFacts(&'a Limitation),
    /// The data has no limitation rule for this provision.
    NoRule,
    /// No date of the facts: limitation cannot be computed.
    NoDateOfFacts,
    /// The rule has no regime in the data for facts of this date.
    NoRegime {
        rule: &'a Limitation,
        facts: NaiveDate,
    },
    /// The victim's age or birth date is needed to know when the period starts.
    StartNeedsVictimAge,
    /// The period would run past 9999-12-31, the last date the program handles.
    BeyondLastDate,
    /// Whether the facts were already time-barred when the regime of this date entered into
    /// force depends on the victim's exact birth date.
    BarredBeforeRegimeUnknown(NaiveDate),
    /// Interruptions and suspensions are not taken into account.
    InterruptionsIgnored,
}

/// The limitation of one provision for the facts.
#[derive(Debug, Clone)]
pub struct LimitationResult<'a> {
    pub rule: Option<&'a Limitation>,
    /// The regime that governs at the date of assessment.
    pub regime: Option<&'a LimitationVersion>,
    pub start: Option<DateRange>,
    pub deadline: Deadline,
    pub barred: Tri,
    pub assessed_on: NaiveDate,
    pub notes: Vec<LimitationNote<'a>>,
}

fn months_of(period: Option<f64>) -> Option<u32> {
    period.map(|m| m.round().max(0.0) as u32)
}

/// When the period starts to run: the date of the facts, or the day the victim comes of
/// age in the system (`majority`: exact from the birth date, within a year from the age at
/// the facts; unknown when the system gives no age of majority).
fn start(
    rule: &Limitation,
    majority: Option<u32>,
    case: &Case,
    facts: NaiveDate,
) -> Option<DateRange> {
    match rule.starts {
        LimitationStart::Facts => Some(DateRange::exact(facts)),
        LimitationStart::Majority => {
            let majority = majority?;
            if let Some(birth) = case.date("victim.birth_date") {
                let mut d = birth.checked_add_months(Months::new(majority * 12))?;
                // 29 February birthdays fall on 1 March in common years.
                if age_on(birth, d) < i64::from(majority) {
                    d = d.succ_opt()?;
                }
                return Some(DateRange::exact(d).max(facts));
            }
            match case.get("victim.age") {
                Some(Value::Int(a)) if *a >= i64::from(majority) => Some(DateRange::exact(facts)),
                Some(Value::Int(a)) => {
                    let years = (i64::from(majority) - a) as u32;
                    let latest = facts.checked_add_months(Months::new(years * 12))?;
                    let earliest = facts
                        .checked_add_months(Months::new((years - 1) * 12))?
                        .succ_opt()?;
                    Some(DateRange { earliest, latest })
                }
                _ => None,
            }
        }
    }
}

/// Evaluates the limitation of `provision` for the facts.
pub fn evaluate<'a>(
    system: &'a System,
    provision: &str,
    case: &Case,
    conditions: &[Tri],
    facts: Option<NaiveDate>,
    assessed_on: NaiveDate,
) -> LimitationResult<'a> {
    let mut result = LimitationResult {
        rule: None,
        regime: None,
        start: None,
        deadline: Deadline::Unknown,
        barred: Tri::Unknown,
        assessed_on,
        notes: Vec::new(),
    };
    let rules = system
        .limitations
        .iter()
        .zip(conditions)
        .filter(|(l, _)| l.applies_to.iter().any(|p| p == provision));
    let mut chosen = None;
    for (rule, &condition) in rules {
        match condition {
            Tri::True => {
                chosen = Some(rule);
                break;
            }
            Tri::False => continue,
            Tri::Unknown => {
                result.notes.push(LimitationNote::RuleDependsOnFacts(rule));
                return result;
            }
        }
    }
    let Some(rule) = chosen else {
        result.notes.push(LimitationNote::NoRule);
        return result;
    };
    result.rule = Some(rule);
    let Some(facts) = facts else {
        result.notes.push(LimitationNote::NoDateOfFacts);
        return result;
    };
    let Some(first) = rule
        .versions
        .iter()
        .find(|v| v.from <= facts && v.to.is_none_or(|t| facts <= t))
    else {
        result.notes.push(LimitationNote::NoRegime { rule, facts });
        return result;
    };
    let Some(start) = start(rule, system.age_of_majority, case, facts) else {
        result.notes.push(LimitationNote::StartNeedsVictimAge);
        return result;
    };
    // A date after 9999-12-31 (facts or a birth in year 9999) is not computed: it would be
    // written `+10017-12-30`, which no input accepts.
    if !qualif_law::facts::date_in_range(start.latest) {
        result.notes.push(LimitationNote::BeyondLastDate);
        return result;
    }
    result.start = Some(start);
    let deadline_under = |v: &LimitationVersion| match months_of(v.period_months) {
        None => Some(Deadline::Never),
        Some(m) => start
            .plus_months(m)
            .filter(|r| qualif_law::facts::date_in_range(r.latest))
            .map(Deadline::On),
    };
    let mut regime = first;
    let Some(mut deadline) = deadline_under(first) else {
        result.notes.push(LimitationNote::BeyondLastDate);
        return result;
    };
    for v in rule
        .versions
        .iter()
        .filter(|v| v.from > first.from && v.from <= assessed_on)
    {
        if v.transition == Transition::FactsAfter {
            continue;
        }
        let barred_when_it_came = match &deadline {
            Deadline::Never => Tri::False,
            Deadline::On(r) if r.latest < v.from => Tri::True,
            Deadline::On(r) if r.earliest >= v.from => Tri::False,
            _ => Tri::Unknown,
        };
        match barred_when_it_came {
            Tri::True => break,
            Tri::False => {
                regime = v;
                match deadline_under(v) {
                    Some(d) => deadline = d,
                    None => {
                        result.notes.push(LimitationNote::BeyondLastDate);
                        return result;
                    }
                }
            }
            Tri::Unknown => {
                result
                    .notes
                    .push(LimitationNote::BarredBeforeRegimeUnknown(v.from));
                result.regime = Some(regime);
                return result;
            }
        }
    }
    result.regime = Some(regime);
    result.barred = match &deadline {
        Deadline::Never => Tri::False,
        Deadline::On(r) if assessed_on > r.latest => Tri::True,
        Deadline::On(r) if assessed_on <= r.earliest => Tri::False,
        _ => Tri::Unknown,
    };
    result.deadline = deadline;
    result.notes.push(LimitationNote::InterruptionsIgnored);
    result
}
