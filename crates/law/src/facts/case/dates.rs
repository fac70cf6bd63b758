//! Reading and writing dates `YYYY-MM-DD`.

use super::*;

/// Reads a date written `YYYY-MM-DD`, between 0000-01-01 and 9999-12-31 ([`date_in_range`]):
/// a real calendar date, else `None`.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    parse_any_date(s).filter(|d| date_in_range(*d))
}

/// Whether a date lies between 0000-01-01 and 9999-12-31, the dates that are written
/// `YYYY-MM-DD` (chrono writes the others `+10017-12-30`): those an input may hold, and
/// those the program computes from them (a later one is not computed, see
/// `engine::limitation`).
pub fn date_in_range(d: NaiveDate) -> bool {
    (0..=9999).contains(&d.year())
}

fn parse_any_date(s: &str) -> Option<NaiveDate> {
    if s.len() != 10 {
        return None;
    }
    // Dates are read for every record of a batch, and chrono's format parser is slow: the
    // usual form, four, two and two digits, is read directly (chrono reads it to the same
    // date, and refuses the same impossible ones); anything else is left to chrono.
    match s.as_bytes() {
        [y0, y1, y2, y3, b'-', m0, m1, b'-', d0, d1]
            if [y0, y1, y2, y3, m0, m1, d0, d1]
                .iter()
                .all(|b| b.is_ascii_digit()) =>
        {
            let n = |digits: &[&u8]| digits.iter().fold(0, |n, d| n * 10 + u32::from(**d - b'0'));
            NaiveDate::from_ymd_opt(n(&[y0, y1, y2, y3]) as i32, n(&[m0, m1]), n(&[d0, d1]))
        }
        _ => NaiveDate::parse_from_str(s, "%Y-%m-%d").ok(),
    }
}

/// A date written `YYYY-MM-DD`: the one writer of dates for every output (batch results in
/// JSON and CSV, values in JSON and TOML, the interview's answers, synthetic cases).
///
/// chrono writes it: its ISO 8601 form (`NaiveDate`'s `Display`, which its `Serialize` and
/// its `%Y-%m-%d` share, and which reports use directly): four digits for the years 0 to
/// 9999 ([`date_in_range`], all an input may hold), a sign and at least four digits for the
/// others (`+10000-01-01`, `-0001-06-15`). Written into a buffer on the stack rather than a
/// `String`: every result of a batch writes one.
pub fn format_date(d: NaiveDate) -> DateText {
    use chrono::Datelike;
    use std::fmt::Write;
    let mut text = DateText {
        bytes: [0; DateText::CAPACITY],
        len: 0,
    };
    match u16::try_from(d.year()) {
        // Four digits, a dash, two, a dash, two: as chrono writes these years, its digits
        // written here (through `fmt`, some 460 instructions a date, one per batch result).
        Ok(year) if year <= 9999 => {
            let digit = |n: u32| b'0' + (n % 10) as u8;
            let year = u32::from(year);
            text.bytes[..10].copy_from_slice(&[
                digit(year / 1000),
                digit(year / 100),
                digit(year / 10),
                digit(year),
                b'-',
                digit(d.month() / 10),
                digit(d.month()),
                b'-',
                digit(d.day() / 10),
                digit(d.day()),
            ]);
            text.len = 10;
        }
        _ => write!(text, "{d}").expect("a date fits in DateText::CAPACITY bytes"),
    }
    text
}

/// A date as [`format_date`] writes it.
#[derive(Clone, Copy)]
pub struct DateText {
    bytes: [u8; Self::CAPACITY],
    len: usize,
}

impl DateText {
    /// The longest date chrono writes: a sign, six digits of year (±262143) and `-MM-DD`.
    const CAPACITY: usize = 13;

    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.bytes[..self.len]).expect("chrono writes ASCII")
    }
}

impl std::fmt::Write for DateText {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        let end = self.len + s.len();
        self.bytes
            .get_mut(self.len..end)
            .ok_or(std::fmt::Error)?
            .copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}

impl std::fmt::Display for DateText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(self.as_str())
    }
}

impl std::fmt::Debug for DateText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.as_str(), f)
    }
}

impl serde::Serialize for DateText {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Datelike;

    /// The digits written by hand are chrono's, around every boundary of the four-digit
    /// years and across them.
    #[test]
    fn a_date_is_written_as_chrono_writes_it() {
        let years = (-3..=3).chain(1998..=2002).chain(9997..=10_002);
        let mut dates: Vec<NaiveDate> = years
            .flat_map(|y| {
                let first = NaiveDate::from_ymd_opt(y, 1, 1).expect("a year");
                first.iter_days().take_while(move |d| d.year() == y)
            })
            .collect();
        dates.extend(
            (0..=9999).step_by(7).filter_map(|y| {
                NaiveDate::from_ymd_opt(y, (y % 12 + 1) as u32, (y % 28 + 1) as u32)
            }),
        );
        dates.extend([NaiveDate::MIN, NaiveDate::MAX]);
        assert!(dates.len() > 5_000);
        for d in dates {
            assert_eq!(format_date(d).as_str(), d.to_string(), "{d:?}");
        }
    }
}
