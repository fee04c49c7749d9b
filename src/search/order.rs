//! The answer of a dossier search, kept as compact as it was computed and put in order
//! only as far as it is read.
//!
//! A one-letter query matches most dossiers (≈10,000 at 10k, ≈60,000 at 100k), but the
//! browser shows a screenful. Sorting every hit by its full rank key and building one
//! [`Hit`] per match (an `Arc` clone on a cold cache line each) was a third of a key's
//! search (BENCHMARKS.md, "Issue 16, third pass"). Here:
//! - the scored hits ([`super::SCORED`] at most) are sorted, as before;
//! - every other hit is one packed integer whose order is the ranking's ([`rest_key`]);
//!   the best [`HEAD`] of them are selected and sorted at once, the others only when a
//!   row past them is read (scrolling, `G`);
//! - the two lists are merged level by level (a level is a match class and a field):
//!   within a level every scored hit ranks above every unscored one (an unscored hit's
//!   score is the lowest), so the merge is a walk over at most [`LEVELS`] counts;
//! - a [`Hit`] is built when it is read ([`DossierHits::get`]).

use std::sync::{Arc, OnceLock};

use super::narrowing::map_chunks;
use super::{Hit, MatchClass, Query, SearchIndex};

/// How many of the unscored hits are put in order at once: several screens, so that
/// the rows shown after a key and the first pages of scrolling need no more.
pub(crate) const HEAD: usize = 256;

/// (class, field rank) pairs: 4 classes × 4 ranks (a field's rank is 1 to 3).
pub(crate) const LEVELS: usize = 16;

/// The scored dossiers of the best levels that hold this many hits are scored with the
/// search; the others when a row at their level is first read. More than a tall
/// terminal's screen, far fewer than [`super::SCORED`]: most of a key's fuzzy scoring
/// was for levels (claims matched fuzzily) that nobody scrolls to.
pub(crate) const EAGER: usize = 128;

/// A hit's level, best first: 0 is (`Equal`, name).
pub(crate) fn level(class: MatchClass, rank: u8) -> usize {
    (3 - class as usize) * 4 + (3 - usize::from(rank.min(3)))
}

/// The (class, field rank) of a level.
pub(crate) fn unlevel(level: usize) -> (MatchClass, u8) {
    let class = match 3 - (level / 4).min(3) {
        3 => MatchClass::Equal,
        2 => MatchClass::WordStart,
        1 => MatchClass::Substring,
        _ => MatchClass::Fuzzy,
    };
    (class, 3 - (level % 4) as u8)
}

/// An unscored hit as one integer whose ascending order is the ranking's: its level,
/// its field's length in bytes (shorter first), its dossier's name rank (ties by name),
/// then its entry (ties in the order found, which is entry order). With `name_rank` 0
/// it is the order in which dossiers are picked for scoring.
pub(crate) fn rest_key(level: usize, len: u32, name_rank: u32, entry: u32) -> u128 {
    ((level as u128) << 124)
        | (u128::from(len) << 88)
        | (u128::from(name_rank) << 56)
        | u128::from(entry)
}

/// The level of a [`rest_key`].
pub(crate) fn key_level(key: u128) -> usize {
    (key >> 124) as usize
}

/// The entry of a [`rest_key`].
pub(crate) fn key_entry(key: u128) -> u32 {
    key as u32
}

/// A hit with its entry, class, field rank and fuzzy score (`i64::MIN`: not scored).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Scored {
    pub(crate) score: i64,
    pub(crate) entry: u32,
    pub(crate) class: MatchClass,
    pub(crate) rank: u8,
}

impl Scored {
    fn unscored(key: u128) -> Scored {
        let (class, rank) = unlevel(key_level(key));
        Scored {
            score: i64::MIN,
            entry: key_entry(key),
            class,
            rank,
        }
    }
}

/// Dossiers picked for scoring whose level the first rows do not show: scored when a
/// row at their level is first read.
#[derive(Debug, Clone, Default)]
pub(crate) struct Later {
    /// Each dossier's key ([`rest_key`] without the name) and its run of `entries`.
    pub(crate) groups: Vec<(u128, u32, u32)>,
    /// The entries at each dossier's best level.
    entries: Vec<u32>,
}

impl Later {
    /// Adds the dossier picked by `key`, with the entries at its best level.
    pub(crate) fn push(&mut self, key: u128, entries: impl Iterator<Item = u32>) {
        let start = self.entries.len() as u32;
        self.entries.extend(entries);
        self.groups.push((key, start, self.entries.len() as u32));
    }

    /// Every dossier scored, in the order of the scored (`SearchIndex::place`).
    fn score(&self, index: &SearchIndex, query: &Query) -> Vec<Scored> {
        let score = |gs: &[(u128, u32, u32)]| {
            let scored = gs.iter().map(|&(key, a, b)| {
                let entries = self.entries.get(a as usize..b as usize).unwrap_or_default();
                (key, index.score_best(query, key, entries.iter().copied()))
            });
            Some(scored.collect::<Vec<_>>())
        };
        let mut all = map_chunks(&self.groups, 256, score).unwrap_or_default();
        all.sort_unstable_by_key(|&(key, s)| index.place(key, s));
        all.into_iter().map(|(_, s)| s).collect()
    }
}

/// Every hit of a dossier search, best first, put in order as far as it is read.
#[derive(Debug, Clone, Default)]
pub(crate) struct Order {
    /// The query (to score `later`).
    query: Query,
    /// The scored hits of the first levels, best first (or, with nothing unscored and
    /// nothing later, every hit in order).
    top: Vec<Scored>,
    /// The other dossiers picked for scoring, and them scored, in order, once read.
    pub(crate) later: Later,
    pub(crate) later_scored: OnceLock<Vec<Scored>>,
    /// The best unscored hits, in order ([`rest_key`]s).
    head: Vec<u128>,
    /// The other unscored hits, in no order; each ranks after every one of `head`.
    tail: Vec<u128>,
    /// `tail` in order, sorted on the first read of a row in it.
    sorted_tail: OnceLock<Vec<u128>>,
    /// For each level: how many scored hits, and how many unscored, have it.
    counts: [(u32, u32); LEVELS],
}

impl Order {
    /// Every hit in the order given (the empty query's list).
    pub(crate) fn listed(query: &Query, top: Vec<Scored>) -> Order {
        Order {
            query: query.clone(),
            top,
            ..Order::default()
        }
    }

    /// The order of `top` (scored, best first), `later` (to be scored, at the levels
    /// after `top`'s) and `rest` (unscored [`rest_key`]s, any order), with `picked[l]`
    /// dossiers of level `l` in `top` and `later` together: the best [`HEAD`] of `rest`
    /// are sorted now, the others when read.
    pub(crate) fn new(
        query: &Query,
        top: Vec<Scored>,
        later: Later,
        mut rest: Vec<u128>,
        picked: [usize; LEVELS],
    ) -> Order {
        let mut counts = [(0u32, 0u32); LEVELS];
        for (c, &p) in counts.iter_mut().zip(&picked) {
            c.0 = p as u32;
        }
        for &k in &rest {
            if let Some(c) = counts.get_mut(key_level(k)) {
                c.1 += 1;
            }
        }
        let tail = if rest.len() > HEAD {
            rest.select_nth_unstable(HEAD);
            rest.split_off(HEAD)
        } else {
            Vec::new()
        };
        rest.sort_unstable();
        Order {
            query: query.clone(),
            top,
            later,
            later_scored: OnceLock::new(),
            head: rest,
            tail,
            sorted_tail: OnceLock::new(),
            counts,
        }
    }

    /// How many hits.
    pub(crate) fn len(&self) -> usize {
        self.top.len() + self.later.groups.len() + self.head.len() + self.tail.len()
    }

    /// True when `top` is the whole order.
    fn is_listed(&self) -> bool {
        self.later.groups.is_empty() && self.head.is_empty() && self.tail.is_empty()
    }

    /// The `j`-th best scored hit (scoring the later levels on the first read there).
    fn scored(&self, j: usize, index: &SearchIndex) -> Option<Scored> {
        match j.checked_sub(self.top.len()) {
            None => self.top.get(j).copied(),
            Some(l) => self
                .later_scored
                .get_or_init(|| self.later.score(index, &self.query))
                .get(l)
                .copied(),
        }
    }

    /// The `j`-th best unscored hit.
    fn rest(&self, j: usize) -> Option<u128> {
        match j.checked_sub(self.head.len()) {
            None => self.head.get(j).copied(),
            Some(t) => self
                .sorted_tail
                .get_or_init(|| {
                    let mut all = self.tail.clone();
                    all.sort_unstable();
                    all
                })
                .get(t)
                .copied(),
        }
    }

    /// The `i`-th best hit.
    pub(crate) fn get(&self, i: usize, index: &SearchIndex) -> Option<Scored> {
        if self.is_listed() {
            return self.top.get(i).copied();
        }
        let (mut i, mut t, mut r) = (i, 0, 0);
        for &(tc, rc) in &self.counts {
            let (tc, rc) = (tc as usize, rc as usize);
            if i < tc {
                return self.scored(t + i, index);
            }
            i -= tc;
            t += tc;
            if i < rc {
                return self.rest(r + i).map(Scored::unscored);
            }
            i -= rc;
            r += rc;
        }
        None
    }

    /// Every hit, in order, in one list (to reorder them).
    fn settle(&mut self, index: &SearchIndex) {
        if self.is_listed() {
            return;
        }
        let all: Vec<Scored> = (0..self.len()).map_while(|i| self.get(i, index)).collect();
        *self = Order::listed(&self.query, all);
    }
}

/// Every dossier a query matched, best first; each [`Hit`] is built when read.
#[derive(Clone, Default)]
pub struct DossierHits {
    /// Boxed: the answer moves through the worker's channel and the index view.
    order: Box<Order>,
    /// Where the hits' fields are (`None` only for the empty answer).
    index: Option<Arc<SearchIndex>>,
}

impl DossierHits {
    pub(crate) fn new(order: Order, index: Arc<SearchIndex>) -> DossierHits {
        DossierHits {
            order: Box::new(order),
            index: Some(index),
        }
    }

    /// How many dossiers matched.
    pub fn len(&self) -> usize {
        if self.index.is_none() {
            return 0;
        }
        self.order.len()
    }

    /// True when none did.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The `i`-th best hit, without positions.
    pub fn get(&self, i: usize) -> Option<Hit> {
        let index = self.index.as_ref()?;
        let s = self.order.get(i, index)?;
        Some(index.hit(s.entry as usize, s.class, s.score.max(0)))
    }

    /// The best hit.
    pub fn first(&self) -> Option<Hit> {
        self.get(0)
    }

    /// Every hit, best first.
    pub fn iter(&self) -> impl Iterator<Item = Hit> + '_ {
        (0..self.len()).map_while(|i| self.get(i))
    }

    /// Reorders the hits by `key` of their dossier, stably (the index's order while
    /// nothing is typed).
    pub fn sort_by_dossier_key<K: Ord>(&mut self, key: impl Fn(usize) -> K) {
        let Some(index) = &self.index else {
            return;
        };
        self.order.settle(index);
        self.order
            .top
            .sort_by_key(|s| key(index.entries.dossier(s.entry as usize)));
    }
}

/// Equal when they list the same hits in the same order (however they are stored).
impl PartialEq for DossierHits {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len() && self.iter().eq(other.iter())
    }
}

impl Eq for DossierHits {}

impl std::fmt::Debug for DossierHits {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scored(entry: u32, class: MatchClass, rank: u8, score: i64) -> Scored {
        Scored {
            score,
            entry,
            class,
            rank,
        }
    }

    #[test]
    fn levels_round_trip_best_first() {
        let mut seen = Vec::new();
        for class in [
            MatchClass::Equal,
            MatchClass::WordStart,
            MatchClass::Substring,
            MatchClass::Fuzzy,
        ] {
            for rank in [3, 2, 1] {
                let l = level(class, rank);
                assert_eq!(unlevel(l), (class, rank));
                let k = rest_key(l, 7, 9, 11);
                assert_eq!((key_level(k), key_entry(k)), (l, 11));
                seen.push(l);
            }
        }
        let mut sorted = seen.clone();
        sorted.sort();
        assert_eq!(seen, sorted, "best level first");
        assert!(seen.iter().all(|&l| l < LEVELS));
        // Within a level: shorter, then by name, then by entry.
        assert!(rest_key(4, 3, 9, 9) < rest_key(4, 4, 0, 0));
        assert!(rest_key(4, 3, 1, 9) < rest_key(4, 3, 2, 0));
        assert!(rest_key(4, 3, 1, 1) < rest_key(4, 3, 1, 2));
        assert!(rest_key(4, u32::MAX, u32::MAX, u32::MAX) < rest_key(5, 0, 0, 0));
    }

    /// The merged order is the plain sort of every hit by (level, scored before not,
    /// the scored order / the key), read at every index, past the head and back.
    #[test]
    fn reads_the_plain_merge_at_every_index() {
        use MatchClass::*;
        let top = vec![
            scored(100, Equal, 3, 5),
            scored(101, WordStart, 3, 9),
            scored(102, WordStart, 3, 2),
            scored(103, Fuzzy, 1, 40),
        ];
        // Unscored hits on every level, more than the head holds, in scrambled order.
        let mut rest = Vec::new();
        for n in 0..(3 * HEAD as u32) {
            let l = [0, 4, 5, 12, 15][(n * 7 % 5) as usize];
            rest.push(rest_key(l, n * 13 % 17, n % 3, 1_000 + n));
        }
        let mut plain: Vec<(usize, u8, u128, Scored)> = top
            .iter()
            .enumerate()
            .map(|(k, s)| (level(s.class, s.rank), 0, k as u128, *s))
            .collect();
        plain.extend(
            rest.iter()
                .map(|&k| (key_level(k), 1, k, Scored::unscored(k))),
        );
        plain.sort_by_key(|p| (p.0, p.1, p.2));
        let want: Vec<Scored> = plain.into_iter().map(|p| p.3).collect();
        let mut picked = [0; LEVELS];
        for s in &top {
            picked[level(s.class, s.rank)] += 1;
        }
        let index = SearchIndex::with_entries(super::super::Entries::new(), Vec::new(), &[]);
        let order = Order::new(&Query::default(), top, Later::default(), rest, picked);
        assert_eq!(order.len(), want.len());
        // Read past the head first (the tail is sorted then), then everything.
        assert_eq!(order.get(want.len() - 1, &index), want.last().copied());
        let got: Vec<Scored> = (0..order.len())
            .map_while(|i| order.get(i, &index))
            .collect();
        assert_eq!(got, want);
        assert_eq!(order.get(want.len(), &index), None);
        // Settled into one list: the same order.
        let mut settled = order.clone();
        settled.settle(&index);
        let again: Vec<Scored> = (0..settled.len())
            .map_while(|i| settled.get(i, &index))
            .collect();
        assert_eq!(again, want);
    }

    #[test]
    fn the_empty_answer_has_nothing() {
        let h = DossierHits::default();
        assert_eq!((h.len(), h.first(), h.iter().count()), (0, None, 0));
        assert_eq!(h, DossierHits::default());
    }
}
