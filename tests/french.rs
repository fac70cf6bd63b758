//! Output asked for in French is in French: every command's table and Markdown (assess,
//! compare, scale, law list, law show) for every scenario, every system and every
//! provision, with no English sentence outside the data's own words.
//!
//! The data's own words are allowed: citations, sources, notes, original titles, the
//! conditions, the penalties in the language of the system they belong to (a Canadian
//! penalty is worded in English, a French one in French, in both outputs), the reference
//! cases, the guidelines' statuses. The test collects them from the JSON outputs (whose
//! English the output contract fixes) and removes them from the French lines before looking
//! for English words; the translations of the data's labels (`en`) and the sentences the
//! program writes (`message`, `warnings`) are not collected.
//!
//! The written report (`qualif report --lang fr`, its Markdown) is read the same way.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use qualif::analysis::{Request, analyse};
use qualif::compare::compare;
use qualif::engine::assess;
use qualif::engine::plan::Plan;
use qualif::io::load_case;
use qualif::law::LawBook;
use qualif::report::{assess_json, assess_text, compare_text, law_text, scale_text};
use qualif::scale::{self, Scales};
use serde_json::Value;

/// Words that are English and not French (French shares "possible", "date", "note",
/// "version", "minimum", "sources", "type"…, which are therefore not listed).
const ENGLISH: &[&str] = &[
    "the",
    "is",
    "are",
    "not",
    "and",
    "of",
    "with",
    "applies",
    "apply",
    "be",
    "by",
    "this",
    "that",
    "which",
    "from",
    "under",
    "against",
    "has",
    "have",
    "must",
    "can",
    "cannot",
    "would",
    "should",
    "where",
    "when",
    "only",
    "any",
    "every",
    "each",
    "than",
    "offence",
    "offences",
    "penalty",
    "imprisonment",
    "years",
    "months",
    "fine",
    "verified",
    "unverified",
    "none",
    "still",
    "missing",
    "check",
    "relying",
    "established",
    "unknown",
    "excluded",
    "applied",
    "law",
    "child",
    "conduct",
    "guideline",
    "sentence",
    "custody",
    "life",
    "least",
    "for",
    "its",
    "it",
    "there",
    "these",
    "those",
    "been",
    "was",
    "were",
    "will",
    "whether",
    "may",
    "also",
    "such",
    "into",
    "out",
    "about",
    "between",
    "without",
    "answer",
    "answers",
    "facts",
    "system",
    "systems",
    "range",
    "starting",
    "role",
    "category",
    "disparities",
    "comparison",
    "secondary",
    "primary",
];

fn scenarios() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/scenarios");
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("the scenarios")
        .map(|e| e.expect("an entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    out.sort();
    assert_eq!(out.len(), 10, "the ten scenarios");
    out
}

/// The keys whose strings are data even in one word: sources (URLs), conditions (code).
const DATA_EVEN_IN_ONE_WORD: &[&str] = &["sources", "source", "condition", "citation"];

/// The keys whose strings are the program's sentences or the English of a label: not data.
/// (`status`: a guideline's status is said in words by the program; its data part is
/// taken from the guideline files. `details`: figures computed for a disparity.)
const NOT_DATA: &[&str] = &[
    "en",
    "message",
    "warnings",
    "disclaimer",
    "status",
    "details",
];

/// Every string of a JSON value, but those under [`NOT_DATA`] keys (and a limitation's
/// notes, which the program writes).
fn data_strings(v: &Value, key: &str, parent: &str, out: &mut BTreeSet<String>) {
    // A sentence value's text ("26 weeks' custody") is the program's words too.
    let sentence_value = key == "text" && ["from", "to", "starting_point"].contains(&parent);
    if NOT_DATA.contains(&key) || (key == "notes" && parent == "limitation") || sentence_value {
        return;
    }
    match v {
        // Codes (one word: statuses, kinds, ids) are not taken out: they would hide words.
        Value::String(s)
            if (s.contains(' ') || DATA_EVEN_IN_ONE_WORD.contains(&key))
                && s.chars().any(char::is_alphabetic) =>
        {
            out.insert(s.clone());
        }
        Value::Array(items) => items.iter().for_each(|i| data_strings(i, key, parent, out)),
        Value::Object(map) => map.iter().for_each(|(k, i)| data_strings(i, k, key, out)),
        _ => {}
    }
}

/// The guidelines' statuses (English data, shown as they are).
fn guideline_statuses(out: &mut BTreeSet<String>) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("guidelines");
    for entry in std::fs::read_dir(dir).expect("the guidelines") {
        let text = std::fs::read_to_string(entry.expect("an entry").path()).unwrap_or_default();
        for line in text.lines() {
            if let Some(v) = line.strip_prefix("status = \"") {
                let status = v.trim_end_matches('"').to_string();
                out.insert(status.to_uppercase());
                out.insert(status);
            }
        }
    }
}

/// The English words left in `text` once the data's strings are taken out. The cells of a
/// table are left out (they wrap, which cuts the data's strings): the same words are
/// checked in the Markdown of the same result.
fn english_words(text: &str, data: &[String]) -> Vec<String> {
    let mut found = Vec::new();
    for line in text.lines().filter(|l| !l.contains('┆')) {
        let mut rest = line.to_string();
        for d in data {
            if rest.contains(d.as_str()) {
                rest = rest.replace(d.as_str(), " ");
            }
        }
        // Codes are not words: ids (BE, CA.172.1), the case file's keys (victim.age) and
        // the data's names (age_of_consent).
        let words: Vec<String> = rest
            .split_whitespace()
            .filter(|w| !w.contains("://"))
            .collect::<Vec<_>>()
            .join(" ")
            .split(|c: char| c.is_whitespace() || ",;:()[]«»“”\"|┆│—–/".contains(c))
            .filter(|w| !w.contains(['.', '_']) && !w.chars().any(|c| c.is_ascii_digit()))
            .flat_map(|w| w.split(|c: char| !c.is_alphabetic() && c != '\''))
            .filter(|w| !(w.len() > 1 && w.chars().all(|c| c.is_uppercase())))
            .map(|w| w.trim_matches('\'').to_lowercase())
            .collect();
        let hits: Vec<&String> = words
            .iter()
            .filter(|w| ENGLISH.contains(&w.as_str()))
            .collect();
        if !hits.is_empty() {
            found.push(format!("{hits:?} in: {line}"));
        }
    }
    found
}

fn json(v: &Value, data: &mut BTreeSet<String>) {
    data_strings(v, "", "", data);
}

#[test]
fn the_check_finds_english() {
    let data = vec!["Criminal Code, s. 151".to_string()];
    assert!(!english_words("⚠ FR.1: the penalty is not confirmed", &data).is_empty());
    assert!(!english_words("- [MAJEURE] x (BE / CA): The child is 14.", &data).is_empty());
    assert!(english_words("Peine : Criminal Code, s. 151 (CA.151)", &data).is_empty());
    assert!(english_words("Reste à établir : victim.age, case.date_of_facts", &data).is_empty());
}

#[test]
fn french_output_has_no_english_sentence() {
    let book = LawBook::builtin().expect("the built-in law");
    let plan = Plan::new(&book);
    let scales = Scales::builtin(&book.vocabulary).expect("the built-in scales");
    let today = NaiveDate::from_ymd_opt(2026, 6, 1).expect("a date");
    let mut data = BTreeSet::new();
    guideline_statuses(&mut data);
    let mut outputs: Vec<(String, String)> = Vec::new();
    for s in scenarios() {
        let name = s.file_name().unwrap().to_string_lossy().to_string();
        let case = load_case(&s, &book.vocabulary, today).expect("a scenario");
        let a = assess(&plan, &case, &[], None, today);
        let c = compare(&plan, &a, &case, today);
        let analysis = analyse(&plan, None, &case, &Request::default(), today);
        let retained = &analysis.concurrence;
        let (official, extensions) = scale::evaluate_all(&scales, &case);
        json(
            &assess_json::assessment(&a, retained, None, &case, &book.vocabulary),
            &mut data,
        );
        json(&compare_text::json(&book, &a, retained, &c), &mut data);
        json(
            &scale_text::json(official.as_ref(), &extensions, &[], None),
            &mut data,
        );
        for all in [false, true] {
            outputs.push((
                format!("{name}: assess"),
                assess_text::table(&a, &book.vocabulary, retained, None, "fr", all, 1000),
            ));
            outputs.push((
                format!("{name}: assess md"),
                assess_text::markdown(&a, &book.vocabulary, retained, None, "fr", all),
            ));
        }
        outputs.push((
            format!("{name}: compare"),
            compare_text::table(
                &book,
                &a,
                retained,
                &c,
                "fr",
                // Wide enough that no line wraps: the test reads each line whole.
                compare_text::Fit {
                    width: 1000,
                    wide: false,
                },
            ),
        ));
        // The threshold explorer over the child's age and over the date of the facts.
        for vary in [
            "victim.age=8..17",
            "case.date_of_facts=2019-01-01..2026-12-31",
        ] {
            let spec = qualif::explore::spec::parse(vary, &book.vocabulary).expect("a valid range");
            let ladder = qualif::explore::explore(&plan, &case, &spec, &[], today);
            // Its citations (short forms included) are the data's, in the system's language.
            json(
                &qualif::report::explore_text::json(&ladder, &book.vocabulary, "fr"),
                &mut data,
            );
            outputs.push((
                format!("{name}: explore {vary}"),
                qualif::report::explore_text::table(&ladder, &book.vocabulary, "fr"),
            ));
        }
        // The written report, in Markdown (the HTML holds the same words).
        let request = Request {
            sentence: qualif::analysis::Sentence::Imposed,
            ..Request::default()
        };
        let full = analyse(&plan, Some(&scales), &case, &request, today);
        let opts = qualif::report::document::Options {
            lang: "fr".into(),
            redact: false,
            today,
        };
        let doc = qualif::report::document::build(&full, &opts);
        // Markdown escapes what HTML would read (`&lt;`): the data's strings hold `<`.
        let report = qualif::report::document::markdown(&doc)
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&amp;", "&");
        outputs.push((format!("{name}: report"), report));
        // The case file's own words (its title, the user's notes) are the user's data.
        let file: toml::Value = toml::from_str(&std::fs::read_to_string(&s).unwrap()).unwrap();
        json(&serde_json::to_value(file).unwrap(), &mut data);
        outputs.push((
            format!("{name}: compare md"),
            compare_text::markdown(&book, &a, retained, &c, "fr"),
        ));
        outputs.push((
            format!("{name}: scale"),
            scale_text::table(official.as_ref(), &extensions, &[], false, None, "fr", 1000),
        ));
        for months in [36.0, 360.0] {
            let p = scale::place(months, official.as_ref(), &extensions, &a, &scales);
            json(
                &scale_text::json(official.as_ref(), &extensions, &[], Some(&p)),
                &mut data,
            );
            outputs.push((
                format!("{name}: scale --sentence {months}m"),
                scale_text::table(
                    official.as_ref(),
                    &extensions,
                    &[],
                    false,
                    Some(&p),
                    "fr",
                    1000,
                ),
            ));
        }
    }
    outputs.push(("law list".into(), law_text::list_table(&book, None, "fr")));
    json(&law_text::list_json(&book, None), &mut data);
    for s in &book.systems {
        outputs.push((format!("law show {}", s.id), law_text::system_text(s, "fr")));
        for p in &s.provisions {
            json(&law_text::provision_json(s, p), &mut data);
            outputs.push((
                format!("law show {}", p.id),
                law_text::provision_text(s, p, "fr"),
            ));
        }
    }
    // The longest first, so that a string holding another is taken out whole.
    let mut data: Vec<String> = data.into_iter().collect();
    data.sort_by_key(|d| std::cmp::Reverse(d.len()));
    let mut problems = Vec::new();
    for (what, text) in &outputs {
        for hit in english_words(text, &data) {
            problems.push(format!("{what}: {hit}"));
        }
    }
    assert!(
        problems.is_empty(),
        "{} English lines in French output:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

/// French typography and dates in the assessment's Markdown: a space before the colon of
/// a label, a version's date in words.
#[test]
fn french_labels_take_a_space_before_the_colon_and_dates_are_in_words() {
    let book = LawBook::builtin().expect("the built-in law");
    let plan = Plan::new(&book);
    let today = NaiveDate::from_ymd_opt(2026, 6, 1).expect("a date");
    let path = scenarios().into_iter().nth(6).expect("scenario 07");
    let case = load_case(&path, &book.vocabulary, today).expect("a scenario");
    let a = assess(&plan, &case, &[], None, today);
    let analysis = analyse(&plan, None, &case, &Request::default(), today);
    let fr = assess_text::markdown(
        &a,
        &book.vocabulary,
        &analysis.concurrence,
        None,
        "fr",
        true,
    );
    for label in ["Identifiant", "Peine", "Éléments", "Sources"] {
        assert!(
            fr.contains(&format!("- {label} :")),
            "`- {label} :` in:\n{fr}"
        );
        assert!(
            !fr.contains(&format!("- {label}:")),
            "`- {label}:` in:\n{fr}"
        );
    }
    assert!(
        fr.contains("version en vigueur depuis le 15 octobre 1867"),
        "{fr}"
    );
    let en = assess_text::markdown(
        &a,
        &book.vocabulary,
        &analysis.concurrence,
        None,
        "en",
        true,
    );
    assert!(en.contains("- Penalty: "), "{en}");
    assert!(en.contains("version in force from 15 October 1867"), "{en}");
}

/// A field of the written report's Markdown ("- Label: value", "**Case**: title") whose
/// label is written without a space before the colon, as French does not write it: the
/// label (the program's words, never the data's notes, which open with ℹ or ⚠).
fn unspaced_labels(md: &str) -> Vec<String> {
    md.lines()
        .filter_map(|line| {
            let rest = line.strip_prefix("- ").unwrap_or(line);
            let (label, _) = rest.split_once(": ")?;
            let plain = label.trim_matches('*');
            let is_label = !plain.is_empty()
                && !plain.ends_with(' ')
                && plain
                    .chars()
                    .all(|c| c.is_alphabetic() || " '’()".contains(c))
                && !plain.starts_with(['ℹ', '⚠']);
            is_label.then(|| label.to_string())
        })
        .collect()
}

/// The written report in French: every field's label takes a space before its colon
/// ("Identifiant : …", "**Dossier** : …"), and a semicolon a space before it, in every
/// scenario; in English, neither.
#[test]
fn the_french_report_spaces_every_label_before_its_colon() {
    let book = LawBook::builtin().expect("the built-in law");
    let scales = Scales::builtin(&book.vocabulary).expect("the built-in scales");
    let plan = Plan::new(&book);
    let today = NaiveDate::from_ymd_opt(2026, 6, 1).expect("a date");
    for path in scenarios() {
        let case = load_case(&path, &book.vocabulary, today).expect("a scenario");
        let full = analyse(&plan, Some(&scales), &case, &Request::default(), today);
        for lang in ["fr", "en"] {
            let opts = qualif::report::document::Options {
                lang: lang.into(),
                redact: false,
                today,
            };
            let md =
                qualif::report::document::markdown(&qualif::report::document::build(&full, &opts));
            let unspaced = unspaced_labels(&md);
            if lang == "fr" {
                assert!(
                    unspaced.is_empty(),
                    "{}: labels without a space before the colon: {unspaced:?}",
                    path.display()
                );
                assert!(md.contains("- Identifiant : `"), "{}", path.display());
                // A list whose items hold commas: " ; " in French (the two procedures of
                // a Canadian penalty, say).
                for line in md.lines().filter(|l| l.contains("par procédure sommaire")) {
                    assert!(
                        line.contains(" ; par procédure sommaire"),
                        "{}: {line}",
                        path.display()
                    );
                }
            } else {
                assert!(md.contains("- Id: `"), "{}", path.display());
                assert!(md.contains("**Case**: "), "{}", path.display());
            }
        }
    }
}
