//! The rules engine: three-valued conditions, qualification per provision, penalties at a
//! date with aggravations. It knows no country: everything comes from the data.
//!
//! The law book is compiled once into a [`plan::Plan`], and one evaluator runs it for a
//! case at a date; [`assess`] explains what it finds element by element, batch only counts,
//! and the interview ([`next_question`]) re-evaluates only what an answer touches. The
//! tree-walking interpreter of [`reference`] is what the tests compare the plan against.

#![deny(clippy::print_stdout, clippy::print_stderr)]

pub use qualif_law::condition;
pub mod jurisdiction;
pub mod limitation;
pub use qualif_law::logic;
pub mod next_question;
pub mod plan;
mod qualify;
pub mod reference;

pub use qualify::{
    AggravationResult, Assessment, ElementLabel, ElementResult, ElementStatus, LawDateNotice,
    MilderLaw, Qualification, Status, SystemResult, VersionRef, Warning, assess, assess_reading,
};
