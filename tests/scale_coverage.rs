//! A scale is shown only when it covers the conduct retained for the case (the guideline's
//! `covers`, read against the qualifications each national system retains); otherwise one
//! line says that no guideline of the data covers it. Unknown is not false: a coverage that
//! rests on an unknown fact shows the scale as possible.

use chrono::NaiveDate;
use qualif::analysis::{Analysis, Request, analyse};
use qualif::diagnostics::SourceText;
use qualif::engine::plan::Plan;
use qualif::facts::Case;
use qualif::law::LawBook;
use qualif::report::scale_text;
use qualif::scale::{Coverage, Scales};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 7).unwrap()
}

fn scenario(book: &LawBook, name: &str) -> Case {
    let path = format!("{}/tests/scenarios/{name}.toml", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap();
    Case::parse(&SourceText::new(&path, &text), &book.vocabulary, today())
        .unwrap_or_else(|d| panic!("{d}"))
}

/// The scales shown, by guideline id and coverage, and the ids of those not covering.
fn shown(a: &Analysis) -> (Vec<(String, Coverage)>, Vec<String>) {
    let mut out: Vec<(String, Coverage)> = a
        .scale
        .iter()
        .map(|r| (r.guideline.id.clone(), r.coverage))
        .collect();
    out.extend(
        a.scale_extensions
            .iter()
            .filter(|e| scale_text::shown(e))
            .map(|r| (r.guideline.id.clone(), r.coverage)),
    );
    let not = a.scales_not_covering.iter().map(|g| g.id.clone()).collect();
    (out, not)
}

fn with_analysis(name: &str, check: impl FnOnce(&Analysis)) {
    let book = LawBook::builtin().unwrap();
    let scales = Scales::builtin(&book.vocabulary).unwrap();
    let plan = Plan::new(&book);
    let case = scenario(&book, name);
    let a = analyse(&plan, Some(&scales), &case, &Request::default(), today());
    check(&a);
}

fn table(a: &Analysis, lang: &str) -> String {
    scale_text::table(
        a.scale.as_ref(),
        &a.scale_extensions,
        &a.scales_not_covering,
        a.nothing_retained,
        None,
        lang,
        1000,
    )
}

#[test]
fn a_trafficking_case_shows_no_scale_but_the_line_in_both_languages() {
    with_analysis("08-loverboy-airbnb", |a| {
        let (shown, not) = shown(a);
        assert!(shown.is_empty(), "{shown:?}");
        assert_eq!(not, ["EW-IIOC-2014", "QUALIF-LIVE-2026"]);
        assert!(!a.nothing_retained, "trafficking is retained for certain");
        let en = table(a, "en");
        assert!(
            en.starts_with("No sentencing guideline of the data covers the conduct retained"),
            "{en}"
        );
        assert!(!en.contains("Indecent images"), "{en}");
        let fr = table(a, "fr");
        assert!(
            fr.starts_with("Aucun guide de détermination de la peine des données ne couvre"),
            "{fr}"
        );
        assert!(!fr.contains("Images indécentes"), "{fr}");
        let json = scale_text::json(
            a.scale.as_ref(),
            &a.scale_extensions,
            &a.scales_not_covering,
            None,
        );
        assert_eq!(json["not_covering"][0], "EW-IIOC-2014");
        assert!(json.get("guideline").is_none(), "{json}");
    });
}

#[test]
fn a_live_streaming_case_shows_the_extension_only() {
    with_analysis("07-livestream-philippines", |a| {
        let (shown, not) = shown(a);
        assert_eq!(
            shown,
            [("QUALIF-LIVE-2026".to_string(), Coverage::Covered)],
            "no image is retained (live.recorded = false): the image scale is not shown"
        );
        assert_eq!(not, ["EW-IIOC-2014"]);
        assert!(!table(a, "en").contains("No sentencing guideline"));
    });
}

#[test]
fn an_images_case_shows_the_image_scale_only() {
    with_analysis("06-animateur-telegram", |a| {
        let (shown, not) = shown(a);
        assert_eq!(shown, [("EW-IIOC-2014".to_string(), Coverage::Covered)]);
        assert_eq!(not, ["QUALIF-LIVE-2026"]);
    });
}

#[test]
fn a_coverage_resting_on_an_unknown_fact_shows_the_scale_as_possible() {
    // No Belgian qualification is certain for a paying viewer; the possible one covers
    // distributing images, which the facts leave unknown.
    with_analysis("09-livestream-client-only", |a| {
        let (shown, _) = shown(a);
        assert!(
            shown.contains(&("EW-IIOC-2014".to_string(), Coverage::Possible)),
            "{shown:?}"
        );
        assert!(shown.contains(&("QUALIF-LIVE-2026".to_string(), Coverage::Covered)));
        assert!(table(a, "en").contains("⚠ whether this guideline covers the conduct"));
        assert!(table(a, "fr").contains("⚠ ce guide ne couvre les agissements retenus"));
    });
}

#[test]
fn an_unknown_conduct_class_in_covers_is_a_located_load_error() {
    let book = LawBook::builtin().unwrap();
    let path = format!(
        "{}/guidelines/ew-iioc-2014.toml",
        env!("CARGO_MANIFEST_DIR")
    );
    let text =
        std::fs::read_to_string(path)
            .unwrap()
            .replacen("\"csam.access\",", "\"csam.acess\",", 1);
    let line = text.lines().position(|l| l.contains("csam.acess")).unwrap() + 1;
    let err = qualif::scale::load_sources(&[SourceText::new("g.toml", &text)], &book.vocabulary)
        .unwrap_err();
    let shown: Vec<String> = err.iter().map(|d| d.to_string()).collect();
    assert!(
        shown.iter().any(|d| d.contains(&format!("g.toml:{line}:3"))
            && d.contains("unknown conduct class `csam.acess`")),
        "{shown:?}"
    );
}

#[test]
fn images_the_facts_establish_keep_the_scale_possible_while_their_qualification_is_open() {
    // Sextortion with images the offender acquired and possessed: a system retains the
    // sextortion; possessing the images may still apply (an element is open). The images
    // are stated, so the image scale is shown as possible, not hidden.
    let book = LawBook::builtin().unwrap();
    let scales = Scales::builtin(&book.vocabulary).unwrap();
    let plan = Plan::new(&book);
    let text = r#"version = 1
[case]
date_of_facts = "2013-09-04"
place = "BE"
ict = true
public_network_contact = true
[victim]
age = 12
[offender]
age = 46
group = "alone"
[act]
requested_images = true
sexual_communication = true
threatened_disclosure = true
[material]
category = "C"
conduct = ["acquired", "possessed", "threatened_to_publish"]
kinds = ["photo"]
self_generated = true
"#;
    let case = Case::parse(&SourceText::new("c.toml", text), &book.vocabulary, today())
        .unwrap_or_else(|d| panic!("{d}"));
    let a = analyse(&plan, Some(&scales), &case, &Request::default(), today());
    let (shown, _) = shown(&a);
    assert!(
        shown.iter().any(|(id, _)| id == "EW-IIOC-2014"),
        "{shown:?}"
    );
}

/// An interview that has just begun retains nothing yet: the scales are not said not to
/// cover the case (unknown is not false), the line says they wait for the facts.
#[test]
fn a_case_with_no_facts_yet_says_the_scales_wait_for_them() {
    let book = LawBook::builtin().unwrap();
    let scales = Scales::builtin(&book.vocabulary).unwrap();
    let plan = Plan::new(&book);
    let empty = Case::parse(
        &SourceText::new("empty.toml", "version = 1\n"),
        &book.vocabulary,
        today(),
    )
    .unwrap_or_else(|d| panic!("{d}"));
    let a = analyse(&plan, Some(&scales), &empty, &Request::default(), today());
    assert!(a.nothing_retained);
    let en = table(&a, "en");
    assert!(
        en.starts_with("No system retains a qualification for certain yet"),
        "{en}"
    );
    assert!(!en.contains("covers the conduct retained"), "{en}");
    let fr = table(&a, "fr");
    assert!(
        fr.starts_with("Aucun système ne retient encore de qualification certaine"),
        "{fr}"
    );
}

/// The synthetic cases of `qualif batch --synthesize`, as batch reads them.
fn synthetic(book: &LawBook, n: u64, seed: u64) -> Vec<Case> {
    qualif::batch::synth::cases(n, seed, &book.vocabulary, today())
}

/// What `analyse` decides of guideline `id`'s coverage.
fn analysed_coverage(a: &Analysis, id: &str) -> Coverage {
    let shown = a.scale.iter().chain(&a.scale_extensions);
    match shown.into_iter().find(|r| r.guideline.id == id) {
        Some(r) => r.coverage,
        None => {
            assert!(a.scales_not_covering.iter().any(|g| g.id == id), "{id}");
            Coverage::NotCovered
        }
    }
}

/// Batch reads a guideline's coverage from its summary, resolving concurrence only where it
/// can change the answer: the same coverage as the full reading of the retained conduct on
/// the summary, for every guideline, on the scenarios and generated cases; and the same as
/// `analyse` (from the explained assessment) on the scenarios and some of them.
#[test]
fn batch_reads_the_same_coverage_as_the_full_reading_of_the_retained_conduct() {
    use qualif::analysis::concurrence::summary_candidates;
    use qualif::engine::logic::Tri;
    use qualif::scale::{Reach, RetainedConduct};
    let book = LawBook::builtin().unwrap();
    let scales = Scales::builtin(&book.vocabulary).unwrap();
    let plan = Plan::new(&book);
    let dir = format!("{}/tests/scenarios", env!("CARGO_MANIFEST_DIR"));
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.unwrap().file_name().into_string().ok())
        .filter_map(|n| n.strip_suffix(".toml").map(str::to_owned))
        .collect();
    names.sort();
    assert_eq!(names.len(), 10);
    let mut cases: Vec<Case> = names.iter().map(|n| scenario(&book, n)).collect();
    let analysed = cases.len() + 150;
    cases.extend(synthetic(&book, 4_000, 3));
    cases.extend(synthetic(&book, 2_000, 11));
    let national = || {
        let systems = book.systems.iter();
        systems.filter(|s| s.kind == qualif::law::SystemKind::National)
    };
    let reaches: Vec<Reach> = scales
        .guidelines
        .iter()
        .map(|g| Reach::new(g, national()))
        .collect();
    let mut seen = std::collections::HashMap::new();
    for (n, case) in cases.iter().enumerate() {
        let prepared = plan.prepare(case);
        let summary = plan.summarize_national_prepared(&prepared, None, today());
        let engaged = |c: &str| plan.conduct(&prepared, c).unwrap_or(Tri::True);
        let mut full = RetainedConduct::default();
        for s in &summary.systems {
            full.add_system(&summary_candidates(s), engaged);
        }
        let a = (n < analysed)
            .then(|| analyse(&plan, Some(&scales), case, &Request::default(), today()));
        for (k, g) in scales.guidelines.iter().enumerate() {
            let lean = reaches[k].coverage(&summary.systems, engaged);
            assert_eq!(lean, full.coverage(g), "case {n}, {}", g.id);
            if let Some(a) = &a {
                assert_eq!(lean, analysed_coverage(a, &g.id), "case {n}, {}", g.id);
            }
            *seen.entry((g.id.clone(), lean)).or_insert(0) += 1;
        }
    }
    // Every guideline is found covering, possible and not covering, many times each.
    for g in &scales.guidelines {
        for c in [Coverage::Covered, Coverage::Possible, Coverage::NotCovered] {
            let times = seen.get(&(g.id.clone(), c)).copied().unwrap_or(0);
            assert!(times > 20, "{} {c:?}: {times} times", g.id);
        }
    }
}
