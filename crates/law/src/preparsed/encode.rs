//! Writes a TOML document, as the `toml` crate parses it, in the compact form that
//! [`crate::preparsed`] reads back. Compiled twice: into the build script (`build.rs` includes
//! this file by path, to encode the built-in data files at build time) and into the library
//! (for the tests that check both readings agree). It depends on nothing but `toml`.
//!
//! The form, little-endian throughout: the four bytes [`MAGIC`]; the length (`u32`) of the
//! string section and the section, every distinct string and key once, in UTF-8 (checked
//! once when it is read, not string by string); then the document as one value. A value is
//! a tag byte, the byte span of the value in the TOML text (start and end, `u32` each),
//! then by tag: a string is its place in the string section (offset and length, `u32`
//! each); an integer an `i64`; a float the bits of an `f64`; a boolean one byte; an array
//! its length (`u32`) and its values; a table its length (`u32`) and, per entry, the key
//! (written as a string value, with its own span) and the value. Entries keep the order in
//! which the `toml` crate presents them.

use std::collections::HashMap;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

/// Marks (and versions) the form: a blob that does not start with it is not read.
pub const MAGIC: &[u8; 4] = b"QPT3";
pub const STRING: u8 = 0;
pub const INTEGER: u8 = 1;
pub const FLOAT: u8 = 2;
pub const BOOLEAN: u8 = 3;
pub const ARRAY: u8 = 4;
pub const TABLE: u8 = 5;

/// The compact form of a TOML document, or `None` when it has no such form: the text is
/// not valid TOML, holds a date-time or an integer beyond `i64`, or is larger than 4 GiB.
/// The program then reads the text itself, and reports its problems with their place.
pub fn encode(text: &str) -> Option<Vec<u8>> {
    u32::try_from(text.len()).ok()?;
    let root = DeTable::parse(text).ok()?;
    let mut w = Writer::default();
    w.header(TABLE, &root.span());
    w.table(root.get_ref())?;
    // Every string of the text is in the section at most once: it is no longer than the text.
    let mut out = Vec::with_capacity(8 + w.strings.len() + w.tree.len());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&(w.strings.len() as u32).to_le_bytes());
    out.extend_from_slice(w.strings.as_bytes());
    out.extend_from_slice(&w.tree);
    Some(out)
}

#[derive(Default)]
struct Writer {
    strings: String,
    placed: HashMap<String, (u32, u32)>,
    tree: Vec<u8>,
}

impl Writer {
    fn u32(&mut self, n: usize) {
        // The text is at most 4 GiB (checked in `encode`), so every offset and length fits.
        self.tree.extend_from_slice(&(n as u32).to_le_bytes());
    }

    fn header(&mut self, tag: u8, span: &std::ops::Range<usize>) {
        self.tree.push(tag);
        self.u32(span.start);
        self.u32(span.end);
    }

    fn text(&mut self, s: &str) {
        let (offset, len) = match self.placed.get(s) {
            Some(&place) => place,
            None => {
                let place = (self.strings.len() as u32, s.len() as u32);
                self.strings.push_str(s);
                self.placed.insert(s.to_owned(), place);
                place
            }
        };
        self.u32(offset as usize);
        self.u32(len as usize);
    }

    fn table(&mut self, t: &DeTable<'_>) -> Option<()> {
        self.u32(t.len());
        for (key, v) in t.iter() {
            self.header(STRING, &key.span());
            self.text(key.get_ref());
            self.value(v)?;
        }
        Some(())
    }

    fn value(&mut self, v: &Spanned<DeValue<'_>>) -> Option<()> {
        let span = v.span();
        match v.get_ref() {
            DeValue::String(s) => {
                self.header(STRING, &span);
                self.text(s);
            }
            DeValue::Integer(i) => {
                let n = i64::from_str_radix(i.as_str(), i.radix()).ok()?;
                self.header(INTEGER, &span);
                self.tree.extend_from_slice(&n.to_le_bytes());
            }
            DeValue::Float(f) => {
                let x: f64 = f.as_str().parse().ok()?;
                // As the `toml` crate reads it: an overflow to infinity is an error.
                if x.is_infinite() && !f.as_str().contains("inf") {
                    return None;
                }
                self.header(FLOAT, &span);
                self.tree.extend_from_slice(&x.to_bits().to_le_bytes());
            }
            DeValue::Boolean(b) => {
                self.header(BOOLEAN, &span);
                self.tree.push(u8::from(*b));
            }
            DeValue::Datetime(_) => return None,
            DeValue::Array(items) => {
                self.header(ARRAY, &span);
                self.u32(items.len());
                for item in items.iter() {
                    self.value(item)?;
                }
            }
            DeValue::Table(t) => {
                self.header(TABLE, &span);
                self.table(t)?;
            }
        }
        Some(())
    }
}
