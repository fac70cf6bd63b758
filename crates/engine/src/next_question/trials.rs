use super::*;

/// Tries answers and records what moves.
pub(super) struct Prober<'a, 'b> {
    pub(super) plan: &'b Plan<'a>,
    pub(super) base: &'b Assessment<'a>,
    /// The base case, prepared: a trial evaluates again only what its answers change.
    pub(super) prepared: Prepared<'b>,
    /// The same results in the lean form the trials are compared in, by system.
    pub(super) base_lean: Vec<Vec<Lean<'a>>>,
    /// The conditions of each system's rules, for the base case.
    pub(super) base_rules: Vec<LeanRules>,
    /// The heaviest certain maximum (months) among the provisions that apply, by system:
    /// the qualification retained now weighs at least this.
    pub(super) retained: Vec<f64>,
    /// The heaviest maximum among the provisions not excluded, by system: what is at
    /// stake there.
    pub(super) stake: Vec<f64>,
    pub(super) law_date: Option<NaiveDate>,
    pub(super) today: NaiveDate,
    pub(super) scratch: std::cell::RefCell<Scratch>,
    /// What beyond the law book answers may change (the sentencing scales).
    pub(super) beyond: Option<&'b dyn Beyond<'a>>,
    /// By system and provision: possible, with an element that only facts answered "I
    /// don't know" decide, so that no answer left can make it apply.
    pub(super) stuck: Vec<Vec<bool>>,
}

/// What the answers to one fact (or two) would change, by (system, provision) index.
#[derive(Default)]
pub(super) struct Effect<'a> {
    pub(super) moved: BTreeMap<(usize, usize), Move>,
    /// (system, jurisdiction rule) decided → (whether prosecution depends on it, the
    /// scaled weight of the heaviest provision it concerns, possible ones as
    /// [`weights::OPENS`]).
    pub(super) grounds: BTreeMap<(usize, usize), (bool, f64)>,
    /// System whose governing limitation rule is decided → weight (scaled, as grounds).
    pub(super) limitation: BTreeMap<usize, f64>,
    /// The scales' findings some answer changes.
    pub(super) scale: Vec<ScaleDecided<'a>>,
}

#[derive(Default)]
pub(super) struct Move {
    /// When nothing applies in its system yet and some answer makes it apply: what is at
    /// stake in that system ([`weights::TO_APPLY`]).
    pub(super) first_retained: f64,
    /// The share of its elements the facts already meet (met + 1) / (all + 1): a
    /// provision the established facts mostly make out is the story going on.
    pub(super) established: f64,
    pub(super) status_changes: bool,
    /// Some answer makes it apply.
    pub(super) to_applies: bool,
    /// Lighter than the qualification the system retains now: cannot change it.
    pub(super) below_retained: bool,
    /// No answer left can make it apply (an element rests on facts answered "I don't
    /// know"): cannot become the retained qualification.
    pub(super) stuck: bool,
    pub(super) weight: f64,
    pub(super) elements: BTreeSet<String>,
    pub(super) aggravations: BTreeSet<String>,
}

/// A provision's status, element by element, and its penalty, without the rest of a full
/// result (missing facts, limitation, jurisdiction): what the trials compare.
pub(super) struct Lean<'a> {
    pub(super) version: Option<&'a Version>,
    pub(super) status: Status,
    pub(super) penalty: Option<&'a Penalty>,
    pub(super) elements: Vec<Tri>,
    pub(super) aggravations: Vec<Tri>,
}

/// The observer of a trial: every provision of one system in lean form, by index, and the
/// conditions of its rules of limitation and jurisdiction.
pub(super) struct Leaner<'a> {
    pub(super) provisions: Vec<Option<Lean<'a>>>,
    pub(super) rules: LeanRules,
}

/// The value of each rule's condition (limitation, jurisdiction) of one system.
#[derive(Default, Clone, PartialEq)]
pub(super) struct LeanRules {
    pub(super) limitations: Vec<Tri>,
    pub(super) jurisdictions: Vec<Tri>,
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

    fn rules(&mut self, rules: crate::plan::Rules<'_>) {
        self.rules = LeanRules {
            limitations: rules.limitations.to_vec(),
            jurisdictions: rules.jurisdictions.to_vec(),
        };
    }
}

pub(super) fn same_version(a: Option<&Version>, b: Option<&Version>) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => std::ptr::eq(x, y),
        (None, None) => true,
        _ => false,
    }
}

impl<'a, 'b> Prober<'a, 'b> {
    pub(super) fn new(
        plan: &'b Plan<'a>,
        base: &'b Assessment<'a>,
        case: &'b Case,
        law_date: Option<NaiveDate>,
        today: NaiveDate,
        beyond: Option<&'b dyn Beyond<'a>>,
        skip: &BTreeSet<String>,
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
            beyond,
            stuck: Vec::new(),
        };
        for si in 0..plan.book().systems.len() {
            let (lean, rules) = prober.lean(&prober.prepared, base.law_date, si);
            let lean: Vec<Lean> = lean.into_iter().flatten().collect();
            prober
                .stuck
                .push(lean.iter().map(|l| stuck(l, case, skip)).collect());
            prober.base_lean.push(lean);
            prober.base_rules.push(rules);
        }
        prober
    }

    /// The provisions of system `si`, evaluated for a prepared case.
    pub(super) fn lean(
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
    pub(super) fn effect(
        &self,
        case: &Case,
        facts: &[(&FactDef, &Vec<Value>)],
        systems: &BTreeSet<usize>,
        read_beyond: bool,
    ) -> Effect<'a> {
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
            if let Some(b) = self.beyond.filter(|_| read_beyond) {
                b.changes(&trial, &mut effect.scale);
            }
            if systems.is_empty() {
                continue;
            }
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
    pub(super) fn compare_system(
        &self,
        si: usize,
        lean: &[Option<Lean<'a>>],
        effect: &mut Effect<'a>,
    ) {
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
            m.stuck = self.stuck[si][pi];
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
    pub(super) fn compare_rules(
        &self,
        si: usize,
        trial: &LeanRules,
        facts: NaiveDate,
        effect: &mut Effect<'a>,
    ) {
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

/// Whether no answer left can make a possible provision apply: one of its unknown
/// elements reads only facts that are known or answered "I don't know" (and no other
/// provision's status).
fn stuck(l: &Lean, case: &Case, skip: &BTreeSet<String>) -> bool {
    let Some(v) = l.version.filter(|_| !skip.is_empty()) else {
        return false;
    };
    l.status == Status::Possible
        && v.elements
            .iter()
            .zip(&l.elements)
            .any(|(e, t)| *t == Tri::Unknown && closed(&e.when, case, skip))
}

/// A condition no answer left can decide: it reads no provision's status, and every fact
/// it reads is known or answered "I don't know" (one at least).
fn closed(e: &Expr, case: &Case, skip: &BTreeSet<String>) -> bool {
    if reads_status(e) {
        return false;
    }
    let mut read = BTreeSet::new();
    facts_of(e, &mut read);
    read.iter().any(|k| skip.contains(k))
        && read.iter().all(|k| skip.contains(k) || case.is_known(k))
}

fn reads_status(e: &Expr) -> bool {
    match e {
        Expr::Status(..) => true,
        Expr::Not(inner) => reads_status(inner),
        Expr::And(es) | Expr::Or(es) => es.iter().any(reads_status),
        _ => false,
    }
}

/// The weight of a provision known only in lean form: the most severe maximum among its
/// base penalty and the aggravations not excluded.
pub(super) fn lean_weight(l: &Lean) -> f64 {
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
