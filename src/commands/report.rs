//! `qualif report CASE --format markdown|html|json [-o FILE] [--systems IDS] [--date D]
//! [--lang fr|en] [--redact]`.

use crate::analysis::{Request, Sentence, analyse};
use crate::cli::{ReportArgs, ReportFormat};
use crate::diagnostics::Result;
use crate::engine::plan::Plan;
use crate::io::{load_case, today, write_atomic};
use crate::report::document::{self, Options};
use crate::scale::Scales;

/// The format asked for, else the one the output file's extension names, else Markdown.
fn format(args: &ReportArgs) -> ReportFormat {
    if let Some(f) = args.format {
        return f;
    }
    let ext = args
        .output
        .as_ref()
        .and_then(|p| p.extension())
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match ext.as_deref() {
        Some("html" | "htm") => ReportFormat::Html,
        Some("json") => ReportFormat::Json,
        _ => ReportFormat::Markdown,
    }
}

pub fn run(plan: &Plan, scales: &Scales, args: &ReportArgs) -> Result<u8> {
    let book = plan.book();
    super::assess::check_systems(book, &args.systems, args.lang.code())?;
    let today = today();
    let case = load_case(&args.case, &book.vocabulary, today)?;
    // Once the case file is known to exist, before anything is written.
    if let Some(out) = &args.output {
        crate::io::refuse_same_file(out, "the output", &args.case, "the case file")?;
    }
    let opts = Options {
        lang: args.lang.code().to_string(),
        redact: args.redact,
        today,
    };
    let scales = (!scales.guidelines.is_empty()).then_some(scales);
    let request = Request {
        systems: &args.systems,
        law_date: args.date,
        sentence: Sentence::Imposed,
        ..Request::default()
    };
    let analysis = analyse(plan, scales, &case, &request, today);
    let doc = document::build(&analysis, &opts);
    let mut text = match format(args) {
        ReportFormat::Markdown => document::markdown(&doc),
        ReportFormat::Html => document::html(&doc),
        ReportFormat::Json => document::json(&doc),
    };
    if !text.ends_with('\n') {
        text.push('\n');
    }
    match &args.output {
        Some(path) => write_atomic(path, text.as_bytes())?,
        None => super::print(&text)?,
    }
    Ok(0)
}
