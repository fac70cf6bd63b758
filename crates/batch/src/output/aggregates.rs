//! The aggregate figures: a final JSON line, a CSV file, a table for people, the counts line.

use super::*;

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
