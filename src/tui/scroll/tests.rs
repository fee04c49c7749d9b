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
    let first = frame(&mut t, &a, &mut before, &theme);
    screen.process(&first);
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
    let mut regions = count(&first, b"\x1b[2;38r");
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
        regions += count(&bytes, b"\x1b[2;38r");
        if moved > 0 && moved < page {
            scrolled += 1;
            let su_sd = format!(
                "\x1b[{}{}",
                if moved == 1 {
                    String::new()
                } else {
                    moved.to_string()
                },
                if top_after > top_before { 'S' } else { 'T' }
            );
            assert_eq!(
                count(&bytes, su_sd.as_bytes()),
                1,
                "{name}: expected the terminal to scroll the text ({su_sd:?})"
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
    // The region is set once (with the reader's first frame) and kept while it shows.
    assert_eq!(regions, 1, "the scroll region was set {regions} times");
}

/// How many times `pattern` occurs in `bytes`.
fn count(bytes: &[u8], pattern: &[u8]) -> usize {
    bytes
        .windows(pattern.len())
        .filter(|w| *w == pattern)
        .count()
}

/// The one-line scroll, byte for byte, once the region is set: the scroll, the new line
/// and the position line's new numbers; no region, no reset of a plain rendition.
#[test]
fn a_one_line_scroll_sends_the_scroll_the_line_and_the_numbers() {
    let theme = Theme::default_theme(false);
    let mut a = reader_app();
    let mut t = terminal();
    let mut before = None;
    let opened = frame(&mut t, &a, &mut before, &theme);
    assert!(
        opened.starts_with(b"\x1b[2;38r"),
        "the reader's first frame sets the region: {:?}",
        String::from_utf8_lossy(&opened)
    );
    update(&mut a, Action::Down);
    let first = frame(&mut t, &a, &mut before, &theme);
    // The first scroll sets the default rendition: the frame before ended on the
    // reversed status line, and a terminal with `bce` (the Linux console with reverse
    // too) fills the line scrolled in with it.
    assert!(
        first.starts_with(b"\x1b[m\x1b[S"),
        "the first scroll sets a plain rendition: {:?}",
        String::from_utf8_lossy(&first)
    );
    for (name, action, scroll) in [
        ("down", Action::Down, b"\x1b[S"),
        ("up", Action::Up, b"\x1b[T"),
    ] {
        update(&mut a, action);
        let bytes = frame(&mut t, &a, &mut before, &theme);
        assert!(
            bytes.starts_with(scroll),
            "{name}: the scroll alone first: {:?}",
            String::from_utf8_lossy(&bytes)
        );
        assert_eq!(count(&bytes, b"\x1b[2;38r"), 0, "{name}: region sent again");
        assert_eq!(count(&bytes, b"\x1b[0m"), 0, "{name}: rendition reset");
    }
}

/// Steps through the reader with the region kept, then does what must reset it: each
/// time the screen equals a full redraw, and the region is the whole screen again when
/// the reader is gone (an overlay, another view), or the reader's rows set again (not
/// trusted from before) when the terminal was resized or cleared under it.
#[test]
fn the_kept_region_is_reset_when_the_reader_goes() {
    let theme = Theme::default_theme(false);
    let check =
        |name: &str, reader: bool, after: &dyn Fn(&mut App, &mut Term, &mut vt100::Parser)| {
            let mut a = reader_app();
            let mut t = terminal();
            let mut before = None;
            let mut screen = parser();
            screen.process(&frame(&mut t, &a, &mut before, &theme));
            update(&mut a, Action::Down);
            screen.process(&frame(&mut t, &a, &mut before, &theme));
            after(&mut a, &mut t, &mut screen);
            screen.process(&frame(&mut t, &a, &mut before, &theme));
            assert_eq!(
                visible(&screen),
                visible(&full_redraw(&a, &theme)),
                "{name}: the screen differs from a full redraw"
            );
            // A line feed at the last text row: with the reader gone it moves down to the
            // position line (the region is the whole screen again); with the reader on
            // screen it scrolls the text, the region being the reader's rows, set again.
            let row = screen.screen().contents_between(1, 0, 1, W);
            screen.process(b"\x1b[38H\n");
            let (line, scrolled) = if reader { (37, true) } else { (38, false) };
            assert_eq!(
                screen.screen().cursor_position().0,
                line,
                "{name}: margins (the reader's: {reader})"
            );
            assert_eq!(
                screen.screen().contents_between(1, 0, 1, W) != row,
                scrolled,
                "{name}: scrolled (the reader's margins: {reader})"
            );
        };
    check("help over the reader", false, &|a, _, _| {
        update(a, Action::Help).map_or((), |_| ())
    });
    check("back to the dossier", false, &|a, _, _| {
        update(a, Action::Back).map_or((), |_| ())
    });
    check("ctrl-l", true, &|_, t, _| {
        t.t.clear().unwrap_or_else(|e| panic!("clear: {e}"));
    });
    // A terminal that keeps its margins over a resize (vt100 resets them, as xterm
    // does; set them again as such a terminal would have them): the next frame sets
    // the reader's before anything moves over them.
    check("resize, margins kept", true, &|a, t, screen| {
        for h in [H - 1, H] {
            t.t.backend_mut().resize_fixed(W, h);
            screen.screen_mut().set_size(nz(h), nz(W));
            screen.process(b"\x1b[2;38r");
            update(a, Action::Resize(W, h));
            if h != H {
                let mut none = None;
                screen.process(&frame(t, a, &mut none, &theme));
            }
        }
    });
    // Ctrl-Z: the terminal is restored (margins reset, main screen), then entered again
    // and cleared, as the event loop does on SIGCONT.
    check("suspend and resume", true, &|_, t, screen| {
        screen.process(crate::tui::term::RESTORE);
        screen.process(b"\x1b[?1049h\x1b[?25l");
        t.t.clear().unwrap_or_else(|e| panic!("clear: {e}"));
    });
}

fn nz(v: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(v).unwrap_or(std::num::NonZeroU16::MIN)
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

/// Reading the longest bundled article (El Comercio's) a line at a time, down to its end
/// and back up: what each line sends beyond the text it brings into view (its gutter
/// mark, colours, the scroll, the moves and the position line). `less` spends 17.8 bytes
/// a line on the same article at 120×40 (10.1 going down, `scripts/bytes-vs-less.sh`);
/// 9.8 here, kept there by the region kept between frames (set with the reader's first
/// frame), no reset of a plain rendition, the frame starting on the cursor's row, a line
/// feed or reverse index at a margin instead of SU/SD, a reverse index for one row up, a
/// plain position line that changes a digit or two (right-aligned, so a new digit moves
/// nothing), the cursor saved after that number and come back to by DECRC, and a gutter
/// mark without colour. Undoing either of the last two takes this over 10.2 (11.4 and
/// 14.2); the reverse index and the aligned number are proved byte for byte in
/// `encode::tests` and [`a_new_digit_in_the_line_number_moves_nothing_else`].
#[test]
fn a_line_scroll_sends_little_beyond_the_line() {
    let theme = Theme::default_theme(false);
    let mut a = reader_app();
    update(&mut a, Action::Top);
    // As opened from the sources view (the script's way): no quote highlighted, no
    // search.
    if let Screen::Reader(v) = &mut a.screen {
        *v = crate::app::ReaderView {
            source: v.source,
            highlight: None,
            top: 0,
            search: String::new(),
            typing: false,
            matches: Vec::new(),
            current: None,
            selection: None,
        };
    }
    let mut t = terminal();
    let mut before = None;
    let mut screen = parser();
    screen.process(&frame(&mut t, &a, &mut before, &theme));
    let (mut sent, mut text, mut lines) = (0, 0, 0);
    for (act, row) in [(Action::Down, H - 3), (Action::Up, 1)] {
        loop {
            let top = |a: &App| match &a.screen {
                Screen::Reader(v) => v.top,
                _ => 0,
            };
            let was = top(&a);
            update(&mut a, act.clone());
            if top(&a) == was {
                break;
            }
            let bytes = frame(&mut t, &a, &mut before, &theme);
            screen.process(&bytes);
            sent += bytes.len();
            text += screen
                .screen()
                .contents_between(row, 2, row, W)
                .trim_end()
                .len();
            lines += 1;
            assert_eq!(
                visible(&screen),
                visible(&full_redraw(&a, &theme)),
                "line {lines}: the screen differs from a full redraw"
            );
        }
    }
    assert!(lines > 100, "{lines} lines scrolled");
    let overhead = (sent - text) as f64 / lines as f64;
    assert!(
        overhead <= 10.2,
        "{overhead:.1} bytes a line beyond the text ({sent} bytes, {text} of text, {lines} lines)"
    );
}

/// With the cursor already on the margin the text leaves by, one line scrolls by a line
/// feed (at the bottom margin) or a reverse index (at the top one), not SU/SD; anywhere
/// else, SU/SD. (That the screen stays true either way is checked line by line in
/// `a_line_scroll_sends_little_beyond_the_line`.)
#[test]
fn one_line_at_a_margin_scrolls_by_line_feed_or_reverse_index() {
    let mut t = terminal();
    let b = t.t.backend_mut();
    b.margins(Some(1..38))
        .unwrap_or_else(|e| panic!("margins: {e}"));
    let step = |b: &mut ScrollBackend<CrosstermBackend<Sink>>, at: (u16, u16), delta| {
        b.set_cursor_position(at)
            .unwrap_or_else(|e| panic!("cursor: {e}"));
        b.scroll(1..38, delta)
            .unwrap_or_else(|e| panic!("scroll: {e}"));
    };
    step(b, (5, 10), 1);
    let _ = t.sink.take();
    let b = t.t.backend_mut();
    step(b, (5, 37), 1);
    step(b, (5, 1), -1);
    step(b, (5, 37), -1);
    step(b, (5, 1), 1);
    let sent = String::from_utf8_lossy(&t.sink.take()).to_string();
    assert_eq!(
        sent,
        "\u{1b}[38;6H\n\u{1b}[2;6H\u{1b}M\u{1b}[38;6H\u{1b}[T\u{1b}[2;6H\u{1b}[S"
    );
}

/// The position line's number is right-aligned to the total's width: from line 9 to
/// line 10 the frame writes the two digits, not " of N" again after them.
#[test]
fn a_new_digit_in_the_line_number_moves_nothing_else() {
    let theme = Theme::default_theme(false);
    let mut a = reader_app();
    update(&mut a, Action::Top);
    for _ in 0..8 {
        update(&mut a, Action::Down);
    }
    let mut t = terminal();
    let mut before = None;
    let mut screen = parser();
    screen.process(&frame(&mut t, &a, &mut before, &theme));
    let foot = H - 2;
    let shown = screen.screen().contents_between(foot, 0, foot, W);
    assert!(shown.starts_with(" line   9 of "), "{shown:?}");
    update(&mut a, Action::Down);
    let bytes = frame(&mut t, &a, &mut before, &theme);
    screen.process(&bytes);
    let shown = screen.screen().contents_between(foot, 0, foot, W);
    assert!(shown.starts_with(" line  10 of "), "{shown:?}");
    assert_eq!(
        count(&bytes, b" of "),
        0,
        "{:?}",
        String::from_utf8_lossy(&bytes)
    );
    assert_eq!(
        count(&bytes, b"10"),
        1,
        "{:?}",
        String::from_utf8_lossy(&bytes)
    );
}
