//! Turns data files into the compiled model, checking everything a lawyer or a newcomer
//! could get wrong, and reporting every problem with its location.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::ops::Range;
use std::sync::atomic::{AtomicUsize, Ordering};

use chrono::NaiveDate;
use toml::Spanned;

use super::checks::FileCheck;
use super::model::*;
use super::penalty::{Fine, Penalty, Term};
use super::{
    Aggravation, Element, Jurisdiction, LawBook, Limitation, LimitationVersion, Party, Presumption,
    Provision, Reading, System, VOCABULARY_FILE, Version,
};
use crate::condition::Expr;
use crate::diagnostics::quote;
use crate::diagnostics::{Diagnostic, SourceText, toml_error};
use crate::facts::{FactType, PresumedValue, Value, Vocabulary};

pub fn compile(files: Vec<SourceText>) -> Result<LawBook, Vec<Diagnostic>> {
    let Some(vocab_src) = files.iter().find(|f| f.name.ends_with(VOCABULARY_FILE)) else {
        return Err(vec![Diagnostic::whole_file(
            "(data)",
            format!("no {VOCABULARY_FILE} among the data files"),
        )]);
    };
    let system_files: Vec<&SourceText> = files
        .iter()
        .filter(|f| !f.name.ends_with(VOCABULARY_FILE))
        .collect();
    let vocabulary = Vocabulary::parse(vocab_src)?;
    let compiled = read_in_parallel(&system_files, &vocabulary);
    let mut problems = Vec::new();
    let mut conduct_conditions = BTreeMap::new();
    let locations = std::cell::OnceCell::new();
    for (i, c) in vocabulary.conduct.iter().enumerate() {
        let Some(when) = &c.when else { continue };
        match Expr::parse(when, &vocabulary) {
            Ok(e) => {
                conduct_conditions.insert(c.id.clone(), e);
            }
            Err(ce) => {
                let at = locations
                    .get_or_init(|| crate::facts::Locations::of(vocab_src))
                    .conduct_when(vocab_src, i)
                    + ce.offset;
                problems.push(vocab_src.error_at(
                    at,
                    format!(
                        "in the condition of conduct class `{}`: {}",
                        quote(&c.id),
                        ce.message
                    ),
                ).with_help(
                    "the condition language of jurisdictions/README.md, over facts declared in vocabulary.toml",
                ));
            }
        }
    }
    let presumptions = presumptions(&vocabulary, vocab_src, &mut problems);
    let mut systems: Vec<System> = Vec::new();
    for (src, read) in system_files.iter().zip(compiled) {
        let (system, file_problems) = read;
        problems.extend(file_problems);
        if let Some(system) = system {
            if let Some(other) = systems.iter().find(|s| s.id == system.id) {
                problems.push(Diagnostic::whole_file(
                    &src.name,
                    format!(
                        "system `{}` is already defined in {}",
                        quote(&system.id),
                        other.file
                    ),
                ));
                continue;
            }
            systems.push(system);
        }
    }
    let mut seen: HashMap<&str, &str> = HashMap::new();
    for s in &systems {
        for p in &s.provisions {
            if let Some(first) = seen.insert(&p.id, &s.file) {
                if first != s.file {
                    problems.push(Diagnostic::whole_file(
                        &s.file,
                        format!("provision `{}` is also defined in {first}", quote(&p.id)),
                    ));
                }
            }
        }
    }
    if problems.is_empty() {
        Ok(LawBook {
            vocabulary,
            systems,
            conduct_conditions,
            presumptions,
        })
    } else {
        Err(problems)
    }
}

/// The presumptions the vocabulary declares, checked: the value of the fact's type (one of
/// its values for an enumeration), the condition over declared facts, not reading the fact
/// it presumes.
fn presumptions(
    vocabulary: &Vocabulary,
    src: &SourceText,
    problems: &mut Vec<Diagnostic>,
) -> Vec<Presumption> {
    let mut out = Vec::new();
    for f in &vocabulary.facts {
        let Some(p) = &f.presumed else { continue };
        let at = |problem: String, help: &str| {
            let at = src.text.find(&format!("\"{}\"", f.key)).unwrap_or(0);
            src.error_at(at, problem).with_help(help.to_string())
        };
        let value = match (&p.value, f.ty) {
            (PresumedValue::Bool(b), FactType::Bool) => Some(Value::Bool(*b)),
            (PresumedValue::Int(i), FactType::Integer) => Some(Value::Int(*i)),
            (PresumedValue::Int(i), FactType::Number) => Some(Value::Number(*i as f64)),
            (PresumedValue::Number(n), FactType::Number) => Some(Value::Number(*n)),
            (PresumedValue::Text(t), FactType::Enum) if f.values.contains(t) => {
                Some(Value::Str(t.clone()))
            }
            _ => None,
        };
        let Some(value) = value else {
            problems.push(at(
                format!(
                    "the presumed value of `{}` is not a value of that fact",
                    quote(&f.key)
                ),
                "a value of the fact's type: true or false, a number, or one of its values",
            ));
            continue;
        };
        match Expr::parse(&p.when, vocabulary) {
            Ok(when) if when.operands().iter().any(|o| o.key() == f.key) => problems.push(at(
                format!("the presumption of `{}` reads the fact it presumes", quote(&f.key)),
                "a condition on other facts",
            )),
            Ok(when) => out.push(Presumption {
                fact: f.key.clone(),
                value,
                when,
                note: p.note.clone(),
            }),
            Err(ce) => problems.push(at(
                format!("in the presumption of `{}`: {}", quote(&f.key), ce.message),
                "the condition language of jurisdictions/README.md, over facts declared in vocabulary.toml",
            )),
        }
    }
    out
}

/// Each version's `subsidiaries`: its `subsidiary_to`, by index among `provisions` (an
/// unknown id is reported by the check of references).
fn index_subsidiaries(provisions: &mut [Provision]) {
    let index: HashMap<String, usize> = provisions
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id.clone(), i))
        .collect();
    for v in provisions.iter_mut().flat_map(|p| p.versions.iter_mut()) {
        v.subsidiaries = v
            .subsidiary_to
            .iter()
            .filter_map(|id| index.get(id).copied())
            .collect();
    }
}

/// What reading one system file gives: the system (unless it is unusable) and its problems.
type FileRead = (Option<System>, Vec<Diagnostic>);

/// Reads the system files on as many threads as there are cores, this one included: the
/// files are independent. Each thread takes the next file not yet taken, the largest first,
/// so that the last one taken is short. The results come in the order of the files, as from
/// reading them one by one; no thread outlives the load, and if none can be started this
/// thread reads every file.
fn read_in_parallel(files: &[&SourceText], vocabulary: &Vocabulary) -> Vec<FileRead> {
    let mut queue: Vec<usize> = (0..files.len()).collect();
    queue.sort_by_key(|&i| std::cmp::Reverse(files[i].text.len()));
    let next = AtomicUsize::new(0);
    let take = || {
        let mut read = Vec::new();
        while let Some(&i) = queue.get(next.fetch_add(1, Ordering::Relaxed)) {
            read.push((i, read_system(files[i], vocabulary)));
        }
        read
    };
    let helpers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(files.len())
        .saturating_sub(1);
    let mut read = std::thread::scope(|scope| {
        let helpers: Vec<_> = (0..helpers)
            .filter_map(|_| std::thread::Builder::new().spawn_scoped(scope, take).ok())
            .collect();
        let mut read = take();
        for helper in helpers {
            read.extend(
                helper
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
            );
        }
        read
    });
    read.sort_by_key(|&(i, _)| i);
    read.into_iter().map(|(_, r)| r).collect()
}

/// Reads one system file, then checks and compiles it.
fn read_system(src: &SourceText, vocabulary: &Vocabulary) -> FileRead {
    let file = crate::preparsed::from_source::<SystemFile>(src);
    let mut c = Compiler {
        c: FileCheck::new(src, vocabulary),
    };
    let system = c.system(file);
    (system, c.c.problems)
}

struct Compiler<'a> {
    c: FileCheck<'a>,
}

impl Compiler<'_> {
    fn err(&mut self, span: &Range<usize>, message: impl Into<String>) {
        self.c.err(span.start, message);
    }

    fn err_help(
        &mut self,
        span: &Range<usize>,
        message: impl Into<String>,
        help: impl Into<String>,
    ) {
        self.c.err_help(span.start, message, help);
    }

    fn date(&mut self, s: &Spanned<String>, what: &str) -> Option<NaiveDate> {
        self.c.date(s, what)
    }

    fn sources(&mut self, list: &[Spanned<String>], what: &str, at: &Range<usize>) -> Vec<String> {
        self.c.sources(list, what, at.start)
    }

    fn expr(&mut self, when: &Spanned<String>) -> Option<Expr> {
        self.c.expr(when)
    }

    /// Checks and compiles a system file, as read by `toml::from_str`.
    fn system(&mut self, file: Result<SystemFile, toml::de::Error>) -> Option<System> {
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
            provisions,
            limitations,
            jurisdictions,
            evaluation_order,
            file: self.c.src.name.clone(),
        })
    }

    /// Checks references between provisions and orders them so that each is evaluated
    /// after those its conditions name; a cycle is an error.
    fn order(
        &mut self,
        raws: &[ProvisionRaw],
        provisions: &[Provision],
        ids: &HashMap<String, Range<usize>>,
    ) -> Vec<usize> {
        let index: HashMap<&str, usize> = provisions
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id.as_str(), i))
            .collect();
        let mut deps: Vec<Vec<usize>> = vec![Vec::new(); provisions.len()];
        // A provision is evaluated after those it gives way to.
        for raw in raws {
            let Some(&i) = index.get(raw.id.get_ref().as_str()) else {
                continue;
            };
            let lists = std::iter::once(&raw.subsidiary_to)
                .chain(raw.version.iter().filter_map(|v| v.subsidiary_to.as_ref()));
            for r in lists.flatten() {
                match index.get(r.get_ref().as_str()) {
                    Some(&j) if j == i => self.err(
                        &r.span(),
                        format!(
                            "provision `{}` cannot give way to itself",
                            quote(&provisions[i].id)
                        ),
                    ),
                    Some(&j) => {
                        if !deps[i].contains(&j) {
                            deps[i].push(j)
                        }
                    }
                    None => self.err_help(
                        &r.span(),
                        format!(
                            "provision `{}` gives way to `{}`, which this file does not define",
                            quote(&provisions[i].id),
                            quote(r.get_ref())
                        ),
                        "subsidiary_to = [\"ID\", …]: provisions of the same file",
                    ),
                }
            }
        }
        for (i, p) in provisions.iter().enumerate() {
            let span = ids.get(&p.id).cloned().unwrap_or(0..0);
            for v in &p.versions {
                let exprs = v
                    .elements
                    .iter()
                    .map(|e| &e.when)
                    .chain(v.aggravations.iter().map(|a| &a.when));
                for expr in exprs {
                    for r in expr.provisions() {
                        match index.get(r) {
                            Some(&j) => {
                                if !deps[i].contains(&j) {
                                    deps[i].push(j)
                                }
                            }
                            None => {
                                // Locate the reference in the provision's raw text if possible.
                                let at = raws
                                    .iter()
                                    .find(|r2| r2.id.get_ref() == &p.id)
                                    .map(|_| span.clone())
                                    .unwrap_or(span.clone());
                                self.err_help(&at, format!("provision `{}` refers to `{}`, which this file does not define", quote(&p.id), quote(r)), "applies()/possible()/excluded() of a provision of the same file");
                            }
                        }
                    }
                }
            }
        }
        let mut state = vec![0u8; provisions.len()];
        let mut order = Vec::new();
        /// Depth first with an explicit stack, so that a chain of thousands of provisions
        /// cannot overflow the call stack. Returns a provision found on a cycle.
        fn visit(
            start: usize,
            deps: &[Vec<usize>],
            state: &mut [u8],
            order: &mut Vec<usize>,
        ) -> Option<usize> {
            if state[start] == 2 {
                return None;
            }
            state[start] = 1;
            let mut stack = vec![(start, 0usize)];
            while let Some(top) = stack.last_mut() {
                let i = top.0;
                let next = deps[i].get(top.1).copied();
                top.1 += 1;
                match next {
                    Some(d) => match state[d] {
                        0 => {
                            state[d] = 1;
                            stack.push((d, 0));
                        }
                        1 => return Some(d),
                        _ => {}
                    },
                    None => {
                        state[i] = 2;
                        order.push(i);
                        stack.pop();
                    }
                }
            }
            None
        }
        for i in 0..provisions.len() {
            if let Some(c) = visit(i, &deps, &mut state, &mut order) {
                let span = ids.get(&provisions[c].id).cloned().unwrap_or(0..0);
                self.err(
                    &span,
                    format!(
                        "provision `{}` depends on itself through applies()/possible()/excluded() or subsidiary_to",
                        quote(&provisions[c].id)
                    ),
                );
                return (0..provisions.len()).collect();
            }
        }
        order
    }

    fn provision_refs(
        &mut self,
        refs: &[Spanned<String>],
        ids: &HashMap<String, Range<usize>>,
    ) -> Vec<String> {
        for r in refs {
            if !ids.contains_key(r.get_ref()) {
                self.err_help(
                    &r.span(),
                    format!("`{}` is not a provision of this file", quote(r.get_ref())),
                    "the id of a [[provision]] of the same file",
                );
            }
        }
        refs.iter().map(|r| r.get_ref().clone()).collect()
    }

    fn limitation(
        &mut self,
        raw: &LimitationRaw,
        ids: &HashMap<String, Range<usize>>,
    ) -> Option<Limitation> {
        let applies_to = self.provision_refs(&raw.applies_to, ids);
        if applies_to.is_empty() {
            self.err_help(
                &raw.id.span(),
                format!(
                    "limitation `{}` governs no provision",
                    quote(raw.id.get_ref())
                ),
                "applies_to = [\"FR.222-23\", …]",
            );
        }
        let when = match &raw.when {
            Some(w) => Some(self.expr(w)?),
            None => None,
        };
        let mut versions = Vec::new();
        for v in &raw.version {
            let from = self.date(&v.in_force_from, "in_force_from");
            let to = v
                .in_force_to
                .as_ref()
                .and_then(|d| self.date(d, "in_force_to"));
            let period = v.period.get_ref().trim();
            let period_months = if period == "none" {
                None
            } else {
                match super::penalty::parse_duration_months(period) {
                    Some(m) => Some(m),
                    None => {
                        self.err_help(
                            &v.period.span(),
                            format!("`{}` is not a period", quote(period)),
                            "a duration such as \"20y\", or \"none\" where there is no limitation",
                        );
                        continue;
                    }
                }
            };
            let sources = self.sources(
                &v.sources,
                &format!("limitation `{}`", quote(raw.id.get_ref())),
                &v.in_force_from.span(),
            );
            let last_verified = v
                .last_verified
                .as_ref()
                .and_then(|d| self.date(d, "last_verified"));
            if let Some(from) = from {
                versions.push(LimitationVersion {
                    from,
                    to,
                    period_months,
                    period_text: period.to_string(),
                    transition: v.transition,
                    verification: v.verification,
                    sources,
                    last_verified,
                    notes: v.notes.clone(),
                });
            }
        }
        if versions.is_empty() {
            self.err_help(&raw.id.span(), format!("limitation `{}` has no version", quote(raw.id.get_ref())), "at least one [[limitation.version]] with in_force_from, period, verification and sources");
        }
        versions.sort_by_key(|v| v.from);
        for w in versions.windows(2) {
            if w[0].to.is_none_or(|to| to >= w[1].from) {
                self.err(
                    &raw.id.span(),
                    format!(
                        "versions of limitation `{}` overlap: one from {} and one from {}",
                        quote(raw.id.get_ref()),
                        w[0].from,
                        w[1].from
                    ),
                );
            }
        }
        Some(Limitation {
            id: raw.id.get_ref().clone(),
            citation: raw.citation.clone(),
            label: raw.label.clone(),
            applies_to,
            when,
            starts: raw.starts,
            notes: raw.notes.clone(),
            versions,
        })
    }

    fn jurisdiction(
        &mut self,
        raw: &JurisdictionRaw,
        ids: &HashMap<String, Range<usize>>,
    ) -> Option<Jurisdiction> {
        let applies_to = self.provision_refs(&raw.applies_to, ids);
        let when = self.expr(&raw.when);
        let from = self.date(&raw.in_force_from, "in_force_from");
        let to = raw
            .in_force_to
            .as_ref()
            .and_then(|d| self.date(d, "in_force_to"));
        // An unverified rule may rest on no source at all (the dossier's "unsourced"); any
        // other label needs its sources.
        let sources = if raw.sources.is_empty() && raw.verification == Verification::Unverified {
            Vec::new()
        } else {
            self.sources(
                &raw.sources,
                &format!("jurisdiction rule `{}`", quote(raw.id.get_ref())),
                &raw.id.span(),
            )
        };
        let last_verified = raw
            .last_verified
            .as_ref()
            .and_then(|d| self.date(d, "last_verified"));
        Some(Jurisdiction {
            id: raw.id.get_ref().clone(),
            citation: raw.citation.clone(),
            label: raw.label.clone(),
            basis: raw.basis,
            applies_to,
            when: when?,
            double_criminality: raw.double_criminality,
            conditions: raw.conditions.clone(),
            from: from?,
            to,
            verification: raw.verification,
            sources,
            last_verified,
            notes: raw.notes.clone(),
        })
    }

    fn element(&mut self, raw: &ElementRaw) -> Option<Element> {
        let when = self.expr(&raw.when)?;
        Some(Element {
            id: raw.id.get_ref().clone(),
            label: raw.label.clone(),
            when,
            text: raw.when.get_ref().trim().to_string(),
        })
    }

    fn provision(&mut self, raw: &ProvisionRaw) -> Option<Provision> {
        let id_span = raw.id.span();
        for c in &raw.covers {
            if self.c.vocab.conduct(c.get_ref()).is_none() {
                self.err_help(
                    &c.span(),
                    format!("unknown conduct class `{}`", quote(c.get_ref())),
                    "a conduct class declared as [[conduct]] in vocabulary.toml",
                );
            }
        }
        let mut base = Vec::new();
        let mut element_ids = HashSet::new();
        for e in &raw.element {
            if !element_ids.insert(e.id.get_ref().clone()) {
                self.err(
                    &e.id.span(),
                    format!(
                        "element `{}` is defined twice in `{}`",
                        quote(e.id.get_ref()),
                        quote(raw.id.get_ref())
                    ),
                );
            }
            if let Some(el) = self.element(e) {
                base.push(el);
            }
        }
        if raw.version.is_empty() {
            self.err_help(&id_span, format!("provision `{}` has no version", quote(raw.id.get_ref())), "at least one [[provision.version]] with in_force_from, penalty, verification and sources");
        }
        let mut versions: Vec<Version> = Vec::new();
        for v in &raw.version {
            if let Some(version) = self.version(raw, v, &base) {
                versions.push(version);
            }
        }
        versions.sort_by_key(|v| v.from);
        let in_force: Vec<&Version> = versions
            .iter()
            .filter(|v| v.status == VersionStatus::InForce)
            .collect();
        for w in in_force.windows(2) {
            if w[0].to.is_none_or(|to| to >= w[1].from) {
                self.err_help(
                    &id_span,
                    format!(
                        "versions of `{}` overlap: one from {} and one from {}",
                        quote(raw.id.get_ref()),
                        w[0].from,
                        w[1].from
                    ),
                    "give the earlier version an in_force_to before the later in_force_from",
                );
            }
        }
        Some(Provision {
            id: raw.id.get_ref().clone(),
            citation: raw.citation.clone(),
            title: raw.title.clone(),
            covers: raw.covers.iter().map(|c| c.get_ref().clone()).collect(),
            most_serious_conduct: raw
                .covers
                .iter()
                .filter_map(|c| self.c.vocab.conduct_position(c.get_ref()))
                .min()
                .unwrap_or(usize::MAX),
            attempt: raw.attempt.clone(),
            notes: raw.notes.clone(),
            new_offence: raw.new_offence,
            versions,
        })
    }

    fn version(&mut self, p: &ProvisionRaw, v: &VersionRaw, base: &[Element]) -> Option<Version> {
        let from = self.date(&v.in_force_from, "in_force_from");
        let to = v
            .in_force_to
            .as_ref()
            .and_then(|d| self.date(d, "in_force_to"));
        if let (Some(f), Some(t)) = (from, to) {
            if t < f {
                self.err(
                    &v.in_force_from.span(),
                    format!("in_force_to {t} is before in_force_from {f}"),
                );
            }
        }
        let last_verified = v
            .last_verified
            .as_ref()
            .and_then(|d| self.date(d, "last_verified"));
        let what = format!(
            "version of `{}` from {}",
            quote(p.id.get_ref()),
            v.in_force_from.get_ref()
        );
        let sources = self.sources(&v.sources, &what, &v.in_force_from.span());
        let penalty = self.penalty(&v.penalty);
        let mut elements = base.to_vec();
        for e in &v.element {
            if let Some(el) = self.element(e) {
                match elements.iter_mut().find(|x| x.id == el.id) {
                    Some(slot) => *slot = el,
                    None => elements.push(el),
                }
            }
        }
        let mut aggravations: Vec<Aggravation> = Vec::new();
        for a in &v.aggravation {
            let when = self.expr(&a.when);
            let apen = self.penalty(&a.penalty);
            let asources = match &a.sources {
                Some(list) => self.sources(
                    list,
                    &format!("aggravation `{}`", quote(a.id.get_ref())),
                    &a.id.span(),
                ),
                None => sources.clone(),
            };
            if aggravations.iter().any(|x| &x.id == a.id.get_ref()) {
                self.err(
                    &a.id.span(),
                    format!("aggravation `{}` is defined twice", quote(a.id.get_ref())),
                );
            }
            if let (Some(when), Some(apen)) = (when, apen) {
                if let Some(base_pen) = &penalty {
                    if apen.severity_cmp(base_pen) == Some(std::cmp::Ordering::Less) {
                        self.err_help(
                            &a.penalty.span(),
                            format!(
                                "aggravation `{}` would lower the penalty of `{}`",
                                quote(a.id.get_ref()),
                                quote(p.id.get_ref())
                            ),
                            "an aggravated penalty at least as severe as the base penalty",
                        );
                    }
                }
                aggravations.push(Aggravation {
                    id: a.id.get_ref().clone(),
                    label: a.label.clone(),
                    when,
                    text: a.when.get_ref().trim().to_string(),
                    penalty: apen,
                    verification: a.verification.unwrap_or(v.verification),
                    sources: asources,
                    priority: a.priority.unwrap_or(0),
                    notes: a.notes.clone(),
                });
            }
        }
        for (i, a) in aggravations.iter().enumerate() {
            for b in &aggravations[i + 1..] {
                let known = !a.penalty.has_unknown() && !b.penalty.has_unknown();
                if known && a.penalty.severity_cmp(&b.penalty).is_none() && a.priority == b.priority
                {
                    let span = v
                        .aggravation
                        .iter()
                        .find(|r| r.id.get_ref() == &b.id)
                        .map(|r| r.id.span())
                        .unwrap_or(0..0);
                    self.err_help(&span, format!("aggravations `{}` and `{}` of `{}` both claim to win: neither penalty is more severe than the other", quote(&a.id), quote(&b.id), quote(p.id.get_ref())), "give them distinct `priority` numbers (the higher wins when both apply)");
                }
            }
        }
        let mut readings = Vec::new();
        for r in &v.reading {
            let rs = self.sources(&r.sources, "reading", &r.penalty.span());
            if let Some(pen) = self.penalty(&r.penalty) {
                readings.push(Reading {
                    penalty: pen,
                    sources: rs,
                    note: r.note.clone(),
                });
            }
        }
        if !readings.is_empty() && v.verification != Verification::Unverified {
            self.err_help(
                &v.in_force_from.span(),
                format!(
                    "{what} records conflicting readings but is labelled {}",
                    v.verification.as_str()
                ),
                "verification = \"unverified\" where sources conflict",
            );
        }
        Some(Version {
            from: from?,
            to,
            status: v.status,
            verification: v.verification,
            sources,
            last_verified,
            notes: v.notes.clone(),
            penalty: penalty?,
            elements,
            aggravations,
            readings,
            subsidiary_to: v
                .subsidiary_to
                .as_ref()
                .unwrap_or(&p.subsidiary_to)
                .iter()
                .map(|s| s.get_ref().clone())
                .collect(),
            // Set once the system's provisions are known (see `index_subsidiaries`).
            subsidiaries: Vec::new(),
        })
    }

    fn penalty(&mut self, raw: &Spanned<PenaltyRaw>) -> Option<Penalty> {
        let span = raw.span();
        self.penalty_inner(raw.get_ref(), &span, None)
    }

    fn penalty_inner(
        &mut self,
        raw: &PenaltyRaw,
        span: &Range<usize>,
        custody: Option<&String>,
    ) -> Option<Penalty> {
        let custody = raw.custody.as_ref().or(custody).cloned();
        if !raw.procedures.is_empty() {
            let mut procs = Vec::new();
            for pr in &raw.procedures {
                if pr.procedure.is_none() {
                    self.err_help(
                        span,
                        "each of `procedures` needs a `procedure`",
                        "procedure = \"indictment\" or \"summary\"",
                    );
                }
                if !pr.procedures.is_empty() {
                    self.err(span, "`procedures` cannot be nested");
                }
                procs.push(self.penalty_inner(pr, span, custody.as_ref())?);
            }
            let mut headline = procs[0].clone();
            for p in &procs[1..] {
                if p.severity_cmp(&headline) == Some(std::cmp::Ordering::Greater) {
                    headline = p.clone();
                }
            }
            headline.procedures = procs;
            return Some(headline);
        }
        if let Some(proc_) = &raw.procedure {
            if proc_ != "indictment" && proc_ != "summary" {
                self.err_help(
                    span,
                    format!("unknown procedure `{}`", quote(proc_)),
                    "indictment or summary",
                );
            }
        }
        let term = |c: &mut Self, s: &Option<String>| -> Option<Option<Term>> {
            match s {
                None => Some(None),
                Some(s) => match Term::parse(s) {
                    Ok(t) => Some(Some(t)),
                    Err(m) => {
                        c.err(span, m);
                        None
                    }
                },
            }
        };
        let fine = |c: &mut Self, s: &Option<String>| -> Option<Option<Fine>> {
            match s {
                None => Some(None),
                Some(s) => match Fine::parse(s) {
                    Ok(f) => Some(Some(f)),
                    Err(m) => {
                        c.err(span, m);
                        None
                    }
                },
            }
        };
        let prison_max = term(self, &raw.prison_max)?;
        let prison_min = term(self, &raw.prison_min)?;
        let fine_max = fine(self, &raw.fine_max)?;
        let fine_min = fine(self, &raw.fine_min)?;
        let Some(prison_max) = prison_max else {
            self.err_help(
                span,
                "the penalty has no `prison_max`",
                "prison_max = \"5y\" (or \"life\", \"none\", \"unknown\")",
            );
            return None;
        };
        if raw.minimum_status.is_some() && prison_min.is_none() {
            self.err(span, "`minimum_status` without `prison_min`");
        }
        if let (Some(min), Some(max)) = (prison_min.and_then(Term::months), prison_max.months()) {
            if min > max {
                self.err(
                    span,
                    format!("prison_min ({min} months) is above prison_max ({max} months)"),
                );
            }
        }
        Some(Penalty {
            prison_max,
            prison_min,
            minimum_status: raw.minimum_status,
            minimum_note: raw.minimum_note.clone(),
            fine_max,
            fine_min,
            custody,
            procedure: raw.procedure.clone(),
            procedures: Vec::new(),
        })
    }
}
