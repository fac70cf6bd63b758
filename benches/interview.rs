//! The interview's cost per answer: re-evaluation (assessment, comparison, scales, next
//! question) plus a redraw, on the built-in data.
//!
//! `cargo bench --bench interview`

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use qualif::cli::Lang;
use qualif::engine::next_question::next_questions;
use qualif::facts::{Case, Value};
use qualif::law::LawBook;
use qualif::scale::Scales;
use qualif::tui::{App, Options, press, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// The allocator of the `qualif` binary (src/main.rs), so that the figures are its own.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

/// A case half-way through an interview: date, ages and the kind of contact known.
fn mid_case(book: &LawBook) -> Case {
    let mut case = Case::new();
    let v = &book.vocabulary;
    let d = NaiveDate::from_ymd_opt(2023, 5, 10).unwrap();
    case.set("case.date_of_facts", Some(Value::Date(d)), v, today());
    case.set("victim.age", Some(Value::Int(12)), v, today());
    case.set("offender.age", Some(Value::Int(40)), v, today());
    case
}

fn options() -> Options {
    Options {
        today: today(),
        lang: Lang::En,
        color: true,
        case_path: None,
        recovery_dir: None,
    }
}

fn interview(c: &mut Criterion) {
    let book = LawBook::builtin().expect("built-in data");
    let scales = Scales::builtin(&book.vocabulary).expect("scales");
    let case = mid_case(&book);
    let mut group = c.benchmark_group("interview");
    group.sample_size(20);
    group.bench_function("next_questions", |b| {
        let plan = qualif::engine::plan::Plan::new(&book);
        b.iter(|| black_box(next_questions(&plan, &case, None, today())))
    });
    group.bench_function("answer_reevaluate_redraw_120x40", |b| {
        let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
        b.iter_batched(
            || App::new(&book, Some(&scales), case.clone(), options()),
            |mut app| {
                // "I don't know" to the question asked: one answer, one re-evaluation.
                press(
                    &mut app,
                    KeyEvent::new(KeyCode::Char('u'), KeyModifiers::NONE),
                );
                terminal.draw(|f| view::draw(f, &app)).unwrap();
                app
            },
            BatchSize::LargeInput,
        )
    });
    group.bench_function("redraw_80x24", |b| {
        let app = App::new(&book, Some(&scales), case.clone(), options());
        let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
        b.iter(|| terminal.draw(|f| view::draw(f, &app)).map(|_| ()).unwrap())
    });
    group.finish();
}

criterion_group!(benches, interview);
criterion_main!(benches);
