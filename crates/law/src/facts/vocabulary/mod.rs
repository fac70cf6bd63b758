//! The vocabulary data file: every fact a case file can state, the conduct classes and the
//! state parameters. It is the one language that legal data files and case files speak.

mod definitions;
mod locations;
mod parse;
#[cfg(test)]
mod tests;

pub use definitions::{
    AtLeastDef, ConductClass, FactDef, FactType, Localized, ParameterDef, PresumedValue,
    PresumptionDef, ValueLabel,
};
pub use locations::Locations;

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::diagnostics::quote;
use crate::diagnostics::{Diagnostic, SourceText, toml_error};
use crate::hashing::FastMap;

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
    /// By position in [`Vocabulary::facts`]: the place of the fact's key among the keys of
    /// the vocabulary in increasing order, so that two facts are put in key order by
    /// comparing two numbers rather than two texts (see [`Vocabulary::key_order`]).
    ranks: Vec<u32>,
}

/// A section a case file may hold, as [`Vocabulary::section_id`] finds it (valid for that
/// vocabulary only).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SectionId(usize);

impl SectionId {
    /// The section's position among [`Vocabulary::sections`].
    pub fn index(self) -> usize {
        self.0
    }
}

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

impl Vocabulary {
    /// The key of the fact at `slot` ([`Vocabulary::slot`]), interned: the same text as
    /// its [`FactDef::key`], held once for the whole process.
    pub fn interned_key(&self, slot: usize) -> &'static str {
        self.keys[slot]
    }

    /// The place of the key of the fact at `slot` among the vocabulary's keys in increasing
    /// order: of two facts, the one of lower rank has the lower key.
    pub fn key_rank(&self, slot: usize) -> u32 {
        self.ranks[slot]
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
            .position(|s| crate::text::same_text(&s.name, name))
            .map(SectionId)
    }

    /// The position in [`Vocabulary::facts`] of the fact `key` of a section, when a case
    /// file may state it (declared, not derived): the fact `section.key` as
    /// [`Vocabulary::slot`] finds it, looked up among the section's facts by its name
    /// alone, without putting the dotted key together (every fact of every record of a
    /// batch is looked up this way).
    #[inline]
    pub fn stated_slot(&self, section: SectionId, key: &str) -> Option<usize> {
        let s = &self.stated[section.0];
        let n = key.len();
        let (&start, &end) = (s.by_len.get(n)?, s.by_len.get(n + 1)?);
        s.slots[start as usize..end as usize]
            .iter()
            .find(|(name, _)| crate::text::same_text(name, key))
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
