//! Passage search: every sentence of every article, searched with the same query
//! language and scoring as the dossier filter, so an analyst can find where the sources
//! say something before any dossier records it.
//!
//! Built for corpora far larger than the bundled one (BENCHMARKS.md): the sentences are
//! parallel arrays (a byte range of the article, a character mask, two bits saying
//! whether the sentence is read as it is or folded as it is read: [`forms`]); a
//! query scores only the sentences whose characters occur in order, and only the
//! matches of the previous query when the new one narrows it, continuing their greedy
//! match (the incremental filter shared with the dossier search, `search::narrowing`); hits are built only when read ([`hits`]) and positions only for
//! the hits on screen.

mod forms;
mod hits;
mod order;
mod places;

use std::borrow::Cow;
use std::ops::Range;
use std::sync::Arc;

use fuzzy_matcher::skim::SkimMatcherV2;
use rayon::prelude::*;

/// What a passage query leaves for the next: the one incremental filter's state.
pub use super::narrowing::Matched;
use super::narrowing::{Candidates, Filter, Haystacks, map_chunks};
use super::normalize::fold_for_search;
use super::{MatchClass, Query, positions_in, score_term};
use crate::model::Corpus;
use forms::{Form, Forms, fold_mask, unfold_mask};
use hits::Scored;
pub use hits::{PassageHit, PassageHits};
use order::ByClass;
use places::Places;

/// How many of the best matches (by class and shortness) get a fuzzy score: far more
/// than anyone scrolls through. A fuzzy term's characters in order match most long
/// sentences, and scoring is the expensive part (BENCHMARKS.md); the rest follow the
/// scored ones by class and shortness.
pub const SCORED: usize = 2_000;

/// Below this many matches to score, one thread scores them all.
const PARALLEL_SCORING_FROM: usize = 256;

/// Every sentence of a corpus, prepared for search. Laid out as parallel arrays (no
/// allocation per sentence): a search walks the candidates in sentence order, so the
/// masks and places it reads are contiguous and read ahead by the CPU.
///
/// No copy of the text is kept: the filter reads the article's own bytes with ASCII
/// letters in either case (`Haystacks::ascii_cased`), and folds the few sentences that
/// need it as it reads them ([`forms`]). At 100,000 dossiers the copies of all 224 MB
/// of article text were what took the browser past twice its files once a passage
/// search was opened, and at 10,000 the copies of the sentences folding changes
/// (BENCHMARKS.md, "passages memory").
pub struct PassageIndex {
    /// Where each sentence is; shared with every [`PassageHits`].
    locs: Arc<Places>,
    /// For each sentence, the characters of its lower-cased text
    /// (`prefilter::char_mask`, folded to 32 bits: `forms::fold_mask`): rejecting one
    /// reads 4 contiguous bytes.
    masks: Vec<u32>,
    /// How each sentence is read.
    forms: Forms,
    matcher: SkimMatcherV2,
}

impl std::fmt::Debug for PassageIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PassageIndex")
            .field("passages", &self.locs.len())
            .field("folded", &self.forms.folded_count())
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

/// True when a query's `matched` of `all` sentences are worth keeping for the next key
/// to narrow: not when they are nearly every sentence (a letter: `s` matches 303,491 of
/// 345,394 at 10k). Checking the next key from scratch then reads barely more
/// candidates (the masks reject the rest), and the list, 8 bytes a match, was alive
/// beside the next key's at the browser's peak with a passage search open
/// (BENCHMARKS.md, "sixth pass: passages memory"). The empty [`Matched`] left instead
/// says "from scratch".
fn keeps(matched: usize, all: usize) -> bool {
    matched <= all / 4 * 3
}

/// A passage index and the texts of the corpus its sentences are in, as the filter
/// reads them.
struct Texts<'a> {
    index: &'a PassageIndex,
    /// Each source's article text, by source index (read for every candidate: one
    /// small list instead of the corpus's sources).
    articles: Vec<&'a str>,
}

impl<'a> Texts<'a> {
    fn new(index: &'a PassageIndex, corpus: &'a Corpus) -> Self {
        Texts {
            index,
            articles: corpus
                .sources
                .iter()
                .map(|s| s.article.text.as_str())
                .collect(),
        }
    }

    /// The bytes of sentence `i` in its article.
    #[inline]
    fn text_bytes(&self, i: u32) -> &'a [u8] {
        self.index
            .locs
            .get(i)
            .and_then(|l| {
                self.articles
                    .get(l.source as usize)?
                    .as_bytes()
                    .get(l.start as usize..l.end as usize)
            })
            .unwrap_or_default()
    }

    /// Sentence `i` in its article.
    fn text(&self, i: u32) -> &'a str {
        self.index
            .locs
            .get(i)
            .and_then(|l| {
                self.articles
                    .get(l.source as usize)?
                    .get(l.start as usize..l.end as usize)
            })
            .unwrap_or("")
    }
}

impl Haystacks for Texts<'_> {
    #[inline]
    fn mask(&self, i: u32) -> u64 {
        self.index
            .masks
            .get(i as usize)
            .map_or(u64::MAX, |&m| unfold_mask(m))
    }

    /// The sentence itself (ASCII letters as written: `ascii_cased`), or its form made.
    #[inline]
    fn lower(&self, i: u32) -> Cow<'_, str> {
        self.index.forms.form(i).lower(self.text(i))
    }

    #[inline]
    fn ascii_cased(&self, i: u32) -> bool {
        self.index.forms.form(i).ascii_cased()
    }

    /// The sentence's bytes, or its form made in `scratch`. Bytes, not `&str`: slicing a
    /// `str` checks both ends are character boundaries, which reads two more cache
    /// lines per candidate (a third of a narrowing key); the match reads only from the
    /// previous end on.
    #[inline]
    fn hay<'a>(&'a self, i: u32, scratch: &'a mut String) -> (&'a [u8], bool) {
        match self.index.forms.form(i) {
            Form::Text => (self.text_bytes(i), true),
            form => (
                form.lower_into(self.text(i), scratch).as_bytes(),
                form.ascii_cased(),
            ),
        }
    }

    #[inline]
    fn folded(&self, i: u32) -> Cow<'_, str> {
        self.index.forms.form(i).folded(self.text(i))
    }

    /// Asks the CPU to fetch the cache line of sentence `i`'s text at byte `at`, where
    /// the candidate `narrowing::PREFETCH` places later continues its match: the
    /// candidates are scattered over 22 MB of text at 10k, and waiting for each one's
    /// text was most of a narrowing key (BENCHMARKS.md; fetching its whole text instead,
    /// for the class scan, measured no better).
    #[inline]
    fn prefetch(&self, i: u32, at: usize) {
        super::narrowing::prefetch(self.text_bytes(i).as_ptr().wrapping_add(at));
    }
}

impl PassageIndex {
    /// Splits every article of `corpus` into sentences and folds them.
    ///
    /// The sentences are counted first (in parallel: a tenth of the build) so the
    /// places and masks are allocated once at their length: grown by doubling, each
    /// copy was alive beside the last and the freed ones stayed with the allocator,
    /// part of the browser's peak once a passage search opened (BENCHMARKS.md, "passages
    /// memory").
    pub fn new(corpus: &Corpus) -> Self {
        let n: usize = corpus
            .sources
            .par_iter()
            .map(|s| sentences(&s.article.text).len())
            .sum();
        let mut locs = Places::with_capacity(n);
        let mut masks = Vec::with_capacity(n);
        let mut forms = Forms::default();
        for (si, s) in corpus.sources.iter().enumerate() {
            let text = s.article.text.as_str();
            for r in sentences(text) {
                masks.push(fold_mask(forms.push(text.get(r.clone()).unwrap_or(""))));
                locs.push(si as u32, r.start as u32, r.end as u32);
            }
        }
        forms.shrink_to_fit();
        locs.shrink_to_fit();
        PassageIndex {
            locs: Arc::new(locs),
            masks,
            forms,
            matcher: SkimMatcherV2::default().respect_case(),
        }
    }

    /// Number of sentences indexed.
    pub fn len(&self) -> usize {
        self.locs.len()
    }

    /// True when no article has any text.
    pub fn is_empty(&self) -> bool {
        self.locs.is_empty()
    }

    /// Sentence `i` in its article.
    fn text<'a>(&self, i: u32, corpus: &'a Corpus) -> &'a str {
        self.locs
            .get(i)
            .and_then(|l| {
                corpus
                    .sources
                    .get(l.source as usize)?
                    .article
                    .text
                    .get(l.start as usize..l.end as usize)
            })
            .unwrap_or("")
    }

    /// Sentence `i` folded and lower-cased.
    fn lower<'a>(&self, i: u32, corpus: &'a Corpus) -> Cow<'a, str> {
        let form = self.forms.form(i);
        let read = form.lower(self.text(i, corpus));
        if form.ascii_cased() {
            Cow::Owned(read.to_ascii_lowercase())
        } else {
            read
        }
    }

    /// Sentence `i` folded, same case.
    fn folded<'a>(&self, i: u32, corpus: &'a Corpus) -> Cow<'a, str> {
        self.forms.form(i).folded(self.text(i, corpus))
    }

    /// Every sentence matching `query`, best first (match class, then fuzzy score for
    /// the best [`SCORED`], then the shorter sentence, then corpus order), WITHOUT
    /// positions. An empty query finds nothing. `previous`, when given, is what the
    /// previous query matched, and the new query must narrow it (`search::narrows`);
    /// `cancelled` works as in [`super::SearchIndex::rank`]. The second value is what a
    /// narrower query can start from.
    pub fn rank(
        &self,
        corpus: &Corpus,
        query: &Query,
        previous: Option<&Matched>,
        cancelled: &(dyn Fn() -> bool + Sync),
    ) -> Option<(PassageHits, Matched)> {
        self.rank_scoring(corpus, query, previous, cancelled, SCORED)
    }

    /// [`PassageIndex::rank`], scoring the best `scored` matches (a parameter so tests
    /// can exceed it on a small corpus).
    fn rank_scoring(
        &self,
        corpus: &Corpus,
        query: &Query,
        previous: Option<&Matched>,
        cancelled: &(dyn Fn() -> bool + Sync),
        scored: usize,
    ) -> Option<(PassageHits, Matched)> {
        // An empty query matches nothing and leaves no list of every sentence (27 MB at
        // 100k, and the first key would read it instead of counting): the query after
        // it is checked from scratch, as it would be from that list.
        if query.is_empty() {
            let nothing = Matched {
                query: query.clone(),
                items: Vec::new(),
            };
            return Some((PassageHits::default(), nothing));
        }
        let previous = previous.filter(|p| !p.query.is_empty());
        let filter = Filter::new(query, previous, &self.matcher);
        let texts = Texts::new(self, corpus);
        let matched =
            filter.matches(&texts, Candidates::of(previous, self.locs.len()), cancelled)?;
        // Best class, then shortest, then corpus order, counted into place: the first
        // `scored` are the ones worth scoring; only they need the full order by score.
        let mut order = ByClass::new(&matched, |pi| self.len_of(pi));
        let next = if keeps(matched.len(), self.len()) {
            Matched {
                query: query.clone(),
                items: matched,
            }
        } else {
            drop(matched);
            Matched::default()
        };
        let scored = order.len().min(scored);
        let best: Vec<u64> = (0..scored)
            .filter_map(|k| order.get(k))
            .map(|(class, pi)| pack(class, self.len_of(pi), pi))
            .collect();
        let mut top = map_chunks(&best, PARALLEL_SCORING_FROM, |keys| {
            self.score_part(corpus, query, keys, cancelled)
        })?;
        top.sort_unstable_by(|x, y| (y.0, y.1, x.2, x.3).cmp(&(x.0, x.1, y.2, y.3)));
        let top: Vec<Scored> = top.into_iter().map(|(c, s, _, pi)| (c, s, pi)).collect();
        order.drain_front(scored);
        Some((PassageHits::new(top, order, Arc::clone(&self.locs)), next))
    }

    /// The fuzzy scores of the matches `keys`: (class, score, length, sentence).
    fn score_part(
        &self,
        corpus: &Corpus,
        query: &Query,
        keys: &[u64],
        cancelled: &(dyn Fn() -> bool + Sync),
    ) -> Option<Vec<(MatchClass, i64, u32, u32)>> {
        let mut out = Vec::with_capacity(keys.len());
        for (i, &key) in keys.iter().enumerate() {
            if i % 256 == 0 && cancelled() {
                return None;
            }
            let (class, len, pi) = unpack(key);
            let lower = self.lower(pi, corpus);
            let folded = self.folded(pi, corpus);
            let score = query
                .terms
                .iter()
                .map(|t| score_term(&self.matcher, &folded, &lower, t))
                .sum::<Option<i64>>()
                .unwrap_or(i64::MIN);
            out.push((class, score, len, pi));
        }
        Some(out)
    }

    /// Sentence `pi`'s length in bytes, as far as the rank tells lengths apart.
    fn len_of(&self, pi: u32) -> u32 {
        self.locs
            .span(pi)
            .map_or(0, |(start, end)| end.saturating_sub(start))
            .min(MAX_LEN)
    }

    /// Character indices of the hit's sentence that `query` matched, for highlighting.
    pub fn positions(&self, corpus: &Corpus, hit: &PassageHit, query: &Query) -> Vec<usize> {
        let (Ok(source), Ok(start)) = (u32::try_from(hit.source), u32::try_from(hit.range.start))
        else {
            return Vec::new();
        };
        let i = self.locs.at_or_after(source, start);
        if i >= self.locs.len() {
            return Vec::new();
        }
        let i = i as u32;
        // Only the hits on screen: the map back to the original characters is made
        // here, not kept (the folded forms are made as they are read: [`forms`]).
        let (folded, map) = fold_for_search(self.text(i, corpus));
        positions_in(
            &self.matcher,
            &folded,
            &self.lower(i, corpus),
            |c| map.get(c).copied(),
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
    use super::super::narrowing::{greedy_end, state};
    use super::super::normalize::fold_for_search;
    use super::super::prefilter::char_mask;
    use super::super::{TermKind, lower_one_for_one, term_may_match};
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
    /// written plainly from the shared helpers, one `PassageHit` per match.
    fn reference(index: &PassageIndex, corpus: &Corpus, q: &str, scored: usize) -> Vec<PassageHit> {
        let query = super::super::parse(q);
        let mut found: Vec<(MatchClass, i64, usize, u32)> = Vec::new();
        for pi in 0..index.len() as u32 {
            let folded = &index.folded(pi, corpus);
            let lower = &index.lower(pi, corpus);
            if query
                .terms
                .iter()
                .all(|t| term_may_match(&index.matcher, folded, lower, t))
            {
                let l = index.locs.get(pi).unwrap_or_default();
                let shortness = usize::MAX - (l.end - l.start) as usize;
                let class = super::super::class_of(&query, lower);
                found.push((class, i64::MIN, shortness, pi));
            }
        }
        found.sort_unstable_by(|x, y| (y.0, y.2, x.3).cmp(&(x.0, x.2, y.3)));
        for hit in found.iter_mut().take(scored) {
            let folded = &index.folded(hit.3, corpus);
            let lower = &index.lower(hit.3, corpus);
            hit.1 = query
                .terms
                .iter()
                .map(|t| score_term(&index.matcher, folded, lower, t))
                .sum::<Option<i64>>()
                .unwrap_or(i64::MIN);
        }
        found.sort_unstable_by(|x, y| (y.0, y.1, y.2, x.3).cmp(&(x.0, x.1, x.2, y.3)));
        found
            .into_iter()
            .map(|(class, score, _, pi)| {
                let l = index.locs.get(pi).unwrap_or_default();
                PassageHit {
                    source: l.source as usize,
                    range: l.start as usize..l.end as usize,
                    class,
                    score: score.max(0),
                    positions: Vec::new(),
                }
            })
            .collect()
    }

    /// Every sentence's text and its folded and lower-cased forms, as the index was
    /// before its parallel arrays (one allocation per sentence): the same sentences
    /// and texts.
    #[test]
    fn index_holds_each_sentence_folded_and_lower_cased() {
        let corpus = crate::check::check(&crate::data::DataRoot::Bundled).corpus;
        let index = PassageIndex::new(&corpus);
        let mut n = 0u32;
        let mut folded_some = 0;
        for (si, s) in corpus.sources.iter().enumerate() {
            let text = s.article.text.as_str();
            for r in sentences(text) {
                let raw = &text[r.clone()];
                let (folded, map) = fold_for_search(raw);
                assert_eq!(index.locs.get(n).map(|l| l.source as usize), Some(si));
                assert_eq!(index.folded(n, &corpus), folded);
                assert_eq!(index.lower(n, &corpus), lower_one_for_one(&folded));
                assert_eq!(map.len(), folded.chars().count(), "{raw}");
                folded_some += usize::from(index.folded(n, &corpus) != raw);
                n += 1;
            }
        }
        assert_eq!(index.len(), n as usize);
        assert!(
            folded_some > 0,
            "the bundled articles have typographic quotes"
        );
    }

    /// What the filter reads of each sentence (`Texts`) is its plain folded,
    /// lower-cased form and mask: the article's text or its folded form, read with
    /// ASCII letters in either case, or its folded form lower-cased; and only the
    /// sentences folding or lower-casing changes beyond ASCII letters are folded.
    #[test]
    fn the_filter_reads_each_sentence_as_its_plain_forms() {
        let corpus = crate::check::check(&crate::data::DataRoot::Bundled).corpus;
        let index = PassageIndex::new(&corpus);
        let texts = Texts::new(&index, &corpus);
        let (mut folded_reads, mut lower_reads) = (0, 0);
        for i in 0..index.len() as u32 {
            let raw = index.text(i, &corpus);
            let (folded, _) = fold_for_search(raw);
            let lower = lower_one_for_one(&folded);
            assert_eq!(
                texts.mask(i),
                unfold_mask(fold_mask(char_mask(&lower))),
                "{raw}"
            );
            assert_eq!(texts.folded(i), folded, "{raw}");
            if texts.ascii_cased(i) {
                // The text itself or its folded form, ASCII letters in either case.
                assert_eq!(texts.lower(i).to_ascii_lowercase(), lower, "{raw}");
                if texts.lower(i) != raw {
                    assert_eq!(texts.lower(i), folded, "{raw}");
                    folded_reads += 1;
                }
            } else {
                assert_eq!(texts.lower(i), lower, "{raw}");
                assert_ne!(
                    folded.to_ascii_lowercase(),
                    lower,
                    "a form read with ASCII letters in either case would serve"
                );
                lower_reads += 1;
            }
            assert_eq!(texts.lower_bytes(i), texts.lower(i).as_bytes());
            let mut scratch = "left over".to_owned();
            let want = (&*texts.lower_bytes(i), texts.ascii_cased(i));
            assert_eq!(texts.hay(i, &mut scratch), want);
        }
        // Typographic quotes (folded) and Cyrillic capitals (lower-cased), a few.
        assert!(folded_reads > 0 && lower_reads > 0);
        let made = folded_reads + lower_reads;
        assert_eq!(made, index.forms.folded_count() as usize);
        assert!(made < index.len() / 2, "{made} of {}", index.len());
    }

    /// A hit's highlighted characters are those of the original sentence its folded
    /// characters came from, also where folding moved them (a Hangul syllable is three
    /// letters folded).
    #[test]
    fn positions_point_at_the_original_characters() {
        let corpus = crate::check::check(&crate::data::DataRoot::Bundled).corpus;
        let index = PassageIndex::new(&corpus);
        let Some((hits, _)) = index.rank(&corpus, &super::super::parse("'Legion"), None, &|| false)
        else {
            panic!("not cancelled");
        };
        let hit = hits
            .iter()
            .next()
            .expect("the bundled articles name the Legion");
        let text = &corpus.sources[hit.source].article.text[hit.range.clone()];
        let pos = index.positions(&corpus, &hit, &super::super::parse("'Legion"));
        let chars: Vec<char> = text.chars().collect();
        let got: String = pos.iter().map(|&p| chars[p]).collect();
        assert_eq!(got, "Legion", "{text}");
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
                    .map(|(hits, _)| hits.iter().collect::<Vec<_>>());
                let want = reference(&index, &corpus, q, scored);
                assert!(want.len() > 5 || q != "a", "too few matches to test with");
                assert_eq!(got, Some(want), "{q} {scored}");
            }
        }
    }

    /// Typed one key at a time (the greedy match continued, classes carried over,
    /// terms added, case-sensitivity switched on, negations), every step ranks exactly as
    /// the plain ranking of the whole query.
    #[test]
    fn typing_on_equals_the_plain_ranking() {
        let corpus = crate::check::check(&crate::data::DataRoot::Bundled).corpus;
        let index = PassageIndex::new(&corpus);
        // Steps whose matches were too many to keep (the next checked from scratch).
        let mut dropped = 0;
        for q in [
            "volunteer corps",
            "the rus",
            "BelgoRod",
            "leg ion",
            "rus !the",
            "'russ ia",
            "бел город",
            r"o\ r",
        ] {
            let mut previous: Option<(String, Matched)> = None;
            for end in (1..=q.len()).filter(|&e| q.is_char_boundary(e)) {
                let typed = &q[..end];
                let query = super::super::parse(typed);
                let from = previous
                    .as_ref()
                    .filter(|(old, _)| super::super::narrows(old, typed))
                    .map(|(_, m)| m);
                let (hits, matched) = index
                    .rank_scoring(&corpus, &query, from, &|| false, 40)
                    .unwrap_or_default();
                // An empty query (`'` alone) finds nothing.
                let want = if query.is_empty() {
                    Vec::new()
                } else {
                    reference(&index, &corpus, typed, 40)
                };
                assert_eq!(hits.iter().collect::<Vec<_>>(), want, "{typed:?}");
                // The candidates kept are exactly the cheap check's passes, each with
                // its greedy end and class.
                let expect: Vec<(u32, u32)> = (0..index.len() as u32)
                    .filter_map(|pi| {
                        let (folded, lower) =
                            (&index.folded(pi, &corpus), &index.lower(pi, &corpus));
                        query
                            .terms
                            .iter()
                            .all(|t| term_may_match(&index.matcher, folded, lower, t))
                            .then_some(pi)
                            .filter(|_| !query.is_empty())
                            .map(|pi| {
                                let end = match query.terms.last() {
                                    Some(t) if t.kind == TermKind::Fuzzy && !t.negated => {
                                        let hay = if t.case_sensitive { folded } else { lower };
                                        greedy_end(hay.as_bytes(), 0, &t.text)
                                    }
                                    _ => None,
                                };
                                (pi, state(end, super::super::class_of(&query, lower)))
                            })
                    })
                    .collect();
                if keeps(expect.len(), index.len()) && !query.is_empty() {
                    assert_eq!(matched.items, expect, "{typed:?}");
                } else {
                    assert!(matched.query.is_empty() && matched.is_empty(), "{typed:?}");
                    dropped += usize::from(!query.is_empty());
                }
                previous = Some((typed.to_owned(), matched));
            }
        }
        assert!(dropped > 0, "no step matched nearly every sentence");
    }

    /// The empty query (the passage search just opened) leaves no list, and the first
    /// key after it finds what it finds from scratch.
    #[test]
    fn the_first_key_after_the_empty_query_is_checked_from_scratch() {
        let corpus = crate::check::check(&crate::data::DataRoot::Bundled).corpus;
        let index = PassageIndex::new(&corpus);
        let rank = |q: &str, previous: Option<&Matched>| {
            index.rank_scoring(&corpus, &super::super::parse(q), previous, &|| false, 40)
        };
        let (hits, empty) = rank("", None).unwrap_or_default();
        assert!(hits.is_empty() && empty.is_empty());
        assert!(super::super::narrows("", "r"));
        let after = rank("r", Some(&empty)).map(|(h, m)| (h, m.items));
        let fresh = rank("r", None).map(|(h, m)| (h, m.items));
        assert!(fresh.as_ref().is_some_and(|(h, _)| h.len() > 10));
        assert_eq!(after, fresh);
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
