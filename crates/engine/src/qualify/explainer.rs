//! The observer that explains what the plan finds, system by system.

use super::*;

/// The observer that explains: every element and aggravation with its label, the facts
/// still missing, the warnings, the milder later law, limitation and jurisdiction.
pub(super) struct Explainer<'a, 'c> {
    case: &'c Case,
    /// The keys of the facts presumed.
    presumed: Vec<&'a str>,
    law_date: NaiveDate,
    today: NaiveDate,
    systems: Vec<SystemResult<'a>>,
    /// The system being explained: its provisions' statuses and missing facts so far, and
    /// their results by index.
    statuses: HashMap<&'a str, Status>,
    missing: HashMap<&'a str, Vec<String>>,
    slots: Vec<Option<Qualification<'a>>>,
    current: Option<&'a System>,
    /// The state an instrument is read for (its parameters stand in the conditions).
    pub(super) state: Option<&'a System>,
}

impl<'a, 'c> Explainer<'a, 'c> {
    pub(super) fn new(
        case: &'c Case,
        presumed: &[&'a Presumption],
        law_date: NaiveDate,
        today: NaiveDate,
    ) -> Self {
        Self {
            case,
            presumed: presumed.iter().map(|p| p.fact.as_str()).collect(),
            law_date,
            today,
            systems: Vec::new(),
            statuses: HashMap::new(),
            missing: HashMap::new(),
            slots: Vec::new(),
            current: None,
            state: None,
        }
    }

    /// The results of the systems explained, in order.
    pub(super) fn finish(mut self) -> Vec<SystemResult<'a>> {
        self.close();
        self.systems
    }

    /// Completes the system being explained: which provisions are alternatives.
    fn close(&mut self) {
        let Some(system) = self.current.take() else {
            return;
        };
        let mut slots = std::mem::take(&mut self.slots);
        // Possible only because the data has nothing for the date: no fact would establish
        // them, so nothing applies "unless" they are.
        let no_data: Vec<String> = slots
            .iter()
            .flatten()
            .filter(|q| q.version.is_none() && q.status == Status::Possible)
            .map(|q| q.provision.id.clone())
            .collect();
        for q in slots.iter_mut().flatten() {
            give_way(q, &self.statuses, &no_data);
            q.alternative_to = alternatives(q, &self.statuses);
            if !q.alternative_to.is_empty() {
                q.warnings.push(Warning::Alternative {
                    provision: &q.provision.id,
                    others: q.alternative_to.clone(),
                });
            }
        }
        self.systems.push(SystemResult {
            system,
            qualifications: slots.into_iter().flatten().collect(),
        });
    }
}

impl<'a> Observer<'a> for Explainer<'a, '_> {
    const EXPLAINS: bool = true;

    fn system(&mut self, _index: usize, system: &'a System) {
        self.close();
        self.current = Some(system);
        self.statuses.clear();
        self.missing.clear();
        self.slots = vec![None; system.provisions.len()];
    }

    fn provision(&mut self, outcome: &Outcome<'a, '_>) {
        // A condition's value on the facts as stated, without the presumptions: an element
        // rests on a presumption when it is decided only with it.
        let stated = |e: &Expr| match self.current {
            Some(system) => {
                let mut ctx = crate::reference::CaseContext::new(self.case, system, self.state);
                ctx.statuses = self.statuses.clone();
                e.eval(&ctx)
            }
            None => Tri::Unknown,
        };
        let presumed = Presumed {
            facts: &self.presumed,
            stated: &stated,
        };
        let q = explain(
            outcome,
            &presumed,
            self.case,
            &self.statuses,
            &self.missing,
            self.law_date,
            self.today,
        );
        self.statuses.insert(&outcome.provision.id, q.status);
        self.missing
            .insert(&outcome.provision.id, q.missing_facts.clone());
        self.slots[outcome.index] = Some(q);
    }

    fn rules(&mut self, rules: Rules<'_>) {
        let Some(system) = self.current else { return };
        if system.kind != SystemKind::National {
            return;
        }
        let assessed_on = self
            .case
            .date("case.date_of_assessment")
            .unwrap_or(self.today);
        let facts = self.case.date("case.date_of_facts");
        for q in self.slots.iter_mut().flatten() {
            if q.status == Status::Excluded {
                continue;
            }
            q.limitation = Some(crate::limitation::evaluate(
                system,
                &q.provision.id,
                self.case,
                rules.limitations,
                facts,
                assessed_on,
            ));
            q.reach = Some(crate::jurisdiction::evaluate(
                system,
                &q.provision.id,
                rules.jurisdictions,
                facts.unwrap_or(self.law_date),
            ));
        }
    }
}
