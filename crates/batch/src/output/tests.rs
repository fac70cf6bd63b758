//! Tests of batch output: JSON lines as serde_json writes them, CSV rows, aggregates.

use proptest::prelude::*;

use super::json_line::{needs_escape, text};
use super::*;

fn written(f: impl FnOnce(&mut Vec<u8>)) -> String {
    let mut out = Vec::new();
    f(&mut out);
    String::from_utf8(out).expect("UTF-8")
}

/// Every byte at every place of a text of 17 (two words and a remainder): the escape
/// test says what serde_json says, and a text is written as serde_json writes it.
#[test]
fn the_escape_test_flags_exactly_what_serde_json_escapes() {
    for at in 0..17 {
        for b in 0..=0x7fu8 {
            let mut bytes = vec![b'a'; 17];
            bytes[at] = b;
            let s = std::str::from_utf8(&bytes).expect("ASCII");
            let by_serde = serde_json::to_string(s).expect("a text");
            assert_eq!(needs_escape(&bytes), by_serde.len() != 19, "{b:#x} at {at}");
            assert_eq!(written(|o| text(o, s)), by_serde);
        }
    }
    let s = "Code pénal, art. 383bis §2 (version before 1 June 2022)";
    assert!(!needs_escape(s.as_bytes()));
    assert_eq!(
        written(|o| text(o, s)),
        serde_json::to_string(s).expect("a text")
    );
}

/// A number written as serde_json writes it: every whole number to 100,000 and around
/// each power of ten to 10^17 (where serde_json turns to an exponent), their negatives,
/// halves, zero of both signs, the infinities and NaN (`null`), and absent.
#[test]
fn a_number_is_written_as_serde_json_writes_it() {
    let mut xs: Vec<f64> = (0..=100_000).map(f64::from).collect();
    for e in 0..=17 {
        let p = 10f64.powi(e);
        xs.extend([p - 1.0, p, p + 1.0, p * 2.5, p / 3.0]);
    }
    xs.extend([
        0.5,
        1.5,
        59.9999,
        1e15 - 0.5,
        -0.0,
        f64::INFINITY,
        f64::NAN,
        f64::MAX,
    ]);
    let negatives: Vec<f64> = xs.iter().map(|x| -x).collect();
    xs.extend(negatives);
    for x in xs {
        assert_eq!(
            written(|o| json_line::number(o, Some(x))),
            serde_json::to_string(&Some(x)).expect("a number"),
            "{x:?}"
        );
    }
    assert_eq!(written(|o| json_line::number(o, None)), "null");
}

proptest! {
    #[test]
    fn any_number_is_written_as_serde_json_writes_it(x in proptest::num::f64::ANY) {
        prop_assert_eq!(
            written(|o| json_line::number(o, Some(x))),
            serde_json::to_string(&Some(x)).expect("a number")
        );
    }
}

/// A result's JSON line as borrowed `Serialize` structs give it, written by serde_json:
/// what [`json_line`] must write, byte for byte.
mod serde_line {
    use serde::Serialize;

    use crate::evaluate::{CaseResult, SystemFigure};
    use crate::output::r4;
    use qualif_law::facts::{DateText, format_date};

    #[derive(Serialize)]
    pub struct CaseLine<'r, 'a> {
        kind: &'static str,
        line: u64,
        law_date: DateText,
        place: Option<&'a str>,
        court_country: Option<&'a str>,
        imposed_months: Option<f64>,
        life_sentence: Option<bool>,
        #[serde(serialize_with = "system_lines")]
        systems: &'r [SystemFigure<'a>],
        scale: Option<ScaleLine<'r, 'a>>,
        ratio_to_starting_point: Option<f64>,
        applicable_system: Option<&'a str>,
        share_of_applicable_maximum: Option<f64>,
    }

    #[derive(Serialize)]
    struct SystemLine<'a> {
        id: &'a str,
        leading: Option<LeadingLine<'a>>,
        share_of_maximum: Option<f64>,
    }

    #[derive(Serialize)]
    struct LeadingLine<'a> {
        id: &'a str,
        citation: &'a str,
        max_prison_months: Option<f64>,
        life: bool,
    }

    #[derive(Serialize)]
    struct ScaleLine<'r, 'a> {
        guideline: &'a str,
        category: &'a str,
        role: &'a str,
        starting_point_months: Option<f64>,
        starting_point: &'r str,
    }

    fn system_lines<S: serde::Serializer>(
        systems: &&[SystemFigure<'_>],
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(systems.iter().map(|s| SystemLine {
            id: s.system,
            leading: s.leading.as_ref().map(|l| LeadingLine {
                id: &l.provision.id,
                citation: &l.provision.citation,
                max_prison_months: l.max_prison_months,
                life: l.life,
            }),
            share_of_maximum: r4(s.share_of_maximum),
        }))
    }

    pub fn line(r: &CaseResult) -> String {
        serde_json::to_string(&CaseLine {
            kind: "case",
            line: r.line,
            law_date: format_date(r.law_date),
            place: r.place,
            court_country: r.court_country,
            imposed_months: r.imposed_months,
            life_sentence: r.life_sentence,
            systems: &r.systems,
            scale: r.scale.as_ref().map(|s| ScaleLine {
                guideline: s.guideline,
                category: s.category,
                role: s.role,
                starting_point_months: s.starting_point_months,
                starting_point: &s.starting_point_text,
            }),
            ratio_to_starting_point: r4(r.ratio_to_starting_point),
            applicable_system: r.applicable_system,
            share_of_applicable_maximum: r4(r.share_of_applicable_maximum),
        })
        .expect("a result serialises")
    }
}

/// The results of synthetic cases, as the batch evaluates them.
fn with_results(n: u64, check: impl Fn(&CaseResult)) {
    let book = book();
    let scales =
        qualif_analysis::scale::Scales::builtin(&book.vocabulary).expect("the scales load");
    let plan = qualif_engine::plan::Plan::new(book);
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    let mut rng = super::super::synth::Rng::new(7);
    for line in 1..=n {
        let text = super::super::synth::record(line, &mut rng).to_string();
        let case = super::super::case_from_json(&text, line, &book.vocabulary, today)
            .expect("a synthetic record is accepted");
        check(&super::super::evaluate(
            &plan,
            scales.official(),
            &case,
            line,
            today,
        ));
    }
}

/// The JSON line of a result is the one serde_json writes for the same object.
#[test]
fn a_json_line_is_the_one_serde_json_writes() {
    with_results(300, |r| {
        assert_eq!(written(|o| json_line(o, r)), serde_line::line(r));
    });
}

/// A result whose every text and number is given: the values chosen by the strategy.
fn result_with<'a>(
    texts: &'a [String; 8],
    provision: &'a qualif_law::law::Provision,
    numbers: [Option<f64>; 5],
    law_date: chrono::NaiveDate,
) -> CaseResult<'a> {
    use super::super::evaluate::{Leading, ScaleFigure, SystemFigure};
    CaseResult {
        line: 42,
        law_date,
        place: Some(&texts[0]),
        court_country: Some(&texts[1]),
        imposed_months: numbers[0],
        life_sentence: Some(false),
        systems: vec![
            SystemFigure {
                system: &texts[2],
                leading: Some(Leading {
                    provision,
                    max_prison_months: numbers[1],
                    life: true,
                }),
                share_of_maximum: numbers[2],
            },
            SystemFigure {
                system: "XX",
                leading: None,
                share_of_maximum: None,
            },
        ],
        scale: Some(ScaleFigure {
            guideline: &texts[3],
            category: &texts[4],
            role: &texts[5],
            starting_point_months: numbers[3],
            starting_point_text: texts[6].clone().into(),
        }),
        ratio_to_starting_point: numbers[4],
        applicable_system: Some(&texts[7]),
        share_of_applicable_maximum: None,
    }
}

fn number() -> impl Strategy<Value = Option<f64>> {
    prop_oneof![
        Just(None),
        Just(Some(f64::NAN)),
        Just(Some(f64::INFINITY)),
        Just(Some(-0.0)),
        any::<f64>().prop_map(Some),
        (0u32..2_000).prop_map(|n| Some(f64::from(n) / 12.0)),
    ]
}

fn book() -> &'static qualif_law::law::LawBook {
    static BOOK: std::sync::OnceLock<qualif_law::law::LawBook> = std::sync::OnceLock::new();
    BOOK.get_or_init(|| qualif_law::law::LawBook::builtin().expect("the built-in data loads"))
}

proptest! {
    // Failures are kept beside this file (crates/batch/src/output.proptest-regressions),
    // not in a folder at the top of the project.
    #![proptest_config(ProptestConfig {
        failure_persistence: Some(Box::new(
            proptest::test_runner::FileFailurePersistence::WithSource("proptest-regressions"),
        )),
        ..ProptestConfig::default()
    })]
    /// Any text (escapes included), any number (not finite included) and any date,
    /// of years 0 to 9999 and beyond: the JSON line serde_json writes.
    #[test]
    fn any_texts_numbers_and_date_are_written_as_serde_json_writes_them(
        texts in proptest::array::uniform8(any::<String>()),
        id in any::<String>(),
        citation in any::<String>(),
        numbers in proptest::array::uniform5(number()),
        days in -800_000i32..3_700_000,
    ) {
        let mut provision = book().systems[0].provisions[0].clone();
        (provision.id, provision.citation) = (id, citation);
        let d = chrono::NaiveDate::from_num_days_from_ce_opt(days).expect("a date");
        let r = result_with(&texts, &provision, numbers, d);
        let line = written(|o| json_line(o, &r));
        prop_assert_eq!(&line, &serde_line::line(&r));
        let json: serde_json::Value = serde_json::from_str(&line).expect("JSON");
        prop_assert_eq!(json["place"].as_str(), Some(texts[0].as_str()));
        let date = d.format("%Y-%m-%d").to_string();
        prop_assert_eq!(json["law_date"].as_str(), Some(date.as_str()));
    }
}

/// The fields of a result's CSV row: each text as it is, each number as `Display`
/// writes it, a flag as `true` or `false`, and an empty field for what is unknown.
fn fields_of(r: &CaseResult) -> Vec<String> {
    let n = |x: Option<f64>| x.map(|x| x.to_string()).unwrap_or_default();
    let t = |s: Option<&str>| s.unwrap_or("").to_string();
    let flag = |b: Option<bool>| b.map(|b| b.to_string()).unwrap_or_default();
    let mut f = vec![
        r.line.to_string(),
        r.law_date.format("%Y-%m-%d").to_string(),
        t(r.place),
        t(r.court_country),
        n(r.imposed_months),
        flag(r.life_sentence),
    ];
    for s in &r.systems {
        match &s.leading {
            Some(l) => f.extend([
                l.provision.id.clone(),
                n(l.max_prison_months),
                l.life.to_string(),
            ]),
            None => f.extend(["".into(), "".into(), "".into()]),
        }
        f.push(n(s.share_of_maximum.map(round4)));
    }
    match &r.scale {
        Some(s) => f.extend([
            s.guideline.to_string(),
            s.category.to_string(),
            s.role.to_string(),
            n(s.starting_point_months),
        ]),
        None => f.extend(["".into(), "".into(), "".into(), "".into()]),
    }
    f.push(n(r.ratio_to_starting_point.map(round4)));
    f.push(t(r.applicable_system));
    f.push(n(r.share_of_applicable_maximum.map(round4)));
    f
}

/// The rows as the csv crate reads them back.
fn read_back(bytes: &[u8]) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(bytes)
        .records()
        .map(|r| r.expect("a CSV row").iter().map(str::to_string).collect())
        .collect()
}

/// The CSV rows of results read back as their fields, one line each, under a header of
/// as many columns.
#[test]
fn csv_rows_read_back_as_the_fields_of_the_results() {
    let national = ["BE", "CA", "FR"];
    let header = csv_header(&national);
    assert!(header.ends_with('\n'));
    let width = read_back(header.as_bytes())[0].len();
    with_results(300, |r| {
        assert_eq!(r.systems.len(), national.len());
        let mut lines = Lines::new(OutputFormat::Csv, 0);
        lines.push(r);
        let bytes = lines.into_bytes();
        assert_eq!(bytes.iter().filter(|&&b| b == b'\n').count(), 1);
        assert!(bytes.ends_with(b"\n"));
        assert_eq!(read_back(&bytes), vec![fields_of(r)]);
        assert_eq!(fields_of(r).len(), width);
    });
}

proptest! {
    // Failures are kept beside this file (crates/batch/src/output.proptest-regressions),
    // not in a folder at the top of the project.
    #![proptest_config(ProptestConfig {
        failure_persistence: Some(Box::new(
            proptest::test_runner::FileFailurePersistence::WithSource("proptest-regressions"),
        )),
        ..ProptestConfig::default()
    })]
    /// Any text (commas, quotes and line breaks included), number and date: one CSV
    /// row that reads back as the result's fields.
    #[test]
    fn any_texts_numbers_and_date_make_a_csv_row_that_reads_back(
        texts in proptest::array::uniform8(any::<String>()),
        id in any::<String>(),
        numbers in proptest::array::uniform5(number()),
        days in -800_000i32..3_700_000,
    ) {
        let mut provision = book().systems[0].provisions[0].clone();
        provision.id = id;
        let d = chrono::NaiveDate::from_num_days_from_ce_opt(days).expect("a date");
        let r = result_with(&texts, &provision, numbers, d);
        let mut rows = CsvRows::new(Vec::new());
        rows.write(&r).expect("writes to a Vec");
        rows.write(&r).expect("writes to a Vec");
        let bytes = rows.into_inner().expect("writes to a Vec");
        prop_assert_eq!(read_back(&bytes), vec![fields_of(&r), fields_of(&r)]);
    }
}

/// The aggregates in CSV read back as their figures, a group's name quoted when it
/// must be.
#[test]
fn aggregates_in_csv_read_back_as_their_figures() {
    let q = |n, x: f64| {
        Some(Quartiles {
            n,
            q1: x / 3.0,
            median: x,
            q3: x * 1.5,
        })
    };
    let groups = [
        GroupFigures {
            dimension: "region",
            group: "Latin America, \"the Caribbean\"\nand more".into(),
            cases: 12,
            sentenced: 10,
            life_sentences: 1,
            share_of_maximum: q(10, 0.123456),
            ratio_to_starting_point: None,
        },
        GroupFigures {
            dimension: "all",
            group: "all".into(),
            cases: 3,
            sentenced: 0,
            life_sentences: 0,
            share_of_maximum: None,
            ratio_to_starting_point: q(2, 47.0),
        },
    ];
    let text = aggregates_csv(&groups);
    let rows = read_back(text.as_bytes());
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[0][0], "dimension");
    assert!(rows.iter().all(|r| r.len() == rows[0].len()));
    assert_eq!(
        rows[1],
        [
            "region",
            "Latin America, \"the Caribbean\"\nand more",
            "12",
            "10",
            "1",
            "10",
            "0.0412",
            "0.1235",
            "0.1852",
            "0",
            "",
            "",
            ""
        ]
    );
    assert_eq!(
        rows[2],
        [
            "all", "all", "3", "0", "0", "0", "", "", "", "2", "15.6667", "47", "70.5"
        ]
    );
}
