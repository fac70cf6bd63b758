//! Renderers: they turn engine results into JSON, tables and Markdown. They compute no
//! law: every status, penalty and warning comes from the engine.

pub mod assess_json;
pub mod assess_text;
pub mod compare_text;
pub mod document;
pub mod explore_text;
pub mod findings;
pub mod law_text;
pub mod retained_text;
pub mod scale_text;
pub mod words;
pub mod wrap;
