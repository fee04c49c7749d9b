//! The browser's vocabulary: every [`Action`] a key can ask for and every [`Mode`] a
//! binding applies in, each declared once with its name and description. The keymap
//! parser, the config file, the help overlay and the status-line hints all read these
//! tables, so a name cannot be spelt two ways. A leaf module: it imports nothing of the
//! crate, so `app`, `keymap`, `ui` and `tui` can all depend on it without cycles.
//!
//! A background search's answer is not an action (no key asks for it): the terminal
//! loop hands it to `app::update::found` directly.

/// Declares [`Action`]: the named variants (bindable, with their keymap word) and the
/// variants that carry data (made by the loop, never named in a keymap).
macro_rules! actions {
    (
        named { $( $(#[$m:meta])* $v:ident = $name:literal, )+ }
        data { $( $(#[$dm:meta])* $dv:ident ( $($t:ty),+ ), )* }
    ) => {
        /// A request to change the browser's state. Keys map to actions through the
        /// keymap; `update` turns actions into state changes. No action touches the
        /// terminal.
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub enum Action {
            $( $(#[$m])* $v, )+
            $( $(#[$dm])* $dv($($t),+), )*
        }

        impl Action {
            /// Every action name a keymap may use, in declaration order.
            pub const NAMES: &'static [&'static str] = &[$($name),+];

            /// Parses an action name as written in keymap files (the line edits'
            /// names included).
            pub fn parse(name: &str) -> Option<Action> {
                match name {
                    $( $name => Some(Action::$v), )+
                    _ => Edit::parse(name).map(Action::Edit),
                }
            }

            /// Every name a keymap may use: the actions', then the line edits'.
            pub fn names() -> impl Iterator<Item = &'static str> {
                Action::NAMES.iter().chain(Edit::NAMES).copied()
            }

            /// The keymap word for this action; None for the data-carrying ones
            /// other than the line edits.
            pub fn name(&self) -> Option<&'static str> {
                match self {
                    $( Action::$v => Some($name), )+
                    Action::Edit(e) => Some(e.as_str()),
                    _ => None,
                }
            }
        }
    };
}

actions! {
    named {
        /// Leave the program.
        Quit = "quit",
        /// Show or hide the help overlay.
        Help = "help",
        /// Go back one step in the history (restores the previous view exactly).
        Back = "back",
        /// Go forward again after [`Action::Back`].
        Forward = "forward",
        /// Move the selection (or the reader's view) one row down.
        Down = "down",
        /// One row up.
        Up = "up",
        /// To the first row.
        Top = "top",
        /// To the last row.
        Bottom = "bottom",
        /// One page down.
        PageDown = "page-down",
        /// One page up.
        PageUp = "page-up",
        /// Open what is selected: a dossier, a citation's quote, a relation's target.
        Open = "open",
        /// Start typing a filter (index) .
        Filter = "filter",
        /// Clear the index filter.
        ClearFilter = "clear-filter",
        /// Keep the typed filter or search and leave typing mode.
        Accept = "accept",
        /// Drop the typed filter or search and leave typing mode.
        Cancel = "cancel",
        /// Delete the character before the cursor.
        DeleteChar = "delete-char",
        /// Delete the word before the cursor.
        DeleteWord = "delete-word",
        /// Ctrl-U in a typing line: delete from the cursor to the line's start
        /// (readline's `unix-line-discard`).
        DeleteLine = "delete-line",
        /// Select the next citation (dossier) or cited passage / search match (reader).
        NextCite = "next-cite",
        /// The previous one.
        PrevCite = "prev-cite",
        /// Jump to the next section of the dossier.
        NextPane = "next-pane",
        /// Jump to the previous section.
        PrevPane = "prev-pane",
        /// Copy the selected citation to the clipboard (OSC 52).
        Copy = "copy",
        /// Start searching the article (reader).
        Search = "search",
        /// Suspend to the shell (handled by the terminal loop).
        Suspend = "suspend",
        /// Redraw everything (handled by the terminal loop).
        Redraw = "redraw",
        /// List every alias, claim, variant and relation citing the current passage (reader).
        CitedBy = "cited-by",
        /// Open the table of sources.
        Sources = "sources",
        /// Open the list of disputed claims across all dossiers.
        Disputes = "disputes",
        /// Open the list of every claim with its corroboration.
        Claims = "claims",
        /// Show only claims backed by a single independent source, or all again (claims).
        SingleSource = "single-source",
        /// Open the dossier's relations map (dossier).
        Relations = "relations",
        /// Open the timeline of dated claims.
        Timeline = "timeline",
        /// Switch the index filter between dossiers and passages (the articles' sentences).
        ToggleScope = "toggle-scope",
        /// Start a passage search in the index.
        SearchPassages = "search-passages",
        /// Hide or show the index's preview (the list takes the whole width while hidden).
        TogglePreview = "toggle-preview",
        /// `s` in the reader: start selecting text to cite.
        Select = "select",
        /// Grow the selection by a word.
        ExtendWord = "extend-word",
        /// Shrink the selection by a word.
        ShrinkWord = "shrink-word",
        /// Grow the selection to the end of the next sentence.
        ExtendSentence = "extend-sentence",
        /// Shrink the selection by a sentence.
        ShrinkSentence = "shrink-sentence",
        /// Copy the selection as a citation (and append it to `--cite-to`).
        Cite = "cite",
        /// List why the last live reload failed (`E`).
        Errors = "errors",
        /// Cycle the index's order before anything is typed: weight, name, kind.
        CycleOrder = "cycle-order",
        /// Scroll the pane under the list (quote, note, preview) one row down.
        PaneDown = "pane-down",
        /// Scroll that pane one row up.
        PaneUp = "pane-up",
    }
    data {
        /// A character typed into the filter or search line.
        Input(char),
        /// Move the cursor of a typing line, delete forward, or walk the query history.
        Edit(Edit),
        /// Text pasted by the terminal (bracketed paste, not bound to a key): one query
        /// in a typing line, newlines made spaces; ignored elsewhere.
        Paste(String),
        /// The terminal was resized to (columns, rows).
        Resize(u16, u16),
    }
}

/// Declares a closed vocabulary: an enum whose variants each have one keymap word,
/// with `NAMES`, `parse` and `as_str` generated from the same rows.
macro_rules! words {
    ( $(#[$em:meta])* $name:ident { $( $(#[$m:meta])* $v:ident = $word:literal, )+ } ) => {
        $(#[$em])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name {
            $( $(#[$m])* $v, )+
        }

        impl $name {
            /// Every word a keymap may use, in declaration order.
            pub const NAMES: &'static [&'static str] = &[$($word),+];

            /// Parses a word as written in keymap files.
            pub fn parse(word: &str) -> Option<$name> {
                match word {
                    $( $word => Some($name::$v), )+
                    _ => None,
                }
            }

            /// The word used in keymap files.
            pub fn as_str(self) -> &'static str {
                match self {
                    $( $name::$v => $word, )+
                }
            }
        }
    };
}

words! {
    /// The line-editing actions of the filter and search lines beyond typing and
    /// deleting backwards (readline's, as fzf has them).
    Edit {
        /// Ctrl-A, Home: to the line's start.
        LineStart = "line-start",
        /// Ctrl-E, End: to its end.
        LineEnd = "line-end",
        /// Ctrl-B, Left: one character left.
        CharLeft = "char-left",
        /// Ctrl-F, Right: one character right.
        CharRight = "char-right",
        /// Alt-B: to the start of this or the previous word.
        WordLeft = "word-left",
        /// Alt-F: to the end of this or the next word.
        WordRight = "word-right",
        /// Delete: the character under the cursor.
        DeleteForward = "delete-forward",
        /// An older query from the history.
        HistoryPrev = "history-prev",
        /// A newer one, then the line as typed.
        HistoryNext = "history-next",
    }
}

words! {
    /// Where a binding applies.
    Mode {
    /// Every view (after the view's own bindings).
    Global = "global",
    /// The list of dossiers.
    Index = "index",
    /// Typing a filter in the index.
    Filter = "filter",
    /// A dossier.
    Dossier = "dossier",
    /// An article.
    Reader = "reader",
    /// Typing a search in the reader.
    Search = "search",
    /// Either typing line (filter or search), after the line's own bindings: the
    /// readline keys, one meaning in both.
    Typing = "typing",
    /// Selecting text in the reader to cite it.
    Select = "select",
    /// Who cites a passage.
    CitedBy = "cited-by",
    /// The table of sources.
    Sources = "sources",
    /// Disputed claims across all dossiers.
    Disputes = "disputes",
    /// Every claim with its corroboration.
    Claims = "claims",
    /// A dossier's relations map.
    Relations = "relations",
    /// The timeline of dated claims.
    Timeline = "timeline",
    }
}

impl Mode {
    /// True for the modes where printable keys are typed text.
    pub fn is_typing(self) -> bool {
        matches!(self, Mode::Filter | Mode::Search | Mode::Typing)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_action_name_parses_back_to_the_action_that_has_it() {
        for n in Action::names() {
            let a = Action::parse(n);
            assert_eq!(a.as_ref().and_then(Action::name), Some(n), "{n}");
        }
        assert_eq!(Action::parse("no-such-action"), None);
        assert_eq!(Action::Input('x').name(), None);
    }

    #[test]
    fn every_mode_word_parses_back_to_the_mode_that_has_it() {
        for n in Mode::NAMES {
            assert_eq!(Mode::parse(n).map(Mode::as_str), Some(*n), "{n}");
        }
        assert_eq!(Mode::parse("nowhere"), None);
    }

    #[test]
    fn names_are_unique() {
        let actions: Vec<&str> = Action::names().collect();
        for names in [actions.as_slice(), Mode::NAMES, Edit::NAMES] {
            let mut sorted = names.to_vec();
            sorted.sort_unstable();
            sorted.dedup();
            assert_eq!(sorted.len(), names.len());
        }
    }
}
