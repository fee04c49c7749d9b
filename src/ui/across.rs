//! Pieces the cross-source views share: a two-line heading, truncation to a width, rows
//! of styled segments as lines, and the pane showing one citation's quote and source.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders};

use super::{Theme, row};
use crate::app::App;
use crate::geometry::tone::{Row, Tone};
use crate::geometry::wrap::char_width;
use crate::model::Citation;
use crate::text::sanitize_line;

/// `text` cut to `width` display columns, with `…` when cut.
pub fn fit(text: &str, width: usize) -> String {
    let total: usize = text.chars().map(char_width).sum();
    if total <= width {
        return text.to_owned();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = char_width(c);
        if used + w + 1 > width {
            break;
        }
        used += w;
        out.push(c);
    }
    if width > 0 {
        out.push('…');
    }
    out
}

/// A title row and a dim second row at the top of `area`.
pub fn heading(title: &str, sub: &str, theme: &Theme, frame: &mut Frame<'_>, area: Rect) {
    let w = usize::from(area.width);
    super::clip::draw_row(
        frame,
        Span::styled(fit(title, w), theme.style(Tone::Title)),
        row(area, 0),
    );
    super::clip::draw_row(
        frame,
        Span::styled(fit(sub, w), theme.style(Tone::Dim)),
        row(area, 1),
    );
}

/// Rows of segments as ratatui lines.
pub fn lines<'a>(rows: impl Iterator<Item = &'a Row>, theme: &Theme) -> Vec<Line<'static>> {
    rows.map(|r| {
        Line::from(
            r.iter()
                .map(|s| Span::styled(s.text.clone(), theme.style(s.tone)))
                .collect::<Vec<_>>(),
        )
    })
    .collect()
}

/// A citation as the quote panes show it: the quote, then its source's title, outlet and
/// `seeds/FILE:line:col`, then its note. Shared by the dossier view and the cross-source
/// views so a citation reads the same everywhere.
pub fn citation_lines(app: &App, c: &Citation, theme: &Theme) -> Vec<Line<'static>> {
    let mut lines = vec![Line::from(Span::styled(
        format!("“{}”", sanitize_line(&c.quote)),
        theme.style(Tone::Quote),
    ))];
    if let Some(s) = app.corpus.sources.get(c.source) {
        lines.push(Line::from(vec![
            Span::styled(sanitize_line(&s.title), theme.style(Tone::Title)),
            Span::styled(
                format!(
                    " · {} · seeds/{}:{}:{}",
                    sanitize_line(&s.outlet),
                    sanitize_line(&s.file),
                    c.start.line,
                    c.start.column
                ),
                theme.style(Tone::Dim),
            ),
        ]));
    }
    if let Some(n) = &c.note {
        lines.push(Line::from(Span::styled(
            format!("note: {}", sanitize_line(n)),
            theme.style(Tone::Dim),
        )));
    }
    lines
}

/// A pane with a top border titled `pos`: the citation's quote, then its source's
/// title, outlet and `seeds/FILE:line:col`, then its note.
pub fn quote_pane(
    app: &App,
    cite: Option<&Citation>,
    pos: &str,
    theme: &Theme,
    frame: &mut Frame<'_>,
    area: Rect,
) {
    let block = Block::default()
        .borders(Borders::TOP)
        .title(Span::styled(pos.to_owned(), theme.style(Tone::Dim)));
    let body = cite
        .map(|c| citation_lines(app, c, theme))
        .unwrap_or_default();
    super::clip::draw_pane(app, frame, &body, block, area);
}
