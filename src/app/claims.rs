//! "Do the sources agree?", claim by claim: every claim of every dossier with how many
//! sources back it and how many are independent, least corroborated first; `1` keeps
//! only claims resting on a single independent source. Enter opens the claim in its
//! dossier.

use super::jump::to_dossier;
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
}

/// Rows of the list: the body (below the title and filter lines) less the sources line
/// under the list.
pub fn list_height(app: &App) -> usize {
    app.list_rows(crate::geometry::Shape::Claims)
}

/// `C`: opens the list (unless it is already on screen).
pub fn open_view(app: &mut App) {
    if !matches!(app.screen, Screen::Claims(_)) {
        let rows = app.xref.claims_by_independence(false);
        open(
            app,
            Screen::Claims(ClaimsView {
                single_source: false,
                rows,
                pick: Pick::default(),
            }),
        );
    }
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
            v.single_source = !v.single_source;
            v.rows = app.xref.claims_by_independence(v.single_source);
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

pub fn clamp(app: &mut App) {
    let h = list_height(app);
    if let Screen::Claims(v) = &mut app.screen {
        v.pick.clamp(v.rows.len(), h);
    }
}
