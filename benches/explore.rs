//! The threshold explorer: a ladder of ten values (`victim.age=8..17`) over every system,
//! on the compiled plan, one fact changed per value (and the points found from the law).
//!
//! `cargo bench --bench explore`

use std::hint::black_box;
use std::path::Path;

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use qualif::engine::plan::Plan;
use qualif::explore::{explore, spec};
use qualif::law::LawBook;

/// The allocator of the `qualif` binary (src/main.rs), so that the figures are its own.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 7).unwrap()
}

fn bench(c: &mut Criterion) {
    let book: &'static LawBook = Box::leak(Box::new(LawBook::builtin().unwrap()));
    let plan = Plan::new(book);
    let case = qualif::io::load_case(
        Path::new("tests/explore/fr-rape-under-15.toml"),
        &book.vocabulary,
        today(),
    )
    .unwrap();
    let ages = spec::parse("victim.age=8..17", &book.vocabulary).unwrap();
    c.bench_function("ladder_10_ages_every_system", |b| {
        b.iter(|| black_box(explore(&plan, black_box(&case), &ages, &[], today())))
    });
    let dates = spec::parse(
        "case.date_of_facts=2019-01-01..2026-12-31",
        &book.vocabulary,
    )
    .unwrap();
    c.bench_function("ladder_dates_2019_2026_every_system", |b| {
        b.iter(|| black_box(explore(&plan, black_box(&case), &dates, &[], today())))
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30);
    targets = bench
}
criterion_main!(benches);
