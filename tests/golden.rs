//! Golden cases: facts → expected qualification and penalty, for every provision encoded.
//! The expectations in `tests/golden/**/*.toml` are derived by hand from the legal dossier;
//! the snapshots in `tests/snapshots/` record the full result of each case.
//!
//! `QUALIF_DATA_DIR=DIR cargo test --test golden` runs them against another data folder.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use qualif::diagnostics::SourceText;
use qualif::engine::plan::Plan;
use qualif::engine::{Status, assess, assess_reading};
use qualif::facts::Case;
use qualif::law::{Fine, LawBook, System, Term};

/// The dossier's reference date: "today" for cases without a date of facts.
fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

fn book() -> LawBook {
    let loaded = match std::env::var_os("QUALIF_DATA_DIR") {
        Some(dir) => LawBook::from_dir(Path::new(&dir)),
        None => LawBook::builtin(),
    };
    loaded.unwrap_or_else(|problems| {
        panic!(
            "the data does not load:\n{}",
            problems
                .iter()
                .map(|p| p.to_string())
                .collect::<Vec<_>>()
                .join("\n")
        )
    })
}

fn golden_files() -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![PathBuf::from("tests/golden")];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "toml") {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

struct Golden {
    file: String,
    name: String,
    provision: String,
    /// For an international instrument: the state it is read for.
    state: Option<String>,
    expect: toml::Table,
    case: Case,
}

fn load_goldens(book: &LawBook) -> Vec<Golden> {
    let mut out = Vec::new();
    for path in golden_files() {
        let text = std::fs::read_to_string(&path).unwrap();
        let doc: toml::Table =
            toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let Some(items) = doc.get("golden").and_then(|g| g.as_array()) else {
            panic!("{}: no [[golden]] entries", path.display());
        };
        for item in items {
            let t = item
                .as_table()
                .unwrap_or_else(|| panic!("{}: [[golden]] must be a table", path.display()));
            let name = t
                .get("name")
                .and_then(|v| v.as_str())
                .unwrap_or_else(|| panic!("{}: a golden case has no name", path.display()))
                .to_string();
            let provision = t
                .get("provision")
                .and_then(|v| v.as_str())
                .unwrap_or_else(|| panic!("{}: {name}: no provision", path.display()))
                .to_string();
            let state = t.get("state").and_then(|v| v.as_str()).map(String::from);
            let expect = t
                .get("expect")
                .and_then(|v| v.as_table())
                .cloned()
                .unwrap_or_else(|| panic!("{}: {name}: no expect", path.display()));
            let case_table = t
                .get("case")
                .and_then(|v| v.as_table())
                .cloned()
                .unwrap_or_default();
            let case_text = toml::to_string(&case_table).unwrap();
            let source = SourceText::new(format!("{}#{name}", path.display()), case_text);
            let case =
                Case::parse(&source, &book.vocabulary, today()).unwrap_or_else(|d| panic!("{d}"));
            out.push(Golden {
                file: path.display().to_string(),
                name,
                provision,
                state,
                expect,
                case,
            });
        }
    }
    out
}

fn months_of(t: Term) -> toml::Value {
    match t {
        Term::Months(_) | Term::Days(_) => toml::Value::Float(t.months().unwrap_or_default()),
        Term::Life => toml::Value::String("life".into()),
        Term::None => toml::Value::String("none".into()),
        Term::Unknown => toml::Value::String("unknown".into()),
    }
}

/// true / false / "unknown" (and "none" when the engine computed nothing).
fn tri(t: Option<qualif::engine::logic::Tri>) -> toml::Value {
    use qualif::engine::logic::Tri;
    match t {
        Some(Tri::True) => toml::Value::Boolean(true),
        Some(Tri::False) => toml::Value::Boolean(false),
        Some(Tri::Unknown) => toml::Value::String("unknown".into()),
        None => toml::Value::String("none".into()),
    }
}

fn same_number(expected: &toml::Value, got: &toml::Value) -> bool {
    match (expected, got) {
        (toml::Value::Integer(a), toml::Value::Float(b)) => (*a as f64 - b).abs() < 0.005,
        (toml::Value::Float(a), toml::Value::Float(b)) => (a - b).abs() < 0.005,
        (a, b) => a == b,
    }
}

/// Checks one golden case; returns the problems and a one-line summary for the snapshot.
fn check(plan: &Plan, g: &Golden) -> (Vec<String>, String) {
    let book = plan.book();
    let Some((system, _)) = book.provision(&g.provision) else {
        return (
            vec![format!("no provision `{}` in the data", g.provision)],
            String::new(),
        );
    };
    let date = g.case.date_of_facts_or(today());
    let state = match &g.state {
        Some(id) => match book.system(id) {
            Some(s) => Some(s),
            None => {
                return (
                    vec![format!("no system `{id}` to read the instrument for")],
                    String::new(),
                );
            }
        },
        None => None,
    };
    let index = |s: &System| book.systems.iter().position(|x| std::ptr::eq(x, s));
    let result = match state {
        Some(state) => assess_reading(
            plan,
            &g.case,
            index(system).unwrap(),
            index(state).unwrap(),
            date,
            today(),
        )
        .expect("an instrument read for a national system"),
        None => assess(
            plan,
            &g.case,
            std::slice::from_ref(&system.id),
            Some(date),
            today(),
        )
        .systems
        .remove(0),
    };
    let q = result
        .qualifications
        .iter()
        .find(|q| q.provision.id == g.provision)
        .expect("every provision has a result");
    let mut problems = Vec::new();
    let status = match q.status {
        Status::Applies => "applies",
        Status::Possible => "possible",
        Status::Excluded => "excluded",
    };
    let penalty = q.penalty.as_ref();
    for (key, want) in &g.expect {
        let got: toml::Value = match key.as_str() {
            "status" => toml::Value::String(status.into()),
            "max_prison_months" => penalty
                .map(|p| months_of(p.prison_max))
                .unwrap_or(toml::Value::String("no version".into())),
            "min_prison_months" => penalty
                .and_then(|p| p.prison_min)
                .map(months_of)
                .unwrap_or(toml::Value::String("none".into())),
            "max_fine" => match penalty.and_then(|p| p.fine_max.clone()) {
                Some(Fine::Amount { amount, .. }) => toml::Value::Float(amount),
                Some(Fine::Unknown) => toml::Value::String("unknown".into()),
                None => toml::Value::String("none".into()),
            },
            "minimum_status" => toml::Value::String(
                penalty
                    .and_then(|p| p.minimum_status)
                    .map(|s| {
                        serde_json::to_value(s)
                            .unwrap()
                            .as_str()
                            .unwrap()
                            .to_string()
                    })
                    .unwrap_or_else(|| "none".into()),
            ),
            "version_from" => toml::Value::String(
                q.version
                    .map(|v| v.from.to_string())
                    .unwrap_or_else(|| "none".into()),
            ),
            "verification" => toml::Value::String(
                q.verification()
                    .map(|v| v.as_str().to_string())
                    .unwrap_or_else(|| "none".into()),
            ),
            "missing_facts" => {
                let wanted: BTreeSet<String> = want
                    .as_array()
                    .map(|a| {
                        a.iter()
                            .filter_map(|v| v.as_str().map(String::from))
                            .collect()
                    })
                    .unwrap_or_default();
                let have: BTreeSet<String> = q.missing_facts.iter().cloned().collect();
                let absent: Vec<_> = wanted.difference(&have).collect();
                if !absent.is_empty() {
                    problems.push(format!(
                        "missing_facts lacks {absent:?} (has {:?})",
                        q.missing_facts
                    ));
                }
                continue;
            }
            // Exactly the facts that could still raise the penalty through an aggravation.
            "missing_facts_for_aggravations" => {
                let wanted: BTreeSet<&str> = want
                    .as_array()
                    .map(|a| a.iter().filter_map(toml::Value::as_str).collect())
                    .unwrap_or_default();
                let have: BTreeSet<&str> = q
                    .missing_for_aggravations
                    .iter()
                    .map(String::as_str)
                    .collect();
                if wanted != have {
                    problems.push(format!(
                        "missing_facts_for_aggravations: expected {wanted:?}, got {have:?}"
                    ));
                }
                continue;
            }
            // Exactly the aggravations whose conditions the facts meet, in any order.
            "aggravations_met" => {
                let wanted: BTreeSet<&str> = want
                    .as_array()
                    .map(|a| a.iter().filter_map(|v| v.as_str()).collect())
                    .unwrap_or_default();
                let have: BTreeSet<&str> = q
                    .aggravations
                    .iter()
                    .filter(|a| a.status == Status::Applies)
                    .map(|a| a.id)
                    .collect();
                if wanted != have {
                    problems.push(format!(
                        "aggravations_met: expected {wanted:?}, got {have:?}"
                    ));
                }
                continue;
            }
            // Exactly the elements whose result rests on a presumed fact, in any order.
            "presumed_elements" => {
                let wanted: BTreeSet<&str> = want
                    .as_array()
                    .map(|a| a.iter().filter_map(|v| v.as_str()).collect())
                    .unwrap_or_default();
                let have: BTreeSet<&str> = q
                    .elements
                    .iter()
                    .filter(|e| e.presumed)
                    .map(|e| e.id)
                    .collect();
                if wanted != have {
                    problems.push(format!(
                        "presumed_elements: expected {wanted:?}, got {have:?}"
                    ));
                }
                continue;
            }
            // Whether the data has no version for the date (the provision is then
            // possible, with the element "no data for this date" unknown).
            "no_data" => toml::Value::Boolean(q.elements.iter().any(|e| {
                matches!(e.label, qualif::engine::ElementLabel::NoDataOn { .. })
                    && e.status == qualif::engine::ElementStatus::Unknown
            })),
            "time_barred" => tri(q.limitation.as_ref().map(|l| l.barred)),
            "can_prosecute" => tri(q.reach.as_ref().map(|r| r.can_prosecute)),
            // The limitation rule the engine chose ("none" when no rule governs).
            "limitation_rule" => toml::Value::String(
                q.limitation
                    .as_ref()
                    .and_then(|l| l.rule)
                    .map(|r| r.id.clone())
                    .unwrap_or_else(|| "none".into()),
            ),
            // Exactly the jurisdiction rules whose conditions the facts meet, in any order.
            "grounds_holding" => {
                let wanted: BTreeSet<&str> = want
                    .as_array()
                    .map(|a| a.iter().filter_map(|v| v.as_str()).collect())
                    .unwrap_or_default();
                let have: BTreeSet<&str> = q
                    .reach
                    .as_ref()
                    .map(|r| {
                        r.grounds
                            .iter()
                            .filter(|g| g.holds == qualif::engine::logic::Tri::True)
                            .map(|g| g.rule.id.as_str())
                            .collect()
                    })
                    .unwrap_or_default();
                if wanted != have {
                    problems.push(format!(
                        "grounds_holding: expected {wanted:?}, got {have:?}"
                    ));
                }
                continue;
            }
            other => {
                problems.push(format!("unknown expectation `{other}`"));
                continue;
            }
        };
        if !same_number(want, &got) {
            problems.push(format!("{key}: expected {want}, got {got}"));
        }
    }
    let summary = format!(
        "{}{} | {} | {} | {} | from {} | missing {:?}",
        g.name,
        g.state
            .as_ref()
            .map(|s| format!(" (read for {s})"))
            .unwrap_or_default(),
        g.provision,
        status,
        penalty
            .map(|p| qualif::report::words::penalty(p, &system.language))
            .unwrap_or_else(|| "-".into()),
        q.version
            .map(|v| v.from.to_string())
            .unwrap_or_else(|| "-".into()),
        q.missing_facts
    );
    (problems, summary)
}

#[test]
fn golden_cases_hold() {
    let book = book();
    let goldens = load_goldens(&book);
    let plan = Plan::new(&book);
    let mut failures = Vec::new();
    let mut summaries: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for g in &goldens {
        let (problems, summary) = check(&plan, g);
        for p in problems {
            failures.push(format!("{} — {} [{}]: {p}", g.file, g.name, g.provision));
        }
        summaries.entry(g.file.clone()).or_default().push(summary);
    }
    assert!(
        failures.is_empty(),
        "{} golden case(s) fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
    if std::env::var_os("QUALIF_DATA_DIR").is_none() {
        for (file, lines) in summaries {
            let name = file
                .trim_start_matches("tests/golden/")
                .replace(['/', '.'], "_");
            insta::assert_snapshot!(name, lines.join("\n"));
        }
    }
}

/// The standard: every provision has a golden case where it applies, one where it is
/// excluded, and one where it stays possible because a fact is unknown.
#[test]
fn every_provision_has_golden_cases_of_each_kind() {
    let book = book();
    let goldens = load_goldens(&book);
    let mut kinds: BTreeMap<&str, BTreeSet<String>> = BTreeMap::new();
    for g in &goldens {
        if let Some(s) = g.expect.get("status").and_then(|s| s.as_str()) {
            kinds
                .entry(g.provision.as_str())
                .or_default()
                .insert(s.to_string());
        }
    }
    let mut lacking = Vec::new();
    for s in &book.systems {
        for p in &s.provisions {
            let have = kinds.get(p.id.as_str()).cloned().unwrap_or_default();
            let want: BTreeSet<String> = ["applies", "excluded", "possible"]
                .iter()
                .map(|s| s.to_string())
                .collect();
            let absent: Vec<_> = want.difference(&have).cloned().collect();
            if !absent.is_empty() {
                lacking.push(format!(
                    "{}: no golden case where it is {}",
                    p.id,
                    absent.join(", ")
                ));
            }
        }
    }
    assert!(
        lacking.is_empty(),
        "{} provision(s) lack golden cases:\n{}",
        lacking.len(),
        lacking.join("\n")
    );
}
