//! The early browser on a corpus's outline, and its swap for the checked one.

use super::*;
use crate::app::{Screen, update};

/// The outline a check tells, and the checked corpus.
fn outline_and_corpus() -> (Vec<Dossier>, Corpus) {
    crate::test_support::bundled_outline()
}

fn early_app() -> (App, Corpus) {
    let (outline, corpus) = outline_and_corpus();
    (early(outline, Keymap::default_keymap(), (120, 40)), corpus)
}

fn checked(corpus: Corpus) -> App {
    App::new(corpus, Keymap::default_keymap(), (80, 24))
}

fn index(app: &App) -> &crate::app::IndexView {
    match &app.screen {
        Screen::Index(v) => v,
        s => panic!("not the index: {s:?}"),
    }
}

fn selected_id(app: &App) -> String {
    let v = index(app);
    let hit = v
        .hits
        .get(v.selected)
        .unwrap_or_else(|| panic!("no selection"));
    app.corpus.dossiers[hit.dossier].id.clone()
}

fn typed(app: &mut App, text: &str) {
    update(app, Action::Filter);
    for c in text.chars() {
        update(app, Action::Input(c));
    }
    update(app, Action::Accept);
}

/// The early index lists every dossier by name (every weight is 0 before the
/// citations are checked), says it is loading, and acts on the keys that need no more
/// than the names.
#[test]
fn the_early_index_lists_the_names_and_holds_the_rest() {
    let (mut app, corpus) = early_app();
    let v = index(&app);
    assert_eq!(v.hits.len(), corpus.dossiers.len());
    assert_eq!(v.order, Order::Name);
    let names: Vec<String> = v
        .hits
        .iter()
        .map(|h| app.corpus.dossiers[h.dossier].name.to_lowercase())
        .collect();
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(names, sorted, "by name");
    assert!(app.corpus.sources.is_empty());
    for a in [
        Action::Down,
        Action::Filter,
        Action::Input('x'),
        Action::Quit,
        Action::Help,
    ] {
        assert!(acts_early(&app, &a), "{a:?} acts on the names");
    }
    for a in [
        Action::Open,
        Action::Sources,
        Action::Disputes,
        Action::Claims,
        Action::Timeline,
        Action::ToggleScope,
        Action::SearchPassages,
        Action::CycleOrder,
        Action::Errors,
    ] {
        assert!(!acts_early(&app, &a), "{a:?} must wait for the check");
    }
    // Aliases are in the outline: a filter finds a dossier by one.
    let (alias, owner) = corpus
        .dossiers
        .iter()
        .find_map(|d| Some((d.aliases.first()?.name.clone(), d.id.clone())))
        .unwrap_or_else(|| panic!("the bundled corpus has aliases"));
    typed(&mut app, &alias);
    let found = index(&app)
        .hits
        .iter()
        .any(|h| app.corpus.dossiers[h.dossier].id == owner);
    assert!(found, "{alias} finds {owner}");
    app.loading = None;
    assert!(
        acts_early(&app, &Action::Open),
        "everything acts once checked"
    );
}

/// The status line says the stage and the keys waiting.
#[test]
fn the_status_says_what_is_left() {
    let mut l = Loading {
        phase: Phase::Checking(Stage::Building {
            done: 250,
            total: 1000,
        }),
        waiting: 0,
        names: Names::Read,
    };
    let s = l.status();
    assert!(s.starts_with(LOADING), "{s}");
    assert!(s.contains("4 of 5") && s.contains("250 of 1000"), "{s}");
    assert!(s.contains("/ filters"), "{s}");
    l.waiting = 2;
    l.phase = Phase::Indexing;
    let s = l.status();
    assert!(s.contains("5 of 5") && s.contains("2 keys wait"), "{s}");
}

/// Nothing chosen: after the swap the index is what a checked start shows, by weight
/// from the top, with its typing line and history carried.
#[test]
fn an_untouched_early_index_becomes_the_checked_start() {
    let (mut app, corpus) = early_app();
    app.line.history = crate::app::history::History::from_text("volga\n");
    let fresh = checked(corpus.clone());
    swap(&mut app, checked(corpus));
    assert_eq!(app.loading, None);
    assert_eq!(app.size, (120, 40), "the early browser's size is kept");
    let (got, want) = (index(&app), index(&fresh));
    assert_eq!(got.order, Order::Weight);
    assert_eq!(got.hits, want.hits);
    assert_eq!((got.selected, got.offset), (0, 0));
    assert!(!app.corpus.sources.is_empty());
    assert_eq!(
        app.line.history,
        crate::app::history::History::from_text("volga\n")
    );
}

/// A dossier chosen in the early index stays chosen, by id, though the checked index
/// lists it elsewhere; the query typed is searched again over claims too.
#[test]
fn the_chosen_dossier_and_the_query_survive_the_swap() {
    let (mut app, corpus) = early_app();
    for _ in 0..3 {
        update(&mut app, Action::Down);
    }
    let chosen = selected_id(&app);
    swap(&mut app, checked(corpus.clone()));
    assert_eq!(selected_id(&app), chosen);
    assert_ne!(index(&app).selected, 3, "the checked order moved it");

    // A word of a claim only: the early index (names, aliases) cannot find it.
    let (mut app, corpus) = early_app();
    typed(&mut app, "kherson");
    let early_hits = index(&app).hits.len();
    swap(&mut app, checked(corpus));
    let v = index(&app);
    assert_eq!(v.query, "kherson");
    assert!(v.hits.len() > early_hits, "{} > {early_hits}", v.hits.len());
}

/// The last start's names are shown as such until the files' outline replaces them,
/// keeping the filter as typed, the selection by id and the held keys; a name changed
/// since then is shown as it is now. A second cached outline, or one for a browser
/// already on the files' names, changes nothing.
#[test]
fn the_files_outline_replaces_the_last_starts() {
    let (outline, _) = outline_and_corpus();
    let mut stale = outline.clone();
    let renamed = stale
        .iter()
        .position(|d| d.name.starts_with('S') || d.name.starts_with('D'))
        .unwrap_or(0);
    let id = stale[renamed].id.clone();
    stale[renamed].name = format!("{} (old name)", stale[renamed].name);
    let keymap = Keymap::default_keymap;
    let mut app = early_from_cache(stale.clone(), keymap(), (120, 40));
    let status = app.loading.map(|l| l.status()).unwrap_or_default();
    assert!(
        status.contains("1 of 5") && status.contains("last start"),
        "{status}"
    );
    typed(&mut app, "old name");
    assert_eq!(index(&app).hits.len(), 1);
    assert_eq!(selected_id(&app), id);
    if let Some(l) = &mut app.loading {
        l.waiting = 2;
    }
    // Not fresher: kept as it is.
    assert!(!refresh(
        &mut app,
        early_from_cache(stale, keymap(), (80, 24))
    ));
    assert!(app.loading.is_some_and(|l| l.names == Names::Cached));
    assert!(refresh(
        &mut app,
        early(outline.clone(), keymap(), (80, 24))
    ));
    let Some(l) = app.loading else {
        panic!("still loading")
    };
    assert!(l.names == Names::Read && l.waiting == 2, "{l:?}");
    assert!(!l.status().contains("last start"), "{}", l.status());
    assert_eq!(app.size, (120, 40));
    assert_eq!(index(&app).query, "old name");
    assert!(index(&app).hits.is_empty(), "the old name is gone");
    assert!(
        app.corpus
            .dossiers
            .iter()
            .all(|d| !d.name.contains("old name"))
    );
    // Once on the files' names, another outline is not taken.
    let before = app.corpus.dossiers.len();
    let mut fewer = outline;
    fewer.pop();
    assert!(!refresh(&mut app, early(fewer, keymap(), (80, 24))));
    assert_eq!(app.corpus.dossiers.len(), before);
}

/// The names of every file replace any others; more of the files' names replace fewer;
/// the names read so far never replace a whole list, and nothing replaces every file's.
#[test]
fn fresher_names_replace_staler_ones() {
    let so_far = |read| Names::SoFar { read, of: 100 };
    let cases = [
        (Names::Read, Names::Cached, true),
        (Names::Read, so_far(40), true),
        (so_far(60), so_far(40), true),
        (so_far(40), so_far(40), false),
        (so_far(40), so_far(60), false),
        (so_far(99), Names::Cached, false),
        (so_far(99), Names::Read, false),
        (Names::Cached, so_far(40), false),
        (Names::Cached, Names::Read, false),
        (Names::Read, Names::Read, false),
    ];
    for (now, shown, want) in cases {
        assert_eq!(now.fresher_than(shown), want, "{now:?} over {shown:?}");
    }
}

/// On a first start the index lists the names of the files read so far, sorted and
/// de-duplicated as the whole outline is, and says so; more of them, then all of them,
/// take its place with the filter and the selection kept; fewer do not.
#[test]
fn the_names_read_so_far_grow_into_the_outline() {
    let (outline, _) = outline_and_corpus();
    let keymap = Keymap::default_keymap;
    let of = outline.len() + 1;
    // Half the names, parsed out of id order, one of them twice.
    let mut half: Vec<Dossier> = outline.iter().skip(1).step_by(2).cloned().collect();
    half.reverse();
    half.push(half[0].clone());
    let mut app = early_so_far(half.clone(), of, keymap(), (120, 40));
    let ids: Vec<&str> = app.corpus.dossiers.iter().map(|d| d.id.as_str()).collect();
    assert!(
        ids.windows(2).all(|w| w[0] < w[1]),
        "sorted, once each: {ids:?}"
    );
    assert_eq!(ids.len(), half.len() - 1);
    let Some(l) = app.loading else {
        panic!("not loading")
    };
    assert_eq!(
        l.names,
        Names::SoFar {
            read: half.len() - 1,
            of
        }
    );
    assert!(l.status().contains("read so far"), "{}", l.status());
    let picked = half[1].clone();
    typed(&mut app, &picked.name);
    assert_eq!(selected_id(&app), picked.id);

    // Fewer names (a browser built before this one, sent late) are not taken.
    let fewer = early_so_far(half[..3].to_vec(), of, keymap(), (80, 24));
    assert!(!refresh(&mut app, fewer));
    assert_eq!(app.corpus.dossiers.len(), half.len() - 1);

    let more: Vec<Dossier> = outline.iter().skip(1).cloned().collect();
    assert!(refresh(
        &mut app,
        early_so_far(more, of, keymap(), (80, 24))
    ));
    assert_eq!(app.corpus.dossiers.len(), outline.len() - 1);
    assert_eq!(index(&app).query, picked.name);
    assert_eq!(selected_id(&app), picked.id);
    assert_eq!(app.size, (120, 40));

    assert!(refresh(
        &mut app,
        early(outline.clone(), keymap(), (80, 24))
    ));
    let Some(l) = app.loading else {
        panic!("not loading")
    };
    assert_eq!(l.names, Names::Read);
    assert!(!l.status().contains("so far"), "{}", l.status());
    assert_eq!(app.corpus.dossiers.len(), outline.len());
    assert_eq!(selected_id(&app), picked.id);
    // Every file's names are not replaced by some of them.
    assert!(!refresh(
        &mut app,
        early_so_far(half, of, keymap(), (80, 24))
    ));
    assert_eq!(app.corpus.dossiers.len(), outline.len());
}
