//! Batch analysis (`qualif batch`), as a user and a statistician rely on it:
//!
//! - a golden run on twelve hand-written cases (`tests/batch/golden.jsonl`, and the same
//!   cases as `tests/batch/golden.csv`): each case's leading qualification and maximum per
//!   national system, the guideline's starting point, the imposed sentence's ratio to each;
//!   then the aggregates (counts, Q1, median, Q3) by court country, place, region and
//!   sub-region — every figure worked out by hand below from the data files, with insta
//!   snapshots only on top of the explicit assertions;
//! - files with bad lines (`tests/batch/bad.jsonl`, `tests/batch/bad.csv`): the run goes
//!   on, each bad line is reported with its line (and column), the summary counts them,
//!   exit code 1; a missing file or an unknown CSV column: exit code 2, one message;
//! - a property: for generated cases, the summary batch evaluates gives, provision by
//!   provision in every system, the status and penalty of `engine::assess`, and batch's
//!   leading qualification is the one `assess` gives;
//! - the synthetic generator: reproducible, labelled, and accepted by batch in full.
//!
//! # The quartile convention
//!
//! `crates/batch/src/aggregate.rs` uses linear interpolation between order statistics (Hyndman
//! and Fan type 7, numpy's default, Excel's `QUARTILE.INC`): for `n` sorted values
//! `x[0] ≤ … ≤ x[n-1]` and a proportion `p` (0.25, 0.5, 0.75), `h = (n − 1) p` and the
//! quantile is `x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋ + 1] − x[⌊h⌋])`. With n = 1 every quartile is the
//! value; with n = 5, h = 1, 2, 3 (no interpolation); with n = 8, h = 1.75, 3.5, 5.25.
//! It is not Tukey's hinges (the median of each half): for the eight shares of the golden
//! run those give Q1 = (0.15 + 0.2) / 2 = 0.175 where type 7 gives 0.1875, so the
//! assertions below tell the conventions apart.
//!
//! Printed ratios and quartiles are rounded to 4 decimals, half away from zero
//! (`output::round4`).

use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Output};
use std::sync::OnceLock;

use chrono::NaiveDate;
use proptest::prelude::*;
use proptest::test_runner::Config;
use qualif::batch::output::round4;
use qualif::batch::synth::{self, Rng};
use qualif::batch::{self, Context, GroupFigures, InputFormat, OutputFormat, Quartiles, Regions};
use qualif::diagnostics::SourceText;
use qualif::engine::plan::Plan;
use qualif::engine::{self, Status};
use qualif::facts::{Case, FactType};
use qualif::law::{LawBook, Term};
use qualif::scale::Scales;
use serde_json::Value as Json;

// ---------------------------------------------------------------------------------------
// Shared set-up

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

fn book() -> &'static LawBook {
    static BOOK: OnceLock<LawBook> = OnceLock::new();
    BOOK.get_or_init(|| LawBook::builtin().expect("the built-in data loads"))
}

fn plan() -> &'static Plan<'static> {
    static PLAN: OnceLock<Plan<'static>> = OnceLock::new();
    PLAN.get_or_init(|| Plan::new(book()))
}

fn ctx() -> &'static Context<'static> {
    static SCALES: OnceLock<Scales> = OnceLock::new();
    static REGIONS: OnceLock<Option<Regions>> = OnceLock::new();
    static CTX: OnceLock<Context<'static>> = OnceLock::new();
    CTX.get_or_init(|| {
        let book = book();
        let scales = SCALES.get_or_init(|| Scales::builtin(&book.vocabulary).unwrap());
        let regions =
            REGIONS.get_or_init(|| Regions::builtin(&book.vocabulary).map(|r| r.unwrap()));
        assert!(scales.official().is_some() && regions.is_some());
        Context::new(book, scales.official(), regions.as_ref(), today())
    })
}

fn qualif(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_qualif"))
        .args(args)
        .env("QUALIF_TODAY", "2026-11-22")
        .env_remove("RUST_BACKTRACE")
        .output()
        .expect("the binary runs")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn read(path: &str) -> String {
    std::fs::read_to_string(path).unwrap()
}

/// Runs a batch in memory: the per-case JSON results, the aggregates line, the typed
/// figures and the rejections.
fn run(input: &str, format: InputFormat) -> (Vec<Json>, Json, Vec<GroupFigures>, batch::RunCounts) {
    let (out, counts, groups, rejected) =
        batch::run_to_string(ctx(), input, format, OutputFormat::Json).unwrap();
    assert!(rejected.is_empty(), "{rejected:?}");
    let mut lines: Vec<Json> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let aggregates = lines.pop().unwrap();
    assert_eq!(aggregates["kind"], "aggregates");
    (lines, aggregates, groups, counts)
}

fn num(x: Option<f64>) -> Json {
    x.map_or(Json::Null, Json::from)
}

// ---------------------------------------------------------------------------------------
// The golden run: every figure by hand

/// One national system's leading qualification: provision, maximum in months (`None` for
/// life or an unconfirmed figure), life.
type Lead = Option<(&'static str, Option<f64>, bool)>;

/// What a golden case must give.
struct Expected {
    what: &'static str,
    law_date: &'static str,
    place: Option<&'static str>,
    court: Option<&'static str>,
    imposed: Option<f64>,
    life: Option<bool>,
    /// BE, CA, FR (the order of the law book).
    leading: [Lead; 3],
    /// Category, role, starting point in months (`None`: a community order).
    scale: Option<(&'static str, &'static str, Option<f64>)>,
    applicable_system: Option<&'static str>,
    /// The imposed term ÷ the leading maximum in the court's own system, by hand.
    share_of_applicable_maximum: Option<f64>,
    /// The imposed term ÷ the starting point, by hand.
    ratio_to_starting_point: Option<f64>,
}

/// The twelve cases of `tests/batch/golden.jsonl`, in order. The maxima are those of the
/// version in force at the date of the facts in `jurisdictions/*.toml`, raised by the
/// aggravations the facts establish; the starting points are those of
/// `guidelines/ew-iioc-2014.toml` (A: possession 1y, distribution 3y; B: possession 26w
/// = 6 months, distribution 1y; C: possession a high-level community order, no term).
/// The leading qualification is the applying provision with the highest maximum (life
/// above any term, an unconfirmed figure below everything); of equal maxima, the higher
/// minimum, then the higher fine, then the more serious conduct (the conduct class listed
/// first in `vocabulary.toml`), then the first in the data file.
fn golden_cases() -> Vec<Expected> {
    vec![
        Expected {
            what: "downloaded category A images, Lyon",
            law_date: "2022-03-01",
            place: Some("FR"),
            court: Some("FR"),
            imposed: Some(30.0),
            life: None,
            leading: [
                // 383bis §2, version of 1995-04-13 to 2022-05-31: 1 month to 1 year = 12.
                Some(("BE.383bis.possession", Some(12.0), false)),
                // s. 163.1(4), on indictment: 10 years = 120.
                Some(("CA.163.1(4)", Some(120.0), false)),
                // 227-23 al. 4, version from 2021-04-23: 5 years = 60.
                Some(("FR.227-23.possession", Some(60.0), false)),
            ],
            // material.category = A, conduct possessed: starting point 1 year = 12.
            scale: Some(("A", "possession", Some(12.0))),
            applicable_system: Some("FR"),
            // 30 / 60 = 0.5
            share_of_applicable_maximum: Some(0.5),
            // 30 / 12 = 2.5
            ratio_to_starting_point: Some(2.5),
        },
        Expected {
            what: "category B videos shared on a peer-to-peer network",
            law_date: "2021-11-20",
            place: Some("FR"),
            court: Some("FR"),
            imposed: Some(42.0),
            life: None,
            leading: [
                // 383bis §1 (before 1 June 2022): 5 to 10 years' réclusion = 120.
                Some(("BE.383bis.distribution", Some(120.0), false)),
                // s. 163.1(3): 14 years = 168.
                Some(("CA.163.1(3)", Some(168.0), false)),
                // 227-23 al. 2 (distribution) and al. 4 (possession) both apply, both 5
                // years and EUR 75,000, no minimum: distribution is the more serious
                // conduct (csam.distribution is listed before csam.possession) and leads.
                // Al. 3 (7 years) needs a dissemination to an undetermined public: not
                // stated.
                Some(("FR.227-23.distribution", Some(60.0), false)),
            ],
            // Possessed and distributed: the distribution row; B: 1 year = 12.
            scale: Some(("B", "distribution", Some(12.0))),
            applicable_system: Some("FR"),
            // 42 / 60 = 0.7
            share_of_applicable_maximum: Some(0.7),
            // 42 / 12 = 3.5
            ratio_to_starting_point: Some(3.5),
        },
        Expected {
            what: "category C images, Liège",
            law_date: "2023-04-02",
            place: Some("BE"),
            court: Some("BE"),
            imposed: Some(12.0),
            life: None,
            leading: [
                // 417/46 (the 2022 chapter, from 2022-06-01): 5 years = 60.
                Some(("BE.417-46.possession", Some(60.0), false)),
                Some(("CA.163.1(4)", Some(120.0), false)),
                Some(("FR.227-23.possession", Some(60.0), false)),
            ],
            // C possession: a high-level community order, no term to divide by.
            scale: Some(("C", "possession", None)),
            applicable_system: Some("BE"),
            // 12 / 60 = 0.2
            share_of_applicable_maximum: Some(0.2),
            ratio_to_starting_point: None,
        },
        Expected {
            what: "category A collection, Ottawa",
            law_date: "2022-08-15",
            place: Some("CA"),
            court: Some("CA"),
            imposed: Some(18.0),
            life: None,
            leading: [
                Some(("BE.417-46.possession", Some(60.0), false)),
                Some(("CA.163.1(4)", Some(120.0), false)),
                Some(("FR.227-23.possession", Some(60.0), false)),
            ],
            scale: Some(("A", "possession", Some(12.0))),
            applicable_system: Some("CA"),
            // 18 / 120 = 0.15
            share_of_applicable_maximum: Some(0.15),
            // 18 / 12 = 1.5
            ratio_to_starting_point: Some(1.5),
        },
        Expected {
            what: "paid live-streamed rape of a 7-year-old in the Philippines, directed from France",
            law_date: "2021-09-01",
            place: Some("PH"),
            court: Some("FR"),
            imposed: Some(120.0),
            life: None,
            leading: [
                // 375 (before 1 June 2022): 10 years, raised to 30 (child under 10) = 360; the
                // coercion stated makes the offender the author. As payer he is also a
                // co-perpetrator (art. 66, BE.66.375), with the same 360; 375 is listed first.
                Some(("BE.375", Some(360.0), false)),
                // A party (ss. 21-22) to s. 151, sexual interference: 14 years = 168, the
                // same as s. 172.2 (arranging); the party provision is listed first.
                Some(("CA.21.151", Some(168.0), false)),
                // 121-7 al. 2 with 222-23 (complicity by instructions, version from
                // 2021-04-23): 15 years, raised to 20 (victim under 15) = 240.
                Some(("FR.121-7.rape", Some(240.0), false)),
            ],
            // No material.conduct: no role on the official scale.
            scale: None,
            applicable_system: Some("FR"),
            // 120 / 240 = 0.5
            share_of_applicable_maximum: Some(0.5),
            ratio_to_starting_point: None,
        },
        Expected {
            what: "paid live stream watched from Antwerp",
            law_date: "2023-02-10",
            place: Some("KH"),
            court: Some("BE"),
            imposed: Some(36.0),
            life: None,
            // In Belgium the payer is a co-perpetrator (art. 66) of the sexual act of 417/7
            // on a minor, whose minor-victim penalty is not confirmed: no maximum to divide
            // by. In Canada a party (ss. 21-22) to s. 151: 14 years = 168. In France the
            // payer is an accomplice (121-7 al. 2) of the touching of a child under 15 for
            // remuneration (222-29-2: 10 years = 120), which applies unless the constraint of
            // 222-29-1 is established (it gives way to it: `subsidiary_to`).
            leading: [
                Some(("BE.66.417-7", None, false)),
                Some(("CA.21.151", Some(168.0), false)),
                Some((
                    "FR.121-7.sexual-assault-minor-under15-age-gap",
                    Some(120.0),
                    false,
                )),
            ],
            scale: None,
            applicable_system: Some("BE"),
            share_of_applicable_maximum: None,
            ratio_to_starting_point: None,
        },
        Expected {
            what: "sextortion on a social network",
            law_date: "2022-07-15",
            place: Some("FR"),
            court: Some("FR"),
            imposed: Some(20.0),
            life: None,
            leading: [
                Some(("BE.417-46.possession", Some(60.0), false)),
                // s. 172.1 (luring), on indictment: 14 years = 168.
                Some(("CA.172.1", Some(168.0), false)),
                // 227-22 (corruption of a minor under 15, contact through a public
                // network: 10 years = 120) and 227-23-1 (soliciting images from a minor
                // under 15: 10 years) both apply once the child, whose age is stated, is
                // presumed real; the first in the file's order leads.
                Some(("FR.227-22", Some(120.0), false)),
            ],
            scale: Some(("C", "possession", None)),
            applicable_system: Some("FR"),
            // 20 / 120 = 0.1666…
            share_of_applicable_maximum: Some(20.0 / 120.0),
            ratio_to_starting_point: None,
        },
        Expected {
            what: "luring a 13-year-old, Montreal",
            law_date: "2023-03-01",
            place: Some("CA"),
            court: Some("CA"),
            imposed: Some(24.0),
            life: None,
            leading: [
                // 433bis/1 (cyber-luring) and 417/24 (proposing a meeting) both apply with
                // penalties not confirmed (unknown): 417/24 covers grooming.meeting, listed
                // before grooming.luring (the further step), and leads.
                Some(("BE.417-24", None, false)),
                Some(("CA.172.1", Some(168.0), false)),
                // 227-22 (corruption of a minor under 15 by sexual talk: 10 years = 120)
                // applies once the child, whose age is stated, is presumed real; 227-22-1
                // (2 years, 5 if the meeting took place: not stated) is retained beside it.
                Some(("FR.227-22", Some(120.0), false)),
            ],
            scale: None,
            applicable_system: Some("CA"),
            // 24 / 168 = 1/7 = 0.142857…
            share_of_applicable_maximum: Some(24.0 / 168.0),
            ratio_to_starting_point: None,
        },
        Expected {
            what: "category A images shared, sentenced in London",
            law_date: "2022-01-10",
            place: Some("GB"),
            court: Some("GB"),
            imposed: Some(45.0),
            life: None,
            leading: [
                Some(("BE.383bis.distribution", Some(120.0), false)),
                Some(("CA.163.1(3)", Some(168.0), false)),
                // Distribution and possession, 5 years each: distribution leads (line 2).
                Some(("FR.227-23.distribution", Some(60.0), false)),
            ],
            // A distribution: 3 years = 36.
            scale: Some(("A", "distribution", Some(36.0))),
            // England and Wales is not a system of the data: no share of a maximum.
            applicable_system: None,
            share_of_applicable_maximum: None,
            // 45 / 36 = 1.25
            ratio_to_starting_point: Some(1.25),
        },
        Expected {
            what: "live stream from the Philippines, not yet tried",
            law_date: "2024-01-20",
            place: Some("PH"),
            court: None,
            imposed: None,
            life: None,
            // Belgium: the payer is a co-perpetrator (art. 66) of rape (417/11), whose
            // minor-victim penalty is not confirmed. Canada: a party to s. 151 (168).
            // France: the payer is an accomplice (121-7 al. 2) of the paid rape of a child
            // under 15 (222-23-1 al. 2: 20 years = 240), which applies unless complicity in a
            // rape with constraint (222-23) is established.
            leading: [
                Some(("BE.66.417-11", None, false)),
                Some(("CA.21.151", Some(168.0), false)),
                Some(("FR.121-7.rape-minor-under15", Some(240.0), false)),
            ],
            scale: None,
            applicable_system: None,
            share_of_applicable_maximum: None,
            ratio_to_starting_point: None,
        },
        Expected {
            what: "category B images, place not stated, facts of 2020",
            law_date: "2020-05-05",
            place: None,
            court: Some("FR"),
            imposed: Some(15.0),
            life: None,
            leading: [
                Some(("BE.383bis.possession", Some(12.0), false)),
                Some(("CA.163.1(4)", Some(120.0), false)),
                // 227-23 al. 4, version of 2013-08-07 to 2020-07-31: 2 years = 24.
                Some(("FR.227-23.possession", Some(24.0), false)),
            ],
            // B possession: 26 weeks = 6 months.
            scale: Some(("B", "possession", Some(6.0))),
            applicable_system: Some("FR"),
            // 15 / 24 = 0.625
            share_of_applicable_maximum: Some(0.625),
            // 15 / 6 = 2.5
            ratio_to_starting_point: Some(2.5),
        },
        Expected {
            what: "trafficking of a 15-year-old with serious violence, Toronto, life",
            law_date: "2019-06-30",
            place: Some("CA"),
            court: Some("CA"),
            imposed: None,
            life: Some(true),
            leading: [
                // 375: 10 years, raised to 20 (child under 16) = 240.
                Some(("BE.375", Some(240.0), false)),
                // s. 279.011: 14 years, life with an aggravated assault (serious harm).
                Some(("CA.279.011", None, true)),
                // 222-22-2 (2013-08-07 to 2021-04-22): 15 years, raised to 20 (several
                // persons, a weapon) = 240.
                Some(("FR.222-22-2.penetration", Some(240.0), false)),
            ],
            scale: None,
            applicable_system: Some("CA"),
            // A life sentence has no ratio to a term.
            share_of_applicable_maximum: None,
            ratio_to_starting_point: None,
        },
    ]
}

/// Checks one case's JSON result against the hand-worked figures.
fn check_case(got: &Json, e: &Expected, line: u64) {
    let at = format!("line {line} ({})", e.what);
    assert_eq!(got["kind"], "case", "{at}");
    assert_eq!(got["line"], line, "{at}");
    assert_eq!(got["law_date"], e.law_date, "{at}");
    assert_eq!(got["place"], Json::from(e.place), "{at}");
    assert_eq!(got["court_country"], Json::from(e.court), "{at}");
    assert_eq!(got["imposed_months"], num(e.imposed), "{at}");
    assert_eq!(got["life_sentence"], Json::from(e.life), "{at}");
    let systems = got["systems"].as_array().unwrap();
    let ids: Vec<&str> = systems.iter().map(|s| s["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["BE", "CA", "FR"], "{at}");
    for (s, lead) in systems.iter().zip(&e.leading) {
        let at = format!("{at}, {}", s["id"]);
        match lead {
            None => assert!(s["leading"].is_null(), "{at}: {}", s["leading"]),
            Some((id, max, life)) => {
                assert_eq!(s["leading"]["id"], *id, "{at}");
                assert_eq!(s["leading"]["max_prison_months"], num(*max), "{at}");
                assert_eq!(s["leading"]["life"], *life, "{at}");
            }
        }
        // Each system's share: the imposed term ÷ its leading maximum, to 4 decimals.
        let share = match (e.imposed, lead) {
            (Some(i), Some((_, Some(max), _))) if e.life != Some(true) => Some(round4(i / max)),
            _ => None,
        };
        assert_eq!(s["share_of_maximum"], num(share), "{at}");
    }
    match e.scale {
        None => assert!(got["scale"].is_null(), "{at}"),
        Some((category, role, sp)) => {
            assert_eq!(got["scale"]["guideline"], "EW-IIOC-2014", "{at}");
            assert_eq!(got["scale"]["category"], category, "{at}");
            assert_eq!(got["scale"]["role"], role, "{at}");
            assert_eq!(got["scale"]["starting_point_months"], num(sp), "{at}");
        }
    }
    assert_eq!(
        got["applicable_system"],
        Json::from(e.applicable_system),
        "{at}"
    );
    assert_eq!(
        got["share_of_applicable_maximum"],
        num(e.share_of_applicable_maximum.map(round4)),
        "{at}"
    );
    assert_eq!(
        got["ratio_to_starting_point"],
        num(e.ratio_to_starting_point.map(round4)),
        "{at}"
    );
}

#[test]
fn golden_cases_give_the_figures_worked_out_by_hand() {
    let expected = golden_cases();
    let (jsonl, _, _, counts) = run(&read("tests/batch/golden.jsonl"), InputFormat::Jsonl);
    assert_eq!(
        (counts.records, counts.evaluated, counts.rejected),
        (12, 12, 0)
    );
    assert_eq!(jsonl.len(), expected.len());
    for (i, (got, e)) in jsonl.iter().zip(&expected).enumerate() {
        check_case(got, e, i as u64 + 1);
    }
    // The same cases as CSV: the same figures, one line further down (the header).
    let (csv, _, _, counts) = run(&read("tests/batch/golden.csv"), InputFormat::Csv);
    assert_eq!(
        (counts.records, counts.evaluated, counts.rejected),
        (12, 12, 0)
    );
    for (i, (got, e)) in csv.iter().zip(&expected).enumerate() {
        check_case(got, e, i as u64 + 2);
    }
    // A few printed figures spelt out, as a reader of the results sees them.
    assert_eq!(jsonl[6]["share_of_applicable_maximum"], 0.1667); // 20 / 120
    assert_eq!(jsonl[7]["share_of_applicable_maximum"], 0.1429); // 24 / 168
    assert_eq!(jsonl[4]["systems"][1]["share_of_maximum"], 0.7143); // 120 / 168
    assert_eq!(jsonl[8]["systems"][1]["share_of_maximum"], 0.2679); // 45 / 168
    assert_eq!(jsonl[7]["systems"][2]["share_of_maximum"], 0.2); // 24 / 120
}

/// Expected quartiles, written as the type 7 arithmetic on the sorted values.
#[derive(Debug, Clone, Copy)]
struct Q {
    n: u64,
    q1: f64,
    median: f64,
    q3: f64,
}

const fn q(n: u64, q1: f64, median: f64, q3: f64) -> Option<Q> {
    Some(Q { n, q1, median, q3 })
}

/// All three quartiles are the single value.
const fn one(x: f64) -> Option<Q> {
    q(1, x, x, x)
}

struct Fig {
    dimension: &'static str,
    group: &'static str,
    cases: u64,
    sentenced: u64,
    life: u64,
    share: Option<Q>,
    sp: Option<Q>,
}

const fn fig(
    dimension: &'static str,
    group: &'static str,
    (cases, sentenced, life): (u64, u64, u64),
    share: Option<Q>,
    sp: Option<Q>,
) -> Fig {
    Fig {
        dimension,
        group,
        cases,
        sentenced,
        life,
        share,
        sp,
    }
}

/// The aggregates of the golden run, by hand.
///
/// The shares of the applicable maximum (court's own system), by case: 1: 30/60 = 0.5 (FR
/// court, FR place), 2: 42/60 = 0.7 (FR, FR), 3: 12/60 = 0.2 (BE, BE), 4: 18/120 = 0.15
/// (CA, CA), 5: 120/240 = 0.5 (FR, PH), 7: 20/120 = 1/6 (FR, FR), 8: 24/168 = 1/7 (CA, CA),
/// 11: 15/24 = 0.625 (FR, no place). None for 6 (no Belgian qualification applies), 9
/// (a court outside the data), 10 (not tried), 12 (life).
///
/// The ratios to the starting point: 1: 30/12 = 2.5 (FR, FR), 2: 42/12 = 3.5 (FR, FR), 4:
/// 18/12 = 1.5 (CA, CA), 9: 45/36 = 1.25 (GB, GB), 11: 15/6 = 2.5 (FR, no place).
///
/// "sentenced" counts a custodial term imposed (not 10, not the life sentence of 12).
fn golden_aggregates() -> Vec<Fig> {
    const THIRD: f64 = 1.0 / 3.0;
    const SEVENTH: f64 = 1.0 / 7.0;
    const SIXTH: f64 = 1.0 / 6.0;
    vec![
        // All: shares 1/7, 0.15, 1/6, 0.2, 0.5, 0.5, 0.625, 0.7 (n = 8, h = 1.75, 3.5,
        // 5.25): Q1 = 0.15 + 0.75 × (1/6 − 0.15) = 0.1625; median = 0.2 + 0.5 × (0.5 −
        // 0.2) = 0.35; Q3 = 0.5 + 0.25 × (0.625 − 0.5) = 0.53125 → 0.5313. Ratios 1.25,
        // 1.5, 2.5, 2.5, 3.5 (n = 5, h = 1, 2, 3): 1.5, 2.5, 2.5.
        fig(
            "all",
            "all",
            (12, 10, 1),
            q(8, 0.15 + 0.75 * (SIXTH - 0.15), 0.35, 0.53125),
            q(5, 1.5, 2.5, 2.5),
        ),
        // Cases 3, 6: one share, 0.2.
        fig("court_country", "BE", (2, 2, 0), one(0.2), None),
        // Cases 4, 8, 12: shares 1/7, 0.15 (n = 2, h = 0.25, 0.5, 0.75):
        // Q1 = 1/7 + 0.25 × (0.15 − 1/7) = 0.144642… → 0.1446,
        // median = (1/7 + 0.15) / 2 = 0.146428… → 0.1464,
        // Q3 = 1/7 + 0.75 × (0.15 − 1/7) = 0.148214… → 0.1482.
        fig(
            "court_country",
            "CA",
            (3, 2, 1),
            q(
                2,
                SEVENTH + 0.25 * (0.15 - SEVENTH),
                SEVENTH + 0.5 * (0.15 - SEVENTH),
                SEVENTH + 0.75 * (0.15 - SEVENTH),
            ),
            one(1.5),
        ),
        // Cases 1, 2, 5, 7, 11: shares 1/6, 0.5, 0.5, 0.625, 0.7 (n = 5): 0.5, 0.5, 0.625.
        // Ratios 2.5, 2.5, 3.5 (n = 3, h = 0.5, 1, 1.5): 2.5, 2.5, 2.5 + 0.5 × 1 = 3.
        fig(
            "court_country",
            "FR",
            (5, 5, 0),
            q(5, 0.5, 0.5, 0.625),
            q(3, 2.5, 2.5, 3.0),
        ),
        fig("court_country", "GB", (1, 1, 0), None, one(1.25)),
        // Case 10, no court.
        fig("court_country", "(unknown)", (1, 0, 0), None, None),
        fig("place", "BE", (1, 1, 0), one(0.2), None),
        fig(
            "place",
            "CA",
            (3, 2, 1),
            q(
                2,
                SEVENTH + 0.25 * (0.15 - SEVENTH),
                SEVENTH + 0.5 * (0.15 - SEVENTH),
                SEVENTH + 0.75 * (0.15 - SEVENTH),
            ),
            one(1.5),
        ),
        // Cases 1, 2, 7: shares 1/6, 0.5, 0.7 (n = 3, h = 0.5, 1, 1.5):
        // 1/6 + 0.5 × (0.5 − 1/6) = 1/3 → 0.3333, 0.5, 0.5 + 0.5 × 0.2 = 0.6.
        // Ratios 2.5, 3.5 (n = 2): 2.75, 3, 3.25.
        fig(
            "place",
            "FR",
            (3, 3, 0),
            q(3, THIRD, 0.5, 0.6),
            q(2, 2.75, 3.0, 3.25),
        ),
        fig("place", "GB", (1, 1, 0), None, one(1.25)),
        fig("place", "KH", (1, 1, 0), None, None),
        // Cases 5 (0.5) and 10 (not tried).
        fig("place", "PH", (2, 1, 0), one(0.5), None),
        fig("place", "(unknown)", (1, 1, 0), one(0.625), one(2.5)),
        // Regions (UN M49) of the place: Americas = CA.
        fig(
            "region",
            "Americas",
            (3, 2, 1),
            q(
                2,
                SEVENTH + 0.25 * (0.15 - SEVENTH),
                SEVENTH + 0.5 * (0.15 - SEVENTH),
                SEVENTH + 0.75 * (0.15 - SEVENTH),
            ),
            one(1.5),
        ),
        // Asia = KH + PH: cases 5, 6, 10.
        fig("region", "Asia", (3, 2, 0), one(0.5), None),
        // Europe = BE + FR + GB: cases 1, 2, 3, 7, 9. Shares 1/6, 0.2, 0.5, 0.7 (n = 4,
        // h = 0.75, 1.5, 2.25): 1/6 + 0.75 × (0.2 − 1/6) = 0.191666… → 0.1917; 0.2 + 0.5 ×
        // (0.5 − 0.2) = 0.35; 0.5 + 0.25 × 0.2 = 0.55. Ratios 1.25, 2.5, 3.5 (n = 3, h = 0.5,
        // 1, 1.5): 1.25 + 0.5 × 1.25 = 1.875, 2.5, 2.5 + 0.5 × 1 = 3.
        fig(
            "region",
            "Europe",
            (5, 5, 0),
            q(4, SIXTH + 0.75 * (0.2 - SIXTH), 0.35, 0.55),
            q(3, 1.875, 2.5, 3.0),
        ),
        fig("region", "(unknown)", (1, 1, 0), one(0.625), one(2.5)),
        fig(
            "sub_region",
            "Northern America",
            (3, 2, 1),
            q(
                2,
                SEVENTH + 0.25 * (0.15 - SEVENTH),
                SEVENTH + 0.5 * (0.15 - SEVENTH),
                SEVENTH + 0.75 * (0.15 - SEVENTH),
            ),
            one(1.5),
        ),
        // GB.
        fig("sub_region", "Northern Europe", (1, 1, 0), None, one(1.25)),
        fig(
            "sub_region",
            "South-eastern Asia",
            (3, 2, 0),
            one(0.5),
            None,
        ),
        // BE + FR: cases 1, 2, 3, 7 — the shares of Europe; ratios 2.5, 3.5 as place FR.
        fig(
            "sub_region",
            "Western Europe",
            (4, 4, 0),
            q(4, SIXTH + 0.75 * (0.2 - SIXTH), 0.35, 0.55),
            q(2, 2.75, 3.0, 3.25),
        ),
        fig("sub_region", "(unknown)", (1, 1, 0), one(0.625), one(2.5)),
    ]
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-12
}

fn check_quartiles(got: &Option<Quartiles>, printed: &Json, e: &Option<Q>, at: &str) {
    match (got, e) {
        (None, None) => assert!(printed.is_null(), "{at}: {printed}"),
        (Some(g), Some(e)) => {
            assert_eq!(g.n, e.n, "{at}");
            for (name, g, e) in [
                ("q1", g.q1, e.q1),
                ("median", g.median, e.median),
                ("q3", g.q3, e.q3),
            ] {
                assert!(close(g, e), "{at} {name}: {g} ≠ {e}");
                // What the JSON prints: the same figure to 4 decimals.
                assert_eq!(printed[name], round4(e), "{at} {name}");
            }
            assert_eq!(printed["n"], e.n, "{at}");
        }
        _ => panic!("{at}: {got:?} ≠ {e:?}"),
    }
}

#[test]
fn golden_aggregates_give_the_quartiles_worked_out_by_hand() {
    let expected = golden_aggregates();
    for (file, format) in [
        ("tests/batch/golden.jsonl", InputFormat::Jsonl),
        ("tests/batch/golden.csv", InputFormat::Csv),
    ] {
        let (_, aggregates, groups, _) = run(&read(file), format);
        assert_eq!(
            (
                &aggregates["records"],
                &aggregates["evaluated"],
                &aggregates["rejected"]
            ),
            (&Json::from(12), &Json::from(12), &Json::from(0))
        );
        let printed = aggregates["groups"].as_array().unwrap();
        let names = |it: &mut dyn Iterator<Item = (String, String)>| it.collect::<Vec<_>>();
        assert_eq!(
            names(
                &mut groups
                    .iter()
                    .map(|g| (g.dimension.to_string(), g.group.clone()))
            ),
            names(
                &mut expected
                    .iter()
                    .map(|f| (f.dimension.to_string(), f.group.to_string()))
            ),
            "{file}: the groups, in order"
        );
        assert_eq!(printed.len(), groups.len());
        for ((g, p), e) in groups.iter().zip(printed).zip(&expected) {
            let at = format!("{file}: {} {}", e.dimension, e.group);
            assert_eq!(p["dimension"], e.dimension, "{at}");
            assert_eq!(p["group"], e.group, "{at}");
            assert_eq!(
                (g.cases, g.sentenced, g.life_sentences),
                (e.cases, e.sentenced, e.life),
                "{at}"
            );
            assert_eq!(
                (&p["cases"], &p["sentenced"], &p["life_sentences"]),
                (
                    &Json::from(e.cases),
                    &Json::from(e.sentenced),
                    &Json::from(e.life)
                ),
                "{at}"
            );
            check_quartiles(
                &g.share_of_maximum,
                &p["share_of_maximum"],
                &e.share,
                &format!("{at} share"),
            );
            check_quartiles(
                &g.ratio_to_starting_point,
                &p["ratio_to_starting_point"],
                &e.sp,
                &format!("{at} ratio"),
            );
        }
        // The figures a reader sees, spelt out.
        let all = &printed[0];
        assert_eq!(
            (
                &all["share_of_maximum"]["q1"],
                &all["share_of_maximum"]["median"],
                &all["share_of_maximum"]["q3"]
            ),
            (&Json::from(0.1625), &Json::from(0.35), &Json::from(0.5313))
        );
        let ca = &printed[2];
        assert_eq!(ca["group"], "CA");
        assert_eq!(
            (
                &ca["share_of_maximum"]["q1"],
                &ca["share_of_maximum"]["median"],
                &ca["share_of_maximum"]["q3"]
            ),
            (
                &Json::from(0.1446),
                &Json::from(0.1464),
                &Json::from(0.1482)
            )
        );
    }
}

#[test]
fn golden_run_through_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let results = dir.path().join("results.csv");
    let aggregates = dir.path().join("aggregates.csv");
    let o = qualif(&[
        "batch",
        "tests/batch/golden.csv",
        "--format",
        "csv",
        "-o",
        results.to_str().unwrap(),
        "--aggregates",
        aggregates.to_str().unwrap(),
        "--summary",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).is_empty(), "{}", stderr(&o));
    assert!(
        String::from_utf8_lossy(&o.stdout).starts_with("12 records: 12 evaluated, 0 rejected\n"),
        "the table on standard output with --summary"
    );
    // The per-case rows: the columns of every golden figure.
    let text = std::fs::read_to_string(&results).unwrap();
    let mut rows = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = rows.headers().unwrap().iter().map(String::from).collect();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let rows: Vec<csv::StringRecord> = rows.records().map(Result::unwrap).collect();
    let expected = golden_cases();
    assert_eq!(rows.len(), expected.len());
    let text_of = |x: Option<f64>| x.map(|v| v.to_string()).unwrap_or_default();
    for (i, (row, e)) in rows.iter().zip(&expected).enumerate() {
        let at = format!("row {} ({})", i + 1, e.what);
        assert_eq!(&row[col("line")], (i + 2).to_string(), "{at}");
        for (system, lead) in ["BE", "CA", "FR"].iter().zip(&e.leading) {
            let (id, max) = lead.map_or(("", None), |(id, max, _)| (id, max));
            assert_eq!(&row[col(&format!("{system}.leading"))], id, "{at}");
            assert_eq!(
                &row[col(&format!("{system}.max_prison_months"))],
                text_of(max),
                "{at}"
            );
        }
        assert_eq!(
            &row[col("starting_point_months")],
            text_of(e.scale.and_then(|s| s.2)),
            "{at}"
        );
        assert_eq!(
            &row[col("applicable_system")],
            e.applicable_system.unwrap_or(""),
            "{at}"
        );
        assert_eq!(
            &row[col("share_of_applicable_maximum")],
            text_of(e.share_of_applicable_maximum.map(round4)),
            "{at}"
        );
        assert_eq!(
            &row[col("ratio_to_starting_point")],
            text_of(e.ratio_to_starting_point.map(round4)),
            "{at}"
        );
    }
    // The aggregates file: one row per group, the figures to 4 decimals.
    let text = std::fs::read_to_string(&aggregates).unwrap();
    let mut lines = text.lines();
    assert_eq!(
        lines.next().unwrap(),
        "dimension,group,cases,sentenced,life_sentences,share_n,share_q1,share_median,share_q3,starting_point_n,starting_point_q1,starting_point_median,starting_point_q3"
    );
    let quartiles = |q: Option<Q>| match q {
        None => "0,,,".to_string(),
        Some(q) => format!(
            "{},{},{},{}",
            q.n,
            round4(q.q1),
            round4(q.median),
            round4(q.q3)
        ),
    };
    for (line, e) in lines.zip(golden_aggregates()) {
        let want = format!(
            "{},{},{},{},{},{},{}",
            e.dimension,
            e.group,
            e.cases,
            e.sentenced,
            e.life,
            quartiles(e.share),
            quartiles(e.sp)
        );
        assert_eq!(line, want);
    }
    assert!(text.contains("\nall,all,12,10,1,8,0.1625,0.35,0.5313,5,1.5,2.5,2.5\n"));
    assert!(text.contains("\ncourt_country,FR,5,5,0,5,0.5,0.5,0.625,3,2.5,2.5,3\n"));
    // In addition to the assertions above: the whole output, to see any change.
    insta::assert_snapshot!(
        "golden_results_csv",
        std::fs::read_to_string(&results).unwrap()
    );
    insta::assert_snapshot!("golden_aggregates_csv", text);
    let o = qualif(&["batch", "tests/batch/golden.jsonl"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    insta::assert_snapshot!("golden_results_jsonl", String::from_utf8(o.stdout).unwrap());
}

// ---------------------------------------------------------------------------------------
// Bad lines

/// The rejections of a file with bad lines, as the command prints them.
fn rejected_lines(err: &str) -> Vec<&str> {
    err.lines()
        .filter(|l| l.starts_with("rejected: "))
        .collect()
}

#[test]
fn bad_json_lines_are_reported_and_the_run_goes_on() {
    let o = qualif(&["batch", "tests/batch/bad.jsonl"]);
    let err = stderr(&o);
    assert_eq!(
        o.status.code(),
        Some(1),
        "some records were rejected: {err}"
    );
    assert!(!err.contains("panicked"), "{err}");
    // Each bad line once, with its line and column; blank lines (3: empty, 8: spaces) are
    // skipped without a word and do not shift the numbering.
    let f = "tests/batch/bad.jsonl";
    let want = [
        format!("rejected: {f}:2:56: not valid JSON: trailing comma"),
        format!(
            "rejected: {f}:4:38: field `victim.agee`: unknown key `agee` in [victim] (did you mean `age`?)"
        ),
        format!(
            "rejected: {f}:5:38: field `victim.age`: `victim.age` must be a whole number, found a text"
        ),
        format!(
            "rejected: {f}:6:35: field `act.sexual_contact`: `act.sexual_contact` = \"kissing\" is not an accepted value"
        ),
        format!(
            "rejected: {f}:7:11: field `case.date_of_facts`: `case.date_of_facts` = \"2023-02-30\" is not a valid date"
        ),
        format!("rejected: {f}:9:1: a record must be a JSON object, found a list"),
        format!(
            "rejected: {f}:11:2: field `victm`: unknown section `victm` (did you mean `victim`?)"
        ),
    ];
    assert_eq!(rejected_lines(&err), want, "{err}");
    // Each with what is accepted.
    assert!(
        err.contains("  accepted: one of: none, touching, penetration\n"),
        "{err}"
    );
    assert!(
        err.contains("  accepted: a real calendar date written \"YYYY-MM-DD\"\n"),
        "{err}"
    );
    assert!(
        err.contains("\n9 records: 2 evaluated, 7 rejected\n"),
        "{err}"
    );
    // The good lines (1 and 10) still give their results, and the aggregates count all.
    let out = String::from_utf8(o.stdout).unwrap();
    let lines: Vec<Json> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(
        (&lines[0]["line"], &lines[1]["line"]),
        (&Json::from(1), &Json::from(10))
    );
    // Line 1: 30 months against FR 227-23 al. 4 (60) = 0.5; line 10: 6 months against
    // B possession's 26 weeks (6 months) = 1.
    assert_eq!(lines[0]["share_of_applicable_maximum"], 0.5);
    assert_eq!(lines[1]["ratio_to_starting_point"], 1.0);
    assert_eq!(
        (
            &lines[2]["records"],
            &lines[2]["evaluated"],
            &lines[2]["rejected"]
        ),
        (&Json::from(9), &Json::from(2), &Json::from(7))
    );
}

#[test]
fn bad_csv_rows_are_reported_with_line_and_column() {
    let expected = |f: &str| {
        vec![
            format!("rejected: {f}:3: the row has 3 fields but the header has 9 fields"),
            format!(
                "rejected: {f}:5:4: field `act.sexual_contact`: `act.sexual_contact` = \"kissing\" is not an accepted value"
            ),
            format!(
                "rejected: {f}:6:1: field `case.date_of_facts`: `case.date_of_facts` = \"2023-02-30\" is not a valid date"
            ),
            format!(
                "rejected: {f}:8:3: field `victim.age`: `victim.age` must be a whole number, found a text"
            ),
            format!("rejected: {f}:9: the row has 10 fields but the header has 9 fields"),
        ]
    };
    // As written (LF), and as a spreadsheet writes it (CRLF, no newline at the end): the
    // same lines.
    let dir = tempfile::tempdir().unwrap();
    let crlf = dir.path().join("bad-crlf.csv");
    let text = read("tests/batch/bad.csv");
    std::fs::write(&crlf, text.trim_end().replace('\n', "\r\n")).unwrap();
    for f in ["tests/batch/bad.csv", crlf.to_str().unwrap()] {
        let o = qualif(&["batch", f, "--format", "csv"]);
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(1), "{err}");
        // The empty line 4 and the line of spaces 7 are blank: skipped, not counted.
        assert_eq!(rejected_lines(&err), expected(f), "{err}");
        assert!(
            err.contains("\n7 records: 2 evaluated, 5 rejected\n"),
            "{err}"
        );
        // The good rows, 2 and 10, still give their results.
        let out = String::from_utf8(o.stdout).unwrap();
        let firsts: Vec<&str> = out.lines().map(|l| l.split(',').next().unwrap()).collect();
        assert_eq!(firsts, ["line", "2", "10"], "{f}");
    }
    // The same through the library: line, column and field of each.
    let (_, counts, _, rejected) =
        batch::run_to_string(ctx(), &text, InputFormat::Csv, OutputFormat::Csv).unwrap();
    assert_eq!(
        (counts.records, counts.evaluated, counts.rejected),
        (7, 2, 5)
    );
    let located: Vec<(u64, Option<u64>, Option<&str>)> = rejected
        .iter()
        .map(|r| (r.line, r.column, r.field.as_deref()))
        .collect();
    assert_eq!(
        located,
        [
            (3, None, None),
            (5, Some(4), Some("act.sexual_contact")),
            (6, Some(1), Some("case.date_of_facts")),
            (8, Some(3), Some("victim.age")),
            (9, None, None),
        ]
    );
}

#[test]
fn a_missing_file_or_an_unknown_csv_column_stops_with_one_message() {
    fn assert_stops(o: &Output, names: &str, says: &str) {
        let err = stderr(o);
        assert_eq!(o.status.code(), Some(2), "{err}");
        assert!(o.stdout.is_empty(), "nothing on stdout");
        assert_eq!(err.matches("error:").count(), 1, "one message: {err}");
        assert!(err.starts_with(&format!("error: {names}")), "{err}");
        assert!(err.contains(says), "{err}");
        assert!(
            !err.contains("panicked") && !err.contains("rejected:"),
            "{err}"
        );
    }
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing.jsonl");
    let missing = missing.to_str().unwrap();
    assert_stops(
        &qualif(&["batch", missing]),
        missing,
        "cannot read the file",
    );
    // A folder named like an input.
    let folder = dir.path().join("cases.csv");
    std::fs::create_dir(&folder).unwrap();
    let folder = folder.to_str().unwrap();
    assert_stops(
        &qualif(&["batch", folder]),
        folder,
        "this is a folder, not a file",
    );
    // A header with a column that is not a key of the case format: the run does not
    // start, and no output file is left behind.
    let bad = dir.path().join("bad-header.csv");
    std::fs::write(&bad, "case.place,victim.agee,victim.age\nFR,3,3\n").unwrap();
    let bad = bad.to_str().unwrap();
    let out = dir.path().join("out.csv");
    let o = qualif(&["batch", bad, "--format", "csv", "-o", out.to_str().unwrap()]);
    assert_stops(
        &o,
        bad,
        "CSV header: column 2 (`victim.agee`) is not a key of the case format",
    );
    assert!(stderr(&o).contains("accepted: in [victim]: age, birth_date"));
    // Only the folder and the header file: no output, no temporary file.
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        2,
        "no output left behind"
    );
    // The same header on standard output: nothing written either.
    assert_stops(&qualif(&["batch", bad]), bad, "`victim.agee`");
}

/// Runs `qualif ARGS` with `input` on its standard input (a pipe).
fn qualif_with_stdin(args: &[&str], input: &[u8]) -> Output {
    use std::io::Write;
    use std::process::Stdio;
    let mut child = Command::new(env!("CARGO_BIN_EXE_qualif"))
        .args(args)
        .env("QUALIF_TODAY", "2026-11-22")
        .env_remove("RUST_BACKTRACE")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut stdin = child.stdin.take().unwrap();
    let input = input.to_vec();
    // Written from a thread, so that a large input cannot block on a full pipe while the
    // outputs wait to be read.
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let out = child.wait_with_output().expect("the binary runs");
    writer.join().unwrap();
    out
}

/// Standard input (`-`) is read as a stream of records, each bounded as a file's are, and
/// named "standard input" in messages; its format is given with --input-format. (Before, `-`
/// was taken for a file name.)
#[test]
fn standard_input_is_read_when_its_format_is_given() {
    let o = qualif_with_stdin(
        &["batch", "-", "--input-format", "jsonl"],
        b"{\"case\": {\"place\": \"FR\"}}\n{\"victim\": {\"agee\": 3}}\n",
    );
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert_eq!(
        rejected_lines(&err),
        [
            "rejected: standard input:2:13: field `victim.agee`: unknown key `agee` in [victim] (did you mean `age`?)"
        ],
        "{err}"
    );
    let out = String::from_utf8(o.stdout).unwrap();
    assert_eq!(
        out.lines().count(),
        2,
        "one result and the aggregates: {out}"
    );
    let o = qualif_with_stdin(
        &["batch", "-", "--input-format", "csv", "--format", "csv"],
        b"case.place,victim.age\nFR,12\n",
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(String::from_utf8(o.stdout).unwrap().lines().count(), 2);
    // Without a format: one message, nothing read.
    let o = qualif_with_stdin(&["batch", "-"], b"");
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert_eq!(
        err.trim_end(),
        "error: standard input: give its format with --input-format jsonl|csv"
    );
}

/// A CSV row is bounded as a JSON line is: a row longer than a case may be (1 MiB) is
/// rejected, whether its length is in one field or in a quoted field over many lines, and the
/// run goes on. (Before, the row was read whole, however long, and a 2 MiB title was only
/// refused as a title too long.)
#[test]
fn a_csv_row_longer_than_a_case_may_be_is_rejected_and_the_run_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("long.csv");
    let long = "x".repeat(2 << 20);
    let text = format!(
        "case.title,victim.age\n{long},3\n\"{long}\n{long}\",4\nok,5\n{},6\n",
        "y".repeat(1000)
    );
    std::fs::write(&path, text).unwrap();
    let f = path.to_str().unwrap();
    let o = qualif(&["batch", f, "--format", "csv"]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    let too_long = |line: u64| {
        format!(
            "rejected: {f}:{line}: the row is longer than {} bytes, the most a case may hold",
            qualif::facts::MAX_CASE_FILE_BYTES
        )
    };
    assert_eq!(rejected_lines(&err), [too_long(2), too_long(3)], "{err}");
    assert!(
        err.contains("\n4 records: 2 evaluated, 2 rejected\n"),
        "{err}"
    );
    let out = String::from_utf8(o.stdout).unwrap();
    let firsts: Vec<&str> = out.lines().map(|l| l.split(',').next().unwrap()).collect();
    assert_eq!(firsts, ["line", "5", "6"]);
}

/// A quote never closed in a CSV file is reported as such, at the line where it opens (it
/// was reported one line early, as "the row has 1 field"), and a file of 300 MB after that
/// quote is read in bounded memory (the whole of it was held as one field: 1.17 GB). The
/// memory is the run's peak resident size, as the kernel counts it for the child.
#[cfg(target_os = "linux")]
#[test]
fn a_csv_quote_never_closed_is_reported_where_it_opens_in_bounded_memory() {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("unclosed.csv");
    {
        let mut w = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
        w.write_all(b"case.title,victim.age\nok,3\n,\"never closed\n")
            .unwrap();
        let line = [b"x".repeat(999_999), b"\n".to_vec()].concat();
        for _ in 0..300 {
            w.write_all(&line).unwrap();
        }
        w.flush().unwrap();
    }
    let f = path.to_str().unwrap();
    // Waited for by `wait4` below, which gives the child's peak memory with its status.
    #[allow(clippy::zombie_processes)]
    let mut child = Command::new(env!("CARGO_BIN_EXE_qualif"))
        .args(["batch", f, "--format", "csv"])
        .env("QUALIF_TODAY", "2026-11-22")
        .env_remove("RUST_BACKTRACE")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut err = String::new();
    std::io::Read::read_to_string(child.stderr.as_mut().unwrap(), &mut err).unwrap();
    let mut status = 0;
    // SAFETY: a plain system call waiting for our own child, writing into the two locals.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let waited = unsafe { libc::wait4(child.id() as libc::pid_t, &mut status, 0, &mut usage) };
    assert_eq!(waited, child.id() as libc::pid_t);
    assert!(libc::WIFEXITED(status), "{err}");
    assert_eq!(libc::WEXITSTATUS(status), 1, "{err}");
    assert_eq!(
        rejected_lines(&err),
        [format!(
            "rejected: {f}:3:2: the quote that opens field 2 is never closed: the rest of the file was read as that field"
        )],
        "{err}"
    );
    assert!(
        err.contains("\n2 records: 1 evaluated, 1 rejected\n"),
        "{err}"
    );
    let peak_mib = usage.ru_maxrss / 1024;
    assert!(
        peak_mib < 200,
        "{peak_mib} MiB at the peak for a 300 MB input"
    );
}

/// A binary file given as CSV gets one located message about its header row (file, line,
/// column, what is accepted), exit code 2. (Before: "cannot read the CSV header row: CSV
/// parse error: record 0 (line 1, field: 1, byte: 0): invalid utf-8…", without a line.)
#[test]
fn a_binary_csv_header_gets_a_located_message() {
    let dir = tempfile::tempdir().unwrap();
    let accepted = "  accepted: a UTF-8 text file whose first row names the columns with dotted keys such as victim.age";
    for (name, bytes, says) in [
        (
            "image.csv",
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR".to_vec(),
            "1:1: CSV header: column 1 is not valid UTF-8: this is not a CSV text file",
        ),
        (
            "nul.csv",
            b"case.place,victim.age,\x00\x01\x02\nFR,3,x\n".to_vec(),
            "1:3: CSV header: column 3 holds the control character \\u{0}: this is not a CSV text file",
        ),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let f = path.to_str().unwrap();
        let o = qualif(&["batch", f]);
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(2), "{err}");
        assert!(o.stdout.is_empty());
        assert_eq!(err, format!("error: {f}:{says}\n{accepted}\n"));
    }
    // Zeros through standard input: the header is cut at the limit, not read to its end.
    let o = qualif_with_stdin(&["batch", "-", "--input-format", "csv"], &vec![0; 3 << 20]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert_eq!(
        err,
        format!(
            "error: standard input:1:1: CSV header: column 1 holds the control character \\u{{0}}: this is not a CSV text file\n{accepted}\n"
        )
    );
}

/// Records are held to the bounds of a case file: a key given twice is refused at the
/// repeated key (before, the last was kept without a word), a term over 100 years and a date
/// after 9999-12-31 are refused (before, accepted and printed as "+10017-01-01").
#[test]
fn records_beyond_the_bounds_of_a_case_file_are_rejected() {
    let dir = tempfile::tempdir().unwrap();
    let jsonl = dir.path().join("bounds.jsonl");
    std::fs::write(
        &jsonl,
        concat!(
            "{\"victim\": {\"age\": 3, \"age\": 4}}\n",
            "{\"sentence\": {\"imposed_months\": 1201}}\n",
            "{\"case\": {\"date_of_facts\": \"+10017-1-1\"}}\n",
            "{\"sentence\": {\"imposed_months\": 1200}, \"case\": {\"date_of_facts\": \"9999-12-31\"}}\n",
        ),
    )
    .unwrap();
    let f = jsonl.to_str().unwrap();
    let o = qualif(&["batch", f]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert_eq!(
        rejected_lines(&err),
        [
            format!("rejected: {f}:1:23: duplicate key `age`"),
            format!(
                "rejected: {f}:2:15: field `sentence.imposed_months`: `sentence.imposed_months` = 1201 is out of range"
            ),
            format!(
                "rejected: {f}:3:11: field `case.date_of_facts`: `case.date_of_facts` = \"+10017-1-1\" is not a valid date"
            ),
        ],
        "{err}"
    );
    assert!(err.contains("  accepted: each key at most once in an object, as in a case file\n"));
    assert!(
        err.contains("  accepted: a number from 0 up to 1200\n"),
        "{err}"
    );
    let csv = dir.path().join("bounds.csv");
    std::fs::write(
        &csv,
        "case.date_of_facts,sentence.imposed_months\n+10017-1-1,\n,1201\n2020-01-01,1200\n",
    )
    .unwrap();
    let f = csv.to_str().unwrap();
    let o = qualif(&["batch", f, "--format", "csv"]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert_eq!(
        rejected_lines(&err),
        [
            format!(
                "rejected: {f}:2:1: field `case.date_of_facts`: `case.date_of_facts` = \"+10017-1-1\" is not a valid date"
            ),
            format!(
                "rejected: {f}:3:2: field `sentence.imposed_months`: `sentence.imposed_months` = 1201 is out of range"
            ),
        ],
        "{err}"
    );
}

// ---------------------------------------------------------------------------------------
// Batch and `assess` agree

/// Checks, for one case, that the summary batch evaluates gives every provision of every
/// system the status and penalty of `engine::assess`, and that batch's leading
/// qualification of each national system is the one read from `assess` (ranked by
/// `Qualification::leading_cmp`, whose order `golden_cases()` and the unit tests of
/// `Penalty::leading_cmp` check by hand).
fn agrees_with_assess(case: &Case) -> Result<(), TestCaseError> {
    let ctx = ctx();
    let summary = ctx.plan.summarize(case, None, today());
    let assessment = engine::assess(plan(), case, &[], None, today());
    prop_assert_eq!(summary.law_date, assessment.law_date);
    prop_assert_eq!(summary.systems.len(), assessment.systems.len());
    for (s, a) in summary.systems.iter().zip(&assessment.systems) {
        prop_assert_eq!(&s.system.id, &a.system.id);
        prop_assert_eq!(s.provisions.len(), a.qualifications.len());
        for (p, q) in s.provisions.iter().zip(&a.qualifications) {
            prop_assert_eq!(&p.provision.id, &q.provision.id);
            prop_assert_eq!(p.status, q.status, "status of {}", q.provision.id);
            if q.status == Status::Applies {
                prop_assert_eq!(
                    p.penalty,
                    q.penalty.as_ref(),
                    "penalty of {}",
                    q.provision.id
                );
            } else if let Some(penalty) = p.penalty {
                // A possible provision that others give way to: its penalty, for the
                // retained qualification of those that give way to it.
                prop_assert_eq!(
                    q.status,
                    Status::Possible,
                    "{} has a penalty",
                    q.provision.id
                );
                prop_assert_eq!(
                    Some(penalty),
                    q.penalty.as_ref(),
                    "penalty of {}",
                    q.provision.id
                );
            }
        }
    }
    let result = batch::evaluate(&ctx.plan, ctx.official, case, 1, today());
    prop_assert_eq!(result.law_date, assessment.law_date);
    prop_assert_eq!(result.systems.len(), ctx.national().len());
    for figure in &result.systems {
        let a = assessment
            .systems
            .iter()
            .find(|a| a.system.id == figure.system)
            .unwrap();
        // The qualification a prosecutor retains, from the assessment: the applying
        // provision that leads, with its group's certain penalty.
        let candidates = qualif::analysis::concurrence::candidates(a);
        let from_assess = qualif::analysis::concurrence::resolve(&candidates, |_| true)
            .leading
            .and_then(|g| {
                let q = &a.qualifications[g.members[0]];
                a.qualifications[g.certain].penalty.as_ref().map(|p| (q, p))
            });
        match (&figure.leading, from_assess) {
            (None, None) => {}
            (Some(l), Some((q, p))) => {
                prop_assert_eq!(
                    &l.provision.id,
                    &q.provision.id,
                    "leading in {}",
                    figure.system
                );
                prop_assert_eq!(l.max_prison_months, p.prison_max.months());
                prop_assert_eq!(l.life, p.prison_max == Term::Life);
            }
            (l, q) => prop_assert!(
                false,
                "leading in {}: batch {:?}, assess {:?}",
                figure.system,
                l.as_ref().map(|l| &l.provision.id),
                q.map(|q| &q.0.provision.id)
            ),
        }
    }
    Ok(())
}

/// A synthetic record (the patterns of the real scenarios) as a case.
fn synthetic_case() -> impl Strategy<Value = (u64, u64, Case)> {
    (any::<u64>(), 1u64..100_000).prop_map(|(seed, n)| {
        let record = synth::record(n, &mut Rng::new(seed));
        let text = record.to_string();
        let case = batch::case_from_json(&text, 1, &book().vocabulary, today())
            .unwrap_or_else(|r| panic!("a synthetic record is accepted: {r}\n{text}"));
        (seed, n, case)
    })
}

/// A TOML value for a fact, valid for its type, from a seed.
fn value_for(def: &qualif::facts::FactDef, rng: &mut Rng) -> String {
    const COUNTRIES: &[&str] = &["FR", "BE", "CA", "PH", "GB", "DE", "KH", "RO"];
    let quoted = |s: &str| format!("\"{s}\"");
    // Facts from 1994 to 2025, assessed in 2026, people born before 1994: the order the
    // case format requires.
    let (from, days) = match def.key.as_str() {
        "case.date_of_assessment" => ((2026, 1, 1), 320),
        k if k.ends_with(".birth_date") => ((1930, 1, 1), 63 * 365),
        _ => ((1994, 1, 1), 32 * 365),
    };
    let date = |rng: &mut Rng| {
        let d = NaiveDate::from_ymd_opt(from.0, from.1, from.2).unwrap()
            + chrono::Days::new(rng.range(0, days) as u64);
        quoted(&d.to_string())
    };
    match def.ty {
        FactType::Bool => rng.chance(0.6).to_string(),
        FactType::Integer => {
            let lo = def.min.unwrap_or(0.0) as i64;
            let hi = def.max.unwrap_or(lo as f64 + 200.0).min(lo as f64 + 200.0) as i64;
            rng.range(lo, hi).to_string()
        }
        FactType::Number => format!("{:.1}", rng.range(0, 3000) as f64 / 10.0),
        FactType::Date => date(rng),
        FactType::Text => quoted("x"),
        FactType::Country => quoted(rng.pick::<&str>(COUNTRIES)),
        FactType::Countries => format!("[{}]", quoted(rng.pick::<&str>(COUNTRIES))),
        FactType::Enum => quoted(rng.pick::<String>(&def.values)),
        FactType::EnumList => {
            let mut chosen: Vec<String> = def
                .values
                .iter()
                .filter(|_| rng.chance(0.4))
                .map(|v| quoted(v))
                .collect();
            if chosen.is_empty() {
                chosen.push(quoted(rng.pick::<String>(&def.values)));
            }
            format!("[{}]", chosen.join(", "))
        }
    }
}

/// A case built from the vocabulary: 1 to 90 facts, each with a value valid for its type
/// (an age or a birth date, not both); the few files that still break a consistency rule
/// are skipped.
fn vocabulary_case() -> impl Strategy<Value = (String, Option<Case>)> {
    let facts: Vec<usize> = (0..book().vocabulary.facts.len())
        .filter(|&i| !book().vocabulary.facts[i].derived)
        .collect();
    prop::collection::vec((prop::sample::select(facts), any::<u64>()), 1..90).prop_map(|picked| {
        let vocab = &book().vocabulary;
        let mut sections: BTreeMap<&str, BTreeMap<&str, String>> = BTreeMap::new();
        for (i, seed) in picked {
            let def = &vocab.facts[i];
            let value = value_for(def, &mut Rng::new(seed));
            sections
                .entry(def.section())
                .or_default()
                .insert(def.name(), value);
        }
        for entries in sections.values_mut() {
            if entries.contains_key("age") {
                entries.remove("birth_date");
            }
        }
        let mut text = String::new();
        for (section, entries) in sections {
            text.push_str(&format!("[{section}]\n"));
            for (k, v) in entries {
                text.push_str(&format!("{k} = {v}\n"));
            }
        }
        let case = Case::parse(&SourceText::new("generated.toml", &text), vocab, today()).ok();
        (text, case)
    })
}

proptest! {
    #![proptest_config(Config { cases: 200, ..Config::default() })]

    #[test]
    fn batch_agrees_with_assess_on_synthetic_cases((seed, n, case) in synthetic_case()) {
        agrees_with_assess(&case).map_err(|e| {
            TestCaseError::fail(format!("{e}\nsynth::record({n}, Rng::new({seed}))"))
        })?;
    }

    #[test]
    fn batch_agrees_with_assess_on_cases_from_the_vocabulary((text, case) in vocabulary_case()) {
        let Some(case) = case else {
            return Err(TestCaseError::reject("a consistency rule"));
        };
        agrees_with_assess(&case).map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
    }
}

/// End to end: the leading qualification each result line of a batch run names is the one
/// retained from `assess` for the record on that line.
#[test]
fn batch_results_name_the_leading_qualification_of_assess() {
    let mut input = Vec::new();
    synth::write(300, 99, &mut input).unwrap();
    let input = String::from_utf8(input).unwrap();
    let (results, _, _, counts) = run(&input, InputFormat::Jsonl);
    assert_eq!((counts.evaluated, counts.rejected), (300, 0));
    let mut leading_seen = 0;
    for (record, result) in input.lines().zip(&results) {
        let case = batch::case_from_json(record, 1, &book().vocabulary, today()).unwrap();
        let assessment = engine::assess(plan(), &case, &[], None, today());
        for s in result["systems"].as_array().unwrap() {
            let a = assessment
                .systems
                .iter()
                .find(|a| a.system.id == s["id"].as_str().unwrap())
                .unwrap();
            // The qualification retained (qualif::analysis::concurrence): the applying
            // provision that leads, with its group's certain penalty.
            let candidates = qualif::analysis::concurrence::candidates(a);
            let lead = qualif::analysis::concurrence::resolve(&candidates, |_| true)
                .leading
                .and_then(|g| {
                    let q = &a.qualifications[g.members[0]];
                    a.qualifications[g.certain].penalty.as_ref().map(|p| (q, p))
                });
            match lead {
                None => assert!(s["leading"].is_null(), "{record}\n{s}"),
                Some((q, p)) => {
                    leading_seen += 1;
                    assert_eq!(s["leading"]["id"], q.provision.id.as_str(), "{record}");
                    assert_eq!(
                        s["leading"]["max_prison_months"],
                        num(p.prison_max.months())
                    );
                    assert_eq!(s["leading"]["life"], p.prison_max == Term::Life);
                }
            }
        }
    }
    // Most records have a qualification that applies somewhere.
    assert!(leading_seen > 300, "{leading_seen}");
}

// ---------------------------------------------------------------------------------------
// The synthetic generator

fn synthetic(n: u64, seed: u64) -> Vec<u8> {
    let mut out = Vec::new();
    synth::write(n, seed, &mut out).unwrap();
    out
}

#[test]
fn the_same_seed_gives_the_same_bytes_and_another_seed_others() {
    assert_eq!(synthetic(500, 7), synthetic(500, 7));
    assert_ne!(synthetic(500, 7), synthetic(500, 8));
    // The first records do not depend on how many follow.
    assert!(synthetic(500, 7).starts_with(&synthetic(20, 7)));
    // The command writes the same bytes, to standard output or to a file.
    let a = qualif(&["batch", "--synthesize", "200", "--seed", "7"]);
    let b = qualif(&["batch", "--synthesize", "200", "--seed", "7"]);
    let c = qualif(&["batch", "--synthesize", "200", "--seed", "8"]);
    assert_eq!(a.status.code(), Some(0), "{}", stderr(&a));
    assert_eq!(a.stdout, b.stdout);
    assert_ne!(a.stdout, c.stdout);
    assert_eq!(a.stdout, synthetic(200, 7));
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("s.jsonl");
    let o = qualif(&[
        "batch",
        "--synthesize",
        "200",
        "--seed",
        "7",
        "-o",
        file.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(std::fs::read(&file).unwrap(), a.stdout);
}

#[test]
fn every_synthetic_record_is_labelled_and_accepted() {
    for seed in [1, 2, 3, 42] {
        let text = String::from_utf8(synthetic(1000, seed)).unwrap();
        for (i, line) in text.lines().enumerate() {
            let record: Json = serde_json::from_str(line).unwrap();
            let title = record["case"]["title"].as_str().unwrap();
            assert!(
                title.starts_with("SYNTHETIC"),
                "seed {seed}, record {}: {title}",
                i + 1
            );
        }
        let (_, counts, groups, rejected) =
            batch::run_to_string(ctx(), &text, InputFormat::Jsonl, OutputFormat::Csv).unwrap();
        assert!(rejected.is_empty(), "seed {seed}: {:?}", rejected.first());
        assert_eq!(
            (counts.records, counts.evaluated, counts.rejected),
            (1000, 1000, 0)
        );
        assert_eq!(groups[0].cases, 1000);
    }
    // And through the command: exit code 0.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("s.jsonl");
    let file = file.to_str().unwrap();
    assert_eq!(
        qualif(&["batch", "--synthesize", "500", "-o", file])
            .status
            .code(),
        Some(0)
    );
    let o = qualif(&["batch", file, "--format", "csv"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).is_empty(), "{}", stderr(&o));
    assert_eq!(String::from_utf8_lossy(&o.stdout).lines().count(), 501);
    assert!(Path::new(file).is_file());
}
