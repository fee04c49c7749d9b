//! One text against a query, for the short lists the browser filters in place (disputes,
//! claims, sources, the timeline, cited-by, relations): the same query language, smart
//! case, diacritic folding and highlighted positions as the index, without an index.
//! These lists hold at most a few thousand rows, so matching each row on each key is
//! cheaper than keeping an index of them up to date.

use fuzzy_matcher::skim::SkimMatcherV2;

use super::normalize::fold_for_search;
use super::query::Query;
use super::{positions_in, score_term};

/// A query ready to match texts one by one.
pub struct Matcher {
    query: Query,
    matcher: SkimMatcherV2,
}

impl Matcher {
    /// A matcher for `query` (fzf's syntax, as the index's filter).
    pub fn new(query: &str) -> Matcher {
        Matcher {
            query: super::query::parse(query),
            matcher: SkimMatcherV2::default(),
        }
    }

    /// True when the query has no terms: every text passes.
    pub fn is_empty(&self) -> bool {
        self.query.is_empty()
    }

    /// The character positions of `text` the query matched (empty for an empty query),
    /// or `None` when `text` does not pass every term.
    pub fn positions(&self, text: &str) -> Option<Vec<usize>> {
        if self.query.is_empty() {
            return Some(Vec::new());
        }
        let (folded, map) = fold_for_search(text);
        let lower = folded.to_lowercase();
        for t in &self.query.terms {
            score_term(&self.matcher, &folded, &lower, t)?;
        }
        Some(positions_in(
            &self.matcher,
            &folded,
            &lower,
            |i| map.get(i).copied(),
            &self.query,
        ))
    }

    /// The characters of `text` to highlight in a filtered list's row: every
    /// occurrence of each (not negated) term's text, folded as matching folds it. Unlike
    /// [`Matcher::positions`] a row's pieces are marked one by one, so a fuzzy term
    /// marks only where it occurs whole (scattered letters across a claim's text would
    /// mark half the row).
    pub fn highlights(&self, text: &str) -> Vec<usize> {
        let mut out = Vec::new();
        if self.query.is_empty() {
            return out;
        }
        let (folded, map) = fold_for_search(text);
        let lower = folded.to_lowercase();
        for t in self.query.terms.iter().filter(|t| !t.negated) {
            let hay = if t.case_sensitive { &folded } else { &lower };
            let n = t.text.chars().count();
            for (b, _) in hay.match_indices(t.text.as_str()) {
                let start = hay[..b].chars().count();
                out.extend((start..start + n).filter_map(|i| map.get(i).copied()));
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// True when `text` passes every term.
    pub fn matches(&self, text: &str) -> bool {
        self.positions(text).is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_index_query_language_works_on_one_text() {
        let m = Matcher::new("legion !corps");
        assert!(m.matches("Freedom of Russia Legion"));
        assert!(!m.matches("Russian Volunteer Corps and the Legion"));
        assert!(Matcher::new("cesar").matches("César"), "diacritics fold");
        assert!(!Matcher::new("Legion").matches("the legion"), "smart case");
        assert!(Matcher::new("^free").matches("Freedom of Russia Legion"));
        assert!(Matcher::new("").matches("anything"));
        let at = Matcher::new("'legion").positions("Freedom of Russia Legion");
        assert_eq!(at, Some((18..24).collect()));
        let marks = Matcher::new("legion !corps").highlights("Legion, the legion");
        assert_eq!(marks, [0, 1, 2, 3, 4, 5, 12, 13, 14, 15, 16, 17]);
        assert!(
            Matcher::new("lgn").highlights("Legion").is_empty(),
            "scattered letters"
        );
    }
}
