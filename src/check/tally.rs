//! The summary line's counts and which registered sources are cited, taken from each
//! dossier the moment it is built, while its claims and citations are still in the
//! cache. Read again afterwards in passes of their own over the built corpus, they cost
//! a cache miss per citation (2.1 million at 100,000 dossiers, ≈3% of `check`'s
//! samples: BENCHMARKS.md, "Issue 16, sixth pass").

use super::Stats;
use crate::model::Dossier;

/// What some built dossiers add up to.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tally {
    /// Dossiers, claims, resolved citations and disputed claims (`sources` stays 0: the
    /// registry's size is not the dossiers' to count).
    pub stats: Stats,
    /// `used[i]`: some citation of these dossiers names source `i`.
    pub used: Vec<bool>,
}

impl Tally {
    /// Nothing counted yet, for a registry of `sources` sources.
    pub fn new(sources: usize) -> Self {
        Tally {
            stats: Stats::default(),
            used: vec![false; sources],
        }
    }

    /// Counts `d`.
    pub fn add(&mut self, d: &Dossier) {
        self.stats.dossiers += 1;
        self.stats.claims += d.claims.len();
        self.stats.disputed += d.claims.iter().filter(|c| c.disputed).count();
        for c in d.all_cites() {
            self.stats.citations += 1;
            if let Some(u) = self.used.get_mut(c.source) {
                *u = true;
            }
        }
    }

    /// Adds what `other` counted (over other dossiers, against the same registry).
    pub fn join(&mut self, other: Tally) {
        self.stats = self.stats.plus(other.stats);
        self.used
            .iter_mut()
            .zip(other.used)
            .for_each(|(a, b)| *a |= b);
    }
}

impl Stats {
    /// Both counts together, field by field.
    pub fn plus(self, o: Stats) -> Stats {
        Stats {
            dossiers: self.dossiers + o.dossiers,
            claims: self.claims + o.claims,
            citations: self.citations + o.citations,
            disputed: self.disputed + o.disputed,
            sources: self.sources + o.sources,
        }
    }

    /// These counts without `o`'s, which they include (saturating: never below 0).
    pub fn minus(self, o: Stats) -> Stats {
        Stats {
            dossiers: self.dossiers.saturating_sub(o.dossiers),
            claims: self.claims.saturating_sub(o.claims),
            citations: self.citations.saturating_sub(o.citations),
            disputed: self.disputed.saturating_sub(o.disputed),
            sources: self.sources.saturating_sub(o.sources),
        }
    }

    /// The counts of one dossier.
    pub fn of(d: &Dossier) -> Stats {
        let mut t = Tally::new(0);
        t.add(d);
        t.stats
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::check;
    use crate::data::DataRoot;

    /// Counted one dossier at a time and joined in any split, the tally is the count of
    /// the whole: every claim, citation, disputed claim and cited source.
    #[test]
    fn joined_parts_count_the_whole() {
        let report = check(&DataRoot::Bundled);
        let all = &report.corpus.dossiers;
        let n = report.corpus.sources.len();
        let mut whole = Tally::new(n);
        all.iter().for_each(|d| whole.add(d));
        assert_eq!(whole.stats.dossiers, all.len());
        assert_eq!(
            whole.stats.claims,
            all.iter().map(|d| d.claims.len()).sum::<usize>()
        );
        assert_eq!(
            whole.stats.citations,
            all.iter().map(|d| d.all_cites().count()).sum::<usize>()
        );
        let disputed = all
            .iter()
            .flat_map(|d| &d.claims)
            .filter(|c| c.disputed)
            .count();
        assert!(disputed > 0);
        assert_eq!(whole.stats.disputed, disputed);
        for (i, u) in whole.used.iter().enumerate() {
            assert_eq!(
                *u,
                all.iter()
                    .flat_map(|d| d.all_cites())
                    .any(|c| c.source == i)
            );
        }
        for at in [0, 1, all.len() / 2, all.len()] {
            let (a, b) = all.split_at(at);
            let mut left = Tally::new(n);
            a.iter().for_each(|d| left.add(d));
            let mut right = Tally::new(n);
            b.iter().for_each(|d| right.add(d));
            left.join(right);
            assert_eq!(left, whole, "split at {at}");
        }
    }

    /// A dossier's own counts taken away leave the others'.
    #[test]
    fn minus_takes_one_dossier_away() {
        let report = check(&DataRoot::Bundled);
        let all = &report.corpus.dossiers;
        let mut whole = Tally::new(0);
        all.iter().for_each(|d| whole.add(d));
        let mut rest = Tally::new(0);
        all.iter().skip(1).for_each(|d| rest.add(d));
        assert_eq!(whole.stats.minus(Stats::of(&all[0])), rest.stats);
    }
}
