//! The status line: a message when there is one, otherwise key hints for the current
//! view, generated from the keymap.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::Theme;
use crate::app::App;
use crate::text::sanitize_line;

pub fn render(app: &App, theme: &Theme, frame: &mut Frame<'_>, area: Rect) {
    let banner = crate::app::errors::banner(app);
    let text = match (&app.message, banner) {
        (Some(m), _) => sanitize_line(m),
        (None, Some(b)) => b,
        (None, None) => crate::app::status::hints(app)
            .iter()
            .map(|(k, d)| format!("{k} {d}"))
            .collect::<Vec<_>>()
            .join("  "),
    };
    frame.render_widget(
        Paragraph::new(super::clip::line(
            Line::from(Span::raw(format!(" {text}"))),
            area.width,
        ))
        .style(theme.status()),
        area,
    );
}
