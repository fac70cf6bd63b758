//! The dependency graph of the workspace is the architecture (README.md, "Architecture"):
//! each crate of `crates/` may depend on the crates below it and on no other of the
//! project. The compiler enforces what a crate declares; this test keeps the declarations
//! to the graph.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Each library crate and the project's crates it may use, from the bottom up.
const LAYERS: &[(&str, &[&str])] = &[
    ("qualif-law", &[]),
    ("qualif-engine", &["qualif-law"]),
    ("qualif-analysis", &["qualif-law", "qualif-engine"]),
    (
        "qualif-report",
        &["qualif-law", "qualif-engine", "qualif-analysis"],
    ),
    (
        "qualif-batch",
        &[
            "qualif-law",
            "qualif-engine",
            "qualif-analysis",
            "qualif-report",
        ],
    ),
];

/// The project's crates that a manifest's table of dependencies names.
fn project_dependencies(manifest: &toml::Table, table: &str) -> BTreeSet<String> {
    manifest
        .get(table)
        .and_then(|t| t.as_table())
        .map(|t| {
            t.keys()
                .filter(|k| k.starts_with("qualif"))
                .cloned()
                .collect()
        })
        .unwrap_or_default()
}

fn manifests() -> BTreeMap<String, toml::Table> {
    let crates = Path::new(env!("CARGO_MANIFEST_DIR")).join("crates");
    let mut out = BTreeMap::new();
    for entry in std::fs::read_dir(&crates).expect("crates/ exists") {
        let path = entry.expect("an entry").path().join("Cargo.toml");
        let text = std::fs::read_to_string(&path).expect("a crate has a manifest");
        let manifest: toml::Table = toml::from_str(&text).expect("a valid manifest");
        let name = manifest["package"]["name"]
            .as_str()
            .expect("a package name")
            .to_string();
        out.insert(name, manifest);
    }
    out
}

#[test]
fn every_crate_depends_only_on_the_layers_below_it() {
    let manifests = manifests();
    let layered: BTreeSet<&str> = LAYERS.iter().map(|(name, _)| *name).collect();
    let found: BTreeSet<&str> = manifests.keys().map(String::as_str).collect();
    assert_eq!(
        found, layered,
        "every crate of crates/ has its place in the graph"
    );
    for (name, allowed) in LAYERS {
        let deps = project_dependencies(&manifests[*name], "dependencies");
        let allowed: BTreeSet<String> = allowed.iter().map(|s| s.to_string()).collect();
        let extra: Vec<&String> = deps.difference(&allowed).collect();
        assert!(
            extra.is_empty(),
            "{name} depends on {extra:?}, above it or beside it in the graph"
        );
    }
}

/// Only the engine's tests reach up (to batch's synthetic cases); no library crate's
/// tests depend on the binary's crate.
#[test]
fn tests_reach_up_only_for_the_synthetic_cases() {
    for (name, manifest) in manifests() {
        let deps = project_dependencies(&manifest, "dev-dependencies");
        let allowed: BTreeSet<String> = if name == "qualif-engine" {
            ["qualif-batch".to_string()].into()
        } else {
            BTreeSet::new()
        };
        assert!(
            deps.is_subset(&allowed),
            "{name}'s tests depend on {deps:?}"
        );
    }
}
