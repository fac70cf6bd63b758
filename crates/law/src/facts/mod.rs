//! The case-file vocabulary, case loading and derived facts (ages, age gaps).

mod age;
mod case;
pub mod sources;
mod value;
pub mod vocabulary;

pub use age::{age_on, anniversary, years_between};
pub use case::{
    AGE_GAP, Case, DateText, MAX_CASE_FILE_BYTES, SUPPORTED_VERSION, age_gap_sign,
    age_of_birth_date, age_source, date_in_range, format_date, parse_date,
};
pub use case::{CaseReader, Number, OpenSection, StatedFact, Texts, sort_keeping_last};
pub use sources::{SourceClass, SourceClasses};
pub use value::{Interval, Value};
pub use vocabulary::Locations;
pub use vocabulary::{
    AtLeastDef, ConductClass, FactDef, FactType, Localized, ParameterDef, PresumedValue,
    PresumptionDef, SectionId, ValueLabel, Vocabulary,
};
