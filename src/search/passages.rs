//! Passage search: every sentence of every article, searched with the same query
//! language and scoring as the dossier filter, so an analyst can find where the sources
//! say something before any dossier records it.
//!
//! Built for corpora far larger than the bundled one (BENCHMARKS.md): a sentence keeps
//! only a byte range of its article plus its lower-cased form (the folded and mapped
//! forms only when folding changed it); a query scores only the sentences whose
//! characters occur in order, and only the matches of the previous query when the new
//! one narrows it; positions are computed only for the hits on screen.

use std::ops::Range;

use fuzzy_matcher::skim::SkimMatcherV2;

use super::normalize::fold_for_search;
use super::{
    MatchClass, Query, class_of, lower_one_for_one, positions_in, score_term, term_may_match,
};
use crate::model::Corpus;

/// How many of the best matches (by class and shortness) get a fuzzy score: far more
/// than anyone scrolls through. A fuzzy term's characters in order match most long
/// sentences, and scoring is the expensive part (BENCHMARKS.md); the rest follow the
/// scored ones by class and shortness.
pub const SCORED: usize = 2_000;

/// One sentence of an article.
#[derive(Debug, Clone)]
struct Passage {
    source: u32,
    start: u32,
    end: u32,
    /// Folded for search, lower-cased one character for one.
    lower: Box<str>,
    /// Folded for search, same case; `None` when folding changed nothing (then it is
    /// the article's own text).
    folded: Option<Box<str>>,
    /// For each folded character, the original character's index; `None` when it is
    /// the identity.
    map: Option<Box<[u32]>>,
}

/// A sentence found by a query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PassageHit {
    /// Index into [`Corpus::sources`].
    pub source: usize,
    /// Byte range of the sentence in the article.
    pub range: Range<usize>,
    pub class: MatchClass,
    pub score: i64,
    /// Character indices of the sentence that matched (filled only where shown).
    pub positions: Vec<usize>,
}

/// Every sentence of a corpus, prepared for search.
pub struct PassageIndex {
    passages: Vec<Passage>,
    matcher: SkimMatcherV2,
}

impl std::fmt::Debug for PassageIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PassageIndex")
            .field("passages", &self.passages.len())
            .finish()
    }
}

/// The sentences of `text` as trimmed byte ranges: a sentence ends at a line break, or
/// after `.`, `!` or `?` (and any closing quotes or brackets) followed by white space.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    let push = |s: usize, e: usize, out: &mut Vec<Range<usize>>| {
        let piece = &text[s..e];
        let lead = piece.len() - piece.trim_start().len();
        let trimmed = piece.trim();
        if !trimmed.is_empty() {
            out.push(s + lead..s + lead + trimmed.len());
        }
    };
    while let Some((i, c)) = chars.next() {
        if c == '\n' {
            push(start, i, &mut out);
            start = i + 1;
        } else if matches!(c, '.' | '!' | '?') {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = chars.peek() {
                if matches!(d, '"' | '\'' | ')' | '”' | '’' | '»') {
                    end = j + d.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            if chars.peek().is_some_and(|&(_, d)| d.is_whitespace()) {
                push(start, end, &mut out);
                start = end;
            }
        }
    }
    push(start, text.len(), &mut out);
    out
}

impl PassageIndex {
    /// Splits every article of `corpus` into sentences and folds them.
    pub fn new(corpus: &Corpus) -> Self {
        let mut passages = Vec::new();
        for (si, s) in corpus.sources.iter().enumerate() {
            let text = s.article.text.as_str();
            for r in sentences(text) {
                let raw = &text[r.clone()];
                let (folded, map) = fold_for_search(raw);
                let identity = map.iter().enumerate().all(|(i, &m)| i == m)
                    && map.len() == raw.chars().count();
                passages.push(Passage {
                    source: si as u32,
                    start: r.start as u32,
                    end: r.end as u32,
                    lower: lower_one_for_one(&folded).into_boxed_str(),
                    folded: (folded != raw).then(|| folded.into_boxed_str()),
                    map: (!identity)
                        .then(|| map.into_iter().map(|m| m as u32).collect::<Box<[u32]>>()),
                });
            }
        }
        passages.shrink_to_fit();
        PassageIndex {
            passages,
            matcher: SkimMatcherV2::default().respect_case(),
        }
    }

    /// Number of sentences indexed.
    pub fn len(&self) -> usize {
        self.passages.len()
    }

    /// True when no article has any text.
    pub fn is_empty(&self) -> bool {
        self.passages.is_empty()
    }

    fn folded<'a>(&'a self, p: &'a Passage, corpus: &'a Corpus) -> &'a str {
        match &p.folded {
            Some(f) => f,
            None => corpus
                .sources
                .get(p.source as usize)
                .and_then(|s| s.article.text.get(p.start as usize..p.end as usize))
                .unwrap_or(""),
        }
    }

    /// Every sentence matching `query`, best first (match class, then fuzzy score for the
    /// best [`SCORED`], then the shorter sentence, then corpus order), WITHOUT positions. An empty query finds
    /// nothing. `candidates` and `cancelled` work as in [`super::SearchIndex::rank`]; the
    /// second value is the sentences that may match, the candidates for a narrower query.
    pub fn rank(
        &self,
        corpus: &Corpus,
        query: &Query,
        candidates: Option<&[u32]>,
        cancelled: &(dyn Fn() -> bool + Sync),
    ) -> Option<(Vec<PassageHit>, Vec<u32>)> {
        if query.is_empty() {
            return Some((Vec::new(), (0..self.passages.len() as u32).collect()));
        }
        let all: Vec<u32>;
        let candidates = match candidates {
            Some(c) => c,
            None => {
                all = (0..self.passages.len() as u32).collect();
                &all
            }
        };
        // Two halves on two threads: a one-letter query scores most sentences.
        let half = candidates.len().div_ceil(2);
        let (a, b) = candidates.split_at(half.min(candidates.len()));
        let (ra, rb) = if candidates.len() > 20_000 {
            std::thread::scope(|s| {
                let hb = s.spawn(|| self.rank_part(corpus, query, b, cancelled));
                let ra = self.rank_part(corpus, query, a, cancelled);
                (
                    ra,
                    hb.join().unwrap_or_else(|e| std::panic::resume_unwind(e)),
                )
            })
        } else {
            (
                self.rank_part(corpus, query, a, cancelled),
                self.rank_part(corpus, query, b, cancelled),
            )
        };
        let (mut found, mut matched) = ra?;
        let (found_b, matched_b) = rb?;
        found.extend(found_b);
        matched.extend(matched_b);
        // Best class, then shortest, then corpus order: the ones worth scoring first.
        found.sort_unstable_by(|x, y| (y.0, y.2, x.3).cmp(&(x.0, x.2, y.3)));
        for (i, hit) in found.iter_mut().take(SCORED).enumerate() {
            if i % 256 == 0 && cancelled() {
                return None;
            }
            let Some(p) = self.passages.get(hit.3 as usize) else {
                continue;
            };
            let folded = self.folded(p, corpus);
            hit.1 = query
                .terms
                .iter()
                .map(|t| score_term(&self.matcher, folded, &p.lower, t))
                .sum::<Option<i64>>()
                .unwrap_or(i64::MIN);
        }
        found.sort_unstable_by(|x, y| (y.0, y.1, y.2, x.3).cmp(&(x.0, x.1, x.2, y.3)));
        let hits = found
            .into_iter()
            .filter_map(|(class, score, _, pi)| {
                let p = self.passages.get(pi as usize)?;
                Some(PassageHit {
                    source: p.source as usize,
                    range: p.start as usize..p.end as usize,
                    class,
                    score: score.max(0),
                    positions: Vec::new(),
                })
            })
            .collect();
        Some((hits, matched))
    }

    /// The matches among `part` of the candidates, unscored: (class, `i64::MIN`,
    /// shortness, passage); and every candidate that may match.
    #[allow(clippy::type_complexity)]
    fn rank_part(
        &self,
        corpus: &Corpus,
        query: &Query,
        part: &[u32],
        cancelled: &(dyn Fn() -> bool + Sync),
    ) -> Option<(Vec<(MatchClass, i64, usize, u32)>, Vec<u32>)> {
        let mut found = Vec::new();
        let mut matched = Vec::new();
        for (n, &pi) in part.iter().enumerate() {
            if n % 1024 == 0 && cancelled() {
                return None;
            }
            let Some(p) = self.passages.get(pi as usize) else {
                continue;
            };
            let folded = self.folded(p, corpus);
            if !query
                .terms
                .iter()
                .all(|t| term_may_match(&self.matcher, folded, &p.lower, t))
            {
                continue;
            }
            matched.push(pi);
            let shortness = usize::MAX - (p.end - p.start) as usize;
            found.push((class_of(query, &p.lower), i64::MIN, shortness, pi));
        }
        Some((found, matched))
    }

    /// Character indices of the hit's sentence that `query` matched, for highlighting.
    pub fn positions(&self, corpus: &Corpus, hit: &PassageHit, query: &Query) -> Vec<usize> {
        let i = self.passages.partition_point(|p| {
            (p.source as usize, p.start as usize) < (hit.source, hit.range.start)
        });
        let Some(p) = self.passages.get(i) else {
            return Vec::new();
        };
        let folded = self.folded(p, corpus);
        positions_in(
            &self.matcher,
            folded,
            &p.lower,
            |c| match &p.map {
                Some(m) => m.get(c).map(|&x| x as usize),
                None => Some(c),
            },
            query,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(t: &str) -> Vec<&str> {
        sentences(t).into_iter().map(|r| &t[r]).collect()
    }

    #[test]
    fn sentences_end_at_stops_and_line_breaks() {
        assert_eq!(
            split("One. Two! “Three?” Four\nFive 3.5 six.\n\n  Seven"),
            ["One.", "Two!", "“Three?”", "Four", "Five 3.5 six.", "Seven"]
        );
        assert!(split(" \n \n").is_empty());
    }
}
