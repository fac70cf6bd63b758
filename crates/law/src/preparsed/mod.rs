//! The built-in data files, parsed at build time.
//!
//! Parsing the TOML of the built-in data (about 1.1 MB) was most of the time `qualif assess`
//! took to start. The build script now parses each built-in file once, with the same `toml`
//! crate, and stores its values in a compact binary form ([`encode`]) beside the text.
//! At run time [`from_source`] reads the data model from that form through this module's
//! serde deserializer, which gives every value the same byte span in the original text as
//! the `toml` crate does (`Spanned` values, used by the checks to locate problems), so that
//! the data model read either way is the same (checked for every built-in file by the tests
//! below). The text stays embedded: messages quote it, and `law show` prints it.
//!
//! Files given with `--data-dir`, and any built-in file the compact form cannot hold (see
//! [`encode::encode`]), are parsed from their text, and so is a file whose compact form
//! this module fails to read: the program is then slower, never wrong.

pub mod encode;

use std::fmt;
use std::ops::Range;

use serde::de::value::BorrowedStrDeserializer;
use serde::de::{
    DeserializeOwned, DeserializeSeed, IntoDeserializer, MapAccess, SeqAccess, Visitor,
};
use serde_spanned::de::SpannedDeserializer;

use crate::diagnostics::SourceText;
use encode::{ARRAY, BOOLEAN, FLOAT, INTEGER, MAGIC, STRING, TABLE};

/// Reads a data file into `T`: from its compact form when it has one, else from its text
/// (whose error, located in the text, is returned).
pub fn from_source<T: DeserializeOwned>(src: &SourceText) -> Result<T, toml::de::Error> {
    if let Some(blob) = src.preparsed {
        if let Ok(value) = from_blob(blob) {
            return Ok(value);
        }
    }
    toml::from_str(&src.text)
}

/// Reads `T` from a compact form alone.
pub fn from_blob<'de, T: serde::Deserialize<'de>>(blob: &'de [u8]) -> Result<T, Error> {
    let rest = blob
        .strip_prefix(MAGIC.as_slice())
        .ok_or_else(|| Error("not a compact TOML form".into()))?;
    let mut header = Reader {
        strings: "",
        bytes: rest,
        pos: 0,
    };
    let section = header.u32()? as usize;
    let strings = header.take(section)?;
    let mut reader = Reader {
        strings: std::str::from_utf8(strings).map_err(|e| Error(e.to_string()))?,
        bytes: &rest[header.pos..],
        pos: 0,
    };
    let value = T::deserialize(Value::next(&mut reader)?)?;
    if reader.pos != reader.bytes.len() {
        return Err(Error("bytes left after the document".into()));
    }
    Ok(value)
}

/// Why a compact form could not be read into the data model (the text is then read).
#[derive(Debug)]
pub struct Error(String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl serde::de::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Error(msg.to_string())
    }
}

/// The values of a compact form, how far they have been read, and its string section.
struct Reader<'de> {
    strings: &'de str,
    bytes: &'de [u8],
    pos: usize,
}

impl<'de> Reader<'de> {
    fn take(&mut self, n: usize) -> Result<&'de [u8], Error> {
        let end = self
            .pos
            .checked_add(n)
            .filter(|&end| end <= self.bytes.len())
            .ok_or_else(|| Error("truncated compact form".into()))?;
        let out = &self.bytes[self.pos..end];
        self.pos = end;
        Ok(out)
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N], Error> {
        Ok(self.take(N)?.try_into().expect("took N bytes"))
    }

    fn u32(&mut self) -> Result<u32, Error> {
        Ok(u32::from_le_bytes(self.array()?))
    }

    fn span(&mut self) -> Result<Range<usize>, Error> {
        Ok(self.u32()? as usize..self.u32()? as usize)
    }

    /// A string: its place in the string section.
    fn str(&mut self) -> Result<&'de str, Error> {
        let offset = self.u32()? as usize;
        let len = self.u32()? as usize;
        offset
            .checked_add(len)
            .and_then(|end| self.strings.get(offset..end))
            .ok_or_else(|| Error("a string outside the string section".into()))
    }
}

/// One value: its tag and span are read; its content is read when it is deserialized.
struct Value<'r, 'de> {
    reader: &'r mut Reader<'de>,
    tag: u8,
    span: Range<usize>,
}

impl<'r, 'de> Value<'r, 'de> {
    fn next(reader: &'r mut Reader<'de>) -> Result<Self, Error> {
        let tag = reader.array::<1>()?[0];
        let span = reader.span()?;
        Ok(Value { reader, tag, span })
    }
}

impl<'de> serde::Deserializer<'de> for Value<'_, 'de> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let r = self.reader;
        match self.tag {
            STRING => visitor.visit_borrowed_str(r.str()?),
            INTEGER => visitor.visit_i64(i64::from_le_bytes(r.array()?)),
            FLOAT => visitor.visit_f64(f64::from_bits(u64::from_le_bytes(r.array()?))),
            BOOLEAN => visitor.visit_bool(r.array::<1>()?[0] != 0),
            ARRAY => {
                let mut items = Items::new(r)?;
                let value = visitor.visit_seq(&mut items)?;
                items.finished("elements of an array")?;
                Ok(value)
            }
            TABLE => {
                let mut items = Items::new(r)?;
                let value = visitor.visit_map(&mut items)?;
                items.finished("entries of a table")?;
                Ok(value)
            }
            other => Err(Error(format!("unknown tag {other}"))),
        }
    }

    // A value that is present is `Some`: a missing key is `None`, as with `toml`.
    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_some(self)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        if serde_spanned::de::is_spanned(name) {
            let span = self.span.clone();
            return visitor.visit_map(SpannedDeserializer::new(self, span));
        }
        self.deserialize_any(visitor)
    }

    // An enumeration is written as the name of its variant; a variant with data (a table
    // of one key) is left to the `toml` crate.
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        match self.tag {
            STRING => visitor.visit_enum(BorrowedStrDeserializer::new(self.reader.str()?)),
            _ => Err(Error("an enumeration that is not a string".into())),
        }
    }

    serde::forward_to_deserialize_any! {
        bool u8 u16 u32 u64 u128 i8 i16 i32 i64 i128 f32 f64 char str string seq
        bytes byte_buf map unit ignored_any unit_struct tuple_struct tuple identifier
    }
}

impl<'r, 'de> IntoDeserializer<'de, Error> for Value<'r, 'de> {
    type Deserializer = Self;

    fn into_deserializer(self) -> Self {
        self
    }
}

/// The elements of an array, or the entries of a table (a key, then its value), read in
/// order.
struct Items<'r, 'de> {
    reader: &'r mut Reader<'de>,
    left: u32,
}

impl<'r, 'de> Items<'r, 'de> {
    /// Reads how many items follow.
    fn new(reader: &'r mut Reader<'de>) -> Result<Self, Error> {
        Ok(Items {
            left: reader.u32()?,
            reader,
        })
    }

    /// Whether an item is left, counting it as read.
    fn take(&mut self) -> bool {
        let any = self.left > 0;
        self.left = self.left.saturating_sub(1);
        any
    }

    /// A visitor that stops before the end would leave the reader inside the array or
    /// table: an error, not a guess.
    fn finished(&self, what: &str) -> Result<(), Error> {
        match self.left {
            0 => Ok(()),
            n => Err(Error(format!("{n} {what} left unread"))),
        }
    }
}

impl<'de> SeqAccess<'de> for Items<'_, 'de> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        if !self.take() {
            return Ok(None);
        }
        seed.deserialize(Value::next(self.reader)?).map(Some)
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.left as usize)
    }
}

impl<'de> MapAccess<'de> for Items<'_, 'de> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        if !self.take() {
            return Ok(None);
        }
        // A key is a string value, with its span (keys may be read as `Spanned<String>`).
        seed.deserialize(Value::next(self.reader)?).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        seed.deserialize(Value::next(self.reader)?)
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.left as usize)
    }
}

/// For the tests of every layer that reads a built-in file: panics unless the data model `T`
/// of `src` (spans included) is the same read from its compact form, without falling back to
/// the text, as read from the text by the `toml` crate.
#[doc(hidden)]
pub fn same_both_ways<T: DeserializeOwned + std::fmt::Debug>(src: &SourceText) {
    let blob = src
        .preparsed
        .unwrap_or_else(|| panic!("{}: built without a compact form", src.name));
    let fast: T = from_blob(blob).unwrap_or_else(|e| panic!("{}: {e}", src.name));
    let slow: T = toml::from_str(&src.text).expect("the built-in data is valid TOML");
    let (fast, slow) = (format!("{fast:#?}"), format!("{slow:#?}"));
    if let Some((n, (a, b))) = fast
        .lines()
        .zip(slow.lines())
        .enumerate()
        .find(|(_, (a, b))| a != b)
    {
        panic!(
            "{}: line {n} of the model differs: {a:?} from the compact form, {b:?} from the text",
            src.name
        );
    }
    assert_eq!(fast.len(), slow.len(), "{}", src.name);
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;
    use std::fmt::Debug;

    use serde::Deserialize;
    use toml::Spanned;

    use super::*;
    use crate::law::embedded::jurisdiction_files;

    /// Reads `text` both ways, through the compact form and by the `toml` crate.
    fn both<T: DeserializeOwned + Debug>(text: &str) -> (Result<T, Error>, T) {
        let blob = encode::encode(text).expect("has a compact form");
        (from_blob(&blob), toml::from_str(text).expect("valid TOML"))
    }

    /// The data model of every built-in jurisdiction file, spans included, is the same read
    /// from the compact form (without falling back to the text) as read from the text. The
    /// guideline files are checked where their model is (the scales, batch's regions).
    #[test]
    fn every_builtin_jurisdiction_file_reads_the_same_from_its_compact_form() {
        let files = jurisdiction_files();
        assert!(files.len() >= 6);
        for src in &files {
            if src.name.ends_with(crate::law::VOCABULARY_FILE) {
                same_both_ways::<crate::facts::vocabulary::VocabularyFile>(src);
            } else {
                same_both_ways::<crate::law::model::SystemFile>(src);
            }
        }
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Every {
        s: Spanned<String>,
        i: Spanned<i64>,
        small: u8,
        neg: i32,
        f: f64,
        whole: f64,
        b: bool,
        missing: Option<String>,
        present: Option<Spanned<String>>,
        kind: Kind,
        list: Vec<Spanned<u32>>,
        nested: Vec<Vec<String>>,
        table: BTreeMap<Spanned<String>, Spanned<toml::Value>>,
        rows: Vec<Row>,
        any: toml::Value,
    }

    #[derive(Debug, Deserialize)]
    #[serde(rename_all = "snake_case")]
    enum Kind {
        FirstKind,
        Second,
    }

    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Row {
        id: Spanned<String>,
        #[serde(default)]
        tags: Vec<String>,
    }

    const EVERY: &str = r#"# every kind of value the data files use
s = "a \"quoted\" string é"
i = 0x1f
small = 7
neg = -1_000
f = 2.5e3
whole = 3
b = true
present = 'literal'
kind = "first_kind"
list = [1, 2,
  3]
nested = [["a"], [], ["b", "c"]]
any = { x = 1, y = [true, 1.5], z = { w = "v" } }

[table]
"quoted key" = 1
bare.dotted = "x"

[[rows]]
id = "one"

[[rows]]
id = "two"
tags = ["t"]
"#;

    #[test]
    fn every_kind_of_value_reads_as_from_the_text() {
        let (fast, slow) = both::<Every>(EVERY);
        assert_eq!(format!("{:#?}", fast.expect("reads")), format!("{slow:#?}"));
        assert_eq!(&EVERY[slow.s.span()], r#""a \"quoted\" string é""#);
    }

    /// What the model refuses is refused from the compact form too (the text is then read
    /// again, and its located message given).
    #[test]
    fn a_mismatch_is_an_error_not_a_guess() {
        let wrong_type = encode::encode("s = 1").unwrap();
        assert!(from_blob::<Row>(&wrong_type).is_err());
        let unknown = encode::encode("s = \"x\"\nkind = \"third\"").unwrap();
        #[derive(Debug, Deserialize)]
        #[allow(dead_code)]
        struct K {
            kind: Kind,
        }
        assert!(from_blob::<K>(&unknown).is_err());
        #[derive(Debug, Deserialize)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        struct Strict {
            s: String,
        }
        assert!(from_blob::<Strict>(&unknown).is_err());
        let blob = encode::encode("s = \"x\"").unwrap();
        assert!(from_blob::<Strict>(&blob).is_ok());
        for cut in 0..blob.len() {
            assert!(from_blob::<Strict>(&blob[..cut]).is_err(), "cut at {cut}");
        }
    }

    #[test]
    fn what_the_form_cannot_hold_is_left_to_the_text() {
        assert!(encode::encode("d = 2026-01-01").is_none());
        assert!(encode::encode("n = 0xffffffffffffffff").is_none());
        assert!(encode::encode("not toml = [").is_none());
        // from_source falls back to the text, whose error is located.
        let src = SourceText::builtin(
            "x.toml",
            "s = 1",
            encode::encode("s = 1").map(|b| &*b.leak()),
        );
        let e = from_source::<Row>(&src).unwrap_err();
        assert!(e.span().is_some());
    }

    /// Any document of strings, integers, floats, booleans, arrays and tables (nested, with
    /// keys that need quoting) reads the same both ways, spans of keys and values included.
    mod documents {
        use proptest::prelude::*;

        use super::*;

        fn scalar() -> impl Strategy<Value = toml::Value> {
            prop_oneof![
                any::<String>().prop_map(toml::Value::String),
                any::<i64>().prop_map(toml::Value::Integer),
                any::<f64>()
                    .prop_filter("finite", |f| f.is_finite())
                    .prop_map(toml::Value::Float),
                any::<bool>().prop_map(toml::Value::Boolean),
            ]
        }

        fn value() -> impl Strategy<Value = toml::Value> {
            scalar().prop_recursive(4, 48, 6, |inner| {
                prop_oneof![
                    prop::collection::vec(inner.clone(), 0..6).prop_map(toml::Value::Array),
                    prop::collection::btree_map("[a-z_é .\"-]{1,8}", inner, 0..6)
                        .prop_map(|m| toml::Value::Table(m.into_iter().collect())),
                ]
            })
        }

        type Document = BTreeMap<Spanned<String>, Spanned<toml::Value>>;

        proptest! {
            #[test]
            fn any_document_reads_the_same_both_ways(
                doc in prop::collection::btree_map("[a-z_é .\"-]{1,8}", value(), 0..8)
            ) {
                let table: toml::Table = doc.into_iter().collect();
                let text = toml::to_string(&table).expect("serialises");
                let (fast, slow) = both::<Document>(&text);
                prop_assert_eq!(format!("{:?}", fast.expect("reads")), format!("{slow:?}"));
            }
        }
    }
}
