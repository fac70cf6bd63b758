//! The report's ladders: how the answer changes with the child's age (for a child who is a
//! minor), and with the age gap when a close-in-age rule is in play. Built with the
//! threshold explorer ([`qualif_analysis::explore`]) on the analysis' plan; the chart is drawn here,
//! as the ladder it draws borrows the law book.

use chrono::NaiveDate;
use serde::Serialize;

use crate::explore_text::{floor_word, penalty_short, short, threshold_text, value_text};
use qualif_analysis::Analysis;
use qualif_analysis::explore::{Ladder, Range, Spec, explore};
use qualif_engine::Status;
use qualif_engine::condition::{Expr, Operand};
use qualif_law::facts::{AGE_GAP, FactType, Value};

/// One ladder, in words.
#[derive(Debug, Clone, Serialize)]
pub struct LadderSection {
    /// The fact varied (`victim.age`, `offender.age`).
    pub fact: String,
    pub title: String,
    /// What the section shows, in one sentence.
    pub intro: String,
    /// The national systems, the table's columns after the value.
    pub systems: Vec<String>,
    /// The fact's label, the first column's heading.
    pub fact_label: String,
    /// By row: the value, then by system the cell's lines; consecutive values with the
    /// same answer in every system share one row ("8–15").
    pub rows: Vec<Vec<String>>,
    /// The thresholds, one sentence each.
    pub thresholds: Vec<String>,
    /// The chart, as inline SVG (drawn for the HTML report; not in the JSON).
    #[serde(skip)]
    pub svg: String,
}

/// Consecutive rows whose answers are the same in every system, as one row whose value is
/// the first and the last joined by a dash.
fn merge_equal_rows(rows: Vec<Vec<String>>) -> Vec<Vec<String>> {
    let mut out: Vec<(Vec<String>, String)> = Vec::new();
    for row in rows {
        match out.last_mut() {
            Some((prev, last)) if prev[1..] == row[1..] => last.clone_from(&row[0]),
            _ => {
                let first = row[0].clone();
                out.push((row, first));
            }
        }
    }
    out.into_iter()
        .map(|(mut row, last)| {
            if row[0] != last {
                row[0] = format!("{}–{last}", row[0]);
            }
            row
        })
        .collect()
}

fn section(
    analysis: &Analysis,
    spec: &Spec,
    title: String,
    intro: String,
    lang: &str,
    today: NaiveDate,
) -> LadderSection {
    let book = analysis.plan().book();
    let vocab = &book.vocabulary;
    let l: Ladder = explore(analysis.plan(), analysis.case(), spec, &[], today);
    let rows: Vec<Vec<String>> = l
        .rows
        .iter()
        .map(|r| {
            let mut row = vec![value_text(&r.value, l.ty, &l.fact, vocab, lang)];
            row.extend(r.answers.iter().map(|a| {
                let head = match (&a.lead, a.possible) {
                    (Some(x), _) => format!(
                        "{} — {}",
                        short(x.provision),
                        penalty_short(x.penalty.as_ref(), lang)
                    ),
                    (None, Some(p)) => msg!(lang, "explore-cell-possible", provision = short(p)),
                    (None, None) => msg!(lang, "explore-cell-nothing"),
                };
                format!(
                    "{head}{}{}",
                    crate::catalog::list_separator(lang),
                    msg!(
                        lang,
                        "explore-cell-floor",
                        status = floor_word(a.floor.status, lang)
                    )
                )
            }));
            row
        })
        .collect();
    LadderSection {
        fact_label: vocab
            .fact(&l.fact)
            .map_or_else(|| l.fact.clone(), |f| f.label.get(lang).to_string()),
        rows: merge_equal_rows(rows),
        fact: l.fact.clone(),
        title,
        intro,
        systems: l.systems.iter().map(|s| s.id.clone()).collect(),
        thresholds: l
            .thresholds
            .iter()
            .map(|t| threshold_text(&l, t, vocab, lang))
            .collect(),
        svg: crate::document::ladder_chart(&l, vocab, lang),
    }
}

/// Whether a provision that applies or is possible reads the age gap: a close-in-age rule
/// is in play.
fn gap_in_play(analysis: &Analysis) -> bool {
    analysis
        .assessment
        .systems
        .iter()
        .flat_map(|r| &r.qualifications)
        .filter(|q| q.status != Status::Excluded)
        .filter_map(|q| q.version)
        .flat_map(|v| &v.elements)
        .any(|e| {
            let mut reads = false;
            e.when.walk(&mut |x| {
                if let Expr::Compare(Operand::Fact(k), _, _) = x {
                    reads |= k == AGE_GAP;
                }
            });
            reads
        })
}

/// The ladders of a case whose child is a minor (none otherwise).
pub fn ladders(analysis: &Analysis, lang: &str, today: NaiveDate) -> Vec<LadderSection> {
    let case = analysis.case();
    let Some(Value::Int(age)) = case.get("victim.age") else {
        return Vec::new();
    };
    let age = *age;
    if !(0..18).contains(&age) {
        return Vec::new();
    }
    let mut out = vec![section(
        analysis,
        &Spec {
            key: "victim.age".into(),
            ty: FactType::Integer,
            range: Range::Number {
                from: age.min(8),
                to: 17,
                step: 1,
            },
        },
        msg!(lang, "ladder-age-title"),
        msg!(lang, "ladder-age-intro", age = age),
        lang,
        today,
    )];
    if let Some(Value::Int(offender)) = case.get("offender.age")
        && gap_in_play(analysis)
    {
        out.push(section(
            analysis,
            &Spec {
                key: "offender.age".into(),
                ty: FactType::Integer,
                range: Range::Number {
                    from: age,
                    to: (age + 10).max(*offender).min(120),
                    step: 1,
                },
            },
            msg!(lang, "ladder-gap-title"),
            msg!(lang, "ladder-gap-intro", age = age, offender = *offender),
            lang,
            today,
        ));
    }
    out
}
