//! The help overlay: every binding of the current view, generated from the keymap, laid
//! out by [`crate::app::help`] (descriptions wrap; the list scrolls when it is taller than
//! the screen).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::Theme;
use crate::app::App;
use crate::app::help::help_lines;
use crate::geometry::overlay;
use crate::geometry::tone::Tone;

pub fn render(app: &App, theme: &Theme, frame: &mut Frame<'_>, area: Rect) {
    let mode = app.mode();
    let size = (area.width, area.height);
    let width = overlay(size, 0).width;
    let (lines, key_w) = help_lines(&app.keymap, mode, usize::from(width.saturating_sub(2)));
    let (rect, visible) = super::overlay::place(area, lines.len());
    let top = app.help_top.min(lines.len().saturating_sub(visible));
    let shown: Vec<Line<'_>> = lines
        .iter()
        .skip(top)
        .take(visible)
        .map(|l| {
            Line::from(vec![
                Span::styled(format!(" {:<key_w$}  ", l.keys), theme.style(Tone::Label)),
                Span::raw(l.desc.clone()),
            ])
        })
        .collect();
    let title = if lines.len() > visible {
        format!(
            " keys: {} view {}–{}/{} (j/k scroll, any other key closes) ",
            mode.as_str(),
            top + 1,
            (top + visible).min(lines.len()),
            lines.len()
        )
    } else {
        format!(" keys: {} view (any key closes) ", mode.as_str())
    };
    super::overlay::draw(frame, rect, title, shown);
}
