//! Reading the input: bytes counted, lines ended by `\n` only, each line bounded.

use super::*;

/// Counts the bytes read through it (for the progress bar of CSV input).
pub(super) struct CountingReader<R> {
    inner: R,
    pub(super) count: std::sync::Arc<std::sync::atomic::AtomicU64>,
}

impl<R> CountingReader<R> {
    pub(super) fn new(inner: R) -> Self {
        Self {
            inner,
            count: Default::default(),
        }
    }
}

impl<R: Read> Read for CountingReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count
            .fetch_add(n as u64, std::sync::atomic::Ordering::Relaxed);
        Ok(n)
    }
}

/// Line endings as `\n` only, and a `\n` at the end: each CRLF and each lone CR becomes LF,
/// and a file that does not end with a newline gets one. The CSV records are then cut at
/// `\n` alone ([`csv_input`]), and every record ends with one, lines counted the same way
/// whatever the file's line endings.
pub(super) struct LfLines<R> {
    inner: R,
    buf: Box<[u8]>,
    start: usize,
    end: usize,
    /// The last byte read was a `\r` (already passed on as `\n`).
    after_cr: bool,
    /// The last byte passed on.
    last: Option<u8>,
    eof: bool,
}

impl<R> LfLines<R> {
    pub(super) fn new(inner: R) -> Self {
        Self {
            inner,
            buf: vec![0; 1 << 16].into_boxed_slice(),
            start: 0,
            end: 0,
            after_cr: false,
            last: None,
            eof: false,
        }
    }
}

impl<R: Read> Read for LfLines<R> {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        let mut n = 0;
        while n == 0 && !out.is_empty() {
            if self.start == self.end {
                if self.eof {
                    break;
                }
                let k = self.inner.read(&mut self.buf)?;
                (self.start, self.end) = (0, k);
                if k == 0 {
                    self.eof = true;
                    if self.last.is_some_and(|b| b != b'\n') {
                        out[0] = b'\n';
                        self.last = Some(b'\n');
                        n = 1;
                    }
                    break;
                }
            }
            while self.start < self.end && n < out.len() {
                let b = self.buf[self.start];
                self.start += 1;
                let after_cr = std::mem::replace(&mut self.after_cr, b == b'\r');
                let b = match b {
                    b'\n' if after_cr => continue,
                    b'\r' => b'\n',
                    b => b,
                };
                out[n] = b;
                n += 1;
                self.last = Some(b);
            }
        }
        Ok(n)
    }
}

/// Reads one line into `buf` (newline included), keeping at most `limit` bytes: returns the
/// bytes consumed (0 at the end) and whether the line was longer than the limit.
pub(super) fn read_line_bounded(
    reader: &mut impl BufRead,
    buf: &mut Vec<u8>,
    limit: usize,
) -> std::io::Result<(usize, bool)> {
    let mut consumed = 0;
    let mut too_long = false;
    loop {
        let available = match reader.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if available.is_empty() {
            return Ok((consumed, too_long));
        }
        // memchr rather than a loop over the bytes: callgrind counted the loop at some
        // 2,700 more instructions per record of the synthetic batches.
        let (take, done) = match memchr::memchr(b'\n', available) {
            Some(i) => (i + 1, true),
            None => (available.len(), false),
        };
        if !too_long {
            if buf.len() + take > limit + 2 {
                too_long = true;
                buf.clear();
            } else {
                buf.extend_from_slice(&available[..take]);
            }
        }
        reader.consume(take);
        consumed += take;
        if done {
            return Ok((consumed, too_long));
        }
    }
}
