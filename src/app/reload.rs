//! Live reload: a fresh [`App`] for a corpus that changed on disk, carrying the screen
//! history over by identity. Views hold indexes into the corpus, and an edit can insert,
//! rename or delete dossiers and sources, so every index is mapped through its id (not
//! reused), byte ranges are clamped to the new text, and a screen whose item is gone is
//! dropped; when nothing is left, the index is shown.

use std::ops::Range;

use super::{App, Screen, Searcher};
use crate::model::Corpus;

/// What a reload found, applied: the new corpus replaces `app` (carrying its screens
/// over, see [`reloaded`]) and clears the banner; diagnostics keep the last good corpus
/// and show the banner. True when `app` was replaced, so the caller can move its
/// searches to the background again.
pub fn apply(app: &mut App, result: Result<Corpus, Vec<crate::diag::Diagnostic>>) -> bool {
    match result {
        Ok(corpus) => {
            *app = reloaded(app, corpus);
            true
        }
        Err(diags) => {
            app.reload_errors = diags;
            let last = app.reload_errors.len().saturating_sub(1);
            app.errors = app.errors.map(|s| s.min(last));
            false
        }
    }
}

/// The browser on `corpus`, showing what `old` showed where it still exists. The new
/// app searches synchronously (the caller moves it to the background, as at start-up).
pub fn reloaded(old: &App, corpus: Corpus) -> App {
    carry_into(old, App::new(corpus, old.keymap.clone(), old.size))
}

/// `app`, a fresh browser on a new corpus (searching synchronously), showing what `old`
/// showed where it still exists: its screens by identity, its size, its typing line and
/// query history, its `--cite-to` file and hidden preview.
pub fn carry_into(old: &App, mut app: App) -> App {
    app.size = old.size;
    app.line = old.line.clone();
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
    super::fit::fit(&mut app);
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
            // The selected dossier, by id: the new corpus may list it on another row.
            // A selection on the first row of an unfiltered list stays on the first
            // row: the user has not chosen it (the early browser lists by name, the
            // checked one by weight, `loading::swap`).
            let chosen = match v.scope {
                super::filter::Scope::Dossiers if v.selected > 0 || !v.query.is_empty() => {
                    v.hits.get(v.selected).and_then(|h| dossier(h.dossier))
                }
                _ => None,
            };
            if let Searcher::Sync(finder) = &mut app.searcher
                && let Some(found) = finder.find(v.scope, &v.query, &|| false)
            {
                super::index::apply(&mut v, found, &app.corpus, &app.order_ranks);
            }
            if let Some(row) = chosen.and_then(|d| v.hits.iter().position(|h| h.dossier == d)) {
                v.selected = row;
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::{Action, DossierView, update};
    use crate::data::DataRoot;
    use crate::keymap::Keymap;
    use std::path::Path;

    /// A copy of the good fixture and the browser on it.
    fn fixture() -> (tempfile::TempDir, DataRoot, App) {
        let good = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/good");
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        crate::test_support::copy_tree(&good, dir.path());
        let root = DataRoot::Dir(dir.path().to_path_buf());
        let Ok(corpus) = crate::watch::reload(&root) else {
            panic!("the good fixture must load")
        };
        let app = App::new(corpus, Keymap::default_keymap(), (80, 24));
        (dir, root, app)
    }

    fn open_dossier(app: &mut App, id: &str) {
        let Some(i) = app.corpus.dossiers.iter().position(|d| d.id == id) else {
            panic!("no dossier {id}")
        };
        let view = DossierView {
            dossier: i,
            selected: 0,
            offset: 0,
        };
        crate::app::stack::open(app, Screen::Dossier(view));
    }

    fn write(dir: &Path, rel: &str, text: &str) {
        std::fs::write(dir.join(rel), text).unwrap_or_else(|e| panic!("{e}"));
    }

    const AARDVARK: &str = r#"id = "aardvark"
kind = "group"
name = "Aardvark"

[[claim]]
id = "age"
text = "Aged 41."
cite = [{ source = "beta", quote = "Jane Doe, 41" }]
"#;

    const ACME_SHORT: &str = r#"id = "acme-corps"
kind = "group"
name = "Acme Corps"

[[claim]]
id = "founded"
text = "Founded in May 2022 by Jane Doe."
cite = [{ source = "alpha", quote = "was founded in May 2022 by Jane Doe" }]
"#;

    #[test]
    fn a_dossier_is_kept_by_id_and_its_selection_clamped() {
        let (dir, root, mut app) = fixture();
        open_dossier(&mut app, "acme-corps");
        update(&mut app, Action::Bottom);
        let Screen::Dossier(before) = app.screen.clone() else {
            panic!("not a dossier")
        };
        assert!(before.selected > 1, "the fixture has several targets");
        // A dossier sorted before it shifts its index; its own claims shrink to one.
        write(dir.path(), "dossiers/groups/aardvark.toml", AARDVARK);
        write(dir.path(), "dossiers/groups/acme-corps.toml", ACME_SHORT);
        assert!(apply(&mut app, crate::watch::reload(&root)));
        let Screen::Dossier(after) = &app.screen else {
            panic!("the dossier view was dropped: {:?}", app.screen)
        };
        assert_eq!(app.corpus.dossiers[after.dossier].id, "acme-corps");
        assert_ne!(after.dossier, before.dossier, "the index moved");
        let d = &app.corpus.dossiers[after.dossier];
        let lay = crate::geometry::dossier::layout(
            &app.corpus,
            d,
            app.incoming.of(after.dossier),
            80,
            None,
        );
        assert!(after.selected < lay.targets.len(), "selection clamped");
        assert!(matches!(app.back.as_slice(), [Screen::Index(_)]));
        assert_eq!(app.reload_errors, Vec::new());
    }

    #[test]
    fn a_deleted_dossier_falls_back_to_the_index() {
        let (dir, root, mut app) = fixture();
        open_dossier(&mut app, "jane-doe");
        std::fs::remove_file(dir.path().join("dossiers/people/jane-doe.toml"))
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(apply(&mut app, crate::watch::reload(&root)));
        let Screen::Index(v) = &app.screen else {
            panic!("not the index: {:?}", app.screen)
        };
        assert_eq!(v.hits.len(), 1, "the index lists the one dossier left");
        assert!(app.back.is_empty());
    }

    #[test]
    fn a_failed_reload_keeps_the_corpus_and_shows_the_banner() {
        let (dir, root, mut app) = fixture();
        open_dossier(&mut app, "jane-doe");
        let corpus = std::sync::Arc::clone(&app.corpus);
        let screen = app.screen.clone();
        write(dir.path(), "dossiers/people/jane-doe.toml", "id = 1\n");
        assert!(!apply(&mut app, crate::watch::reload(&root)));
        assert!(std::sync::Arc::ptr_eq(&corpus, &app.corpus));
        assert_eq!(app.screen, screen);
        let banner = crate::app::errors::banner(&app);
        assert!(
            banner.as_deref().is_some_and(|b| b.contains("press E")),
            "{banner:?}"
        );
        assert!(
            app.reload_errors
                .iter()
                .any(|d| d.path.ends_with("jane-doe.toml"))
        );
        // Fixed: the new corpus, and no banner.
        crate::test_support::copy_tree(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/good"),
            dir.path(),
        );
        assert!(apply(&mut app, crate::watch::reload(&root)));
        assert_eq!(crate::app::errors::banner(&app), None);
        assert_eq!(app.screen, screen);
    }

    #[test]
    fn ranges_are_clamped_to_character_boundaries() {
        assert_eq!(clamp(2..50, "abcdé"), 2..6);
        assert_eq!(clamp(5..9, "abcdé"), 4..6);
        assert_eq!(clamp(9..12, "ab"), 2..2);
    }
}
