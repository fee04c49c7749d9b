//! The list of why the last live reload failed (`E`), over the last good corpus: one row
//! per diagnostic, the selected one highlighted and kept in view, in the help overlay's
//! box.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::Theme;
use crate::app::App;
use crate::app::errors::row;
use crate::geometry::{overlay, overlay_rows};

pub fn render(app: &App, selected: usize, _theme: &Theme, frame: &mut Frame<'_>, area: Rect) {
    let rows: Vec<String> = app.reload_errors.iter().map(row).collect();
    let boxed = overlay((area.width, area.height), rows.len());
    let rect = Rect {
        x: area.x + boxed.x,
        y: area.y + boxed.y,
        ..boxed
    };
    let visible = overlay_rows(boxed);
    let top = crate::app::errors::top(selected, visible);
    let shown: Vec<Line<'_>> = rows
        .iter()
        .enumerate()
        .skip(top)
        .take(visible)
        .map(|(i, r)| {
            let style = if i == selected {
                Style::default().add_modifier(Modifier::REVERSED)
            } else {
                Style::default()
            };
            Line::from(Span::styled(format!(" {r}"), style))
        })
        .collect();
    let title = format!(
        " {} reload problems (j/k move, Enter edits, any other key closes) ",
        rows.len()
    );
    frame.render_widget(Clear, rect);
    frame.render_widget(
        Paragraph::new(shown).block(Block::default().borders(Borders::ALL).title(Span::styled(
            title,
            Style::default().add_modifier(Modifier::BOLD),
        ))),
        rect,
    );
}
