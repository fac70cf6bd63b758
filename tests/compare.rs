//! The comparison: each kind of disparity on constructed cases over a small synthetic data
//! set (tests/fixtures/compare: two states and one instrument, not law), cases that must
//! trigger none, and the real scenarios in snapshots.

use std::path::Path;

use chrono::NaiveDate;
use qualif::compare::{DisparityKind, Severity, compare};
use qualif::diagnostics::SourceText;
use qualif::engine::assess;
use qualif::engine::plan::Plan;
use qualif::facts::Case;
use qualif::law::LawBook;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

fn synthetic_book() -> LawBook {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        "jurisdictions/vocabulary.toml",
        dir.path().join("vocabulary.toml"),
    )
    .unwrap();
    for f in ["xa.toml", "xb.toml", "xi.toml"] {
        std::fs::copy(
            Path::new("tests/fixtures/compare").join(f),
            dir.path().join(f),
        )
        .unwrap();
    }
    LawBook::from_dir(dir.path()).unwrap_or_else(|e| panic!("{e:?}"))
}

fn case(book: &LawBook, text: &str) -> Case {
    Case::parse(
        &SourceText::new("case.toml", text),
        &book.vocabulary,
        today(),
    )
    .unwrap_or_else(|d| panic!("{d}"))
}

/// (kind, systems, severity) of every disparity found.
fn disparities(book: &LawBook, text: &str) -> Vec<(DisparityKind, Vec<String>, Severity)> {
    let c = case(book, text);
    let plan = Plan::new(book);
    let a = assess(&plan, &c, &[], None, today());
    compare(&plan, &a, &c, today())
        .disparities
        .into_iter()
        .map(|d| (d.kind, d.systems, d.severity))
        .collect()
}

fn kinds(found: &[(DisparityKind, Vec<String>, Severity)]) -> Vec<DisparityKind> {
    found.iter().map(|d| d.0).collect()
}

const ALIKE: &str = r#"
[case]
date_of_facts = "2021-06-01"
date_of_assessment = "2022-01-01"
place = "FR"
[offender]
nationality = ["BE"]
[material]
conduct = ["possessed"]
"#;

#[test]
fn facts_treated_alike_trigger_nothing_and_an_exact_minimum_is_met() {
    let book = synthetic_book();
    // Both states: 5 years, the instrument's floor exactly; both can prosecute; not barred.
    let found = disparities(&book, ALIKE);
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn penalty_gap_and_a_maximum_below_the_floor() {
    let book = synthetic_book();
    let found = disparities(
        &book,
        &ALIKE
            .replace("2021-06-01", "2015-06-01")
            .replace("2022-01-01", "2016-01-01"),
    );
    // XB: 2 years before 2020, XA: 5 years — a factor of 2.5.
    assert!(
        found.contains(&(
            DisparityKind::PenaltyGap,
            vec!["XA".into(), "XB".into()],
            Severity::Warning
        )),
        "{found:?}"
    );
    // XB is below the instrument's 5-year floor; XA meets it exactly and is not flagged.
    assert!(
        found.contains(&(
            DisparityKind::BelowMinimumStandard,
            vec!["XB".into(), "XI".into()],
            Severity::Major
        )),
        "{found:?}"
    );
    assert!(
        !found
            .iter()
            .any(|d| d.0 == DisparityKind::BelowMinimumStandard && d.1[0] == "XA"),
        "{found:?}"
    );
}

#[test]
fn conduct_criminalised_in_one_state_only_and_unverified_law() {
    let book = synthetic_book();
    let found = disparities(
        &book,
        "[case]\ndate_of_facts = \"2021-06-01\"\nplace = \"FR\"\n[victim]\nage = 14\n[grooming]\nproposed_meeting = true\n",
    );
    // XB has no grooming offence at all: flagged, as a possible gap in the data.
    assert!(
        found.contains(&(
            DisparityKind::NotCriminalised,
            vec!["XA".into(), "XB".into()],
            Severity::Warning
        )),
        "{found:?}"
    );
    // The instrument, read for XB (age of consent 16, child 14), requires it.
    assert!(
        found
            .iter()
            .any(|d| d.0 == DisparityKind::BelowMinimumStandard
                && d.1 == vec!["XB".to_string(), "XI".to_string()]),
        "{found:?}"
    );
    // XA's grooming offence is unverified.
    assert!(
        found
            .iter()
            .any(|d| d.0 == DisparityKind::UnverifiedLaw && d.1 == vec!["XA".to_string()]),
        "{found:?}"
    );
    // 14 is below both ages of consent: no age disparity.
    assert!(
        !kinds(&found).contains(&DisparityKind::AgeThreshold),
        "{found:?}"
    );
}

#[test]
fn age_of_consent_on_different_sides() {
    let book = synthetic_book();
    let found = disparities(
        &book,
        &ALIKE.replace("[material]", "[victim]\nage = 15\n[material]"),
    );
    assert_eq!(
        kinds(&found),
        vec![DisparityKind::AgeThreshold],
        "{found:?}"
    );
    let found16 = disparities(
        &book,
        &ALIKE.replace("[material]", "[victim]\nage = 16\n[material]"),
    );
    assert!(found16.is_empty(), "16 is at or above both: {found16:?}");
}

#[test]
fn time_barred_in_one_state_only() {
    let book = synthetic_book();
    // Facts of 2012: XA's 6 years ran out in 2018; XB has no limitation.
    let found = disparities(
        &book,
        &ALIKE
            .replace("2021-06-01", "2012-06-01")
            .replace("2022-01-01", "2026-01-01"),
    );
    assert!(
        found.contains(&(
            DisparityKind::Limitation,
            vec!["XB".into(), "XA".into()],
            Severity::Major
        )),
        "{found:?}"
    );
    // The day before the deadline nothing is barred.
    let open = disparities(
        &book,
        &ALIKE
            .replace("2021-06-01", "2012-06-01")
            .replace("2022-01-01", "2018-06-01"),
    );
    assert!(
        !kinds(&open).contains(&DisparityKind::Limitation),
        "{open:?}"
    );
    let barred = disparities(
        &book,
        &ALIKE
            .replace("2021-06-01", "2012-06-01")
            .replace("2022-01-01", "2018-06-02"),
    );
    assert!(
        kinds(&barred).contains(&DisparityKind::Limitation),
        "{barred:?}"
    );
}

#[test]
fn only_one_state_can_prosecute() {
    let book = synthetic_book();
    let found = disparities(&book, &ALIKE.replace("place = \"FR\"", "place = \"PH\""));
    assert!(
        found.contains(&(
            DisparityKind::JurisdictionReach,
            vec!["XB".into(), "XA".into()],
            Severity::Major
        )),
        "{found:?}"
    );
    // With the offender's nationality unknown, XB's reach is unknown: no disparity asserted.
    let unknown = disparities(
        &book,
        &ALIKE
            .replace("place = \"FR\"", "place = \"PH\"")
            .replace("nationality = [\"BE\"]", ""),
    );
    assert!(
        !kinds(&unknown).contains(&DisparityKind::JurisdictionReach),
        "{unknown:?}"
    );
}

/// The real data on the shared scenarios: the disparities found, in snapshots.
#[test]
fn scenarios_compare() {
    let book = LawBook::builtin().unwrap();
    let mut files: Vec<_> = std::fs::read_dir("tests/scenarios")
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    files.sort();
    let mut all = String::new();
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        let c = Case::parse(
            &SourceText::new(f.display().to_string(), text),
            &book.vocabulary,
            today(),
        )
        .unwrap();
        let plan = Plan::new(&book);
        let a = assess(&plan, &c, &[], None, today());
        let cmp = compare(&plan, &a, &c, today());
        all.push_str(&format!(
            "## {}\n",
            f.file_name().unwrap().to_string_lossy()
        ));
        for d in &cmp.disparities {
            all.push_str(&format!(
                "- {:?} {:?} {}: {}\n",
                d.severity,
                d.kind,
                d.systems.join("/"),
                qualif::report::findings::disparity(d, "en")
            ));
        }
    }
    insta::assert_snapshot!("scenario_disparities", all);
}
