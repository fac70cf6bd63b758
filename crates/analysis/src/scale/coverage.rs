//! Which scales cover a case: a guideline sentences some conduct (its `covers`, conduct
//! classes of the vocabulary), and is shown only when a qualification retained for the case
//! covers one of those classes as the facts engage it.
//!
//! The retained conduct is read from the concurrence of each national system (no one is
//! sentenced under an international instrument): the conduct classes of the qualifications
//! a prosecutor would retain (the leading one, the cumulative ones and those retained as the
//! same conduct), each with what the facts make of it. Unknown is not false: a class whose
//! engagement rests on an unknown fact, or a qualification only possibly retained (an
//! alternative that would absorb the one that applies, the possible qualification of a
//! system where none is certain, or any qualification that may apply whose conduct the
//! facts establish), makes the scale *possible*, not hidden.

use serde::Serialize;

use super::Guideline;
use crate::concurrence::{Candidate, resolve, summary_candidates};
use qualif_engine::Status;
use qualif_engine::logic::Tri;
use qualif_engine::plan::SystemSummary;
use qualif_law::law::System;

/// What a guideline's coverage makes of a case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Coverage {
    /// No retained qualification covers a class the guideline sentences: not shown.
    NotCovered,
    /// One may: a fact that decides it is unknown.
    Possible,
    /// A retained qualification covers a class it sentences, and the facts engage it.
    Covered,
}

/// The conduct retained for a case: each class a retained qualification covers, with what
/// the facts make of it (`True` only for a qualification retained for certain).
#[derive(Debug, Clone, Default)]
pub struct RetainedConduct<'p> {
    classes: Vec<(&'p str, Tri)>,
}

impl<'p> RetainedConduct<'p> {
    /// Adds the conduct one system retains: `candidates` are its qualifications (see
    /// [`crate::concurrence::candidates`]), `engaged` what the facts make of a class.
    pub fn add_system(&mut self, candidates: &[Candidate<'p>], engaged: impl Fn(&str) -> Tri) {
        let c = resolve(candidates, |k| engaged(k) != Tri::False);
        let mut add = |i: usize, certain: bool| {
            let Some(candidate) = candidates.get(i) else {
                return;
            };
            for k in &candidate.provision.covers {
                let t = match engaged(k) {
                    Tri::True if !certain => Tri::Unknown,
                    t => t,
                };
                self.classes.push((k.as_str(), t));
            }
        };
        for r in c.leading.iter().chain(&c.cumulative) {
            for (n, &m) in r.members.iter().enumerate() {
                add(m, n == 0);
            }
        }
        for &(i, _) in &c.same_conduct {
            add(i, true);
        }
        if let Some(i) = c.possible {
            add(i, false);
        }
        // A qualification that may apply, whose conduct the facts establish (only another
        // element is open: possessing images whose child may be fictitious): possible. One
        // whose conduct the facts do not even state is not (images a trafficking case never
        // mentions).
        for candidate in candidates.iter().filter(|c| c.status == Status::Possible) {
            for k in &candidate.provision.covers {
                if engaged(k) == Tri::True {
                    self.classes.push((k.as_str(), Tri::Unknown));
                }
            }
        }
    }

    /// Whether `g` covers this conduct.
    pub fn coverage(&self, g: &Guideline) -> Coverage {
        self.classes
            .iter()
            .filter(|(k, _)| g.covers.iter().any(|c| qualif_law::text::same_text(c, k)))
            .map(|(_, t)| match t {
                Tri::True => Coverage::Covered,
                Tri::Unknown => Coverage::Possible,
                Tri::False => Coverage::NotCovered,
            })
            .max()
            .unwrap_or(Coverage::NotCovered)
    }
}

/// Where a guideline reaches in the national systems: the provisions that cover a class it
/// sentences, with those classes. Read once for a run of batch, so that a case's coverage
/// ([`Reach::coverage`]) looks at those provisions alone.
#[derive(Debug, Clone)]
pub struct Reach<'a> {
    guideline: &'a Guideline,
    /// By national system, in the order given.
    systems: Vec<SystemReach<'a>>,
}

/// One system's provisions that cover a class a guideline sentences.
#[derive(Debug, Clone)]
struct SystemReach<'a> {
    id: &'a str,
    /// Each provision (by index in the system) with the classes it covers.
    provisions: Vec<(usize, Vec<&'a str>)>,
}

impl<'a> Reach<'a> {
    pub fn new(guideline: &'a Guideline, systems: impl IntoIterator<Item = &'a System>) -> Self {
        let sentenced = |k: &&'a String| guideline.covers.contains(*k);
        let systems = systems
            .into_iter()
            .map(|system| {
                let provisions = system
                    .provisions
                    .iter()
                    .enumerate()
                    .map(|(i, p)| (i, p.covers.iter().filter(sentenced).map(String::as_str)))
                    .map(|(i, classes)| (i, classes.collect::<Vec<_>>()))
                    .filter(|(_, classes)| !classes.is_empty())
                    .collect();
                SystemReach {
                    id: system.id.as_str(),
                    provisions,
                }
            })
            .collect();
        Self { guideline, systems }
    }

    /// What [`RetainedConduct`] decides of the guideline for a batch summary of the same
    /// national systems, resolving a system's concurrence only where it can change the
    /// answer.
    ///
    /// Every provision that applies is retained (as the leading, a cumulative or the same
    /// conduct), so its classes count as the facts engage them; a possible provision whose
    /// class the facts establish makes the scale possible whatever is retained. Concurrence
    /// decides only whether a possible provision whose class rests on an unknown fact is
    /// retained (as the alternative of a retained qualification, or the most severe
    /// possible one): it is resolved for that alone, when nothing else has made the scale
    /// possible. Equal to the full reading (tests/scale_coverage.rs compares them on
    /// generated cases).
    pub fn coverage(&self, summaries: &[SystemSummary], engaged: impl Fn(&str) -> Tri) -> Coverage {
        assert_eq!(summaries.len(), self.systems.len(), "the same systems");
        let mut best = Coverage::NotCovered;
        for (summary, reach) in summaries.iter().zip(&self.systems) {
            debug_assert_eq!(summary.system.id, reach.id, "the same systems, in order");
            let mut open = false;
            for (i, classes) in &reach.provisions {
                let certain = match summary.provisions[*i].status {
                    Status::Applies => true,
                    Status::Possible => false,
                    Status::Excluded => continue,
                };
                for k in classes {
                    let found = match (engaged(k), certain) {
                        (Tri::True, true) => Coverage::Covered,
                        (Tri::Unknown, true) | (Tri::True, false) => Coverage::Possible,
                        (Tri::Unknown, false) => {
                            open = true;
                            Coverage::NotCovered
                        }
                        (Tri::False, _) => Coverage::NotCovered,
                    };
                    best = best.max(found);
                }
            }
            if best == Coverage::Covered {
                return best;
            }
            if open && best == Coverage::NotCovered {
                let mut conduct = RetainedConduct::default();
                conduct.add_system(&summary_candidates(summary), &engaged);
                best = best.max(conduct.coverage(self.guideline));
            }
        }
        best
    }
}
