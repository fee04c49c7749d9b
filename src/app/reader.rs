//! What the reader needs besides its view state: the passages any dossier cites (for the
//! gutter and `n`/`N`), the article wrapped once per width, and article search.

use std::ops::Range;

use crate::model::Corpus;

use super::wrap::wrap;

/// Columns left of the article text: a mark for cited lines and a space.
pub const GUTTER: u16 = 2;

/// Per source, the start-sorted, de-duplicated byte ranges that any alias, claim,
/// variant or relation cites.
pub fn cited_ranges(corpus: &Corpus) -> Vec<Vec<Range<usize>>> {
    let mut out = vec![Vec::new(); corpus.sources.len()];
    for d in &corpus.dossiers {
        for c in d.all_cites() {
            if let Some(v) = out.get_mut(c.source) {
                v.push(c.range.clone());
            }
        }
    }
    for v in &mut out {
        v.sort_by_key(|r| (r.start, r.end));
        v.dedup();
    }
    out
}

/// The open article's display lines at one width, computed once per (article, width).
#[derive(Debug, Clone, Default)]
pub struct WrapCache {
    pub source: usize,
    pub width: usize,
    pub lines: Vec<Range<usize>>,
}

impl WrapCache {
    /// Makes sure the cache holds `source` wrapped at `width`.
    pub fn ensure(&mut self, corpus: &Corpus, source: usize, width: usize) {
        if self.source == source && self.width == width && !self.lines.is_empty() {
            return;
        }
        let text = corpus
            .sources
            .get(source)
            .map(|s| s.article.text.as_str())
            .unwrap_or("");
        *self = WrapCache {
            source,
            width,
            lines: wrap(text, width),
        };
    }

    /// The lines for `source` at `width`: the cached ones, or freshly wrapped ones when
    /// the cache is for something else (correct, only slower).
    pub fn get(
        &self,
        corpus: &Corpus,
        source: usize,
        width: usize,
    ) -> std::borrow::Cow<'_, [Range<usize>]> {
        if self.source == source && self.width == width && !self.lines.is_empty() {
            std::borrow::Cow::Borrowed(&self.lines)
        } else {
            let text = corpus
                .sources
                .get(source)
                .map(|s| s.article.text.as_str())
                .unwrap_or("");
            std::borrow::Cow::Owned(wrap(text, width))
        }
    }
}

/// The display line containing byte `offset`.
pub fn line_of(lines: &[Range<usize>], offset: usize) -> usize {
    lines
        .partition_point(|l| l.start <= offset)
        .saturating_sub(1)
}

/// Byte ranges of `needle` in `text`, case-insensitively (by simple lower-casing when it
/// keeps byte offsets, otherwise exactly).
pub fn find_all(text: &str, needle: &str) -> Vec<Range<usize>> {
    if needle.is_empty() {
        return Vec::new();
    }
    let lower = text.to_lowercase();
    let (hay, pat) = if lower.len() == text.len() {
        (lower, needle.to_lowercase())
    } else {
        (text.to_owned(), needle.to_owned())
    };
    if pat.len() != needle.len() {
        return text
            .match_indices(needle)
            .map(|(i, m)| i..i + m.len())
            .collect();
    }
    hay.match_indices(&pat)
        .map(|(i, m)| i..i + m.len())
        .filter(|r| text.is_char_boundary(r.start) && text.is_char_boundary(r.end))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_case_insensitively() {
        assert_eq!(find_all("Legion and legion", "LEGION"), vec![0..6, 11..17]);
        assert!(find_all("x", "").is_empty());
    }

    #[test]
    fn line_lookup() {
        let lines = vec![0..5, 6..10, 11..20];
        assert_eq!(line_of(&lines, 0), 0);
        assert_eq!(line_of(&lines, 7), 1);
        assert_eq!(line_of(&lines, 19), 2);
    }
}
