//! Sections 7 to 9 and the closing line: the verification warnings, the sources, what the
//! report is and is not.

use super::{Block, Target, numbered};
use crate::document::Document;
use crate::document::blocks::*;
use crate::document::text;

pub(super) fn warnings(out: &mut Vec<Block>, doc: &Document, l: &str) {
    let mut o = Vec::new();
    if doc.warnings.is_empty() {
        o.push(Block::para(spans![msg!(static l, "doc-closing-none")]));
    }
    let mut list = List::new(ListKind::Tight);
    for text in grouped(&doc.warnings, l) {
        list.push(spans![format!("⚠ {text}")]);
    }
    o.push(Block::List(list));
    out.push(numbered("warnings", l, Some(doc.warnings.len()), o));
}

/// The warnings, those about the same provision that follow one another on one line: its
/// id once, then each warning without it ("BE.417-11: a; b"). A warning whose text does
/// not start with its subject stays on its own line.
pub(super) fn grouped(warnings: &[crate::document::Warning], l: &str) -> Vec<String> {
    let separator = msg!(static l, "doc-summary-fact-separator");
    let mut lines: Vec<(Option<&str>, String)> = Vec::new();
    for w in warnings {
        let rest = w
            .text
            .strip_prefix(w.about.as_str())
            .and_then(|r| r.strip_prefix(": ").or_else(|| r.strip_prefix(" : ")));
        match (rest, lines.last_mut()) {
            (Some(rest), Some((Some(about), line))) if *about == w.about => {
                line.push_str(separator);
                line.push_str(rest);
            }
            (Some(_), _) => lines.push((Some(&w.about), w.text.clone())),
            (None, _) => lines.push((None, w.text.clone())),
        }
    }
    lines.into_iter().map(|(_, line)| line).collect()
}

pub(super) fn sources(out: &mut Vec<Block>, doc: &Document, l: &str, to: Target) {
    let html = to == Target::Html;
    let mut o = Vec::new();
    // The date most sources were last verified on is said once; another is given after
    // its source.
    let mut dates: Vec<(&Vec<chrono::NaiveDate>, usize)> = Vec::new();
    for s in &doc.sources {
        match dates.iter_mut().find(|(d, _)| *d == &s.last_verified) {
            Some((_, n)) => *n += 1,
            None => dates.push((&s.last_verified, 1)),
        }
    }
    let common = dates
        .iter()
        .max_by_key(|(_, n)| *n)
        .map(|(d, _)| *d)
        .filter(|d| !d.is_empty());
    let mut aside = Vec::new();
    if html {
        aside.push(msg!(static l, "doc-closing-the-addresses-are-given-as").to_string());
    }
    if let Some(d) = common {
        aside.push(format!(
            "{} {}{}",
            msg!(static l, "doc-closing-sources-last-verified-on"),
            d.iter()
                .map(|d| text::date(*d, l))
                .collect::<Vec<_>>()
                .join(", "),
            msg!(static l, "doc-closing-unless-another-date-follows-the")
        ));
    }
    if !aside.is_empty() {
        let aside = aside.join(" ");
        o.push(Block::Paragraph(Para::Aside, spans![aside]));
    }
    if doc.sources.is_empty() {
        o.push(Block::para(spans![text::none_feminine(l)]));
    }
    // Grouped by class, in the vocabulary's order (official texts first, press last), each
    // source keeping its number.
    let mut ranks: Vec<usize> = doc.sources.iter().map(|s| s.class_rank).collect();
    ranks.sort_unstable();
    ranks.dedup();
    for rank in ranks {
        let group: Vec<_> = doc
            .sources
            .iter()
            .filter(|s| s.class_rank == rank)
            .collect();
        let label = &group[0].class_label;
        let mut first = label.chars();
        let label = first
            .next()
            .map(|c| c.to_uppercase().chain(first).collect::<String>())
            .unwrap_or_default();
        o.push(Block::para(spans![format!("{label} ({})", group.len())]));
        o.push(Block::List(source_list(&group, common, l, html)));
    }
    out.push(numbered("sources", l, None, o));
}

fn source_list(
    sources: &[&crate::document::SourceEntry],
    common: Option<&Vec<chrono::NaiveDate>>,
    l: &str,
    html: bool,
) -> List {
    let mut list = List::new(ListKind::Sources);
    for s in sources {
        let about = (Some(&s.last_verified) != common)
            .then(|| format!(" — {}", text::last_verified(&s.last_verified, l)));
        list.items.push(Item {
            number: Some(s.n),
            ..Item::new(if html {
                let mut i = spans![Span::Url(s.url.clone())];
                if let Some(a) = about {
                    i.push(styled(Tone::Muted, spans![a]));
                }
                i
            } else {
                spans![Span::Url(s.url.clone()), about.unwrap_or_default()]
            })
        });
    }
    list
}

pub(super) fn about(out: &mut Vec<Block>, doc: &Document, l: &str) {
    let o = doc
        .statement
        .iter()
        .map(|p| Block::para(spans![p]))
        .collect();
    out.push(numbered("about", l, None, o));
}

/// The closing line: who produced the report, and when.
pub(super) fn colophon(doc: &Document, l: &str, to: Target) -> Block {
    let mut line = format!(
        "{} {} — {}",
        msg!(static l, "doc-closing-produced-by"),
        doc.generator,
        text::date(doc.header.produced_on, l)
    );
    if to == Target::Html && doc.redacted {
        line.push_str(&format!(
            " — {}",
            msg!(static l, "doc-closing-redacted-report")
        ));
    }
    Block::Colophon(spans![line])
}
