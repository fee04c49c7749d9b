//! The index: the list of dossiers (or the articles' sentences) filtered as the user
//! types. Searches run on a worker in the terminal and here in tests; an answer is
//! applied only when it is the newest.

use super::filter::{Found, Scope};
use super::nav::Pick;
use super::stack::open;
use super::{Action, App, DossierView, IndexView, Screen, Searcher};
use crate::geometry::Shape;
use crate::search::Field;
use crate::xref::Item;

/// Keeps the selection inside the list and on screen.
pub fn clamp(app: &mut App) {
    let h = app.list_rows(Shape::Index);
    if let Screen::Index(v) = &mut app.screen {
        let mut pick = Pick::at(v.selected, v.offset);
        pick.clamp(v.len(), h);
        (v.selected, v.offset) = (pick.selected, pick.offset);
    }
}

/// Esc with nothing to go back to: clears the filter.
pub fn clear(app: &mut App) {
    if let Screen::Index(v) = &mut app.screen
        && !v.query.is_empty()
    {
        v.query.clear();
        refilter(app);
    }
}

/// Searches again for the index's query in its scope: at once when searches run here,
/// otherwise on the worker (the list keeps the previous hits until the answer arrives).
pub(super) fn refilter(app: &mut App) {
    let Screen::Index(v) = &mut app.screen else {
        return;
    };
    v.selected = 0;
    v.offset = 0;
    app.generation += 1;
    match &mut app.searcher {
        Searcher::Sync(finder) => {
            if let Some(f) = finder.find(v.scope, &v.query, &|| false) {
                apply(v, f, &app.corpus, &app.order_ranks);
            }
        }
        Searcher::Async(worker) => {
            v.pending = true;
            worker.send(app.generation, v.scope, &v.query);
        }
    }
}

/// Makes the index's list answer its current query before something acts on it: Enter
/// typed right after the query must open what that query finds, not a row of the list
/// that was on screen while the worker was still searching (fzf waits the same way). The
/// search runs here, once, from scratch; the worker's late answer is then dropped.
fn settle(app: &mut App) {
    let Screen::Index(v) = &mut app.screen else {
        return;
    };
    if !v.pending {
        return;
    }
    let mut finder = super::filter::Finder::new(
        std::sync::Arc::clone(&app.corpus),
        std::sync::Arc::clone(&app.search),
        std::sync::Arc::clone(&app.passages),
    );
    app.generation += 1;
    if let Some(f) = finder.find(v.scope, &v.query, &|| false) {
        apply(v, f, &app.corpus, &app.order_ranks);
    }
}

pub(crate) fn apply(
    v: &mut IndexView,
    found: Found,
    corpus: &crate::model::Corpus,
    ranks: &crate::model::order::Ranks,
) {
    match found {
        Found::Dossiers(hits) => {
            v.hits = hits;
            order_hits(v, corpus, ranks);
        }
        Found::Passages(hits) => v.passages = hits,
    }
    v.pending = false;
    v.selected = v.selected.min(v.len().saturating_sub(1));
}

/// With nothing typed, puts the index's rows in the order `o` chose (weight, name or
/// kind: [`crate::model::order`], as `dossier list --sort`); a query ranks by match.
pub(crate) fn order_hits(
    v: &mut IndexView,
    corpus: &crate::model::Corpus,
    ranks: &crate::model::order::Ranks,
) {
    if !v.query.trim().is_empty() {
        return;
    }
    let ranks = ranks.get(corpus, v.order);
    v.hits
        .sort_by_dossier_key(|d| ranks.get(d).copied().unwrap_or(usize::MAX));
}

/// A background search's answer. Not a key, so it neither clears the message nor
/// closes the help; an answer to an older query than the newest is dropped.
pub fn found(app: &mut App, done: super::filter::Done) {
    if done.generation == app.generation {
        apply_found(app, done.found);
    }
}

/// Applies the newest search's answer to the index, on screen or the last one in the
/// history (the user may have opened something meanwhile).
fn apply_found(app: &mut App, f: Found) {
    let h = app.list_rows(Shape::Index);
    let target = match &mut app.screen {
        Screen::Index(v) => Some(v),
        _ => app.back.iter_mut().rev().find_map(|s| match s {
            Screen::Index(v) => Some(v),
            _ => None,
        }),
    };
    if let Some(v) = target {
        apply(v, f, &app.corpus, &app.order_ranks);
        let mut pick = Pick::at(v.selected, v.offset);
        pick.clamp(v.len(), h);
        (v.selected, v.offset) = (pick.selected, pick.offset);
    }
}

/// One action on the index.
pub fn update(app: &mut App, action: Action) {
    let h = app.list_rows(Shape::Index);
    if action == Action::Open {
        settle(app);
    }
    let Screen::Index(v) = &mut app.screen else {
        return;
    };
    let mut pick = Pick::at(v.selected, v.offset);
    match action {
        Action::Filter => v.typing = true,
        Action::Accept => v.typing = false,
        Action::Cancel | Action::ClearFilter => {
            v.typing = false;
            v.query.clear();
            refilter(app);
        }
        Action::CycleOrder => {
            v.order = v.order.next();
            order_hits(v, &app.corpus, &app.order_ranks);
            if v.query.trim().is_empty() {
                v.selected = 0;
                v.offset = 0;
            } else {
                app.message = Some(format!(
                    "sorted by {} once the filter is empty; now by match",
                    v.order.as_str()
                ));
            }
        }
        Action::ToggleScope => {
            v.scope = v.scope.toggled();
            refilter(app);
        }
        Action::SearchPassages => {
            v.typing = true;
            if v.scope != Scope::Passages {
                v.scope = Scope::Passages;
                refilter(app);
            }
        }
        Action::Open if v.scope == Scope::Passages => {
            if let Some(hit) = v.passages.get(v.selected) {
                let (source, range) = (hit.source, hit.range.clone());
                v.typing = false;
                super::jump::to_reader(app, source, Some(range));
            }
        }
        Action::Open => {
            if let Some(hit) = v.hits.get(v.selected) {
                let (d, field) = (hit.dossier, hit.field);
                v.typing = false;
                match matched_item(app, d, field) {
                    // Matched through an alias or a claim: open at that item's citation.
                    Some(item) => super::jump::to_dossier(app, d, Some((item, 0))),
                    None => open(
                        app,
                        Screen::Dossier(DossierView {
                            dossier: d,
                            selected: 0,
                            offset: 0,
                        }),
                    ),
                }
            }
        }
        movement => {
            if pick.step(&movement, v.len(), h) {
                (v.selected, v.offset) = (pick.selected, pick.offset);
            }
        }
    }
}

/// The dossier item an index hit matched, when it is not the name: the alias, or the
/// claim (a disputed claim's citations are its variants', so its first variant).
pub(super) fn matched_item(app: &App, dossier: usize, field: Field) -> Option<Item> {
    let d = app.corpus.dossiers.get(dossier)?;
    match field {
        Field::Name => None,
        Field::Alias(i) => Some(Item::Alias(i)),
        Field::Claim(i) => {
            let claim = d.claims.get(i)?;
            if claim.cites.is_empty() && !claim.variants.is_empty() {
                Some(Item::Variant(i, 0))
            } else {
                Some(Item::Claim(i))
            }
        }
    }
}
