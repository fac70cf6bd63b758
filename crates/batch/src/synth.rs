//! A seeded generator of synthetic case datasets (JSON Lines), for benchmarks and tests.
//!
//! Every record is labelled: its `case.title` starts with `SYNTHETIC`. The records mix the
//! patterns of the real cases of `tests/scenarios/` (sextortion, online grooming and rape,
//! abuse of authority, luring, child sexual abuse material, paid live-streamed abuse
//! directed or watched from abroad, procuring, peer sexting), varying ages, dates, places and
//! sentences, and leaving some facts unknown as real files do. The figures are invented:
//! they say nothing about real sentencing.

use std::collections::BTreeMap;
use std::io::Write;
use std::sync::OnceLock;

use chrono::{Days, NaiveDate};
use serde::Deserialize;
use serde_json::{Map, Value, json};

/// A small, fast, seedable generator (SplitMix64): the same seed gives the same dataset on
/// every platform.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Uniform in `lo..=hi`.
    pub fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + (self.next_u64() % (hi - lo + 1) as u64) as i64
    }

    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.next_u64() as usize % items.len()]
    }

    /// Picks by weight.
    pub fn weighted<'a, T>(&mut self, items: &'a [(T, u32)]) -> &'a T {
        let total: u32 = items.iter().map(|(_, w)| w).sum();
        let mut x = (self.next_u64() % u64::from(total)) as u32;
        for (item, w) in items {
            if x < *w {
                return item;
            }
            x -= w;
        }
        &items[items.len() - 1].0
    }

    /// Log-normal around `median` (spread `sigma`, natural log scale).
    fn lognormal(&mut self, median: f64, sigma: f64) -> f64 {
        // Box-Muller.
        let u1 = self.unit().max(1e-12);
        let u2 = self.unit();
        let z = (-2.0 * u1.ln()).sqrt() * (2.0 * std::f64::consts::PI * u2).cos();
        median * (sigma * z).exp()
    }
}

/// The generator's data: its patterns, countries and shares (see the file's comments).
const SPEC_TEXT: &str = include_str!("synthetic.toml");

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Spec {
    drop: f64,
    first_date: NaiveDate,
    date_span_days: i64,
    home: Vec<(String, u32)>,
    streamed_from: Vec<(String, u32)>,
    sentence: SentenceSpec,
    pattern: Vec<Pattern>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SentenceSpec {
    share: f64,
    at_home: f64,
    max_months: f64,
    delay_days: (i64, i64),
    suspended_up_to_months: f64,
    suspended_share: f64,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Pattern {
    name: String,
    weight: u32,
    median_months: f64,
    sigma: f64,
    #[serde(default)]
    place: Place,
    #[serde(default)]
    court: Court,
    steps: Vec<Step>,
}

/// Where the abuse took place: where the court sits, or a country of `streamed_from`.
#[derive(Debug, Default, Clone, Copy, PartialEq, Deserialize)]
#[serde(rename_all = "snake_case")]
enum Place {
    #[default]
    Home,
    StreamedFrom,
}

/// Which court sentences: mostly at home (else any of `home`), or always at home.
#[derive(Debug, Default, Clone, Copy, PartialEq, Deserialize)]
#[serde(rename_all = "snake_case")]
enum Court {
    #[default]
    HomeMostly,
    Home,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Step {
    /// The fact set (`section.name`), or, with `draw`, nothing.
    fact: Option<String>,
    /// The name of a draw that later steps read.
    draw: Option<String>,
    value: Option<toml::Value>,
    range: Option<(i64, i64)>,
    pick: Option<Vec<toml::Value>>,
    chance: Option<f64>,
    from: Option<String>,
    #[serde(default)]
    map: BTreeMap<String, toml::Value>,
    add_range: Option<(i64, i64)>,
    clamp: Option<(i64, i64)>,
    drop: Option<f64>,
    #[serde(default)]
    always: bool,
    #[serde(rename = "if")]
    only_if: Option<String>,
}

/// The built-in generator data, read once.
fn spec() -> &'static Spec {
    static SPEC: OnceLock<Spec> = OnceLock::new();
    SPEC.get_or_init(|| {
        toml::from_str(SPEC_TEXT)
            .expect("crates/batch/src/synthetic.toml is checked by a unit test")
    })
}

/// A TOML value as JSON, with `$home` and `$place` replaced by the countries drawn.
fn to_json(v: &toml::Value, home: &str, place: &str) -> Value {
    match v {
        toml::Value::String(s) if s == "$home" => json!(home),
        toml::Value::String(s) if s == "$place" => json!(place),
        toml::Value::String(s) => json!(s),
        toml::Value::Integer(i) => json!(i),
        toml::Value::Float(f) => json!(f),
        toml::Value::Boolean(b) => json!(b),
        toml::Value::Array(items) => {
            Value::Array(items.iter().map(|x| to_json(x, home, place)).collect())
        }
        other => json!(other.to_string()),
    }
}

/// What one step draws: its value (before any drop).
fn draw(
    step: &Step,
    rng: &mut Rng,
    draws: &BTreeMap<&str, Value>,
    home: &str,
    place: &str,
) -> Value {
    if let Some(v) = &step.value {
        return to_json(v, home, place);
    }
    if let Some((lo, hi)) = step.range {
        return json!(rng.range(lo, hi));
    }
    if let Some(items) = &step.pick {
        return to_json(rng.pick(items), home, place);
    }
    if let Some(p) = step.chance {
        return json!(rng.chance(p));
    }
    let from = step.from.as_deref().expect("a step has a value");
    let mut v = draws.get(from).cloned().unwrap_or(Value::Null);
    if let Some(mapped) = v.as_str().and_then(|s| step.map.get(s)) {
        v = to_json(mapped, home, place);
    }
    if let (Some((lo, hi)), Some(n)) = (step.add_range, v.as_i64()) {
        let mut n = n + rng.range(lo, hi);
        if let Some((min, max)) = step.clamp {
            n = n.clamp(min, max);
        }
        v = json!(n);
    }
    v
}

fn date(rng: &mut Rng, from: NaiveDate, days: i64) -> NaiveDate {
    from + Days::new(rng.range(0, days) as u64)
}

fn ymd(d: NaiveDate) -> String {
    qualif_law::facts::format_date(d).to_string()
}

/// Adds a fact unless it is dropped (unknown), with probability `drop`.
fn put(section: &mut Map<String, Value>, key: &str, value: Value, rng: &mut Rng, drop: f64) {
    if !rng.chance(drop) {
        section.insert(key.to_string(), value);
    }
}

/// One synthetic record.
pub fn record(n: u64, rng: &mut Rng) -> Value {
    let spec = spec();
    let weights: Vec<(usize, u32)> = spec
        .pattern
        .iter()
        .enumerate()
        .map(|(i, p)| (i, p.weight))
        .collect();
    let pattern = &spec.pattern[*rng.weighted(&weights)];
    let facts_date = date(rng, spec.first_date, spec.date_span_days);
    let home = rng.weighted(&spec.home).as_str();
    let mut sections: BTreeMap<&str, Map<String, Value>> = BTreeMap::new();
    let case = sections.entry("case").or_default();
    case.insert(
        "title".into(),
        json!(format!(
            "SYNTHETIC #{n} — {} (generated, not a real case)",
            pattern.name
        )),
    );
    case.insert("date_of_facts".into(), json!(ymd(facts_date)));
    let place = match pattern.place {
        Place::Home => home,
        Place::StreamedFrom => rng.weighted(&spec.streamed_from).as_str(),
    };
    let mut draws: BTreeMap<&str, Value> = BTreeMap::new();
    for step in &pattern.steps {
        let value = draw(step, rng, &draws, home, place);
        let Some(fact) = &step.fact else {
            if let Some(name) = &step.draw {
                draws.insert(name, value);
            }
            continue;
        };
        if let Some(name) = &step.only_if {
            if draws.get(name.as_str()) != Some(&Value::Bool(true)) {
                continue;
            }
        }
        let (section, key) = fact.split_once('.').expect("facts are `section.name`");
        let section = sections.entry(section).or_default();
        if step.always {
            section.insert(key.to_string(), value);
        } else {
            put(section, key, value, rng, step.drop.unwrap_or(spec.drop));
        }
    }
    put(
        sections.entry("case").or_default(),
        "place",
        json!(place),
        rng,
        spec.drop,
    );
    let mut record = Map::new();
    for (name, section) in sections {
        if !section.is_empty() {
            record.insert(name.into(), Value::Object(section));
        }
    }
    let s = &spec.sentence;
    if rng.chance(s.share) {
        let court = if pattern.court == Court::Home || rng.chance(s.at_home) {
            home
        } else {
            rng.weighted(&spec.home).as_str()
        };
        let months = rng
            .lognormal(pattern.median_months, pattern.sigma)
            .clamp(0.0, s.max_months)
            .round();
        let mut sentence = Map::new();
        sentence.insert("court_country".into(), json!(court));
        let (lo, hi) = s.delay_days;
        sentence.insert(
            "date".into(),
            json!(ymd(facts_date + Days::new(rng.range(lo, hi) as u64))),
        );
        sentence.insert("imposed_months".into(), json!(months));
        if months <= s.suspended_up_to_months && rng.chance(s.suspended_share) {
            sentence.insert(
                "suspended_months".into(),
                json!((months * rng.unit()).round()),
            );
        }
        record.insert("sentence".into(), Value::Object(sentence));
    }
    Value::Object(record)
}

/// Writes `n` synthetic records as JSON Lines.
pub fn write(n: u64, seed: u64, out: &mut impl Write) -> std::io::Result<()> {
    let mut rng = Rng::new(seed);
    for i in 1..=n {
        serde_json::to_writer(&mut *out, &record(i, &mut rng))?;
        out.write_all(b"\n")?;
    }
    out.flush()
}

/// The first `n` synthetic cases of `seed`, as batch reads them (for tests and benchmarks
/// that evaluate cases themselves).
pub fn cases(
    n: u64,
    seed: u64,
    vocab: &qualif_law::facts::Vocabulary,
    today: NaiveDate,
) -> Vec<qualif_law::facts::Case> {
    let mut rng = Rng::new(seed);
    (1..=n)
        .map(|i| {
            let text = record(i, &mut rng).to_string();
            crate::case_from_json(&text, i, vocab, today)
                .unwrap_or_else(|r| panic!("a synthetic record is accepted: {r}"))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_generator_data_is_well_formed() {
        let spec: Spec = toml::from_str(SPEC_TEXT).unwrap_or_else(|e| panic!("{e}"));
        assert!(!spec.pattern.is_empty());
        for p in &spec.pattern {
            for step in &p.steps {
                let kinds = [
                    step.value.is_some(),
                    step.range.is_some(),
                    step.pick.is_some(),
                    step.chance.is_some(),
                    step.from.is_some(),
                ];
                assert_eq!(
                    kinds.iter().filter(|k| **k).count(),
                    1,
                    "{}: one way to draw a value per step: {step:?}",
                    p.name
                );
                assert!(
                    step.fact.is_some() != step.draw.is_some(),
                    "{}: a step sets a fact or names a draw: {step:?}",
                    p.name
                );
                if let Some(f) = &step.fact {
                    assert!(f.contains('.'), "{}: `{f}` is `section.name`", p.name);
                }
            }
        }
    }

    #[test]
    fn the_same_seed_gives_the_same_dataset() {
        let (mut a, mut b, mut c) = (Vec::new(), Vec::new(), Vec::new());
        write(50, 7, &mut a).unwrap();
        write(50, 7, &mut b).unwrap();
        write(50, 8, &mut c).unwrap();
        assert_eq!(a, b);
        assert_ne!(a, c);
        let text = String::from_utf8(a).unwrap();
        assert_eq!(text.lines().count(), 50);
        assert!(text.lines().all(|l| l.contains("\"title\":\"SYNTHETIC #")));
    }
}
