//! The user's configuration: `--config FILE`, or `$XDG_CONFIG_HOME/dossier/config.toml`
//! (`~/.config/dossier/config.toml` when XDG_CONFIG_HOME is unset). It may add or
//! override key bindings (`[[bind]]`, as in assets/keymap.toml) and colours (`[theme.*]`,
//! as in assets/theme.toml). A bad file gets a located error like `check`'s.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::diag::{Diagnostic, SourceFile};
use crate::keymap::{DEFAULT_KEYMAP, Keymap, KeymapError, RawBinding};
use crate::ui::theme::{DEFAULT_THEME, RawStyle, Theme, ThemeError};

/// Key bindings, theme and switches, defaults overlaid with the user's file.
#[derive(Debug, Clone)]
pub struct Config {
    pub keymap: Keymap,
    pub theme: Theme,
    /// Mouse reports (`mouse = false`, or `--no-mouse`, leaves the terminal's own
    /// selection alone).
    pub mouse: bool,
    /// The query history file (`history = false` keeps no file).
    pub history: bool,
    /// The names of a large corpus kept for its next start (`cache = false` keeps none:
    /// `app::loading::cache`).
    pub cache: bool,
}

impl Config {
    /// The defaults: the compiled-in keymap and theme, mouse, history and cache on.
    pub fn default_config(no_color: bool) -> Config {
        Config {
            keymap: Keymap::default_keymap(),
            theme: Theme::default_theme(no_color),
            mouse: true,
            history: true,
            cache: true,
        }
    }
}

/// Why the configuration could not be used. `Display` is the whole report a person
/// reads, ending in a newline: `path:line:col: error: message`, the line with a caret
/// under the bad value, as `check` prints.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// The file could not be read.
    #[error("{path}: error: cannot read the config file: {source}\n")]
    Read {
        /// The file, as shown to the user.
        path: String,
        #[source]
        source: std::io::Error,
    },
    /// The file was read but a value in it is wrong; `diagnostic` locates it.
    #[error("{}", .diagnostic.render())]
    Invalid {
        /// Where, what, and the line with its caret.
        diagnostic: Box<Diagnostic>,
        /// What was wrong, for a program.
        #[source]
        cause: Invalid,
    },
}

/// What was wrong in a config file that could be read.
#[derive(Debug, thiserror::Error)]
pub enum Invalid {
    /// Not TOML, or not the shape of a config (an unknown field, a wrong type).
    #[error(transparent)]
    Syntax(#[from] toml::de::Error),
    /// A `[[bind]]` with an unknown mode, key or action.
    #[error("{}", .0.message)]
    Keymap(KeymapError),
    /// A `[theme.*]` table with an unknown name, colour or modifier.
    #[error(transparent)]
    Theme(#[from] ThemeError),
}

impl ConfigError {
    /// The located diagnostic, when a value in the file is at fault.
    pub fn diagnostic(&self) -> Option<&Diagnostic> {
        match self {
            ConfigError::Read { .. } => None,
            ConfigError::Invalid { diagnostic, .. } => Some(diagnostic),
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    #[serde(default)]
    mouse: Option<bool>,
    #[serde(default)]
    history: Option<bool>,
    #[serde(default)]
    cache: Option<bool>,
    #[serde(default)]
    bind: Vec<RawBinding>,
    #[serde(default)]
    theme: BTreeMap<String, RawStyle>,
}

/// True when the environment asks for no colour: `NO_COLOR` set to a non-empty value
/// (no-color.org: "when present and not an empty string"). Read by the theme, the
/// encoder and the CLI alike, so an empty `NO_COLOR=` cannot give colourless styles
/// drawn by a colour encoder, or the reverse.
pub fn no_color_env() -> bool {
    no_color_value(std::env::var_os("NO_COLOR").as_deref())
}

/// [`no_color_env`]'s rule on a given value.
fn no_color_value(v: Option<&std::ffi::OsStr>) -> bool {
    v.is_some_and(|v| !v.is_empty())
}

/// The default configuration, commented, to start a config file from.
pub fn print_default() -> String {
    format!(
        "# dossier configuration: copy to $XDG_CONFIG_HOME/dossier/config.toml\n\
         # (~/.config/dossier/config.toml) and change what you like; delete the rest.\n\
         # Later [[bind]] entries for the same mode and key override earlier ones.\n\n\
         # Mouse: the wheel scrolls, a click selects, a click on the selection opens.\n\
         # false leaves the mouse to the terminal (Shift-drag selects text in most\n\
         # terminals either way; --no-mouse turns it off for one run).\n\
         mouse = true\n\n\
         # Keep past queries in $XDG_STATE_HOME/dossier/history (Ctrl-P/Ctrl-N).\n\
         history = true\n\n\
         # Keep the names of a corpus of 20,000 dossiers or more in\n\
         # $XDG_CACHE_HOME/dossier/outlines, so its next start lists them at once.\n\
         cache = true\n\n\
         {DEFAULT_KEYMAP}\n{DEFAULT_THEME}"
    )
}

/// Where the user's config file is looked for when no `--config` is given.
pub fn default_path() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_CONFIG_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".config")))?;
    Some(base.join("dossier").join("config.toml"))
}

/// Parses config text (shown as `path` in errors) over the defaults.
pub fn parse(path: &str, text: &str, no_color: bool) -> Result<Config, ConfigError> {
    let file = SourceFile::new(path.to_owned(), text.to_owned());
    let located =
        |span: std::ops::Range<usize>, message: String, cause: Invalid| ConfigError::Invalid {
            diagnostic: Box::new(file.error(span, message)),
            cause,
        };
    let raw: RawConfig = toml::from_str(text).map_err(|e: toml::de::Error| {
        located(
            e.span().unwrap_or(0..0),
            e.message().lines().next().unwrap_or("").replace('`', "'"),
            Invalid::Syntax(e),
        )
    })?;
    let mut keymap = Keymap::default_keymap();
    let user = Keymap::from_raw(raw.bind)
        .map_err(|e| located(e.span.clone(), e.message.clone(), Invalid::Keymap(e)))?;
    keymap.overlay(user);
    let mut theme = Theme::default_theme(no_color);
    theme.apply(&raw.theme).map_err(|e| {
        // A table's name has no span of its own: point at the first `[theme`.
        let span = e
            .span()
            .unwrap_or_else(|| text.find("[theme").map_or(0..0, |i| i..i + 6));
        located(span, e.to_string(), Invalid::Theme(e))
    })?;
    Ok(Config {
        keymap,
        theme,
        mouse: raw.mouse.unwrap_or(true),
        history: raw.history.unwrap_or(true),
        cache: raw.cache.unwrap_or(true),
    })
}

/// Loads the config: `explicit` must exist; the default path may be absent.
pub fn load(explicit: Option<&Path>, no_color: bool) -> Result<Config, ConfigError> {
    let path = match explicit {
        Some(p) => p.to_path_buf(),
        None => match default_path() {
            Some(p) if p.exists() => p,
            _ => return Ok(Config::default_config(no_color)),
        },
    };
    let shown = path.display().to_string();
    let text = std::fs::read_to_string(&path).map_err(|source| ConfigError::Read {
        path: shown.clone(),
        source,
    })?;
    parse(&shown, &text, no_color)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::Action;
    use crate::keymap::{Key, Mode};

    #[test]
    fn an_empty_no_color_asks_for_colour() {
        use std::ffi::OsStr;
        assert!(!no_color_value(None));
        assert!(!no_color_value(Some(OsStr::new(""))));
        assert!(no_color_value(Some(OsStr::new("1"))));
    }

    #[test]
    fn printed_default_is_a_valid_config_equal_to_the_defaults() {
        let c = parse("default", &print_default(), false).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(c.theme, Theme::default_theme(false));
        assert_eq!(
            c.keymap.lookup(Mode::Dossier, Key::char('n')),
            Some(Action::NextCite)
        );
    }

    #[test]
    fn user_overrides_keys_and_colours() {
        let text = "[[bind]]\nmode = \"dossier\"\nkeys = [\"J\"]\naction = \"next-cite\"\n\n[theme.quote]\nfg = \"white\"\nbg = \"blue\"\n";
        let c = parse("c.toml", text, false).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            c.keymap.lookup(Mode::Dossier, Key::char('J')),
            Some(Action::NextCite)
        );
        let q = c.theme.style(crate::geometry::tone::Tone::Quote);
        assert_eq!(q.bg, Some(ratatui::style::Color::Blue));
    }

    #[test]
    fn errors_are_typed_and_keep_their_cause() {
        let Err(e) = parse("c.toml", "[theme.quote]\nfg = \"chartreuse\"\n", false) else {
            panic!("a bad colour must fail")
        };
        let ConfigError::Invalid { diagnostic, cause } = &e else {
            panic!("{e:?}")
        };
        assert_eq!((diagnostic.line, diagnostic.column), (2, 6));
        assert!(
            matches!(cause, Invalid::Theme(ThemeError::UnknownColour { name, span })
                if name == "chartreuse" && *span == (19..31)),
            "{cause:?}"
        );
        let source = std::error::Error::source(&e).map(ToString::to_string);
        assert!(
            source.is_some_and(|s| s.starts_with("unknown colour 'chartreuse'; use one of")),
            "{e:?}"
        );
        let missing = Path::new("/nonexistent/dossier-config.toml");
        let Err(e) = load(Some(missing), false) else {
            panic!("a missing --config must fail")
        };
        assert!(
            matches!(&e, ConfigError::Read { source, .. } if source.kind() == std::io::ErrorKind::NotFound),
            "{e:?}"
        );
        assert_eq!(
            e.to_string(),
            "/nonexistent/dossier-config.toml: error: cannot read the config file: No such file or directory (os error 2)\n"
        );
        assert!(e.diagnostic().is_none());
    }

    #[test]
    fn mouse_history_and_cache_are_on_unless_the_file_turns_them_off() {
        let c = parse("c.toml", "", false).unwrap_or_else(|e| panic!("{e}"));
        assert!(c.mouse && c.history && c.cache);
        let c = parse(
            "c.toml",
            "mouse = false\nhistory = false\ncache = false\n",
            false,
        )
        .unwrap_or_else(|e| panic!("{e}"));
        assert!(!c.mouse && !c.history && !c.cache);
        let d = parse("default", &print_default(), false).unwrap_or_else(|e| panic!("{e}"));
        assert!(
            d.mouse && d.history && d.cache,
            "the printed default says true"
        );
        let e = report("c.toml", "mouse = \"no\"\n");
        assert!(e.starts_with("c.toml:1:9: error: invalid type"), "{e}");
    }

    /// The error's report as a person reads it.
    fn report(path: &str, text: &str) -> String {
        parse(path, text, false)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default()
    }

    #[test]
    fn bad_config_gets_a_located_error() {
        let e = report("c.toml", "[theme.quote]\nfg = \"chartreuse\"\n");
        assert!(
            e.starts_with("c.toml:2:6: error: unknown colour 'chartreuse'"),
            "{e}"
        );
        let e = report(
            "c.toml",
            "[[bind]]\nmode = \"index\"\nkeys = [\"j\"]\naction = \"fly\"\n",
        );
        assert!(
            e.starts_with("c.toml:4:10: error: unknown action 'fly'"),
            "{e}"
        );
        let e = report("c.toml", "colour = 1\n");
        assert!(
            e.starts_with("c.toml:1:1: error: unknown field 'colour'"),
            "{e}"
        );
    }
}
