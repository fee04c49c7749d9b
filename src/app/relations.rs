//! The relations map: a dossier's relations two levels deep, outgoing and incoming, as a
//! tree of dossiers (built by [`crate::model::relmap`]). j/k move over its nodes, Enter
//! opens the selected node's dossier; Back returns to the map with the same selection,
//! because the view stores only the root and the selection and rebuilds the same tree.

use super::update::{keep_visible, move_by, open};
use super::{Action, App, DossierView, Screen};
use crate::model::relmap::{Node, tree};

/// Levels of relations the map follows.
pub const MAP_DEPTH: usize = 2;

/// Rows the map keeps below the tree for the selected relation.
pub const MAP_PANE: usize = 5;

/// The map of one dossier's relations.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RelationsView {
    /// Index into the corpus's dossiers: the root of the tree.
    pub dossier: usize,
    /// Selected line of the tree (0 is the root).
    pub selected: usize,
    /// First visible line.
    pub offset: usize,
}

impl RelationsView {
    pub fn new(dossier: usize) -> RelationsView {
        RelationsView {
            dossier,
            selected: 0,
            offset: 0,
        }
    }

    /// The tree this view shows.
    pub fn tree(&self, app: &App) -> Node {
        tree(&app.corpus, self.dossier, MAP_DEPTH)
    }
}

/// Rows for the tree: the body less the title line and the pane.
pub fn map_list_height(app: &App) -> usize {
    usize::from(app.size.1).saturating_sub(2 + MAP_PANE).max(1)
}

/// `r` in a dossier: opens its relations map.
pub fn open_map(app: &mut App) {
    if let Screen::Dossier(v) = &app.screen {
        let d = v.dossier;
        open(app, Screen::Relations(RelationsView::new(d)));
    }
}

/// Keeps the selection inside the tree and on screen (after a resize).
pub fn clamp(app: &mut App) {
    let h = map_list_height(app);
    let Screen::Relations(v) = &app.screen else {
        return;
    };
    let n = crate::model::relmap::lines(&v.tree(app)).len();
    if let Screen::Relations(v) = &mut app.screen {
        v.selected = v.selected.min(n.saturating_sub(1));
        keep_visible(&mut v.offset, v.selected, h);
    }
}

/// One action on the map.
pub fn update(app: &mut App, action: Action) {
    let h = map_list_height(app);
    let Screen::Relations(v) = &app.screen else {
        return;
    };
    let t = v.tree(app);
    let lines = crate::model::relmap::lines(&t);
    let n = lines.len();
    let page = h as isize;
    let mut selected = v.selected;
    match action {
        Action::Down => selected = move_by(selected, n, 1),
        Action::Up => selected = move_by(selected, n, -1),
        Action::PageDown => selected = move_by(selected, n, page),
        Action::PageUp => selected = move_by(selected, n, -page),
        Action::Top => selected = 0,
        Action::Bottom => selected = n.saturating_sub(1),
        Action::Open => {
            if let Some(l) = lines.get(selected) {
                let d = l.node.dossier;
                open(
                    app,
                    Screen::Dossier(DossierView {
                        dossier: d,
                        selected: 0,
                        offset: 0,
                    }),
                );
            }
            return;
        }
        _ => return,
    }
    if let Screen::Relations(v) = &mut app.screen {
        v.selected = selected;
        keep_visible(&mut v.offset, v.selected, h);
    }
}
