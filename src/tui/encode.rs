//! The bytes of a frame: the cells that differ from what the terminal shows, written with
//! as few bytes as the terminals we support all understand.
//!
//! ratatui's crossterm backend writes every changed cell with an absolute cursor move
//! whenever it is not right after the previous one (8 bytes), colours as `38;5;n` and in
//! separate sequences from the attributes, and ends every frame with four resets. Users
//! read this over SSH, often holding a key, so this encoder does what curses does:
//!
//! - **erase to end of line** (EL, `CSI K`) instead of writing a row's trailing blanks;
//! - **relative cursor moves** (CR, LF, BS, CUF/CUB/CUU/CUD) when shorter than an absolute
//!   one, no move when the cursor is already there, and over a short gap of unchanged
//!   cells it may write them again instead of moving (when their style is the pen's);
//! - **one SGR per change**, only for what changed (or a reset and the new attributes when
//!   that is shorter), colours 0–7 as `30+n`/`40+n`, 8–15 as 90–97/100–107;
//! - the state it leaves (cursor, pen) is remembered between frames, so the next frame
//!   starts from it; anything else that writes to the terminal must [`Known::forget`] it.
//!
//! Only sequences every supported terminal (TERM=vt100, linux, screen, tmux-256color,
//! xterm-256color) declares in terminfo are used: `el`, `cr`, `ind`, `cub`, `cud`, `cuf`,
//! `cuu`, `cup`, `sgr0`. Not used: ECH (`CSI n X`; screen's and tmux's terminfo lack
//! `ech`), CHA (`hpa`; vt100 lacks it). EL fills with the current background only where
//! terminfo says `bce` (linux, xterm), not in screen, tmux or vt100; so EL is only sent with
//! the default rendition set, for cells whose background is the default: the same result
//! in every terminal.
//!
//! **Every character a cell contributes goes through [`cell_text`]**, the one place a
//! symbol becomes output: it drops what [`is_unsafe`] rejects (escape and other C0/C1
//! controls, bidi controls, zero-width joiners, tag characters…) and newlines. The views
//! sanitise what they draw so an attack shows as a visible placeholder; this is the
//! guarantee behind them, so a view that forgets, or a widget that keeps a joiner in a
//! cell, still cannot send the terminal anything it would obey or hide.
//!
//! Which cells differ is still ratatui's `Buffer::diff` (wide characters, VS16 emoji); as
//! with crossterm, after any cell that is not one column wide the cursor position is not
//! trusted and the next move is absolute.

use std::borrow::Cow;
use std::cmp::Ordering;

use ratatui::buffer::{Buffer, Cell, CellDiffOption};
use ratatui::style::{Color, Modifier};
use unicode_width::UnicodeWidthStr;

use crate::text::sanitize::is_unsafe;

/// Modifiers that show on a blank cell (ratatui's diff uses the same set).
const VISIBLE_ON_BLANK: Modifier = Modifier::REVERSED
    .union(Modifier::UNDERLINED)
    .union(Modifier::SLOW_BLINK)
    .union(Modifier::RAPID_BLINK)
    .union(Modifier::CROSSED_OUT);

/// The graphic rendition the next character is written with.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
struct Pen {
    fg: Color,
    bg: Color,
    underline: Color,
    modifier: Modifier,
}

impl Pen {
    const DEFAULT: Pen = Pen {
        fg: Color::Reset,
        bg: Color::Reset,
        underline: Color::Reset,
        modifier: Modifier::empty(),
    };

    /// True when a space written with this pen looks like an erased cell.
    fn blank_is_blank(self) -> bool {
        self.bg == Color::Reset && !self.modifier.intersects(VISIBLE_ON_BLANK)
    }
}

/// How the cursor moves along its row.
enum Horizontal {
    None,
    /// CUF.
    Forward,
    /// The cells in between written again.
    Rewrite,
    /// CR, then CUF.
    FromLeft,
    /// BS or CUB.
    Back,
}

/// The terminal's scroll region (DECSTBM), as far as known. The reader keeps its text
/// rows set as the region between frames, so a one-line scroll is `CSI S` alone; while it
/// is set, a line feed at its bottom margin would scroll it and CUD/CUU stop at its
/// margins, so [`Encoder`] moves across a margin only with an absolute move.
#[derive(Clone, Copy, Default, Debug, PartialEq, Eq)]
pub enum Region {
    /// Not known (at the start, after a clear or a resize, or after someone else wrote):
    /// no relative move up or down is trusted until it is set again.
    #[default]
    Unknown,
    /// No margins: the whole screen scrolls.
    Full,
    /// Rows `top..=bottom` (0-based) scroll; the rows outside stay.
    Rows(u16, u16),
}

impl Region {
    /// True when a line feed or CUD (`from < to`), or CUU (`from > to`), takes the cursor
    /// from row `from` to row `to` without scrolling the region or stopping at a margin.
    fn moves_freely(self, from: u16, to: u16) -> bool {
        match self {
            Region::Full => true,
            Region::Unknown => false,
            // Down: a margin at `bottom` stops CUD and makes a line feed scroll.
            Region::Rows(_, bottom) if from < to => !(from <= bottom && bottom < to),
            // Up: CUU stops at `top` (xterm stops there from any row below it).
            Region::Rows(top, _) => !(to < top && top <= from),
        }
    }
}

/// What is known about the terminal between writes (`None`: unknown).
#[derive(Clone, Copy, Default, Debug)]
pub struct Known {
    cursor: Option<(u16, u16)>,
    pen: Option<Pen>,
    region: Region,
    /// The cursor and rendition DECSC saved, when known: DECRC (`ESC 8`, 2 bytes) goes
    /// back there from anywhere, across the region's margins, where an absolute move is
    /// 6 to 8 bytes.
    saved: Option<Saved>,
}

/// What DECSC (`ESC 7`) saved: the cursor and the rendition (DECRC restores both).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Saved {
    x: u16,
    y: u16,
    pen: Pen,
}

impl Known {
    /// Nothing is known any more (the screen was cleared, resized, or written by someone
    /// else): the next frame starts with an absolute move and a full SGR, after the scroll
    /// region is set to the whole screen again.
    pub fn forget(&mut self) {
        *self = Known::default();
    }

    /// What is known on a terminal whose scroll region is `region` and nothing else.
    pub fn in_region(region: Region) -> Known {
        Known {
            region,
            ..Known::default()
        }
    }

    /// The scroll region, as far as known.
    pub fn region(&self) -> Region {
        self.region
    }

    /// The scroll region was set to `region` (DECSTBM), which also moves the cursor.
    pub fn region_set(&mut self, region: Region) {
        self.region = region;
        self.cursor = None;
    }

    /// True when the rendition is known to leave a blank looking blank (the default
    /// background, no reverse or underline), so the lines a scroll brings in or an erase
    /// clears are blank as [`Buffer`] blanks are, even on a terminal that fills them with
    /// the current background (`bce`) or, as the Linux console, with reverse too.
    pub fn plain_background(&self) -> bool {
        self.pen.is_some_and(Pen::blank_is_blank)
    }

    /// The default rendition was set (`CSI m`).
    pub fn pen_reset(&mut self) {
        self.pen = Some(Pen::DEFAULT);
    }

    /// The cursor was moved to `(x, y)` by an absolute move.
    pub fn cursor_at(&mut self, x: u16, y: u16) {
        self.cursor = Some((x, y));
    }

    /// Where the cursor is, when known.
    pub fn cursor(&self) -> Option<(u16, u16)> {
        self.cursor
    }

    /// Saves the cursor and rendition with DECSC when both are known and differ from
    /// what is saved (so that [`Encoder`] can come back to this cell with DECRC); does
    /// nothing otherwise.
    pub fn save_cursor(&mut self, out: &mut Vec<u8>) {
        let (Some((x, y)), Some(pen)) = (self.cursor, self.pen) else {
            return;
        };
        let here = Saved { x, y, pen };
        if self.saved != Some(here) {
            out.extend_from_slice(b"\x1b7");
            self.saved = Some(here);
        }
    }
}

/// Writes frames as byte-lean terminal output.
#[derive(Clone, Copy, Debug)]
pub struct Encoder {
    /// False under `NO_COLOR` (non-empty), as crossterm: no colour is ever sent.
    colors: bool,
}

impl Encoder {
    /// An encoder following this environment's `NO_COLOR`, like crossterm.
    pub fn from_env() -> Encoder {
        Encoder::new(!crate::config::no_color_env())
    }

    /// An encoder that sends colours or not.
    pub fn new(colors: bool) -> Encoder {
        Encoder { colors }
    }

    /// Appends to `out` what turns the screen `shown` into `next` (same area), starting
    /// from and updating `known`. The rendition is left as the last cell needed it (the
    /// next frame often starts with the same one: the reader's position line); whoever
    /// scrolls, erases or clears the screen sets a plain background first.
    pub fn frame(&self, out: &mut Vec<u8>, shown: &Buffer, next: &Buffer, known: &mut Known) {
        let updates = self.without_lookalikes(shown, shown.diff(next));
        let updates = with_wide_remains(shown, next, updates);
        // Rows as runs of `updates` (which are in row order).
        let mut rows = Vec::new();
        let mut start = 0;
        while start < updates.len() {
            let y = updates[start].1;
            let end = updates[start..]
                .iter()
                .position(|u| u.1 != y)
                .map_or(updates.len(), |n| start + n);
            rows.push(start..end);
            start = end;
        }
        // The row the cursor is on first, when it changes: a frame often starts where
        // the last one ended (the reader's position line), in the pen that row needs.
        let here = known
            .cursor
            .and_then(|(_, cy)| rows.iter().position(|r| updates[r.start].1 == cy));
        if let Some(i) = here {
            let first = rows.remove(i);
            rows.insert(0, first);
        }
        for r in rows {
            let y = updates[r.start].1;
            self.row(out, next, y, &updates[r], known);
        }
    }

    /// ratatui's diff without the blanks that only changed their foreground (they look
    /// the same: the reader's gutter on a line nothing cites, after a scroll), except
    /// where such blanks lead straight into a changed cell of their own style: there
    /// writing them costs a byte each and the style is set anyway, less than a move.
    fn without_lookalikes<'a>(
        &self,
        shown: &Buffer,
        updates: Vec<(u16, u16, &'a Cell)>,
    ) -> Vec<(u16, u16, &'a Cell)> {
        let alike: Vec<bool> = updates
            .iter()
            .map(|&(x, y, cell)| self.looks_same(&shown[(x, y)], cell))
            .collect();
        let mut keep = vec![true; updates.len()];
        // From the right: the style of the changed cell the run leads into, if any.
        let mut leads_into: Option<Pen> = None;
        for i in (0..updates.len()).rev() {
            let (x, y, cell) = updates[i];
            let next_adjacent = updates
                .get(i + 1)
                .is_some_and(|&(nx, ny, _)| ny == y && nx == x.saturating_add(1));
            if !next_adjacent {
                leads_into = None;
            }
            if alike[i] {
                keep[i] = leads_into == Some(self.pen_of(cell));
            } else {
                leads_into = Some(self.pen_of(cell));
            }
            if alike[i] && !keep[i] {
                leads_into = None;
            }
        }
        updates
            .into_iter()
            .zip(keep)
            .filter_map(|(u, k)| k.then_some(u))
            .collect()
    }

    /// True when `a` and `b` look the same on a terminal: both blanks with the same
    /// background and attributes, nothing that shows on a blank (underline, reverse…),
    /// and only their foreground (or underline colour) differing, which a blank does not
    /// show. (Bold or italic on a blank does not show either, but a terminal's screen
    /// dump lists it, and a full redraw erases it: those are still sent, so what is left
    /// on the terminal is what a redraw leaves.)
    fn looks_same(&self, a: &Cell, b: &Cell) -> bool {
        let blank = |c: &Cell| {
            c.symbol() == " "
                && !is_special(c)
                && !self.pen_of(c).modifier.intersects(VISIBLE_ON_BLANK)
        };
        let (pa, pb) = (self.pen_of(a), self.pen_of(b));
        blank(a) && blank(b) && pa.bg == pb.bg && pa.modifier == pb.modifier
    }

    fn pen_of(&self, cell: &Cell) -> Pen {
        if self.colors {
            Pen {
                fg: cell.fg,
                bg: cell.bg,
                underline: cell.underline_color,
                modifier: cell.modifier,
            }
        } else {
            Pen {
                modifier: cell.modifier,
                ..Pen::DEFAULT
            }
        }
    }

    /// A cell an erase leaves looking the same.
    fn is_blank(&self, cell: &Cell) -> bool {
        cell.symbol() == " " && self.pen_of(cell).blank_is_blank()
    }

    /// The first column of row `y`'s run of blank cells up to the right edge (none when
    /// the last cell is not blank). A cell covered by a wide character is not blank.
    fn blank_tail(&self, next: &Buffer, y: u16) -> Option<u16> {
        let width = next.area.width;
        let mut tail = None;
        let mut x = 0;
        while x < width {
            let cell = &next[(x, y)];
            if self.is_blank(cell) {
                tail.get_or_insert(x);
                x += 1;
            } else {
                tail = None;
                x = x.saturating_add((cell.symbol().width() as u16).max(1));
            }
        }
        tail
    }

    /// One row's updates: written cell by cell, or the cells before the row's blank tail
    /// and one erase to the end of the line, whichever is shorter.
    fn row(
        &self,
        out: &mut Vec<u8>,
        next: &Buffer,
        y: u16,
        updates: &[(u16, u16, &Cell)],
        known: &mut Known,
    ) {
        let tail = self.blank_tail(next, y);
        let split =
            tail.and_then(|tail| updates.iter().position(|u| u.0 >= tail).map(|s| (tail, s)));
        let Some((tail, split)) = split else {
            for &(x, y, cell) in updates {
                self.put(out, next, x, y, cell, known);
            }
            return;
        };
        let mut plain = Vec::new();
        let mut plain_known = *known;
        for &(x, y, cell) in updates {
            self.put(&mut plain, next, x, y, cell, &mut plain_known);
        }
        let mut erase = Vec::new();
        let mut erase_known = *known;
        for &(x, y, cell) in &updates[..split] {
            self.put(&mut erase, next, x, y, cell, &mut erase_known);
        }
        // Erase from where the cursor is when that is already inside the blank tail.
        let from = match erase_known.cursor {
            Some((cx, cy)) if cy == y && cx >= tail && cx <= updates[split].0 => cx,
            _ => updates[split].0,
        };
        self.move_to(&mut erase, next, from, y, Pen::DEFAULT, &mut erase_known);
        self.set_pen(&mut erase, Pen::DEFAULT, &mut erase_known);
        erase.extend_from_slice(b"\x1b[K");
        if erase.len() < plain.len() {
            out.extend_from_slice(&erase);
            *known = erase_known;
        } else {
            out.extend_from_slice(&plain);
            *known = plain_known;
        }
    }

    /// Writes one cell at `(x, y)`.
    fn put(&self, out: &mut Vec<u8>, next: &Buffer, x: u16, y: u16, cell: &Cell, k: &mut Known) {
        let pen = self.pen_of(cell);
        self.move_to(out, next, x, y, pen, k);
        self.set_pen(out, pen, k);
        let text = cell_text(cell.symbol());
        out.extend_from_slice(text.as_bytes());
        // Trust the terminal's column only after a one-column character, and never at the
        // right edge (where terminals defer the wrap differently).
        k.cursor = (text.width() == 1 && x + 1 < next.area.width).then_some((x + 1, y));
    }

    /// Moves the cursor to `(x, y)`, where a cell in `want` is written next, by the
    /// shortest of: nothing, an absolute move, relative moves (over a short same-row gap,
    /// writing the unchanged cells again), or a DECRC to the saved cursor and a short
    /// move along its row. Lengths are counted before anything is written, so nothing is
    /// allocated.
    fn move_to(&self, out: &mut Vec<u8>, next: &Buffer, x: u16, y: u16, want: Pen, k: &mut Known) {
        if k.cursor == Some((x, y)) {
            return;
        }
        // DECRC restores the saved rendition too: a candidate only on the saved row, and
        // only where it lands in the rendition the cell wants or the one already set.
        // Rare (the reader's position line), so both ways are written to scratch then.
        let restorable = k
            .saved
            .filter(|s| s.y == y && (k.pen == Some(s.pen) || want == s.pen));
        let Some(saved) = restorable else {
            self.move_relative(out, next, x, y, k);
            return;
        };
        let mut regular = Vec::new();
        let mut after = *k;
        self.move_relative(&mut regular, next, x, y, &mut after);
        let restored = restore_to(saved, x);
        if restored.len() < regular.len() {
            out.extend_from_slice(&restored);
            k.cursor = Some((x, y));
            k.pen = Some(saved.pen);
        } else {
            out.extend_from_slice(&regular);
            *k = after;
        }
    }

    /// Moves the cursor to `(x, y)` by the shortest of an absolute move or relative
    /// moves (over a short same-row gap, writing the unchanged cells again).
    fn move_relative(&self, out: &mut Vec<u8>, next: &Buffer, x: u16, y: u16, k: &mut Known) {
        let Some((cx, cy)) = k.cursor else {
            cup(out, x, y);
            k.cursor = Some((x, y));
            return;
        };
        if (cx, cy) == (x, y) {
            return;
        }
        k.cursor = Some((x, y));
        // Across a margin of the scroll region (or with the region unknown) only an
        // absolute move is sure to land.
        if cy != y && !k.region.moves_freely(cy, y) {
            cup(out, x, y);
            return;
        }
        // Vertical part: LFs (the column stays; never at the bottom margin, as the target
        // row is below it or the region's margin is not crossed), a reverse index for one
        // row up (never from the top margin, where it would scroll: that move crosses the
        // margin and was made absolute above), or CUD/CUU.
        let down_by_lf = cy < y && y - cy <= 3;
        let up_by_ri = cy == y + 1;
        let vertical = match cy.cmp(&y) {
            Ordering::Less if down_by_lf => usize::from(y - cy),
            Ordering::Less => csi_len(y - cy),
            Ordering::Greater if up_by_ri => 2,
            Ordering::Greater => csi_len(cy - y),
            Ordering::Equal => 0,
        };
        // Horizontal part.
        let (horizontal, how) = match cx.cmp(&x) {
            Ordering::Less => {
                let forward = csi_len(x - cx);
                match (cy == y)
                    .then(|| self.rewrite_len(next, cx..x, y, k.pen, forward))
                    .flatten()
                {
                    Some(n) => (n, Horizontal::Rewrite),
                    None => (forward, Horizontal::Forward),
                }
            }
            Ordering::Greater => {
                let back = cx - x;
                let from_left = 1 + if x > 0 { csi_len(x) } else { 0 };
                let left = if back <= 3 {
                    usize::from(back)
                } else {
                    csi_len(back)
                };
                if from_left < left {
                    (from_left, Horizontal::FromLeft)
                } else {
                    (left, Horizontal::Back)
                }
            }
            Ordering::Equal => (0, Horizontal::None),
        };
        if vertical + horizontal >= cup_len(x, y) {
            cup(out, x, y);
            return;
        }
        match cy.cmp(&y) {
            Ordering::Less if down_by_lf => {
                out.extend(std::iter::repeat_n(b'\n', usize::from(y - cy)));
            }
            Ordering::Less => csi_n(out, y - cy, b'B'),
            Ordering::Greater if up_by_ri => out.extend_from_slice(b"\x1bM"),
            Ordering::Greater => csi_n(out, cy - y, b'A'),
            Ordering::Equal => {}
        }
        match how {
            Horizontal::None => {}
            Horizontal::Forward => csi_n(out, x - cx, b'C'),
            Horizontal::Rewrite => {
                for gx in cx..x {
                    out.extend_from_slice(cell_text(next[(gx, y)].symbol()).as_bytes());
                }
            }
            Horizontal::FromLeft => {
                out.push(b'\r');
                if x > 0 {
                    csi_n(out, x, b'C');
                }
            }
            Horizontal::Back if cx - x <= 3 => {
                out.extend(std::iter::repeat_n(8u8, usize::from(cx - x)));
            }
            Horizontal::Back => csi_n(out, cx - x, b'D'),
        }
    }

    /// The bytes it takes to write cells `xs` of row `y` again as they are, when each is
    /// one column wide and has the style `pen`, and that is at most `limit` (a short gap
    /// costs less this way than a cursor move).
    fn rewrite_len(
        &self,
        next: &Buffer,
        xs: std::ops::Range<u16>,
        y: u16,
        pen: Option<Pen>,
        limit: usize,
    ) -> Option<usize> {
        let pen = pen?;
        let mut len = 0;
        for x in xs {
            let cell = &next[(x, y)];
            if is_special(cell) || !self.shows_alike(cell, pen) {
                return None;
            }
            // The bytes the rewrite sends: the cell's text as `cell_text` makes it.
            let text = cell_text(cell.symbol());
            if text.width() != 1 {
                return None;
            }
            len += text.len();
            if len > limit {
                return None;
            }
        }
        Some(len)
    }

    /// True when `cell` written with `pen` looks as it should: its own style, or, for a
    /// blank, any foreground (a gap of blanks that differ from the pen only in colour is
    /// written again rather than jumped over).
    fn shows_alike(&self, cell: &Cell, pen: Pen) -> bool {
        let own = self.pen_of(cell);
        own == pen
            || (cell.symbol() == " "
                && own.bg == pen.bg
                && own.modifier == pen.modifier
                && !pen.modifier.intersects(VISIBLE_ON_BLANK))
    }

    /// Sets the rendition to `want` with the shorter of: only what changed, or a reset
    /// followed by everything `want` sets.
    fn set_pen(&self, out: &mut Vec<u8>, want: Pen, k: &mut Known) {
        if k.pen == Some(want) {
            return;
        }
        let mut fresh = vec![b'0'];
        for code in on_codes(want.modifier) {
            push_code(&mut fresh, code.as_bytes());
        }
        for (color, base) in [(want.fg, 30), (want.bg, 40), (want.underline, 50)] {
            if color != Color::Reset {
                push_color(&mut fresh, color, base);
            }
        }
        let codes = match k.pen {
            Some(have) => {
                let changed = changed_codes(have, want);
                if changed.len() < fresh.len() {
                    changed
                } else {
                    fresh
                }
            }
            None => fresh,
        };
        out.extend_from_slice(b"\x1b[");
        if codes != b"0" {
            out.extend_from_slice(&codes);
        }
        out.push(b'm');
        k.pen = Some(want);
    }
}

/// A DECRC to the cursor `saved` and a move along its row to column `x`: BS for up to
/// three columns back, CUB further, CUF forward. Never the cells in between written
/// again (as [`Encoder::move_relative`] may): from the saved cell they need not show
/// what the frame will.
fn restore_to(saved: Saved, x: u16) -> Vec<u8> {
    let mut out = b"\x1b8".to_vec();
    match saved.x.cmp(&x) {
        Ordering::Equal => {}
        Ordering::Greater if saved.x - x <= 3 => {
            out.extend(std::iter::repeat_n(8u8, usize::from(saved.x - x)));
        }
        Ordering::Greater => csi_n(&mut out, saved.x - x, b'D'),
        Ordering::Less => csi_n(&mut out, x - saved.x, b'C'),
    }
    out
}

/// The text written for a cell whose symbol is `symbol`: the symbol without the
/// characters [`is_unsafe`] rejects and without newlines (a cell is on one line), or a
/// space when nothing is left. The characters dropped are ones a terminal either obeys
/// (controls) or draws with no width (format characters), so the cell keeps its width.
/// The only way a cell's characters reach the output: [`Encoder::put`] and the rewrite
/// over a gap both write this, and [`Encoder::rewrite_len`] counts its bytes.
fn cell_text(symbol: &str) -> Cow<'_, str> {
    // Fast path: printable ASCII, which is nearly every cell.
    if symbol.bytes().all(|b| (b' '..=b'~').contains(&b)) || !symbol.chars().any(unsafe_in_cell) {
        return Cow::Borrowed(symbol);
    }
    let kept: String = symbol.chars().filter(|&c| !unsafe_in_cell(c)).collect();
    if kept.is_empty() {
        Cow::Borrowed(" ")
    } else {
        Cow::Owned(kept)
    }
}

/// A character never written as part of a cell: [`is_unsafe`], or a newline.
fn unsafe_in_cell(c: char) -> bool {
    c == '\n' || is_unsafe(c)
}

/// ratatui's diff plus, where a new character overwrites part of a wide one, the columns
/// the wide one covered beyond the new character: a terminal blanks them with the pen of the new character (so an
/// underlined or reversed one would leave a visible mark there), and they are written
/// again with their own style.
fn with_wide_remains<'a>(
    shown: &Buffer,
    next: &'a Buffer,
    updates: Vec<(u16, u16, &'a Cell)>,
) -> Vec<(u16, u16, &'a Cell)> {
    let width = next.area.width;
    let mut out: Vec<(u16, u16, &'a Cell)> = Vec::with_capacity(updates.len());
    for (i, &(x, y, cell)) in updates.iter().enumerate() {
        out.push((x, y, cell));
        // The new character covers x..end; a wide one shown from inside that span may
        // reach past it.
        let now = (cell.symbol().width() as u16).max(1);
        let end = x.saturating_add(now).min(width);
        let reach = (x..end)
            .map(|s| s + shown[(s, y)].symbol().width() as u16)
            .max()
            .unwrap_or(end)
            .min(width);
        let upcoming = updates.get(i + 1).filter(|u| u.1 == y).map(|u| u.0);
        for t in end..reach {
            if upcoming.is_some_and(|u| u <= t) {
                break;
            }
            out.push((t, y, &next[(t, y)]));
        }
    }
    out
}

/// A cell ratatui's diff treats specially (skipped, forced width): never written again
/// on the encoder's own initiative.
#[allow(deprecated)]
fn is_special(cell: &Cell) -> bool {
    cell.skip || cell.diff_option != CellDiffOption::None
}

/// The SGR parameters that take the terminal from `have` to `want`.
fn changed_codes(have: Pen, want: Pen) -> Vec<u8> {
    let mut codes = Vec::new();
    let removed = have.modifier - want.modifier;
    let mut add = want.modifier - have.modifier;
    if removed.contains(Modifier::REVERSED) {
        push_code(&mut codes, b"27");
    }
    if removed.intersects(Modifier::BOLD | Modifier::DIM) {
        // 22 ends both bold and dim: set again whichever stays.
        push_code(&mut codes, b"22");
        add |= want.modifier & (Modifier::BOLD | Modifier::DIM);
    }
    if removed.contains(Modifier::ITALIC) {
        push_code(&mut codes, b"23");
    }
    if removed.contains(Modifier::UNDERLINED) {
        push_code(&mut codes, b"24");
    }
    if removed.intersects(Modifier::SLOW_BLINK | Modifier::RAPID_BLINK) {
        push_code(&mut codes, b"25");
        add |= want.modifier & (Modifier::SLOW_BLINK | Modifier::RAPID_BLINK);
    }
    if removed.contains(Modifier::HIDDEN) {
        push_code(&mut codes, b"28");
    }
    if removed.contains(Modifier::CROSSED_OUT) {
        push_code(&mut codes, b"29");
    }
    for code in on_codes(add) {
        push_code(&mut codes, code.as_bytes());
    }
    for (h, w, base) in [
        (have.fg, want.fg, 30),
        (have.bg, want.bg, 40),
        (have.underline, want.underline, 50),
    ] {
        if h != w {
            push_color(&mut codes, w, base);
        }
    }
    codes
}

/// The SGR parameters that turn on each modifier of `m`.
fn on_codes(m: Modifier) -> impl Iterator<Item = &'static str> {
    [
        (Modifier::BOLD, "1"),
        (Modifier::DIM, "2"),
        (Modifier::ITALIC, "3"),
        (Modifier::UNDERLINED, "4"),
        (Modifier::SLOW_BLINK, "5"),
        (Modifier::RAPID_BLINK, "6"),
        (Modifier::REVERSED, "7"),
        (Modifier::HIDDEN, "8"),
        (Modifier::CROSSED_OUT, "9"),
    ]
    .into_iter()
    .filter(move |(bit, _)| m.contains(*bit))
    .map(|(_, code)| code)
}

fn push_code(codes: &mut Vec<u8>, code: &[u8]) {
    if !codes.is_empty() {
        codes.push(b';');
    }
    codes.extend_from_slice(code);
}

/// A colour as SGR parameters: `base` is 30 (foreground), 40 (background) or 50
/// (underline, which has only the extended forms). The eight basic colours as `base+n`
/// (terminfo's `setaf`/`setab` in every supported terminal), the eight bright ones as
/// `base+60+n` (90–97, 100–107); other indexed colours as `base+8;5;n` and true colour as
/// `base+8;2;r;g;b`, as crossterm sends them;
/// the default as `base+9`.
fn push_color(codes: &mut Vec<u8>, color: Color, base: u8) {
    if !codes.is_empty() {
        codes.push(b';');
    }
    let indexed = match color {
        Color::Reset => {
            push_num(codes, u32::from(base) + 9);
            return;
        }
        Color::Rgb(r, g, b) => {
            push_num(codes, u32::from(base) + 8);
            for part in [2, r, g, b] {
                codes.push(b';');
                push_num(codes, u32::from(part));
            }
            return;
        }
        Color::Black => 0,
        Color::Red => 1,
        Color::Green => 2,
        Color::Yellow => 3,
        Color::Blue => 4,
        Color::Magenta => 5,
        Color::Cyan => 6,
        Color::Gray => 7,
        Color::DarkGray => 8,
        Color::LightRed => 9,
        Color::LightGreen => 10,
        Color::LightYellow => 11,
        Color::LightBlue => 12,
        Color::LightMagenta => 13,
        Color::LightCyan => 14,
        Color::White => 15,
        Color::Indexed(i) => i,
    };
    if indexed < 8 && base != 50 {
        push_num(codes, u32::from(base) + u32::from(indexed));
    } else if indexed < 16 && base != 50 {
        // The bright eight as aixterm's 90–97/100–107, which TERM=linux and screen
        // render; they lack `38;5;n`, and the default theme promises the 16 colours.
        push_num(codes, u32::from(base) + 52 + u32::from(indexed));
    } else {
        push_num(codes, u32::from(base) + 8);
        codes.extend_from_slice(b";5;");
        push_num(codes, u32::from(indexed));
    }
}

/// Appends `n` in decimal.
fn push_num(out: &mut Vec<u8>, n: u32) {
    let mut digits = [0u8; 10];
    let mut i = digits.len();
    let mut n = n;
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend_from_slice(&digits[i..]);
}

fn digits(n: u32) -> usize {
    n.checked_ilog10().map_or(1, |l| l as usize + 1)
}

/// `CSI n <final>`, with `n` left out when it is 1 (the default of every move used).
fn csi_n(out: &mut Vec<u8>, n: u16, last: u8) {
    out.extend_from_slice(b"\x1b[");
    if n != 1 {
        push_num(out, u32::from(n));
    }
    out.push(last);
}

fn csi_len(n: u16) -> usize {
    3 + if n != 1 { digits(u32::from(n)) } else { 0 }
}

/// The absolute move (CUP), with the defaults left out.
fn cup(out: &mut Vec<u8>, x: u16, y: u16) {
    out.extend_from_slice(b"\x1b[");
    match (x, y) {
        (0, 0) => {}
        (0, y) => push_num(out, u32::from(y) + 1),
        (x, y) => {
            push_num(out, u32::from(y) + 1);
            out.push(b';');
            push_num(out, u32::from(x) + 1);
        }
    }
    out.push(b'H');
}

fn cup_len(x: u16, y: u16) -> usize {
    3 + match (x, y) {
        (0, 0) => 0,
        (0, y) => digits(u32::from(y) + 1),
        (x, y) => digits(u32::from(y) + 1) + 1 + digits(u32::from(x) + 1),
    }
}

pub mod scan;

#[cfg(test)]
mod tests;
