//! The report as Markdown (GitHub-flavoured tables), to paste into a submission or a note:
//! the blocks of the [layout](super::layout) in Markdown markup. No word is chosen here.
//! Markdown has no styles, no charts and no table of contents: styled text is written
//! plain, and charts and contents are left out.

use super::Document;
use super::blocks::{Block, Inline, Item, Para, Span, Table};
use super::layout::{self, Target};

pub fn render(doc: &Document) -> String {
    let mut o = String::with_capacity(128 * 1024);
    for b in &layout::page(doc, Target::Markdown).blocks {
        block(&mut o, b, &doc.lang);
    }
    o
}

/// Text safe in Markdown: no raw HTML, no line break or pipe that would break a table.
fn md(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('|', "\\|")
        .replace("\r\n", " ")
        .replace(['\n', '\r'], " ")
}

fn block(o: &mut String, b: &Block, lang: &str) {
    match b {
        Block::Part(_, blocks) => {
            for b in blocks {
                block(o, b, lang);
            }
        }
        Block::Heading { level, text, .. } => {
            for _ in 0..*level {
                o.push('#');
            }
            o.push(' ');
            inline(o, text);
            o.push_str("\n\n");
        }
        Block::Paragraph(Para::Banner | Para::Warning, text) => {
            o.push_str("> ");
            inline(o, text);
            o.push_str("\n\n");
        }
        Block::Paragraph(_, text) => {
            inline(o, text);
            o.push_str("\n\n");
        }
        Block::Quote(lines) => {
            for (i, line) in lines.iter().enumerate() {
                if i > 0 {
                    o.push('\n');
                }
                o.push_str("> ");
                inline(o, line);
            }
            o.push_str("\n\n");
        }
        Block::List(list) => items(o, &list.items),
        Block::Fields(fields) => {
            let list: Vec<Item> = fields
                .iter()
                .map(|f| {
                    let mut text = f.label.clone();
                    if !f.value.is_empty() {
                        text.push(crate::catalog::label_separator(lang).into());
                        text.extend(f.value.iter().cloned());
                    }
                    Item {
                        sub: f.list.clone(),
                        ..Item::new(text)
                    }
                })
                .collect();
            items(o, &list);
        }
        Block::Table(t) => table(o, t),
        Block::Figure { .. } | Block::Contents { .. } => {}
        Block::Colophon(text) => {
            o.push_str("---\n");
            inline(o, text);
            o.push('\n');
        }
    }
}

fn items(o: &mut String, items: &[Item]) {
    for item in items {
        match item.number {
            Some(n) => o.push_str(&format!("{n}. ")),
            None => o.push_str("- "),
        }
        inline(o, &item.text);
        o.push('\n');
        for sub in &item.sub {
            o.push_str("  - ");
            inline(o, sub);
            o.push('\n');
        }
    }
    // A list ends with an empty line, even a list of no item.
    o.push('\n');
}

fn table(o: &mut String, t: &Table) {
    if let Some(caption) = &t.caption {
        inline(o, caption);
        o.push_str("\n\n");
    }
    let columns = t
        .head
        .as_ref()
        .map(Vec::len)
        .or_else(|| t.rows.first().map(Vec::len))
        .unwrap_or(0);
    match &t.head {
        Some(head) => {
            let head: Vec<&Inline> = head.iter().map(|c| &c.text).collect();
            row(o, &head);
        }
        // Markdown has no table without a header row: an empty one.
        None => {
            o.push('|');
            o.push_str(&" |".repeat(columns));
            o.push('\n');
        }
    }
    o.push('|');
    o.push_str(&"---|".repeat(columns));
    o.push('\n');
    for r in &t.rows {
        let cells: Vec<&Inline> = r.iter().map(|c| &c.text).collect();
        row(o, &cells);
    }
    o.push('\n');
}

fn row(o: &mut String, cells: &[&Inline]) {
    o.push('|');
    for c in cells {
        o.push(' ');
        inline(o, c);
        o.push_str(" |");
    }
    o.push('\n');
}

fn inline(o: &mut String, spans: &[Span]) {
    for s in spans {
        match s {
            Span::Text(t) | Span::Lines(t) => o.push_str(&md(t)),
            Span::Badge(_, t) => o.push_str(&md(t)),
            Span::Code(c) => {
                o.push('`');
                o.push_str(c);
                o.push('`');
            }
            Span::Strong(i) | Span::Alarm(i) => {
                o.push_str("**");
                inline(o, i);
                o.push_str("**");
            }
            Span::Emphasis(i) | Span::Original(i) => {
                o.push('*');
                inline(o, i);
                o.push('*');
            }
            Span::Styled(_, i) => inline(o, i),
            Span::Break => o.push_str("<br>"),
            Span::Refs(ns) => {
                let refs: Vec<String> = ns.iter().map(|n| format!("[{n}]")).collect();
                o.push_str(&refs.join(" "));
            }
            Span::Url(u) => {
                o.push('<');
                o.push_str(&u.replace(' ', "%20").replace('>', "%3E"));
                o.push('>');
            }
        }
    }
}
