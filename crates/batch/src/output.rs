//! Batch output: one result per case (JSON Lines or CSV), then the aggregate figures (a
//! final JSON line, a CSV file, and a table for people).
use qualif_report::msg;
use std::io::Write;

use serde::Serialize;
use serde_json::json;

use super::OutputFormat;
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
    out.extend_from_slice(itoa::Buffer::new().format(r.line).as_bytes());
    out.extend_from_slice(b",\"law_date\":\"");
    // A date as chrono writes it: digits and dashes, nothing to escape.
    out.extend_from_slice(
        qualif_law::facts::format_date(r.law_date)
            .as_str()
            .as_bytes(),
    );
    out.extend_from_slice(b"\",\"place\":");
    opt_text(out, r.place);
    out.extend_from_slice(b",\"court_country\":");
    opt_text(out, r.court_country);
    out.extend_from_slice(b",\"imposed_months\":");
    value(out, &r.imposed_months);
    out.extend_from_slice(b",\"life_sentence\":");
    out.extend_from_slice(match r.life_sentence {
        Some(true) => b"true",
        Some(false) => b"false",
        None => b"null",
    });
    out.extend_from_slice(b",\"systems\":[");
    for (i, s) in r.systems.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        out.extend_from_slice(b"{\"id\":");
        text(out, s.system);
        out.extend_from_slice(b",\"leading\":");
        match &s.leading {
            Some(l) => {
                out.extend_from_slice(b"{\"id\":");
                text(out, &l.provision.id);
                out.extend_from_slice(b",\"citation\":");
                text(out, &l.provision.citation);
                out.extend_from_slice(b",\"max_prison_months\":");
                value(out, &l.max_prison_months);
                out.extend_from_slice(if l.life {
                    b",\"life\":true}"
                } else {
                    b",\"life\":false}"
                });
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
            text(out, s.guideline);
            out.extend_from_slice(b",\"category\":");
            text(out, s.category);
            out.extend_from_slice(b",\"role\":");
            text(out, s.role);
            out.extend_from_slice(b",\"starting_point_months\":");
            value(out, &s.starting_point_months);
            out.extend_from_slice(b",\"starting_point\":");
            text(out, &s.starting_point_text);
            out.push(b'}');
        }
        None => out.extend_from_slice(b"null"),
    }
    out.extend_from_slice(b",\"ratio_to_starting_point\":");
    value(out, &r4(r.ratio_to_starting_point));
    out.extend_from_slice(b",\"applicable_system\":");
    opt_text(out, r.applicable_system);
    out.extend_from_slice(b",\"share_of_applicable_maximum\":");
    value(out, &r4(r.share_of_applicable_maximum));
    out.push(b'}');
}

/// A JSON value as serde_json writes it: a text escaped, a number as ryu and itoa write
/// it (`null` when absent or not finite).
fn value<T: Serialize + ?Sized>(out: &mut Vec<u8>, v: &T) {
    serde_json::to_writer(out, v).expect("writing to a Vec does not fail");
}

/// A text as serde_json writes it. A text with nothing to escape (no quote, backslash or
/// control character: serde_json escapes nothing else, and writes other characters as
/// they are) is copied between quotes at once; serde_json writes the others. Its escape
/// test goes byte by byte through a table, then copies each run: callgrind counted it at
/// some 2,100 instructions a case (the ids and citations of the leading provisions, the
/// starting point) for texts that hold nothing to escape.
fn text(out: &mut Vec<u8>, s: &str) {
    if needs_escape(s.as_bytes()) {
        value(out, s);
    } else {
        out.reserve(s.len() + 2);
        out.push(b'"');
        out.extend_from_slice(s.as_bytes());
        out.push(b'"');
    }
}

fn opt_text(out: &mut Vec<u8>, s: Option<&str>) {
    match s {
        Some(s) => text(out, s),
        None => out.extend_from_slice(b"null"),
    }
}

/// Whether a text holds a byte that JSON escapes: below 0x20, `"` or `\`. Eight bytes at
/// a time: a byte of `v` below `n` (`n` <= 0x80) sets its high bit in
/// `(v - n·0x01…01) & !v & 0x80…80`, and a byte equal to `c` is a zero byte of `v ^ c·0x01…01`
/// (the first bytes flagged are exact; a flag after them may not be, which only matters for
/// which byte, not whether).
fn needs_escape(s: &[u8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let below = |v: u64, n: u8| v.wrapping_sub(ONES * u64::from(n)) & !v & HIGH;
    let mut words = s.chunks_exact(8);
    for w in &mut words {
        let v = u64::from_le_bytes(w.try_into().expect("eight bytes"));
        let flagged = below(v, 0x20)
            | below(v ^ (ONES * u64::from(b'"')), 1)
            | below(v ^ (ONES * u64::from(b'\\')), 1);
        if flagged != 0 {
            return true;
        }
    }
    words
        .remainder()
        .iter()
        .any(|&b| b < 0x20 || b == b'"' || b == b'\\')
}

/// The results of one part of a run, one line each (its newline included), in the format
/// asked.
pub enum Lines {
    Json(Vec<u8>),
    /// Boxed: the csv crate's writer is some 400 bytes.
    Csv(Box<CsvRows<Vec<u8>>>),
}

impl Lines {
    /// Room for `capacity` bytes of results before the buffer grows.
    pub fn new(format: OutputFormat, capacity: usize) -> Self {
        match format {
            OutputFormat::Json => Lines::Json(Vec::with_capacity(capacity)),
            OutputFormat::Csv => Lines::Csv(Box::new(CsvRows::new(Vec::with_capacity(capacity)))),
        }
    }

    /// Appends one case's result.
    pub fn push(&mut self, r: &CaseResult) {
        match self {
            Lines::Json(out) => {
                json_line(out, r);
                out.push(b'\n');
            }
            Lines::Csv(rows) => rows.write(r).expect("writing to a Vec does not fail"),
        }
    }

    /// The lines written.
    pub fn into_bytes(self) -> Vec<u8> {
        match self {
            Lines::Json(out) => out,
            Lines::Csv(rows) => rows.into_inner().expect("writing to a Vec does not fail"),
        }
    }
}

/// A CSV writer as every CSV output of a batch writes: the csv crate's defaults (a field
/// quoted only when it holds a comma, a quote or a line break; rows ended by `\n`).
fn csv_writer<W: Write>(out: W) -> csv::Writer<W> {
    csv::WriterBuilder::new().from_writer(out)
}

/// Numbers as the CSV outputs write them, as `Display` does (`47`, `0.7833`, never an
/// exponent), into one reused `String`: the csv crate's `serialize` would write `47.0`.
#[derive(Default)]
struct Numbers(String);

impl Numbers {
    fn of(&mut self, x: impl std::fmt::Display) -> &str {
        use std::fmt::Write as _;
        self.0.clear();
        write!(self.0, "{x}").expect("writing to a String does not fail");
        &self.0
    }
}

fn flag(b: Option<bool>) -> &'static str {
    match b {
        Some(true) => "true",
        Some(false) => "false",
        None => "",
    }
}

/// The header of the CSV results, with four columns per national system (its newline
/// included).
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
    let mut out = csv_writer(Vec::new());
    out.write_record(&cols)
        .expect("writing to a Vec does not fail");
    String::from_utf8(out.into_inner().expect("writing to a Vec does not fail"))
        .expect("the columns are UTF-8")
}

/// Results as CSV rows, in the columns of [`csv_header`], written by the csv crate.
///
/// Each row is gathered into one reused `ByteRecord` and written by `write_byte_record`,
/// the crate's fast path. Measured with callgrind on 30,000 synthetic cases (CSV out), the
/// batch cost 1,880.6 M instructions with the rows written by hand, 1,962.6 M this way
/// (+4.4 %, some 2,700 instructions a row), and 1,973.9 M with a `write_field` call per
/// field (+5.0 %). The numbers are formatted as before (`Display`), which costs more than
/// the crate: 88 M of the 252 M of writing the rows.
pub struct CsvRows<W: Write> {
    csv: csv::Writer<W>,
    /// The fields of the row being written, reused from row to row.
    row: csv::ByteRecord,
    numbers: Numbers,
}

impl<W: Write> CsvRows<W> {
    pub fn new(out: W) -> Self {
        Self {
            csv: csv_writer(out),
            row: csv::ByteRecord::new(),
            numbers: Numbers::default(),
        }
    }

    /// Writes one case's result as a row (its newline included).
    pub fn write(&mut self, r: &CaseResult) -> csv::Result<()> {
        let Self { csv, row, numbers } = self;
        let mut number = |row: &mut csv::ByteRecord, x: Option<f64>| match x {
            Some(x) => row.push_field(numbers.of(x).as_bytes()),
            None => row.push_field(b""),
        };
        let text = |row: &mut csv::ByteRecord, s: Option<&str>| {
            row.push_field(s.unwrap_or("").as_bytes());
        };
        row.clear();
        row.push_field(itoa::Buffer::new().format(r.line).as_bytes());
        row.push_field(
            qualif_law::facts::format_date(r.law_date)
                .as_str()
                .as_bytes(),
        );
        text(row, r.place);
        text(row, r.court_country);
        number(row, r.imposed_months);
        text(row, Some(flag(r.life_sentence)));
        for s in &r.systems {
            match &s.leading {
                Some(l) => {
                    text(row, Some(&l.provision.id));
                    number(row, l.max_prison_months);
                    text(row, Some(flag(Some(l.life))));
                }
                None => {
                    for _ in 0..3 {
                        text(row, None);
                    }
                }
            }
            number(row, r4(s.share_of_maximum));
        }
        match &r.scale {
            Some(s) => {
                text(row, Some(s.guideline));
                text(row, Some(s.category));
                text(row, Some(s.role));
                number(row, s.starting_point_months);
            }
            None => {
                for _ in 0..4 {
                    text(row, None);
                }
            }
        }
        number(row, r4(r.ratio_to_starting_point));
        text(row, r.applicable_system);
        number(row, r4(r.share_of_applicable_maximum));
        csv.write_byte_record(row)
    }

    /// The writer, every row written to it.
    pub fn into_inner(self) -> csv::Result<W> {
        self.csv
            .into_inner()
            .map_err(|e| csv::Error::from(e.into_error()))
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
    let mut out = csv_writer(Vec::new());
    write_aggregates_csv(&mut out, groups).expect("writing to a Vec does not fail");
    String::from_utf8(out.into_inner().expect("writing to a Vec does not fail"))
        .expect("the figures are UTF-8")
}

fn write_aggregates_csv(
    out: &mut csv::Writer<Vec<u8>>,
    groups: &[GroupFigures],
) -> csv::Result<()> {
    out.write_record([
        "dimension",
        "group",
        "cases",
        "sentenced",
        "life_sentences",
        "share_n",
        "share_q1",
        "share_median",
        "share_q3",
        "starting_point_n",
        "starting_point_q1",
        "starting_point_median",
        "starting_point_q3",
    ])?;
    let mut numbers = Numbers::default();
    for g in groups {
        out.write_field(g.dimension)?;
        out.write_field(&g.group)?;
        for n in [g.cases, g.sentenced, g.life_sentences] {
            out.write_field(itoa::Buffer::new().format(n))?;
        }
        for q in [&g.share_of_maximum, &g.ratio_to_starting_point] {
            match q {
                Some(q) => {
                    out.write_field(itoa::Buffer::new().format(q.n))?;
                    for x in [q.q1, q.median, q.q3] {
                        out.write_field(numbers.of(round4(x)))?;
                    }
                }
                None => {
                    for field in ["0", "", "", ""] {
                        out.write_field(field)?;
                    }
                }
            }
        }
        out.write_record(None::<&[u8]>)?;
    }
    Ok(())
}

/// The aggregate figures as a table for people.
pub fn aggregates_table(counts: RunCounts, groups: &[GroupFigures], lang: &str) -> String {
    use comfy_table::{ContentArrangement, Table, presets};
    let mut t = Table::new();
    t.load_preset(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Disabled)
        .set_header(vec![
            msg!(static lang, "command-batch-head-by"),
            msg!(static lang, "command-batch-head-group"),
            msg!(static lang, "command-batch-head-cases"),
            msg!(static lang, "command-batch-head-sentenced"),
            msg!(static lang, "command-batch-head-share"),
            "Q1",
            msg!(static lang, "command-batch-head-median"),
            "Q3",
            msg!(static lang, "command-batch-head-starting"),
            "Q1",
            msg!(static lang, "command-batch-head-median"),
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
    format!("{}\n{t}", counts_line(counts, lang))
}

/// How many records a run read, evaluated and rejected: the first line of
/// [`aggregates_table`], and the last message of a run that rejected records.
pub fn counts_line(counts: RunCounts, lang: &str) -> String {
    msg!(
        lang,
        "command-batch-counts",
        records = counts.records,
        evaluated = counts.evaluated,
        rejected = counts.rejected
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
}
