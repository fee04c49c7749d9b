//! Keeping every view fitted to the screen: after a resize each reader (on screen or in
//! the history) keeps the text it showed, and after any action the current view's
//! selection stays inside its list and on screen. The heights come from the one
//! geometry ([`crate::geometry`]) through each view's own `clamp`.

use std::sync::Arc;

use super::reader::GUTTER;
use super::{App, Screen};
use crate::geometry::Shape;

/// The terminal is now `w`×`h`: re-anchor readers, then fit the current view.
pub fn resize(app: &mut App, w: u16, h: u16) {
    let (old_width, old_height) = (reader_width(app.size.0), app.list_rows(Shape::Reader));
    app.size = (w, h);
    let (width, height) = (reader_width(w), app.list_rows(Shape::Reader));
    if (old_width, old_height) != (width, height) {
        // Every reader, on screen or in the history, keeps the text it showed.
        let corpus = Arc::clone(&app.corpus);
        let cache = &app.wrapped;
        let views = std::iter::once(&mut app.screen)
            .chain(app.back.iter_mut())
            .chain(app.forward.iter_mut());
        for screen in views {
            if let Screen::Reader(v) = screen {
                let before = cache.get(&corpus, v.source, old_width);
                let a = super::anchor::anchor(v, &before, old_height);
                let text = corpus.sources.get(v.source).map_or("", |s| &s.article.text);
                super::anchor::restore(v, a, &crate::geometry::wrap::wrap(text, width), height);
            }
        }
    }
    fit(app);
}

/// Columns of article text at terminal width `w`.
fn reader_width(w: u16) -> usize {
    usize::from(w.saturating_sub(GUTTER))
}

/// Makes the current view consistent with the screen: its article wrapped at this
/// width, its selection inside the list and on screen, its scroll inside the content.
pub fn fit(app: &mut App) {
    super::stack::ensure_wrapped(app);
    match &app.screen {
        Screen::Index(_) => super::index::clamp(app),
        Screen::Dossier(_) => super::dossier::clamp(app),
        Screen::Reader(_) => super::reader::clamp(app),
        Screen::CitedBy(_) => super::cited_by::clamp(app),
        Screen::Sources(_) => super::sources::clamp(app),
        Screen::Disputes(_) => super::disputes::clamp(app),
        Screen::Claims(_) => super::claims::clamp(app),
        Screen::Relations(_) => super::relations::clamp(app),
        Screen::Timeline(_) => super::timeline::clamp(app),
    }
}
