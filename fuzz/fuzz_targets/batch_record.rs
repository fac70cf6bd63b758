//! A line of a JSON Lines batch: any bytes are either read as a case or refused with a
//! rejection located inside the line, and whenever the fast one-pass reading gives a case,
//! it is the case the located reading (the one that reports problems) gives.
#![no_main]

use libfuzzer_sys::fuzz_target;
use qualif::batch::record::{case_from_json, json_record_read_both_ways};

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    // The batch reader refuses a line that is not UTF-8 before reading it as JSON.
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if text.contains('\n') {
        return;
    }
    let book = common::book();
    let today = common::today();
    if let Err(r) = case_from_json(text, 7, &book.vocabulary, today) {
        assert_eq!(r.line, 7, "the rejection names the record's line");
        let chars = text.chars().count() as u64;
        if let Some(c) = r.column {
            assert!(c >= 1 && c <= chars + 1, "column {c} of a {chars}-character line: {r:?}");
        }
        assert!(!r.message.trim().is_empty(), "an empty message");
    }
    if let Some((direct, located)) = json_record_read_both_ways(text, &book.vocabulary, today) {
        if let Some(case) = direct {
            assert_eq!(Ok(case), located, "the two readings differ on {text}");
        }
    }
});
