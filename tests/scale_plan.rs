//! The guideline conditions (scope, categories, roles, factors' `when` and `unless`) are
//! compiled once at load and evaluated by the plan; the tree-walking interpreter
//! (`Expr::eval`) is the reference they must agree with: for every scenario and for the
//! synthetic cases batch reads, every condition of every guideline gives the same value
//! both ways.

use std::collections::HashMap;

use chrono::NaiveDate;
use qualif::diagnostics::SourceText;
use qualif::engine::reference::CaseContext;
use qualif::facts::Case;
use qualif::law::LawBook;
use qualif::scale::Scales;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 7).unwrap()
}

fn scenarios(book: &LawBook) -> Vec<Case> {
    let dir = format!("{}/tests/scenarios", env!("CARGO_MANIFEST_DIR"));
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    paths.sort();
    assert_eq!(paths.len(), 10);
    paths
        .iter()
        .map(|p| {
            let text = std::fs::read_to_string(p).unwrap();
            Case::parse(
                &SourceText::new(p.display().to_string(), &text),
                &book.vocabulary,
                today(),
            )
            .unwrap_or_else(|d| panic!("{d}"))
        })
        .collect()
}

/// The synthetic cases of `qualif batch --synthesize`, as batch reads them.
fn synthetic(book: &LawBook, n: u64, seed: u64) -> Vec<Case> {
    qualif::batch::synth::cases(n, seed, &book.vocabulary, today())
}

/// Checks every condition of every guideline on `cases`; returns how many were compared
/// and how many gave each value.
fn compare(scales: &Scales, cases: &[Case]) -> (usize, HashMap<String, usize>) {
    let mut compared = 0;
    let mut seen: HashMap<String, usize> = HashMap::new();
    for case in cases {
        // No system: every parameter unknown, no provision's status known, as a guideline
        // reads the facts.
        let reference = CaseContext {
            case,
            parameters: None,
            statuses: HashMap::new(),
        };
        for g in &scales.guidelines {
            let facts = g.layout.facts(case);
            for c in g.conditions() {
                let by_plan = c.eval(&facts);
                let by_tree = c.expr().eval(&reference);
                assert_eq!(
                    by_plan,
                    by_tree,
                    "guideline {}: {:?} on {:?}",
                    g.id,
                    c.expr(),
                    case
                );
                compared += 1;
                *seen.entry(format!("{by_plan:?}")).or_default() += 1;
            }
        }
    }
    (compared, seen)
}

#[test]
fn every_guideline_condition_gives_the_same_value_through_the_plan_as_through_the_tree() {
    let book = LawBook::builtin().unwrap();
    let scales = Scales::builtin(&book.vocabulary).unwrap();
    let conditions: usize = scales
        .guidelines
        .iter()
        .map(|g| g.conditions().count())
        .sum();
    assert!(conditions > 30, "{conditions} conditions");
    let mut cases = scenarios(&book);
    cases.extend(synthetic(&book, 20_000, 3));
    cases.extend(synthetic(&book, 5_000, 11));
    let (compared, seen) = compare(&scales, &cases);
    assert_eq!(compared, cases.len() * conditions);
    // The cases reach every value, so that the comparison means something.
    for t in ["True", "False", "Unknown"] {
        assert!(seen.get(t).copied().unwrap_or(0) > 100, "{t}: {seen:?}");
    }
}
