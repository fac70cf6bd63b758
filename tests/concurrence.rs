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
    let presumed = qualif::engine::reference::presume(book, &case(book, facts), today());
    let r =
        qualif::engine::reference::evaluate_system(&book.systems[0], None, &presumed, a.law_date);
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

/// The vocabulary with a presumption: a child whose age or birth date is stated is a real
/// child, unless the case says it was a sting.
fn vocabulary_with_presumption() -> String {
    let v = std::fs::read_to_string("jurisdictions/vocabulary.toml").unwrap();
    let at = v
        .find("key = \"victim.fictitious\"")
        .expect("the fact is declared");
    let fact = &v[at..at + v[at..].find("\n\n").unwrap()];
    assert!(
        fact.contains(
            "presumed = { value = false, when = \"known(victim.age) or known(victim.birth_date)\""
        ),
        "the built-in vocabulary presumes a stated child real"
    );
    v
}

/// Y.real: a child under 15, who must be real.
const REAL_CHILD: &str = r#"
[system]
id = "Y"
kind = "national"
language = "en"
name = { fr = "Y", en = "Y" }

[[provision]]
id = "Y.real"
citation = "s. 1"
title = { fr = "atteinte", en = "abuse" }
  [[provision.element]]
  id = "child"
  label = { fr = "moins de 15 ans", en = "under 15" }
  when = "victim.age < 15"
  [[provision.element]]
  id = "real"
  label = { fr = "enfant réel", en = "a real child" }
  when = "not victim.fictitious"
  [[provision.version]]
  in_force_from = "2000-01-01"
  verification = "verified-primary"
  sources = ["https://example.org/y#1"]
  penalty = { prison_max = "5y" }
"#;

fn presuming_book() -> LawBook {
    LawBook::from_sources(vec![
        SourceText::new("vocabulary.toml", vocabulary_with_presumption()),
        SourceText::new("y.toml", REAL_CHILD),
    ])
    .unwrap_or_else(|e| panic!("{e:?}"))
}

#[test]
fn a_presumed_fact_is_used_shown_and_overridden_by_an_answer() {
    let b = presuming_book();
    let plan = Plan::new(&b);
    // The age is stated: the child is presumed real, the element met (presumed).
    let c = case(&b, &[("victim.age", Value::Int(12))]);
    let a = assess(&plan, &c, &[], None, today());
    let q = &a.systems[0].qualifications[0];
    assert_eq!(q.status, Status::Applies);
    assert!(
        q.elements[1].presumed,
        "the element rests on the presumption"
    );
    assert!(!q.elements[0].presumed, "the age is stated, not presumed");
    let presumed: Vec<&str> = a.presumed.iter().map(|p| p.fact.as_str()).collect();
    assert_eq!(presumed, ["victim.fictitious"]);
    assert_eq!(statuses_of(&b, &c), Status::Applies);
    // The interview still asks it.
    let questions = qualif::engine::next_question::next_questions(&plan, &c, None, today());
    assert!(
        questions.iter().any(|q| q.fact.key == "victim.fictitious"),
        "the presumed fact is still asked"
    );
    // An answer overrides the presumption.
    let sting = case(
        &b,
        &[
            ("victim.age", Value::Int(12)),
            ("victim.fictitious", Value::Bool(true)),
        ],
    );
    let a = assess(&plan, &sting, &[], None, today());
    assert_eq!(a.systems[0].qualifications[0].status, Status::Excluded);
    assert!(a.presumed.is_empty());
    assert!(!a.systems[0].qualifications[0].elements[1].presumed);
    // Without an age, nothing is presumed: the element stays unknown.
    let c = case(&b, &[("act.sexual_contact", text("touching"))]);
    let a = assess(&plan, &c, &[], None, today());
    assert_eq!(a.systems[0].qualifications[0].status, Status::Possible);
    assert!(a.presumed.is_empty());
}

/// The summary and the reference (on the presumed case) give the assessment's status.
fn statuses_of(book: &LawBook, c: &Case) -> Status {
    let plan = Plan::new(book);
    let a = assess(&plan, c, &[], None, today());
    let s = plan.summarize(c, None, today());
    let presumed = qualif::engine::reference::presume(book, c, today());
    let r =
        qualif::engine::reference::evaluate_system(&book.systems[0], None, &presumed, a.law_date);
    assert_eq!(
        s.systems[0].provisions[0].status,
        a.systems[0].qualifications[0].status
    );
    assert_eq!(r[0].status, a.systems[0].qualifications[0].status);
    a.systems[0].qualifications[0].status
}

#[test]
fn a_presumption_is_checked_when_the_law_loads() {
    let load = |presumed: &str| {
        let v = vocabulary_with_presumption().replace(
            "presumed = { value = false, when = \"known(victim.age) or known(victim.birth_date)\"",
            presumed,
        );
        LawBook::from_sources(vec![
            SourceText::new("vocabulary.toml", v),
            SourceText::new("y.toml", REAL_CHILD),
        ])
        .unwrap_err()
    };
    let err = load("presumed = { value = 3, when = \"known(victim.age)\"");
    assert!(
        err.iter()
            .any(|d| d.message.contains("is not a value of that fact")),
        "{err:?}"
    );
    let err = load("presumed = { value = false, when = \"known(victim.fictitious)\"");
    assert!(
        err.iter()
            .any(|d| d.message.contains("reads the fact it presumes")),
        "{err:?}"
    );
    let err = load("presumed = { value = false, when = \"known(victim.agee)\"");
    assert!(
        err.iter()
            .any(|d| d.message.contains("in the presumption of")),
        "{err:?}"
    );
}

/// Batch's leading qualification (computed alone, from the summary) is the leading group of
/// the full resolution: the applying provision, with the group's certain penalty.
#[test]
fn batch_leads_with_the_retained_qualification() {
    use qualif::analysis::concurrence::{leading_of_summary, resolve, summary_candidates};
    let b = book();
    let plan = Plan::new(&b);
    let contacts = [None, Some("touching"), Some("penetration")];
    let tris = [None, Some(true), Some(false)];
    let ages = [None, Some(12), Some(16)];
    for contact in contacts {
        for coercion in tris {
            for age in ages {
                let mut facts = Vec::new();
                if let Some(c) = contact {
                    facts.push(("act.sexual_contact", text(c)));
                }
                if let Some(t) = coercion {
                    facts.push(("act.coercion", Value::Bool(t)));
                }
                if let Some(a) = age {
                    facts.push(("victim.age", Value::Int(a)));
                }
                let c = case(&b, &facts);
                let s = plan.summarize(&c, None, today());
                let sys = &s.systems[0];
                let cands = summary_candidates(sys);
                let full = resolve(&cands, |_| true).leading.map(|g| {
                    (
                        cands[g.members[0]].provision.id.clone(),
                        cands[g.certain].penalty.cloned(),
                    )
                });
                let lean =
                    leading_of_summary(sys).map(|(p, pen)| (p.id.clone(), Some(pen.clone())));
                assert_eq!(lean, full, "{facts:?}");
            }
        }
    }
    // Penetration of a 12-year-old, violence unknown: the rape of a child applies unless
    // rape is established; certain: rape's 15 years.
    let c = case(
        &b,
        &[
            ("act.sexual_contact", text("penetration")),
            ("victim.age", Value::Int(12)),
        ],
    );
    let s = plan.summarize(&c, None, today());
    let (p, pen) = leading_of_summary(&s.systems[0]).unwrap();
    assert_eq!(p.id, "X.child");
    assert_eq!(pen.prison_max.months(), Some(180.0));
}

/// Z.repealed (2000–2009), Z.created (from 2010, `new_offence`: the offence did not exist
/// before), Z.later (from 2010; the data has nothing before): three touching offences.
const DATED: &str = r#"
[system]
id = "Z"
kind = "national"
language = "en"
name = { fr = "Z", en = "Z" }

[[provision]]
id = "Z.repealed"
citation = "s. 1"
title = { fr = "ancienne", en = "former" }
covers = ["sexual_abuse.touching"]
  [[provision.element]]
  id = "contact"
  label = { fr = "contact", en = "contact" }
  when = "act.sexual_contact in ['touching', 'penetration']"
  [[provision.version]]
  in_force_from = "2000-01-01"
  in_force_to = "2009-12-31"
  verification = "verified-primary"
  sources = ["https://example.org/z#1"]
  penalty = { prison_max = "5y" }

[[provision]]
id = "Z.created"
citation = "s. 2"
title = { fr = "créée", en = "created" }
covers = ["sexual_abuse.touching"]
new_offence = true
  [[provision.element]]
  id = "contact"
  label = { fr = "contact", en = "contact" }
  when = "act.sexual_contact in ['touching', 'penetration']"
  [[provision.version]]
  in_force_from = "2010-01-01"
  verification = "verified-primary"
  sources = ["https://example.org/z#2"]
  penalty = { prison_max = "5y" }

[[provision]]
id = "Z.later"
citation = "s. 3"
title = { fr = "plus tard", en = "later" }
covers = ["sexual_abuse.touching"]
  [[provision.element]]
  id = "contact"
  label = { fr = "contact", en = "contact" }
  when = "act.sexual_contact in ['touching', 'penetration']"
  [[provision.version]]
  in_force_from = "2010-01-01"
  verification = "verified-primary"
  sources = ["https://example.org/z#3"]
  penalty = { prison_max = "5y" }
"#;

fn dated_book(extra: &[(&str, String)]) -> LawBook {
    let vocabulary = std::fs::read_to_string("jurisdictions/vocabulary.toml").unwrap();
    let mut sources = vec![
        SourceText::new("vocabulary.toml", vocabulary),
        SourceText::new("z.toml", DATED),
    ];
    for (name, text) in extra {
        sources.push(SourceText::new(*name, text.clone()));
    }
    LawBook::from_sources(sources).unwrap_or_else(|e| panic!("{e:?}"))
}

/// Touching, on the given date.
fn touching_on(book: &LawBook, date: (i32, u32, u32)) -> Case {
    let mut c = Case::new();
    let d = NaiveDate::from_ymd_opt(date.0, date.1, date.2).unwrap();
    c.set(
        "case.date_of_facts",
        Some(Value::Date(d)),
        &book.vocabulary,
        today(),
    );
    c.set(
        "act.sexual_contact",
        Some(text("touching")),
        &book.vocabulary,
        today(),
    );
    c
}

/// The statuses of the first system's provisions, the same in the explained assessment,
/// the summary (batch's evaluation) and the reference interpreter.
fn dated_statuses(book: &LawBook, c: &Case) -> Vec<Status> {
    let plan = Plan::new(book);
    let a = assess(&plan, c, &["Z".to_string()], None, today());
    let q = &a.systems[0].qualifications;
    let s = plan.summarize(c, None, today());
    let r = qualif::engine::reference::evaluate_system(&book.systems[0], None, c, a.law_date);
    for i in 0..q.len() {
        assert_eq!(s.systems[0].provisions[i].status, q[i].status, "summary");
        assert_eq!(r[i].status, q[i].status, "reference");
    }
    q.iter().map(|q| q.status).collect()
}

#[test]
fn before_a_first_version_that_did_not_create_the_offence_the_data_says_nothing() {
    use Status::*;
    use qualif::engine::{ElementLabel, ElementStatus, Warning};
    let b = dated_book(&[]);
    // 1995: before every version. The repealed offence and the later one have no data for
    // that date (possible); the one created in 2010 did not exist (excluded).
    let c = touching_on(&b, (1995, 6, 1));
    assert_eq!(dated_statuses(&b, &c), [Possible, Excluded, Possible]);
    let plan = Plan::new(&b);
    let a = assess(&plan, &c, &[], None, today());
    let later = &a.systems[0].qualifications[2];
    assert!(later.version.is_none() && later.penalty.is_none());
    assert_eq!(later.elements.len(), 1);
    assert_eq!(later.elements[0].status, ElementStatus::Unknown);
    let first = NaiveDate::from_ymd_opt(2010, 1, 1).unwrap();
    let date = NaiveDate::from_ymd_opt(1995, 6, 1).unwrap();
    assert_eq!(
        later.elements[0].label,
        ElementLabel::NoDataOn { date, first }
    );
    assert_eq!(
        later.warnings,
        [Warning::NoDataForDate {
            provision: "Z.later",
            date,
            first
        }]
    );
    assert!(
        later.missing_facts.is_empty(),
        "no fact of the case decides it"
    );
    let created = &a.systems[0].qualifications[1];
    assert_eq!(created.elements[0].label, ElementLabel::InForceOn(date));
    assert_eq!(created.elements[0].status, ElementStatus::Unmet);
    assert!(created.warnings.is_empty());
    // 2005: the former offence applies; the later one still has no data.
    let c = touching_on(&b, (2005, 6, 1));
    assert_eq!(dated_statuses(&b, &c), [Applies, Excluded, Possible]);
    // 2015: after the former offence's last version it is repealed (excluded), whether or
    // not its first version created it.
    let c = touching_on(&b, (2015, 6, 1));
    assert_eq!(dated_statuses(&b, &c), [Excluded, Applies, Applies]);
    let a = assess(&plan, &c, &[], None, today());
    let repealed = &a.systems[0].qualifications[0];
    assert_eq!(repealed.elements[0].status, ElementStatus::Unmet);
    // The day before 2010 and the first day.
    let c = touching_on(&b, (2009, 12, 31));
    assert_eq!(dated_statuses(&b, &c), [Applies, Excluded, Possible]);
    let c = touching_on(&b, (2010, 1, 1));
    assert_eq!(dated_statuses(&b, &c), [Excluded, Applies, Applies]);
}

/// W.touching: a touching offence since 1990.
const SINCE_1990: &str = r#"
[system]
id = "W"
kind = "national"
language = "en"
name = { fr = "W", en = "W" }

[[provision]]
id = "W.touching"
citation = "s. 1"
title = { fr = "contact", en = "touching" }
covers = ["sexual_abuse.touching"]
  [[provision.element]]
  id = "contact"
  label = { fr = "contact", en = "contact" }
  when = "act.sexual_contact in ['touching', 'penetration']"
  [[provision.version]]
  in_force_from = "1990-01-01"
  verification = "verified-primary"
  sources = ["https://example.org/w#1"]
  penalty = { prison_max = "5y" }
"#;

#[test]
fn a_comparison_does_not_call_a_conduct_not_criminalised_where_the_data_has_nothing() {
    use qualif::compare::{DisparityKind, compare};
    let not_criminalised = |b: &LawBook| {
        let plan = Plan::new(b);
        let c = touching_on(b, (1995, 6, 1));
        let a = assess(&plan, &c, &[], None, today());
        compare(&plan, &a, &c, today())
            .disparities
            .iter()
            .filter(|d| d.kind == DisparityKind::NotCriminalised)
            .map(|d| d.systems.clone())
            .collect::<Vec<_>>()
    };
    // In 1995 W punishes the touching; Z has no data for 1995 for two of its offences:
    // possible, not "not criminalised".
    let b = dated_book(&[("w.toml", SINCE_1990.to_string())]);
    assert!(
        not_criminalised(&b).is_empty(),
        "{:?}",
        not_criminalised(&b)
    );
    // Where every offence of Z was created later, Z did not punish it in 1995.
    let created = DATED
        .replace(
            "id = \"Z.repealed\"",
            "id = \"Z.repealed\"\nnew_offence = true",
        )
        .replace("id = \"Z.later\"", "id = \"Z.later\"\nnew_offence = true");
    let vocabulary = std::fs::read_to_string("jurisdictions/vocabulary.toml").unwrap();
    let b = LawBook::from_sources(vec![
        SourceText::new("vocabulary.toml", vocabulary),
        SourceText::new("z.toml", created),
        SourceText::new("w.toml", SINCE_1990),
    ])
    .unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(
        not_criminalised(&b),
        [vec!["W".to_string(), "Z".to_string()]]
    );
}
