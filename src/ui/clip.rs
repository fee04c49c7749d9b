//! Nothing cut without a sign: text that does not fit where it is drawn ends with `…`.
//!
//! ratatui clips a line at its area's edge and a wrapped paragraph at its last row
//! silently, so a reader could take "…with the Legion in the" for the whole note. Every
//! one-line row goes through [`line`] (or [`lines`] for a list), and every wrapped pane
//! through [`wrapped`], which wraps here (so it knows how many rows the text takes) and
//! marks the last shown row when more follows.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};
use unicode_width::UnicodeWidthStr as _;

use crate::app::App;
use crate::geometry::wrap::char_width;

/// The mark that ends cut text.
pub const MORE: char = '…';

/// Display columns of `line`.
fn width_of(line: &Line<'_>) -> usize {
    line.spans.iter().map(|s| s.content.width()).sum()
}

/// Display columns of `line` without its trailing spaces (a wrapped row may end with
/// the space after its last word; that space is never worth a mark).
fn inked_width(line: &Line<'_>) -> usize {
    let mut trailing = 0;
    for span in line.spans.iter().rev() {
        let trimmed = span.content.trim_end_matches(' ');
        trailing += span.content.len() - trimmed.len();
        if !trimmed.is_empty() {
            break;
        }
    }
    width_of(line) - trailing
}

/// `line` cut to `width` columns, its last column `…` when anything was cut.
pub fn line(line: Line<'static>, width: u16) -> Line<'static> {
    let width = usize::from(width);
    if inked_width(&line) <= width {
        return line;
    }
    cut(line, width)
}

/// `line` cut so that it and a `…` fit in `width` columns, whether or not it fits as
/// it is (the last row of a pane with more text below).
fn cut(line: Line<'static>, width: usize) -> Line<'static> {
    let room = width.saturating_sub(1);
    let (style, alignment) = (line.style, line.alignment);
    let mut used = 0;
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut last_style = ratatui::style::Style::default();
    'spans: for span in line.spans {
        last_style = span.style;
        let mut kept = String::new();
        for c in span.content.chars() {
            let w = char_width(c);
            if used + w > room {
                if !kept.is_empty() {
                    spans.push(Span::styled(kept, span.style));
                }
                break 'spans;
            }
            used += w;
            kept.push(c);
        }
        spans.push(Span::styled(kept, span.style));
    }
    // Trailing spaces before the mark would hide it at the row's end.
    while let Some(last) = spans.last_mut() {
        let trimmed = last.content.trim_end().to_owned();
        if trimmed.is_empty() {
            spans.pop();
            continue;
        }
        last.content = trimmed.into();
        last_style = last.style;
        break;
    }
    if width > 0 {
        spans.push(Span::styled(MORE.to_string(), last_style));
    }
    let mut out = Line::from(spans).style(style);
    out.alignment = alignment;
    out
}

/// Every line of a list cut to `width` columns with `…` where cut.
pub fn lines(rows: Vec<Line<'static>>, width: u16) -> Vec<Line<'static>> {
    rows.into_iter().map(|l| line(l, width)).collect()
}

/// `text` wrapped word by word to `width` columns (a word longer than a row is split),
/// styles kept.
pub fn wrap(text: &[Line<'static>], width: u16) -> Vec<Line<'static>> {
    let width = usize::from(width).max(1);
    let mut out = Vec::new();
    for l in text {
        let mut row: Vec<Span<'static>> = Vec::new();
        let mut used = 0;
        for span in &l.spans {
            for word in span.content.split_inclusive(' ') {
                let w: usize = word.trim_end().chars().map(char_width).sum();
                if used + w > width && used > 0 {
                    out.push(Line::from(std::mem::take(&mut row)).style(l.style));
                    used = 0;
                    if word.trim().is_empty() {
                        continue;
                    }
                }
                let mut piece = String::new();
                for c in word.chars() {
                    let cw = char_width(c);
                    if used + cw > width && c != ' ' {
                        row.push(Span::styled(std::mem::take(&mut piece), span.style));
                        out.push(Line::from(std::mem::take(&mut row)).style(l.style));
                        used = 0;
                    }
                    if c == ' ' && used + cw > width {
                        continue;
                    }
                    used += cw;
                    piece.push(c);
                }
                if !piece.is_empty() {
                    row.push(Span::styled(piece, span.style));
                }
            }
        }
        out.push(Line::from(row).style(l.style));
    }
    out
}

/// What a wrapped pane shows: its rows from `top`, at most `height` of them, the last
/// shown row ending with `…` when more text follows. Also returns how many rows the
/// whole text takes, for the pane's position mark.
pub fn wrapped(
    text: &[Line<'static>],
    width: u16,
    height: u16,
    top: usize,
) -> (Vec<Line<'static>>, usize) {
    let rows = wrap(text, width);
    let total = rows.len();
    let height = usize::from(height);
    let top = top.min(total.saturating_sub(height));
    let mut shown: Vec<Line<'static>> = rows.into_iter().skip(top).take(height).collect();
    if top + shown.len() < total
        && let Some(last) = shown.pop()
    {
        shown.push(cut(last, usize::from(width)));
    }
    (shown, total)
}

/// Draws one row, cut to the area's width with `…`.
pub fn draw_row(frame: &mut Frame<'_>, row: impl Into<Line<'static>>, area: Rect) {
    frame.render_widget(Paragraph::new(line(row.into(), area.width)), area);
}

/// Draws a list's rows, each cut to the area's width with `…`.
pub fn draw_list(frame: &mut Frame<'_>, rows: Vec<Line<'static>>, area: Rect) {
    frame.render_widget(Paragraph::new(lines(rows, area.width)), area);
}

/// Draws the view's pane: `text` wrapped inside `block`, from the row `J`/`K` scrolled
/// to, the last shown row marked `…` when more follows. Records how far the pane can
/// scroll, for `update` to stop `J` there.
pub fn draw_pane(
    app: &App,
    frame: &mut Frame<'_>,
    text: &[Line<'static>],
    block: Block<'static>,
    area: Rect,
) {
    let inner = block.inner(area);
    let (shown, total) = wrapped(text, inner.width, inner.height, app.pane_top);
    app.pane_max
        .set(total.saturating_sub(usize::from(inner.height)));
    frame.render_widget(Paragraph::new(shown).block(block), area);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(l: &Line<'_>) -> String {
        l.spans.iter().map(|s| s.content.as_ref()).collect()
    }

    #[test]
    fn a_line_that_fits_is_untouched_and_one_that_does_not_ends_with_the_mark() {
        assert_eq!(text(&line(Line::from("short"), 10)), "short");
        assert_eq!(text(&line(Line::from("exactly10!"), 10)), "exactly10!");
        let cut = line(
            Line::from(vec![Span::raw("with the "), Span::raw("Legion in the")]),
            12,
        );
        assert_eq!(text(&cut), "with the Le…");
        assert_eq!(width_of(&cut), 12);
        assert_eq!(
            text(&line(Line::from("a long word here"), 8)),
            "a long…",
            "no space before the mark"
        );
        assert_eq!(text(&line(Line::from("abc"), 0)), "");
        assert_eq!(
            text(&line(
                Line::from(vec![Span::raw("fits "), Span::raw(" ")]),
                4
            )),
            "fits  ",
            "trailing spaces past the edge are not cut text"
        );
    }

    #[test]
    fn wide_characters_are_counted_by_their_columns() {
        let cut = line(Line::from("日本語のテキスト"), 7);
        assert_eq!(text(&cut), "日本語…");
        assert!(width_of(&cut) <= 7);
    }

    #[test]
    fn a_pane_with_more_text_than_rows_marks_its_last_row() {
        let note = [Line::from(
            "note: the curator cannot tell which group is meant here",
        )];
        let (shown, total) = wrapped(&note, 20, 2, 0);
        assert!(total > 2, "{total}");
        assert_eq!(shown.len(), 2);
        assert!(text(&shown[1]).ends_with(MORE), "{:?}", text(&shown[1]));
        assert!(!text(&shown[0]).ends_with(MORE));
        // Scrolled to the end: nothing follows, nothing marked.
        let (end, _) = wrapped(&note, 20, 2, usize::MAX);
        assert!(!text(&end[1]).ends_with(MORE), "{:?}", text(&end[1]));
        // Fits: untouched.
        let (all, total) = wrapped(&note, 80, 3, 0);
        assert_eq!((all.len(), total), (1, 1));
        assert_eq!(text(&all[0]), text(&note[0]));
    }

    #[test]
    fn wrapping_keeps_every_word_and_every_row_within_the_width() {
        let src = [Line::from(vec![
            Span::raw("The Freedom of Russia Legion "),
            Span::raw("and the Russian Volunteer Corps claimed responsibility"),
        ])];
        for w in 1..40u16 {
            let rows = wrap(&src, w);
            for r in &rows {
                assert!(width_of(r) <= usize::from(w), "{w}: {:?}", text(r));
            }
            let joined: String = rows.iter().map(text).collect::<Vec<_>>().join("");
            let squash = |s: &str| s.split_whitespace().collect::<String>();
            assert_eq!(squash(&joined), squash(&text(&src[0])), "width {w}");
        }
    }
}

/// The quote pane on the bundled corpus: cut text is marked, and `J`/`K` scroll it.
#[cfg(test)]
mod pane_tests {
    use crate::app::{Action, App, DossierView, Screen, update};
    use crate::check::check;
    use crate::data::DataRoot;
    use crate::geometry::dossier::{Target, layout};
    use crate::keymap::Keymap;

    fn screen(app: &App) -> Vec<String> {
        let theme = crate::ui::Theme::default_theme(true);
        let (w, h) = app.size;
        let mut t = ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h))
            .unwrap_or_else(|e| panic!("{e}"));
        t.draw(|f| crate::ui::render(app, &theme, f))
            .unwrap_or_else(|e| panic!("{e}"));
        let buf = t.backend().buffer();
        (0..h)
            .map(|y| (0..w).map(|x| buf[(x, y)].symbol()).collect::<String>())
            .collect()
    }

    /// The first citation (dossier, target) whose pane text is longer than the pane.
    fn long_citation(app: &App) -> Option<(usize, usize)> {
        for (i, d) in app.corpus.dossiers.iter().enumerate() {
            let lay = layout(&app.corpus, d, app.incoming.of(i), app.size.0, None);
            for (t, target) in lay.targets.iter().enumerate() {
                if let Target::Cite(c) = target
                    && c.note.as_ref().is_some_and(|n| n.len() > 300)
                {
                    return Some((i, t));
                }
            }
        }
        None
    }

    #[test]
    fn a_cut_pane_ends_with_the_mark_and_scrolls_to_its_end() {
        let report = check(&DataRoot::Bundled);
        let mut app = App::new(report.corpus, Keymap::default_keymap(), (60, 20));
        let (dossier, selected) = long_citation(&app).unwrap_or_else(|| panic!("a long note"));
        app.screen = Screen::Dossier(DossierView {
            dossier,
            selected,
            offset: 0,
        });
        update(&mut app, Action::Redraw);
        let areas = app.view_areas();
        let last = usize::from(areas.pane.y + areas.pane.height - 1);
        let rows = screen(&app);
        assert!(
            rows[last].trim_end().ends_with('…'),
            "{:#?}",
            &rows[last - 5..=last]
        );
        assert!(app.pane_max.get() > 0);
        for _ in 0..app.pane_max.get() + 3 {
            update(&mut app, Action::PaneDown);
        }
        assert_eq!(app.pane_top, app.pane_max.get(), "J stops at the end");
        let rows = screen(&app);
        assert!(
            !rows[last].trim_end().ends_with('…'),
            "{:#?}",
            &rows[last - 5..=last]
        );
        update(&mut app, Action::PaneUp);
        assert_eq!(app.pane_top + 1, app.pane_max.get());
        update(&mut app, Action::Down);
        assert_eq!(
            app.pane_top, 0,
            "another selection shows its pane from the top"
        );
    }
}
