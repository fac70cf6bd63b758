//! The data files built into the binary (`jurisdictions/*.toml`, `guidelines/*.toml`): each
//! with its text and, when it has one, the compact form of its values that the build script
//! wrote (see [`crate::preparsed`]).

use crate::diagnostics::SourceText;

include!(concat!(env!("OUT_DIR"), "/embedded_data.rs"));

/// The file of `guidelines/` that groups countries into regions (UN M49).
pub const REGIONS_FILE: &str = "regions.toml";

/// The built-in jurisdiction files, named as in the source tree.
pub fn jurisdiction_files() -> Vec<SourceText> {
    JURISDICTIONS
        .iter()
        .map(|(name, text, preparsed)| SourceText::builtin(name, text, *preparsed))
        .collect()
}

/// The built-in guideline files, named as in the source tree.
pub fn guideline_files() -> Vec<SourceText> {
    GUIDELINES
        .iter()
        .map(|(name, text, preparsed)| SourceText::builtin(name, text, *preparsed))
        .collect()
}
