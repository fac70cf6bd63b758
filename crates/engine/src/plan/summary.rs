//! What batch reads of the plan: every provision's status and penalty, nothing explained.

use chrono::NaiveDate;

use super::{LawDate, Observer, Plan, Prepared, Scratch, StatedFacts};
use crate::Status;
use qualif_law::facts::Case;
use qualif_law::law::{Penalty, Provision, System, Version};

impl<'a> Plan<'a> {
    /// Summarises the facts in every system: the status of every provision, and its
    /// penalty when it applies. `law_date` overrides the date of the facts; `today`
    /// stands in when the case has none.
    pub fn summarize(
        &self,
        case: &Case,
        law_date: Option<NaiveDate>,
        today: NaiveDate,
    ) -> Summary<'a> {
        self.summarize_systems(case, law_date, today, 0..self.systems.len())
    }

    /// [`Plan::summarize`] in the national systems only (in the order of the law book).
    pub fn summarize_national(
        &self,
        case: &Case,
        law_date: Option<NaiveDate>,
        today: NaiveDate,
    ) -> Summary<'a> {
        self.summarize_systems(case, law_date, today, self.national.iter().copied())
    }

    /// [`Plan::summarize_national`] from facts already prepared (by [`Plan::prepare`] or
    /// [`Plan::prepare_for_conducts`], when the caller reads the conduct classes too: one
    /// preparation for both).
    pub fn summarize_national_prepared(
        &self,
        prepared: &Prepared,
        law_date: Option<NaiveDate>,
        today: NaiveDate,
    ) -> Summary<'a> {
        self.summarize_from(prepared, law_date, today, self.national.iter().copied())
    }

    /// [`Plan::summarize_national`] from the facts as a guideline's layout laid them out
    /// (see [`Plan::prepare_for_conducts_from`]: not laid out again when the layout is the
    /// plan's).
    pub fn summarize_national_from(
        &self,
        stated: StatedFacts<'_>,
        law_date: Option<NaiveDate>,
        today: NaiveDate,
    ) -> Summary<'a> {
        let case = stated.case();
        let facts = self.facts_from(stated);
        let prepared = self.prepare_facts(case, facts, super::graph::PROVISIONS);
        self.summarize_from(&prepared, law_date, today, self.national.iter().copied())
    }

    fn summarize_systems(
        &self,
        case: &Case,
        law_date: Option<NaiveDate>,
        today: NaiveDate,
        systems: impl IntoIterator<Item = usize>,
    ) -> Summary<'a> {
        let prepared = self.prepare_for_summary(case);
        self.summarize_from(&prepared, law_date, today, systems)
    }

    fn summarize_from(
        &self,
        prepared: &Prepared,
        law_date: Option<NaiveDate>,
        today: NaiveDate,
        systems: impl IntoIterator<Item = usize>,
    ) -> Summary<'a> {
        let law_date = LawDate::of(prepared.case(), law_date, today).date();
        // The buffers of an earlier case, when this thread has some (see [`super::pool`]).
        let mut summary = Summary {
            law_date,
            systems: super::pool::systems(),
        };
        summary.systems.reserve(self.systems.len());
        let mut collect = Collect {
            systems: &mut summary.systems,
            blank: &self.blank_summaries,
        };
        // Room for the statuses of the largest system at once, rather than growing with
        // each larger one (an allocation and a copy a case).
        let mut scratch = Scratch {
            statuses: super::pool::statuses(),
            ..Scratch::default()
        };
        let most = self.book.systems.iter().map(|s| s.provisions.len()).max();
        scratch.statuses.reserve(most.unwrap_or(0));
        self.evaluate(prepared, law_date, systems, &mut scratch, &mut collect);
        super::pool::give_statuses(scratch.statuses);
        summary
    }
}

/// One provision's status for the facts, and its penalty when it applies.
#[derive(Debug, Clone, Copy)]
pub struct ProvisionSummary<'a> {
    pub provision: &'a Provision,
    /// The version in force at the law's date.
    pub version: Option<&'a Version>,
    pub status: Status,
    /// The penalty for these facts (the base penalty of the version in force, raised by
    /// every aggravation that applies): set when the provision applies or may (what would
    /// absorb another, or the most severe qualification still possible).
    pub penalty: Option<&'a Penalty>,
}

/// Every provision of one system, in the order of the data file.
#[derive(Debug, Clone)]
pub struct SystemSummary<'a> {
    pub system: &'a System,
    pub provisions: Vec<ProvisionSummary<'a>>,
}

/// Every system, in the order of the law book.
#[derive(Debug, Clone)]
pub struct Summary<'a> {
    /// The date whose law is applied.
    pub law_date: NaiveDate,
    pub systems: Vec<SystemSummary<'a>>,
}

/// Its buffers are kept for the next summary on the same thread (see [`super::pool`]).
impl Drop for Summary<'_> {
    fn drop(&mut self) {
        super::pool::give_systems(std::mem::take(&mut self.systems));
    }
}

/// The summary of each provision of a system before it is evaluated (no version,
/// excluded, no penalty): what [`Collect`] starts each system's summary from, copied
/// whole rather than written provision by provision.
pub(super) fn blank_summaries<'a>(
    book: &'a qualif_law::law::LawBook,
) -> Vec<Vec<ProvisionSummary<'a>>> {
    book.systems
        .iter()
        .map(|system| {
            system
                .provisions
                .iter()
                .map(|provision| ProvisionSummary {
                    provision,
                    version: None,
                    status: Status::Excluded,
                    penalty: None,
                })
                .collect()
        })
        .collect()
}

/// The observer of [`Plan::summarize`]: statuses and penalties, nothing explained.
struct Collect<'a, 's> {
    systems: &'s mut Vec<SystemSummary<'a>>,
    /// By system of the law book: [`blank_summaries`].
    blank: &'s [Vec<ProvisionSummary<'a>>],
}

impl<'a> Observer<'a> for Collect<'a, '_> {
    const EXPLAINS: bool = false;

    fn system(&mut self, index: usize, system: &'a System) {
        let mut provisions = super::pool::provisions();
        // `index` is the system's in the law book ([`Plan::evaluate`]'s).
        let blank = &self.blank[index];
        debug_assert!(
            blank.len() == system.provisions.len()
                && blank
                    .iter()
                    .zip(&system.provisions)
                    .all(|(b, p)| std::ptr::eq(b.provision, p))
        );
        provisions.extend_from_slice(blank);
        self.systems.push(SystemSummary { system, provisions });
    }

    fn status(
        &mut self,
        index: usize,
        version: Option<&'a Version>,
        status: Status,
        penalty: Option<&'a Penalty>,
    ) {
        if let Some(s) = self.systems.last_mut() {
            let p = &mut s.provisions[index];
            p.version = version;
            p.status = status;
            p.penalty = penalty;
        }
    }
}
