//! The data files built into the binary (`jurisdictions/*.toml`, `guidelines/*.toml`).

use crate::diagnostics::SourceText;

include!(concat!(env!("OUT_DIR"), "/embedded_data.rs"));

/// The built-in jurisdiction files, named as in the source tree.
pub fn jurisdiction_files() -> Vec<SourceText> {
    JURISDICTIONS
        .iter()
        .map(|(name, text)| SourceText::new(*name, *text))
        .collect()
}

/// The built-in guideline files, named as in the source tree.
pub fn guideline_files() -> Vec<SourceText> {
    GUIDELINES
        .iter()
        .map(|(name, text)| SourceText::new(*name, *text))
        .collect()
}
