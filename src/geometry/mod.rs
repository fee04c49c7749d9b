//! The screen's geometry, in one place: for each view and terminal size, the rectangles
//! of its head lines, its scrolling list (or text), the pane under the list, a foot line
//! and the status line; and, for the views whose rows are wrapped text, where every row
//! and every selectable item falls ([`dossier`], [`disputes`], [`wrap`]), each piece of
//! text tagged with what it is ([`tone`]) for `ui::theme` to style.
//!
//! The row layouts live here, not in `app/` or `ui/`, because both need them: `update`
//! pages and keeps selections visible on the same rows that `ui` draws. `app/` keeps
//! state, counts and targets; `ui/` turns tones into styles and rows into spans.
//!
//! Before this module the same heights were derived in four places that disagreed (at
//! 80×24 the dossier drew 17 list rows while paging assumed 15). Now `update` pages and
//! keeps selections visible with [`Areas::list`], the renderers draw into the same
//! rectangles, and the scroll backend scrolls the reader's [`Areas::list`] rows: nothing
//! else derives a height. A leaf module (ratatui's `Rect` and `Layout`, the model and
//! text sanitising only) so that `app`, `ui` and `tui` can all read it without
//! importing each other.
//!
//! Computing the areas is a few additions and one `Layout` split (ratatui caches the
//! split per area and constraints), far cheaper than a cache of our own would be.

pub mod disputes;
pub mod dossier;
pub mod tone;
pub mod wrap;

pub use ratatui::layout::Rect;
use ratatui::layout::{Constraint, Layout};

/// Rows under the dossier's list for the selected citation's quote.
pub const QUOTE_PANE: u16 = 6;
/// Rows under the cited-by and disputes lists for the selected item's quote.
pub const DETAIL_ROWS: u16 = 4;
/// Rows under the relations map for the selected relation.
pub const MAP_PANE: u16 = 5;
/// Rows under the timeline for the selected claim.
pub const TIMELINE_PANE: u16 = 6;

/// The views, as far as their shape goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// Title and filter lines, then the list (a preview beside it when wide).
    Index,
    /// The dossier's pinned title line, its rows, then the quote pane.
    Dossier,
    /// A title line, the article's text, a position line.
    Reader,
    /// Two heading lines, the list, a detail pane.
    CitedBy,
    /// Two heading lines, the list of articles (three rows each).
    Sources,
    /// Two heading lines, the list, a detail pane.
    Disputes,
    /// Two heading lines, the list, one line naming the selected claim's sources.
    Claims,
    /// A title line, the map, a pane for the selected relation.
    Relations,
    /// A title line, the timeline, a pane for the selected claim.
    Timeline,
}

/// Where each part of a view goes. Parts a view does not have are empty rectangles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Areas {
    /// The whole screen.
    pub screen: Rect,
    /// Everything above the status line.
    pub body: Rect,
    /// Fixed lines above the list: titles, headings, the filter line.
    pub head: Rect,
    /// The scrolling list or text: what paging moves by and keep-visible keeps within.
    pub list: Rect,
    /// The pane under the list (quote, detail, relation).
    pub pane: Rect,
    /// A line under the list (the reader's position line).
    pub foot: Rect,
    /// The status line.
    pub status: Rect,
}

impl Areas {
    /// Rows of the list, at least one (so paging always moves).
    pub fn list_rows(&self) -> usize {
        usize::from(self.list.height).max(1)
    }
}

/// The areas of `shape` on a terminal of `width`×`height`.
pub fn areas(shape: Shape, (width, height): (u16, u16)) -> Areas {
    let screen = Rect::new(0, 0, width, height);
    let [body, status] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(screen);
    // Each part's height, clamped so the parts always fit: the list gets what is left.
    let avail = body.height;
    let (head, pane, foot) = match shape {
        Shape::Index => (2, 0, 0),
        Shape::Reader => (1, 0, 1),
        Shape::Dossier => (1, QUOTE_PANE.min(avail.saturating_sub(2)), 0),
        Shape::CitedBy | Shape::Disputes => {
            let rest = avail.saturating_sub(2);
            (2, DETAIL_ROWS.min(rest.saturating_sub(1)), 0)
        }
        Shape::Claims => (2, u16::from(avail > 3), 0),
        Shape::Sources => (2, 0, 0),
        Shape::Relations => (1, MAP_PANE.min(avail.saturating_sub(2)), 0),
        Shape::Timeline => (1, TIMELINE_PANE.min(avail.saturating_sub(2)), 0),
    };
    let head = head.min(avail);
    let pane = pane.min(avail - head);
    let foot = foot.min(avail - head - pane);
    let [head, list, pane, foot] = Layout::vertical([
        Constraint::Length(head),
        Constraint::Fill(1),
        Constraint::Length(pane),
        Constraint::Length(foot),
    ])
    .areas(body);
    Areas {
        screen,
        body,
        head,
        list,
        pane,
        foot,
        status,
    }
}

/// The box of an overlay (help, the reload errors) listing `lines` lines on a screen of
/// `size`, borders included: centred, at most 90 columns, never larger than the screen
/// (even at 0×0).
pub fn overlay((w, h): (u16, u16), lines: usize) -> Rect {
    let width = w.saturating_sub(4).min(90);
    let wanted = u16::try_from(lines.saturating_add(2)).unwrap_or(u16::MAX);
    let height = h.saturating_sub(2).min(wanted);
    Rect::new((w - width) / 2, (h - height) / 2, width, height)
}

/// Lines an overlay box shows inside its borders, at least one (so scrolling moves).
pub fn overlay_rows(rect: Rect) -> usize {
    usize::from(rect.height.saturating_sub(2)).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SHAPES: [Shape; 9] = [
        Shape::Index,
        Shape::Dossier,
        Shape::Reader,
        Shape::CitedBy,
        Shape::Sources,
        Shape::Disputes,
        Shape::Claims,
        Shape::Relations,
        Shape::Timeline,
    ];

    #[test]
    fn the_parts_tile_the_screen_at_every_size() {
        for shape in SHAPES {
            for h in 0..60u16 {
                for w in [0u16, 1, 20, 80, 300] {
                    let a = areas(shape, (w, h));
                    let parts = [a.head, a.list, a.pane, a.foot, a.status];
                    let total: u16 = parts.iter().map(|r| r.height).sum();
                    assert_eq!(total, h, "{shape:?} at {w}x{h}: {a:?}");
                    let mut y = 0;
                    for r in parts {
                        assert_eq!(r.y, y, "{shape:?} at {w}x{h}: parts in order");
                        assert!(r.width == w || r.height == 0);
                        y += r.height;
                    }
                }
            }
        }
    }

    #[test]
    fn the_dossier_list_is_what_the_screen_shows_at_80x24() {
        // 24 rows: 1 status, 1 pinned title, 6 quote pane, 16 rows of the dossier
        // (paging once assumed 15 while 17 were drawn).
        let a = areas(Shape::Dossier, (80, 24));
        assert_eq!((a.head.height, a.list.height), (1, 16));
        assert_eq!(a.pane.height, 6);
    }

    #[test]
    fn the_reader_text_lies_between_its_title_and_position_lines() {
        let a = areas(Shape::Reader, (120, 40));
        assert_eq!(
            (a.head.y, a.list.y, a.list.height, a.foot.y),
            (0, 1, 37, 38)
        );
    }
}
