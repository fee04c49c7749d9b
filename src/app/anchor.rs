//! Readers keep their place across resizes. A reader's `top` is a display line, and a
//! display line means different text at another width; what the reader was looking at
//! is text. So before a resize the view is anchored to a byte of the article — the
//! highlighted quote or current search match when it is on screen, else the start of the
//! top line — with its row on screen, and after the re-wrap `top` is chosen so that the
//! same byte sits at the same relative height.

use std::ops::Range;

use super::ReaderView;
use super::reader::line_of;

/// A byte of the article and where it sat, as a share of the text area's height.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Anchor {
    offset: usize,
    /// Row of the anchor's line below `top`, and the height it was measured in.
    row: usize,
    height: usize,
}

/// What `v`, laid out in `lines` with `height` text rows, is showing.
pub fn anchor(v: &ReaderView, lines: &[Range<usize>], height: usize) -> Anchor {
    let height = height.max(1);
    let on_screen = |offset: usize| {
        let line = line_of(lines, offset);
        (line >= v.top && line < v.top + height).then(|| (offset, line - v.top))
    };
    let focus = v
        .current
        .and_then(|c| v.matches.get(c))
        .map(|m| m.start)
        .and_then(on_screen)
        .or_else(|| v.highlight.as_ref().and_then(|h| on_screen(h.start)));
    let (offset, row) = focus.unwrap_or_else(|| (lines.get(v.top).map_or(0, |l| l.start), 0));
    Anchor {
        offset,
        row,
        height,
    }
}

/// Moves `v.top` so the anchor's byte is at the same relative height in `lines` with
/// `height` text rows.
pub fn restore(v: &mut ReaderView, a: Anchor, lines: &[Range<usize>], height: usize) {
    let height = height.max(1);
    let row = (a.row * height / a.height).min(height - 1);
    let line = line_of(lines, a.offset);
    let max_top = lines.len().saturating_sub(height);
    v.top = line.saturating_sub(row).min(max_top);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geometry::wrap::wrap;

    fn view(top: usize, highlight: Option<Range<usize>>) -> ReaderView {
        ReaderView {
            source: 0,
            highlight,
            top,
            search: String::new(),
            typing: false,
            matches: Vec::new(),
            current: None,
            selection: None,
        }
    }

    const TEXT: &str = "The legion returns home. It was founded in spring. \
        The white-blue-white flag is its emblem. Fighters crossed the border at dawn \
        and took two villages, the governor said. Later they withdrew to Ukraine.";

    #[test]
    fn the_highlighted_quote_stays_at_the_same_relative_height() {
        let quote = TEXT.find("white-blue-white").unwrap_or(0);
        let wide = wrap(TEXT, 40);
        let narrow = wrap(TEXT, 12);
        // At 40 columns with 4 rows, the quote's line is row 2 when top is 0.
        let q_wide = line_of(&wide, quote);
        let mut v = view(q_wide.saturating_sub(1), Some(quote..quote + 16));
        let a = anchor(&v, &wide, 4);
        restore(&mut v, a, &narrow, 8);
        let q_narrow = line_of(&narrow, quote);
        assert!(
            q_narrow >= v.top && q_narrow < v.top + 8,
            "quote line {q_narrow} visible from top {}",
            v.top
        );
        assert_eq!(q_narrow - v.top, 2, "row 1 of 4 becomes row 2 of 8");
    }

    #[test]
    fn without_a_visible_focus_the_top_line_keeps_its_text() {
        let wide = wrap(TEXT, 40);
        let narrow = wrap(TEXT, 15);
        let mut v = view(2, None);
        let first_byte = wide[2].start;
        let a = anchor(&v, &wide, 3);
        restore(&mut v, a, &narrow, 3);
        let r = &narrow[v.top];
        assert!(
            r.start <= first_byte && first_byte < r.end.max(r.start + 1) + 1,
            "top line {r:?} holds byte {first_byte}"
        );
    }
}
