//! `qualif explore CASE --vary FACT=RANGE`.

use crate::cli::{ExploreArgs, ExploreFormat};
use crate::diagnostics::{Error, Result};
use crate::engine::plan::Plan;
use crate::explore::{explore, spec};
use crate::io::{load_case, today};
use crate::report::explore_text;

pub fn run(plan: &Plan, args: &ExploreArgs) -> Result<u8> {
    let book = plan.book();
    let lang = args.lang.code();
    super::assess::check_systems(book, &args.systems, lang)?;
    let spec = spec::parse(&args.vary, &book.vocabulary)
        .map_err(|e| Error::Usage(explore_text::spec_error(&e, lang)))?;
    let today = today();
    let case = load_case(&args.case, &book.vocabulary, today)?;
    let ladder = explore(plan, &case, &spec, &args.systems, today);
    let text = match args.format {
        ExploreFormat::Table => explore_text::table(&ladder, &book.vocabulary, lang),
        ExploreFormat::Json => {
            serde_json::to_string_pretty(&explore_text::json(&ladder, &book.vocabulary, lang))
                .expect("JSON values serialise")
        }
        // A file of its own names its namespace (inline in the HTML report it needs none).
        ExploreFormat::Svg => crate::report::document::ladder_chart(
            &ladder,
            &book.vocabulary,
            lang,
        )
        .replacen("<svg ", r#"<svg xmlns="http://www.w3.org/2000/svg" "#, 1),
    };
    super::print(&text)?;
    Ok(0)
}
