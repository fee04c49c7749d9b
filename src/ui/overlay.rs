//! The box the help and the reload errors are drawn in over the current view: where it
//! goes on the screen, and how it is drawn (cleared, bordered, a bold title). One place,
//! so the two overlays stay the same box.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use crate::geometry::{overlay, overlay_rows};

/// The box for `lines` lines over `area` (see [`overlay`]), in screen coordinates, and
/// how many lines it shows inside its borders.
pub fn place(area: Rect, lines: usize) -> (Rect, usize) {
    let boxed = overlay((area.width, area.height), lines);
    let rect = Rect {
        x: area.x + boxed.x,
        y: area.y + boxed.y,
        ..boxed
    };
    (rect, overlay_rows(boxed))
}

/// Clears `rect` and draws `shown` in it inside a border titled `title` in bold.
pub fn draw(frame: &mut Frame<'_>, rect: Rect, title: String, shown: Vec<Line<'_>>) {
    frame.render_widget(Clear, rect);
    frame.render_widget(
        Paragraph::new(shown).block(Block::default().borders(Borders::ALL).title(Span::styled(
            title,
            Style::default().add_modifier(Modifier::BOLD),
        ))),
        rect,
    );
}
