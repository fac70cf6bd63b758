//! `qualif assess CASE`.

use crate::analysis::{Request, analyse};
use crate::cli::{AssessArgs, Format};
use crate::diagnostics::{Error, Result};
use crate::engine::plan::Plan;
use crate::io::{load_case, today};
use crate::law::LawBook;
use crate::report::{assess_json, assess_text};

/// Refuses a `--systems` list that names a system the data does not have.
pub fn check_systems(book: &LawBook, systems: &[String], lang: &str) -> Result<()> {
    let known: Vec<&str> = book.systems.iter().map(|s| s.id.as_str()).collect();
    for s in systems {
        if !known.contains(&s.as_str()) {
            return Err(Error::Usage(msg!(
                lang,
                "command-unknown-system-in-systems",
                system = s,
                accepted = known.join(", ")
            )));
        }
    }
    Ok(())
}

pub fn run(plan: &Plan, args: &AssessArgs) -> Result<u8> {
    let book = plan.book();
    check_systems(book, &args.input.systems, args.printed.lang.code())?;
    let today = today();
    let case = load_case(&args.input.case, &book.vocabulary, today)?;
    let request = Request {
        systems: &args.input.systems,
        law_date: args.input.date,
        ..Request::default()
    };
    let analysis = analyse(plan, None, &case, &request, today);
    let assessment = &analysis.assessment;
    let lang = args.printed.lang.code();
    let text = match args.printed.format {
        Format::Json => serde_json::to_string_pretty(&assess_json::assessment(
            assessment,
            &analysis.concurrence,
            analysis.period.as_ref(),
            &case,
            &book.vocabulary,
        ))
        .expect("JSON values serialise"),
        Format::Table => assess_text::table(
            assessment,
            &book.vocabulary,
            &analysis.concurrence,
            analysis.period.as_ref(),
            lang,
            args.all,
            args.printed.columns(),
        ),
        Format::Markdown => assess_text::markdown(
            assessment,
            &book.vocabulary,
            &analysis.concurrence,
            analysis.period.as_ref(),
            lang,
            args.all,
        ),
    };
    super::print(&text)?;
    Ok(0)
}
