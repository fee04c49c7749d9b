//! The list of why the last live reload failed (`E`), over the last good corpus: one row
//! per diagnostic, the selected one highlighted and kept in view, in the help overlay's
//! box.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

use super::Theme;
use crate::app::App;
use crate::app::errors::row;

pub fn render(app: &App, selected: usize, _theme: &Theme, frame: &mut Frame<'_>, area: Rect) {
    let rows: Vec<String> = app.reload_errors.iter().map(row).collect();
    let (rect, visible) = super::overlay::place(area, rows.len());
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
    super::overlay::draw(frame, rect, title, shown);
}
