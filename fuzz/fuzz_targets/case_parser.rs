//! The case-file parser: any bytes either load as a case or are refused with one located
//! message. Cases that load are then assessed in every built-in system, and written back
//! as TOML, which must load to the same case.
#![no_main]

use libfuzzer_sys::fuzz_target;
use qualif::diagnostics::SourceText;
use qualif::facts::Case;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    // Invalid UTF-8 is refused by `io::read_text` before parsing; the parser itself sees
    // only text, so give it the lossy text.
    let text = String::from_utf8_lossy(data);
    let source = SourceText::new("case.toml", text.as_ref());
    let book = common::book();
    let today = common::today();
    match Case::parse(&source, &book.vocabulary, today) {
        Err(d) => common::check_located(&d, "case.toml", &text),
        Ok(case) => {
            // What loads can be assessed (the comparison and the renderers are left to the
            // tests: here they would slow the fuzzer a hundredfold).
            let assessment = qualif::engine::assess(&qualif::engine::plan::Plan::new(book), &case, &[], None, today);
            let json = qualif::report::assess_json::assessment(&assessment, &case, &book.vocabulary);
            let _ = serde_json::to_string(&json).expect("JSON serialises");
            // What the interview saves must read back to the same facts.
            let written = case.to_toml(&book.vocabulary);
            let again = Case::parse(&SourceText::new("saved.toml", written.as_str()), &book.vocabulary, today)
                .unwrap_or_else(|d| panic!("a saved case does not load: {d}\n{written}"));
            assert_eq!(again, case, "a saved case loads to other facts:\n{written}");
        }
    }
});
