//! Colours and emphasis. The default uses only the 16 ANSI colours, so it follows the
//! user's palette and survives any TERM; with NO_COLOR set no colour is sent at all and
//! selection, matches and the cited quote stand out through reverse, bold and underline.

use ratatui::style::{Color, Modifier, Style};

use crate::app::rows::Tone;

/// How each kind of text is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// No colour at all (NO_COLOR).
    pub no_color: bool,
}

impl Theme {
    /// The theme for this environment: colourless when `NO_COLOR` is set (to anything).
    pub fn from_env() -> Theme {
        Theme {
            no_color: std::env::var_os("NO_COLOR").is_some(),
        }
    }

    fn fg(&self, c: Color) -> Style {
        if self.no_color {
            Style::default()
        } else {
            Style::default().fg(c)
        }
    }

    /// The style for a tone.
    pub fn style(&self, tone: Tone) -> Style {
        let bold = Modifier::BOLD;
        match tone {
            Tone::Plain => Style::default(),
            Tone::Title => Style::default().add_modifier(bold),
            Tone::Heading => self
                .fg(Color::Cyan)
                .add_modifier(bold | Modifier::UNDERLINED),
            Tone::Dim => {
                if self.no_color {
                    Style::default().add_modifier(Modifier::DIM)
                } else {
                    self.fg(Color::DarkGray)
                }
            }
            Tone::Label => self.fg(Color::Yellow),
            Tone::Marker => self.fg(Color::Cyan),
            Tone::Selected => Style::default().add_modifier(Modifier::REVERSED | bold),
            Tone::Disputed => self.fg(Color::Magenta).add_modifier(bold),
            Tone::Quote => {
                if self.no_color {
                    Style::default().add_modifier(Modifier::REVERSED | Modifier::UNDERLINED)
                } else {
                    Style::default().fg(Color::Black).bg(Color::Yellow)
                }
            }
            Tone::Match => self
                .fg(Color::Green)
                .add_modifier(bold | Modifier::UNDERLINED),
        }
    }

    /// The status line.
    pub fn status(&self) -> Style {
        Style::default().add_modifier(Modifier::REVERSED)
    }
}
