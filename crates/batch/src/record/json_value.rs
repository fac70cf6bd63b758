//! A JSON value as a record holds it, its texts borrowed from the line.

use super::*;

/// A JSON value as a record holds it: what `serde_json::Value` would hold, but with its
/// texts borrowed from the line (when they hold no escape) rather than copied, since each
/// record is read once and dropped.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Json<'t> {
    Null,
    Bool(bool),
    /// A number, written as `serde_json::Number` writes it: the text TOML then reads.
    Number(String),
    String(Cow<'t, str>),
    Array(Vec<Json<'t>>),
    /// The members in key order, the last of equal keys kept: as `serde_json::Map` (a
    /// `BTreeMap` without the `preserve_order` feature) holds them, so that fields are met,
    /// and problems reported, in the same order.
    Object(Vec<(Cow<'t, str>, Json<'t>)>),
}

impl<'de> serde::Deserialize<'de> for Json<'de> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(JsonVisitor)
    }
}

struct JsonVisitor;

impl<'de> serde::de::Visitor<'de> for JsonVisitor {
    type Value = Json<'de>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, b: bool) -> Result<Json<'de>, E> {
        Ok(Json::Bool(b))
    }

    fn visit_i64<E>(self, n: i64) -> Result<Json<'de>, E> {
        Ok(Json::Number(serde_json::Number::from(n).to_string()))
    }

    fn visit_u64<E>(self, n: u64) -> Result<Json<'de>, E> {
        Ok(Json::Number(serde_json::Number::from(n).to_string()))
    }

    fn visit_f64<E>(self, n: f64) -> Result<Json<'de>, E> {
        // As `serde_json::Value`: a float that is not finite is null.
        Ok(serde_json::Number::from_f64(n).map_or(Json::Null, |n| Json::Number(n.to_string())))
    }

    fn visit_borrowed_str<E>(self, s: &'de str) -> Result<Json<'de>, E> {
        Ok(Json::String(Cow::Borrowed(s)))
    }

    fn visit_str<E>(self, s: &str) -> Result<Json<'de>, E> {
        Ok(Json::String(Cow::Owned(s.to_string())))
    }

    fn visit_string<E>(self, s: String) -> Result<Json<'de>, E> {
        Ok(Json::String(Cow::Owned(s)))
    }

    fn visit_unit<E>(self) -> Result<Json<'de>, E> {
        Ok(Json::Null)
    }

    fn visit_none<E>(self) -> Result<Json<'de>, E> {
        Ok(Json::Null)
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Json<'de>, A::Error> {
        let mut items = Vec::with_capacity(4);
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Json::Array(items))
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Json<'de>, A::Error> {
        // Sections hold a few facts; a record, a few sections.
        let mut members: Vec<(Cow<'de, str>, Json<'de>)> = Vec::with_capacity(8);
        // The keys met, once an object has many: looked up in a set rather than in the list,
        // so that a line of a megabyte of keys is not read in quadratic time.
        let mut seen: Option<std::collections::HashSet<Cow<'de, str>>> = None;
        while let Some(CowKey(key)) = map.next_key::<CowKey<'de>>()? {
            // A key given twice is refused, as a case file refuses it: the error is raised
            // with the reader just after the key, which locates it.
            let repeated = match &mut seen {
                Some(set) => !set.insert(key.clone()),
                None => members.iter().any(|(k, _)| *k == key),
            };
            if repeated {
                return Err(serde::de::Error::custom(format_args!(
                    "{DUPLICATE_KEY}`{}`",
                    qualif_law::diagnostics::quote(&key)
                )));
            }
            if seen.is_none() && members.len() == 16 {
                seen = Some(
                    members
                        .iter()
                        .map(|(k, _)| k.clone())
                        .chain([key.clone()])
                        .collect(),
                );
            }
            let value = map.next_value::<Json<'de>>()?;
            members.push((key, value));
        }
        // Key order. Records usually come with their keys in order already (as serde_json
        // writes them).
        sort_keeping_last(&mut members);
        Ok(Json::Object(members))
    }
}

/// An object's key, borrowed from the line when it holds no escape.
pub(super) struct CowKey<'de>(pub(super) Cow<'de, str>);

impl<'de> serde::Deserialize<'de> for CowKey<'de> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl<'de> serde::de::Visitor<'de> for KeyVisitor {
            type Value = CowKey<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a key")
            }
            fn visit_borrowed_str<E>(self, s: &'de str) -> Result<CowKey<'de>, E> {
                Ok(CowKey(Cow::Borrowed(s)))
            }
            fn visit_str<E>(self, s: &str) -> Result<CowKey<'de>, E> {
                Ok(CowKey(Cow::Owned(s.to_string())))
            }
            fn visit_string<E>(self, s: String) -> Result<CowKey<'de>, E> {
                Ok(CowKey(Cow::Owned(s)))
            }
        }
        d.deserialize_str(KeyVisitor)
    }
}
