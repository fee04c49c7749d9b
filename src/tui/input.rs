//! Input on its own thread, designed around crossterm#793 (its reader can spin at 100%
//! CPU when the tty hangs up): the thread blocks in `poll(2)` on the tty, treats POLLHUP,
//! POLLERR, POLLNVAL, or "readable but nothing to read" (EOF) as a dead terminal, and only
//! then asks crossterm to parse what is there. Signals arrive on the same channel, so
//! the main loop sleeps in one blocking `recv` and idles at 0% CPU.

use std::sync::mpsc::Sender;
use std::time::Duration;

use ratatui::crossterm::event::{
    self, Event, KeyCode as CtKey, KeyEvent, KeyEventKind, KeyModifiers,
};

use crate::keymap::{Key, KeyCode};

/// What the main loop is woken by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Msg {
    Key(Key),
    Resize(u16, u16),
    /// A signal number (SIGTERM, SIGINT, SIGHUP, SIGQUIT) or SIGCONT.
    Signal(i32),
    /// The terminal is gone (hangup, EOF, EIO).
    Dead,
    /// The index filter's background search finished.
    Found(Box<crate::app::filter::Done>),
}

/// Converts a crossterm key event.
pub fn key_of(k: KeyEvent) -> Option<Key> {
    let ctrl = k.modifiers.contains(KeyModifiers::CONTROL);
    let alt = k.modifiers.contains(KeyModifiers::ALT);
    let code = match k.code {
        CtKey::Char(c) => KeyCode::Char(c),
        CtKey::Enter => KeyCode::Enter,
        CtKey::Esc => KeyCode::Esc,
        CtKey::Backspace => KeyCode::Backspace,
        CtKey::Tab => KeyCode::Tab,
        CtKey::BackTab => KeyCode::BackTab,
        CtKey::Up => KeyCode::Up,
        CtKey::Down => KeyCode::Down,
        CtKey::Left => KeyCode::Left,
        CtKey::Right => KeyCode::Right,
        CtKey::Home => KeyCode::Home,
        CtKey::End => KeyCode::End,
        CtKey::PageUp => KeyCode::PageUp,
        CtKey::PageDown => KeyCode::PageDown,
        CtKey::Delete => KeyCode::Delete,
        _ => return None,
    };
    Some(Key { code, ctrl, alt })
}

/// The file descriptor crossterm reads: stdin when it is a tty, else /dev/tty (kept
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

/// How many times in a row "readable with nothing to read" must be seen, a short pause
/// apart, before it counts as end-of-file. Once is not enough: bytes can be taken by
/// another reader of the same tty between `poll` and `FIONREAD` (a cursor-position reply
/// read by crossterm on the main thread did exactly that after Ctrl-Z/`fg`, and the
/// browser quit). A real hang-up also sets POLLHUP, which ends the wait at once.
const EMPTY_READS_FOR_EOF: u32 = 5;

/// Waits until the tty has input; `false` when it is dead.
fn wait_readable(fd: i32) -> bool {
    let mut empty = 0;
    loop {
        let mut p = libc::pollfd {
            fd,
            events: libc::POLLIN,
            revents: 0,
        };
        // SAFETY: one valid pollfd, infinite timeout.
        let r = unsafe { libc::poll(&mut p, 1, -1) };
        if r < 0 {
            if std::io::Error::last_os_error().kind() == std::io::ErrorKind::Interrupted {
                continue;
            }
            return false;
        }
        if p.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0 {
            return false;
        }
        if p.revents & libc::POLLIN != 0 {
            let mut n: libc::c_int = 0;
            // SAFETY: FIONREAD writes one c_int.
            let ok = unsafe { libc::ioctl(fd, libc::FIONREAD, &mut n) };
            if ok != 0 {
                return false;
            }
            if n > 0 {
                return true;
            }
            // Readable with nothing to read, again and again, is end-of-file.
            empty += 1;
            if empty >= EMPTY_READS_FOR_EOF {
                return false;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

/// Spawns the input thread: sends keys and resizes, then `Dead` once and stops.
pub fn spawn(tx: Sender<Msg>) {
    std::thread::spawn(move || {
        let fd = tty_fd();
        loop {
            if fd < 0 || !wait_readable(fd) {
                let _ = tx.send(Msg::Dead);
                return;
            }
            // Parse everything crossterm can from what arrived.
            loop {
                match event::poll(Duration::ZERO) {
                    Ok(true) => {}
                    Ok(false) => break,
                    Err(_) => {
                        let _ = tx.send(Msg::Dead);
                        return;
                    }
                }
                let msg = match event::read() {
                    Ok(Event::Key(k)) if k.kind != KeyEventKind::Release => key_of(k).map(Msg::Key),
                    Ok(Event::Resize(w, h)) => Some(Msg::Resize(w, h)),
                    Ok(_) => None,
                    Err(_) => Some(Msg::Dead),
                };
                if let Some(m) = msg {
                    let dead = m == Msg::Dead;
                    if tx.send(m).is_err() || dead {
                        return;
                    }
                }
            }
        }
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
