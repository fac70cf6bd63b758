//! Adding a legal system needs data files only: a small fictional system ("Nordland", id
//! `ND`, not a real country's law) is loaded from `--data-dir` beside the built-in ones and
//! goes through every command and every format, with what the Rust code used to know of
//! the three real systems now said by its data: the other language of its titles, the age
//! of majority its limitation runs from, the country whose courts apply it.

use std::path::Path;
use std::process::{Command, Output};

/// The fictional system: one offence, a limitation period running from the victim's
/// majority at 21 (unlike any real system of the data), titles also in Dutch.
const NORDLAND: &str = r#"
[system]
id = "ND"
kind = "national"
language = "en"
name = { fr = "Nordland (fictif)", en = "Nordland (fictional)" }
currency = "EUR"
age_of_majority = 21
court_countries = ["NL"]
title_languages = ["nl"]
notes = ["A fictional system for the tests: not the law of any country."]
parameters = { age_of_consent = 15 }

[[provision]]
id = "ND.1"
citation = "Nordland Penal Code, s. 1"
title = { original = "Sexual abuse of a child", fr = "Abus sexuel sur enfant", en = "Sexual abuse of a child", other = { nl = "Seksueel misbruik van een kind" } }
covers = ["sexual_abuse.touching", "sexual_abuse.penetration"]

  [[provision.element]]
  id = "child"
  label = { fr = "victime de moins de quinze ans", en = "the child is under 15" }
  when = "victim.age < 15"

  [[provision.element]]
  id = "contact"
  label = { fr = "contact sexuel", en = "sexual contact" }
  when = "act.sexual_contact in ['touching', 'penetration']"

  [[provision.version]]
  in_force_from = "2000-01-01"
  verification = "verified-primary"
  sources = ["https://example.org/nordland/penal-code#s1"]
  penalty = { prison_max = "9y", custody = "imprisonment" }

[[limitation]]
id = "ND.L"
citation = "Nordland Penal Code, s. 90"
label = { fr = "prescription", en = "limitation" }
applies_to = ["ND.1"]
starts = "majority"

  [[limitation.version]]
  in_force_from = "2000-01-01"
  period = "10y"
  verification = "verified-primary"
  sources = ["https://example.org/nordland/penal-code#s90"]

[[jurisdiction]]
id = "ND.J"
citation = "Nordland Penal Code, s. 2"
label = { fr = "territorialité", en = "territoriality" }
basis = "territory"
when = "case.place == 'NL'"
in_force_from = "2000-01-01"
verification = "verified-primary"
sources = ["https://example.org/nordland/penal-code#s2"]
"#;

/// A case in Nordland's reach: a girl born on 10 March 2008, touched in 2020.
const CASE: &str = r#"
[case]
date_of_facts = "2020-05-01"
place = "NL"
date_of_assessment = "2026-01-01"

[victim]
birth_date = "2008-03-10"

[offender]
age = 40

[act]
sexual_contact = "touching"
"#;

/// A data folder: the built-in files, and Nordland's.
fn data_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let jur = dir.path().join("jurisdictions");
    let gl = dir.path().join("guidelines");
    std::fs::create_dir_all(&jur).unwrap();
    std::fs::create_dir_all(&gl).unwrap();
    for (from, to) in [("jurisdictions", &jur), ("guidelines", &gl)] {
        for e in std::fs::read_dir(from).unwrap().flatten() {
            if e.path().extension().is_some_and(|x| x == "toml") {
                std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
            }
        }
    }
    std::fs::write(jur.join("nd.toml"), NORDLAND).unwrap();
    std::fs::write(dir.path().join("case.toml"), CASE).unwrap();
    dir
}

fn qualif(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_qualif"))
        .arg("--data-dir")
        .arg(dir)
        .args(args)
        .env("QUALIF_TODAY", "2026-01-01")
        .output()
        .unwrap()
}

fn ok(o: &Output, what: &str) -> String {
    assert_eq!(
        o.status.code(),
        Some(0),
        "{what}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(o.stderr.is_empty(), "{what}: nothing on standard error");
    String::from_utf8(o.stdout.clone()).expect("UTF-8")
}

#[test]
fn a_fictional_system_from_data_files_goes_through_every_command_and_format() {
    let d = data_dir();
    let dir = d.path();
    let case = dir.join("case.toml");
    let case = case.to_str().unwrap();

    let v = ok(&qualif(dir, &["law", "validate"]), "law validate");
    assert!(v.contains("ND"), "{v}");
    for lang in ["en", "fr"] {
        for format in ["table", "json", "markdown"] {
            let what = format!("assess {format} {lang}");
            let out = ok(
                &qualif(dir, &["assess", case, "--format", format, "--lang", lang]),
                &what,
            );
            assert!(out.contains("ND.1") || out.contains("s. 1"), "{what}");
            let what = format!("compare {format} {lang}");
            ok(
                &qualif(dir, &["compare", case, "--format", format, "--lang", lang]),
                &what,
            );
            let what = format!("scale {format} {lang}");
            ok(
                &qualif(dir, &["scale", case, "--format", format, "--lang", lang]),
                &what,
            );
        }
        for format in ["markdown", "html", "json"] {
            let what = format!("report {format} {lang}");
            let out = ok(
                &qualif(dir, &["report", case, "--format", format, "--lang", lang]),
                &what,
            );
            assert!(out.contains("Nordland"), "{what}: the system is named");
        }
    }
    ok(&qualif(dir, &["law", "list"]), "law list");
    let shown = ok(
        &qualif(dir, &["law", "show", "ND.1", "--format", "json"]),
        "law show",
    );
    let shown: serde_json::Value = serde_json::from_str(&shown).unwrap();
    assert_eq!(shown["title"]["nl"], "Seksueel misbruik van een kind");

    // The qualification, with the limitation running from the victim's 21st birthday
    // (10 March 2029) for ten years: time-barred after 10 March 2039.
    let json = ok(
        &qualif(dir, &["assess", case, "--format", "json"]),
        "assess",
    );
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let nd = v["systems"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == "ND")
        .expect("Nordland assessed");
    let q = &nd["qualifications"][0];
    assert_eq!(q["status"], "applies");
    assert_eq!(q["penalty"]["max_prison_months"], 108.0);
    assert_eq!(q["title"]["nl"], "Seksueel misbruik van een kind");
    assert_eq!(q["limitation"]["period_starts"]["earliest"], "2029-03-10");
    assert_eq!(q["limitation"]["deadline"]["earliest"], "2039-03-10");
    assert_eq!(q["limitation"]["time_barred"], false);
    assert_eq!(q["jurisdiction"]["can_prosecute"], true);
    // A French provision has no Dutch title: only the languages its system declares.
    let fr = v["systems"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == "FR")
        .unwrap();
    assert!(fr["qualifications"][0]["title"].get("nl").is_none());

    // Batch: a sentence passed in the Netherlands is measured against Nordland's law, the
    // system whose courts sit there.
    let records = dir.join("cases.jsonl");
    std::fs::write(
        &records,
        r#"{"case": {"date_of_facts": "2020-05-01", "place": "NL"}, "victim": {"age": 12}, "offender": {"age": 40}, "act": {"sexual_contact": "touching"}, "sentence": {"court_country": "NL", "imposed_months": 54}}
"#,
    )
    .unwrap();
    let out = ok(
        &qualif(
            dir,
            &["batch", records.to_str().unwrap(), "--format", "json"],
        ),
        "batch",
    );
    let first: serde_json::Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
    assert_eq!(first["applicable_system"], "ND");
    assert_eq!(first["share_of_applicable_maximum"], 0.5);
    let csv = ok(
        &qualif(
            dir,
            &["batch", records.to_str().unwrap(), "--format", "csv"],
        ),
        "batch csv",
    );
    assert!(csv.contains("ND"), "{csv}");
}
