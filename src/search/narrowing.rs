//! What one dossier search leaves for the next keystroke, and how the next query reuses
//! it (BENCHMARKS.md, "filter per keystroke").
//!
//! When a character is appended, the entries the previous query matched are the only
//! candidates (`super::narrows`), and for each of them the previous search already knows
//! two things that make the new check cheap:
//! - where the greedy in-order match of the last term ended: a greedy match is the
//!   earliest possible, so the longer term matches exactly when the appended characters
//!   occur in order after that point (one `memchr` per appended character);
//! - its match class: when the previous whole query did not occur in the entry, a longer
//!   one cannot either, so the entry stays `Fuzzy` without a scan.

use super::{MatchClass, Query, Term, TermKind};

/// "No greedy end known": the last term is matched again from the start.
pub(crate) const NO_END: u32 = u32::MAX;

/// Every entry a query may match, in entry order, with what a narrowing query reuses.
#[derive(Debug, Clone, Default)]
pub struct Matched {
    pub(crate) entries: Vec<u32>,
    /// For each entry: the byte just past the greedy in-order match of the query's last
    /// term (when that term is a positive fuzzy one and the search computed it), else
    /// [`NO_END`].
    pub(crate) ends: Vec<u32>,
    /// For each entry: how the whole query met it.
    pub(crate) classes: Vec<MatchClass>,
    /// The query these are the matches of.
    pub(crate) query: Query,
}

impl Matched {
    /// How many entries may match.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when no entry matched.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// How a query is checked against the candidates a previous query left.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Plan<'q> {
    /// Leading terms equal to the previous query's: every candidate matches them.
    pub(crate) skip: usize,
    /// The characters appended to the last term, to be matched from each candidate's
    /// previous greedy end (empty when the last term did not change).
    pub(crate) resume: Option<&'q str>,
    /// True when a candidate the previous query classed `Fuzzy` is `Fuzzy` for this one
    /// (the previous whole query is a prefix of this one).
    pub(crate) keep_fuzzy: bool,
    /// The query is one ASCII lower-case letter or digit, with this bit of its own in
    /// the character masks: the masks alone decide the match and the class.
    pub(crate) one_char: Option<u64>,
}

/// True for a term whose greedy end is tracked.
pub(crate) fn tracked(t: &Term) -> bool {
    t.kind == TermKind::Fuzzy && !t.negated
}

impl<'q> Plan<'q> {
    /// The plan for `query` given the `previous` search's matches (which must come from
    /// a query that `query` narrows, [`super::narrows`]), or from scratch.
    pub(crate) fn new(query: &'q Query, previous: Option<&Matched>) -> Plan<'q> {
        let one_char = match query.terms.as_slice() {
            [t] if tracked(t) && !t.case_sensitive => {
                let mut chars = t.text.chars();
                match (chars.next(), chars.next()) {
                    (Some(c), None) => super::prefilter::own_bit(c),
                    _ => None,
                }
            }
            _ => None,
        };
        let mut plan = Plan {
            one_char,
            ..Plan::default()
        };
        let Some(p) = previous else {
            return plan;
        };
        let (old, new) = (&p.query.terms, &query.terms);
        let complete = p.ends.len() == p.entries.len() && p.classes.len() == p.entries.len();
        let Some(last) = old.len().checked_sub(1) else {
            return plan;
        };
        if !complete || new.len() < old.len() || old[..last] != new[..last] {
            return plan;
        }
        plan.keep_fuzzy = !p.query.whole.is_empty() && query.whole.starts_with(&p.query.whole);
        let (a, b) = (&old[last], &new[last]);
        let same_count = new.len() == old.len();
        if a == b {
            plan.skip = old.len();
            plan.resume = (same_count && tracked(b)).then_some("");
        } else {
            plan.skip = last;
            let extends = same_count
                && tracked(a)
                && tracked(b)
                && a.case_sensitive == b.case_sensitive
                && b.text.starts_with(&a.text);
            plan.resume = extends.then(|| b.text.get(a.text.len()..).unwrap_or(""));
        }
        plan
    }
}

/// The byte just past the greedy (earliest) in-order match of `needle`'s characters in
/// `hay[from..]`, or `None` when they do not all occur in order. `from` must be a
/// character boundary of `hay` (0, or an end this function returned).
pub(crate) fn subsequence_end(hay: &str, needle: &str, from: usize) -> Option<usize> {
    let rest = hay.get(from..)?;
    if needle.is_ascii() {
        // An ASCII byte never occurs inside a multi-byte UTF-8 character, so a byte
        // search is a character search.
        let bytes = rest.as_bytes();
        let needle = needle.as_bytes();
        if bytes.len() <= 64 {
            // Short strings (names, aliases): a plain loop beats starting a vectorised
            // search per character.
            let mut k = 0;
            for (i, &b) in bytes.iter().enumerate() {
                if needle.get(k) == Some(&b) {
                    k += 1;
                    if k == needle.len() {
                        return Some(from + i + 1);
                    }
                }
            }
            return (k == needle.len()).then_some(from);
        }
        let mut pos = 0;
        for &b in needle {
            pos += bytes.get(pos..).and_then(|r| memchr::memchr(b, r))? + 1;
        }
        return Some(from + pos);
    }
    let mut want = needle.chars().peekable();
    if want.peek().is_none() {
        return Some(from);
    }
    for (i, c) in rest.char_indices() {
        if want.peek() == Some(&c) {
            want.next();
            if want.peek().is_none() {
                return Some(from + i + c.len_utf8());
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::super::{is_subsequence, parse};
    use super::*;

    #[test]
    fn greedy_end_is_the_earliest_and_resumes() {
        assert_eq!(subsequence_end("volunteer corps", "vo", 0), Some(2));
        assert_eq!(subsequence_end("volunteer corps", "r", 2), Some(9));
        assert_eq!(subsequence_end("volunteer corps", "", 4), Some(4));
        assert_eq!(subsequence_end("volunteer corps", "v", 1), None);
        assert_eq!(subsequence_end("легион «свобода»", "ли", 0), Some(8));
        assert_eq!(subsequence_end("éa b", "b", 0), Some(5));
        let long = "x".repeat(70) + "volunteer corps";
        assert_eq!(subsequence_end(&long, "vs", 0), Some(long.len()));
        assert_eq!(subsequence_end(&long, "vs", 71), None);
        assert_eq!(subsequence_end("ab", "b", 9), None);
    }

    /// Resuming from the end of a prefix's greedy match agrees with matching the whole
    /// needle, for every split of every needle over a small alphabet.
    #[test]
    fn resuming_equals_matching_whole() {
        let hays = ["abcabc", "aabbcc", "cba", "ab ba ca", "", "ж a жb"];
        let needles = ["", "a", "ab", "abc", "ba", "cab", "aab", "ж", "жb", "acc"];
        for hay in hays {
            for needle in needles {
                let whole = subsequence_end(hay, needle, 0);
                assert_eq!(
                    whole.is_some(),
                    is_subsequence(hay, needle),
                    "{hay} {needle}"
                );
                for split in (0..=needle.len()).filter(|&i| needle.is_char_boundary(i)) {
                    let (head, tail) = needle.split_at(split);
                    let resumed =
                        subsequence_end(hay, head, 0).and_then(|e| subsequence_end(hay, tail, e));
                    assert_eq!(resumed, whole, "{hay:?} {head:?}+{tail:?}");
                }
            }
        }
    }

    fn matched(query: &str, n: usize) -> Matched {
        Matched {
            entries: vec![0; n],
            ends: vec![NO_END; n],
            classes: vec![MatchClass::Fuzzy; n],
            query: parse(query),
        }
    }

    #[test]
    fn plans_reuse_only_what_still_holds() {
        let q = parse("volc");
        let p = Plan::new(&q, Some(&matched("vol", 1)));
        assert_eq!((p.skip, p.resume, p.keep_fuzzy), (0, Some("c"), true));
        let q = parse("a volc");
        let p = Plan::new(&q, Some(&matched("a vol", 1)));
        assert_eq!((p.skip, p.resume, p.keep_fuzzy), (1, Some("c"), true));
        // A new term: the old ones are known, the new one is checked whole.
        let q = parse("vol c");
        let p = Plan::new(&q, Some(&matched("vol", 1)));
        assert_eq!((p.skip, p.resume, p.keep_fuzzy), (1, None, true));
        // Upper case makes the term case-sensitive: a different haystack.
        let q = parse("volC");
        let p = Plan::new(&q, Some(&matched("vol", 1)));
        assert_eq!((p.skip, p.resume), (0, None));
        // A substring term is not tracked; no whole query, no class kept.
        let q = parse("'volc");
        let p = Plan::new(&q, Some(&matched("'vol", 1)));
        assert_eq!((p.skip, p.resume, p.keep_fuzzy), (0, None, false));
        // Incomplete previous state (lists of another length): from scratch.
        let mut m = matched("vol", 2);
        m.ends.pop();
        let q = parse("volc");
        let p = Plan::new(&q, Some(&m));
        assert_eq!((p.skip, p.resume, p.keep_fuzzy), (0, None, false));
        assert_eq!(Plan::new(&parse("v"), None).one_char, Some(1 << 21));
        assert_eq!(Plan::new(&parse("V"), None).one_char, None);
        assert_eq!(Plan::new(&parse("é"), None).one_char, Some(1 << 4));
        assert_eq!(Plan::new(&parse("ж"), None).one_char, None);
        assert_eq!(Plan::new(&parse("'v"), None).one_char, None);
    }
}
