//! An instrument's floor read for a state: what the state provides for an obligation that
//! applies, and whether that meets the instrument's minimum maximum. The disparity
//! `below_minimum_standard` and the threshold explorer's floor status read it alike.

use super::{StateReading, max_months};
use qualif_engine::{Assessment, Qualification, Status, SystemResult};

/// What a state provides for one obligation of an instrument.
#[derive(Debug, Clone)]
pub enum Provided<'a> {
    /// A covering provision is possible and none applies: undecided on these facts.
    Undecided,
    /// No provision covers the obligation's conduct (`excluded` empty), or every covering
    /// one is excluded (those).
    Nothing {
        excluded: Vec<&'a Qualification<'a>>,
    },
    /// The covering provision that applies with the most severe penalty.
    Provision(&'a Qualification<'a>),
}

/// What `state` provides for `obligation` (see [`Provided`]).
pub fn provided<'a>(state: &'a SystemResult<'a>, obligation: &Qualification) -> Provided<'a> {
    let covering: Vec<&Qualification> = state
        .qualifications
        .iter()
        .filter(|q| {
            q.provision
                .covers
                .iter()
                .any(|c| obligation.provision.covers.contains(c))
        })
        .collect();
    let applies = covering.iter().any(|q| q.status == Status::Applies);
    if covering.iter().any(|q| q.status == Status::Possible) && !applies {
        return Provided::Undecided;
    }
    match covering
        .iter()
        .filter(|q| q.status == Status::Applies)
        .min_by(|x, y| y.leading_cmp(x))
    {
        Some(q) => Provided::Provision(q),
        None => Provided::Nothing { excluded: covering },
    }
}

/// Whether a state meets an instrument's floor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum FloorStatus {
    /// The state's maximum is at least the floor.
    Met,
    /// Below the floor, or no offence.
    NotMet,
    /// The facts do not settle it (a covering provision only possible, or its maximum not
    /// confirmed).
    Undecided,
    /// The state is bound, but no obligation with a floor applies on these facts.
    NotEngaged,
    /// The state is bound by no instrument of the data at the law's date.
    NotBound,
}

/// The main floor for a state: of the obligations that apply, in every instrument read for
/// it, the one with the highest minimum maximum (the first of equals).
#[derive(Debug, Clone)]
pub struct MainFloor<'a> {
    pub status: FloorStatus,
    /// The instrument, the obligation and its minimum maximum in months, when one applies.
    pub obligation: Option<(&'a str, &'a Qualification<'a>, f64)>,
    /// The state's provision it is compared with, when one applies.
    pub provision: Option<&'a Qualification<'a>>,
}

/// The main floor of `state` in the readings of a comparison.
pub fn main_floor<'a>(
    assessment: &'a Assessment<'a>,
    readings: &'a [StateReading<'a>],
    state: &str,
) -> MainFloor<'a> {
    let mine: Vec<&StateReading> = readings.iter().filter(|r| r.state == state).collect();
    let Some(result) = assessment.systems.iter().find(|r| r.system.id == state) else {
        return not(FloorStatus::NotBound);
    };
    if mine.is_empty() {
        return not(FloorStatus::NotBound);
    }
    let mut best: Option<(&str, &Qualification, f64)> = None;
    for r in &mine {
        for o in r
            .result
            .qualifications
            .iter()
            .filter(|q| q.status == Status::Applies)
        {
            if let Some(m) = max_months(o)
                && best.is_none_or(|(_, _, b)| m > b)
            {
                best = Some((r.instrument, o, m));
            }
        }
    }
    let Some((instrument, obligation, floor)) = best else {
        return not(FloorStatus::NotEngaged);
    };
    let (status, provision) = match provided(result, obligation) {
        Provided::Undecided => (FloorStatus::Undecided, None),
        Provided::Nothing { .. } => (FloorStatus::NotMet, None),
        Provided::Provision(q) => match max_months(q) {
            Some(m) if m >= floor => (FloorStatus::Met, Some(q)),
            Some(_) => (FloorStatus::NotMet, Some(q)),
            None => (FloorStatus::Undecided, Some(q)),
        },
    };
    MainFloor {
        status,
        obligation: Some((instrument, obligation, floor)),
        provision,
    }
}

fn not<'a>(status: FloorStatus) -> MainFloor<'a> {
    MainFloor {
        status,
        obligation: None,
        provision: None,
    }
}
