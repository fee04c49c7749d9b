//! The scroll region proved with a terminal emulator: the bytes the browser sends,
//! fed through `vt100`, leave exactly the screen a full redraw leaves, for scrolling up
//! and down by 1, 3 and a page, and for moving through the index with the preview held,
//! rested and hidden; and the byte budgets of issue 7 at 120×40.

use super::*;
use crate::app::{Action, preview, update};
use crate::check::check;
use crate::data::DataRoot;
use crate::keymap::Keymap;
use crate::tui::seen::visible;
use crate::tui::sink::MemorySink as Sink;
use crate::ui::{Theme, render};
use ratatui::backend::CrosstermBackend;

const W: u16 = 120;
const H: u16 = 40;

struct Term {
    t: Terminal<ScrollBackend<CrosstermBackend<Sink>>>,
    sink: Sink,
}

fn terminal() -> Term {
    let sink = Sink::default();
    let backend = ScrollBackend::with_size(CrosstermBackend::new(sink.clone()), W, H);
    let t = Terminal::new(backend).unwrap_or_else(|e| panic!("terminal: {e}"));
    Term { t, sink }
}

fn parser() -> vt100::Parser {
    let n = |v: u16| std::num::NonZeroU16::new(v).unwrap_or(std::num::NonZeroU16::MIN);
    vt100::Parser::new(n(H), n(W), 0)
}

fn app() -> App {
    let report = check(&DataRoot::Bundled);
    App::new(report.corpus, Keymap::default_keymap(), (W, H))
}

/// The bytes written since the last call.
fn take(t: &mut Term) -> Vec<u8> {
    t.sink.take()
}

/// Draws `app` and returns the bytes sent.
fn frame(t: &mut Term, app: &App, before: &mut Option<ReaderPos>, theme: &Theme) -> Vec<u8> {
    *before = draw(&mut t.t, app, before.as_ref(), |f| render(app, theme, f))
        .unwrap_or_else(|e| panic!("draw: {e}"));
    take(t)
}

/// The screen a fresh terminal shows after one full redraw of `app`.
fn full_redraw(app: &App, theme: &Theme) -> vt100::Parser {
    let mut t = terminal();
    let mut none = None;
    let bytes = frame(&mut t, app, &mut none, theme);
    let mut p = parser();
    p.process(&bytes);
    p
}

/// Opens the longest bundled article in the reader, somewhere in the middle.
fn reader_app() -> App {
    let mut a = app();
    let longest = (0..a.corpus.sources.len())
        .max_by_key(|&i| a.corpus.sources[i].article.text.len())
        .unwrap_or(0);
    // Through the passage search: a sentence of that article.
    let first_sentence =
        crate::search::passages::sentences(&a.corpus.sources[longest].article.text)
            .get(30)
            .cloned()
            .unwrap_or(0..0);
    let words: String = a.corpus.sources[longest].article.text[first_sentence]
        .split(' ')
        .take(4)
        .collect::<Vec<_>>()
        .join(" ");
    update(&mut a, Action::SearchPassages);
    for c in format!("'{words}").chars() {
        update(&mut a, Action::Input(c));
    }
    update(&mut a, Action::Accept);
    update(&mut a, Action::Open);
    assert!(matches!(a.screen, Screen::Reader(_)), "reader open");
    a
}

#[test]
fn scrolled_screen_equals_a_full_redraw() {
    let theme = Theme::default_theme(false);
    let mut a = reader_app();
    let mut t = terminal();
    let mut before = None;
    let mut screen = parser();
    screen.process(&frame(&mut t, &a, &mut before, &theme));
    let page = a.list_rows(crate::geometry::Shape::Reader);
    let steps: Vec<(&str, Vec<Action>)> = vec![
        ("down 1", vec![Action::Down]),
        ("down 3", vec![Action::Down; 3]),
        ("down a page", vec![Action::PageDown]),
        ("up 1", vec![Action::Up]),
        ("up 3", vec![Action::Up; 3]),
        ("up a page", vec![Action::PageUp]),
        (
            "search match",
            vec![Action::Search, Action::Input('t'), Action::Accept],
        ),
        ("down 1 with matches", vec![Action::Down]),
        ("to the end", vec![Action::Bottom]),
        ("up 1 at the end", vec![Action::Up]),
    ];
    let mut scrolled = 0;
    for (name, actions) in steps {
        let top_before = match &a.screen {
            Screen::Reader(v) => v.top,
            _ => 0,
        };
        for act in actions {
            update(&mut a, act);
        }
        let bytes = frame(&mut t, &a, &mut before, &theme);
        let top_after = match &a.screen {
            Screen::Reader(v) => v.top,
            _ => 0,
        };
        let moved = top_before.abs_diff(top_after);
        if moved > 0 && moved < page {
            scrolled += 1;
            assert!(
                bytes.windows(4).any(|w| w == b"\x1b[2;"),
                "{name}: expected a scroll region"
            );
        }
        screen.process(&bytes);
        let want = full_redraw(&a, &theme);
        assert_eq!(
            visible(&screen),
            visible(&want),
            "{name}: the screen differs from a full redraw"
        );
    }
    assert!(
        scrolled >= 5,
        "the scroll region was used ({scrolled} times)"
    );
}

/// Applies `actions` as one batch of input and holds the preview as the terminal loop
/// does (`tui::rest`).
fn batch(a: &mut App, actions: &[Action]) {
    let before = preview::shown(a);
    for act in actions {
        update(a, act.clone());
    }
    preview::hold(a, before);
}

/// Holding a key in the index (the preview held), then resting (the preview follows):
/// after every frame the screen equals a full redraw of the same state, in both scopes.
#[test]
fn held_and_settled_preview_screens_equal_a_full_redraw() {
    let theme = Theme::default_theme(false);
    let mut a = app();
    let mut t = terminal();
    let mut before = None;
    let mut screen = parser();
    screen.process(&frame(&mut t, &a, &mut before, &theme));
    let mut check = |a: &mut App, name: &str, actions: &[Action], settle: bool| {
        batch(a, actions);
        if settle {
            preview::settle(a);
        }
        screen.process(&frame(&mut t, a, &mut before, &theme));
        assert_eq!(
            visible(&screen),
            visible(&full_redraw(a, &theme)),
            "{name}: the screen differs from a full redraw"
        );
    };
    check(&mut a, "down 1, held", &[Action::Down], false);
    assert!(a.preview.held.is_some(), "the preview is held");
    check(
        &mut a,
        "down 3, held",
        &[Action::Down, Action::Down, Action::Down],
        false,
    );
    check(&mut a, "a page, held", &[Action::PageDown], false);
    check(&mut a, "rested", &[], true);
    check(&mut a, "up 1, held", &[Action::Up], false);
    check(&mut a, "to the end, rested", &[Action::Bottom], true);
    check(&mut a, "hidden", &[Action::TogglePreview], false);
    check(&mut a, "top, hidden", &[Action::Top], false);
    check(&mut a, "shown again", &[Action::TogglePreview], false);
    let search: Vec<Action> = std::iter::once(Action::SearchPassages)
        .chain("moscow".chars().map(Action::Input))
        .chain([Action::Accept])
        .collect();
    check(&mut a, "passages", &search, true);
    check(
        &mut a,
        "passages down 2, held",
        &[Action::Down, Action::Down],
        false,
    );
    assert!(a.preview.held.is_some(), "the passage preview is held");
    check(&mut a, "passages rested", &[], true);
}

/// Bytes sent at 120×40 for the moves issue 7 budgets, against a full redraw.
#[test]
fn bytes_per_move_stay_within_budget() {
    let theme = Theme::default_theme(false);
    let mut a = app();
    let mut t = terminal();
    let mut before = None;
    let first = frame(&mut t, &a, &mut before, &theme).len();
    // Issue 7's budget: 300 bytes to move the selection one row. What goes out at once
    // is the list's two rows; the preview beside it follows once the selection rests
    // (held by the terminal loop, as `batch` does), in a frame of its own.
    batch(&mut a, &[Action::Down]);
    let select = frame(&mut t, &a, &mut before, &theme).len();
    assert!(select <= 300, "moving the selection sent {select} bytes");
    preview::settle(&mut a);
    let deferred = frame(&mut t, &a, &mut before, &theme).len();
    assert!(
        deferred > 0 && deferred < first / 2,
        "the deferred preview sent {deferred} of {first} bytes"
    );
    // With the preview hidden (`v`), the list's rows alone, each frame.
    batch(&mut a, &[Action::TogglePreview]);
    frame(&mut t, &a, &mut before, &theme);
    batch(&mut a, &[Action::Down]);
    let hidden = frame(&mut t, &a, &mut before, &theme).len();
    assert!(
        hidden <= 300,
        "moving with the preview hidden sent {hidden} bytes"
    );

    let mut r = reader_app();
    let mut t = terminal();
    let mut before = None;
    frame(&mut t, &r, &mut before, &theme);
    update(&mut r, Action::Down);
    let line = frame(&mut t, &r, &mut before, &theme).len();
    assert!(line <= 400, "scrolling one line sent {line} bytes");
    update(&mut r, Action::PageDown);
    let page = frame(&mut t, &r, &mut before, &theme).len();
    assert!(page < first * 2, "a page sent {page} bytes");
}

/// Ctrl-L and the resume after Ctrl-Z clear the terminal through ratatui, which asks the
/// backend where the cursor is. Asking the terminal (`CSI 6n`) raced the input thread
/// for the reply and ended the browser; the backend answers from what it last set, so
/// the clear works with no terminal to answer and sends no query.
#[test]
fn clearing_never_asks_the_terminal_where_the_cursor_is() {
    let theme = Theme::default_theme(false);
    let a = app();
    let mut t = terminal();
    let mut before = None;
    frame(&mut t, &a, &mut before, &theme);
    t.t.set_cursor_position((7, 3))
        .unwrap_or_else(|e| panic!("set cursor: {e}"));
    t.t.clear()
        .unwrap_or_else(|e| panic!("clear asked the terminal: {e}"));
    let sent = take(&mut t);
    assert!(
        !sent.windows(4).any(|w| w == b"\x1b[6n"),
        "a cursor position query was sent"
    );
    assert_eq!(
        t.t.get_cursor_position()
            .unwrap_or_else(|e| panic!("get cursor: {e}")),
        Position::new(7, 3),
        "the cursor is put back where it was"
    );
    // And the next frame repaints everything, as a redraw must.
    let redraw = frame(&mut t, &a, &mut before, &theme);
    let mut p = parser();
    p.process(&redraw);
    assert_eq!(visible(&p), visible(&full_redraw(&a, &theme)));
}

/// Symbols a terminal would obey or hide, set straight into cells (`Cell::set_symbol`
/// bypasses ratatui's filtering, as a view or widget that forgot to sanitise could).
const HOSTILE: &[&str] = &[
    "\u{1b}]0;T\u{7}",
    "\u{9b}",
    "a\u{202e}",
    "e\u{200d}",
    "x\u{e0041}",
    "\u{1b}\u{200b}",
    "\u{7}\u{2060}",
];

/// Draws `app` with hostile cells laid over the frame along a diagonal that moves with
/// `seed`; returns the bytes sent.
fn hostile_frame(
    t: &mut Term,
    app: &App,
    before: &mut Option<ReaderPos>,
    theme: &Theme,
    seed: usize,
) -> Vec<u8> {
    *before = draw(&mut t.t, app, before.as_ref(), |f| {
        render(app, theme, f);
        let buf = f.buffer_mut();
        for i in 0..usize::from(H) {
            let (x, y) = (((seed * 7 + i * 13) % usize::from(W)) as u16, i as u16);
            buf[(x, y)].set_symbol(HOSTILE[(seed + i) % HOSTILE.len()]);
        }
    })
    .unwrap_or_else(|e| panic!("draw: {e}"));
    take(t)
}

/// Scrolling the reader and drawing over it, hostile cells included: no byte sent is an
/// unsafe character outside the browser's own sequences (the encoder's `cell_text` is
/// the one way a cell reaches the terminal, and the scroll region writes no text).
#[test]
fn hostile_cells_never_reach_the_terminal_raw() {
    let theme = Theme::default_theme(false);
    let mut a = reader_app();
    let mut t = terminal();
    let mut before = None;
    let steps = [
        vec![],
        vec![Action::Down],
        vec![Action::Down; 3],
        vec![Action::PageDown],
        vec![Action::Up],
        vec![Action::PageUp],
        vec![Action::Bottom],
    ];
    for (seed, actions) in steps.into_iter().enumerate() {
        for act in actions {
            update(&mut a, act);
        }
        let bytes = hostile_frame(&mut t, &a, &mut before, &theme, seed);
        assert_eq!(
            crate::tui::encode::scan::stray_unsafe(&bytes),
            Vec::<char>::new(),
            "step {seed}: {:?}",
            String::from_utf8_lossy(&bytes)
        );
    }
}
