//! The help overlay: every binding of the current view, generated from the keymap.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::Theme;
use crate::app::App;
use crate::app::rows::Tone;

pub fn render(app: &App, theme: &Theme, frame: &mut Frame<'_>, area: Rect) {
    let mode = app.mode();
    let entries = app.keymap.help(mode);
    let key_w = entries
        .iter()
        .map(|(k, _)| k.chars().count())
        .max()
        .unwrap_or(0)
        .min(30);
    let width = area.width.saturating_sub(4).min(90);
    let height = area.height.saturating_sub(2).min(entries.len() as u16 + 3);
    let rect = Rect {
        x: area.x + (area.width.saturating_sub(width)) / 2,
        y: area.y + (area.height.saturating_sub(height)) / 2,
        width,
        height,
    };
    let lines: Vec<Line<'_>> = entries
        .iter()
        .map(|(k, d)| {
            Line::from(vec![
                Span::styled(format!(" {k:<key_w$}  "), theme.style(Tone::Label)),
                Span::raw(d.to_string()),
            ])
        })
        .collect();
    frame.render_widget(Clear, rect);
    let title = format!(" keys: {} view (any key closes) ", mode.as_str());
    frame.render_widget(
        Paragraph::new(lines).block(Block::default().borders(Borders::ALL).title(Span::styled(
            title,
            Style::default().add_modifier(Modifier::BOLD),
        ))),
        rect,
    );
}
