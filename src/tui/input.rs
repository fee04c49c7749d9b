//! Input on its own thread (keys, mouse reports, pastes). The thread blocks in `poll(2)` on the tty, treats POLLHUP,
//! POLLERR, POLLNVAL, or "readable but nothing to read" (EOF) as a dead terminal, and
//! reads and decodes the bytes itself ([`super::keys`]): crossterm's reader is not used
//! (its edge-triggered wait lost a key that arrived with a resize and then spun,
//! crossterm#793 is the same family). Resizes come from SIGWINCH on the signal thread.
//! Signals arrive on the same channel, so the main loop sleeps in one blocking `recv`
//! and idles at 0% CPU.

use std::sync::mpsc::Sender;
use std::time::Duration;

use super::keys::{Decoder, Event};
use crate::app::mouse::Mouse;
use crate::keymap::Key;

/// What the main loop is woken by.
#[derive(Debug)]
pub enum Msg {
    Key(Key),
    Mouse(Mouse),
    /// Bracketed-paste text, as sent.
    Paste(String),
    Resize(u16, u16),
    /// A signal number (SIGTERM, SIGINT, SIGHUP, SIGQUIT) or SIGCONT.
    Signal(i32),
    /// The terminal is gone (hangup, EOF, EIO).
    Dead,
    /// The index filter's background search finished.
    Found(Box<crate::app::filter::Done>),
    /// The corpus folder changed on disk (debounced): load it again.
    Reload,
    /// The corpus being checked at start: every dossier file is parsed, and this is the
    /// browser on their names (`app::loading::early`).
    Outline(Box<crate::app::App>),
    /// The start's check (or the indexes after it) moved on.
    Progress(crate::app::loading::Phase),
    /// The start's check ended (`load`).
    Checked(Box<super::load::Checked>),
    /// The corpus folder is watched (or why it cannot be).
    Watching(Result<crate::watch::Watch, String>),
}

/// The file descriptor input is read from: stdin when it is a tty, else /dev/tty (kept
/// open for the life of the process).
fn tty_fd() -> i32 {
    // SAFETY: isatty and open are plain libc calls on valid arguments.
    unsafe {
        if libc::isatty(libc::STDIN_FILENO) == 1 {
            libc::STDIN_FILENO
        } else {
            libc::open(c"/dev/tty".as_ptr(), libc::O_RDONLY | libc::O_CLOEXEC)
        }
    }
}

/// How many times in a row "readable, and `read` gives nothing" must be seen, a short
/// pause apart, before it counts as end-of-file. Once is not enough: a terminal that is
/// being resumed (Ctrl-Z, `fg`) can wake `poll` with nothing left to read. A real hang-up
/// also sets POLLHUP or fails the read (EIO), which ends the wait at once.
const EMPTY_READS_FOR_EOF: u32 = 5;

/// How long an unfinished escape sequence (a lone Esc, say) waits for the rest of its
/// bytes before it counts as typed on its own. Over SSH a key's sequence travels in one
/// packet, so this only delays a real Esc press; vim's `ttimeoutlen` is 100 ms, tmux's
/// `escape-time` 500.
const ESC_WAIT_MS: i32 = 50;

/// What waiting on the tty found.
enum Ready {
    Readable,
    /// The timeout passed with nothing to read.
    Timeout,
    Dead,
}

/// Waits until the tty has input, at most `timeout_ms` (-1: for ever).
fn wait(fd: i32, timeout_ms: i32) -> Ready {
    loop {
        let mut p = libc::pollfd {
            fd,
            events: libc::POLLIN,
            revents: 0,
        };
        // SAFETY: one valid pollfd.
        let r = unsafe { libc::poll(&mut p, 1, timeout_ms) };
        if r < 0 {
            if std::io::Error::last_os_error().kind() == std::io::ErrorKind::Interrupted {
                continue;
            }
            return Ready::Dead;
        }
        if r == 0 {
            return Ready::Timeout;
        }
        if p.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0 {
            return Ready::Dead;
        }
        if p.revents & libc::POLLIN != 0 {
            return Ready::Readable;
        }
    }
}

/// Reads what the tty has: `Some(n)` bytes (0 means end-of-file), `None` when it failed
/// for good.
fn read_some(fd: i32, buf: &mut [u8]) -> Option<usize> {
    loop {
        // SAFETY: `buf` is valid for `buf.len()` bytes.
        let n = unsafe { libc::read(fd, buf.as_mut_ptr().cast(), buf.len()) };
        if let Ok(n) = usize::try_from(n) {
            return Some(n);
        }
        match std::io::Error::last_os_error().kind() {
            std::io::ErrorKind::Interrupted => continue,
            std::io::ErrorKind::WouldBlock => return Some(usize::MAX),
            _ => return None,
        }
    }
}

/// Spawns the input thread: sends keys, then `Dead` once and stops.
pub fn spawn(tx: Sender<Msg>) {
    std::thread::spawn(move || {
        let fd = tty_fd();
        let send = |events: Vec<Event>| {
            events.into_iter().all(|e| {
                tx.send(match e {
                    Event::Key(k) => Msg::Key(k),
                    Event::Mouse(m) => Msg::Mouse(m),
                    Event::Paste(p) => Msg::Paste(p),
                })
                .is_ok()
            })
        };
        let mut decoder = Decoder::default();
        let mut buf = [0u8; 4096];
        let mut empty = 0;
        loop {
            let timeout = if decoder.waiting() { ESC_WAIT_MS } else { -1 };
            let ready = if fd < 0 {
                Ready::Dead
            } else {
                wait(fd, timeout)
            };
            match ready {
                Ready::Dead => break,
                Ready::Timeout => {
                    if !send(decoder.flush()) {
                        return;
                    }
                    continue;
                }
                Ready::Readable => {}
            }
            match read_some(fd, &mut buf) {
                None => break,
                // Readable with nothing to read, again and again, is end-of-file.
                Some(0) => {
                    empty += 1;
                    if empty >= EMPTY_READS_FOR_EOF {
                        break;
                    }
                    std::thread::sleep(Duration::from_millis(20));
                }
                Some(usize::MAX) => {}
                Some(n) => {
                    empty = 0;
                    if !send(decoder.feed(buf.get(..n).unwrap_or_default())) {
                        return;
                    }
                }
            }
        }
        let _ = tx.send(Msg::Dead);
    });
}

/// Spawns the signal thread: forwards SIGTERM, SIGINT, SIGHUP, SIGQUIT, SIGWINCH and
/// SIGCONT. If the main loop has not exited a second after a terminating signal (it
/// could be stuck writing to a dead terminal), this thread restores and exits itself.
pub fn spawn_signals(tx: Sender<Msg>) -> std::io::Result<()> {
    use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGWINCH};
    let mut signals =
        signal_hook::iterator::Signals::new([SIGTERM, SIGINT, SIGHUP, SIGQUIT, SIGCONT, SIGWINCH])?;
    std::thread::spawn(move || {
        for sig in signals.forever() {
            if sig == SIGWINCH {
                if let Ok((w, h)) = ratatui::crossterm::terminal::size() {
                    let _ = tx.send(Msg::Resize(w, h));
                }
                continue;
            }
            let _ = tx.send(Msg::Signal(sig));
            if sig != SIGCONT {
                std::thread::sleep(Duration::from_millis(1000));
                super::term::restore();
                std::process::exit(128 + sig);
            }
        }
    });
    Ok(())
}
