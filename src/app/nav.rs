//! Moving through lists, in one place: every list in the browser (the index, the
//! dossier's rows, the cross-source views, the relations map, the timeline, the error
//! list) moves, pages, jumps to the ends and keeps its selection on screen through
//! [`Pick`], so j/k, g/G and paging mean the same everywhere. The page height always
//! comes from the view's [`crate::geometry::Areas`], never from a height of its own.
//!
//! Two kinds of list: one row per item ([`Pick::step`]), and items laid out over rows,
//! where an item sits on a row and rows without an item sit between them (the dossier's
//! wrapped text, the disputes' claims with their variants: [`Pick::step_rows`]).

use super::Action;

/// A selection in a list and the first visible row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Pick {
    pub selected: usize,
    pub offset: usize,
}

impl Pick {
    /// A pick at `selected` with `offset` as the first visible row.
    pub fn at(selected: usize, offset: usize) -> Pick {
        Pick { selected, offset }
    }

    /// Applies a movement action to a list of `len` one-row items of which `height`
    /// fit on screen; returns false (and changes nothing) when `action` is not a
    /// movement.
    pub fn step(&mut self, action: &Action, len: usize, height: usize) -> bool {
        let page = height.max(1) as isize;
        self.selected = match action {
            Action::Down => move_by(self.selected, len, 1),
            Action::Up => move_by(self.selected, len, -1),
            Action::PageDown => move_by(self.selected, len, page),
            Action::PageUp => move_by(self.selected, len, -page),
            Action::Top => 0,
            Action::Bottom => len.saturating_sub(1),
            _ => return false,
        };
        self.clamp(len, height);
        true
    }

    /// Keeps the selection inside a list of `len` one-row items and on screen.
    pub fn clamp(&mut self, len: usize, height: usize) {
        self.selected = self.selected.min(len.saturating_sub(1));
        keep_visible(&mut self.offset, self.selected, height);
        self.offset = self.offset.min(len.saturating_sub(height.max(1)));
    }

    /// Applies a movement action to items laid out over `rows` rows, item `i` on row
    /// `item_rows[i]` (ascending). Up and down move by item; a page moves the view by
    /// `height` rows and selects the first item it shows, or with none the nearest item
    /// beyond it in the direction of travel (so paging always advances, even across rows
    /// with no item); top shows the first row, bottom the last rows unless that would
    /// hide the last item. Returns false when `action` is not a movement.
    pub fn step_rows(
        &mut self,
        action: &Action,
        item_rows: &[usize],
        rows: usize,
        height: usize,
    ) -> bool {
        let (n, h) = (item_rows.len(), height.max(1));
        let max_offset = rows.saturating_sub(h);
        let in_view = |top: usize| item_rows.iter().position(|&r| r >= top && r < top + h);
        match action {
            Action::Down => self.selected = move_by(self.selected, n, 1),
            Action::Up => self.selected = move_by(self.selected, n, -1),
            Action::Top => *self = Pick::default(),
            Action::Bottom => {
                self.selected = n.saturating_sub(1);
                self.offset = max_offset;
            }
            Action::PageDown => {
                self.offset = (self.offset + h).min(max_offset);
                let after = || item_rows.iter().position(|&r| r >= self.offset);
                self.selected = in_view(self.offset).or_else(after).unwrap_or(self.selected);
            }
            Action::PageUp => {
                self.offset = self.offset.saturating_sub(h);
                let before = || item_rows.iter().rposition(|&r| r < self.offset);
                self.selected = in_view(self.offset)
                    .or_else(before)
                    .unwrap_or(self.selected);
            }
            _ => return false,
        }
        self.clamp_rows(item_rows, rows, height);
        true
    }

    /// Keeps the selection inside items laid out over `rows` rows and its row on
    /// screen, and the view inside the rows.
    pub fn clamp_rows(&mut self, item_rows: &[usize], rows: usize, height: usize) {
        self.selected = self.selected.min(item_rows.len().saturating_sub(1));
        if let Some(&row) = item_rows.get(self.selected) {
            keep_visible(&mut self.offset, row, height);
        }
        self.offset = self.offset.min(rows.saturating_sub(height.max(1)));
    }
}

/// `pos` moved by `delta` inside a list of `len` items (0 when the list is empty).
pub fn move_by(pos: usize, len: usize, delta: isize) -> usize {
    if len == 0 {
        return 0;
    }
    pos.saturating_add_signed(delta).min(len - 1)
}

/// Moves `offset` the least so that `row` is among the `height` rows from it.
pub fn keep_visible(offset: &mut usize, row: usize, height: usize) {
    let height = height.max(1);
    if row < *offset {
        *offset = row;
    } else if row >= *offset + height {
        *offset = row + 1 - height;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_row_items_move_page_and_stay_on_screen() {
        let mut p = Pick::default();
        assert!(p.step(&Action::Down, 10, 3));
        assert_eq!(p, Pick::at(1, 0));
        assert!(p.step(&Action::PageDown, 10, 3));
        assert_eq!(p, Pick::at(4, 2));
        assert!(p.step(&Action::Bottom, 10, 3));
        assert_eq!(p, Pick::at(9, 7));
        assert!(
            p.step(&Action::Down, 10, 3),
            "a movement at the end still counts"
        );
        assert_eq!(p, Pick::at(9, 7));
        assert!(p.step(&Action::Top, 10, 3));
        assert_eq!(p, Pick::at(0, 0));
        assert!(!p.step(&Action::Open, 10, 3));
        assert!(p.step(&Action::Down, 0, 3));
        assert_eq!(p, Pick::at(0, 0), "an empty list keeps everything at zero");
    }

    #[test]
    fn a_page_over_rows_without_items_still_advances() {
        // Items on rows 0, 1 and 20 of 30 rows; 5 rows on screen.
        let rows = [0, 1, 20];
        let mut p = Pick::default();
        assert!(p.step_rows(&Action::PageDown, &rows, 30, 5));
        assert_eq!(
            p.selected, 2,
            "the first item from the new top, though off screen"
        );
        assert!((p.offset..p.offset + 5).contains(&20), "{p:?}");
        assert!(p.step_rows(&Action::PageUp, &rows, 30, 5));
        assert_eq!(
            p,
            Pick::at(1, 1),
            "back up across the empty rows to the item before"
        );
        assert!(p.step_rows(&Action::Bottom, &rows, 30, 5));
        assert_eq!(
            p,
            Pick::at(2, 20),
            "bottom selects the last item and keeps it on screen"
        );
        assert!(p.step_rows(&Action::Up, &rows, 30, 5));
        assert_eq!(p, Pick::at(1, 1));
        assert!(!p.step_rows(&Action::Open, &rows, 30, 5));
    }

    #[test]
    fn keep_visible_moves_the_least() {
        let mut offset = 5;
        keep_visible(&mut offset, 3, 4);
        assert_eq!(offset, 3);
        keep_visible(&mut offset, 9, 4);
        assert_eq!(offset, 6);
        keep_visible(&mut offset, 7, 4);
        assert_eq!(offset, 6);
    }
}
