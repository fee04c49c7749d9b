//! Bytes from the terminal into keys: the browser's own decoder of what a terminal sends
//! in raw mode, so that the input thread reads the tty itself.
//!
//! Why not crossterm's reader: it waits in an edge-triggered epoll on the tty and a
//! SIGWINCH pipe, and when one wake-up reports both it returns the resize and forgets
//! that the tty was readable. The key that arrived with the resize then sits unread
//! until the next key (a resize followed by `j` showed nothing until Ctrl-L), and the
//! input thread, seeing the tty readable while crossterm had nothing, spun at 100% CPU
//! (seen with strace: `epoll_wait` → `[{1}, {0}]`, then `poll` readable forever). Reading
//! the bytes here, after our own `poll`, leaves nothing behind: every byte read is
//! decoded, and a sequence cut short by the read is kept for the next one.
//!
//! What is understood: UTF-8 text; C0 controls as Ctrl+letter (with Enter, Tab,
//! Backspace, Esc and Ctrl-Space under their names); `ESC x` as Alt+x; CSI and SS3
//! cursor and editing keys with xterm's modifier parameter (`CSI 1;5C` is Ctrl-Right);
//! `CSI Z` as BackTab; SGR mouse reports (mode 1006, `CSI < b ; x ; y M/m`) and the old
//! X10 ones (`CSI M` and three bytes) as [`Mouse`] events; a bracketed paste (mode 2004,
//! `CSI 200 ~` … `CSI 201 ~`) as one [`Event::Paste`] whose newlines are never Enter.
//! Other CSI sequences (focus reports, replies to queries) are consumed whole and
//! dropped, so their bytes never turn into keys.

use crate::app::mouse::{Button, Mouse, MouseKind};
use crate::keymap::{Key, KeyCode};

/// What the terminal sent: a key, a mouse report, or pasted text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    Key(Key),
    Mouse(Mouse),
    /// The text between a bracketed paste's markers, as sent (newlines included): the
    /// typing line decides what they become.
    Paste(String),
}

/// Most bytes of one paste that are kept; the rest, up to the end marker, is dropped
/// (no query is that long, and a runaway paste must not grow memory without bound).
pub const MAX_PASTE: usize = 64 * 1024;

/// The marker that ends a bracketed paste.
const PASTE_END: &[u8] = b"\x1b[201~";

/// Longest escape sequence kept while waiting for its end; anything longer is dropped
/// (no key is that long; hostile or garbled input must not grow the buffer).
const MAX_SEQUENCE: usize = 64;

/// Decodes a byte stream into keys, keeping an unfinished sequence between reads.
#[derive(Debug, Default)]
pub struct Decoder {
    pending: Vec<u8>,
    /// Inside a bracketed paste: the text so far (at most [`MAX_PASTE`] bytes).
    paste: Option<Vec<u8>>,
}

/// What the front of the buffer holds.
enum Parsed {
    /// An event (or nothing, for a sequence that is dropped) and the bytes it took.
    Done(Option<Event>, usize),
    /// `CSI 200 ~`: a bracketed paste starts after these bytes.
    PasteStart(usize),
    /// The bytes so far start a sequence that is not finished.
    Incomplete,
}

impl Decoder {
    /// Adds `bytes` and returns every event they complete, in order.
    pub fn feed(&mut self, bytes: &[u8]) -> Vec<Event> {
        self.pending.extend_from_slice(bytes);
        let mut keys = Vec::new();
        let mut at = 0;
        while at < self.pending.len() {
            if let Some(paste) = &mut self.paste {
                let rest = &self.pending[at..];
                match rest.windows(PASTE_END.len()).position(|w| w == PASTE_END) {
                    Some(end) => {
                        keep_some(paste, &rest[..end]);
                        let text = String::from_utf8_lossy(paste).into_owned();
                        self.paste = None;
                        keys.push(Event::Paste(text));
                        at += end + PASTE_END.len();
                        continue;
                    }
                    None => {
                        // Keep a tail that could be the start of the end marker.
                        let keep = (PASTE_END.len() - 1).min(rest.len());
                        keep_some(paste, &rest[..rest.len() - keep]);
                        at = self.pending.len() - keep;
                        break;
                    }
                }
            }
            match parse(&self.pending[at..]) {
                Parsed::Done(key, used) => {
                    keys.extend(key);
                    at += used.max(1);
                }
                Parsed::PasteStart(used) => {
                    self.paste = Some(Vec::new());
                    at += used;
                }
                Parsed::Incomplete => {
                    if self.pending.len() - at > MAX_SEQUENCE {
                        at = self.pending.len();
                    }
                    break;
                }
            }
        }
        self.pending.drain(..at);
        keys
    }

    /// True when an unfinished sequence waits for more bytes (a lone Esc, say): the
    /// reader waits a moment for them, then calls [`Decoder::flush`]. Never inside a
    /// paste: a pause in the middle of one (a slow link) must not end it, or the rest of
    /// the pasted text would arrive as keys, its newlines as Enter.
    pub fn waiting(&self) -> bool {
        !self.pending.is_empty() && self.paste.is_none()
    }

    /// No more bytes came: what is pending means what it says on its own (a lone Esc
    /// is the Esc key, `ESC [` is Alt-[, a cut UTF-8 character is dropped). Inside a
    /// paste nothing is flushed: the paste ends only at its end marker.
    pub fn flush(&mut self) -> Vec<Event> {
        if self.paste.is_some() {
            return Vec::new();
        }
        let pending = std::mem::take(&mut self.pending);
        let mut keys = Vec::new();
        let mut rest = pending.as_slice();
        while let Some((&first, tail)) = rest.split_first() {
            if first == 0x1b {
                match tail.first() {
                    Some(&b) if b.is_ascii() && b != 0x1b => {
                        keys.extend(control_or_char(b).map(with_alt).map(Event::Key));
                        rest = tail.get(1..).unwrap_or_default();
                    }
                    _ => {
                        keys.push(Event::Key(Key::new(KeyCode::Esc)));
                        rest = tail;
                    }
                }
            } else {
                // A cut UTF-8 character or stray byte: nothing a user typed whole.
                rest = tail;
            }
        }
        keys
    }
}

/// Appends `bytes` to a paste, up to [`MAX_PASTE`] bytes in all.
fn keep_some(paste: &mut Vec<u8>, bytes: &[u8]) {
    let room = MAX_PASTE.saturating_sub(paste.len());
    paste.extend_from_slice(bytes.get(..room.min(bytes.len())).unwrap_or_default());
}

fn key(k: Option<Key>) -> Option<Event> {
    k.map(Event::Key)
}

fn with_alt(mut k: Key) -> Key {
    k.alt = true;
    k
}

/// The key one byte means on its own: a control, or an ASCII character.
fn control_or_char(b: u8) -> Option<Key> {
    let key = match b {
        b'\r' | b'\n' => {
            // Raw mode turns off ICRNL, so Enter arrives as CR; LF is Ctrl-J.
            if b == b'\r' {
                Key::new(KeyCode::Enter)
            } else {
                Key::ctrl('j')
            }
        }
        b'\t' => Key::new(KeyCode::Tab),
        0x7f => Key::new(KeyCode::Backspace),
        0x1b => Key::new(KeyCode::Esc),
        0 => Key::ctrl(' '),
        0x01..=0x1a => Key::ctrl(char::from(b - 1 + b'a')),
        0x1c..=0x1f => Key::ctrl(char::from(b - 0x1c + b'4')),
        0x20..=0x7e => Key::char(char::from(b)),
        _ => return None,
    };
    Some(key)
}

/// Parses the key at the front of `buf` (never empty).
fn parse(buf: &[u8]) -> Parsed {
    let Some(&first) = buf.first() else {
        return Parsed::Incomplete;
    };
    match first {
        0x1b => parse_escape(buf),
        0x80.. => parse_utf8(buf),
        b => Parsed::Done(key(control_or_char(b)), 1),
    }
}

fn parse_utf8(buf: &[u8]) -> Parsed {
    let want = match buf.first() {
        Some(0xc0..=0xdf) => 2,
        Some(0xe0..=0xef) => 3,
        Some(0xf0..=0xf7) => 4,
        // A continuation byte or an invalid lead: skip it.
        _ => return Parsed::Done(None, 1),
    };
    let Some(bytes) = buf.get(..want) else {
        // Wait for the rest, unless what came already cannot continue this character.
        if buf.iter().skip(1).all(|b| b & 0xc0 == 0x80) {
            return Parsed::Incomplete;
        }
        return Parsed::Done(None, 1);
    };
    match std::str::from_utf8(bytes)
        .ok()
        .and_then(|s| s.chars().next())
    {
        Some(c) => Parsed::Done(Some(Event::Key(Key::char(c))), want),
        None => Parsed::Done(None, 1),
    }
}

fn parse_escape(buf: &[u8]) -> Parsed {
    let Some(&second) = buf.get(1) else {
        return Parsed::Incomplete;
    };
    match second {
        b'[' => parse_csi(buf),
        b'O' => match buf.get(2) {
            None => Parsed::Incomplete,
            Some(&b) => Parsed::Done(key(ss3_key(b)), 3),
        },
        // Esc Esc: the first is the Esc key; the second starts whatever follows.
        0x1b => Parsed::Done(Some(Event::Key(Key::new(KeyCode::Esc))), 1),
        0x80.. => match parse_utf8(&buf[1..]) {
            Parsed::Done(Some(Event::Key(k)), used) => {
                Parsed::Done(Some(Event::Key(with_alt(k))), used + 1)
            }
            Parsed::Done(_, used) => Parsed::Done(None, used + 1),
            other => other,
        },
        b => Parsed::Done(key(control_or_char(b).map(with_alt)), 2),
    }
}

/// SS3 keys: what xterm sends for arrows and Home/End in application cursor mode.
fn ss3_key(b: u8) -> Option<Key> {
    let code = match b {
        b'A' => KeyCode::Up,
        b'B' => KeyCode::Down,
        b'C' => KeyCode::Right,
        b'D' => KeyCode::Left,
        b'H' => KeyCode::Home,
        b'F' => KeyCode::End,
        _ => return None,
    };
    Some(Key::new(code))
}

/// `ESC [ params final`: parameters are bytes 0x30–0x3f, intermediates 0x20–0x2f, the
/// final byte 0x40–0x7e (ECMA-48).
fn parse_csi(buf: &[u8]) -> Parsed {
    let body = &buf[2..];
    let Some(end) = body.iter().position(|b| (0x40..=0x7e).contains(b)) else {
        if body.iter().all(|b| (0x20..=0x3f).contains(b)) {
            return Parsed::Incomplete;
        }
        // Not a CSI after all (a control inside it): Alt-[ and go on from there.
        return Parsed::Done(Some(Event::Key(with_alt(Key::char('[')))), 2);
    };
    let params = &body[..end];
    let last = body[end];
    let used = 2 + end + 1;
    let text = std::str::from_utf8(params).unwrap_or("");
    if last == b'M' && text.is_empty() {
        // X10 mouse (a terminal without SGR reports): three bytes follow, each 32 more
        // than the value, so they must not be read as keys.
        let (Some(&b), Some(&x), Some(&y)) = (buf.get(used), buf.get(used + 1), buf.get(used + 2))
        else {
            return Parsed::Incomplete;
        };
        let at = |v: u8| u16::from(v.saturating_sub(33));
        let mouse = mouse(u16::from(b.saturating_sub(32)), at(x), at(y), b & 3 == 3);
        return Parsed::Done(mouse.map(Event::Mouse), used + 3);
    }
    if let Some(sgr) = text.strip_prefix('<') {
        return Parsed::Done(sgr_mouse(sgr, last).map(Event::Mouse), used);
    }
    let mut numbers = text.split(';').map(|p| p.parse::<u16>().ok());
    let first = numbers.next().flatten();
    let modifier = numbers.next().flatten().unwrap_or(1);
    if text.starts_with(['?', '>', '=']) {
        // Replies to queries: not keys.
        return Parsed::Done(None, used);
    }
    if last == b'~' && first == Some(200) {
        return Parsed::PasteStart(used);
    }
    let code = match (last, first) {
        (b'A', _) => KeyCode::Up,
        (b'B', _) => KeyCode::Down,
        (b'C', _) => KeyCode::Right,
        (b'D', _) => KeyCode::Left,
        (b'H', _) => KeyCode::Home,
        (b'F', _) => KeyCode::End,
        (b'Z', _) => KeyCode::BackTab,
        (b'~', Some(1 | 7)) => KeyCode::Home,
        (b'~', Some(4 | 8)) => KeyCode::End,
        (b'~', Some(3)) => KeyCode::Delete,
        (b'~', Some(5)) => KeyCode::PageUp,
        (b'~', Some(6)) => KeyCode::PageDown,
        _ => return Parsed::Done(None, used),
    };
    // xterm's modifier parameter is 1 + a bit set: 1 shift, 2 alt, 4 ctrl.
    let bits = modifier.saturating_sub(1);
    Parsed::Done(
        Some(Event::Key(Key {
            code,
            ctrl: bits & 4 != 0,
            alt: bits & 2 != 0,
        })),
        used,
    )
}

/// An SGR report's parameters after `<` (`b;x;y`, 1-based cells) and its final byte
/// (`M` press or motion, `m` release).
fn sgr_mouse(params: &str, last: u8) -> Option<Mouse> {
    let mut n = params.split(';').map(|p| p.parse::<u16>().ok());
    let (b, x, y) = (n.next()??, n.next()??, n.next()??);
    if n.next().is_some() || !matches!(last, b'M' | b'm') {
        return None;
    }
    mouse(b, x.saturating_sub(1), y.saturating_sub(1), last == b'm')
}

/// The event of xterm's button byte `b` at 0-based `column`, `row`: the low two bits are
/// the button (3: released, in X10), 4 shift, 8 alt, 16 ctrl, 32 motion, 64 the wheel.
/// Motion without a button, horizontal wheels and extra buttons are not used: none.
fn mouse(b: u16, column: u16, row: u16, released: bool) -> Option<Mouse> {
    let button = match b & 3 {
        0 => Some(Button::Left),
        1 => Some(Button::Middle),
        2 => Some(Button::Right),
        _ => None,
    };
    let kind = if b & 128 != 0 {
        return None;
    } else if b & 64 != 0 {
        match b & 3 {
            0 => MouseKind::ScrollUp,
            1 => MouseKind::ScrollDown,
            _ => return None,
        }
    } else if b & 32 != 0 {
        MouseKind::Drag(button?)
    } else if released {
        MouseKind::Up(button)
    } else {
        MouseKind::Down(button?)
    };
    Some(Mouse {
        kind,
        column,
        row,
        shift: b & 4 != 0,
        alt: b & 8 != 0,
        ctrl: b & 16 != 0,
    })
}

#[cfg(test)]
mod tests;
