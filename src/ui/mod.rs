//! Rendering: `render(&App, &mut Frame)` and one file per view. Each view's renderer
//! only reads state and draws into the [`crate::geometry::Areas`] of its shape at the
//! current size — the same areas `update` pages with — with saturating arithmetic, so
//! any size down to 0×0 draws without panicking.

mod clip;
mod dossier;
mod errors;
mod help;
mod highlight;
mod index;
mod overlay;
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
    // The one layout of this view at this size: what `update` paged with, what the
    // scroll backend scrolls, what each renderer draws into.
    let areas = app.view_areas();
    match &app.screen {
        Screen::Index(v) => index::render(app, v, theme, frame, &areas),
        Screen::Dossier(v) => dossier::render(app, v, theme, frame, &areas),
        Screen::Reader(v) => reader::render(app, v, theme, frame, &areas),
        Screen::CitedBy(v) => cited_by::render(app, v, theme, frame, &areas),
        Screen::Sources(v) => sources::render(app, v, theme, frame, &areas),
        Screen::Disputes(v) => disputes::render(app, v, theme, frame, &areas),
        Screen::Claims(v) => claims::render(app, v, theme, frame, &areas),
        Screen::Relations(v) => relations::render(app, v, theme, frame, &areas),
        Screen::Timeline(v) => timeline::render(app, v, theme, frame, &areas),
    }
    status::render(app, theme, frame, areas.status);
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
