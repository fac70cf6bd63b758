//! A period of facts (`case.first_date_of_facts` to `case.date_of_facts`): the law at the
//! last act is applied; for each national system the outputs say what the law at the first
//! act retained, whether it was milder, when the provision changed within the period, and
//! the system's rule (data, with its verification).

use std::cmp::Ordering;
use std::process::Command;

use chrono::NaiveDate;
use qualif::analysis::period::SystemPeriod;
use qualif::analysis::{Analysis, Request, analyse};
use qualif::diagnostics::SourceText;
use qualif::engine::plan::Plan;
use qualif::facts::{Case, Value};
use qualif::law::{LawBook, PeriodLimitation};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 7).unwrap()
}

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// Scenario 03 (a 27-year-old meets a 13-year-old he groomed online and rapes her, in
/// Belgium, 1 June 2023), its acts spread from `first`.
fn rape_case(first: Option<&str>) -> String {
    let path = format!(
        "{}/tests/scenarios/03-snapchat-game-rape.toml",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(path).unwrap();
    match first {
        Some(f) => text.replace(
            "date_of_facts = \"2023-06-01\"",
            &format!("first_date_of_facts = \"{f}\"\ndate_of_facts = \"2023-06-01\""),
        ),
        None => text,
    }
}

fn with_analysis(text: &str, request: &Request, check: impl FnOnce(&Analysis)) {
    let book = LawBook::builtin().unwrap();
    let plan = Plan::new(&book);
    let case = Case::parse(
        &SourceText::new("case.toml", text),
        &book.vocabulary,
        today(),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let a = analyse(&plan, None, &case, request, today());
    check(&a);
}

fn system<'p, 'a>(a: &'p Analysis<'a, '_>, id: &str) -> &'p SystemPeriod<'a> {
    let p = a.period.as_ref().expect("a period");
    p.systems.iter().find(|s| s.system.id == id).unwrap()
}

#[test]
fn a_period_spanning_the_belgian_reform_names_the_former_article_and_the_change() {
    with_analysis(&rape_case(Some("2021-03-01")), &Request::default(), |a| {
        let p = a.period.as_ref().unwrap();
        assert_eq!((p.first, p.last), (d("2021-03-01"), d("2023-06-01")));
        // The law applied is the law at the last act.
        assert_eq!(a.assessment.law_date, d("2023-06-01"));
        let be = system(a, "BE");
        assert_eq!(be.at_last.as_ref().unwrap().provision.id, "BE.417-11");
        // Before 1 June 2022 a rape fell under art. 375, with its own penalty.
        let first = be.at_first.as_ref().unwrap();
        assert_eq!(first.provision.id, "BE.375");
        assert!(first.penalty.is_some());
        assert_eq!(be.changes, vec![d("2022-06-01")]);
        assert!(be.spans_a_change());
        let rule = be.rule.expect("Belgium's rule is in the data");
        assert_eq!(rule.limitation_from, PeriodLimitation::EachAct);
        assert!(!rule.sources.is_empty());
    });
}

#[test]
fn a_period_spanning_the_french_reform_of_april_2021_gives_the_version_and_the_same_penalty() {
    with_analysis(&rape_case(Some("2021-03-01")), &Request::default(), |a| {
        let fr = system(a, "FR");
        let last = fr.at_last.as_ref().unwrap();
        let first = fr.at_first.as_ref().unwrap();
        assert_eq!(last.provision.id, first.provision.id);
        // Art. 222-23 changed on 23 April 2021 (loi 2021-478), within the period.
        assert!(fr.changes.contains(&d("2021-04-23")), "{:?}", fr.changes);
        assert_eq!(fr.first_penalty_is, Some(Ordering::Equal));
        assert!(fr.spans_a_change());
    });
}

#[test]
fn a_period_within_one_version_of_the_law_changes_nothing() {
    with_analysis(&rape_case(Some("2023-01-10")), &Request::default(), |a| {
        for id in ["BE", "FR", "CA"] {
            let s = system(a, id);
            assert!(!s.spans_a_change(), "{id}: {:?}", s.changes);
            assert!(s.changes.is_empty());
        }
    });
}

#[test]
fn no_period_without_a_first_date_nor_when_a_date_of_law_is_requested() {
    with_analysis(&rape_case(None), &Request::default(), |a| {
        assert!(a.period.is_none());
    });
    let request = Request {
        law_date: Some(d("2024-01-01")),
        ..Request::default()
    };
    with_analysis(&rape_case(Some("2021-03-01")), &request, |a| {
        assert!(a.period.is_none());
    });
}

#[test]
fn the_ages_at_the_first_act_are_those_of_then() {
    let book = LawBook::builtin().unwrap();
    let parse = |text: &str| {
        Case::parse(&SourceText::new("c.toml", text), &book.vocabulary, today()).unwrap()
    };
    // Whole years between the acts: the age is exact.
    let c = parse(
        "version = 1\n[case]\nfirst_date_of_facts = \"2021-06-01\"\ndate_of_facts = \"2023-06-01\"\n[victim]\nage = 13\n",
    );
    let then = c.at_first_act(&book.vocabulary, today()).unwrap();
    assert_eq!(then.get("victim.age"), Some(&Value::Int(11)));
    assert_eq!(then.date("case.date_of_facts"), Some(d("2021-06-01")));
    assert_eq!(then.get("case.first_date_of_facts"), None);
    // Not whole years: 10 or 11, known to one year.
    let c = parse(
        "version = 1\n[case]\nfirst_date_of_facts = \"2021-03-01\"\ndate_of_facts = \"2023-06-01\"\n[victim]\nage = 13\n[offender]\nage = 27\n",
    );
    let then = c.at_first_act(&book.vocabulary, today()).unwrap();
    match then.get("victim.age") {
        Some(Value::Between(iv)) => {
            assert!(iv.above < 10.0 && iv.above > 9.0, "{iv:?}");
            assert!(iv.below > 11.0 && iv.below < 12.0, "{iv:?}");
        }
        other => panic!("{other:?}"),
    }
    // The gap between two people does not change.
    assert_eq!(then.get("derived.age_gap"), c.get("derived.age_gap"));
    // A birth date gives the exact age then.
    let c = parse(
        "version = 1\n[case]\nfirst_date_of_facts = \"2021-03-01\"\ndate_of_facts = \"2023-06-01\"\n[victim]\nbirth_date = \"2010-04-15\"\n",
    );
    let then = c.at_first_act(&book.vocabulary, today()).unwrap();
    assert_eq!(then.get("victim.age"), Some(&Value::Int(10)));
    // Without a period: none.
    let c = parse("version = 1\n[case]\ndate_of_facts = \"2023-06-01\"\n");
    assert!(c.at_first_act(&book.vocabulary, today()).is_none());
}

fn qualif(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_qualif"))
        .args(args)
        .env("QUALIF_TODAY", "2026-12-07")
        .env_remove("RUST_BACKTRACE")
        .output()
        .expect("the binary runs")
}

fn write(dir: &tempfile::TempDir, text: &str) -> String {
    let path = dir.path().join("case.toml");
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

#[test]
fn a_first_act_after_the_last_or_without_it_is_a_located_error() {
    let dir = tempfile::tempdir().unwrap();
    let after = rape_case(Some("2024-01-01"));
    let o = qualif(&["assess", &write(&dir, &after)]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(err.contains("first_date_of_facts 2024-01-01 is after date_of_facts 2023-06-01"));
    assert!(err.contains("case.toml:8:23"), "line of the key: {err}");
    let alone = "version = 1\n[case]\nfirst_date_of_facts = \"2021-01-01\"\n";
    let o = qualif(&["assess", &write(&dir, alone)]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(err.contains("without date_of_facts"), "{err}");
    assert!(!err.contains("panicked"));
}

#[test]
fn assess_shows_the_period_in_both_languages_and_in_json() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(&dir, &rape_case(Some("2021-03-01")));
    let en = String::from_utf8(qualif(&["assess", &path, "--width", "1000"]).stdout).unwrap();
    assert!(
        en.contains("Period of facts: acts from 1 March 2021 to 1 June 2023"),
        "{en}"
    );
    assert!(en.contains("under the law at the first act"), "{en}");
    assert!(en.contains("Code pénal, art. 375"), "{en}");
    assert!(
        en.contains(
            "this system's rule: each act's limitation runs from its own date (unverified)"
        )
    );
    let fr =
        String::from_utf8(qualif(&["assess", &path, "--lang", "fr", "--width", "1000"]).stdout)
            .unwrap();
    assert!(
        fr.contains("Période des faits : faits du 1er mars 2021 au 1er juin 2023"),
        "{fr}"
    );
    assert!(
        fr.contains("selon la loi en vigueur au premier acte"),
        "{fr}"
    );
    assert!(!fr.contains("under the law at the first act"));
    let json = qualif(&["assess", &path, "--format", "json"]).stdout;
    let v: serde_json::Value = serde_json::from_slice(&json).unwrap();
    let p = &v["case"]["period"];
    assert_eq!(p["first_date_of_facts"], "2021-03-01");
    let be = p["systems"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["system"] == "BE")
        .unwrap();
    assert_eq!(be["at_first_act"]["provision"], "BE.375");
    assert_eq!(be["at_last_act"]["provision"], "BE.417-11");
    assert_eq!(be["changes"][0], "2022-06-01");
    assert_eq!(be["rule"]["verification"], "unverified");
    // Without a period, no field.
    let plain = write(&dir, &rape_case(None));
    let json = qualif(&["assess", &plain, "--format", "json"]).stdout;
    let v: serde_json::Value = serde_json::from_slice(&json).unwrap();
    assert!(v["case"].get("period").is_none());
}

#[test]
fn the_written_report_gives_the_period_in_its_summary() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(&dir, &rape_case(Some("2021-03-01")));
    for lang in ["en", "fr"] {
        let md = qualif(&["report", &path, "--format", "markdown", "--lang", lang]);
        let md = String::from_utf8(md.stdout).unwrap();
        let (span, first) = match lang {
            "en" => (
                "Period of facts: acts from 1 March 2021 to 1 June 2023",
                "under the law at the first act",
            ),
            _ => (
                "Période des faits : faits du 1er mars 2021 au 1er juin 2023",
                "selon la loi en vigueur au premier acte",
            ),
        };
        let at = md.find(span).unwrap_or_else(|| panic!("{lang}: {md}"));
        // In the summary, before the detailed sections.
        let facts = md.find("\n## 2. ").expect("section 2");
        assert!(at < facts, "{lang}: the period is in the summary");
        assert!(md[at..].contains(first), "{lang}");
        assert!(md[at..].contains("Code pénal, art. 375"), "{lang}");
    }
    let json = qualif(&["report", &path, "--format", "json"]).stdout;
    let v: serde_json::Value = serde_json::from_slice(&json).unwrap();
    assert!(
        v["summary"]["period"]["span"]
            .as_str()
            .unwrap()
            .contains("1 March 2021")
    );
    let plain = write(&dir, &rape_case(None));
    let json = qualif(&["report", &plain, "--format", "json"]).stdout;
    let v: serde_json::Value = serde_json::from_slice(&json).unwrap();
    assert!(v["summary"].get("period").is_none());
}
