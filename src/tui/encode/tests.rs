//! The encoder proved with a terminal emulator: from any screen to any frame (random
//! text, wide characters, colours, attributes, blanks), the bytes leave the emulator
//! showing exactly the frame, cell by cell; and the sequences it is meant to save bytes
//! with are the ones it sends. Frames also hold hostile cells (escape, C0 and C1
//! controls, bidi controls, joiners, tag characters) set directly with `set_symbol`, as
//! ratatui's own text functions would filter some of them: the emulator shows them as
//! [`cell_text`] cleans them, and no unsafe character is in the bytes outside the
//! encoder's own sequences.

use super::*;
use proptest::prelude::*;
use ratatui::layout::Rect;
use ratatui::style::Style;

const W: u16 = 14;
const H: u16 = 4;

fn parser() -> vt100::Parser {
    let n = |v: u16| std::num::NonZeroU16::new(v).unwrap_or(std::num::NonZeroU16::MIN);
    vt100::Parser::new(n(H), n(W), 0)
}

fn vt_color(c: Color) -> vt100::Color {
    match c {
        Color::Reset => vt100::Color::Default,
        Color::Rgb(r, g, b) => vt100::Color::Rgb(r, g, b),
        Color::Indexed(i) => vt100::Color::Idx(i),
        Color::Black => vt100::Color::Idx(0),
        Color::Red => vt100::Color::Idx(1),
        Color::Green => vt100::Color::Idx(2),
        Color::Yellow => vt100::Color::Idx(3),
        Color::Blue => vt100::Color::Idx(4),
        Color::Magenta => vt100::Color::Idx(5),
        Color::Cyan => vt100::Color::Idx(6),
        Color::Gray => vt100::Color::Idx(7),
        Color::DarkGray => vt100::Color::Idx(8),
        Color::LightRed => vt100::Color::Idx(9),
        Color::LightGreen => vt100::Color::Idx(10),
        Color::LightYellow => vt100::Color::Idx(11),
        Color::LightBlue => vt100::Color::Idx(12),
        Color::LightMagenta => vt100::Color::Idx(13),
        Color::LightCyan => vt100::Color::Idx(14),
        Color::White => vt100::Color::Idx(15),
    }
}

/// What a person sees in a cell: a blank without reverse or underline looks the same
/// whatever its foreground, boldness or slant.
fn seen(text: &str, fg: vt100::Color, bg: vt100::Color, attrs: Attrs) -> String {
    let text = if text.is_empty() { " " } else { text };
    if text == " " && !attrs.underline && !attrs.inverse {
        return format!("' ' bg {bg:?}");
    }
    let Attrs {
        bold,
        dim,
        italic,
        underline,
        inverse,
    } = attrs;
    format!("{text:?} {fg:?} {bg:?} b{bold} d{dim} i{italic} u{underline} r{inverse}")
}

struct Attrs {
    bold: bool,
    dim: bool,
    italic: bool,
    underline: bool,
    inverse: bool,
}

/// Asserts the emulator shows `want`, cell by cell.
fn assert_shows(p: &vt100::Parser, want: &Buffer, context: &str) {
    let screen = p.screen();
    for y in 0..H {
        let mut x = 0;
        while x < W {
            let cell = &want[(x, y)];
            let m = cell.modifier;
            let expected = seen(
                cell.symbol(),
                vt_color(cell.fg),
                vt_color(cell.bg),
                Attrs {
                    bold: m.contains(Modifier::BOLD),
                    dim: m.contains(Modifier::DIM),
                    italic: m.contains(Modifier::ITALIC),
                    underline: m.contains(Modifier::UNDERLINED),
                    inverse: m.contains(Modifier::REVERSED),
                },
            );
            let got = match screen.cell(y, x) {
                Some(c) => seen(
                    c.contents(),
                    c.fgcolor(),
                    c.bgcolor(),
                    Attrs {
                        bold: c.bold(),
                        dim: c.dim(),
                        italic: c.italic(),
                        underline: c.underline(),
                        inverse: c.inverse(),
                    },
                ),
                None => "missing".into(),
            };
            assert_eq!(got, expected, "{context}: cell ({x}, {y})");
            x += (cell.symbol().width() as u16).max(1);
        }
    }
}

/// One styled run of text: (text, foreground, background, modifiers).
type Run = (String, Color, Color, Modifier);

fn run() -> impl Strategy<Value = Run> {
    let text = prop::sample::select(vec![
        " ", "   ", "a", "ab", "word ", "é", "Жук", "漢", "漢字", " x ", "      ",
    ]);
    let color = prop::sample::select(vec![
        Color::Reset,
        Color::Red,
        Color::Yellow,
        Color::LightBlue,
        Color::Indexed(200),
        Color::Rgb(1, 2, 3),
    ]);
    let modifier = prop::sample::select(vec![
        Modifier::empty(),
        Modifier::BOLD,
        Modifier::DIM,
        Modifier::BOLD | Modifier::ITALIC,
        Modifier::UNDERLINED,
        Modifier::REVERSED,
        Modifier::BOLD | Modifier::REVERSED,
    ]);
    let plain = prop::sample::select(vec![true, false]);
    (text, color.clone(), color, modifier, plain).prop_map(|(t, fg, bg, m, plain)| {
        // Half the runs unstyled, as most of a real screen is.
        if plain {
            (t.to_owned(), Color::Reset, Color::Reset, Modifier::empty())
        } else {
            (t.to_owned(), fg, bg, m)
        }
    })
}

/// A frame of rows of runs, written as ratatui writes text (so wide characters are
/// well formed).
fn frame_of(rows: &[Vec<Run>]) -> Buffer {
    let mut b = Buffer::empty(Rect::new(0, 0, W, H));
    for (y, runs) in rows.iter().enumerate().take(usize::from(H)) {
        let mut x = 0u16;
        for (text, fg, bg, m) in runs {
            if x >= W {
                break;
            }
            let style = Style::default().fg(*fg).bg(*bg).add_modifier(*m);
            let (nx, _) = b.set_stringn(x, y as u16, text, usize::from(W - x), style);
            x = nx;
        }
    }
    b
}

/// Symbols a cell could hold that a terminal would obey or hide: one control alone, or
/// a character with zero-width format characters after it (the way ratatui keeps a
/// joiner or a tag character in the cell of the letter before it). Each is one column
/// wide both as it is and as [`cell_text`] writes it, like the cells around it.
const HOSTILE: &[&str] = &[
    // A lone ASCII control would trip ratatui's own debug assertion in `Buffer::diff`
    // (it expects `set_symbol` callers to filter them), so each comes with a zero-width
    // character after it: still one column wide, and still what the encoder must clean.
    "\u{1b}\u{200b}",
    "\u{7}\u{2060}",
    "\u{8}\u{200b}",
    "\r\u{200b}",
    "\n\u{200b}",
    "\t\u{200b}",
    "\u{7f}\u{200b}",
    "\u{9b}",
    "\u{9d}",
    "\u{200b}",
    "a\u{202e}",
    "e\u{200d}",
    "x\u{e0041}\u{e007f}",
    "\u{2066}b\u{2069}",
    "k\u{feff}",
];

/// Hostile cells laid over a frame: (column, row, index into [`HOSTILE`]).
type Overlay = Vec<(u16, u16, usize)>;

fn overlay() -> impl Strategy<Value = Overlay> {
    prop::collection::vec((0..W, 0..H, 0..HOSTILE.len()), 0..8)
}

/// `b` with the hostile cells of `overlay` set directly, bypassing ratatui's filtering.
fn with_hostile(mut b: Buffer, overlay: &Overlay) -> Buffer {
    for &(x, y, i) in overlay {
        b[(x, y)].set_symbol(HOSTILE[i]);
    }
    b
}

fn frames() -> impl Strategy<Value = Vec<Buffer>> {
    let rows = prop::collection::vec(prop::collection::vec(run(), 0..7), H as usize);
    prop::collection::vec((rows, overlay()), 2..5).prop_map(|fs| {
        fs.iter()
            .map(|(rows, hostile)| with_hostile(frame_of(rows), hostile))
            .collect()
    })
}

/// `b` as a terminal shows it once written: every cell's text as [`cell_text`] makes it.
fn cleaned(b: &Buffer) -> Buffer {
    let mut b = b.clone();
    for c in &mut b.content {
        let text = cell_text(c.symbol()).into_owned();
        c.set_symbol(&text);
    }
    b
}

/// The scroll region the frames are written under: none, unknown, or any band of rows.
fn region() -> impl Strategy<Value = Region> {
    prop_oneof![
        2 => Just(Region::Full),
        1 => Just(Region::Unknown),
        3 => (0..H - 1)
            .prop_flat_map(|top| (Just(top), top + 1..H))
            .prop_map(|(top, bottom)| Region::Rows(top, bottom)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    /// Frame after frame, each written as the difference from the previous one with the
    /// state the previous one left, the emulator shows exactly the latest frame; after
    /// some frames the cursor is saved where it ended (as the reader saves it on its
    /// position line), so later frames may come back to it with DECRC.
    #[test]
    fn any_sequence_of_frames_shows_the_last_one(
        frames in frames(),
        colors in any::<bool>(),
        region in region(),
        saves in proptest::collection::vec(any::<bool>(), 16),
    ) {
        let encoder = Encoder::new(colors);
        let mut p = parser();
        let mut shown = Buffer::empty(Rect::new(0, 0, W, H));
        // The terminal's scroll region as the reader leaves it between frames: a line
        // feed at its bottom margin, or CUD/CUU across a margin, would not land where
        // the encoder thinks.
        if let Region::Rows(top, bottom) = region {
            p.process(format!("\x1b[{};{}r", top + 1, bottom + 1).as_bytes());
        }
        let mut known = Known::in_region(region);
        for (i, next) in frames.iter().enumerate() {
            let mut bytes = Vec::new();
            encoder.frame(&mut bytes, &shown, next, &mut known);
            if saves.get(i).copied().unwrap_or(false) {
                known.save_cursor(&mut bytes);
            }
            prop_assert_eq!(
                scan::stray_unsafe(&bytes),
                Vec::<char>::new(),
                "frame {}: {:?}",
                i,
                String::from_utf8_lossy(&bytes)
            );
            p.process(&bytes);
            let want = if colors { cleaned(next) } else { colourless(&cleaned(next)) };
            assert_shows(&p, &want, &format!("frame {i}"));
            shown = next.clone();
        }
    }
}

fn colourless(b: &Buffer) -> Buffer {
    let mut b = b.clone();
    for c in &mut b.content {
        c.fg = Color::Reset;
        c.bg = Color::Reset;
    }
    b
}

#[test]
fn a_cell_is_written_without_what_a_terminal_would_obey_or_hide() {
    for (symbol, text) in [
        ("a", "a"),
        ("漢", "漢"),
        ("é", "é"),
        ("\u{1b}", " "),
        ("\n", " "),
        ("\u{9b}", " "),
        ("a\u{202e}", "a"),
        ("e\u{200d}", "e"),
        ("x\u{e0041}\u{e007f}", "x"),
        ("\u{1b}]0;t\u{7}", "]0;t"),
    ] {
        assert_eq!(cell_text(symbol), text, "{symbol:?}");
    }
}

#[test]
fn a_rewritten_gap_is_cleaned_and_counted_as_cleaned() {
    // Row 0 changes at columns 0 and 3; the gap 1..3 holds a joiner after a letter. The
    // rewrite over it writes and counts "bc", never the joiner.
    let mut shown = buffer(&["abcd"]);
    shown[(1, 0)].set_symbol("b\u{200d}");
    let mut next = shown.clone();
    next[(0, 0)].set_symbol("X");
    next[(3, 0)].set_symbol("Y");
    let mut known = Known::default();
    let bytes = encode(&shown, &next, &mut known);
    assert_eq!(scan::stray_unsafe(&bytes), Vec::<char>::new());
    let text = String::from_utf8_lossy(&bytes);
    assert!(
        text.contains("XbcY"),
        "the gap rewritten without the joiner: {text:?}"
    );
}

fn buffer(rows: &[&str]) -> Buffer {
    let mut b = Buffer::empty(Rect::new(0, 0, W, H));
    for (y, r) in rows.iter().enumerate() {
        b.set_string(0, y as u16, r, Style::default());
    }
    b
}

fn encode(shown: &Buffer, next: &Buffer, known: &mut Known) -> Vec<u8> {
    let mut out = Vec::new();
    Encoder::new(true).frame(&mut out, shown, next, known);
    out
}

#[test]
fn a_shortened_row_is_erased_to_its_end_not_overwritten_with_blanks() {
    let shown = buffer(&["hello world!!"]);
    let next = buffer(&["hi"]);
    let bytes = encode(&shown, &next, &mut Known::default());
    // `h` is unchanged; `i` replaces `e`; the rest of the row is erased.
    assert_eq!(bytes, b"\x1b[1;2H\x1b[mi\x1b[K");
}

#[test]
fn a_short_gap_of_unchanged_cells_is_written_again_a_long_one_skipped() {
    let shown = buffer(&["aaaa", "abcdefghijklm"]);
    let next = buffer(&["abab", "Xbcdefghijklz"]);
    let mut known = Known::in_region(Region::Full);
    let bytes = encode(&shown, &next, &mut known);
    // Row 0: `b` at 1, the unchanged `a` written again (1 byte, less than a move), `b`.
    // Row 1: from (4, 0) to (0, 1) by LF CR; then a relative move over the 11 unchanged
    // cells (shorter than writing them again), and `z`.
    assert_eq!(bytes, b"\x1b[1;2H\x1b[mbab\n\rX\x1b[11Cz");
    // The next frame starts where this one left the cursor.
    let again = buffer(&["abab", "Xbcdefghijklz", "q"]);
    assert_eq!(encode(&next, &again, &mut known), b"\n\rq");
}

#[test]
fn only_the_attributes_that_change_are_sent() {
    let shown = buffer(&[]);
    let mut next = buffer(&[]);
    let bold_red = Style::default().fg(Color::Red).add_modifier(Modifier::BOLD);
    next.set_string(0, 0, "a", bold_red);
    next.set_string(1, 0, "b", bold_red.fg(Color::Blue));
    next.set_string(2, 0, "c", Style::default().fg(Color::Blue));
    let bytes = encode(&shown, &next, &mut Known::default());
    // One SGR for everything at first, then only the colour, then only bold off; the
    // rendition is left as the last cell had it (no reset at the end of the frame).
    assert_eq!(bytes, b"\x1b[H\x1b[0;1;31ma\x1b[34mb\x1b[22mc");
}

#[test]
fn without_colours_no_colour_is_sent() {
    let shown = buffer(&[]);
    let mut next = buffer(&[]);
    next.set_string(
        0,
        0,
        "ab",
        Style::default()
            .fg(Color::Red)
            .bg(Color::Indexed(17))
            .add_modifier(Modifier::REVERSED),
    );
    let mut out = Vec::new();
    Encoder::new(false).frame(&mut out, &shown, &next, &mut Known::default());
    assert_eq!(out, b"\x1b[H\x1b[0;7mab");
}

#[test]
fn erasing_happens_with_the_default_rendition_only() {
    // A reversed word followed by blanks: the erase must not run with reverse on (it
    // would fill the row with the reversed background in terminals with bce).
    let shown = buffer(&["old text here"]);
    let mut next = buffer(&[]);
    next.set_string(
        0,
        0,
        "new",
        Style::default().add_modifier(Modifier::REVERSED),
    );
    let bytes = encode(&shown, &next, &mut Known::default());
    assert_eq!(bytes, b"\x1b[H\x1b[0;7mnew\x1b[m\x1b[K");
    let mut p = parser();
    p.process(&encode(&buffer(&[]), &shown, &mut Known::default()));
    p.process(&bytes);
    assert_shows(&p, &next, "after the erase");
}

#[test]
fn a_blank_that_only_changes_its_foreground_is_not_sent() {
    // The reader's gutter is two cyan spaces on a line nothing cites: on a row a scroll
    // has just blanked they look exactly like what is there.
    let shown = buffer(&["ab"]);
    let mut next = buffer(&["ab"]);
    next.set_string(2, 0, "  ", Style::default().fg(Color::Cyan));
    next.set_string(4, 0, " ", Style::default().fg(Color::Red));
    assert_eq!(encode(&shown, &next, &mut Known::default()), b"");
    // Bold on a blank does not show either, but is still sent (here erased, as a full
    // redraw erases it): a terminal's screen dump (tmux `capture-pane -e`) would tell a
    // bold blank left from an earlier frame from a redraw.
    next.set_string(4, 0, " ", Style::default().add_modifier(Modifier::BOLD));
    assert_eq!(
        encode(&shown, &next, &mut Known::default()),
        b"\x1b[1;5H\x1b[m\x1b[K"
    );
    // One that shows (reversed, or on another background) is sent.
    next[(4, 0)].reset();
    next.set_string(4, 0, " ", Style::default().add_modifier(Modifier::REVERSED));
    next.set_string(5, 0, " ", Style::default().bg(Color::Blue));
    assert_eq!(
        encode(&shown, &next, &mut Known::default()),
        b"\x1b[1;5H\x1b[0;7m \x1b[0;44m "
    );
}

#[test]
fn no_relative_move_crosses_a_margin_of_the_scroll_region() {
    // Rows 1..=2 scroll. From row 2 (the bottom margin) to row 3 a line feed would scroll
    // the band and CUD would stop at the margin; from row 3 up to row 0, CUU would stop at
    // the top margin in xterm. Inside the band, and outside it, relative moves are fine.
    let shown = buffer(&[]);
    let next = buffer(&["a", "b", "c", "d"]);
    let mut known = Known::in_region(Region::Rows(1, 2));
    assert_eq!(
        encode(&shown, &next, &mut known),
        b"\x1b[H\x1b[ma\n\x08b\n\x08c\x1b[4Hd"
    );
    let back = buffer(&["A", "b", "c", "d"]);
    assert_eq!(encode(&next, &back, &mut known), b"\x1b[HA");
    // With the whole screen as the region the same frames move relatively.
    let mut known = Known::in_region(Region::Full);
    assert_eq!(
        encode(&shown, &next, &mut known),
        b"\x1b[H\x1b[ma\n\x08b\n\x08c\n\x08d"
    );
    assert_eq!(encode(&next, &back, &mut known), b"\x1b[HA");
    // Not known: no relative move up or down at all.
    let mut known = Known::default();
    assert_eq!(
        encode(&shown, &next, &mut known),
        b"\x1b[H\x1b[ma\x1b[2Hb\x1b[3Hc\x1b[4Hd"
    );
}

#[test]
fn a_frame_starts_on_the_row_the_cursor_is_on() {
    // The reader's frames often change the row the last frame ended on (its position
    // line) and one other: that row first saves the move there and back.
    let shown = buffer(&["ab", "cd"]);
    let next = buffer(&["Yb", "cX"]);
    let mut known = Known::in_region(Region::Full);
    known.cursor_at(1, 1);
    assert_eq!(encode(&shown, &next, &mut known), b"\x1b[mX\x1b[HY");
    let mut p = parser();
    p.process(&encode(&buffer(&[]), &shown, &mut Known::default()));
    p.process(b"\x1b[2;2H");
    p.process(&encode(&shown, &next, &mut {
        let mut k = Known::in_region(Region::Full);
        k.cursor_at(1, 1);
        k
    }));
    assert_shows(&p, &next, "rows out of order");
}

#[test]
fn blanks_leading_into_text_of_their_style_are_written_not_jumped() {
    // The index's rows: a bold name, two dim blanks, the dim summary. The blanks look
    // like the blank screen, but writing them (2 bytes, the dim style set anyway for the
    // summary) is shorter than jumping over them (a move of 4 bytes).
    let shown = buffer(&[]);
    let mut next = buffer(&[]);
    next.set_string(0, 0, "AB", Style::default().add_modifier(Modifier::BOLD));
    next.set_string(2, 0, "  c", Style::default().fg(Color::DarkGray));
    assert_eq!(
        encode(&shown, &next, &mut Known::default()),
        b"\x1b[H\x1b[0;1mAB\x1b[0;90m  c"
    );
}

#[test]
fn one_row_up_is_a_reverse_index_and_the_saved_cursor_comes_back_by_decrc() {
    // Rows 0..=2 scroll (the reader's text), row 3 stays (its position line). The frame
    // that ends after the position number saves the cursor there.
    let mut p = parser();
    p.process(b"\x1b[1;3r");
    let mut known = Known::in_region(Region::Rows(0, 2));
    let shown = buffer(&["aaaaaaaa", "bbbbbbbb", "cccccccc", "pos 7"]);
    let mut bytes = encode(&buffer(&[]), &shown, &mut known);
    assert_eq!(known.cursor(), Some((5, 3)));
    known.save_cursor(&mut bytes);
    assert!(
        bytes.ends_with(b"\x1b7"),
        "{:?}",
        String::from_utf8_lossy(&bytes)
    );
    let mut again = Vec::new();
    known.save_cursor(&mut again);
    assert_eq!(again, b"", "saved already");
    p.process(&bytes);
    // Each step: exactly `want` is sent, and the emulator shows the frame.
    let mut step = |from: &Buffer, to: &Buffer, want: &[u8], name: &str| {
        let bytes = encode(from, to, &mut known);
        assert_eq!(bytes, want, "{name}: {:?}", String::from_utf8_lossy(&bytes));
        p.process(&bytes);
        assert_shows(&p, to, name);
    };
    // The number first (the cursor's row), then one row up to the margin by a reverse
    // index (2 bytes, CUU is 3) and a carriage return.
    let next = buffer(&["aaaaaaaa", "bbbbbbbb", "xyzccccc", "pos 8"]);
    step(&shown, &next, b"\x088\x1bM\rxyz", "the reverse index");
    // From the bottom margin down to the number: across the margin only an absolute
    // move (6 bytes) or a DECRC to the saved cursor and a backspace (3).
    let last = buffer(&["aaaaaaaa", "bbbbbbbb", "XYZccccc", "pos 9"]);
    step(&next, &last, b"\rXYZ\x1b8\x089", "the DECRC");
    // DECRC also restores the saved rendition: it is taken when the cell wants that
    // rendition or the current one is it, never to land in a third.
    let mut red = last.clone();
    red.set_string(0, 2, "Q", Style::default().fg(Color::Red));
    let bytes = encode(&last, &red, &mut known);
    p.process(&bytes);
    for (pen, decrc) in [
        (Style::default(), true),
        (Style::default().fg(Color::Red), false),
    ] {
        let mut next = red.clone();
        next.set_string(4, 3, "1", pen);
        let mut k = known;
        let bytes = encode(&red, &next, &mut k);
        let used = bytes.windows(2).any(|w| w == b"\x1b8");
        assert_eq!(
            used,
            decrc,
            "{pen:?}: {:?}",
            String::from_utf8_lossy(&bytes)
        );
        if decrc {
            // Back in the saved (plain) rendition: no SGR after it.
            assert_eq!(
                bytes,
                b"\x1b8\x081",
                "{:?}",
                String::from_utf8_lossy(&bytes)
            );
        }
        let mut q = parser();
        q.process(&encode(&buffer(&[]), &red, &mut Known::default()));
        q.process(b"\x1b[1;3r\x1b[4;6H\x1b7\x1b[3;2H\x1b[31m");
        q.process(&bytes);
        assert_shows(&q, &next, &format!("{pen:?}"));
    }
}
