//! The answer of a passage search, kept as compact as it was computed: a one-letter query
//! matches most sentences of a large corpus (226,697 for `v` at 10k), but the browser
//! shows a screenful of them. Building one [`PassageHit`] (64 bytes, read from a random
//! place of the index) per match cost a third of a keystroke (BENCHMARKS.md); here a hit
//! is built only when it is read, from the scored hits or the other matches' order
//! ([`super::order`]), and the count stays exact.

use std::ops::Range;
use std::sync::Arc;

use super::super::MatchClass;
use super::order::ByClass;
use super::places::Places;

/// A sentence found by a query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PassageHit {
    /// Index into [`crate::model::Corpus::sources`].
    pub source: usize,
    /// Byte range of the sentence in the article.
    pub range: Range<usize>,
    pub class: MatchClass,
    pub score: i64,
    /// Character indices of the sentence that matched (filled only where shown).
    pub positions: Vec<usize>,
}

/// Where a sentence is: its article and byte range (kept in 8 bytes: [`Places`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Loc {
    pub(crate) source: u32,
    pub(crate) start: u32,
    pub(crate) end: u32,
}

/// A scored hit: its class, fuzzy score (`i64::MIN` when a term did not score) and
/// sentence.
pub(crate) type Scored = (MatchClass, i64, u32);

/// Every sentence a query matched, best first; each [`PassageHit`] is built when read.
#[derive(Clone)]
pub struct PassageHits {
    /// The scored hits, in order.
    top: Vec<Scored>,
    /// The other hits after them, in order, grouped by class (4 bytes a hit).
    rest: ByClass,
    /// Every sentence's place (shared with the index, not copied).
    locs: Arc<Places>,
}

impl Default for PassageHits {
    fn default() -> Self {
        PassageHits {
            top: Vec::new(),
            rest: ByClass::default(),
            locs: Arc::new(Places::default()),
        }
    }
}

impl PassageHits {
    pub(crate) fn new(top: Vec<Scored>, rest: ByClass, locs: Arc<Places>) -> Self {
        PassageHits { top, rest, locs }
    }

    /// How many sentences matched.
    pub fn len(&self) -> usize {
        self.top.len() + self.rest.len()
    }

    /// True when nothing matched.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The `i`-th best hit, without positions.
    pub fn get(&self, i: usize) -> Option<PassageHit> {
        let (class, score, passage) = match self.top.get(i) {
            Some(&t) => t,
            None => {
                let (class, passage) = self.rest.get(i - self.top.len())?;
                (class, i64::MIN, passage)
            }
        };
        let loc = self.locs.get(passage)?;
        Some(PassageHit {
            source: loc.source as usize,
            range: loc.start as usize..loc.end as usize,
            class,
            score: score.max(0),
            positions: Vec::new(),
        })
    }

    /// The best hit.
    pub fn first(&self) -> Option<PassageHit> {
        self.get(0)
    }

    /// Every hit, best first.
    pub fn iter(&self) -> impl Iterator<Item = PassageHit> + '_ {
        (0..self.len()).map_while(|i| self.get(i))
    }

    /// Keeps only the best `n`.
    pub fn truncate(&mut self, n: usize) {
        self.top.truncate(n);
        self.rest.truncate(n.saturating_sub(self.top.len()));
    }
}

/// Equal when they list the same hits in the same order (however they are stored).
impl PartialEq for PassageHits {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len() && self.iter().eq(other.iter())
    }
}

impl Eq for PassageHits {}

impl std::fmt::Debug for PassageHits {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::super::super::narrowing::state;
    use super::*;

    fn hits() -> PassageHits {
        let mut locs = Places::default();
        for (source, start, end) in [(0, 0, 4), (0, 5, 9), (2, 1, 3)] {
            locs.push(source, start, end);
        }
        let locs = Arc::new(locs);
        PassageHits::new(
            vec![
                (MatchClass::WordStart, 40, 2),
                (MatchClass::Fuzzy, i64::MIN, 0),
            ],
            ByClass::new(&[(1, state(None, MatchClass::Fuzzy))], |_| 4),
            locs,
        )
    }

    #[test]
    fn reads_scored_then_ranked_hits_in_order() {
        let h = hits();
        assert_eq!(h.len(), 3);
        let got: Vec<_> = h
            .iter()
            .map(|p| (p.source, p.range, p.class, p.score))
            .collect();
        assert_eq!(
            got,
            [
                (2, 1..3, MatchClass::WordStart, 40),
                (0, 0..4, MatchClass::Fuzzy, 0),
                (0, 5..9, MatchClass::Fuzzy, 0),
            ]
        );
        assert_eq!(h.get(3), None);
        assert_eq!(h.first(), h.get(0));
    }

    #[test]
    fn truncate_keeps_the_best() {
        for n in 0..=4 {
            let mut h = hits();
            h.truncate(n);
            assert_eq!(h.len(), n.min(3));
            assert!(h.iter().eq(hits().iter().take(n)));
        }
    }

    #[test]
    fn equal_by_content() {
        assert_eq!(hits(), hits());
        let mut shorter = hits();
        shorter.truncate(2);
        assert_ne!(hits(), shorter);
        assert_eq!(PassageHits::default(), {
            let mut h = hits();
            h.truncate(0);
            h
        });
    }
}
