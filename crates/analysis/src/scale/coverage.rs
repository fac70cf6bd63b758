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
use crate::concurrence::{Candidate, resolve};
use qualif_engine::Status;
use qualif_engine::logic::Tri;

/// What a guideline's coverage makes of a case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
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
            .filter(|(k, _)| g.covers.iter().any(|c| c == k))
            .map(|(_, t)| match t {
                Tri::True => Coverage::Covered,
                Tri::Unknown => Coverage::Possible,
                Tri::False => Coverage::NotCovered,
            })
            .max()
            .unwrap_or(Coverage::NotCovered)
    }
}
