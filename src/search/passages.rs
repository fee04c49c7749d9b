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
use super::prefilter::{Classifier, char_mask, may_contain, query_mask};
use super::{MatchClass, Query, lower_one_for_one, positions_in, score_term, term_may_match};
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
    /// For each passage, the characters of its `lower` (`prefilter::char_mask`); apart
    /// from the passages so that rejecting one reads 8 contiguous bytes.
    masks: Vec<u64>,
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
        let mut masks = Vec::new();
        for (si, s) in corpus.sources.iter().enumerate() {
            let text = s.article.text.as_str();
            for r in sentences(text) {
                let raw = &text[r.clone()];
                let (folded, map) = fold_for_search(raw);
                let lower = lower_one_for_one(&folded);
                let identity = map.iter().enumerate().all(|(i, &m)| i == m)
                    && map.len() == raw.chars().count();
                masks.push(char_mask(&lower));
                passages.push(Passage {
                    source: si as u32,
                    start: r.start as u32,
                    end: r.end as u32,
                    lower: lower.into_boxed_str(),
                    folded: (folded != raw).then(|| folded.into_boxed_str()),
                    map: (!identity)
                        .then(|| map.into_iter().map(|m| m as u32).collect::<Box<[u32]>>()),
                });
            }
        }
        passages.shrink_to_fit();
        masks.shrink_to_fit();
        PassageIndex {
            passages,
            masks,
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
        self.rank_scoring(corpus, query, candidates, cancelled, SCORED)
    }

    /// [`PassageIndex::rank`], scoring the best `scored` matches (a parameter so tests
    /// can exceed it on a small corpus).
    fn rank_scoring(
        &self,
        corpus: &Corpus,
        query: &Query,
        candidates: Option<&[u32]>,
        cancelled: &(dyn Fn() -> bool + Sync),
        scored: usize,
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
        // Only they need the full order by score; the rest only their (already packed)
        // order, so the best SCORED are selected, not sorted with everything else.
        let scored = found.len().min(scored);
        if found.len() > scored {
            found.select_nth_unstable(scored);
        }
        let (best, rest) = found.split_at_mut(scored);
        let mut top = Vec::with_capacity(scored);
        for (i, &key) in best.iter().enumerate() {
            if i % 256 == 0 && cancelled() {
                return None;
            }
            let (class, len, pi) = unpack(key);
            let Some(p) = self.passages.get(pi as usize) else {
                continue;
            };
            let folded = self.folded(p, corpus);
            let score = query
                .terms
                .iter()
                .map(|t| score_term(&self.matcher, folded, &p.lower, t))
                .sum::<Option<i64>>()
                .unwrap_or(i64::MIN);
            top.push((class, score, len, pi));
        }
        top.sort_unstable_by(|x, y| (y.0, y.1, x.2, x.3).cmp(&(x.0, x.1, y.2, y.3)));
        rest.sort_unstable();
        let unscored = rest.iter().map(|&key| {
            let (class, len, pi) = unpack(key);
            (class, i64::MIN, len, pi)
        });
        let hits = top
            .into_iter()
            .chain(unscored)
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

    /// The matches among `part` of the candidates, unscored, as [`pack`]ed keys; and
    /// every candidate that may match.
    fn rank_part(
        &self,
        corpus: &Corpus,
        query: &Query,
        part: &[u32],
        cancelled: &(dyn Fn() -> bool + Sync),
    ) -> Option<(Vec<u64>, Vec<u32>)> {
        let mut found = Vec::new();
        let mut matched = Vec::new();
        let qmask = query_mask(query);
        let classifier = Classifier::new(query);
        // The folded form is read only by case-sensitive terms.
        let needs_folded = query.terms.iter().any(|t| t.case_sensitive);
        for (n, &pi) in part.iter().enumerate() {
            if n % 1024 == 0 && cancelled() {
                return None;
            }
            if !self
                .masks
                .get(pi as usize)
                .is_some_and(|&m| may_contain(m, qmask))
            {
                continue;
            }
            let Some(p) = self.passages.get(pi as usize) else {
                continue;
            };
            let folded = if needs_folded {
                self.folded(p, corpus)
            } else {
                &p.lower
            };
            if !query
                .terms
                .iter()
                .all(|t| term_may_match(&self.matcher, folded, &p.lower, t))
            {
                continue;
            }
            matched.push(pi);
            found.push(pack(classifier.class(&p.lower), p.end - p.start, pi));
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

/// Longest sentence length a rank key tells apart; longer ones rank as equally long
/// (then by corpus order).
const MAX_LEN: u32 = (1 << 30) - 1;

/// A match's rank before scoring as one integer, smaller first: best class, then the
/// shorter sentence, then corpus order. Sorting `u64`s is several times faster than
/// sorting tuples, and one-letter queries match most of the corpus.
fn pack(class: MatchClass, len: u32, passage: u32) -> u64 {
    let class = 3 - class as u64;
    (class << 62) | (u64::from(len.min(MAX_LEN)) << 32) | u64::from(passage)
}

/// The (class, length, passage) of a [`pack`]ed key.
fn unpack(key: u64) -> (MatchClass, u32, u32) {
    let class = match 3 - (key >> 62) {
        3 => MatchClass::Equal,
        2 => MatchClass::WordStart,
        1 => MatchClass::Substring,
        _ => MatchClass::Fuzzy,
    };
    (class, ((key >> 32) as u32) & MAX_LEN, key as u32)
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

    /// The ranking as it was before the packed keys and the selection (every match
    /// sorted by class, shortness and order; the first `scored` scored; all sorted again),
    /// written plainly from the shared helpers.
    fn reference(index: &PassageIndex, corpus: &Corpus, q: &str, scored: usize) -> Vec<PassageHit> {
        let query = super::super::parse(q);
        let mut found: Vec<(MatchClass, i64, usize, u32)> = Vec::new();
        for (pi, p) in index.passages.iter().enumerate() {
            let folded = index.folded(p, corpus);
            if query
                .terms
                .iter()
                .all(|t| term_may_match(&index.matcher, folded, &p.lower, t))
            {
                let shortness = usize::MAX - (p.end - p.start) as usize;
                let class = super::super::class_of(&query, &p.lower);
                found.push((class, i64::MIN, shortness, pi as u32));
            }
        }
        found.sort_unstable_by(|x, y| (y.0, y.2, x.3).cmp(&(x.0, x.2, y.3)));
        for hit in found.iter_mut().take(scored) {
            let p = &index.passages[hit.3 as usize];
            let folded = index.folded(p, corpus);
            hit.1 = query
                .terms
                .iter()
                .map(|t| score_term(&index.matcher, folded, &p.lower, t))
                .sum::<Option<i64>>()
                .unwrap_or(i64::MIN);
        }
        found.sort_unstable_by(|x, y| (y.0, y.1, y.2, x.3).cmp(&(x.0, x.1, x.2, y.3)));
        found
            .into_iter()
            .map(|(class, score, _, pi)| {
                let p = &index.passages[pi as usize];
                PassageHit {
                    source: p.source as usize,
                    range: p.start as usize..p.end as usize,
                    class,
                    score: score.max(0),
                    positions: Vec::new(),
                }
            })
            .collect()
    }

    /// The mask prefilter, the one-pass classifier, the packed keys and selecting (not
    /// sorting) the scored matches change nothing: the same hits in the same order as
    /// the plain ranking, also when more match than are scored.
    #[test]
    fn rank_equals_the_plain_ranking() {
        let corpus = crate::check::check(&crate::data::DataRoot::Bundled).corpus;
        let index = PassageIndex::new(&corpus);
        for q in ["a", "ukr", "Legion", "'the ^r", "kap !o", "freedom$", "бел"] {
            for scored in [0, 5, 40, SCORED] {
                let got = index
                    .rank_scoring(&corpus, &super::super::parse(q), None, &|| false, scored)
                    .map(|(hits, _)| hits);
                let want = reference(&index, &corpus, q, scored);
                assert!(want.len() > 5 || q != "a", "too few matches to test with");
                assert_eq!(got, Some(want), "{q} {scored}");
            }
        }
    }

    #[test]
    fn packed_keys_order_by_class_then_length_then_passage() {
        use MatchClass::*;
        let mut keys = vec![
            pack(Fuzzy, 3, 0),
            pack(Equal, 9, 7),
            pack(Substring, 2, 5),
            pack(Substring, 2, 4),
            pack(WordStart, 50, 1),
            pack(Substring, 1, 9),
        ];
        keys.sort_unstable();
        let order: Vec<_> = keys.into_iter().map(unpack).collect();
        assert_eq!(
            order,
            [
                (Equal, 9, 7),
                (WordStart, 50, 1),
                (Substring, 1, 9),
                (Substring, 2, 4),
                (Substring, 2, 5),
                (Fuzzy, 3, 0),
            ]
        );
        assert_eq!(
            unpack(pack(Fuzzy, u32::MAX, u32::MAX)),
            (Fuzzy, MAX_LEN, u32::MAX)
        );
    }
}
