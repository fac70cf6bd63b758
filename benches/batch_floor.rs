//! The floor of a batch run: what merely reading a JSON Lines file and parsing each line
//! costs, with nothing checked, evaluated or written. `qualif batch` is measured against
//! it (README.md, "Performance"; `benches/batch_floor.sh` prints both and their ratio).
//!
//! The same structure as `qualif batch` (crates/batch/src/lib.rs), minus everything but the
//! parse: one reader thread reads lines (64 KiB buffer, lines found with memchr, each line
//! its own `String`) and hands them over in chunks of 1,024 through a bounded channel; the
//! calling thread parses each chunk on every core with rayon, each line into a
//! `serde_json::Value`, dropped at once. The same allocator (mimalloc v2, as src/main.rs).
//!
//! `cargo bench --bench batch_floor -- FILE [RUNS]`: prints one line per run (seconds,
//! lines, lines per second), then the median. Run it under `taskset -c 0` for one core.

use std::io::{BufRead, BufReader};
use std::sync::mpsc::sync_channel;
use std::time::Instant;

use rayon::prelude::*;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// As `qualif batch`: records handed over at a time, and chunks in flight at most.
const CHUNK: usize = 1024;
const IN_FLIGHT: usize = 4;

/// Reads and parses every line of `path`: the number of lines parsed as JSON, and the
/// number that are not JSON.
fn floor(path: &str) -> std::io::Result<(u64, u64)> {
    let file = std::fs::File::open(path)?;
    let (tx, rx) = sync_channel::<Vec<String>>(IN_FLIGHT);
    let reader = std::thread::spawn(move || -> std::io::Result<()> {
        let mut input = BufReader::with_capacity(1 << 16, file);
        let mut chunk = Vec::with_capacity(CHUNK);
        loop {
            let mut line = Vec::new();
            loop {
                let available = input.fill_buf()?;
                if available.is_empty() {
                    break;
                }
                let (take, done) = match memchr::memchr(b'\n', available) {
                    Some(i) => (i + 1, true),
                    None => (available.len(), false),
                };
                line.extend_from_slice(&available[..take]);
                input.consume(take);
                if done {
                    break;
                }
            }
            if line.is_empty() {
                break;
            }
            while line.last().is_some_and(|b| *b == b'\n' || *b == b'\r') {
                line.pop();
            }
            let line = String::from_utf8(line)
                .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e))?;
            chunk.push(line);
            if chunk.len() == CHUNK {
                let full = std::mem::replace(&mut chunk, Vec::with_capacity(CHUNK));
                if tx.send(full).is_err() {
                    return Ok(());
                }
            }
        }
        if !chunk.is_empty() {
            let _ = tx.send(chunk);
        }
        Ok(())
    });
    let (mut parsed, mut bad) = (0u64, 0u64);
    for chunk in rx {
        let ok = chunk
            .par_iter()
            .filter(|line| serde_json::from_str::<serde_json::Value>(line).is_ok())
            .count() as u64;
        parsed += ok;
        bad += chunk.len() as u64 - ok;
    }
    reader.join().expect("the reader does not panic")?;
    Ok((parsed, bad))
}

fn main() {
    // `cargo bench` adds `--bench`: every argument that starts with `--` is cargo's.
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let Some(path) = args.first() else {
        eprintln!("usage: cargo bench --bench batch_floor -- FILE.jsonl [RUNS]");
        std::process::exit(2);
    };
    let runs: usize = args.get(1).and_then(|r| r.parse().ok()).unwrap_or(5).max(1);
    let mut times = Vec::with_capacity(runs);
    for _ in 0..runs {
        let start = Instant::now();
        let (parsed, bad) = match floor(path) {
            Ok(n) => n,
            Err(e) => {
                eprintln!("{path}: {e}");
                std::process::exit(2);
            }
        };
        let s = start.elapsed().as_secs_f64();
        println!(
            "floor {s:.3} s  {parsed} lines parsed ({bad} not JSON)  {:.0} lines/s",
            parsed as f64 / s
        );
        times.push(s);
    }
    times.sort_by(f64::total_cmp);
    println!("floor median {:.3} s", times[times.len() / 2]);
}
