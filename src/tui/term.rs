//! Terminal lifecycle: enter (raw mode, alternate screen, hidden cursor, bracketed
//! paste, and mouse reports unless the user turned them off) and one
//! idempotent restore shared by normal exit, the panic hook, a Drop guard, signals and
//! suspend. The restore writes straight to the tty's file descriptor, not through
//! `stdout()`: the main thread may hold that lock in the middle of a frame, and a
//! restore from the signal thread waiting for it would keep the process alive. The write
//! waits at most [`RESTORE_WAIT_MS`] for the terminal to take the bytes, so a stalled
//! (not dead) link cannot hold the exit either.

use std::sync::atomic::{AtomicBool, Ordering};

use ratatui::crossterm::{cursor, execute, terminal};

/// True while the terminal is in the browser's modes.
static ACTIVE: AtomicBool = AtomicBool::new(false);

/// How long the restore waits for a stalled terminal to accept its bytes.
pub const RESTORE_WAIT_MS: i32 = 300;

/// What the restore sends: CAN (ends an escape sequence a frame may have been cut in),
/// plain rendition, the whole screen as scroll region, mouse reports and bracketed
/// paste off (always: turning off what was never on is harmless, and a restore from
/// the signal thread need not know what was on), the main screen back, the cursor
/// shown.
pub const RESTORE: &[u8] =
    b"\x18\x1b[0m\x1b[r\x1b[?1006l\x1b[?1002l\x1b[?1000l\x1b[?2004l\x1b[?1049l\x1b[?25h";

/// Mouse reports on: clicks (1000), motion while a button is held (1002, so a drag is
/// not read as clicks), in SGR form (1006: any column, and releases name their button).
pub const MOUSE_ON: &[u8] = b"\x1b[?1000h\x1b[?1002h\x1b[?1006h";

/// Bracketed paste on (2004): pasted text arrives between markers, never as keys.
pub const PASTE_ON: &[u8] = b"\x1b[?2004h";

/// Enters raw mode and the alternate screen, with bracketed paste and, when `mouse`,
/// mouse reports.
pub fn enter(mouse: bool) -> std::io::Result<()> {
    use std::io::Write as _;
    terminal::enable_raw_mode()?;
    ACTIVE.store(true, Ordering::SeqCst);
    let mut out = std::io::stdout();
    execute!(out, terminal::EnterAlternateScreen, cursor::Hide)?;
    out.write_all(PASTE_ON)?;
    if mouse {
        out.write_all(MOUSE_ON)?;
    }
    out.flush()
}

/// Leaves every mode `enter` set; safe to call any number of times, from any path.
pub fn restore() {
    if ACTIVE.swap(false, Ordering::SeqCst) {
        write_bounded(libc::STDOUT_FILENO, RESTORE, RESTORE_WAIT_MS);
        let _ = terminal::disable_raw_mode();
    }
}

/// Writes `bytes` to `fd` without any lock, giving up when the descriptor has not been
/// writable for `wait_ms` (or fails); true when everything was written.
pub fn write_bounded(fd: i32, mut bytes: &[u8], wait_ms: i32) -> bool {
    while !bytes.is_empty() {
        let mut p = libc::pollfd {
            fd,
            events: libc::POLLOUT,
            revents: 0,
        };
        // SAFETY: one valid pollfd.
        let ready = unsafe { libc::poll(&mut p, 1, wait_ms) };
        if ready <= 0 || p.revents & libc::POLLOUT == 0 {
            return false;
        }
        // SAFETY: `bytes` is valid for its length. A write after POLLOUT takes at least a
        // byte without blocking (PIPE_BUF/tty buffer semantics), so this cannot hang.
        let n = unsafe { libc::write(fd, bytes.as_ptr().cast(), bytes.len().min(512)) };
        match usize::try_from(n) {
            Ok(n) if n > 0 => bytes = bytes.get(n..).unwrap_or_default(),
            _ => {
                if std::io::Error::last_os_error().kind() != std::io::ErrorKind::Interrupted {
                    return false;
                }
            }
        }
    }
    true
}

/// Restores the terminal when dropped (covers early returns).
pub struct Guard;

impl Drop for Guard {
    fn drop(&mut self) {
        restore();
    }
}

/// Installs a panic hook that restores the terminal before the panic is printed.
pub fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
}

/// Puts `text` on the clipboard through OSC 52 (works over SSH; inside tmux it needs
/// `set-clipboard on`).
pub fn osc52(text: &str) -> std::io::Result<()> {
    use std::io::Write as _;
    let mut out = std::io::stdout();
    write!(out, "\x1b]52;c;{}\x07", base64(text.as_bytes()))?;
    out.flush()
}

/// Standard base64 with padding.
pub fn base64(bytes: &[u8]) -> String {
    const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(A[((n >> (18 - 6 * i)) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A pipe whose buffer is full stands for a stalled link: the restore's write gives
    /// up after its wait instead of blocking for ever.
    #[test]
    fn restore_writes_never_block_on_a_stalled_terminal() {
        let mut fds = [0i32; 2];
        // SAFETY: a two-int array for pipe(2); fcntl on the fd it made.
        unsafe {
            assert_eq!(libc::pipe(fds.as_mut_ptr()), 0);
            let flags = libc::fcntl(fds[1], libc::F_GETFL);
            libc::fcntl(fds[1], libc::F_SETFL, flags | libc::O_NONBLOCK);
            let chunk = [b'x'; 4096];
            while libc::write(fds[1], chunk.as_ptr().cast(), chunk.len()) > 0 {}
            // Blocking again, as a tty is: a plain write would now wait for a reader.
            libc::fcntl(fds[1], libc::F_SETFL, flags);
        }
        let start = std::time::Instant::now();
        assert!(
            !write_bounded(fds[1], RESTORE, 50),
            "nothing can be written"
        );
        assert!(start.elapsed() < std::time::Duration::from_secs(2));
        // Drained, the same write goes through whole.
        let mut sink = [0u8; 4096];
        // SAFETY: reading into a local buffer from our own pipe.
        unsafe {
            let flags = libc::fcntl(fds[0], libc::F_GETFL);
            libc::fcntl(fds[0], libc::F_SETFL, flags | libc::O_NONBLOCK);
            while libc::read(fds[0], sink.as_mut_ptr().cast(), sink.len()) > 0 {}
        }
        assert!(write_bounded(fds[1], RESTORE, 50));
        // SAFETY: closing the pipe we made.
        unsafe {
            libc::close(fds[0]);
            libc::close(fds[1]);
        }
    }

    /// Every mode `enter` can turn on, the restore turns off.
    #[test]
    fn the_restore_turns_off_mouse_and_paste() {
        let restore = String::from_utf8_lossy(RESTORE);
        for on in [MOUSE_ON, PASTE_ON] {
            for mode in String::from_utf8_lossy(on)
                .split('\x1b')
                .filter(|m| !m.is_empty())
            {
                let off = format!("\x1b{}", mode.replace('h', "l"));
                assert!(restore.contains(&off), "{off:?} missing from the restore");
            }
        }
    }

    /// The reader leaves its scroll region set between frames; whatever way the browser
    /// ends (quit, signal, panic, Ctrl-Z, the editor), the restore gives the shell the
    /// whole screen back: a line feed at the old bottom margin moves down, not scrolls.
    #[test]
    fn the_restore_resets_the_scroll_region() {
        let n = |v: u16| std::num::NonZeroU16::new(v).unwrap_or(std::num::NonZeroU16::MIN);
        let mut p = vt100::Parser::new(n(10), n(20), 0);
        p.process(b"\x1b[2;8r");
        p.process(RESTORE);
        p.process(b"\x1b[Htop\x1b[8H\n");
        assert_eq!(p.screen().cursor_position().0, 8, "margins left set");
        assert_eq!(p.screen().contents_between(0, 0, 0, 3), "top");
    }

    #[test]
    fn base64_matches_rfc4648() {
        for (i, o) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(i.as_bytes()), o);
        }
    }
}
