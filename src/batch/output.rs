//! Batch output: one result per case (JSON Lines or CSV), then the aggregate figures (a
//! final JSON line, a CSV file, and a table for people).

use std::fmt::Write;

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

#[derive(Serialize)]
struct LeadingJson<'a> {
    id: &'a str,
    citation: &'a str,
    max_prison_months: Option<f64>,
    life: bool,
}

#[derive(Serialize)]
struct SystemJson<'a> {
    id: &'a str,
    leading: Option<LeadingJson<'a>>,
    share_of_maximum: Option<f64>,
}

#[derive(Serialize)]
struct ScaleJson<'a> {
    guideline: &'a str,
    category: &'a str,
    role: &'a str,
    starting_point_months: Option<f64>,
    starting_point: &'a str,
}

#[derive(Serialize)]
struct ResultJson<'a> {
    kind: &'static str,
    line: u64,
    law_date: String,
    place: Option<&'a str>,
    court_country: Option<&'a str>,
    imposed_months: Option<f64>,
    life_sentence: Option<bool>,
    systems: Vec<SystemJson<'a>>,
    scale: Option<ScaleJson<'a>>,
    ratio_to_starting_point: Option<f64>,
    applicable_system: Option<&'a str>,
    share_of_applicable_maximum: Option<f64>,
}

/// One case's result as a JSON line (without the newline).
pub fn json_line(r: &CaseResult) -> String {
    let j = ResultJson {
        kind: "case",
        line: r.line,
        law_date: crate::facts::format_date(r.law_date),
        place: r.place.as_deref(),
        court_country: r.court_country.as_deref(),
        imposed_months: r.imposed_months,
        life_sentence: r.life_sentence,
        systems: r
            .systems
            .iter()
            .map(|s| SystemJson {
                id: s.system,
                leading: s.leading.as_ref().map(|l| LeadingJson {
                    id: &l.provision.id,
                    citation: &l.provision.citation,
                    max_prison_months: l.max_prison_months,
                    life: l.life,
                }),
                share_of_maximum: r4(s.share_of_maximum),
            })
            .collect(),
        scale: r.scale.as_ref().map(|s| ScaleJson {
            guideline: s.guideline,
            category: s.category,
            role: s.role,
            starting_point_months: s.starting_point_months,
            starting_point: &s.starting_point_text,
        }),
        ratio_to_starting_point: r4(r.ratio_to_starting_point),
        applicable_system: r.applicable_system,
        share_of_applicable_maximum: r4(r.share_of_applicable_maximum),
    };
    serde_json::to_string(&j).expect("JSON values serialise")
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
/// [`csv_header`].
pub fn csv_line(r: &CaseResult) -> String {
    let mut out = String::with_capacity(256);
    let push = |out: &mut String, s: &str| {
        if !out.is_empty() {
            out.push(',');
        }
        field(out, s);
    };
    // A number, written in place (as `num` writes it: it never needs quotes).
    let push_num = |out: &mut String, x: Option<f64>| {
        out.push(',');
        if let Some(v) = x {
            write!(out, "{v}").expect("writing to a String does not fail");
        }
    };
    // The first field may be empty only if it is not the first: `line` never is.
    write!(out, "{},{}", r.line, crate::facts::format_date(r.law_date))
        .expect("writing to a String does not fail");
    push(&mut out, r.place.as_deref().unwrap_or(""));
    push(&mut out, r.court_country.as_deref().unwrap_or(""));
    push_num(&mut out, r.imposed_months);
    push(&mut out, flag(r.life_sentence));
    for s in &r.systems {
        match &s.leading {
            Some(l) => {
                push(&mut out, &l.provision.id);
                push_num(&mut out, l.max_prison_months);
                push(&mut out, flag(Some(l.life)));
            }
            None => {
                push(&mut out, "");
                push(&mut out, "");
                push(&mut out, "");
            }
        }
        push_num(&mut out, r4(s.share_of_maximum));
    }
    match &r.scale {
        Some(s) => {
            push(&mut out, s.guideline);
            push(&mut out, s.category);
            push(&mut out, s.role);
            push_num(&mut out, s.starting_point_months);
        }
        None => {
            for _ in 0..4 {
                push(&mut out, "");
            }
        }
    }
    push_num(&mut out, r4(r.ratio_to_starting_point));
    push(&mut out, r.applicable_system.unwrap_or(""));
    push_num(&mut out, r4(r.share_of_applicable_maximum));
    out
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
    format!(
        "{} records: {} evaluated, {} rejected\n{t}",
        counts.records, counts.evaluated, counts.rejected
    )
}
