//! Whole screens, rendered on ratatui's TestBackend at fixed sizes and compared with
//! insta snapshots: every view at 80×24 and 120×40, NO_COLOR, a disputed claim, the
//! help overlay, and a 10×3 window. Each snapshot holds the text and, below it, a map of
//! which cells carry which style, so a lost highlight shows up as a diff too.

#![allow(clippy::expect_used, clippy::unwrap_used)] // tests fail loudly

use std::fmt::Write as _;

use dossier::app::{Action, App, update};
use dossier::check::check;
use dossier::data::DataRoot;
use dossier::keymap::Keymap;
use dossier::ui::{Theme, render};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::Style;

fn app(w: u16, h: u16) -> App {
    let root =
        DataRoot::Dir(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/good"));
    let report = check(&root);
    assert_eq!(report.errors(), 0);
    App::new(report.corpus, Keymap::default_keymap(), (w, h))
}

/// The screen as text, then one row of style letters per text row (`.` = default),
/// then the legend of letters.
fn screen(app: &App, no_color: bool) -> String {
    let (w, h) = app.size;
    let mut t = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    let theme = Theme::default_theme(no_color);
    t.draw(|f| render(app, &theme, f)).expect("draw");
    let buf = t.backend().buffer().clone();
    let mut styles: Vec<Style> = Vec::new();
    let mut text = String::new();
    let mut marks = String::new();
    for y in 0..h {
        let mut row = String::new();
        let mut mrow = String::new();
        for x in 0..w {
            let cell = &buf[(x, y)];
            row.push_str(cell.symbol());
            let st = cell.style();
            let mark = if st == Style::default() {
                '.'
            } else {
                let i = styles.iter().position(|s| *s == st).unwrap_or_else(|| {
                    styles.push(st);
                    styles.len() - 1
                });
                char::from(b'A' + (i % 26) as u8)
            };
            mrow.push(mark);
        }
        let _ = writeln!(text, "{}", row.trim_end());
        let _ = writeln!(marks, "{}", mrow.trim_end_matches('.'));
    }
    let mut out = format!("{text}--- styles\n{marks}--- legend\n");
    for (i, s) in styles.iter().enumerate() {
        let _ = writeln!(out, "{}: {s:?}", char::from(b'A' + (i % 26) as u8));
    }
    out
}

fn go(app: &mut App, actions: &[Action]) {
    for a in actions {
        update(app, a.clone());
    }
}

fn typed(s: &str) -> Vec<Action> {
    s.chars().map(Action::Input).collect()
}

#[test]
fn index_views() {
    for (w, h) in [(80, 24), (120, 40)] {
        let mut a = app(w, h);
        insta::assert_snapshot!(format!("index_{w}x{h}"), screen(&a, false));
        go(&mut a, &[Action::Filter]);
        go(&mut a, &typed("AC"));
        insta::assert_snapshot!(format!("index_filtered_alias_{w}x{h}"), screen(&a, false));
    }
}

#[test]
fn dossier_with_disputed_claim() {
    for (w, h) in [(80, 24), (120, 40)] {
        let mut a = app(w, h);
        go(&mut a, &[Action::Open, Action::NextCite, Action::NextCite]);
        insta::assert_snapshot!(format!("dossier_disputed_{w}x{h}"), screen(&a, false));
    }
    let mut a = app(80, 24);
    go(&mut a, &[Action::Open, Action::Bottom]);
    insta::assert_snapshot!("dossier_variants_no_color_80x24", screen(&a, true));
}

#[test]
fn reader_with_highlighted_quote() {
    for (w, h) in [(80, 24), (120, 40)] {
        let mut a = app(w, h);
        // acme-corps → the "crossed-border" claim's quote spans two lines of the article.
        go(
            &mut a,
            &[
                Action::Open,
                Action::NextCite,
                Action::NextCite,
                Action::NextCite,
                Action::Open,
            ],
        );
        insta::assert_snapshot!(format!("reader_{w}x{h}"), screen(&a, false));
        insta::assert_snapshot!(format!("reader_no_color_{w}x{h}"), screen(&a, true));
        go(&mut a, &[Action::Search]);
        go(&mut a, &typed("jane"));
        insta::assert_snapshot!(format!("reader_search_{w}x{h}"), screen(&a, false));
    }
}

#[test]
fn help_overlay() {
    for (w, h) in [(80, 24), (120, 40)] {
        let mut a = app(w, h);
        go(&mut a, &[Action::Open, Action::Help]);
        insta::assert_snapshot!(format!("help_dossier_{w}x{h}"), screen(&a, false));
    }
}

#[test]
fn tiny_window_says_too_small() {
    let a = app(10, 3);
    insta::assert_snapshot!("index_10x3", screen(&a, false));
}

#[test]
fn passage_search() {
    for (w, h) in [(80, 24), (120, 40)] {
        let mut a = app(w, h);
        go(&mut a, &[Action::SearchPassages]);
        go(&mut a, &typed("jane"));
        insta::assert_snapshot!(format!("passages_{w}x{h}"), screen(&a, false));
    }
}
