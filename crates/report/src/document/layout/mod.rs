//! The layout: the document model as [blocks](super::blocks), in the report's language.
//! Every heading, sentence, label and table cell of the written report is decided here,
//! once; the renderers only map the blocks to markup.
//!
//! The Markdown and the HTML report say the same things, but not always in the same words
//! or order: the HTML has a table of contents, charts and explanations in small print, and
//! sets some facts in tables where the Markdown lists them. Where they differ, the layout
//! branches on the [`Target`], in one place.
//!
//! By section of the report: the header (here), [`facts`] (1), [`systems`] and
//! [`qualification`] (2), [`international`] (3), [`comparison`] (4), [`scales`] (5),
//! [`limitation`] (6), and [`closing`] (7 to 9 and the closing line).

mod annexes;
mod closing;
mod comparison;
mod facts;
mod international;
mod ladder;
mod limitation;
mod qualification;
mod scales;
mod summary;
mod systems;

use super::Document;
use super::blocks::*;
use super::text;
use qualif_engine::Status;

/// The markup the blocks are laid out for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Markdown,
    Html,
}

/// The report as blocks, with what the page around them needs.
pub struct Page {
    /// The page's title (the HTML `<title>`).
    pub title: String,
    pub blocks: Vec<Block>,
}

/// The report as blocks for `to`, in order.
pub fn page(doc: &Document, to: Target) -> Page {
    let l = doc.lang.as_str();
    let html = to == Target::Html;
    let mut main = Vec::new();
    summary::section(&mut main, doc, l, to);
    facts::section(&mut main, doc, l, to);
    systems::section(&mut main, doc, l, to);
    international::section(&mut main, doc, l, to);
    comparison::section(&mut main, doc, l, to);
    ladder::section(&mut main, doc, l, to);
    scales::section(&mut main, doc, l, to);
    limitation::section(&mut main, doc, l, to);
    closing::about(&mut main, doc, l);
    annexes::elements(&mut main, doc, l, to);
    facts::unknown_annex(&mut main, doc, l, to);
    closing::warnings(&mut main, doc, l);
    closing::sources(&mut main, doc, l, to);
    let mut blocks = vec![header(doc, l, to)];
    if html {
        blocks.push(Block::Contents {
            title: msg!(static l, "doc-contents").to_string(),
            entries: sections(l)
                .iter()
                .map(|(id, _, title)| (*id, title.to_string()))
                .collect(),
        });
    }
    blocks.push(Block::Part(Part::Main, main));
    blocks.push(closing::colophon(doc, l, to));
    Page {
        title: page_title(doc, l),
        blocks,
    }
}

fn page_title(doc: &Document, l: &str) -> String {
    match (&doc.header.title, doc.redacted) {
        (Some(title), _) => format!("{title} — qualif"),
        (None, true) => msg!(static l, "doc-redacted-report-qualif").into(),
        (None, false) => msg!(static l, "doc-qualification-report-qualif").into(),
    }
}

/// The sections of the report, in order: their anchors, their numbers (a letter for an
/// annex) and their titles.
fn sections(l: &str) -> [(&'static str, &'static str, &'static str); 12] {
    [
        ("summary", "1", msg!(static l, "doc-summary")),
        ("facts", "2", msg!(static l, "doc-the-facts")),
        (
            "qualifications",
            "3",
            msg!(static l, "doc-qualifications-by-legal-system"),
        ),
        (
            "international",
            "4",
            msg!(static l, "doc-international-obligations-engaged"),
        ),
        (
            "comparison",
            "5",
            msg!(static l, "doc-comparison-across-systems"),
        ),
        ("scale", "6", msg!(static l, "doc-sentencing-scale")),
        (
            "limitation",
            "7",
            msg!(static l, "doc-limitation-and-jurisdiction"),
        ),
        ("about", "8", msg!(static l, "doc-what-this-report-is-and")),
        (
            "elements",
            "A",
            msg!(static l, "doc-elements-of-each-provision"),
        ),
        (
            "unknown",
            "B",
            msg!(static l, "doc-facts-still-unknown-that-matter"),
        ),
        ("warnings", "C", msg!(static l, "doc-verification-warnings")),
        ("sources", "D", text::sources_label(l)),
    ]
}

/// The section `id`: its heading, numbered (an annex by its letter), with `count` after it
/// when given, then `body`. No section forces a new page in print: each follows the one
/// before it, so that no page is left half empty.
fn numbered(id: &str, l: &str, count: Option<usize>, mut body: Vec<Block>) -> Block {
    let all = sections(l);
    let (id, n, title) = all
        .iter()
        .find(|s| s.0 == id)
        .copied()
        .expect("a section of the report");
    let n = if n.as_bytes()[0].is_ascii_digit() {
        format!("{n}.")
    } else {
        format!("{} {n} —", msg!(static l, "doc-annex"))
    };
    let text = match count {
        Some(c) => format!("{n} {title} ({c})"),
        None => format!("{n} {title}"),
    };
    body.insert(0, Block::heading(2, spans![text]));
    Block::Part(Part::Section { id }, body)
}

/// The symbol of a status, before its name.
fn mark(status: Status) -> &'static str {
    match status {
        Status::Applies => "✓",
        Status::Possible => "?",
        Status::Excluded => "✗",
    }
}

/// A status in a badge: its symbol and `text` in capitals.
fn badge(status: Status, text: &str) -> Span {
    Span::Badge(
        status.into(),
        format!("{} {}", mark(status), text.to_uppercase()),
    )
}

/// A verification in words, marked by its level: ✓ in the official text, ◐ secondary
/// sources only, ⚠ unverified (for the HTML).
fn verification(code: Option<&str>, text: &str) -> Span {
    match code {
        Some("verified-primary") => Span::Text(format!("✓ {text}")),
        Some("verified-secondary") => styled(Tone::Warn, spans![format!("◐ {text}")]),
        _ => styled(Tone::Warn, spans![strong(spans![format!("⚠ {text}")])]),
    }
}

/// A field whose label is a warning: "⚠ label" (in the warning colour in the HTML).
fn warning(label: &str, value: Inline) -> Field {
    Field {
        warn: true,
        ..Field::new(format!("⚠ {label}"), value)
    }
}

/// A row of cells, the first its header cell.
fn row(cells: impl IntoIterator<Item = Inline>) -> Vec<Cell> {
    cells
        .into_iter()
        .enumerate()
        .map(|(i, c)| if i == 0 { Cell::head(c) } else { c.into() })
        .collect()
}

fn header(doc: &Document, l: &str, to: Target) -> Block {
    let html = to == Target::Html;
    let h = &doc.header;
    let mut o = Vec::new();
    if html {
        o.push(Block::Paragraph(
            Para::Kicker,
            spans![format!("qualif — {}", msg!(static l, "doc-written-report"))],
        ));
    }
    o.push(Block::heading(
        1,
        spans![msg!(static l, "doc-report-on-the-qualification-of")],
    ));
    if doc.redacted {
        let banner = msg!(static l, "doc-redacted-report-the-case-title");
        let removed = (!h.redacted_fields.is_empty()).then(|| {
            crate::catalog::labelled(
                l,
                msg!(static l, "doc-removed"),
                &h.redacted_fields.join(", "),
            )
        });
        if html {
            let mut p = spans![format!("⚠ {banner}")];
            if let Some(r) = removed {
                p.extend(spans![Span::Break, styled(Tone::Small, spans![r])]);
            }
            o.push(Block::Paragraph(Para::Banner, p));
        } else {
            o.push(Block::Paragraph(
                Para::Banner,
                spans![strong(spans![banner])],
            ));
            if let Some(r) = removed {
                o.push(Block::Paragraph(Para::Banner, spans![r]));
            }
        }
    }
    if let Some(title) = &h.title {
        o.push(if html {
            Block::Paragraph(Para::CaseTitle, spans![strong(spans![title])])
        } else {
            Block::para(spans![
                strong(spans![msg!(static l, "doc-case")]),
                crate::catalog::label_separator(l),
                title
            ])
        });
    }
    let date = |d| text::date(d, l);
    o.push(Block::Table(Table {
        kind: TableKind::Meta,
        rows: vec![
            row([
                spans![msg!(static l, "doc-date-of-the-facts")],
                spans![
                    h.date_of_facts
                        .map(date)
                        .unwrap_or_else(|| text::not_stated(l).into())
                ],
            ]),
            row([
                spans![crate::words::law_applied(l)],
                spans![date(h.law_date)],
            ]),
            row([
                spans![msg!(static l, "doc-limitation-assessed-on")],
                spans![date(h.date_of_assessment)],
            ]),
            row([
                spans![msg!(static l, "doc-report-produced-on")],
                spans![date(h.produced_on)],
            ]),
        ],
        ..Table::default()
    }));
    for w in &h.warnings {
        o.push(Block::Paragraph(Para::Banner, spans![format!("⚠ {w}")]));
    }
    if let Some(notes) = &h.notes {
        let label = msg!(static l, "doc-notes");
        if html {
            o.push(Block::Paragraph(
                Para::CaseNotes,
                spans![
                    strong(spans![label]),
                    Span::Break,
                    Span::Lines(notes.clone())
                ],
            ));
        } else {
            o.push(Block::para(spans![strong(spans![label]), ":"]));
            o.push(Block::Quote(notes.lines().map(|n| spans![n]).collect()));
        }
    }
    o.push(if html {
        Block::Paragraph(
            Para::Disclaimer,
            spans![
                strong(spans![
                    msg!(static l, "doc-decision-support-not-legal-advice")
                ]),
                " ",
                msg!(static l, "doc-check-every-qualification-against-the")
            ],
        )
    } else {
        Block::para(spans![emphasis(spans![
            msg!(static l, "doc-decision-support-see-section")
        ])])
    });
    Block::Part(Part::Header, o)
}
