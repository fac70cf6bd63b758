//! Aggregate figures: counts, and the quartiles of the imposed sentence as a share of the
//! applicable maximum and of the guideline's starting point, by the country of the court,
//! by the country where the child was, and by the region of that country.
//!
//! # Memory
//!
//! Nothing is kept per case. Each group counts its ratios in a [`Histogram`]: the ratio
//! rounded to 4 decimals (a "tick" of 0.0001, the precision every output prints ratios
//! with) mapped to the number of cases in that tick. Memory is bounded by the number of
//! distinct ticks per group, not by the number of cases: sentences are mostly whole months
//! and maxima a few dozen figures, so a group holds a few thousand ticks whether the file
//! has a thousand cases or ten million, and never more than one per 0.0001 of the range of
//! its ratios.
//!
//! # The same figures as exact quartiles
//!
//! Rounding every ratio first would change the printed quartiles: one interpolated between
//! two ratios that are not multiples of 0.0001 can move by one in the last digit (1 month
//! and 3 months against a maximum of 24: the exact median 0.083333… prints 0.0833, the
//! rounded ratios 0.0417 and 0.125 give 0.08335, printed 0.0834), and on small groups that
//! happens to about one interpolated quartile in five. So each tick also keeps its exact
//! ratio while every ratio counted in it is the same, and the quartiles are computed from
//! those exact ratios (same interpolation as before, see [`Quartiles`]): the figures are
//! those of the exact computation over every case.
//!
//! The one exception: two *different* ratios within 0.0001 of each other in one group (1
//! month against 24 months less a day, 0.041719…, and 1 month against 24, 0.041667…, share
//! the tick 0.0417). That tick then stands for its rounded value, and a quartile that needs
//! it can differ from the exact one by at most 0.0001, one in the last printed digit.
//! [`Histogram::mixed`] counts such ticks.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use super::evaluate::CaseResult;
use super::regions::Regions;
use qualif_law::hashing::FastMap;

/// No country stated.
const UNKNOWN: u16 = u16::MAX;

/// Ticks per unit: ratios are counted to 4 decimals, as [`super::output::round4`] prints
/// them.
pub const TICKS_PER_UNIT: f64 = 10_000.0;

/// The first, second (median) and third quartiles of a set of ratios, by linear
/// interpolation between order statistics (Hyndman and Fan type 7: numpy's default,
/// Excel's `QUARTILE.INC`): for a proportion `p` of `n` sorted values `x[0..n]`, with
/// `h = (n - 1) p`, the quantile is `x[⌊h⌋] + (h - ⌊h⌋) (x[⌊h⌋ + 1] - x[⌊h⌋])`.
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
        Self::of_ranked(values.len() as u64, |k| values[k as usize])
    }

    /// From counted values: `(value, count)` pairs in increasing order of value (pairs with
    /// a zero count are ignored). The same figures as [`Quartiles::of_sorted`] on the list
    /// where each value is repeated `count` times, without building that list.
    pub fn of_counts<I>(counts: I) -> Option<Quartiles>
    where
        I: IntoIterator<Item = (f64, u64)>,
        I::IntoIter: Clone,
    {
        let counts = counts.into_iter();
        let n: u64 = counts.clone().map(|(_, c)| c).sum();
        // The value of rank `k` (0-based): walk the cumulative counts.
        let nth = |k: u64| -> f64 {
            let mut seen = 0u64;
            for (v, c) in counts.clone() {
                seen += c;
                if k < seen {
                    return v;
                }
            }
            unreachable!("rank {k} is below the total count {n}")
        };
        Self::of_ranked(n, nth)
    }

    /// The quartiles of `n` sorted values, the value of rank `k` being `nth(k)`.
    fn of_ranked(n: u64, nth: impl Fn(u64) -> f64) -> Option<Quartiles> {
        if n == 0 {
            return None;
        }
        Some(Quartiles {
            n,
            q1: quantile(n, &nth, 0.25),
            median: quantile(n, &nth, 0.5),
            q3: quantile(n, &nth, 0.75),
        })
    }
}

fn quantile(n: u64, nth: &impl Fn(u64) -> f64, p: f64) -> f64 {
    let h = (n - 1) as f64 * p;
    let lo = h.floor() as u64;
    let frac = h - lo as f64;
    let x = nth(lo);
    if frac > 0.0 && lo + 1 < n {
        x + frac * (nth(lo + 1) - x)
    } else {
        x
    }
}

/// Ratios counted to 4 decimals: ticks of 0.0001 (`round(ratio × 10 000)`), each with the
/// number of cases and, while every ratio in it is the same, that exact ratio. Memory is
/// bounded by the number of distinct ticks, never by the number of values added.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Histogram {
    counts: BTreeMap<i64, Bucket>,
}

/// The ratios of one tick.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Bucket {
    count: u64,
    /// The first ratio counted in the tick.
    value: f64,
    /// Another ratio, different from `value`, fell in the same tick: the tick's rounded
    /// value stands for all of them.
    mixed: bool,
}

impl Bucket {
    fn merge(&mut self, count: u64, value: f64, mixed: bool) {
        self.count += count;
        self.mixed |= mixed || value.to_bits() != self.value.to_bits();
    }
}

impl Histogram {
    pub fn new() -> Self {
        Self::default()
    }

    /// The tick of a ratio: exactly the value [`super::output::round4`] prints, times
    /// 10 000. A ratio beyond ±9×10^14 (absurd for a sentence) saturates.
    pub fn tick(x: f64) -> i64 {
        (x * TICKS_PER_UNIT).round() as i64
    }

    /// Counts one ratio; NaN is ignored.
    pub fn add(&mut self, x: f64) {
        if x.is_nan() {
            return;
        }
        // 0.0 and -0.0 are the same ratio.
        let x = if x == 0.0 { 0.0 } else { x };
        self.counts
            .entry(Self::tick(x))
            .and_modify(|b| b.merge(1, x, false))
            .or_insert(Bucket {
                count: 1,
                value: x,
                mixed: false,
            });
    }

    /// Adds every count of `other`.
    pub fn merge(&mut self, other: &Histogram) {
        for (&t, o) in &other.counts {
            self.counts
                .entry(t)
                .and_modify(|b| b.merge(o.count, o.value, o.mixed))
                .or_insert(*o);
        }
    }

    /// Values counted.
    pub fn len(&self) -> u64 {
        self.counts.values().map(|b| b.count).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.counts.is_empty()
    }

    /// Distinct ticks held (what memory grows with).
    pub fn distinct(&self) -> usize {
        self.counts.len()
    }

    /// Ticks that hold several different ratios.
    pub fn mixed(&self) -> usize {
        self.counts.values().filter(|b| b.mixed).count()
    }

    /// The quartiles of the values counted: each tick stands for its exact ratio, or for
    /// its rounded value when it holds several. `None` when empty.
    pub fn quartiles(&self) -> Option<Quartiles> {
        Quartiles::of_counts(self.counts.iter().map(|(&t, b)| {
            let v = if b.mixed {
                t as f64 / TICKS_PER_UNIT
            } else {
                b.value
            };
            (v, b.count)
        }))
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

/// What one group accumulates: counters and the two histograms.
#[derive(Debug, Clone, Default)]
struct Group {
    cases: u64,
    sentenced: u64,
    life: u64,
    share: Histogram,
    sp: Histogram,
}

impl Group {
    fn add(&mut self, r: &Row) {
        self.cases += 1;
        self.sentenced += u64::from(r.sentenced);
        self.life += u64::from(r.life);
        if let Some(x) = r.share {
            self.share.add(x);
        }
        if let Some(x) = r.sp {
            self.sp.add(x);
        }
    }

    fn merge(&mut self, o: &Group) {
        self.cases += o.cases;
        self.sentenced += o.sentenced;
        self.life += o.life;
        self.share.merge(&o.share);
        self.sp.merge(&o.sp);
    }

    fn figures(&self, dimension: &'static str, group: String) -> GroupFigures {
        GroupFigures {
            dimension,
            group,
            cases: self.cases,
            sentenced: self.sentenced,
            life_sentences: self.life,
            share_of_maximum: self.share.quartiles(),
            ratio_to_starting_point: self.sp.quartiles(),
        }
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
            court: code(r.court_country),
            place: code(r.place),
            sentenced: r.imposed_months.is_some() && !life,
            life,
            share: r.share_of_applicable_maximum,
            sp: r.ratio_to_starting_point,
        }
    }
}

/// Collects the figures of the cases as they are evaluated. Holds one `Group` for all
/// cases, one per court country and one per place; regions are put together from the
/// places at the end.
///
/// Every case is added here, on the one thread that writes the results. The tables are
/// hashed by `FastMap`'s hash (foldhash) rather than SipHash, which cost some 530 of the
/// 1,330 instructions of adding a case: their keys are country codes (two capital
/// letters, checked when the case is read) and the positions of those codes, too few to be
/// made to collide.
#[derive(Debug, Default)]
pub struct Aggregator {
    countries: Vec<String>,
    index: FastMap<[u8; 2], u16>,
    total: Group,
    by_court: FastMap<u16, Group>,
    by_place: FastMap<u16, Group>,
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
        self.total.add(&r);
        self.by_court.entry(court).or_default().add(&r);
        self.by_place.entry(place).or_default().add(&r);
    }

    /// Distinct ratios held over every group (what memory grows with), for the record.
    pub fn distinct_values(&self) -> usize {
        std::iter::once(&self.total)
            .chain(self.by_court.values())
            .chain(self.by_place.values())
            .map(|g| g.share.distinct() + g.sp.distinct())
            .sum()
    }

    /// The figures: all cases, then by court country, by place, by region and by
    /// sub-region of the place (these two only with a regions file), each sorted by group.
    pub fn finish(self, regions: Option<&Regions>) -> Vec<GroupFigures> {
        let mut out = vec![self.total.figures("all", "all".into())];
        let name = |i: u16| -> String {
            if i == UNKNOWN {
                "(unknown)".into()
            } else {
                self.countries[i as usize].clone()
            }
        };
        // By country of the court, then of the place.
        for (dim, groups) in [("court_country", &self.by_court), ("place", &self.by_place)] {
            let mut named: Vec<(String, &Group)> =
                groups.iter().map(|(&i, g)| (name(i), g)).collect();
            named.sort_by(|a, b| order(&a.0, &b.0));
            out.extend(named.into_iter().map(|(n, g)| g.figures(dim, n)));
        }
        // By region and sub-region of the place: the places' groups merged.
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
                let mut merged: HashMap<String, Group> = HashMap::new();
                for (&i, g) in &self.by_place {
                    merged.entry(group_of(i, sub)).or_default().merge(g);
                }
                let mut named: Vec<(String, Group)> = merged.into_iter().collect();
                named.sort_by(|a, b| order(&a.0, &b.0));
                out.extend(named.into_iter().map(|(n, g)| g.figures(dim, n)));
            }
        }
        out
    }
}

/// Groups in name order, `(unknown)` and `(not grouped)` last.
fn order(a: &str, b: &str) -> std::cmp::Ordering {
    (a.starts_with('('), a).cmp(&(b.starts_with('('), b))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(values: &[f64]) -> Option<(u64, f64, f64, f64)> {
        Quartiles::of_sorted(values).map(|q| (q.n, q.q1, q.median, q.q3))
    }

    fn counted(counts: &[(f64, u64)]) -> Option<(u64, f64, f64, f64)> {
        Quartiles::of_counts(counts.iter().copied()).map(|q| (q.n, q.q1, q.median, q.q3))
    }

    #[test]
    fn quartiles_interpolate_between_order_statistics() {
        // n = 4: h = 3p → q1 at 0.75 (1 + 0.75 × 1), median at 1.5, q3 at 2.25.
        assert_eq!(q(&[1.0, 2.0, 3.0, 4.0]), Some((4, 1.75, 2.5, 3.25)));
        assert_eq!(q(&[0.5]), Some((1, 0.5, 0.5, 0.5)));
        // n = 5: h = 4p is whole: the order statistics themselves.
        assert_eq!(q(&[1.0, 2.0, 3.0, 4.0, 5.0]), Some((5, 2.0, 3.0, 4.0)));
        assert_eq!(q(&[]), None);
    }

    #[test]
    fn quartiles_from_counts() {
        // Empty, and zero counts only.
        assert_eq!(counted(&[]), None);
        assert_eq!(counted(&[(0.5, 0)]), None);
        // A single value, once or many times: every quartile is that value.
        assert_eq!(counted(&[(0.5, 1)]), Some((1, 0.5, 0.5, 0.5)));
        assert_eq!(counted(&[(0.5, 1000)]), Some((1000, 0.5, 0.5, 0.5)));
        // Odd n = 5 (1, 2, 3, 4, 5): h = 1, 2, 3, no interpolation.
        let five = [(1.0, 1), (2.0, 1), (3.0, 1), (4.0, 1), (5.0, 1)];
        assert_eq!(counted(&five), Some((5, 2.0, 3.0, 4.0)));
        // Even n = 4 (1, 2, 3, 4): h = 0.75, 1.5, 2.25.
        let four = [(1.0, 1), (2.0, 1), (3.0, 1), (4.0, 1)];
        assert_eq!(counted(&four), Some((4, 1.75, 2.5, 3.25)));
        // Even n = 2 (0.2, 0.6): h = 0.25, 0.5, 0.75 → 0.3, 0.4, 0.5.
        let two = counted(&[(0.2, 1), (0.6, 1)]).unwrap();
        assert_eq!(two.0, 2);
        assert!((two.1 - 0.3).abs() < 1e-12 && (two.2 - 0.4).abs() < 1e-12);
        assert!((two.3 - 0.5).abs() < 1e-12);
        // Ties: 1, 1, 1, 2, 3, 3 (n = 6): h = 1.25, 2.5, 3.75 →
        // x[1] + 0.25 (x[2] - x[1]) = 1, x[2] + 0.5 (x[3] - x[2]) = 1.5,
        // x[3] + 0.75 (x[4] - x[3]) = 2.75.
        let ties = [(1.0, 3), (2.0, 1), (3.0, 2)];
        assert_eq!(counted(&ties), Some((6, 1.0, 1.5, 2.75)));
        // A tie across the median of an even count: 1, 2, 2, 3 → median 2.
        assert_eq!(
            counted(&[(1.0, 1), (2.0, 2), (3.0, 1)]),
            Some((4, 1.75, 2.0, 2.25))
        );
        // Zero counts in the middle change nothing.
        assert_eq!(
            counted(&[(1.0, 3), (1.5, 0), (2.0, 1), (3.0, 2)]),
            counted(&ties)
        );
    }

    #[test]
    fn counts_give_the_figures_of_the_expanded_sorted_list() {
        // A deterministic spread of counted values against the list they stand for.
        let mut rng = super::super::synth::Rng::new(11);
        for n_values in 1..40usize {
            let mut counts: Vec<(f64, u64)> = (0..n_values)
                .map(|i| (i as f64 * 0.0137 + rng.unit(), rng.range(1, 5) as u64))
                .collect();
            counts.sort_by(|a, b| a.0.total_cmp(&b.0));
            let expanded: Vec<f64> = counts
                .iter()
                .flat_map(|&(v, c)| std::iter::repeat_n(v, c as usize))
                .collect();
            assert_eq!(
                Quartiles::of_counts(counts.iter().copied()),
                Quartiles::of_sorted(&expanded),
                "{counts:?}"
            );
        }
    }

    #[test]
    fn a_histogram_keeps_the_exact_ratio_of_each_tick() {
        let mut h = Histogram::new();
        for x in [1.0 / 3.0, 1.0 / 3.0, 0.5, f64::NAN, 0.5, 2.0 / 7.0] {
            h.add(x);
        }
        // NaN is not counted; three ticks, none mixed.
        assert_eq!((h.len(), h.distinct(), h.mixed()), (5, 3, 0));
        // Sorted: 2/7, 1/3, 1/3, 1/2, 1/2 → h = 1, 2, 3: the exact ratios.
        let q = h.quartiles().unwrap();
        assert_eq!((q.n, q.q1, q.median, q.q3), (5, 1.0 / 3.0, 1.0 / 3.0, 0.5));
        // 1/24 and 3/24 (n = 2): the median is the exact 1/12, not (0.0417 + 0.125) / 2.
        let mut two = Histogram::new();
        two.add(1.0 / 24.0);
        two.add(3.0 / 24.0);
        let m = two.quartiles().unwrap().median;
        assert_eq!(m, 1.0 / 24.0 + 0.5 * (3.0 / 24.0 - 1.0 / 24.0));
        assert_eq!(super::super::output::round4(m), 0.0833);
        // Two different ratios in one tick: the tick stands for its rounded value.
        let mut mixed = Histogram::new();
        mixed.add(1.0 / 23.97);
        mixed.add(1.0 / 24.0);
        assert_eq!((mixed.len(), mixed.distinct(), mixed.mixed()), (2, 1, 1));
        assert_eq!(mixed.quartiles().unwrap().median, 0.0417);
        // The tick is the printed ratio, times 10 000.
        for x in [1.0 / 3.0, 2.0 / 7.0, 0.64375, 123.456789, 0.0] {
            assert_eq!(
                Histogram::tick(x) as f64 / TICKS_PER_UNIT,
                super::super::output::round4(x)
            );
        }
        // Merging adds the counts, and marks a tick mixed when the ratios differ.
        let mut g = Histogram::new();
        g.add(0.5);
        g.merge(&h);
        assert_eq!((g.len(), g.distinct(), g.mixed()), (6, 3, 0));
        let mut other = Histogram::new();
        other.add(0.50001);
        g.merge(&other);
        assert_eq!((g.len(), g.distinct(), g.mixed()), (7, 3, 1));
        assert!(Histogram::new().quartiles().is_none());
    }

    #[test]
    fn a_histogram_gives_the_quartiles_of_every_exact_ratio() {
        // Sentences in whole months against maxima of the data: the figures are those of
        // the sorted list of every ratio, bit for bit.
        let mut rng = super::super::synth::Rng::new(5);
        let maxima = [24.0, 60.0, 84.0, 120.0, 168.0, 240.0, 360.0];
        for n in 1..200u64 {
            let mut h = Histogram::new();
            let mut all = Vec::new();
            for _ in 0..n {
                let x = rng.range(0, 240) as f64 / *rng.pick(&maxima);
                h.add(x);
                all.push(x);
            }
            all.sort_by(f64::total_cmp);
            assert_eq!(h.mixed(), 0);
            assert_eq!(h.quartiles(), Quartiles::of_sorted(&all), "{all:?}");
        }
    }

    #[test]
    fn memory_does_not_grow_with_the_cases() {
        let mut a = Aggregator::new();
        let row = |i: u64| Row {
            court: Some(*b"FR"),
            place: Some(if i % 2 == 0 { *b"PH" } else { *b"FR" }),
            sentenced: true,
            life: false,
            share: Some((i % 120) as f64 / 60.0),
            sp: Some((i % 120) as f64 / 12.0),
        };
        for i in 0..10_000 {
            a.add(row(i));
        }
        let after_ten_thousand = a.distinct_values();
        for i in 10_000..200_000 {
            a.add(row(i));
        }
        assert_eq!(a.distinct_values(), after_ten_thousand);
        let all = &a.finish(None)[0];
        assert_eq!(
            (all.cases, all.share_of_maximum.unwrap().n),
            (200_000, 200_000)
        );
    }
}
