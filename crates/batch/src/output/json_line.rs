//! One case's result as a JSON line, its keys written by hand, its values by serde_json.

use super::*;

/// One case's result as a JSON line (without the newline), appended to `out`: the bytes
/// serde_json writes for the same object (the tests compare the two), every value (texts,
/// numbers, the date) written by serde_json.
///
/// The keys and punctuation are written here rather than through `#[derive(Serialize)]`
/// structs (the tests keep those structs, to compare): serde_json writes each of the
/// forty-odd keys of a line as a text, its escape test byte after byte included. Measured
/// with callgrind on 30,000 synthetic cases, the line through borrowed `Serialize` structs
/// cost 350 M instructions and the batch 2,045 M, against 150 M and 1,884 M this way:
/// 5,400 instructions a case more, +8.5 % of the whole batch (a hand-written path is kept
/// only where the crate costs more than 5 %).
pub fn json_line(out: &mut Vec<u8>, r: &CaseResult) {
    out.extend_from_slice(b"{\"kind\":\"case\",\"line\":");
    out.extend_from_slice(itoa::Buffer::new().format(r.line).as_bytes());
    out.extend_from_slice(b",\"law_date\":\"");
    // A date as chrono writes it: digits and dashes, nothing to escape.
    out.extend_from_slice(
        qualif_law::facts::format_date(r.law_date)
            .as_str()
            .as_bytes(),
    );
    out.extend_from_slice(b"\",\"place\":");
    opt_text(out, r.place);
    out.extend_from_slice(b",\"court_country\":");
    opt_text(out, r.court_country);
    out.extend_from_slice(b",\"imposed_months\":");
    number(out, r.imposed_months);
    out.extend_from_slice(b",\"life_sentence\":");
    out.extend_from_slice(match r.life_sentence {
        Some(true) => b"true",
        Some(false) => b"false",
        None => b"null",
    });
    out.extend_from_slice(b",\"systems\":[");
    for (i, s) in r.systems.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        out.extend_from_slice(b"{\"id\":");
        text(out, s.system);
        out.extend_from_slice(b",\"leading\":");
        match &s.leading {
            Some(l) => {
                out.extend_from_slice(b"{\"id\":");
                text(out, &l.provision.id);
                out.extend_from_slice(b",\"citation\":");
                text(out, &l.provision.citation);
                out.extend_from_slice(b",\"max_prison_months\":");
                number(out, l.max_prison_months);
                out.extend_from_slice(if l.life {
                    b",\"life\":true}"
                } else {
                    b",\"life\":false}"
                });
            }
            None => out.extend_from_slice(b"null"),
        }
        out.extend_from_slice(b",\"share_of_maximum\":");
        number(out, r4(s.share_of_maximum));
        out.push(b'}');
    }
    out.extend_from_slice(b"],\"scale\":");
    match &r.scale {
        Some(s) => {
            out.extend_from_slice(b"{\"guideline\":");
            text(out, s.guideline);
            out.extend_from_slice(b",\"category\":");
            text(out, s.category);
            out.extend_from_slice(b",\"role\":");
            text(out, s.role);
            out.extend_from_slice(b",\"starting_point_months\":");
            number(out, s.starting_point_months);
            out.extend_from_slice(b",\"starting_point\":");
            text(out, &s.starting_point_text);
            out.push(b'}');
        }
        None => out.extend_from_slice(b"null"),
    }
    out.extend_from_slice(b",\"ratio_to_starting_point\":");
    number(out, r4(r.ratio_to_starting_point));
    out.extend_from_slice(b",\"applicable_system\":");
    opt_text(out, r.applicable_system);
    out.extend_from_slice(b",\"share_of_applicable_maximum\":");
    number(out, r4(r.share_of_applicable_maximum));
    out.push(b'}');
}

/// A JSON value as serde_json writes it: a text escaped, a number as ryu and itoa write
/// it (`null` when absent or not finite).
pub(super) fn value<T: Serialize + ?Sized>(out: &mut Vec<u8>, v: &T) {
    serde_json::to_writer(out, v).expect("writing to a Vec does not fail");
}

/// A number of months, a share or a ratio (or `null`) as serde_json writes it. A whole
/// number below 10^15 (most maxima and starting points: 60, 120, 240 months) is its digits
/// and `.0`, as serde_json writes it (the tests compare the two), written with the
/// integer's digits rather than through the float formatter (perf: some 2.7 % of a batch
/// on one core in formatting floats).
pub(super) fn number(out: &mut Vec<u8>, v: Option<f64>) {
    match v {
        // -0.0 is written with its sign: left to serde_json.
        Some(x) if x.fract() == 0.0 && x.abs() < 1e15 && !(x == 0.0 && x.is_sign_negative()) => {
            out.extend_from_slice(itoa::Buffer::new().format(x as i64).as_bytes());
            out.extend_from_slice(b".0");
        }
        _ => value(out, &v),
    }
}

/// A text as serde_json writes it. A text with nothing to escape (no quote, backslash or
/// control character: serde_json escapes nothing else, and writes other characters as
/// they are) is copied between quotes at once; serde_json writes the others. Its escape
/// test goes byte by byte through a table, then copies each run: callgrind counted it at
/// some 2,100 instructions a case (the ids and citations of the leading provisions, the
/// starting point) for texts that hold nothing to escape.
pub(super) fn text(out: &mut Vec<u8>, s: &str) {
    if needs_escape(s.as_bytes()) {
        value(out, s);
    } else {
        out.reserve(s.len() + 2);
        out.push(b'"');
        out.extend_from_slice(s.as_bytes());
        out.push(b'"');
    }
}

fn opt_text(out: &mut Vec<u8>, s: Option<&str>) {
    match s {
        Some(s) => text(out, s),
        None => out.extend_from_slice(b"null"),
    }
}

/// Whether a text holds a byte that JSON escapes: below 0x20, `"` or `\`. Eight bytes at
/// a time: a byte of `v` below `n` (`n` <= 0x80) sets its high bit in
/// `(v - n·0x01…01) & !v & 0x80…80`, and a byte equal to `c` is a zero byte of `v ^ c·0x01…01`
/// (the first bytes flagged are exact; a flag after them may not be, which only matters for
/// which byte, not whether).
pub(super) fn needs_escape(s: &[u8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let below = |v: u64, n: u8| v.wrapping_sub(ONES * u64::from(n)) & !v & HIGH;
    let mut words = s.chunks_exact(8);
    for w in &mut words {
        let v = u64::from_le_bytes(w.try_into().expect("eight bytes"));
        let flagged = below(v, 0x20)
            | below(v ^ (ONES * u64::from(b'"')), 1)
            | below(v ^ (ONES * u64::from(b'\\')), 1);
        if flagged != 0 {
            return true;
        }
    }
    words
        .remainder()
        .iter()
        .any(|&b| b < 0x20 || b == b'"' || b == b'\\')
}
