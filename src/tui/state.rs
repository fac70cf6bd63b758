//! The interview's state: the case being built, the answers given (to go back), the
//! question asked now, the language, the selected provision, the overlay shown, and the
//! engine's results for the current facts (recomputed after every change, never by the
//! view).

use std::collections::BTreeSet;
use std::path::PathBuf;

use chrono::NaiveDate;

use super::answer::{Choice, choices};
use crate::analysis::{Request, analyse};
use crate::cli::Lang;
use crate::engine::next_question::{QuestionScore, penalty_months};
use crate::engine::plan::Plan;
use crate::engine::{Assessment, Qualification, Status};
use crate::facts::{Case, FactDef, FactType, Value};
use crate::law::LawBook;
use crate::scale::{ScaleResult, Scales};

/// How the interview starts.
#[derive(Debug, Clone)]
pub struct Options {
    /// Today's date (the law applied when the case has no date of the facts).
    pub today: NaiveDate,
    pub lang: Lang,
    /// Colours on (off with `NO_COLOR`).
    pub color: bool,
    /// The case file the case was opened from, and is saved to.
    pub case_path: Option<PathBuf>,
    /// The state folder where answers are autosaved, one recovery file per interview
    /// ([`super::recovery`]); `None`: no autosave.
    pub recovery_dir: Option<PathBuf>,
}

/// One answer given, with what the fact was before, so that it can be taken back.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    pub key: String,
    pub before: Option<Value>,
    pub was_skipped: bool,
    /// The other facts the same answer changed, taken back with it: the first date of a
    /// period typed in the box of the fact that ends it (`period_from`), or cleared by one
    /// date or "I don't know" there.
    pub with: Vec<Step>,
}

/// A window over the main screen.
#[derive(Debug, Clone, PartialEq)]
pub enum Overlay {
    None,
    Help,
    /// The searchable list of every fact, to jump to one (and change its answer).
    Facts {
        query: String,
        cursor: usize,
    },
    Save {
        path: String,
    },
    Open {
        path: String,
    },
    /// Export the written report (Markdown, HTML or JSON, by the file's extension).
    Export {
        path: String,
    },
    /// Interviews were interrupted ([`super::recovery::Recovery::offered`]): resume one,
    /// discard one, or keep them for later? `cursor`: the one highlighted.
    Resume {
        cursor: usize,
    },
    ConfirmQuit,
    /// The age ladder for the answers so far (`super::ladder`), computed when opened.
    Ladder {
        lines: Vec<String>,
    },
}

/// The panel shown on the right when the screen is too small to show them all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Panel {
    Qualifications,
    Provision,
    Chart,
    Comparison,
}

impl Panel {
    pub const ALL: [Panel; 4] = [
        Panel::Qualifications,
        Panel::Provision,
        Panel::Chart,
        Panel::Comparison,
    ];

    pub fn next(self) -> Panel {
        let i = Panel::ALL.iter().position(|p| *p == self).unwrap_or(0);
        Panel::ALL[(i + 1) % Panel::ALL.len()]
    }
}

/// How the interview ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// The user quit: the recovery file is removed.
    Quit,
    /// Ctrl-C, a signal: the recovery file is kept, to resume.
    Interrupted,
}

/// A line under the question: an error to fix, or what just happened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Message {
    Error(String),
    Info(String),
}

/// A provision shown in the qualifications list: `(system index, provision index)` in the
/// assessment.
pub type RowRef = (usize, usize);

/// The results for the current facts (from [`crate::analysis::analyse`]), and how the
/// screen lists them.
pub struct Analysis<'a> {
    pub assessment: Assessment<'a>,
    /// What a period of facts changes, when the case gives one (as `assess` shows it).
    pub period: Option<crate::analysis::period::Period<'a>>,
    /// The questions worth asking, best first (facts answered "I don't know" left out).
    pub questions: Vec<QuestionScore<'a>>,
    /// The provisions that apply or are possible, by system: those that apply first, then
    /// by maximum penalty.
    pub rows: Vec<RowRef>,
    /// For each system, the qualification retained (see [`crate::analysis::concurrence`]):
    /// the provision that leads, and the one whose penalty is certain (the same, or the
    /// lower of two alternatives).
    pub leading: Vec<Option<(usize, usize)>>,
    /// The cross-border disparities for these facts.
    pub disparities: Vec<crate::compare::Disparity>,
    /// The official sentencing scale's result, and those of the scales extending it.
    pub scale: Option<ScaleResult<'a>>,
    pub scale_extensions: Vec<ScaleResult<'a>>,
    /// No scale is shown because no guideline of the data covers the conduct retained.
    pub no_scale_covers: bool,
    /// No system retains anything for certain yet (see `Analysis::nothing_retained`).
    pub nothing_retained: bool,
}

impl<'a> Analysis<'a> {
    fn new(
        plan: &Plan<'a>,
        scales: Option<&'a Scales>,
        case: &Case,
        skipped: &BTreeSet<String>,
        today: NaiveDate,
    ) -> Self {
        let request = Request {
            questions: Some(skipped),
            ..Request::default()
        };
        let analysis = analyse(plan, scales, case, &request, today);
        let disparities = analysis.comparison().disparities;
        let leading = analysis
            .concurrence
            .iter()
            .map(|c| c.leading.as_ref().map(|g| (g.members[0], g.certain)))
            .collect();
        let no_scale_covers = crate::report::scale_text::none_covers(
            analysis.scale.as_ref(),
            &analysis.scale_extensions,
            &analysis.scales_not_covering,
        );
        let nothing_retained = analysis.nothing_retained;
        let period = analysis.period;
        let (assessment, questions) = (analysis.assessment, analysis.questions);
        let (scale, scale_extensions) = (analysis.scale, analysis.scale_extensions);
        let mut rows = Vec::new();
        for (si, r) in assessment.systems.iter().enumerate() {
            let mut shown: Vec<usize> = (0..r.qualifications.len())
                .filter(|&pi| r.qualifications[pi].status != Status::Excluded)
                .collect();
            // Applying, then possible; within each, the heavier penalty first, an unconfirmed
            // maximum weighed as the interview weighs it (`penalty_months`), so that an
            // offence whose figure the sources leave open is not listed below lesser ones;
            // then as everywhere else (`Qualification::leading_cmp`), then data order.
            let weight = |q: &Qualification| q.penalty.as_ref().map_or(-1.0, penalty_months);
            shown.sort_by(|&a, &b| {
                let (qa, qb) = (&r.qualifications[a], &r.qualifications[b]);
                qa.status
                    .cmp(&qb.status)
                    .then(weight(qb).total_cmp(&weight(qa)))
                    .then(qb.leading_cmp(qa))
                    .then(a.cmp(&b))
            });
            rows.extend(shown.into_iter().map(|pi| (si, pi)));
        }
        Analysis {
            assessment,
            period,
            questions,
            rows,
            leading,
            disparities,
            scale,
            scale_extensions,
            no_scale_covers,
            nothing_retained,
        }
    }

    pub fn qualification(&self, row: RowRef) -> &Qualification<'a> {
        &self.assessment.systems[row.0].qualifications[row.1]
    }
}

/// The whole state of the interview.
pub struct App<'a> {
    pub book: &'a LawBook,
    /// The law book compiled, once for the whole interview.
    pub plan: Plan<'a>,
    /// The sentencing scales (none when the data has none).
    pub scales: Option<&'a Scales>,
    pub today: NaiveDate,
    pub lang: Lang,
    pub color: bool,
    pub case: Case,
    /// Facts answered "I don't know": never proposed again (they can still be jumped to).
    pub skipped: BTreeSet<String>,
    pub history: Vec<Step>,
    /// The fact asked now; `None` when no question is left.
    pub current: Option<String>,
    /// The user chose this question (jump, going back) rather than the engine.
    pub chosen: bool,
    /// The answer under the cursor.
    pub cursor: usize,
    /// Whether the cursor is shown: a new question on a list of choices has none, so
    /// that Enter never answers it by accident (the first Enter, or an arrow, shows it on
    /// the first choice; Enter then answers the highlighted one).
    pub highlighted: bool,
    /// How many lines of a question longer than its box are scrolled away (Shift-↑↓).
    pub question_scroll: u16,
    /// How many lines of the question the last drawing could not show (set by the view,
    /// which alone knows the box): the most `question_scroll` can be.
    pub question_overflow: std::cell::Cell<u16>,
    /// Values ticked in a list question.
    pub ticked: BTreeSet<String>,
    /// The text typed for a number, date, country or text question.
    pub input: String,
    pub message: Option<Message>,
    pub overlay: Overlay,
    pub panel: Panel,
    /// The provision selected in the qualifications list (its id).
    pub selected: Option<String>,
    pub case_path: Option<PathBuf>,
    /// The recovery file, and the interrupted interviews offered.
    pub recovery: super::recovery::Recovery,
    /// Answers changed since the case was last saved or opened.
    pub dirty: bool,
    pub exit: Option<Exit>,
    pub analysis: Analysis<'a>,
}

impl<'a> App<'a> {
    /// A new interview on `case` (empty for a new case). [`super::start`] also offers to
    /// resume an interrupted one.
    pub fn new(
        book: &'a LawBook,
        scales: Option<&'a Scales>,
        case: Case,
        options: Options,
    ) -> Self {
        let skipped = BTreeSet::new();
        let plan = Plan::new(book);
        let analysis = Analysis::new(&plan, scales, &case, &skipped, options.today);
        let mut app = App {
            book,
            plan,
            scales,
            today: options.today,
            lang: options.lang,
            color: options.color,
            case,
            skipped,
            history: Vec::new(),
            current: None,
            chosen: false,
            cursor: 0,
            highlighted: false,
            question_scroll: 0,
            question_overflow: std::cell::Cell::new(0),
            ticked: BTreeSet::new(),
            input: String::new(),
            message: None,
            overlay: Overlay::None,
            panel: Panel::Qualifications,
            selected: None,
            case_path: options.case_path,
            recovery: super::recovery::Recovery::new(options.recovery_dir),
            dirty: false,
            exit: None,
            analysis,
        };
        app.next_question();
        app
    }

    pub fn fr(&self) -> bool {
        self.lang == Lang::Fr
    }

    pub fn lang_code(&self) -> &'static str {
        self.lang.code()
    }

    /// The fact asked now.
    pub fn current_fact(&self) -> Option<&'a FactDef> {
        let key = self.current.as_deref()?;
        self.book.vocabulary.fact(key)
    }

    /// The engine's reasons for the current question, when the engine proposes it.
    pub fn current_score(&self) -> Option<&QuestionScore<'a>> {
        let key = self.current.as_deref()?;
        self.analysis.questions.iter().find(|q| q.fact.key == key)
    }

    /// The answers offered for the current question.
    pub fn current_choices(&self) -> Vec<Choice> {
        self.current_fact().map(choices).unwrap_or_default()
    }

    /// Recomputes the engine's results after the facts changed.
    pub fn reanalyse(&mut self) {
        self.analysis = Analysis::new(
            &self.plan,
            self.scales,
            &self.case,
            &self.skipped,
            self.today,
        );
    }

    /// Moves on to the engine's best question.
    pub fn next_question(&mut self) {
        let key = self.analysis.questions.first().map(|q| q.fact.key.clone());
        self.ask(key, false);
    }

    /// Asks a fact, with its current answer (if any) selected (a period's, `FIRST..LAST`,
    /// in the box of the date that ends it).
    pub fn ask(&mut self, key: Option<String>, chosen: bool) {
        self.current = key;
        self.chosen = chosen;
        self.cursor = 0;
        self.highlighted = false;
        self.question_scroll = 0;
        self.ticked.clear();
        self.input.clear();
        let Some(def) = self.current_fact() else {
            return;
        };
        let choices = choices(def);
        let value = self.case.get(&def.key).cloned();
        let skipped = self.skipped.contains(&def.key);
        // A typed answer is chosen by typing; an answer already given is shown on its
        // choice; a new question on a list of choices starts with none highlighted.
        self.highlighted =
            value.is_some() || skipped || choices.first().is_some_and(|c| *c == Choice::Input);
        self.cursor = match (&value, skipped) {
            (None, true) => choices.len() - 1,
            (Some(v), _) => choices
                .iter()
                .position(|c| c.matches(v))
                .unwrap_or_default(),
            (None, false) => 0,
        };
        if let Some(v) = value {
            match (def.ty, v) {
                (FactType::EnumList, Value::List(items)) => {
                    self.ticked = items.into_iter().collect()
                }
                _ if choices.first().is_some_and(|c| *c == Choice::Input) => {
                    self.input = super::answer::shown_input(def, &self.case).unwrap_or_default();
                }
                _ => {}
            }
        }
    }

    /// Records an answer (`None`: "I don't know"), re-evaluates and moves on.
    pub fn record(&mut self, key: &str, value: Option<Value>) {
        self.record_period(key, value, None);
    }

    /// Records an answer and, for a date that ends a period (the vocabulary's
    /// `period_from`), the period's first date with it, as one step: `first` is `None` for
    /// one date or "I don't know", which leave the first date unknown.
    pub fn record_period(&mut self, key: &str, value: Option<Value>, first: Option<Value>) {
        let step = |app: &Self, key: &str| Step {
            key: key.to_string(),
            before: app.case.get(key).cloned(),
            was_skipped: app.skipped.contains(key),
            with: Vec::new(),
        };
        let mut taken = step(self, key);
        let from = self
            .book
            .vocabulary
            .fact(key)
            .and_then(|d| d.period_from.as_deref());
        if let Some(from) = from.filter(|f| first.is_some() || self.case.is_known(f)) {
            taken.with.push(step(self, from));
            if first.is_some() {
                self.skipped.remove(from);
            }
            self.case
                .set(from, first, &self.book.vocabulary, self.today);
        }
        self.history.push(taken);
        if value.is_some() {
            self.skipped.remove(key);
        } else {
            self.skipped.insert(key.to_string());
        }
        self.case.set(key, value, &self.book.vocabulary, self.today);
        self.dirty = true;
        self.message = None;
        self.reanalyse();
        self.next_question();
    }

    /// Takes back the last answer and asks that question again.
    pub fn back(&mut self) -> bool {
        let Some(step) = self.history.pop() else {
            return false;
        };
        let answer = self.case.get(&step.key).cloned();
        // The answer as typed, a period's included, before it is taken back.
        let typed = (self.book.vocabulary.fact(&step.key))
            .and_then(|def| super::answer::shown_input(def, &self.case));
        let was_unknown = self.skipped.contains(&step.key);
        for s in step.with.iter().chain([&step]) {
            if s.was_skipped {
                self.skipped.insert(s.key.clone());
            } else {
                self.skipped.remove(&s.key);
            }
            self.case
                .set(&s.key, s.before.clone(), &self.book.vocabulary, self.today);
        }
        self.dirty = true;
        self.reanalyse();
        self.ask(Some(step.key.clone()), true);
        // Offer the answer just taken back, to confirm or change.
        if let Some(def) = self.current_fact() {
            let choices = choices(def);
            match answer {
                Some(v) => {
                    if let Some(i) = choices.iter().position(|c| c.matches(&v)) {
                        self.cursor = i;
                        self.highlighted = true;
                    }
                    match (def.ty, v) {
                        (FactType::EnumList, Value::List(items)) => {
                            self.ticked = items.into_iter().collect()
                        }
                        _ if choices.first() == Some(&Choice::Input) => {
                            self.input = typed.unwrap_or_default()
                        }
                        _ => {}
                    }
                }
                None if was_unknown => {
                    self.cursor = choices.len() - 1;
                    self.highlighted = true;
                }
                None => {}
            }
        }
        true
    }

    /// Replaces the case (a case file opened, or a recovered interview).
    pub fn load(
        &mut self,
        case: Case,
        path: Option<PathBuf>,
        skipped: BTreeSet<String>,
        history: Vec<Step>,
    ) {
        self.case = case;
        self.case_path = path;
        self.skipped = skipped;
        self.history = history;
        self.selected = None;
        self.reanalyse();
        self.next_question();
    }

    /// The rows of the qualifications list, and the index of the selected one.
    pub fn selected_row(&self) -> Option<usize> {
        let rows = &self.analysis.rows;
        if rows.is_empty() {
            return None;
        }
        let found = self.selected.as_deref().and_then(|id| {
            rows.iter()
                .position(|r| self.analysis.qualification(*r).provision.id == id)
        });
        Some(found.unwrap_or(0))
    }

    /// Moves the provision selection by `delta` rows.
    pub fn select_by(&mut self, delta: isize) {
        let Some(i) = self.selected_row() else { return };
        let n = self.analysis.rows.len() as isize;
        let j = (i as isize + delta).clamp(0, n - 1) as usize;
        let row = self.analysis.rows[j];
        self.selected = Some(self.analysis.qualification(row).provision.id.clone());
    }

    /// The facts the fact list offers, filtered by a search text (key or label, in either
    /// language): every fact a case file can state.
    pub fn fact_list(&self, query: &str) -> Vec<&'a FactDef> {
        let q = query.to_lowercase();
        let mut facts: Vec<&FactDef> = self
            .book
            .vocabulary
            .facts
            .iter()
            .filter(|f| !f.derived)
            .filter(|f| {
                q.is_empty()
                    || f.key.to_lowercase().contains(&q)
                    || f.label.fr.to_lowercase().contains(&q)
                    || f.label.en.to_lowercase().contains(&q)
            })
            .collect();
        facts.sort_by_key(|f| (!f.asked(), f.order));
        facts
    }
}
