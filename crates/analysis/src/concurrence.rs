//! Concurrence: of the qualifications of one system, the ones a prosecutor would retain.
//!
//! The engine decides each provision's status; this reads them together:
//! - a provision that gives way to another that applies is *absorbed* by it (the engine
//!   excludes it; here it is listed with what absorbed it);
//! - a provision that applies while a provision it gives way to is only possible forms,
//!   with it, a group of *alternatives*: one of them applies for certain, which one a
//!   further fact decides; the group's certain penalty is the lowest maximum of its
//!   members, and the higher one is what that fact would establish;
//! - the *leading* qualification is the applying one (or group) with the most severe
//!   certain penalty ([`Provision::leading_cmp`]: the longer maximum, then the longer
//!   minimum, then the higher fine, then the more serious conduct, then the data's order);
//! - the others are retained as *cumulative* when they share no conduct (as the facts
//!   engage it) with a qualification retained before them — another act: possessing images
//!   beside a rape; one that shares some is *the same conduct*, already retained (the
//!   sexual assault beside the rape, the accomplice's reading beside the co-perpetrator's).
//!
//! Generic: the inputs are statuses, penalties, conduct classes and the provisions each
//! gives way to, from an assessment or from a batch summary alike.

use std::cmp::Ordering;

use qualif_engine::Status;
use qualif_law::law::{Penalty, Provision, Term};

/// What concurrence reads of one provision of a system.
#[derive(Debug, Clone)]
pub struct Candidate<'a> {
    pub provision: &'a Provision,
    pub status: Status,
    /// Its penalty for the facts (the base raised by the aggravations that apply), when it
    /// applies or may apply.
    pub penalty: Option<&'a Penalty>,
    /// The base penalty of its version: what it is at least when an aggravation raises it
    /// to a figure the sources do not confirm.
    pub floor: Option<&'a Penalty>,
    /// The provisions (by index among the candidates) it gives way to that are possible:
    /// they would absorb it if established.
    pub unless: Vec<usize>,
}

/// A qualification retained: one provision, or alternatives of which one applies.
#[derive(Debug, Clone, PartialEq)]
pub struct Retained {
    /// By index among the candidates: the provision that applies first, then those that
    /// would absorb it if established.
    pub members: Vec<usize>,
    /// The member whose penalty is certain on these facts (the lowest maximum).
    pub certain: usize,
    /// The member whose more severe penalty a further fact would establish, if any.
    pub if_established: Option<usize>,
}

/// What a prosecutor of one system would retain.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Concurrence {
    /// The most severe certain qualification.
    pub leading: Option<Retained>,
    /// The others that share no conduct with one retained before them, most severe first.
    pub cumulative: Vec<Retained>,
    /// Applying qualifications that share conduct with one retained (by index), with the
    /// index of the member of `leading` or `cumulative` they share it with.
    pub same_conduct: Vec<(usize, usize)>,
    /// When nothing applies: the most severe possible qualification, what further facts
    /// could establish.
    pub possible: Option<usize>,
}

/// Orders two penalties of one system's provisions, the more severe greater (see the
/// module's notes); a missing penalty below any. A penalty whose maximum the sources do not
/// confirm ranks as its base, which it is at least: a rape whose aggravated figure is
/// unconfirmed still ranks above possessing images.
fn cmp(a: &Candidate, b: &Candidate) -> Ordering {
    a.provision.leading_cmp(
        ranked(a.penalty, a.floor),
        b.provision,
        ranked(b.penalty, b.floor),
    )
}

/// The penalty a provision ranks by: its own, or its base when its own maximum is
/// unconfirmed and the base's is not.
fn ranked<'p>(penalty: Option<&'p Penalty>, floor: Option<&'p Penalty>) -> Option<&'p Penalty> {
    match (penalty, floor) {
        (Some(p), Some(f)) if p.prison_max == Term::Unknown && f.prison_max != Term::Unknown => {
            Some(f)
        }
        _ => penalty,
    }
}

/// Resolves the concurrence of one system's qualifications. `engaged` says whether the
/// facts engage a conduct class (a class they rule out does not count as conduct).
pub fn resolve(candidates: &[Candidate], engaged: impl Fn(&str) -> bool) -> Concurrence {
    // Applying provisions, each with the alternatives that would absorb it.
    let mut groups: Vec<Retained> = candidates
        .iter()
        .enumerate()
        .filter(|(_, c)| c.status == Status::Applies)
        .map(|(i, c)| {
            let mut members = vec![i];
            members.extend(c.unless.iter().copied().filter(|&x| x < candidates.len()));
            let by = |a: &&usize, b: &&usize| cmp(&candidates[**a], &candidates[**b]);
            let certain = *members.iter().min_by(by).expect("one member at least");
            let highest = *members.iter().max_by(by).expect("one member at least");
            let if_established = (highest != certain
                && cmp(&candidates[highest], &candidates[certain]) == Ordering::Greater)
                .then_some(highest);
            Retained {
                members,
                certain,
                if_established,
            }
        })
        .collect();
    // The most severe certain penalty first; of equals, the first in the data.
    groups.sort_by(|a, b| {
        cmp(&candidates[b.certain], &candidates[a.certain]).then(a.members[0].cmp(&b.members[0]))
    });
    let mut out = Concurrence::default();
    let mut covered: Vec<(&str, usize)> = Vec::new();
    for g in groups {
        // The conduct the group covers, as the facts engage it.
        let covers: Vec<(&str, usize)> = g
            .members
            .iter()
            .flat_map(|&m| {
                let c = &candidates[m].provision.covers;
                c.iter().map(move |c| (c.as_str(), m))
            })
            .filter(|(c, _)| engaged(c))
            .collect();
        let first = g.members[0];
        let own: Vec<&str> = covers
            .iter()
            .filter(|(_, m)| *m == first)
            .map(|(c, _)| *c)
            .collect();
        // The first qualification retained that covers some of the same conduct.
        let by = own
            .iter()
            .find_map(|c| covered.iter().find(|(k, _)| k == c).map(|&(_, m)| m));
        match (&out.leading, by) {
            (None, _) => {
                covered.extend(covers);
                out.leading = Some(g);
            }
            // It shares conduct with one retained: the same act, not retained apart.
            (Some(_), Some(by)) => {
                out.same_conduct.push((first, by));
            }
            _ => {
                covered.extend(covers);
                out.cumulative.push(g);
            }
        }
    }
    if out.leading.is_none() {
        out.possible = candidates
            .iter()
            .enumerate()
            .filter(|(_, c)| c.status == Status::Possible)
            .max_by(|(i, a), (j, b)| cmp(a, b).then(j.cmp(i)))
            .map(|(i, _)| i);
    }
    out
}

/// The concurrence of every system of `assessment`, in its order; `engaged` as for
/// [`resolve`].
pub fn resolve_each(
    assessment: &qualif_engine::Assessment,
    engaged: impl Fn(&str) -> bool + Copy,
) -> Vec<Concurrence> {
    assessment
        .systems
        .iter()
        .map(|r| resolve(&candidates(r), engaged))
        .collect()
}

/// The candidates of one system's assessment: a provision possible only as the
/// alternative of others (every other element met, written as an element `not applies(X)`)
/// counts as applying, with those others as its alternatives, as one giving way through
/// `subsidiary_to` does.
pub fn candidates<'a>(r: &'a qualif_engine::SystemResult<'a>) -> Vec<Candidate<'a>> {
    let index = |id: &String| r.qualifications.iter().position(|q| &q.provision.id == id);
    r.qualifications
        .iter()
        .map(|q| {
            let alternative = q.status == Status::Possible && !q.alternative_to.is_empty();
            Candidate {
                provision: q.provision,
                status: if alternative {
                    Status::Applies
                } else {
                    q.status
                },
                penalty: q.penalty.as_ref(),
                floor: q.version.map(|v| &v.penalty),
                unless: q
                    .unless
                    .iter()
                    .chain(&q.alternative_to)
                    .filter_map(index)
                    .collect(),
            }
        })
        .collect()
}

/// The leading qualification of a summary ([`resolve`]'s `leading`, without building the
/// rest, for batch): the applying provision whose group has the most severe certain
/// penalty, and that penalty.
pub fn leading_of_summary<'a>(
    s: &qualif_engine::plan::SystemSummary<'a>,
) -> Option<(&'a Provision, &'a Penalty)> {
    let floor = |p: &qualif_engine::plan::ProvisionSummary<'a>| p.version.map(|v| &v.penalty);
    // (the applying provision, the certain member's provision, penalty and rank)
    let mut best: Option<(&'a Provision, &'a Provision, &'a Penalty, &'a Penalty)> = None;
    for p in &s.provisions {
        if p.status != Status::Applies {
            continue;
        }
        let Some(mut penalty) = p.penalty else {
            continue;
        };
        let mut certain = p.provision;
        let mut rank = ranked(Some(penalty), floor(p)).unwrap_or(penalty);
        for x in p.version.map_or(&[][..], |v| &v.subsidiaries[..]) {
            let q = &s.provisions[*x];
            if let (Status::Possible, Some(qp)) = (q.status, q.penalty) {
                let q_rank = ranked(Some(qp), floor(q)).unwrap_or(qp);
                if q.provision.leading_cmp(Some(q_rank), certain, Some(rank)) == Ordering::Less {
                    (certain, penalty, rank) = (q.provision, qp, q_rank);
                }
            }
        }
        let better = best.is_none_or(|(_, c, _, r)| {
            certain.leading_cmp(Some(rank), c, Some(r)) == Ordering::Greater
        });
        if better {
            best = Some((p.provision, certain, penalty, rank));
        }
    }
    best.map(|(p, _, pen, _)| (p, pen))
}

/// The candidates of one system's summary (what batch evaluates): an applying or possible
/// provision gives way to those of its version's `subsidiary_to` that are possible (with a
/// version: not those the data has nothing for at the date, which no fact would establish).
pub fn summary_candidates<'a>(s: &qualif_engine::plan::SystemSummary<'a>) -> Vec<Candidate<'a>> {
    let possible = |x: &usize| {
        let p = &s.provisions[*x];
        (p.status == Status::Possible && p.version.is_some()).then_some(*x)
    };
    s.provisions
        .iter()
        .map(|p| Candidate {
            provision: p.provision,
            status: p.status,
            penalty: p.penalty,
            floor: p.version.map(|v| &v.penalty),
            unless: match (p.status, p.version) {
                (Status::Applies | Status::Possible, Some(v)) => {
                    v.subsidiaries.iter().filter_map(possible).collect()
                }
                _ => Vec::new(),
            },
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use qualif_law::law::Term;

    fn provision(id: &str, covers: &[&str]) -> Provision {
        Provision {
            id: id.into(),
            citation: id.into(),
            title: qualif_law::law::Title {
                original: None,
                fr: id.into(),
                en: id.into(),
                other: Default::default(),
            },
            covers: covers.iter().map(|c| c.to_string()).collect(),
            most_serious_conduct: 0,
            attempt: None,
            notes: Vec::new(),
            new_offence: false,
            versions: Vec::new(),
        }
    }

    fn years(y: f64) -> Penalty {
        Penalty {
            prison_max: Term::Months(y * 12.0),
            prison_min: None,
            minimum_status: None,
            minimum_note: None,
            fine_max: None,
            fine_min: None,
            custody: None,
            procedure: None,
            procedures: Vec::new(),
        }
    }

    #[test]
    fn the_leading_qualification_is_the_most_severe_certain_one() {
        let (rape, assault, images) = (
            provision("rape", &["penetration"]),
            provision("assault", &["penetration", "touching"]),
            provision("images", &["possession"]),
        );
        let (p15, p5, p7) = (years(15.0), years(5.0), years(7.0));
        let cands = vec![
            Candidate {
                provision: &assault,
                status: Status::Applies,
                penalty: Some(&p7),
                floor: None,
                unless: vec![],
            },
            Candidate {
                provision: &rape,
                status: Status::Applies,
                penalty: Some(&p15),
                floor: None,
                unless: vec![],
            },
            Candidate {
                provision: &images,
                status: Status::Applies,
                penalty: Some(&p5),
                floor: None,
                unless: vec![],
            },
        ];
        // The facts are a penetration: the assault's touching limb is not engaged.
        let r = resolve(&cands, |c| c != "touching");
        assert_eq!(r.leading.as_ref().map(|g| g.members.clone()), Some(vec![1]));
        // Images: another conduct, retained beside; the assault: the same conduct as the rape.
        assert_eq!(
            r.cumulative
                .iter()
                .map(|g| g.members[0])
                .collect::<Vec<_>>(),
            [2]
        );
        assert_eq!(r.same_conduct, [(0, 1)]);
        assert_eq!(r.possible, None);
    }

    #[test]
    fn alternatives_give_the_lowest_maximum_as_certain_and_the_higher_as_to_establish() {
        let (child, rape) = (
            provision("child", &["penetration"]),
            provision("rape", &["penetration"]),
        );
        let (p20, p15) = (years(20.0), years(15.0));
        // The rape of a child applies unless rape (15 years here) is established.
        let cands = vec![
            Candidate {
                provision: &rape,
                status: Status::Possible,
                penalty: Some(&p15),
                floor: None,
                unless: vec![],
            },
            Candidate {
                provision: &child,
                status: Status::Applies,
                penalty: Some(&p20),
                floor: None,
                unless: vec![0],
            },
        ];
        let r = resolve(&cands, |_| true);
        let g = r.leading.expect("the group applies");
        assert_eq!(g.members, [1, 0]);
        assert_eq!(g.certain, 0, "certain: the lower maximum, 15 years");
        assert_eq!(
            g.if_established,
            Some(1),
            "20 years if the child's rape is what remains"
        );
        // Equal maxima: nothing more to establish.
        let cands = vec![
            Candidate {
                provision: &rape,
                status: Status::Possible,
                penalty: Some(&p20),
                floor: None,
                unless: vec![],
            },
            Candidate {
                provision: &child,
                status: Status::Applies,
                penalty: Some(&p20),
                floor: None,
                unless: vec![0],
            },
        ];
        assert_eq!(
            resolve(&cands, |_| true).leading.unwrap().if_established,
            None
        );
    }

    #[test]
    fn when_nothing_applies_the_most_severe_possible_is_named() {
        let (a, b) = (provision("a", &["x"]), provision("b", &["y"]));
        let (p2, p9) = (years(2.0), years(9.0));
        let cands = vec![
            Candidate {
                provision: &a,
                status: Status::Possible,
                penalty: Some(&p2),
                floor: None,
                unless: vec![],
            },
            Candidate {
                provision: &b,
                status: Status::Possible,
                penalty: Some(&p9),
                floor: None,
                unless: vec![],
            },
        ];
        let r = resolve(&cands, |_| true);
        assert!(r.leading.is_none());
        assert_eq!(r.possible, Some(1));
        let cands = vec![Candidate {
            provision: &a,
            status: Status::Excluded,
            penalty: None,
            floor: None,
            unless: vec![],
        }];
        assert_eq!(resolve(&cands, |_| true), Concurrence::default());
    }

    #[test]
    fn an_unconfirmed_aggravated_figure_ranks_as_its_base() {
        let (rape, images) = (
            provision("rape", &["penetration"]),
            provision("images", &["possession"]),
        );
        let unknown = Penalty {
            prison_max: Term::Unknown,
            ..years(0.0)
        };
        let (base, p5) = (years(10.0), years(5.0));
        let cands = vec![
            Candidate {
                provision: &images,
                status: Status::Applies,
                penalty: Some(&p5),
                floor: Some(&p5),
                unless: vec![],
            },
            Candidate {
                provision: &rape,
                status: Status::Applies,
                penalty: Some(&unknown),
                floor: Some(&base),
                unless: vec![],
            },
        ];
        let r = resolve(&cands, |_| true);
        assert_eq!(
            r.leading.map(|g| g.members),
            Some(vec![1]),
            "the rape leads"
        );
        // Without a known base, an unconfirmed figure ranks below any known one.
        let cands = vec![
            cands[0].clone(),
            Candidate {
                floor: None,
                ..cands[1].clone()
            },
        ];
        assert_eq!(
            resolve(&cands, |_| true).leading.map(|g| g.members),
            Some(vec![0])
        );
    }
}
