//! The one incremental filter behind both searches: dossier entries ([`super::SearchIndex`])
//! and article sentences ([`super::passages::PassageIndex`]) are "items" with a character
//! mask, a lower-cased form and a folded form ([`Haystacks`]); a query keeps, for every
//! item it may match, what the next keystroke reuses ([`Matched`]), and the next query is
//! checked against those items only (BENCHMARKS.md, "filter per keystroke").
//!
//! When a character is appended, the items the previous query matched are the only
//! candidates (`super::narrows`), and for each of them the previous search already knows
//! two things that make the new check cheap:
//! - where the greedy in-order match of the last term ended: a greedy match is the
//!   earliest possible, so the longer term matches exactly when the appended characters
//!   occur in order after that point (one `memchr` per appended character);
//! - its match class: when the previous whole query did not occur in the item, a longer
//!   one cannot either, so the item stays `Fuzzy` without a scan.
//!
//! The candidates are checked in parts on rayon's pool (one thread per core of the
//! machine, `RAYON_NUM_THREADS` to override), each part in candidate order, the parts'
//! answers concatenated in order: the result does not depend on the number of threads.

use std::borrow::Cow;
use std::mem::MaybeUninit;
use std::ops::Range;

use fuzzy_matcher::skim::SkimMatcherV2;
use rayon::prelude::*;

use super::ascii_case;
use super::prefilter::{Classifier, may_contain, query_mask};
use super::{MatchClass, Query, Term, TermKind, term_may_match};

/// Every item a query may match, in item order, each with its state ([`state`]: where
/// the greedy match of the last term ended and the match class), for a narrowing query.
#[derive(Debug, Clone, Default)]
pub struct Matched {
    /// The query these are the matches of.
    pub(crate) query: Query,
    /// (item, state) of every item that may match, in item order.
    pub(crate) items: Vec<(u32, u32)>,
}

impl Matched {
    /// How many items may match.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// True when none may match.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Every item, in item order, each with no end known and class `Fuzzy`: what the
    /// empty query leaves (the next query checks each item whole).
    pub(crate) fn all(query: &Query, n: usize) -> Matched {
        let s = state(None, MatchClass::Fuzzy);
        Matched {
            query: query.clone(),
            items: (0..n as u32).map(|i| (i, s)).collect(),
        }
    }
}

/// "No greedy end known" in a [`state`]; ends from here on are not kept either (an item
/// that long is matched again from its start).
pub(crate) const NO_END: usize = (1 << 30) - 1;

/// Packs a greedy-match end (`None`: not known) and a class into one `u32`: the end
/// shifted left 2, the class in the low 2 bits.
pub(crate) fn state(end: Option<usize>, class: MatchClass) -> u32 {
    let end = end.filter(|&e| e < NO_END).unwrap_or(NO_END);
    ((end as u32) << 2) | class as u32
}

/// The (end, class) of a [`state`].
pub(crate) fn unstate(s: u32) -> (Option<usize>, MatchClass) {
    let class = match s & 3 {
        3 => MatchClass::Equal,
        2 => MatchClass::WordStart,
        1 => MatchClass::Substring,
        _ => MatchClass::Fuzzy,
    };
    let end = (s >> 2) as usize;
    ((end != NO_END).then_some(end), class)
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
    /// the character masks: a scope that keeps word-start masks decides the match and
    /// the class from the masks alone ([`Haystacks::one_char_class`]).
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
        let Some(last) = old.len().checked_sub(1) else {
            return plan;
        };
        if new.len() < old.len() || old[..last] != new[..last] {
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
/// `hay[from..]` (a `str`'s bytes), or `None` when they do not all occur in order.
/// `from` must be a character boundary (0, or an end this function returned).
/// `greedy_end(h, 0, n).is_some()` is exactly `is_subsequence(h, n)`: in UTF-8 a
/// character's encoding occurs only where that character is (no encoding starts inside
/// another), so searching bytes from a character boundary finds characters.
#[inline]
pub(crate) fn greedy_end(hay: &[u8], from: usize, needle: &str) -> Option<usize> {
    let rest = hay.get(from..)?;
    if rest.len() <= 64 && needle.is_ascii() {
        // Short strings (names, aliases, most claims): eight bytes at a time beats
        // starting a vectorised search per character.
        return super::eight::greedy_end(rest, needle.as_bytes()).map(|end| from + end);
    }
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

/// What the filter reads of a scope's items (dossier entries, sentences). The forms are
/// `Cow`s so a scope may make them as they are read instead of keeping them (the
/// passages' folded sentences: BENCHMARKS.md, "fifth pass: passages memory").
pub(crate) trait Haystacks: Sync {
    /// The characters of item `i`'s lower-cased form (`prefilter::char_mask`).
    fn mask(&self, i: u32) -> u64;
    /// Item `i` folded for search and lower-cased one character for one (but for its
    /// ASCII letters when [`Haystacks::ascii_cased`] says so).
    fn lower(&self, i: u32) -> Cow<'_, str>;
    /// The bytes of [`Haystacks::lower`]: a scope may give them without the character
    /// boundary checks of slicing a `str` (two more cache lines per long item).
    fn lower_bytes(&self, i: u32) -> Cow<'_, [u8]> {
        match self.lower(i) {
            Cow::Borrowed(s) => Cow::Borrowed(s.as_bytes()),
            Cow::Owned(s) => Cow::Owned(s.into_bytes()),
        }
    }
    /// Item `i` folded for search, same case (read only by case-sensitive terms).
    fn folded(&self, i: u32) -> Cow<'_, str>;
    /// True when item `i`'s [`Haystacks::lower`] is given with its ASCII letters not yet
    /// lower-cased (its lower-cased form differs from it in nothing else): the filter
    /// then reads it with ASCII letters in either case (`super::ascii_case`), and a
    /// scope need not keep a lower-cased copy of most of its text (the passages').
    fn ascii_cased(&self, _i: u32) -> bool {
        false
    }
    /// [`Haystacks::lower_bytes`] and [`Haystacks::ascii_cased`] in one call, for a
    /// scope that looks both up in the same place. A form the scope makes as it is read
    /// is made in `scratch`, one buffer for every candidate of a scan: an allocation per
    /// such candidate made the passages' narrowing keys slower (BENCHMARKS.md, "sixth
    /// pass: passages memory").
    fn hay<'a>(&'a self, i: u32, scratch: &'a mut String) -> (&'a [u8], bool) {
        let ascii_cased = self.ascii_cased(i);
        match self.lower_bytes(i) {
            Cow::Borrowed(bytes) => (bytes, ascii_cased),
            Cow::Owned(_) => {
                *scratch = self.lower(i).into_owned();
                (scratch.as_bytes(), ascii_cased)
            }
        }
    }
    /// The class of item `i` for a one-character query whose character has `bit` of its
    /// own in the masks (the mask already proved it occurs), when the scope can tell it
    /// without reading the text; `None` to check the text.
    fn one_char_class(&self, _i: u32, _bit: u64) -> Option<MatchClass> {
        None
    }
    /// Asks the CPU to fetch item `i`'s lower-cased form at byte `at`, where a
    /// narrowing check will resume, a few candidates ahead (long items scattered over a
    /// large corpus).
    fn prefetch(&self, _i: u32, _at: usize) {}
}

/// Asks the CPU to fetch the cache line at `p` (a [`Haystacks::prefetch`] hint; does
/// nothing where the architecture has no such hint here).
#[inline]
pub(crate) fn prefetch(p: *const u8) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: a prefetch is only a hint: it never faults, whatever the address, and
    // SSE (which has it) is part of every x86_64 CPU.
    unsafe {
        core::arch::x86_64::_mm_prefetch::<{ core::arch::x86_64::_MM_HINT_T0 }>(p.cast())
    };
    #[cfg(not(target_arch = "x86_64"))]
    let _ = p;
}

/// How many candidates ahead [`Filter::scan`] asks for the text it will read.
const PREFETCH: usize = 8;

/// Candidate lists shorter than this are checked on the calling thread alone (handing
/// parts to the pool costs more).
pub(crate) const PARALLEL_FROM: usize = 20_000;

/// One query, compiled for checking many items.
pub(crate) struct Filter<'q> {
    query: &'q Query,
    plan: Plan<'q>,
    qmask: u64,
    classifier: Classifier<'q>,
    matcher: &'q SkimMatcherV2,
    /// The folded form is fetched only for a case-sensitive term.
    needs_folded: bool,
    /// The index of the last term when its greedy end is tracked.
    tracked_last: Option<usize>,
}

impl<'q> Filter<'q> {
    /// The filter for `query`, narrowing `previous` (from a query `query` narrows) or
    /// from scratch.
    pub(crate) fn new(
        query: &'q Query,
        previous: Option<&Matched>,
        matcher: &'q SkimMatcherV2,
    ) -> Filter<'q> {
        let last = query.terms.len().checked_sub(1);
        Filter {
            query,
            plan: Plan::new(query, previous),
            qmask: query_mask(query),
            classifier: Classifier::new(query),
            matcher,
            needs_folded: query.terms.iter().any(|t| t.case_sensitive),
            tracked_last: last.filter(|&l| query.terms.get(l).is_some_and(tracked)),
        }
    }

    /// Checks item `i`, whose state for the previous query was `old` (any state when
    /// there was none): its new [`state`] and class, or `None` when it cannot match.
    /// `scratch` is where a form made as it is read goes ([`Haystacks::hay`]).
    #[inline]
    pub(crate) fn check<H: Haystacks>(
        &self,
        h: &H,
        i: u32,
        old: u32,
        scratch: &mut String,
    ) -> Option<(u32, MatchClass)> {
        if !may_contain(h.mask(i), self.qmask) {
            return None;
        }
        if let Some(class) = self.plan.one_char.and_then(|bit| h.one_char_class(i, bit)) {
            return Some((state(None, class), class));
        }
        let (prior_end, prior_class) = unstate(old);
        let plan = &self.plan;
        // One look-up of what to scan; the lower-cased `str` only for the checks that
        // take one (made when the scope gives ASCII letters in either case).
        let (hay, ascii_cased) = h.hay(i, scratch);
        let lower = || -> Cow<'_, str> {
            if ascii_cased {
                Cow::Owned(h.lower(i).to_ascii_lowercase())
            } else {
                h.lower(i)
            }
        };
        let mut end = None;
        for (ti, t) in self.query.terms.iter().enumerate() {
            if Some(ti) == self.tracked_last {
                if ti < plan.skip {
                    end = prior_end;
                    continue;
                }
                let (from, needle) = match (plan.resume, prior_end) {
                    (Some(ext), Some(from)) => (from, ext),
                    _ => (0, t.text.as_str()),
                };
                end = Some(if t.case_sensitive {
                    greedy_end(h.folded(i).as_bytes(), from, needle)?
                } else if ascii_cased {
                    ascii_case::greedy_end(hay, from, needle)?
                } else {
                    greedy_end(hay, from, needle)?
                });
            } else if ti >= plan.skip {
                let folded = if self.needs_folded {
                    h.folded(i)
                } else {
                    Cow::Borrowed("")
                };
                if !term_may_match(self.matcher, &folded, &lower(), t) {
                    return None;
                }
            }
        }
        let class = if plan.keep_fuzzy && prior_class == MatchClass::Fuzzy {
            MatchClass::Fuzzy
        } else if ascii_cased {
            ascii_case::class(&self.query.whole, hay)
        } else {
            self.classifier.class(&h.lower(i))
        };
        Some((state(end, class), class))
    }

    /// Checks `candidates` in order, calling `found` with each match and its class;
    /// returns every match with its state (for the next query), or `None` when
    /// `cancelled` said so (polled every 1,024 candidates).
    pub(crate) fn scan<H: Haystacks>(
        &self,
        h: &H,
        candidates: Candidates<'_>,
        cancelled: &(dyn Fn() -> bool + Sync),
        mut found: impl FnMut(u32, MatchClass),
    ) -> Option<Vec<(u32, u32)>> {
        // At most every candidate; pages never written cost nothing.
        let mut matched = Vec::with_capacity(candidates.len());
        self.each_match(h, candidates, cancelled, |i, s, class| {
            matched.push((i, s));
            found(i, class);
        })?;
        Some(matched)
    }

    /// Checks `candidates` in order and writes each match with its state to the next
    /// slot of `out` (as long as they are: at least one slot a candidate); how many,
    /// or `None` when `cancelled` said so.
    fn scan_into<H: Haystacks>(
        &self,
        h: &H,
        candidates: Candidates<'_>,
        cancelled: &(dyn Fn() -> bool + Sync),
        out: &mut [MaybeUninit<(u32, u32)>],
    ) -> Option<usize> {
        let mut slots = out.iter_mut();
        let mut n = 0;
        self.each_match(h, candidates, cancelled, |i, s, _| {
            if let Some(slot) = slots.next() {
                slot.write((i, s));
                n += 1;
            }
        })?;
        Some(n)
    }

    /// Calls `keep` with each of `candidates` that matches, in order, with its state
    /// and class; `None` when `cancelled` said so (polled every 1,024 candidates).
    fn each_match<H: Haystacks>(
        &self,
        h: &H,
        candidates: Candidates<'_>,
        cancelled: &(dyn Fn() -> bool + Sync),
        mut keep: impl FnMut(u32, u32, MatchClass),
    ) -> Option<()> {
        let mut scratch = String::new();
        let mut check = |i: u32, old: u32| {
            if let Some((s, class)) = self.check(h, i, old, &mut scratch) {
                keep(i, s, class);
            }
        };
        match candidates {
            Candidates::All(r) => {
                for (n, i) in r.enumerate() {
                    if n % 1024 == 0 && cancelled() {
                        return None;
                    }
                    check(i, 0);
                }
            }
            Candidates::Previous(p) => {
                for (n, &(i, old)) in p.iter().enumerate() {
                    if n % 1024 == 0 && cancelled() {
                        return None;
                    }
                    if let Some(&(ahead, s)) = p.get(n + PREFETCH) {
                        h.prefetch(ahead, unstate(s).0.unwrap_or(0));
                    }
                    check(i, old);
                }
            }
        }
        Some(())
    }

    /// Every candidate that matches, with its state, in order: checked in parts as by
    /// [`in_parts`], each part writing its matches at the start of its own stretch of
    /// one list (as long as the candidates: pages never written cost nothing), then
    /// moved down into one run. The parts' own lists and their copy into one were
    /// alive at once, twice the matches (4.8 MB for the first key at 10k), made on
    /// rayon's threads where the freed pages stayed (BENCHMARKS.md, "sixth pass:
    /// passages memory"). `None` when `cancelled` said so.
    pub(crate) fn matches<H: Haystacks>(
        &self,
        h: &H,
        candidates: Candidates<'_>,
        cancelled: &(dyn Fn() -> bool + Sync),
    ) -> Option<Vec<(u32, u32)>> {
        let ranges = part_ranges(candidates.len(), |k| k);
        let mut out: Vec<(u32, u32)> = Vec::with_capacity(candidates.len());
        let spare = &mut out.spare_capacity_mut()[..candidates.len()];
        let counts: Vec<usize> = {
            let mut stretches = Vec::with_capacity(ranges.len());
            let mut rest = &mut *spare;
            for r in &ranges {
                let (stretch, tail) = rest.split_at_mut(r.len());
                stretches.push((candidates.slice(r.clone()), stretch));
                rest = tail;
            }
            let scan = |(part, stretch): (Candidates<'_>, &mut [MaybeUninit<(u32, u32)>])| {
                self.scan_into(h, part, cancelled, stretch)
            };
            if stretches.len() == 1 {
                stretches.into_iter().map(scan).collect::<Option<_>>()?
            } else {
                stretches.into_par_iter().map(scan).collect::<Option<_>>()?
            }
        };
        let mut len = 0;
        for (r, n) in ranges.iter().zip(counts) {
            spare.copy_within(r.start..r.start + n, len);
            len += n;
        }
        // SAFETY: each part wrote its `n` matches at the start of its stretch (`n` is
        // how many `scan_into` wrote), and they were moved, in order, to the first
        // `len` slots: every one of them is written.
        unsafe { out.set_len(len) };
        Some(out)
    }
}

/// Which items a search checks: every one, or those the previous query may have matched.
#[derive(Clone)]
pub(crate) enum Candidates<'a> {
    All(Range<u32>),
    Previous(&'a [(u32, u32)]),
}

impl<'a> Candidates<'a> {
    /// The candidates of a search narrowing `previous`, or of one from scratch over `n`
    /// items.
    pub(crate) fn of(previous: Option<&'a Matched>, n: usize) -> Candidates<'a> {
        match previous {
            Some(p) => Candidates::Previous(&p.items),
            None => Candidates::All(0..n as u32),
        }
    }

    pub(crate) fn len(&self) -> usize {
        match self {
            Candidates::All(r) => r.len(),
            Candidates::Previous(p) => p.len(),
        }
    }

    /// The item of the `k`th candidate.
    pub(crate) fn item(&self, k: usize) -> Option<u32> {
        match self {
            Candidates::All(r) => u32::try_from(k)
                .ok()
                .and_then(|k| r.start.checked_add(k))
                .filter(|i| *i < r.end),
            Candidates::Previous(p) => p.get(k).map(|&(i, _)| i),
        }
    }

    /// The candidates `range` of these.
    fn slice(&self, range: Range<usize>) -> Candidates<'a> {
        match self {
            Candidates::All(r) => {
                let start = r.start + range.start as u32;
                Candidates::All(start..start + range.len() as u32)
            }
            Candidates::Previous(p) => Candidates::Previous(p.get(range).unwrap_or_default()),
        }
    }
}

/// `work` over `candidates` cut into parts, in order: on the calling thread alone below
/// [`PARALLEL_FROM`] candidates, else a few parts per thread of rayon's pool (a part
/// whose thread is descheduled on a busy machine is not the whole wait). A cut at `k`
/// is moved forward to `align(k)` (a scope whose items belong together, a dossier's
/// entries, keeps them in one part). `None` when any part returned `None`.
pub(crate) fn in_parts<P: Send>(
    candidates: Candidates<'_>,
    align: impl Fn(usize) -> usize,
    work: impl Fn(Candidates<'_>) -> Option<P> + Sync + Send,
) -> Option<Vec<P>> {
    let ranges = part_ranges(candidates.len(), align);
    if ranges.len() == 1 {
        return Some(vec![work(candidates)?]);
    }
    ranges
        .into_par_iter()
        .map(|r| work(candidates.slice(r)))
        .collect()
}

/// How [`in_parts`] cuts `n` candidates: one part below [`PARALLEL_FROM`], else a few
/// per thread of rayon's pool, each cut moved forward to `align(k)`.
fn part_ranges(n: usize, align: impl Fn(usize) -> usize) -> Vec<Range<usize>> {
    if n < PARALLEL_FROM {
        return std::iter::once(0..n).collect();
    }
    let parts = (rayon::current_num_threads() * 4).clamp(1, n / (PARALLEL_FROM / 4));
    let mut cuts = vec![0];
    for k in 1..parts {
        let at = align(n * k / parts).clamp(cuts.last().copied().unwrap_or(0), n);
        cuts.push(at);
    }
    cuts.push(n);
    cuts.windows(2).map(|w| w[0]..w[1]).collect()
}

/// `work` over `items` in chunks, the answers concatenated in order: on the calling
/// thread below `parallel_from` items, else a few chunks per thread of rayon's pool.
/// `None` when any chunk returned `None`.
pub(crate) fn map_chunks<T: Sync, R: Send>(
    items: &[T],
    parallel_from: usize,
    work: impl Fn(&[T]) -> Option<Vec<R>> + Sync + Send,
) -> Option<Vec<R>> {
    if items.len() < parallel_from.max(1) {
        return work(items);
    }
    let chunk = items
        .len()
        .div_ceil(rayon::current_num_threads() * 4)
        .max(parallel_from / 4)
        .max(1);
    let parts: Option<Vec<Vec<R>>> = items.par_chunks(chunk).map(&work).collect();
    Some(parts?.into_iter().flatten().collect())
}

#[cfg(test)]
mod tests {
    use super::super::parse;
    use super::*;

    /// The plain statement: every character of `needle` occurs in `hay` in order.
    fn is_subsequence(hay: &str, needle: &str) -> bool {
        let mut want = needle.chars().peekable();
        for c in hay.chars() {
            if want.peek() == Some(&c) {
                want.next();
            }
        }
        want.peek().is_none()
    }

    #[test]
    fn greedy_end_agrees_with_is_subsequence_and_continues() {
        let long = "x".repeat(70) + "volunteer corps";
        let hays = [
            "volunteer corps",
            "легион «свобода» vol",
            "éa b ж",
            "",
            "aaaa",
            "x",
            "abcabc",
            "ab ba ca",
            &long,
        ];
        let needles = [
            "", "v", "vlcr", "rv", "лгс", "нл", "ab", "ж", "éa", "aaa", "aaaaa", "cab", "acc",
            "xvs",
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
        // The earliest end, on the short path and the long one.
        assert_eq!(greedy_end(b"volunteer corps", 0, "vlcr"), Some(13));
        assert_eq!(greedy_end(b"volunteer corps", 2, "r"), Some(9));
        assert_eq!(greedy_end(b"volunteer corps", 4, ""), Some(4));
        assert_eq!(greedy_end(long.as_bytes(), 0, "vs"), Some(long.len()));
        assert_eq!(greedy_end(long.as_bytes(), 0, "xv"), Some(71));
        assert_eq!(greedy_end(long.as_bytes(), 71, "vs"), None);
        assert_eq!(greedy_end("легион «свобода»".as_bytes(), 0, "ли"), Some(8));
        assert_eq!(greedy_end(b"ab", 9, "b"), None);
    }

    fn matched(query: &str, n: usize) -> Matched {
        Matched::all(&parse(query), n)
    }

    #[test]
    fn plans_reuse_only_what_still_holds() {
        let p = |a: &str, b: &str| {
            let m = matched(a, 1);
            let q = parse(b);
            let p = Plan::new(&q, Some(&m));
            (p.skip, p.resume.map(str::to_owned), p.keep_fuzzy)
        };
        let some = |s: &str| Some(s.to_owned());
        assert_eq!(p("vol", "volc"), (0, some("c"), true));
        assert_eq!(p("vol", "vol "), (1, some(""), true));
        assert_eq!(p("a vol", "a volc"), (1, some("c"), true));
        // A new term: the old ones are known, the new one is checked whole.
        assert_eq!(p("vol", "vol c"), (1, None, true));
        assert_eq!(p("vol c", "vol co"), (1, some("o"), true));
        // Upper case makes the term case-sensitive: a different haystack.
        assert_eq!(p("vol", "volC"), (0, None, true));
        // A substring term is not tracked; no whole query, no class kept.
        assert_eq!(p("'vol", "'volc"), (0, None, false));
        // A changed earlier term: from scratch.
        assert_eq!(p("vo c", "vol c"), (0, None, false));
        // Greek final sigma: the old whole is not a prefix of the new one.
        assert!(!p("ας", "ασα").2);
        assert!(!p("", "a").2);
        assert_eq!(Plan::new(&parse("v"), None).one_char, Some(1 << 21));
        assert_eq!(Plan::new(&parse("V"), None).one_char, None);
        assert_eq!(Plan::new(&parse("é"), None).one_char, Some(1 << 4));
        assert_eq!(Plan::new(&parse("ж"), None).one_char, None);
        assert_eq!(Plan::new(&parse("'v"), None).one_char, None);
    }

    #[test]
    fn states_round_trip() {
        for class in [
            MatchClass::Fuzzy,
            MatchClass::Substring,
            MatchClass::WordStart,
            MatchClass::Equal,
        ] {
            for end in [Some(0), Some(1), Some(77), Some(NO_END - 1), None] {
                assert_eq!(unstate(state(end, class)), (end, class));
            }
            // Too long to keep: not known.
            assert_eq!(unstate(state(Some(NO_END + 5), class)), (None, class));
        }
    }

    /// Parts are cut where `align` allows, cover every candidate once, in order, on
    /// either side of the threshold.
    #[test]
    fn parts_cover_every_candidate_in_order() {
        for n in [
            0,
            7,
            PARALLEL_FROM - 1,
            PARALLEL_FROM,
            3 * PARALLEL_FROM + 11,
        ] {
            let all: Vec<(u32, u32)> = (0..n as u32).map(|i| (i * 2, i)).collect();
            for candidates in [Candidates::All(5..5 + n as u32), Candidates::Previous(&all)] {
                // Items belong together in runs of 10: a cut moves to the next run.
                let align = |k: usize| k.div_ceil(10) * 10;
                let parts = in_parts(candidates.clone(), align, |c| {
                    let items: Vec<u32> = (0..c.len()).filter_map(|k| c.item(k)).collect();
                    Some(items)
                });
                let parts = parts.unwrap_or_default();
                let first = |p: &Vec<u32>| p.first().map(|&i| candidates_pos(&candidates, i));
                assert!(parts.iter().all(|p| first(p).is_none_or(|k| k % 10 == 0)));
                let flat: Vec<u32> = parts.into_iter().flatten().collect();
                let want: Vec<u32> = (0..n).filter_map(|k| candidates.item(k)).collect();
                assert_eq!(flat, want, "{n}");
            }
        }
        assert!(in_parts(Candidates::All(0..50_000), |k| k, |_| None::<()>).is_none());
        let doubled = map_chunks(&(0..30_000).collect::<Vec<u32>>(), 256, |c| {
            Some(c.iter().map(|x| x * 2).collect())
        });
        assert_eq!(doubled, Some((0..30_000).map(|x| x * 2).collect()));
        assert_eq!(map_chunks(&[1, 2, 3], 256, |_| None::<Vec<u8>>), None);
    }

    /// Lower-cased words as a scope's items (test helper).
    struct Words(Vec<String>);

    impl Haystacks for Words {
        fn mask(&self, i: u32) -> u64 {
            self.0
                .get(i as usize)
                .map_or(u64::MAX, |w| super::super::prefilter::char_mask(w))
        }
        fn lower(&self, i: u32) -> Cow<'_, str> {
            Cow::Borrowed(self.0.get(i as usize).map_or("", |w| w.as_str()))
        }
        fn folded(&self, i: u32) -> Cow<'_, str> {
            self.lower(i)
        }
    }

    /// Matching in parts written into one list gives what one scan gives, from scratch
    /// and narrowing, on either side of the parallel threshold; a cancelled one nothing.
    #[test]
    fn matches_in_one_list_equal_one_scan() {
        let matcher = SkimMatcherV2::default();
        let all: Vec<String> = (0..3 * PARALLEL_FROM + 11)
            .map(|i| format!("w{} {}", i % 7, ["volga", "corps", "bar"][i % 3]))
            .collect();
        for n in [0, 7, PARALLEL_FROM - 1, PARALLEL_FROM, all.len()] {
            let h = Words(all[..n].to_vec());
            let mut previous: Option<Matched> = None;
            for q in ["v", "vo", "vo c", "w3 v", "w3 vg", "x"] {
                let query = parse(q);
                let from = previous
                    .as_ref()
                    .filter(|p| super::super::narrows(&p.query.whole, q));
                let filter = Filter::new(&query, from, &matcher);
                let candidates = Candidates::of(from, n);
                let want = filter.scan(&h, candidates.clone(), &|| false, |_, _| {});
                let got = filter.matches(&h, candidates.clone(), &|| false);
                assert_eq!(got, want, "{n} {q}");
                let some = got.as_ref().is_some_and(|g| !g.is_empty());
                assert_eq!(some, n > 0 && ["v", "vo", "w3 v", "w3 vg"].contains(&q));
                if candidates.len() > 0 {
                    assert_eq!(filter.matches(&h, candidates, &|| true), None);
                }
                previous = got.map(|items| Matched { query, items });
            }
        }
    }

    /// The position of item `i` among `c` (test helper: candidates are increasing).
    fn candidates_pos(c: &Candidates<'_>, i: u32) -> usize {
        (0..c.len())
            .find(|&k| c.item(k) == Some(i))
            .unwrap_or(usize::MAX)
    }
}
