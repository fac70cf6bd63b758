//! The interview in a real terminal: the `qualif` binary in a pseudo-terminal that the test
//! drives (keys in, screen out), closes under it, or signals.
//!
//! What is checked: that the interview ends on its own when its terminal goes away (the
//! other side closed: a tmux session killed, an SSH connection lost), on SIGHUP and on
//! SIGTERM, keeping the answers in the recovery file and restoring the terminal; that two
//! interviews sharing a state folder keep their own answers; what is said without a home
//! folder; and that a clean quit leaves no empty state folder.
//!
//! No test reads the clock. Every wait is a bounded loop (a hang guard of about a minute
//! that only keeps a hang from blocking the run for ever): how fast the interview ends is
//! measured by hand, not asserted, so that a machine whose cores are all busy still passes.
//!
//! The pseudo-terminal is made with `libc` (already a dependency on Linux): the test needs
//! every descriptor of the terminal's controlling side to be close-on-exec (the tests run on
//! parallel threads, and a copy inherited by another test's process would keep a "closed"
//! terminal alive), and to choose whether the terminal is the process's controlling
//! terminal (with it, the system sends SIGHUP when the terminal is closed; without it, only
//! the end of input tells).

#![cfg(target_os = "linux")]

use std::ffi::CStr;
use std::fs::{File, OpenOptions};
use std::io::{ErrorKind, Read, Write};
use std::os::fd::AsRawFd;
use std::os::unix::fs::OpenOptionsExt;
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus};
use std::time::Duration;

/// The hang guard: this many waits of [`PAUSE`] (about a minute), then the test fails.
const GUARD: u32 = 1200;
const PAUSE: Duration = Duration::from_millis(50);

/// The pseudo-terminal's size: wide enough that the messages tested fit on one line.
const COLS: u16 = 200;
const ROWS: u16 = 50;

/// Checks the return value of a libc call.
fn check(r: libc::c_int, what: &str) -> libc::c_int {
    assert!(r != -1, "{what}: {}", std::io::Error::last_os_error());
    r
}

/// A new pseudo-terminal: its controlling side (non-blocking) and its terminal side, both
/// close-on-exec (std opens every file so).
fn open_pty() -> (File, File) {
    let master = OpenOptions::new()
        .read(true)
        .write(true)
        .custom_flags(libc::O_NOCTTY | libc::O_NONBLOCK)
        .open("/dev/ptmx")
        .expect("/dev/ptmx opens");
    let fd = master.as_raw_fd();
    let mut name = [0 as libc::c_char; 128];
    // SAFETY: `fd` is an open pseudo-terminal master for the duration of these calls;
    // `name` is a writable buffer of the length given, which `ptsname_r` NUL-terminates.
    let slave_name = unsafe {
        check(libc::grantpt(fd), "grantpt");
        check(libc::unlockpt(fd), "unlockpt");
        let r = libc::ptsname_r(fd, name.as_mut_ptr(), name.len());
        assert_eq!(r, 0, "ptsname_r: {r}");
        CStr::from_ptr(name.as_ptr())
            .to_str()
            .expect("a UTF-8 name")
            .to_string()
    };
    let size = libc::winsize {
        ws_row: ROWS,
        ws_col: COLS,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    // SAFETY: `fd` is open; TIOCSWINSZ reads one `winsize`, which `size` is.
    check(
        unsafe { libc::ioctl(fd, libc::TIOCSWINSZ, &size) },
        "TIOCSWINSZ",
    );
    let slave = OpenOptions::new()
        .read(true)
        .write(true)
        .custom_flags(libc::O_NOCTTY)
        .open(&slave_name)
        .expect("the terminal side opens");
    (master, slave)
}

/// The terminal's local modes (ICANON, ECHO…), read through the controlling side (on Linux
/// both sides share them).
fn local_modes(master: &File) -> libc::tcflag_t {
    // SAFETY: an all-zero `termios` is a valid value of this plain C struct.
    let mut t: libc::termios = unsafe { std::mem::zeroed() };
    // SAFETY: the descriptor is open; `t` is a writable `termios`.
    check(
        unsafe { libc::tcgetattr(master.as_raw_fd(), &mut t) },
        "tcgetattr",
    );
    t.c_lflag
}

/// The text of what the program wrote to the terminal, escape sequences left out (for
/// plain lines, as written on standard error).
fn text_of(bytes: &[u8]) -> String {
    let mut out = String::new();
    emulate(bytes, |c| out.push(c), |_, _| {});
    out
}

/// What the screen shows after `bytes`: the text of each line. A small emulation of what
/// crossterm writes: text, cursor moves, clearing, the alternate screen (entered or left, a
/// blank screen), other sequences (colours, cursor shape) ignored. Needed because ratatui
/// writes only the cells that change: the blanks of a first screen are skipped over by
/// cursor moves, not written.
fn screen_of(bytes: &[u8]) -> String {
    let (w, h) = (COLS as usize, ROWS as usize);
    let grid = std::cell::RefCell::new(vec![vec![' '; w]; h]);
    let at = std::cell::Cell::new((0usize, 0usize));
    emulate(
        bytes,
        |c| {
            let (r, col) = at.get();
            match c {
                '\r' => at.set((r, 0)),
                '\n' => at.set(((r + 1).min(h - 1), col)),
                c if c.is_control() => {}
                c => {
                    if r < h && col < w {
                        grid.borrow_mut()[r][col] = c;
                    }
                    at.set((r, col + 1));
                }
            }
        },
        |params, fin| {
            let n: Vec<usize> = params
                .split(';')
                .map(|p| p.trim_start_matches('?').parse().unwrap_or(0))
                .collect();
            let first = |d: usize| n.first().copied().filter(|&v| v > 0).unwrap_or(d);
            let (r, col) = at.get();
            match fin {
                'H' | 'f' => {
                    let row = first(1);
                    let c = n.get(1).copied().filter(|&v| v > 0).unwrap_or(1);
                    at.set(((row - 1).min(h - 1), (c - 1).min(w)));
                }
                'A' => at.set((r.saturating_sub(first(1)), col)),
                'B' => at.set(((r + first(1)).min(h - 1), col)),
                'C' => at.set((r, (col + first(1)).min(w))),
                'D' => at.set((r, col.saturating_sub(first(1)))),
                'G' => at.set((r, (first(1) - 1).min(w))),
                'J' if n.first() == Some(&2) || n.first() == Some(&3) => {
                    *grid.borrow_mut() = vec![vec![' '; w]; h];
                }
                'K' => {
                    let mut g = grid.borrow_mut();
                    for cell in g[r].iter_mut().skip(col) {
                        *cell = ' ';
                    }
                }
                'h' | 'l' if params == "?1049" => {
                    *grid.borrow_mut() = vec![vec![' '; w]; h];
                    at.set((0, 0));
                }
                _ => {}
            }
        },
    );
    let lines: Vec<String> = grid
        .into_inner()
        .into_iter()
        .map(|l| l.into_iter().collect::<String>().trim_end().to_string())
        .collect();
    lines.join("\n")
}

/// Splits terminal output into characters (`text`) and control sequences (`csi`: the
/// parameters and the final character); other escape sequences are skipped.
fn emulate(bytes: &[u8], mut text: impl FnMut(char), mut csi: impl FnMut(&str, char)) {
    let s = String::from_utf8_lossy(bytes);
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\x1b' {
            text(c);
            continue;
        }
        match chars.next() {
            // CSI: parameters and intermediates, up to a final byte.
            Some('[') => {
                let mut params = String::new();
                for d in chars.by_ref() {
                    if ('\x40'..='\x7e').contains(&d) {
                        csi(&params, d);
                        break;
                    }
                    params.push(d);
                }
            }
            // OSC: up to BEL or ST.
            Some(']') => {
                for d in chars.by_ref() {
                    if d == '\x07' || d == '\\' {
                        break;
                    }
                }
            }
            _ => {}
        }
    }
}

/// A folder for one test: `home/`, `state/`; removed at the end.
struct Place {
    dir: tempfile::TempDir,
}

impl Place {
    fn new() -> Place {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("home")).unwrap();
        Place { dir }
    }

    fn home(&self) -> PathBuf {
        self.dir.path().join("home")
    }

    fn state(&self) -> PathBuf {
        self.dir.path().join("state")
    }

    /// The recovery files of the state folder (`state/qualif/recovery*.toml`), with their
    /// text.
    fn recovery_files(&self) -> Vec<(PathBuf, String)> {
        recovery_files(&self.state().join("qualif"))
    }
}

fn recovery_files(dir: &Path) -> Vec<(PathBuf, String)> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<(PathBuf, String)> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("recovery") && n.ends_with(".toml"))
        })
        .filter_map(|p| Some((p.clone(), std::fs::read_to_string(&p).ok()?)))
        .collect();
    files.sort();
    files
}

/// Environment of the program: nothing of the test's own but `PATH`.
enum Env<'a> {
    /// `HOME` and `XDG_STATE_HOME` (the test's place).
    HomeAndState(&'a Place),
    /// `HOME` only.
    HomeOnly(&'a Place),
    /// Neither.
    Neither,
}

/// The `qualif` binary running in a pseudo-terminal.
struct Session {
    child: Child,
    /// The controlling side; `None` once closed.
    master: Option<File>,
    /// Everything the program wrote to the terminal.
    output: Vec<u8>,
}

impl Session {
    fn start(env: Env, args: &[&str], controlling_terminal: bool) -> Session {
        let (master, slave) = open_pty();
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_qualif"));
        cmd.args(args)
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("TERM", "xterm-256color")
            .env("NO_COLOR", "1")
            .env("QUALIF_TODAY", "2026-11-22")
            .stdin(slave.try_clone().unwrap())
            .stdout(slave.try_clone().unwrap())
            .stderr(slave);
        match env {
            Env::HomeAndState(p) => {
                cmd.env("HOME", p.home()).env("XDG_STATE_HOME", p.state());
            }
            Env::HomeOnly(p) => {
                cmd.env("HOME", p.home());
            }
            Env::Neither => {}
        }
        // SAFETY: the closure runs in the child between fork and exec, and calls only
        // async-signal-safe functions (setsid, ioctl), on descriptor 0, which is the
        // terminal side by then.
        unsafe {
            cmd.pre_exec(move || {
                if libc::setsid() == -1 {
                    return Err(std::io::Error::last_os_error());
                }
                if controlling_terminal && libc::ioctl(0, libc::TIOCSCTTY, 0) == -1 {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            });
        }
        let child = cmd.spawn().expect("qualif starts");
        // The command's copies of the terminal side are closed here.
        drop(cmd);
        let mut s = Session {
            child,
            master: Some(master),
            output: Vec::new(),
        };
        // Raw mode is on before the alternate screen is entered; then the first screen,
        // whole once its last line (the keys) is there.
        s.wait_for("the first screen", |s| {
            let text = s.text();
            s.output.windows(8).any(|w| w == b"\x1b[?1049h")
                && text.starts_with(" qualif ·")
                && text
                    .lines()
                    .nth(ROWS as usize - 1)
                    .is_some_and(|l| !l.is_empty())
        });
        s
    }

    fn master(&self) -> &File {
        self.master.as_ref().expect("the terminal is open")
    }

    /// Reads what the program wrote since the last call.
    fn pump(&mut self) {
        let Some(m) = &mut self.master else { return };
        let mut buf = [0u8; 8192];
        loop {
            match m.read(&mut buf) {
                Ok(0) => return,
                Ok(n) => self.output.extend_from_slice(&buf[..n]),
                // WouldBlock: nothing more now; EIO: the program's side is closed.
                Err(e) if e.kind() == ErrorKind::Interrupted => continue,
                Err(_) => return,
            }
        }
    }

    /// What the terminal shows now.
    fn text(&self) -> String {
        screen_of(&self.output)
    }

    /// Types keys.
    fn keys(&mut self, keys: &str) {
        let mut rest = keys.as_bytes();
        let mut tries = 0;
        while !rest.is_empty() {
            match self.master.as_ref().expect("open").write(rest) {
                Ok(n) => rest = &rest[n..],
                Err(e) if e.kind() == ErrorKind::WouldBlock && tries < GUARD => {
                    tries += 1;
                    self.pump();
                    std::thread::sleep(PAUSE);
                }
                Err(e) => panic!("typing {keys:?}: {e}"),
            }
        }
    }

    /// Waits, within the hang guard, until `done` holds.
    fn wait_for(&mut self, what: &str, mut done: impl FnMut(&mut Session) -> bool) {
        for _ in 0..GUARD {
            self.pump();
            if done(self) {
                return;
            }
            if let Ok(Some(status)) = self.child.try_wait() {
                self.pump();
                panic!(
                    "waiting for {what}: qualif ended ({status}); it wrote:\n{}",
                    self.text()
                );
            }
            std::thread::sleep(PAUSE);
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
        panic!(
            "waiting for {what}: not within the hang guard; qualif wrote:\n{}",
            self.text()
        );
    }

    /// Waits, within the hang guard, for the program to end on its own.
    fn wait_exit(&mut self, after: &str) -> ExitStatus {
        for _ in 0..GUARD {
            self.pump();
            if let Some(status) = self.child.try_wait().unwrap() {
                self.pump();
                return status;
            }
            std::thread::sleep(PAUSE);
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
        panic!("qualif did not end after {after}: killed after the hang guard");
    }

    fn signal(&self, signal: libc::c_int) {
        let pid = self.child.id() as libc::pid_t;
        // SAFETY: a plain system call; `pid` is our child, not yet waited for.
        check(unsafe { libc::kill(pid, signal) }, "kill");
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        // A failed test must not leave a process behind.
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// Answers the first two questions (the date of the facts, the child's age) and waits until
/// both are in the recovery file.
fn answer_two(s: &mut Session, place: &Place) {
    s.keys("2023-05-10\r");
    s.wait_for("the first answer saved", |_| {
        place
            .recovery_files()
            .iter()
            .any(|(_, t)| t.contains("2023-05-10"))
    });
    s.keys("9\r");
    s.wait_for("the second answer saved", |_| {
        place
            .recovery_files()
            .iter()
            .any(|(_, t)| t.contains("2023-05-10") && t.contains("age = 9"))
    });
}

/// The recovery folder holds one file, with both answers; no lock is left.
fn answers_kept(place: &Place) {
    let files = place.recovery_files();
    assert_eq!(files.len(), 1, "{files:?}");
    let (path, text) = &files[0];
    assert!(
        text.contains("2023-05-10") && text.contains("age = 9"),
        "{}: {text}",
        path.display()
    );
    assert_eq!(text.matches("[[step]]").count(), 2, "{text}");
    let left: Vec<_> = std::fs::read_dir(place.state().join("qualif"))
        .unwrap()
        .flatten()
        .map(|e| e.file_name())
        .filter(|n| n.to_string_lossy().ends_with(".lock"))
        .collect();
    assert!(left.is_empty(), "lock files left: {left:?}");
}

/// The interview ended by itself (not killed by a signal) with the code of an interruption.
fn ended_as_interrupted(status: ExitStatus) {
    assert_eq!(status.signal(), None, "{status}");
    assert_eq!(status.code(), Some(130), "{status}");
}

/// The terminal is closed under the interview (a tmux session killed, an SSH connection
/// lost): the system hangs it up and sends SIGHUP to the interview, which leads its session.
#[test]
fn closing_the_terminal_ends_the_interview_and_keeps_the_answers() {
    let place = Place::new();
    let mut s = Session::start(Env::HomeAndState(&place), &[], true);
    answer_two(&mut s, &place);
    s.master = None;
    let status = s.wait_exit("its terminal was closed");
    ended_as_interrupted(status);
    answers_kept(&place);
}

/// The same, with no SIGHUP: the terminal is not the process's controlling terminal, so
/// only the end of its input tells the interview that it went away.
#[test]
fn the_end_of_input_alone_ends_the_interview() {
    let place = Place::new();
    let mut s = Session::start(Env::HomeAndState(&place), &[], false);
    answer_two(&mut s, &place);
    s.master = None;
    let status = s.wait_exit("the end of its input");
    ended_as_interrupted(status);
    answers_kept(&place);
}

/// A signal, the terminal still open: the interview ends, keeps the answers and gives the
/// terminal back as it found it (raw mode off, the alternate screen left).
fn a_signal_ends_the_interview(signal: libc::c_int) {
    let place = Place::new();
    let (master, slave) = open_pty();
    let cooked = local_modes(&master);
    drop((master, slave));
    assert_eq!(
        cooked & (libc::ICANON | libc::ECHO),
        libc::ICANON | libc::ECHO,
        "a new terminal is in canonical mode"
    );
    let mut s = Session::start(Env::HomeAndState(&place), &[], true);
    assert_eq!(
        local_modes(s.master()) & (libc::ICANON | libc::ECHO),
        0,
        "raw mode during the interview"
    );
    answer_two(&mut s, &place);
    let before = s.output.len();
    s.signal(signal);
    let status = s.wait_exit("a signal");
    ended_as_interrupted(status);
    answers_kept(&place);
    assert_eq!(
        local_modes(s.master()) & (libc::ICANON | libc::ECHO),
        libc::ICANON | libc::ECHO,
        "raw mode is off again"
    );
    let after = &s.output[before..];
    assert!(
        after.windows(8).any(|w| w == b"\x1b[?1049l"),
        "the alternate screen is left: {:?}",
        text_of(after)
    );
    let said = text_of(after);
    assert!(
        said.contains("interview interrupted: the answers are kept in"),
        "{said:?}"
    );
}

#[test]
fn sighup_ends_the_interview_and_restores_the_terminal() {
    a_signal_ends_the_interview(libc::SIGHUP);
}

#[test]
fn sigterm_ends_the_interview_and_restores_the_terminal() {
    a_signal_ends_the_interview(libc::SIGTERM);
}

/// Two interviews at once with one state folder (two terminals of the same user): neither
/// is offered the other's answers while it runs, so neither can discard them, and each
/// keeps its own file. Both killed, the next interview offers both; while it has one
/// resumed, another interview is offered only the other.
#[test]
fn two_interviews_at_once_keep_their_own_answers() {
    let place = Place::new();
    let mut a = Session::start(Env::HomeAndState(&place), &[], true);
    a.keys("2023-05-10\r");
    a.wait_for("A's first answer saved", |_| {
        place
            .recovery_files()
            .iter()
            .any(|(_, t)| t.contains("2023-05-10"))
    });
    let mut b = Session::start(Env::HomeAndState(&place), &[], true);
    assert!(
        !b.text().contains("interrupted"),
        "B is offered A's interview: {}",
        b.text()
    );
    // "n" would discard an interview offered; on the first question it does nothing.
    b.keys("n");
    b.keys("2019-01-01\r");
    b.wait_for("B's first answer saved", |_| {
        place
            .recovery_files()
            .iter()
            .any(|(_, t)| t.contains("2019-01-01"))
    });
    a.keys("9\r");
    a.wait_for("A's second answer saved", |_| {
        place
            .recovery_files()
            .iter()
            .any(|(_, t)| t.contains("age = 9"))
    });
    // Killed: nothing of theirs runs at the end.
    a.child.kill().unwrap();
    b.child.kill().unwrap();
    a.wait_exit("SIGKILL");
    b.wait_exit("SIGKILL");
    let files = place.recovery_files();
    assert_eq!(files.len(), 2, "one file each: {files:?}");
    let a_file = files
        .iter()
        .find(|(_, t)| t.contains("2023-05-10"))
        .expect("A's answers are kept");
    assert!(a_file.1.contains("age = 9") && !a_file.1.contains("2019-01-01"));
    let b_file = files
        .iter()
        .find(|(_, t)| t.contains("2019-01-01"))
        .expect("B's answers are kept");
    assert!(!b_file.1.contains("2023-05-10"));

    // Both are offered, the latest (A's) first; resume it.
    let mut c = Session::start(Env::HomeAndState(&place), &[], true);
    let text = c.text();
    assert!(text.contains("2 interviews were interrupted."), "{text}");
    let (first, second) = (
        text.find("2 answer(s), on a new case"),
        text.find("1 answer(s), on a new case"),
    );
    assert!(
        first.is_some() && second.is_some() && first < second,
        "A's (2 answers), then B's (1): {text}"
    );
    c.keys("\r");
    c.wait_for("A's interview resumed", |s| {
        s.text().contains("Interview resumed: 2 answer(s).")
    });
    // While C runs A's interview, another interview is offered B's only.
    let mut d = Session::start(Env::HomeAndState(&place), &[], true);
    let text = d.text();
    assert!(text.contains("An interview was interrupted."), "{text}");
    assert!(text.contains("1 answer(s), on a new case"), "{text}");
    assert!(!text.contains("2 answer(s)"), "{text}");
    // D discards B's; C quits without saving. Nothing is left.
    d.keys("n");
    d.wait_for("B's interview discarded", |s| {
        s.text()
            .contains("The interrupted interview was discarded.")
    });
    d.keys("q");
    assert_eq!(d.wait_exit("q").code(), Some(0));
    c.keys("qy");
    assert_eq!(c.wait_exit("q, y").code(), Some(0));
    assert_eq!(place.recovery_files(), Vec::new());
    assert!(
        !place.state().join("qualif").exists(),
        "the state folder, left empty, is removed"
    );
}

/// Without HOME (nor XDG_STATE_HOME) there is nowhere to keep the answers: the first screen
/// says so, in the interface's language.
#[test]
fn without_a_home_folder_the_interview_says_there_is_no_recovery_file() {
    for (args, said) in [
        (
            &[][..],
            "No recovery file: neither XDG_STATE_HOME nor HOME is set",
        ),
        (
            &["interview", "--lang", "fr"][..],
            "Pas de fichier de secours : ni XDG_STATE_HOME ni HOME n'est défini",
        ),
    ] {
        let mut s = Session::start(Env::Neither, args, true);
        let text = s.text();
        assert!(text.contains(said), "{args:?}: {text}");
        s.keys("q");
        assert_eq!(s.wait_exit("q").code(), Some(0));
    }
}

/// A clean quit removes the recovery file, and the folders the interview made for it
/// (`~/.local/state/qualif`, and `~/.local/state`, `~/.local` that were not there), now
/// empty.
#[test]
fn a_clean_quit_leaves_no_empty_state_folder() {
    let place = Place::new();
    let mut s = Session::start(Env::HomeOnly(&place), &[], true);
    let state = place.home().join(".local/state/qualif");
    s.keys("2023-05-10\r");
    s.wait_for("the answer saved", |_| {
        recovery_files(&state)
            .iter()
            .any(|(_, t)| t.contains("2023-05-10"))
    });
    // Not saved to a case file: quitting asks first.
    s.keys("q");
    s.keys("y");
    assert_eq!(s.wait_exit("q, y").code(), Some(0));
    assert!(
        !place.home().join(".local").exists(),
        "left: {:?}",
        std::fs::read_dir(place.home().join(".local/state"))
            .map(|d| d.flatten().map(|e| e.path()).collect::<Vec<_>>())
    );
    assert!(place.home().exists());
}
