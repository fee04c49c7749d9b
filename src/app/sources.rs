//! The table of sources: every article with its provenance, citation count and
//! coverage, those sharing an original next to each other; Enter opens it in the reader
//! at the top, cited passages marked in the gutter.

use super::jump::to_reader;
use super::nav::Pick;
use super::stack::open;
use super::{Action, App, Screen};

/// Rows each source takes in the list (title line, outlet line, original line).
pub const ROWS_PER_SOURCE: usize = 3;

/// The sources table.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SourcesView {
    /// Selected row and first visible one, in the order of [`rows`].
    pub pick: Pick,
}

/// The sources in the table's order: grouped by what they derive from, each group where
/// its first source is in the registry ([`crate::model::order::source_groups`]).
pub fn rows(app: &App) -> Vec<usize> {
    crate::model::order::source_groups(&app.corpus)
        .into_iter()
        .flatten()
        .collect()
}

/// Sources that fit on screen: the body (below the title and count lines).
pub fn visible(app: &App) -> usize {
    (app.list_rows(crate::geometry::Shape::Sources) / ROWS_PER_SOURCE).max(1)
}

/// `S`: opens the table (unless it is already on screen).
pub fn open_view(app: &mut App) {
    if !matches!(app.screen, Screen::Sources(_)) {
        open(app, Screen::Sources(SourcesView::default()));
    }
}

pub fn update(app: &mut App, action: Action) {
    let h = visible(app);
    let n = app.corpus.sources.len();
    let Screen::Sources(v) = &mut app.screen else {
        return;
    };
    if v.pick.step(&action, n, h) {
        return;
    }
    if action == Action::Open {
        let selected = v.pick.selected;
        if let Some(&source) = rows(app).get(selected) {
            to_reader(app, source, None);
        }
    }
}

pub fn clamp(app: &mut App) {
    let h = visible(app);
    let n = app.corpus.sources.len();
    if let Screen::Sources(v) = &mut app.screen {
        v.pick.clamp(n, h);
    }
}
