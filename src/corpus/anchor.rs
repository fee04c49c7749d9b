//! Quote anchoring: finding the one place in an article that a citation's quote names.
//!
//! Follows W3C Web Annotation's TextQuoteSelector (`exact` + `prefix`/`suffix`) with
//! data-model.md's rules: an exact byte match first, then a match after [folding];
//! the match must be unique, and prefix/suffix choose among repeats; nothing is ever
//! accepted fuzzily — a failed quote only gets a *suggestion* of the closest passage.
//!
//! [folding]: crate::text::fold

use std::ops::Range;

use crate::suggest::levenshtein_chars;
use crate::text::{Folded, LineIndex, fold_str};

/// An article's text, prepared once for anchoring many quotes in it.
#[derive(Debug, Clone)]
pub struct Article {
    /// The raw text, exactly as in the file.
    pub text: String,
    /// The folded text and its map back to raw offsets, made on first use: most quotes
    /// match the raw bytes, and a large corpus need not hold a folded copy of every
    /// article (BENCHMARKS.md).
    folded: std::sync::OnceLock<Folded>,
    /// Line starts, for positions.
    pub lines: LineIndex,
}

impl Article {
    /// The folded text and its map back to raw offsets.
    pub fn folded(&self) -> &Folded {
        self.folded.get_or_init(|| Folded::new(&self.text))
    }

    /// Prepares `text` for anchoring.
    pub fn new(text: String) -> Self {
        let lines = LineIndex::new(&text);
        Article {
            text,
            folded: std::sync::OnceLock::new(),
            lines,
        }
    }
}

/// Where a quote resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Anchor {
    /// The raw byte range the quote covers (on character boundaries).
    pub range: Range<usize>,
    /// True when only the folded text matched (the raw bytes differ from the quote).
    pub folded: bool,
}

/// A passage of an article suggested as what a failed quote probably meant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    /// 1-based line of the passage's start.
    pub line: usize,
    /// The passage, raw.
    pub text: String,
}

/// Why a quote did not resolve to exactly one place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AnchorError {
    /// The quote is not in the text, even after folding.
    NotFound(Option<Suggestion>),
    /// The quote occurs at several places and prefix/suffix did not pick one.
    Ambiguous {
        /// The 1-based lines of the occurrences that remain.
        lines: Vec<usize>,
    },
    /// The quote occurs, but the given prefix is not immediately before any occurrence.
    PrefixMismatch {
        /// What actually precedes the first occurrence (folded, at most 40 characters).
        actual: String,
    },
    /// The quote occurs, but the given suffix is not immediately after any occurrence.
    SuffixMismatch {
        /// What actually follows the first occurrence (folded, at most 40 characters).
        actual: String,
    },
}

/// Every start offset of `needle` in `hay`, overlapping occurrences included. Uses
/// memchr's vectorised memmem: every citation scans its whole article, which dominated
/// `check` on large corpora with `str::find` (BENCHMARKS.md).
pub(crate) fn occurrences(hay: &str, needle: &str) -> Vec<usize> {
    if needle.is_empty() {
        return Vec::new();
    }
    // memmem's own find_iter skips past each match; step one character instead so
    // overlapping occurrences are kept (a quote repeated inside itself is ambiguous).
    let finder = memchr::memmem::Finder::new(needle.as_bytes());
    let bytes = hay.as_bytes();
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(i) = bytes.get(from..).and_then(|rest| finder.find(rest)) {
        let at = from + i;
        found.push(at);
        let step = hay
            .get(at..)
            .and_then(|r| r.chars().next())
            .map_or(1, char::len_utf8);
        from = at + step;
    }
    found
}

/// The last `n` characters of `s`.
fn tail_chars(s: &str, n: usize) -> String {
    let count = s.chars().count();
    s.chars().skip(count.saturating_sub(n)).collect()
}

/// Resolves `quote` (with optional `prefix`/`suffix`) in `article`.
pub fn resolve(
    article: &Article,
    quote: &str,
    prefix: Option<&str>,
    suffix: Option<&str>,
) -> Result<Anchor, AnchorError> {
    resolve_from(
        article,
        quote,
        prefix,
        suffix,
        occurrences(&article.text, quote),
    )
}

/// [`resolve`] given `exact`, every start offset of `quote` in the raw text (ascending,
/// overlapping ones included), found beforehand for many quotes at once
/// ([`exact_occurrences`](super::multi::exact_occurrences)). Everything after the raw
/// match — folding, uniqueness, prefix and suffix — is this one path for both.
pub fn resolve_from(
    article: &Article,
    quote: &str,
    prefix: Option<&str>,
    suffix: Option<&str>,
    exact: Vec<usize>,
) -> Result<Anchor, AnchorError> {
    let mut folded = false;
    let mut ranges: Vec<Range<usize>> = exact.into_iter().map(|s| s..s + quote.len()).collect();
    if ranges.is_empty() {
        let fq = fold_str(quote);
        folded = true;
        ranges = occurrences(&article.folded().text, &fq)
            .into_iter()
            .map(|s| article.folded().raw_range(s, s + fq.len()))
            .collect();
    }
    if ranges.is_empty() {
        return Err(AnchorError::NotFound(closest_passage(article, quote)));
    }

    // Folded only when prefix or suffix must be compared.
    let ftext = || &article.folded().text;
    if let Some(p) = prefix {
        let fp = fold_str(p);
        let want = fp.trim_end();
        // Borrowed, not copied: a quote repeated hundreds of times would otherwise copy
        // the text before every occurrence.
        let before = |r: &Range<usize>| {
            let at = article.folded().folded_offset(r.start);
            ftext().get(..at).unwrap_or("").trim_end()
        };
        let kept: Vec<_> = ranges
            .iter()
            .filter(|r| before(r).ends_with(want))
            .cloned()
            .collect();
        if kept.is_empty() {
            let actual = ranges.first().map(|r| tail_chars(before(r), 40));
            return Err(AnchorError::PrefixMismatch {
                actual: actual.unwrap_or_default(),
            });
        }
        ranges = kept;
    }
    if let Some(s) = suffix {
        let fs = fold_str(s);
        let want = fs.trim_start();
        let after = |r: &Range<usize>| {
            let at = article.folded().folded_offset(r.end);
            ftext().get(at..).unwrap_or("").trim_start()
        };
        let kept: Vec<_> = ranges
            .iter()
            .filter(|r| after(r).starts_with(want))
            .cloned()
            .collect();
        if kept.is_empty() {
            let actual = ranges
                .first()
                .map(|r| after(r).chars().take(40).collect::<String>());
            return Err(AnchorError::SuffixMismatch {
                actual: actual.unwrap_or_default(),
            });
        }
        ranges = kept;
    }
    match ranges.as_slice() {
        [only] => Ok(Anchor {
            range: only.clone(),
            folded,
        }),
        many => Err(AnchorError::Ambiguous {
            lines: many
                .iter()
                .map(|r| article.lines.locate(&article.text, r.start).line)
                .collect(),
        }),
    }
}

/// The passage of `article` most like `quote`: a window of as many words as the quote,
/// chosen among the windows sharing most words with it by smallest edit distance.
/// `None` when nothing shares a word with the quote.
pub fn closest_passage(article: &Article, quote: &str) -> Option<Suggestion> {
    const CANDIDATES: usize = 64;
    let fq = fold_str(quote).to_lowercase();
    let qwords: Vec<&str> = fq.split(' ').filter(|w| !w.is_empty()).collect();
    if qwords.is_empty() {
        return None;
    }
    let ftext = &article.folded().text;
    let lower = ftext.to_lowercase();
    if lower.len() != ftext.len() {
        // Lowercasing changed byte lengths (rare scripts): compare case-sensitively.
        return closest_in(article, ftext, &fq, &qwords, CANDIDATES);
    }
    closest_in(article, &lower, &fq, &qwords, CANDIDATES)
}

/// The byte ranges of the space-separated words of `text` (folded text: its white space
/// is single spaces). Shared by the suggestion for a failed quote and by relocation.
pub(crate) fn word_spans(text: &str) -> Vec<Range<usize>> {
    let mut words: Vec<Range<usize>> = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c == ' ', start) {
            (true, Some(s)) => {
                words.push(s..i);
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        words.push(s..text.len());
    }
    words
}

fn closest_in(
    article: &Article,
    hay: &str,
    fq: &str,
    qwords: &[&str],
    candidates: usize,
) -> Option<Suggestion> {
    let words = word_spans(hay);
    let n = qwords.len().min(words.len());
    if n == 0 {
        return None;
    }
    let wanted: std::collections::HashSet<&str> = qwords.iter().copied().collect();
    let hits: Vec<usize> = words
        .iter()
        .map(|w| usize::from(wanted.contains(&hay[w.clone()])))
        .collect();
    // Windows of about n words (the text may have a word more or less than the quote),
    // scored by how many of their words occur in the quote.
    let mut scored: Vec<(usize, usize, usize)> = Vec::new();
    for size in [n.saturating_sub(1).max(1), n, n + 1, n + 2] {
        if size > words.len() {
            continue;
        }
        let mut sum: usize = hits.iter().take(size).sum();
        for i in 0..=words.len() - size {
            if i > 0 {
                sum = sum + hits[i + size - 1] - hits[i - 1];
            }
            if sum > 0 {
                scored.push((sum, i, size));
            }
        }
    }
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    scored.truncate(candidates);
    let qchars: Vec<char> = fq.chars().collect();
    let best = scored
        .iter()
        .map(|&(_, i, size)| {
            let span = words[i].start..words[i + size - 1].end;
            let wchars: Vec<char> = hay[span.clone()].chars().collect();
            (levenshtein_chars(&qchars, &wchars), span)
        })
        .min_by(|a, b| a.0.cmp(&b.0).then(a.1.start.cmp(&b.1.start)))?;
    let raw = article.folded().raw_range(best.1.start, best.1.end);
    Some(Suggestion {
        line: article.lines.locate(&article.text, raw.start).line,
        text: article.text.get(raw).unwrap_or("").to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn art(s: &str) -> Article {
        Article::new(s.to_owned())
    }

    #[test]
    fn exact_match_gives_raw_range() {
        let a = art("one two three");
        let got = resolve(&a, "two", None, None);
        assert_eq!(
            got,
            Ok(Anchor {
                range: 4..7,
                folded: false
            })
        );
    }

    #[test]
    fn folded_match_maps_back_to_typographic_bytes_and_line_breaks() {
        let text = "He said “we’re\n   going home” — loudly.";
        let a = art(text);
        let got = resolve(&a, "\"we're going home\" - loudly", None, None);
        let Ok(anchor) = got else {
            panic!("expected a match, got {got:?}");
        };
        assert!(anchor.folded);
        assert_eq!(&text[anchor.range], "“we’re\n   going home” — loudly");
    }

    #[test]
    fn multibyte_offsets_stay_on_character_boundaries() {
        let text = "Легион «Свобода России» — это";
        let a = art(text);
        let Ok(anchor) = resolve(&a, "\"Свобода России\" -", None, None) else {
            panic!("no match");
        };
        assert_eq!(&text[anchor.range], "«Свобода России» —");
    }

    #[test]
    fn repeats_are_ambiguous_until_prefix_or_suffix_chooses() {
        let a = art("Denis Nikitin, left.\n\nDenis Nikitin, left.\nmore");
        assert_eq!(
            resolve(&a, "Denis Nikitin, left.", None, None),
            Err(AnchorError::Ambiguous { lines: vec![1, 3] })
        );
        let Ok(second) = resolve(&a, "Denis Nikitin, left.", None, Some("more")) else {
            panic!("suffix should choose");
        };
        assert_eq!(second.range.start, 22);
        let Ok(first) = resolve(&a, "Nikitin, left.", Some("Denis"), Some("Denis")) else {
            panic!("prefix+suffix should choose");
        };
        assert_eq!(first.range.start, 6);
    }

    #[test]
    fn prefix_that_does_not_precede_is_reported() {
        let a = art("alpha beta gamma");
        assert_eq!(
            resolve(&a, "gamma", Some("alpha"), None),
            Err(AnchorError::PrefixMismatch {
                actual: "alpha beta".into()
            })
        );
        assert!(matches!(
            resolve(&a, "alpha", None, Some("gamma")),
            Err(AnchorError::SuffixMismatch { .. })
        ));
    }

    #[test]
    fn never_fuzzy_accepted_but_closest_passage_suggested() {
        let a = art("intro line\nThe Legion said in March that Russia had opened proceedings.\n");
        let got = resolve(
            &a,
            "The Legion said in May that Russia opened proceedings",
            None,
            None,
        );
        let Err(AnchorError::NotFound(Some(s))) = got else {
            panic!("expected a suggestion, got {got:?}");
        };
        assert_eq!(s.line, 2);
        assert!(s.text.starts_with("The Legion said in March"), "{}", s.text);
    }

    #[test]
    fn no_suggestion_when_nothing_shares_a_word() {
        let a = art("abc def");
        assert_eq!(
            resolve(&a, "xyz", None, None),
            Err(AnchorError::NotFound(None))
        );
    }

    #[test]
    fn exact_match_preferred_over_folded_duplicates() {
        // The straight-quoted form occurs once exactly, twice after folding.
        let a = art("it's here; it’s there");
        let Ok(anchor) = resolve(&a, "it's", None, None) else {
            panic!("exact match should win");
        };
        assert_eq!(
            anchor,
            Anchor {
                range: 0..4,
                folded: false
            }
        );
    }
}
