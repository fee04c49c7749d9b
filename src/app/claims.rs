//! "Do the sources agree?", claim by claim: every claim of every dossier with how many
//! sources back it and how many are independent, least corroborated first; `1` keeps
//! only claims resting on a single independent source. Enter opens the claim in its
//! dossier.

use super::jump::to_dossier;
use super::list_filter::ListFilter;
use super::nav::Pick;
use super::stack::open;
use super::{Action, App, Screen};
use crate::xref::{ClaimRef, Item};

/// The claims list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClaimsView {
    /// Only claims with one independent source.
    pub single_source: bool,
    /// The claims shown, least independent first.
    pub rows: Vec<ClaimRef>,
    pub pick: Pick,
    /// Only this dossier's claims (`C` from a dossier); `C` again widens to all.
    pub scope: Option<usize>,
    /// `/`: only the claims whose dossier name or text match.
    pub filter: ListFilter,
}

/// The text a claim row is filtered on: its dossier's name and the claim.
pub fn row_text(app: &App, r: &ClaimRef) -> String {
    let d = app.corpus.dossiers.get(r.dossier);
    let text = d
        .and_then(|d| d.claims.get(r.claim))
        .map_or("", |c| &c.text);
    format!("{} · {text}", d.map_or("", |d| d.name.as_str()))
}

/// The rows for the view's toggles, scope and filter.
fn rows(
    app: &App,
    single_source: bool,
    scope: Option<usize>,
    filter: &ListFilter,
) -> Vec<ClaimRef> {
    let m = filter.matcher();
    app.xref
        .claims_by_independence(single_source)
        .into_iter()
        .filter(|r| scope.is_none_or(|d| r.dossier == d))
        .filter(|r| m.is_empty() || m.matches(&row_text(app, r)))
        .collect()
}

/// The dossier on screen, which `C` and `D` open scoped to.
pub fn dossier_on_screen(app: &App) -> Option<usize> {
    match &app.screen {
        Screen::Dossier(v) => Some(v.dossier),
        _ => None,
    }
}

/// Rows of the list: the body (below the title and filter lines) less the sources line
/// under the list.
pub fn list_height(app: &App) -> usize {
    app.list_rows(crate::geometry::Shape::Claims)
}

/// `C`: opens the list, scoped to the dossier on screen if any; on the list, `C` again
/// widens a scoped list to every dossier's claims.
pub fn open_view(app: &mut App) {
    if let Screen::Claims(v) = &app.screen {
        if v.scope.is_some() {
            let keep = v.rows.get(v.pick.selected).copied();
            let rows = rows(app, v.single_source, None, &v.filter);
            if let Screen::Claims(v) = &mut app.screen {
                v.scope = None;
                v.pick.selected = keep
                    .and_then(|k| rows.iter().position(|r| *r == k))
                    .unwrap_or(0);
                v.rows = rows;
            }
        }
        return;
    }
    let scope = dossier_on_screen(app);
    let filter = ListFilter::default();
    let rows = rows(app, false, scope, &filter);
    open(
        app,
        Screen::Claims(ClaimsView {
            single_source: false,
            rows,
            pick: Pick::default(),
            scope,
            filter,
        }),
    );
}

pub fn update(app: &mut App, action: Action) {
    let h = list_height(app);
    let Screen::Claims(v) = &mut app.screen else {
        return;
    };
    if v.pick.step(&action, v.rows.len(), h) {
        return;
    }
    match action {
        Action::SingleSource => {
            // Keep the selected claim selected when it is still listed.
            let keep = v.rows.get(v.pick.selected).copied();
            let (single, scope, filter) = (!v.single_source, v.scope, v.filter.clone());
            let rows = rows(app, single, scope, &filter);
            let Screen::Claims(v) = &mut app.screen else {
                return;
            };
            v.single_source = single;
            v.rows = rows;
            v.pick.selected = keep
                .and_then(|k| v.rows.iter().position(|r| *r == k))
                .unwrap_or(0);
            v.pick.clamp(v.rows.len(), h);
        }
        Action::Open => {
            if let Some(r) = v.rows.get(v.pick.selected).copied() {
                let first = app
                    .corpus
                    .dossiers
                    .get(r.dossier)
                    .and_then(|d| d.claims.get(r.claim))
                    .map(|c| {
                        if c.cites.is_empty() {
                            (Item::Variant(r.claim, 0), 0)
                        } else {
                            (Item::Claim(r.claim), 0)
                        }
                    });
                to_dossier(app, r.dossier, first);
            }
        }
        _ => {}
    }
}

/// The filter changed: list the claims it keeps, from the top.
pub fn refilter(app: &mut App) {
    let Screen::Claims(v) = &app.screen else {
        return;
    };
    let rows = rows(app, v.single_source, v.scope, &v.filter);
    if let Screen::Claims(v) = &mut app.screen {
        v.rows = rows;
        v.pick = Pick::default();
    }
}

pub fn clamp(app: &mut App) {
    let h = list_height(app);
    if let Screen::Claims(v) = &mut app.screen {
        v.pick.clamp(v.rows.len(), h);
    }
}
