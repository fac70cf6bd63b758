//! What the vocabulary file declares: facts and their types, presumptions, conduct
//! classes, state parameters, and labels in each language.

use super::*;

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
    /// A value the fact is presumed to have when the case does not state it and a
    /// condition holds (compiled with the law: see `LawBook::presumptions`).
    pub presumed: Option<PresumptionDef>,
    /// For a whole number: a word a case may give instead of a number, meaning "at least
    /// `min`" (`"several"`: more than one, the count unknown).
    pub at_least: Option<AtLeastDef>,
    /// For a date: the date fact (a key) that holds the start of a period whose end is this
    /// one. The interview's box for this fact then also takes a period written
    /// `FIRST..LAST`, which sets that fact to FIRST and this one to LAST; one date, or
    /// "I don't know", leaves that fact unknown (the first act's date, given with the date
    /// of the facts, that of the last act).
    pub period_from: Option<String>,
}

/// A word standing for a whole number known only to be at least `min`
/// ([`crate::facts::Value::AtLeast`]).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct AtLeastDef {
    /// The word a case file, a batch record or the interview gives (`"several"`).
    pub id: String,
    /// The least value it stands for.
    pub min: i64,
    pub label: Localized,
}

/// A presumption: the value a fact takes, unless the case states it, when a condition on
/// other facts holds ("a child whose age is stated is a real child unless the file says it
/// was a sting"). Never for what is genuinely open.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PresumptionDef {
    pub value: PresumedValue,
    /// The condition, in the language of jurisdictions/README.md.
    pub when: String,
    /// Why the presumption is made, in a sentence.
    pub note: Localized,
}

/// The value of a presumption, of the fact's type.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(untagged)]
pub enum PresumedValue {
    Bool(bool),
    Int(i64),
    Number(f64),
    Text(String),
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

    /// The word for a value known only from below (`"several"`), when the fact declares one
    /// and the value is its own.
    pub fn at_least_word(&self, value: &crate::facts::Value) -> Option<&AtLeastDef> {
        match (value, &self.at_least) {
            (crate::facts::Value::AtLeast(n), Some(a)) if a.min == *n => Some(a),
            _ => None,
        }
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
