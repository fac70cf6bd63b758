//! Tests of batch input: lines, line ends and bounds.

use super::*;

/// Reads one byte at a time: every `\r` ends a buffer of the inner reader.
struct Trickle<'a>(&'a [u8]);

impl Read for Trickle<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        match (self.0.split_first(), buf.is_empty()) {
            (Some((b, rest)), false) => {
                buf[0] = *b;
                self.0 = rest;
                Ok(1)
            }
            _ => Ok(0),
        }
    }
}

fn normalised(input: &[u8], whole: bool) -> Vec<u8> {
    let mut out = Vec::new();
    if whole {
        LfLines::new(input).read_to_end(&mut out).unwrap();
    } else {
        LfLines::new(Trickle(input)).read_to_end(&mut out).unwrap();
    }
    out
}

#[test]
fn every_line_ends_with_one_lf() {
    for whole in [true, false] {
        assert_eq!(normalised(b"a,b\r\nc,d\r\n", whole), b"a,b\nc,d\n");
        assert_eq!(normalised(b"a\rb\r\r\nc\r", whole), b"a\nb\n\nc\n");
        assert_eq!(normalised(b"\r\n\r\n", whole), b"\n\n");
        assert_eq!(normalised(b"a,b\nc", whole), b"a,b\nc\n");
        assert_eq!(normalised(b"", whole), b"");
    }
}

#[test]
fn csv_lines_are_right_with_crlf_and_a_line_of_spaces_or_empty_cells_is_blank() {
    let book = LawBook::builtin().unwrap();
    let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    let ctx = Context::new(&book, None, None, today);
    for eol in ["\n", "\r\n", "\r"] {
        for last in ["", eol] {
            // Line 7 is one record over three lines (a title with two line breaks).
            let input = [
                "case.title,case.place,victim.age",
                ",FR,12",
                "   ",
                "",
                ",BE,x",
                "",
                "\"two",
                "",
                "lines\",CA,3",
                ",BE,",
                ",,",
                " , ,\"\"",
            ]
            .join(eol)
                + last;
            let (out, counts, _, rejected) =
                run_to_string(&ctx, &input, InputFormat::Csv, OutputFormat::Csv).unwrap();
            assert_eq!((counts.records, counts.rejected), (4, 1), "{eol:?}");
            assert_eq!(rejected[0].line, 5, "{eol:?}");
            let lines: Vec<&str> = out.lines().skip(1).map(|l| &l[..3]).collect();
            assert_eq!(lines, ["2,2", "7,2", "10,"], "{eol:?} {last:?}");
        }
    }
}

#[test]
fn a_byte_order_mark_before_the_first_json_line_is_ignored() {
    let book = LawBook::builtin().unwrap();
    let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    let ctx = Context::new(&book, None, None, today);
    let input = "\u{feff}{\"case\": {\"place\": \"FR\"}}\r\n{\"case\": {\"place\": \"BE\"}}\r\n";
    let (_, counts, _, rejected) =
        run_to_string(&ctx, input, InputFormat::Jsonl, OutputFormat::Json).unwrap();
    assert_eq!((counts.evaluated, counts.rejected), (2, 0), "{rejected:?}");
}
