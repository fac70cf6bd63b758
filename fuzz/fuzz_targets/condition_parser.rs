//! The condition language of the data files: any text either parses (and then evaluates on
//! every scenario without panicking, to one of three values) or is refused with an offset
//! inside the text.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use qualif::diagnostics::SourceText;
use qualif::engine::Status;
use qualif::engine::condition::{Context, Expr, Operand};
use qualif::facts::{Case, Value};

#[path = "common.rs"]
mod common;

const SCENARIOS: &[&str] = &[
    include_str!("../../tests/scenarios/01-sextortion-snapchat-14.toml"),
    include_str!("../../tests/scenarios/05-luring-montreal.toml"),
    include_str!("../../tests/scenarios/07-livestream-philippines.toml"),
    include_str!("../../tests/scenarios/10-peer-sexting.toml"),
];

fn cases() -> &'static [Case] {
    static CASES: OnceLock<Vec<Case>> = OnceLock::new();
    CASES.get_or_init(|| {
        let book = common::book();
        let mut out = vec![Case::new()];
        for s in SCENARIOS {
            let src = SourceText::new("s.toml", *s);
            out.push(Case::parse(&src, &book.vocabulary, common::today()).expect("scenario loads"));
        }
        out
    })
}

struct Ctx<'a> {
    case: &'a Case,
    params: &'a std::collections::BTreeMap<String, Value>,
    status: Option<Status>,
}

impl Context for Ctx<'_> {
    fn value(&self, operand: &Operand) -> Option<&Value> {
        match operand {
            Operand::Fact(k) => self.case.get(k),
            Operand::Parameter(k) => self.params.get(k),
        }
    }
    fn status(&self, _provision: &str) -> Option<Status> {
        self.status
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let book = common::book();
    match Expr::parse(text, &book.vocabulary) {
        Err(e) => {
            assert!(e.offset <= text.len(), "offset {} past the end ({})", e.offset, text.len());
            assert!(!e.message.is_empty());
        }
        Ok(expr) => {
            let _ = expr.operands();
            let _ = expr.provisions();
            let params = &book.systems[0].parameters;
            for case in cases() {
                for status in [None, Some(Status::Applies), Some(Status::Possible), Some(Status::Excluded)] {
                    let _ = expr.eval(&Ctx { case, params, status });
                }
            }
        }
    }
});
