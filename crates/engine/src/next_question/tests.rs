use super::*;
use qualif_law::diagnostics::SourceText;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

/// A small book: one system, two provisions.
fn book() -> LawBook {
    book_with("", "")
}

fn book_with(more_vocab: &str, more_law: &str) -> LawBook {
    let vocab = r#"
[[fact]]
key = "victim.age"
type = "integer"
min = 0
max = 120
order = 100
label = { fr = "âge", en = "age" }
[[fact]]
key = "offender.age"
type = "integer"
min = 0
max = 120
order = 200
label = { fr = "âge auteur", en = "offender age" }
[[fact]]
key = "act.coercion"
type = "bool"
order = 320
label = { fr = "contrainte", en = "coercion" }
[[fact]]
key = "act.weapon"
type = "bool"
order = 440
label = { fr = "arme", en = "weapon" }
[[fact]]
key = "act.exposed_self"
type = "bool"
order = 370
label = { fr = "exhibition", en = "exposure" }
[[fact]]
key = "case.title"
type = "text"
free_text = true
order = 10
label = { fr = "titre", en = "title" }
[[fact]]
key = "derived.age_gap"
type = "number"
derived = true
order = 10000
label = { fr = "écart", en = "gap" }
"#;
    let sys = r#"
[system]
id = "XX"
kind = "national"
language = "en"
name = { fr = "X", en = "X" }

[[provision]]
id = "XX.1"
citation = "art. 1"
title = { fr = "a", en = "assault" }
  [[provision.element]]
  id = "minor"
  label = { fr = "mineur", en = "child under 15" }
  when = "victim.age < 15"
  [[provision.element]]
  id = "coercion"
  label = { fr = "contrainte", en = "coercion" }
  when = "act.coercion"
  [[provision.version]]
  in_force_from = "2000-01-01"
  verification = "verified-primary"
  sources = ["https://example.org/x"]
  penalty = { prison_max = "10y" }
[[provision.version.aggravation]]
id = "weapon"
label = { fr = "arme", en = "with a weapon" }
when = "act.weapon"
penalty = { prison_max = "20y" }

[[provision]]
id = "XX.2"
citation = "art. 2"
title = { fr = "b", en = "gap" }
  [[provision.element]]
  id = "gap"
  label = { fr = "écart", en = "gap of five years" }
  when = "derived.age_gap >= 5"
  [[provision.version]]
  in_force_from = "2000-01-01"
  verification = "verified-primary"
  sources = ["https://example.org/x"]
  penalty = { prison_max = "2y" }
"#;
    LawBook::from_sources(vec![
        SourceText::new("vocabulary.toml", format!("{more_vocab}{vocab}")),
        SourceText::new("xx.toml", format!("{sys}{more_law}")),
    ])
    .unwrap_or_else(|e| panic!("{e:?}"))
}

fn keys(qs: &[QuestionScore]) -> Vec<String> {
    qs.iter().map(|q| q.fact.key.clone()).collect()
}

#[test]
fn the_fact_deciding_the_heaviest_provisions_comes_first() {
    let b = book();
    let case = Case::new();
    let qs = next_questions(&Plan::new(&b), &case, None, today());
    // The age decides XX.1 (10y, 20y with a weapon) and, with the offender's, XX.2.
    assert_eq!(qs[0].fact.key, "victim.age");
    let d = &qs[0].decides[0];
    assert_eq!(d.provision.id, "XX.1");
    assert_eq!(d.elements[0].id, "minor");
    // Free text and facts no condition reads are never proposed; the date changes no
    // version here.
    let k = keys(&qs);
    assert!(!k.contains(&"case.title".to_string()));
    assert!(!k.contains(&"act.exposed_self".to_string()));
    assert!(!k.contains(&"case.date_of_facts".to_string()));
}

#[test]
fn a_fact_that_cannot_change_anything_is_not_asked() {
    let b = book();
    let mut case = Case::new();
    case.set("victim.age", Some(Value::Int(16)), &b.vocabulary, today());
    let qs = next_questions(&Plan::new(&b), &case, None, today());
    let k = keys(&qs);
    // XX.1 is excluded: coercion and weapon no longer matter.
    assert!(!k.contains(&"act.coercion".to_string()), "{k:?}");
    assert!(!k.contains(&"act.weapon".to_string()), "{k:?}");
    // The gap needs the offender's age, which now decides it alone.
    assert_eq!(k, vec!["offender.age".to_string()]);
}

#[test]
fn an_aggravation_is_asked_once_the_offence_applies() {
    let b = book();
    let mut case = Case::new();
    case.set("victim.age", Some(Value::Int(12)), &b.vocabulary, today());
    case.set(
        "act.coercion",
        Some(Value::Bool(true)),
        &b.vocabulary,
        today(),
    );
    case.set("offender.age", Some(Value::Int(40)), &b.vocabulary, today());
    let qs = next_questions(&Plan::new(&b), &case, None, today());
    assert_eq!(keys(&qs), vec!["act.weapon".to_string()]);
    assert!(qs[0].decides[0].penalty_only);
    assert_eq!(qs[0].decides[0].aggravations[0].id, "weapon");
    // Penalty only, of a provision that applies: half its (scaled) maximum of 20 years.
    assert_eq!(
        qs[0].score,
        weights::RETAINED * (scaled(240.0) * weights::PENALTY_ONLY)
    );
}

#[test]
fn facts_that_only_matter_together_are_asked_together() {
    let b = book();
    let mut case = Case::new();
    // XX.1 is excluded; XX.2 needs the age gap, which neither age decides alone.
    case.set(
        "act.coercion",
        Some(Value::Bool(false)),
        &b.vocabulary,
        today(),
    );
    let qs = next_questions(&Plan::new(&b), &case, None, today());
    assert_eq!(keys(&qs), vec!["victim.age"]);
    assert_eq!(
        qs[0].together_with.map(|f| f.key.as_str()),
        Some("offender.age")
    );
    assert_eq!(qs[0].decides[0].provision.id, "XX.2");
    // Once the child's age is unknown for good, nothing can decide XX.2.
    let skip: BTreeSet<String> = ["victim.age".to_string()].into();
    let qs = next_questions_skipping(&Plan::new(&b), &case, None, today(), &skip);
    assert!(qs.is_empty(), "{:?}", keys(&qs));
}

/// A provision one of whose elements rests on a fact answered "I don't know" can no longer
/// come to apply: its other facts are still asked (its status can still change), but
/// no longer as deciding the retained qualification.
#[test]
fn a_provision_stuck_on_an_unknown_fact_no_longer_decides_the_retained_one() {
    let b = book();
    let plan = Plan::new(&b);
    let case = Case::new();
    fn coercion<'a>(qs: Vec<QuestionScore<'a>>) -> QuestionScore<'a> {
        let q = qs.into_iter().find(|q| q.fact.key == "act.coercion");
        q.expect("coercion is asked")
    }
    let q = coercion(next_questions(&plan, &case, None, today()));
    assert_eq!(q.retained, vec!["XX"]);
    assert!(q.score > weights::PROSECUTION * 10.0, "{}", q.score);
    let skip: BTreeSet<String> = ["victim.age".to_string()].into();
    let q = coercion(next_questions_skipping(&plan, &case, None, today(), &skip));
    assert!(q.retained.is_empty(), "{:?}", q.retained);
    assert!(q.decides.iter().any(|d| d.provision.id == "XX.1"));
    assert!(q.score < weights::PROSECUTION, "{}", q.score);
}

#[test]
fn ties_are_broken_by_the_vocabulary_order() {
    let b = book();
    let mut case = Case::new();
    case.set("victim.age", Some(Value::Int(12)), &b.vocabulary, today());
    case.set("offender.age", Some(Value::Int(40)), &b.vocabulary, today());
    let qs = next_questions(&Plan::new(&b), &case, None, today());
    // coercion (decides XX.1: 20y with a possible weapon) beats weapon (penalty only).
    assert_eq!(keys(&qs), vec!["act.coercion", "act.weapon"]);
}

/// A fact no provision reads but a rule of jurisdiction does is asked, and says that
/// whether the state can prosecute depends on it; once a ground holds, another ground
/// only counts a little.
#[test]
fn the_facts_that_decide_prosecution_are_asked() {
    let more_vocab = r#"
[[fact]]
key = "offender.nationality"
type = "countries"
order = 250
label = { fr = "nationalité", en = "nationality" }
[[fact]]
key = "case.place"
type = "country"
order = 20
label = { fr = "lieu", en = "place" }
"#;
    let rules = r#"
[[jurisdiction]]
id = "XX.territory"
citation = "art. 10"
label = { fr = "territoire", en = "territory" }
basis = "territory"
applies_to = []
when = "case.place == 'XX'"
double_criminality = false
conditions = []
in_force_from = "1990-01-01"
verification = "verified-primary"
sources = ["https://example.org/x"]

[[jurisdiction]]
id = "XX.nationality"
citation = "art. 11"
label = { fr = "nationalité", en = "nationality" }
basis = "nationality"
applies_to = []
when = "offender.nationality contains 'XX'"
double_criminality = false
conditions = []
in_force_from = "1990-01-01"
verification = "verified-primary"
sources = ["https://example.org/x"]
"#;
    let b = book_with(more_vocab, rules);
    let mut case = Case::new();
    for (k, v) in [
        ("victim.age", Value::Int(12)),
        ("offender.age", Value::Int(40)),
        ("act.coercion", Value::Bool(true)),
        ("act.weapon", Value::Bool(false)),
    ] {
        case.set(k, Some(v), &b.vocabulary, today());
    }
    let plan = Plan::new(&b);
    let qs = next_questions(&plan, &case, None, today());
    let k = keys(&qs);
    assert_eq!(k, vec!["case.place", "offender.nationality"], "{k:?}");
    for q in &qs {
        assert!(q.decides.is_empty());
        assert!(q.reach.iter().all(|r| r.prosecution), "{:?}", q.reach);
    }
    // The place is known to be the state's: the nationality decides a ground only.
    case.set(
        "case.place",
        Some(Value::Str("XX".into())),
        &b.vocabulary,
        today(),
    );
    let qs = next_questions(&plan, &case, None, today());
    assert_eq!(keys(&qs), vec!["offender.nationality"]);
    assert!(!qs[0].reach[0].prosecution);
    // A tenth of the heaviest provision it concerns (10 years, no weapon).
    assert_eq!(
        qs[0].score,
        weights::PROSECUTION * (scaled(120.0) * weights::GROUND)
    );
}

#[test]
fn the_date_is_asked_when_the_law_changed() {
    let date = r#"
[[fact]]
key = "case.date_of_facts"
type = "date"
order = 30
label = { fr = "date", en = "date" }
"#;
    let reform = r#"
[[provision]]
id = "XX.3"
citation = "art. 3"
title = { fr = "c", en = "exposure" }
  [[provision.element]]
  id = "exposure"
  label = { fr = "exhibition", en = "exposure" }
  when = "act.exposed_self"
  [[provision.version]]
  in_force_from = "2010-01-01"
  in_force_to = "2019-12-31"
  verification = "verified-primary"
  sources = ["https://example.org/x"]
  penalty = { prison_max = "1y" }
  [[provision.version]]
  in_force_from = "2020-01-01"
  verification = "verified-primary"
  sources = ["https://example.org/x"]
  penalty = { prison_max = "3y" }
"#;
    let b = book_with(date, reform);
    let mut case = Case::new();
    case.set(
        "act.exposed_self",
        Some(Value::Bool(true)),
        &b.vocabulary,
        today(),
    );
    case.set("victim.age", Some(Value::Int(16)), &b.vocabulary, today());
    case.set("offender.age", Some(Value::Int(40)), &b.vocabulary, today());
    let qs = next_questions(&Plan::new(&b), &case, None, today());
    assert_eq!(keys(&qs), vec!["case.date_of_facts"]);
    assert!(qs[0].decides.iter().any(|d| d.provision.id == "XX.3"));
    // With the law's date imposed, the date of the facts no longer matters.
    let d = NaiveDate::from_ymd_opt(2021, 1, 1);
    assert!(next_questions(&Plan::new(&b), &case, d, today()).is_empty());
}
