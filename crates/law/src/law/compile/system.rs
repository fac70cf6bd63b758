//! Compiling one legal system file: its header, parameters, parties and provisions.

use super::*;

impl Compiler<'_> {
    /// Checks and compiles a system file, as read by `toml::from_str`.
    pub(super) fn system(&mut self, file: Result<SystemFile, toml::de::Error>) -> Option<System> {
        let file: SystemFile = match file {
            Ok(f) => f,
            Err(e) => {
                self.c.problems.push(
                    toml_error(self.c.src, &e)
                        .with_help("the format described in jurisdictions/README.md"),
                );
                return None;
            }
        };
        let h = file.system;
        let last_verified = h
            .last_verified
            .as_ref()
            .and_then(|d| self.date(d, "last_verified"));
        let mut parameters = BTreeMap::new();
        for (name, value) in &h.parameters {
            let key = format!("state.{name}");
            match self.c.vocab.parameter(&key).map(|p| p.ty) {
                None => self.err(&value.span(), format!("unknown parameter `{}` (declare `{}` as a [[parameter]] in vocabulary.toml)", quote(name), quote(&key))),
                Some(ty) => match (ty, value.get_ref()) {
                    (FactType::Integer, toml::Value::Integer(i)) => {
                        parameters.insert(key, Value::Int(*i));
                    }
                    (FactType::Bool, toml::Value::Boolean(b)) => {
                        parameters.insert(key, Value::Bool(*b));
                    }
                    (FactType::Number, toml::Value::Float(f)) => {
                        parameters.insert(key, Value::Number(*f));
                    }
                    (ty, _) => self.err(&value.span(), format!("parameter `{}` must be {}", quote(name), ty.describe())),
                },
            }
        }
        for c in &h.court_countries {
            if !self.c.vocab.is_country(c.get_ref()) {
                self.err(
                    &c.span(),
                    format!(
                        "`{}` is not an ISO 3166-1 alpha-2 country code",
                        quote(c.get_ref())
                    ),
                );
            }
        }
        let title_languages: Vec<&str> = h
            .title_languages
            .iter()
            .map(|l| l.get_ref().as_str())
            .collect();
        for raw in &file.provision {
            for lang in raw.title.other.keys() {
                if !title_languages.contains(&lang.as_str()) {
                    self.err_help(
                        &raw.id.span(),
                        format!(
                            "provision `{}` gives its title in `{}`, a language the system does not declare",
                            quote(raw.id.get_ref()),
                            quote(lang)
                        ),
                        "a language listed in [system] title_languages",
                    );
                }
            }
        }
        if h.age_of_majority.is_none() {
            for l in file
                .limitation
                .iter()
                .filter(|l| l.starts == LimitationStart::Majority)
            {
                self.err_help(
                    &l.id.span(),
                    format!(
                        "limitation `{}` runs from the victim's majority, but the system gives no age of majority",
                        quote(l.id.get_ref())
                    ),
                    "age_of_majority = 18 (for example) in [system]",
                );
            }
        }
        let mut parties = Vec::new();
        for p in &h.party {
            if !self.c.vocab.is_country(p.state.get_ref()) {
                self.err(
                    &p.state.span(),
                    format!(
                        "`{}` is not an ISO 3166-1 alpha-2 country code",
                        quote(p.state.get_ref())
                    ),
                );
            }
            let from = self.date(&p.from, "from");
            let sources = self.sources(
                &p.sources,
                &format!("party {}", p.state.get_ref()),
                &p.state.span(),
            );
            if let Some(from) = from {
                parties.push(Party {
                    state: p.state.get_ref().clone(),
                    from,
                    verification: p.verification,
                    sources,
                    notes: p.notes.clone(),
                });
            }
        }
        let system_sources = h.sources.iter().map(|s| s.get_ref().clone()).collect();
        let period = h.period.as_ref().map(|p| crate::law::PeriodRule {
            limitation_from: p.limitation_from,
            verification: p.verification,
            sources: self.sources(&p.sources, "[system.period]", &h.id.span()),
            notes: p.notes.clone(),
        });
        let mut provisions = Vec::new();
        let mut ids: HashMap<String, Range<usize>> = HashMap::new();
        for raw in &file.provision {
            if ids
                .insert(raw.id.get_ref().clone(), raw.id.span())
                .is_some()
            {
                self.err(
                    &raw.id.span(),
                    format!(
                        "provision `{}` is defined twice in this file",
                        quote(raw.id.get_ref())
                    ),
                );
                continue;
            }
            if let Some(p) = self.provision(raw) {
                provisions.push(p);
            }
        }
        let evaluation_order = self.order(&file.provision, &provisions, &ids);
        index_subsidiaries(&mut provisions);
        let limitations = file
            .limitation
            .iter()
            .filter_map(|l| self.limitation(l, &ids))
            .collect();
        let jurisdictions = file
            .jurisdiction
            .iter()
            .filter_map(|j| self.jurisdiction(j, &ids))
            .collect();
        Some(System {
            id: h.id.get_ref().clone(),
            kind: h.kind,
            language: h.language.clone(),
            name: h.name.clone(),
            currency: h.currency.clone(),
            age_of_majority: h.age_of_majority.as_ref().map(|a| *a.get_ref()),
            court_countries: h
                .court_countries
                .iter()
                .map(|c| c.get_ref().clone())
                .collect(),
            title_languages: h
                .title_languages
                .iter()
                .map(|l| l.get_ref().clone())
                .collect(),
            last_verified,
            notes: h.notes.clone(),
            sources: system_sources,
            parameters,
            parties,
            period,
            provisions,
            limitations,
            jurisdictions,
            evaluation_order,
            file: self.c.src.name.clone(),
        })
    }
}
