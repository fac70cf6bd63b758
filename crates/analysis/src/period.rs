//! A period of facts: acts from a first date (`case.first_date_of_facts`) to a last one
//! (`case.date_of_facts`). The law applied is the one in force at the last act; when the
//! period spans a change of the law, this says, for each system, what the law in force at
//! the first act made of the acts (the qualification a prosecutor would then have retained
//! and its penalty), whether it was milder, the dates on which the provision applied
//! changed within the period, and, where the system's rule makes each act's limitation run
//! from its own date, until when the first acts can be prosecuted. Generic: the system's
//! rule (`[system.period]`) is data; the words are the catalog's.

use std::cmp::Ordering;

use chrono::NaiveDate;

use crate::concurrence::{self, Concurrence};
use qualif_engine::limitation::Deadline;
use qualif_engine::logic::Tri;
use qualif_engine::plan::Plan;
use qualif_engine::{Assessment, LawDateNotice, SystemResult, assess};
use qualif_law::facts::Case;
use qualif_law::law::{Penalty, PeriodLimitation, PeriodRule, Provision, System};

/// What a period of facts changes, system by system.
#[derive(Debug, Clone)]
pub struct Period<'a> {
    pub first: NaiveDate,
    pub last: NaiveDate,
    /// By system of the assessment, in its order.
    pub systems: Vec<SystemPeriod<'a>>,
}

/// The qualification a prosecutor would retain under the law of one date, and its certain
/// penalty.
#[derive(Debug, Clone)]
pub struct RetainedAt<'a> {
    pub provision: &'a Provision,
    pub penalty: Option<Penalty>,
}

/// One system over the period.
#[derive(Debug, Clone)]
pub struct SystemPeriod<'a> {
    pub system: &'a System,
    /// The system's rule for a period, when the data gives one.
    pub rule: Option<&'a PeriodRule>,
    /// Under the law at the last act (the law applied).
    pub at_last: Option<RetainedAt<'a>>,
    /// Under the law at the first act, with the facts as they stood then.
    pub at_first: Option<RetainedAt<'a>>,
    /// The dates, after the first act and up to the last, on which a version of the
    /// provision retained at the last act entered into force: the law changed within the
    /// period. A provision created within it (no version at the first act) gives its first
    /// version's date.
    pub changes: Vec<NaiveDate>,
    /// How the penalty retained at the first act compares with the one applied: `Less`,
    /// milder then; `None` when either is missing or the sources do not allow a comparison.
    pub first_penalty_is: Option<Ordering>,
    /// Until when the first acts can be prosecuted, where the system's rule makes each act's
    /// limitation run from its own date (the limitation of the qualification retained at the
    /// first act), when it can be computed.
    pub first_acts_deadline: Option<Deadline>,
}

impl SystemPeriod<'_> {
    /// Whether the law changed within the period for what is retained: another
    /// qualification or another penalty at the first act, or a new version in between.
    pub fn spans_a_change(&self) -> bool {
        fn provision<'r>(r: &'r Option<RetainedAt>) -> Option<&'r str> {
            r.as_ref().map(|r| r.provision.id.as_str())
        }
        fn penalty<'r>(r: &'r Option<RetainedAt>) -> Option<&'r Penalty> {
            r.as_ref().and_then(|r| r.penalty.as_ref())
        }
        !self.changes.is_empty()
            || provision(&self.at_first) != provision(&self.at_last)
            || penalty(&self.at_first) != penalty(&self.at_last)
    }
}

/// The leading qualification of one system's concurrence.
fn retained<'a>(c: &Concurrence, r: &SystemResult<'a>) -> Option<RetainedAt<'a>> {
    let g = c.leading.as_ref()?;
    let q = &r.qualifications;
    Some(RetainedAt {
        provision: q[g.members[0]].provision,
        penalty: q[g.certain].penalty.clone(),
    })
}

/// The dates in `(first, last]` on which a version of `p` entered into force.
fn changes_within(p: &Provision, first: NaiveDate, last: NaiveDate) -> Vec<NaiveDate> {
    let mut dates: Vec<NaiveDate> = p
        .versions
        .iter()
        .map(|v| v.from)
        .filter(|d| *d > first && *d <= last)
        .collect();
    dates.sort();
    dates.dedup();
    dates
}

/// The period of `case`, read against `assessment` (the law at the last act) and its
/// `concurrence`: `None` when the case gives no period, or the law applied is not the
/// one of the facts (`--date`).
pub fn period<'a>(
    plan: &Plan<'a>,
    case: &Case,
    assessment: &Assessment<'a>,
    concurrence: &[Concurrence],
    today: NaiveDate,
) -> Option<Period<'a>> {
    if assessment
        .warnings
        .iter()
        .any(|w| matches!(w, LawDateNotice::Requested(_)))
    {
        return None;
    }
    let first = case.date("case.first_date_of_facts")?;
    let last = case.date("case.date_of_facts")?;
    let then = case.at_first_act(&plan.book().vocabulary, today)?;
    let ids: Vec<String> = assessment
        .systems
        .iter()
        .map(|r| r.system.id.clone())
        .collect();
    let earlier = assess(plan, &then, &ids, None, today);
    let prepared = plan.prepare(&then);
    let engaged = |c: &str| plan.conduct(&prepared, c).unwrap_or(Tri::True) != Tri::False;
    let earlier_concurrence = concurrence::resolve_each(&earlier, engaged);
    let systems = assessment
        .systems
        .iter()
        .zip(concurrence)
        .zip(earlier.systems.iter().zip(&earlier_concurrence))
        .map(|((r, c), (e, ce))| {
            let at_last = retained(c, r);
            let at_first = retained(ce, e);
            let changes = at_last
                .as_ref()
                .map(|a| changes_within(a.provision, first, last))
                .unwrap_or_default();
            let first_penalty_is = match (&at_first, &at_last) {
                (Some(f), Some(l)) => match (&f.penalty, &l.penalty) {
                    (Some(fp), Some(lp)) => fp.severity_cmp(lp),
                    _ => None,
                },
                _ => None,
            };
            let rule = r.system.period.as_ref();
            let each_act = rule.is_some_and(|p| p.limitation_from == PeriodLimitation::EachAct);
            let first_acts_deadline = ce
                .leading
                .as_ref()
                .filter(|_| each_act)
                .and_then(|g| e.qualifications[g.members[0]].limitation.as_ref())
                .map(|l| l.deadline.clone())
                .filter(|d| !matches!(d, Deadline::Unknown));
            SystemPeriod {
                system: r.system,
                rule,
                at_last,
                at_first,
                changes,
                first_penalty_is,
                first_acts_deadline,
            }
        })
        .collect();
    Some(Period {
        first,
        last,
        systems,
    })
}
