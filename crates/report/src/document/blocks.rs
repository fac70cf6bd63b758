//! The report as blocks: parts, headings, paragraphs, lists, label–value fields, tables,
//! charts. The layout ([`super::layout`]) turns the document model into blocks once, with
//! every word in them; each renderer ([`super::markdown`], [`super::html`]) only maps
//! blocks to its markup, and may leave out what its markup cannot show (Markdown has no
//! charts, no contents and no styles).

use super::{PenaltyBar, ProportionalitySection, ScaleChart};
use qualif_engine::Status;

/// Running text: a sequence of spans.
pub type Inline = Vec<Span>;

/// A piece of running text.
#[derive(Debug, Clone)]
pub enum Span {
    Text(String),
    /// Text whose line breaks are kept where the markup can keep them (HTML).
    Lines(String),
    /// An identifier: a provision id, a case-file key.
    Code(String),
    Strong(Inline),
    /// Strong and in the colour of warnings.
    Alarm(Inline),
    Emphasis(Inline),
    /// A title in its original language.
    Original(Inline),
    /// Text in a smaller, fainter or warning style.
    Styled(Tone, Inline),
    /// A status in capitals, framed and coloured (never colour alone: the text says it).
    Badge(Badge, String),
    /// A line break.
    Break,
    /// Numbers in the list of sources.
    Refs(Vec<usize>),
    /// A source address, given as text.
    Url(String),
}

/// The style of [`Span::Styled`] text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Small,
    Muted,
    /// Small and muted.
    Faint,
    Warn,
    /// Small and in the colour of warnings.
    SmallWarn,
}

/// The colour of a [`Span::Badge`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Badge {
    Applies,
    Possible,
    Excluded,
    /// A conduct no provision of the system covers.
    NotCovered,
}

impl From<Status> for Badge {
    fn from(s: Status) -> Badge {
        match s {
            Status::Applies => Badge::Applies,
            Status::Possible => Badge::Possible,
            Status::Excluded => Badge::Excluded,
        }
    }
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
    ($($x:expr),* $(,)?) => { vec![$($crate::document::blocks::Span::from($x)),*] };
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

pub fn styled(tone: Tone, i: Inline) -> Span {
    Span::Styled(tone, i)
}

/// One block of the report.
#[derive(Debug, Clone)]
pub enum Block {
    /// A part of the report holding blocks.
    Part(Part, Vec<Block>),
    Heading {
        level: u8,
        anchor: Option<Anchor>,
        text: Inline,
    },
    Paragraph(Para, Inline),
    /// Lines set apart, each on its own line (the case's notes in Markdown).
    Quote(Vec<Inline>),
    List(List),
    /// Labels and their values.
    Fields(Vec<Field>),
    Table(Table),
    Figure {
        chart: Chart,
        caption: String,
    },
    /// The table of contents: the anchors of the sections and their titles.
    Contents {
        title: String,
        entries: Vec<(&'static str, String)>,
    },
    /// The closing line of the report.
    Colophon(Inline),
}

/// What a [`Block::Part`] holds.
#[derive(Debug, Clone)]
pub enum Part {
    /// The title, the case and its dates, the warnings about the case.
    Header,
    /// The numbered sections.
    Main,
    /// A numbered section.
    Section { id: &'static str },
    /// A national system in section 2.
    System(Anchor),
    /// One qualification, with its status.
    Qualification(Status, Anchor),
    /// The heading and the main facts of a qualification, kept together in print.
    QualificationHead,
    /// Warnings and notes in small print.
    Notes,
}

/// A place a link can point to.
#[derive(Debug, Clone)]
pub enum Anchor {
    /// A system or an instrument, by its id.
    System(String),
    /// A qualification, by its provision id.
    Qualification(String),
}

/// The kind of a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Para {
    Plain,
    /// A line above the title.
    Kicker,
    /// The case's title.
    CaseTitle,
    /// A warning that must not be missed (set apart in Markdown).
    Banner,
    /// A warning (set apart in Markdown).
    Warning,
    /// An explanation in small print.
    Aside,
    /// The caveat of the report.
    Disclaimer,
    /// The case's notes, framed as the caveat.
    CaseNotes,
}

/// A list; an empty list shows nothing (in Markdown it still ends what comes before it).
#[derive(Debug, Clone, Default)]
pub struct List {
    pub kind: ListKind,
    pub items: Vec<Item>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ListKind {
    #[default]
    Plain,
    /// Close lines.
    Tight,
    /// The numbered list of sources (each item's number is its source's).
    Sources,
}

#[derive(Debug, Clone)]
pub struct Item {
    pub text: Inline,
    /// Its number, in a numbered list.
    pub number: Option<usize>,
    /// A warning.
    pub warn: bool,
    pub sub: Vec<Inline>,
}

impl Item {
    pub fn new(text: Inline) -> Item {
        Item {
            text,
            number: None,
            warn: false,
            sub: Vec::new(),
        }
    }
}

impl List {
    pub fn new(kind: ListKind) -> List {
        List {
            kind,
            items: Vec::new(),
        }
    }

    pub fn push(&mut self, text: Inline) {
        self.items.push(Item::new(text));
    }
}

/// A label and its value (and a list under the value). A field without a value is a line
/// of its own.
#[derive(Debug, Clone)]
pub struct Field {
    pub label: Inline,
    /// The label is a warning.
    pub warn: bool,
    pub value: Inline,
    pub list: Vec<Inline>,
}

impl Field {
    pub fn new(label: impl Into<Span>, value: Inline) -> Field {
        Field {
            label: vec![label.into()],
            warn: false,
            value,
            list: Vec::new(),
        }
    }
}

/// A table: header cells (none: a table of rows only, each with its header cell) and rows.
#[derive(Debug, Clone, Default)]
pub struct Table {
    pub kind: TableKind,
    /// A title above the table.
    pub caption: Option<Inline>,
    pub head: Option<Vec<Column>>,
    pub rows: Vec<Vec<Cell>>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum TableKind {
    #[default]
    Plain,
    /// The case's dates, under the title.
    Meta,
    /// The comparison of conduct by system.
    Matrix,
    /// The elements of an offence.
    Elements,
}

/// A column's header cell, and its width when it must be set.
#[derive(Debug, Clone)]
pub struct Column {
    pub text: Inline,
    pub width: Option<&'static str>,
}

impl From<Inline> for Column {
    fn from(text: Inline) -> Column {
        Column { text, width: None }
    }
}

impl Column {
    pub fn width(text: Inline, width: &'static str) -> Column {
        Column {
            text,
            width: Some(width),
        }
    }
}

#[derive(Debug, Clone)]
pub struct Cell {
    pub text: Inline,
    /// The header cell of its row.
    pub header: bool,
    pub tone: Option<CellTone>,
}

impl From<Inline> for Cell {
    fn from(text: Inline) -> Cell {
        Cell {
            text,
            header: false,
            tone: None,
        }
    }
}

impl Cell {
    /// The header cell of a row.
    pub fn head(text: Inline) -> Cell {
        Cell {
            text,
            header: true,
            tone: None,
        }
    }

    pub fn toned(tone: CellTone, text: Inline) -> Cell {
        Cell {
            text,
            header: false,
            tone: Some(tone),
        }
    }
}

/// The style of a table cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CellTone {
    Small,
    /// An element met, not met, unknown.
    Met,
    Unmet,
    Unknown,
}

/// A chart, drawn from the document's data.
#[derive(Debug, Clone)]
pub enum Chart {
    /// Maximum and minimum of the leading qualification of each system.
    Penalties(Vec<PenaltyBar>),
    /// The guideline range and the sentence against each system's maximum.
    Scale(Box<ScaleChart>, Option<Box<ProportionalitySection>>),
    /// A ladder's chart, drawn when it was built (`build/ladder.rs`).
    Ladder(String),
}

impl Block {
    pub fn heading(level: u8, text: Inline) -> Block {
        Block::Heading {
            level,
            anchor: None,
            text,
        }
    }

    pub fn para(text: Inline) -> Block {
        Block::Paragraph(Para::Plain, text)
    }
}
