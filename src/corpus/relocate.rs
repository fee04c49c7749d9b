//! Finding a quote again after its article's text changed (its sha256 no longer
//! matches): the best candidate passage, scored as Hypothesis re-anchors annotations
//! (`match-quote.ts`: quote weight 50, prefix 20, suffix 20, position 2) on how like the
//! quote it is, how like the citation's prefix and suffix its surroundings are, and how
//! close it is to where the quote used to be. A candidate is only ever *proposed*:
//! `check` shows it with a word diff, and `dossier reanchor` writes only a candidate
//! whose text equals the quote after folding, so nothing is ever accepted fuzzily.

use std::ops::Range;

use super::anchor::{Article, occurrences, word_spans};
use crate::suggest::levenshtein_chars;
use crate::text::fold_str;

const QUOTE_WEIGHT: f64 = 50.0;
const PREFIX_WEIGHT: f64 = 20.0;
const SUFFIX_WEIGHT: f64 = 20.0;
const POSITION_WEIGHT: f64 = 2.0;
/// Windows compared with the quote by edit distance, chosen first by shared words.
const FUZZY_CANDIDATES: usize = 64;

/// A proposed new place for a quote.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// Raw byte range in the new text.
    pub range: Range<usize>,
    /// 1-based line of its start.
    pub line: usize,
    /// True when the passage equals the quote after folding: the quote itself still
    /// occurs, only its place or surroundings changed.
    pub exact: bool,
    /// The weighted score, out of 92 (higher is better).
    pub score: f64,
}

/// The best place for `quote` (cited with `prefix`/`suffix`) in the changed `article`.
/// `hint` is the byte offset where the quote is expected (its old position scaled to
/// the new length), when known. `None` when nothing shares a word with the quote.
pub fn relocate(
    article: &Article,
    quote: &str,
    prefix: Option<&str>,
    suffix: Option<&str>,
    hint: Option<usize>,
) -> Option<Candidate> {
    let folded = article.folded();
    let fq = fold_str(quote);
    let mut ranges: Vec<(Range<usize>, bool)> = occurrences(&folded.text, &fq)
        .into_iter()
        .map(|s| (s..s + fq.len(), true))
        .collect();
    if ranges.is_empty() {
        ranges = fuzzy_windows(&folded.text, &fq)
            .into_iter()
            .map(|r| (r, false))
            .collect();
    }
    let qchars: Vec<char> = fq.chars().collect();
    let best = ranges
        .into_iter()
        .map(|(r, exact)| {
            let quote_sim = if exact {
                1.0
            } else {
                similarity(&qchars, &folded.text[r.clone()])
            };
            let before = folded.text[..r.start].trim_end();
            let after = folded.text[r.end..].trim_start();
            let prefix_sim = prefix.map_or(1.0, |p| context_sim(&fold_str(p), before, true));
            let suffix_sim = suffix.map_or(1.0, |s| context_sim(&fold_str(s), after, false));
            let raw = folded.raw_range(r.start, r.end);
            let position = hint.map_or(1.0, |h| {
                let len = article.text.len().max(1) as f64;
                1.0 - (raw.start as f64 - h as f64).abs() / len
            });
            let score = QUOTE_WEIGHT * quote_sim
                + PREFIX_WEIGHT * prefix_sim
                + SUFFIX_WEIGHT * suffix_sim
                + POSITION_WEIGHT * position;
            (raw, exact, score)
        })
        .max_by(|a, b| a.2.total_cmp(&b.2).then(b.0.start.cmp(&a.0.start)))?;
    Some(Candidate {
        line: article.lines.locate(&article.text, best.0.start).line,
        range: best.0,
        exact: best.1,
        score: best.2,
    })
}

/// 1 minus the edit distance over the longer length: 1 for equal texts.
fn similarity(a: &[char], b: &str) -> f64 {
    let b: Vec<char> = b.chars().collect();
    let longest = a.len().max(b.len()).max(1);
    1.0 - levenshtein_chars(a, &b) as f64 / longest as f64
}

/// How like `want` the text next to a candidate is: its end (`before`) or start.
fn context_sim(want: &str, next_to: &str, before: bool) -> f64 {
    let want = want.trim();
    let n = want.chars().count();
    let chars: Vec<char> = want.chars().collect();
    let got: String = if before {
        let count = next_to.chars().count();
        next_to.chars().skip(count.saturating_sub(n)).collect()
    } else {
        next_to.chars().take(n).collect()
    };
    similarity(&chars, &got)
}

/// Windows of the folded text about as many words long as the quote, the ones sharing
/// most words with it first.
fn fuzzy_windows(text: &str, fq: &str) -> Vec<Range<usize>> {
    let lower_q = fq.to_lowercase();
    let qwords: std::collections::HashSet<&str> =
        lower_q.split(' ').filter(|w| !w.is_empty()).collect();
    let n = fq.split(' ').filter(|w| !w.is_empty()).count();
    let words = word_spans(text);
    if n == 0 || words.is_empty() {
        return Vec::new();
    }
    let hits: Vec<usize> = words
        .iter()
        .map(|w| usize::from(qwords.contains(text[w.clone()].to_lowercase().as_str())))
        .collect();
    let mut scored: Vec<(usize, Range<usize>)> = Vec::new();
    for size in [n.saturating_sub(1).max(1), n, n + 1] {
        if size > words.len() {
            continue;
        }
        for i in 0..=words.len() - size {
            let shared: usize = hits[i..i + size].iter().sum();
            if shared > 0 {
                scored.push((shared, words[i].start..words[i + size - 1].end));
            }
        }
    }
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.start.cmp(&b.1.start)));
    scored.truncate(FUZZY_CANDIDATES);
    scored.into_iter().map(|(_, r)| r).collect()
}

/// A word diff of `old` against `new`, as `git diff --word-diff` writes one: words only
/// in `old` as `[-…-]`, only in `new` as `{+…+}`.
pub fn word_diff(old: &str, new: &str) -> String {
    let a: Vec<&str> = old.split_whitespace().collect();
    let b: Vec<&str> = new.split_whitespace().collect();
    // Longest common subsequence table, from the ends.
    let mut lcs = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i][j] = if a[i] == b[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut parts: Vec<String> = Vec::new();
    let (mut del, mut ins): (Vec<&str>, Vec<&str>) = (Vec::new(), Vec::new());
    let flush = |parts: &mut Vec<String>, del: &mut Vec<&str>, ins: &mut Vec<&str>| {
        if !del.is_empty() {
            parts.push(format!("[-{}-]", del.join(" ")));
            del.clear();
        }
        if !ins.is_empty() {
            parts.push(format!("{{+{}+}}", ins.join(" ")));
            ins.clear();
        }
    };
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            flush(&mut parts, &mut del, &mut ins);
            parts.push(a[i].to_owned());
            i += 1;
            j += 1;
        } else if j < b.len() && (i == a.len() || lcs[i][j + 1] >= lcs[i + 1][j]) {
            ins.push(b[j]);
            j += 1;
        } else {
            del.push(a[i]);
            i += 1;
        }
    }
    flush(&mut parts, &mut del, &mut ins);
    parts.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn art(s: &str) -> Article {
        Article::new(s.to_owned())
    }

    #[test]
    fn an_edited_quote_is_found_with_a_diff() {
        let a = art("Intro.\nThe Legion said in March that Russia had opened proceedings.\nEnd.");
        let quote = "The Legion said in May that Russia opened proceedings";
        let Some(c) = relocate(&a, quote, None, None, None) else {
            panic!("no candidate")
        };
        assert!(!c.exact);
        assert_eq!(c.line, 2);
        let found = &a.text[c.range.clone()];
        assert_eq!(
            found,
            "The Legion said in March that Russia had opened proceedings."
        );
        assert_eq!(
            word_diff(quote, found),
            "The Legion said in [-May-] {+March+} that Russia {+had+} opened [-proceedings-] {+proceedings.+}"
        );
    }

    #[test]
    fn among_exact_repeats_prefix_suffix_and_position_choose() {
        let text = "Photo: AFP. A caption. Photo: Reuters. A caption. Photo: AFP. A caption.";
        let a = art(text);
        // The prefix "Reuters." is before the second caption only.
        let Some(c) = relocate(&a, "A caption.", Some("Reuters."), None, None) else {
            panic!("no candidate")
        };
        assert!(c.exact);
        assert_eq!(
            c.range.start,
            text.find("A caption. Photo: AFP").unwrap_or(0)
        );
        // Without context, the one nearest the old position wins.
        let last = text.rfind("A caption.").unwrap_or(0);
        let Some(c) = relocate(&a, "A caption.", None, None, Some(last)) else {
            panic!("no candidate")
        };
        assert_eq!(c.range.start, last);
    }

    #[test]
    fn nothing_in_common_is_no_candidate() {
        assert_eq!(relocate(&art("abc def"), "xyz", None, None, None), None);
    }

    #[test]
    fn word_diffs() {
        assert_eq!(word_diff("a b c", "a b c"), "a b c");
        assert_eq!(word_diff("a b c", "a x c"), "a [-b-] {+x+} c");
        assert_eq!(word_diff("a b", "a b c d"), "a b {+c d+}");
        assert_eq!(word_diff("a b c", "c"), "[-a b-] c");
    }
}
