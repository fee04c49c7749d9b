//! `/` in every list: the disputes, claims, sources, timeline, cited-by and relations
//! views narrow their rows with the index's query language (fzf syntax, smart case,
//! diacritics folded), typed with the same keys as the index's filter (Enter keeps it,
//! Esc clears it, Ctrl-W/Ctrl-U delete). Each view says which text a row is matched on;
//! the renderers highlight the matched characters where that text is shown.

use crate::action::Action;
use crate::search::one::Matcher;

/// A list's filter.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListFilter {
    /// The query as typed.
    pub query: String,
    /// True while it is being typed.
    pub typing: bool,
}

/// What a key did to a filter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    /// The query changed: the view keeps only the rows that match it.
    Changed,
    /// Typing started or stopped; the rows are the same.
    Kept,
    /// Not a filter key: the view handles it.
    NotMine,
}

impl ListFilter {
    /// The matcher for the current query.
    pub fn matcher(&self) -> Matcher {
        Matcher::new(&self.query)
    }

    /// True when a query narrows the list.
    pub fn is_active(&self) -> bool {
        !self.query.trim().is_empty()
    }

    /// Applies `action` if it starts, keeps or drops the filter; the text itself is
    /// edited by [`super::typing`], the one line editor of every typing line.
    pub fn edit(&mut self, action: &Action) -> Edit {
        match action {
            Action::Filter if !self.typing => {
                self.typing = true;
                Edit::Kept
            }
            Action::Accept if self.typing => {
                self.typing = false;
                Edit::Kept
            }
            Action::Cancel if self.typing => {
                self.typing = false;
                self.query.clear();
                Edit::Changed
            }
            Action::ClearFilter if self.typing || self.is_active() => {
                self.typing = false;
                self.query.clear();
                Edit::Changed
            }
            _ => Edit::NotMine,
        }
    }

    /// The heading's note on the filter: `/query` (the cursor shown while typing) with
    /// how many rows it keeps.
    pub fn note(&self, line: &super::typing::LineEditor, kept: usize, all: usize) -> String {
        let query = self.shown(line);
        if query.is_empty() {
            query
        } else {
            format!("{query}  {kept} of {all}")
        }
    }

    /// `  /query` (the cursor shown while typing), or nothing without a filter.
    pub fn shown(&self, line: &super::typing::LineEditor) -> String {
        if self.typing || self.is_active() {
            format!(
                "  /{}",
                super::typing::shown(&self.query, line, self.typing)
            )
        } else {
            String::new()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slash_starts_enter_keeps_and_esc_drops_the_filter() {
        let mut f = ListFilter::default();
        assert_eq!(f.edit(&Action::Accept), Edit::NotMine, "not typing yet");
        assert_eq!(f.edit(&Action::Filter), Edit::Kept);
        assert!(f.typing);
        f.query.push_str("caesar");
        assert_eq!(f.edit(&Action::Down), Edit::NotMine);
        assert_eq!(f.edit(&Action::Accept), Edit::Kept);
        assert!(!f.typing && f.is_active());
        assert_eq!(f.edit(&Action::ClearFilter), Edit::Changed);
        assert_eq!(f, ListFilter::default());
        f.edit(&Action::Filter);
        f.query.push('x');
        assert_eq!(f.edit(&Action::Cancel), Edit::Changed);
        assert_eq!(f, ListFilter::default());
    }
}
