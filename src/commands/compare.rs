//! `qualif compare CASE`.

use crate::analysis::{Request, analyse};
use crate::cli::{CompareArgs, Format};
use crate::diagnostics::Result;
use crate::engine::plan::Plan;
use crate::io::{load_case, today};
use crate::report::compare_text;

pub fn run(plan: &Plan, args: &CompareArgs) -> Result<u8> {
    let book = plan.book();
    super::assess::check_systems(book, &args.input.systems, args.printed.lang.code())?;
    let today = today();
    let case = load_case(&args.input.case, &book.vocabulary, today)?;
    let request = Request {
        systems: &args.input.systems,
        law_date: args.input.date,
        ..Request::default()
    };
    let analysis = analyse(plan, None, &case, &request, today);
    let assessment = &analysis.assessment;
    let comparison = analysis.comparison();
    let lang = args.printed.lang.code();
    let text = match args.printed.format {
        Format::Json => serde_json::to_string_pretty(&compare_text::json(
            book,
            assessment,
            &analysis.concurrence,
            &comparison,
        ))
        .expect("JSON values serialise"),
        Format::Table => compare_text::table(
            book,
            assessment,
            &analysis.concurrence,
            &comparison,
            lang,
            compare_text::Fit {
                width: args.printed.columns(),
                wide: args.wide,
            },
        ),
        Format::Markdown => {
            compare_text::markdown(book, assessment, &analysis.concurrence, &comparison, lang)
        }
    };
    super::print(&text)?;
    Ok(0)
}
