//! Every browser view drawn on the hostile corpus (tests/fixtures/hostile): no drawn cell
//! holds a character a terminal would obey or hide (ESC, C1, bidi, zero-width, CR, BS),
//! and the attacks the view shows appear as visible placeholders. ratatui would silently
//! drop C0 controls in a span, which hides an attack, and passes bidi and C1 through, so
//! each view must sanitise its own strings; this proves the cross-source views do.

#![allow(clippy::expect_used, clippy::unwrap_used)] // tests fail loudly

use dossier::app::{Action, App, update};
use dossier::check::check;
use dossier::data::DataRoot;
use dossier::keymap::Keymap;
use dossier::text::sanitize::is_unsafe;
use dossier::ui::{Theme, render};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn hostile_app() -> App {
    let root = DataRoot::Dir(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile"),
    );
    let report = check(&root);
    assert_eq!(report.errors(), 0);
    App::new(report.corpus, Keymap::default_keymap(), (160, 50))
}

/// The drawn screen as text, one line per row.
fn drawn(app: &App) -> String {
    let (w, h) = app.size;
    let mut t = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    t.draw(|f| render(app, &Theme::default_theme(false), f))
        .expect("draw");
    let buf = t.backend().buffer().clone();
    let mut text = String::new();
    for y in 0..h {
        for x in 0..w {
            text.push_str(buf[(x, y)].symbol());
        }
        text.push('\n');
    }
    text
}

fn unsafe_in(screen: &str) -> Vec<char> {
    screen
        .chars()
        .filter(|&c| c != '\n' && is_unsafe(c))
        .collect()
}

/// Opens a view by `actions` from a fresh browser and checks what it draws.
fn view(actions: &[Action], shows: &[&str]) {
    let mut app = hostile_app();
    for a in actions {
        update(&mut app, a.clone());
    }
    let screen = drawn(&app);
    assert_eq!(
        unsafe_in(&screen),
        Vec::<char>::new(),
        "{actions:?}:\n{screen}"
    );
    for s in shows {
        assert!(
            screen.contains(s),
            "{actions:?}: missing {s:?} in\n{screen}"
        );
    }
}

#[test]
fn sources_view_shows_placeholders() {
    view(&[Action::Sources], &["Hostile␛]0;SRC-TITLE␇ report"]);
}

#[test]
fn disputes_view_shows_placeholders() {
    view(&[Action::Disputes], &["␛"]);
}

#[test]
fn claims_view_shows_placeholders() {
    view(&[Action::Claims], &["Night Legion␛]0;NAME-TITLE␇"]);
}

#[test]
fn relations_map_shows_placeholders() {
    view(&[Action::Open, Action::Relations], &["␛"]);
}

#[test]
fn timeline_view_draws_safely() {
    view(&[Action::Timeline], &[]);
}

#[test]
fn cited_by_view_shows_placeholders() {
    // Open the first dossier, step to a citation, open its quote, ask who cites it.
    view(
        &[
            Action::Open,
            Action::NextCite,
            Action::Open,
            Action::CitedBy,
        ],
        &["Cited by", "␛"],
    );
}

#[test]
fn passage_search_shows_placeholders() {
    let mut actions = vec![Action::SearchPassages];
    actions.extend("Night Legion".chars().map(Action::Input));
    view(&actions, &["Night Legion␛]0;PWNED-TITLE␇"]);
}
