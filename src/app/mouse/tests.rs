//! Clicks where the screen shows something select or open that thing: each test draws
//! the app with the real renderer, finds a text's cell, and sends the mouse there.

use super::*;
use crate::check::check;
use crate::data::DataRoot;
use crate::keymap::{Key, KeyCode, Keymap};
use crate::tui::{act, press};

fn app(w: u16, h: u16) -> App {
    let report = check(&DataRoot::Bundled);
    App::new(report.corpus, Keymap::default_keymap(), (w, h))
}

/// The screen as drawn: per row, each cell's symbol with its column.
fn cells(a: &App) -> Vec<Vec<(u16, String)>> {
    let theme = crate::ui::Theme::default_theme(true);
    let (w, h) = a.size;
    let mut t = ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h))
        .unwrap_or_else(|e| panic!("{e}"));
    t.draw(|f| crate::ui::render(a, &theme, f))
        .unwrap_or_else(|e| panic!("{e}"));
    let buf = t.backend().buffer();
    (0..h)
        .map(|y| {
            (0..w)
                .map(|x| (x, buf[(x, y)].symbol().to_owned()))
                .collect()
        })
        .collect()
}

fn screen(a: &App) -> String {
    cells(a)
        .iter()
        .map(|r| r.iter().map(|(_, s)| s.as_str()).collect::<String>())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The cell where `text` starts on screen, searching rows from `from_row`.
fn find(a: &App, text: &str, from_row: u16) -> (u16, u16) {
    for (y, row) in cells(a).iter().enumerate().skip(usize::from(from_row)) {
        let line: String = row.iter().map(|(_, s)| s.as_str()).collect();
        if let Some(i) = line.find(text) {
            // The byte offset back to the cell: count the cells whose symbols come before.
            let mut bytes = 0;
            for (x, s) in row {
                if bytes >= i {
                    return (*x, y as u16);
                }
                bytes += s.len();
            }
        }
    }
    panic!("{text:?} not on screen:\n{}", screen(a))
}

/// A left click at a cell, its actions run as the loop runs them.
fn click(a: &mut App, (column, row): (u16, u16)) {
    let m = Mouse::at(MouseKind::Down(Button::Left), column, row);
    for action in handle(a, m) {
        act(a, action);
    }
}

fn wheel(a: &mut App, kind: MouseKind, (column, row): (u16, u16)) {
    for action in handle(a, Mouse::at(kind, column, row)) {
        act(a, action);
    }
}

fn open_index_filtered(a: &mut App, q: &str) {
    press(a, Key::char('/'));
    for c in q.chars() {
        press(a, Key::char(c));
    }
    press(a, Key::new(KeyCode::Enter));
}

#[test]
fn a_click_selects_an_index_row_and_a_second_click_opens_it() {
    let mut a = app(80, 24);
    let Screen::Index(v) = &a.screen else {
        panic!("index")
    };
    let third = a.corpus.dossiers[v.hits.get(2).map_or(usize::MAX, |h| h.dossier)]
        .name
        .clone();
    let name = crate::text::sanitize_line(&third);
    let at = find(&a, &name, 2);
    click(&mut a, at);
    assert!(matches!(a.screen, Screen::Index(ref v) if v.selected == 2));
    click(&mut a, at);
    let Screen::Dossier(v) = &a.screen else {
        panic!("the second click opens:\n{}", screen(&a))
    };
    assert_eq!(a.corpus.dossiers[v.dossier].name, third);
}

#[test]
fn a_click_beside_the_list_or_on_the_title_selects_nothing() {
    let mut a = app(120, 40);
    let before = a.screen.clone();
    // The preview's half of the screen and the title line.
    click(&mut a, (100, 5));
    click(&mut a, (3, 0));
    assert_eq!(a.screen, before);
    // The filter line starts typing.
    click(&mut a, (3, 1));
    assert!(matches!(a.screen, Screen::Index(ref v) if v.typing));
}

#[test]
fn a_click_in_a_dossier_selects_the_marker_under_the_pointer_and_opens_it() {
    let mut a = app(120, 40);
    open_index_filtered(&mut a, "Denis Kapustin");
    press(&mut a, Key::new(KeyCode::Enter));
    let Screen::Dossier(v) = &a.screen else {
        panic!("dossier")
    };
    let d = &a.corpus.dossiers[v.dossier];
    let lay = layout(&a.corpus, d, a.incoming.of(v.dossier), a.size.0, None);
    // A row with at least two targets, on screen: click the second one's marker.
    let (row, second) = (0..lay
        .rows
        .len()
        .min(usize::from(a.areas(Shape::Dossier).list.height)))
        .find_map(|r| {
            let on: Vec<usize> = (0..lay.targets.len())
                .filter(|&i| lay.target_rows[i] == r)
                .collect();
            (on.len() >= 2).then(|| (r, on[1]))
        })
        .unwrap_or_else(|| panic!("a row with two markers:\n{}", screen(&a)));
    let marked = layout(
        &a.corpus,
        d,
        a.incoming.of(v.dossier),
        a.size.0,
        Some(second),
    );
    let seg = marked.rows[row]
        .iter()
        .position(|s| s.tone == Tone::Selected)
        .unwrap_or_else(|| panic!("selected segment"));
    let (start, _) = seg_columns(&marked.rows[row], seg).unwrap_or_else(|| panic!("columns"));
    let y = a.areas(Shape::Dossier).list.y + row as u16;
    click(&mut a, (start as u16, y));
    assert!(
        matches!(a.screen, Screen::Dossier(ref v) if v.selected == second),
        "the second marker of row {row} is selected"
    );
    let depth = a.back.len();
    click(&mut a, (start as u16, y));
    assert_eq!(
        a.back.len(),
        depth + 1,
        "the second click opened the target"
    );
    assert!(matches!(a.back.last(), Some(Screen::Dossier(_))));
}

#[test]
fn the_wheel_scrolls_the_article_and_moves_the_list() {
    let mut a = app(80, 24);
    wheel(&mut a, MouseKind::ScrollDown, (5, 10));
    assert!(matches!(a.screen, Screen::Index(ref v) if v.selected == WHEEL_STEP));
    wheel(&mut a, MouseKind::ScrollUp, (5, 10));
    assert!(matches!(a.screen, Screen::Index(ref v) if v.selected == 0));
    // Over the status line, nothing.
    wheel(&mut a, MouseKind::ScrollDown, (5, 23));
    assert!(matches!(a.screen, Screen::Index(ref v) if v.selected == 0));
    open_index_filtered(&mut a, "Legion");
    press(&mut a, Key::new(KeyCode::Enter));
    press(&mut a, Key::char('n'));
    press(&mut a, Key::new(KeyCode::Enter));
    press(&mut a, Key::char('g'));
    assert!(matches!(a.screen, Screen::Reader(ref v) if v.top == 0));
    wheel(&mut a, MouseKind::ScrollDown, (5, 10));
    wheel(&mut a, MouseKind::ScrollDown, (5, 10));
    assert!(
        matches!(a.screen, Screen::Reader(ref v) if v.top == 2 * WHEEL_STEP),
        "{}",
        screen(&a)
    );
}

#[test]
fn a_click_on_a_status_hint_runs_it() {
    let mut a = app(80, 24);
    let at = find(&a, "? help", 23);
    click(&mut a, (at.0 + 3, at.1));
    assert!(a.help, "the help hint opened the help");
    // A click anywhere closes the overlay, as a key does.
    click(&mut a, (1, 1));
    assert!(!a.help);
    let at = find(&a, "/ filter", 23);
    click(&mut a, at);
    assert!(matches!(a.screen, Screen::Index(ref v) if v.typing));
    // Between hints: nothing.
    let mut b = app(80, 24);
    let at = find(&b, "? help", 23);
    click(&mut b, (at.0 - 1, at.1));
    assert!(!b.help);
}

#[test]
fn a_click_selects_a_source_of_three_rows_and_a_timeline_row() {
    let mut a = app(120, 40);
    press(&mut a, Key::char('S'));
    let title = crate::text::sanitize_line(&a.corpus.sources[1].title);
    let short: String = title.chars().take(20).collect();
    let at = find(&a, &short, 2);
    // The source's third row (its original line) selects it too.
    click(&mut a, (at.0, at.1 + 2));
    assert!(
        matches!(a.screen, Screen::Sources(ref v) if v.pick.selected == 1),
        "{}",
        screen(&a)
    );
    click(&mut a, at);
    assert!(matches!(a.screen, Screen::Reader(ref v) if v.source == 1));
    let mut a = app(120, 40);
    press(&mut a, Key::char('T'));
    let list = a.areas(Shape::Timeline).list;
    click(&mut a, (10, list.y + 4));
    assert!(matches!(a.screen, Screen::Timeline(ref v) if v.selected == 4));
}

#[test]
fn a_click_selects_a_dispute_marker() {
    let mut a = app(120, 40);
    press(&mut a, Key::char('D'));
    let Screen::Disputes(v) = &a.screen else {
        panic!("disputes")
    };
    let lay = super::super::disputes::cached(&a, v);
    let list = a.areas(Shape::Disputes).list;
    let i = (1..lay.targets.len())
        .find(|&i| lay.target_rows[i] < usize::from(list.height))
        .unwrap_or_else(|| panic!("a second marker on screen"));
    let row = lay.target_rows[i];
    let (start, _) =
        seg_columns(&lay.rows[row], lay.target_segs[i]).unwrap_or_else(|| panic!("cols"));
    click(&mut a, (start as u16, list.y + row as u16));
    assert!(matches!(a.screen, Screen::Disputes(ref v) if v.pick.selected == i));
    click(&mut a, (start as u16, list.y + row as u16));
    assert!(matches!(a.screen, Screen::Reader(_)), "{}", screen(&a));
}

#[test]
fn other_buttons_releases_and_drags_do_nothing() {
    let mut a = app(80, 24);
    let before = a.screen.clone();
    for kind in [
        MouseKind::Down(Button::Right),
        MouseKind::Down(Button::Middle),
        MouseKind::Up(Some(Button::Left)),
        MouseKind::Drag(Button::Left),
    ] {
        assert!(handle(&mut a, Mouse::at(kind, 5, 5)).is_empty());
    }
    assert_eq!(a.screen, before);
    // Outside the screen (a report from a larger terminal before its resize arrives).
    click(&mut a, (500, 500));
    assert_eq!(a.screen, before);
}

#[test]
fn a_double_click_on_the_selected_row_opens_once() {
    let t0 = std::time::Instant::now();
    let m = Mouse::at(MouseKind::Down(Button::Left), 5, 4);
    let mut d = DoubleClick::default();
    assert!(!d.echo(&m, t0));
    d.opened(&m, &[Action::Open], t0);
    let soon = t0 + std::time::Duration::from_millis(150);
    assert!(
        d.echo(&m, soon),
        "the second click of the double click is dropped"
    );
    assert!(!d.echo(&m, soon), "and only that one");
    d.opened(&m, &[Action::Open], t0);
    assert!(!d.echo(&m, t0 + DOUBLE_CLICK), "a later click is a click");
    d.opened(&m, &[Action::Open], t0);
    assert!(!d.echo(&Mouse::at(MouseKind::Down(Button::Left), 6, 4), soon));
    d.opened(&m, &[], t0);
    assert!(
        !d.echo(&m, soon),
        "a click that only selected leaves the next alone"
    );
}

#[test]
fn a_click_in_the_errors_list_selects_then_opens_and_outside_closes() {
    let mut a = app(80, 24);
    let diag = |line| crate::diag::Diagnostic {
        severity: crate::diag::Severity::Error,
        path: "d/x.toml".into(),
        line,
        column: 7,
        message: "bad".into(),
        help: None,
        notes: Vec::new(),
        snippet: None,
    };
    a.reload_errors = vec![diag(3), diag(9)];
    press(&mut a, Key::char('E'));
    assert_eq!(a.errors, Some(0));
    let at = find(&a, "d/x.toml:9:7", 0);
    click(&mut a, at);
    assert_eq!(a.errors, Some(1));
    click(&mut a, at);
    assert_eq!(
        a.edit.as_ref().map(|e| e.line),
        Some(9),
        "opened in the editor"
    );
    click(&mut a, (0, 0));
    assert_eq!(a.errors, None, "a click outside the list closes it");
}
