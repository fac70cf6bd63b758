//! Writes a TOML document, as the `toml` crate parses it, in the compact form that
//! [`crate::preparsed`] reads back. Compiled twice: into the build script (`build.rs` includes
//! this file by path, to encode the built-in data files at build time) and into the library
//! (for the tests that check both readings agree). It depends on nothing but `toml`.
//!
//! The form, little-endian throughout: the four bytes [`MAGIC`], then the document as one
//! value. A value is a tag byte, the byte span of the value in the TOML text (start and end,
//! `u32` each), then by tag: a string is its length (`u32`) and UTF-8 bytes; an integer
//! an `i64`; a float the bits of an `f64`; a boolean one byte; an array its length (`u32`)
//! and its values; a table its length (`u32`) and, per entry, the key (its span, length and
//! bytes) and the value. Entries keep the order in which the `toml` crate presents them.

use toml::Spanned;
use toml::de::{DeTable, DeValue};

/// Marks (and versions) the form: a blob that does not start with it is not read.
pub const MAGIC: &[u8; 4] = b"QPT1";
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
    let mut out = Vec::with_capacity(text.len());
    out.extend_from_slice(MAGIC);
    let span = root.span();
    header(&mut out, TABLE, &span);
    table(&mut out, root.get_ref())?;
    Some(out)
}

fn header(out: &mut Vec<u8>, tag: u8, span: &std::ops::Range<usize>) {
    out.push(tag);
    // The text is at most 4 GiB (checked in `encode`), so every offset fits.
    out.extend_from_slice(&(span.start as u32).to_le_bytes());
    out.extend_from_slice(&(span.end as u32).to_le_bytes());
}

fn length(out: &mut Vec<u8>, n: usize) {
    out.extend_from_slice(&(n as u32).to_le_bytes());
}

fn text(out: &mut Vec<u8>, s: &str) {
    length(out, s.len());
    out.extend_from_slice(s.as_bytes());
}

fn table(out: &mut Vec<u8>, t: &DeTable<'_>) -> Option<()> {
    length(out, t.len());
    for (key, v) in t.iter() {
        let span = key.span();
        out.extend_from_slice(&(span.start as u32).to_le_bytes());
        out.extend_from_slice(&(span.end as u32).to_le_bytes());
        text(out, key.get_ref());
        value(out, v)?;
    }
    Some(())
}

fn value(out: &mut Vec<u8>, v: &Spanned<DeValue<'_>>) -> Option<()> {
    let span = v.span();
    match v.get_ref() {
        DeValue::String(s) => {
            header(out, STRING, &span);
            text(out, s);
        }
        DeValue::Integer(i) => {
            header(out, INTEGER, &span);
            let n = i64::from_str_radix(i.as_str(), i.radix()).ok()?;
            out.extend_from_slice(&n.to_le_bytes());
        }
        DeValue::Float(f) => {
            header(out, FLOAT, &span);
            let x: f64 = f.as_str().parse().ok()?;
            // As the `toml` crate reads it: an overflow to infinity is an error.
            if x.is_infinite() && !f.as_str().contains("inf") {
                return None;
            }
            out.extend_from_slice(&x.to_bits().to_le_bytes());
        }
        DeValue::Boolean(b) => {
            header(out, BOOLEAN, &span);
            out.push(u8::from(*b));
        }
        DeValue::Datetime(_) => return None,
        DeValue::Array(items) => {
            header(out, ARRAY, &span);
            length(out, items.len());
            for item in items.iter() {
                value(out, item)?;
            }
        }
        DeValue::Table(t) => {
            header(out, TABLE, &span);
            table(out, t)?;
        }
    }
    Some(())
}
