//! The vocabulary data file: every fact a case file can state, the conduct classes and the
//! state parameters. It is the one language that legal data files and case files speak.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::diagnostics::quote;
use crate::diagnostics::{Diagnostic, SourceText, toml_error};
use crate::hashing::FastMap;

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
pub struct VocabularyFile {
    #[serde(default)]
    fact: Vec<FactDef>,
    #[serde(default)]
    conduct: Vec<ConductClass>,
    #[serde(default)]
    parameter: Vec<ParameterDef>,
    #[serde(default)]
    countries: Vec<String>,
    #[serde(default)]
    source_class: Vec<super::sources::SourceClass>,
    #[serde(default)]
    source: Vec<super::sources::SourcePrefixes>,
}

/// Fact keys to their position: the table every fact of every case read is looked up in.
type KeyIndex = FastMap<String, usize>;

/// A set of codes of two capital letters: one bit for each of the 26 × 26.
#[derive(Debug, Clone, Default)]
struct CountrySet([u64; 11]);

impl CountrySet {
    fn of(codes: &[String]) -> Self {
        let mut set = Self::default();
        for bit in codes.iter().filter_map(|c| Self::bit(c)) {
            set.0[bit / 64] |= 1 << (bit % 64);
        }
        set
    }

    /// The bit of a code of two capital letters; `None` for any other text.
    fn bit(code: &str) -> Option<usize> {
        match code.as_bytes() {
            &[a, b] if a.is_ascii_uppercase() && b.is_ascii_uppercase() => {
                Some(usize::from(a - b'A') * 26 + usize::from(b - b'A'))
            }
            _ => None,
        }
    }

    fn contains(&self, code: &str) -> bool {
        Self::bit(code).is_some_and(|bit| self.0[bit / 64] & (1 << (bit % 64)) != 0)
    }
}

/// A fact's key (`victim.age`), held once for the whole process: a case holds the keys of
/// its facts, and a batch reads a case per record, each of whose keys would otherwise be a
/// text allocated, copied and freed (callgrind: some 1,500 instructions a case). Only the
/// keys of the vocabularies loaded are interned, a few hundred texts at most.
pub fn intern(key: &str) -> &'static str {
    use std::collections::BTreeSet;
    use std::sync::{Mutex, PoisonError};
    static KEYS: Mutex<BTreeSet<&'static str>> = Mutex::new(BTreeSet::new());
    let mut keys = KEYS.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some(k) = keys.get(key) {
        return k;
    }
    let k: &'static str = Box::leak(key.to_owned().into_boxed_str());
    keys.insert(k);
    k
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
    /// The classes of the sources the data cites (see [`super::sources`]).
    pub sources: super::sources::SourceClasses,
    /// The same codes as a set, for [`Vocabulary::is_country`] (every country of every
    /// record of a batch is checked).
    country_set: CountrySet,
    index: KeyIndex,
    conduct_index: HashMap<String, usize>,
    parameter_index: HashMap<String, usize>,
    /// The sections a case file may hold, in the order of the vocabulary, each with the
    /// facts it may state (computed once: every fact of every case read is looked up here).
    stated: Vec<StatedSection>,
    /// By position in [`Vocabulary::facts`]: the fact's key, interned ([`intern`]), which
    /// every case read with this vocabulary holds rather than a copy of its own.
    keys: Vec<&'static str>,
}

/// A section a case file may hold, as [`Vocabulary::section_id`] finds it (valid for that
/// vocabulary only).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SectionId(usize);

/// A section of a case file and the facts it may state (declared, not derived), by their
/// name within the section (`age` in `[victim]`).
///
/// A list by the length of the names rather than a hash table: the names of a section
/// mostly differ in length, so that a lookup compares one name or two, where a hash table
/// hashes the name first and then compares it (measured with callgrind: a search of the
/// whole list in order cost about half of the hash lookup; on 30,000 synthetic cases,
/// the search in order and the dotted key put together cost 71 M instructions, the list by
/// length 30 M, the key then interned).
#[derive(Debug, Clone)]
struct StatedSection {
    name: String,
    /// Each fact's name and position in [`Vocabulary::facts`], by increasing length of the
    /// name (in the vocabulary's order for names of one length).
    slots: Vec<(String, usize)>,
    /// The names of `n` bytes are `slots[by_len[n]..by_len[n + 1]]`.
    by_len: Vec<u32>,
}

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

impl Vocabulary {
    pub fn parse(source: &SourceText) -> Result<Self, Vec<Diagnostic>> {
        let file: VocabularyFile =
            crate::preparsed::from_source(source).map_err(|e| vec![toml_error(source, &e)])?;
        let mut problems = Vec::new();
        let mut index = KeyIndex::default();
        // Where each key is written, read only when there is a problem to locate (searching
        // the text for each key would take quadratic time on a large hostile file).
        let locations = std::cell::OnceCell::new();
        let locations = || locations.get_or_init(|| Locations::of(source));
        for (i, f) in file.fact.iter().enumerate() {
            let at = || locations().fact(i);
            if !f.key.contains('.') {
                problems.push(
                    source
                        .error_at(
                            at(),
                            format!("fact key `{}` must be `section.name`", quote(&f.key)),
                        )
                        .with_help(
                            "a dotted key: a case-file section, a dot, a name (`victim.age`)",
                        ),
                );
            }
            if index.insert(f.key.clone(), i).is_some() {
                problems.push(
                    source
                        .error_at(at(), format!("fact `{}` is declared twice", quote(&f.key)))
                        .with_help("each fact key declared once"),
                );
            }
            let enumerated = matches!(f.ty, FactType::Enum | FactType::EnumList);
            if enumerated && f.values.is_empty() {
                problems.push(
                    source
                        .error_at(
                            at(),
                            format!(
                                "fact `{}` is an enumeration without `values`",
                                quote(&f.key)
                            ),
                        )
                        .with_help("`values = [\"a\", \"b\"]`: the values an enumeration may take"),
                );
            }
            if !enumerated && !f.values.is_empty() {
                problems.push(
                    source
                        .error_at(
                            at(),
                            format!(
                                "fact `{}` has `values` but is not an enumeration",
                                quote(&f.key)
                            ),
                        )
                        .with_help(
                            "`values` only with `type = \"enum\"` or `type = \"enum_list\"`",
                        ),
                );
            }
            for v in &f.value_labels {
                if !f.values.contains(&v.id) {
                    problems.push(
                        source
                            .error_at(
                                at(),
                                format!(
                                    "fact `{}` labels value `{}`, which is not among its values",
                                    quote(&f.key),
                                    quote(&v.id)
                                ),
                            )
                            .with_help(format!("one of its values: {}", f.values.join(", "))),
                    );
                }
            }
        }
        let mut conduct_index = HashMap::new();
        for (i, c) in file.conduct.iter().enumerate() {
            if conduct_index.insert(c.id.clone(), i).is_some() {
                let at = locations().conduct(i);
                problems.push(
                    source
                        .error_at(
                            at,
                            format!("conduct class `{}` is declared twice", quote(&c.id)),
                        )
                        .with_help("each conduct class id declared once"),
                );
            }
        }
        let sources =
            super::sources::SourceClasses::new(file.source_class, file.source).map_err(|e| {
                source
                    .error_at(0, e)
                    .with_help("each `[[source]]` names a `[[source_class]]`, each prefix once")
            });
        let sources = match sources {
            Ok(s) => s,
            Err(d) => {
                problems.push(d);
                Default::default()
            }
        };
        if !problems.is_empty() {
            return Err(problems);
        }
        let mut parameter_index = HashMap::new();
        for (i, p) in file.parameter.iter().enumerate() {
            // The first declaration wins, as a search from the start would find.
            parameter_index.entry(p.key.clone()).or_insert(i);
        }
        Ok(Self {
            facts: file.fact,
            conduct: file.conduct,
            parameter_index,
            conduct_index,
            parameters: file.parameter,
            country_set: CountrySet::of(&file.countries),
            countries: file.countries,
            sources,
            index,
            stated: Vec::new(),
            keys: Vec::new(),
        }
        .with_sections())
    }

    fn with_sections(mut self) -> Self {
        let mut out: Vec<StatedSection> = Vec::new();
        for (slot, f) in self.facts.iter().enumerate().filter(|(_, f)| !f.derived) {
            let i = match out.iter().position(|s| s.name == f.section()) {
                Some(i) => i,
                None => {
                    out.push(StatedSection {
                        name: f.section().to_string(),
                        slots: Vec::new(),
                        by_len: Vec::new(),
                    });
                    out.len() - 1
                }
            };
            out[i].slots.push((f.name().to_string(), slot));
        }
        for section in &mut out {
            section.slots.sort_by_key(|(name, _)| name.len());
            let longest = section.slots.last().map_or(0, |(name, _)| name.len());
            section.by_len = (0..=longest + 1)
                .map(|n| section.slots.partition_point(|(name, _)| name.len() < n) as u32)
                .collect();
        }
        self.stated = out;
        self.keys = self.facts.iter().map(|f| intern(&f.key)).collect();
        self
    }

    /// The key of the fact at `slot` ([`Vocabulary::slot`]), interned: the same text as
    /// its [`FactDef::key`], held once for the whole process.
    pub fn interned_key(&self, slot: usize) -> &'static str {
        self.keys[slot]
    }

    pub fn fact(&self, key: &str) -> Option<&FactDef> {
        self.index.get(key).map(|&i| &self.facts[i])
    }

    /// The position of a fact in [`Vocabulary::facts`].
    pub fn slot(&self, key: &str) -> Option<usize> {
        self.index.get(key).copied()
    }

    pub fn parameter(&self, key: &str) -> Option<&ParameterDef> {
        self.parameter_index.get(key).map(|&i| &self.parameters[i])
    }

    pub fn conduct(&self, id: &str) -> Option<&ConductClass> {
        self.conduct_index.get(id).map(|&i| &self.conduct[i])
    }

    /// The position of a conduct class in the vocabulary's list, which runs, within each
    /// family, from the more serious conduct to the less serious.
    pub fn conduct_position(&self, id: &str) -> Option<usize> {
        self.conduct_index.get(id).copied()
    }

    /// The section `name`, if a case file may hold it: found once for all its facts.
    pub fn section_id(&self, name: &str) -> Option<SectionId> {
        self.stated
            .iter()
            .position(|s| s.name == name)
            .map(SectionId)
    }

    /// The position in [`Vocabulary::facts`] of the fact `key` of a section, when a case
    /// file may state it (declared, not derived): the fact `section.key` as
    /// [`Vocabulary::slot`] finds it, looked up among the section's facts by its name
    /// alone, without putting the dotted key together (every fact of every record of a
    /// batch is looked up this way).
    pub fn stated_slot(&self, section: SectionId, key: &str) -> Option<usize> {
        let s = &self.stated[section.0];
        let n = key.len();
        let (&start, &end) = (s.by_len.get(n)?, s.by_len.get(n + 1)?);
        s.slots[start as usize..end as usize]
            .iter()
            .find(|(name, _)| name == key)
            .map(|&(_, slot)| slot)
    }

    /// Whether a case file may hold this section.
    pub fn has_section(&self, name: &str) -> bool {
        self.section_id(name).is_some()
    }

    /// The sections a case file may hold, in the order of the vocabulary.
    pub fn sections(&self) -> Vec<&str> {
        self.stated.iter().map(|s| s.name.as_str()).collect()
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
        shaped && (user_assigned || self.countries.is_empty() || self.country_set.contains(code))
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_country_set_holds_the_listed_codes() {
        let book = crate::law::LawBook::builtin().unwrap();
        let v = &book.vocabulary;
        let listed = |code: &str| v.countries.iter().any(|c| c == code);
        for a in b'A'..=b'Z' {
            for b in b'A'..=b'Z' {
                let code = String::from_utf8(vec![a, b]).unwrap();
                assert_eq!(v.country_set.contains(&code), listed(&code), "{code}");
            }
        }
        for odd in ["", "F", "fr", "Fr", "FRA", "É", "@A", "[Z"] {
            assert!(!v.country_set.contains(odd), "{odd}");
        }
    }

    #[test]
    fn keys_hash_apart() {
        let book = crate::law::LawBook::builtin().unwrap();
        let v = &book.vocabulary;
        for (i, f) in v.facts.iter().enumerate() {
            assert_eq!(v.slot(&f.key), Some(i));
        }
        assert_eq!(v.slot("victim.agee"), None);
        assert_eq!(v.slot(""), None);
    }

    /// A fact found by its section and name is the fact its dotted key names, unless the
    /// vocabulary derives it (a case file never states a derived fact).
    #[test]
    fn a_stated_fact_is_found_by_section_and_name() {
        let book = crate::law::LawBook::builtin().unwrap();
        let v = &book.vocabulary;
        let as_dotted = |section: &str, key: &str| {
            v.slot(&format!("{section}.{key}"))
                .filter(|&i| !v.facts[i].derived)
        };
        let by_name =
            |section: &str, key: &str| v.section_id(section).and_then(|id| v.stated_slot(id, key));
        let mut derived = 0;
        for f in &v.facts {
            let (section, key) = f.key.split_once('.').unwrap();
            assert_eq!(by_name(section, key), as_dotted(section, key), "{}", f.key);
            derived += usize::from(f.derived);
        }
        assert!(derived > 0, "the test meets a derived fact");
        for (section, key) in [
            ("victim", "agee"),
            ("victim", ""),
            ("", "age"),
            ("victim.age", ""),
        ] {
            assert_eq!(by_name(section, key), None);
        }
        for section in v.sections() {
            assert!(v.section_id(section).is_some());
        }
    }
}
