//! Lean bytes over slow links: a backend wrapper that knows what the terminal shows and
//! scrolls the reader's text with the terminal's own scroll region instead of repainting
//! it.
//!
//! ratatui repaints every changed cell, and scrolling the reader one line changes every
//! cell of the text area (about 6,300 bytes at 120×40). A terminal can move those lines
//! itself: DECSTBM (`CSI top;bottom r`) confines scrolling to the text rows, SU/SD
//! (`CSI n S` / `CSI n T`) move them, and only the exposed lines need drawing — what
//! `less` does. The region is set as the reader is drawn and kept between frames
//! (a one-line scroll is then `CSI S`, or a line feed / reverse index when the cursor is
//! already on the margin the text leaves by); the encoder knows it
//! ([`Region`]) and never moves relatively across its margins, and it is reset to the
//! whole screen when the reader goes (an overlay, another view), after a clear or a
//! resize, and by the terminal restore on every way out (quit, signals, Ctrl-Z, the
//! editor).
//!
//! ratatui keeps its previous frame privately and would not know the terminal moved, so
//! [`ScrollBackend`] keeps its own copy of what the terminal shows (`shown`), shifts it
//! exactly as the terminal shifts its lines, and diffs each new frame against it. ratatui
//! is made to hand over the whole frame (its previous buffer is blank after every
//! [`draw`], so its "diff" is every non-blank cell) — cheap, in memory. Whether or not a
//! scroll is used, what reaches the terminal is the diff between what it shows and the new
//! frame, so the screen always equals a full redraw (proved with a terminal emulator in
//! the tests below). The difference is written by [`Encoder`](super::encode::Encoder)
//! (erase to end of line, relative moves, only the attributes that change), which also
//! needs to know what the terminal holds between frames: the cursor, rendition and
//! scroll region (forgotten whenever this backend clears or the size changes) and whether
//! the cursor is hidden (ratatui hides it on every frame; sent only when not known
//! hidden).

use std::io::{self, Write};
use std::ops::Range;

use ratatui::Terminal;
use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::{Position, Rect, Size};

use super::encode::{Encoder, Known, Region};
use crate::app::{App, Screen};
use crate::ui::{MIN_HEIGHT, MIN_WIDTH};

/// A backend that diffs frames against what the terminal shows, and can scroll a band of
/// rows with the terminal's scroll region.
pub struct ScrollBackend<B: Backend + Write> {
    inner: B,
    /// What the terminal shows, cell for cell.
    shown: Buffer,
    /// The frame being received from ratatui.
    next: Buffer,
    /// A fixed size instead of the terminal's (tests and benchmarks write to memory).
    fixed: Option<Size>,
    /// The rows the last [`ScrollBackend::margins`] asked for (the reader's text, or
    /// `None`): set again when a clear or a resize makes the region unknown.
    wanted: Option<Range<u16>>,
    /// Writes the difference with as few bytes as the supported terminals understand.
    encoder: Encoder,
    /// The terminal's cursor and rendition after the last write, when known.
    known: Known,
    /// Whether the cursor is hidden, when known (ratatui hides it on every frame).
    hidden: Option<bool>,
    /// The bytes of the frame being written (kept to reuse its allocation).
    bytes: Vec<u8>,
}

impl<B: Backend + Write> ScrollBackend<B> {
    /// Wraps `inner`, assuming a blank screen of its size.
    pub fn new(inner: B) -> ScrollBackend<B> {
        let area = inner
            .size()
            .map_or(Rect::default(), |s| Rect::new(0, 0, s.width, s.height));
        ScrollBackend {
            inner,
            shown: Buffer::empty(area),
            next: Buffer::empty(area),
            fixed: None,
            wanted: None,
            encoder: Encoder::from_env(),
            known: Known::default(),
            hidden: None,
            bytes: Vec::new(),
        }
    }

    /// Wraps `inner` as a terminal of `width`×`height` (for output that is not a tty).
    pub fn with_size(inner: B, width: u16, height: u16) -> ScrollBackend<B> {
        let area = Rect::new(0, 0, width, height);
        ScrollBackend {
            inner,
            shown: Buffer::empty(area),
            next: Buffer::empty(area),
            fixed: Some(Size { width, height }),
            wanted: None,
            encoder: Encoder::from_env(),
            known: Known::default(),
            hidden: None,
            bytes: Vec::new(),
        }
    }

    /// A fixed-size backend's terminal is resized to `width`×`height` (the model test's
    /// resize; a real terminal's size comes from the tty).
    pub fn resize_fixed(&mut self, width: u16, height: u16) {
        if self.fixed.is_some() {
            self.fixed = Some(Size { width, height });
        }
    }

    /// The wrapped backend.
    pub fn inner_mut(&mut self) -> &mut B {
        &mut self.inner
    }

    /// Scrolls `rows` of the terminal by `delta` lines (positive: the text moves up, as
    /// when reading on) and shifts the copy of the screen to match. Does nothing when the
    /// band is empty, the distance is not smaller than it, or the band is not the scroll
    /// region [`ScrollBackend::margins`] set.
    pub fn scroll(&mut self, rows: Range<u16>, delta: i32) -> io::Result<()> {
        let height = rows.end.saturating_sub(rows.start);
        let n = delta.unsigned_abs();
        if delta == 0 || n >= u32::from(height) || rows.end > self.shown.area.height {
            return Ok(());
        }
        // Only within the region `margins` set for these rows (as `draw` does before
        // every frame); otherwise the frame's diff repaints the rows instead.
        if self.known.region() != Region::Rows(rows.start, rows.end - 1) {
            return Ok(());
        }
        // Lines a terminal scrolls in take the current background (`bce`).
        if !self.known.plain_background() {
            self.inner.write_all(b"\x1b[m")?;
            self.known.pen_reset();
        }
        let n = n as u16;
        // One line, with the cursor already on the margin the text leaves by: a line
        // feed at the bottom margin (`ind`) or a reverse index at the top one (`ri`)
        // scrolls the region as SU/SD do, in fewer bytes, and leaves the cursor where
        // it was. Otherwise SU/SD, which scroll wherever the cursor is.
        let on_row = |row: u16| self.known.cursor().is_some_and(|(_, y)| y == row);
        if n == 1 && delta > 0 && on_row(rows.end - 1) {
            self.inner.write_all(b"\n")?;
        } else if n == 1 && delta < 0 && on_row(rows.start) {
            self.inner.write_all(b"\x1bM")?;
        } else {
            self.inner.write_all(b"\x1b[")?;
            if n != 1 {
                write!(self.inner, "{n}")?;
            }
            self.inner.write_all(if delta > 0 { b"S" } else { b"T" })?;
        }
        let width = self.shown.area.width;
        let moved: Vec<u16> = if delta > 0 {
            (rows.start..rows.end - n).collect()
        } else {
            (rows.start + n..rows.end).rev().collect()
        };
        for y in moved {
            let from = if delta > 0 { y + n } else { y - n };
            for x in 0..width {
                let cell = self.shown[(x, from)].clone();
                self.shown[(x, y)] = cell;
            }
        }
        let exposed = if delta > 0 {
            rows.end - n..rows.end
        } else {
            rows.start..rows.start + n
        };
        for y in exposed {
            for x in 0..width {
                self.shown[(x, y)] = Cell::default();
            }
        }
        Ok(())
    }

    /// Sets the scroll region to `rows` (the reader's text, on screen) when it is not
    /// that already, and to the whole screen otherwise (or when it is not known), so
    /// nothing another view writes or moves over can scroll a band of the screen by
    /// accident. The reader's region is set as it is drawn, not at its first scroll: the
    /// 8 bytes go with the reader's whole first frame instead of the first line scrolled.
    pub fn margins(&mut self, rows: Option<Range<u16>>) -> io::Result<()> {
        self.wanted.clone_from(&rows);
        // Rows below the terminal's last (a resize the app has not seen yet) would be
        // refused by the terminal: the whole screen then, as it would be.
        let height = self.terminal_size().map_or(0, |s| s.height);
        let rows = rows.filter(|r| r.start < r.end && r.end <= height);
        let want = rows.map_or(Region::Full, |r| {
            Region::Rows(r.start, r.end.saturating_sub(1))
        });
        if self.known.region() == want {
            return Ok(());
        }
        match want {
            Region::Rows(top, bottom) => write!(self.inner, "\x1b[{};{}r", top + 1, bottom + 1)?,
            _ => self.inner.write_all(b"\x1b[r")?,
        }
        self.known.region_set(want);
        Ok(())
    }

    /// The fixed size, or the terminal's when it answers.
    fn terminal_size(&self) -> Option<Size> {
        self.fixed.or_else(|| self.inner.size().ok())
    }

    fn forget(&mut self) {
        let size = self.terminal_size();
        let area = size.map_or(self.shown.area, |s| Rect::new(0, 0, s.width, s.height));
        self.shown = Buffer::empty(area);
        self.next = Buffer::empty(area);
        self.known.forget();
        self.hidden = None;
    }
}

impl<B: Backend<Error = io::Error> + Write> Backend for ScrollBackend<B> {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        // ratatui's previous buffer is blank (see `draw`), so `content` is every
        // non-blank cell of the frame: rebuild the frame, then send only what differs
        // from the screen.
        let size = self.size()?;
        let area = Rect::new(0, 0, size.width, size.height);
        if self.shown.area != area {
            // Resized without a clear: nothing is known about the screen.
            self.shown = Buffer::empty(area);
            for c in &mut self.shown.content {
                c.set_symbol("\u{0}");
            }
            self.next = Buffer::empty(area);
            self.known.forget();
        }
        // A clear, a resize or the first frame: the margins are not known (a terminal
        // may keep them over a resize), so they are set again (the reader's, or none)
        // before anything is moved over.
        if self.known.region() == Region::Unknown {
            self.margins(self.wanted.clone())?;
        }
        self.next.reset();
        for (x, y, cell) in content {
            if x < area.width && y < area.height {
                self.next[(x, y)] = cell.clone();
            }
        }
        self.bytes.clear();
        self.encoder
            .frame(&mut self.bytes, &self.shown, &self.next, &mut self.known);
        // A frame that ends on the row under the scroll region ends on the reader's
        // position line, after its number: the next line scrolled in is written at the
        // region's bottom margin, from where only an absolute move (7 bytes) would come
        // back to the number, or a DECRC (2) to the cursor saved here.
        if let (Region::Rows(_, bottom), Some((_, y))) = (self.known.region(), self.known.cursor())
            && y == bottom + 1
        {
            self.known.save_cursor(&mut self.bytes);
        }
        self.inner.write_all(&self.bytes)?;
        std::mem::swap(&mut self.shown, &mut self.next);
        Ok(())
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        if self.hidden != Some(true) {
            self.inner.hide_cursor()?;
            self.hidden = Some(true);
        }
        Ok(())
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        if self.hidden != Some(false) {
            self.inner.show_cursor()?;
            self.hidden = Some(false);
        }
        Ok(())
    }

    /// Where the cursor is as far as this backend knows (the origin when it does not),
    /// never asked of the terminal. ratatui asks on every `Terminal::clear` (Ctrl-L, the
    /// resume after Ctrl-Z) only to put the cursor back, and crossterm would ask the terminal (`CSI 6n`) and read the reply on this
    /// thread — racing the input thread for those bytes: when the input thread saw the
    /// reply arrive and then found nothing left to read, it took that for end-of-file
    /// and the browser quit with 129. Over a slow link the reply can also take longer
    /// than crossterm's 2 s wait, which failed the redraw. The browser hides the cursor,
    /// so the position it last knew is all `clear` needs.
    fn get_cursor_position(&mut self) -> io::Result<Position> {
        let (x, y) = self.known.cursor().unwrap_or((0, 0));
        Ok(Position::new(x, y))
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        let position = position.into();
        self.inner.set_cursor_position(position)?;
        self.known.cursor_at(position.x, position.y);
        Ok(())
    }

    fn clear(&mut self) -> io::Result<()> {
        self.clear_region(ClearType::All)
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        // An erase fills with the current background on `bce` terminals (frames leave
        // the rendition as their last cell had it).
        if !self.known.plain_background() {
            self.inner.write_all(b"\x1b[m")?;
        }
        self.inner.clear_region(clear_type)?;
        // Only a whole-screen clear is used (resize, redraw); anything else: assume
        // nothing about the screen, so the next frame repaints every non-blank cell.
        self.forget();
        if clear_type != ClearType::All {
            // The screen is not known to be blank: mark every cell unknown by making
            // the copy differ from any frame (a symbol no frame draws).
            for c in &mut self.shown.content {
                c.set_symbol("\u{0}");
            }
        }
        Ok(())
    }

    fn size(&self) -> io::Result<Size> {
        match self.fixed {
            Some(s) => Ok(s),
            None => self.inner.size(),
        }
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        self.inner.window_size()
    }

    fn flush(&mut self) -> io::Result<()> {
        Backend::flush(&mut self.inner)
    }
}

/// The reader state that decides whether the next frame can scroll the previous one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReaderPos {
    source: usize,
    top: usize,
    size: (u16, u16),
}

/// Where the reader is, when it is on screen without the help overlay.
pub fn reader_pos(app: &App) -> Option<ReaderPos> {
    match &app.screen {
        Screen::Reader(v) if !app.help => Some(ReaderPos {
            source: v.source,
            top: v.top,
            size: app.size,
        }),
        _ => None,
    }
}

/// The rows of the reader's text (below its title line, above its position line and the
/// status line) on a terminal of `size`: the reader's list area in [`crate::geometry`].
pub fn reader_rows(size: (u16, u16)) -> Range<u16> {
    let text = crate::geometry::areas(crate::geometry::Shape::Reader, size).list;
    text.y..text.y + text.height
}

/// Draws a frame, first scrolling the reader's text with the terminal when only its
/// scroll position changed since `before`. Returns the reader position now, for the
/// next call.
pub fn draw<B: Backend<Error = io::Error> + Write>(
    terminal: &mut Terminal<ScrollBackend<B>>,
    app: &App,
    before: Option<&ReaderPos>,
    render: impl FnOnce(&mut ratatui::Frame<'_>),
) -> io::Result<Option<ReaderPos>> {
    let now = reader_pos(app);
    let rows = now
        .as_ref()
        .filter(|n| n.size.0 >= MIN_WIDTH && n.size.1 >= MIN_HEIGHT)
        .map(|n| reader_rows(n.size));
    terminal.backend_mut().margins(rows)?;
    if let (Some(b), Some(n)) = (before, &now) {
        let (w, h) = n.size;
        if b.source == n.source && b.size == n.size && w >= MIN_WIDTH && h >= MIN_HEIGHT {
            let delta = n.top as i64 - b.top as i64;
            let delta = i32::try_from(delta).unwrap_or(i32::MAX);
            terminal.backend_mut().scroll(reader_rows((w, h)), delta)?;
        }
    }
    terminal.draw(render)?;
    // Blank ratatui's previous buffer so the next draw hands over the whole frame; the
    // backend diffs it against what the terminal really shows.
    terminal.swap_buffers();
    Ok(now)
}

#[cfg(test)]
mod tests;
