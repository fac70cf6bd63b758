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

/// One case's result as a JSON line (without the newline), appended to `out`.
///
/// Written by hand rather than through `#[derive(Serialize)]` structs: this runs for every
/// case, and most of what it writes (provision ids, citations, codes) needs no escape, which
/// `json_str` checks before copying. The bytes are those serde_json writes for the same
/// object (numbers and escapes are left to serde_json itself); `tests/batch.rs` compares
/// whole runs with their snapshots.
pub fn json_line(out: &mut Vec<u8>, r: &CaseResult) {
    out.extend_from_slice(b"{\"kind\":\"case\",\"line\":");
    out.extend_from_slice(itoa::Buffer::new().format(r.line).as_bytes());
    out.extend_from_slice(b",\"law_date\":\"");
    write_date(out, r.law_date);
    out.extend_from_slice(b"\",\"place\":");
    json_opt_str(out, r.place);
    out.extend_from_slice(b",\"court_country\":");
    json_opt_str(out, r.court_country);
    out.extend_from_slice(b",\"imposed_months\":");
    json_num(out, r.imposed_months);
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
        json_str(out, s.system);
        out.extend_from_slice(b",\"leading\":");
        match &s.leading {
            Some(l) => {
                out.extend_from_slice(b"{\"id\":");
                json_str(out, &l.provision.id);
                out.extend_from_slice(b",\"citation\":");
                json_str(out, &l.provision.citation);
                out.extend_from_slice(b",\"max_prison_months\":");
                json_num(out, l.max_prison_months);
                out.extend_from_slice(if l.life {
                    b",\"life\":true}"
                } else {
                    b",\"life\":false}"
                });
            }
            None => out.extend_from_slice(b"null"),
        }
        out.extend_from_slice(b",\"share_of_maximum\":");
        json_num(out, r4(s.share_of_maximum));
        out.push(b'}');
    }
    out.extend_from_slice(b"],\"scale\":");
    match &r.scale {
        Some(s) => {
            out.extend_from_slice(b"{\"guideline\":");
            json_str(out, s.guideline);
            out.extend_from_slice(b",\"category\":");
            json_str(out, s.category);
            out.extend_from_slice(b",\"role\":");
            json_str(out, s.role);
            out.extend_from_slice(b",\"starting_point_months\":");
            json_num(out, s.starting_point_months);
            out.extend_from_slice(b",\"starting_point\":");
            json_str(out, &s.starting_point_text);
            out.push(b'}');
        }
        None => out.extend_from_slice(b"null"),
    }
    out.extend_from_slice(b",\"ratio_to_starting_point\":");
    json_num(out, r4(r.ratio_to_starting_point));
    out.extend_from_slice(b",\"applicable_system\":");
    json_opt_str(out, r.applicable_system);
    out.extend_from_slice(b",\"share_of_applicable_maximum\":");
    json_num(out, r4(r.share_of_applicable_maximum));
    out.push(b'}');
}

/// A JSON text: copied between quotes when it holds nothing to escape (the usual case),
/// else escaped by serde_json.
fn json_str(out: &mut Vec<u8>, s: &str) {
    if needs_escape(s.as_bytes()) {
        serde_json::to_writer(out, s).expect("writing to a Vec does not fail");
    } else {
        out.push(b'"');
        out.extend_from_slice(s.as_bytes());
        out.push(b'"');
    }
}

/// Whether a text holds a byte JSON escapes: a control character, a quote or a backslash.
///
/// Eight bytes at a time: every result writes a dozen texts (provision ids, citations of
/// forty bytes and more), and a test of byte after byte cost some 2,000 instructions a case.
/// Within a word, a byte below 0x20 is found as a borrow out of its subtraction (the
/// "has less than" test of the bit-twiddling hacks, exact for the question "is there one?"),
/// and a quote or a backslash as a zero byte once the word is xored with copies of it.
fn needs_escape(bytes: &[u8]) -> bool {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGHS: u64 = u64::from_ne_bytes([0x80; 8]);
    let below = |word: u64, n: u8| word.wrapping_sub(ONES * u64::from(n)) & !word & HIGHS != 0;
    let has = |word: u64, b: u8| below(word ^ (ONES * u64::from(b)), 1);
    let mut words = bytes.chunks_exact(8);
    for chunk in &mut words {
        let word = u64::from_ne_bytes(chunk.try_into().expect("8 bytes"));
        if below(word, 0x20) || has(word, b'"') || has(word, b'\\') {
            return true;
        }
    }
    words
        .remainder()
        .iter()
        .any(|&b| b < 0x20 || b == b'"' || b == b'\\')
}

fn json_opt_str(out: &mut Vec<u8>, s: Option<&str>) {
    match s {
        Some(s) => json_str(out, s),
        None => out.extend_from_slice(b"null"),
    }
}

/// A number as serde_json writes it (`null` when absent or not finite).
fn json_num(out: &mut Vec<u8>, x: Option<f64>) {
    serde_json::to_writer(out, &x).expect("writing to a Vec does not fail");
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

    /// The hand-written JSON of a text is serde_json's, escapes included.
    #[test]
    fn a_text_is_written_as_serde_json_writes_it() {
        for s in [
            "",
            "FR.227-23.possession",
            "Code pénal, art. 383bis §2",
            "a \"quoted\" word",
            "back\\slash",
            "tab\tand\nnewline\r",
            "\u{0}\u{1f}\u{7f}",
            "😀 emoji",
        ] {
            assert_eq!(
                written(|o| json_str(o, s)),
                serde_json::to_string(s).unwrap()
            );
        }
    }

    /// Each byte that JSON escapes is found wherever it sits in a word, among bytes that
    /// come close to it (0x1f, 0x20, 0x21, 0x23, 0x5b, 0x5d, 0x7f, 0x80, 0xff).
    #[test]
    fn a_byte_to_escape_is_found_anywhere() {
        let near = [0x20u8, 0x21, 0x23, 0x5b, 0x5d, 0x7f, 0x80, 0xff, b'a'];
        for len in 0..20 {
            for &filler in &near {
                let plain = vec![filler; len];
                assert!(!needs_escape(&plain), "{plain:?}");
                for at in 0..len {
                    for bad in [0x00u8, 0x01, 0x1f, b'"', b'\\'] {
                        let mut bytes = plain.clone();
                        bytes[at] = bad;
                        assert!(needs_escape(&bytes), "{bytes:?}");
                    }
                }
            }
        }
    }

    proptest! {
        /// Any text, and any date of years 0 to 9999 and beyond, as the shared writers
        /// give them.
        #[test]
        fn texts_and_dates_are_written_as_elsewhere(s in any::<String>(), days in -800_000i32..3_700_000) {
            prop_assert_eq!(written(|o| json_str(o, &s)), serde_json::to_string(&s).unwrap());
            let d = chrono::NaiveDate::from_num_days_from_ce_opt(days).expect("a date");
            prop_assert_eq!(written(|o| write_date(o, d)), d.format("%Y-%m-%d").to_string());
        }
    }
}
