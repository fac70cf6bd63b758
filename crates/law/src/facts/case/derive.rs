//! The checks across facts of a case (ages, dates) and the facts derived from the stated ones.

use super::*;

/// The facts that the consistency rules and the derived facts read, found in one pass over
/// a case's facts rather than each by a search of its own (callgrind: some fourteen
/// searches a case read, 1,200 instructions).
#[derive(Debug, Default)]
pub(super) struct Known {
    date_of_facts: Option<NaiveDate>,
    first_date_of_facts: Option<NaiveDate>,
    date_of_assessment: Option<NaiveDate>,
    /// As [`AGES`]: the victim's, the offender's (a date; a whole number).
    births: [Option<NaiveDate>; 2],
    ages: [Option<i64>; 2],
    /// Whether the case holds [`AGE_GAP`].
    age_gap: bool,
}

impl Case {
    /// The facts [`Known`] holds, as [`Case::date`] and [`Case::get`] find them.
    pub(super) fn known(&self) -> Known {
        let mut known = Known::default();
        for (key, value) in self.facts.iter() {
            match (key, value) {
                (DATE_OF_FACTS, Value::Date(d)) => known.date_of_facts = Some(*d),
                (FIRST_DATE_OF_FACTS, Value::Date(d)) => known.first_date_of_facts = Some(*d),
                (DATE_OF_ASSESSMENT, Value::Date(d)) => known.date_of_assessment = Some(*d),
                (VICTIM_BIRTH_DATE, Value::Date(d)) => known.births[0] = Some(*d),
                (OFFENDER_BIRTH_DATE, Value::Date(d)) => known.births[1] = Some(*d),
                (VICTIM_AGE, Value::Int(n)) => known.ages[0] = Some(*n),
                (OFFENDER_AGE, Value::Int(n)) => known.ages[1] = Some(*n),
                (AGE_GAP, _) => known.age_gap = true,
                _ => {}
            }
        }
        known
    }

    /// `span` locates a fact's value in the file (only when a problem is found); `known`:
    /// the case's [`Case::known`].
    pub(super) fn check_consistency(
        &self,
        known: &Known,
        source: &SourceText,
        vocab: &Vocabulary,
        span: &dyn Fn(&str) -> Option<Range<usize>>,
        today: NaiveDate,
    ) -> Result<(), Diagnostic> {
        let at = |key: &str| span(key).map(|s| s.start).unwrap_or(0);
        let facts_date = known.date_of_facts.unwrap_or(today);
        if let (Some(f), Some(a)) = (known.date_of_facts, known.date_of_assessment) {
            if a < f {
                return Err(source
                    .error_at(
                        at("case.date_of_assessment"),
                        format!("date_of_assessment {a} is before date_of_facts {f}"),
                    )
                    .with_help("a date on or after the date of the facts"));
            }
        }
        // A period of facts: from its first act to its last (the date of the facts).
        if let Some(first) = known.first_date_of_facts {
            match known.date_of_facts {
                None => {
                    return Err(source
                        .error_at(
                            at("case.first_date_of_facts"),
                            format!("first_date_of_facts {first} is given without date_of_facts"),
                        )
                        .with_help("date_of_facts: the date of the last act of the period"));
                }
                Some(last) if first > last => {
                    return Err(source
                        .error_at(
                            at("case.first_date_of_facts"),
                            format!("first_date_of_facts {first} is after date_of_facts {last}"),
                        )
                        .with_help(
                            "a first act on or before the date of the facts (the last act)",
                        ));
                }
                Some(_) => {}
            }
        }
        for (i, (age_key, birth_key)) in AGES.into_iter().enumerate() {
            let Some(birth) = known.births[i] else {
                continue;
            };
            if birth > facts_date {
                return Err(source
                    .error_at(
                        at(birth_key),
                        format!("{birth_key} {birth} is after the date of the facts {facts_date}"),
                    )
                    .with_help("a birth date before the date of the facts"));
            }
            let computed = age_on(birth, facts_date);
            // The age a birth date gives must be one the age fact accepts: otherwise the
            // case would hold an age that no case file can state (and that a saved copy
            // of this case could not load).
            if let Some(def) = vocab.fact(age_key) {
                let n = computed as f64;
                if def.min.is_some_and(|m| n < m) || def.max.is_some_and(|m| n > m) {
                    let mut accepted = String::from("a birth date giving an age");
                    if let Some(min) = def.min {
                        accepted.push_str(&format!(" from {min}"));
                    }
                    if let Some(max) = def.max {
                        accepted.push_str(&format!(" up to {max}"));
                    }
                    return Err(source
                        .error_at(
                            at(birth_key),
                            format!(
                                "{birth_key} {birth} gives an age of {computed} at the date of the facts {facts_date}"
                            ),
                        )
                        .with_help(accepted));
                }
            }
            if let Some(stated) = known.ages[i] {
                if stated != computed {
                    return Err(source
                        .error_at(at(age_key), format!("{age_key} is {stated} but {birth_key} {birth} gives {computed} at the date of the facts {facts_date}"))
                        .with_help(format!("remove one of the two, or make them agree ({age_key} = {computed})")));
                }
            }
        }
        Ok(())
    }

    /// Recomputes derived facts from stated ones.
    pub(super) fn derive(&mut self, vocab: &Vocabulary, today: NaiveDate) {
        let known = self.known();
        self.derive_from(known, vocab, today);
    }

    /// Recomputes derived facts from stated ones, `known` the case's [`Case::known`].
    pub(super) fn derive_from(&mut self, known: Known, vocab: &Vocabulary, today: NaiveDate) {
        let facts_date = known.date_of_facts.unwrap_or(today);
        let mut ages = known.ages;
        for (i, (age_key, _)) in AGES.into_iter().enumerate() {
            if let Some(birth) = known.births[i] {
                let age = age_on(birth, facts_date);
                self.facts
                    .insert(Cow::Borrowed(age_key), vocab.slot(age_key), Value::Int(age));
                ages[i] = Some(age);
            }
        }
        if known.age_gap {
            self.facts.remove(AGE_GAP);
        }
        let Some(gap_slot) = vocab.slot(AGE_GAP) else {
            return;
        };
        let gap = match (known.births[1], known.births[0]) {
            (Some(o), Some(v)) => Some(Value::Number(years_between(o, v))),
            _ => match (ages[1], ages[0]) {
                (Some(o), Some(v)) => {
                    // In f64: a data folder's vocabulary may leave ages unbounded, and
                    // `o - v` in i64 could overflow.
                    let diff = o as f64 - v as f64;
                    // On 29 February the gap can be exactly `diff - 1` (or `diff + 1` when
                    // the offender is the younger): born on 2000-02-29 and 2003-03-01, two
                    // people are three years apart (the anniversary falls on 1 March), yet
                    // aged 4 and 0 on 2004-02-29. The open interval must then hold its ends.
                    let leap_day = facts_date.month() == 2 && facts_date.day() == 29;
                    let slack = if leap_day { 1e-6 } else { 0.0 };
                    Some(Value::Between(Interval {
                        above: diff - 1.0 - slack,
                        below: diff + 1.0 + slack,
                    }))
                }
                _ => None,
            },
        };
        if let Some(g) = gap {
            self.facts.insert(Cow::Borrowed(AGE_GAP), Some(gap_slot), g);
        }
    }
}

impl Case {
    /// The case as it stood at the first act of its period of facts (`first_date_of_facts`,
    /// before the date of the facts, which is the last act): the date of the facts moved
    /// to the first act, and the ages to what they were then. An age computed from a birth
    /// date is exact; an age stated at the last act gives, at the first, the age less the
    /// years between them, known to one year when they are not whole (a condition on the
    /// ages that this year decides stays unknown). The age gap between two people does not
    /// change. `None` without a period.
    pub fn at_first_act(&self, vocab: &Vocabulary, today: NaiveDate) -> Option<Case> {
        let first = self.date("case.first_date_of_facts")?;
        let last = self.date("case.date_of_facts")?;
        if first >= last {
            return None;
        }
        let mut case = self.clone();
        case.facts.remove("case.first_date_of_facts");
        let elapsed = years_between(first, last);
        for (age_key, birth_key) in AGES {
            if self.date(birth_key).is_some() {
                continue;
            }
            if let Some(Value::Int(age)) = self.facts.get(age_key) {
                let lowest = (*age as f64 - elapsed).floor();
                let then = if elapsed.fract() == 0.0 {
                    Value::Int(lowest as i64)
                } else {
                    Value::Between(Interval {
                        above: lowest - 1e-6,
                        below: lowest + 1.0 + 1e-6,
                    })
                };
                case.facts
                    .insert(Cow::Borrowed(age_key), vocab.slot(age_key), then);
            }
        }
        let gap = self.facts.get("derived.age_gap").cloned();
        case.set("case.date_of_facts", Some(Value::Date(first)), vocab, today);
        if let Some(g) = gap {
            case.facts.insert(
                Cow::Borrowed("derived.age_gap"),
                vocab.slot("derived.age_gap"),
                g,
            );
        }
        Some(case)
    }
}
