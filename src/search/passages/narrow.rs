//! Typing on: what a passage search keeps for the next, narrower query, so an appended
//! character costs one `memchr` per candidate instead of the whole in-order check and
//! match class again (BENCHMARKS.md).
//!
//! For each sentence the previous query may have matched, [`Matched`] keeps where the
//! greedy in-order match of the query's last term ended and the sentence's match class.
//! When the new query only extends that last term (or adds a new term after it), the
//! other terms are unchanged and still match, and the greedy match of the longer term is
//! the old one continued: greedy matching takes each character's first occurrence after
//! the previous one. A sentence that did not contain the old whole query cannot contain
//! a longer one, so its class stays `Fuzzy` without a scan.

use super::super::{MatchClass, Query, Term, TermKind};

/// The sentences a passage query may have matched, with what a narrower query can reuse.
#[derive(Debug, Clone, Default)]
pub struct Matched {
    /// The query that matched them.
    pub(crate) query: Query,
    /// Per sentence, in sentence order: (sentence, state): the state is the byte offset
    /// in the last term's text after its greedy match, shifted left 2, with the match
    /// class in the low 2 bits ([`state`]).
    pub(crate) sentences: Vec<(u32, u32)>,
}

impl Matched {
    /// How many sentences may match.
    pub fn len(&self) -> usize {
        self.sentences.len()
    }

    /// True when none may match.
    pub fn is_empty(&self) -> bool {
        self.sentences.is_empty()
    }
}

/// Longest greedy-match end a state can hold; sentences longer than this are checked
/// from scratch.
pub(crate) const MAX_END: usize = (1 << 30) - 1;

/// Packs a greedy-match end and a class into one state.
pub(crate) fn state(end: usize, class: MatchClass) -> u32 {
    ((end.min(MAX_END) as u32) << 2) | class as u32
}

/// The (end, class) of a [`state`].
pub(crate) fn unstate(s: u32) -> (usize, MatchClass) {
    let class = match s & 3 {
        3 => MatchClass::Equal,
        2 => MatchClass::WordStart,
        1 => MatchClass::Substring,
        _ => MatchClass::Fuzzy,
    };
    ((s >> 2) as usize, class)
}

/// How a new query is checked against the previous query's candidates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Plan {
    /// Only the last term is new or longer: continue its greedy match from the stored end
    /// (0 for a new term) with the characters from this byte of its text on.
    Continue { keep_end: bool, from: usize },
    /// Check every term again.
    Full,
}

/// The plan for `new` over the candidates `old` left, and whether their classes carry
/// over (a sentence without the old whole query has none of the new one).
pub(crate) fn plan(old: &Query, new: &Query) -> (Plan, bool) {
    let carry_class = !old.whole.is_empty() && new.whole.starts_with(&old.whole);
    let positive_fuzzy = |t: &Term| t.kind == TermKind::Fuzzy && !t.negated;
    let (n, m) = (new.terms.len(), old.terms.len());
    let Some(last) = new.terms.last().filter(|t| positive_fuzzy(t)) else {
        return (Plan::Full, carry_class);
    };
    let plan = if n == m && old.terms[..n - 1] == new.terms[..n - 1] {
        let prev = &old.terms[n - 1];
        if positive_fuzzy(prev)
            && prev.case_sensitive == last.case_sensitive
            && last.text.starts_with(&prev.text)
        {
            Plan::Continue {
                keep_end: true,
                from: prev.text.len(),
            }
        } else {
            Plan::Full
        }
    } else if n == m + 1 && old.terms[..] == new.terms[..m] {
        Plan::Continue {
            keep_end: false,
            from: 0,
        }
    } else {
        Plan::Full
    };
    (plan, carry_class)
}

/// The greedy in-order match of `needle`'s characters in `hay` (a `str`'s bytes) from
/// byte `from` (a character boundary): the byte after the last one matched, or `None`
/// when some character does not occur in order. `greedy_end(h, 0, n).is_some()` is
/// exactly `is_subsequence(h, n)`: in UTF-8 a character's encoding occurs only where that
/// character is (no encoding starts inside another), so searching bytes from a character
/// boundary finds characters.
pub(crate) fn greedy_end(hay: &[u8], from: usize, needle: &str) -> Option<usize> {
    let mut pos = from;
    let mut buf = [0; 4];
    for c in needle.chars() {
        let rest = hay.get(pos..)?;
        pos += if c.is_ascii() {
            memchr::memchr(c as u8, rest)? + 1
        } else {
            let enc = c.encode_utf8(&mut buf).as_bytes();
            memchr::memmem::find(rest, enc)? + enc.len()
        };
    }
    Some(pos)
}

#[cfg(test)]
mod tests {
    use super::super::super::{is_subsequence, parse};
    use super::*;

    #[test]
    fn greedy_end_agrees_with_is_subsequence_and_continues() {
        let hays = [
            "volunteer corps",
            "легион «свобода» vol",
            "éa b ж",
            "",
            "aaaa",
            "x",
        ];
        let needles = [
            "", "v", "vlcr", "rv", "лгс", "нл", "ab", "ж", "éa", "aaa", "aaaaa",
        ];
        for h in hays {
            for n in needles {
                let whole = greedy_end(h.as_bytes(), 0, n);
                assert_eq!(whole.is_some(), is_subsequence(h, n), "{h:?} {n:?}");
                // Matching a prefix, then the rest from where it ended, is the same.
                for cut in (0..=n.len()).filter(|&c| n.is_char_boundary(c)) {
                    let stepped = greedy_end(h.as_bytes(), 0, &n[..cut])
                        .and_then(|e| greedy_end(h.as_bytes(), e, &n[cut..]));
                    assert_eq!(stepped, whole, "{h:?} {n:?} {cut}");
                }
            }
        }
        assert_eq!(greedy_end(b"volunteer corps", 0, "vlcr"), Some(13));
    }

    #[test]
    fn plans_continue_only_where_the_other_terms_are_unchanged() {
        let p = |a: &str, b: &str| plan(&parse(a), &parse(b));
        let cont = |keep_end, from| Plan::Continue { keep_end, from };
        assert_eq!(p("vol", "volc"), (cont(true, 3), true));
        assert_eq!(p("vol", "vol "), (cont(true, 3), true));
        assert_eq!(p("vol ", "vol c"), (cont(false, 0), true));
        assert_eq!(p("vol c", "vol co"), (cont(true, 1), true));
        // Case-sensitive now: another text is searched.
        assert_eq!(p("vol", "volC").0, Plan::Full);
        // Not a fuzzy last term.
        assert_eq!(p("'vol", "'volc"), (Plan::Full, false));
        assert_eq!(p("vol", "vol !x").0, Plan::Full);
        // A changed earlier term.
        assert_eq!(p("vo c", "vol c").0, Plan::Full);
        // Greek final sigma: the old whole is not a prefix of the new one.
        assert!(!p("ας", "ασα").1);
        assert!(!p("", "a").1);
    }

    #[test]
    fn states_round_trip() {
        for class in [
            MatchClass::Fuzzy,
            MatchClass::Substring,
            MatchClass::WordStart,
            MatchClass::Equal,
        ] {
            for end in [0, 1, 77, MAX_END] {
                assert_eq!(unstate(state(end, class)), (end, class));
            }
        }
    }
}
