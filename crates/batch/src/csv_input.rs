//! CSV records read one at a time, each bounded.
//!
//! The csv crate's reader holds a record in memory however long it grows: a file of 300 MB
//! whose one quote is never closed became one record of 300 MB (1.17 GB of memory), and
//! was then reported as a row of one field, one line before the quote. Here the input is cut
//! into records first, by a small scanner that follows the quotes as CSV does (RFC 4180,
//! what csv-core reads): a record longer than the limit is passed over to its end without
//! being kept, and a quote still open at the end of the input is reported where it opens.
//! Each record's bytes, whole, are then split into fields by csv-core (the csv crate's own
//! parser), so that fields read as they did with the csv crate.
//!
//! The input is expected with `\n` line ends only (see `LfLines` in the parent module).

use std::io::BufRead;

/// One record of a CSV input.
#[derive(Debug)]
pub(crate) enum CsvRecord {
    /// A record: the line where it starts, and its fields.
    Fields { line: u64, record: csv::ByteRecord },
    /// Longer than the limit: passed over to its end.
    TooLong { line: u64 },
    /// A quoted field still open at the end of the input: everything after its quote was
    /// read as that field. `quote_line` and `field` (1-based) say where the quote opens.
    UnterminatedQuote { quote_line: u64, field: u64 },
}

/// Where the scanner is in a record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    /// Between records: a `\n` here is a blank line, skipped.
    StartRecord,
    StartField,
    Unquoted,
    Quoted,
    /// A `"` inside a quoted field: `""` is a quote, anything else ends the quoting.
    QuoteInQuoted,
}

impl State {
    /// The state after byte `b`, and whether `b` ends the record. csv-core's rules: a quote
    /// opens quoting only at the start of a field; inside, `""` is a quote; after the closing
    /// quote, the field goes on unquoted.
    fn next(self, b: u8) -> (State, bool) {
        use State::*;
        match (self, b) {
            (StartRecord | StartField, b'"') => (Quoted, false),
            (StartRecord | StartField | Unquoted | QuoteInQuoted, b',') => (StartField, false),
            (StartRecord, b'\n') => (StartRecord, false),
            (StartField | Unquoted | QuoteInQuoted, b'\n') => (StartRecord, true),
            (Quoted, b'"') => (QuoteInQuoted, false),
            (Quoted, _) => (Quoted, false),
            (QuoteInQuoted, b'"') => (Quoted, false),
            (StartRecord | StartField | Unquoted | QuoteInQuoted, _) => (Unquoted, false),
        }
    }
}

/// Reads the records of a CSV input.
pub(crate) struct CsvRecords<R> {
    input: R,
    /// The most bytes a record may hold (its final `\n` not counted).
    limit: usize,
    /// The line of the next byte (1-based).
    line: u64,
    /// The bytes of the record being read.
    raw: Vec<u8>,
    core: csv_core::Reader,
    fields: Vec<u8>,
    ends: Vec<usize>,
    done: bool,
}

impl<R: BufRead> CsvRecords<R> {
    pub(crate) fn new(input: R, limit: usize) -> Self {
        Self {
            input,
            limit,
            line: 1,
            raw: Vec::new(),
            core: csv_core::Reader::new(),
            fields: Vec::new(),
            ends: Vec::new(),
            done: false,
        }
    }

    /// The reader of the input (for tests: how far it was read).
    #[cfg(test)]
    pub(crate) fn get_ref(&self) -> &R {
        &self.input
    }

    /// The next record; `None` at the end of the input (and after an unterminated quote,
    /// which takes the rest of the input).
    pub(crate) fn next_record(&mut self) -> std::io::Result<Option<CsvRecord>> {
        self.read(false)
    }

    /// The header row: as [`CsvRecords::next_record`], but a header longer than the limit
    /// is not read to its end (the run stops there): its first `limit` bytes are kept and
    /// split into fields, for the message to say what they hold.
    pub(crate) fn header(&mut self) -> std::io::Result<Option<(CsvRecord, bool)>> {
        match self.read(true)? {
            Some(CsvRecord::TooLong { line }) => {
                let record = self.split();
                Ok(Some((CsvRecord::Fields { line, record }, true)))
            }
            other => Ok(other.map(|r| (r, false))),
        }
    }

    fn read(&mut self, stop_when_too_long: bool) -> std::io::Result<Option<CsvRecord>> {
        self.raw.clear();
        if self.done {
            return Ok(None);
        }
        let mut state = State::StartRecord;
        let mut start_line = self.line;
        let mut too_long = false;
        // The field being read (0-based) and, in a quoted field, the line of its quote.
        let mut field = 0u64;
        let mut quote_line = 0u64;
        loop {
            let buf = match self.input.fill_buf() {
                Ok(b) => b,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if buf.is_empty() {
                self.done = true;
                return Ok(match state {
                    State::StartRecord => None,
                    State::Quoted => Some(CsvRecord::UnterminatedQuote {
                        quote_line,
                        field: field + 1,
                    }),
                    // No `\n` at the end (`LfLines` adds one; other readers may not).
                    _ if too_long => Some(CsvRecord::TooLong { line: start_line }),
                    _ => Some(CsvRecord::Fields {
                        line: start_line,
                        record: self.split(),
                    }),
                });
            }
            // The part of this buffer that belongs to the record, and where the record
            // ends in it (at its `\n`, which is not kept).
            let mut from = (state != State::StartRecord).then_some(0);
            let mut end = None;
            for (i, &b) in buf.iter().enumerate() {
                if state == State::StartRecord && b != b'\n' {
                    start_line = self.line;
                    from = Some(i);
                }
                let (next, ends) = state.next(b);
                if b == b',' && next == State::StartField {
                    field += 1;
                } else if next == State::Quoted
                    && matches!(state, State::StartRecord | State::StartField)
                {
                    quote_line = self.line;
                }
                if b == b'\n' {
                    self.line += 1;
                }
                state = next;
                if ends {
                    end = Some(i);
                    break;
                }
            }
            let consumed = end.map_or(buf.len(), |i| i + 1);
            if let (Some(from), false) = (from, too_long) {
                let piece = &buf[from..end.unwrap_or(buf.len())];
                let room = self.limit - self.raw.len();
                if piece.len() > room {
                    too_long = true;
                    self.raw.extend_from_slice(&piece[..room]);
                } else {
                    self.raw.extend_from_slice(piece);
                }
            }
            self.input.consume(consumed);
            if too_long && stop_when_too_long {
                return Ok(Some(CsvRecord::TooLong { line: start_line }));
            }
            if end.is_some() {
                return Ok(Some(if too_long {
                    CsvRecord::TooLong { line: start_line }
                } else {
                    CsvRecord::Fields {
                        line: start_line,
                        record: self.split(),
                    }
                }));
            }
        }
    }

    /// The fields of the record in `raw` (without its `\n`), as csv-core splits them.
    fn split(&mut self) -> csv::ByteRecord {
        self.core.reset();
        let n = self.raw.len();
        // Enough for any record: its fields are no longer than its bytes, and it has at
        // most one more field than bytes.
        self.fields.resize(n.max(1), 0);
        self.ends.resize(n + 2, 0);
        let (_, nin, nout, nend) =
            self.core
                .read_record(&self.raw, &mut self.fields, &mut self.ends);
        debug_assert_eq!(nin, n, "csv-core reads the whole record");
        // Without its `\n`, the record is ended by an empty input (the end of the input).
        let (_, _, o, e) =
            self.core
                .read_record(&[], &mut self.fields[nout..], &mut self.ends[nend..]);
        let (nout, nend) = (nout + o, nend + e);
        let mut record = csv::ByteRecord::with_capacity(nout, nend);
        let mut start = 0;
        for &end in &self.ends[..nend] {
            record.push_field(&self.fields[start..end]);
            start = end;
        }
        record
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(input: &str, limit: usize) -> Vec<String> {
        let mut r = CsvRecords::new(input.as_bytes(), limit);
        let mut out = Vec::new();
        while let Some(rec) = r.next_record().unwrap() {
            out.push(match rec {
                CsvRecord::Fields { line, record } => format!(
                    "{line}: {}",
                    record
                        .iter()
                        .map(|f| String::from_utf8_lossy(f).into_owned())
                        .collect::<Vec<_>>()
                        .join("|")
                ),
                CsvRecord::TooLong { line } => format!("{line}: too long"),
                CsvRecord::UnterminatedQuote { quote_line, field } => {
                    format!("{quote_line}: quote of field {field} never closed")
                }
            });
        }
        out
    }

    /// Fields read as the csv crate read them (with flexible rows), at their first line.
    #[test]
    fn records_and_fields_are_those_of_the_csv_crate() {
        let inputs = [
            "a,b\nc,d\n",
            "a,b\n\n\nc,d\n",
            "\n\na\n",
            "\"a,b\",c\n\"x\"\"y\",z\n",
            "\"two\nlines\",x\nnext,1\n",
            "\"a\"b,c\n",
            "a\"b\",c\n",
            ",,\n , ,\"\"\n",
            "\"\"\"\",\n",
            "a,b",
            "é,ü\n",
            "x,\"\",\"\"\"\"\"\"\n",
        ];
        for input in inputs {
            let mut expected = Vec::new();
            let mut reader = csv::ReaderBuilder::new()
                .has_headers(false)
                .flexible(true)
                .from_reader(input.as_bytes());
            let mut record = csv::ByteRecord::new();
            let mut lines = Vec::new();
            while reader.read_byte_record(&mut record).unwrap() {
                lines.push(record.position().unwrap().line());
                expected.push(
                    record
                        .iter()
                        .map(|f| String::from_utf8_lossy(f).into_owned())
                        .collect::<Vec<_>>()
                        .join("|"),
                );
            }
            let got: Vec<String> = all(input, 1000)
                .into_iter()
                .map(|s| s.split_once(": ").unwrap().1.to_string())
                .collect();
            assert_eq!(got, expected, "{input:?}");
        }
        assert_eq!(
            all("h\n\n\"two\nlines\",x\n\nnext,1\n", 1000),
            ["1: h", "3: two\nlines|x", "6: next|1"]
        );
    }

    #[test]
    fn a_record_over_the_limit_is_passed_over_to_its_end() {
        let long = "x".repeat(50);
        let input = format!("a,b\n{long},1\n\"{long}\n{long}\",2\nc,d\n");
        assert_eq!(
            all(&input, 20),
            ["1: a|b", "2: too long", "3: too long", "5: c|d"]
        );
        // Exactly at the limit: kept.
        assert_eq!(all("12345\n123456\n", 5), ["1: 12345", "2: too long"]);
    }

    #[test]
    fn a_quote_never_closed_is_reported_where_it_opens() {
        assert_eq!(
            all("a,b\nok,1\nx,\"abc,3\nx,4\n", 1000),
            ["1: a|b", "2: ok|1", "3: quote of field 2 never closed"]
        );
        // Also when the field grows past the limit.
        let input = format!("a\n\"{}\n", "y\n".repeat(100));
        assert_eq!(
            all(&input, 20),
            ["1: a", "2: quote of field 1 never closed"]
        );
    }

    /// A header over the limit is cut there, not read to its end.
    #[test]
    fn a_header_over_the_limit_is_cut_at_the_limit() {
        struct Zeros(u64);
        impl std::io::Read for Zeros {
            fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
                buf.fill(0);
                self.0 += buf.len() as u64;
                Ok(buf.len())
            }
        }
        let mut r = CsvRecords::new(std::io::BufReader::with_capacity(64, Zeros(0)), 100);
        let Some((CsvRecord::Fields { line, record }, true)) = r.header().unwrap() else {
            panic!("a header cut at the limit");
        };
        assert_eq!((line, record.len(), record[0].len()), (1, 1, 100));
        assert!(
            r.get_ref().get_ref().0 <= 192,
            "read no further than the limit"
        );
    }
}
