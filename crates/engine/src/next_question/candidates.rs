use super::*;

/// The facts a condition reads.
pub(super) fn facts_of(e: &Expr, out: &mut BTreeSet<String>) {
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
pub(super) fn needed_facts<'q>(q: &'q Qualification) -> impl Iterator<Item = &'q str> {
    let elements = (q.status == Status::Possible).then_some(q.missing_facts.iter());
    let aggravations = (q.status != Status::Excluded).then_some(q.missing_for_aggravations.iter());
    elements
        .into_iter()
        .flatten()
        .chain(aggravations.into_iter().flatten())
        .map(String::as_str)
}

/// The literal values that conditions compare each fact with.
#[derive(Default)]
pub(super) struct Literals {
    pub(super) by_fact: HashMap<String, Vec<Value>>,
    /// Facts compared with another fact or a parameter: (fact, other operand).
    pub(super) partners: Vec<(String, Operand)>,
    /// Every date on which a version of a provision enters into force or ends.
    pub(super) version_dates: BTreeSet<NaiveDate>,
}

impl Literals {
    pub(super) fn collect(book: &LawBook) -> Self {
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

    pub(super) fn add(&mut self, op: &Operand, value: Value) {
        if let Operand::Fact(k) = op {
            let list = self.by_fact.entry(k.clone()).or_default();
            if !list.contains(&value) {
                list.push(value);
            }
        }
    }

    pub(super) fn walk(&mut self, e: &Expr) {
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
    pub(super) fn numbers(&self, key: &str, book: &LawBook, case: &Case) -> Vec<f64> {
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
pub(super) fn trial_values(
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
