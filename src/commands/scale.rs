//! `qualif scale CASE [--sentence TERM]`.

use crate::analysis::{Request, Sentence, analyse};
use crate::cli::{Format, ScaleArgs};
use crate::diagnostics::{Error, Result};
use crate::engine::plan::Plan;
use crate::io::{load_case, today};
use crate::report::scale_text;
use crate::scale::Scales;

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
    let request = Request {
        sentence: args.sentence.map_or(Sentence::None, Sentence::Proposed),
        ..Request::default()
    };
    let analysis = analyse(plan, Some(scales), &case, &request, today);
    let (official, extensions) = (&analysis.scale, &analysis.scale_extensions);
    let placement = analysis.placement();
    let lang = args.printed.lang.code();
    let text = match args.printed.format {
        Format::Json => serde_json::to_string_pretty(&scale_text::json(
            official.as_ref(),
            extensions,
            &analysis.scales_not_covering,
            placement.as_ref(),
        ))
        .expect("JSON values serialise"),
        Format::Table | Format::Markdown => scale_text::table(
            official.as_ref(),
            extensions,
            &analysis.scales_not_covering,
            analysis.nothing_retained,
            placement.as_ref(),
            lang,
            args.printed.columns(),
        ),
    };
    super::print(&text)?;
    Ok(0)
}
