//! What a qualification gives: each element, aggravation and provision result, the warnings and the assessment.

use super::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ElementStatus {
    Met,
    Unmet,
    Unknown,
}

impl From<Tri> for ElementStatus {
    fn from(t: Tri) -> Self {
        match t {
            Tri::True => ElementStatus::Met,
            Tri::False => ElementStatus::Unmet,
            Tri::Unknown => ElementStatus::Unknown,
        }
    }
}

/// A provision's status from the conjunction of its elements: applies when met, excluded
/// when unmet, possible when unknown (read from a table, by the value's order).
#[inline]
pub(crate) fn status_of(t: Tri) -> Status {
    const BY_VALUE: [Status; 3] = [Status::Excluded, Status::Possible, Status::Applies];
    BY_VALUE[t as usize]
}

/// What an element's result is labelled with: the element's label in the data, or, for a
/// provision without a version at the date applied, the finding that it was not in force
/// then, or that the data has nothing for that date (which the renderers put in words).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ElementLabel<'a> {
    Data(&'a Localized),
    /// "In force at the date applied (this date)": the element a provision not in force
    /// fails.
    InForceOn(NaiveDate),
    /// "No data for the date applied (`date`): the first version in the data dates from
    /// `first`": the element, unknown, of a provision whose first version did not create
    /// the offence, for a date before that version.
    NoDataOn {
        date: NaiveDate,
        first: NaiveDate,
    },
}

/// One element's result. Its texts are borrowed from the law book: an assessment (which
/// the interview makes after every answer) copies none of them.
#[derive(Debug, Clone)]
pub struct ElementResult<'a> {
    pub id: &'a str,
    pub label: ElementLabel<'a>,
    pub condition: &'a str,
    pub status: ElementStatus,
    /// Met or unmet on a fact presumed, not stated (see [`Assessment::presumed`]).
    pub presumed: bool,
}

/// One aggravation's result, borrowed from the law book as [`ElementResult`].
#[derive(Debug, Clone, Serialize)]
pub struct AggravationResult<'a> {
    pub id: &'a str,
    pub label: &'a Localized,
    pub condition: &'a str,
    pub status: Status,
    pub penalty: &'a Penalty,
    pub verification: Verification,
    pub notes: &'a [String],
}

#[derive(Debug, Clone, Serialize)]
pub struct VersionRef {
    pub in_force_from: NaiveDate,
    pub in_force_to: Option<NaiveDate>,
}

/// A later version whose penalty is milder than the one applied.
#[derive(Debug, Clone, Serialize)]
pub struct MilderLaw {
    pub in_force_from: NaiveDate,
    pub penalty: Penalty,
}

/// One provision's result for the facts.
#[derive(Debug, Clone)]
pub struct Qualification<'a> {
    pub provision: &'a Provision,
    pub status: Status,
    /// The version in force at the law's date; `None` when the provision was not in force
    /// (excluded), or when the data has no version for the date (possible).
    pub version: Option<&'a Version>,
    pub elements: Vec<ElementResult<'a>>,
    pub aggravations: Vec<AggravationResult<'a>>,
    /// The penalty for these facts (base raised by every aggravation that applies).
    pub penalty: Option<Penalty>,
    /// The most severe penalty if every possible aggravation were established.
    pub penalty_if_possible_aggravations: Option<Penalty>,
    pub missing_facts: Vec<String>,
    /// The case-file keys that would decide the aggravations still possible.
    pub missing_for_aggravations: Vec<String>,
    pub milder_later: Option<MilderLaw>,
    /// A reform not yet in force (or not confirmed) that would change this provision.
    pub pending: Vec<&'a Version>,
    pub warnings: Vec<Warning<'a>>,
    /// For provisions that apply or are possible: is prosecution time-barred?
    pub limitation: Option<crate::limitation::LimitationResult<'a>>,
    /// For provisions that apply or are possible: can the state prosecute?
    pub reach: Option<crate::jurisdiction::Reach<'a>>,
    /// When this provision is possible only because it gives way to other provisions that
    /// are themselves possible (every other element met): one of them or this one applies,
    /// whichever the missing facts decide. Empty otherwise.
    pub alternative_to: Vec<String>,
    /// When this provision gives way to another that applies (`subsidiary_to`): that one.
    /// Its status is then excluded, though its own elements are met or possible.
    pub absorbed_by: Option<String>,
    /// When this provision applies or is possible while provisions it gives way to are
    /// possible: those, which would absorb it if established ("applies unless …").
    pub unless: Vec<String>,
}

impl Qualification<'_> {
    /// Orders two qualifications of one system to pick the leading one (see
    /// [`Provision::leading_cmp`]). Callers pick with `min_by(|a, b| b.leading_cmp(a))`, so
    /// that of exact equals the first listed in the system file leads.
    pub fn leading_cmp(&self, other: &Qualification<'_>) -> std::cmp::Ordering {
        self.provision.leading_cmp(
            self.penalty.as_ref(),
            other.provision,
            other.penalty.as_ref(),
        )
    }

    /// Excluded only because another provision that applies takes its place: every unmet
    /// element names other provisions, and one of those applies. The conduct is then
    /// punished, under the principal offence.
    pub fn gives_way_to_applying(&self, statuses: &dyn Fn(&str) -> Option<Status>) -> bool {
        if self.absorbed_by.is_some() {
            return true;
        }
        let Some(v) = self.version else { return false };
        let unmet: Vec<&ElementResult> = self
            .elements
            .iter()
            .filter(|e| e.status == ElementStatus::Unmet)
            .collect();
        self.status == Status::Excluded
            && !unmet.is_empty()
            && unmet.iter().all(|e| {
                v.elements.iter().find(|x| x.id == e.id).is_some_and(|x| {
                    x.when
                        .provisions()
                        .iter()
                        .any(|p| statuses(p) == Some(Status::Applies))
                })
            })
    }

    pub fn verification(&self) -> Option<Verification> {
        self.version.map(|v| {
            let aggs = self
                .aggravations
                .iter()
                .filter(|a| a.status == Status::Applies)
                .map(|a| a.verification);
            aggs.fold(v.verification, Verification::min)
        })
    }
}

/// A doubt about one provision's result, for the renderers to put in words.
#[derive(Debug, Clone, PartialEq)]
pub enum Warning<'a> {
    /// The provision is not in force: only a pending or unconfirmed text exists.
    NotInForce,
    /// The data has no version of the provision for `date`, before its first version (of
    /// `first`), and that version did not create the offence: the law then is not encoded.
    NoDataForDate {
        provision: &'a str,
        date: NaiveDate,
        first: NaiveDate,
    },
    /// The version applied is unverified: check it against the official text.
    Unverified { provision: &'a str },
    /// The version applied rests on secondary sources only.
    SecondaryOnly { provision: &'a str },
    /// The penalty is not confirmed by the sources.
    PenaltyNotConfirmed { provision: &'a str },
    /// Either this provision or one of `others` applies: every other element is met, and
    /// which one depends on the facts still missing.
    Alternative {
        provision: &'a str,
        others: Vec<String>,
    },
}

/// How the date whose law is applied was chosen, when it is not the date of the facts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LawDateNotice {
    /// The law in force on this date, as requested (`--date`).
    Requested(NaiveDate),
    /// The case gives no date of the facts: the law in force today (this date).
    Today(NaiveDate),
}

#[derive(Debug, Clone)]
pub struct SystemResult<'a> {
    pub system: &'a System,
    pub qualifications: Vec<Qualification<'a>>,
}

#[derive(Debug, Clone)]
pub struct Assessment<'a> {
    pub date_of_facts: Option<NaiveDate>,
    /// The date whose law is applied.
    pub law_date: NaiveDate,
    pub warnings: Vec<LawDateNotice>,
    /// The presumptions the results rely on: facts the case does not state, taken as
    /// presumed (the interview still asks them; an answer overrides).
    pub presumed: Vec<&'a Presumption>,
    pub systems: Vec<SystemResult<'a>>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_of_each_value() {
        assert_eq!(status_of(Tri::True), Status::Applies);
        assert_eq!(status_of(Tri::False), Status::Excluded);
        assert_eq!(status_of(Tri::Unknown), Status::Possible);
    }
}
