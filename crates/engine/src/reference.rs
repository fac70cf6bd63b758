//! The reference interpreter: a condition's tree walked against a case by name
//! ([`Expr::eval`](super::condition::Expr::eval)). The engine evaluates the compiled
//! [`Plan`](super::plan::Plan); the tests compare it with this, which is simple enough to
//! be checked by reading.

use std::collections::{BTreeMap, HashMap};

use super::Status;
use super::condition::{Context, Operand};
use qualif_law::facts::{Case, Value};
use qualif_law::law::{System, SystemKind};

/// A case, the parameters of a system (a national system's own, or those of the state an
/// instrument is read for), and the statuses of the system's provisions, by identifier.
pub struct CaseContext<'c> {
    pub case: &'c Case,
    pub parameters: Option<&'c BTreeMap<String, Value>>,
    pub statuses: HashMap<&'c str, Status>,
}

impl<'c> CaseContext<'c> {
    /// The context of `system` (an instrument read for `state` when given), with no status
    /// known yet.
    pub fn new(case: &'c Case, system: &'c System, state: Option<&'c System>) -> Self {
        let parameters = match system.kind {
            SystemKind::National => Some(&system.parameters),
            SystemKind::International => state.map(|s| &s.parameters),
        };
        Self {
            case,
            parameters,
            statuses: HashMap::new(),
        }
    }
}

impl Context for CaseContext<'_> {
    fn value(&self, operand: &Operand) -> Option<&Value> {
        match operand {
            Operand::Fact(k) => self.case.get(k),
            Operand::Parameter(k) => self.parameters.and_then(|p| p.get(k)),
        }
    }

    fn status(&self, provision: &str) -> Option<Status> {
        self.statuses.get(provision).copied()
    }
}

/// One provision as the reference evaluates it: the version in force, the value of each of
/// its elements and aggravations, the status, and the base penalty raised by the
/// aggravations that apply.
#[derive(Debug, Clone)]
pub struct Reference<'a> {
    pub version: Option<&'a qualif_law::law::Version>,
    pub elements: Vec<super::logic::Tri>,
    pub aggravations: Vec<super::logic::Tri>,
    pub status: Status,
    pub penalty: Option<&'a qualif_law::law::Penalty>,
}

/// The same version (by identity), values, status and penalty.
impl PartialEq for Reference<'_> {
    fn eq(&self, other: &Self) -> bool {
        let same_version = match (self.version, other.version) {
            (Some(a), Some(b)) => std::ptr::eq(a, b),
            (a, b) => a.is_none() && b.is_none(),
        };
        same_version
            && self.elements == other.elements
            && self.aggravations == other.aggravations
            && self.status == other.status
            && self.penalty == other.penalty
    }
}

/// Every provision of `system` (an instrument read for `state` when given), in the order of
/// the data file, evaluated by walking each condition's tree, in the system's evaluation
/// order (a provision after those it names).
pub fn evaluate_system<'a>(
    system: &'a System,
    state: Option<&'a System>,
    case: &Case,
    law_date: chrono::NaiveDate,
) -> Vec<Reference<'a>> {
    use super::logic::Tri;
    let mut ctx = CaseContext::new(case, system, state);
    let mut out: Vec<Option<Reference>> = vec![None; system.provisions.len()];
    for &i in &system.evaluation_order {
        let p = &system.provisions[i];
        let r = match p.version_at(law_date) {
            // No version in force: before the first version of a provision that did not
            // create the offence, the data says nothing (possible); else not, or no
            // longer, an offence (excluded).
            None => Reference {
                version: None,
                elements: Vec::new(),
                aggravations: Vec::new(),
                status: match p.first_in_force() {
                    Some(first) if law_date < first && !p.new_offence => Status::Possible,
                    _ => Status::Excluded,
                },
                penalty: None,
            },
            Some(v) => {
                let elements: Vec<Tri> = v.elements.iter().map(|e| e.when.eval(&ctx)).collect();
                let aggravations: Vec<Tri> =
                    v.aggravations.iter().map(|a| a.when.eval(&ctx)).collect();
                let overall = elements.iter().fold(Tri::True, |acc, t| acc.and(*t));
                let status = match overall {
                    Tri::True => Status::Applies,
                    Tri::False => Status::Excluded,
                    Tri::Unknown => Status::Possible,
                };
                // Absorbed by a provision it gives way to that applies.
                let absorbed = v
                    .subsidiary_to
                    .iter()
                    .any(|x| ctx.statuses.get(x.as_str()) == Some(&Status::Applies));
                let status = if absorbed { Status::Excluded } else { status };
                let mut penalty = &v.penalty;
                let mut winner = i64::MIN;
                for (a, t) in v.aggravations.iter().zip(&aggravations) {
                    if *t == Tri::True {
                        super::qualify::raise(&mut penalty, &mut winner, &a.penalty, a.priority);
                    }
                }
                Reference {
                    version: Some(v),
                    elements,
                    aggravations,
                    status,
                    penalty: Some(penalty),
                }
            }
        };
        ctx.statuses.insert(&p.id, r.status);
        out[i] = Some(r);
    }
    out.into_iter().flatten().collect()
}

/// The case with the law book's presumptions applied, in order, by walking their
/// conditions: each fact the case does not state takes its presumed value when the
/// condition holds. What the plan evaluates a case as.
pub fn presume(book: &qualif_law::law::LawBook, case: &Case, today: chrono::NaiveDate) -> Case {
    let mut out = case.clone();
    for p in &book.presumptions {
        if out.is_known(&p.fact) {
            continue;
        }
        let ctx = CaseContext {
            case: &out,
            parameters: None,
            statuses: HashMap::new(),
        };
        if p.when.eval(&ctx) == super::logic::Tri::True {
            out.set(&p.fact, Some(p.value.clone()), &book.vocabulary, today);
        }
    }
    out
}
