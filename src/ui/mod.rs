//! Rendering: `render(&App, &mut Frame)` and one file per view. Render functions only
//! read state and lay out from the frame's area (never cached rectangles), with
//! saturating arithmetic, so any size down to 0×0 draws without panicking.

mod dossier;
mod errors;
mod help;
mod index;
mod passages;
mod reader;
mod relations;
mod status;
pub mod text;
pub mod theme;
mod timeline;

mod across;
mod cited_by;
mod claims;
mod disputes;
mod sources;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use crate::app::{App, Screen};
pub use theme::Theme;

/// Smallest usable terminal.
pub const MIN_WIDTH: u16 = 20;
/// Smallest usable terminal.
pub const MIN_HEIGHT: u16 = 5;

/// Draws the whole screen.
pub fn render(app: &App, theme: &Theme, frame: &mut Frame<'_>) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        let msg = if area.width >= 18 {
            "terminal too small"
        } else {
            "too small"
        };
        frame.render_widget(Paragraph::new(Line::from(msg)), area);
        return;
    }
    let body = Rect {
        height: area.height.saturating_sub(1),
        ..area
    };
    match &app.screen {
        Screen::Index(v) => index::render(app, v, theme, frame, body),
        Screen::Dossier(v) => dossier::render(app, v, theme, frame, body),
        Screen::Reader(v) => reader::render(app, v, theme, frame, body),
        Screen::CitedBy(v) => cited_by::render(app, v, theme, frame, body),
        Screen::Sources(v) => sources::render(app, v, theme, frame, body),
        Screen::Disputes(v) => disputes::render(app, v, theme, frame, body),
        Screen::Claims(v) => claims::render(app, v, theme, frame, body),
        Screen::Relations(v) => relations::render(app, v, theme, frame, body),
        Screen::Timeline(v) => timeline::render(app, v, theme, frame, body),
    }
    let status_area = Rect {
        y: area.y + area.height.saturating_sub(1),
        height: 1,
        ..area
    };
    status::render(app, theme, frame, status_area);
    if app.help {
        help::render(app, theme, frame, area);
    }
    if let Some(selected) = app.errors {
        errors::render(app, selected, theme, frame, area);
    }
}

/// One row of `area` starting at row `dy` (clipped to the area).
pub(crate) fn row(area: Rect, dy: u16) -> Rect {
    Rect {
        y: area.y.saturating_add(dy),
        height: u16::from(dy < area.height),
        ..area
    }
}
