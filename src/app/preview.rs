//! The preview beside the index's list: shown or hidden (`v`, remembered for the
//! session), and held on what it shows while the selection moves.
//!
//! Over a slow link the list rows are what the user steers; repainting the preview for
//! every row passed while `j` is held costs most of each frame's bytes (issue 7). So the
//! terminal loop (`tui::rest`) calls [`hold`] after each batch of input: when the
//! selection has moved away from what the preview shows, the preview keeps showing it,
//! and the loop calls [`settle`] once the selection has rested — like fzf, which keeps
//! the previous preview until the new one is ready. Everything here is state: what is
//! drawn is still a function of the `App`, so every frame equals a full redraw of it.

use super::filter::Scope;
use super::{App, Screen};
use crate::search::passages::PassageHit;

/// Terminal width from which the preview is drawn beside the list.
pub const PREVIEW_FROM: u16 = 100;

/// The preview's state.
#[derive(Debug, Clone, Default)]
pub struct Preview {
    /// Hidden by the user: the list takes the whole width.
    pub hidden: bool,
    /// What the preview still shows while the selection moves; `None`: it follows the
    /// selection.
    pub held: Option<Subject>,
}

/// What a preview shows.
#[derive(Debug, Clone)]
pub enum Subject {
    /// A dossier (index into the corpus's dossiers).
    Dossier(usize),
    /// A sentence found by a passage search.
    Passage(PassageHit),
}

impl PartialEq for Subject {
    /// Same dossier, or the same sentence of the same article (whatever its score).
    fn eq(&self, other: &Subject) -> bool {
        match (self, other) {
            (Subject::Dossier(a), Subject::Dossier(b)) => a == b,
            (Subject::Passage(a), Subject::Passage(b)) => {
                a.source == b.source && a.range == b.range
            }
            _ => false,
        }
    }
}

/// True when the index draws a preview at this size.
pub fn visible(app: &App) -> bool {
    !app.preview.hidden && app.size.0 >= PREVIEW_FROM
}

/// What the preview would show for the current selection (`None` when none is drawn).
pub fn selected(app: &App) -> Option<Subject> {
    let Screen::Index(v) = &app.screen else {
        return None;
    };
    if !visible(app) {
        return None;
    }
    match v.scope {
        Scope::Dossiers => v.hits.get(v.selected).map(|h| Subject::Dossier(h.dossier)),
        Scope::Passages => v.passages.get(v.selected).map(Subject::Passage),
    }
}

/// What the preview shows now: what it holds, else the selection's subject.
pub fn shown(app: &App) -> Option<Subject> {
    match (&app.preview.held, selected(app)) {
        (Some(held), Some(now)) if same_kind(held, &now) => Some(held.clone()),
        (_, now) => now,
    }
}

/// After a batch of input: when the selection has moved away from `before` (what the
/// preview showed), keep showing `before`. Returns true when the preview is now held.
pub fn hold(app: &mut App, before: Option<Subject>) -> bool {
    app.preview.held = match (before, selected(app)) {
        (Some(b), Some(now)) if b != now && same_kind(&b, &now) => Some(b),
        _ => None,
    };
    app.preview.held.is_some()
}

/// The selection has rested: the preview follows it again.
pub fn settle(app: &mut App) {
    app.preview.held = None;
}

/// `v`: hide or show the preview (the list takes the whole width while it is hidden).
pub fn toggle(app: &mut App) {
    app.preview.hidden = !app.preview.hidden;
    app.preview.held = None;
}

fn same_kind(a: &Subject, b: &Subject) -> bool {
    matches!(
        (a, b),
        (Subject::Dossier(_), Subject::Dossier(_)) | (Subject::Passage(_), Subject::Passage(_))
    )
}

#[cfg(test)]
mod tests;
