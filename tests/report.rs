//! `qualif report`: the written report in Markdown, HTML and JSON.
//!
//! - snapshots of the Markdown and HTML of every scenario, in English and French;
//! - the HTML is valid HTML5 (html5ever reports no parse error), accessible in structure
//!   (lang, charset, headings in order, header cells with a scope) and self-contained (no
//!   external reference of any kind, no script);
//! - `--redact` removes every free-text and identifying field, in every format;
//! - `-o FILE` writes atomically and owner-only: a write interrupted halfway leaves the old
//!   file intact.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use chrono::NaiveDate;
use qualif::analysis::{Request, Sentence, analyse};
use qualif::engine::plan::Plan;
use qualif::law::LawBook;
use qualif::report::document::{self, Document, Options};
use qualif::scale::Scales;
use scraper::{Html, Selector};

const TODAY: &str = "2026-11-22";

fn today() -> NaiveDate {
    qualif::facts::parse_date(TODAY).unwrap()
}

fn scenarios() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir("tests/scenarios")
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    assert!(files.len() >= 10, "the ten scenarios");
    files
}

struct Data {
    book: LawBook,
    scales: Scales,
}

fn data() -> Data {
    let book = LawBook::builtin().expect("built-in law");
    let scales = Scales::builtin(&book.vocabulary).expect("built-in scales");
    Data { book, scales }
}

fn build(d: &Data, case: &Path, lang: &str, redact: bool) -> Document {
    let case = qualif::io::load_case(case, &d.book.vocabulary, today()).expect("case loads");
    let opts = Options {
        lang: lang.into(),
        redact,
        today: today(),
    };
    let plan = Plan::new(&d.book);
    let request = Request {
        sentence: Sentence::Imposed,
        ..Request::default()
    };
    let analysis = analyse(&plan, Some(&d.scales), &case, &request, today());
    document::build(&analysis, &opts)
}

fn qualif(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_qualif"))
        .args(args)
        .env("QUALIF_TODAY", TODAY)
        .env_remove("RUST_BACKTRACE")
        .output()
        .expect("the binary runs")
}

fn stdout(o: &Output) -> String {
    assert!(
        o.status.success(),
        "exit {:?}: {}",
        o.status.code(),
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout.clone()).expect("UTF-8 output")
}

#[test]
fn markdown_and_html_of_every_scenario_in_both_languages() {
    let d = data();
    for path in scenarios() {
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        for lang in ["en", "fr"] {
            let doc = build(&d, &path, lang, false);
            let md = document::markdown(&doc);
            // A limitation window is one clause, not two glued together.
            for broken in [
                "after between",
                "ended on between",
                "après le entre",
                "le entre le",
            ] {
                assert!(
                    !md.contains(broken),
                    "{stem} {lang}: `{broken}` in the report"
                );
            }
            insta::assert_snapshot!(format!("md_{stem}_{lang}"), md);
            insta::assert_snapshot!(format!("html_{stem}_{lang}"), document::html(&doc));
        }
    }
}

/// The checks every HTML report must pass: valid HTML5, accessible structure, nothing
/// loaded from anywhere.
fn check_html(html: &str, lang: &str, what: &str) {
    let doc = Html::parse_document(html);
    assert!(
        doc.errors.is_empty(),
        "{what}: HTML5 parse errors: {:?}",
        doc.errors
    );
    assert_eq!(
        format!("{:?}", doc.quirks_mode),
        "NoQuirks",
        "{what}: standards mode (doctype)"
    );
    let sel = |s: &str| Selector::parse(s).unwrap();
    let root = doc.select(&sel("html")).next().unwrap();
    assert_eq!(root.value().attr("lang"), Some(lang), "{what}: lang");
    assert_eq!(
        doc.select(&sel("head > meta[charset]"))
            .next()
            .and_then(|m| m.value().attr("charset")),
        Some("utf-8"),
        "{what}: charset"
    );
    assert_eq!(doc.select(&sel("head > title")).count(), 1, "{what}: title");
    assert_eq!(doc.select(&sel("h1")).count(), 1, "{what}: one h1");
    // Headings in order: never more than one level deeper than the previous one.
    let mut last = 0;
    for h in doc.select(&sel("h1, h2, h3, h4, h5, h6")) {
        let level: usize = h.value().name()[1..].parse().unwrap();
        assert!(
            level <= last + 1,
            "{what}: heading h{level} after h{last}: {}",
            h.text().collect::<String>()
        );
        last = level;
    }
    for th in doc.select(&sel("th")) {
        assert!(
            matches!(th.value().attr("scope"), Some("col" | "row")),
            "{what}: a header cell without scope: {}",
            th.text().collect::<String>()
        );
    }
    // Every section of the report, in order; the ladders (a child who is a minor) after the
    // comparison.
    let mut ids: Vec<&str> = doc
        .select(&sel("main > section"))
        .filter_map(|s| s.value().attr("id"))
        .collect();
    if let Some(i) = ids.iter().position(|i| i.starts_with("ladder-")) {
        assert_eq!(
            ids[i - 1],
            "comparison",
            "{what}: the ladders follow the comparison"
        );
    }
    ids.retain(|i| !i.starts_with("ladder-"));
    assert_eq!(
        ids,
        [
            "summary",
            "facts",
            "qualifications",
            "international",
            "comparison",
            "scale",
            "limitation",
            "about",
            "elements",
            "unknown",
            "warnings",
            "sources",
        ],
        "{what}: sections"
    );
    assert!(
        doc.select(&sel("#summary svg[role=img] > title")).count() >= 1,
        "{what}: the penalty chart with a title"
    );
    // Unique ids, and every link points inside the document.
    let mut seen = std::collections::HashSet::new();
    for e in doc.select(&sel("[id]")) {
        let id = e.value().attr("id").unwrap();
        assert!(seen.insert(id.to_string()), "{what}: duplicate id {id}");
    }
    for a in doc.select(&sel("[href]")) {
        let href = a.value().attr("href").unwrap();
        let target = href
            .strip_prefix('#')
            .unwrap_or_else(|| panic!("{what}: a link leaves the document: {href}"));
        assert!(seen.contains(target), "{what}: dangling link {href}");
    }
    // Self-contained: no script, no external resource, no attribute pointing outside.
    for tag in [
        "script", "link", "img", "iframe", "object", "embed", "video", "audio", "source", "base",
    ] {
        assert_eq!(doc.select(&sel(tag)).count(), 0, "{what}: <{tag}>");
    }
    for e in doc.select(&sel("*")) {
        for (name, value) in e.value().attrs() {
            let v = value.trim().to_ascii_lowercase();
            assert!(
                !(v.starts_with("http:") || v.starts_with("https:") || v.starts_with("//")),
                "{what}: external reference in {name}={value}"
            );
            assert!(
                name != "src" && name != "srcset",
                "{what}: {name} attribute"
            );
            assert!(!name.starts_with("on"), "{what}: event handler {name}");
        }
    }
    let lower = html.to_ascii_lowercase();
    for bad in [
        "@import",
        "url(",
        "src=",
        "href=\"http",
        "href='http",
        "<script",
    ] {
        assert!(!lower.contains(bad), "{what}: contains {bad}");
    }
    assert!(lower.contains("@media print") && lower.contains("size:a4"));
}

#[test]
fn html_is_valid_html5_accessible_and_self_contained() {
    let d = data();
    for path in scenarios() {
        for lang in ["en", "fr"] {
            let doc = build(&d, &path, lang, false);
            check_html(
                &document::html(&doc),
                lang,
                &format!("{} {lang}", path.display()),
            );
        }
    }
}

#[test]
fn json_report_follows_the_contract() {
    let o = qualif(&[
        "report",
        "tests/scenarios/07-livestream-philippines.toml",
        "--format",
        "json",
    ]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["contract"], 1);
    assert_eq!(v["redacted"], false);
    for key in [
        "header",
        "facts",
        "systems",
        "international",
        "comparison",
        "scales",
        "proportionality",
        "charts",
        "warnings",
        "sources",
        "statement",
    ] {
        assert!(v.get(key).is_some(), "field {key}");
    }
    let fr = v["systems"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == "FR")
        .unwrap();
    let q = &fr["qualifications"][0];
    for key in [
        "citation",
        "status",
        "version",
        "verification",
        "penalty",
        "aggravations",
        "elements",
        "limitation",
        "jurisdiction",
        "sources",
    ] {
        assert!(q.get(key).is_some(), "qualification field {key}");
    }
    // Every source number cited exists in the list of sources.
    let n = v["sources"].as_array().unwrap().len() as u64;
    for s in fr["qualifications"].as_array().unwrap() {
        for r in s["sources"].as_array().unwrap() {
            assert!(r.as_u64().unwrap() >= 1 && r.as_u64().unwrap() <= n);
        }
    }
}

const SECRET_CASE: &str = r#"version = 1

[case]
title = "Dossier ZEBRA-7781 Durand"
notes = """Audition QUOKKA-4410 de la mère.
Second line of notes."""
date_of_facts = "2023-05-10"
place = "FR"
ict = false

[victim]
birth_date = "2011-08-19"
nationality = ["FR"]
residence = "FR"

[offender]
birth_date = "1979-02-13"
nationality = ["FR"]
residence = "FR"
location = "FR"
relation = "authority"

[act]
sexual_contact = "penetration"
performer = "offender"
coercion = true

[sentence]
court_country = "FR"
date = "2025-01-15"
imposed_months = 96
qualification = "MARMOT-9923 viol sur mineur de quinze ans"
"#;

/// Strings from the redacted fields, and dates derived from the child's birth date (the
/// 18th birthday, when limitation starts to run, and the deadline that follows from it).
const SECRETS: [&str; 16] = [
    "ZEBRA-7781",
    "Durand",
    "QUOKKA-4410",
    "Second line of notes",
    "MARMOT-9923",
    "2011-08-19",
    "19 August 2011",
    "19 août 2011",
    "1979-02-13",
    "13 February 1979",
    "13 février 1979",
    "2029-08-19",
    "19 August 2029",
    "19 août 2029",
    "2059-08-19",
    "19 August 2059",
];

#[test]
fn redaction_removes_every_free_text_and_identifying_field() {
    let dir = tempfile::tempdir().unwrap();
    let case = dir.path().join("case.toml");
    std::fs::write(&case, SECRET_CASE).unwrap();
    let case = case.to_str().unwrap();
    for format in ["markdown", "html", "json"] {
        for lang in ["en", "fr"] {
            let plain = stdout(&qualif(&[
                "report", case, "--format", format, "--lang", lang,
            ]));
            for s in ["ZEBRA-7781", "QUOKKA-4410", "MARMOT-9923", "2011-08-19"] {
                assert!(
                    plain.contains(s) || (format != "json" && s == "2011-08-19"),
                    "{format} {lang}: without --redact the report shows {s}"
                );
            }
            let redacted = stdout(&qualif(&[
                "report", case, "--format", format, "--lang", lang, "--redact",
            ]));
            for s in SECRETS {
                assert!(
                    !redacted.contains(s),
                    "{format} {lang}: --redact left {s} in the report"
                );
            }
            // Ages and countries are kept, and the report says it is redacted.
            assert!(redacted.contains("FR"));
            let says = match (format, lang) {
                ("json", _) => "\"redacted\": true",
                (_, "fr") => "RAPPORT ANONYMISÉ",
                _ => "REDACTED REPORT",
            };
            assert!(redacted.contains(says), "{format} {lang}: says redacted");
            if format == "html" {
                check_html(&redacted, lang, &format!("redacted {lang}"));
            }
        }
    }
    // The age derived from the birth date is kept; the limitation dates that derive from
    // the birth date are withheld, and the status is kept.
    let v: serde_json::Value = serde_json::from_str(&stdout(&qualif(&[
        "report", case, "--format", "json", "--redact",
    ])))
    .unwrap();
    let facts = v["facts"]["established"].as_array().unwrap();
    assert!(
        facts
            .iter()
            .any(|f| f["key"] == "victim.age" && f["value"] == 11)
    );
    assert!(
        !facts
            .iter()
            .any(|f| f["key"] == "victim.birth_date" || f["key"] == "sentence.qualification")
    );
    let withheld: Vec<&serde_json::Value> = v["systems"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["qualifications"].as_array().unwrap())
        .filter_map(|q| q.get("limitation").filter(|l| l["dates_withheld"] == true))
        .collect();
    assert!(!withheld.is_empty(), "a limitation running from majority");
    for l in withheld {
        assert!(l["deadline"].is_null() && l["period_starts"].is_null());
        assert!(l["time_barred"] == false, "the status is kept: {l}");
    }
}

#[cfg(unix)]
#[test]
fn the_written_file_is_owner_only_and_the_format_follows_the_extension() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report.html");
    let o = qualif(&[
        "report",
        "tests/scenarios/01-sextortion-snapchat-14.toml",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success());
    assert!(o.stdout.is_empty(), "nothing on standard output with -o");
    let mode = std::fs::metadata(&out).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "owner-only");
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.starts_with("<!DOCTYPE html>"));
    // Overwriting keeps the permissions owner-only.
    std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o644)).unwrap();
    assert!(
        qualif(&[
            "report",
            "tests/scenarios/01-sextortion-snapchat-14.toml",
            "--format",
            "json",
            "-o",
            out.to_str().unwrap(),
        ])
        .status
        .success()
    );
    let mode = std::fs::metadata(&out).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    assert!(std::fs::read_to_string(&out).unwrap().starts_with('{'));
}

/// Runs the report under a file-size limit of a few kilobytes, so that writing the report
/// fails halfway (`ignore_signal`: the write returns an error; else the process is killed
/// by SIGXFSZ in the middle of the write).
#[cfg(unix)]
fn report_under_size_limit(out: &Path, ignore_signal: bool) -> Output {
    let script = if ignore_signal {
        "trap '' XFSZ; ulimit -f 8; exec \"$0\" \"$@\""
    } else {
        "ulimit -f 8; exec \"$0\" \"$@\""
    };
    Command::new("bash")
        .args([
            "-c",
            script,
            env!("CARGO_BIN_EXE_qualif"),
            "report",
            "tests/scenarios/07-livestream-philippines.toml",
            "--format",
            "html",
            "-o",
            out.to_str().unwrap(),
        ])
        .env("QUALIF_TODAY", TODAY)
        .output()
        .expect("bash runs")
}

#[cfg(unix)]
#[test]
fn a_write_interrupted_halfway_leaves_the_old_file_intact() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report.html");
    let old = "the previous report, which must survive\n";
    std::fs::write(&out, old).unwrap();

    // Killed in the middle of writing.
    let o = report_under_size_limit(&out, false);
    assert!(!o.status.success(), "the write was interrupted");
    assert_eq!(std::fs::read_to_string(&out).unwrap(), old);

    // The write fails (file too large): a clear error, exit 2, the old file intact, and
    // no temporary file left behind.
    for e in std::fs::read_dir(dir.path()).unwrap().flatten() {
        if e.path() != out {
            std::fs::remove_file(e.path()).unwrap();
        }
    }
    let o = report_under_size_limit(&out, true);
    assert_eq!(
        o.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.starts_with("error:") && err.contains("report.html"),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&out).unwrap(), old);
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert_eq!(left, [std::ffi::OsString::from("report.html")]);

    // Without the limit the new report replaces the old one whole.
    let o = qualif(&[
        "report",
        "tests/scenarios/07-livestream-philippines.toml",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success());
    let new = std::fs::read_to_string(&out).unwrap();
    assert!(new.starts_with("<!DOCTYPE html>") && new.trim_end().ends_with("</html>"));
}

#[test]
fn an_unwritable_target_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("no-such-folder").join("report.md");
    let o = qualif(&[
        "report",
        "tests/scenarios/01-sextortion-snapchat-14.toml",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.starts_with("error:") && err.contains("report.md"),
        "{err}"
    );
    assert!(!err.contains("panicked"));
    assert!(!out.exists());
}

/// A case whose free text holds markup, quotes, pipes, control characters and several
/// lines: the HTML escapes it (a control character, which HTML does not allow, becomes
/// U+FFFD) and stays valid HTML5, its notes keep their lines; the Markdown escapes the
/// markup and the pipes that would break a table.
#[test]
fn free_text_with_markup_and_control_characters_is_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let case = dir.path().join("case.toml");
    let text = SECRET_CASE
        .replace(
            r#"title = "Dossier ZEBRA-7781 Durand""#,
            r#"title = "L'affaire <b>&amp; \"x\" | y\u0001z""#,
        )
        .replace(
            "Audition QUOKKA-4410 de la mère.\nSecond line of notes.",
            "Line <1> & | 'q'\\u0007\r\nSecond | line\n\nFourth",
        );
    assert!(
        text.contains("y\\u0001z") && text.contains("\\u0007"),
        "{text}"
    );
    std::fs::write(&case, text).unwrap();
    let d = data();
    for lang in ["en", "fr"] {
        let doc = build(&d, &case, lang, false);
        let html = document::html(&doc);
        check_html(&html, lang, &format!("odd text {lang}"));
        let title = "L'affaire &lt;b&gt;&amp;amp; &quot;x&quot; | y\u{fffd}z";
        assert!(
            html.contains(&format!("<title>{title} — qualif</title>")),
            "{lang}"
        );
        assert!(
            html.contains(&format!("<strong>{title}</strong>")),
            "{lang}"
        );
        assert!(
            html.contains(
                "Line &lt;1&gt; &amp; | 'q'\u{fffd}\u{fffd}<br>Second | line<br><br>Fourth"
            ),
            "{lang}: the notes, a line break each"
        );
        assert!(!html.contains(['\u{1}', '\u{7}', '\r']), "{lang}");
        let md = document::markdown(&doc);
        // French puts a space before the colon.
        let case_word = if lang == "fr" {
            "Dossier** :"
        } else {
            "Case**:"
        };
        assert!(
            md.contains(&format!(
                "**{case_word} L'affaire &lt;b&gt;&amp;amp; \"x\" \\| y\u{1}z\n"
            )),
            "{lang}"
        );
        assert!(
            md.contains("> Line &lt;1&gt; &amp; \\| 'q'\u{7}\n> Second \\| line\n> \n> Fourth\n"),
            "{lang}: the notes, a quoted line each"
        );
    }
}

// ---------------------------------------------------------------------------------------
// Hardening, round two (issue #15).

/// The ticks drawn in an HTML report's charts, chart by chart.
fn ticks_per_chart(html: &str) -> Vec<usize> {
    html.split("<svg")
        .skip(1)
        // The ladders' charts (an axis of their own) are tested in tests/explore.rs.
        .filter(|svg| !svg.contains("chart-ladder"))
        .map(|svg| svg.matches(r##"stroke="#d0d0d0""##).count())
        .collect()
}

/// A sentence far above every maximum (the case file said `imposed_months = 1e9`; input
/// checks may refuse it, so the built document is given it) renders in a bounded report:
/// each chart has a few ticks, the sentence is drawn at the end of the axis with a marker,
/// and the label gives its real value.
#[test]
fn a_sentence_of_a_billion_months_renders_with_a_few_ticks() {
    let d = data();
    let dir = tempfile::tempdir().unwrap();
    let case = dir.path().join("case.toml");
    let text = std::fs::read_to_string("tests/scenarios/07-livestream-philippines.toml").unwrap();
    std::fs::write(&case, format!("{text}\n[sentence]\nimposed_months = 60\n")).unwrap();
    for lang in ["en", "fr"] {
        let mut doc = build(&d, &case, lang, false);
        let before = document::html(&doc);
        assert!(
            !before.contains(r#"class="beyond""#),
            "5 years is within the axis"
        );
        let words = qualif::report::words::months(1e9, lang);
        let p = doc.proportionality.as_mut().expect("a sentence is placed");
        p.sentence_months = 1e9;
        p.sentence_text = words.clone();
        let c = doc.charts.scale.as_mut().expect("a scale chart");
        c.sentence_months = Some(1e9);
        c.sentence_text = Some(words.clone());
        let html = document::html(&doc);
        let ticks = ticks_per_chart(&html);
        assert_eq!(ticks.len(), 2, "{lang}: two charts");
        assert!(
            ticks.iter().all(|n| (2..=12).contains(n)),
            "{lang}: {ticks:?}"
        );
        assert!(html.contains(r#"class="beyond""#), "{lang}: the marker");
        assert!(html.contains(&words), "{lang}: the real value, {words}");
        assert!(html.len() < before.len() + 2_000, "{lang}: bounded");
        check_html(&html, lang, "a sentence of 1e9 months");
    }
}

/// The marker written in the fact `key`: distinctive, with a name in it.
fn marker(i: usize) -> String {
    format!("ZZFREE{i:03}X Maëlle Dupont")
}

/// Every fact of the vocabulary whose type takes free text gets a distinctive marker (the
/// list is derived from the vocabulary, not written here): `--redact` leaves none in any
/// format of the report, in either language. Every other fact refuses such a text, so
/// that no other field can carry one. Batch, which has no --redact, prints none either
/// (its results hold no text of the case).
#[test]
fn redaction_removes_every_field_that_takes_free_text() {
    use qualif::facts::FactType;
    let d = data();
    let vocab = &d.book.vocabulary;
    let dir = tempfile::tempdir().unwrap();
    let mut base: toml::Table = toml::from_str(SECRET_CASE).unwrap();
    // The free-text facts, each with its marker (a list takes one).
    let mut free = Vec::new();
    for (i, f) in vocab.facts.iter().enumerate().filter(|(_, f)| !f.derived) {
        let value = match f.ty {
            FactType::Text => toml::Value::String(marker(i)),
            _ => continue,
        };
        base.entry(f.section())
            .or_insert_with(|| toml::Value::Table(toml::Table::new()))
            .as_table_mut()
            .unwrap()
            .insert(f.name().to_string(), value);
        free.push((f.key.clone(), marker(i)));
    }
    let keys: Vec<&str> = free.iter().map(|(k, _)| k.as_str()).collect();
    for k in ["case.title", "case.notes", "sentence.qualification"] {
        assert!(keys.contains(&k), "{k} takes free text: {keys:?}");
    }
    // No other fact takes a text it does not list: a marker there is refused.
    for f in vocab
        .facts
        .iter()
        .filter(|f| !f.derived && f.ty != FactType::Text)
    {
        let text = toml::Value::String("ZZFREE Maëlle Dupont".into());
        let value = if f.ty.is_list() {
            toml::Value::Array(vec![text])
        } else {
            text
        };
        let mut case = toml::Table::new();
        case.insert("version".into(), toml::Value::Integer(1));
        let mut section = toml::Table::new();
        section.insert(f.name().to_string(), value);
        case.insert(f.section().to_string(), toml::Value::Table(section));
        let path = dir.path().join("one.toml");
        std::fs::write(&path, toml::to_string(&case).unwrap()).unwrap();
        assert!(
            qualif::io::load_case(&path, vocab, today()).is_err(),
            "{} ({:?}) accepts a free text: it must be redacted",
            f.key,
            f.ty
        );
    }
    let case = dir.path().join("case.toml");
    std::fs::write(&case, toml::to_string(&base).unwrap()).unwrap();
    let case = case.to_str().unwrap();
    for format in ["markdown", "html", "json"] {
        for lang in ["en", "fr"] {
            let plain = stdout(&qualif(&[
                "report", case, "--format", format, "--lang", lang,
            ]));
            assert!(
                free.iter().all(|(_, m)| plain.contains(m.as_str())),
                "{format} {lang}: without --redact every marker is shown"
            );
            let redacted = stdout(&qualif(&[
                "report", case, "--format", format, "--lang", lang, "--redact",
            ]));
            for (key, m) in &free {
                assert!(
                    !redacted.contains(m.as_str()),
                    "{format} {lang}: --redact left {key}"
                );
            }
            assert!(!redacted.contains("ZZFREE") && !redacted.contains("Maëlle"));
        }
    }
    // Batch reads the same facts from a JSON line and prints no text of the case.
    let line = serde_json::to_string(&base).unwrap();
    let cases = dir.path().join("cases.jsonl");
    std::fs::write(&cases, format!("{line}\n")).unwrap();
    for format in ["json", "csv"] {
        let out = stdout(&qualif(&[
            "batch",
            cases.to_str().unwrap(),
            "--format",
            format,
        ]));
        assert!(out.lines().count() >= 2, "{format}: {out}");
        assert!(
            !out.contains("ZZFREE") && !out.contains("Maëlle"),
            "{format}"
        );
    }
}
