//! "Who says so?": from a passage in the reader, every alias, claim, variant and relation
//! in any dossier whose citation overlaps it; Enter jumps to that item in its dossier.

use std::ops::Range;

use super::jump::to_dossier;
use super::list_filter::ListFilter;
use super::nav::Pick;
use super::stack::open;
use super::{Action, App, Screen};
use crate::xref::Citing;

/// The items citing one passage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CitedByView {
    /// Index into the corpus's sources.
    pub source: usize,
    /// The passage asked about.
    pub range: Range<usize>,
    /// Every citation overlapping it, in article order.
    pub all: Vec<Citing>,
    /// Those the filter keeps (all of them without one).
    pub items: Vec<Citing>,
    pub pick: Pick,
    /// `/`: only the items whose dossier name or text match.
    pub filter: ListFilter,
}

/// The text an item is filtered on: its dossier's name and the item (alias, claim,
/// variant or relation) as the list shows it.
pub fn item_text(app: &App, c: &Citing) -> String {
    app.corpus
        .dossiers
        .get(c.dossier)
        .map_or_else(String::new, |d| {
            format!("{} · {}", d.name, c.item.text(&app.corpus, d))
        })
}

/// Rows of the list: the body (below the title and passage lines) less the detail pane.
pub fn list_height(app: &App) -> usize {
    app.list_rows(crate::geometry::Shape::CitedBy)
}

/// The passage `c` asks about: the current search match when the reader has one (the
/// user is looking at it), else the highlighted quote, otherwise the first cited passage
/// that reaches the top line of the view or starts below it (or, when every cited
/// passage is above the view, the last one).
pub fn current_passage(app: &App) -> Option<(usize, Range<usize>)> {
    let Screen::Reader(v) = &app.screen else {
        return None;
    };
    if let Some(m) = v.current.and_then(|i| v.matches.get(i)) {
        return Some((v.source, m.clone()));
    }
    if let Some(h) = &v.highlight {
        return Some((v.source, h.clone()));
    }
    let cited = app.cited.get(v.source)?;
    let top = app.wrapped.lines.get(v.top).map_or(0, |l| l.start);
    cited
        .iter()
        .find(|r| r.end > top)
        .or(cited.last())
        .map(|r| (v.source, r.clone()))
}

/// `c` in the reader: opens the list for the current passage.
pub fn open_from_reader(app: &mut App) {
    if !matches!(app.screen, Screen::Reader(_)) {
        return;
    }
    let Some((source, range)) = current_passage(app) else {
        app.message = Some("nothing in this article is cited".into());
        return;
    };
    let items: Vec<Citing> = app
        .xref
        .citing(source, &range)
        .into_iter()
        .cloned()
        .collect();
    if items.is_empty() {
        // Only a search match can be uncited: say so rather than open an empty list.
        app.message = Some("no dossier cites the current match".into());
        return;
    }
    open(
        app,
        Screen::CitedBy(CitedByView {
            source,
            range,
            all: items.clone(),
            items,
            pick: Pick::default(),
            filter: ListFilter::default(),
        }),
    );
}

pub fn update(app: &mut App, action: Action) {
    let h = list_height(app);
    let Screen::CitedBy(v) = &mut app.screen else {
        return;
    };
    if v.pick.step(&action, v.items.len(), h) {
        return;
    }
    if action == Action::Open {
        if let Some(c) = v.items.get(v.pick.selected).cloned() {
            to_dossier(app, c.dossier, Some((c.item, c.cite)));
        }
    }
}

/// The filter changed: the items it keeps, from the top.
pub fn refilter(app: &mut App) {
    let Screen::CitedBy(v) = &app.screen else {
        return;
    };
    let m = v.filter.matcher();
    let items: Vec<Citing> = v
        .all
        .iter()
        .filter(|c| m.is_empty() || m.matches(&item_text(app, c)))
        .cloned()
        .collect();
    if let Screen::CitedBy(v) = &mut app.screen {
        v.items = items;
        v.pick = Pick::default();
    }
}

pub fn clamp(app: &mut App) {
    let h = list_height(app);
    if let Screen::CitedBy(v) = &mut app.screen {
        v.pick.clamp(v.items.len(), h);
    }
}
