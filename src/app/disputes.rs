//! The disputes view: every disputed claim across all dossiers (laid out by
//! [`crate::geometry::disputes`]), the selection resting on a variant's citation; Enter
//! opens its quote highlighted in the article.

use std::sync::Arc;

use super::jump::to_reader;
use super::nav::{Pick, keep_visible};
use super::stack::open;
use super::{Action, App, Screen};
use crate::geometry::disputes::{Layout, layout};

/// The disputes list: `pick.selected` is a citation target, `pick.offset` a row.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DisputesView {
    pub pick: Pick,
}

/// The layout at the app's width, built once per width and kept (the list of every
/// disputed claim costs the same to lay out on every key otherwise: ~49 ms at 10k).
pub fn cached(app: &App) -> Arc<Layout> {
    let width = app.size.0;
    let mut cache = app.disputes_layout.borrow_mut();
    match &*cache {
        Some((w, lay)) if *w == width => Arc::clone(lay),
        _ => {
            let lay = Arc::new(layout(&app.corpus, &app.xref, width, None));
            *cache = Some((width, Arc::clone(&lay)));
            lay
        }
    }
}

/// Rows of the list: the body (below the title and count lines) less the detail pane.
pub fn list_height(app: &App) -> usize {
    app.list_rows(crate::geometry::Shape::Disputes)
}

/// `D`: opens the list (unless it is already on screen).
pub fn open_view(app: &mut App) {
    if !matches!(app.screen, Screen::Disputes(_)) {
        open(app, Screen::Disputes(DisputesView::default()));
        clamp(app);
    }
}

pub fn update(app: &mut App, action: Action) {
    let h = list_height(app);
    let Screen::Disputes(v) = &app.screen else {
        return;
    };
    let lay = cached(app);
    let max_offset = lay.rows.len().saturating_sub(h);
    let mut pick = v.pick;
    match action {
        Action::Open => {
            if let Some(c) = lay
                .targets
                .get(pick.selected)
                .and_then(|t| t.get(&app.corpus))
            {
                let (source, range) = (c.source, c.range.clone());
                to_reader(app, source, Some(range));
            }
            return;
        }
        movement if pick.step_rows(&movement, &lay.target_rows, lay.rows.len(), h) => {}
        _ => return,
    }
    if let Some(&row) = lay.target_rows.get(pick.selected) {
        // Show the claim's heading with its first variant's markers when possible.
        let head = row.saturating_sub(2);
        if row < pick.offset + 1 && head < pick.offset {
            pick.offset = head;
        }
        keep_visible(&mut pick.offset, row, h);
    }
    pick.offset = pick.offset.min(max_offset);
    if let Screen::Disputes(v) = &mut app.screen {
        v.pick = pick;
    }
}

pub fn clamp(app: &mut App) {
    let h = list_height(app);
    let lay = cached(app);
    if let Screen::Disputes(v) = &mut app.screen {
        v.pick.clamp_rows(&lay.target_rows, lay.rows.len(), h);
    }
}
