//! The report as blocks: headings, paragraphs, lists, tables, notes. The layout
//! ([`super::layout`]) turns the document model into blocks once, with every word in
//! them; each renderer ([`super::markdown`], [`super::html`]) only maps blocks to markup.

/// Running text: a sequence of spans.
pub type Inline = Vec<Span>;

/// A piece of running text.
#[derive(Debug, Clone)]
pub enum Span {
    Text(String),
    /// An identifier: a provision id, a case-file key.
    Code(String),
    Strong(Inline),
    Emphasis(Inline),
    /// A line break inside a table cell.
    Break,
    /// Numbers in the list of sources.
    Refs(Vec<usize>),
    /// A source address, given as text.
    Url(String),
}

impl From<&str> for Span {
    fn from(s: &str) -> Span {
        Span::Text(s.to_string())
    }
}

impl From<String> for Span {
    fn from(s: String) -> Span {
        Span::Text(s)
    }
}

impl From<&String> for Span {
    fn from(s: &String) -> Span {
        Span::Text(s.clone())
    }
}

/// Running text from pieces, each a [`Span`] or text: `spans!["Penalty: ", strong(p)]`.
macro_rules! spans {
    ($($x:expr),* $(,)?) => { vec![$($crate::report::document::blocks::Span::from($x)),*] };
}
pub(crate) use spans;

pub fn code(s: impl Into<String>) -> Span {
    Span::Code(s.into())
}

pub fn strong(i: Inline) -> Span {
    Span::Strong(i)
}

pub fn emphasis(i: Inline) -> Span {
    Span::Emphasis(i)
}

/// One block of the report.
#[derive(Debug, Clone)]
pub enum Block {
    Heading {
        level: u8,
        text: Inline,
    },
    Paragraph(Inline),
    /// Lines set apart: a banner, a warning, the case's notes.
    Quote(Vec<Inline>),
    List(List),
    Table(Table),
    /// The closing line of the report.
    Colophon(Inline),
}

/// A list; an empty list still ends what comes before it.
#[derive(Debug, Clone, Default)]
pub struct List {
    pub items: Vec<Item>,
}

#[derive(Debug, Clone)]
pub struct Item {
    pub text: Inline,
    /// Its number, in a numbered list.
    pub number: Option<usize>,
    pub sub: Vec<Inline>,
}

impl Item {
    pub fn new(text: Inline) -> Item {
        Item {
            text,
            number: None,
            sub: Vec::new(),
        }
    }
}

impl List {
    pub fn push(&mut self, text: Inline) {
        self.items.push(Item::new(text));
    }
}

/// A table: header cells (none: a table of rows only, each with its header cell) and rows.
#[derive(Debug, Clone, Default)]
pub struct Table {
    pub head: Option<Vec<Inline>>,
    pub rows: Vec<Vec<Inline>>,
}

impl Block {
    pub fn heading(level: u8, text: Inline) -> Block {
        Block::Heading { level, text }
    }
}
