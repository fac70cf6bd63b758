//! Aggregate figures: counts, and the quartiles of the imposed sentence as a share of the
//! applicable maximum and of the guideline's starting point, by the country of the court,
//! by the country where the child was, and by the region of that country.
//!
//! The quartiles are exact. They need every ratio: each case with a sentence keeps one
//! 24-byte sample (two `f64` ratios and two country indices), about 24 MB for a million
//! sentenced cases; everything else (counters by group) does not grow with the cases.

use std::collections::HashMap;

use serde::Serialize;

use super::evaluate::CaseResult;
use super::regions::Regions;

/// No country stated.
const UNKNOWN: u16 = u16::MAX;

/// The first, second (median) and third quartiles of a set of ratios, by linear
/// interpolation between order statistics (Hyndman and Fan type 7: numpy's default,
/// Excel's `QUARTILE.INC`).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Quartiles {
    pub n: u64,
    pub q1: f64,
    pub median: f64,
    pub q3: f64,
}

impl Quartiles {
    /// `values` must be sorted; `None` when empty.
    pub fn of_sorted(values: &[f64]) -> Option<Quartiles> {
        if values.is_empty() {
            return None;
        }
        Some(Quartiles {
            n: values.len() as u64,
            q1: quantile(values, 0.25),
            median: quantile(values, 0.5),
            q3: quantile(values, 0.75),
        })
    }
}

fn quantile(sorted: &[f64], p: f64) -> f64 {
    let h = (sorted.len() - 1) as f64 * p;
    let lo = h.floor() as usize;
    let frac = h - lo as f64;
    match sorted.get(lo + 1) {
        Some(next) if frac > 0.0 => sorted[lo] + frac * (next - sorted[lo]),
        _ => sorted[lo],
    }
}

/// The figures of one group.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GroupFigures {
    /// `all`, `court_country`, `place`, `region` or `sub_region`.
    pub dimension: &'static str,
    /// A country code, a region's name, `(unknown)` when the fact is not stated, or
    /// `(not grouped)` for a country the regions file leaves out.
    pub group: String,
    /// Cases evaluated.
    pub cases: u64,
    /// Cases with a custodial term imposed (`sentence.imposed_months`, not a life sentence).
    pub sentenced: u64,
    pub life_sentences: u64,
    /// The imposed term as a share of the maximum of the leading qualification in the
    /// sentencing court's own system (when the data has that system).
    pub share_of_maximum: Option<Quartiles>,
    /// The imposed term divided by the official guideline's starting point.
    pub ratio_to_starting_point: Option<Quartiles>,
}

#[derive(Debug, Clone, Copy, Default)]
struct Counts {
    cases: u64,
    sentenced: u64,
    life: u64,
}

impl Counts {
    fn add(&mut self, o: Counts) {
        self.cases += o.cases;
        self.sentenced += o.sentenced;
        self.life += o.life;
    }
}

/// What the aggregates need of one case's result (small, so that workers hand it over
/// cheaply).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Row {
    court: Option<[u8; 2]>,
    place: Option<[u8; 2]>,
    sentenced: bool,
    life: bool,
    share: Option<f64>,
    sp: Option<f64>,
}

fn code(c: Option<&str>) -> Option<[u8; 2]> {
    match c.map(str::as_bytes) {
        Some(&[a, b]) => Some([a, b]),
        _ => None,
    }
}

impl Row {
    pub fn of(r: &CaseResult) -> Row {
        let life = r.life_sentence == Some(true);
        Row {
            court: code(r.court_country.as_deref()),
            place: code(r.place.as_deref()),
            sentenced: r.imposed_months.is_some() && !life,
            life,
            share: r.share_of_applicable_maximum,
            sp: r.ratio_to_starting_point,
        }
    }
}

#[derive(Debug, Clone, Copy)]
struct Sample {
    /// NaN when not known.
    share: f64,
    sp: f64,
    court: u16,
    place: u16,
}

/// Collects the figures of the cases as they are evaluated.
#[derive(Debug, Default)]
pub struct Aggregator {
    countries: Vec<String>,
    index: HashMap<[u8; 2], u16>,
    total: Counts,
    by_court: HashMap<u16, Counts>,
    by_place: HashMap<u16, Counts>,
    samples: Vec<Sample>,
}

impl Aggregator {
    pub fn new() -> Self {
        Self::default()
    }

    fn country(&mut self, code: Option<[u8; 2]>) -> u16 {
        let Some(code) = code else { return UNKNOWN };
        if let Some(&i) = self.index.get(&code) {
            return i;
        }
        // Country codes are two capital letters: far fewer than u16::MAX.
        let i = self.countries.len().min(UNKNOWN as usize - 1) as u16;
        self.countries
            .push(String::from_utf8_lossy(&code).into_owned());
        self.index.insert(code, i);
        i
    }

    pub fn add(&mut self, r: Row) {
        let court = self.country(r.court);
        let place = self.country(r.place);
        let c = Counts {
            cases: 1,
            sentenced: u64::from(r.sentenced),
            life: u64::from(r.life),
        };
        self.total.add(c);
        self.by_court.entry(court).or_default().add(c);
        self.by_place.entry(place).or_default().add(c);
        let (share, sp) = (r.share, r.sp);
        if share.is_some() || sp.is_some() {
            self.samples.push(Sample {
                share: share.unwrap_or(f64::NAN),
                sp: sp.unwrap_or(f64::NAN),
                court,
                place,
            });
        }
    }

    /// Bytes held for the quartiles (the samples), for the record.
    pub fn sample_bytes(&self) -> usize {
        self.samples.capacity() * std::mem::size_of::<Sample>()
    }

    /// The figures: all cases, then by court country, by place, by region and by
    /// sub-region of the place (these two only with a regions file), each sorted by group.
    pub fn finish(mut self, regions: Option<&Regions>) -> Vec<GroupFigures> {
        let mut out = Vec::new();
        let name = |countries: &[String], i: u16| -> String {
            if i == UNKNOWN {
                "(unknown)".into()
            } else {
                countries[i as usize].clone()
            }
        };
        // All cases.
        let mut all: Vec<&Sample> = self.samples.iter().collect();
        out.push(figures("all", "all".into(), self.total, &mut all));
        // By country of the court, then of the place.
        type Key = fn(&Sample) -> u16;
        let dims: [(&'static str, &HashMap<u16, Counts>, Key); 2] = [
            ("court_country", &self.by_court, |s| s.court),
            ("place", &self.by_place, |s| s.place),
        ];
        for (dim, counts, key) in dims {
            let mut groups: Vec<(String, u16)> = counts
                .keys()
                .map(|&i| (name(&self.countries, i), i))
                .collect();
            groups.sort_by(|a, b| order(&a.0, &b.0));
            let mut by: HashMap<u16, Vec<&Sample>> = HashMap::new();
            for s in &self.samples {
                by.entry(key(s)).or_default().push(s);
            }
            for (g, i) in groups {
                let mut samples = by.remove(&i).unwrap_or_default();
                out.push(figures(dim, g, counts[&i], &mut samples));
            }
        }
        // By region and sub-region of the place.
        if let Some(regions) = regions {
            let group_of = |i: u16, sub: bool| -> String {
                if i == UNKNOWN {
                    return "(unknown)".into();
                }
                match regions.of(&self.countries[i as usize]) {
                    Some(r) if sub => r.sub_region.clone(),
                    Some(r) => r.region.clone(),
                    None => "(not grouped)".into(),
                }
            };
            for (dim, sub) in [("region", false), ("sub_region", true)] {
                let mut counts: HashMap<String, Counts> = HashMap::new();
                for (&i, c) in &self.by_place {
                    counts.entry(group_of(i, sub)).or_default().add(*c);
                }
                let mut by: HashMap<String, Vec<&Sample>> = HashMap::new();
                for s in &self.samples {
                    by.entry(group_of(s.place, sub)).or_default().push(s);
                }
                let mut groups: Vec<String> = counts.keys().cloned().collect();
                groups.sort_by(|a, b| order(a, b));
                for g in groups {
                    let mut samples = by.remove(&g).unwrap_or_default();
                    let c = counts[&g];
                    out.push(figures(dim, g, c, &mut samples));
                }
            }
        }
        self.samples.clear();
        out
    }
}

/// Groups in name order, `(unknown)` and `(not grouped)` last.
fn order(a: &str, b: &str) -> std::cmp::Ordering {
    (a.starts_with('('), a).cmp(&(b.starts_with('('), b))
}

fn figures(
    dimension: &'static str,
    group: String,
    c: Counts,
    samples: &mut [&Sample],
) -> GroupFigures {
    let mut values: Vec<f64> = samples
        .iter()
        .map(|s| s.share)
        .filter(|v| !v.is_nan())
        .collect();
    values.sort_by(f64::total_cmp);
    let share_of_maximum = Quartiles::of_sorted(&values);
    values.clear();
    values.extend(samples.iter().map(|s| s.sp).filter(|v| !v.is_nan()));
    values.sort_by(f64::total_cmp);
    let ratio_to_starting_point = Quartiles::of_sorted(&values);
    GroupFigures {
        dimension,
        group,
        cases: c.cases,
        sentenced: c.sentenced,
        life_sentences: c.life,
        share_of_maximum,
        ratio_to_starting_point,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quartiles_interpolate_between_order_statistics() {
        let q = Quartiles::of_sorted(&[1.0, 2.0, 3.0, 4.0]).unwrap();
        assert_eq!((q.n, q.q1, q.median, q.q3), (4, 1.75, 2.5, 3.25));
        let q = Quartiles::of_sorted(&[0.5]).unwrap();
        assert_eq!((q.q1, q.median, q.q3), (0.5, 0.5, 0.5));
        let q = Quartiles::of_sorted(&[1.0, 2.0, 3.0, 4.0, 5.0]).unwrap();
        assert_eq!((q.q1, q.median, q.q3), (2.0, 3.0, 4.0));
        assert!(Quartiles::of_sorted(&[]).is_none());
    }

    #[test]
    fn a_sample_is_24_bytes() {
        assert_eq!(std::mem::size_of::<Sample>(), 24);
    }
}
