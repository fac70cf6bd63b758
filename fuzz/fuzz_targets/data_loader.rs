//! The data-file loader: a vocabulary and one system file. The input is the system file,
//! loaded with the built-in vocabulary; or, when it contains a line `#@@ system`, the
//! vocabulary (before that line) and the system file (after it). Either it compiles, or
//! every problem is located in its file; a book that compiles is used to assess the
//! scenario cases.
#![no_main]

use libfuzzer_sys::fuzz_target;
use qualif::diagnostics::SourceText;
use qualif::facts::Case;
use qualif::law::LawBook;

#[path = "common.rs"]
mod common;

const SPLIT: &str = "\n#@@ system\n";
const VOCABULARY: &str = include_str!("../../jurisdictions/vocabulary.toml");
const CASE: &str = include_str!("../../tests/scenarios/07-livestream-philippines.toml");

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let (vocab, system) = match text.split_once(SPLIT) {
        Some((v, s)) => (v, s),
        None => (VOCABULARY, text.as_ref()),
    };
    let files = vec![
        SourceText::new("data/vocabulary.toml", vocab),
        SourceText::new("data/xx.toml", system),
    ];
    match LawBook::from_sources(files) {
        Err(problems) => {
            assert!(!problems.is_empty(), "refused without a message");
            for d in &problems {
                let body = if d.file.ends_with("vocabulary.toml") { vocab } else { system };
                common::check_located(d, &d.file.clone(), body);
            }
        }
        Ok(book) => {
            let today = common::today();
            let src = SourceText::new("case.toml", CASE);
            if let Ok(case) = Case::parse(&src, &book.vocabulary, today) {
                for date in ["1990-01-01", "2013-03-01", "2026-11-22"] {
                    let d = chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").unwrap();
                    let plan = qualif::engine::plan::Plan::new(&book);
                    let a = qualif::engine::assess(&plan, &case, &[], Some(d), today);
                    let _ = qualif::report::assess_json::assessment(&a, &case, &book.vocabulary);
                    let _ = qualif::compare::compare(&plan, &a, &case, today);
                }
            }
        }
    }
});
