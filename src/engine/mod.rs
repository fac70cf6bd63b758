//! The rules engine: three-valued conditions, qualification per provision, penalties at a
//! date with aggravations. It knows no country: everything comes from the data.

pub mod condition;
pub mod jurisdiction;
pub mod limitation;
pub mod logic;
pub mod next_question;
pub mod plan;
mod qualify;
pub mod reference;

pub use qualify::{
    AggravationResult, Assessment, ElementLabel, ElementResult, ElementStatus, LawDateNotice,
    MilderLaw, Qualification, Status, SystemResult, VersionRef, Warning, assess, assess_reading,
};
