//! The vocabulary data file: every fact a case file can state, the conduct classes and the
//! state parameters. It is the one language that legal data files and case files speak.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::diagnostics::{Diagnostic, SourceText, toml_error};

/// A text in French and English (and, for titles, the original language).
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Localized {
    pub fr: String,
    pub en: String,
}

impl Localized {
    pub fn get(&self, lang: &str) -> &str {
        if lang == "fr" { &self.fr } else { &self.en }
    }
}

/// The type of a fact.
#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum FactType {
    Bool,
    Integer,
    Number,
    Date,
    Text,
    Country,
    Countries,
    Enum,
    EnumList,
}

impl FactType {
    /// How the type is named to a user who wrote a wrong value.
    pub fn describe(self) -> &'static str {
        match self {
            FactType::Bool => "true or false",
            FactType::Integer => "a whole number",
            FactType::Number => "a number",
            FactType::Date => "a date written \"YYYY-MM-DD\"",
            FactType::Text => "a text in quotes",
            FactType::Country => "an ISO 3166-1 alpha-2 country code in quotes, such as \"FR\"",
            FactType::Countries => {
                "a list of ISO 3166-1 alpha-2 country codes, such as [\"FR\", \"BE\"]"
            }
            FactType::Enum => "one of the values listed",
            FactType::EnumList => "a list of the values listed",
        }
    }

    pub fn is_list(self) -> bool {
        matches!(self, FactType::Countries | FactType::EnumList)
    }

    pub fn is_ordered(self) -> bool {
        matches!(self, FactType::Integer | FactType::Number | FactType::Date)
    }
}

/// The label of one allowed value of an enumeration.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ValueLabel {
    pub id: String,
    pub label: Localized,
}

/// One fact of the vocabulary.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct FactDef {
    /// `section.key`, as in the case file.
    pub key: String,
    #[serde(rename = "type")]
    pub ty: FactType,
    #[serde(default)]
    pub values: Vec<String>,
    pub min: Option<f64>,
    pub max: Option<f64>,
    #[serde(default)]
    pub free_text: bool,
    #[serde(default)]
    pub identifying: bool,
    #[serde(default)]
    pub derived: bool,
    pub ask: Option<bool>,
    #[serde(default)]
    pub order: i64,
    pub label: Localized,
    pub question: Option<Localized>,
    pub help: Option<Localized>,
    #[serde(default, rename = "value")]
    pub value_labels: Vec<ValueLabel>,
}

impl FactDef {
    pub fn section(&self) -> &str {
        self.key.split_once('.').map(|(s, _)| s).unwrap_or("")
    }

    pub fn name(&self) -> &str {
        self.key
            .split_once('.')
            .map(|(_, n)| n)
            .unwrap_or(&self.key)
    }

    /// Whether the interview asks this fact.
    pub fn asked(&self) -> bool {
        self.ask
            .unwrap_or(!(self.derived || self.free_text || self.identifying))
    }

    /// The label of an enumeration value, in a language.
    pub fn value_label<'a>(&'a self, value: &'a str, lang: &str) -> &'a str {
        self.value_labels
            .iter()
            .find(|v| v.id == value)
            .map(|v| v.label.get(lang))
            .unwrap_or(value)
    }
}

/// A conduct class: what aligns offences across systems.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ConductClass {
    pub id: String,
    pub label: Localized,
    /// The facts that engage this conduct (a condition, compiled with the law).
    pub when: Option<String>,
}

/// A value that a national system declares and an international instrument reads.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ParameterDef {
    pub key: String,
    #[serde(rename = "type")]
    pub ty: FactType,
    pub label: Localized,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct VocabularyFile {
    #[serde(default)]
    fact: Vec<FactDef>,
    #[serde(default)]
    conduct: Vec<ConductClass>,
    #[serde(default)]
    parameter: Vec<ParameterDef>,
    #[serde(default)]
    countries: Vec<String>,
}

/// The loaded vocabulary.
#[derive(Debug, Clone)]
pub struct Vocabulary {
    pub facts: Vec<FactDef>,
    pub conduct: Vec<ConductClass>,
    pub parameters: Vec<ParameterDef>,
    /// ISO 3166-1 alpha-2 codes accepted for country facts (any two capital letters when
    /// the file lists none).
    pub countries: Vec<String>,
    index: HashMap<String, usize>,
}

impl Vocabulary {
    pub fn parse(source: &SourceText) -> Result<Self, Vec<Diagnostic>> {
        let file: VocabularyFile =
            toml::from_str(&source.text).map_err(|e| vec![toml_error(source, &e)])?;
        let mut problems = Vec::new();
        let mut index = HashMap::new();
        for (i, f) in file.fact.iter().enumerate() {
            let at = source.text.find(&format!("\"{}\"", f.key)).unwrap_or(0);
            if !f.key.contains('.') {
                problems.push(
                    source.error_at(at, format!("fact key `{}` must be `section.name`", f.key)),
                );
            }
            if index.insert(f.key.clone(), i).is_some() {
                problems.push(source.error_at(at, format!("fact `{}` is declared twice", f.key)));
            }
            let enumerated = matches!(f.ty, FactType::Enum | FactType::EnumList);
            if enumerated && f.values.is_empty() {
                problems.push(source.error_at(
                    at,
                    format!("fact `{}` is an enumeration without `values`", f.key),
                ));
            }
            if !enumerated && !f.values.is_empty() {
                problems.push(source.error_at(
                    at,
                    format!("fact `{}` has `values` but is not an enumeration", f.key),
                ));
            }
            for v in &f.value_labels {
                if !f.values.contains(&v.id) {
                    problems.push(source.error_at(
                        at,
                        format!(
                            "fact `{}` labels value `{}`, which is not among its values",
                            f.key, v.id
                        ),
                    ));
                }
            }
        }
        let mut seen = HashMap::new();
        for c in &file.conduct {
            if seen.insert(c.id.clone(), ()).is_some() {
                let at = source.text.find(&format!("\"{}\"", c.id)).unwrap_or(0);
                problems.push(
                    source.error_at(at, format!("conduct class `{}` is declared twice", c.id)),
                );
            }
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        Ok(Self {
            facts: file.fact,
            conduct: file.conduct,
            parameters: file.parameter,
            countries: file.countries,
            index,
        })
    }

    pub fn fact(&self, key: &str) -> Option<&FactDef> {
        self.index.get(key).map(|&i| &self.facts[i])
    }

    pub fn parameter(&self, key: &str) -> Option<&ParameterDef> {
        self.parameters.iter().find(|p| p.key == key)
    }

    pub fn conduct(&self, id: &str) -> Option<&ConductClass> {
        self.conduct.iter().find(|c| c.id == id)
    }

    /// The sections a case file may hold, in the order of the vocabulary.
    pub fn sections(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for f in self.facts.iter().filter(|f| !f.derived) {
            if !out.contains(&f.section()) {
                out.push(f.section());
            }
        }
        out
    }

    /// The keys a case file may hold in one section.
    pub fn keys_of(&self, section: &str) -> Vec<&str> {
        self.facts
            .iter()
            .filter(|f| !f.derived && f.section() == section)
            .map(|f| f.name())
            .collect()
    }

    pub fn is_country(&self, code: &str) -> bool {
        let shaped = code.len() == 2 && code.bytes().all(|b| b.is_ascii_uppercase());
        // XA–XZ are user-assigned (e.g. XK, widely used for Kosovo).
        let user_assigned = code.starts_with('X');
        shaped
            && (user_assigned
                || self.countries.is_empty()
                || self.countries.iter().any(|c| c == code))
    }
}
