//! Live reload: a fresh [`App`] for a corpus that changed on disk, carrying the screen
//! history over by identity. Views hold indexes into the corpus, and an edit can insert,
//! rename or delete dossiers and sources, so every index is mapped through its id (not
//! reused), byte ranges are clamped to the new text, and a screen whose item is gone is
//! dropped; when nothing is left, the index is shown.

use std::ops::Range;

use super::{App, Screen, Searcher};
use crate::model::Corpus;

/// The browser on `corpus`, showing what `old` showed where it still exists. The new
/// app searches synchronously (the caller moves it to the background, as at start-up).
pub fn reloaded(old: &App, corpus: Corpus) -> App {
    let mut app = App::new(corpus, old.keymap.clone(), old.size);
    app.cite_to = old.cite_to.clone();
    app.preview.hidden = old.preview.hidden;
    // A late answer of the old app's searches must not be taken for one of the new.
    app.generation = old.generation + 1;
    let fresh_index = app.screen.clone();
    let mut carry = |s: &Screen| carried(old, &mut app, s);
    let back: Vec<Screen> = old.back.iter().filter_map(&mut carry).collect();
    let current = carry(&old.screen);
    let forward: Vec<Screen> = old.forward.iter().filter_map(&mut carry).collect();
    match current {
        Some(s) => {
            app.screen = s;
            app.back = back;
            app.forward = forward;
        }
        // The current screen's item is gone: go back to the newest screen that is
        // still there, or the index.
        None => {
            app.back = back;
            app.screen = app.back.pop().unwrap_or(fresh_index);
        }
    }
    super::update::after_switch(&mut app);
    app
}

/// `screen` of `old` in `app`'s corpus, or `None` when its item no longer exists.
fn carried(old: &App, app: &mut App, screen: &Screen) -> Option<Screen> {
    let dossier = |i: usize| {
        let id = &old.corpus.dossiers.get(i)?.id;
        app.corpus.dossiers.iter().position(|d| &d.id == id)
    };
    let source = |i: usize| {
        let id = &old.corpus.sources.get(i)?.id;
        app.corpus.sources.iter().position(|s| &s.id == id)
    };
    Some(match screen {
        Screen::Index(v) => {
            let mut v = v.clone();
            v.pending = false;
            if let Searcher::Sync(finder) = &mut app.searcher
                && let Some(found) = finder.find(v.scope, &v.query, &|| false)
            {
                super::update::apply(&mut v, found);
            }
            v.selected = v.selected.min(v.len().saturating_sub(1));
            v.offset = v.offset.min(v.selected);
            Screen::Index(v)
        }
        Screen::Dossier(v) => {
            let mut v = v.clone();
            v.dossier = dossier(v.dossier)?;
            Screen::Dossier(v)
        }
        Screen::Relations(v) => {
            let mut v = v.clone();
            v.dossier = dossier(v.dossier)?;
            Screen::Relations(v)
        }
        Screen::Reader(v) => {
            let mut v = v.clone();
            v.source = source(v.source)?;
            let text = &app.corpus.sources[v.source].article.text;
            v.highlight = v.highlight.map(|r| clamp(r, text));
            v.selection = v.selection.map(|r| clamp(r, text));
            // The matches are found again in the new text.
            v.matches = if v.search.is_empty() {
                Vec::new()
            } else {
                super::reader::find_all(text, &v.search)
            };
            v.current = v
                .current
                .filter(|_| !v.matches.is_empty())
                .map(|c| c.min(v.matches.len() - 1));
            Screen::Reader(v)
        }
        Screen::Sources(v) => Screen::Sources(v.clone()),
        Screen::Timeline(v) => Screen::Timeline(v.clone()),
        // Lists of claims and citations hold positions inside dossiers, which an edit
        // shifts: these are rebuilt by opening them again, so they are dropped here.
        Screen::CitedBy(_) | Screen::Disputes(_) | Screen::Claims(_) => return None,
    })
}

/// `r` inside `text`, on character boundaries.
fn clamp(r: Range<usize>, text: &str) -> Range<usize> {
    let fit = |mut i: usize| {
        i = i.min(text.len());
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let start = fit(r.start);
    start..fit(r.end).max(start)
}
