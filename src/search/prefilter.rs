//! Cheap per-query work that lets a search skip most of the text it would otherwise scan
//! (BENCHMARKS.md, "filter per keystroke"):
//!
//! - a 64-bit character-presence mask per searchable string: a string lacking any
//!   character of the query's positive terms is rejected with one AND, before any scan;
//! - [`Classifier`]: the match class of the whole query in one pass of a searcher built
//!   once per query, instead of three scans (`starts_with`, `match_indices`, `contains`)
//!   with a searcher built per string.
//!
//! Both are exact: the mask is a necessary condition only (it never rejects a string that
//! matches), and the classifier equals `class_of` (in `search`) (tests below).

use memchr::memmem;

use super::{MatchClass, Query};

/// The bit of one (lower-case) character: letters and digits of ASCII get their own bits,
/// every other character shares one of the remaining 28 by its code point.
fn char_bit(c: char) -> u64 {
    let n = match c {
        'a'..='z' => c as u32 - 'a' as u32,
        '0'..='9' => 26 + c as u32 - '0' as u32,
        _ => 36 + c as u32 % 28,
    };
    1 << n
}

/// The characters present in `lower` (a string lower-cased one character for one).
pub(crate) fn char_mask(lower: &str) -> u64 {
    if lower.is_ascii() {
        return lower.bytes().fold(0, |m, b| m | char_bit(b as char));
    }
    lower.chars().fold(0, |m, c| m | char_bit(c))
}

/// The characters of `lower` that start one of its words (the first character, and each
/// one after a character that is not alphanumeric, as [`Classifier::class`] decides a
/// word start). Exact for a character with a bit of its own (ASCII letters and digits):
/// a one-character query's match class is then read from the masks alone.
pub(crate) fn word_start_mask(lower: &str) -> u64 {
    let mut mask = 0;
    let mut after_word_char = false;
    for c in lower.chars() {
        if !after_word_char {
            mask |= char_bit(c);
        }
        after_word_char = c.is_alphanumeric();
    }
    mask
}

/// The bit of `c` when it is an ASCII lower-case letter or digit, which have a bit of
/// their own in [`char_mask`] and [`word_start_mask`] (no other character shares it).
pub(crate) fn own_bit(c: char) -> Option<u64> {
    (c.is_ascii_lowercase() || c.is_ascii_digit()).then(|| char_bit(c))
}

/// The characters every string matching `query` has in its lower-cased form: those of
/// its positive terms (a case-sensitive term matches the folded form, whose characters
/// appear lower-cased one for one in the lower-cased form).
pub(crate) fn query_mask(query: &Query) -> u64 {
    let mut mask = 0;
    for t in query.terms.iter().filter(|t| !t.negated) {
        for c in t.text.chars() {
            let c = if t.case_sensitive {
                c.to_lowercase().next().unwrap_or(c)
            } else {
                c
            };
            mask |= char_bit(c);
        }
    }
    mask
}

/// True when a string with characters `mask` may match a query with `query_mask`.
#[inline]
pub(crate) fn may_contain(mask: u64, query_mask: u64) -> bool {
    mask & query_mask == query_mask
}

/// The match class of one query against many strings, with the substring searcher built
/// once.
pub(crate) struct Classifier<'q> {
    whole: &'q str,
    finder: memmem::Finder<'q>,
}

impl<'q> Classifier<'q> {
    pub(crate) fn new(query: &'q Query) -> Self {
        Classifier {
            whole: &query.whole,
            finder: memmem::Finder::new(query.whole.as_bytes()),
        }
    }

    /// How strongly the whole query meets `lower` (lower-cased, folded): the same as
    /// `class_of` (in `search`). Occurrences are visited left to right without overlapping,
    /// as `str::match_indices` does.
    pub(crate) fn class(&self, lower: &str) -> MatchClass {
        let whole = self.whole;
        if whole.is_empty() {
            return MatchClass::Fuzzy;
        }
        if lower.len() < whole.len() {
            return MatchClass::Fuzzy;
        }
        if lower == whole {
            return MatchClass::Equal;
        }
        let hay = lower.as_bytes();
        let mut from = 0;
        let mut class = MatchClass::Fuzzy;
        while let Some(i) = hay.get(from..).and_then(|rest| self.finder.find(rest)) {
            let at = from + i;
            let word_start = at == 0
                || lower
                    .get(..at)
                    .and_then(|before| before.chars().next_back())
                    .is_some_and(|c| !c.is_alphanumeric());
            if word_start {
                return MatchClass::WordStart;
            }
            class = MatchClass::Substring;
            from = at + whole.len();
        }
        class
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::super::{class_of, lower_one_for_one, normalize::fold_for_search, parse};
    use super::*;
    use fuzzy_matcher::skim::SkimMatcherV2;

    /// Every string of up to `len` characters over `alphabet` (the exhaustive tests'
    /// texts and queries, here and in `ascii_case`).
    pub(crate) fn strings(alphabet: &[char], len: usize) -> Vec<String> {
        let mut out = vec![String::new()];
        let mut last = vec![String::new()];
        for _ in 0..len {
            let mut next = Vec::new();
            for s in &last {
                for &c in alphabet {
                    let mut t = s.clone();
                    t.push(c);
                    next.push(t);
                }
            }
            out.extend(next.iter().cloned());
            last = next;
        }
        out
    }

    /// Exhaustively over short strings and queries (with case, diacritics, non-ASCII,
    /// negation and every term kind): the mask never rejects a string the query
    /// matches, and the classifier equals `class_of`.
    #[test]
    fn mask_never_rejects_a_match_and_classifier_equals_class_of() {
        let hays = strings(&['a', 'B', 'é', 'ж', ' ', '-'], 4);
        let mut queries: Vec<String> = strings(&['a', 'b', 'e', 'Ж', ' '], 3);
        queries.extend(
            [
                "!a", "'ab", "^b", "a$", "^a$", "E", "é", "a-", "'a b", "!b a",
            ]
            .map(String::from),
        );
        let matcher = SkimMatcherV2::default().respect_case();
        let mut rejected = 0;
        for q in &queries {
            let query = parse(q);
            let qmask = query_mask(&query);
            let classifier = Classifier::new(&query);
            for h in &hays {
                let (folded, _) = fold_for_search(h);
                let lower = lower_one_for_one(&folded);
                let matches = query
                    .terms
                    .iter()
                    .map(|t| super::super::score_term(&matcher, &folded, &lower, t))
                    .sum::<Option<i64>>()
                    .is_some();
                let passes = may_contain(char_mask(&lower), qmask);
                assert!(passes || !matches, "mask rejected {h:?} for {q:?}");
                rejected += usize::from(!passes);
                assert_eq!(
                    classifier.class(&lower),
                    class_of(&query, &lower),
                    "{h:?} {q:?}"
                );
            }
        }
        // The mask does filter: most strings lack some character of most queries.
        assert!(rejected > hays.len() * queries.len() / 4, "{rejected}");
    }

    #[test]
    fn classifier_finds_a_word_start_after_an_inner_occurrence() {
        let q = parse("ab");
        let c = Classifier::new(&q);
        assert_eq!(c.class("xab ab"), MatchClass::WordStart);
        assert_eq!(c.class("xab"), MatchClass::Substring);
        assert_eq!(c.class("ab"), MatchClass::Equal);
        assert_eq!(c.class("a b"), MatchClass::Fuzzy);
    }
}
