//! The report as one self-contained HTML5 file: the blocks of the [layout](super::layout)
//! in HTML, written with maud (every text and attribute value escaped by construction),
//! with inline CSS (screen and A4 print, `style.css`) and inline SVG charts ([`svg`]); no
//! script and no external reference of any kind (source addresses are shown as text, never
//! as links). Status is always written in words and symbols, never shown by colour alone.
//! No word is chosen here.

mod svg;

pub use svg::ladder as ladder_chart;

use maud::{DOCTYPE, Markup, PreEscaped, Render, html};

use super::Document;
use super::blocks::*;
use super::layout::{self, Target};
use qualif_engine::Status;

const CSS: &str = include_str!("style.css");

/// The style sheet, its printed footer in the report's language (a CSS string: quotes and
/// backslashes escaped).
fn css(lang: &str) -> String {
    let footer = msg!(static lang, "disclaimer-short")
        .trim_end_matches('.')
        .replace('\\', "\\\\")
        .replace('"', "\\\"");
    CSS.replace("FOOTER_DISCLAIMER", &footer)
}

pub fn render(doc: &Document) -> String {
    let page = layout::page(doc, Target::Html);
    let lang = doc.lang.as_str();
    let css = css(lang);
    let markup = html! {
        (DOCTYPE) "\n"
        html lang=(lang) {
            "\n"
            head {
                "\n"
                meta charset="utf-8"; "\n"
                meta name="viewport" content="width=device-width, initial-scale=1"; "\n"
                meta name="generator" content=(Text(&doc.generator)); "\n"
                title { (Text(&page.title)) } "\n"
                style { "\n" (PreEscaped(css)) } "\n"
            }
            "\n"
            body { "\n" (blocks(&page.blocks, lang, true)) }
            "\n"
        }
        "\n"
    };
    markup.into_string()
}

/// Text escaped for HTML (by maud). HTML allows no control character but the tab and the
/// line break: any other is written as U+FFFD.
fn escape(s: &str, buffer: &mut String) {
    let mut rest = s;
    while let Some((i, c)) = rest
        .char_indices()
        .find(|(_, c)| c.is_control() && *c != '\n' && *c != '\t')
    {
        rest[..i].render_to(buffer);
        buffer.push('\u{fffd}');
        rest = &rest[i + c.len_utf8()..];
    }
    rest.render_to(buffer);
}

/// `s` escaped by [`escape`], for the charts, written by hand.
fn escaped(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    escape(s, &mut out);
    out
}

/// Text, escaped by [`escape`].
struct Text<'a>(&'a str);

impl Render for Text<'_> {
    fn render_to(&self, buffer: &mut String) {
        escape(self.0, buffer);
    }
}

/// Blocks one after the other, each followed by a line break when `lines`.
fn blocks(bs: &[Block], lang: &str, lines: bool) -> Markup {
    html! {
        @for b in bs {
            (block(b, lang))
            @if lines { "\n" }
        }
    }
}

fn block(b: &Block, lang: &str) -> Markup {
    match b {
        Block::Part(part, bs) => self::part(part, bs, lang),
        Block::Heading {
            level,
            anchor,
            text,
        } => {
            let id = anchor.as_ref().map(anchor_id);
            let text = inline(text);
            html! {
                @match level {
                    1 => h1 id=[id] { (text) },
                    2 => h2 id=[id] { (text) },
                    3 => h3 id=[id] { (text) },
                    4 => h4 id=[id] { (text) },
                    5 => h5 id=[id] { (text) },
                    _ => h6 id=[id] { (text) },
                }
            }
        }
        Block::Paragraph(kind, text) => {
            let text = inline(text);
            html! {
                @match kind {
                    Para::Plain => p { (text) },
                    Para::Kicker => p.kicker { (text) },
                    Para::CaseTitle => p."case-title" { (text) },
                    Para::Banner => p.banner role="note" { (text) },
                    Para::Warning => p.warn { (text) },
                    Para::Aside => p.small.muted { (text) },
                    Para::Disclaimer => p.disclaimer { (text) },
                    Para::CaseNotes => div.disclaimer { (text) },
                }
            }
        }
        Block::Quote(lines) => html! {
            blockquote {
                @for (i, line) in lines.iter().enumerate() {
                    @if i > 0 { br; }
                    (inline(line))
                }
            }
        },
        Block::List(l) => list(l),
        Block::Fields(fields) => html! {
            dl.kv {
                @for f in fields {
                    dt class=[f.warn.then_some("warn")] { (inline(&f.label)) }
                    dd {
                        (inline(&f.value))
                        @if !f.list.is_empty() {
                            ul.tight { @for item in &f.list { li { (inline(item)) } } }
                        }
                    }
                }
            }
        },
        Block::Table(t) => table(t),
        Block::Figure { chart, caption } => {
            let drawing = match chart {
                Chart::Penalties(bars) => svg::penalties(bars, lang),
                Chart::Scale(c, p) => svg::scale(c, p.as_deref(), lang),
                Chart::Ladder(drawing) => drawing.clone(),
            };
            html! {
                figure {
                    "\n" (PreEscaped(drawing)) "\n"
                    figcaption { (Text(caption)) } "\n"
                }
            }
        }
        Block::Contents { title, entries } => html! {
            nav.toc aria-label=(Text(title)) {
                "\n" h2 { (Text(title)) } "\n"
                ol {
                    @for (id, name) in entries {
                        li { a href={ "#" (id) } { (Text(name)) } }
                    }
                }
                "\n"
            }
        },
        Block::Colophon(text) => html! { footer { p { (inline(text)) } } },
    }
}

/// A part: its blocks one a line, but warnings and notes in small print written compactly.
fn part(part: &Part, bs: &[Block], lang: &str) -> Markup {
    let body = blocks(bs, lang, !matches!(part, Part::Notes));
    html! {
        @match part {
            Part::Header => header { "\n" (body) },
            Part::Main => main { "\n" (body) },
            Part::Section { id } => section id=(id) { "\n" (body) },
            Part::System(a) => section.system id=(anchor_id(a)) { "\n" (body) },
            Part::Qualification(status, a) => {
                article class={ "qual " (status_class(*status)) } id=(anchor_id(a)) {
                    "\n" (body)
                }
            }
            Part::QualificationHead => div."qual-head" { "\n" (body) },
            Part::Notes => div.notes { (body) },
        }
    }
}

fn list(l: &List) -> Markup {
    if l.items.is_empty() {
        return html! {};
    }
    let items = html! {
        @for item in &l.items {
            @let id = (l.kind == ListKind::Sources).then_some(item.number).flatten();
            li id=[id.map(|n| format!("src-{n}"))] value=[id] class=[item.warn.then_some("warn")] {
                (inline(&item.text))
                @if !item.sub.is_empty() {
                    ul { @for sub in &item.sub { li { (inline(sub)) } } }
                }
            }
            @if l.kind != ListKind::Plain { "\n" }
        }
    };
    // A plain list (in small print) on one line; the others an item a line.
    html! {
        @match l.kind {
            ListKind::Plain => ul { (items) },
            ListKind::Tight => ul.tight { "\n" (items) },
            ListKind::Sources => ol.sources { "\n" (items) },
        }
    }
}

/// A table, a row a line (the elements of an offence, short, on one line).
fn table(t: &Table) -> Markup {
    let lines = t.kind != TableKind::Elements;
    let kind = match t.kind {
        TableKind::Plain => None,
        TableKind::Meta => Some("meta"),
        TableKind::Matrix => Some("matrix"),
        TableKind::Elements => Some("elements"),
    };
    html! {
        table class=[kind] {
            "\n"
            @if let Some(c) = &t.caption {
                caption.small style="text-align:left;caption-side:top" { (inline(c)) } "\n"
            }
            @if let Some(head) = &t.head {
                thead {
                    tr {
                        @for c in head {
                            th scope="col" style=[c.width.map(|w| format!("width:{w}"))] {
                                (inline(&c.text))
                            }
                        }
                    }
                }
                "\n"
            }
            tbody {
                @if lines { "\n" }
                @for row in &t.rows {
                    tr {
                        @for c in row {
                            @let class = c.tone.map(cell_class);
                            @if c.header {
                                th scope="row" class=[class] { (inline(&c.text)) }
                            } @else {
                                td class=[class] { (inline(&c.text)) }
                            }
                        }
                    }
                    @if lines { "\n" }
                }
            }
            "\n"
        }
    }
}

fn inline(spans: &[Span]) -> Markup {
    html! { @for s in spans { (span(s)) } }
}

fn span(s: &Span) -> Markup {
    html! {
        @match s {
            Span::Text(t) => (Text(t)),
            Span::Lines(t) => {
                @for (i, line) in t.split('\n').enumerate() {
                    @if i > 0 { br; }
                    (Text(line))
                }
            }
            Span::Code(c) => code { (Text(c)) },
            Span::Strong(x) => strong { (inline(x)) },
            Span::Alarm(x) => strong.warn { (inline(x)) },
            Span::Emphasis(x) => em { (inline(x)) },
            Span::Original(x) => i { (inline(x)) },
            Span::Styled(tone, x) => span class=(tone_class(*tone)) { (inline(x)) },
            Span::Badge(b, text) => span class={ "badge " (badge_class(*b)) } { (Text(text)) },
            Span::Break => br;,
            Span::Refs(ns) => {
                @if !ns.is_empty() {
                    span.refs {
                        @for (i, n) in ns.iter().enumerate() {
                            @if i > 0 { " " }
                            a href={ "#src-" (n) } { "[" (n) "]" }
                        }
                    }
                }
            }
            Span::Url(u) => span.url { (Text(u)) },
        }
    }
}

/// An id usable in `id` and `href="#…"`.
fn anchor_id(a: &Anchor) -> String {
    let (prefix, s) = match a {
        Anchor::System(id) => ("sys-", id),
        Anchor::Qualification(id) => ("q-", id),
    };
    let mut out = String::from(prefix);
    for c in s.chars() {
        out.push(if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
            c
        } else {
            '_'
        });
    }
    out
}

fn status_class(s: Status) -> &'static str {
    badge_class(s.into())
}

fn badge_class(b: Badge) -> &'static str {
    match b {
        Badge::Applies => "st-applies",
        Badge::Possible => "st-possible",
        Badge::Excluded => "st-excluded",
        Badge::NotCovered => "st-not_covered",
    }
}

fn tone_class(t: Tone) -> &'static str {
    match t {
        Tone::Small => "small",
        Tone::Muted => "muted",
        Tone::Faint => "small muted",
        Tone::Warn => "warn",
        Tone::SmallWarn => "warn small",
    }
}

fn cell_class(t: CellTone) -> &'static str {
    match t {
        CellTone::Small => "small",
        CellTone::Met => "el-met",
        CellTone::Unmet => "el-unmet",
        CellTone::Unknown => "el-unknown",
    }
}
