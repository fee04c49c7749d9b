//! What the status line says when there is no message: the current view's key hints,
//! worded for the state it is in. A hint that would promise something the key does not
//! do here is changed or left out: `n` during a reader search is "next match", not "next
//! passage"; "back" shows only when there is a screen to go back to (in the index with a
//! filter and nothing behind it, Esc clears the filter and the hint says so).

use super::{App, Screen};
use crate::action::Action;
use crate::keymap::Key;

/// The hints for the current state, as (key, label) pairs in the keymap's order.
pub fn hints(app: &App) -> Vec<(Key, String)> {
    let searching = matches!(&app.screen, Screen::Reader(v) if !v.matches.is_empty());
    let filtered = matches!(&app.screen, Screen::Index(v) if !v.query.is_empty());
    let can_go_back = !app.back.is_empty();
    app.keymap
        .hint_keys(app.mode())
        .into_iter()
        .filter_map(|(key, label, action)| {
            let label = match action {
                Action::NextCite if searching => "next match",
                Action::PrevCite if searching => "prev match",
                Action::Back if !can_go_back && filtered => "clear filter",
                Action::Back if !can_go_back => return None,
                _ => label,
            };
            Some((key, label.to_owned()))
        })
        .collect()
}

/// The status line's hints as drawn (a space, then `key label` pairs two spaces apart)
/// and the columns each hint takes with its key: one layout for the renderer and for
/// the mouse, so a click on a hint runs the hint drawn there.
pub fn hint_line(app: &App) -> (String, Vec<(std::ops::Range<usize>, Key)>) {
    use unicode_width::UnicodeWidthStr as _;
    let mut text = String::from(" ");
    let mut spans = Vec::new();
    for (i, (key, label)) in hints(app).into_iter().enumerate() {
        if i > 0 {
            text.push_str("  ");
        }
        let start = text.width();
        text.push_str(&format!("{} {label}", key.label()));
        spans.push((start..text.width(), key));
    }
    (text, spans)
}

/// A key with no binding in the current view: say so, and how to see what is bound,
/// instead of doing nothing silently.
pub fn unbound(app: &mut App, key: Key) {
    let help = app
        .keymap
        .key_for(app.mode(), &Action::Help)
        .map_or_else(String::new, |k| format!(" — {} for help", k.label()));
    app.message = Some(format!("{} is not bound here{help}", key.label()));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::update;
    use crate::check::check;
    use crate::data::DataRoot;
    use crate::keymap::{KeyCode, Keymap};

    fn bundled_app() -> App {
        App::new(
            check(&DataRoot::Bundled).corpus,
            Keymap::default_keymap(),
            (120, 40),
        )
    }

    fn labels(app: &App) -> Vec<String> {
        hints(app).into_iter().map(|(_, l)| l).collect()
    }

    #[test]
    fn back_is_hinted_only_when_there_is_somewhere_to_go_back_to() {
        let mut a = bundled_app();
        assert!(!labels(&a).iter().any(|l| l == "back"), "{:?}", labels(&a));
        update(&mut a, Action::Filter);
        update(&mut a, Action::Input('x'));
        update(&mut a, Action::Accept);
        assert!(
            labels(&a).iter().any(|l| l == "clear filter"),
            "{:?}",
            labels(&a)
        );
        update(&mut a, Action::DeleteLine);
        update(&mut a, Action::Open);
        assert!(labels(&a).iter().any(|l| l == "back"), "{:?}", labels(&a));
    }

    #[test]
    fn unbound_keys_say_so_and_name_the_help_key() {
        let mut a = bundled_app();
        unbound(&mut a, Key::new(KeyCode::Char('Z')));
        assert_eq!(
            a.message.as_deref(),
            Some("Z is not bound here — ? for help")
        );
    }

    fn reader_on(a: &mut App, source: &str) {
        let i = a.corpus.sources.iter().position(|s| s.id == source);
        let i = i.unwrap_or_else(|| panic!("no source {source}"));
        crate::app::jump::to_reader(a, i, None);
    }

    fn search(a: &mut App, q: &str) {
        update(a, Action::Search);
        for c in q.chars() {
            update(a, Action::Input(c));
        }
        update(a, Action::Accept);
    }

    #[test]
    fn a_reader_search_says_next_match_and_when_it_wraps() {
        let mut a = bundled_app();
        reader_on(&mut a, "elcomercio-paramilitaries");
        search(&mut a, "Legion");
        let Screen::Reader(v) = &a.screen else {
            panic!("reader")
        };
        let n = v.matches.len();
        assert!(n > 2, "{n} matches");
        assert!(
            labels(&a).iter().any(|l| l == "next match"),
            "{:?}",
            labels(&a)
        );
        let current = |a: &App| match &a.screen {
            Screen::Reader(v) => v.current,
            _ => None,
        };
        let start = current(&a).unwrap_or(0);
        for _ in 0..(n - 1 - start) {
            update(&mut a, Action::NextCite);
            assert_eq!(a.message, None, "no wrap before the last match");
        }
        update(&mut a, Action::NextCite);
        assert_eq!(current(&a), Some(0));
        assert!(
            a.message
                .as_deref()
                .is_some_and(|m| m.starts_with("search wrapped"))
        );
        update(&mut a, Action::PrevCite);
        assert_eq!(current(&a), Some(n - 1));
        assert!(
            a.message
                .as_deref()
                .is_some_and(|m| m.starts_with("search wrapped"))
        );
    }

    #[test]
    fn a_search_that_finds_nothing_says_pattern_not_found_and_n_repeats_it() {
        let mut a = bundled_app();
        reader_on(&mut a, "elcomercio-paramilitaries");
        search(&mut a, "zzqx");
        assert_eq!(a.message.as_deref(), Some("Pattern not found: zzqx"));
        let before = match &a.screen {
            Screen::Reader(v) => (v.top, v.highlight.clone()),
            _ => panic!("reader"),
        };
        update(&mut a, Action::NextCite);
        assert_eq!(a.message.as_deref(), Some("Pattern not found: zzqx"));
        let after = match &a.screen {
            Screen::Reader(v) => (v.top, v.highlight.clone()),
            _ => panic!("reader"),
        };
        assert_eq!(before, after, "n does not jump to a cited passage instead");
    }

    #[test]
    fn the_hint_line_says_where_each_hint_is() {
        let a = bundled_app();
        let (text, spans) = hint_line(&a);
        assert!(text.starts_with(" / filter  enter open"), "{text}");
        for (range, key) in &spans {
            let shown: String = text.chars().skip(range.start).take(range.len()).collect();
            assert!(
                shown.starts_with(&key.label()),
                "{shown:?} is {key:?}'s hint"
            );
        }
        assert_eq!(spans.len(), hints(&a).len());
    }
}
