//! The sentencing scales: all nine cells of the official table, role and category edge
//! cases, the live-streaming extension with and without a recording, and the placement of
//! a sentence. Expectations derived by hand from the dossier (england-wales.md, section 3).

use std::process::Command;

use chrono::NaiveDate;
use qualif::diagnostics::SourceText;
use qualif::engine::assess;
use qualif::engine::plan::Plan;
use qualif::facts::Case;
use qualif::law::LawBook;
use qualif::report::words;
use qualif::scale::{Placement, Scales, evaluate_all, place};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

fn setup() -> (LawBook, Scales) {
    let book = LawBook::builtin().unwrap();
    let scales = Scales::builtin(&book.vocabulary).unwrap();
    (book, scales)
}

fn case(book: &LawBook, text: &str) -> Case {
    Case::parse(
        &SourceText::new("case.toml", text),
        &book.vocabulary,
        today(),
    )
    .unwrap_or_else(|d| panic!("{d}"))
}

fn material(conduct: &str, category: &str) -> String {
    format!(
        "[case]\ndate_of_facts = \"2024-06-01\"\n[material]\nconduct = [{conduct}]\ncategory = \"{category}\"\nreal_child = true\n"
    )
}

/// (category, role, starting point in months or None for a community order, range from,
/// range to) of the official scale.
type Expected = (
    &'static str,
    &'static str,
    Option<f64>,
    Option<f64>,
    Option<f64>,
);

/// The same, as computed.
type Got = (
    Option<String>,
    Option<String>,
    Option<f64>,
    Option<f64>,
    Option<f64>,
);

fn official(book: &LawBook, scales: &Scales, text: &str) -> Got {
    let c = case(book, text);
    let (o, _) = evaluate_all(scales, &c);
    let o = o.expect("an official scale");
    let cell = o.cell;
    (
        o.category.choice.map(|x| x.id.clone()),
        o.role.choice.map(|x| x.id.clone()),
        cell.and_then(|c| c.starting_point.months()),
        cell.and_then(|c| c.range_from.months()),
        cell.and_then(|c| c.range_to.months()),
    )
}

#[test]
fn the_nine_cells_of_the_official_table() {
    let (book, scales) = setup();
    let cases: Vec<(String, Expected)> = vec![
        (
            material("\"possessed\"", "A"),
            ("A", "possession", Some(12.0), Some(6.0), Some(36.0)),
        ),
        (
            material("\"possessed\", \"distributed\"", "A"),
            ("A", "distribution", Some(36.0), Some(24.0), Some(60.0)),
        ),
        (
            material("\"produced\", \"possessed\"", "A"),
            ("A", "production", Some(72.0), Some(48.0), Some(108.0)),
        ),
        // Downloading is sentenced as possession; the range starts with a community order.
        (
            material("\"acquired\"", "B"),
            ("B", "possession", Some(6.0), None, Some(18.0)),
        ),
        (
            material("\"made_available\"", "B"),
            ("B", "distribution", Some(12.0), Some(6.0), Some(24.0)),
        ),
        (
            material("\"produced\"", "B"),
            ("B", "production", Some(24.0), Some(12.0), Some(48.0)),
        ),
        // Category C possession: a community order as starting point.
        (
            material("\"accessed\"", "C"),
            ("C", "possession", None, None, Some(6.0)),
        ),
        (
            material("\"disseminated_publicly\"", "C"),
            ("C", "distribution", Some(3.0), None, Some(6.0)),
        ),
        (
            material("\"produced\", \"distributed\"", "C"),
            ("C", "production", Some(18.0), Some(12.0), Some(36.0)),
        ),
    ];
    for (text, (cat, role, sp, from, to)) in cases {
        let got = official(&book, &scales, &text);
        assert_eq!(
            got,
            (Some(cat.into()), Some(role.into()), sp, from, to),
            "{text}"
        );
    }
}

#[test]
fn category_and_role_edge_cases() {
    let (book, scales) = setup();
    // A stated category wins over the acts.
    let stated = "[case]\ndate_of_facts = \"2024-06-01\"\n[act]\nsexual_contact = \"penetration\"\n[material]\nconduct = [\"possessed\"]\ncategory = \"C\"\n";
    assert_eq!(official(&book, &scales, stated).0.as_deref(), Some("C"));
    // Without a category, the most serious acts decide; a more serious one stays possible.
    let c = case(
        &book,
        "[case]\ndate_of_facts = \"2024-06-01\"\n[act]\nsexual_contact = \"touching\"\n[material]\nconduct = [\"possessed\"]\n",
    );
    let (o, _) = evaluate_all(&scales, &c);
    let o = o.unwrap();
    assert_eq!(o.category.choice.map(|x| x.id.as_str()), Some("B"));
    assert!(
        o.category.possible_higher.iter().any(|x| x.id == "A"),
        "category A remains possible while live.acts is unknown"
    );
    // Nothing known about the material: no category, no cell — never a guess.
    let (o, _) = evaluate_all(
        &scales,
        &case(&book, "[case]\ndate_of_facts = \"2024-06-01\"\n"),
    );
    assert!(o.unwrap().cell.is_none());
}

#[test]
fn live_streaming_extension_without_a_recording() {
    let (book, scales) = setup();
    let text = std::fs::read_to_string("tests/scenarios/07-livestream-philippines.toml").unwrap();
    let c = case(&book, &text);
    let (o, ext) = evaluate_all(&scales, &c);
    // The official scale has no role for a live stream with no material.
    assert!(o.unwrap().cell.is_none());
    let e = ext
        .iter()
        .find(|e| e.cell.is_some())
        .expect("the extension places a live case without images");
    assert!(!e.guideline.official, "labelled as not official");
    assert!(
        e.guideline
            .status
            .to_lowercase()
            .contains("not an official")
    );
    assert_eq!(e.category.choice.unwrap().id, "A");
    assert_eq!(e.role.choice.unwrap().id, "director");
    let cell = e.cell.unwrap();
    assert_eq!(
        (
            cell.starting_point.months(),
            cell.range_from.months(),
            cell.range_to.months()
        ),
        (Some(72.0), Some(48.0), Some(108.0))
    );
    // A paying viewer who gives no instructions (scenario 09): category B, payer row.
    let text = std::fs::read_to_string("tests/scenarios/09-livestream-client-only.toml").unwrap();
    let (_, ext) = evaluate_all(&scales, &case(&book, &text));
    let e = ext.iter().find(|e| e.cell.is_some()).unwrap();
    assert_eq!(
        (
            e.category.choice.unwrap().id.as_str(),
            e.role.choice.unwrap().id.as_str()
        ),
        ("B", "payer")
    );
    assert_eq!(e.cell.unwrap().starting_point.months(), Some(12.0));
}

#[test]
fn live_streaming_extension_with_a_recording_never_falls_below_the_official_cell() {
    let (book, scales) = setup();
    let text = "[case]\ndate_of_facts = \"2024-06-01\"\n[live]\nroles = [\"viewer\"]\nacts = \"penetration\"\nrecorded = true\n[material]\nconduct = [\"possessed\"]\ncategory = \"A\"\nreal_child = true\n";
    let c = case(&book, text);
    let (o, ext) = evaluate_all(&scales, &c);
    let official_sp = o.unwrap().cell.unwrap().starting_point.months().unwrap();
    let e = ext.iter().find(|e| e.cell.is_some()).unwrap();
    assert_eq!(e.role.choice.unwrap().id, "viewer");
    assert!(e.cell.unwrap().starting_point.months().unwrap() >= official_sp);
}

#[test]
fn a_sentence_is_placed_against_the_range_and_each_maximum() {
    let (book, scales) = setup();
    let place_for = |text: &str, months: f64| {
        let c = case(&book, text);
        let (o, ext) = evaluate_all(&scales, &c);
        let a = assess(&Plan::new(&book), &c, &[], None, today());
        let p = place(months, o.as_ref(), &ext, &a, &scales);
        (
            p.guideline,
            p.ratio_to_starting_point,
            p.systems
                .iter()
                .map(|s| (s.system.clone(), s.placement))
                .collect::<Vec<_>>(),
        )
    };
    let a_possession = material("\"possessed\"", "A");
    assert_eq!(
        place_for(&a_possession, 18.0).0,
        Some(Placement::WithinRange)
    );
    assert_eq!(place_for(&a_possession, 18.0).1, Some(1.5));
    assert_eq!(
        place_for(&a_possession, 36.0).0,
        Some(Placement::WithinRange),
        "the upper bound is inclusive"
    );
    assert_eq!(
        place_for(&a_possession, 37.0).0,
        Some(Placement::AboveRange)
    );
    assert_eq!(place_for(&a_possession, 3.0).0, Some(Placement::BelowRange));
    // Above the 5-year statutory maximum of possession.
    assert_eq!(
        place_for(&a_possession, 61.0).0,
        Some(Placement::AboveMaximum)
    );
    // FR possession: 5 years since 1 August 2020; 6 years is above it.
    let systems = place_for(&a_possession, 72.0).2;
    assert!(
        systems.contains(&("FR".to_string(), Placement::AboveMaximum)),
        "{systems:?}"
    );
    assert!(
        systems.contains(&("CA".to_string(), Placement::WithinMaximum)),
        "{systems:?}"
    );
}

#[test]
fn scale_json_follows_the_output_contract() {
    let o = Command::new(env!("CARGO_BIN_EXE_qualif"))
        .args([
            "scale",
            "tests/scenarios/07-livestream-philippines.toml",
            "--format",
            "json",
            "--sentence",
            "8y",
        ])
        .env("QUALIF_TODAY", "2026-11-22")
        .output()
        .unwrap();
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["contract"], 1);
    // No image is retained (live.recorded = false): the image scale does not cover the
    // case, and the contract's top-level guideline fields are absent.
    assert!(v["guideline"].is_null());
    assert_eq!(v["not_covering"], serde_json::json!(["EW-IIOC-2014"]));
    assert_eq!(v["extension"]["official"], false);
    assert_eq!(v["extension"]["role"], "director");
    assert_eq!(v["extension"]["starting_point"]["months"], 72.0);
    assert_eq!(v["proportionality"]["placed_against"]["official"], false);
    assert_eq!(v["proportionality"]["guideline_placement"], "within_range");
    for bad in ["3 years", "-2y", "0m"] {
        let o = Command::new(env!("CARGO_BIN_EXE_qualif"))
            .args([
                "scale",
                "tests/scenarios/07-livestream-philippines.toml",
                "--sentence",
                bad,
            ])
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(2), "{bad}");
    }
}

#[test]
fn community_orders_are_worded_as_the_guideline_words_them() {
    let (book, scales) = setup();
    let c = case(&book, &material("\"accessed\"", "C"));
    let (o, _) = evaluate_all(&scales, &c);
    let cell = o.unwrap().cell.unwrap();
    assert_eq!(
        words::sentence_value(&cell.starting_point, "en"),
        "High level community order"
    );
    assert_eq!(
        words::sentence_value(&cell.range_to, "en"),
        "26 weeks' custody"
    );
}

/// With the offender's age: `[guideline.scope]` of the official guideline.
fn material_by(age: &str, conduct: &str, category: &str) -> String {
    format!("{}[offender]\n{age}\n", material(conduct, category))
}

#[test]
fn the_official_guideline_covers_only_offenders_aged_18_or_over() {
    // england-wales.md, reading conventions: "All these guidelines apply only to offenders
    // aged 18 and over (verified-primary, E30)"; section 2: "Applies to offenders aged 18+".
    let (book, scales) = setup();
    // A 17-year-old possessing category A images: no category, role or starting point, and
    // the name and status say why.
    let c = case(&book, &material_by("age = 17", "\"possessed\"", "A"));
    let (o, ext) = evaluate_all(&scales, &c);
    let o = o.unwrap();
    assert!(o.cell.is_none(), "no starting point under 18");
    assert!(o.category.choice.is_none() && o.role.choice.is_none());
    assert!(o.factors.is_empty() && o.maximum.is_none());
    assert_eq!(o.guideline.id, "EW-IIOC-2014");
    assert!(
        o.guideline
            .name
            .en
            .contains("does not apply: the offender was under 18")
    );
    assert!(o.guideline.name.fr.contains("moins de 18 ans"));
    assert!(words::guideline_status(o.guideline, "en").contains("not applicable to this offender"));
    // The proposal for live-streamed abuse follows the official scope.
    assert!(ext.iter().all(|e| e.cell.is_none()));
    // No placement of a sentence against a guideline that does not apply.
    let a = assess(&Plan::new(&book), &c, &[], None, today());
    let p = place(12.0, Some(&o), &ext, &a, &scales);
    assert_eq!(p.guideline, None);
    // At 18: the usual cell (A / possession: starting point 1 year, range 26 weeks – 3 years).
    let c = case(&book, &material_by("age = 18", "\"possessed\"", "A"));
    let (o, _) = evaluate_all(&scales, &c);
    let o = o.unwrap();
    let cell = o.cell.expect("a cell at 18");
    assert_eq!(
        (
            cell.starting_point.months(),
            cell.range_from.months(),
            cell.range_to.months()
        ),
        (Some(12.0), Some(6.0), Some(36.0))
    );
    assert_eq!(o.guideline.status, "official guideline");
    // Age not stated: the cell is given, and the status says it depends on the age.
    let c = case(&book, &material("\"possessed\"", "A"));
    let (o, _) = evaluate_all(&scales, &c);
    let o = o.unwrap();
    assert_eq!(o.cell.unwrap().starting_point.months(), Some(12.0));
    assert!(
        words::guideline_status(o.guideline, "en").contains(
            "applies only to offenders aged 18 or over: the offender's age is not stated"
        )
    );
}

#[test]
fn scale_json_says_the_guideline_does_not_apply_to_a_minor() {
    // Scenario 10: a 15-year-old who kept category C images of a 15-year-old.
    let o = Command::new(env!("CARGO_BIN_EXE_qualif"))
        .args([
            "scale",
            "tests/scenarios/10-peer-sexting.toml",
            "--format",
            "json",
        ])
        .env("QUALIF_TODAY", "2026-11-22")
        .output()
        .unwrap();
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["guideline"], "EW-IIOC-2014");
    assert!(v["starting_point"].is_null() && v["range"].is_null());
    assert!(v["category"].is_null() && v["role"].is_null());
    assert!(
        v["name"]["en"]
            .as_str()
            .unwrap()
            .contains("does not apply: the offender was under 18")
    );
    assert!(v["extension"].is_null());
}

#[test]
fn possession_with_a_view_to_sharing_is_placed_on_the_distribution_row() {
    // england-wales.md section 5, "Distribution": the guideline's distribution "includes
    // possession with a view to distributing or sharing images" (2012 draft verified-primary,
    // final wording verified-secondary). Figures from section 3.
    let (book, scales) = setup();
    let with = |conduct: &str, category: &str, extra: &str| {
        format!("{}{extra}\n", material(conduct, category))
    };
    // Possessed with a view to dissemination, category B: distribution B, starting point
    // 1 year (unverified), range 26 weeks – 2 years.
    assert_eq!(
        official(
            &book,
            &scales,
            &with("\"possessed\"", "B", "intent_to_disseminate = true")
        ),
        (
            Some("B".into()),
            Some("distribution".into()),
            Some(12.0),
            Some(6.0),
            Some(24.0)
        )
    );
    // Acquired (downloaded) with that intent, category A: distribution A, 3 years (2 – 5).
    assert_eq!(
        official(
            &book,
            &scales,
            &with("\"acquired\"", "A", "intent_to_disseminate = true")
        ),
        (
            Some("A".into()),
            Some("distribution".into()),
            Some(36.0),
            Some(24.0),
            Some(60.0)
        )
    );
    // No such intent: possession; an intent to make a profit alone does not move the row.
    let c = case(
        &book,
        &with(
            "\"possessed\"",
            "A",
            "intent_to_disseminate = false\nfor_profit = true",
        ),
    );
    let (o, _) = evaluate_all(&scales, &c);
    let o = o.unwrap();
    assert_eq!(o.role.choice.unwrap().id, "possession");
    assert!(o.role.possible_higher.is_empty());
    // Intent not stated: possession, with distribution still possible.
    let c = case(&book, &material("\"possessed\"", "A"));
    let (o, _) = evaluate_all(&scales, &c);
    let o = o.unwrap();
    assert_eq!(o.role.choice.unwrap().id, "possession");
    assert_eq!(
        o.role
            .possible_higher
            .iter()
            .map(|r| r.id.as_str())
            .collect::<Vec<_>>(),
        ["distribution"]
    );
    // Production still comes first.
    assert_eq!(
        official(
            &book,
            &scales,
            &with(
                "\"produced\", \"possessed\"",
                "C",
                "intent_to_disseminate = true"
            )
        )
        .1
        .as_deref(),
        Some("production")
    );
}

/// The ids of the live-streaming extension's factors listed for a case, with their status.
fn live_factors(book: &LawBook, scales: &Scales, recorded: &str) -> Vec<(String, bool)> {
    let text = format!(
        "[case]\ndate_of_facts = \"2024-06-01\"\n[offender]\nage = 30\n[live]\nroles = [\"viewer\"]\nacts = \"penetration\"\n{recorded}"
    );
    let c = case(book, &text);
    let (_, ext) = evaluate_all(scales, &c);
    let e = ext
        .iter()
        .find(|e| {
            e.guideline
                .factors
                .iter()
                .any(|f| f.id == "LIVE.agg.capping")
        })
        .expect("the live-streaming extension is evaluated");
    e.factors
        .iter()
        .map(|f| (f.factor.id.clone(), f.to_consider))
        .collect()
}

#[test]
fn a_factor_the_facts_contradict_is_not_listed_and_an_unknown_one_is() {
    let (book, scales) = setup();
    let capping = |recorded: &str| {
        live_factors(&book, &scales, recorded)
            .into_iter()
            .find(|(id, _)| id == "LIVE.agg.capping")
    };
    // No recording exists: the offender cannot have recorded the session.
    assert_eq!(capping("recorded = false\n"), None);
    // Unknown, or a recording exists (by whom is not said): still to consider by hand.
    assert_eq!(capping(""), Some(("LIVE.agg.capping".to_string(), true)));
    assert_eq!(
        capping("recorded = true\n"),
        Some(("LIVE.agg.capping".to_string(), true))
    );
    // The other factors do not move with it.
    let without = live_factors(&book, &scales, "recorded = false\n").len();
    let unknown = live_factors(&book, &scales, "").len();
    assert_eq!(without + 1, unknown);
}
