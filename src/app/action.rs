//! Everything the browser can be asked to do. Keys map to actions through the keymap;
//! `update` turns actions into state changes. No action touches the terminal.

/// A request to change the browser's state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Leave the program.
    Quit,
    /// Show or hide the help overlay.
    Help,
    /// Go back one step in the history (restores the previous view exactly).
    Back,
    /// Go forward again after [`Action::Back`].
    Forward,
    /// Move the selection (or the reader's view) one row down.
    Down,
    /// One row up.
    Up,
    /// To the first row.
    Top,
    /// To the last row.
    Bottom,
    /// One page down.
    PageDown,
    /// One page up.
    PageUp,
    /// Open what is selected: a dossier, a citation's quote, a relation's target.
    Open,
    /// Start typing a filter (index) .
    Filter,
    /// Clear the index filter.
    ClearFilter,
    /// Keep the typed filter or search and leave typing mode.
    Accept,
    /// Drop the typed filter or search and leave typing mode.
    Cancel,
    /// A character typed into the filter or search line.
    Input(char),
    /// Delete the character before the cursor.
    DeleteChar,
    /// Delete the word before the cursor.
    DeleteWord,
    /// Ctrl-U in a typing line: delete from the cursor to the line's start (readline's
    /// `unix-line-discard`).
    DeleteLine,
    /// Move the cursor of a typing line, delete forward, or walk the query history
    /// ([`super::typing::Edit`]).
    Edit(super::typing::Edit),
    /// Text pasted by the terminal (bracketed paste, not bound to a key): one query in a
    /// typing line, newlines made spaces; ignored elsewhere.
    Paste(String),
    /// Select the next citation (dossier) or cited passage / search match (reader).
    NextCite,
    /// The previous one.
    PrevCite,
    /// Jump to the next section of the dossier.
    NextPane,
    /// Jump to the previous section.
    PrevPane,
    /// Copy the selected citation to the clipboard (OSC 52).
    Copy,
    /// Start searching the article (reader).
    Search,
    /// Suspend to the shell (handled by the terminal loop).
    Suspend,
    /// Redraw everything (handled by the terminal loop).
    Redraw,
    /// The terminal was resized to (columns, rows).
    Resize(u16, u16),
    /// List every alias, claim, variant and relation citing the current passage (reader).
    CitedBy,
    /// Open the table of sources.
    Sources,
    /// Open the list of disputed claims across all dossiers.
    Disputes,
    /// Open the list of every claim with its corroboration.
    Claims,
    /// Show only claims backed by a single independent source, or all again (claims).
    SingleSource,
    /// Open the dossier's relations map (dossier).
    Relations,
    /// Open the timeline of dated claims.
    Timeline,
    /// Switch the index filter between dossiers and passages (the articles' sentences).
    ToggleScope,
    /// Start a passage search in the index.
    SearchPassages,
    /// A background search finished (not bound to a key).
    Found(Box<super::filter::Done>),
    /// Hide or show the index's preview (the list takes the whole width while hidden).
    TogglePreview,
    /// `s` in the reader: start selecting text to cite.
    Select,
    /// Grow the selection by a word.
    ExtendWord,
    /// Shrink the selection by a word.
    ShrinkWord,
    /// Grow the selection to the end of the next sentence.
    ExtendSentence,
    /// Shrink the selection by a sentence.
    ShrinkSentence,
    /// Copy the selection as a citation (and append it to `--cite-to`).
    Cite,
    /// List why the last live reload failed (`E`).
    Errors,
}

impl Action {
    /// Parses an action name as written in keymap files.
    pub fn parse(name: &str) -> Option<Action> {
        Some(match name {
            "quit" => Action::Quit,
            "help" => Action::Help,
            "back" => Action::Back,
            "forward" => Action::Forward,
            "down" => Action::Down,
            "up" => Action::Up,
            "top" => Action::Top,
            "bottom" => Action::Bottom,
            "page-down" => Action::PageDown,
            "page-up" => Action::PageUp,
            "open" => Action::Open,
            "filter" => Action::Filter,
            "clear-filter" => Action::ClearFilter,
            "accept" => Action::Accept,
            "cancel" => Action::Cancel,
            "delete-char" => Action::DeleteChar,
            "delete-word" => Action::DeleteWord,
            "delete-line" => Action::DeleteLine,
            "next-cite" => Action::NextCite,
            "prev-cite" => Action::PrevCite,
            "next-pane" => Action::NextPane,
            "prev-pane" => Action::PrevPane,
            "copy" => Action::Copy,
            "search" => Action::Search,
            "suspend" => Action::Suspend,
            "redraw" => Action::Redraw,
            "cited-by" => Action::CitedBy,
            "sources" => Action::Sources,
            "disputes" => Action::Disputes,
            "claims" => Action::Claims,
            "single-source" => Action::SingleSource,
            "relations" => Action::Relations,
            "timeline" => Action::Timeline,
            "toggle-scope" => Action::ToggleScope,
            "search-passages" => Action::SearchPassages,
            "toggle-preview" => Action::TogglePreview,
            "select" => Action::Select,
            "extend-word" => Action::ExtendWord,
            "shrink-word" => Action::ShrinkWord,
            "extend-sentence" => Action::ExtendSentence,
            "shrink-sentence" => Action::ShrinkSentence,
            "cite" => Action::Cite,
            "errors" => Action::Errors,
            _ => return super::typing::Edit::parse(name).map(Action::Edit),
        })
    }

    /// Every action name a keymap may use.
    pub const NAMES: &'static [&'static str] = &[
        "quit",
        "help",
        "back",
        "forward",
        "down",
        "up",
        "top",
        "bottom",
        "page-down",
        "page-up",
        "open",
        "filter",
        "clear-filter",
        "accept",
        "cancel",
        "delete-char",
        "delete-word",
        "delete-line",
        "next-cite",
        "prev-cite",
        "next-pane",
        "prev-pane",
        "copy",
        "search",
        "suspend",
        "redraw",
        "cited-by",
        "sources",
        "disputes",
        "claims",
        "single-source",
        "relations",
        "timeline",
        "toggle-scope",
        "search-passages",
        "toggle-preview",
        "select",
        "extend-word",
        "shrink-word",
        "extend-sentence",
        "shrink-sentence",
        "cite",
        "errors",
        "line-start",
        "line-end",
        "char-left",
        "char-right",
        "word-left",
        "word-right",
        "delete-forward",
        "history-prev",
        "history-next",
    ];
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_name_parses() {
        for n in Action::NAMES {
            assert!(Action::parse(n).is_some(), "{n}");
        }
    }
}
