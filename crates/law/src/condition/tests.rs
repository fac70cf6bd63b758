//! Tests of the condition language: parsing, type errors and three-valued evaluation.

use super::*;
use crate::diagnostics::SourceText;
use crate::facts::{Interval, Vocabulary};
use crate::logic::Status;
use std::collections::HashMap;

fn vocab() -> Vocabulary {
    let text = r#"
[[fact]]
key = "victim.age"
type = "integer"
label = { fr = "a", en = "a" }
[[fact]]
key = "live.sessions"
type = "integer"
min = 0
label = { fr = "n", en = "n" }
at_least = { id = "several", min = 2, label = { fr = "plusieurs", en = "several" } }
[[fact]]
key = "act.coercion"
type = "bool"
label = { fr = "c", en = "c" }
[[fact]]
key = "act.sexual_contact"
type = "enum"
values = ["none", "touching", "penetration"]
label = { fr = "s", en = "s" }
[[fact]]
key = "material.conduct"
type = "enum_list"
values = ["possessed", "distributed"]
label = { fr = "m", en = "m" }
[[fact]]
key = "derived.age_gap"
type = "number"
derived = true
label = { fr = "g", en = "g" }
[[fact]]
key = "case.date_of_facts"
type = "date"
label = { fr = "d", en = "d" }
[[parameter]]
key = "state.age_of_consent"
type = "integer"
label = { fr = "p", en = "p" }
"#;
    Vocabulary::parse(&SourceText::new("v.toml", text)).unwrap()
}

struct Facts(HashMap<String, Value>, HashMap<String, Status>);

impl Context for Facts {
    fn value(&self, op: &Operand) -> Option<&Value> {
        self.0.get(op.key())
    }
    fn status(&self, id: &str) -> Option<Status> {
        self.1.get(id).copied()
    }
}

fn eval(cond: &str, facts: &[(&str, Value)]) -> Tri {
    let e = Expr::parse(cond, &vocab()).unwrap_or_else(|e| panic!("{cond}: {e:?}"));
    let f = Facts(
        facts
            .iter()
            .map(|(k, v)| (k.to_string(), v.clone()))
            .collect(),
        [
            ("X.1".to_string(), Status::Possible),
            ("X.2".to_string(), Status::Applies),
        ]
        .into(),
    );
    e.eval(&f)
}

#[test]
fn unknown_is_never_false() {
    assert_eq!(eval("victim.age < 15", &[]), Tri::Unknown);
    assert_eq!(
        eval(
            "victim.age < 15 and act.coercion",
            &[("act.coercion", Value::Bool(false))]
        ),
        Tri::False
    );
    assert_eq!(
        eval(
            "victim.age < 15 or act.coercion",
            &[("act.coercion", Value::Bool(true))]
        ),
        Tri::True
    );
    assert_eq!(eval("not act.coercion", &[]), Tri::Unknown);
    assert_eq!(eval("known(victim.age)", &[]), Tri::False);
}

#[test]
fn comparisons_and_lists() {
    let age = |n| ("victim.age", Value::Int(n));
    assert_eq!(eval("victim.age < 15", &[age(14)]), Tri::True);
    assert_eq!(eval("victim.age < 15", &[age(15)]), Tri::False);
    assert_eq!(
        eval(
            "act.sexual_contact in ['touching', 'penetration']",
            &[("act.sexual_contact", Value::Str("touching".into()))]
        ),
        Tri::True
    );
    let conduct = ("material.conduct", Value::List(vec!["possessed".into()]));
    assert_eq!(
        eval(
            "material.conduct contains 'possessed'",
            std::slice::from_ref(&conduct)
        ),
        Tri::True
    );
    assert_eq!(
        eval(
            "material.conduct contains 'distributed'",
            std::slice::from_ref(&conduct)
        ),
        Tri::False
    );
    assert_eq!(
        eval(
            "material.conduct contains_any ['distributed', 'possessed']",
            &[conduct]
        ),
        Tri::True
    );
    assert_eq!(
        eval(
            "case.date_of_facts >= '2021-04-23'",
            &[(
                "case.date_of_facts",
                Value::Date(chrono::NaiveDate::from_ymd_opt(2021, 4, 22).unwrap())
            )]
        ),
        Tri::False
    );
}

#[test]
fn an_age_gap_known_within_bounds_is_unknown_only_when_they_straddle() {
    let gap = |above, below| ("derived.age_gap", Value::Between(Interval { above, below }));
    // ages 19 and 14: the gap is between 4 and 6 years
    assert_eq!(eval("derived.age_gap >= 5", &[gap(4.0, 6.0)]), Tri::Unknown);
    // ages 20 and 14: between 5 and 7
    assert_eq!(eval("derived.age_gap >= 5", &[gap(5.0, 7.0)]), Tri::True);
    // ages 17 and 14: between 2 and 4
    assert_eq!(eval("derived.age_gap >= 5", &[gap(2.0, 4.0)]), Tri::False);
    assert_eq!(eval("derived.age_gap <= 3", &[gap(2.0, 4.0)]), Tri::Unknown);
}

#[test]
fn several_is_a_whole_number_known_only_to_be_at_least_two() {
    let several = [("live.sessions", Value::AtLeast(2))];
    let table = [
        ("live.sessions >= 2", Tri::True),
        ("live.sessions > 1", Tri::True),
        ("live.sessions >= 1", Tri::True),
        ("live.sessions > 2", Tri::Unknown),
        ("live.sessions >= 3", Tri::Unknown),
        ("live.sessions == 1", Tri::False),
        ("live.sessions == 0", Tri::False),
        ("live.sessions == 2", Tri::Unknown),
        ("live.sessions != 1", Tri::True),
        ("live.sessions != 2", Tri::Unknown),
        ("live.sessions < 2", Tri::False),
        ("live.sessions <= 1", Tri::False),
        ("live.sessions < 3", Tri::Unknown),
        ("live.sessions <= 2", Tri::Unknown),
        ("live.sessions <= 5", Tri::Unknown),
        ("live.sessions in [0, 1]", Tri::False),
        ("live.sessions in [1, 2]", Tri::Unknown),
        ("not (live.sessions < 2)", Tri::True),
    ];
    for (condition, expected) in table {
        assert_eq!(eval(condition, &several), expected, "{condition}");
    }
    // The same bound compared the other way round.
    let with_age = [several[0].clone(), ("victim.age", Value::Int(2))];
    assert_eq!(eval("victim.age <= live.sessions", &with_age), Tri::True);
    assert_eq!(eval("victim.age > live.sessions", &with_age), Tri::False);
    let with_age = [several[0].clone(), ("victim.age", Value::Int(3))];
    assert_eq!(eval("victim.age <= live.sessions", &with_age), Tri::Unknown);
}

#[test]
fn provision_statuses_and_parameters() {
    assert_eq!(eval("applies(X.1)", &[]), Tri::Unknown);
    assert_eq!(eval("not applies(X.2)", &[]), Tri::False);
    assert_eq!(eval("possible(X.1)", &[]), Tri::True);
    assert_eq!(
        eval(
            "victim.age < state.age_of_consent",
            &[("victim.age", Value::Int(14))]
        ),
        Tri::Unknown
    );
    assert_eq!(
        eval(
            "victim.age < state.age_of_consent",
            &[
                ("victim.age", Value::Int(14)),
                ("state.age_of_consent", Value::Int(15))
            ]
        ),
        Tri::True
    );
}

#[test]
fn type_errors_are_located() {
    let v = vocab();
    let err = |c: &str| Expr::parse(c, &v).unwrap_err();
    assert_eq!(err("victim.agee < 15").offset, 0);
    assert!(
        err("victim.agee < 15")
            .message
            .contains("unknown fact `victim.agee`")
    );
    let e = err("victim.age < 'x'");
    assert_eq!(e.offset, 13);
    assert!(e.message.contains("compared with a text"));
    assert!(
        err("act.sexual_contact == 'kiss'")
            .message
            .contains("not a value")
    );
    assert!(
        err("act.sexual_contact < 'none'")
            .message
            .contains("cannot be compared")
    );
    assert!(err("victim.age").message.contains("not true/false"));
    assert!(
        err("material.conduct == 'possessed'")
            .message
            .contains("is a list")
    );
    assert!(err("(act.coercion").message.contains("expected `)`"));
    assert!(err("act.coercion and").message.contains("ends too early"));
}

#[test]
fn nesting_is_bounded_and_located() {
    let v = vocab();
    let deep = |n: usize| format!("{}act.coercion{}", "(".repeat(n), ")".repeat(n));
    assert!(Expr::parse(&deep(MAX_NESTING), &v).is_ok());
    let e = Expr::parse(&deep(10_000), &v).unwrap_err();
    assert_eq!(e.offset, MAX_NESTING, "at the first parenthesis too many");
    assert!(
        e.message.contains("more than 64 levels deep"),
        "{}",
        e.message
    );
    let nots = format!("{}act.coercion", "not ".repeat(10_000));
    let e = Expr::parse(&nots, &v).unwrap_err();
    assert_eq!(e.offset, 4 * MAX_NESTING);
    // Balanced siblings do not add up.
    let wide = vec![deep(MAX_NESTING); 100].join(" and ");
    assert!(Expr::parse(&wide, &v).is_ok());
}
