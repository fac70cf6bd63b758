//! The threshold explorer: for one set of facts, how every system's answer moves as one
//! fact varies (`qualif explore CASE --vary FACT=RANGE`).
//!
//! Each value is analysed with the one compiled plan, the case differing by that fact
//! only ([`crate::analyse`]); for each national system the ladder keeps the
//! qualification retained (concurrence's leading group), its maximum and minimum, and the
//! status of the main international floor (see [`crate::compare::floor`]). The thresholds
//! — the values where a system's answer changes — are found from the law
//! ([`critical`]): evaluated at every constant the fact is compared with and on both sides,
//! so that none falls between two rows unseen.

pub mod critical;
pub mod spec;

use chrono::NaiveDate;

use crate::compare::floor::{FloorStatus, main_floor};
use crate::{Request, analyse};
use qualif_engine::Status;
use qualif_engine::plan::Plan;
use qualif_law::facts::{Case, FactType, Value, age_source};
use qualif_law::law::{Penalty, Provision, System, SystemKind};
pub use spec::{Range, Spec, SpecError};

/// The qualification a system retains for one value.
#[derive(Debug, Clone)]
pub struct Lead<'a> {
    /// The provision that applies first in the group (the one retained).
    pub provision: &'a Provision,
    /// The member whose penalty is certain on these facts (usually `provision`).
    pub certain: &'a Provision,
    /// Its penalty for these facts.
    pub penalty: Option<Penalty>,
    /// The version applied (its first day).
    pub version_from: Option<NaiveDate>,
    /// The member whose more severe penalty a further fact would establish.
    pub if_established: Option<&'a Provision>,
}

/// The main international floor for one value.
#[derive(Debug, Clone)]
pub struct Floor<'a> {
    pub status: FloorStatus,
    /// The instrument's id, the obligation and its minimum maximum in months.
    pub obligation: Option<(&'a str, &'a Provision, f64)>,
}

/// One system's answer for one value.
#[derive(Debug, Clone)]
pub struct Answer<'a> {
    pub lead: Option<Lead<'a>>,
    /// When nothing applies: the most severe possible qualification.
    pub possible: Option<&'a Provision>,
    pub floor: Floor<'a>,
    /// The status of each provision of the system, in its order.
    pub statuses: Vec<Status>,
}

impl Answer<'_> {
    /// What a row shows: equal rows show the same.
    fn shown(&self) -> impl PartialEq + '_ {
        (
            self.lead.as_ref().map(|l| {
                (
                    &l.provision.id,
                    &l.certain.id,
                    l.penalty.as_ref().map(|p| (p.prison_max, p.prison_min)),
                    l.if_established.map(|p| &p.id),
                )
            }),
            self.possible.map(|p| &p.id),
            self.floor.status,
        )
    }
}

/// Every system's answer for one value.
#[derive(Debug, Clone)]
pub struct Point<'a> {
    pub value: Value,
    /// By system, in [`Ladder::systems`]' order.
    pub answers: Vec<Answer<'a>>,
}

/// What changes at a threshold.
#[derive(Debug, Clone)]
pub enum Change<'a> {
    /// The provision applies from here (it did not just before).
    Applies(&'a Provision),
    /// It no longer applies from here.
    NoLongerApplies(&'a Provision),
    /// It becomes possible (a fact still unknown decides it), from excluded.
    Possible(&'a Provision),
    /// It is excluded from here, where it was possible.
    NoLongerPossible(&'a Provision),
    /// The retained provision is another one (`None`: nothing certain).
    Retained {
        from: Option<&'a Provision>,
        to: Option<&'a Provision>,
    },
    /// The same provision retained, with another penalty (an aggravation, a new version).
    Penalty {
        provision: &'a Provision,
        from: Box<Option<Penalty>>,
        to: Box<Option<Penalty>>,
    },
    /// The same provision retained, in another version with the same penalty.
    Version {
        provision: &'a Provision,
        from: NaiveDate,
    },
    /// The main international floor's status.
    Floor { from: FloorStatus, to: FloorStatus },
}

/// A value where one system's answer changes.
#[derive(Debug, Clone)]
pub struct Threshold<'a> {
    /// The system, by index in [`Ladder::systems`].
    pub system: usize,
    /// The value evaluated just before, and the first value with the new answer.
    pub before: Value,
    pub at: Value,
    pub changes: Vec<Change<'a>>,
}

/// The answers of every system as one fact varies.
#[derive(Debug, Clone)]
pub struct Ladder<'a> {
    pub fact: String,
    pub ty: FactType,
    /// The national systems shown, in the law book's order.
    pub systems: Vec<&'a System>,
    /// The rows: the values asked for (for a date: the first, then every date where an
    /// answer changes).
    pub rows: Vec<Point<'a>>,
    /// Every value where an answer changes, by value then system.
    pub thresholds: Vec<Threshold<'a>>,
    /// A birth date the case states that the varied age replaces.
    pub replaced: Option<&'static str>,
    /// How many values were evaluated (rows and points found from the law).
    pub evaluated: usize,
}

/// One system's answer in an analysis.
fn answer<'a>(
    analysis: &crate::Analysis<'a, '_>,
    comparison: &crate::compare::Comparison<'_>,
    i: usize,
) -> Answer<'a> {
    let book: &'a qualif_law::law::LawBook = analysis.plan().book();
    let r = &analysis.assessment.systems[i];
    let c = &analysis.concurrence[i];
    let q = &r.qualifications;
    let lead = c.leading.as_ref().map(|g| Lead {
        provision: q[g.members[0]].provision,
        certain: q[g.certain].provision,
        penalty: q[g.certain].penalty.clone(),
        version_from: q[g.certain].version.map(|v| v.from),
        if_established: g.if_established.map(|h| q[h].provision),
    });
    let floor = main_floor(&analysis.assessment, &comparison.readings, &r.system.id);
    Answer {
        lead,
        possible: c
            .leading
            .is_none()
            .then(|| c.possible.map(|p| q[p].provision))
            .flatten(),
        floor: Floor {
            status: floor.status,
            obligation: floor.obligation.and_then(|(inst, o, m)| {
                let system = book.system(inst)?;
                Some((system.id.as_str(), system.provision(&o.provision.id)?, m))
            }),
        },
        statuses: q.iter().map(|x| x.status).collect(),
    }
}

/// Analyses `case` with `key` set to `value` and returns the answers of the systems at
/// `indices` (in the assessment of every system).
fn evaluate<'a>(
    plan: &Plan<'a>,
    base: &Case,
    key: &str,
    value: &Value,
    today: NaiveDate,
    indices: &[usize],
) -> Vec<Answer<'a>> {
    let mut case = base.clone();
    case.set(key, Some(value.clone()), &plan.book().vocabulary, today);
    let analysis = analyse(plan, None, &case, &Request::default(), today);
    let comparison = analysis.comparison();
    // The answers borrow the law book only: copy what they hold out of the analysis.
    indices
        .iter()
        .map(|&i| answer(&analysis, &comparison, i))
        .collect()
}

/// What changes between two answers of one system.
fn changes<'a>(system: &'a System, a: &Answer<'a>, b: &Answer<'a>) -> Vec<Change<'a>> {
    let mut out = Vec::new();
    let (la, lb) = (a.lead.as_ref(), b.lead.as_ref());
    match (la, lb) {
        (Some(x), Some(y)) if x.provision.id == y.provision.id => {
            if x.penalty != y.penalty {
                out.push(Change::Penalty {
                    provision: y.provision,
                    from: Box::new(x.penalty.clone()),
                    to: Box::new(y.penalty.clone()),
                });
            } else if x.version_from != y.version_from
                && let Some(from) = y.version_from
            {
                out.push(Change::Version {
                    provision: y.provision,
                    from,
                });
            }
        }
        (None, None) => {}
        _ => out.push(Change::Retained {
            from: la.map(|l| l.provision),
            to: lb.map(|l| l.provision),
        }),
    }
    for (i, p) in system.provisions.iter().enumerate() {
        let (sa, sb) = (a.statuses.get(i), b.statuses.get(i));
        if sa == sb {
            continue;
        }
        match (sa, sb) {
            (_, Some(Status::Applies)) => out.push(Change::Applies(p)),
            (Some(Status::Applies), _) => out.push(Change::NoLongerApplies(p)),
            (_, Some(Status::Possible)) => out.push(Change::Possible(p)),
            (Some(Status::Possible), _) => out.push(Change::NoLongerPossible(p)),
            _ => {}
        }
    }
    if a.floor.status != b.floor.status {
        out.push(Change::Floor {
            from: a.floor.status,
            to: b.floor.status,
        });
    }
    out
}

/// The ladder of `case` as `spec` varies, for the national systems `systems` (all when
/// empty). `today` stands in for a missing date of the facts, as everywhere.
pub fn explore<'a>(
    plan: &Plan<'a>,
    case: &Case,
    spec: &Spec,
    systems: &[String],
    today: NaiveDate,
) -> Ladder<'a> {
    let book = plan.book();
    let mut base = case.clone();
    // A stated birth date decides the age: the varied age replaces it.
    let replaced = age_source(&spec.key).filter(|b| base.is_known(b));
    if let Some(b) = replaced {
        base.set(b, None, &book.vocabulary, today);
    }
    let indices: Vec<usize> = book
        .systems
        .iter()
        .enumerate()
        .filter(|(_, s)| s.kind == SystemKind::National)
        .filter(|(_, s)| systems.is_empty() || systems.contains(&s.id))
        .map(|(i, _)| i)
        .collect();
    let shown: Vec<&System> = indices.iter().map(|&i| &book.systems[i]).collect();
    let samples = spec.samples();
    // Every value evaluated, in order: the rows and the points found from the law.
    let points: Vec<Value> = match &spec.range {
        Range::Number { from, to, .. } => {
            let mut p: Vec<i64> = critical::number_points(book, &base, &spec.key, *from, *to);
            p.extend(samples.iter().filter_map(|v| match v {
                Value::Int(i) => Some(*i),
                _ => None,
            }));
            p.sort_unstable();
            p.dedup();
            p.into_iter().map(Value::Int).collect()
        }
        Range::Date { from, to } => critical::date_points(book, &base, *from, *to)
            .into_iter()
            .map(Value::Date)
            .collect(),
        Range::Each(values) => values.clone(),
    };
    let evaluated: Vec<(Value, Vec<Answer<'a>>)> = points
        .iter()
        .map(|v| {
            (
                v.clone(),
                evaluate(plan, &base, &spec.key, v, today, &indices),
            )
        })
        .collect();
    let mut thresholds = Vec::new();
    for w in evaluated.windows(2) {
        let ((va, aa), (vb, ab)) = (&w[0], &w[1]);
        for (s, system) in shown.iter().enumerate() {
            let c = changes(system, &aa[s], &ab[s]);
            if !c.is_empty() {
                thresholds.push(Threshold {
                    system: s,
                    before: va.clone(),
                    at: vb.clone(),
                    changes: c,
                });
            }
        }
    }
    let rows: Vec<Point<'a>> = match &spec.range {
        Range::Date { .. } => {
            let mut rows: Vec<Point> = Vec::new();
            for (v, answers) in &evaluated {
                let moved = rows.last().is_none_or(|last| {
                    last.answers
                        .iter()
                        .zip(answers)
                        .any(|(x, y)| x.shown() != y.shown())
                        || thresholds.iter().any(|t| &t.at == v)
                });
                if moved {
                    rows.push(Point {
                        value: v.clone(),
                        answers: answers.clone(),
                    });
                }
            }
            rows
        }
        _ => samples
            .iter()
            .filter_map(|s| {
                evaluated.iter().find(|(v, _)| v == s).map(|(v, a)| Point {
                    value: v.clone(),
                    answers: a.clone(),
                })
            })
            .collect(),
    };
    Ladder {
        fact: spec.key.clone(),
        ty: spec.ty,
        systems: shown,
        rows,
        thresholds,
        replaced,
        evaluated: evaluated.len(),
    }
}
