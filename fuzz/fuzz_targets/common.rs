//! Shared by the fuzz targets: the built-in data, loaded once, and a fixed date.

#![allow(dead_code)]

use std::sync::OnceLock;

use chrono::NaiveDate;
use qualif::law::LawBook;

/// The law book built into the binary.
pub fn book() -> &'static LawBook {
    static BOOK: OnceLock<LawBook> = OnceLock::new();
    BOOK.get_or_init(|| LawBook::builtin().expect("the built-in data loads"))
}

/// A fixed "today", so that runs are reproducible.
pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).expect("a real date")
}

/// Every located message must point inside the text it is about.
pub fn check_located(d: &qualif::Diagnostic, name: &str, text: &str) {
    assert_eq!(d.file, name, "the message names the file");
    let lines = text.split('\n').count().max(1);
    assert!(d.line >= 1 && d.line <= lines, "line {} of {lines}: {d}", d.line);
    assert!(d.column >= 1, "column {}: {d}", d.column);
    assert!(!d.message.trim().is_empty(), "an empty message");
    assert!(
        d.message.len() <= 4 * text.len() + 4096,
        "a message far larger than the file: {} bytes",
        d.message.len()
    );
}
