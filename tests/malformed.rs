//! Hostile inputs thrown at every command: malformed case files, odd but valid ones, broken
//! data folders, and inputs too large to commit (generated here). Each run has a limit of
//! processor time and a limit of memory, both far above what a run needs, so that only
//! unbounded work trips them; none may panic, loop or print a backtrace. No test reads the
//! clock: a loaded machine makes a run slower, not wrong. The corpus is described in
//! `tests/malformed/README.md`.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// Processor-time limit of one run, in seconds (`ulimit -t`): the time the run itself
/// computes, which other builds on the machine do not lengthen. A debug build needs well
/// under a second; the limit only stops a run that would compute forever (the kernel then
/// kills it, and [`assert_no_panic`] reports the signal).
const CPU_LIMIT_SECONDS: u64 = 300;
/// Address-space limit of one run, in KiB (`ulimit -v`): 2 GiB, a hundred times what a run
/// needs, so that only unbounded growth trips it.
const MEMORY_LIMIT_KIB: u64 = 2 * 1024 * 1024;
const SCENARIO: &str = "tests/scenarios/07-livestream-philippines.toml";

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

/// Runs `qualif ARGS` under the processor-time and memory limits. Output goes to files, not
/// pipes, so that a large output cannot block the child while the test waits for it.
fn qualif(args: &[&str]) -> Run {
    use std::io::{Read, Seek};
    let out = tempfile::tempfile().expect("a temporary file");
    let err = tempfile::tempfile().expect("a temporary file");
    let mut child = Command::new("/bin/sh")
        .arg("-c")
        .arg(format!(
            "ulimit -v {MEMORY_LIMIT_KIB} && ulimit -t {CPU_LIMIT_SECONDS} && exec \"$0\" \"$@\""
        ))
        .arg(env!("CARGO_BIN_EXE_qualif"))
        .args(args)
        .env("QUALIF_TODAY", "2026-11-22")
        .env_remove("RUST_BACKTRACE")
        .env_remove("RUST_LIB_BACKTRACE")
        .stdin(Stdio::null())
        .stdout(Stdio::from(out.try_clone().unwrap()))
        .stderr(Stdio::from(err.try_clone().unwrap()))
        .spawn()
        .expect("the binary starts");
    let status = child.wait().expect("wait");
    let read = |mut f: std::fs::File| {
        let mut bytes = Vec::new();
        f.rewind().unwrap();
        f.read_to_end(&mut bytes).unwrap();
        String::from_utf8_lossy(&bytes).into_owned()
    };
    Run {
        code: status.code(),
        stdout: read(out),
        stderr: read(err),
    }
}

fn assert_no_panic(r: &Run, what: &str) {
    assert!(
        r.code.is_some(),
        "{what}: killed by a signal (stack overflow, abort or memory limit)\n{}",
        r.stderr
    );
    for sign in [
        "panicked",
        "RUST_BACKTRACE",
        "stack overflow",
        "memory allocation",
        "fatal runtime error",
    ] {
        assert!(!r.stderr.contains(sign), "{what}: {sign}\n{}", r.stderr);
    }
}

/// Bad input: exit 2, nothing on stdout, exactly one located message about `file`.
fn assert_refused(r: &Run, file: &str, what: &str) {
    assert_no_panic(r, what);
    assert_eq!(r.code, Some(2), "{what}: exit code\n{}", r.stderr);
    assert!(r.stdout.is_empty(), "{what}: stdout not empty");
    assert!(
        r.stderr.starts_with(&format!("error: {file}:")),
        "{what}: the message names the file, line and column\n{}",
        r.stderr
    );
    let located = r.stderr[format!("error: {file}:").len()..]
        .split(':')
        .take(2)
        .all(|n| n.parse::<usize>().is_ok_and(|n| n >= 1));
    assert!(located, "{what}: line and column\n{}", r.stderr);
    assert_eq!(r.stderr.matches("error:").count(), 1, "{what}: one message");
}

/// The commands that read a case file. `report` joins them as soon as the binary has it.
fn case_commands() -> Vec<Vec<&'static str>> {
    let mut out = vec![
        vec!["assess", "--format", "json"],
        vec!["compare", "--format", "json"],
        vec!["scale", "--format", "json"],
    ];
    if qualif(&["help", "report"]).code == Some(0) {
        out.push(vec!["report", "--format", "json"]);
    }
    out
}

fn files_in(dir: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    files
}

/// Runs jobs on two threads (the machine has two cores, shared).
fn in_parallel<T: Send, R: Send>(items: Vec<T>, f: impl Fn(T) -> R + Sync) -> Vec<R> {
    let items = std::sync::Mutex::new(items.into_iter().enumerate().collect::<Vec<_>>());
    let results = std::sync::Mutex::new(Vec::new());
    std::thread::scope(|s| {
        for _ in 0..2 {
            s.spawn(|| {
                loop {
                    let Some((i, item)) = items.lock().unwrap().pop() else {
                        break;
                    };
                    let r = f(item);
                    results.lock().unwrap().push((i, r));
                }
            });
        }
    });
    let mut results = results.into_inner().unwrap();
    results.sort_by_key(|(i, _)| *i);
    results.into_iter().map(|(_, r)| r).collect()
}

/// Every command refuses every malformed case file with the same located message (the
/// messages themselves are in the `cli__malformed_cases` snapshot).
#[test]
fn every_command_refuses_every_malformed_case_file() {
    let files = files_in("tests/malformed/cases");
    assert!(files.len() >= 70, "the corpus is complete");
    let commands = case_commands();
    in_parallel(files, |f| {
        let file = f.to_str().unwrap();
        let mut first: Option<String> = None;
        for cmd in &commands {
            let mut args = vec![cmd[0], file];
            args.extend(&cmd[1..]);
            let r = qualif(&args);
            assert_refused(&r, file, &format!("{} {file}", cmd[0]));
            match &first {
                None => first = Some(r.stderr),
                Some(m) => assert_eq!(&r.stderr, m, "{} {file}: same message", cmd[0]),
            }
        }
    });
}

/// Odd but valid case files load in every command, with nothing on stderr.
#[test]
fn odd_but_valid_case_files_are_accepted() {
    let files = files_in("tests/malformed/accepted");
    assert!(files.len() >= 10);
    let commands = case_commands();
    in_parallel(files, |f| {
        let file = f.to_str().unwrap();
        for cmd in &commands {
            let mut args = vec![cmd[0], file];
            args.extend(&cmd[1..]);
            let r = qualif(&args);
            assert_no_panic(&r, file);
            assert_eq!(r.code, Some(0), "{} {file}:\n{}", cmd[0], r.stderr);
            assert!(
                r.stderr.is_empty(),
                "{} {file}: stderr\n{}",
                cmd[0],
                r.stderr
            );
            // No date beyond 9999-12-31 computed (chrono writes it "+10017-01-01"): from a
            // birth in year 9999, the victim's majority and the limitation periods were.
            let beyond = r
                .stdout
                .match_indices("\"+")
                .any(|(i, _)| r.stdout[i + 2..].starts_with(|c: char| c.is_ascii_digit()));
            assert!(!beyond, "{} {file}: a date beyond 9999-12-31", cmd[0]);
            if cmd[0] != "scale" {
                let v: serde_json::Value = serde_json::from_str(&r.stdout)
                    .unwrap_or_else(|e| panic!("{} {file}: JSON: {e}", cmd[0]));
                assert_eq!(v["contract"], 1);
            }
        }
    });
}

/// Case files too large to commit, generated: each is refused by every command with its
/// message in a snapshot.
#[test]
fn generated_hostile_case_files() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let big = |n: usize, c: char| std::iter::repeat_n(c, n).collect::<String>();
    let cases: Vec<(&str, Vec<u8>)> = vec![
        (
            "10-mb-string.toml",
            format!("[case]\ntitle = \"{}\"\n", big(10_000_000, 'x')).into_bytes(),
        ),
        (
            "900-kb-title.toml",
            format!("[case]\ntitle = \"{}\"\n", big(900_000, 'x')).into_bytes(),
        ),
        (
            "100000-nested-arrays.toml",
            format!(
                "[victim]\nnationality = {}{}\n",
                big(100_000, '['),
                big(100_000, ']')
            )
            .into_bytes(),
        ),
        (
            "100000-nested-inline-tables.toml",
            format!(
                "[victim]\nage = {}1{}\n",
                "{a=".repeat(100_000),
                big(100_000, '}')
            )
            .into_bytes(),
        ),
        (
            "100000-dotted-header.toml",
            format!("[victim{}]\n", ".x".repeat(100_000)).into_bytes(),
        ),
        (
            "100000-unclosed-brackets.toml",
            format!("[victim]\nnationality = {}\n", big(100_000, '[')).into_bytes(),
        ),
        (
            "500-kb-unknown-key.toml",
            format!("[victim]\n{} = 1\n", big(500_000, 'a')).into_bytes(),
        ),
        (
            "500-kb-enum-value.toml",
            format!("[act]\nsexual_contact = \"{}\"\n", big(500_000, 'z')).into_bytes(),
        ),
        (
            "200000-lines-then-error.toml",
            format!("{}[victim]\nage = -1\n", "# comment\n".repeat(100_000)).into_bytes(),
        ),
        (
            "100000-list-items.toml",
            format!(
                "[victim]\nnationality = [{}\"FRA\"]\n",
                "\"FR\", ".repeat(100_000)
            )
            .into_bytes(),
        ),
        ("exactly-one-byte-too-large.toml", {
            let head = "[case]\nnotes = \"";
            let tail = "\"\n";
            let fill = qualif::facts::MAX_CASE_FILE_BYTES + 1 - head.len() - tail.len();
            format!("{head}{}{tail}", big(fill, 'n')).into_bytes()
        }),
    ];
    let commands = case_commands();
    let results = in_parallel(cases, |(name, bytes)| {
        let path = d.join(name);
        std::fs::write(&path, &bytes).unwrap();
        let file = path.to_str().unwrap().to_string();
        let mut message = None;
        for cmd in &commands {
            let mut args = vec![cmd[0], file.as_str()];
            args.extend(&cmd[1..]);
            let r = qualif(&args);
            assert_refused(&r, &file, &format!("{} {name}", cmd[0]));
            assert!(
                r.stderr.len() < 2_000,
                "{name}: a message of {} bytes",
                r.stderr.len()
            );
            message.get_or_insert(r.stderr);
        }
        format!("## {name}\n{}\n", message.unwrap())
    });
    let all = results.concat().replace(d.to_str().unwrap(), "TMP");
    insta::assert_snapshot!("generated_cases", all);
}

/// A data folder: the built-in vocabulary (or `vocabulary`) and one system file.
fn data_dir(vocabulary: &str, system: Option<&[u8]>) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("vocabulary.toml"), vocabulary).unwrap();
    if let Some(s) = system {
        std::fs::write(dir.path().join("xx.toml"), s).unwrap();
    }
    dir
}

fn builtin_vocabulary() -> String {
    std::fs::read_to_string("jurisdictions/vocabulary.toml").unwrap()
}

/// `law validate DIR` finds the problem (exit 1, every message located in the folder's
/// files), and the other commands refuse the folder (exit 2). Returns validate's stderr
/// with the folder written `DIR`.
fn check_broken_data(dir: &Path, what: &str) -> String {
    let d = dir.to_str().unwrap();
    let r = qualif(&["law", "validate", d]);
    assert_no_panic(&r, what);
    let err = r.stderr.replace(d, "DIR");
    assert_eq!(r.code, Some(1), "{what}: validate exits 1\n{err}");
    let messages: Vec<&str> = err.lines().filter(|l| l.starts_with("error: ")).collect();
    assert!(!messages.is_empty(), "{what}: no message\n{err}");
    for m in &messages {
        let rest = m
            .strip_prefix("error: DIR/")
            .unwrap_or_else(|| panic!("{what}: a message about a file of the folder: {m}"));
        let mut parts = rest.splitn(4, ':');
        let _file = parts.next();
        let located = parts
            .take(2)
            .all(|n| n.parse::<usize>().is_ok_and(|n| n >= 1));
        assert!(located, "{what}: line and column: {m}");
    }
    assert!(
        err.len() < 20_000,
        "{what}: {} bytes of messages",
        err.len()
    );
    for args in [
        vec!["--data-dir", d, "assess", SCENARIO],
        vec!["--data-dir", d, "compare", SCENARIO],
    ] {
        let r = qualif(&args);
        assert_no_panic(&r, what);
        assert_eq!(r.code, Some(2), "{what}: {args:?}\n{}", r.stderr);
        assert!(r.stdout.is_empty(), "{what}: {args:?} stdout");
    }
    err
}

#[test]
fn broken_system_files() {
    let vocabulary = builtin_vocabulary();
    let files = files_in("tests/malformed/data/systems");
    assert!(files.len() >= 40);
    let out = in_parallel(files, |f| {
        let name = f.file_name().unwrap().to_string_lossy().into_owned();
        let dir = data_dir(&vocabulary, Some(&std::fs::read(&f).unwrap()));
        format!("## {name}\n{}\n", check_broken_data(dir.path(), &name))
    });
    insta::assert_snapshot!("broken_system_files", out.concat());
}

#[test]
fn broken_vocabularies() {
    let vocabulary = builtin_vocabulary();
    let files = files_in("tests/malformed/data/vocabularies");
    assert!(files.len() >= 15);
    let system = std::fs::read("tests/fixtures/compare/xa.toml").unwrap();
    let out = in_parallel(files, |f| {
        let name = f.file_name().unwrap().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(&f).unwrap();
        let standalone = text.starts_with("# standalone");
        let whole = if standalone {
            text
        } else {
            format!("{vocabulary}{text}")
        };
        let dir = data_dir(&whole, Some(&system));
        let mut err = check_broken_data(dir.path(), &name);
        if !standalone {
            err = relative_lines(&err, vocabulary.lines().count());
        }
        format!("## {name}\n{err}\n\n")
    });
    insta::assert_snapshot!("broken_vocabularies", out.concat());
}

/// Writes the lines of the built-in vocabulary's messages relative to its end
/// (`vocabulary.toml:+3:7`), so that the snapshot does not change when a fact is added.
fn relative_lines(err: &str, builtin_lines: usize) -> String {
    const AT: &str = "error: DIR/vocabulary.toml:";
    err.lines()
        .map(
            |l| match l.strip_prefix(AT).and_then(|r| r.split_once(':')) {
                Some((line, rest)) if line.parse::<usize>().is_ok() => {
                    let line: usize = line.parse().unwrap();
                    format!("{AT}+{}:{rest}", line.saturating_sub(builtin_lines))
                }
                _ => l.to_string(),
            },
        )
        .collect::<Vec<_>>()
        .join("\n")
}

const HEADER: &str = "[system]\nid = \"XX\"\nkind = \"national\"\nlanguage = \"en\"\nname = { fr = \"X\", en = \"X\" }\n";

fn provision(id: &str, when: &str) -> String {
    format!(
        "\n[[provision]]\nid = \"{id}\"\ncitation = \"s\"\ntitle = {{ fr = \"a\", en = \"a\" }}\nelement = [{{ id = \"e\", label = {{ fr = \"e\", en = \"e\" }}, when = \"\"\"{when}\"\"\" }}]\nversion = [{{ in_force_from = \"2020-01-01\", verification = \"verified-primary\", sources = [\"https://example.org/law\"], penalty = {{ prison_max = \"5y\" }} }}]\n"
    )
}

/// Data files too large to commit, generated: deep and long conditions, a file over the
/// size limit.
#[test]
fn generated_broken_data_files() {
    let vocabulary = builtin_vocabulary();
    let one_mb_invalid = format!(
        "{} or victim.agee < 15",
        vec!["act.coercion"; 80_000].join(" or ")
    );
    let cases: Vec<(&str, String)> = vec![
        (
            "10000-nested-parentheses",
            provision(
                "XX.1",
                &format!("{}act.coercion{}", "(".repeat(10_000), ")".repeat(10_000)),
            ),
        ),
        (
            "10000-unclosed-parentheses",
            provision("XX.1", &format!("{}act.coercion", "(".repeat(10_000))),
        ),
        (
            "10000-nots",
            provision("XX.1", &format!("{}act.coercion", "not ".repeat(10_000))),
        ),
        (
            "10000-nested-applies",
            provision(
                "XX.1",
                &format!("applies({}XX.2{}", "(".repeat(10_000), ")".repeat(10_000)),
            ),
        ),
        (
            "1-mb-condition-with-an-error",
            provision("XX.1", &one_mb_invalid),
        ),
        (
            "100000-nested-arrays-in-a-system-file",
            format!(
                "{HEADER}notes = {}{}\n",
                "[".repeat(100_000),
                "]".repeat(100_000)
            ),
        ),
        (
            "9-mb-system-file",
            format!("{HEADER}notes = [\"{}\"]\n", "x".repeat(9 << 20)),
        ),
    ];
    let out = in_parallel(cases, |(name, body)| {
        let text = if body.starts_with("[system]") {
            body
        } else {
            format!("{HEADER}{body}")
        };
        let dir = data_dir(&vocabulary, Some(text.as_bytes()));
        format!("## {name}\n{}\n", check_broken_data(dir.path(), name))
    });
    insta::assert_snapshot!("generated_data_files", out.concat());
}

/// Large but valid data: a 1 MB condition and a chain of 5 000 provisions, each naming the
/// next, load and assess.
#[test]
fn large_valid_data_files_load() {
    let vocabulary = builtin_vocabulary();
    let long = provision("XX.1", &vec!["act.coercion"; 80_000].join(" or "));
    let mut chain = String::from(HEADER);
    for i in 0..5_000 {
        let when = if i < 4_999 {
            format!("applies(XX.{})", i + 1)
        } else {
            "act.coercion".to_string()
        };
        chain.push_str(&provision(&format!("XX.{i}"), &when));
    }
    for (what, text) in [
        ("1 MB condition", format!("{HEADER}{long}")),
        ("chain", chain),
    ] {
        let dir = data_dir(&vocabulary, Some(text.as_bytes()));
        let d = dir.path().to_str().unwrap();
        let r = qualif(&["law", "validate", d]);
        assert_no_panic(&r, what);
        assert_eq!(r.code, Some(0), "{what}: {}", r.stderr);
        let r = qualif(&["--data-dir", d, "assess", SCENARIO, "--format", "json"]);
        assert_no_panic(&r, what);
        assert_eq!(r.code, Some(0), "{what}: {}", r.stderr);
    }
}

/// A named pipe that hands `contents` to the first reader that opens it. Before inputs were
/// checked to be regular files, a command opened such a pipe and read it (and, with nobody
/// writing, waited forever); the writer makes that mistake show as a file read (the test
/// then fails on what the command printed) rather than as a hang.
#[cfg(target_os = "linux")]
struct Fifo {
    path: PathBuf,
    stop: std::sync::Arc<std::sync::atomic::AtomicBool>,
    writer: Option<std::thread::JoinHandle<()>>,
}

#[cfg(target_os = "linux")]
impl Fifo {
    fn new(path: PathBuf, contents: Vec<u8>) -> Fifo {
        let made = Command::new("mkfifo").arg(&path).status().expect("mkfifo");
        assert!(made.success(), "mkfifo {path:?}");
        let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let writer = {
            let (path, stop) = (path.clone(), stop.clone());
            std::thread::spawn(move || {
                use std::io::Write;
                // The open waits for a reader.
                if let Ok(mut w) = std::fs::OpenOptions::new().write(true).open(&path) {
                    if !stop.load(std::sync::atomic::Ordering::SeqCst) {
                        let _ = w.write_all(&contents);
                    }
                }
            })
        };
        Fifo {
            path,
            stop,
            writer: Some(writer),
        }
    }

    fn path(&self) -> &str {
        self.path.to_str().unwrap()
    }
}

#[cfg(target_os = "linux")]
impl Drop for Fifo {
    fn drop(&mut self) {
        self.stop.store(true, std::sync::atomic::Ordering::SeqCst);
        // Opened for reading and writing, the pipe does not block (Linux), and lets the
        // writer's open return.
        let _unblock = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .open(&self.path);
        if let Some(w) = self.writer.take() {
            let _ = w.join();
        }
    }
}

/// A device and a named pipe, where a case file is expected: refused by every command
/// without being read (before, `/dev/zero` was read until memory ran out, and a named pipe
/// was opened and read, or waited on forever).
#[cfg(target_os = "linux")]
#[test]
fn devices_and_named_pipes_are_refused_as_case_files() {
    let dir = tempfile::tempdir().unwrap();
    let case = std::fs::read(SCENARIO).unwrap();
    let fifo = Fifo::new(dir.path().join("case.toml"), case);
    for cmd in case_commands() {
        for (file, says) in [
            (fifo.path(), "not a regular file: a named pipe (FIFO)"),
            ("/dev/zero", "not a regular file: a character device"),
        ] {
            let mut args = vec![cmd[0], file];
            args.extend(&cmd[1..]);
            let r = qualif(&args);
            assert_refused(&r, file, &format!("{} {file}", cmd[0]));
            assert!(r.stderr.contains(says), "{} {file}: {}", cmd[0], r.stderr);
            assert!(
                r.stderr.contains("accepted: a regular text file"),
                "{}",
                r.stderr
            );
        }
    }
}

/// A data folder whose system file is a named pipe or a link to `/dev/zero`: `law validate`
/// reports it (exit 1), the other commands refuse the folder (exit 2), and nothing waits on
/// the pipe or reads the device.
#[cfg(target_os = "linux")]
#[test]
fn devices_and_named_pipes_are_refused_in_a_data_folder() {
    let system = std::fs::read("tests/fixtures/compare/xa.toml").unwrap();
    for special in ["fifo", "device"] {
        let dir = data_dir(&builtin_vocabulary(), None);
        let path = dir.path().join("xx.toml");
        let _fifo = match special {
            "fifo" => Some(Fifo::new(path.clone(), system.clone())),
            _ => {
                std::os::unix::fs::symlink("/dev/zero", &path).unwrap();
                None
            }
        };
        let err = check_broken_data(dir.path(), special);
        assert!(
            err.starts_with("error: DIR/xx.toml:1:1: not a regular file: "),
            "{special}: {err}"
        );
        assert_eq!(err.matches("error:").count(), 1, "{special}: {err}");
    }
}

/// A device or a named pipe given as a batch input is refused (exit 2, one message) rather
/// than read; standard input (`-`) stays the way to stream records.
#[cfg(target_os = "linux")]
#[test]
fn devices_and_named_pipes_are_refused_as_batch_inputs() {
    let dir = tempfile::tempdir().unwrap();
    let line = b"{\"case\": {\"place\": \"FR\"}}\n".to_vec();
    let fifo = Fifo::new(dir.path().join("cases.jsonl"), line);
    for (file, format, says) in [
        (fifo.path(), "jsonl", "named pipe"),
        ("/dev/zero", "csv", "character device"),
        ("/dev/zero", "jsonl", "character device"),
    ] {
        let r = qualif(&["batch", file, "--input-format", format]);
        assert_refused(&r, file, &format!("batch {file}"));
        assert!(r.stderr.contains(says), "batch {file}: {}", r.stderr);
    }
}

/// Whether printed text holds a character that must not reach a terminal as it is (a line
/// break is allowed: it separates the lines the program writes).
fn unsafe_chars(text: &str) -> Vec<char> {
    text.chars()
        .filter(|&c| {
            c != '\n'
                && (c.is_control()
                    || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}'))
        })
        .collect()
}

/// A key that clears the screen and sets the terminal's title, and one that forges a second
/// error line behind a right-to-left override: quoted escaped (`\u{1b}`), never raw.
const HOSTILE: &str =
    "\u{1b}]0;owned\u{7}\u{1b}[2J\u{9b}31m\nerror: forged.toml:1:1: all is well\u{202e}\u{2066}";

/// User text quoted in messages is escaped, whatever the path: a case file's key, section
/// and value, a file's name, a batch record's field and a CSV column, a data file's id.
/// (Before, each was printed raw: the escape sequences reached the terminal and the line
/// break forged a second message.)
#[test]
fn control_and_bidi_characters_in_quoted_text_are_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let toml_text = |s: &str| {
        s.chars()
            .map(|c| match c {
                '"' | '\\' => format!("\\{c}"),
                c if c.is_control() => format!("\\u{:04X}", c as u32),
                c => c.to_string(),
            })
            .collect::<String>()
    };
    let h = toml_text(HOSTILE);
    let cases = [
        ("key.toml", format!("[victim]\n\"{h}\" = 1\n")),
        ("section.toml", format!("[\"{h}\"]\nage = 1\n")),
        ("value.toml", format!("[act]\nsexual_contact = \"{h}\"\n")),
        ("country.toml", format!("[case]\nplace = \"{h}\"\n")),
        ("date.toml", format!("[case]\ndate_of_facts = \"{h}\"\n")),
        ("list.toml", format!("[victim]\nnationality = [\"{h}\"]\n")),
        (
            &*format!("name{HOSTILE}.toml").replace(['\n', '/'], "_"),
            "[victim]\nage = -1\n".to_string(),
        ),
    ];
    for (name, text) in &cases {
        let path = d.join(name);
        std::fs::write(&path, text).unwrap();
        let r = qualif(&["assess", path.to_str().unwrap()]);
        assert_no_panic(&r, name);
        assert_eq!(r.code, Some(2), "{name}: {}", r.stderr);
        assert_eq!(unsafe_chars(&r.stderr), [], "{name}: {:?}", r.stderr);
        assert!(r.stderr.contains("\\u{1b}"), "{name}: {}", r.stderr);
        let errors = r.stderr.lines().filter(|l| l.starts_with("error:")).count();
        assert_eq!(errors, 1, "{name}: {:?}", r.stderr);
    }
    // Batch: a JSON record's key and a CSV column.
    let json = serde_json::json!({ "victim": { HOSTILE: 1 } }).to_string();
    let jsonl = d.join("records.jsonl");
    std::fs::write(&jsonl, format!("{json}\n")).unwrap();
    let r = qualif(&["batch", jsonl.to_str().unwrap()]);
    assert_eq!(r.code, Some(1), "{}", r.stderr);
    let header = d.join("header.csv");
    let column = HOSTILE.replace('"', "");
    std::fs::write(&header, format!("victim.age,\"{column}\"\n3,4\n")).unwrap();
    let h = qualif(&["batch", header.to_str().unwrap()]);
    assert_eq!(h.code, Some(2), "{}", h.stderr);
    for (what, err) in [("json", &r.stderr), ("csv", &h.stderr)] {
        assert_eq!(unsafe_chars(err), [], "{what}: {err:?}");
        assert!(err.contains("\\u{1b}"), "{what}: {err}");
        assert!(!err.contains("\nerror: forged"), "{what}: {err}");
    }
    // A data file: a limitation naming a provision that does not exist.
    let system = std::fs::read_to_string("tests/fixtures/compare/xa.toml")
        .unwrap()
        .replace(
            "applies_to = [\"XA.possession\"",
            &format!("applies_to = [\"{}\"", toml_text(HOSTILE)),
        );
    let data = data_dir(&builtin_vocabulary(), Some(system.as_bytes()));
    let r = qualif(&["law", "validate", data.path().to_str().unwrap()]);
    assert_eq!(r.code, Some(1), "{}", r.stderr);
    assert_eq!(unsafe_chars(&r.stderr), [], "{:?}", r.stderr);
    assert!(r.stderr.contains("\\u{1b}"), "{}", r.stderr);
}

/// Quoted values are cut, and a run prints at most 50 problems, then how many more: a data
/// file with 20,000 overlapping versions gave 4.4 MB of messages. Both `law validate` and a
/// command refusing the folder.
#[test]
fn a_run_prints_at_most_50_problems() {
    let version = "  [[provision.version]]\n  in_force_from = \"2020-01-01\"\n  verification = \"verified-primary\"\n  sources = [\"https://example.org/law\"]\n  penalty = { prison_max = \"5y\" }\n";
    let long_id = "X".repeat(100_000);
    let system = format!(
        "{HEADER}\n[[provision]]\nid = \"XX.1\"\ncitation = \"s\"\ntitle = {{ fr = \"a\", en = \"a\" }}\nelement = [{{ id = \"e\", label = {{ fr = \"e\", en = \"e\" }}, when = \"act.coercion\" }}]\n{}\n[[provision]]\nid = \"{long_id}\"\ncitation = \"s\"\ntitle = {{ fr = \"a\", en = \"a\" }}\nelement = [{{ id = \"e\", label = {{ fr = \"e\", en = \"e\" }}, when = \"act.coercion\" }}]\n",
        version.repeat(20_000)
    );
    let dir = data_dir(&builtin_vocabulary(), Some(system.as_bytes()));
    let d = dir.path().to_str().unwrap();
    let r = qualif(&["law", "validate", d]);
    assert_no_panic(&r, "validate");
    assert_eq!(r.code, Some(1));
    let errors = r.stderr.lines().filter(|l| l.starts_with("error:")).count();
    assert_eq!(errors, 50, "{}", &r.stderr[..r.stderr.len().min(3000)]);
    let lines: Vec<&str> = r.stderr.lines().rev().take(2).collect();
    assert_eq!(
        lines,
        ["20000 problem(s) found", "… and 19950 more problems"]
    );
    assert!(r.stderr.len() < 50_000, "{} bytes", r.stderr.len());
    let r = qualif(&["--data-dir", d, "assess", SCENARIO]);
    assert_no_panic(&r, "assess");
    assert_eq!(r.code, Some(2));
    let errors = r.stderr.lines().filter(|l| l.starts_with("error:")).count();
    assert_eq!(errors, 50);
    assert!(
        r.stderr.ends_with("… and 19950 more problems\n"),
        "{}",
        r.stderr.len()
    );
    // The long id, when its message is among those printed, is quoted cut.
    let only_long = format!(
        "{HEADER}\n[[provision]]\nid = \"{long_id}\"\ncitation = \"s\"\ntitle = {{ fr = \"a\", en = \"a\" }}\nelement = [{{ id = \"e\", label = {{ fr = \"e\", en = \"e\" }}, when = \"act.coercion\" }}]\n"
    );
    let dir = data_dir(&builtin_vocabulary(), Some(only_long.as_bytes()));
    let r = qualif(&["law", "validate", dir.path().to_str().unwrap()]);
    assert_eq!(r.code, Some(1));
    assert!(
        r.stderr
            .contains("… (100000 characters in all)` has no version"),
        "{}",
        &r.stderr[..r.stderr.len().min(3000)]
    );
    assert!(r.stderr.len() < 2_000, "{} bytes", r.stderr.len());
}
