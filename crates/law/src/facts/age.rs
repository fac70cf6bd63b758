//! Ages and age gaps from birth dates, the way the law counts them.

use chrono::{Datelike, NaiveDate};

/// The anniversary of `birth` in `year`; a birthday on 29 February falls on 1 March in
/// years that are not leap years.
pub fn anniversary(birth: NaiveDate, year: i32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, birth.month(), birth.day())
        .unwrap_or_else(|| NaiveDate::from_ymd_opt(year, 3, 1).expect("1 March exists"))
}

/// Age in whole years on `date` of a person born on `birth` (negative if not yet born).
pub fn age_on(birth: NaiveDate, date: NaiveDate) -> i64 {
    let mut years = i64::from(date.year() - birth.year());
    if date < anniversary(birth, date.year()) {
        years -= 1;
    }
    years
}

/// How much older a person born on `older` is than one born on `younger`, in years: the
/// whole years as an age is counted, plus the remaining days as a fraction strictly below
/// one (so that `>= 5` holds exactly from the fifth anniversary and `<= 3` is false a day
/// after the third).
pub fn years_between(older: NaiveDate, younger: NaiveDate) -> f64 {
    if younger < older {
        return -years_between(younger, older);
    }
    let whole = age_on(older, younger);
    let last = anniversary(older, older.year() + whole as i32);
    let days = (younger - last).num_days();
    whole as f64 + days as f64 / 367.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn age_changes_on_the_birthday() {
        assert_eq!(age_on(d("2010-06-15"), d("2025-06-14")), 14);
        assert_eq!(age_on(d("2010-06-15"), d("2025-06-15")), 15);
    }

    #[test]
    fn leap_day_birthday_falls_on_first_march() {
        assert_eq!(age_on(d("2008-02-29"), d("2023-02-28")), 14);
        assert_eq!(age_on(d("2008-02-29"), d("2023-03-01")), 15);
        assert_eq!(age_on(d("2008-02-29"), d("2024-02-29")), 16);
        assert_eq!(age_on(d("2008-02-29"), d("2024-02-28")), 15);
    }

    #[test]
    fn gap_is_exact_at_the_anniversary() {
        assert_eq!(years_between(d("2000-03-10"), d("2005-03-10")), 5.0);
        let just_under = years_between(d("2000-03-10"), d("2005-03-09"));
        assert!(just_under < 5.0 && just_under > 4.99, "{just_under}");
        let just_over = years_between(d("2000-03-10"), d("2003-03-11"));
        assert!(just_over > 3.0 && just_over < 3.01, "{just_over}");
        assert_eq!(years_between(d("2005-03-10"), d("2000-03-10")), -5.0);
    }
}
