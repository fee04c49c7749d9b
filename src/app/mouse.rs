//! The mouse, turned into the browser's own moves: the wheel scrolls the list (or the
//! article) under the pointer, a click selects a row (in a dossier: the citation marker,
//! relation or reference clicked), a click on the row already selected opens it (so a
//! double click opens too), and a click on a status-line hint runs it.
//!
//! Every hit-test reads the one geometry the views are drawn with
//! ([`crate::geometry::Areas`] through [`App::areas`]) and each view's own row mapping
//! (the dossier's and the disputes' row layouts, offset + row for the plain lists), so
//! a click lands on what the screen shows there. Selecting is a state change made here;
//! everything else (opening, scrolling, a hint's action) is returned as the same
//! [`Action`]s keys give, for the dispatcher to run through `update`.

use super::{Action, App, Screen};
use crate::geometry::dossier::layout;
use crate::geometry::tone::Tone;
use crate::geometry::{Areas, Shape};

/// A mouse report from the terminal, at a 0-based cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mouse {
    pub kind: MouseKind,
    pub column: u16,
    pub row: u16,
    pub shift: bool,
    pub alt: bool,
    pub ctrl: bool,
}

/// What the mouse did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MouseKind {
    Down(Button),
    /// A release; X10 reports do not say which button.
    Up(Option<Button>),
    /// Motion with a button held.
    Drag(Button),
    ScrollUp,
    ScrollDown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Button {
    Left,
    Middle,
    Right,
}

impl Mouse {
    /// A plain event at (`column`, `row`), for tests and the hint layout.
    pub fn at(kind: MouseKind, column: u16, row: u16) -> Mouse {
        Mouse {
            kind,
            column,
            row,
            shift: false,
            alt: false,
            ctrl: false,
        }
    }
}

/// Rows (or targets) one notch of the wheel moves, as most terminal programs scroll.
pub const WHEEL_STEP: usize = 3;

/// Two presses on one cell this close together are a double click.
pub const DOUBLE_CLICK: std::time::Duration = std::time::Duration::from_millis(400);

/// Keeps a double click from opening twice. A double click on a row not yet selected
/// selects it, then opens it; but on the row already selected, its first click opens
/// it, and the second would land on whatever the new view shows at that cell (and open
/// that too). The terminal loop, which has the clock, asks [`DoubleClick::echo`] before
/// handling a press and tells [`DoubleClick::opened`] when a click opened something.
#[derive(Debug, Default)]
pub struct DoubleClick {
    /// Where and when the last click that opened something was.
    last_open: Option<(u16, u16, std::time::Instant)>,
}

impl DoubleClick {
    /// True when `m` is the second click of a double click whose first one already
    /// opened: it is dropped.
    pub fn echo(&mut self, m: &Mouse, now: std::time::Instant) -> bool {
        if !matches!(m.kind, MouseKind::Down(Button::Left)) {
            return false;
        }
        match self.last_open.take() {
            Some((c, r, at)) => {
                c == m.column && r == m.row && now.duration_since(at) < DOUBLE_CLICK
            }
            None => false,
        }
    }

    /// The press `m` (handled at `now`) asked for `actions`: remember it if one opens.
    pub fn opened(&mut self, m: &Mouse, actions: &[Action], now: std::time::Instant) {
        if actions.contains(&Action::Open) {
            self.last_open = Some((m.column, m.row, now));
        }
    }
}

/// Applies a mouse event: selects what a click hit, and returns the actions it asks
/// for (open, scroll, a hint's action), to be run like keys.
pub fn handle(app: &mut App, m: Mouse) -> Vec<Action> {
    match m.kind {
        MouseKind::ScrollUp => wheel(app, m, Action::Up),
        MouseKind::ScrollDown => wheel(app, m, Action::Down),
        MouseKind::Down(Button::Left) => click(app, m),
        _ => Vec::new(),
    }
}

fn contains(r: ratatui::layout::Rect, m: Mouse) -> bool {
    m.column >= r.x && m.column < r.right() && m.row >= r.y && m.row < r.bottom()
}

/// The wheel over the body: the movement key it stands for, [`WHEEL_STEP`] times
/// (the article scrolls by lines, a list moves its selection and scrolls with it); over
/// the pane under the list, the pane's own scroll (`J`/`K`). The help overlay and the
/// errors list scroll the same way as a list.
fn wheel(app: &App, m: Mouse, step: Action) -> Vec<Action> {
    let areas = app.view_areas();
    if !app.help && app.errors.is_none() {
        if !contains(areas.body, m) {
            return Vec::new();
        }
        if contains(areas.pane, m) {
            let pane = if step == Action::Down {
                Action::PaneDown
            } else {
                Action::PaneUp
            };
            return vec![pane; WHEEL_STEP];
        }
    }
    vec![step; WHEEL_STEP]
}

fn click(app: &mut App, m: Mouse) -> Vec<Action> {
    if app.help {
        // Any key but a movement closes the overlay; so does a click.
        return vec![Action::Help];
    }
    if app.errors.is_some() {
        return click_errors(app, m);
    }
    let areas = app.view_areas();
    if contains(areas.status, m) {
        return hint_at(app, m.column).into_iter().collect();
    }
    // A click is a key press as far as the status line goes: its message is read.
    app.message = None;
    if !contains(areas.list, m) {
        if let Screen::Index(v) = &app.screen {
            // The filter line: start typing there.
            if !v.typing && m.row == areas.head.y + 1 && areas.head.height > 1 {
                return vec![Action::Filter];
            }
        }
        return Vec::new();
    }
    let row = usize::from(m.row - areas.list.y);
    match &app.screen {
        Screen::Dossier(_) => click_dossier(app, areas, m, row),
        Screen::Disputes(_) => click_disputes(app, m, row),
        Screen::Index(_) => {
            // Beside the preview, the list takes the left half (as `ui::index` draws it).
            let w = areas.list.width;
            let list_width = if super::preview::visible(app) {
                w / 2
            } else {
                w
            };
            if m.column >= areas.list.x + list_width {
                return Vec::new();
            }
            pick_row(app, row)
        }
        Screen::Reader(_) => Vec::new(),
        _ => pick_row(app, row),
    }
}

/// A click on screen row `row` of a list of one-row items (three rows for sources):
/// select the item there, or open it when it is already selected.
fn pick_row(app: &mut App, row: usize) -> Vec<Action> {
    let per = |s: &Screen| match s {
        Screen::Sources(_) => super::sources::ROWS_PER_SOURCE,
        _ => 1,
    };
    let per = per(&app.screen);
    let len = list_len(app);
    let Some((selected, offset)) = selection(&mut app.screen) else {
        return Vec::new();
    };
    let i = *offset + row / per;
    if i >= len {
        return Vec::new();
    }
    if *selected == i {
        return vec![Action::Open];
    }
    *selected = i;
    Vec::new()
}

/// Items in the list on screen (one-row lists only).
fn list_len(app: &App) -> usize {
    match &app.screen {
        Screen::Index(v) => v.len(),
        Screen::CitedBy(v) => v.items.len(),
        Screen::Sources(v) => super::sources::shown(app, v).len(),
        Screen::Claims(v) => v.rows.len(),
        Screen::Relations(v) => v.shown(app, &v.tree(app)).len(),
        Screen::Timeline(v) => super::timeline::shown(app, v).entries.len(),
        Screen::Dossier(_) | Screen::Reader(_) | Screen::Disputes(_) => 0,
    }
}

/// The selection and first visible item of a one-row list.
fn selection(screen: &mut Screen) -> Option<(&mut usize, &mut usize)> {
    match screen {
        Screen::Index(v) => Some((&mut v.selected, &mut v.offset)),
        Screen::CitedBy(v) => Some((&mut v.pick.selected, &mut v.pick.offset)),
        Screen::Sources(v) => Some((&mut v.pick.selected, &mut v.pick.offset)),
        Screen::Claims(v) => Some((&mut v.pick.selected, &mut v.pick.offset)),
        Screen::Relations(v) => Some((&mut v.selected, &mut v.offset)),
        Screen::Timeline(v) => Some((&mut v.selected, &mut v.offset)),
        Screen::Dossier(_) | Screen::Reader(_) | Screen::Disputes(_) => None,
    }
}

/// Of the targets on one row, the one whose marker covers `column` or, failing that,
/// the nearest to it. `spans` are each target's (index, start column, end column).
fn nearest(spans: &[(usize, usize, usize)], column: usize) -> Option<usize> {
    spans
        .iter()
        .min_by_key(|(_, start, end)| {
            if column < *start {
                start - column
            } else {
                column.saturating_sub(end.saturating_sub(1))
            }
        })
        .map(|(i, _, _)| *i)
}

/// Columns taken by the segments of a row before segment `seg`, and by `seg` itself.
fn seg_columns(row: &[crate::geometry::tone::Seg], seg: usize) -> Option<(usize, usize)> {
    let start: usize = row
        .iter()
        .take(seg)
        .map(|s| unicode_width::UnicodeWidthStr::width(s.text.as_str()))
        .sum();
    let width = unicode_width::UnicodeWidthStr::width(row.get(seg)?.text.as_str());
    Some((start, start + width))
}

/// A click in a dossier: the citation marker, relation or reference on that row
/// nearest the pointer.
fn click_dossier(app: &mut App, areas: Areas, m: Mouse, row: usize) -> Vec<Action> {
    let Screen::Dossier(v) = &app.screen else {
        return Vec::new();
    };
    let Some(d) = app.corpus.dossiers.get(v.dossier) else {
        return Vec::new();
    };
    let linked = app.incoming.of(v.dossier);
    let at = v.offset + row;
    let lay = layout(&app.corpus, d, linked, app.size.0, None);
    let on_row: Vec<usize> = (0..lay.targets.len())
        .filter(|&i| lay.target_rows.get(i) == Some(&at))
        .collect();
    // Where each one's marker is: laid out selected, its segment is the selected one.
    let spans: Vec<(usize, usize, usize)> = on_row
        .iter()
        .filter_map(|&i| {
            let marked = layout(&app.corpus, d, linked, app.size.0, Some(i));
            let r = marked.rows.get(at)?;
            let seg = r.iter().position(|s| s.tone == Tone::Selected)?;
            let (start, end) = seg_columns(r, seg)?;
            Some((i, start, end))
        })
        .collect();
    let column = usize::from(m.column - areas.list.x);
    let Some(hit) = nearest(&spans, column).or(on_row.first().copied()) else {
        return Vec::new();
    };
    if let Screen::Dossier(v) = &mut app.screen {
        if v.selected == hit {
            return vec![Action::Open];
        }
        v.selected = hit;
    }
    Vec::new()
}

/// A click in the disputes list: the variant citation marker nearest the pointer on
/// that row.
fn click_disputes(app: &mut App, m: Mouse, row: usize) -> Vec<Action> {
    let Screen::Disputes(v) = &app.screen else {
        return Vec::new();
    };
    let lay = super::disputes::cached(app, v);
    let at = v.pick.offset + row;
    let spans: Vec<(usize, usize, usize)> = (0..lay.targets.len())
        .filter(|&i| lay.target_rows.get(i) == Some(&at))
        .filter_map(|i| {
            let seg = *lay.target_segs.get(i)?;
            let (start, end) = seg_columns(lay.rows.get(at)?, seg)?;
            Some((i, start, end))
        })
        .collect();
    let list = app.areas(Shape::Disputes).list;
    let Some(hit) = nearest(&spans, usize::from(m.column - list.x)) else {
        return Vec::new();
    };
    if let Screen::Disputes(v) = &mut app.screen {
        if v.pick.selected == hit {
            return vec![Action::Open];
        }
        v.pick.selected = hit;
    }
    Vec::new()
}

/// A click in the errors list (drawn in the help overlay's box, the selection kept on
/// its last visible row): select the row, or open the selected one; outside the box,
/// close the list as any other key does.
fn click_errors(app: &mut App, m: Mouse) -> Vec<Action> {
    let Some(selected) = app.errors else {
        return Vec::new();
    };
    let boxed = crate::geometry::overlay(app.size, app.reload_errors.len());
    let (x, y, width, height) = (boxed.x, boxed.y, boxed.width, boxed.height);
    let visible = crate::geometry::overlay_rows(boxed);
    let top = super::errors::top(selected, visible);
    let inside = m.column > x && m.column + 1 < x + width && m.row > y && m.row + 1 < y + height;
    if !inside {
        return vec![Action::Help];
    }
    let i = top + usize::from(m.row - y - 1);
    if i >= app.reload_errors.len() {
        return Vec::new();
    }
    if i == selected {
        return vec![Action::Open];
    }
    app.errors = Some(i);
    Vec::new()
}

/// The action of the status-line hint drawn at `column`, when the status line shows
/// the hints (not a message).
fn hint_at(app: &App, column: u16) -> Option<Action> {
    if app.message.is_some() || super::errors::banner(app).is_some() {
        return None;
    }
    let mode = app.mode();
    let (_, spans) = super::status::hint_line(app);
    let column = usize::from(column);
    let (_, key) = spans.iter().find(|(r, _)| r.contains(&column))?;
    app.keymap.lookup(mode, *key)
}

#[cfg(test)]
mod tests;
