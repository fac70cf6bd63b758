//! What a finding weighs, by what the user will read (see README.md, "The interview").
//!
//! A finding weighs its tier times a factor within the tier. The tiers are far apart (a
//! thousand times), so that every question that can change a system's retained
//! qualification or its penalty comes before any that can only change whether a state can
//! prosecute or the limitation deadline, which come before a scale's findings, which come
//! before the other qualifications (the disparities between systems follow from them).
//! Within a tier, the factor is the maximum penalty at stake taken as its logarithm
//! (`score::scaled`, at most about 6.4 for life) times the factors below, and a system's
//! findings after its weightiest count [`OTHERS`]: the sum over systems prefers a question
//! that settles several systems at once.

/// Tier 1: the retained qualification of a system or its penalty (the status of its
/// leading provision, its maximum).
pub const RETAINED: f64 = 1e6;
/// Tier 2: whether a state can prosecute (a ground of jurisdiction) and the limitation
/// deadline.
pub const PROSECUTION: f64 = 1e3;
/// Tier 3: a sentencing scale's category, role, starting point or factor.
pub const SCALE: f64 = 1.0;
/// Tier 4: a qualification that cannot become the retained one: lighter than it, or
/// possible with an element resting on facts answered "I don't know" (no answer left can
/// make it apply). What the comparison's disparities are made of.
pub const OTHER_QUALIFICATION: f64 = 1e-3;

/// Within tier 1: a provision at least as heavy as the one retained can come to apply, or
/// in a system where nothing applies yet some provision can (the heaviest maximum still
/// possible there is at stake).
pub const TO_APPLY: f64 = 1.0;
/// Within tier 1: only the penalty of a provision that applies changes (an aggravation,
/// another version).
pub const PENALTY_ONLY: f64 = 0.5;
/// Within tier 1: a provision at least as heavy as the retained one can only be excluded
/// (or stay possible): one more answer may make it apply. Half: a heavier offence that
/// needs two facts (luring needs the means and the purpose) is as much the retained
/// qualification's question as one that needs one (measured: 0.25 settles later).
pub const OPENS: f64 = 0.5;
/// Within tier 2: whether the state can prosecute at all changes (no other ground holds);
/// the heaviest provision concerned, in full when it applies, [`OPENS`] when possible.
pub const CAN_PROSECUTE: f64 = 1.0;
/// Within tier 2: which limitation rule governs (hence the deadline) changes.
pub const LIMITATION: f64 = 1.0;
/// Within tier 2: a ground of jurisdiction is decided while another already holds.
pub const GROUND: f64 = 0.1;
/// Within tier 3: a scale's category, role or starting point changes.
pub const SCALE_CELL: f64 = 1.0;
/// Within tier 3: a scale's aggravating or mitigating factor changes.
pub const SCALE_FACTOR: f64 = 0.5;
/// Within one system, the findings after the weightiest count this share.
pub const OTHERS: f64 = 0.2;
