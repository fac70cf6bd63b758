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
