//! Property tests (proptest) of what hostile text and a hostile terminal can reach:
//! sanitising, wrapping, quote resolution and its highlight, and the whole browser
//! driven by random keys at random sizes. Text is drawn from a mix of ordinary letters,
//! wide and combining characters, and every kind of control, bidi and invisible
//! character, so most cases carry several attacks at once.

use std::sync::OnceLock;

use dossier::app::mouse::{Button, Mouse, MouseKind, handle};
use dossier::app::{Action, App, update};
use dossier::check::check;
use dossier::corpus::{Article, resolve};
use dossier::data::DataRoot;
use dossier::geometry::wrap::{char_width, wrap};
use dossier::keymap::{Key, KeyCode, Keymap};
use dossier::model::Corpus;
use dossier::text::fold_str;
use dossier::text::sanitize::{is_unsafe, sanitize, sanitize_line};
use dossier::ui::text::{display_char, styled};
use dossier::ui::{Theme, render};
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::{Modifier, Style};

/// One character, biased towards the ones a terminal would obey or hide.
fn hostile_char() -> impl Strategy<Value = char> {
    prop_oneof![
        3 => prop::sample::select(vec![
            'a', 'b', 'Q', ' ', ' ', '.', '«', '»', '’', '—', 'Ж', '日', '\u{301}', '😀',
        ]),
        3 => prop::sample::select(vec![
            '\u{1b}', '\u{7}', '\r', '\n', '\t', '\u{8}', '\u{0}', '\u{7f}', '\u{9b}',
            '\u{9d}', '\u{9c}', '\u{85}', '\u{202e}', '\u{202a}', '\u{2066}', '\u{2069}',
            '\u{200b}', '\u{200f}', '\u{feff}', '\u{2028}', '\u{e0041}', '\u{ad}',
        ]),
        1 => any::<char>(),
    ]
}

fn hostile_text(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(hostile_char(), 0..max).prop_map(|v| v.into_iter().collect())
}

/// The display form of raw text, as the browser draws it.
fn displayed(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        display_char(c, &mut out);
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn sanitising_leaves_no_control_and_is_idempotent(s in hostile_text(64)) {
        let once = sanitize(&s);
        prop_assert!(!once.chars().any(|c| is_unsafe(c) && c != '\n'), "{once:?}");
        prop_assert_eq!(sanitize(&once), once.clone());
        let line = sanitize_line(&s);
        prop_assert!(!line.chars().any(is_unsafe), "{line:?}");
        prop_assert_eq!(sanitize_line(&line), line.clone());
        // Every safe character survives, in order: only unsafe ones are replaced.
        let mut rest = once.chars();
        for c in s.chars().filter(|c| !is_unsafe(*c) || *c == '\n') {
            prop_assert!(rest.any(|o| o == c), "{c:?} of {s:?} lost in {once:?}");
        }
        prop_assert!(!displayed(&s).chars().any(is_unsafe));
    }

    #[test]
    fn wrapping_keeps_char_boundaries_order_and_width(s in hostile_text(120), width in 0usize..50) {
        let lines = wrap(&s, width);
        prop_assert!(!lines.is_empty());
        let mut last_end = 0;
        for r in &lines {
            prop_assert!(s.get(r.clone()).is_some(), "{r:?} not on char boundaries of {s:?}");
            prop_assert!(r.start >= last_end, "lines overlap or go backwards: {lines:?}");
            last_end = r.end;
            let line = &s[r.clone()];
            let cols: usize = line.chars().map(char_width).sum();
            let widest = line.chars().map(char_width).max().unwrap_or(0);
            prop_assert!(cols <= width.max(1).max(widest), "{line:?} is {cols} wide at {width}");
            prop_assert!(!line.contains('\n'));
        }
        // Only newlines and breaking spaces are left out.
        let dropped: String = {
            let mut covered = vec![false; s.len()];
            for r in &lines {
                for i in r.clone() { covered[i] = true; }
            }
            s.char_indices().filter(|(i, _)| !covered[*i]).map(|(_, c)| c).collect()
        };
        prop_assert!(dropped.chars().all(|c| c == '\n' || c == ' '), "dropped {dropped:?}");
    }

    #[test]
    fn a_resolved_quote_is_exactly_the_quote_and_exactly_what_is_highlighted(
        s in hostile_text(80),
        a in 0usize..80,
        len in 1usize..30,
        width in 1usize..40,
    ) {
        let chars: Vec<(usize, char)> = s.char_indices().collect();
        prop_assume!(a < chars.len());
        let start = chars[a].0;
        let end = chars.get(a + len).map_or(s.len(), |c| c.0);
        let quote = &s[start..end];
        prop_assume!(!fold_str(quote).trim().is_empty());
        let article = Article::new(s.clone());
        let Ok(anchor) = resolve(&article, quote, None, None) else {
            // Ambiguous or not found after folding: nothing to highlight.
            return Ok(());
        };
        let hit = s.get(anchor.range.clone());
        prop_assert!(hit.is_some(), "{:?} not on char boundaries", anchor.range);
        let hit = hit.unwrap_or_default();
        if anchor.folded {
            prop_assert_eq!(fold_str(hit), fold_str(quote));
        } else {
            prop_assert_eq!(hit, quote);
        }
        // Drawn wrapped, the highlighted cells are exactly the quote's characters (less
        // the newlines and breaking spaces that wrapping leaves out).
        let hl = Style::default().add_modifier(Modifier::REVERSED);
        let mut shown = String::new();
        let mut expected = String::new();
        for l in wrap(&s, width) {
            let slice = &s[l.clone()];
            for span in styled(slice, |_, b| {
                if anchor.range.contains(&(l.start + b)) { hl } else { Style::default() }
            }) {
                if span.style == hl {
                    shown.push_str(&span.content);
                }
            }
            for (b, c) in slice.char_indices() {
                if anchor.range.contains(&(l.start + b)) {
                    display_char(c, &mut expected);
                }
            }
        }
        prop_assert_eq!(&shown, &expected);
        let quote_shown: String = displayed(&hit.replace('\n', ""));
        prop_assert!(quote_shown.replace(' ', "") == shown.replace(' ', ""), "{quote_shown:?} vs {shown:?}");
    }
}

/// The hostile fixture corpus, checked once.
fn corpus() -> &'static Corpus {
    static C: OnceLock<Corpus> = OnceLock::new();
    C.get_or_init(|| {
        let root = DataRoot::Dir(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile"),
        );
        let report = check(&root);
        assert_eq!(report.errors(), 0, "the hostile fixture must check");
        report.corpus
    })
}

fn key() -> impl Strategy<Value = Key> {
    let code = prop_oneof![
        4 => prop::sample::select(vec![
            'j', 'k', 'n', 'N', '/', 'g', 'G', 'y', '?', 'q', 'h', 'l', ' ', 'x', 'Я', '\u{1b}',
        ]).prop_map(KeyCode::Char),
        1 => any::<char>().prop_map(KeyCode::Char),
        3 => prop::sample::select(vec![
            KeyCode::Enter, KeyCode::Esc, KeyCode::Backspace, KeyCode::Tab, KeyCode::BackTab,
            KeyCode::Up, KeyCode::Down, KeyCode::Left, KeyCode::Right, KeyCode::Home,
            KeyCode::End, KeyCode::PageUp, KeyCode::PageDown, KeyCode::Delete,
        ]),
    ];
    (code, prop::bool::weighted(0.1), prop::bool::weighted(0.05))
        .prop_map(|(code, ctrl, alt)| Key { code, ctrl, alt })
}

/// One step of a session: a key, a resize the app is told about, or a draw at a size
/// it was not told about (a resize still in flight).
#[derive(Debug, Clone)]
enum Step {
    Key(Key),
    Resize(u16, u16),
    Draw(u16, u16),
    /// A mouse report anywhere, off the screen too (a report sent before a resize).
    Mouse(Mouse),
    /// A bracketed paste of anything, controls and escapes included.
    Paste(String),
}

fn mouse() -> impl Strategy<Value = Mouse> {
    let kind = prop::sample::select(vec![
        MouseKind::Down(Button::Left),
        MouseKind::Down(Button::Left),
        MouseKind::Down(Button::Right),
        MouseKind::Up(None),
        MouseKind::Drag(Button::Left),
        MouseKind::ScrollUp,
        MouseKind::ScrollDown,
    ]);
    (kind, 0u16..=320, 0u16..=110).prop_map(|(k, c, r)| Mouse::at(k, c, r))
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        8 => key().prop_map(Step::Key),
        2 => mouse().prop_map(Step::Mouse),
        1 => any::<String>().prop_map(Step::Paste),
        1 => Just(Step::Paste("\u{1b}[31mRT61\r\n\u{202e}mortars\u{7}".into())),
        1 => (0u16..=300, 0u16..=100).prop_map(|(w, h)| Step::Resize(w, h)),
        1 => (0u16..=300, 0u16..=100).prop_map(|(w, h)| Step::Draw(w, h)),
    ]
}

/// Draws the app at `w`×`h` and returns the first cell that holds a character a
/// terminal would obey or hide (an escape, a C1 control, a bidi override…), with its
/// position: the hostile corpus is full of them, and none may reach the screen.
fn draw(app: &App, theme: &Theme, w: u16, h: u16) -> Option<(u16, u16, String)> {
    let mut t = match Terminal::new(TestBackend::new(w, h)) {
        Ok(t) => t,
        Err(e) => panic!("test backend: {e}"),
    };
    if let Err(e) = t.draw(|f| render(app, theme, f)) {
        panic!("draw at {w}×{h}: {e}");
    }
    let buf = t.backend().buffer();
    (0..h)
        .flat_map(|y| (0..w).map(move |x| (x, y)))
        .find(|&(x, y)| buf[(x, y)].symbol().chars().any(is_unsafe))
        .map(|(x, y)| (x, y, buf[(x, y)].symbol().to_owned()))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// The main loop's path for every key: keymap lookup, update, then a draw at the
    /// current size; any size from 0×0 to 300×100. Every frame is free of unsafe
    /// characters, and `update` handles each action whole: the main loop
    /// (src/tui/mod.rs) would run any follow-up action it returned, unbounded, so a
    /// follow-up appearing must come with a bound on the chain, here and there.
    #[test]
    fn random_keys_at_random_sizes_draw_only_safe_text(
        size in (0u16..=300, 0u16..=100),
        steps in prop::collection::vec(step(), 0..60),
        no_color in any::<bool>(),
    ) {
        let theme = Theme::default_theme(no_color);
        let mut app = App::new(corpus().clone(), Keymap::default_keymap(), size);
        let unsafe_cell = draw(&app, &theme, size.0, size.1);
        prop_assert_eq!(unsafe_cell, None, "first frame at {:?}", size);
        for s in steps {
            match &s {
                Step::Key(k) => {
                    match app.keymap.lookup(app.mode(), *k) {
                        // The terminal's business (main loop), not the app's.
                        None | Some(Action::Suspend | Action::Redraw) => {}
                        Some(a) => {
                            let follow_up = update(&mut app, a.clone());
                            prop_assert_eq!(
                                follow_up, None,
                                "update asked for a follow-up after {:?}", a
                            );
                        }
                    }
                    app.clipboard = None;
                    if app.quit {
                        return Ok(());
                    }
                }
                Step::Mouse(m) => {
                    // As the loop runs a click's actions: each through update, whole.
                    for a in handle(&mut app, *m) {
                        if matches!(a, Action::Suspend | Action::Redraw) {
                            continue;
                        }
                        let follow_up = update(&mut app, a.clone());
                        prop_assert_eq!(follow_up, None, "a follow-up after {:?} from {:?}", a, m);
                    }
                    app.clipboard = None;
                    if app.quit {
                        return Ok(());
                    }
                }
                Step::Paste(p) => {
                    let follow_up = update(&mut app, Action::Paste(p.clone()));
                    prop_assert_eq!(follow_up, None, "a follow-up after a paste");
                }
                Step::Resize(w, h) => {
                    let follow_up = update(&mut app, Action::Resize(*w, *h));
                    prop_assert_eq!(follow_up, None, "update asked for a follow-up after a resize");
                }
                Step::Draw(w, h) => {
                    let unsafe_cell = draw(&app, &theme, *w, *h);
                    prop_assert_eq!(unsafe_cell, None, "after {:?}", s);
                }
            }
            let unsafe_cell = draw(&app, &theme, app.size.0, app.size.1);
            prop_assert_eq!(unsafe_cell, None, "after {:?} on {:?}", s, app.mode());
        }
    }
}
