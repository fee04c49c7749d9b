//! The disputes view: every disputed claim across all dossiers (laid out by
//! [`crate::geometry::disputes`]), the selection resting on a variant's citation; Enter
//! opens its quote highlighted in the article.

use std::sync::Arc;

use super::jump::to_reader;
use super::list_filter::ListFilter;
use super::nav::{Pick, keep_visible};
use super::stack::open;
use super::{Action, App, Screen};
use crate::geometry::disputes::{Layout, layout};

/// The disputes list: `pick.selected` is a citation target, `pick.offset` a row.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DisputesView {
    pub pick: Pick,
    /// Only this dossier's disputes (`D` from a dossier); `D` again widens to all.
    pub scope: Option<usize>,
    /// `/`: only the disputed claims whose dossier name, text or variants match.
    pub filter: ListFilter,
}

/// What a laid-out list of disputes depends on besides the corpus.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LayoutKey {
    width: u16,
    scope: Option<usize>,
    query: String,
}

/// The text a disputed claim is filtered on: its dossier's name, the claim and every
/// variant's text.
fn claim_text(app: &App, (di, ci): (usize, usize)) -> String {
    let d = app.corpus.dossiers.get(di);
    let c = d.and_then(|d| d.claims.get(ci));
    let mut out = format!(
        "{} · {}",
        d.map_or("", |d| d.name.as_str()),
        c.map_or("", |c| c.text.as_str())
    );
    for v in c.map(|c| c.variants.as_slice()).unwrap_or_default() {
        out.push_str(" · ");
        out.push_str(&v.value);
    }
    out
}

/// The disputed claims `v` lists: all, or its dossier's, narrowed by its filter.
pub fn listed(app: &App, v: &DisputesView) -> Vec<(usize, usize)> {
    let m = v.filter.matcher();
    app.xref
        .disputed()
        .iter()
        .copied()
        .filter(|&(d, _)| v.scope.is_none_or(|s| s == d))
        .filter(|&dc| m.is_empty() || m.matches(&claim_text(app, dc)))
        .collect()
}

/// The layout at the app's width, built once per width and kept (the list of every
/// disputed claim costs the same to lay out on every key otherwise: ~49 ms at 10k).
/// Kept until the width, the scope or the filter changes.
pub fn cached(app: &App, v: &DisputesView) -> Arc<Layout> {
    let key = LayoutKey {
        width: app.size.0,
        scope: v.scope,
        query: v.filter.query.clone(),
    };
    let mut cache = app.disputes_layout.borrow_mut();
    match &*cache {
        Some((k, lay)) if *k == key => Arc::clone(lay),
        _ => {
            let lay = Arc::new(layout(&app.corpus, &listed(app, v), key.width, None));
            *cache = Some((key, Arc::clone(&lay)));
            lay
        }
    }
}

/// Rows of the list: the body (below the title and count lines) less the detail pane.
pub fn list_height(app: &App) -> usize {
    app.list_rows(crate::geometry::Shape::Disputes)
}

/// `D`: opens the list, scoped to the dossier on screen if any; on the list, `D` again
/// widens a scoped list to every dossier's disputes.
pub fn open_view(app: &mut App) {
    if let Screen::Disputes(v) = &mut app.screen {
        if v.scope.take().is_some() {
            v.pick = Pick::default();
        }
        return;
    }
    let view = DisputesView {
        scope: super::claims::dossier_on_screen(app),
        ..DisputesView::default()
    };
    open(app, Screen::Disputes(view));
}

pub fn update(app: &mut App, action: Action) {
    let h = list_height(app);
    let Screen::Disputes(v) = &app.screen else {
        return;
    };
    let lay = cached(app, v);
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

/// The filter changed: the list (laid out again for the new query) from the top.
pub fn refilter(app: &mut App) {
    if let Screen::Disputes(v) = &mut app.screen {
        v.pick = Pick::default();
    }
}

pub fn clamp(app: &mut App) {
    let h = list_height(app);
    let Screen::Disputes(v) = &app.screen else {
        return;
    };
    let lay = cached(app, v);
    if let Screen::Disputes(v) = &mut app.screen {
        v.pick.clamp_rows(&lay.target_rows, lay.rows.len(), h);
    }
}
