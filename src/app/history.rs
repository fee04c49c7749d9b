//! Past queries of the typing lines, as fzf's `--history` keeps them: one file, one
//! query a line, oldest first, at most [`MAX_ENTRIES`]; a query is added when it is
//! kept (Enter) or opened from, unless it repeats the newest. Ctrl-P / Ctrl-N (and Up /
//! Down in the reader's search) walk it; the line as typed before the walk comes back
//! after its newest entry.
//!
//! The state lives here and `update` stays pure: it keeps the queries added this
//! session, and the terminal loop writes the file ([`History::save`]), merging them into
//! what the file holds then, so two browsers open at once both keep their queries. The file is
//! `$XDG_STATE_HOME/dossier/history` (`~/.local/state/dossier/history`), `history =
//! false` in the config turns it off; a file that cannot be read or written never stops
//! the browser (the status line says so once).

use std::path::{Path, PathBuf};

/// Entries kept, oldest dropped first (fzf's `--history-size` default).
pub const MAX_ENTRIES: usize = 1000;

/// The query history and where a walk through it stands.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct History {
    /// Off: nothing is recorded, and the walk keys do what they do without history.
    pub enabled: bool,
    /// Oldest first.
    entries: Vec<String>,
    /// The entry shown while walking; `None` when the line is the one being typed.
    at: Option<usize>,
    /// The line as typed when the walk began.
    draft: String,
    /// Entries added since the file was last written, oldest first.
    fresh: Vec<String>,
}

impl History {
    /// A history holding `text`'s lines (a history file's contents), on.
    pub fn from_text(text: &str) -> History {
        let mut entries: Vec<String> = text
            .lines()
            // Whatever else wrote the file, a line is one query of printable text.
            .map(super::typing::one_line)
            .filter(|l| !l.trim().is_empty())
            .collect();
        let extra = entries.len().saturating_sub(MAX_ENTRIES);
        entries.drain(..extra);
        History {
            enabled: true,
            entries,
            ..History::default()
        }
    }

    /// The entries, oldest first.
    pub fn entries(&self) -> &[String] {
        &self.entries
    }

    /// True when queries were added since the file was last written.
    pub fn dirty(&self) -> bool {
        !self.fresh.is_empty()
    }

    /// The file's contents: one entry a line.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        for e in &self.entries {
            out.push_str(e);
            out.push('\n');
        }
        out
    }

    /// Adds a kept query (not an empty one, nor a repeat of the newest) and ends a walk.
    pub fn record(&mut self, query: &str) {
        self.at = None;
        if !self.enabled || query.trim().is_empty() {
            return;
        }
        // A line never holds a newline (pastes make them spaces); the file could not
        // keep one.
        let query = query.replace(['\n', '\r'], " ");
        if self.entries.last() == Some(&query) {
            return;
        }
        self.entries.push(query.clone());
        let extra = self.entries.len().saturating_sub(MAX_ENTRIES);
        self.entries.drain(..extra);
        self.fresh.push(query);
    }

    /// Ends a walk without recording (the line was dropped, or typing began again).
    pub fn reset(&mut self) {
        self.at = None;
    }

    /// One entry older than the one shown (the newest when not walking yet; `line` is
    /// kept to come back to). `None` at the oldest.
    pub fn older(&mut self, line: &str) -> Option<&str> {
        let next = match self.at {
            None => {
                self.draft = line.to_owned();
                self.entries.len().checked_sub(1)?
            }
            Some(i) => i.checked_sub(1)?,
        };
        self.at = Some(next);
        self.entries.get(next).map(String::as_str)
    }

    /// One entry newer; past the newest, the line as typed before the walk. `None`
    /// when not walking.
    pub fn newer(&mut self) -> Option<&str> {
        let i = self.at?;
        if i + 1 < self.entries.len() {
            self.at = Some(i + 1);
            return self.entries.get(i + 1).map(String::as_str);
        }
        self.at = None;
        Some(&self.draft)
    }

    /// Reads the history file at `path`; an absent file is an empty history.
    pub fn load(path: &Path) -> std::io::Result<History> {
        match std::fs::read(path) {
            Ok(bytes) => Ok(History::from_text(&String::from_utf8_lossy(&bytes))),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(History::from_text("")),
            Err(e) => Err(e),
        }
    }

    /// Writes the queries added since the last write to `path` (its folder made if
    /// missing): appended to what the file holds now (another browser may have added
    /// some meanwhile), capped, through a temporary file renamed over it, so a crash
    /// never leaves half a file, readable by the user only ([`crate::data::private`]).
    /// The merged list becomes this history's unless a walk is under way.
    pub fn save(&mut self, path: &Path) -> std::io::Result<()> {
        let mut merged = History::load(path)?;
        merged.enabled = true;
        for q in &self.fresh {
            merged.record(q);
        }
        crate::data::private::write(path, merged.to_text().as_bytes())?;
        self.fresh.clear();
        if self.at.is_none() {
            self.entries = merged.entries;
        }
        Ok(())
    }
}

/// The history file of a browser session: loads it into the app at start, writes it
/// when a query was added. Called by the terminal loop (never by `update`). A file that
/// cannot be read or written is said once in the status line, and the session goes on
/// with the history it has in memory.
#[derive(Debug)]
pub struct Store {
    path: Option<PathBuf>,
    /// A failure was already reported.
    warned: bool,
}

impl Store {
    /// With history on, reads the default file into `app` (off: nothing is read, and
    /// the walk keys do what they do without history).
    pub fn open(enabled: bool, app: &mut super::App) -> Store {
        Store::open_at(enabled.then(default_path).flatten(), app)
    }

    /// As [`Store::open`], with the file at `path` (`None`: history off).
    pub fn open_at(path: Option<PathBuf>, app: &mut super::App) -> Store {
        let mut store = Store {
            path,
            warned: false,
        };
        if let Some(path) = &store.path {
            match History::load(path) {
                Ok(h) => app.line.history = h,
                Err(e) => {
                    app.line.history = History::from_text("");
                    store.warn(app, "cannot read", &e);
                }
            }
        }
        store
    }

    /// Writes the history when queries were added since the last write.
    pub fn save(&mut self, app: &mut super::App) {
        let Some(path) = &self.path else {
            return;
        };
        if !app.line.history.dirty() {
            return;
        }
        if let Err(e) = app.line.history.save(path) {
            // Said once: on every query the message would hide the hints for good. The
            // queries stay in memory, and a later write takes them along.
            self.warn(app, "cannot write", &e);
        }
    }

    fn warn(&mut self, app: &mut super::App, what: &str, e: &std::io::Error) {
        if self.warned {
            return;
        }
        self.warned = true;
        let path = self
            .path
            .as_ref()
            .map(|p| p.display().to_string())
            .unwrap_or_default();
        app.message = Some(format!(
            "history: {what} {path}: {e}; queries are kept for this session only (history = false in the config turns it off)"
        ));
    }
}

/// Where the history file is: `$XDG_STATE_HOME/dossier/history`, else
/// `~/.local/state/dossier/history`.
pub fn default_path() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_STATE_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| {
            std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local").join("state"))
        })?;
    Some(base.join("dossier").join("history"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walks_back_and_forward_to_the_typed_line() {
        let mut h = History::from_text("RT61\nmortars\n");
        assert_eq!(h.older("Leg").map(str::to_owned), Some("mortars".into()));
        assert_eq!(h.older("ignored").map(str::to_owned), Some("RT61".into()));
        assert_eq!(h.older("ignored"), None, "the oldest stays");
        assert_eq!(h.newer().map(str::to_owned), Some("mortars".into()));
        assert_eq!(h.newer().map(str::to_owned), Some("Leg".into()));
        assert_eq!(h.newer(), None, "not walking any more");
    }

    #[test]
    fn records_kept_queries_once_and_caps_the_file() {
        let mut h = History::from_text("");
        h.record("Legion");
        h.record("Legion");
        h.record("  ");
        assert_eq!(h.entries(), ["Legion"]);
        assert!(h.dirty());
        for i in 0..MAX_ENTRIES + 5 {
            h.record(&format!("q{i}"));
        }
        assert_eq!(h.entries().len(), MAX_ENTRIES);
        assert_eq!(h.entries().first().map(String::as_str), Some("q5"));
        let off = &mut History::default();
        off.record("x");
        assert!(
            off.entries().is_empty() && !off.dirty(),
            "off records nothing"
        );
    }

    #[test]
    fn saves_and_loads_through_the_file() {
        let dir = std::env::temp_dir().join(format!("dossier-history-{}", std::process::id()));
        let path = dir.join("state").join("history");
        let mut h = History::from_text("");
        h.record("RT61 mortars");
        h.record("Kapustin");
        h.save(&path).unwrap_or_else(|e| panic!("{e}"));
        assert!(!h.dirty());
        let back = History::load(&path).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(back.entries(), ["RT61 mortars", "Kapustin"]);
        let _ = std::fs::remove_dir_all(&dir);
        let missing = History::load(&dir.join("none")).unwrap_or_else(|e| panic!("{e}"));
        assert!(missing.entries().is_empty());
    }

    #[test]
    fn two_sessions_at_once_keep_both_their_queries() {
        let dir = std::env::temp_dir().join(format!("dossier-history2-{}", std::process::id()));
        let path = dir.join("history");
        let mut one = History::load(&path).unwrap_or_else(|e| panic!("{e}"));
        let mut two = History::load(&path).unwrap_or_else(|e| panic!("{e}"));
        one.record("Legion");
        one.save(&path).unwrap_or_else(|e| panic!("{e}"));
        two.record("Kapustin");
        two.save(&path).unwrap_or_else(|e| panic!("{e}"));
        let back = History::load(&path).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(back.entries(), ["Legion", "Kapustin"]);
        assert_eq!(two.entries(), ["Legion", "Kapustin"], "the walk sees both");
        // A line another program wrote with controls in it is one plain query.
        let h = History::from_text("RT61\tmortars\u{7}\n\n");
        assert_eq!(h.entries(), ["RT61 mortars"]);
        let _ = std::fs::remove_dir_all(&dir);
    }
}
