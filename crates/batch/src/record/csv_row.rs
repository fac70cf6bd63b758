//! A CSV header and its rows turned into cases.

use super::*;

// ---------------------------------------------------------------------------------------
// CSV

/// The columns of a CSV file: one dotted key each (`victim.age`), or `version`.
#[derive(Debug, Clone)]
pub struct CsvHeader {
    columns: Vec<Column>,
}

#[derive(Debug, Clone)]
struct Column {
    /// `None`: the top-level `version`.
    section: Option<String>,
    name: String,
    key: String,
    ty: FactType,
}

impl CsvHeader {
    /// Checks the header row: every column must be a key of the case format, once. A
    /// problem is a rejection of line 1 at the column's number (the caller gives the
    /// header's line).
    pub fn parse(names: &[&str], vocab: &Vocabulary) -> Result<CsvHeader, Rejection> {
        let mut columns: Vec<Column> = Vec::new();
        for (i, raw) in names.iter().enumerate() {
            let key = raw.trim().trim_start_matches('\u{feff}');
            let at = format!(
                "column {} (`{}`)",
                i + 1,
                qualif_law::diagnostics::excerpt(key, 60)
            );
            let problem = |message: String, help: Option<String>| Rejection {
                line: 1,
                column: Some(i as u64 + 1),
                field: None,
                message,
                help,
            };
            if columns.iter().any(|c| c.key == key) {
                return Err(problem(
                    format!("{at} appears twice in the header"),
                    Some("each key of the case format at most once".into()),
                ));
            }
            if key == "version" {
                columns.push(Column {
                    section: None,
                    name: key.into(),
                    key: key.into(),
                    ty: FactType::Integer,
                });
                continue;
            }
            let Some(def) = vocab.fact(key).filter(|d| !d.derived) else {
                let sections = vocab.sections();
                let help = match key.split_once('.') {
                    Some((s, _)) if sections.contains(&s) => {
                        format!("in [{s}]: {}", vocab.keys_of(s).join(", "))
                    }
                    _ => format!(
                        "`version` and dotted keys of the sections {}",
                        sections.join(", ")
                    ),
                };
                return Err(problem(
                    format!("{at} is not a key of the case format"),
                    Some(help),
                ));
            };
            columns.push(Column {
                section: Some(def.section().to_string()),
                name: def.name().to_string(),
                key: key.to_string(),
                ty: def.ty,
            });
        }
        if columns.is_empty() {
            return Err(Rejection::whole_line(1, "the header row is empty"));
        }
        Ok(CsvHeader { columns })
    }

    pub fn len(&self) -> usize {
        self.columns.len()
    }

    pub fn is_empty(&self) -> bool {
        self.columns.is_empty()
    }
}

/// Reads one CSV row. An empty cell is an unknown fact; lists are separated by `;`;
/// booleans are `true` or `false` (any case, as spreadsheets write them).
pub fn case_from_csv(
    cells: &[&str],
    header: &CsvHeader,
    line: u64,
    vocab: &Vocabulary,
    today: NaiveDate,
) -> Result<Case, Rejection> {
    if cells.len() != header.columns.len() {
        return Err(Rejection::whole_line(
            line,
            format!(
                "the row has {} but the header has {}",
                fields_count(cells.len()),
                fields_count(header.columns.len())
            ),
        ));
    }
    let mut fields = Fields::default();
    let mut table = DeTable::new();
    for (i, (cell, col)) in cells.iter().zip(&header.columns).enumerate() {
        if cell.trim().is_empty() {
            continue;
        }
        let span = fields.add(FieldName::Top(&col.key), Some(i as u64 + 1));
        let value = csv_cell(cell, col.ty, span.clone());
        match &col.section {
            None => {
                table.insert(
                    Spanned::new(span.clone(), Cow::Borrowed(col.name.as_str())),
                    Spanned::new(span, value),
                );
            }
            Some(section) => {
                let key = Spanned::new(span.clone(), Cow::Borrowed(section.as_str()));
                let entry = table
                    .entry(key)
                    .or_insert_with(|| Spanned::new(span.clone(), DeValue::Table(DeTable::new())));
                if let DeValue::Table(t) = entry.get_mut() {
                    t.insert(
                        Spanned::new(span.clone(), Cow::Borrowed(col.name.as_str())),
                        Spanned::new(span, value),
                    );
                }
            }
        }
    }
    check(&table, &fields, line, vocab, today)
}

fn fields_count(n: usize) -> String {
    if n == 1 {
        "1 field".into()
    } else {
        format!("{n} fields")
    }
}

/// A CSV cell as the TOML value a case file would hold for a fact of this type; a cell that
/// cannot be one is passed as a text, which the check then refuses with the accepted values.
fn csv_cell(cell: &str, ty: FactType, span: Range<usize>) -> DeValue<'_> {
    let t = cell.trim();
    match ty {
        FactType::Bool if t.eq_ignore_ascii_case("true") => DeValue::Boolean(true),
        FactType::Bool if t.eq_ignore_ascii_case("false") => DeValue::Boolean(false),
        FactType::Integer | FactType::Number => match DeValue::parse(t) {
            Ok(v) if matches!(v.get_ref(), DeValue::Integer(_) | DeValue::Float(_)) => {
                v.into_inner()
            }
            _ => DeValue::String(Cow::Borrowed(cell)),
        },
        FactType::Countries | FactType::EnumList => {
            let mut a = DeArray::new();
            for item in t.split(';').map(str::trim).filter(|s| !s.is_empty()) {
                a.push(Spanned::new(
                    span.clone(),
                    DeValue::String(Cow::Borrowed(item)),
                ));
            }
            DeValue::Array(a)
        }
        FactType::Text => DeValue::String(Cow::Borrowed(cell)),
        _ => DeValue::String(Cow::Borrowed(t)),
    }
}
