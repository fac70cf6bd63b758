//! Reading a case step by step, section by section, with the checks of a case file.

use super::*;

/// A section of a case file being read: its name, and the section as the vocabulary finds
/// it (looked up once for all its facts).
#[derive(Debug, Clone, Copy)]
pub struct OpenSection<'n> {
    name: &'n str,
    id: SectionId,
}

impl OpenSection<'_> {
    /// The section's position among the sections of the vocabulary (below the number of
    /// [`Vocabulary::sections`]): the same for the same name.
    pub fn index(self) -> usize {
        self.id.index()
    }
}

/// A fact of a section that a case file may state, as [`CaseReader::stated`] finds it.
#[derive(Debug, Clone, Copy)]
pub struct StatedFact<'s> {
    /// The dotted key, interned.
    key: &'static str,
    /// The position in [`Vocabulary::facts`].
    slot: usize,
    def: &'s FactDef,
}

impl StatedFact<'_> {
    /// The fact's position in [`Vocabulary::facts`]: the same for the same section and key.
    pub fn slot(self) -> usize {
        self.slot
    }
}

/// A list of texts being read for a fact (see [`CaseReader::texts`]).
pub struct Texts<'s> {
    fact: StatedFact<'s>,
    out: Vec<String>,
}

/// Reads a case step by step, with the checks of a case file: [`Case::from_table`] reads a
/// TOML table through it, and batch analysis reads its usual records through it directly
/// (see `batch::record`), so that both make exactly the same checks.
pub struct CaseReader<'s> {
    source: &'s SourceText,
    vocab: &'s Vocabulary,
    /// The facts read so far. Put in the case at the end, at once: they usually come in
    /// key order (sections and keys are read in order), kept as they are then.
    facts: Vec<(Key, Fact)>,
    /// Whether [`CaseReader::facts`] are in strictly increasing key order: the rank
    /// ([`Vocabulary::key_rank`]) of each fact above the last one's. Followed as they are
    /// read, rather than checked at the end (a comparison of texts for each fact).
    in_order: bool,
    /// The rank of the last fact read, plus one (0: none yet).
    after_last: u64,
}

impl<'s> CaseReader<'s> {
    /// Problems are located in `source`.
    pub fn new(source: &'s SourceText, vocab: &'s Vocabulary) -> Self {
        Self {
            source,
            vocab,
            facts: FactMap::spare_list(),
            in_order: true,
            after_last: 0,
        }
    }

    /// The top-level `version`.
    pub fn version(&self, value: &DeValue, span: Range<usize>) -> Result<(), Diagnostic> {
        check_version(self.source, value, span)
    }

    /// A top-level key other than `version` (at byte `at`) must be a section: the section,
    /// to read its facts with.
    pub fn section<'n>(&self, name: &'n str, at: usize) -> Result<OpenSection<'n>, Diagnostic> {
        if let Some(id) = self.vocab.section_id(name) {
            return Ok(OpenSection { name, id });
        }
        let mut message = format!("unknown section `{}`", short(name));
        // Section names are short and few: one edit in five letters (not the two edits a
        // key allows), so that a key written outside its section (`age`) is not taken
        // for a misspelt section (`case`).
        let close = closest(name, &self.vocab.sections())
            .filter(|c| strsim::levenshtein(name, c) <= 1.max(c.len() / 5));
        if let Some(close) = close {
            message.push_str(&format!(" (did you mean `{close}`?)"));
        }
        Err(self.source.error_at(at, message).with_help(format!(
            "`version` and the sections {}",
            self.vocab
                .sections()
                .iter()
                .map(|s| format!("[{s}]"))
                .collect::<Vec<_>>()
                .join(", ")
        )))
    }

    /// The problem with a section whose value (at byte `at`) is not a table.
    pub fn not_a_table(&self, name: &str, at: usize) -> Diagnostic {
        let name = short(name);
        self.source
            .error_at(
                at,
                format!("`{name}` must be a table of facts, written [{name}]"),
            )
            .with_help(format!("the keys {}", self.vocab.keys_of(&name).join(", ")))
    }

    /// The fact `key` of `[section]`, when the vocabulary declares it and a case file may
    /// state it (a derived fact is never stated): its dotted key `section.key`, its position
    /// in the vocabulary and its declaration. Found by section and name, and the dotted key
    /// the vocabulary's, interned, never put together: this runs for every fact of every
    /// record of a batch.
    #[inline]
    pub fn stated(&self, section: OpenSection, key: &str) -> Option<StatedFact<'s>> {
        let slot = self.vocab.stated_slot(section.id, key)?;
        Some(StatedFact {
            key: self.vocab.interned_key(slot),
            slot,
            def: &self.vocab.facts[slot],
        })
    }

    /// One fact: `key` (at byte `key_at`) of `[section]`, its value at `span`.
    pub fn fact(
        &mut self,
        section: OpenSection,
        key: &str,
        key_at: usize,
        value: &DeValue,
        span: Range<usize>,
    ) -> Result<(), Diagnostic> {
        let Some(fact) = self.stated(section, key) else {
            let vocab = self.vocab;
            let section = section.name;
            let mut d = self.source.error_at(
                key_at,
                format!("unknown key `{}` in [{section}]", short(key)),
            );
            d.help = Some(format!(
                "in [{section}]: {}",
                vocab.keys_of(section).join(", ")
            ));
            if let Some(close) = closest(key, &vocab.keys_of(section)) {
                d.message.push_str(&format!(" (did you mean `{close}`?)"));
            }
            return Err(d);
        };
        let parsed = convert(self.source, self.vocab, fact.key, fact.def, value, span)?;
        self.push(fact.key, fact.slot, parsed);
        Ok(())
    }

    /// One fact whose value is a boolean (from a JSON record), without the TOML value
    /// [`CaseReader::fact`] reads: what `fact` makes of it (for a boolean fact). `false`, and
    /// nothing read, for another type of fact: `fact` then reports it.
    pub fn boolean(&mut self, fact: StatedFact<'s>, b: bool) -> bool {
        if fact.def.ty != FactType::Bool {
            return false;
        }
        self.push(fact.key, fact.slot, Value::Bool(b));
        true
    }

    /// One fact whose value is a text (from a JSON record), without the TOML value
    /// [`CaseReader::fact`] reads: what `fact` makes of it, through the same checks
    /// (`text_value`). `false`, and nothing read, for a text the fact refuses: `fact` then
    /// reports it. Most facts of a record are texts or booleans: the TOML value, built and
    /// dropped, and the general conversion cost some 80 instructions a fact.
    pub fn text_fact(&mut self, fact: StatedFact<'s>, s: &str) -> bool {
        let Ok(value) = text_value(self.vocab, fact.def, s) else {
            return false;
        };
        self.push(fact.key, fact.slot, value);
        true
    }

    /// One fact whose value is a number already parsed (from a JSON record), without going
    /// through the TOML text of the number: what [`CaseReader::fact`] makes of the number
    /// serde_json writes for it (a whole number for an integer fact, any number for a
    /// number fact, within the same bounds). `false`, and nothing read, for anything else:
    /// `fact` then reports it. Read this way, a number costs a comparison instead of a
    /// TOML parse.
    pub fn number(&mut self, fact: StatedFact<'s>, n: Number) -> bool {
        let StatedFact {
            key: fact_key,
            slot,
            def,
        } = fact;
        let value = match (def.ty, n) {
            (FactType::Integer, Number::Int(i)) => Value::Int(i),
            // As `str::parse::<f64>` reads the digits serde_json writes: both round to the
            // nearest.
            (FactType::Number, Number::Int(i)) => Value::Number(i as f64),
            // serde_json writes the shortest text that reads back as the same number.
            (FactType::Number, Number::Float(f)) if f.is_finite() => Value::Number(f),
            _ => return false,
        };
        let n = value.as_number().expect("a number");
        if !in_bounds(def, n) {
            return false;
        }
        self.push(fact_key, slot, value);
        true
    }

    /// One fact whose value is a list of texts (from a JSON record), read a text at a time
    /// ([`CaseReader::text`], then [`CaseReader::end_texts`]) without building the TOML
    /// array [`CaseReader::fact`] reads: what `fact` makes of it for a list of countries or
    /// of values, each text accepted, repeats dropped. `None` for another type of fact,
    /// and `text` is `false` for a text not accepted: nothing is read then, and `fact`
    /// reports it. Lists are common in records (`material.conduct`, `material.kinds`): the
    /// array cost an allocation, a push for each text and a drop, and so did a list of the
    /// texts made first.
    pub fn texts(&self, fact: StatedFact<'s>) -> Option<Texts<'s>> {
        // Checked before the texts: an empty list holds none to refuse.
        matches!(fact.def.ty, FactType::Countries | FactType::EnumList).then(|| Texts {
            fact,
            out: Vec::new(),
        })
    }

    /// The next text of a list (see [`CaseReader::texts`]): `false` when the fact does not
    /// accept it.
    pub fn text(&self, list: &mut Texts<'s>, s: &str) -> bool {
        if !list_accepts(self.vocab, list.fact.def, s) {
            return false;
        }
        push_once(&mut list.out, s);
        true
    }

    /// The list read (see [`CaseReader::texts`]), every text accepted.
    pub fn end_texts(&mut self, list: Texts<'s>) {
        self.push(list.fact.key, list.fact.slot, Value::List(list.out));
    }

    #[inline]
    fn push(&mut self, key: &'static str, slot: usize, value: Value) {
        let after = u64::from(self.vocab.key_rank(slot)) + 1;
        self.in_order &= after > self.after_last;
        self.after_last = after;
        let slot = Some(slot);
        self.facts.push((Cow::Borrowed(key), Fact { value, slot }));
    }

    /// The case: its facts checked together, then the derived ones added. `span` locates a
    /// fact's value, for a problem.
    pub fn finish(
        self,
        span: &dyn Fn(&str) -> Option<Range<usize>>,
        today: NaiveDate,
    ) -> Result<Case, Diagnostic> {
        // As inserting them one by one: in key order, the last of equal keys kept.
        let mut case = Case {
            facts: FactMap::from_read(self.facts, self.vocab, self.in_order),
        };
        let known = case.known();
        case.check_consistency(&known, self.source, self.vocab, span, today)?;
        case.derive_from(known, self.vocab, today);
        Ok(case)
    }
}

fn check_version(
    source: &SourceText,
    value: &DeValue,
    span: Range<usize>,
) -> Result<(), Diagnostic> {
    let accepted = format!("version = {SUPPORTED_VERSION} (or no version line)");
    match value {
        DeValue::Integer(i) => match i64::from_str_radix(&without_underscores(i.as_str()), i.radix()) {
            Ok(v) if v == SUPPORTED_VERSION => Ok(()),
            Ok(v) if v > SUPPORTED_VERSION => Err(source
                .error_at(span.start, format!("case format version {v} is newer than this program knows ({SUPPORTED_VERSION})"))
                .with_help(accepted)),
            _ => Err(source.error_at(span.start, "unsupported case format version").with_help(accepted)),
        },
        _ => Err(source.error_at(span.start, "`version` must be a whole number").with_help(accepted)),
    }
}
