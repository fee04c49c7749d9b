//! The screens behind and ahead of the current one: opening a screen remembers the
//! current one for Back; Back and Forward swap screens exactly as they were left.
//!
//! Nothing here knows any view's rules: keeping the new screen's selection inside its
//! list is [`super::fit`]'s job, done once after every action by the dispatcher, so the
//! views can use these helpers without importing the dispatcher that calls them.

use super::{App, Screen};

/// Opens `screen`, remembering the current one for Back.
pub fn open(app: &mut App, screen: Screen) {
    let old = std::mem::replace(&mut app.screen, screen);
    app.back.push(old);
    app.forward.clear();
    ensure_wrapped(app);
}

/// Returns to the previous screen; false when there is none.
pub fn back(app: &mut App) -> bool {
    let Some(prev) = app.back.pop() else {
        return false;
    };
    let cur = std::mem::replace(&mut app.screen, prev);
    app.forward.push(cur);
    ensure_wrapped(app);
    true
}

/// Goes forward again after [`back`]; says so when there is nowhere to go.
pub fn forward(app: &mut App) {
    if let Some(next) = app.forward.pop() {
        let cur = std::mem::replace(&mut app.screen, next);
        app.back.push(cur);
        ensure_wrapped(app);
    } else {
        app.message = Some("nothing to go forward to".into());
    }
}

/// A reader on screen has its article wrapped at the current width, so code that
/// opened it can place its top line at once.
pub fn ensure_wrapped(app: &mut App) {
    if let Screen::Reader(v) = &app.screen {
        let source = v.source;
        let width = usize::from(app.size.0.saturating_sub(super::reader::GUTTER));
        app.wrapped.ensure(&app.corpus, source, width);
    }
}
