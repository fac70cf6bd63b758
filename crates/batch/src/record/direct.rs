//! Reading the usual JSON record straight into a case, in one pass, giving up at anything unusual.

use super::*;

/// Reads the usual record straight into a case, in one pass over its text: the steps of a
/// case file ([`CaseReader`], which [`Case::from_table`] takes too) on the values
/// [`json_to_de`] would make, without the [`Json`] tree, the table and the fields that only
/// serve to locate a problem. `None` at the first problem, or at anything unusual (keys out
/// of order or repeated, a nested object, a list holding other than texts): the record is
/// then read again through the table, which reports what is wrong.
///
/// The keys of an object may come in any order (people write `case` before `victim`): the
/// case holds its facts in key order whatever the order read, and a key given twice, which
/// the table refuses, makes the reading give up ([`Met`]).
///
/// The text is read by [`Scan`], which knows only the JSON a usual record is written in and
/// gives up at anything else: serde_json reads the record again then (through [`Json`]),
/// and decides. Whatever `Scan` reads, serde_json reads the same way.
pub(super) fn read_directly(text: &str, vocab: &Vocabulary, today: NaiveDate) -> Option<Case> {
    let source = SourceText::new(String::new(), String::new());
    let mut reader = CaseReader::new(&source, vocab);
    let mut scan = Scan::new(text);
    scan.record(&mut reader)?;
    reader.finish(&|_| None, today).ok()
}

/// The keys of one object met so far, to tell a key given twice: a key after the greatest
/// one met (keys in increasing order, as serde_json writes them) is new at the cost of one
/// comparison; another is compared with every key met. Up to [`Met::MOST`] keys, each
/// borrowed from the line (the reading gives up on more, or on a key written with an
/// escape: the table reads those).
struct Met<'t> {
    keys: [&'t str; Met::MOST],
    len: usize,
    greatest: &'t str,
}

impl<'t> Met<'t> {
    const MOST: usize = 24;

    fn new() -> Self {
        Self {
            keys: [""; Met::MOST],
            len: 0,
            greatest: "",
        }
    }

    /// `key` is met: `None` when it was met before (or too many keys were).
    fn add(&mut self, key: &'t str) -> Option<()> {
        if self.len == Met::MOST {
            return None;
        }
        if self.len > 0 && key <= self.greatest {
            if self.keys[..self.len].contains(&key) {
                return None;
            }
        } else {
            self.greatest = key;
        }
        self.keys[self.len] = key;
        self.len += 1;
        Some(())
    }
}

/// The most texts in a list read directly (a longer one is read through the table).
const MOST_TEXTS: usize = 16;

/// A reader of the JSON of a usual record: objects, `null`, `true`, `false`, texts without
/// an escape or a control character, numbers without a sign or an exponent and of at most
/// 15 digits, lists of such texts. `None` at anything else, valid JSON or not.
struct Scan<'t> {
    text: &'t str,
    bytes: &'t [u8],
    at: usize,
}

/// A scalar value as [`Scan`] reads it.
enum Scalar<'t> {
    Null,
    Bool(bool),
    Number(Number),
    Text(&'t str),
}

impl<'t> Scan<'t> {
    fn new(text: &'t str) -> Self {
        Self {
            text,
            bytes: text.as_bytes(),
            at: 0,
        }
    }

    /// The next byte after any white space (JSON's: space, tab, line feed, carriage
    /// return), not consumed.
    #[inline]
    fn peek(&mut self) -> Option<u8> {
        while let Some(&b) = self.bytes.get(self.at) {
            if !matches!(b, b' ' | b'\t' | b'\n' | b'\r') {
                return Some(b);
            }
            self.at += 1;
        }
        None
    }

    /// The next byte after any white space, consumed.
    #[inline]
    fn next(&mut self) -> Option<u8> {
        let b = self.peek()?;
        self.at += 1;
        Some(b)
    }

    #[inline]
    fn expect(&mut self, b: u8) -> Option<()> {
        (self.next()? == b).then_some(())
    }

    /// A record: `{`, then `"version"` or sections, `}`, and nothing but white space after.
    fn record(&mut self, reader: &mut CaseReader) -> Option<()> {
        self.expect(b'{')?;
        let mut met = Met::new();
        if self.peek()? == b'}' {
            self.at += 1;
        } else {
            loop {
                let name = self.key(&mut met)?;
                if name == "version" {
                    self.version(reader)?;
                } else if self.peek()? == b'{' {
                    let section = reader.section(name, 0).ok()?;
                    self.at += 1;
                    self.section(reader, section)?;
                } else {
                    // `null` is an absent section (anything else is read through the table).
                    let Scalar::Null = self.scalar()? else {
                        return None;
                    };
                }
                match self.next()? {
                    b',' => continue,
                    b'}' => break,
                    _ => return None,
                }
            }
        }
        // Only white space after the record.
        match self.peek() {
            None => Some(()),
            Some(_) => None,
        }
    }

    /// An object's key, met for the first time in it, and the colon after it.
    #[inline]
    fn key(&mut self, met: &mut Met<'t>) -> Option<&'t str> {
        self.expect(b'"')?;
        let key = self.text_rest()?;
        met.add(key)?;
        self.expect(b':')?;
        Some(key)
    }

    /// The top-level `version`: `null` (an absent key), else what [`json_to_de`] makes of
    /// the value, checked by the reader.
    fn version(&mut self, reader: &CaseReader) -> Option<()> {
        let value = match self.scalar()? {
            Scalar::Null => return Some(()),
            Scalar::Bool(b) => Json::Bool(b),
            // As serde_json writes the number it read (what [`Json`] holds).
            Scalar::Number(Number::Int(i)) => Json::Number(serde_json::Number::from(i).to_string()),
            Scalar::Number(Number::Float(f)) => {
                Json::Number(serde_json::Number::from_f64(f)?.to_string())
            }
            Scalar::Text(s) => Json::String(Cow::Borrowed(s)),
        };
        let de = fact_value(&value)?;
        reader.version(&de, 0..0).ok()
    }

    /// The facts of a section, after its `{`, up to its `}`.
    fn section(&mut self, reader: &mut CaseReader, section: OpenSection) -> Option<()> {
        let mut met = Met::new();
        if self.peek()? == b'}' {
            self.at += 1;
            return Some(());
        }
        loop {
            let key = self.key(&mut met)?;
            let read = if self.peek()? == b'[' {
                self.at += 1;
                let mut texts = [""; MOST_TEXTS];
                let n = self.texts(&mut texts)?;
                reader.texts(section, key, &texts[..n])
            } else {
                let mut fact = |de: DeValue| reader.fact(section, key, 0, &de, 0..0).is_ok();
                match self.scalar()? {
                    // `null` is an absent key (as `json_to_de` makes it).
                    Scalar::Null => true,
                    Scalar::Number(n) => reader.number(section, key, n),
                    Scalar::Bool(b) => fact(DeValue::Boolean(b)),
                    Scalar::Text(s) => fact(DeValue::String(Cow::Borrowed(s))),
                }
            };
            if !read {
                return None;
            }
            match self.next()? {
                b',' => continue,
                b'}' => return Some(()),
                _ => return None,
            }
        }
    }

    /// A list of texts, after its `[`, up to its `]`, into `out`: how many.
    fn texts(&mut self, out: &mut [&'t str; MOST_TEXTS]) -> Option<usize> {
        if self.peek()? == b']' {
            self.at += 1;
            return Some(0);
        }
        let mut n = 0;
        loop {
            self.expect(b'"')?;
            *out.get_mut(n)? = self.text_rest()?;
            n += 1;
            match self.next()? {
                b',' => continue,
                b']' => return Some(n),
                _ => return None,
            }
        }
    }

    /// `null`, `true`, `false`, a number or a text.
    fn scalar(&mut self) -> Option<Scalar<'t>> {
        let word = |s: &mut Self, w: &[u8], value: Scalar<'t>| {
            let end = s.at + w.len();
            (s.bytes.get(s.at..end)? == w).then(|| {
                s.at = end;
                value
            })
        };
        match self.peek()? {
            b'n' => word(self, b"null", Scalar::Null),
            b't' => word(self, b"true", Scalar::Bool(true)),
            b'f' => word(self, b"false", Scalar::Bool(false)),
            b'"' => {
                self.at += 1;
                self.text_rest().map(Scalar::Text)
            }
            b'0'..=b'9' => self.number().map(Scalar::Number),
            _ => None,
        }
    }

    /// The rest of a text after its opening quote, and the closing quote: `None` for a
    /// text with an escape or a control character (which serde_json refuses), or never
    /// closed. The quotes are ASCII, so the text between them is whole characters.
    #[inline]
    fn text_rest(&mut self) -> Option<&'t str> {
        let start = self.at;
        let len = text_end(&self.bytes[start..])?;
        if self.bytes[start + len] != b'"' {
            return None;
        }
        self.at = start + len + 1;
        self.text.get(start..start + len)
    }

    /// A number without a sign or an exponent, of at most 15 digits (`0` alone, or without
    /// a leading zero; a fraction of at least one digit): the number serde_json makes of it.
    /// A whole number is an integer (serde_json's `u64`, within `i64` here); with a
    /// fraction, the digits as an integer divided by the power of ten, as serde_json
    /// computes it (both exact below 2^53 and 10^22, so the division, correctly rounded,
    /// is the nearest number to the text: what serde_json gives with or without its
    /// `float_roundtrip` feature).
    fn number(&mut self) -> Option<Number> {
        const MOST_DIGITS: usize = 15;
        let digits = |s: &mut Self| {
            let start = s.at;
            while s.bytes.get(s.at).is_some_and(u8::is_ascii_digit) {
                s.at += 1;
            }
            &s.bytes[start..s.at]
        };
        let whole = digits(self);
        if whole.len() > MOST_DIGITS || (whole.len() > 1 && whole[0] == b'0') {
            return None;
        }
        let mut n: u64 = 0;
        for d in whole {
            n = n * 10 + u64::from(d - b'0');
        }
        let fraction = match self.bytes.get(self.at) {
            Some(b'.') => {
                self.at += 1;
                digits(self)
            }
            Some(b'e' | b'E') => return None,
            _ => return Some(Number::Int(n as i64)),
        };
        if fraction.is_empty()
            || whole.len() + fraction.len() > MOST_DIGITS
            || matches!(self.bytes.get(self.at), Some(b'e' | b'E'))
        {
            return None;
        }
        for d in fraction {
            n = n * 10 + u64::from(d - b'0');
        }
        const POW10: [f64; MOST_DIGITS + 1] = [
            1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
        ];
        Some(Number::Float(n as f64 / POW10[fraction.len()]))
    }
}

/// The position of the first byte of `s` that ends a text without an escape: `"`, `\\` or a
/// control character (below 0x20). Eight bytes at a time, as the results' texts are tested
/// (`output::json_line::needs_escape`): in a word read little-endian, the lowest byte
/// flagged is exact (a flag above a true one may not be). Texts and keys are most of a
/// record's bytes: a byte at a time cost some 1,400 instructions a case more.
fn text_end(s: &[u8]) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let below = |v: u64, n: u8| v.wrapping_sub(ONES * u64::from(n)) & !v & HIGH;
    let mut words = s.chunks_exact(8);
    let mut at = 0;
    for w in &mut words {
        let v = u64::from_le_bytes(w.try_into().expect("eight bytes"));
        let flagged = below(v, 0x20)
            | below(v ^ (ONES * u64::from(b'"')), 1)
            | below(v ^ (ONES * u64::from(b'\\')), 1);
        if flagged != 0 {
            return Some(at + flagged.trailing_zeros() as usize / 8);
        }
        at += 8;
    }
    let mut rest = words.remainder().iter();
    rest.position(|&b| b == b'"' || b == b'\\' || b < 0x20)
        .map(|i| at + i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_ends_at_its_first_quote_backslash_or_control_character() {
        let bytewise = |s: &[u8]| s.iter().position(|&b| b == b'"' || b == b'\\' || b < 0x20);
        let mut cases: Vec<Vec<u8>> =
            vec![b"".to_vec(), b"abc".to_vec(), "caf\u{e9} \u{1F600}".into()];
        for len in 0..20 {
            for at in 0..len {
                for special in [b'"', b'\\', 0x00, 0x1f, b'\n'] {
                    let mut s = vec![b'a'; len];
                    s[at] = special;
                    // A second one after it, and bytes just above the limits before it.
                    if at + 2 < len {
                        s[at + 2] = b'"';
                    }
                    if at > 0 {
                        s[at - 1] = [0x20, 0x21, 0x5d, 0x80, 0xff][at % 5];
                    }
                    cases.push(s);
                }
            }
        }
        for s in &cases {
            assert_eq!(text_end(s), bytewise(s), "{s:?}");
        }
    }

    #[test]
    fn numbers_are_read_as_serde_json_reads_them_or_given_up() {
        let read = |t: &str| {
            let mut scan = Scan::new(t);
            scan.number().filter(|_| scan.at == t.len())
        };
        for t in [
            "0",
            "7",
            "47",
            "123456789012345",
            "0.5",
            "47.0",
            "12.50",
            "0.1",
            "3.14159",
            "99999999.9999999",
        ] {
            let ours = read(t).unwrap_or_else(|| panic!("{t}"));
            let theirs: serde_json::Value = serde_json::from_str(t).unwrap();
            match ours {
                Number::Int(i) => assert_eq!(theirs.as_i64(), Some(i), "{t}"),
                Number::Float(f) => {
                    assert!(theirs.is_f64(), "{t}");
                    assert_eq!(theirs.as_f64().map(f64::to_bits), Some(f.to_bits()), "{t}");
                }
            }
        }
        for t in [
            "01",
            "1.",
            "1e2",
            "1.5e2",
            "1234567890123456",
            "0.1234567890123456",
            "00.5",
        ] {
            assert!(read(t).is_none(), "{t}");
        }
    }
}
