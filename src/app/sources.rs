//! The table of sources: every article with its provenance, citation count and
//! coverage, those sharing an original next to each other; Enter opens it in the reader
//! at the top, cited passages marked in the gutter.

use super::jump::to_reader;
use super::list_filter::ListFilter;
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
    /// `/`: only the sources whose marker, title, outlet, id or file match.
    pub filter: ListFilter,
}

/// The sources `v` lists: [`rows`], narrowed by its filter.
pub fn shown(app: &App, v: &SourcesView) -> Vec<usize> {
    let m = v.filter.matcher();
    rows(app)
        .into_iter()
        .filter(|&i| {
            m.is_empty()
                || app.corpus.sources.get(i).is_some_and(|s| {
                    m.matches(&format!(
                        "{} {} {} {} {}",
                        s.short, s.title, s.outlet, s.id, s.file
                    ))
                })
        })
        .collect()
}

/// The sources grouped by what they derive from, each group where its first source is
/// in the registry ([`crate::model::order::source_groups`]). Grouped once per corpus:
/// grouping every source on each key and frame cost 2 ms a key at 10k.
pub fn groups(app: &App) -> &[Vec<usize>] {
    app.source_groups
        .get_or_init(|| crate::model::order::source_groups(&app.corpus))
}

/// The sources in the table's order: [`groups`], one after another.
pub fn rows(app: &App) -> Vec<usize> {
    groups(app).iter().flatten().copied().collect()
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
    let Screen::Sources(v) = &app.screen else {
        return;
    };
    let listed = shown(app, v);
    let Screen::Sources(v) = &mut app.screen else {
        return;
    };
    if v.pick.step(&action, listed.len(), h) {
        return;
    }
    if action == Action::Open {
        if let Some(&source) = listed.get(v.pick.selected) {
            to_reader(app, source, None);
        }
    }
}

/// The filter changed: the sources it keeps, from the top.
pub fn refilter(app: &mut App) {
    if let Screen::Sources(v) = &mut app.screen {
        v.pick = Pick::default();
    }
}

pub fn clamp(app: &mut App) {
    let h = visible(app);
    let Screen::Sources(v) = &app.screen else {
        return;
    };
    let n = shown(app, v).len();
    if let Screen::Sources(v) = &mut app.screen {
        v.pick.clamp(n, h);
    }
}
