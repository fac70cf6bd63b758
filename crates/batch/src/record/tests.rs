//! Tests of batch records: JSON and CSV, both ways of reading, located rejections.

use super::*;
use qualif_law::law::LawBook;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 1, 1).unwrap()
}

#[test]
fn a_json_record_reads_as_the_same_case_file() {
    let book = LawBook::builtin().unwrap();
    let v = &book.vocabulary;
    let json = r#"{"version": 1, "case": {"date_of_facts": "2023-05-10", "place": "PH", "ict": true}, "victim": {"age": 9, "nationality": ["PH"]}, "offender": {"age": null}, "sentence": {"imposed_months": 48.5}}"#;
    let toml = "version = 1\n[case]\ndate_of_facts = \"2023-05-10\"\nplace = \"PH\"\nict = true\n[victim]\nage = 9\nnationality = [\"PH\"]\n[sentence]\nimposed_months = 48.5\n";
    let a = case_from_json(json, 1, v, today()).unwrap();
    let b = Case::parse(&SourceText::new("c.toml", toml), v, today()).unwrap();
    assert_eq!(a, b);
}

#[test]
fn a_bad_json_value_names_its_line_field_and_column() {
    let book = LawBook::builtin().unwrap();
    let json = r#"{"case": {"ict": true}, "victim": {"age": "nine"}}"#;
    let r = case_from_json(json, 7, &book.vocabulary, today()).unwrap_err();
    assert_eq!(r.line, 7);
    assert_eq!(r.field.as_deref(), Some("victim.age"));
    assert_eq!(r.column, Some(36));
    assert!(
        r.message.contains("must be a whole number"),
        "{}",
        r.message
    );
    let r = case_from_json(r#"{"victim": {"agee": 3}}"#, 2, &book.vocabulary, today()).unwrap_err();
    assert_eq!(r.field.as_deref(), Some("victim.agee"));
    assert!(r.message.contains("did you mean `age`"), "{}", r.message);
    let r = case_from_json(r#"{"victim": {"age": 3"#, 3, &book.vocabulary, today()).unwrap_err();
    assert!(r.message.starts_with("not valid JSON"), "{}", r.message);
    assert!(r.column.is_some());
    // Columns count characters, not bytes: the `}` after the trailing comma is the
    // 28th character (and the 33rd byte).
    let json = r#"{"case": {"title": "ééééé",}}"#;
    let r = case_from_json(json, 4, &book.vocabulary, today()).unwrap_err();
    assert_eq!(r.column, Some(28), "{r:?}");
    assert_eq!(char_column("abc", 0), None);
    assert_eq!(char_column("é}", 3), Some(2));
}

/// A key given twice in a record is refused as in a case file, at the repeated key
/// (before, the last one was kept without a word). In a large object too, in linear time.
#[test]
fn a_json_key_given_twice_is_refused_at_the_repeated_key() {
    let book = LawBook::builtin().unwrap();
    let v = &book.vocabulary;
    for (json, column, key) in [
        (r#"{"victim": {"age": 3, "age": 4}}"#, 23, "age"),
        (r#"{"victim": {"age": 3}, "victim": null}"#, 24, "victim"),
        (
            r#"{"case": {"title": "a\"b", "t\u0069tle": "c"}}"#,
            28,
            "title",
        ),
        (r#"{"version": 1, "version": 1}"#, 16, "version"),
    ] {
        let r = case_from_json(json, 9, v, today()).unwrap_err();
        assert_eq!(r.message, format!("duplicate key `{key}`"), "{json}");
        assert_eq!((r.line, r.column), (9, Some(column)), "{json}");
        assert!(r.help.unwrap().contains("at most once"));
    }
    let many: Vec<String> = (0..50_000).map(|i| format!("\"k{i}\": 1")).collect();
    let json = format!("{{\"victim\": {{{}, \"k7\": 2}}}}", many.join(", "));
    let r = case_from_json(&json, 1, v, today()).unwrap_err();
    assert_eq!(r.message, "duplicate key `k7`");
    assert_eq!(r.column, Some(json.len() as u64 - 8));
}

#[test]
fn a_record_read_directly_is_the_record_read_through_the_table() {
    let book = LawBook::builtin().unwrap();
    let v = &book.vocabulary;
    let mut out = Vec::new();
    crate::synth::write(500, 3, &mut out).unwrap();
    let synthetic = String::from_utf8(out).unwrap();
    let unusual = [
        r#"{"victim": {"age": 3, "age": null}, "offender": {"age": 40}}"#,
        r#"{"victim": {"age": null, "age": 3}, "offender": {"age": 40}}"#,
        r#"{"victim": {"age": 3}, "victim": null}"#,
        r#"{"victim": null, "victim": {"age": 3}}"#,
        r#"{"victim": {"age": 3, "vulnerable": true, "age": 5}}"#,
        r#"{"offender": {"age": 40}, "case": {"place": "FR", "place": "BE"}}"#,
        r#"{"vict\u0069m": {"\u0061ge": 7}, "offender": {"age": 30}}"#,
        r#"{"victim": {"age": 7}, "vict\u0069m": {"age": 8}}"#,
        r#"{"version": null, "victim": {"age": 7}, "nowhere": null}"#,
        r#"{"version": 1, "version": 2}"#,
        r#"{"version": 2, "version": 1}"#,
        r#"{"victim": {"nonsense": null, "age": 7}}"#,
        r#"{"material": {"conduct": ["possessed", "possessed", "distributed"]}}"#,
        r#"{"material": {"conduct": []}, "offender": {"nationality": ["FR", "BE", "FR"]}}"#,
        r#"{"material": {"conduct": ["possessed", null]}}"#,
        r#"{"material": {"conduct": ["possessed", "nope"]}}"#,
        r#"{"material": {"conduct": ["acc\u0065ssed", "accessed"]}}"#,
        r#"{"victim": {"nationality": ["FR", "fr"]}}"#,
        r#"{"victim": {"nationality": ["XK", "PH", "XK"]}}"#,
        r#"{"case": {"place": ["FR"]}, "victim": {"age": [7]}}"#,
        r#"{"case": {"title": []}}"#,
        r#"{"sentence": {"imposed_months": 1e1, "suspended_months": 12.50}}"#,
        r#"{"sentence": {"imposed_months": -0}, "victim": {"count": 1.0}}"#,
        r#"{"sentence": {"imposed_months": 1.5e-7, "suspended_months": 1e1}}"#,
        r#"{"sentence": {"imposed_months": 9007199254740993}, "victim": {"age": -1}}"#,
        r#"{"sentence": {"imposed_months": -0.0}, "victim": {"age": 1e2}}"#,
        r#"{"victim": {"age": 7.5}, "offender": {"age": 9223372036854775808}}"#,
        r#"{"victim": {"age": true}, "offender": {"age": "40"}}"#,
        r#"{"case": {"place": 7}}"#,
        r#"{"material": {"conduct": ["possessed", 3]}}"#,
        r#"{"victim": {"age": 18446744073709551615}}"#,
        r#"{"case": {"date_of_facts": "2020-01-01"}, "victim": {"birth_date": "2010-06-01"}}"#,
        r#"{"case": {"date_of_facts": "2020-01-01"}, "victim": {"birth_date": "2010-06-01", "age": 10}}"#,
        r#"{"case": {"title": "caf\u00e9 \"quoted\"", "ict": true}}"#,
        r#"{"victim": {"age": {"years": 7}}}"#,
        r#"{"victim": [1]}"#,
        r#"{"victim": {"age": 3}, "case": {"place": "FR"}, "victim": {"age": 3}}"#,
        r#"{"victim": {"age": 3}, "case": {"place": "FR"}, "victim": null}"#,
        r#"{"victim": null, "case": null, "victim": null}"#,
        r#"{"victim": {"vulnerable": true, "age": 3, "vulnerable": true}}"#,
        r#"{"victim": {"vulnerable": null, "age": 3, "vulnerable": false}}"#,
        r#"{"victim": {"vulnerable": true, "age": 3}, "case": {"place": "FR"}}"#,
        // A key given twice, in each place: first and last, in the middle, in another
        // section than the first, of `null`, written with an escape, unknown.
        r#"{"act": {"coercion": true}, "victim": {"age": 3}, "act": {"coercion": true}}"#,
        r#"{"victim": {"age": 3, "vulnerable": true, "count": 2, "age": 3}}"#,
        r#"{"victim": {"age": 3, "count": 2, "count": 2, "vulnerable": true}}"#,
        r#"{"victim": {"age": 3}, "offender": {"age": 40, "age": 41}}"#,
        r#"{"victim": {"age": null, "age": null}}"#,
        r#"{"victim": {"\u0061ge": 3, "age": 3}}"#,
        r#"{"vict\u0069m": {"age": 3}, "victim": {"age": 3}}"#,
        r#"{"version": 1, "victim": {"age": 3}, "version": null}"#,
        r#"{"version": null, "version": null}"#,
        r#"{"victim": {"nonsense": null, "nonsense": null}}"#,
        r#"{"nowhere": null, "nowhere": null}"#,
        r#"{"nowhere": null, "victim": {"age": 3}}"#,
        r#"{"victim": {"derived": null, "age": 3}}"#,
        r#"{"derived": {"age_gap": 3}}"#,
        // A list fact given other than a list of texts, a list given to another fact.
        r#"{"material": {"conduct": "possessed"}, "victim": {"age": 3}}"#,
        r#"{"material": {"conduct": null, "kinds": ["photo"]}}"#,
        r#"{"material": {"conduct": 3}}"#,
        r#"{"material": {"conduct": true}}"#,
        r#"{"material": {"conduct": [["possessed"]]}}"#,
        r#"{"material": {"conduct": {"possessed": true}}}"#,
        r#"{"victim": {"nationality": ["FR", "BE"], "age": [3]}}"#,
        r#"{"case": {"ict": [true]}}"#,
        // A text for each type of fact: accepted, refused.
        r#"{"live": {"sessions": "several"}, "victim": {"age": 3}}"#,
        r#"{"live": {"sessions": "many"}}"#,
        r#"{"victim": {"age": "several"}}"#,
        r#"{"case": {"date_of_facts": "2023-02-29"}}"#,
        r#"{"case": {"date_of_facts": "2024-02-29", "place": "ZZ"}}"#,
        r#"{"case": {"place": "XK"}, "offender": {"group": "nope"}}"#,
        r#"{"offender": {"group": "alone", "relation": ""}}"#,
        r#"{"case": {"ict": "true"}}"#,
        r#"{"case": {"title": true}}"#,
        r#"{"case": {"title": "", "place": "fr"}}"#,
        // The consistency rules and the derived facts: birth dates, ages, periods.
        r#"{"case": {"date_of_facts": "2020-01-01"}, "victim": {"birth_date": "2010-06-01"}, "offender": {"birth_date": "1980-02-29"}}"#,
        r#"{"case": {"date_of_facts": "2020-01-01"}, "victim": {"birth_date": "2010-06-01"}, "offender": {"age": 40}}"#,
        r#"{"case": {"date_of_facts": "2020-01-01"}, "victim": {"age": 9}, "offender": {"birth_date": "1980-01-02"}}"#,
        r#"{"case": {"date_of_facts": "2024-02-29"}, "victim": {"age": 9}, "offender": {"age": 40}}"#,
        r#"{"victim": {"age": 9}, "offender": {"age": 40}}"#,
        r#"{"victim": {"birth_date": "2030-01-01"}}"#,
        r#"{"victim": {"birth_date": "1800-01-01"}}"#,
        r#"{"case": {"date_of_facts": "2020-01-01"}, "offender": {"birth_date": "2010-06-01", "age": 3}}"#,
        r#"{"case": {"first_date_of_facts": "2019-01-01"}}"#,
        r#"{"case": {"first_date_of_facts": "2021-01-01", "date_of_facts": "2020-01-01"}}"#,
        r#"{"case": {"first_date_of_facts": "2019-01-01", "date_of_facts": "2020-01-01", "date_of_assessment": "2019-12-31"}}"#,
        r#"{"case": {"first_date_of_facts": "2019-01-01", "date_of_facts": "2020-01-01", "date_of_assessment": "2021-01-01"}, "victim": {"age": 12}}"#,
        // Keys out of order: the case holds its facts in key order all the same.
        r#"{"victim": {"vulnerable": true, "age": 3, "count": 2}, "act": {"coercion": true}}"#,
        r#"{"victim": {"age": 3}, "offender": {"age": 40}, "case": {"place": "FR", "ict": true}}"#,
    ];
    // Keys in the order people write them: read directly all the same.
    let golden = include_str!("../../../../tests/batch/golden.jsonl");
    for text in golden.lines() {
        let Ok(Json::Object(record)) = serde_json::from_str::<Json>(text) else {
            panic!("{text}")
        };
        let slow = read_through_table(text, &record, 1, v, today());
        assert_eq!(
            read_directly(text, v, today()).ok_or(()),
            slow.map_err(|_| ()),
            "{text}"
        );
    }
    // Texts near the longest accepted, in characters (of two bytes each here).
    let long = |n: usize| format!(r#"{{"case": {{"title": "{}"}}}}"#, "é".repeat(n));
    let (longest, too_long) = (long(65_536), long(65_537));
    let unusual = unusual
        .into_iter()
        .chain([longest.as_str(), too_long.as_str()]);
    for (i, text) in synthetic.lines().chain(unusual).enumerate() {
        // A key given twice is refused before either reading.
        let Ok(value) = serde_json::from_str::<Json>(text) else {
            assert!(read_directly(text, v, today()).is_none(), "{text}");
            let r = case_from_json(text, 1, v, today()).unwrap_err();
            assert!(r.message.starts_with("duplicate key `"), "{text}: {r:?}");
            continue;
        };
        let Json::Object(record) = &value else {
            panic!("{text}")
        };
        let slow = read_through_table(text, record, 1, v, today());
        match read_directly(text, v, today()) {
            Some(case) => assert_eq!(Ok(case), slow, "{text}"),
            // Only the usual records are read directly; the others are all synthetic.
            None => assert!(i >= 500 || slow.is_err(), "{text}"),
        }
    }
}

/// The one-pass reading tells a key given twice by its place in the vocabulary, whatever
/// its spelling: a key written with an escape is read directly too.
#[test]
fn a_key_written_with_an_escape_is_read_directly() {
    let book = LawBook::builtin().unwrap();
    let v = &book.vocabulary;
    let text = r#"{"vict\u0069m": {"\u0061ge": 7}, "case": {"t\u0069tle": "x", "ict": true}}"#;
    let direct = read_directly(text, v, today()).expect("read directly");
    let plain = r#"{"case": {"ict": true, "title": "x"}, "victim": {"age": 7}}"#;
    assert_eq!(Ok(direct), case_from_json(plain, 1, v, today()));
    let twice = r#"{"case": {"t\u0069tle": "x", "title": "y"}}"#;
    assert!(read_directly(twice, v, today()).is_none());
}

#[test]
fn a_csv_row_reads_as_the_same_case_file() {
    let book = LawBook::builtin().unwrap();
    let v = &book.vocabulary;
    let header = CsvHeader::parse(
        &[
            "case.date_of_facts",
            "case.ict",
            "victim.age",
            "victim.nationality",
            "offender.age",
            "version",
        ],
        v,
    )
    .unwrap();
    let a = case_from_csv(
        &["2023-05-10", "TRUE", "9", "PH; FR", "", "1"],
        &header,
        2,
        v,
        today(),
    )
    .unwrap();
    let toml = "[case]\ndate_of_facts = \"2023-05-10\"\nict = true\n[victim]\nage = 9\nnationality = [\"PH\", \"FR\"]\n";
    let b = Case::parse(&SourceText::new("c.toml", toml), v, today()).unwrap();
    assert_eq!(a, b);
    let r = case_from_csv(&["2023-02-30", "", "", "", "", ""], &header, 5, v, today()).unwrap_err();
    assert_eq!(
        (r.line, r.column, r.field.as_deref()),
        (5, Some(1), Some("case.date_of_facts"))
    );
    let r = CsvHeader::parse(&["case.ict", "victim.agee"], v).unwrap_err();
    assert!(r.message.contains("column 2"), "{r:?}");
    assert_eq!(r.column, Some(2));
    assert!(CsvHeader::parse(&["victim.age", "victim.age"], v).is_err());
}
