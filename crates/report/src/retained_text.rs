//! The conclusion of an assessment, for each system: the qualification a prosecutor would
//! retain (after concurrence), its penalty at the date of the facts, whether the state can
//! prosecute and until when — what a lawyer reads first. The rest of the results is the
//! annex.

use super::words;
use crate::catalog::labelled;
use std::cmp::Ordering;

use qualif_analysis::concurrence::{Concurrence, Retained};
use qualif_analysis::period::{Period, SystemPeriod};
use qualif_engine::limitation::Deadline;
use qualif_engine::logic::Tri;
use qualif_engine::{Qualification, SystemResult};
use qualif_law::law::PeriodLimitation;

/// A provision as a line names it: its citation.
fn cite<'q>(q: &'q Qualification) -> &'q str {
    &q.provision.citation
}

fn penalty(q: &Qualification, r: &SystemResult) -> String {
    q.penalty
        .as_ref()
        .map(|p| words::penalty(p, &r.system.language))
        .unwrap_or_default()
}

/// The line of one retained qualification (or group of alternatives).
fn group(g: &Retained, r: &SystemResult, lang: &str) -> String {
    let q = &r.qualifications;
    let first = &q[g.members[0]];
    let title = first.provision.title.get(lang);
    let mut line = format!("{} ({title}) — {}", cite(first), penalty(&q[g.certain], r));
    if g.members.len() > 1 {
        let others: Vec<&str> = g.members[1..].iter().map(|&m| cite(&q[m])).collect();
        line.push_str(&format!(
            "; {}",
            msg!(lang, "retained-unless", provisions = others.join(", "))
        ));
    }
    if let Some(h) = g.if_established {
        line.push_str(&format!(
            "; {}",
            msg!(
                lang,
                "retained-up-to",
                penalty = penalty(&q[h], r),
                provision = cite(&q[h])
            )
        ));
    }
    line
}

/// Whether the state can prosecute the retained qualification, and until when.
fn prosecution(q: &Qualification, lang: &str) -> String {
    let reach = match q.reach.as_ref().map(|r| r.can_prosecute) {
        Some(Tri::True) => {
            let grounds: Vec<&str> = q
                .reach
                .iter()
                .flat_map(|r| &r.grounds)
                .filter(|g| g.holds == Tri::True)
                .map(|g| g.rule.citation.as_str())
                .collect();
            msg!(lang, "retained-can-prosecute", grounds = grounds.join(", "))
        }
        Some(Tri::False) => msg!(lang, "retained-cannot-prosecute"),
        _ => msg!(lang, "retained-prosecution-unknown"),
    };
    let limitation = limitation_words(q.limitation.as_ref().map(|l| (&l.deadline, l.barred)), lang);
    format!(
        "{reach}{}{limitation}",
        crate::catalog::list_separator(lang)
    )
}

/// A limitation deadline in words (`barred`: whether it has passed at the date of
/// assessment).
fn limitation_words(deadline: Option<(&Deadline, Tri)>, lang: &str) -> String {
    match deadline {
        Some((Deadline::Never, _)) => msg!(lang, "retained-never-barred"),
        Some((Deadline::On(d), Tri::True)) if d.earliest == d.latest => {
            msg!(lang, "retained-barred-since", date = d.latest)
        }
        Some((Deadline::On(d), _)) if d.earliest == d.latest => {
            msg!(lang, "retained-barred-after", date = d.latest)
        }
        Some((Deadline::On(d), _)) => msg!(
            lang,
            "retained-barred-between",
            from = d.earliest,
            to = d.latest
        ),
        _ => msg!(lang, "retained-limitation-unknown"),
    }
}

/// The conclusion for one system, as lines (without a heading).
pub fn lines(c: &Concurrence, r: &SystemResult, lang: &str) -> Vec<String> {
    let q = &r.qualifications;
    let mut out = Vec::new();
    match &c.leading {
        Some(g) => {
            out.push(labelled(
                lang,
                msg!(static lang, "retained-heading"),
                &group(g, r, lang),
            ));
            out.push(format!(
                "  {}",
                labelled(
                    lang,
                    msg!(static lang, "retained-prosecution"),
                    &prosecution(&q[g.members[0]], lang)
                )
            ));
        }
        None => {
            let mut line = labelled(
                lang,
                msg!(static lang, "retained-heading"),
                msg!(static lang, "retained-nothing-certain"),
            );
            if let Some(p) = c.possible {
                line.push_str(&format!(
                    "; {}",
                    msg!(
                        lang,
                        "retained-possible",
                        provision = cite(&q[p]),
                        penalty = penalty(&q[p], r)
                    )
                ));
            }
            out.push(line);
        }
    }
    for g in &c.cumulative {
        out.push(format!(
            "  + {}",
            labelled(
                lang,
                msg!(static lang, "retained-cumulative"),
                &group(g, r, lang)
            )
        ));
    }
    for &(i, by) in &c.same_conduct {
        out.push(format!(
            "  = {}",
            labelled(
                lang,
                cite(&q[i]),
                &msg!(lang, "retained-same-conduct", provision = cite(&q[by]))
            )
        ));
    }
    for a in q.iter().filter(|a| a.absorbed_by.is_some()) {
        let by = a.absorbed_by.as_deref().unwrap_or_default();
        let by = q
            .iter()
            .find(|x| x.provision.id == by)
            .map(cite)
            .unwrap_or(by);
        out.push(format!(
            "  − {}",
            labelled(
                lang,
                cite(a),
                &msg!(lang, "retained-absorbed", provision = by)
            )
        ));
    }
    out
}

/// The period's findings for the system at `index` of the assessment (national systems
/// only: no one is prosecuted under an international instrument, so its law over the
/// period is not a question).
pub fn period_of<'p, 'a>(
    period: Option<&'p Period<'a>>,
    index: usize,
) -> Option<&'p SystemPeriod<'a>> {
    period
        .and_then(|p| p.systems.get(index))
        .filter(|sp| sp.system.kind == qualif_law::law::SystemKind::National)
}

/// The period of facts, one line (before the systems' lines).
pub fn period_span(p: &Period, lang: &str) -> String {
    labelled(
        lang,
        msg!(static lang, "period-heading"),
        &msg!(lang, "period-span", first = p.first, last = p.last),
    )
}

/// What the period changes in one system, as lines (the caller sets them under the
/// system's conclusion).
pub fn period_lines(sp: &SystemPeriod, lang: &str) -> Vec<String> {
    let mut out = Vec::new();
    let penalty_words = |p: &Option<qualif_law::law::Penalty>| match p {
        Some(p) => words::penalty(p, &sp.system.language),
        None => String::new(),
    };
    if !sp.spans_a_change() {
        out.push(msg!(static lang, "period-no-change").to_string());
    } else {
        if !sp.changes.is_empty() {
            let dates: Vec<String> = sp
                .changes
                .iter()
                .map(|d| crate::catalog::date(lang, *d))
                .collect();
            out.push(msg!(lang, "period-changed-on", dates = dates.join(", ")));
        }
        let mut line = match &sp.at_first {
            Some(r) => msg!(
                lang,
                "period-at-first",
                provision = r.provision.citation.as_str(),
                penalty = penalty_words(&r.penalty)
            ),
            None => msg!(lang, "period-at-first-nothing"),
        };
        let compared = match sp.first_penalty_is {
            Some(Ordering::Less) => Some(msg!(lang, "period-first-milder")),
            Some(Ordering::Greater) => Some(msg!(lang, "period-first-harsher")),
            Some(Ordering::Equal) => Some(msg!(lang, "period-first-same")),
            None => None,
        };
        if let Some(c) = compared {
            line.push_str(&format!("; {c}"));
        }
        out.push(line);
    }
    if let Some(d) = &sp.first_acts_deadline {
        out.push(labelled(
            lang,
            msg!(static lang, "period-first-acts"),
            &limitation_words(Some((d, Tri::Unknown)), lang),
        ));
    }
    out.push(match sp.rule {
        Some(r) => {
            let verification = words::verification(r.verification, lang);
            match r.limitation_from {
                PeriodLimitation::EachAct => {
                    msg!(lang, "period-rule-each-act", verification = verification)
                }
                PeriodLimitation::LastAct => {
                    msg!(lang, "period-rule-last-act", verification = verification)
                }
            }
        }
        None => msg!(lang, "period-no-rule"),
    });
    out
}
