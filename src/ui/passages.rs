//! The index in the passages scope: one row per matching sentence — source, line and
//! column, the sentence with its matched characters marked — and, when the window is wide
//! enough, the hit in context (the sentences around it) beside the list. Match positions
//! are computed here, only for the rows on screen.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::Theme;
use super::text::{styled, with_matches};
use crate::app::preview::{self, Subject};
use crate::app::{App, IndexView};
use crate::geometry::tone::Tone;
use crate::search::parse;
use crate::search::passages::PassageHit;
use crate::text::sanitize_line;

/// Characters of context shown on each side of a hit in the preview.
const CONTEXT: usize = 400;

/// Draws the passage list in `list` and the context of the selected hit in `preview`.
pub fn render(
    app: &App,
    v: &IndexView,
    theme: &Theme,
    frame: &mut Frame<'_>,
    list: Rect,
    preview: Option<Rect>,
) {
    let Some(index) = app.passages.get() else {
        frame.render_widget(
            Paragraph::new(Span::styled(
                "  type to search every sentence of the articles",
                theme.style(Tone::Dim),
            )),
            list,
        );
        return;
    };
    let query = parse(&v.query);
    let h = usize::from(list.height);
    let lines: Vec<Line<'_>> = v
        .passages
        .iter()
        .enumerate()
        .skip(v.offset)
        .take(h)
        .map(|(i, hit)| {
            let positions = index.positions(&app.corpus, &hit, &query);
            hit_line(app, &hit, &positions, i == v.selected, theme)
        })
        .collect();
    super::clip::draw_list(frame, lines, list);
    if v.passages.is_empty() {
        let msg = if v.query.trim().is_empty() {
            "  type to search every sentence of the articles"
        } else {
            "  no passage matches"
        };
        super::clip::draw_row(
            frame,
            Span::styled(msg, theme.style(Tone::Dim)),
            super::row(list, 0),
        );
    }
    // What the preview shows: the selected hit, or the one it holds while the selection
    // moves (`app::preview`).
    if let (Some(p), Some(Subject::Passage(hit))) = (preview, preview::shown(app)) {
        let positions = index.positions(&app.corpus, &hit, &query);
        render_context(app, &hit, &positions, theme, frame, p);
    }
}

/// `short line:col` of a hit.
fn location(app: &App, hit: &PassageHit) -> String {
    let Some(s) = app.corpus.sources.get(hit.source) else {
        return String::new();
    };
    let at = s.article.lines.locate(&s.article.text, hit.range.start);
    format!("{} {}:{}", sanitize_line(&s.short), at.line, at.column)
}

fn hit_line(
    app: &App,
    hit: &PassageHit,
    positions: &[usize],
    selected: bool,
    theme: &Theme,
) -> Line<'static> {
    let text = app
        .corpus
        .sources
        .get(hit.source)
        .and_then(|s| s.article.text.get(hit.range.clone()))
        .unwrap_or("");
    let base = if selected {
        theme.style(Tone::Selected)
    } else {
        theme.style(Tone::Plain)
    };
    let mut spans = vec![
        Span::styled(if selected { "▶ " } else { "  " }, base),
        Span::styled(
            format!("{} ", location(app, hit)),
            if selected {
                base
            } else {
                theme.style(Tone::Dim)
            },
        ),
    ];
    // Start the sentence a little before its first match, so the match is on screen.
    let first = positions.first().copied().unwrap_or(0);
    let skip = first.saturating_sub(20);
    let shown: String = text.chars().skip(skip).collect();
    let shifted: Vec<usize> = positions.iter().map(|p| p - skip.min(*p)).collect();
    if skip > 0 {
        spans.push(Span::styled("…", base));
    }
    spans.extend(with_matches(
        &shown,
        &shifted,
        base,
        theme.style(Tone::Match),
    ));
    Line::from(spans)
}

/// The hit in its article: title and location, then the text around it with the hit
/// marked as a quote and its matched characters highlighted.
fn render_context(
    app: &App,
    hit: &PassageHit,
    positions: &[usize],
    theme: &Theme,
    frame: &mut Frame<'_>,
    area: Rect,
) {
    let Some(s) = app.corpus.sources.get(hit.source) else {
        return;
    };
    let text = s.article.text.as_str();
    let before_start = floor_boundary(text, hit.range.start.saturating_sub(CONTEXT));
    let after_end = floor_boundary(text, (hit.range.end + CONTEXT).min(text.len()));
    // From the start of a sentence or line when one is near.
    let before = &text[before_start..hit.range.start];
    let cut = before
        .rfind(". ")
        .map_or(0, |i| i + 2)
        .max(before.rfind('\n').map_or(0, |i| i + 1));
    let before = &before[cut..];
    let after = &text[hit.range.end..after_end];
    let after = after.find('\n').map_or(after, |i| &after[..i]);
    let hit_text = &text[hit.range.clone()];
    let quote = theme.style(Tone::Quote);
    let mut spans: Vec<Span<'static>> = styled(before, |_, _| theme.style(Tone::Dim));
    let mut next = positions.iter().peekable();
    spans.extend(styled(hit_text, |ci, _| {
        while next.peek().is_some_and(|&&p| p < ci) {
            next.next();
        }
        if next.peek() == Some(&&ci) {
            theme.style(Tone::Match).add_modifier(Modifier::BOLD)
        } else {
            quote
        }
    }));
    spans.extend(styled(after, |_, _| theme.style(Tone::Dim)));
    let lines = vec![
        Line::from(Span::styled(
            sanitize_line(&s.title),
            theme.style(Tone::Title),
        )),
        Line::from(Span::styled(
            format!(
                "{} · seeds/{}:{}",
                sanitize_line(&s.outlet),
                sanitize_line(&s.file),
                location(app, hit).rsplit(' ').next().unwrap_or_default()
            ),
            theme.style(Tone::Dim),
        )),
        Line::default(),
        Line::from(spans),
    ];
    super::clip::draw_pane(
        app,
        frame,
        &lines,
        Block::default().borders(Borders::LEFT),
        area,
    );
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}
