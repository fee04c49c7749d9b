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

    /// Applies `action` if it is a filter key in the filter's current state.
    pub fn edit(&mut self, action: &Action) -> Edit {
        if !self.typing {
            return match action {
                Action::Filter => {
                    self.typing = true;
                    Edit::Kept
                }
                Action::ClearFilter if self.is_active() => {
                    self.query.clear();
                    Edit::Changed
                }
                _ => Edit::NotMine,
            };
        }
        match action {
            Action::Input(c) => self.query.push(*c),
            Action::DeleteChar => {
                self.query.pop();
            }
            Action::DeleteWord => super::typing::delete_word(&mut self.query),
            Action::DeleteLine => self.query.clear(),
            Action::Accept => {
                self.typing = false;
                return Edit::Kept;
            }
            Action::Cancel | Action::ClearFilter => {
                self.typing = false;
                self.query.clear();
            }
            _ => return Edit::NotMine,
        }
        Edit::Changed
    }

    /// The heading's note on the filter: `/query` with how many rows it keeps.
    pub fn note(&self, kept: usize, all: usize) -> String {
        if self.typing || self.is_active() {
            let cursor = if self.typing { "▏" } else { "" };
            format!(
                "  /{}{cursor}  {kept} of {all}",
                crate::text::sanitize_line(&self.query)
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
    fn typing_keys_edit_the_query_and_enter_and_esc_end_it() {
        let mut f = ListFilter::default();
        assert_eq!(f.edit(&Action::Input('x')), Edit::NotMine, "not typing yet");
        assert_eq!(f.edit(&Action::Filter), Edit::Kept);
        for c in "caesar spokes".chars() {
            assert_eq!(f.edit(&Action::Input(c)), Edit::Changed);
        }
        assert_eq!(f.edit(&Action::DeleteWord), Edit::Changed);
        assert_eq!(f.query, "caesar ");
        assert_eq!(f.edit(&Action::Down), Edit::NotMine);
        assert_eq!(f.edit(&Action::Accept), Edit::Kept);
        assert!(!f.typing && f.is_active());
        assert_eq!(f.edit(&Action::Filter), Edit::Kept);
        assert_eq!(f.edit(&Action::Cancel), Edit::Changed);
        assert_eq!(f, ListFilter::default());
    }
}
