//! The order of a passage search's matches before scoring (best class, then the
//! shorter sentence, then corpus order) as 4-byte sentence numbers grouped by class,
//! made by counting, not by sorting 8-byte keys.
//!
//! A one-letter query matches most sentences (303,491 for `s` at 10k). The answer kept
//! them as packed 8-byte rank keys sorted, beside the 8-byte states the next key reads:
//! 2.4 MB more for as long as the search is open, and made while the states were alive
//! (BENCHMARKS.md, "sixth pass: passages memory"). The matches come in sentence order,
//! so a stable counting sort by (class, length) leaves each bucket in corpus order: the
//! whole order in two passes, no key list, the classes kept as the bounds of their runs.

use super::super::MatchClass;
use super::super::narrowing::unstate;

/// Sentences of this many bytes or more share the last bucket of their class and are
/// ordered there by comparison (few: a sentence ends at a stop or a line break). 4
/// classes × this many counters, 64 KB.
pub(super) const LEN_BUCKETS: usize = 2048;

/// The classes from best to worst, as a rank (0 best) indexes them.
const CLASSES: [MatchClass; 4] = [
    MatchClass::Equal,
    MatchClass::WordStart,
    MatchClass::Substring,
    MatchClass::Fuzzy,
];

/// The rank of `class` among [`CLASSES`].
fn rank(class: MatchClass) -> usize {
    3 - class as usize
}

/// Sentence numbers in rank order, grouped by class, best class first.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct ByClass {
    /// The sentences, best first.
    items: Vec<u32>,
    /// Where the run of each class (by rank, [`CLASSES`]) ends in `items`.
    ends: [usize; 4],
}

impl ByClass {
    /// `matched` (sentence, `narrowing::state`), in sentence order, ordered by class,
    /// then by `len` of the sentence, then by sentence.
    pub(super) fn new(matched: &[(u32, u32)], len: impl Fn(u32) -> u32) -> ByClass {
        Self::with_buckets(matched, len, LEN_BUCKETS)
    }

    /// [`ByClass::new`] with `buckets` lengths counted (a parameter so tests reach the
    /// last bucket with short sentences).
    fn with_buckets(matched: &[(u32, u32)], len: impl Fn(u32) -> u32, buckets: usize) -> ByClass {
        let buckets = buckets.max(1);
        let bucket = |&(pi, s): &(u32, u32)| {
            rank(unstate(s).1) * buckets + (len(pi) as usize).min(buckets - 1)
        };
        // starts[b] ends up where bucket b starts; counted one bucket up first.
        let mut starts = vec![0usize; 4 * buckets + 1];
        for m in matched {
            if let Some(c) = starts.get_mut(bucket(m) + 1) {
                *c += 1;
            }
        }
        for b in 1..starts.len() {
            starts[b] += starts[b - 1];
        }
        let mut items = vec![0u32; matched.len()];
        let mut next = starts.clone();
        for m in matched {
            if let Some(at) = next.get_mut(bucket(m)) {
                if let Some(slot) = items.get_mut(*at) {
                    *slot = m.0;
                }
                *at += 1;
            }
        }
        let mut ends = [0; 4];
        for (r, end) in ends.iter_mut().enumerate() {
            let long = starts.get(r * buckets + buckets - 1).copied().unwrap_or(0);
            *end = starts.get((r + 1) * buckets).copied().unwrap_or(0);
            if let Some(run) = items.get_mut(long..*end) {
                run.sort_unstable_by_key(|&pi| (len(pi), pi));
            }
        }
        ByClass { items, ends }
    }

    /// How many sentences.
    pub(crate) fn len(&self) -> usize {
        self.items.len()
    }

    /// The `k`-th sentence and its class.
    pub(crate) fn get(&self, k: usize) -> Option<(MatchClass, u32)> {
        let pi = *self.items.get(k)?;
        let r = self.ends.iter().position(|&e| k < e)?;
        Some((CLASSES[r], pi))
    }

    /// Removes the first `n` (the ones scored).
    pub(super) fn drain_front(&mut self, n: usize) {
        let n = n.min(self.items.len());
        self.items.drain(..n);
        for e in &mut self.ends {
            *e = e.saturating_sub(n);
        }
    }

    /// Keeps only the first `n`.
    pub(super) fn truncate(&mut self, n: usize) {
        self.items.truncate(n);
        for e in &mut self.ends {
            *e = (*e).min(n);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::super::narrowing::state;
    use super::*;

    /// The order is the plain sort by (class rank, length, sentence), with every class
    /// kept, whether a length is counted or falls in the last bucket; and it is
    /// trimmed at either end without losing a class.
    #[test]
    fn orders_as_sorting_by_class_length_and_sentence() {
        let lens = [5u32, 3, 900, 3, 7, 0, 5, 64, 63, 2, 5, 1000, 3];
        let classes = [
            MatchClass::Fuzzy,
            MatchClass::Substring,
            MatchClass::WordStart,
            MatchClass::Equal,
        ];
        let matched: Vec<(u32, u32)> = (0..lens.len() as u32)
            .map(|pi| (pi * 3, state(None, classes[(pi as usize * 7) % 4])))
            .collect();
        let len = |pi: u32| lens[(pi / 3) as usize];
        let mut want: Vec<(MatchClass, u32)> =
            matched.iter().map(|&(pi, s)| (unstate(s).1, pi)).collect();
        want.sort_by_key(|&(c, pi)| (rank(c), len(pi), pi));
        for buckets in [1, 2, 6, 64, LEN_BUCKETS] {
            let order = ByClass::with_buckets(&matched, len, buckets);
            let got: Vec<_> = (0..order.len()).map_while(|k| order.get(k)).collect();
            assert_eq!(got, want, "{buckets}");
            assert_eq!(order.get(order.len()), None);
            for n in 0..=order.len() {
                let mut front = order.clone();
                front.drain_front(n);
                let got: Vec<_> = (0..front.len()).map_while(|k| front.get(k)).collect();
                assert_eq!(got, want[n..], "{buckets} {n}");
                let mut back = order.clone();
                back.truncate(n);
                let got: Vec<_> = (0..back.len()).map_while(|k| back.get(k)).collect();
                assert_eq!(got, want[..n], "{buckets} {n}");
            }
        }
        assert_eq!(ByClass::new(&[], len), ByClass::default());
    }
}
