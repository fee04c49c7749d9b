//! The help overlay: every binding of the current view, generated from the keymap, laid
//! out by [`crate::app::help`] (descriptions wrap; the list scrolls when it is taller than
//! the screen).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::Theme;
use crate::app::App;
use crate::app::help::help_lines;
use crate::geometry::tone::Tone;
use crate::geometry::{overlay, overlay_rows};

pub fn render(app: &App, theme: &Theme, frame: &mut Frame<'_>, area: Rect) {
    let mode = app.mode();
    let size = (area.width, area.height);
    let width = overlay(size, 0).width;
    let (lines, key_w) = help_lines(&app.keymap, mode, usize::from(width.saturating_sub(2)));
    let boxed = overlay(size, lines.len());
    let rect = Rect {
        x: area.x + boxed.x,
        y: area.y + boxed.y,
        ..boxed
    };
    let visible = overlay_rows(boxed);
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
    frame.render_widget(Clear, rect);
    frame.render_widget(
        Paragraph::new(shown).block(Block::default().borders(Borders::ALL).title(Span::styled(
            title,
            Style::default().add_modifier(Modifier::BOLD),
        ))),
        rect,
    );
}
