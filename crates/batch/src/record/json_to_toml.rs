//! JSON values turned into the TOML values of a case file.

use super::*;

/// The TOML value [`json_to_de`] makes of a value a fact can hold (a boolean, a number, a
/// text, a list of texts); `None` for any other.
pub(super) fn fact_value<'v>(v: &'v Json<'v>) -> Option<DeValue<'v>> {
    Some(match v {
        Json::Bool(b) => DeValue::Boolean(*b),
        Json::Number(text) => number(text),
        Json::String(s) => DeValue::String(Cow::Borrowed(s.as_ref())),
        Json::Array(items) => {
            let mut a = DeArray::new();
            for item in items {
                let Json::String(s) = item else {
                    return None;
                };
                a.push(Spanned::new(
                    0..0,
                    DeValue::String(Cow::Borrowed(s.as_ref())),
                ));
            }
            DeValue::Array(a)
        }
        Json::Null | Json::Object(_) => return None,
    })
}

/// A JSON number as TOML reads its text (JSON writes numbers as TOML does).
fn number(text: &str) -> DeValue<'_> {
    match DeValue::parse(text) {
        Ok(d) => d.into_inner(),
        Err(_) => DeValue::String(Cow::Borrowed(text)),
    }
}

/// A JSON value as a TOML value; `None` for `null` (unknown). Members of an object are
/// fields of their own (`section.key`).
pub(super) fn json_to_de<'v>(
    v: &'v Json<'v>,
    span: Range<usize>,
    fields: &mut Fields<'v>,
    path: &[&'v str],
) -> Option<DeValue<'v>> {
    Some(match v {
        Json::Null => return None,
        Json::Bool(b) => DeValue::Boolean(*b),
        Json::Number(text) => number(text),
        Json::String(s) => DeValue::String(Cow::Borrowed(s.as_ref())),
        Json::Array(items) => {
            let mut a = DeArray::new();
            for item in items {
                // A `null` inside a list is not an unknown fact: it is refused as a value
                // that is not a text.
                let de = json_to_de(item, span.clone(), fields, path)
                    .unwrap_or(DeValue::Table(DeTable::new()));
                a.push(Spanned::new(span.clone(), de));
            }
            DeValue::Array(a)
        }
        Json::Object(m) => {
            let mut t = DeTable::new();
            for (k, item) in m {
                let k: &'v str = k.as_ref();
                // The member's path; a key of a section (the usual case) needs no list.
                let pair;
                let deeper: Vec<&'v str>;
                let (name, inner): (FieldName<'v>, &[&'v str]) = match path {
                    [section] => {
                        pair = [*section, k];
                        (FieldName::Key(section, k), &pair)
                    }
                    _ => {
                        deeper = path.iter().copied().chain([k]).collect();
                        (FieldName::Path(deeper.join(".")), &deeper)
                    }
                };
                let inner_span = fields.add(name, None);
                let Some(de) = json_to_de(item, inner_span.clone(), fields, inner) else {
                    continue;
                };
                t.insert(
                    Spanned::new(inner_span.clone(), Cow::Borrowed(k)),
                    Spanned::new(inner_span, de),
                );
            }
            DeValue::Table(t)
        }
    })
}

pub(super) fn json_kind(v: &Json) -> &'static str {
    match v {
        Json::Null => "null",
        Json::Bool(_) => "a boolean",
        Json::Number(_) => "a number",
        Json::String(_) => "a text",
        Json::Array(_) => "a list",
        Json::Object(_) => "an object",
    }
}
