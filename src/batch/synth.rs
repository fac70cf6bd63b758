//! A seeded generator of synthetic case datasets (JSON Lines), for benchmarks and tests.
//!
//! Every record is labelled: its `case.title` starts with `SYNTHETIC`. The records mix the
//! patterns of the real cases of `tests/scenarios/` (sextortion, online grooming and rape,
//! abuse of authority, luring, child sexual abuse material, paid live-streamed abuse
//! directed or watched from abroad, procuring, peer sexting), varying ages, dates, places and
//! sentences, and leaving some facts unknown as real files do. The figures are invented:
//! they say nothing about real sentencing.

use std::io::Write;

use chrono::{Days, NaiveDate};
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

/// The patterns, with their share of the dataset (per thousand).
const PATTERNS: &[(&str, u32)] = &[
    ("sextortion", 170),
    ("online-rape", 80),
    ("authority-online", 60),
    ("luring", 100),
    ("material", 220),
    ("livestream-director", 100),
    ("procuring", 80),
    ("livestream-viewer", 140),
    ("peer-sexting", 50),
];

/// Countries whose courts sentence in the dataset (the systems of the data, and others).
const HOME: &[(&str, u32)] = &[("FR", 40), ("BE", 25), ("CA", 25), ("GB", 5), ("DE", 5)];
/// Where children were abused in live-streamed cases.
const STREAMED_FROM: &[(&str, u32)] = &[
    ("PH", 45),
    ("KH", 8),
    ("TH", 8),
    ("VN", 5),
    ("ID", 5),
    ("IN", 6),
    ("RO", 6),
    ("CO", 6),
    ("KE", 4),
    ("MX", 4),
    ("BR", 3),
];

fn date(rng: &mut Rng, from: NaiveDate, days: i64) -> NaiveDate {
    from + Days::new(rng.range(0, days) as u64)
}

fn ymd(d: NaiveDate) -> String {
    crate::facts::format_date(d).to_string()
}

/// Adds a fact unless it is dropped (unknown), with probability `drop`.
fn put(section: &mut Map<String, Value>, key: &str, value: Value, rng: &mut Rng, drop: f64) {
    if !rng.chance(drop) {
        section.insert(key.to_string(), value);
    }
}

/// One synthetic record.
pub fn record(n: u64, rng: &mut Rng) -> Value {
    let pattern = *rng.weighted(PATTERNS);
    let first = NaiveDate::from_ymd_opt(2012, 1, 1).expect("a date");
    let facts_date = date(rng, first, 13 * 365);
    let home = *rng.weighted(HOME);
    let drop = 0.08;
    let mut case = Map::new();
    let mut victim = Map::new();
    let mut offender = Map::new();
    let mut act = Map::new();
    let mut grooming = Map::new();
    let mut material = Map::new();
    let mut live = Map::new();
    let mut exploitation = Map::new();
    case.insert(
        "title".into(),
        json!(format!(
            "SYNTHETIC #{n} — {pattern} (generated, not a real case)"
        )),
    );
    case.insert("date_of_facts".into(), json!(ymd(facts_date)));
    let mut place = home;
    // The median sentence of the pattern, in months, and its spread.
    let (median, sigma) = match pattern {
        "sextortion" => {
            put(&mut case, "ict", json!(true), rng, 0.0);
            put(&mut case, "public_network_contact", json!(true), rng, drop);
            put(&mut victim, "age", json!(rng.range(11, 17)), rng, drop);
            put(&mut offender, "age", json!(rng.range(18, 55)), rng, 0.2);
            put(
                &mut offender,
                "group",
                json!(rng.pick(&["alone", "alone", "organised"])),
                rng,
                0.3,
            );
            for k in [
                "sexual_communication",
                "requested_images",
                "threatened_disclosure",
            ] {
                put(&mut act, k, json!(true), rng, drop);
            }
            put(&mut act, "coercion", json!(rng.chance(0.5)), rng, 0.3);
            material.insert(
                "conduct".into(),
                json!(["acquired", "possessed", "threatened_to_publish"]),
            );
            put(
                &mut material,
                "category",
                json!(rng.pick(&["C", "C", "B"])),
                rng,
                drop,
            );
            put(&mut material, "kinds", json!(["photo"]), rng, drop);
            put(&mut material, "real_child", json!(true), rng, drop);
            put(&mut material, "self_generated", json!(true), rng, drop);
            (30.0, 0.6)
        }
        "online-rape" => {
            put(&mut case, "ict", json!(true), rng, 0.0);
            put(&mut case, "public_network_contact", json!(true), rng, drop);
            put(&mut victim, "age", json!(rng.range(10, 15)), rng, drop);
            put(&mut victim, "count", json!(rng.range(1, 6)), rng, drop);
            put(&mut offender, "age", json!(rng.range(18, 45)), rng, drop);
            act.insert("sexual_contact".into(), json!("penetration"));
            put(&mut act, "performer", json!("offender"), rng, drop);
            put(&mut act, "coercion", json!(rng.chance(0.6)), rng, drop);
            put(&mut act, "sexual_communication", json!(true), rng, drop);
            for k in [
                "proposed_meeting",
                "material_acts",
                "meeting_occurred",
                "sexual_purpose",
            ] {
                put(&mut grooming, k, json!(true), rng, drop);
            }
            (96.0, 0.45)
        }
        "authority-online" => {
            put(&mut case, "ict", json!(true), rng, 0.0);
            put(&mut victim, "age", json!(rng.range(12, 16)), rng, drop);
            put(&mut victim, "count", json!(rng.range(1, 40)), rng, drop);
            put(&mut offender, "age", json!(rng.range(25, 60)), rng, drop);
            put(
                &mut offender,
                "relation",
                json!(rng.pick(&["authority", "trust"])),
                rng,
                drop,
            );
            put(&mut offender, "authority", json!(true), rng, drop);
            put(&mut offender, "abused_function", json!(true), rng, drop);
            put(
                &mut act,
                "sexual_contact",
                json!(rng.pick(&["touching", "penetration"])),
                rng,
                drop,
            );
            put(&mut act, "performer", json!("child_self"), rng, drop);
            put(&mut act, "incited", json!(true), rng, drop);
            put(&mut act, "requested_images", json!(true), rng, drop);
            material.insert("conduct".into(), json!(["acquired", "possessed"]));
            put(
                &mut material,
                "category",
                json!(rng.pick(&["A", "B"])),
                rng,
                drop,
            );
            put(&mut material, "real_child", json!(true), rng, drop);
            (60.0, 0.5)
        }
        "luring" => {
            put(&mut case, "ict", json!(true), rng, 0.0);
            let sting = rng.chance(0.3);
            put(&mut victim, "age", json!(rng.range(11, 15)), rng, drop);
            if sting {
                victim.insert("fictitious".into(), json!(true));
            }
            put(&mut offender, "age", json!(rng.range(19, 65)), rng, drop);
            put(&mut act, "sexual_communication", json!(true), rng, drop);
            put(&mut act, "sexual_proposal", json!(true), rng, drop);
            put(
                &mut act,
                "exposed_pornography",
                json!(rng.chance(0.3)),
                rng,
                0.3,
            );
            put(&mut grooming, "proposed_meeting", json!(true), rng, drop);
            put(
                &mut grooming,
                "material_acts",
                json!(rng.chance(0.6)),
                rng,
                drop,
            );
            put(&mut grooming, "sexual_purpose", json!(true), rng, drop);
            (18.0, 0.6)
        }
        "material" => {
            put(&mut case, "ict", json!(true), rng, drop);
            put(&mut offender, "age", json!(rng.range(18, 75)), rng, drop);
            put(
                &mut offender,
                "prior_conviction",
                json!(rng.chance(0.1)),
                rng,
                0.3,
            );
            let conduct = match rng.range(0, 3) {
                0 => json!(["possessed"]),
                1 => json!(["possessed", "accessed_habitually"]),
                2 => json!(["possessed", "distributed"]),
                _ => json!(["possessed", "distributed", "disseminated_publicly"]),
            };
            material.insert("conduct".into(), conduct);
            material.insert("category".into(), json!(rng.pick(&["A", "B", "C"])));
            put(&mut material, "count_a", json!(rng.range(0, 500)), rng, 0.3);
            put(
                &mut material,
                "count_c",
                json!(rng.range(0, 5000)),
                rng,
                0.3,
            );
            put(&mut material, "kinds", json!(["photo", "video"]), rng, drop);
            put(&mut material, "real_child", json!(true), rng, drop);
            (12.0, 0.8)
        }
        "livestream-director" | "livestream-viewer" => {
            place = *rng.weighted(STREAMED_FROM);
            let director = pattern == "livestream-director";
            put(&mut case, "ict", json!(true), rng, 0.0);
            put(&mut victim, "age", json!(rng.range(4, 15)), rng, drop);
            put(&mut victim, "count", json!(rng.range(1, 8)), rng, drop);
            put(&mut victim, "nationality", json!([place]), rng, drop);
            put(&mut victim, "residence", json!(place), rng, drop);
            put(&mut offender, "age", json!(rng.range(30, 75)), rng, drop);
            put(&mut offender, "nationality", json!([home]), rng, drop);
            put(&mut offender, "residence", json!(home), rng, drop);
            put(&mut offender, "location", json!(home), rng, drop);
            let acts = if director {
                *rng.pick(&["penetration", "penetration", "touching"])
            } else {
                *rng.pick(&["posing", "touching", "penetration"])
            };
            let contact = match acts {
                "penetration" => "penetration",
                "touching" => "touching",
                _ => "none",
            };
            put(&mut act, "sexual_contact", json!(contact), rng, drop);
            put(
                &mut act,
                "performer",
                json!(rng.pick(&["third_party", "child_self"])),
                rng,
                drop,
            );
            put(&mut act, "remuneration", json!(true), rng, drop);
            let roles = if director {
                json!(["viewer", "payer", "director"])
            } else {
                json!(["viewer", "payer"])
            };
            live.insert("roles".into(), roles);
            put(&mut live, "acts", json!(acts), rng, drop);
            put(&mut live, "sessions", json!(rng.range(1, 200)), rng, drop);
            put(&mut live, "recorded", json!(rng.chance(0.2)), rng, drop);
            put(
                &mut live,
                "evidence",
                json!(["chat_instructions", "payments"]),
                rng,
                drop,
            );
            put(
                &mut exploitation,
                "performance",
                json!("attendee"),
                rng,
                drop,
            );
            if director { (72.0, 0.5) } else { (24.0, 0.6) }
        }
        "procuring" => {
            put(&mut case, "ict", json!(rng.chance(0.7)), rng, drop);
            put(&mut victim, "age", json!(rng.range(13, 17)), rng, drop);
            put(&mut offender, "age", json!(rng.range(18, 40)), rng, drop);
            put(
                &mut offender,
                "group",
                json!(rng.pick(&["alone", "several", "organised"])),
                rng,
                drop,
            );
            put(&mut act, "sexual_contact", json!("penetration"), rng, drop);
            put(&mut act, "performer", json!("third_party"), rng, drop);
            put(&mut act, "remuneration", json!(true), rng, drop);
            exploitation.insert("prostitution".into(), json!("procurer"));
            put(
                &mut exploitation,
                "trafficking",
                json!(rng.chance(0.6)),
                rng,
                drop,
            );
            (60.0, 0.5)
        }
        _ => {
            // Peer sexting.
            put(&mut case, "ict", json!(true), rng, 0.0);
            let age = rng.range(13, 17);
            put(&mut victim, "age", json!(age), rng, drop);
            put(
                &mut offender,
                "age",
                json!((age + rng.range(-1, 2)).clamp(13, 19)),
                rng,
                drop,
            );
            put(&mut offender, "relation", json!("none"), rng, drop);
            put(&mut act, "requested_images", json!(true), rng, drop);
            material.insert("conduct".into(), json!(["acquired", "possessed"]));
            put(&mut material, "category", json!("C"), rng, drop);
            put(&mut material, "self_generated", json!(true), rng, drop);
            put(
                &mut material,
                "private_peer_use",
                json!(rng.chance(0.6)),
                rng,
                drop,
            );
            (3.0, 0.8)
        }
    };
    put(&mut case, "place", json!(place), rng, drop);
    let mut record = Map::new();
    record.insert("case".into(), Value::Object(case));
    for (name, section) in [
        ("victim", victim),
        ("offender", offender),
        ("act", act),
        ("grooming", grooming),
        ("exploitation", exploitation),
        ("live", live),
        ("material", material),
    ] {
        if !section.is_empty() {
            record.insert(name.into(), Value::Object(section));
        }
    }
    if rng.chance(0.85) {
        let court = if pattern.starts_with("livestream") || rng.chance(0.9) {
            home
        } else {
            *rng.weighted(HOME)
        };
        let months = rng.lognormal(median, sigma).clamp(0.0, 600.0).round();
        let mut sentence = Map::new();
        sentence.insert("court_country".into(), json!(court));
        sentence.insert(
            "date".into(),
            json!(ymd(facts_date + Days::new(rng.range(180, 1500) as u64))),
        );
        sentence.insert("imposed_months".into(), json!(months));
        if months <= 60.0 && rng.chance(0.4) {
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

#[cfg(test)]
mod tests {
    use super::*;

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
