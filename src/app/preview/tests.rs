//! Keys in, state out: what the preview shows while the selection moves, after it rests,
//! hidden with `v`, and when the window is too narrow for a preview.

use super::*;
use crate::app::{Action, update};
use crate::check::check;
use crate::data::DataRoot;
use crate::keymap::Keymap;

/// The bundled corpus (the fixture corpus has too few dossiers to move through).
fn app(width: u16) -> App {
    let report = check(&DataRoot::Bundled);
    assert_eq!(report.errors(), 0);
    App::new(report.corpus, Keymap::default_keymap(), (width, 30))
}

/// Applies `actions` as one batch of input, the way the terminal loop does; returns
/// whether the preview is held afterwards.
fn batch(a: &mut App, actions: &[Action]) -> bool {
    let before = shown(a);
    for act in actions {
        update(a, act.clone());
    }
    hold(a, before)
}

fn dossier_at(a: &App, row: usize) -> Subject {
    match &a.screen {
        Screen::Index(v) => Subject::Dossier(v.hits.get(row).map_or(usize::MAX, |h| h.dossier)),
        _ => panic!("index"),
    }
}

#[test]
fn the_preview_holds_while_the_selection_moves_and_follows_once_it_rests() {
    let mut a = app(120);
    let first = dossier_at(&a, 0);
    assert_eq!(shown(&a), Some(first.clone()));
    assert!(batch(&mut a, &[Action::Down]));
    assert!(batch(&mut a, &[Action::Down, Action::Down]));
    // Still the first dossier, while the list's selection is on the fourth.
    assert_eq!(shown(&a), Some(first));
    assert_eq!(selected(&a), Some(dossier_at(&a, 3)));
    settle(&mut a);
    assert_eq!(shown(&a), Some(dossier_at(&a, 3)));
    assert!(a.preview.held.is_none());
}

#[test]
fn moving_back_to_what_the_preview_shows_releases_it() {
    let mut a = app(120);
    assert!(batch(&mut a, &[Action::Down]));
    assert!(!batch(&mut a, &[Action::Up]));
    assert_eq!(shown(&a), Some(dossier_at(&a, 0)));
}

#[test]
fn a_batch_that_does_not_move_the_selection_keeps_the_preview_as_it_is() {
    let mut a = app(120);
    assert!(!batch(&mut a, &[Action::Help]));
    assert!(!batch(&mut a, &[Action::Help]));
    assert!(a.preview.held.is_none());
}

#[test]
fn v_hides_the_preview_for_the_session_and_nothing_is_held_while_hidden() {
    let mut a = app(120);
    let v = a.keymap.lookup(
        a.mode(),
        crate::keymap::Key {
            code: crate::keymap::KeyCode::Char('v'),
            ctrl: false,
            alt: false,
        },
    );
    assert_eq!(v, Some(Action::TogglePreview));
    assert!(batch(&mut a, &[Action::Down]));
    update(&mut a, Action::TogglePreview);
    assert!(a.preview.hidden && a.preview.held.is_none());
    assert_eq!(shown(&a), None);
    assert!(!batch(&mut a, &[Action::Down]));
    // Hidden still after opening a dossier and coming back.
    run_open_and_back(&mut a);
    assert!(a.preview.hidden);
    update(&mut a, Action::TogglePreview);
    assert_eq!(shown(&a), Some(dossier_at(&a, 2)));
}

fn run_open_and_back(a: &mut App) {
    update(a, Action::Open);
    assert!(matches!(a.screen, Screen::Dossier(_)));
    assert_eq!(shown(a), None, "no preview outside the index");
    update(a, Action::Back);
    assert!(matches!(a.screen, Screen::Index(_)));
}

#[test]
fn a_window_too_narrow_for_the_preview_holds_nothing() {
    let mut a = app(PREVIEW_FROM - 1);
    assert_eq!(selected(&a), None);
    assert!(!batch(&mut a, &[Action::Down]));
}

#[test]
fn passage_hits_are_held_the_same_way() {
    let mut a = app(120);
    update(&mut a, Action::SearchPassages);
    for c in "the".chars() {
        update(&mut a, Action::Input(c));
    }
    update(&mut a, Action::Accept);
    let Some(Subject::Passage(first)) = shown(&a) else {
        panic!("a passage hit is previewed")
    };
    assert!(batch(&mut a, &[Action::Down]));
    match shown(&a) {
        Some(Subject::Passage(h)) => assert_eq!((h.source, &h.range), (first.source, &first.range)),
        other => panic!("held passage, got {other:?}"),
    }
    settle(&mut a);
    assert_ne!(shown(&a), Some(Subject::Passage(first)));
}
