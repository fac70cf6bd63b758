//! Reading vocabulary.toml: every check, each problem located, and the sections case
//! files may hold.

use super::*;

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
            if let Some(a) = &f.at_least {
                let fits = f.ty == FactType::Integer
                    && f.min.is_none_or(|m| a.min as f64 >= m)
                    && f.max.is_none_or(|m| (a.min as f64) < m)
                    && a.id.parse::<f64>().is_err()
                    && !a.id.trim().is_empty();
                if !fits {
                    problems.push(
                        source
                            .error_at(
                                at(),
                                format!(
                                    "fact `{}` has an `at_least` value that does not fit it",
                                    quote(&f.key)
                                ),
                            )
                            .with_help(
                                "`at_least` only on an integer fact, with a word (not a number) \
                                 and a `min` within the fact's bounds, below its `max`",
                            ),
                    );
                }
            }
            if let Some(from) = &f.period_from {
                let start = file.fact.iter().find(|g| &g.key == from);
                let fits = f.ty == FactType::Date
                    && from != &f.key
                    && start.is_some_and(|g| g.ty == FactType::Date);
                if !fits {
                    problems.push(
                        source
                            .error_at(
                                at(),
                                format!(
                                    "fact `{}` has a period from `{}`, which is not another date fact",
                                    quote(&f.key),
                                    quote(from)
                                ),
                            )
                            .with_help(
                                "`period_from` only on a date fact, naming another date fact of \
                                 the vocabulary (the period's first date)",
                            ),
                    );
                }
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
        let sources = crate::facts::sources::SourceClasses::new(file.source_class, file.source)
            .map_err(|e| {
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
            ranks: Vec::new(),
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
        let mut by_key: Vec<usize> = (0..self.facts.len()).collect();
        by_key.sort_by_key(|&slot| self.keys[slot]);
        self.ranks = vec![0; by_key.len()];
        for (rank, slot) in by_key.into_iter().enumerate() {
            self.ranks[slot] = rank as u32;
        }
        self
    }
}
