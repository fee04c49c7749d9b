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

use crate::common;

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
        // n ×3: past the aliases and Jane Doe's relation (Linked from) to the first claim.
        go(
            &mut a,
            &[
                Action::Open,
                Action::NextCite,
                Action::NextCite,
                Action::NextCite,
            ],
        );
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
        // acme-corps → the "crossed-border" claim's quote spans two lines of the article
        // (n ×4: two aliases, Jane Doe's relation to it, the first claim, this one).
        go(
            &mut a,
            &[
                Action::Open,
                Action::NextCite,
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
fn cited_by_view() {
    for (w, h) in [(80, 24), (120, 40)] {
        let mut a = app(w, h);
        // The sources table → beta → n ×3 highlights "Jane Doe, 41", which the relation's
        // quote contains too → c.
        go(
            &mut a,
            &[
                Action::Sources,
                Action::Down,
                Action::Open,
                Action::NextCite,
                Action::NextCite,
                Action::NextCite,
                Action::CitedBy,
                Action::Down,
            ],
        );
        insta::assert_snapshot!(format!("cited_by_{w}x{h}"), screen(&a, false));
    }
}

#[test]
fn sources_view() {
    for (w, h) in [(80, 24), (120, 40)] {
        let mut a = app(w, h);
        go(&mut a, &[Action::Sources, Action::Down]);
        insta::assert_snapshot!(format!("sources_{w}x{h}"), screen(&a, false));
        go(&mut a, &[Action::Open]);
        insta::assert_snapshot!(format!("sources_open_reader_{w}x{h}"), screen(&a, false));
    }
}

#[test]
fn disputes_view() {
    for (w, h) in [(80, 24), (120, 40), (40, 24)] {
        let mut a = app(w, h);
        go(&mut a, &[Action::Disputes, Action::Down]);
        insta::assert_snapshot!(format!("disputes_{w}x{h}"), screen(&a, false));
    }
}

#[test]
fn claims_view() {
    for (w, h) in [(80, 24), (120, 40)] {
        let mut a = app(w, h);
        go(&mut a, &[Action::Claims, Action::Bottom]);
        insta::assert_snapshot!(format!("claims_{w}x{h}"), screen(&a, false));
        go(&mut a, &[Action::SingleSource]);
        insta::assert_snapshot!(format!("claims_single_source_{w}x{h}"), screen(&a, false));
    }
}

#[test]
fn cross_source_views_draw_at_any_size() {
    let views: [&[Action]; 4] = [
        &[
            Action::Sources,
            Action::Open,
            Action::NextCite,
            Action::CitedBy,
        ],
        &[Action::Sources, Action::Bottom],
        &[Action::Disputes, Action::Bottom],
        &[Action::Claims, Action::Bottom, Action::SingleSource],
    ];
    for (w, h) in [(20, 5), (21, 6), (26, 7), (33, 9), (47, 12), (200, 60)] {
        for keys in views {
            let mut a = app(120, 40);
            go(&mut a, keys);
            go(
                &mut a,
                &[Action::Resize(w, h), Action::Down, Action::PageDown],
            );
            let s = screen(&a, false);
            assert!(!s.contains("too small"), "{w}x{h}:\n{s}");
        }
    }
}

/// The good corpus plus an event and a place (`tests/fixtures/events/`).
fn app_with_events(w: u16, h: u16) -> (common::Corpus, App) {
    let c = common::Corpus::with_events();
    let report = check(&DataRoot::Dir(c.dir.path().to_path_buf()));
    assert_eq!(report.errors(), 0);
    let app = App::new(report.corpus, Keymap::default_keymap(), (w, h));
    (c, app)
}

#[test]
fn events_and_places_in_the_index_and_their_dossiers() {
    for (w, h) in [(80, 24), (120, 40)] {
        let (_c, mut a) = app_with_events(w, h);
        // E and L in their theme colours, beside P and G.
        insta::assert_snapshot!(format!("index_events_places_{w}x{h}"), screen(&a, false));
        go(&mut a, &[Action::Filter]);
        go(&mut a, &typed("raid"));
        go(&mut a, &[Action::Accept, Action::Open, Action::NextCite]);
        insta::assert_snapshot!(format!("dossier_event_{w}x{h}"), screen(&a, false));
    }
    let (_c, mut a) = app_with_events(80, 24);
    go(&mut a, &[Action::Filter]);
    go(&mut a, &typed("Nortown"));
    go(&mut a, &[Action::Accept, Action::Open]);
    insta::assert_snapshot!("dossier_place_80x24", screen(&a, false));
}

#[test]
fn relations_map() {
    for (w, h) in [(80, 24), (120, 40)] {
        let mut a = app(w, h);
        // jane-doe: her relation to Acme Corps, selected.
        go(
            &mut a,
            &[Action::Down, Action::Open, Action::Relations, Action::Down],
        );
        insta::assert_snapshot!(format!("relations_{w}x{h}"), screen(&a, false));
    }
}

#[test]
fn timeline() {
    for (w, h) in [(80, 24), (120, 40)] {
        let root = DataRoot::Dir(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/good"),
        );
        let mut corpus = check(&root).corpus;
        // The fixture has no dates: date a claim, a variant and a partial year here.
        for d in &mut corpus.dossiers {
            for c in &mut d.claims {
                match c.id.as_str() {
                    "founded" => c.date = Some("2022-05-03".into()),
                    "age" => c.date = Some("2021".into()),
                    "size" => c.variants[1].date = Some("2022-05".into()),
                    _ => {}
                }
            }
        }
        let mut a = App::new(corpus, Keymap::default_keymap(), (w, h));
        go(&mut a, &[Action::Timeline, Action::Down]);
        insta::assert_snapshot!(format!("timeline_{w}x{h}"), screen(&a, false));
    }
}

#[test]
fn relations_map_and_timeline_draw_at_any_size() {
    for (w, h) in [(0, 0), (1, 1), (20, 5), (21, 6), (30, 8), (300, 100)] {
        let mut a = app(80, 24);
        go(&mut a, &[Action::Down, Action::Open, Action::Relations]);
        go(&mut a, &[Action::Resize(w, h), Action::Bottom]);
        let map = screen(&a, false);
        go(&mut a, &[Action::Timeline, Action::Bottom, Action::Open]);
        let timeline = screen(&a, true);
        if w >= 30 {
            assert!(map.contains("Relations of Jane Doe"), "{w}x{h}:\n{map}");
            assert!(
                timeline.contains("no claim has a date yet"),
                "{w}x{h}:\n{timeline}"
            );
        }
    }
}

#[test]
fn dossier_linked_from_selected() {
    // acme-corps, Tab: Jane Doe's relation to it ("Linked from"), the pane naming where
    // Enter goes.
    let mut a = app(80, 24);
    go(&mut a, &[Action::Open, Action::NextPane]);
    insta::assert_snapshot!("dossier_linked_from_80x24", screen(&a, false));
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

/// The index's preview held on the first dossier while the selection is on the second
/// (what the browser shows until the selection rests), and hidden with `v`.
#[test]
fn index_preview_held_and_hidden() {
    use dossier::app::preview;
    let mut a = app(120, 40);
    let shown = preview::shown(&a);
    go(&mut a, &[Action::Down]);
    assert!(preview::hold(&mut a, shown));
    insta::assert_snapshot!("index_preview_held_120x40", screen(&a, false));
    go(&mut a, &[Action::TogglePreview]);
    insta::assert_snapshot!("index_preview_hidden_120x40", screen(&a, false));
}
