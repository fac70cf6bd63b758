//! The plan against the reference interpreter and against `assess`.

use std::cell::Cell;
use std::collections::HashMap;

use chrono::NaiveDate;

use super::cond::Env;
use super::system::{InForce, Periods};
use super::*;
use crate::reference::CaseContext;
use qualif_law::facts::{Case, Value};
use qualif_law::law::{LawBook, System};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 1, 1).unwrap()
}

/// The synthetic cases of the benchmarks, as batch reads them.
fn cases(book: &LawBook, n: u64) -> Vec<Case> {
    qualif_batch::synth::cases(n, 7, &book.vocabulary, today())
}

/// Cases with values no case file could hold (set directly): an enumeration value the
/// vocabulary does not list, a list where a text is expected and the reverse.
fn unusual(book: &LawBook) -> Vec<Case> {
    let v = &book.vocabulary;
    let text = |s: &str| Value::Str(s.to_string());
    let list = |items: &[&str]| Value::List(items.iter().map(|s| s.to_string()).collect());
    let facts = [
        ("offender.group", text("crowd")),
        ("offender.group", list(&["organised"])),
        ("offender.relation", Value::Bool(true)),
        ("material.conduct", list(&["possessed", "hoarded"])),
        ("material.conduct", text("possessed")),
        ("material.conduct", list(&[])),
        ("act.sexual_contact", text("penetration")),
        ("live.roles", list(&["director", "director"])),
        // Numbers compared as numbers only when they are plain numbers.
        ("offender.age", Value::Number(17.5)),
        ("offender.age", Value::Number(f64::NAN)),
        ("offender.age", text("forty")),
        (
            "offender.age",
            Value::Between(qualif_law::facts::Interval {
                above: 16.0,
                below: 19.0,
            }),
        ),
        ("live.sessions", Value::AtLeast(2)),
        ("live.sessions", Value::Int(1)),
    ];
    facts
        .into_iter()
        .map(|(key, value)| {
            let mut case = Case::new();
            case.set("victim.age", Some(Value::Int(12)), v, today());
            case.set("offender.age", Some(Value::Int(40)), v, today());
            case.set(key, Some(value), v, today());
            case
        })
        .collect()
}

#[test]
fn a_compiled_condition_evaluates_as_the_condition() {
    let book = LawBook::builtin().unwrap();
    let s = Plan::new(&book);
    assert!(
        !s.readings.is_empty(),
        "some instrument is read for a state"
    );
    let statuses = [Status::Applies, Status::Possible, Status::Excluded];
    let mut cases = cases(&book, 300);
    cases.extend(unusual(&book));
    cases.push(Case::new());
    for (n, case) in cases.iter().enumerate() {
        let prepared = s.prepare(case);
        let presumed = crate::reference::presume(&book, case, today());
        let nodes = &prepared.nodes;
        for plan in s.systems.iter().chain(&s.readings) {
            let system = plan.system;
            // Every provision given a status, varied from case to case.
            let mut by_index: Vec<Option<Status>> = (0..system.provisions.len())
                .map(|i| Some(statuses[(i + n) % 3]))
                .collect();
            // What the reference interpreter reads the conditions against: the case as
            // presumed, as the plan's prepared facts are.
            let mut ctx = CaseContext::new(&presumed, system, plan.state);
            ctx.statuses = system
                .provisions
                .iter()
                .zip(&by_index)
                .map(|(p, st)| (p.id.as_str(), st.unwrap()))
                .collect();
            let env = Env {
                facts: &prepared.facts,
                case,
                statuses: Cell::from_mut(by_index.as_mut_slice()).as_slice_of_cells(),
                nodes,
            };
            for (p, &(first, end)) in system.provisions.iter().zip(&plan.provisions) {
                let versions = &plan.versions[first as usize..end as usize];
                assert_eq!(versions.len(), p.versions.len(), "{}", p.id);
                for (vp, written) in versions.iter().zip(&p.versions) {
                    let v = vp.version;
                    assert!(std::ptr::eq(v, written), "{}: versions in order", p.id);
                    let exprs = v.elements.iter().map(|e| &e.when);
                    let exprs = exprs.chain(v.aggravations.iter().map(|a| &a.when));
                    let sites = &plan.sites[vp.start as usize..vp.end as usize];
                    assert_eq!(sites.len(), v.elements.len() + v.aggravations.len());
                    for (e, site) in exprs.zip(sites) {
                        assert_eq!(plan.value(*site, &env), e.eval(&ctx), "{}: {e:?}", p.id);
                    }
                }
            }
            for (rule, site) in system.limitations.iter().zip(&plan.limitations) {
                let expected = rule.when.as_ref().map(|w| w.eval(&ctx));
                assert_eq!(site.map(|s| plan.value(s, &env)), expected, "{}", rule.id);
            }
            for (rule, site) in system.jurisdictions.iter().zip(&plan.jurisdictions) {
                assert_eq!(plan.value(*site, &env), rule.when.eval(&ctx), "{}", rule.id);
            }
        }
        let facts_only = CaseContext {
            case,
            parameters: None,
            statuses: HashMap::new(),
        };
        for (id, when) in &book.conduct_conditions {
            assert_eq!(
                s.conduct(&prepared, id),
                Some(when.eval(&facts_only)),
                "{id}"
            );
        }
    }
}

/// A case prepared from another that differs in a few facts, evaluating again only what
/// they touch, gives the nodes of a case prepared from scratch.
#[test]
fn preparing_what_changed_gives_what_preparing_from_scratch_gives() {
    let book = LawBook::builtin().unwrap();
    let s = Plan::new(&book);
    let v = &book.vocabulary;
    let cases = cases(&book, 200);
    for pair in cases.windows(2) {
        let (before, after) = (&pair[0], &pair[1]);
        // One fact of the next case stated, one of this case forgotten, then the whole
        // next case.
        let mut one_more = before.clone();
        if let Some((key, _, value)) = after.iter_with_slots().next() {
            one_more.set(key, Some(value.clone()), v, today());
        }
        let mut one_less = before.clone();
        if let Some((key, _, _)) = before.iter_with_slots().last() {
            let key = key.to_string();
            one_less.set(&key, None, v, today());
        }
        let base = s.prepare(before);
        for changed in [&one_more, &one_less, after, before] {
            let again = s.prepare_changed(&base, changed);
            let fresh = s.prepare(changed);
            assert_eq!(again.nodes, fresh.nodes, "{changed:?}");
            assert_eq!(again.facts.values, fresh.facts.values);
        }
    }
}

/// What [`Graph::evaluate`] leaves at its blank value (a leaf of no fact stated, an
/// operation above none) is what evaluating it would give.
#[test]
fn the_graph_evaluates_again_every_node_a_stated_fact_can_change() {
    let book = LawBook::builtin().unwrap();
    let s = Plan::new(&book);
    let g = &s.graph;
    assert!(g.operations.len() > 64, "more than one word of operations");
    let mut cases = cases(&book, 300);
    cases.extend(unusual(&book));
    cases.push(Case::new());
    for case in &cases {
        let facts = s.lay_out(case);
        let mut values = Vec::new();
        g.evaluate(&facts, case, &mut values, graph::LAYERS);
        // Every node evaluated, in order.
        let env = Env {
            facts: &facts,
            case,
            statuses: &[],
            nodes: &[],
        };
        let mut full = g.blank.clone();
        for (node, test) in &g.leaves {
            full[*node as usize] = test.eval(&env);
        }
        for op in &g.operations {
            full[op.node as usize] = op.apply(&full);
        }
        assert_eq!(values, full, "{case:?}");
        // The first layers alone: the same values there, the others left blank.
        for layers in 1..graph::LAYERS {
            let mut first = Vec::new();
            g.evaluate(&facts, case, &mut first, layers);
            let at = g.layer_nodes[layers];
            assert!(
                at > g.layer_nodes[layers - 1] && at < full.len(),
                "{layers}"
            );
            assert_eq!(first[..at], full[..at], "{case:?}");
            assert_eq!(first[at..], g.blank[at..], "{case:?}");
        }
    }
}

/// The positions a case carries are those of the vocabulary it was read with: laid out
/// against another, where they mean other facts, the facts are found by name.
#[test]
fn a_case_read_with_another_vocabulary_is_laid_out_by_name() {
    let book = LawBook::builtin().unwrap();
    let s = Plan::new(&book);
    let small = qualif_law::facts::Vocabulary::parse(&qualif_law::diagnostics::SourceText::new(
        "v.toml",
        "[[fact]]\nkey = \"material.conduct\"\ntype = \"enum_list\"\n\
         values = [\"possessed\", \"distributed\"]\nlabel = { fr = \"m\", en = \"m\" }\n\
         [[fact]]\nkey = \"victim.age\"\ntype = \"integer\"\nlabel = { fr = \"a\", en = \"a\" }\n",
    ))
    .unwrap();
    let facts = [
        ("victim.age", Value::Int(13)),
        ("material.conduct", Value::List(vec!["distributed".into()])),
    ];
    let (mut theirs, mut ours) = (Case::new(), Case::new());
    for (key, value) in facts {
        theirs.set(key, Some(value.clone()), &small, today());
        ours.set(key, Some(value), &book.vocabulary, today());
    }
    assert_ne!(
        theirs
            .iter_with_slots()
            .map(|(_, i, _)| i)
            .collect::<Vec<_>>(),
        ours.iter_with_slots()
            .map(|(_, i, _)| i)
            .collect::<Vec<_>>(),
        "the two vocabularies place the facts differently"
    );
    let (a, b) = (s.lay_out(&theirs), s.lay_out(&ours));
    assert_eq!(a.values, b.values);
    assert_eq!(a.bits, b.bits);
    assert_eq!(a.known, b.known);
}

/// The facts a guideline's layout laid out, handed to the plan, give what the plan lays
/// out itself: taken as they are when the layout is the plan's (the plan adds its
/// presumptions), laid out again when it is another vocabulary's.
#[test]
fn facts_a_guideline_laid_out_prepare_as_the_case_does() {
    let book = LawBook::builtin().unwrap();
    let s = Plan::new(&book);
    let ours = Layout::new(&book.vocabulary);
    let other_vocabulary =
        qualif_law::facts::Vocabulary::parse(&qualif_law::diagnostics::SourceText::new(
            "v.toml",
            "[[fact]]\nkey = \"victim.age\"\ntype = \"integer\"\n\
             label = { fr = \"a\", en = \"a\" }\n",
        ))
        .unwrap();
    let theirs = Layout::new(&other_vocabulary);
    // The same value of the case at each position (by address: a NaN is not equal to
    // itself).
    let at = |f: &Facts| -> Vec<Option<*const Value>> {
        f.values.iter().map(|v| v.map(std::ptr::from_ref)).collect()
    };
    let same = |stated: &Facts, fresh: &Facts| {
        at(stated) == at(fresh)
            && stated.bits == fresh.bits
            && stated.presumed == fresh.presumed
            && stated
                .known
                .iter()
                .collect::<std::collections::BTreeSet<_>>()
                == fresh.known.iter().collect()
    };
    let mut cases = cases(&book, 300);
    cases.extend(unusual(&book));
    cases.push(Case::new());
    let mut presumed = 0;
    for case in &cases {
        let fresh = s.prepare_for_conducts(case);
        presumed += fresh.facts.presumed.len();
        for layout in [&ours, &theirs] {
            let from = s.prepare_for_conducts_from(layout.facts(case));
            assert!(same(&from.facts, &fresh.facts), "{case:?}");
            assert_eq!(from.nodes, fresh.nodes, "{case:?}");
            assert_eq!(from.layers, fresh.layers);
            let summary = s.summarize_national_from(layout.facts(case), None, today());
            let direct = s.summarize_national(case, None, today());
            let statuses = |sm: &Summary| -> Vec<Vec<(Status, Option<String>)>> {
                sm.systems
                    .iter()
                    .map(|sys| {
                        sys.provisions
                            .iter()
                            .map(|p| (p.status, p.penalty.map(|x| format!("{x:?}"))))
                            .collect()
                    })
                    .collect()
            };
            assert_eq!(statuses(&summary), statuses(&direct), "{case:?}");
        }
    }
    assert!(presumed > 0, "some cases take a presumption");
}

#[test]
fn the_periods_give_the_version_in_force_on_every_date() {
    let book = LawBook::builtin().unwrap();
    let s = Plan::new(&book);
    for plan in &s.systems {
        let p = &plan.periods;
        // Every change, the day before and the day after, and dates far off.
        let dates = p
            .changes
            .iter()
            .flat_map(|d| [d.pred_opt(), Some(*d), d.succ_opt()].into_iter().flatten());
        let far = [NaiveDate::MIN, NaiveDate::MAX, today()];
        for date in dates.chain(far) {
            let in_force = p.on(date);
            for (i, &(first, end)) in plan.provisions.iter().enumerate() {
                // Before the first version of a provision that did not create the
                // offence, no data; else not in force.
                let provision = &plan.system.provisions[i];
                let no_data =
                    !provision.new_offence && provision.first_in_force().is_some_and(|f| date < f);
                let expected = (first..end)
                    .find(|&k| plan.versions[k as usize].in_force.on(date))
                    .unwrap_or(if no_data {
                        Periods::NO_DATA
                    } else {
                        Periods::NONE
                    });
                assert_eq!(in_force[i], expected, "{} {date}", plan.system.id);
            }
        }
    }
}

#[test]
fn the_version_in_force_is_the_one_version_at_finds() {
    let book = LawBook::builtin().unwrap();
    let dates = (1990..2030)
        .flat_map(|y| [(1, 1), (4, 23), (8, 6), (12, 31)].map(|(m, d)| (y, m, d)))
        .filter_map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d));
    for date in dates {
        for p in book.systems.iter().flat_map(|s| &s.provisions) {
            for v in &p.versions {
                assert_eq!(
                    InForce::of(v).on(date),
                    v.in_force_on(date),
                    "{} {date}",
                    p.id
                );
            }
        }
    }
}

/// Every provision of every system as the plan explains it.
struct Explained<'a> {
    systems: Vec<Vec<Option<crate::reference::Reference<'a>>>>,
}

impl<'a> Observer<'a> for Explained<'a> {
    const EXPLAINS: bool = true;

    fn system(&mut self, _index: usize, system: &'a System) {
        self.systems.push(vec![None; system.provisions.len()]);
    }

    fn provision(&mut self, o: &Outcome<'a, '_>) {
        let r = crate::reference::Reference {
            version: o.version,
            elements: o.elements.to_vec(),
            aggravations: o.aggravations.to_vec(),
            status: o.status,
            penalty: o.penalty,
        };
        self.systems.last_mut().unwrap()[o.index] = Some(r);
    }
}

#[test]
fn the_plan_evaluates_as_the_reference_interpreter() {
    let book = LawBook::builtin().unwrap();
    let s = Plan::new(&book);
    let mut cases = cases(&book, 300);
    cases.extend(unusual(&book));
    cases.push(Case::new());
    // Today's law, and dates before the first versions of many provisions (of those that
    // created the offence, and of those the data has nothing for).
    let dates = [
        None,
        NaiveDate::from_ymd_opt(1990, 1, 1),
        NaiveDate::from_ymd_opt(2005, 6, 1),
        NaiveDate::from_ymd_opt(2021, 4, 23),
    ];
    for case in &cases {
        // The reference evaluates the case as presumed.
        let presumed = crate::reference::presume(&book, case, today());
        for law_date in dates {
            let law_date = LawDate::of(case, law_date, today()).date();
            let prepared = s.prepare(case);
            // Explained, every system and every reading.
            let mut explained = Explained {
                systems: Vec::new(),
            };
            let mut scratch = Scratch::default();
            s.evaluate(
                &prepared,
                law_date,
                0..book.systems.len(),
                &mut scratch,
                &mut explained,
            );
            for k in 0..s.readings.len() {
                s.evaluate_reading(k, &prepared, law_date, &mut scratch, &mut explained);
            }
            let plans = s.systems.iter().chain(&s.readings);
            for (plan, got) in plans.zip(&explained.systems) {
                let expected =
                    crate::reference::evaluate_system(plan.system, plan.state, &presumed, law_date);
                for ((p, e), g) in plan.system.provisions.iter().zip(&expected).zip(got) {
                    assert_eq!(g.as_ref(), Some(e), "{} {law_date}", p.id);
                }
            }
            // Summarised: statuses, and penalties where a provision applies or may.
            let summary = s.summarize(case, Some(law_date), today());
            for (sys, plan) in summary.systems.iter().zip(&s.systems) {
                let expected =
                    crate::reference::evaluate_system(plan.system, None, &presumed, law_date);
                for (p, e) in sys.provisions.iter().zip(&expected) {
                    assert_eq!(p.status, e.status, "{}", p.provision.id);
                    let penalty = e.penalty.filter(|_| e.status != Status::Excluded);
                    assert_eq!(p.penalty, penalty, "{}", p.provision.id);
                    assert!(
                        match (p.version, e.version) {
                            (Some(a), Some(b)) => std::ptr::eq(a, b),
                            (a, b) => a.is_none() && b.is_none(),
                        },
                        "{}",
                        p.provision.id
                    );
                }
            }
        }
    }
}

/// Conditions of any number of operands, as a law book assembled by hand may hold them (the
/// data files write none of none or one): the graph's chains of operations of two give
/// what the reference interpreter gives, for every case.
#[test]
fn the_graph_takes_conditions_of_any_number_of_operands() {
    use crate::condition::Expr;
    let book = LawBook::builtin().unwrap();
    let vocab = &book.vocabulary;
    let parse = |t: &str| Expr::parse(t, vocab).unwrap();
    let (a, b, c) = (
        parse("victim.age < 16"),
        parse("offender.age >= 18"),
        parse("victim.age < 13"),
    );
    let exprs: Vec<Expr> = vec![
        Expr::And(vec![]),
        Expr::Or(vec![]),
        Expr::And(vec![a.clone()]),
        Expr::Or(vec![b.clone()]),
        Expr::Not(Box::new(a.clone())),
        Expr::And(vec![a.clone(), b.clone(), c.clone()]),
        Expr::Or(vec![a.clone(), b.clone(), c.clone()]),
        Expr::And(vec![
            a.clone(),
            Expr::Or(vec![b.clone(), c.clone()]),
            Expr::Or(vec![]),
        ]),
        Expr::Or(vec![
            Expr::Not(Box::new(b.clone())),
            Expr::And(vec![]),
            c.clone(),
        ]),
    ];
    let enums = enumerations(vocab);
    let system = &book.systems[0];
    let scope = super::cond::Scope::new(system, None, 0);
    let mut builder = graph::GraphBuilder::new(vocab, &enums);
    let nodes: Vec<u32> = exprs.iter().map(|e| builder.site("", e, &scope)).collect();
    let g = builder.finish();
    let plan = Plan::new(&book);
    let mut cases = cases(&book, 200);
    cases.push(Case::new());
    for case in &cases {
        let facts = plan.lay_out(case);
        let mut values = Vec::new();
        g.evaluate(&facts, case, &mut values, graph::LAYERS);
        let ctx = CaseContext::new(case, system, None);
        for (e, &node) in exprs.iter().zip(&nodes) {
            assert_eq!(values[node as usize], e.eval(&ctx), "{e:?} for {case:?}");
        }
    }
}
