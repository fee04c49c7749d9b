//! `update`: one action in, the state changed. Pure: no terminal, no clock, no I/O, so
//! tests can drive it key by key. This module only dispatches: the global keys to
//! what they open, the rest to the view on screen (each view's rules live in its own
//! module), and then [`fit`] keeps the view consistent with the screen, once, for
//! every action.

use super::fit::{fit, resize};
use super::list_filter::Edit;
use super::{Action, App, Screen};

pub use super::index::found;

/// Applies `action` to `app`. Returns `None`: kept as an `Option` so the terminal
/// loop's contract (a follow-up action, if any) holds should one ever be needed;
/// `tests/props.rs` proves none is returned today.
pub fn update(app: &mut App, action: Action) -> Option<Action> {
    if !matches!(action, Action::Resize(..)) {
        // A message lasts until the next key; a resize (or the redraw Ctrl-L asks for,
        // which re-reads the size) is not a key and must not change what is shown.
        app.message = None;
    }
    match action {
        Action::PaneDown => app.pane_top = (app.pane_top + 1).min(app.pane_max.get()),
        Action::PaneUp => app.pane_top = app.pane_top.saturating_sub(1),
        // The pane shows what is selected; anything else may change that.
        Action::Resize(..) => {}
        _ => app.pane_top = 0,
    }
    if app.errors.is_some() {
        super::errors::update(app, action);
        return None;
    }
    if app.help {
        // The overlay scrolls with the usual movement keys; any other key closes it.
        match action {
            Action::Quit => app.quit = true,
            Action::Resize(w, h) => {
                resize(app, w, h);
                super::help::scroll(app, 0);
            }
            Action::Down => super::help::scroll(app, 1),
            Action::Up => super::help::scroll(app, -1),
            Action::PageDown => super::help::scroll(app, super::help::page(app)),
            Action::PageUp => super::help::scroll(app, -super::help::page(app)),
            Action::Top => app.help_top = 0,
            Action::Bottom => super::help::scroll(app, isize::MAX),
            _ => app.help = false,
        }
        return None;
    }
    match super::typing::update(app, &action) {
        super::typing::Typed::Not => {}
        super::typing::Typed::Changed => {
            requery(app);
            fit(app);
            return None;
        }
        super::typing::Typed::Unchanged => return None,
        // One level: the stand-in (a movement) is never a line edit.
        super::typing::Typed::Instead(a) => return update(app, a),
    }
    match action {
        Action::Quit => app.quit = true,
        Action::Help => {
            app.help = true;
            app.help_top = 0;
        }
        Action::Resize(w, h) => resize(app, w, h),
        Action::Errors => super::errors::open(app),
        Action::Back => {
            if !super::stack::back(app) {
                // Nothing to go back to: Esc in the index clears the filter.
                super::index::clear(app);
            }
        }
        Action::Forward => super::stack::forward(app),
        Action::Suspend | Action::Redraw | Action::PaneDown | Action::PaneUp => {}
        Action::TogglePreview => super::preview::toggle(app),
        Action::CitedBy => super::cited_by::open_from_reader(app),
        Action::Sources => super::sources::open_view(app),
        Action::Disputes => super::disputes::open_view(app),
        Action::Claims => super::claims::open_view(app),
        Action::Timeline => super::timeline::open_timeline(app),
        Action::Relations if matches!(app.screen, Screen::Dossier(_)) => {
            super::relations::open_map(app)
        }
        other if list_filter_key(app, &other) => {}
        other => match &app.screen {
            Screen::Index(_) => super::index::update(app, other),
            Screen::Dossier(_) => super::dossier::update(app, other),
            Screen::Reader(_) => super::reader::update(app, other),
            Screen::CitedBy(_) => super::cited_by::update(app, other),
            Screen::Sources(_) => super::sources::update(app, other),
            Screen::Disputes(_) => super::disputes::update(app, other),
            Screen::Claims(_) => super::claims::update(app, other),
            Screen::Relations(_) => super::relations::update(app, other),
            Screen::Timeline(_) => super::timeline::update(app, other),
        },
    }
    fit(app);
    None
}

/// `/`, Enter and Esc on a list's filter (the text itself is `typing`'s): true when
/// `action` was one of them.
fn list_filter_key(app: &mut App, action: &Action) -> bool {
    let Some(filter) = app.screen.list_filter_mut() else {
        return false;
    };
    match filter.edit(action) {
        Edit::NotMine => false,
        Edit::Kept => true,
        Edit::Changed => {
            requery(app);
            true
        }
    }
}

/// The typed line changed (`typing`): the view it belongs to filters or searches again.
fn requery(app: &mut App) {
    match &app.screen {
        Screen::Index(_) => super::index::refilter(app),
        Screen::Reader(_) => super::reader::research_here(app),
        Screen::CitedBy(_) => super::cited_by::refilter(app),
        Screen::Disputes(_) => super::disputes::refilter(app),
        Screen::Claims(_) => super::claims::refilter(app),
        Screen::Timeline(_) => super::timeline::refilter(app),
        Screen::Sources(_) => super::sources::refilter(app),
        Screen::Relations(_) => super::relations::refilter(app),
        Screen::Dossier(_) => {}
    }
}

#[cfg(test)]
mod tests;
