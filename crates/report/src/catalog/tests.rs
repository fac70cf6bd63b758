//! The catalog is whole: both files parse, have the same messages with the same
//! parameters, every message renders in both languages, every id the code asks for exists
//! and every message is asked for.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use fluent_bundle::FluentResource;

use super::{Arg, EN, FR, Lang, format};

/// The top of the workspace: the catalog serves every crate of it.
fn workspace() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The messages of a file and the parameters each names (`$name`), read from the text:
/// a message starts at a line `id =` and goes on over the indented lines that follow.
fn messages(source: &str) -> BTreeMap<String, BTreeSet<String>> {
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut current: Option<String> = None;
    for line in source.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        if !line.starts_with(' ') {
            let id = line.split('=').next().unwrap_or("").trim().to_string();
            assert!(
                !out.contains_key(&id),
                "message `{id}` is defined twice in a catalog file"
            );
            out.insert(id.clone(), BTreeSet::new());
            current = Some(id);
        }
        let Some(id) = &current else { continue };
        let mut rest = line;
        while let Some(i) = rest.find('$') {
            let name: String = rest[i + 1..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
                .collect();
            out.get_mut(id).expect("inserted").insert(name.clone());
            rest = &rest[i + 1 + name.len()..];
        }
    }
    out
}

#[test]
fn both_files_parse() {
    for (name, source) in [("en.ftl", EN), ("fr.ftl", FR)] {
        if let Err((_, errors)) = FluentResource::try_new(source.to_string()) {
            panic!("{name} does not parse: {errors:?}");
        }
    }
}

#[test]
fn same_messages_and_parameters_in_both_languages() {
    let (en, fr) = (messages(EN), messages(FR));
    let only_en: Vec<&String> = en.keys().filter(|k| !fr.contains_key(*k)).collect();
    let only_fr: Vec<&String> = fr.keys().filter(|k| !en.contains_key(*k)).collect();
    assert!(only_en.is_empty(), "only in en.ftl: {only_en:?}");
    assert!(only_fr.is_empty(), "only in fr.ftl: {only_fr:?}");
    for (id, params) in &en {
        assert_eq!(
            params, &fr[id],
            "message `{id}` takes other parameters in French"
        );
    }
}

/// Every message renders in both languages with sample parameters (numbers, which also
/// pick plural forms, then text, which picks the default variants), without an error.
#[test]
fn every_message_renders_in_both_languages() {
    let en = messages(EN);
    for lang in [Lang::En, Lang::Fr] {
        let bundle = super::bundle(lang);
        for (id, params) in &en {
            for sample in [Arg::Number(1.0), Arg::Number(2.0), Arg::from("x")] {
                let args: Vec<(&str, Arg)> = params
                    .iter()
                    .map(|p| (p.as_str(), sample.clone()))
                    .collect();
                let msg = bundle.get_message(id).expect("message exists");
                let pattern = msg.value().expect("a value");
                let mut fa = fluent_bundle::FluentArgs::new();
                for (n, v) in &args {
                    match v {
                        Arg::Text(s) => fa.set(*n, s.to_string()),
                        Arg::Number(x) => fa.set(*n, *x),
                        Arg::Date(d) => fa.set(*n, d.to_string()),
                    }
                }
                let mut errors = Vec::new();
                let text = bundle.format_pattern(pattern, Some(&fa), &mut errors);
                assert!(errors.is_empty(), "{lang:?} `{id}`: {errors:?}");
                assert!(!text.is_empty(), "{lang:?} `{id}` is empty");
                assert!(
                    !text.contains('\u{2068}') && !text.contains('\u{2069}'),
                    "isolation marks in `{id}`"
                );
                let _ = format(lang, id, &args);
            }
        }
    }
}

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("a source folder") {
        let path = entry.expect("an entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The message ids asked for with `msg!(lang, "id"…)` and the prefixes asked for with
/// `keyed(lang, "prefix", value)`, in the sources (comments left out).
fn used() -> (BTreeSet<String>, BTreeSet<String>) {
    let mut files = Vec::new();
    rust_files(&workspace().join("src"), &mut files);
    rust_files(&workspace().join("crates"), &mut files);
    let (mut ids, mut prefixes) = (BTreeSet::new(), BTreeSet::new());
    for f in files {
        let text = std::fs::read_to_string(&f).expect("readable");
        let code: String = text
            .lines()
            .filter(|l| !l.trim_start().starts_with("//"))
            .collect::<Vec<_>>()
            .join("\n");
        for (marker, set) in [("msg!(", &mut ids), ("keyed(", &mut prefixes)] {
            let mut rest = code.as_str();
            while let Some(i) = rest.find(marker) {
                rest = &rest[i + marker.len()..];
                // The language (an expression without quotes or parentheses' end), a
                // comma, then the id: the first string literal of the call.
                let Some(q) = rest.find('"') else { break };
                let before = rest[..q].trim_end();
                if !before.ends_with(',')
                    || before.contains(['"', ';', '{', '}'])
                    || before.matches('(').count() != before.matches(')').count()
                {
                    continue;
                }
                let lit: String = rest[q + 1..].chars().take_while(|c| *c != '"').collect();
                set.insert(lit);
            }
        }
    }
    (ids, prefixes)
}

#[test]
fn every_id_used_exists_and_every_message_is_used() {
    let catalog = messages(EN);
    let (ids, prefixes) = used();
    let missing: Vec<&String> = ids.iter().filter(|id| !catalog.contains_key(*id)).collect();
    assert!(
        missing.is_empty(),
        "used but not in the catalog: {missing:?}"
    );
    let unused: Vec<&String> = catalog
        .keys()
        .filter(|id| !ids.contains(*id))
        .filter(|id| !prefixes.iter().any(|p| id.starts_with(&format!("{p}-"))))
        .collect();
    assert!(
        unused.is_empty(),
        "in the catalog but never used: {unused:?}"
    );
}

/// The values written `marker…"` in the built-in data files of `folder`.
fn data_values(folder: &str, marker: &str) -> BTreeSet<String> {
    let dir = workspace().join(folder);
    let mut out = BTreeSet::new();
    for entry in std::fs::read_dir(dir).expect("the data folder") {
        let path = entry.expect("an entry").path();
        if path.extension().is_none_or(|e| e != "toml") {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("readable");
        let mut rest = text.as_str();
        while let Some(i) = rest.find(marker) {
            rest = &rest[i + marker.len()..];
            out.insert(rest.chars().take_while(|c| *c != '"').collect());
        }
    }
    out
}

/// Every kind of custody, every procedure and every level of community order of the data
/// has its words in the catalog (`custody-reclusion`, `procedure-indictment`,
/// `community-order-high`), in both languages.
#[test]
fn every_value_of_the_data_has_its_words() {
    let catalog = messages(EN);
    for (folder, key, prefix) in [
        ("jurisdictions", "custody = \"", "custody"),
        ("jurisdictions", "procedure = \"", "procedure"),
        ("guidelines", "\"co:", "community-order"),
    ] {
        let values = data_values(folder, key);
        assert!(!values.is_empty(), "no `{key}` in the data");
        for v in values {
            let id = format!("{prefix}-{v}");
            assert!(
                catalog.contains_key(&id),
                "no message `{id}` for the data value `{v}` ({key}…)"
            );
        }
    }
}

/// The files of the engine, the comparison and the scales whose English is a diagnostic
/// (an error in a data file or on the command line, in English like every diagnostic of
/// `crates/law/src/diagnostics.rs`), not words of a result.
const DIAGNOSTICS: &[&str] = &[
    // Errors in the guideline files.
    "crates/analysis/src/scale/load.rs",
    // `--sentence`: the command line's errors, written by clap in English.
    "crates/analysis/src/scale/mod.rs",
];

/// Whether a string literal reads as a sentence: three words or more.
fn is_sentence(lit: &str) -> bool {
    lit.split(' ')
        .filter(|w| w.len() > 1 && w.chars().all(|c| c.is_alphabetic() || c == '\''))
        .count()
        >= 3
}

/// The engine, the comparison and the scales return findings, never sentences: no string
/// literal of three words or more in their code (tests, comments, panics on broken
/// invariants and the diagnostics of [`DIAGNOSTICS`] left out).
#[test]
fn no_sentences_in_the_engine_the_comparison_and_the_scales() {
    let root = &workspace();
    let mut files = Vec::new();
    for dir in ["crates/engine/src", "crates/analysis/src"] {
        rust_files(&root.join(dir), &mut files);
    }
    let mut found = Vec::new();
    for f in files {
        let name = f
            .strip_prefix(root)
            .expect("under the crate")
            .to_string_lossy()
            .replace('\\', "/");
        if DIAGNOSTICS.contains(&name.as_str()) || name.ends_with("/tests.rs") {
            continue;
        }
        let text = std::fs::read_to_string(&f).expect("readable");
        let code = match text.find("#[cfg(test)]\nmod tests {") {
            Some(i) => &text[..i],
            None => &text,
        };
        let lines: Vec<&str> = code.lines().collect();
        for (n, line) in lines.iter().enumerate() {
            let t = line.trim_start();
            // A panic's message (on a broken invariant) in the call or up to two lines on.
            let panics = lines[n.saturating_sub(2)..=n].iter().any(|l| {
                ["expect(", "assert", "panic!(", "unreachable!("]
                    .iter()
                    .any(|p| l.contains(p))
            });
            if t.starts_with("//") || panics {
                continue;
            }
            for (i, lit) in line.split('"').enumerate() {
                if i % 2 == 1 && is_sentence(lit) {
                    found.push(format!("{name}:{}: \"{lit}\"", n + 1));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "sentences in the engine, the comparison or the scales (return a finding, and put it in words in a renderer through the catalog):\n{}",
        found.join("\n")
    );
}
