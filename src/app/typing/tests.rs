//! The typing lines through the real keymap and `update` (keys in, line and screen out).

use super::*;
use crate::app::history::History;
use crate::check::check;
use crate::data::DataRoot;
use crate::keymap::{Key, KeyCode, Keymap};
use crate::tui::{act, press};

fn app() -> App {
    let report = check(&DataRoot::Bundled);
    App::new(report.corpus, Keymap::default_keymap(), (80, 24))
}

fn keys(a: &mut App, keys: &[Key]) {
    for k in keys {
        press(a, *k);
    }
}

fn text(a: &mut App, s: &str) {
    for c in s.chars() {
        press(a, Key::char(c));
    }
}

fn alt(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        ctrl: false,
        alt: true,
    }
}

/// The filter line as drawn on the index (row 1 of an 80×24 screen).
fn filter_line(a: &App) -> String {
    let theme = crate::ui::Theme::default_theme(true);
    let mut t = ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24))
        .unwrap_or_else(|e| panic!("{e}"));
    t.draw(|f| crate::ui::render(a, &theme, f))
        .unwrap_or_else(|e| panic!("{e}"));
    let buf = t.backend().buffer();
    (0..80)
        .map(|x| buf[(x, 1)].symbol().to_owned())
        .collect::<String>()
        .trim_end()
        .to_owned()
}

fn query(a: &App) -> String {
    match &a.screen {
        Screen::Index(v) => v.query.clone(),
        Screen::Reader(v) => v.search.clone(),
        _ => panic!("no typing line"),
    }
}

#[test]
fn the_cursor_moves_as_in_readline_and_typing_goes_in_at_it() {
    let mut a = app();
    press(&mut a, Key::char('/'));
    text(&mut a, "RT61 mortars");
    keys(&mut a, &[Key::ctrl('a')]);
    assert!(
        filter_line(&a).starts_with("/ ▏RT61 mortars"),
        "{}",
        filter_line(&a)
    );
    text(&mut a, "French ");
    assert_eq!(query(&a), "French RT61 mortars");
    keys(&mut a, &[Key::ctrl('e'), Key::ctrl('b'), Key::ctrl('b')]);
    text(&mut a, "X");
    assert_eq!(query(&a), "French RT61 mortaXrs");
    keys(&mut a, &[Key::ctrl('f'), Key::new(KeyCode::Backspace)]);
    assert_eq!(query(&a), "French RT61 mortaXs");
    // Alt-B twice: the start of "RT61"; Alt-F: its end.
    keys(&mut a, &[Key::ctrl('e'), alt('b'), alt('b')]);
    assert!(
        filter_line(&a).starts_with("/ French ▏RT61 mortaXs"),
        "{}",
        filter_line(&a)
    );
    keys(&mut a, &[alt('f')]);
    assert!(filter_line(&a).starts_with("/ French RT61▏ mortaXs"));
    // Ctrl-W: the word before the cursor; Ctrl-U: everything before it.
    keys(&mut a, &[Key::ctrl('w')]);
    assert_eq!(query(&a), "French  mortaXs");
    keys(&mut a, &[Key::ctrl('u')]);
    assert_eq!(query(&a), " mortaXs");
    keys(&mut a, &[Key::new(KeyCode::Delete)]);
    assert_eq!(query(&a), "mortaXs");
    assert!(filter_line(&a).starts_with("/ ▏mortaXs"));
    // Left and Home are the cursor's too, not the browser's back and top.
    keys(&mut a, &[Key::new(KeyCode::End), Key::new(KeyCode::Left)]);
    text(&mut a, "é");
    assert_eq!(query(&a), "mortaXés");
    assert!(matches!(a.screen, Screen::Index(ref v) if v.typing));
}

#[test]
fn the_reader_search_line_edits_the_same_way() {
    let mut a = app();
    press(&mut a, Key::char('/'));
    text(&mut a, "Legion");
    press(&mut a, Key::new(KeyCode::Enter));
    press(&mut a, Key::new(KeyCode::Enter));
    press(&mut a, Key::char('n'));
    press(&mut a, Key::new(KeyCode::Enter));
    assert!(matches!(a.screen, Screen::Reader(_)), "an article is open");
    press(&mut a, Key::char('/'));
    text(&mut a, "Russia Legion");
    keys(&mut a, &[Key::ctrl('a'), alt('f'), Key::ctrl('u')]);
    assert_eq!(query(&a), " Legion");
    keys(&mut a, &[Key::ctrl('e'), Key::ctrl('w')]);
    assert_eq!(query(&a), " ");
}

#[test]
fn a_paste_is_one_query_and_never_presses_enter() {
    let mut a = app();
    press(&mut a, Key::char('/'));
    act(&mut a, Action::Paste("RT61\nmortars\r\n".into()));
    assert_eq!(query(&a), "RT61 mortars");
    assert!(
        matches!(a.screen, Screen::Index(ref v) if v.typing),
        "still typing: the newline did not accept"
    );
    // At the cursor, not at the end.
    keys(&mut a, &[Key::ctrl('a')]);
    act(&mut a, Action::Paste("French\r\n".into()));
    assert_eq!(query(&a), "FrenchRT61 mortars");
    // Outside a typing line a paste changes nothing but the status line.
    press(&mut a, Key::new(KeyCode::Esc));
    let before = a.screen.clone();
    act(&mut a, Action::Paste("q\nq\n".into()));
    assert_eq!(a.screen, before);
    assert!(!a.quit);
    assert!(
        a.message
            .as_deref()
            .is_some_and(|m| m.contains("paste ignored"))
    );
}

#[test]
fn ctrl_p_and_ctrl_n_walk_the_history_and_enter_records() {
    let mut a = app();
    a.line.history = History::from_text("Kapustin\n");
    press(&mut a, Key::char('/'));
    text(&mut a, "Legion");
    press(&mut a, Key::new(KeyCode::Enter));
    assert_eq!(a.line.history.entries(), ["Kapustin", "Legion"]);
    assert!(a.line.history.dirty(), "the loop writes the file");
    press(&mut a, Key::char('/'));
    keys(&mut a, &[Key::ctrl('u')]);
    text(&mut a, "Yus");
    keys(&mut a, &[Key::ctrl('p')]);
    assert_eq!(query(&a), "Legion");
    keys(&mut a, &[Key::ctrl('p')]);
    assert_eq!(query(&a), "Kapustin");
    assert!(filter_line(&a).starts_with("/ Kapustin▏"));
    keys(&mut a, &[Key::ctrl('n'), Key::ctrl('n')]);
    assert_eq!(query(&a), "Yus", "back to the line as typed");
    // In the reader's search line Up walks the history too.
    press(&mut a, Key::new(KeyCode::Esc));
    text(&mut a, "/Legion");
    press(&mut a, Key::new(KeyCode::Enter));
    press(&mut a, Key::new(KeyCode::Enter));
    press(&mut a, Key::char('n'));
    press(&mut a, Key::new(KeyCode::Enter));
    press(&mut a, Key::char('/'));
    press(&mut a, Key::new(KeyCode::Up));
    assert_eq!(query(&a), "Legion");
}

#[test]
fn with_history_off_ctrl_p_moves_the_list_as_in_fzf() {
    let mut a = app();
    assert!(!a.line.history.enabled, "off until the loop loads a file");
    press(&mut a, Key::char('/'));
    keys(&mut a, &[Key::ctrl('n'), Key::ctrl('n')]);
    assert!(matches!(a.screen, Screen::Index(ref v) if v.selected == 2));
    keys(&mut a, &[Key::ctrl('p')]);
    assert!(matches!(a.screen, Screen::Index(ref v) if v.selected == 1));
    press(&mut a, Key::new(KeyCode::Enter));
    assert!(a.line.history.entries().is_empty());
}

#[test]
fn question_mark_is_text_while_typing() {
    let mut a = app();
    press(&mut a, Key::char('/'));
    text(&mut a, "who?");
    assert_eq!(query(&a), "who?");
    assert!(!a.help);
}

#[test]
fn the_help_lists_the_typing_keys() {
    let k = Keymap::default_keymap();
    let help = k.help(crate::keymap::Mode::Index);
    let has = |keys: &str, what: &str| help.iter().any(|(k, d)| k == keys && d.contains(what));
    assert!(has("ctrl-a home", "start of the line"), "{help:?}");
    assert!(has("alt-b ctrl-left", "start of the word"));
    assert!(has("ctrl-u", "from the cursor to the start"));
    // In the filter Up moves the list: only Ctrl-P is listed for the history.
    assert!(has("ctrl-p", "history"), "{help:?}");
    let reader = k.help(crate::keymap::Mode::Reader);
    assert!(
        reader
            .iter()
            .any(|(k, d)| k == "ctrl-p up" && d.contains("history"))
    );
}

#[test]
fn word_motions_and_rubout() {
    assert_eq!(word_left("RT61 mortars", 12), 5);
    assert_eq!(word_left("RT61 mortars", 5), 0);
    assert_eq!(word_left("'Denis Nik", 1), 0);
    assert_eq!(word_right("RT61 mortars", 0), 4);
    assert_eq!(word_right("RT61 mortars", 4), 12);
    assert_eq!(rubout_start("RT61 mortars  ", 14), 5);
    assert_eq!(rubout_start("RT61 ", 5), 0);
    assert_eq!(one_line("a\r\nb\nc\td\u{7}\n"), "a b c d");
}
