//! What the interview asks, and in which order: the facts that decide whether a state can
//! prosecute are asked before it ends, and each system's retained qualification and its
//! penalty are settled early (measured on the ten scenarios answered from their files).

use std::path::PathBuf;
use std::sync::OnceLock;

use chrono::NaiveDate;
use qualif::cli::Lang;
use qualif::facts::Case;
use qualif::law::LawBook;
use qualif::scale::Scales;
use qualif::tui::{App, Options};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

fn book() -> &'static LawBook {
    static BOOK: OnceLock<LawBook> = OnceLock::new();
    BOOK.get_or_init(|| LawBook::builtin().expect("the built-in data loads"))
}

fn scales() -> &'static Scales {
    static SCALES: OnceLock<Scales> = OnceLock::new();
    SCALES.get_or_init(|| Scales::builtin(&book().vocabulary).expect("the scales load"))
}

fn new_app(case: Case) -> App<'static> {
    let options = Options {
        today: today(),
        lang: Lang::En,
        color: false,
        case_path: None,
        recovery_dir: None,
    };
    qualif::tui::start(book(), Some(scales()), case, options)
}

fn scenarios() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir("tests/scenarios")
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    files
}

/// What each system retains, as the interview shows it: the leading provision and the
/// certain penalty.
fn retained(app: &App) -> Vec<String> {
    let systems = &app.analysis.assessment.systems;
    app.analysis
        .leading
        .iter()
        .enumerate()
        .map(|(si, l)| match l {
            Some((lead, certain)) => format!(
                "{} {:?}",
                systems[si].qualifications[*lead].provision.id,
                systems[si].qualifications[*certain].penalty
            ),
            None => "-".into(),
        })
        .collect()
}

/// Answers the interview from the file (unknown when the file does not state the fact):
/// the facts asked, and after each answer what each system retains.
fn run(full: &Case, start: Case) -> (Vec<String>, Vec<Vec<String>>) {
    let mut app = new_app(start);
    let mut asked = Vec::new();
    let mut seen = vec![retained(&app)];
    while let Some(key) = app.current.clone() {
        assert!(!asked.contains(&key), "`{key}` asked twice");
        asked.push(key.clone());
        app.record(&key, full.get(&key).cloned());
        seen.push(retained(&app));
        assert!(asked.len() < 80, "too many questions");
    }
    (asked, seen)
}

/// After how many answers what every system retains stops changing.
fn settled(seen: &[Vec<String>]) -> usize {
    let last = seen.last().unwrap();
    seen.iter().rposition(|r| r != last).map_or(0, |i| i + 1)
}

/// The live-streaming scale's factors and roles are asked: on the live-streaming
/// scenarios, the number of sessions, whether they were recorded and the roles; the
/// evidence where it can change a factor (the chat requests of a payer or a viewer who did
/// not direct: scenario 09, a client only).
#[test]
fn the_scales_facts_are_asked() {
    let mut evidence = 0;
    for f in scenarios() {
        let name = f.file_name().unwrap().to_string_lossy().to_string();
        if !name.contains("livestream") {
            continue;
        }
        let full = qualif::io::load_case(&f, &book().vocabulary, today()).unwrap();
        let (asked, _) = run(&full, Case::new());
        evidence += asked.iter().filter(|k| *k == "live.evidence").count();
        for key in ["live.sessions", "live.recorded", "live.roles"] {
            assert!(
                asked.iter().any(|k| k == key),
                "{name}: `{key}` never asked; asked {asked:?}"
            );
        }
    }
    assert!(evidence > 0, "`live.evidence` never asked");
}

const JURISDICTION: [&str; 6] = [
    "case.place",
    "offender.nationality",
    "offender.residence",
    "offender.location",
    "victim.nationality",
    "victim.residence",
];

/// On each scenario, after how many questions the retained qualifications and penalties
/// (of every system, the instruments included) stop changing, and how many questions in
/// all.
#[test]
fn the_retained_qualifications_settle_early() {
    let mut report = String::new();
    let mut figures = Vec::new();
    for f in scenarios() {
        let full = qualif::io::load_case(&f, &book().vocabulary, today()).unwrap();
        let (asked, seen) = run(&full, Case::new());
        let n = settled(&seen);
        figures.push(n);
        report.push_str(&format!(
            "{}: retained settled after {n} questions, {} in all\n",
            f.file_name().unwrap().to_string_lossy(),
            asked.len()
        ));
    }
    figures.sort();
    let median = (figures[4] + figures[5]) as f64 / 2.0;
    report.push_str(&format!("median: {median}\n"));
    insta::assert_snapshot!("retained_settled", report);
    // The aim is at most 15: measured 15 once a provision whose missing element rests on
    // a fact answered "I don't know" no longer counts as deciding the retained
    // qualification (17.5 before; 22.5 before the tiers of `next_question::weights`; 31
    // with the former sum of maxima once jurisdiction facts were asked).
    assert!(median <= 15.0, "{report}");
}

/// With the facts that decide jurisdiction taken out of each scenario, the interview asks
/// for every one of them before it ends.
#[test]
fn the_jurisdiction_facts_are_asked_before_the_end() {
    let mut tried = 0;
    for f in scenarios() {
        let full = qualif::io::load_case(&f, &book().vocabulary, today()).unwrap();
        let mut start = full.clone();
        let mut removed = Vec::new();
        for key in JURISDICTION {
            if start.is_known(key) {
                start.set(key, None, &book().vocabulary, today());
                removed.push(key);
            }
        }
        if removed.is_empty() {
            continue;
        }
        tried += 1;
        let (asked, _) = run(&full, start);
        for key in removed {
            assert!(
                asked.iter().any(|k| k == key),
                "{}: `{key}` never asked; asked {asked:?}",
                f.display()
            );
        }
    }
    assert!(tried >= 5, "scenarios stating jurisdiction facts: {tried}");
}
