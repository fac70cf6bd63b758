//! Privacy: the program never opens a network connection, writes its files for their owner
//! only, leaves nothing behind, and prints nothing of a case on standard error except in a
//! message about that very file.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Crates whose purpose is talking to other machines. None may appear anywhere in the
/// dependency graph (normal, build or development dependencies): a case file describes the
/// abuse of a child, and the program promises that nothing leaves the machine.
///
/// - HTTP clients and servers: reqwest, ureq, curl, isahc, surf, attohttpc, minreq, hyper,
///   h2, h3, actix-web, axum, warp, rocket, tiny_http, rouille, tide, poem;
/// - TLS, which only serves to talk to remote hosts: native-tls, openssl, rustls and their
///   glue and certificate stores;
/// - other protocols: WebSocket (tungstenite), QUIC (quinn), SMTP (lettre), SSH (ssh2,
///   russh), DNS (trust-dns, hickory), databases and brokers, peer-to-peer (libp2p);
/// - raw and asynchronous sockets: socket2, pnet, smoltcp, async-net, async-std (whose
///   network support is always on);
/// - crates that fetch or report on their own: git2 (clone and fetch), self_update,
///   sentry and OpenTelemetry exporters.
///
/// General-purpose runtimes are allowed without their network feature, see
/// [`NETWORK_FEATURES`].
const NETWORK_CRATES: &[&str] = &[
    "reqwest",
    "ureq",
    "curl",
    "curl-sys",
    "isahc",
    "surf",
    "attohttpc",
    "minreq",
    "http-req",
    "ehttp",
    "hyper",
    "hyper-util",
    "hyper-tls",
    "hyper-rustls",
    "h2",
    "h3",
    "awc",
    "actix-web",
    "actix-http",
    "axum",
    "warp",
    "rocket",
    "tiny_http",
    "rouille",
    "tide",
    "poem",
    "salvo",
    "native-tls",
    "tokio-native-tls",
    "openssl",
    "openssl-sys",
    "rustls",
    "tokio-rustls",
    "rustls-native-certs",
    "webpki-roots",
    "tungstenite",
    "tokio-tungstenite",
    "async-tungstenite",
    "websocket",
    "quinn",
    "quinn-proto",
    "lettre",
    "ssh2",
    "libssh2-sys",
    "russh",
    "trust-dns-resolver",
    "trust-dns-proto",
    "hickory-resolver",
    "hickory-proto",
    "suppaftp",
    "ldap3",
    "redis",
    "postgres",
    "tokio-postgres",
    "mysql",
    "mongodb",
    "zmq",
    "nng",
    "libp2p",
    "socket2",
    "pnet",
    "smoltcp",
    "async-net",
    "async-std",
    "git2",
    "self_update",
    "sentry",
    "opentelemetry-otlp",
];

/// Runtimes that are fine for local work but open sockets with one feature: the crate, the
/// feature, and the crates allowed to ask for it, with the reason.
///
/// `mio`'s `net` feature is asked for by `signal-hook-mio` (through crossterm, for the
/// interview), which uses it only for a local Unix socket pair that carries signals to the
/// event loop; no other crate may turn it on. The system-call trace below checks that no
/// network socket is ever opened.
const NETWORK_FEATURES: &[(&str, &str, &[&str])] = &[
    ("tokio", "net", &[]),
    ("mio", "net", &["signal-hook-mio"]),
    ("async-io", "net", &[]),
];

fn metadata() -> serde_json::Value {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let host = Command::new(std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into()))
        .arg("-vV")
        .output()
        .ok()
        .and_then(|o| {
            String::from_utf8_lossy(&o.stdout)
                .lines()
                .find_map(|l| l.strip_prefix("host: ").map(str::to_string))
        });
    let run = |offline: bool| {
        let mut c = Command::new(&cargo);
        c.args(["metadata", "--format-version", "1", "--locked"]);
        if offline {
            c.arg("--offline");
        }
        if let Some(h) = &host {
            c.args(["--filter-platform", h]);
        }
        c.current_dir(env!("CARGO_MANIFEST_DIR")).output()
    };
    // Offline first (the dependencies were fetched to build this test), then online.
    let out = match run(true) {
        Ok(o) if o.status.success() => o,
        _ => run(false).expect("cargo metadata runs"),
    };
    assert!(
        out.status.success(),
        "cargo metadata: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("cargo metadata prints JSON")
}

#[test]
fn no_dependency_opens_network_connections() {
    let m = metadata();
    let packages: BTreeMap<&str, &serde_json::Value> = m["packages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["id"].as_str().unwrap(), p))
        .collect();
    let nodes = m["resolve"]["nodes"].as_array().expect("a resolved graph");
    assert!(nodes.len() > 20, "the whole graph is listed");
    let name_of = |id: &str| packages[id]["name"].as_str().unwrap().to_string();
    let mut problems = Vec::new();
    for n in nodes {
        let name = name_of(n["id"].as_str().unwrap());
        if NETWORK_CRATES.contains(&name.as_str()) {
            problems.push(format!("`{name}` is a networking crate"));
        }
        let enabled: BTreeSet<&str> = n["features"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|f| f.as_str())
            .collect();
        for (krate, feature, allowed) in NETWORK_FEATURES {
            if name != *krate || !enabled.contains(feature) {
                continue;
            }
            let askers = requesters(&m, &packages, krate, feature);
            let others: Vec<&String> = askers
                .iter()
                .filter(|a| !allowed.contains(&a.as_str()))
                .collect();
            if others.is_empty() && !askers.is_empty() {
                continue;
            }
            problems.push(format!(
                "`{krate}` has its `{feature}` feature on, asked for by {askers:?} (allowed: {allowed:?})"
            ));
        }
    }
    assert!(
        problems.is_empty(),
        "dependencies that can open network connections:\n{}",
        problems.join("\n")
    );
}

/// The packages of the graph that turn on `krate/feature`: through the features of their
/// dependency declaration, or through one of their own enabled features.
fn requesters(
    m: &serde_json::Value,
    packages: &BTreeMap<&str, &serde_json::Value>,
    krate: &str,
    feature: &str,
) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for n in m["resolve"]["nodes"].as_array().unwrap() {
        let p = packages[n["id"].as_str().unwrap()];
        let enabled: Vec<&str> = n["features"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|f| f.as_str())
            .collect();
        for dep in p["dependencies"].as_array().unwrap() {
            if dep["name"].as_str() != Some(krate) {
                continue;
            }
            let local = dep["rename"].as_str().unwrap_or(krate);
            let declared = dep["features"]
                .as_array()
                .unwrap()
                .iter()
                .any(|f| f.as_str() == Some(feature));
            let through_feature = enabled.iter().any(|f| {
                p["features"][*f].as_array().is_some_and(|items| {
                    items.iter().filter_map(|i| i.as_str()).any(|i| {
                        i == format!("{local}/{feature}") || i == format!("{local}?/{feature}")
                    })
                })
            });
            if declared || through_feature {
                out.insert(p["name"].as_str().unwrap().to_string());
            }
        }
    }
    out
}

/// Our own code names no socket API.
#[test]
fn the_source_uses_no_socket() {
    let mut files = Vec::new();
    let mut stack = vec![PathBuf::from("src")];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(&dir).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "rs") {
                files.push(p);
            }
        }
    }
    assert!(files.len() > 10);
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        for word in [
            "std::net",
            "TcpStream",
            "TcpListener",
            "UdpSocket",
            "ToSocketAddrs",
            "tokio::net",
        ] {
            assert!(!text.contains(word), "{} names {word}", f.display());
        }
    }
}

const SECRET_TITLE: &str = "ZZ-TITLE-7f3a Maëlle B. école Saint-Joseph";
const SECRET_NOTES: &str = "ZZ-NOTES-91c2 téléphone 06 12 34 56 78";

fn secret_case(extra: &str) -> String {
    format!(
        "version = 1\n\n[case]\ntitle = \"{SECRET_TITLE}\"\nnotes = \"{SECRET_NOTES}\"\ndate_of_facts = \"2023-05-10\"\nplace = \"FR\"\nict = true\n\n[victim]\nage = 13\n\n[offender]\nage = 34\nnationality = [\"FR\"]\n\n[act]\nsexual_contact = \"touching\"\nrequested_images = true\n{extra}"
    )
}

fn qualif_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_qualif"))
        .args(args)
        .current_dir(dir)
        .env("QUALIF_TODAY", "2026-11-22")
        .env("HOME", dir.join("home"))
        .env("XDG_STATE_HOME", dir.join("state"))
        .env("XDG_CONFIG_HOME", dir.join("config"))
        .env("XDG_CACHE_HOME", dir.join("cache"))
        .env("TMPDIR", dir.join("tmp"))
        .env_remove("RUST_BACKTRACE")
        .output()
        .expect("the binary runs")
}

/// Every file under `dir`, relative.
fn tree(dir: &Path) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            let p = e.path();
            out.insert(p.strip_prefix(dir).unwrap().display().to_string());
            if p.is_dir() {
                stack.push(p);
            }
        }
    }
    out
}

fn commands() -> Vec<Vec<&'static str>> {
    let mut out = Vec::new();
    for format in ["json", "table", "markdown"] {
        out.push(vec!["assess", "case.toml", "--format", format]);
        out.push(vec!["compare", "case.toml", "--format", format]);
        out.push(vec!["scale", "case.toml", "--format", format]);
    }
    for format in ["markdown", "html", "json"] {
        out.push(vec!["report", "case.toml", "--format", format]);
    }
    for format in ["table", "json", "svg"] {
        out.push(vec![
            "explore",
            "case.toml",
            "--vary",
            "victim.age=8..17",
            "--format",
            format,
        ]);
    }
    out.push(vec!["assess", "case.toml", "--all", "--lang", "fr"]);
    out.push(vec!["scale", "case.toml", "--sentence", "2y"]);
    out
}

/// A case whose title and notes are distinctive: no command prints anything on standard
/// error, and none writes a file (no log, no cache, no history) in the folder, the home
/// folder or the state folders.
#[test]
fn nothing_from_a_case_goes_to_standard_error_or_to_files() {
    let dir = tempfile::tempdir().unwrap();
    for d in ["home", "state", "config", "cache", "tmp"] {
        std::fs::create_dir(dir.path().join(d)).unwrap();
    }
    std::fs::write(dir.path().join("case.toml"), secret_case("")).unwrap();
    let before = tree(dir.path());
    for args in commands() {
        let o = qualif_in(dir.path(), &args);
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(0), "{args:?}: {err}");
        assert!(err.is_empty(), "{args:?} wrote on standard error:\n{err}");
    }
    assert_eq!(tree(dir.path()), before, "a command left a file behind");
}

/// Every command run to success, after [`commands`]: with the files each is asked to
/// write (relative to the folder of `case.toml`, where `golden.csv` is a batch of cases).
/// A batch run comes after the run that writes its input.
fn every_command() -> Vec<(Vec<&'static str>, Vec<&'static str>)> {
    let mut out: Vec<(Vec<&str>, Vec<&str>)> =
        commands().into_iter().map(|c| (c, Vec::new())).collect();
    let more: [(&[&str], &[&str]); 26] = [
        (&["compare", "case.toml", "--lang", "fr"], &[]),
        (&["report", "case.toml", "--redact", "--lang", "fr"], &[]),
        (
            &[
                "report",
                "case.toml",
                "--format",
                "html",
                "-o",
                "report.html",
            ],
            &["report.html"],
        ),
        (
            &["report", "case.toml", "--redact", "-o", "report.md"],
            &["report.md"],
        ),
        (
            &["report", "case.toml", "-o", "report.json"],
            &["report.json"],
        ),
        (&["law", "list"], &[]),
        (&["law", "list", "--system", "FR", "--format", "json"], &[]),
        (&["law", "show", "FR.227-23.possession"], &[]),
        (&["law", "show", "FR", "--lang", "fr"], &[]),
        (&["law", "validate"], &[]),
        (&["--help"], &[]),
        (&["--version"], &[]),
        (&["batch", "--help"], &[]),
        (&["help", "report"], &[]),
        (&["batch", "--synthesize", "40", "--seed", "3"], &[]),
        (
            &[
                "batch",
                "--synthesize",
                "40",
                "--seed",
                "3",
                "-o",
                "cases.jsonl",
            ],
            &["cases.jsonl"],
        ),
        (&["batch", "cases.jsonl"], &[]),
        (&["batch", "cases.jsonl", "--format", "csv"], &[]),
        (&["batch", "golden.csv"], &[]),
        (
            &["batch", "cases.jsonl", "-o", "results.jsonl"],
            &["results.jsonl"],
        ),
        (
            &["batch", "cases.jsonl", "-o", "summary.jsonl", "--summary"],
            &["summary.jsonl"],
        ),
        (
            &["batch", "cases.jsonl", "--aggregates", "agg.json"],
            &["agg.json"],
        ),
        (
            &[
                "batch",
                "cases.jsonl",
                "-o",
                "both.jsonl",
                "--aggregates",
                "both-agg.json",
            ],
            &["both.jsonl", "both-agg.json"],
        ),
        (
            &[
                "batch",
                "golden.csv",
                "--format",
                "csv",
                "-o",
                "results.csv",
                "--aggregates",
                "agg.csv",
                "--summary",
            ],
            &["results.csv", "agg.csv"],
        ),
        (
            &[
                "batch",
                "cases.jsonl",
                "--input-format",
                "jsonl",
                "--format",
                "csv",
            ],
            &[],
        ),
        (
            &["batch", "--synthesize", "5", "-o", "more.jsonl"],
            &["more.jsonl"],
        ),
    ];
    out.extend(more.iter().map(|(a, f)| (a.to_vec(), f.to_vec())));
    out
}

/// Every command, run to success on a case with distinctive title and notes: nothing on
/// standard error (batch included: its aggregate table goes to standard output, and only
/// with --summary), and no file left but the outputs asked for, each readable and
/// writable by its owner only.
#[test]
fn every_command_is_silent_on_success_and_leaves_only_its_owner_only_outputs() {
    let dir = tempfile::tempdir().unwrap();
    for d in ["home", "state", "config", "cache", "tmp"] {
        std::fs::create_dir(dir.path().join(d)).unwrap();
    }
    std::fs::write(dir.path().join("case.toml"), secret_case("")).unwrap();
    std::fs::copy("tests/batch/golden.csv", dir.path().join("golden.csv")).unwrap();
    for (args, outputs) in every_command() {
        let before = tree(dir.path());
        let o = qualif_in(dir.path(), &args);
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(0), "{args:?}: {err}");
        assert!(err.is_empty(), "{args:?} wrote on standard error:\n{err}");
        let after = tree(dir.path());
        let new: BTreeSet<String> = after.difference(&before).cloned().collect();
        let asked: BTreeSet<String> = outputs.iter().map(|s| s.to_string()).collect();
        assert_eq!(new, asked, "{args:?}: the files it left");
        #[cfg(unix)]
        for f in &outputs {
            assert_eq!(mode(&dir.path().join(f)), 0o600, "{args:?}: {f}");
        }
        // With -o, standard output carries batch's aggregate table with --summary, else
        // nothing.
        if args.contains(&"-o") {
            let out = String::from_utf8_lossy(&o.stdout);
            if args.contains(&"--summary") {
                assert!(out.contains("share of max"), "{args:?}: {out}");
            } else {
                assert!(out.is_empty(), "{args:?}: {out}");
            }
        } else {
            assert!(!o.stdout.is_empty(), "{args:?} printed nothing");
        }
    }
}

/// `--summary` prints on standard output, which carries the results without -o: it needs
/// -o (exit code 2, one message, nothing written).
#[test]
fn batch_summary_needs_an_output_file() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy("tests/batch/golden.jsonl", dir.path().join("cases.jsonl")).unwrap();
    let before = tree(dir.path());
    let o = qualif_in(dir.path(), &["batch", "cases.jsonl", "--summary"]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.starts_with("error:") && err.contains("--output"),
        "{err}"
    );
    assert!(o.stdout.is_empty());
    assert_eq!(tree(dir.path()), before);
}

/// A message about a bad value quotes that value, never the rest of the case.
#[test]
fn an_error_message_quotes_nothing_else_from_the_case() {
    let dir = tempfile::tempdir().unwrap();
    for d in ["home", "state", "config", "cache", "tmp"] {
        std::fs::create_dir(dir.path().join(d)).unwrap();
    }
    for extra in [
        "\n[material]\ncount_a = -1\n",
        "\n[victim2]\nage = 3\n",
        "\n[act]\nconsent = \"yes\"\n",
    ] {
        std::fs::write(dir.path().join("case.toml"), secret_case(extra)).unwrap();
        for args in commands() {
            let o = qualif_in(dir.path(), &args);
            let err = String::from_utf8_lossy(&o.stderr);
            assert_eq!(o.status.code(), Some(2), "{args:?}: {err}");
            assert!(err.starts_with("error: case.toml:"), "{args:?}: {err}");
            for secret in ["ZZ-TITLE", "ZZ-NOTES", "Maëlle", "06 12 34"] {
                assert!(!err.contains(secret), "{args:?} printed {secret}:\n{err}");
            }
            assert!(o.stdout.is_empty());
        }
    }
}

/// Traces the system calls of real runs of every command ([`every_command`]): no socket
/// other than a local (Unix) one is ever created, and nothing connects. Skipped where
/// `strace` is missing or not permitted.
#[test]
fn the_binary_opens_no_network_socket() {
    let dir = tempfile::tempdir().unwrap();
    for d in ["home", "state", "config", "cache", "tmp"] {
        std::fs::create_dir(dir.path().join(d)).unwrap();
    }
    std::fs::write(dir.path().join("case.toml"), secret_case("")).unwrap();
    let probe = Command::new("strace")
        .args(["-f", "-o", "/dev/null", "true"])
        .output();
    if !probe.is_ok_and(|o| o.status.success()) {
        eprintln!("skipped: strace is not available here");
        return;
    }
    std::fs::copy("tests/batch/golden.csv", dir.path().join("golden.csv")).unwrap();
    for (args, _) in every_command() {
        let trace = dir.path().join("trace.txt");
        let o = Command::new("strace")
            .args(["-f", "-qq", "-e", "trace=%network", "-o"])
            .arg(&trace)
            .arg(env!("CARGO_BIN_EXE_qualif"))
            .args(&args)
            .current_dir(dir.path())
            .env("QUALIF_TODAY", "2026-11-22")
            .env("HOME", dir.path().join("home"))
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(0), "{args:?}");
        let calls = std::fs::read_to_string(&trace).unwrap();
        std::fs::remove_file(&trace).unwrap();
        for line in calls.lines() {
            // strace's own note of a thread that ended while traced (`???( <detached ...>`),
            // seen on a loaded machine: not a call.
            if line.contains("<detached ...>") {
                continue;
            }
            let local = line.contains("AF_UNIX") || line.contains("AF_LOCAL");
            assert!(
                local && !line.contains("connect("),
                "{args:?}: a network system call: {line}"
            );
        }
    }
}

// ---------------------------------------------------------------------------------------
// Files the program writes.

fn temporaries(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".qualif-"))
        .collect()
}

#[cfg(unix)]
fn mode(p: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(p).unwrap().permissions().mode() & 0o777
}

#[cfg(unix)]
#[test]
fn write_atomic_writes_for_the_owner_only_and_leaves_no_temporary_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.json");
    qualif::io::write_atomic(&path, b"{\"a\": 1}").unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), b"{\"a\": 1}");
    assert_eq!(mode(&path), 0o600, "a new file");
    assert!(temporaries(dir.path()).is_empty());

    // Replacing a file readable by others: the new one is the owner's only.
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
    qualif::io::write_atomic(&path, b"second").unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), b"second");
    assert_eq!(mode(&path), 0o600, "a replaced file");
    assert!(temporaries(dir.path()).is_empty());

    // A relative path in the current folder works too (the folder is `.`).
    let here = std::env::current_dir().unwrap();
    let rel = tempfile::tempdir_in(&here).unwrap();
    let name = rel
        .path()
        .file_name()
        .unwrap()
        .to_str()
        .unwrap()
        .to_string();
    qualif::io::write_atomic(Path::new(&format!("{name}/x.txt")), b"x").unwrap();
    assert_eq!(mode(&rel.path().join("x.txt")), 0o600);
}

#[cfg(unix)]
#[test]
fn write_atomic_fails_cleanly() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    // The target is a folder: the rename fails after the temporary file was written.
    let target = dir.path().join("taken");
    std::fs::create_dir(&target).unwrap();
    std::fs::write(target.join("inside"), b"keep").unwrap();
    let e = qualif::io::write_atomic(&target, b"data").unwrap_err();
    assert!(e.to_string().contains("taken"), "{e}");
    assert!(
        temporaries(dir.path()).is_empty(),
        "{:?}",
        temporaries(dir.path())
    );
    assert_eq!(std::fs::read(target.join("inside")).unwrap(), b"keep");

    // No such folder.
    assert!(qualif::io::write_atomic(&dir.path().join("no/such/file"), b"x").is_err());

    // A folder we may not write to (unless we are root, who may).
    let ro = dir.path().join("ro");
    std::fs::create_dir(&ro).unwrap();
    std::fs::write(ro.join("old.json"), b"old").unwrap();
    std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o500)).unwrap();
    let probe = std::fs::write(ro.join("probe"), b"");
    if probe.is_err() {
        assert!(qualif::io::write_atomic(&ro.join("old.json"), b"new").is_err());
        assert_eq!(std::fs::read(ro.join("old.json")).unwrap(), b"old");
        assert!(temporaries(&ro).is_empty());
    }
    std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o700)).unwrap();
}

/// A named pipe at `dir/name`, made with `mkfifo`; `None` where there is no `mkfifo`.
#[cfg(unix)]
fn fifo(dir: &Path, name: &str) -> Option<PathBuf> {
    let path = dir.join(name);
    let made = Command::new("mkfifo").arg(&path).status();
    made.is_ok_and(|s| s.success()).then_some(path)
}

/// Reads a named pipe on another thread until [`Drain::finish`]. The test holds the pipe
/// open for writing meanwhile, so that the reader never waits for a writer that does not
/// come (if the program replaced the pipe instead of writing into it, the test fails
/// instead of hanging).
#[cfg(unix)]
struct Drain {
    keep_open: std::fs::File,
    reader: std::thread::JoinHandle<Vec<u8>>,
}

#[cfg(unix)]
impl Drain {
    fn start(path: &Path) -> Self {
        let keep_open = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .open(path)
            .unwrap();
        // Opened here, not on the thread: with a writer already there, this does not wait,
        // and the reading end exists before the program runs.
        let mut read_end = std::fs::File::open(path).unwrap();
        let reader = std::thread::spawn(move || {
            let mut got = Vec::new();
            std::io::Read::read_to_end(&mut read_end, &mut got).unwrap();
            got
        });
        Self { keep_open, reader }
    }

    /// What was written, once the program has closed its end.
    fn finish(self) -> Vec<u8> {
        drop(self.keep_open);
        self.reader.join().unwrap()
    }
}

#[cfg(unix)]
fn is_fifo(path: &Path) -> bool {
    use std::os::unix::fs::FileTypeExt;
    std::fs::symlink_metadata(path)
        .unwrap()
        .file_type()
        .is_fifo()
}

/// An output that is not a regular file (a named pipe here; `/dev/null` or a terminal
/// alike) is written in place: renaming a file over it would replace the device itself
/// (root running `-o /dev/null` once turned this machine's `/dev/null` into a file).
#[cfg(unix)]
#[test]
fn write_atomic_writes_into_a_device_or_pipe_in_place() {
    let dir = tempfile::tempdir().unwrap();
    let Some(pipe) = fifo(dir.path(), "pipe") else {
        eprintln!("skipped: mkfifo is not available here");
        return;
    };
    let reader = Drain::start(&pipe);
    qualif::io::write_atomic(&pipe, b"through the pipe").unwrap();
    assert_eq!(reader.finish(), b"through the pipe");
    assert!(is_fifo(&pipe), "the pipe was replaced by a file");
    assert!(temporaries(dir.path()).is_empty());
}

/// The same through the binary, for the outputs written in pieces (`batch -o`) and at once
/// (`report -o`).
#[cfg(unix)]
#[test]
fn commands_writing_to_a_pipe_leave_the_pipe_in_place() {
    let dir = tempfile::tempdir().unwrap();
    let Some(pipe) = fifo(dir.path(), "pipe") else {
        eprintln!("skipped: mkfifo is not available here");
        return;
    };
    std::fs::write(dir.path().join("case.toml"), secret_case("")).unwrap();
    for args in [
        &["batch", "--synthesize", "3", "--seed", "1", "-o", "pipe"][..],
        &["report", "case.toml", "--format", "markdown", "-o", "pipe"][..],
    ] {
        let reader = Drain::start(&pipe);
        let o = qualif_in(dir.path(), args);
        assert!(
            o.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        let got = reader.finish();
        assert!(got.len() > 100, "{args:?} wrote {} bytes", got.len());
        assert!(is_fifo(&pipe), "{args:?} replaced the pipe by a file");
        assert!(temporaries(dir.path()).is_empty(), "{args:?}");
    }
}

/// A symbolic link is followed: the file it names is replaced (owner-only, atomically) and
/// the link stays a link.
#[cfg(unix)]
#[test]
fn write_atomic_follows_a_symbolic_link() {
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("sub");
    std::fs::create_dir(&real).unwrap();
    let file = real.join("real.md");
    std::fs::write(&file, b"old").unwrap();
    let link = dir.path().join("link.md");
    std::os::unix::fs::symlink(&file, &link).unwrap();
    qualif::io::write_atomic(&link, b"new").unwrap();
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(std::fs::read(&file).unwrap(), b"new");
    assert_eq!(mode(&file), 0o600);
    assert!(temporaries(dir.path()).is_empty());
    assert!(temporaries(&real).is_empty());

    // A link to a file that does not exist yet: the file is created where the link points.
    let later = dir.path().join("later.md");
    std::os::unix::fs::symlink("sub/new.md", &later).unwrap();
    qualif::io::write_atomic(&later, b"created").unwrap();
    assert!(
        std::fs::symlink_metadata(&later)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(std::fs::read(real.join("new.md")).unwrap(), b"created");
    assert_eq!(mode(&real.join("new.md")), 0o600);
}

/// The file and then its folder are synced before `write_atomic` returns: traced with
/// strace where it is available.
#[cfg(target_os = "linux")]
#[test]
fn write_atomic_syncs_the_file_and_its_folder() {
    if std::env::var_os("QUALIF_SYNC_PROBE").is_some() {
        // The traced child: one write.
        let p = PathBuf::from(std::env::var_os("QUALIF_SYNC_PROBE").unwrap());
        qualif::io::write_atomic(&p, b"synced").unwrap();
        return;
    }
    let probe = Command::new("strace")
        .args(["-f", "-o", "/dev/null", "true"])
        .output();
    if !probe.is_ok_and(|o| o.status.success()) {
        eprintln!("skipped: strace is not available here");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("out.toml");
    let trace = dir.path().join("trace.txt");
    let o = Command::new("strace")
        .args([
            "-f",
            "-qq",
            "-e",
            "trace=openat,fsync,fdatasync,rename,renameat,renameat2,close",
            "-o",
        ])
        .arg(&trace)
        .arg(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "write_atomic_syncs_the_file_and_its_folder",
            "--test-threads",
            "1",
        ])
        .env("QUALIF_SYNC_PROBE", &target)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(std::fs::read(&target).unwrap(), b"synced");
    let calls = std::fs::read_to_string(&trace).unwrap();
    // The order that matters: fsync of the data, then the rename, then an fsync of the
    // folder opened after the rename.
    let lines: Vec<&str> = calls.lines().collect();
    let rename = lines
        .iter()
        .position(|l| l.contains("rename") && l.contains("out.toml"))
        .expect("a rename onto the target");
    assert!(
        lines[..rename].iter().any(|l| l.contains("fsync(")),
        "the data is synced before the rename:\n{calls}"
    );
    let dir_name = dir.path().to_str().unwrap();
    let folder_open = lines[rename..]
        .iter()
        .position(|l| l.contains("openat(") && l.contains(&format!("\"{dir_name}\"")))
        .map(|i| i + rename)
        .expect("the folder is opened after the rename");
    assert!(
        lines[folder_open..].iter().any(|l| l.contains("fsync(")),
        "the folder is synced after the rename:\n{calls}"
    );
}
