//! The reader: the article wrapped once per width, only the visible slice drawn; the
//! cited quote highlighted over every line it spans; a gutter mark on every line any
//! dossier cites; search matches marked; a title line and a position indicator.

use ratatui::Frame;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::text::styled;
use super::{Theme, row};
use crate::app::reader::GUTTER;
use crate::app::{App, ReaderView};
use crate::geometry::Areas;
use crate::geometry::tone::Tone;
use crate::text::sanitize_line;

pub fn render(app: &App, v: &ReaderView, theme: &Theme, frame: &mut Frame<'_>, areas: &Areas) {
    let area = areas.body;
    let Some(src) = app.corpus.sources.get(v.source) else {
        return;
    };
    let text = src.article.text.as_str();
    let title = format!(
        " {} · {}{} · seeds/{}",
        sanitize_line(&src.title),
        sanitize_line(&src.outlet),
        src.published
            .as_ref()
            .map(|p| format!(" · {p}"))
            .unwrap_or_default(),
        sanitize_line(&src.file)
    );
    super::clip::draw_row(
        frame,
        Span::styled(title, theme.style(Tone::Title)),
        row(area, 0),
    );

    let text_area = areas.list;
    let body_h = text_area.height;
    let width = usize::from(area.width.saturating_sub(GUTTER));
    let lines = app.wrapped.get(&app.corpus, v.source, width);
    let cited = app.cited.get(v.source).map(Vec::as_slice).unwrap_or(&[]);
    let current = v.current.and_then(|c| v.matches.get(c));
    let visible = lines.get(v.top..).unwrap_or_default();
    let visible = visible
        .get(..usize::from(body_h).min(visible.len()))
        .unwrap_or_default();
    // Only the matches on screen are looked at per byte (they are sorted and disjoint),
    // so a search with thousands of matches costs what the visible ones cost.
    let (from, to) = (
        visible.first().map_or(0, |l| l.start),
        visible.last().map_or(0, |l| l.end),
    );
    let first = v.matches.partition_point(|m| m.end <= from);
    let last = v.matches.partition_point(|m| m.start < to.max(from + 1));
    let matches = v.matches.get(first..last.max(first)).unwrap_or_default();
    let mut out = Vec::with_capacity(usize::from(body_h));
    for l in visible {
        let is_cited = cited
            .iter()
            .any(|r| r.start < l.end.max(l.start + 1) && r.end > l.start);
        let mut spans = vec![Span::styled(
            if is_cited { "▌ " } else { "  " },
            theme.style(Tone::Gutter),
        )];
        let slice = text.get(l.clone()).unwrap_or("");
        spans.extend(styled(slice, |_, b| {
            let at = l.start + b;
            // The text being selected to cite, like the current match, shows as selected.
            if v.selection.as_ref().is_some_and(|s| s.contains(&at))
                || current.is_some_and(|m| m.contains(&at))
            {
                theme.style(Tone::Selected)
            } else if matches.iter().any(|m| m.contains(&at)) {
                theme.style(Tone::Match)
            } else if v.highlight.as_ref().is_some_and(|h| h.contains(&at)) {
                theme.style(Tone::Quote)
            } else {
                theme.style(Tone::Plain)
            }
        }));
        out.push(Line::from(spans));
    }
    frame.render_widget(Paragraph::new(out), text_area);

    let total = lines.len();
    let at_end = v.top + usize::from(body_h) >= total;
    let search = if v.typing || !v.search.is_empty() {
        let n = v.matches.len();
        format!(
            "  /{}  {}",
            crate::app::typing::shown(&v.search, &app.line, v.typing),
            if n == 0 {
                "no match".to_owned()
            } else {
                format!("match {}/{n}", v.current.map_or(0, |c| c + 1))
            }
        )
    } else {
        String::new()
    };
    // The top line's number only, and "(end)" once the last line shows: a one-line
    // scroll changes a digit or two here. A range ("lines 3–39") changed both its ends
    // and a percentage a third place on most lines, each a cursor move more. In the
    // plain rendition the text leaves the pen in, so the digits need no colour change
    // (a dim line cost two SGRs on every other line). Together these kept a line's
    // scroll above `less`'s bytes (issue 16, `scripts/bytes-vs-less.sh`). The number is
    // right-aligned to the total's width, so that a new digit (line 9 to line 10) does
    // not push " of 162" along: the rest of the line stays put and is not sent again.
    let width = total.max(1).ilog10() as usize + 1;
    let pos = format!(
        " line {:>width$} of {total}{}{search}",
        (v.top + 1).min(total),
        if at_end { " (end)" } else { "" }
    );
    frame.render_widget(
        Paragraph::new(Span::styled(pos, theme.style(Tone::Plain))),
        areas.foot,
    );
}
