//! Editing a typing line (the index filter, the reader's search) as readline does, one
//! meaning of each key in both: a cursor (Ctrl-A/E, Ctrl-B/F, Alt-B/F and the arrows
//! move it), Backspace/Delete, Ctrl-W (the word before the cursor), Ctrl-U (from the
//! cursor to the line's start), the query history ([`super::history`]) and pasted text
//! (newlines become spaces: a paste never presses Enter).
//!
//! Only one line is typed at a time, so one [`LineEditor`] (in [`App::line`]) holds the
//! cursor for whichever line is being typed; the line's text stays in its view.

use super::history::History;
use super::{Action, App, Screen};
use crate::text::sanitize_line;

pub use crate::action::Edit;

/// The cursor of the line being typed, and the query history.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineEditor {
    /// Byte offset into the line; `None` is its end (where typing starts, whatever the
    /// line's length then).
    cursor: Option<usize>,
    pub history: History,
}

impl LineEditor {
    /// The cursor in `text`: a byte offset on a character boundary.
    pub fn cursor(&self, text: &str) -> usize {
        let mut at = self.cursor.unwrap_or(text.len()).min(text.len());
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        at
    }

    fn set(&mut self, text: &str, at: usize) {
        self.cursor = (at < text.len()).then_some(at);
    }

    /// Typing starts (again): the cursor at the end, no history walk.
    pub fn start(&mut self) {
        self.cursor = None;
        self.history.reset();
    }

    fn moved(&mut self, text: &str, to: usize) -> Typed {
        self.set(text, to);
        Typed::Unchanged
    }

    fn insert(&mut self, text: &mut String, s: &str) {
        let at = self.cursor(text);
        text.insert_str(at, s);
        self.set(text, at + s.len());
    }

    /// Deletes `range` of `text` and leaves the cursor at its start; true when
    /// something was deleted.
    fn delete(&mut self, text: &mut String, range: std::ops::Range<usize>) -> bool {
        if range.is_empty() {
            return false;
        }
        let start = range.start;
        text.replace_range(range, "");
        self.set(text, start);
        true
    }
}

/// The start of the character before byte `at`.
fn char_before(text: &str, at: usize) -> usize {
    text[..at].char_indices().next_back().map_or(0, |(i, _)| i)
}

/// The end of the character at byte `at`.
fn char_after(text: &str, at: usize) -> usize {
    text[at..].chars().next().map_or(at, |c| at + c.len_utf8())
}

/// Where Ctrl-W's deletion starts: back over spaces, then over the word before them
/// (readline's `unix-word-rubout`: words end at spaces).
fn rubout_start(text: &str, at: usize) -> usize {
    let head = text[..at].trim_end_matches(' ');
    head.rfind(' ').map_or(0, |i| i + 1)
}

/// Alt-B: back over what is not a word, then over the word (letters and digits).
fn word_left(text: &str, at: usize) -> usize {
    let head = &text[..at];
    let end = head.trim_end_matches(|c: char| !c.is_alphanumeric()).len();
    head[..end]
        .char_indices()
        .rev()
        .find(|(_, c)| !c.is_alphanumeric())
        .map_or(0, |(i, c)| i + c.len_utf8())
}

/// Alt-F: forward over what is not a word, then over the word.
fn word_right(text: &str, at: usize) -> usize {
    let tail = &text[at..];
    let skip = tail.len()
        - tail
            .trim_start_matches(|c: char| !c.is_alphanumeric())
            .len();
    let rest = &tail[skip..];
    let word = rest
        .char_indices()
        .find(|(_, c)| !c.is_alphanumeric())
        .map_or(rest.len(), |(i, _)| i);
    at + skip + word
}

/// Pasted text as one line of a query: a final line break dropped, every other line
/// break and tab a space, other controls removed.
pub fn one_line(pasted: &str) -> String {
    let trimmed = pasted.trim_end_matches(['\r', '\n']);
    trimmed
        .replace("\r\n", " ")
        .chars()
        .filter_map(|c| match c {
            '\r' | '\n' | '\t' => Some(' '),
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect()
}

/// A typing line as shown: sanitised, with the cursor bar where the cursor is while
/// typing.
pub fn shown(text: &str, editor: &LineEditor, typing: bool) -> String {
    if !typing {
        return sanitize_line(text);
    }
    let at = editor.cursor(text);
    format!(
        "{}▏{}",
        sanitize_line(&text[..at]),
        sanitize_line(&text[at..])
    )
}

/// What a typing line made of an action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Typed {
    /// Not a line edit: `update` goes on with it.
    Not,
    /// The line's text changed: search again.
    Changed,
    /// Handled; the text is the same (the cursor may have moved).
    Unchanged,
    /// Handle this instead, now (Ctrl-P/Ctrl-N in the filter move the list when history
    /// is off); never itself a line edit.
    Instead(Action),
}

/// Applies `action` to the line being typed, if it edits one. Typing keys start the
/// cursor at the end; a kept or opened query goes into the history; a paste outside a
/// typing line is ignored with a word in the status line.
pub fn update(app: &mut App, action: &Action) -> Typed {
    if matches!(
        action,
        Action::Filter | Action::Search | Action::SearchPassages
    ) {
        app.line.start();
        return Typed::Not;
    }
    let typing = app.mode().is_typing();
    if !typing {
        if matches!(action, Action::Paste(_)) {
            app.message = Some("paste ignored: start a filter or search (/) first".into());
            return Typed::Unchanged;
        }
        return Typed::Not;
    }
    let App { screen, line, .. } = app;
    let (text, filter) = match screen {
        Screen::Index(v) => (&mut v.query, true),
        Screen::Reader(v) => (&mut v.search, false),
        list => match list.list_filter_mut() {
            Some(f) => (&mut f.query, true),
            None => return Typed::Not,
        },
    };
    let at = line.cursor(text);
    let changed = |c: bool| if c { Typed::Changed } else { Typed::Unchanged };
    match action {
        Action::Accept | Action::Open => {
            line.history.record(text);
            Typed::Not
        }
        Action::Cancel => {
            line.history.reset();
            Typed::Not
        }
        Action::Input(c) => {
            line.insert(text, c.encode_utf8(&mut [0; 4]));
            Typed::Changed
        }
        Action::Paste(p) => {
            let p = one_line(p);
            line.insert(text, &p);
            changed(!p.is_empty())
        }
        Action::DeleteChar => changed(line.delete(text, char_before(text, at)..at)),
        Action::DeleteWord => changed(line.delete(text, rubout_start(text, at)..at)),
        Action::DeleteLine => changed(line.delete(text, 0..at)),
        Action::Edit(e) => match e {
            Edit::LineStart => line.moved(text, 0),
            Edit::LineEnd => line.moved(text, text.len()),
            Edit::CharLeft => line.moved(text, char_before(text, at)),
            Edit::CharRight => line.moved(text, char_after(text, at)),
            Edit::WordLeft => line.moved(text, word_left(text, at)),
            Edit::WordRight => line.moved(text, word_right(text, at)),
            Edit::DeleteForward => changed(line.delete(text, at..char_after(text, at))),
            Edit::HistoryPrev | Edit::HistoryNext if !line.history.enabled => {
                if !filter {
                    return Typed::Unchanged;
                }
                // As fzf without --history: the list moves.
                Typed::Instead(if *e == Edit::HistoryPrev {
                    Action::Up
                } else {
                    Action::Down
                })
            }
            Edit::HistoryPrev | Edit::HistoryNext => {
                let entry = if *e == Edit::HistoryPrev {
                    line.history.older(text)
                } else {
                    line.history.newer()
                };
                match entry.map(str::to_owned) {
                    Some(s) if s != *text => {
                        *text = s;
                        line.cursor = None;
                        Typed::Changed
                    }
                    _ => Typed::Unchanged,
                }
            }
        },
        _ => Typed::Not,
    }
}

#[cfg(test)]
mod tests;
