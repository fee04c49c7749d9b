//! Moving a selection through a list of one-row (or fixed-height) items, shared by the
//! cross-source views so j/k, g/G and paging behave the same in each.

use super::Action;
use super::update::{keep_visible, move_by};

/// A selection in a list and the first visible item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Pick {
    pub selected: usize,
    pub offset: usize,
}

impl Pick {
    /// Applies a movement action to a list of `len` items of which `height` fit on
    /// screen; returns false when `action` is not a movement.
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

    /// Keeps the selection inside the list and on screen.
    pub fn clamp(&mut self, len: usize, height: usize) {
        self.selected = self.selected.min(len.saturating_sub(1));
        keep_visible(&mut self.offset, self.selected, height);
        self.offset = self.offset.min(len.saturating_sub(height.max(1)));
    }
}
