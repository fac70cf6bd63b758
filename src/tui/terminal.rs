//! The terminal and its input, for [`super::run`].
//!
//! The screen ([`Screen`]): raw mode and the alternate screen, left on every way out (the
//! end, an error, a panic, a signal, a terminal that went away), without a word on standard
//! error when that fails: a terminal that went away cannot be written to, and a failed write
//! must not turn into a panic.
//!
//! The input ([`Input`]), read on threads and handed over on a channel, so that the loop
//! only ever waits for the next input, and always gets one:
//!
//! - keys, from crossterm, on a thread of their own. Crossterm's reader never returns when
//!   its terminal reaches end of input or fails: it reads again at once, for ever (a closed
//!   tmux session or SSH connection left the interview at 100 % of a core, deaf to signals).
//!   Here it can only keep its own thread busy until the program ends, an instant later;
//!   any error it does return ends the interview.
//! - signals (SIGTERM, SIGHUP, SIGINT, SIGQUIT), on another thread; a second one ends the
//!   program at once, should the first not have.
//! - on Linux, the terminal hanging up (`poll` reports `POLLHUP` on standard input or
//!   output: the other side closed it), on a third thread that sleeps until then. Elsewhere
//!   the system's SIGHUP, and the next failed draw, do it.

use std::io::{Stdout, Write, stdout};
use std::sync::Once;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::Sender;
use std::thread;

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{self, Event};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};

/// What the interview's loop waits for.
#[derive(Debug)]
pub(crate) enum Input {
    Event(Event),
    /// The terminal went away: end of input, a read error, or it hung up.
    Gone,
    /// A signal asked the program to stop.
    Signal,
}

/// Whether the screen is set up: what the panic hook restores.
static ACTIVE: AtomicBool = AtomicBool::new(false);

/// Leaves raw mode and the alternate screen, each even when the other fails, and says
/// nothing when they fail.
fn restore() {
    let _ = disable_raw_mode();
    let _ = execute!(stdout(), LeaveAlternateScreen);
}

/// The terminal in raw mode on the alternate screen; restored when dropped.
pub(crate) struct Screen {
    terminal: Option<Terminal<CrosstermBackend<Stdout>>>,
}

impl Screen {
    pub(crate) fn enter() -> std::io::Result<Screen> {
        static HOOK: Once = Once::new();
        HOOK.call_once(|| {
            let hook = std::panic::take_hook();
            std::panic::set_hook(Box::new(move |info| {
                if ACTIVE.swap(false, Ordering::SeqCst) {
                    restore();
                }
                hook(info);
            }));
        });
        ACTIVE.store(true, Ordering::SeqCst);
        // From here a failure restores what was done.
        let mut screen = Screen { terminal: None };
        enable_raw_mode()?;
        execute!(stdout(), EnterAlternateScreen)?;
        screen.terminal = Some(Terminal::new(CrosstermBackend::new(stdout()))?);
        Ok(screen)
    }

    pub(crate) fn draw(&mut self, app: &super::App) -> std::io::Result<()> {
        if let Some(t) = &mut self.terminal {
            t.draw(|f| super::view::draw(f, app))?;
        }
        Ok(())
    }
}

impl Drop for Screen {
    fn drop(&mut self) {
        if let Some(mut t) = self.terminal.take() {
            // Dropping a terminal whose cursor is hidden shows it, and writes on standard
            // error when that fails (which panics when standard error is that same gone
            // terminal): shown here, and when that fails the terminal is not dropped.
            if t.show_cursor().is_err() {
                std::mem::forget(t);
            }
        }
        if ACTIVE.swap(false, Ordering::SeqCst) {
            restore();
        }
        let _ = stdout().flush();
    }
}

/// Starts listening to the signals: before the screen is set up, so that no signal can
/// leave the terminal in raw mode. After the first of them the next ends the program at
/// once, with 128 + its number.
pub(crate) fn signals(tx: &Sender<Input>) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
        use std::sync::Arc;
        const SIGNALS: [i32; 4] = [SIGTERM, SIGHUP, SIGINT, SIGQUIT];
        let once = Arc::new(AtomicBool::new(false));
        for s in SIGNALS {
            // In this order: the first action sees the flag as it was before this signal.
            signal_hook::flag::register_conditional_shutdown(s, 128 + s, Arc::clone(&once))?;
            signal_hook::flag::register(s, Arc::clone(&once))?;
        }
        let mut signals = signal_hook::iterator::Signals::new(SIGNALS)?;
        let tx = tx.clone();
        thread::Builder::new()
            .name("qualif-signals".into())
            .spawn(move || {
                if signals.forever().next().is_some() {
                    let _ = tx.send(Input::Signal);
                }
            })?;
    }
    #[cfg(not(unix))]
    let _ = tx;
    Ok(())
}

/// Starts reading the keys, and on Linux watching for the terminal to hang up: once the
/// screen is set up (raw mode on).
pub(crate) fn read(tx: Sender<Input>) -> std::io::Result<()> {
    #[cfg(target_os = "linux")]
    hang_up(tx.clone())?;
    thread::Builder::new()
        .name("qualif-keys".into())
        .spawn(move || {
            loop {
                let (input, last) = match event::read() {
                    Ok(e) => (Input::Event(e), false),
                    Err(_) => (Input::Gone, true),
                };
                if tx.send(input).is_err() || last {
                    return;
                }
            }
        })?;
    Ok(())
}

/// Sends [`Input::Gone`] when the terminal of standard input or output hangs up.
#[cfg(target_os = "linux")]
fn hang_up(tx: Sender<Input>) -> std::io::Result<()> {
    thread::Builder::new()
        .name("qualif-hangup".into())
        .spawn(move || {
            // No event asked for: poll returns only for POLLHUP, POLLERR or POLLNVAL.
            let mut fds = [0, 1].map(|fd| libc::pollfd {
                fd,
                events: 0,
                revents: 0,
            });
            loop {
                // SAFETY: `fds` is an array of `fds.len()` initialised `pollfd`, alive and
                // not otherwise borrowed during the call, which only writes their `revents`.
                let n = unsafe { libc::poll(fds.as_mut_ptr(), fds.len() as libc::nfds_t, -1) };
                if n > 0 {
                    let _ = tx.send(Input::Gone);
                    return;
                }
                if n < 0
                    && std::io::Error::last_os_error().kind() != std::io::ErrorKind::Interrupted
                {
                    // Cannot watch (not expected): the keys' reader and the draws remain.
                    return;
                }
            }
        })?;
    Ok(())
}
