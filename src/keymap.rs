//! The key bindings: one table of (mode, key, action, description), read from
//! `assets/keymap.toml` (compiled in) and optionally a user's config. Lookup, reverse
//! lookup for the status-line hints, and the help overlay are all generated from it
//! (yazi's keymap-default.toml and television's reverse lookup are the models).

use serde::Deserialize;

pub use crate::action::{Action, Mode};

/// The default keymap, compiled into the binary.
pub const DEFAULT_KEYMAP: &str = include_str!("../assets/keymap.toml");

impl Mode {
    /// The modes whose bindings apply in `self`, in lookup order: the mode's own, then
    /// the typing keys for a typing line, or the global ones elsewhere.
    fn chain(self) -> &'static [Mode] {
        match self {
            Mode::Filter => &[Mode::Filter, Mode::Typing],
            Mode::Search => &[Mode::Search, Mode::Typing],
            Mode::Typing => &[Mode::Typing],
            Mode::Global => &[Mode::Global],
            Mode::Index => &[Mode::Index, Mode::Global],
            Mode::Dossier => &[Mode::Dossier, Mode::Global],
            Mode::Reader => &[Mode::Reader, Mode::Global],
            Mode::Select => &[Mode::Select, Mode::Global],
            Mode::CitedBy => &[Mode::CitedBy, Mode::Global],
            Mode::Sources => &[Mode::Sources, Mode::Global],
            Mode::Disputes => &[Mode::Disputes, Mode::Global],
            Mode::Claims => &[Mode::Claims, Mode::Global],
            Mode::Relations => &[Mode::Relations, Mode::Global],
            Mode::Timeline => &[Mode::Timeline, Mode::Global],
        }
    }

    /// The typing line a view has, whose keys its help lists too (`?` is text while
    /// typing, so the help must be reachable from the view): with the heading they go
    /// under.
    fn typing_line(self) -> Option<(Mode, &'static str)> {
        match self {
            Mode::Index => Some((
                Mode::Filter,
                "while typing the filter (/ or p; ? is text there):",
            )),
            Mode::Reader => Some((Mode::Search, "while typing a search (/; ? is text there):")),
            _ => None,
        }
    }
}

/// A key press, independent of the terminal library.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
    pub alt: bool,
}

/// The key itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum KeyCode {
    Char(char),
    Enter,
    Esc,
    Backspace,
    Tab,
    BackTab,
    Up,
    Down,
    Left,
    Right,
    Home,
    End,
    PageUp,
    PageDown,
    Delete,
}

const NAMED: &[(&str, KeyCode)] = &[
    ("enter", KeyCode::Enter),
    ("esc", KeyCode::Esc),
    ("backspace", KeyCode::Backspace),
    ("tab", KeyCode::Tab),
    ("backtab", KeyCode::BackTab),
    ("up", KeyCode::Up),
    ("down", KeyCode::Down),
    ("left", KeyCode::Left),
    ("right", KeyCode::Right),
    ("home", KeyCode::Home),
    ("end", KeyCode::End),
    ("pgup", KeyCode::PageUp),
    ("pgdn", KeyCode::PageDown),
    ("delete", KeyCode::Delete),
];

impl Key {
    /// A plain key.
    pub fn new(code: KeyCode) -> Key {
        Key {
            code,
            ctrl: false,
            alt: false,
        }
    }

    /// A character key.
    pub fn char(c: char) -> Key {
        Key::new(KeyCode::Char(c))
    }

    /// Ctrl + a character.
    pub fn ctrl(c: char) -> Key {
        Key {
            code: KeyCode::Char(c),
            ctrl: true,
            alt: false,
        }
    }

    /// Parses `j`, `G`, `ctrl-d`, `alt-x`, `enter`, `pgdn`, `" "` …
    pub fn parse(s: &str) -> Option<Key> {
        let mut ctrl = false;
        let mut alt = false;
        let mut rest = s;
        loop {
            if rest.chars().count() > 1 {
                if let Some(r) = rest.strip_prefix("ctrl-") {
                    ctrl = true;
                    rest = r;
                    continue;
                }
                if let Some(r) = rest.strip_prefix("alt-") {
                    alt = true;
                    rest = r;
                    continue;
                }
            }
            break;
        }
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (Some(c), None) => KeyCode::Char(c),
            _ => NAMED.iter().find(|(n, _)| *n == rest).map(|(_, c)| *c)?,
        };
        Some(Key { code, ctrl, alt })
    }

    /// How the key is written in keymaps and shown in help.
    pub fn label(&self) -> String {
        let base = match self.code {
            KeyCode::Char(' ') => "space".to_owned(),
            KeyCode::Char(c) => c.to_string(),
            other => NAMED
                .iter()
                .find(|(_, c)| *c == other)
                .map(|(n, _)| (*n).to_owned())
                .unwrap_or_default(),
        };
        format!(
            "{}{}{base}",
            if self.ctrl { "ctrl-" } else { "" },
            if self.alt { "alt-" } else { "" }
        )
    }
}

/// One binding.
#[derive(Debug, Clone)]
pub struct Binding {
    pub mode: Mode,
    pub keys: Vec<Key>,
    pub action: Action,
    pub desc: String,
    /// Label in the status line, when the binding is shown there.
    pub hint: Option<String>,
}

/// All bindings, in file order.
#[derive(Debug, Clone)]
pub struct Keymap {
    pub bindings: Vec<Binding>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawKeymap {
    #[serde(default)]
    bind: Vec<RawBinding>,
}

/// One `[[bind]]` table as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawBinding {
    mode: toml::Spanned<String>,
    keys: Vec<toml::Spanned<String>>,
    action: toml::Spanned<String>,
    #[serde(default)]
    desc: String,
    #[serde(default)]
    hint: Option<String>,
}

/// A problem in a keymap file: a byte span and a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeymapError {
    pub span: std::ops::Range<usize>,
    pub message: String,
}

impl Keymap {
    /// The compiled-in default keymap.
    pub fn default_keymap() -> Keymap {
        // The default is tested to parse; an empty keymap is the only possible fallback.
        Keymap::parse(DEFAULT_KEYMAP).unwrap_or(Keymap {
            bindings: Vec::new(),
        })
    }

    /// Parses keymap TOML, reporting the first bad mode, key or action with its span.
    pub fn parse(text: &str) -> Result<Keymap, KeymapError> {
        let raw: RawKeymap = toml::from_str(text).map_err(|e| KeymapError {
            span: e.span().unwrap_or(0..0),
            message: e.message().replace('`', "'"),
        })?;
        Keymap::from_raw(raw.bind)
    }

    /// Builds a keymap from `[[bind]]` tables, reporting the first bad mode, key or
    /// action with its span.
    pub fn from_raw(raw: Vec<RawBinding>) -> Result<Keymap, KeymapError> {
        let mut bindings = Vec::new();
        for b in raw {
            let mode = Mode::parse(b.mode.get_ref()).ok_or_else(|| KeymapError {
                span: b.mode.span(),
                message: format!(
                    "unknown mode '{}'; expected one of global, index, filter, dossier, reader, search, typing, select, cited-by, sources, disputes, claims, relations, timeline",
                    b.mode.get_ref()
                ),
            })?;
            let action = Action::parse(b.action.get_ref()).ok_or_else(|| KeymapError {
                span: b.action.span(),
                message: format!(
                    "unknown action '{}'; expected one of {}",
                    b.action.get_ref(),
                    Action::NAMES.join(", ")
                ),
            })?;
            let mut keys = Vec::new();
            for k in &b.keys {
                keys.push(Key::parse(k.get_ref()).ok_or_else(|| KeymapError {
                    span: k.span(),
                    message: format!(
                        "unknown key '{}'; write a character, or ctrl-/alt- plus one, or one of {}",
                        k.get_ref(),
                        NAMED.iter().map(|(n, _)| *n).collect::<Vec<_>>().join(", ")
                    ),
                })?);
            }
            bindings.push(Binding {
                mode,
                keys,
                action,
                desc: b.desc,
                hint: b.hint,
            });
        }
        Ok(Keymap { bindings })
    }

    /// Adds `other`'s bindings in front, so they win; a key bound again in the same mode
    /// loses its old binding.
    pub fn overlay(&mut self, other: Keymap) {
        for b in &other.bindings {
            for old in self.bindings.iter_mut().filter(|o| o.mode == b.mode) {
                old.keys.retain(|k| !b.keys.contains(k));
            }
        }
        let mut merged = other.bindings;
        merged.append(&mut self.bindings);
        merged.retain(|b| !b.keys.is_empty());
        self.bindings = merged;
    }

    /// The action bound to `key` in `mode`, falling back to the typing keys in a typing
    /// line (where unbound printable keys are text, `?` included, as in fzf) or to the
    /// global bindings elsewhere.
    pub fn lookup(&self, mode: Mode, key: Key) -> Option<Action> {
        let find = |m: Mode| {
            self.bindings
                .iter()
                .find(|b| b.mode == m && b.keys.contains(&key))
                .map(|b| b.action.clone())
        };
        if let Some(a) = mode.chain().iter().find_map(|&m| find(m)) {
            return Some(a);
        }
        if mode.is_typing() {
            return match key.code {
                KeyCode::Char('c') if key.ctrl => Some(Action::Quit),
                KeyCode::Char('z') if key.ctrl => Some(Action::Suspend),
                // The screen must be repairable from anywhere, typing included.
                KeyCode::Char('l') if key.ctrl => Some(Action::Redraw),
                KeyCode::Char(c) if !key.ctrl && !key.alt => Some(Action::Input(c)),
                _ => None,
            };
        }
        None
    }

    /// The first key bound to `action` in `mode` (its own bindings, then the ones its
    /// lookup falls back to).
    pub fn key_for(&self, mode: Mode, action: &Action) -> Option<Key> {
        mode.chain().iter().find_map(|&m| {
            self.bindings
                .iter()
                .filter(|b| b.mode == m && &b.action == action)
                .flat_map(|b| b.keys.first())
                .find(|k| self.lookup(mode, **k).as_ref() == Some(action))
                .copied()
        })
    }

    /// Bindings shown in the status line for `mode` (its own, then those it falls back
    /// to): the key, the hint's label and the action, so the status line can say what
    /// the key does in the current state (`app::status`).
    pub fn hint_keys(&self, mode: Mode) -> Vec<(Key, &str, Action)> {
        let mut out = Vec::new();
        for &m in mode.chain() {
            for b in self.bindings.iter().filter(|b| b.mode == m) {
                if let (Some(k), Some(label)) = (b.keys.first(), &b.hint) {
                    // A key an earlier mode binds to something else is not what it does
                    // here (Esc stops a selection rather than going back).
                    if m != mode && self.lookup(mode, *k) != Some(b.action.clone()) {
                        continue;
                    }
                    out.push((*k, label.as_str(), b.action.clone()));
                }
            }
        }
        out
    }

    /// Every binding that applies in `mode`, for the help overlay: (keys, description).
    /// The index and the reader list their typing line's keys too, under a heading (an
    /// entry with no keys); keys an earlier mode takes are left out of later rows.
    pub fn help(&self, mode: Mode) -> Vec<(String, &str)> {
        let mut out = Vec::new();
        self.help_rows(mode, &mut out);
        if let Some((line, heading)) = mode.typing_line() {
            out.push((String::new(), ""));
            out.push((String::new(), heading));
            self.help_rows(line, &mut out);
        }
        out
    }

    fn help_rows<'a>(&'a self, mode: Mode, out: &mut Vec<(String, &'a str)>) {
        for &m in mode.chain() {
            for b in self.bindings.iter().filter(|b| b.mode == m) {
                let keys: Vec<String> = b
                    .keys
                    .iter()
                    .filter(|k| m == mode || self.lookup(mode, **k) == Some(b.action.clone()))
                    .map(Key::label)
                    .collect();
                if !keys.is_empty() {
                    out.push((keys.join(" "), b.desc.as_str()));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_keymap_parses_and_binds_the_issue_keys() {
        let k = Keymap::parse(DEFAULT_KEYMAP).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(k.lookup(Mode::Index, Key::char('j')), Some(Action::Down));
        assert_eq!(
            k.lookup(Mode::Index, Key::new(KeyCode::Down)),
            Some(Action::Down)
        );
        assert_eq!(
            k.lookup(Mode::Index, Key::ctrl('d')),
            Some(Action::PageDown)
        );
        assert_eq!(
            k.lookup(Mode::Dossier, Key::char('n')),
            Some(Action::NextCite)
        );
        assert_eq!(k.lookup(Mode::Reader, Key::char('/')), Some(Action::Search));
        assert_eq!(k.lookup(Mode::Index, Key::ctrl('o')), Some(Action::Back));
        assert_eq!(k.lookup(Mode::Index, Key::ctrl('c')), Some(Action::Quit));
        assert_eq!(
            k.lookup(Mode::Filter, Key::char('q')),
            Some(Action::Input('q'))
        );
        assert_eq!(k.lookup(Mode::Filter, Key::ctrl('c')), Some(Action::Quit));
        assert_eq!(k.lookup(Mode::Filter, Key::ctrl('l')), Some(Action::Redraw));
        assert_eq!(k.lookup(Mode::Search, Key::ctrl('l')), Some(Action::Redraw));
        assert_eq!(
            k.lookup(Mode::Filter, Key::new(KeyCode::Backspace)),
            Some(Action::DeleteChar)
        );
    }

    #[test]
    fn typing_lines_share_the_readline_keys_after_their_own() {
        let k = Keymap::default_keymap();
        let edit = |e| Some(Action::Edit(e));
        use crate::action::Edit;
        for mode in [Mode::Filter, Mode::Search] {
            assert_eq!(k.lookup(mode, Key::ctrl('a')), edit(Edit::LineStart));
            assert_eq!(
                k.lookup(mode, Key::new(KeyCode::Left)),
                edit(Edit::CharLeft)
            );
            assert_eq!(k.lookup(mode, Key::ctrl('u')), Some(Action::DeleteLine));
            assert_eq!(k.lookup(mode, Key::ctrl('p')), edit(Edit::HistoryPrev));
            assert_eq!(k.lookup(mode, Key::char('?')), Some(Action::Input('?')));
            assert_eq!(
                k.lookup(mode, Key::new(KeyCode::Backspace)),
                Some(Action::DeleteChar)
            );
        }
        // The filter's own Up moves the list; the search line has no list.
        assert_eq!(
            k.lookup(Mode::Filter, Key::new(KeyCode::Up)),
            Some(Action::Up)
        );
        assert_eq!(
            k.lookup(Mode::Search, Key::new(KeyCode::Up)),
            edit(Edit::HistoryPrev)
        );
        // Outside a typing line, Ctrl-U pages up and Left goes back.
        assert_eq!(k.lookup(Mode::Index, Key::ctrl('u')), Some(Action::PageUp));
        assert_eq!(
            k.lookup(Mode::Index, Key::new(KeyCode::Left)),
            Some(Action::Back)
        );
    }

    #[test]
    fn every_esc_action_has_another_key() {
        let k = Keymap::default_keymap();
        for b in k
            .bindings
            .iter()
            .filter(|b| b.keys.contains(&Key::new(KeyCode::Esc)))
        {
            assert!(b.keys.len() > 1, "{:?} is bound only to esc", b.action);
        }
    }

    #[test]
    fn overlay_rebinds_and_bad_entries_are_located() {
        let mut k = Keymap::default_keymap();
        let user = Keymap::parse("[[bind]]\nmode = \"index\"\nkeys = [\"j\"]\naction = \"up\"\n")
            .unwrap_or_else(|e| panic!("{e:?}"));
        k.overlay(user);
        assert_eq!(k.lookup(Mode::Index, Key::char('j')), Some(Action::Up));
        let err =
            Keymap::parse("[[bind]]\nmode = \"index\"\nkeys = [\"ctrl-\"]\naction = \"jump\"\n");
        assert!(
            matches!(err, Err(KeymapError { ref message, .. }) if message.starts_with("unknown action 'jump'"))
        );
    }

    #[test]
    fn keys_parse_and_label() {
        for s in [
            "j", "G", "ctrl-d", "enter", "pgdn", "backtab", "?", "/", "ctrl-o", "alt-x", "-",
        ] {
            let k = Key::parse(s).unwrap_or_else(|| panic!("{s}"));
            assert_eq!(k.label(), s);
        }
        assert_eq!(Key::parse(" ").map(|k| k.label()), Some("space".into()));
        assert_eq!(Key::parse("hyper-x"), None);
    }
}
