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
    // The hints are laid out by `app::status`, the same layout a click is tested against.
    let text = match (&app.message, banner, &app.loading) {
        (Some(m), _, _) => format!(" {}", sanitize_line(m)),
        (None, Some(b), _) => format!(" {b}"),
        // While the corpus is checked, what is left to do (`app::loading`).
        (None, None, Some(l)) => format!(" {}", l.status()),
        (None, None, None) => crate::app::status::hint_line(app).0,
    };
    frame.render_widget(
        Paragraph::new(super::clip::line(Line::from(Span::raw(text)), area.width))
            .style(theme.status()),
        area,
    );
}
