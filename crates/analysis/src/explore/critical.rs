//! The values of a fact where an answer may change, found from the law rather than by
//! sampling: every constant a condition compares the fact with (or a derived fact computed
//! from it, such as the age gap), every date a version of the law begins or ends. Evaluating
//! at each of them and on both sides finds every threshold, whatever the rows sampled.

use chrono::{Datelike, Days, NaiveDate};

use qualif_engine::condition::{Expr, Operand};
use qualif_law::facts::{AGE_GAP, Case, Value, age_gap_sign, age_of_birth_date, anniversary};
use qualif_law::law::{LawBook, VersionStatus};

/// Every condition of the law book: provisions' elements and aggravations, limitation,
/// jurisdiction, conduct classes, presumptions.
fn conditions(book: &LawBook) -> Vec<&Expr> {
    let mut out: Vec<&Expr> = Vec::new();
    for s in &book.systems {
        for p in &s.provisions {
            for v in &p.versions {
                out.extend(v.elements.iter().map(|e| &e.when));
                out.extend(v.aggravations.iter().map(|a| &a.when));
            }
        }
        out.extend(s.limitations.iter().filter_map(|l| l.when.as_ref()));
        out.extend(s.jurisdictions.iter().map(|j| &j.when));
    }
    out.extend(book.conduct_conditions.values());
    out.extend(book.presumptions.iter().map(|p| &p.when));
    out
}

/// The numbers a fact is compared with anywhere in the law book: literals, parameters of
/// any system, other facts of the case.
fn constants(book: &LawBook, case: &Case, key: &str) -> Vec<f64> {
    let mut out = Vec::new();
    let value_of = |o: &Operand| -> Vec<f64> {
        match o {
            Operand::Fact(k) => case.get(k).and_then(Value::as_number).into_iter().collect(),
            Operand::Parameter(p) => book
                .systems
                .iter()
                .filter_map(|s| s.parameters.get(p).and_then(Value::as_number))
                .collect(),
        }
    };
    let is_key = |o: &Operand| matches!(o, Operand::Fact(k) if k == key);
    for e in conditions(book) {
        e.walk(&mut |x| match x {
            Expr::Compare(o, _, lit) if is_key(o) => out.extend(lit.as_number()),
            Expr::In(o, list) if is_key(o) => out.extend(list.iter().filter_map(Value::as_number)),
            Expr::CompareOperands(a, _, b) if is_key(a) => out.extend(value_of(b)),
            Expr::CompareOperands(a, _, b) if is_key(b) => out.extend(value_of(a)),
            _ => {}
        });
    }
    out
}

/// The whole values of `key`, from `from` to `to`, where an answer may change: every
/// constant the fact (or the age gap computed from it) is compared with, and the values
/// beside it; with `from` and `to`. Sorted, without repeats.
pub fn number_points(book: &LawBook, case: &Case, key: &str, from: i64, to: i64) -> Vec<i64> {
    let mut points = vec![from, to];
    let mut around = |c: f64, width: i64| {
        if c.is_finite() && c.abs() < 1e12 {
            let c = c.floor() as i64;
            points.extend((c - width)..=(c + width + 1));
        }
    };
    for c in constants(book, case, key) {
        around(c, 1);
    }
    // The age gap from two whole-year ages is known within a year either way: it crosses a
    // constant `k` when the varied age is within two years of the age that makes it `k`.
    if let Some(sign) = age_gap_sign(key) {
        let other = if sign > 0.0 {
            "victim.age"
        } else {
            "offender.age"
        };
        if let Some(o) = case.get(other).and_then(Value::as_number) {
            let base = if sign > 0.0 { -o } else { o };
            for k in constants(book, case, AGE_GAP) {
                around((k - base) / sign, 2);
            }
        }
    }
    points.retain(|p| (from..=to).contains(p));
    points.sort_unstable();
    points.dedup();
    points
}

/// The dates from `from` to `to` where the law applied may change: every first day of a
/// version of a provision, a limitation rule or a jurisdiction rule, and the day after its
/// last; every date a condition compares the date of the facts with (and the day after);
/// the day a state becomes bound by an instrument; and, when the case states a birth date,
/// the birthdays on which the age crosses a constant it is compared with. With `from`;
/// sorted, without repeats.
pub fn date_points(book: &LawBook, case: &Case, from: NaiveDate, to: NaiveDate) -> Vec<NaiveDate> {
    let mut points = vec![from];
    let mut span = |a: NaiveDate, b: Option<NaiveDate>| {
        points.push(a);
        points.extend(b.and_then(|b| b.checked_add_days(Days::new(1))));
    };
    for s in &book.systems {
        for p in &s.provisions {
            for v in p
                .versions
                .iter()
                .filter(|v| v.status == VersionStatus::InForce)
            {
                span(v.from, v.to);
            }
        }
        for l in &s.limitations {
            for v in &l.versions {
                span(v.from, v.to);
            }
        }
        for j in &s.jurisdictions {
            span(j.from, j.to);
        }
        for party in &s.parties {
            span(party.from, None);
        }
    }
    for e in conditions(book) {
        e.walk(&mut |x| {
            if let Expr::Compare(Operand::Fact(k), _, Value::Date(d)) = x
                && k == "case.date_of_facts"
            {
                points.push(*d);
                points.extend(d.checked_add_days(Days::new(1)));
            }
        });
    }
    for birth_key in ["victim.birth_date", "offender.birth_date"] {
        let (Some(birth), Some(age_key)) = (case.date(birth_key), age_of_birth_date(birth_key))
        else {
            continue;
        };
        for c in constants(book, case, age_key) {
            for years in [c.floor(), c.floor() + 1.0] {
                if (0.0..200.0).contains(&years) {
                    points.push(anniversary(birth, birth.year() + years as i32));
                }
            }
        }
    }
    points.retain(|d| (from..=to).contains(d));
    points.sort_unstable();
    points.dedup();
    points
}
