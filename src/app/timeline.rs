//! The timeline: every dated claim and variant of every dossier, in date order (built by
//! [`crate::model::timeline`]). Enter opens the row's dossier with that claim's (or
//! variant's) first citation selected, so the claim is in view and its quote shown.

use super::rows::{Target, layout};
use super::update::{keep_visible, move_by, open};
use super::{Action, App, DossierView, Screen};
use crate::model::timeline::{Entry, timeline};

/// Rows the timeline keeps below the list for the selected entry.
pub const TIMELINE_PANE: usize = 5;

/// The timeline's selection and scroll.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimelineView {
    /// Selected entry.
    pub selected: usize,
    /// First visible entry.
    pub offset: usize,
}

/// Rows for the list: the body less the title line and the pane.
pub fn timeline_list_height(app: &App) -> usize {
    usize::from(app.size.1)
        .saturating_sub(2 + TIMELINE_PANE)
        .max(1)
}

/// `T`: opens the timeline (a no-op when it is already on screen).
pub fn open_timeline(app: &mut App) {
    if !matches!(app.screen, Screen::Timeline(_)) {
        open(
            app,
            Screen::Timeline(TimelineView {
                selected: 0,
                offset: 0,
            }),
        );
    }
}

/// Keeps the selection inside the list and on screen (after a resize).
pub fn clamp(app: &mut App) {
    let h = timeline_list_height(app);
    let n = timeline(&app.corpus).entries.len();
    if let Screen::Timeline(v) = &mut app.screen {
        v.selected = v.selected.min(n.saturating_sub(1));
        keep_visible(&mut v.offset, v.selected, h);
    }
}

/// The dossier view that shows `e`: its dossier, with the first citation of the dated
/// claim or variant selected (the first target when it has none).
fn dossier_at(app: &App, e: &Entry<'_>) -> DossierView {
    let first = e.cites(&app.corpus).first().copied();
    let selected = e
        .dossier_of(&app.corpus)
        .and_then(|d| {
            let lay = layout(&app.corpus, d, app.size.0, None);
            lay.targets.iter().position(
                |t| matches!((t, first), (Target::Cite(c), Some(f)) if std::ptr::eq(*c, f)),
            )
        })
        .unwrap_or(0);
    DossierView {
        dossier: e.dossier,
        selected,
        offset: 0,
    }
}

/// One action on the timeline.
pub fn update(app: &mut App, action: Action) {
    let h = timeline_list_height(app);
    let Screen::Timeline(v) = &app.screen else {
        return;
    };
    let t = timeline(&app.corpus);
    let n = t.entries.len();
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
            match t.entries.get(selected) {
                Some(e) => {
                    let view = dossier_at(app, e);
                    open(app, Screen::Dossier(view));
                }
                None => app.message = Some("no dated claims to open".into()),
            }
            return;
        }
        _ => return,
    }
    if let Screen::Timeline(v) = &mut app.screen {
        v.selected = selected;
        keep_visible(&mut v.offset, v.selected, h);
    }
}
