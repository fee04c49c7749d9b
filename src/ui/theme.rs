//! Colours and emphasis, from `assets/theme.toml` (compiled in) and a user's config. The
//! default uses only the 16 ANSI colours, so it follows the user's palette and survives
//! any TERM; with NO_COLOR set no colour is sent at all, and selection, matches and the
//! cited quote stand out through reverse, bold and underline.

use std::collections::BTreeMap;

use ratatui::style::{Color, Modifier, Style};
use serde::Deserialize;

use crate::geometry::tone::Tone;

/// The default theme, compiled into the binary.
pub const DEFAULT_THEME: &str = include_str!("../../assets/theme.toml");

/// One `[theme.NAME]` table.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawStyle {
    #[serde(default)]
    pub fg: Option<toml::Spanned<String>>,
    #[serde(default)]
    pub bg: Option<toml::Spanned<String>>,
    #[serde(default)]
    pub modifiers: Vec<toml::Spanned<String>>,
    #[serde(default)]
    pub no_color: Option<Vec<toml::Spanned<String>>>,
}

/// The names a theme may style, in the order of [`Theme::styles`].
pub const NAMES: &[&str] = &[
    "plain", "title", "heading", "dim", "label", "marker", "selected", "disputed", "quote",
    "match", "status", "event", "place", "gutter",
];

const COLORS: &[(&str, Color)] = &[
    ("default", Color::Reset),
    ("black", Color::Black),
    ("red", Color::Red),
    ("green", Color::Green),
    ("yellow", Color::Yellow),
    ("blue", Color::Blue),
    ("magenta", Color::Magenta),
    ("cyan", Color::Cyan),
    ("gray", Color::Gray),
    ("darkgray", Color::DarkGray),
    ("lightred", Color::LightRed),
    ("lightgreen", Color::LightGreen),
    ("lightyellow", Color::LightYellow),
    ("lightblue", Color::LightBlue),
    ("lightmagenta", Color::LightMagenta),
    ("lightcyan", Color::LightCyan),
    ("white", Color::White),
];

const MODIFIERS: &[(&str, Modifier)] = &[
    ("bold", Modifier::BOLD),
    ("dim", Modifier::DIM),
    ("italic", Modifier::ITALIC),
    ("underlined", Modifier::UNDERLINED),
    ("reversed", Modifier::REVERSED),
];

/// A problem in the `[theme.*]` tables of a config file. `Display` is the message;
/// [`ThemeError::span`] says where in the file the bad value is.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ThemeError {
    /// A `[theme.NAME]` table whose NAME is not one the browser styles.
    #[error("unknown theme entry '{name}'; expected one of {}", NAMES.join(", "))]
    UnknownEntry {
        /// The table's name as written.
        name: String,
    },
    /// A colour that is not one of the 16 ANSI names.
    #[error(
        "unknown colour '{name}'; use one of the 16 ANSI names: {}",
        colour_names()
    )]
    UnknownColour {
        /// The value as written.
        name: String,
        /// Byte span of the value in the file.
        span: std::ops::Range<usize>,
    },
    /// A modifier the browser does not know.
    #[error("unknown modifier '{name}'; expected one of bold, dim, italic, underlined, reversed")]
    UnknownModifier {
        /// The value as written.
        name: String,
        /// Byte span of the value in the file.
        span: std::ops::Range<usize>,
    },
}

impl ThemeError {
    /// Byte span of the bad value in the file; `None` when the table's name is at fault
    /// (table names carry no span).
    pub fn span(&self) -> Option<std::ops::Range<usize>> {
        match self {
            ThemeError::UnknownEntry { .. } => None,
            ThemeError::UnknownColour { span, .. } | ThemeError::UnknownModifier { span, .. } => {
                Some(span.clone())
            }
        }
    }
}

fn colour_names() -> String {
    COLORS
        .iter()
        .map(|(n, _)| *n)
        .collect::<Vec<_>>()
        .join(", ")
}

/// A resolved style per name: (with colour, without colour).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
struct Pair {
    color: Style,
    plain: Style,
}

/// How each kind of text is drawn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    /// No colour at all (NO_COLOR).
    pub no_color: bool,
    styles: Vec<Pair>,
}

fn modifiers(list: &[toml::Spanned<String>]) -> Result<Modifier, ThemeError> {
    let mut m = Modifier::empty();
    for name in list {
        let found = MODIFIERS
            .iter()
            .find(|(n, _)| *n == name.get_ref())
            .map(|(_, m)| *m);
        m |= found.ok_or_else(|| ThemeError::UnknownModifier {
            name: name.get_ref().clone(),
            span: name.span(),
        })?;
    }
    Ok(m)
}

fn color(c: &toml::Spanned<String>) -> Result<Color, ThemeError> {
    COLORS
        .iter()
        .find(|(n, _)| *n == c.get_ref())
        .map(|(_, c)| *c)
        .ok_or_else(|| ThemeError::UnknownColour {
            name: c.get_ref().clone(),
            span: c.span(),
        })
}

impl Theme {
    /// The compiled-in theme.
    pub fn default_theme(no_color: bool) -> Theme {
        #[derive(Deserialize)]
        struct File {
            theme: BTreeMap<String, RawStyle>,
        }
        let raw = toml::from_str::<File>(DEFAULT_THEME)
            .map(|f| f.theme)
            .unwrap_or_default();
        let mut t = Theme {
            no_color,
            styles: vec![Pair::default(); NAMES.len()],
        };
        // The default theme is tested to load; on failure the plain styles remain.
        let _ = t.apply(&raw);
        t
    }

    /// The default theme for this environment: colourless when `NO_COLOR` is set and not empty.
    pub fn from_env() -> Theme {
        Theme::default_theme(crate::config::no_color_env())
    }

    /// Applies `[theme.*]` tables over the current styles.
    pub fn apply(&mut self, tables: &BTreeMap<String, RawStyle>) -> Result<(), ThemeError> {
        for (name, raw) in tables {
            let Some(i) = NAMES.iter().position(|n| n == name) else {
                return Err(ThemeError::UnknownEntry { name: name.clone() });
            };
            let mods = modifiers(&raw.modifiers)?;
            let mut color_style = Style::default().add_modifier(mods);
            if let Some(fg) = &raw.fg {
                color_style = color_style.fg(color(fg)?);
            }
            if let Some(bg) = &raw.bg {
                color_style = color_style.bg(color(bg)?);
            }
            let plain = match &raw.no_color {
                Some(list) => Style::default().add_modifier(modifiers(list)?),
                None => Style::default().add_modifier(mods),
            };
            self.styles[i] = Pair {
                color: color_style,
                plain,
            };
        }
        Ok(())
    }

    fn get(&self, i: usize) -> Style {
        self.styles.get(i).map_or_else(Style::default, |p| {
            if self.no_color { p.plain } else { p.color }
        })
    }

    /// The style for a tone.
    pub fn style(&self, tone: Tone) -> Style {
        self.get(match tone {
            Tone::Plain => 0,
            Tone::Title => 1,
            Tone::Heading => 2,
            Tone::Dim => 3,
            Tone::Label => 4,
            Tone::Marker => 5,
            Tone::Selected => 6,
            Tone::Disputed => 7,
            Tone::Quote => 8,
            Tone::Match => 9,
            Tone::Event => 11,
            Tone::Place => 12,
            Tone::Gutter => 13,
        })
    }

    /// The status line.
    pub fn status(&self) -> Style {
        self.get(10)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_theme_loads_ansi_colours_and_no_color_keeps_emphasis() {
        let c = Theme::default_theme(false);
        assert_eq!(
            c.style(Tone::Quote),
            Style::default().fg(Color::Black).bg(Color::Yellow)
        );
        let n = Theme::default_theme(true);
        let q = n.style(Tone::Quote);
        assert_eq!(q.fg, None);
        assert_eq!(q.bg, None);
        assert!(q.add_modifier.contains(Modifier::REVERSED));
        assert!(
            n.style(Tone::Selected)
                .add_modifier
                .contains(Modifier::REVERSED)
        );
        assert!(
            n.style(Tone::Match)
                .add_modifier
                .contains(Modifier::UNDERLINED)
        );
        for tone in [Tone::Heading, Tone::Marker, Tone::Dim, Tone::Disputed] {
            assert_eq!(n.style(tone).fg, None, "{tone:?}");
        }
    }
}
