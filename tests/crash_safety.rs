//! Crash safety: a writer killed at any moment (SIGKILL, no chance to clean up) leaves the
//! previous file intact and loadable, and the temporary files it leaves are removed by the
//! next write in that folder.
//!
//! The writer is this test binary itself, run again with `QUALIF_CRASH_WRITER` set: it
//! then writes ever newer generations of a large case file with `qualif::io::write_atomic`
//! until it is killed.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use qualif::diagnostics::SourceText;
use qualif::facts::{Case, Value};
use qualif::law::LawBook;

const WRITER: &str = "QUALIF_CRASH_WRITER";
const FIRST: &str = "QUALIF_CRASH_FIRST";

/// Generation `n` of the file: a valid case file of about 900 kB (padded with comments),
/// whose title, session count and last line all name `n`.
fn generation(n: u64) -> String {
    let mut s = format!(
        "version = 1\n\n[case]\ntitle = \"generation {n}\"\ndate_of_facts = \"2023-05-10\"\n\n[live]\nsessions = {n}\n\n"
    );
    let line =
        format!("# padding of generation {n:>12} ........................................\n");
    while s.len() < 900_000 {
        s.push_str(&line);
    }
    s.push_str(&format!("# end of generation {n}\n"));
    s
}

/// The generation a file holds, checking that it is whole: it loads as a case, and its
/// title, session count and last line agree.
fn check_whole(path: &Path) -> u64 {
    let book = LawBook::builtin().unwrap();
    let text = std::fs::read_to_string(path).expect("the file is readable UTF-8");
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    let case = Case::parse(
        &SourceText::new("f.toml", text.as_str()),
        &book.vocabulary,
        today,
    )
    .unwrap_or_else(|d| panic!("the file does not load: {d}"));
    let Some(Value::Int(n)) = case.get("live.sessions") else {
        panic!("no generation in the file")
    };
    let n = *n as u64;
    assert_eq!(
        case.get("case.title"),
        Some(&Value::Str(format!("generation {n}")))
    );
    assert!(
        text.ends_with(&format!("# end of generation {n}\n")),
        "the file is cut short"
    );
    assert_eq!(text, generation(n), "the file is exactly generation {n}");
    n
}

/// The generation in the file now, without checking it (0 when it cannot be read).
fn generation_in(path: &Path) -> u64 {
    std::fs::read_to_string(path)
        .ok()
        .and_then(|t| {
            let line = t.lines().find(|l| l.starts_with("sessions = "))?;
            line.trim_start_matches("sessions = ").parse().ok()
        })
        .unwrap_or(0)
}

/// The writer: runs only when this binary is started by the test below.
#[test]
fn crash_writer() {
    let Some(path) = std::env::var_os(WRITER) else {
        return;
    };
    let path = PathBuf::from(path);
    let mut n: u64 = std::env::var(FIRST).unwrap().parse().unwrap();
    loop {
        qualif::io::write_atomic(&path, generation(n).as_bytes()).unwrap();
        n += 1;
    }
}

fn temporaries(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".qualif-"))
        .collect()
}

/// A small pseudo-random sequence (no dependency needed): the moments of the kills.
fn next(seed: &mut u64) -> u64 {
    *seed ^= *seed << 13;
    *seed ^= *seed >> 7;
    *seed ^= *seed << 17;
    *seed
}

#[test]
fn a_writer_killed_at_any_moment_leaves_the_previous_file_whole() {
    if std::env::var_os(WRITER).is_some() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("case.toml");
    qualif::io::write_atomic(&path, generation(1).as_bytes()).unwrap();
    let mut seed = 0x9e37_79b9_7f4a_7c15_u64
        ^ std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos() as u64;
    let mut last = check_whole(&path);
    let mut kills = 0;
    let mut left_behind = 0;
    // No clock decides anything here: 25 kills, every other one once the writer has put a
    // new generation in place (so that some writes complete however loaded the machine).
    while kills < 25 {
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args([
                "--exact",
                "crash_writer",
                "--test-threads",
                "1",
                "--nocapture",
            ])
            .env(WRITER, &path)
            .env(FIRST, (last + 1).to_string())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("the writer starts");
        if kills % 2 == 1 {
            // Once a new generation is in place (a hang guard of about a minute, not a
            // measure), then a little later.
            for _ in 0..6000 {
                if generation_in(&path) > last {
                    break;
                }
                std::thread::sleep(Duration::from_millis(10));
            }
            std::thread::sleep(Duration::from_millis(next(&mut seed) % 50));
        } else {
            // Anywhere from before its first write to many writes later.
            std::thread::sleep(Duration::from_millis(next(&mut seed) % 400));
        }
        child.kill().expect("SIGKILL");
        child.wait().unwrap();
        kills += 1;
        let n = check_whole(&path);
        assert!(
            n >= last,
            "generation {n} after {last}: an older file came back"
        );
        last = n;
        left_behind = left_behind.max(temporaries(dir.path()).len());
        // Killed writers leave at most one temporary file each, and the next writer
        // removes those of the dead ones: they never pile up.
        assert!(
            temporaries(dir.path()).len() <= 1,
            "temporary files pile up: {:?}",
            temporaries(dir.path())
        );
    }
    assert!(last > 1, "the writers never completed a write");
    // A later write cleans up what the last killed writer left.
    qualif::io::write_atomic(&path, generation(last + 1).as_bytes()).unwrap();
    assert_eq!(check_whole(&path), last + 1);
    assert!(
        temporaries(dir.path()).is_empty(),
        "{:?}",
        temporaries(dir.path())
    );
    eprintln!(
        "{kills} writers killed; last generation {last}; at most {left_behind} temporary file(s) seen at once"
    );
}

/// An output of many megabytes (batch results), handed to the disk in steps while it is
/// written, arrives whole, in order, owner-only, and replaces the old file only at the end.
#[test]
fn a_large_output_written_in_pieces_arrives_whole() {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("results.jsonl");
    std::fs::write(&path, "old\n").unwrap();
    // 40 MiB in pieces of varied sizes, every byte telling its place.
    let piece = |k: usize| -> Vec<u8> {
        let len = 1 + (k * 7919) % 200_000;
        (0..len).map(|i| ((k * 31 + i) % 251) as u8).collect()
    };
    let mut expected = Vec::new();
    let mut out = qualif::io::OutputFile::create(&path).unwrap();
    let mut k = 0;
    while expected.len() < 40 << 20 {
        let p = piece(k);
        if k % 2 == 0 {
            out.write_all(&p).unwrap();
        } else {
            // `write` may take part of a piece: the rest is written again.
            let mut rest = &p[..];
            while !rest.is_empty() {
                let n = out.write(rest).unwrap();
                rest = &rest[n..];
            }
        }
        expected.extend_from_slice(&p);
        k += 1;
    }
    assert_eq!(
        std::fs::read(&path).unwrap(),
        b"old\n",
        "replaced before the end"
    );
    out.commit().unwrap();
    assert!(std::fs::read(&path).unwrap() == expected, "not whole");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    assert!(temporaries(dir.path()).is_empty());
}
