//! Turns data files into the compiled model, checking everything a lawyer or a newcomer
//! could get wrong, and reporting every problem with its location.

mod jurisdiction;
mod limitation;
mod order;
mod penalty;
mod provision;
mod system;

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
}
