//! Concurrence of qualifications, on a small fictional system (not law): a provision that
//! gives way to others (`subsidiary_to`) is absorbed when one of them applies, and applies
//! by its own elements while they are only possible.

use chrono::NaiveDate;
use qualif::diagnostics::SourceText;
use qualif::engine::plan::Plan;
use qualif::engine::{Status, assess};
use qualif::facts::{Case, Value};
use qualif::law::LawBook;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 1, 1).unwrap()
}

/// X.rape (violence and penetration), X.child (penetration of a child under 15 by an
/// adult, "hors le cas de X.rape"), X.assault (touching or penetration, giving way to both).
const SYSTEM: &str = r#"
[system]
id = "X"
kind = "national"
language = "en"
name = { fr = "X", en = "X" }

[[provision]]
id = "X.rape"
citation = "s. 1"
title = { fr = "viol", en = "rape" }
  [[provision.element]]
  id = "penetration"
  label = { fr = "pénétration", en = "penetration" }
  when = "act.sexual_contact == 'penetration'"
  [[provision.element]]
  id = "violence"
  label = { fr = "violence", en = "violence" }
  when = "act.coercion"
  [[provision.version]]
  in_force_from = "2000-01-01"
  verification = "verified-primary"
  sources = ["https://example.org/x#1"]
  penalty = { prison_max = "15y" }

[[provision]]
id = "X.child"
citation = "s. 2"
title = { fr = "viol sur mineur", en = "rape of a child" }
subsidiary_to = ["X.rape"]
  [[provision.element]]
  id = "penetration"
  label = { fr = "pénétration", en = "penetration" }
  when = "act.sexual_contact == 'penetration'"
  [[provision.element]]
  id = "child"
  label = { fr = "moins de 15 ans", en = "under 15" }
  when = "victim.age < 15"
  [[provision.version]]
  in_force_from = "2000-01-01"
  verification = "verified-primary"
  sources = ["https://example.org/x#2"]
  penalty = { prison_max = "20y" }

[[provision]]
id = "X.assault"
citation = "s. 3"
title = { fr = "agression", en = "assault" }
subsidiary_to = ["X.rape", "X.child"]
  [[provision.element]]
  id = "contact"
  label = { fr = "contact", en = "contact" }
  when = "act.sexual_contact in ['touching', 'penetration']"
  [[provision.version]]
  in_force_from = "2000-01-01"
  verification = "verified-primary"
  sources = ["https://example.org/x#3"]
  penalty = { prison_max = "5y" }
"#;

fn book() -> LawBook {
    let vocabulary = std::fs::read_to_string("jurisdictions/vocabulary.toml").unwrap();
    LawBook::from_sources(vec![
        SourceText::new("vocabulary.toml", vocabulary),
        SourceText::new("x.toml", SYSTEM),
    ])
    .unwrap_or_else(|e| panic!("{e:?}"))
}

fn case(book: &LawBook, facts: &[(&str, Value)]) -> Case {
    let mut c = Case::new();
    c.set(
        "case.date_of_facts",
        Some(Value::Date(NaiveDate::from_ymd_opt(2020, 1, 1).unwrap())),
        &book.vocabulary,
        today(),
    );
    for (k, v) in facts {
        c.set(k, Some(v.clone()), &book.vocabulary, today());
    }
    c
}

/// The statuses of X.rape, X.child, X.assault.
fn statuses(book: &LawBook, facts: &[(&str, Value)]) -> [Status; 3] {
    let plan = Plan::new(book);
    let a = assess(&plan, &case(book, facts), &[], None, today());
    let q = &a.systems[0].qualifications;
    // The summary (batch's evaluation) and the reference interpreter agree.
    let s = plan.summarize(&case(book, facts), None, today());
    let r = qualif::engine::reference::evaluate_system(
        &book.systems[0],
        None,
        &case(book, facts),
        a.law_date,
    );
    for i in 0..3 {
        assert_eq!(s.systems[0].provisions[i].status, q[i].status);
        assert_eq!(r[i].status, q[i].status);
    }
    [q[0].status, q[1].status, q[2].status]
}

fn text(s: &str) -> Value {
    Value::Str(s.into())
}

#[test]
fn a_subsidiary_provision_is_absorbed_when_the_graver_applies() {
    let b = book();
    let facts = [
        ("act.sexual_contact", text("penetration")),
        ("act.coercion", Value::Bool(true)),
        ("victim.age", Value::Int(12)),
    ];
    use Status::*;
    assert_eq!(statuses(&b, &facts), [Applies, Excluded, Excluded]);
}

#[test]
fn a_subsidiary_provision_applies_by_its_own_elements_while_the_graver_is_possible() {
    let b = book();
    // Violence unknown: rape is possible; the rape of a child applies (unless violence is
    // established), and the assault gives way to it.
    let facts = [
        ("act.sexual_contact", text("penetration")),
        ("victim.age", Value::Int(12)),
    ];
    use Status::*;
    assert_eq!(statuses(&b, &facts), [Possible, Applies, Excluded]);
    let plan = Plan::new(&b);
    let a = assess(&plan, &case(&b, &facts), &[], None, today());
    let q = &a.systems[0].qualifications;
    assert_eq!(
        q[1].unless,
        ["X.rape"],
        "the rape of a child applies unless rape is established"
    );
    assert_eq!(q[2].absorbed_by.as_deref(), Some("X.child"));
    assert!(q[2].unless.is_empty());
}

#[test]
fn a_subsidiary_provision_keeps_its_own_status_when_the_graver_is_excluded() {
    let b = book();
    use Status::*;
    // No violence: rape excluded; child under 15: the rape of a child applies.
    let facts = [
        ("act.sexual_contact", text("penetration")),
        ("act.coercion", Value::Bool(false)),
        ("victim.age", Value::Int(12)),
    ];
    assert_eq!(statuses(&b, &facts), [Excluded, Applies, Excluded]);
    // A 16-year-old, no violence: only the assault.
    let facts = [
        ("act.sexual_contact", text("penetration")),
        ("act.coercion", Value::Bool(false)),
        ("victim.age", Value::Int(16)),
    ];
    assert_eq!(statuses(&b, &facts), [Excluded, Excluded, Applies]);
    // Age unknown, no violence: the rape of a child is possible, the assault applies.
    let facts = [
        ("act.sexual_contact", text("penetration")),
        ("act.coercion", Value::Bool(false)),
    ];
    assert_eq!(statuses(&b, &facts), [Excluded, Possible, Applies]);
    // Touching only: the assault.
    let facts = [("act.sexual_contact", text("touching"))];
    assert_eq!(statuses(&b, &facts), [Excluded, Excluded, Applies]);
}

#[test]
fn giving_way_in_a_circle_is_a_load_error() {
    let vocabulary = std::fs::read_to_string("jurisdictions/vocabulary.toml").unwrap();
    let circle = SYSTEM.replace(
        "id = \"X.rape\"\ncitation",
        "id = \"X.rape\"\nsubsidiary_to = [\"X.assault\"]\ncitation",
    );
    let err = LawBook::from_sources(vec![
        SourceText::new("vocabulary.toml", vocabulary.clone()),
        SourceText::new("x.toml", circle),
    ])
    .unwrap_err();
    assert!(
        err.iter().any(|d| d.message.contains("depends on itself")),
        "{err:?}"
    );
    let unknown = SYSTEM.replace(
        "subsidiary_to = [\"X.rape\"]",
        "subsidiary_to = [\"X.nope\"]",
    );
    let err = LawBook::from_sources(vec![
        SourceText::new("vocabulary.toml", vocabulary),
        SourceText::new("x.toml", unknown),
    ])
    .unwrap_err();
    assert!(
        err.iter()
            .any(|d| d.message.contains("gives way to `X.nope`")),
        "{err:?}"
    );
}
