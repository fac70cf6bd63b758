//! `qualif scale CASE [--sentence TERM]`.

use crate::cli::{Format, ScaleArgs};
use crate::diagnostics::{Error, Result};
use crate::engine;
use crate::engine::plan::Plan;
use crate::io::{load_case, today};
use crate::report::scale_text;
use crate::scale::{self, Scales};

pub fn run(plan: &Plan, scales: &Scales, args: &ScaleArgs) -> Result<u8> {
    let book = plan.book();
    if scales.official().is_none() {
        return Err(Error::Usage(msg!(
            args.printed.lang,
            "command-no-official-guideline"
        )));
    }
    let today = today();
    let case = load_case(&args.case, &book.vocabulary, today)?;
    let (official, extensions) = scale::evaluate_all(scales, &case);
    let placement = args.sentence.map(|months| {
        let assessment = engine::assess(plan, &case, &[], None, today);
        scale::place(months, official.as_ref(), &extensions, &assessment, scales)
    });
    let lang = args.printed.lang.code();
    let text = match args.printed.format {
        Format::Json => serde_json::to_string_pretty(&scale_text::json(
            official.as_ref(),
            &extensions,
            placement.as_ref(),
        ))
        .expect("JSON values serialise"),
        Format::Table | Format::Markdown => {
            scale_text::table(official.as_ref(), &extensions, placement.as_ref(), lang)
        }
    };
    super::print(&text)?;
    Ok(0)
}
