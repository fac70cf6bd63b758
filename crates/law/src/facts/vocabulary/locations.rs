//! Where the vocabulary file writes each fact key and conduct class, to locate problems.

use super::*;

/// Where the vocabulary file writes each fact key and conduct class, from a second,
/// lenient parse that keeps spans (only when a problem must be located).
#[derive(Debug, Default, Deserialize)]
pub struct Locations {
    #[serde(default)]
    fact: Vec<KeyAt>,
    #[serde(default)]
    conduct: Vec<ConductAt>,
}

#[derive(Debug, Deserialize)]
struct KeyAt {
    key: toml::Spanned<String>,
}

#[derive(Debug, Deserialize)]
struct ConductAt {
    id: toml::Spanned<String>,
    when: Option<toml::Spanned<String>>,
}

impl Locations {
    pub fn of(source: &SourceText) -> Self {
        toml::from_str(&source.text).unwrap_or_default()
    }

    /// The offset of the key of the `i`th fact (0 when unknown).
    pub fn fact(&self, i: usize) -> usize {
        self.fact.get(i).map_or(0, |f| f.key.span().start)
    }

    /// The offset of the id of the `i`th conduct class.
    pub fn conduct(&self, i: usize) -> usize {
        self.conduct.get(i).map_or(0, |c| c.id.span().start)
    }

    /// The offset of the first character inside the quotes of the `i`th conduct class's
    /// condition.
    pub fn conduct_when(&self, source: &SourceText, i: usize) -> usize {
        let Some(when) = self.conduct.get(i).and_then(|c| c.when.as_ref()) else {
            return 0;
        };
        let span = when.span();
        let raw = source.text.get(span.clone()).unwrap_or("");
        let quote = if raw.starts_with("\"\"\"") || raw.starts_with("'''") {
            3
        } else {
            1
        };
        span.start + quote
    }
}
