//! The rules engine: three-valued conditions, qualification per provision, penalties at a
//! date with aggravations. It knows no country: everything comes from the data.

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
