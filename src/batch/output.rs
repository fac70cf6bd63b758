//! Batch output: one result per case (JSON Lines or CSV), then the aggregate figures (a
//! final JSON line, a CSV file, and a table for people).
use serde::Serialize;
use serde_json::json;

use super::aggregate::{GroupFigures, Quartiles};
use super::evaluate::CaseResult;
use super::regions::Regions;

/// Ratios are written with 4 decimals.
pub fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

fn r4(x: Option<f64>) -> Option<f64> {
    x.map(round4)
}

/// One case's result as a JSON line (without the newline), appended to `out`: the bytes
/// serde_json writes for the same object (the tests compare the two), every value (texts,
/// numbers, the date) written by serde_json.
///
/// The keys and punctuation are written here rather than through `#[derive(Serialize)]`
/// structs (the tests keep those structs, to compare): serde_json writes each of the
/// forty-odd keys of a line as a text, its escape test byte after byte included. Measured
/// with callgrind on 30,000 synthetic cases, the line through borrowed `Serialize` structs
/// cost 350 M instructions and the batch 2,045 M, against 150 M and 1,884 M this way:
/// 5,400 instructions a case more, +8.5 % of the whole batch (a hand-written path is kept
/// only where the crate costs more than 5 %).
pub fn json_line(out: &mut Vec<u8>, r: &CaseResult) {
    out.extend_from_slice(b"{\"kind\":\"case\",\"line\":");
    value(out, &r.line);
    out.extend_from_slice(b",\"law_date\":");
    value(out, &crate::facts::format_date(r.law_date));
    out.extend_from_slice(b",\"place\":");
    value(out, &r.place);
    out.extend_from_slice(b",\"court_country\":");
    value(out, &r.court_country);
    out.extend_from_slice(b",\"imposed_months\":");
    value(out, &r.imposed_months);
    out.extend_from_slice(b",\"life_sentence\":");
    value(out, &r.life_sentence);
    out.extend_from_slice(b",\"systems\":[");
    for (i, s) in r.systems.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        out.extend_from_slice(b"{\"id\":");
        value(out, s.system);
        out.extend_from_slice(b",\"leading\":");
        match &s.leading {
            Some(l) => {
                out.extend_from_slice(b"{\"id\":");
                value(out, &l.provision.id);
                out.extend_from_slice(b",\"citation\":");
                value(out, &l.provision.citation);
                out.extend_from_slice(b",\"max_prison_months\":");
                value(out, &l.max_prison_months);
                out.extend_from_slice(b",\"life\":");
                value(out, &l.life);
                out.push(b'}');
            }
            None => out.extend_from_slice(b"null"),
        }
        out.extend_from_slice(b",\"share_of_maximum\":");
        value(out, &r4(s.share_of_maximum));
        out.push(b'}');
    }
    out.extend_from_slice(b"],\"scale\":");
    match &r.scale {
        Some(s) => {
            out.extend_from_slice(b"{\"guideline\":");
            value(out, s.guideline);
            out.extend_from_slice(b",\"category\":");
            value(out, s.category);
            out.extend_from_slice(b",\"role\":");
            value(out, s.role);
            out.extend_from_slice(b",\"starting_point_months\":");
            value(out, &s.starting_point_months);
            out.extend_from_slice(b",\"starting_point\":");
            value(out, &s.starting_point_text);
            out.push(b'}');
        }
        None => out.extend_from_slice(b"null"),
    }
    out.extend_from_slice(b",\"ratio_to_starting_point\":");
    value(out, &r4(r.ratio_to_starting_point));
    out.extend_from_slice(b",\"applicable_system\":");
    value(out, &r.applicable_system);
    out.extend_from_slice(b",\"share_of_applicable_maximum\":");
    value(out, &r4(r.share_of_applicable_maximum));
    out.push(b'}');
}

/// A JSON value as serde_json writes it: a text escaped, a number as ryu and itoa write
/// it (`null` when absent or not finite).
fn value<T: Serialize + ?Sized>(out: &mut Vec<u8>, v: &T) {
    serde_json::to_writer(out, v).expect("writing to a Vec does not fail");
}

/// The date of a result, as every output writes dates.
fn write_date(out: &mut Vec<u8>, d: chrono::NaiveDate) {
    out.extend_from_slice(crate::facts::format_date(d).as_str().as_bytes());
}

/// A CSV field, quoted when it must be.
fn field(out: &mut String, s: &str) {
    if s.contains([',', '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&s.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(s);
    }
}

fn flag(b: Option<bool>) -> &'static str {
    match b {
        Some(true) => "true",
        Some(false) => "false",
        None => "",
    }
}

/// The header of the CSV results, with four columns per national system.
pub fn csv_header(national: &[&str]) -> String {
    let mut cols: Vec<String> = [
        "line",
        "law_date",
        "place",
        "court_country",
        "imposed_months",
        "life_sentence",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    for s in national {
        for c in ["leading", "max_prison_months", "life", "share_of_maximum"] {
            cols.push(format!("{s}.{c}"));
        }
    }
    cols.extend(
        [
            "scale_guideline",
            "scale_category",
            "scale_role",
            "starting_point_months",
            "ratio_to_starting_point",
            "applicable_system",
            "share_of_applicable_maximum",
        ]
        .iter()
        .map(|s| s.to_string()),
    );
    let mut out = String::new();
    for (i, c) in cols.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        field(&mut out, c);
    }
    out
}

/// One case's result as a CSV row (without the newline), in the columns of
/// [`csv_header`], appended to `out`.
pub fn csv_line(out: &mut Vec<u8>, r: &CaseResult) {
    let push = |out: &mut Vec<u8>, s: &str| {
        out.push(b',');
        field_bytes(out, s);
    };
    // A number, written in place (as `num` writes it: it never needs quotes).
    let push_num = |out: &mut Vec<u8>, x: Option<f64>| {
        out.push(b',');
        if let Some(v) = x {
            std::io::Write::write_fmt(out, format_args!("{v}"))
                .expect("writing to a Vec does not fail");
        }
    };
    // The first field may be empty only if it is not the first: `line` never is.
    out.extend_from_slice(itoa::Buffer::new().format(r.line).as_bytes());
    out.push(b',');
    write_date(out, r.law_date);
    push(out, r.place.unwrap_or(""));
    push(out, r.court_country.unwrap_or(""));
    push_num(out, r.imposed_months);
    push(out, flag(r.life_sentence));
    for s in &r.systems {
        match &s.leading {
            Some(l) => {
                push(out, &l.provision.id);
                push_num(out, l.max_prison_months);
                push(out, flag(Some(l.life)));
            }
            None => out.extend_from_slice(b",,,"),
        }
        push_num(out, r4(s.share_of_maximum));
    }
    match &r.scale {
        Some(s) => {
            push(out, s.guideline);
            push(out, s.category);
            push(out, s.role);
            push_num(out, s.starting_point_months);
        }
        None => out.extend_from_slice(b",,,,"),
    }
    push_num(out, r4(r.ratio_to_starting_point));
    push(out, r.applicable_system.unwrap_or(""));
    push_num(out, r4(r.share_of_applicable_maximum));
}

/// [`field`], into bytes.
fn field_bytes(out: &mut Vec<u8>, s: &str) {
    if s.contains([',', '"', '\n', '\r']) {
        let mut quoted = String::new();
        field(&mut quoted, s);
        out.extend_from_slice(quoted.as_bytes());
    } else {
        out.extend_from_slice(s.as_bytes());
    }
}

/// The counts of a run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct RunCounts {
    /// Records read (blank lines excluded).
    pub records: u64,
    pub evaluated: u64,
    pub rejected: u64,
}

fn quartiles_json(q: &Option<Quartiles>) -> serde_json::Value {
    match q {
        None => json!(null),
        Some(q) => json!({
            "n": q.n,
            "q1": round4(q.q1),
            "median": round4(q.median),
            "q3": round4(q.q3),
        }),
    }
}

/// The aggregate figures as one JSON object (the last line of JSON Lines output).
pub fn aggregates_json(
    counts: RunCounts,
    groups: &[GroupFigures],
    regions: Option<&Regions>,
) -> serde_json::Value {
    let list: Vec<serde_json::Value> = groups
        .iter()
        .map(|g| {
            json!({
                "dimension": g.dimension,
                "group": g.group,
                "cases": g.cases,
                "sentenced": g.sentenced,
                "life_sentences": g.life_sentences,
                "share_of_maximum": quartiles_json(&g.share_of_maximum),
                "ratio_to_starting_point": quartiles_json(&g.ratio_to_starting_point),
            })
        })
        .collect();
    json!({
        "kind": "aggregates",
        "records": counts.records,
        "evaluated": counts.evaluated,
        "rejected": counts.rejected,
        "quartiles": "linear interpolation between order statistics (Hyndman-Fan type 7, as numpy's default and Excel's QUARTILE.INC)",
        "share_of_maximum": "the imposed term divided by the maximum of the leading applying qualification in the system of the sentencing court (sentence.court_country)",
        "ratio_to_starting_point": "the imposed term divided by the starting point of the official guideline for the facts' category and role",
        "regions": regions.map(|r| json!({
            "source": r.source.name,
            "url": r.source.url,
            "verification": r.source.verification.as_str(),
            "left_out": r.left_out.iter().map(|(c, why)| json!({"code": c, "reason": why})).collect::<Vec<_>>(),
        })),
        "groups": list,
    })
}

/// The aggregate figures as CSV, one row per group.
pub fn aggregates_csv(groups: &[GroupFigures]) -> String {
    let mut out = String::from(
        "dimension,group,cases,sentenced,life_sentences,share_n,share_q1,share_median,share_q3,starting_point_n,starting_point_q1,starting_point_median,starting_point_q3\n",
    );
    for g in groups {
        let mut row = String::new();
        field(&mut row, g.dimension);
        row.push(',');
        field(&mut row, &g.group);
        row.push_str(&format!(
            ",{},{},{}",
            g.cases, g.sentenced, g.life_sentences
        ));
        for q in [&g.share_of_maximum, &g.ratio_to_starting_point] {
            match q {
                Some(q) => row.push_str(&format!(
                    ",{},{},{},{}",
                    q.n,
                    round4(q.q1),
                    round4(q.median),
                    round4(q.q3)
                )),
                None => row.push_str(",0,,,"),
            }
        }
        out.push_str(&row);
        out.push('\n');
    }
    out
}

/// The aggregate figures as a table for people.
pub fn aggregates_table(counts: RunCounts, groups: &[GroupFigures]) -> String {
    use comfy_table::{ContentArrangement, Table, presets};
    let mut t = Table::new();
    t.load_preset(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Disabled)
        .set_header(vec![
            "by",
            "group",
            "cases",
            "sentenced",
            "share of max: n",
            "Q1",
            "median",
            "Q3",
            "÷ starting point: n",
            "Q1",
            "median",
            "Q3",
        ]);
    let q = |q: &Option<Quartiles>| -> [String; 4] {
        match q {
            Some(q) => [
                q.n.to_string(),
                format!("{:.2}", q.q1),
                format!("{:.2}", q.median),
                format!("{:.2}", q.q3),
            ],
            None => ["0".into(), "".into(), "".into(), "".into()],
        }
    };
    for g in groups {
        let mut row = vec![
            g.dimension.to_string(),
            g.group.clone(),
            g.cases.to_string(),
            g.sentenced.to_string(),
        ];
        row.extend(q(&g.share_of_maximum));
        row.extend(q(&g.ratio_to_starting_point));
        t.add_row(row);
    }
    format!("{}\n{t}", counts_line(counts))
}

/// How many records a run read, evaluated and rejected: the first line of
/// [`aggregates_table`], and the last message of a run that rejected records.
pub fn counts_line(counts: RunCounts) -> String {
    format!(
        "{} records: {} evaluated, {} rejected",
        counts.records, counts.evaluated, counts.rejected
    )
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn written(f: impl FnOnce(&mut Vec<u8>)) -> String {
        let mut out = Vec::new();
        f(&mut out);
        String::from_utf8(out).expect("UTF-8")
    }

    /// A result's JSON line as borrowed `Serialize` structs give it, written by serde_json:
    /// what [`json_line`] must write, byte for byte.
    mod serde_line {
        use serde::Serialize;

        use crate::batch::evaluate::{CaseResult, SystemFigure};
        use crate::batch::output::r4;
        use crate::facts::{DateText, format_date};

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
        let scales = crate::scale::Scales::builtin(&book.vocabulary).expect("the scales load");
        let plan = crate::engine::plan::Plan::new(book);
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
        provision: &'a crate::law::Provision,
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
                starting_point_text: texts[6].clone(),
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

    fn book() -> &'static crate::law::LawBook {
        static BOOK: std::sync::OnceLock<crate::law::LawBook> = std::sync::OnceLock::new();
        BOOK.get_or_init(|| crate::law::LawBook::builtin().expect("the built-in data loads"))
    }

    proptest! {
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
}
