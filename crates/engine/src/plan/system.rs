//! One system compiled: where each condition of each version is, and which version is in
//! force on a date.

use chrono::NaiveDate;

use super::cond::{Cond, Env, Scope};
use super::graph::GraphBuilder;
use crate::Status;
use crate::condition::Expr;
use crate::logic::Tri;
use qualif_law::law::{System, Version, VersionStatus};

/// Where the plan finds one condition.
#[derive(Debug, Clone, Copy)]
pub(super) enum Site {
    /// A condition that tests no provision's status: a node of the graph, evaluated once
    /// per case however many provisions write it.
    Node(u32),
    /// A condition that tests the status of a provision, which depends on the system and
    /// on the provisions evaluated before: this index of [`SystemPlan::own`].
    Own(u32),
}

/// One version of a provision: when it is in force, and where its conditions are.
#[derive(Debug, Clone, Copy)]
pub(super) struct VersionPlan<'a> {
    /// The version itself: what a summary reports, without indexing back into the
    /// provision's versions.
    pub(super) version: &'a Version,
    pub(super) in_force: InForce,
    /// Its elements are `sites[start..middle]`, its aggravations `sites[middle..end]`
    /// (of [`SystemPlan::sites`]).
    pub(super) start: u32,
    pub(super) middle: u32,
    pub(super) end: u32,
    /// When every element is a node of the graph (none tests a provision's status): their
    /// nodes, `element_nodes[first..last]` of [`SystemPlan`], whose conjunction is read
    /// without stopping at the first false and without telling a node from a condition.
    pub(super) element_nodes: Option<(u32, u32)>,
    /// The provisions it gives way to: `subsidiary[first..last]` of [`SystemPlan`], by
    /// index in the system.
    pub(super) subsidiary: (u32, u32),
}

/// When a version is the law in force, as [`Version::in_force_on`] says.
#[derive(Debug, Clone, Copy)]
pub(super) struct InForce {
    /// `None` for a version that is never in force (pending).
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
}

impl InForce {
    pub(super) fn of(v: &Version) -> Self {
        Self {
            from: (v.status == VersionStatus::InForce).then_some(v.from),
            to: v.to,
        }
    }

    pub(super) fn on(self, date: NaiveDate) -> bool {
        self.from.is_some_and(|from| from <= date) && self.to.is_none_or(|to| date <= to)
    }
}

/// One system, compiled (an instrument possibly read for a state). What every case reads is
/// kept in a few contiguous arrays of small items, in the order it is read, so that a case
/// touches as few cache lines as possible.
#[derive(Debug, Clone)]
pub(super) struct SystemPlan<'a> {
    pub(super) system: &'a System,
    /// The state an instrument is read for.
    pub(super) state: Option<&'a System>,
    /// By provision (in the order of the data file): its versions, `versions[start..end]`.
    pub(super) provisions: Vec<(u32, u32)>,
    pub(super) versions: Vec<VersionPlan<'a>>,
    pub(super) sites: Vec<Site>,
    /// The nodes of the elements of each version whose elements are all nodes (see
    /// [`VersionPlan::element_nodes`]).
    pub(super) element_nodes: Vec<u32>,
    pub(super) own: Vec<Cond<'a>>,
    /// The provisions each version gives way to (see [`VersionPlan::subsidiary`]).
    pub(super) subsidiary: Vec<u32>,
    /// By limitation rule of the system: where its condition is (`None`: it has none).
    pub(super) limitations: Vec<Option<Site>>,
    /// By jurisdiction rule of the system: where its condition is.
    pub(super) jurisdictions: Vec<Site>,
    /// Which version of each provision is in force, by period (see [`Periods`]).
    pub(super) periods: Periods,
}

/// The version of each provision in force on any date, looked up once per case and
/// system instead of searched provision by provision.
///
/// The law of a system changes only on the first day of a version in force and on the day
/// after the last: between two such dates (a period), whether each version is in force
/// does not change ([`InForce::on`] compares the date with those bounds only), nor whether
/// the date is before a provision's first version. A date's period is the number of change
/// dates on or before it.
#[derive(Debug, Clone)]
pub(super) struct Periods {
    /// The dates where the law changes, in increasing order.
    pub(super) changes: Vec<NaiveDate>,
    /// By period, then by provision: the index in [`SystemPlan::versions`] of the version
    /// in force, or [`Periods::NONE`], or [`Periods::NO_DATA`].
    in_force: Vec<u32>,
    provisions: usize,
}

impl Periods {
    /// No version in force: not yet an offence (before the first version of a provision
    /// that created it), or no longer (after the last).
    pub(super) const NONE: u32 = u32::MAX;
    /// No version in force, before the first version of a provision that did not create
    /// the offence: the data says nothing about the law then.
    pub(super) const NO_DATA: u32 = u32::MAX - 1;

    /// The status of a provision without a version in force (`k` is [`Periods::NONE`] or
    /// [`Periods::NO_DATA`]): unknown where the data has nothing for the date, else
    /// excluded.
    #[inline]
    pub(super) fn status_without_version(k: u32) -> Status {
        if k == Self::NO_DATA {
            Status::Possible
        } else {
            Status::Excluded
        }
    }

    /// The periods of the versions of `provisions` (`versions[start..end]` each), where
    /// `new_offence` says, by provision, whether its first version created the offence.
    fn of(provisions: &[(u32, u32)], versions: &[VersionPlan], new_offence: &[bool]) -> Self {
        let mut changes: Vec<NaiveDate> = versions
            .iter()
            .flat_map(|v| {
                // The day after the last day, unless there is none (the end of time).
                let after = v.in_force.to.and_then(|to| to.succ_opt());
                v.in_force.from.into_iter().chain(after)
            })
            .collect();
        changes.sort_unstable();
        changes.dedup();
        // By provision, the first day of its first version in force, where that version
        // did not create the offence: before it, the data has nothing.
        let unknown_before: Vec<Option<NaiveDate>> = provisions
            .iter()
            .zip(new_offence)
            .map(|(&(first, end), &new)| {
                let from = versions[first as usize..end as usize]
                    .iter()
                    .filter_map(|v| v.in_force.from)
                    .min();
                from.filter(|_| !new)
            })
            .collect();
        let without_version = |date: Option<NaiveDate>, p: usize| match unknown_before[p] {
            // `None` stands for any date before every change.
            Some(first) if date.is_none_or(|d| d < first) => Self::NO_DATA,
            _ => Self::NONE,
        };
        // Period 0 is before every change: no version starts then, so none is in force.
        // Period k > 0 starts on the k-th change, which stands for the whole period.
        let mut in_force: Vec<u32> = (0..provisions.len())
            .map(|p| without_version(None, p))
            .collect();
        for &date in &changes {
            in_force.extend(provisions.iter().enumerate().map(|(p, &(first, end))| {
                (first..end)
                    .find(|&k| versions[k as usize].in_force.on(date))
                    .unwrap_or_else(|| without_version(Some(date), p))
            }));
        }
        Self {
            changes,
            in_force,
            provisions: provisions.len(),
        }
    }

    /// By provision, the version in force on `date` (an index in [`SystemPlan::versions`],
    /// or [`Periods::NONE`] or [`Periods::NO_DATA`]).
    #[inline]
    pub(super) fn on(&self, date: NaiveDate) -> &[u32] {
        let period = self.changes.partition_point(|c| *c <= date);
        &self.in_force[period * self.provisions..(period + 1) * self.provisions]
    }
}

impl<'a> SystemPlan<'a> {
    pub(super) fn compile(
        system: &'a System,
        scope: &Scope<'a>,
        graph: &mut GraphBuilder<'a, '_>,
    ) -> Self {
        let mut plan = SystemPlan {
            system,
            state: scope.state,
            provisions: Vec::new(),
            versions: Vec::new(),
            sites: Vec::new(),
            element_nodes: Vec::new(),
            own: Vec::new(),
            subsidiary: Vec::new(),
            limitations: Vec::new(),
            jurisdictions: Vec::new(),
            periods: Periods::of(&[], &[], &[]),
        };
        for p in &system.provisions {
            let first = plan.versions.len() as u32;
            for v in &p.versions {
                let start = plan.sites.len() as u32;
                for e in &v.elements {
                    let site = plan.site(&e.text, &e.when, scope, graph);
                    plan.sites.push(site);
                }
                let middle = plan.sites.len() as u32;
                for a in &v.aggravations {
                    let site = plan.site(&a.text, &a.when, scope, graph);
                    plan.sites.push(site);
                }
                let first = plan.subsidiary.len() as u32;
                plan.subsidiary
                    .extend(v.subsidiaries.iter().map(|&i| i as u32));
                let nodes: Option<Vec<u32>> = plan.sites[start as usize..middle as usize]
                    .iter()
                    .map(|s| match s {
                        Site::Node(k) => Some(*k),
                        Site::Own(_) => None,
                    })
                    .collect();
                let element_nodes = nodes.map(|nodes| {
                    let first = plan.element_nodes.len() as u32;
                    plan.element_nodes.extend(nodes);
                    (first, plan.element_nodes.len() as u32)
                });
                plan.versions.push(VersionPlan {
                    version: v,
                    in_force: InForce::of(v),
                    start,
                    middle,
                    end: plan.sites.len() as u32,
                    element_nodes,
                    subsidiary: (first, plan.subsidiary.len() as u32),
                });
            }
            plan.provisions.push((first, plan.versions.len() as u32));
        }
        let new_offence: Vec<bool> = system.provisions.iter().map(|p| p.new_offence).collect();
        plan.periods = Periods::of(&plan.provisions, &plan.versions, &new_offence);
        plan
    }

    /// Compiles the conditions of the system's rules of limitation and jurisdiction, which
    /// only an explanation reads (into the graph's last layer).
    pub(super) fn compile_rules(&mut self, scope: &Scope<'a>, graph: &mut GraphBuilder<'a, '_>) {
        let system = self.system;
        for l in &system.limitations {
            let site = l.when.as_ref().map(|w| self.site("", w, scope, graph));
            self.limitations.push(site);
        }
        for j in &system.jurisdictions {
            let site = self.site("", &j.when, scope, graph);
            self.jurisdictions.push(site);
        }
    }

    /// The site of the condition `when`, written `text` in the data (empty: not looked up
    /// by its text).
    fn site(
        &mut self,
        text: &'a str,
        when: &'a Expr,
        scope: &Scope<'a>,
        graph: &mut GraphBuilder<'a, '_>,
    ) -> Site {
        if when.provisions().is_empty() {
            Site::Node(graph.site(text, when, scope))
        } else {
            self.own.push(graph.mixed(when, scope));
            Site::Own(self.own.len() as u32 - 1)
        }
    }

    /// The status of version `v` given its own (from its elements): excluded when a
    /// provision it gives way to applies (it is absorbed by it).
    #[inline]
    pub(super) fn give_way(&self, v: &VersionPlan, own: Status, env: &Env) -> Status {
        let (first, last) = v.subsidiary;
        let absorbed = self.subsidiary[first as usize..last as usize]
            .iter()
            .any(|&x| env.statuses[x as usize].get() == Some(Status::Applies));
        if absorbed { Status::Excluded } else { own }
    }

    /// The value of a condition at `site` for the case and the statuses of `env`.
    #[inline]
    pub(super) fn value(&self, site: Site, env: &Env) -> Tri {
        match site {
            Site::Node(k) => env.nodes[k as usize],
            Site::Own(k) => self.own[k as usize].eval(env),
        }
    }
}
