//! Engine benchmarks (criterion): `cargo bench --bench engine`.
//!
//! - `cold_assess`: from nothing to a finished `assess` of one case in every system — load
//!   and check the built-in legal data, parse the case file, qualify;
//! - `cold_assess_process`: the same as a user sees it — the release binary started,
//!   `qualif assess CASE` run to its last line of output (written to /dev/null), exited;
//! - `reevaluate`: one answer changed in a loaded case (`Case::set`), then `assess` again
//!   (what the interview does after each answer);
//! - `summarize`: the evaluation batch analysis makes of one case (every provision of every
//!   system: status and penalty), over a mix of synthetic cases; its throughput is in
//!   case-evaluations per second on one core;
//! - `batch`: a whole batch run in memory — JSON Lines read and checked, evaluated on every
//!   core, written as CSV, aggregated — in cases per second.

use std::hint::black_box;
use std::time::Duration;

use chrono::NaiveDate;
use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use qualif::batch::{self, InputFormat, OutputFormat};
use qualif::diagnostics::SourceText;
use qualif::engine::{self, plan::Plan};
use qualif::facts::{Case, Value};
use qualif::law::LawBook;
use qualif::scale::Scales;

/// The allocator of the `qualif` binary (src/main.rs), so that the figures are its own.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const SCENARIO: &str = include_str!("../tests/scenarios/07-livestream-philippines.toml");

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 1, 1).expect("a date")
}

fn synthetic(n: u64) -> String {
    let mut out = Vec::new();
    batch::synth::write(n, 42, &mut out).expect("writes to memory");
    String::from_utf8(out).expect("UTF-8")
}

fn cold(c: &mut Criterion) {
    c.bench_function("cold_assess", |b| {
        b.iter(|| {
            let book = LawBook::builtin().expect("the built-in data loads");
            let case = Case::parse(
                &SourceText::new("07-livestream-philippines.toml", SCENARIO),
                &book.vocabulary,
                today(),
            )
            .expect("the scenario parses");
            let plan = Plan::new(&book);
            let a = engine::assess(&plan, &case, &[], None, today());
            black_box(a.systems.len());
        })
    });
}

fn cold_process(c: &mut Criterion) {
    let scenario = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/scenarios/07-livestream-philippines.toml"
    );
    c.bench_function("cold_assess_process", |b| {
        b.iter(|| {
            let status = std::process::Command::new(env!("CARGO_BIN_EXE_qualif"))
                .args(["assess", scenario])
                .env("QUALIF_TODAY", "2026-01-01")
                .stdout(std::process::Stdio::null())
                .status()
                .expect("the binary runs");
            assert!(status.success());
        })
    });
}

fn reevaluate(c: &mut Criterion) {
    let book = LawBook::builtin().expect("the built-in data loads");
    let case = Case::parse(
        &SourceText::new("07.toml", SCENARIO),
        &book.vocabulary,
        today(),
    )
    .expect("the scenario parses");
    let plan = Plan::new(&book);
    let mut flip = false;
    c.bench_function("reevaluate", |b| {
        b.iter_batched(
            || case.clone(),
            |mut case| {
                flip = !flip;
                case.set(
                    "act.coercion",
                    Some(Value::Bool(flip)),
                    &book.vocabulary,
                    today(),
                );
                let a = engine::assess(&plan, &case, &[], None, today());
                black_box(a.systems.len());
            },
            BatchSize::SmallInput,
        )
    });
}

fn summarize(c: &mut Criterion) {
    let book = LawBook::builtin().expect("the built-in data loads");
    let cases: Vec<Case> = synthetic(1000)
        .lines()
        .enumerate()
        .map(|(i, l)| {
            batch::case_from_json(l, i as u64 + 1, &book.vocabulary, today())
                .expect("synthetic records are valid")
        })
        .collect();
    let plan = Plan::new(&book);
    let s = &plan;
    let mut g = c.benchmark_group("summarize");
    g.throughput(Throughput::Elements(cases.len() as u64));
    g.bench_function("1000_cases_one_core", |b| {
        b.iter(|| {
            for case in &cases {
                black_box(s.summarize(case, None, today()).systems.len());
            }
        })
    });
    g.sample_size(10);
    g.bench_function("1000_cases_full_assess_one_core", |b| {
        b.iter(|| {
            for case in &cases {
                black_box(
                    engine::assess(&plan, case, &[], None, today())
                        .systems
                        .len(),
                );
            }
        })
    });
    g.finish();
}

fn batch_run(c: &mut Criterion) {
    let book = LawBook::builtin().expect("the built-in data loads");
    let scales = Scales::builtin(&book.vocabulary).unwrap_or_default();
    let regions = batch::Regions::builtin(&book.vocabulary).and_then(Result::ok);
    let ctx = batch::Context::new(&book, scales.official(), regions.as_ref(), today());
    let n = 20_000;
    let input = synthetic(n);
    let mut g = c.benchmark_group("batch");
    g.throughput(Throughput::Elements(n));
    g.sample_size(10);
    g.bench_function("jsonl_to_csv_all_cores", |b| {
        b.iter(|| {
            let (out, counts, groups, _) =
                batch::run_to_string(&ctx, &input, InputFormat::Jsonl, OutputFormat::Csv)
                    .expect("the run completes");
            assert_eq!(counts.rejected, 0);
            black_box((out.len(), groups.len()));
        })
    });
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .warm_up_time(Duration::from_secs(2))
        .measurement_time(Duration::from_secs(8));
    targets = cold, cold_process, reevaluate, summarize, batch_run
}
criterion_main!(benches);
