//! The "next question": which unknown fact, once answered, would decide the most
//! still-undecided provisions, weighted by their penalties.
//!
//! Generic: it knows no country. For every askable fact that an undecided provision still
//! needs, it tries the values the fact can take (true and false, each enumeration value,
//! the thresholds the conditions compare it with, the dates on which versions of the law
//! change) and watches which statuses and penalties move. A fact whose answer cannot move
//! any of them is never proposed.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::{Days, NaiveDate};

use super::ElementLabel;
use super::condition::{Expr, Operand};
use super::logic::Tri;
use super::plan::{LawDate, Observer, Outcome, Plan, Prepared, Scratch};
use super::{Assessment, Qualification, Status, assess};
use qualif_law::facts::{Case, FactDef, FactType, Value};
use qualif_law::law::{
    Jurisdiction, LawBook, Penalty, Provision, System, SystemKind, Term, Version, VersionStatus,
};

/// The weight of life imprisonment, in months, when penalties are weighed.
pub const LIFE_MONTHS: f64 = 600.0;
/// The weight of a term the sources do not confirm.
const UNKNOWN_TERM_MONTHS: f64 = 60.0;
/// What a finding weighs against the maximum penalty (in months) at stake, by kind (see
/// README.md, "The interview"): what a lawyer reads first weighs most.
pub mod weights {
    /// A provision at least as heavy as the qualification a system retains now can come
    /// to apply: it can change what is retained (its maximum, in full).
    pub const RETAINED: f64 = 1.0;
    /// In a system where nothing applies yet, an answer that makes some provision apply
    /// settles its first retained qualification: it weighs the heaviest maximum still
    /// possible there (what is at stake in that system), in full.
    pub const FIRST_RETAINED: f64 = 1.0;
    /// Such a provision can only be excluded (or stay possible): it changes what is still
    /// possible above the retained qualification, not the retained one.
    pub const OPENS: f64 = 0.25;
    /// Only its penalty would change (an aggravation): half.
    pub const PENALTY_ONLY: f64 = 0.5;
    /// A lighter provision changes status: it cannot change the qualification retained.
    pub const BELOW_RETAINED: f64 = 0.05;
    /// Whether a state can prosecute at all changes: half the heaviest provision it
    /// concerns (taken in full when it applies, as [`OPENS`] when only possible), so that
    /// what is retained is settled first, then whether it can be prosecuted.
    pub const PROSECUTION: f64 = 0.5;
    /// A ground of jurisdiction is decided while prosecution is settled by another.
    pub const GROUND: f64 = 0.1;
    /// Which limitation rule governs (hence the deadline) is decided.
    pub const LIMITATION: f64 = 0.5;
    /// Within one system, the findings after the weightiest count this share.
    pub const OTHERS: f64 = 0.2;
}

/// At most this many trial assessments are spent looking for facts that only matter
/// together with another one.
const MAX_PAIR_TRIALS: usize = 3000;

/// An element or aggravation that an answer would decide.
#[derive(Debug, Clone, PartialEq)]
pub struct DecidedPart<'a> {
    pub id: String,
    pub label: ElementLabel<'a>,
}

/// One provision whose status or penalty an answer would change.
#[derive(Debug, Clone)]
pub struct Decided<'a> {
    pub system: &'a str,
    pub provision: &'a Provision,
    /// Its status now.
    pub status: Status,
    /// Its elements unknown now that some answer decides.
    pub elements: Vec<DecidedPart<'a>>,
    /// Its aggravations possible now that some answer decides.
    pub aggravations: Vec<DecidedPart<'a>>,
    /// Only the penalty would change (an aggravation), not the status.
    pub penalty_only: bool,
    /// Its weight in the score: its maximum term in months.
    pub weight: f64,
}

/// A question worth asking, and why.
#[derive(Debug, Clone)]
pub struct QuestionScore<'a> {
    pub fact: &'a FactDef,
    /// Sum over the provisions it decides of their maximum penalty in months (life counts
    /// [`LIFE_MONTHS`]); a provision whose penalty only would change counts half.
    pub score: f64,
    pub decides: Vec<Decided<'a>>,
    /// Set when no single answer to this fact changes anything, but answering it together
    /// with this other fact does (the two must both be known).
    pub together_with: Option<&'a FactDef>,
    /// The grounds of jurisdiction it decides, by system, the weightiest first.
    pub reach: Vec<DecidedReach<'a>>,
    /// The national systems in which it decides which limitation rule governs (hence the
    /// deadline).
    pub limitation: Vec<&'a str>,
}

/// A ground of jurisdiction an answer would decide.
#[derive(Debug, Clone)]
pub struct DecidedReach<'a> {
    pub system: &'a System,
    pub rule: &'a Jurisdiction,
    /// Whether the state can prosecute at all depends on it (no other ground holds).
    pub prosecution: bool,
    pub weight: f64,
}

/// The questions worth asking next, best first: unknown, askable facts whose answer can
/// change the status or the penalty of some provision, scored by what they decide
/// (weighted by maximum penalty), ties broken by the vocabulary's `order`.
pub fn next_questions<'a>(
    plan: &Plan<'a>,
    case: &Case,
    law_date: Option<NaiveDate>,
    today: NaiveDate,
) -> Vec<QuestionScore<'a>> {
    next_questions_skipping(plan, case, law_date, today, &BTreeSet::new())
}

/// As [`next_questions`], never proposing the facts of `skip` (those the user answered
/// "I don't know").
pub fn next_questions_skipping<'a>(
    plan: &Plan<'a>,
    case: &Case,
    law_date: Option<NaiveDate>,
    today: NaiveDate,
    skip: &BTreeSet<String>,
) -> Vec<QuestionScore<'a>> {
    let book = plan.book();
    let base = assess(plan, case, &[], law_date, today);
    let literals = Literals::collect(book);
    let prober = Prober::new(plan, &base, case, law_date, today);
    // Candidate facts, and the systems whose results each may move.
    let mut candidates: BTreeMap<&str, BTreeSet<usize>> = BTreeMap::new();
    for (si, r) in base.systems.iter().enumerate() {
        for q in &r.qualifications {
            for key in needed_facts(q) {
                candidates.entry(key).or_default().insert(si);
            }
        }
    }
    // The facts the rules of jurisdiction and limitation read, for the national systems
    // where some provision is not excluded: whether a state can prosecute, and until when.
    for (si, r) in base.systems.iter().enumerate() {
        let open = r
            .qualifications
            .iter()
            .any(|q| q.status != Status::Excluded);
        if r.system.kind != SystemKind::National || !open {
            continue;
        }
        let mut read = BTreeSet::new();
        for j in &r.system.jurisdictions {
            facts_of(&j.when, &mut read);
        }
        for l in &r.system.limitations {
            if let Some(w) = &l.when {
                facts_of(w, &mut read);
            }
        }
        for key in read {
            if let Some(def) = book.vocabulary.fact(&key) {
                candidates.entry(def.key.as_str()).or_default().insert(si);
            }
        }
    }
    let all: BTreeSet<usize> = (0..base.systems.len()).collect();
    if law_date.is_none() {
        candidates.insert("case.date_of_facts", all.clone());
    }
    // A presumed fact is still asked: an answer may overturn the presumption.
    for p in &base.presumed {
        candidates.insert(&p.fact, all.clone());
    }
    let askable = |key: &str| {
        book.vocabulary
            .fact(key)
            .filter(|d| d.asked() && !case.is_known(key) && !skip.contains(key))
    };
    let mut out = Vec::new();
    let mut idle: Vec<(&FactDef, BTreeSet<usize>)> = Vec::new();
    for (key, systems) in &candidates {
        let Some(def) = askable(key) else { continue };
        let values = trial_values(def, book, case, today, &literals);
        let effect = prober.effect(case, &[(def, &values)], systems);
        if effect.is_empty() {
            idle.push((def, systems.clone()));
        } else {
            out.push(effect.into_score(def, None, &base));
        }
    }
    if out.is_empty() {
        out = joint_questions(&prober, case, &idle, &base, &literals);
    }
    out.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then(a.fact.order.cmp(&b.fact.order))
            .then(a.fact.key.cmp(&b.fact.key))
    });
    out
}

/// Facts that only matter together: when no single answer moves anything, pairs of
/// still-needed facts are tried (within a budget).
fn joint_questions<'a>(
    prober: &Prober<'a, '_>,
    case: &Case,
    idle: &[(&'a FactDef, BTreeSet<usize>)],
    base: &Assessment<'a>,
    literals: &Literals,
) -> Vec<QuestionScore<'a>> {
    let mut out = Vec::new();
    let mut spent = 0;
    for (i, (a, sa)) in idle.iter().enumerate() {
        for (b, sb) in &idle[i + 1..] {
            let shared: BTreeSet<usize> = sa.intersection(sb).copied().collect();
            if shared.is_empty() {
                continue;
            }
            let book = prober.plan.book();
            let va = trial_values(a, book, case, prober.today, literals);
            let vb = trial_values(b, book, case, prober.today, literals);
            let cost = va.len() * vb.len() * shared.len();
            if spent + cost > MAX_PAIR_TRIALS {
                continue;
            }
            spent += cost;
            let effect = prober.effect(case, &[(a, &va), (b, &vb)], &shared);
            if !effect.is_empty() {
                let (first, second) = if (a.order, &a.key) <= (b.order, &b.key) {
                    (a, b)
                } else {
                    (b, a)
                };
                out.push(effect.into_score(first, Some(*second), base));
            }
        }
    }
    out
}

/// The facts a condition reads.
fn facts_of(e: &Expr, out: &mut BTreeSet<String>) {
    let mut add = |op: &Operand| {
        if let Operand::Fact(k) = op {
            out.insert(k.clone());
        }
    };
    match e {
        Expr::Truthy(op) | Expr::Known(op) | Expr::Compare(op, ..) => add(op),
        Expr::In(op, _) | Expr::Contains(op, _) => add(op),
        Expr::CompareOperands(a, _, b) => {
            add(a);
            add(b);
        }
        Expr::Not(inner) => facts_of(inner, out),
        Expr::And(es) | Expr::Or(es) => es.iter().for_each(|x| facts_of(x, out)),
        Expr::Const(_) | Expr::Status(..) => {}
    }
}

/// The case-file keys an undecided provision still needs: for a possible provision the
/// facts of its unknown elements; for any provision not excluded, those of its possible
/// aggravations.
fn needed_facts<'q>(q: &'q Qualification) -> impl Iterator<Item = &'q str> {
    let elements = (q.status == Status::Possible).then_some(q.missing_facts.iter());
    let aggravations = (q.status != Status::Excluded).then_some(q.missing_for_aggravations.iter());
    elements
        .into_iter()
        .flatten()
        .chain(aggravations.into_iter().flatten())
        .map(String::as_str)
}

/// Tries answers and records what moves.
struct Prober<'a, 'b> {
    plan: &'b Plan<'a>,
    base: &'b Assessment<'a>,
    /// The base case, prepared: a trial evaluates again only what its answers change.
    prepared: Prepared<'b>,
    /// The same results in the lean form the trials are compared in, by system.
    base_lean: Vec<Vec<Lean<'a>>>,
    /// The conditions of each system's rules, for the base case.
    base_rules: Vec<LeanRules>,
    /// The heaviest certain maximum (months) among the provisions that apply, by system:
    /// the qualification retained now weighs at least this.
    retained: Vec<f64>,
    /// The heaviest maximum among the provisions not excluded, by system: what is at
    /// stake there.
    stake: Vec<f64>,
    law_date: Option<NaiveDate>,
    today: NaiveDate,
    scratch: std::cell::RefCell<Scratch>,
}

/// What the answers to one fact (or two) would change, by (system, provision) index.
#[derive(Default)]
struct Effect {
    moved: BTreeMap<(usize, usize), Move>,
    /// (system, jurisdiction rule) decided → (whether prosecution depends on it, the
    /// scaled weight of the heaviest provision it concerns, possible ones as
    /// [`weights::OPENS`]).
    grounds: BTreeMap<(usize, usize), (bool, f64)>,
    /// System whose governing limitation rule is decided → weight (scaled, as grounds).
    limitation: BTreeMap<usize, f64>,
}

#[derive(Default)]
struct Move {
    /// When nothing applies in its system yet and some answer makes it apply: what is at
    /// stake in that system ([`weights::FIRST_RETAINED`]).
    first_retained: f64,
    /// The share of its elements the facts already meet (met + 1) / (all + 1): a
    /// provision the established facts mostly make out is the story going on.
    established: f64,
    status_changes: bool,
    /// Some answer makes it apply.
    to_applies: bool,
    /// Lighter than the qualification the system retains now: cannot change it.
    below_retained: bool,
    weight: f64,
    elements: BTreeSet<String>,
    aggravations: BTreeSet<String>,
}

/// A provision's status, element by element, and its penalty, without the rest of a full
/// result (missing facts, limitation, jurisdiction): what the trials compare.
struct Lean<'a> {
    version: Option<&'a Version>,
    status: Status,
    penalty: Option<&'a Penalty>,
    elements: Vec<Tri>,
    aggravations: Vec<Tri>,
}

/// The observer of a trial: every provision of one system in lean form, by index, and the
/// conditions of its rules of limitation and jurisdiction.
struct Leaner<'a> {
    provisions: Vec<Option<Lean<'a>>>,
    rules: LeanRules,
}

/// The value of each rule's condition (limitation, jurisdiction) of one system.
#[derive(Default, Clone, PartialEq)]
struct LeanRules {
    limitations: Vec<Tri>,
    jurisdictions: Vec<Tri>,
}

impl<'a> Observer<'a> for Leaner<'a> {
    const EXPLAINS: bool = true;

    fn system(&mut self, _index: usize, system: &'a System) {
        self.provisions.clear();
        self.provisions
            .resize_with(system.provisions.len(), || None);
    }

    fn provision(&mut self, o: &Outcome<'a, '_>) {
        self.provisions[o.index] = Some(Lean {
            version: o.version,
            status: o.status,
            penalty: o.penalty,
            elements: o.elements.to_vec(),
            aggravations: o.aggravations.to_vec(),
        });
    }

    fn rules(&mut self, rules: super::plan::Rules<'_>) {
        self.rules = LeanRules {
            limitations: rules.limitations.to_vec(),
            jurisdictions: rules.jurisdictions.to_vec(),
        };
    }
}

fn same_version(a: Option<&Version>, b: Option<&Version>) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => std::ptr::eq(x, y),
        (None, None) => true,
        _ => false,
    }
}

impl<'a, 'b> Prober<'a, 'b> {
    fn new(
        plan: &'b Plan<'a>,
        base: &'b Assessment<'a>,
        case: &'b Case,
        law_date: Option<NaiveDate>,
        today: NaiveDate,
    ) -> Self {
        let prepared = plan.prepare(case);
        let retained = base
            .systems
            .iter()
            .map(|r| {
                r.qualifications
                    .iter()
                    .filter(|q| q.status == Status::Applies)
                    .filter_map(|q| q.penalty.as_ref().map(penalty_months))
                    .fold(0.0, f64::max)
            })
            .collect();
        let stake = base
            .systems
            .iter()
            .map(|r| {
                r.qualifications
                    .iter()
                    .filter(|q| q.status != Status::Excluded)
                    .map(weight)
                    .fold(0.0, f64::max)
            })
            .collect();
        let mut prober = Prober {
            plan,
            base,
            prepared,
            base_lean: Vec::new(),
            base_rules: Vec::new(),
            retained,
            stake,
            law_date,
            today,
            scratch: Default::default(),
        };
        for si in 0..plan.book().systems.len() {
            let (lean, rules) = prober.lean(&prober.prepared, base.law_date, si);
            prober.base_lean.push(lean.into_iter().flatten().collect());
            prober.base_rules.push(rules);
        }
        prober
    }

    /// The provisions of system `si`, evaluated for a prepared case.
    fn lean(
        &self,
        prepared: &Prepared,
        law_date: NaiveDate,
        si: usize,
    ) -> (Vec<Option<Lean<'a>>>, LeanRules) {
        let mut leaner = Leaner {
            provisions: Vec::new(),
            rules: LeanRules::default(),
        };
        self.plan.evaluate(
            prepared,
            law_date,
            [si],
            &mut self.scratch.borrow_mut(),
            &mut leaner,
        );
        (leaner.provisions, leaner.rules)
    }

    /// Tries every combination of the given values (one fact, or two together).
    fn effect(
        &self,
        case: &Case,
        facts: &[(&FactDef, &Vec<Value>)],
        systems: &BTreeSet<usize>,
    ) -> Effect {
        let mut effect = Effect::default();
        let mut combos: Vec<Vec<(&str, &Value)>> = vec![Vec::new()];
        for (def, values) in facts {
            combos = combos
                .into_iter()
                .flat_map(|c| {
                    values.iter().map(move |v| {
                        let mut c = c.clone();
                        c.push((def.key.as_str(), v));
                        c
                    })
                })
                .collect();
        }
        for combo in combos {
            let mut trial = case.clone();
            for (key, v) in combo {
                trial.set(
                    key,
                    Some(v.clone()),
                    &self.plan.book().vocabulary,
                    self.today,
                );
            }
            let law_date = LawDate::of(&trial, self.law_date, self.today).date();
            let facts_date = trial.date("case.date_of_facts").unwrap_or(law_date);
            let prepared = self.plan.prepare_changed(&self.prepared, &trial);
            for &si in systems {
                let (lean, rules) = self.lean(&prepared, law_date, si);
                self.compare_system(si, &lean, &mut effect);
                if rules != self.base_rules[si] {
                    self.compare_rules(si, &rules, facts_date, &mut effect);
                }
            }
        }
        effect
    }

    /// Compares one system's results for a trial case with the base results.
    fn compare_system(&self, si: usize, lean: &[Option<Lean<'a>>], effect: &mut Effect) {
        let base_lean = &self.base_lean[si];
        for (pi, (b, t)) in base_lean.iter().zip(lean).enumerate() {
            let Some(t) = t else { continue };
            let same = same_version(b.version, t.version);
            let status_changes = b.status != t.status;
            let base_q = &self.base.systems[si].qualifications[pi];
            let mut trial_weight = lean_weight(t);
            if !status_changes {
                // Only a penalty that moves (another version, an aggravation decided) counts.
                if t.status == Status::Excluded || t.penalty == b.penalty {
                    continue;
                }
                trial_weight = weight_of(t);
            }
            let m = effect.moved.entry((si, pi)).or_default();
            m.status_changes |= status_changes;
            m.to_applies |= t.status == Status::Applies && b.status != Status::Applies;
            let met = b.elements.iter().filter(|e| **e == Tri::True).count();
            m.established = (met + 1) as f64 / (b.elements.len() + 1) as f64;
            m.weight = m.weight.max(weight(base_q)).max(trial_weight);
            m.below_retained = m.weight < self.retained[si];
            if self.retained[si] == 0.0 && t.status == Status::Applies {
                m.first_retained = self.stake[si];
            }
            if !same {
                continue;
            }
            for (i, (eb, et)) in b.elements.iter().zip(&t.elements).enumerate() {
                if *eb == Tri::Unknown && *et != Tri::Unknown {
                    m.elements.insert(base_q.elements[i].id.to_string());
                }
            }
            for (i, (ab, at)) in b.aggravations.iter().zip(&t.aggravations).enumerate() {
                if *ab == Tri::Unknown && *at != Tri::Unknown {
                    m.aggravations.insert(base_q.aggravations[i].id.to_string());
                }
            }
        }
    }
}

impl<'a> Prober<'a, '_> {
    /// Compares the conditions of one system's rules for a trial with the base: a ground of
    /// jurisdiction decided for a provision not excluded (and whether the state can then
    /// prosecute it at all changes), a limitation rule decided. Each weighs the heaviest
    /// provision it concerns.
    fn compare_rules(&self, si: usize, trial: &LeanRules, facts: NaiveDate, effect: &mut Effect) {
        let base = &self.base_rules[si];
        let result = &self.base.systems[si];
        let system = result.system;
        let open: Vec<(&Qualification, f64)> = result
            .qualifications
            .iter()
            .filter(|q| q.status != Status::Excluded)
            .map(|q| {
                let w = scaled(weight(q));
                (
                    q,
                    if q.status == Status::Applies {
                        w
                    } else {
                        w * weights::OPENS
                    },
                )
            })
            .collect();
        let reach = |rules: &[Tri], id: &str| {
            let mut any = false;
            let mut can = Tri::False;
            for (j, t) in system.jurisdictions.iter().zip(rules) {
                if j.reaches(id) && j.in_force(facts) {
                    any = true;
                    can = can.or(*t);
                }
            }
            if any { can } else { Tri::Unknown }
        };
        for (ji, (j, (b, t))) in system
            .jurisdictions
            .iter()
            .zip(base.jurisdictions.iter().zip(&trial.jurisdictions))
            .enumerate()
        {
            if *b != Tri::Unknown || *t == Tri::Unknown || !j.in_force(facts) {
                continue;
            }
            for (q, w) in &open {
                let id = q.provision.id.as_str();
                if !j.reaches(id) {
                    continue;
                }
                let prosecution = reach(&base.jurisdictions, id) != reach(&trial.jurisdictions, id);
                let entry = effect.grounds.entry((si, ji)).or_insert((false, 0.0));
                entry.0 |= prosecution;
                entry.1 = entry.1.max(*w);
            }
        }
        for (l, (b, t)) in system
            .limitations
            .iter()
            .zip(base.limitations.iter().zip(&trial.limitations))
        {
            if *b != Tri::Unknown || *t == Tri::Unknown {
                continue;
            }
            let heaviest = open
                .iter()
                .filter(|(q, _)| l.applies_to.is_empty() || l.applies_to.contains(&q.provision.id))
                .map(|(_, w)| *w)
                .fold(0.0, f64::max);
            if heaviest > 0.0 {
                let e = effect.limitation.entry(si).or_insert(0.0);
                *e = e.max(heaviest);
            }
        }
    }
}

/// The weight of a provision known only in lean form: the most severe maximum among its
/// base penalty and the aggravations not excluded.
fn lean_weight(l: &Lean) -> f64 {
    let Some(v) = l.version else { return 1.0 };
    let aggravations = v
        .aggravations
        .iter()
        .zip(&l.aggravations)
        .filter(|(_, t)| **t != Tri::False)
        .map(|(a, _)| penalty_months(&a.penalty));
    aggravations
        .fold(penalty_months(&v.penalty), f64::max)
        .max(1.0)
}

/// [`weight`] of the full result of a provision known in lean form.
fn weight_of(l: &Lean) -> f64 {
    let Some(v) = l.version else { return 1.0 };
    let possible = v
        .aggravations
        .iter()
        .zip(&l.aggravations)
        .filter(|(_, t)| **t != Tri::False)
        .map(|(a, _)| &a.penalty);
    let penalty = l.penalty.unwrap_or(&v.penalty);
    let p = match super::qualify::penalty_if_possible(&v.penalty, possible, penalty, l.status) {
        Some(p) => p,
        None => penalty,
    };
    penalty_months(p).max(1.0)
}

impl Effect {
    fn is_empty(&self) -> bool {
        self.moved.is_empty() && self.grounds.is_empty() && self.limitation.is_empty()
    }

    fn into_score<'a>(
        self,
        fact: &'a FactDef,
        together_with: Option<&'a FactDef>,
        base: &Assessment<'a>,
    ) -> QuestionScore<'a> {
        // What each system's findings weigh; a system's score is its weightiest finding,
        // and a fifth of the others (several provisions moved by one answer are mostly
        // one decision: rape and its variants).
        let mut by_system: BTreeMap<usize, Vec<f64>> = BTreeMap::new();
        let mut decides = Vec::new();
        for ((si, pi), m) in self.moved {
            let q = &base.systems[si].qualifications[pi];
            let factor = if m.below_retained {
                weights::BELOW_RETAINED
            } else if !m.status_changes && q.status == Status::Applies {
                weights::PENALTY_ONLY
            } else if !m.status_changes {
                weights::PENALTY_ONLY * weights::OPENS
            } else if m.to_applies {
                weights::RETAINED
            } else {
                weights::OPENS
            };
            let w = (scaled(m.weight) * factor * m.established)
                .max(scaled(m.first_retained) * weights::FIRST_RETAINED * m.established);
            by_system.entry(si).or_default().push(w);
            decides.push(Decided {
                system: &base.systems[si].system.id,
                provision: q.provision,
                status: q.status,
                elements: q
                    .elements
                    .iter()
                    .filter(|e| m.elements.contains(e.id))
                    .map(|e| DecidedPart {
                        id: e.id.to_string(),
                        label: e.label,
                    })
                    .collect(),
                aggravations: q
                    .aggravations
                    .iter()
                    .filter(|a| m.aggravations.contains(a.id))
                    .map(|a| DecidedPart {
                        id: a.id.to_string(),
                        label: ElementLabel::Data(a.label),
                    })
                    .collect(),
                penalty_only: !m.status_changes,
                weight: m.weight,
            });
        }
        // What matters most first: statuses decided, then by penalty.
        decides.sort_by(|a, b| {
            a.penalty_only
                .cmp(&b.penalty_only)
                .then(b.weight.total_cmp(&a.weight))
        });
        let mut reach = Vec::new();
        for ((si, ji), (prosecution, w)) in self.grounds {
            let system = base.systems[si].system;
            let weight = w * if prosecution {
                weights::PROSECUTION
            } else {
                weights::GROUND
            };
            by_system.entry(si).or_default().push(weight);
            reach.push(DecidedReach {
                system,
                rule: &system.jurisdictions[ji],
                prosecution,
                weight,
            });
        }
        reach.sort_by(|a, b| b.weight.total_cmp(&a.weight));
        let mut limitation = Vec::new();
        for (si, w) in self.limitation {
            by_system
                .entry(si)
                .or_default()
                .push(w * weights::LIMITATION);
            limitation.push(base.systems[si].system.id.as_str());
        }
        let score = by_system
            .values()
            .map(|ws| {
                let top = ws.iter().copied().fold(0.0, f64::max);
                top + weights::OTHERS * (ws.iter().sum::<f64>() - top)
            })
            .sum();
        QuestionScore {
            fact,
            score,
            decides,
            together_with,
            reach,
            limitation,
        }
    }
}

/// A maximum weighed in a score: its logarithm, so that the heaviest offence still only
/// possible does not drown what the established facts are about to decide.
fn scaled(months: f64) -> f64 {
    (1.0 + months.max(0.0)).ln()
}

/// A provision's weight: its maximum term in months, with every possible aggravation.
fn weight(q: &Qualification) -> f64 {
    let p = q
        .penalty_if_possible_aggravations
        .as_ref()
        .or(q.penalty.as_ref());
    p.map(penalty_months).unwrap_or(1.0).max(1.0)
}

/// The maximum term of a penalty in months, for weighing (life = [`LIFE_MONTHS`]).
pub fn penalty_months(p: &Penalty) -> f64 {
    match p.prison_max {
        Term::Months(_) | Term::Days(_) => p.prison_max.months().unwrap_or(0.0),
        Term::Life => LIFE_MONTHS,
        Term::None => 0.0,
        Term::Unknown => UNKNOWN_TERM_MONTHS,
    }
}

/// The literal values that conditions compare each fact with.
#[derive(Default)]
struct Literals {
    by_fact: HashMap<String, Vec<Value>>,
    /// Facts compared with another fact or a parameter: (fact, other operand).
    partners: Vec<(String, Operand)>,
    /// Every date on which a version of a provision enters into force or ends.
    version_dates: BTreeSet<NaiveDate>,
}

impl Literals {
    fn collect(book: &LawBook) -> Self {
        let mut out = Literals::default();
        for system in &book.systems {
            for p in &system.provisions {
                for v in p
                    .versions
                    .iter()
                    .filter(|v| v.status == VersionStatus::InForce)
                {
                    out.version_dates.insert(v.from);
                    if let Some(prev) = v.from.checked_sub_days(Days::new(1)) {
                        out.version_dates.insert(prev);
                    }
                    if let Some(to) = v.to {
                        out.version_dates.insert(to);
                        if let Some(next) = to.checked_add_days(Days::new(1)) {
                            out.version_dates.insert(next);
                        }
                    }
                    for e in &v.elements {
                        out.walk(&e.when);
                    }
                    for a in &v.aggravations {
                        out.walk(&a.when);
                    }
                }
            }
            for j in &system.jurisdictions {
                out.walk(&j.when);
            }
            for l in &system.limitations {
                if let Some(w) = &l.when {
                    out.walk(w);
                }
            }
        }
        out
    }

    fn add(&mut self, op: &Operand, value: Value) {
        if let Operand::Fact(k) = op {
            let list = self.by_fact.entry(k.clone()).or_default();
            if !list.contains(&value) {
                list.push(value);
            }
        }
    }

    fn walk(&mut self, e: &Expr) {
        match e {
            Expr::Compare(op, _, lit) => self.add(op, lit.clone()),
            Expr::In(op, list) => {
                for v in list {
                    self.add(op, v.clone());
                }
            }
            Expr::Contains(op, list) => {
                for v in list {
                    self.add(op, Value::Str(v.clone()));
                }
            }
            Expr::CompareOperands(a, _, b) => {
                self.partners.push((a.key().to_string(), b.clone()));
                self.partners.push((b.key().to_string(), a.clone()));
            }
            Expr::Not(inner) => self.walk(inner),
            Expr::And(es) | Expr::Or(es) => es.iter().for_each(|x| self.walk(x)),
            Expr::Const(_) | Expr::Truthy(_) | Expr::Known(_) | Expr::Status(..) => {}
        }
    }

    /// The numbers a fact is compared with, directly or through another operand.
    fn numbers(&self, key: &str, book: &LawBook, case: &Case) -> Vec<f64> {
        let mut out: Vec<f64> = self
            .by_fact
            .get(key)
            .into_iter()
            .flatten()
            .filter_map(Value::as_number)
            .collect();
        for (fact, other) in &self.partners {
            if fact != key {
                continue;
            }
            match other {
                Operand::Parameter(p) => out.extend(
                    book.systems
                        .iter()
                        .filter_map(|s| s.parameters.get(p).and_then(Value::as_number)),
                ),
                Operand::Fact(f) => out.extend(case.get(f).and_then(Value::as_number)),
            }
        }
        // The age gap is derived from the two ages: thresholds on the gap become ages.
        let gaps = || {
            self.by_fact
                .get("derived.age_gap")
                .into_iter()
                .flatten()
                .filter_map(Value::as_number)
        };
        let other_age = |k: &str| case.get(k).and_then(Value::as_number);
        match key {
            "victim.age" => {
                if let Some(o) = other_age("offender.age") {
                    out.extend(gaps().map(|g| o - g));
                }
            }
            "offender.age" => {
                if let Some(v) = other_age("victim.age") {
                    out.extend(gaps().map(|g| v + g));
                }
            }
            _ => {}
        }
        out
    }
}

/// The answers worth trying for a fact: every answer that could fall on a different side of
/// some condition.
fn trial_values(
    def: &FactDef,
    book: &LawBook,
    case: &Case,
    today: NaiveDate,
    literals: &Literals,
) -> Vec<Value> {
    let mut out: Vec<Value> = Vec::new();
    let mut push = |v: Value| {
        if !out.contains(&v) {
            out.push(v);
        }
    };
    let strings = || -> Vec<String> {
        literals
            .by_fact
            .get(&def.key)
            .into_iter()
            .flatten()
            .filter_map(|v| match v {
                Value::Str(s) => Some(s.clone()),
                _ => None,
            })
            .collect()
    };
    match def.ty {
        FactType::Bool => {
            push(Value::Bool(true));
            push(Value::Bool(false));
        }
        FactType::Enum => def.values.iter().for_each(|v| push(Value::Str(v.clone()))),
        FactType::EnumList => {
            push(Value::List(Vec::new()));
            def.values
                .iter()
                .for_each(|v| push(Value::List(vec![v.clone()])));
        }
        FactType::Country | FactType::Countries => {
            let mut codes = strings();
            for (fact, other) in &literals.partners {
                if fact == &def.key {
                    if let Some(Value::Str(s)) = case.get(other.key()) {
                        codes.push(s.clone());
                    }
                }
            }
            // One country that no condition names: "somewhere else".
            let elsewhere = book
                .vocabulary
                .countries
                .iter()
                .find(|c| !codes.contains(c))
                .cloned()
                .unwrap_or_else(|| "ZZ".into());
            codes.push(elsewhere);
            for c in codes {
                if def.ty == FactType::Country {
                    push(Value::Str(c));
                } else {
                    push(Value::List(vec![c]));
                }
            }
            if def.ty == FactType::Countries {
                push(Value::List(Vec::new()));
            }
        }
        FactType::Integer | FactType::Number => {
            let mut numbers = Vec::new();
            for n in literals.numbers(&def.key, book, case) {
                numbers.extend([n - 1.0, n, n + 1.0]);
            }
            numbers.extend(def.min);
            let lo = def.min.unwrap_or(f64::MIN);
            let hi = def.max.unwrap_or(f64::MAX);
            for n in numbers.into_iter().filter(|n| *n >= lo && *n <= hi) {
                if def.ty == FactType::Integer {
                    push(Value::Int(n.round() as i64));
                } else {
                    push(Value::Number(n));
                }
            }
        }
        FactType::Date => {
            let mut dates: BTreeSet<NaiveDate> = literals
                .by_fact
                .get(&def.key)
                .into_iter()
                .flatten()
                .filter_map(|v| match v {
                    Value::Date(d) => Some(*d),
                    _ => None,
                })
                .flat_map(|d| [d.checked_sub_days(Days::new(1)), Some(d)])
                .flatten()
                .collect();
            if def.key == "case.date_of_facts" {
                dates.extend(literals.version_dates.iter().copied());
                dates.insert(today);
            }
            for d in dates.into_iter().filter(|d| *d <= today) {
                push(Value::Date(d));
            }
        }
        FactType::Text => {}
    }
    out
}

#[cfg(test)]
mod tests {
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
        assert_eq!(qs[0].score, scaled(240.0) * weights::PENALTY_ONLY);
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
        assert_eq!(qs[0].score, scaled(120.0) * weights::GROUND);
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
}
